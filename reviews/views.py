from django.urls import reverse

from editorial import structured_data as ld
from editorial.seo import PageMeta, PageMetaMixin, canonical_url, describe, latest_feed, social_image
from editorial.views import LiveDetailView, LiveListView
from reviews.mentions import with_mentions
from reviews.models import Review
from reviews.related import related_reviews
from reviews.structured_data import review as review_data
from shows.credits import credits_by_role


class ReviewArchiveView(PageMetaMixin, LiveListView):
    model = Review
    template_name = "reviews/archive.html"

    def get_queryset(self):
        return super().get_queryset().cards()

    def page_meta(self, context):
        page = context["page_obj"]
        return PageMeta(
            title="Reviews" + (f", page {page.number}" if page and page.number > 1 else ""),
            description="Every review, newest first.",
            canonical=canonical_url(self.request, page),
            feeds=[latest_feed()],
            structured_data=[ld.breadcrumbs(self.request, [("Home", reverse("home")),
                                                           ("Reviews", reverse("reviews:archive"))])],
        )


class ReviewDetailView(PageMetaMixin, LiveDetailView):
    model = Review
    template_name = "reviews/detail.html"

    def get_queryset(self):
        return with_mentions(super().get_queryset().cards().prefetch_related("tags"))

    def get_context_data(self, **kwargs):
        self.credits = list(self.object.show.credits.select_related("person"))
        related = related_reviews(self.object, Review.objects.live().cards())
        return super().get_context_data(credits=credits_by_role(self.credits), related=related, **kwargs)

    def page_meta(self, context):
        review = self.object
        trail = [("Home", reverse("home")), ("Reviews", reverse("reviews:archive")),
                 (review.headline, review.get_absolute_url())]
        return PageMeta(
            title=review.headline,
            description=describe(review.standfirst, *review.paragraphs()[:1]),
            canonical=canonical_url(self.request),
            og_type="article",
            image=social_image(self.request, review),
            feeds=[latest_feed()],
            structured_data=[review_data(self.request, review, self.credits), ld.breadcrumbs(self.request, trail)],
        )
