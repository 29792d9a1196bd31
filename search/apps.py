from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from editorial import registry
        from search.backends import register_sqlite_functions, repair_after_migrate
        from search.query import matching_ids

        registry.provide_admin_search(matching_ids)
        connection_created.connect(register_sqlite_functions, dispatch_uid="search.backends.sqlite_functions")
        post_migrate.connect(repair_after_migrate, dispatch_uid="search.backends.repair_after_migrate")
