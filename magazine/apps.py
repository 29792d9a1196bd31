from django.apps import AppConfig


class MagazineConfig(AppConfig):
    name = "magazine"
    verbose_name = "Magazine"

    def ready(self):
        from editorial import surrogate_keys
        from magazine import page_cache, tag_admin  # noqa: F401  (tag_admin registers the tag admin)

        surrogate_keys.connect()
        page_cache.connect()
