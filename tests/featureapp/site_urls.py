from django.urls import include, path

from magazine.urls import urlpatterns as magazine

urlpatterns = [path("features/", include("tests.featureapp.urls")), *magazine]
