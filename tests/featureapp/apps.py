from django.apps import AppConfig


class FeatureConfig(AppConfig):
    """A fourth content type, for the tests: its app and this registration are all it takes to join the
    workflow, buttons, working copies, revisions, preview, search, sitemaps and the page cache."""

    name = "tests.featureapp"
    label = "featureapp"

    def ready(self):
        from editorial import registry
        from tests.featureapp.models import Feature

        registry.register(Feature, detail_view="tests.featureapp.views.FeatureDetailView",
                          search=registry.Indexed(kind=4, title="headline", body="body"))
