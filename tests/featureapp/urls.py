from django.urls import path

from tests.featureapp.views import FeatureDetailView

app_name = "featureapp"
urlpatterns = [path("<slug:slug>/", FeatureDetailView.as_view(), name="detail")]
