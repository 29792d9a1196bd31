from magazine.views import LiveDetailView, LiveListView
from shows.credits import credits_by_role
from shows.models import Show


class ShowListView(LiveListView):
    model = Show
    template_name = "shows/list.html"


class ShowDetailView(LiveDetailView):
    model = Show
    template_name = "shows/detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")

    def get_context_data(self, **kwargs):
        show = self.object
        return super().get_context_data(
            credits=credits_by_role(show.credits.select_related("person")),
            reviews=show.reviews.live().select_related("critic"),
            **kwargs,
        )
