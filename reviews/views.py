from magazine.views import LiveDetailView, LiveListView, review_cards
from reviews.models import Review
from shows.credits import credits_by_role


class ReviewArchiveView(LiveListView):
    model = Review
    template_name = "reviews/archive.html"

    def get_queryset(self):
        return review_cards(super().get_queryset())


class ReviewDetailView(LiveDetailView):
    model = Review
    template_name = "reviews/detail.html"

    def get_queryset(self):
        return review_cards(super().get_queryset()).prefetch_related("tags")

    def get_context_data(self, **kwargs):
        credits = self.object.show.credits.select_related("person")
        return super().get_context_data(credits=credits_by_role(credits), **kwargs)
