from django.apps import AppConfig


class ShowsConfig(AppConfig):
    name = "shows"

    def ready(self):
        from editorial import registry
        from shows.models import Show

        registry.register(Show, detail_view="shows.views.ShowDetailView",
                          search=registry.Indexed(kind=2, title="title", body="synopsis"))
