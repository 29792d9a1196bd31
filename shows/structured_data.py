"""schema.org JSON-LD for a film or series, with its directors, creators and cast."""

from editorial.structured_data import absolute, with_image
from people.structured_data import person
from shows.places_and_languages import countries, languages


def one_or_many(values: list):
    return values[0] if len(values) == 1 else values


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
        data["countryOfOrigin"] = one_or_many(countries(show.countries))
    if show.languages:
        data["inLanguage"] = one_or_many(languages(show.languages))
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
