from magazine.views import LiveDetailView, LiveListView
from people.models import Person
from shows.credits import credits_by_show
from shows.models import Show


class PersonListView(LiveListView):
    model = Person
    template_name = "people/list.html"


class PersonDetailView(LiveDetailView):
    model = Person
    template_name = "people/detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")

    def get_context_data(self, **kwargs):
        person = self.object
        credits = person.credits.filter(show__in=Show.objects.live()).select_related("show")
        return super().get_context_data(
            credits=credits_by_show(credits),
            reviews_written=person.reviews_written.live().select_related("show"),
            **kwargs,
        )
