from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "The magazine’s own pages"

    def ready(self):
        from editorial import registry
        from pages.models import Page

        registry.register(Page, detail_view="pages.views.PageDetailView",
                          search=registry.Indexed(kind=5, title="title", standfirst="standfirst", body="body"))
