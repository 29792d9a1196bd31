from django.conf import settings
from django.contrib import admin
from django.urls import include, path, register_converter

from magazine import views
from magazine.converters import SlugConverter

register_converter(SlugConverter, "anyslug")

admin.site.site_header = f"{settings.MAGAZINE_NAME} · editorial desk"
admin.site.site_title = settings.MAGAZINE_NAME
admin.site.index_title = "Desk"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("reviews/", include("reviews.urls")),
    path("shows/", include("shows.urls")),
    path("people/", include("people.urls")),
    path("tags/<anyslug:slug>/", views.TagView.as_view(), name="tag"),
    path("admin/", admin.site.urls),
]
