from django.urls import path

from reviews import feeds

app_name = "feeds"


def both(route: str, feed_class, name: str) -> list:
    """The RSS 2.0 feed at ``route`` and its Atom twin at ``route``atom/."""
    return [
        path(route, feeds.feed_view(feed_class), name=name),
        path(f"{route}atom/", feeds.feed_view(feed_class, atom=True), name=f"{name}_atom"),
    ]


urlpatterns = [
    *both("reviews/", feeds.LatestReviewsFeed, "latest"),
    *both("tags/<anyslug:slug>/", feeds.TagFeed, "tag"),
    *both("critics/<anyslug:slug>/", feeds.CriticFeed, "critic"),
    *both("people/<anyslug:slug>/", feeds.PersonFeed, "person"),
    *both("shows/<anyslug:slug>/", feeds.ShowFeed, "show"),
    *both("shows/<anyslug:slug>/season-<int:number>/", feeds.SeasonFeed, "season"),
]
