from django.apps import AppConfig


class MagazineConfig(AppConfig):
    name = "magazine"
    verbose_name = "Magazine"

    def ready(self):
        from magazine import page_cache, tag_admin  # noqa: F401  (tag_admin registers the tag admin)

        page_cache.connect()
