from django.apps import AppConfig


class ShowsConfig(AppConfig):
    name = "shows"

    def ready(self):
        from editorial import registry
        from shows.models import Show

        registry.register(Show, detail_view="shows.views.ShowDetailView",
                          search=registry.Indexed(kind=2, title="title", body="synopsis"))
        registry.provide_work_titles(titles_named)


def titles_named(text: str) -> frozenset[str]:
    """Name keys of the shows the magazine holds whose titles the text names."""
    from editorial.names import candidates
    from shows.models import Show

    keys = list(candidates(text))
    return frozenset(Show.objects.filter(match_key__in=keys).values_list("match_key", flat=True)) if keys else \
        frozenset()
