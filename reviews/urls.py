from django.urls import path

from reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.ReviewArchiveView.as_view(), name="archive"),
    path("<anyslug:slug>/", views.ReviewDetailView.as_view(), name="detail"),
]
