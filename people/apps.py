from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"

    def ready(self):
        from editorial import registry
        from people.models import Person

        registry.register(Person, detail_view="people.views.PersonDetailView",
                          search=registry.Indexed(kind=3, title="name", body="bio"))
