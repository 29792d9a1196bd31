"""schema.org JSON-LD for a film or series, with its directors, creators and cast."""

from editorial.structured_data import absolute, with_image
from people.structured_data import person
from shows.places_and_languages import countries, languages


def one_or_many(values: list):
    return values[0] if len(values) == 1 else values


def work(request, show, credits, trailer=None) -> dict:
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
    if trailer is not None:
        data["trailer"] = video(request, trailer, f"Trailer: {show.title}", show)
    return data


def cast_member(request, credit) -> dict:
    if not credit.character:
        return person(request, credit.person)
    return {"@type": "PerformanceRole", "actor": person(request, credit.person), "characterName": credit.character}


def series(request, show) -> dict:
    """The series a season or episode is part of, named and linked."""
    data = {"@type": "TVSeries", "name": show.title}
    if show.is_live:
        data["url"] = absolute(request, show.get_absolute_url())
    return data


def season_item(request, show, number: int, *, season=None, credits=()) -> dict:
    """A TVSeason, part of its series; with its page, years and cast when the season is listed on the show."""
    data = {"@type": "TVSeason", "name": f"Season {number}", "seasonNumber": number,
            "partOfSeries": series(request, show)}
    if season is not None and season.pk and show.is_live:
        data["url"] = absolute(request, season.get_absolute_url())
    if season is not None and season.year:
        data["startDate"] = str(season.year)
        if season.end_year:
            data["endDate"] = str(season.end_year)
    if season is not None and season.episodes:
        data["numberOfEpisodes"] = season.episodes
    cast = [cast_member(request, credit) for credit in credits if credit.role == "cast"]
    if cast:
        data["actor"] = cast
    return data


def episode_item(request, show, season: int, number: int, title: str = "", *, season_row=None) -> dict:
    """A TVEpisode, part of its season and its series."""
    data = {"@type": "TVEpisode", "episodeNumber": number}
    if title:
        data["name"] = title
    data["partOfSeason"] = season_item(request, show, season, season=season_row)
    data["partOfSeason"].pop("partOfSeries")
    data["partOfSeries"] = series(request, show)
    return data


def tv_season(request, season, episodes, credits, trailer=None) -> dict:
    """A season's page: the TVSeason with its episodes and, when it has one, its trailer."""
    show = season.show
    data = season_item(request, show, season.number, season=season, credits=credits)
    data["name"] = str(season)
    with_image(request, data, season.poster_source, "poster")
    if episodes:
        data["episode"] = [episode(request, row) for row in episodes]
    if trailer is not None:
        data["trailer"] = video(request, trailer, f"Trailer: {season}", season.poster_source)
    return data


def episode(request, row) -> dict:
    data = {"@type": "TVEpisode", "episodeNumber": row.number}
    if row.title:
        data["name"] = row.title
    if row.air_date:
        data["datePublished"] = row.air_date.isoformat()
    return data


def video(request, trailer, name: str, item) -> dict:
    """A trailer as a VideoObject: its player's address and the magazine's own still of it."""
    data = {"@type": "VideoObject", "name": name, "embedUrl": trailer.embed_url, "url": trailer.watch_url}
    found = item.picture("poster") or item.picture("card")
    if found:
        data["thumbnailUrl"] = absolute(request, found.src)
    return data
