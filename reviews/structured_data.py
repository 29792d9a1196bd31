"""schema.org JSON-LD for a review of a film, a series, a season or an episode."""

from editorial.structured_data import SCHEMA, absolute, organization, with_image
from people.structured_data import person
from shows.structured_data import episode_item, season_item, work


def item_reviewed(request, review, credits) -> dict:
    """The film or series, or the TVSeason of a season review, or the TVEpisode of a recap."""
    if review.season is None:
        return work(request, review.show, credits)
    season = review.season_row()
    if review.episode is None:
        return season_item(request, review.show, review.season, season=season,
                           credits=[credit for credit in credits if credit.covers(review.season)])
    return episode_item(request, review.show, review.season, review.episode, review.episode_name, season_row=season)


def review(request, review, credits) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "Review",
        "name": review.headline,
        "url": absolute(request, review.get_absolute_url()),
        "itemReviewed": item_reviewed(request, review, credits),
        "publisher": organization(request),
        "datePublished": review.published_at.isoformat() if review.published_at else None,
        "dateModified": review.last_changed.isoformat(),
        "reviewBody": "\n".join(review.read_lines()),
    }
    if review.standfirst:
        data["description"] = review.plain_standfirst
    with_image(request, data, review, "social")
    if review.critic:
        data["author"] = person(request, review.critic)
    if review.rating is not None:
        data["reviewRating"] = {"@type": "Rating", "ratingValue": str(review.rating), "bestRating": "5",
                                "worstRating": "0"}
    return data
