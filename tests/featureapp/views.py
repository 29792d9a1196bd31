from editorial.views import LiveDetailView
from tests.featureapp.models import Feature


class FeatureDetailView(LiveDetailView):
    model = Feature
    template_name = "featureapp/detail.html"
