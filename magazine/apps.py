from django.apps import AppConfig


class MagazineConfig(AppConfig):
    name = "magazine"
    verbose_name = "Magazine"

    def ready(self):
        from django.db.models.signals import post_migrate

        from editorial import registry
        from magazine import page_cache, search, tag_admin  # noqa: F401
        from magazine.search_backends import repair_after_migrate

        post_migrate.connect(repair_after_migrate, dispatch_uid="magazine.search_backends.repair_after_migrate")
        registry.provide_admin_search(search.matching_ids)
        page_cache.connect()
