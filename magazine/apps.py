from django.apps import AppConfig


class MagazineConfig(AppConfig):
    name = "magazine"
    verbose_name = "Magazine"

    def ready(self):
        from magazine import tag_admin  # noqa: F401
