"""schema.org JSON-LD for a person."""

from editorial.structured_data import absolute, with_image


def person(request, person) -> dict:
    data = {"@type": "Person", "name": person.name}
    if person.is_live:
        data["url"] = absolute(request, person.get_absolute_url())
    return with_image(request, data, person, "square")
