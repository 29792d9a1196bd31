from django.apps import AppConfig


class MagazineConfig(AppConfig):
    name = "magazine"
    verbose_name = "Magazine"

    def ready(self):
        from django.db.models.signals import post_migrate

        from magazine import page_cache, scheduled_changes, tag_admin  # noqa: F401
        from magazine.search_backends import repair_after_migrate

        post_migrate.connect(repair_after_migrate, dispatch_uid="magazine.search_backends.repair_after_migrate")
        page_cache.connect()
        scheduled_changes.connect()
