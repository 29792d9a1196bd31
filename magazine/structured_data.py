"""schema.org JSON-LD for reviews, shows, people and breadcrumbs."""

from django.conf import settings
from django.urls import reverse

SCHEMA = "https://schema.org"


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url)


def organization(request) -> dict:
    return {"@type": "Organization", "name": settings.MAGAZINE_NAME, "url": absolute(request, reverse("home"))}


def with_image(request, data: dict, item, crop: str) -> dict:
    found = item.picture(crop)
    if found:
        data["image"] = absolute(request, found.src)
    return data


def person(request, person) -> dict:
    data = {"@type": "Person", "name": person.name}
    if person.is_live:
        data["url"] = absolute(request, person.get_absolute_url())
    return data


def work(request, show, credits) -> dict:
    """A Movie or a TVSeries with its directors, creators and cast (characters where known)."""
    data = {"@type": "TVSeries" if show.kind == "series" else "Movie", "name": show.title}
    if show.is_live:
        data["url"] = absolute(request, show.get_absolute_url())
    if show.kind == "series":
        data["startDate"] = str(show.year)
        if show.end_year:
            data["endDate"] = str(show.end_year)
        if show.episodes:
            data["numberOfEpisodes"] = show.episodes
        if show.seasons:
            data["numberOfSeasons"] = show.seasons
    else:
        data["dateCreated"] = str(show.year)
        if show.runtime_minutes:
            data["duration"] = f"PT{show.runtime_minutes}M"
    with_image(request, data, show, "poster")
    if show.countries:
        data["countryOfOrigin"] = show.countries
    if show.languages:
        data["inLanguage"] = show.languages
    by_role = {}
    for credit in credits:
        by_role.setdefault(credit.role, []).append(credit)
    for role, key in (("director", "director"), ("creator", "creator"), ("writer", "author"),
                      ("music", "musicBy"), ("producer", "producer")):
        if by_role.get(role):
            data[key] = [person(request, credit.person) for credit in by_role[role]]
    if by_role.get("cast"):
        data["actor"] = [cast_member(request, credit) for credit in by_role["cast"]]
    return data


def cast_member(request, credit) -> dict:
    if not credit.character:
        return person(request, credit.person)
    return {"@type": "PerformanceRole", "actor": person(request, credit.person), "characterName": credit.character}


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


def standalone(data: dict) -> dict:
    return {"@context": SCHEMA, **data}


def breadcrumbs(request, trail: list[tuple[str, str]]) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(request, url)}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
