from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from editorial import edge, outbox, scheduled_changes

        scheduled_changes.connect()
        outbox.connect()
        edge.connect()
