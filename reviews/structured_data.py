"""schema.org JSON-LD for a review of a film or series."""

from editorial.structured_data import SCHEMA, absolute, organization, with_image
from people.structured_data import person
from shows.structured_data import work


def review(request, review, credits) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "Review",
        "name": review.headline,
        "url": absolute(request, review.get_absolute_url()),
        "itemReviewed": work(request, review.show, credits),
        "publisher": organization(request),
        "datePublished": review.published_at.isoformat() if review.published_at else None,
        "dateModified": review.last_changed.isoformat(),
        "reviewBody": "\n".join(review.paragraphs()),
    }
    if review.standfirst:
        data["description"] = review.standfirst
    with_image(request, data, review, "social")
    if review.critic:
        data["author"] = person(request, review.critic)
    if review.rating is not None:
        data["reviewRating"] = {"@type": "Rating", "ratingValue": str(review.rating), "bestRating": "5",
                                "worstRating": "0"}
    return data
