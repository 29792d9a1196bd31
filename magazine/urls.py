from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from magazine import views

admin.site.site_header = f"{settings.MAGAZINE_NAME} · editorial desk"
admin.site.site_title = settings.MAGAZINE_NAME
admin.site.index_title = "Desk"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("reviews/", include("reviews.urls")),
    path("shows/", include("shows.urls")),
    path("people/", include("people.urls")),
    path("tags/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("admin/", admin.site.urls),
]
