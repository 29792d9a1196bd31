from django.conf import settings
from django.urls import reverse

from editorial import structured_data as ld
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, feed_link, latest_feed, social_image
from editorial.views import LiveDetailView, LiveListView
from people.models import Person
from people.structured_data import person as person_data
from shows.credits import credits_by_show
from shows.models import Show


class PersonListView(PageMetaMixin, LiveListView):
    model = Person
    template_name = "people/list.html"

    def page_meta(self, context):
        return PageMeta(title="People", description="Cast, crew and critics.",
                        canonical=canonical_url(self.request, context["page_obj"]), feeds=[latest_feed()])


class PersonDetailView(PageMetaMixin, LiveDetailView):
    model = Person
    template_name = "people/detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")

    def get_context_data(self, **kwargs):
        person = self.object
        credits = person.credits.filter(show__in=Show.objects.live()).select_related("show")
        reviews = person.reviews_written.model.objects  # reached through the reviews' own link to people
        return super().get_context_data(
            credits=credits_by_show(credits),
            reviews_written=person.reviews_written.live().select_related("show"),
            reviews_of_work=reviews.live().of_work_by(person).cards()[: settings.PAGE_SIZE],
            mentioned_in=reviews.live().mentioning(person=person).cards()[: settings.PAGE_SIZE],
            **kwargs,
        )

    def page_meta(self, context):
        person = self.object
        feeds = []
        if context["reviews_written"]:
            feeds.append(feed_link(f"Reviews by {person.name}", "critic", person.slug))
        if context["credits"]:
            feeds.append(feed_link(f"Reviews of work by {person.name}", "person", person.slug))
        trail = [("Home", reverse("home")), ("People", reverse("people:list")),
                 (person.name, person.get_absolute_url())]
        return PageMeta(
            title=person.name,
            description=describe(person.bio, f"{person.name}: credits and reviews."),
            canonical=canonical_url(self.request),
            og_type="profile",
            image=social_image(self.request, person),
            feeds=feeds or [latest_feed()],
            structured_data=[ld.standalone({**person_data(self.request, person), "description": describe(person.bio)}
                                           if person.bio else person_data(self.request, person)),
                             ld.breadcrumbs(self.request, trail)],
        )
