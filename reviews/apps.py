from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self):
        from editorial import publication, registry
        from reviews import warming, websub
        from reviews.mentions import mentions_follow_the_body
        from reviews.models import Review

        publication.item_changed.connect(mentions_follow_the_body, sender=Review,
                                         dispatch_uid="reviews.mentions.follow_the_body")
        registry.register(Review, detail_view="reviews.views.ReviewDetailView",
                          search=registry.Indexed(kind=1, title="headline", standfirst="standfirst", body="body",
                                                  parent="show"))
        websub.connect()
        warming.connect()  # after websub: hubs hear of a change before the pages are warmed
