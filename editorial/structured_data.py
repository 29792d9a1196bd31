"""schema.org JSON-LD that any page can use: the publisher, pictures, breadcrumbs."""

from django.conf import settings
from django.urls import reverse

SCHEMA = "https://schema.org"


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url)


def organization(request) -> dict:
    return {"@type": "Organization", "name": settings.MAGAZINE_NAME, "url": absolute(request, reverse("home"))}


def with_image(request, data: dict, item, crop: str) -> dict:
    found = item.picture(crop)
    if found:
        data["image"] = absolute(request, found.src)
    return data


def standalone(data: dict) -> dict:
    return {"@context": SCHEMA, **data}


def breadcrumbs(request, trail: list[tuple[str, str]]) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(request, url)}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
