from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

CLOSED = ["/admin/", "/search/", "/preview/"]


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in CLOSED),
             f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
