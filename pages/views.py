from django.conf import settings
from django.urls import reverse

from editorial import structured_data as ld
from editorial.markup import plain
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, latest_feed
from editorial.views import LiveDetailView
from pages.masthead import critics
from pages.models import Page


class PageDetailView(PageMetaMixin, LiveDetailView):
    model = Page
    template_name = "pages/detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(critics=list(critics()) if self.object.masthead else [], **kwargs)

    def page_meta(self, context):
        page = self.object
        description = describe(plain(page.standfirst), *plain(page.body).split("\n")[:1],
                               f"{page.title}: {settings.MAGAZINE_NAME}.")
        data = {"@type": "WebPage", "name": page.title, "url": ld.absolute(self.request, page.get_absolute_url()),
                "description": description, "publisher": ld.organization(self.request),
                "dateModified": page.last_changed.isoformat()}
        trail = [("Home", reverse("home")), (page.title, page.get_absolute_url())]
        return PageMeta(title=page.title, description=description, canonical=canonical_url(self.request),
                        feeds=[latest_feed()],
                        structured_data=[ld.standalone(data), ld.breadcrumbs(self.request, trail)])
