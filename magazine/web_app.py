"""The web app manifest: the name, colours and icons a phone uses when a reader adds the magazine to a home screen."""

from django.conf import settings
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

PAPER = "#fbf8f2"
ICONS = [
    ("icons/icon-192.png", "192x192", "image/png", "any"),
    ("icons/icon-512.png", "512x512", "image/png", "any"),
    ("icons/icon-maskable-512.png", "512x512", "image/png", "maskable"),
    ("icons/icon.svg", "any", "image/svg+xml", "any"),
]


@require_GET
def manifest(request):
    data = {
        "name": settings.MAGAZINE_NAME,
        "short_name": settings.MAGAZINE_NAME,
        "description": f"Film and television reviews from {settings.MAGAZINE_NAME}.",
        "lang": "en-GB",
        "start_url": reverse("home"),
        "scope": reverse("home"),
        "display": "standalone",
        "background_color": PAPER,
        "theme_color": PAPER,
        "icons": [{"src": static(path), "sizes": sizes, "type": kind, "purpose": purpose}
                  for path, sizes, kind, purpose in ICONS],
    }
    response = JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=86400"
    return response
