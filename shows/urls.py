from django.urls import path

from shows import views

app_name = "shows"
urlpatterns = [
    path("", views.ShowListView.as_view(), name="list"),
    path("<anyslug:slug>/", views.ShowDetailView.as_view(), name="detail"),
    path("<anyslug:slug>/season-<int:number>/", views.SeasonDetailView.as_view(), name="season"),
]
