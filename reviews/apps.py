from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self):
        from editorial import registry
        from reviews.models import Review

        registry.register(Review, detail_view="reviews.views.ReviewDetailView")
