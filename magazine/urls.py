from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path, register_converter

from editorial import preview
from editorial.query_parameters import reading
from editorial.sitemaps import sitemaps
from magazine import health, views, web_app
from magazine.converters import SlugConverter
from magazine.robots import robots_txt
from magazine.sitemaps import TagSitemap
from search.views import SearchView
from shows.sitemaps import SeasonSitemap

register_converter(SlugConverter, "anyslug")


SITEMAPS = {**sitemaps(), "seasons": SeasonSitemap, "tags": TagSitemap}

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("reviews/", include("reviews.urls")),
    path("shows/", include("shows.urls")),
    path("people/", include("people.urls")),
    path("tags/<anyslug:slug>/", views.TagView.as_view(), name="tag"),
    path("search/", SearchView.as_view(), name="search"),
    path("feeds/", include("reviews.feed_urls")),
    path("sitemap.xml", reading("p")(sitemap_views.index), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-<section>.xml", reading("p")(sitemap_views.sitemap), {"sitemaps": SITEMAPS},
         name="django.contrib.sitemaps.views.sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("site.webmanifest", web_app.manifest, name="web_app_manifest"),
    path("preview/<str:token>/", preview.shared_preview, name="shared_preview"),
    path("admin/", admin.site.urls),
    # Answered by magazine.health.HealthMiddleware before any other middleware; routed for reverse() and
    # for a stack without it.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", views.serve_media))
# Last: the magazine's own pages at /<slug>/ (About, Masthead), after every address above, which they never shadow.
urlpatterns.append(path("", include("pages.urls")))
