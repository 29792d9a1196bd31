from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.views.generic import TemplateView

from editorial.seo import PageMeta, PageMetaMixin, latest_feed
from search.query import MAX_QUERY, search


class SearchView(PageMetaMixin, TemplateView):
    """Any query gets a normal page: no words, odd syntax or a bad page number is just an empty or first page."""

    template_name = "search/search.html"
    query_parameters = ("q", "page")

    def get_context_data(self, **kwargs):
        results = search(self.request.GET.get("q", ""))
        paginator = Paginator(results, settings.PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            query=results.query, has_words=bool(results.terms), results=page.object_list, page_obj=page,
            paginator=paginator, is_paginated=page.has_other_pages(), max_query=MAX_QUERY, capped=results.capped,
            **kwargs,
        )

    def page_meta(self, context):
        query = context["query"]
        return PageMeta(
            title=f"Search: “{query}”" if query else "Search",
            description=f"Search the reviews, shows and people of {settings.MAGAZINE_NAME}.",
            # Every results page points at the search page itself: a query is not a page to index.
            canonical=self.request.build_absolute_uri(reverse("search")),
            feeds=[latest_feed()],
        )
