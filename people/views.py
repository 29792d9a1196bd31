from django.conf import settings
from django.db.models import OuterRef
from django.urls import reverse

from editorial import structured_data as ld
from editorial.alphabet import AlphabeticalIndexView, count_of
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, feed_link, latest_feed, social_image
from editorial.views import LiveDetailView
from people.models import Person
from people.structured_data import person as person_data
from shows.credits import filmography, known_for
from shows.models import Show


class PersonListView(PageMetaMixin, AlphabeticalIndexView):
    model = Person
    template_name = "people/list.html"

    def entries(self, queryset):
        reviews = Person.reviews_written.field.model.objects.live()  # reached through the reviews' own link
        return queryset.annotate(
            written_count=count_of(reviews.filter(critic=OuterRef("pk"))),
            work_reviewed=count_of(reviews.filter(show__credits__person=OuterRef("pk")).exclude(critic=OuterRef("pk")),
                                   distinct=True),
        )

    def page_meta(self, context):
        title = "People" + (f", {context['span']}" if self.position else "")
        return PageMeta(title=title, description="Cast, crew and critics, from A to Z.",
                        canonical=self.canonical(), feeds=[latest_feed()])


class PersonDetailView(PageMetaMixin, LiveDetailView):
    model = Person
    template_name = "people/detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")

    def get_context_data(self, **kwargs):
        person = self.object
        credits = list(person.credits.filter(show__in=Show.objects.live()).select_related("show"))
        reviews = person.reviews_written.model.objects.live()  # reached through the reviews' own link to people
        written = list(reviews.filter(critic=person).cards()[: settings.PAGE_SIZE])
        written_count = reviews.filter(critic=person).count() if written else 0
        return super().get_context_data(
            credits=credits,
            filmography=filmography(credits),
            known_for=known_for(credits),
            reviews_written=written,
            written_count=written_count,
            reviews_of_work=reviews.of_work_by(person).exclude(critic=person).cards()[: settings.PAGE_SIZE],
            mentioned_in=reviews.mentioning(person=person)  # only what the page does not list already
            .exclude(critic=person).exclude(show__credits__person=person).cards()[: settings.PAGE_SIZE],
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
