from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self):
        from editorial import publication, registry
        from reviews import warming, websub
        from reviews.mentions import mentions_follow_the_body
        from reviews.models import Review, subjects_follow_the_show
        from shows.models import Show

        publication.item_changed.connect(mentions_follow_the_body, sender=Review,
                                         dispatch_uid="reviews.mentions.follow_the_body")
        publication.item_changed.connect(subjects_follow_the_show, sender=Show,
                                         dispatch_uid="reviews.models.subjects_follow_the_show")
        registry.register(Review, detail_view="reviews.views.ReviewDetailView",
                          search=registry.Indexed(kind=1, title="headline", standfirst="standfirst", body="body",
                                                  parent="show", parent_suffix="subject_suffix"))
        websub.connect()
        warming.connect()  # after websub: hubs hear of a change before the pages are warmed
