"""Drafts exactly as readers will see them: the public templates, marked as a preview, never cached."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from editorial import drafts, registry
from editorial.models import PreviewLink

SALT = "magazine.preview-link"


def render(request, item, *, label: str):
    """The page as it will be published. A working copy is written into the rows inside a transaction that
    is always rolled back, so the page shows its tags and credits too, and readers never see it."""
    with transaction.atomic():
        revision = drafts.pending_revision(item)
        if revision is not None:
            try:
                drafts.apply(item, revision.data)
            except ValidationError as error:
                return cannot_preview(error)
            item.prepare_preview()
            label = f"{label} of the unpublished changes"
        view = registry.detail_view(type(item)).as_view(preview_item=item, preview_label=label)
        response = view(request, slug=item.slug)
        if hasattr(response, "render"):
            response.render()
        transaction.set_rollback(True)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def cannot_preview(error: ValidationError) -> HttpResponse:
    response = HttpResponse(f"These unpublished changes cannot be shown as a page yet: {' '.join(error.messages)} "
                            "Fix them in the form, then preview again.", status=409,
                            content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def shared_url(link: PreviewLink) -> str:
    return reverse("shared_preview", args=[signing.dumps(link.pk, salt=SALT)])


def shared_preview(request, token: str):
    """The page behind a preview link: 404 once it has expired or been revoked, or if it was never made here."""
    try:
        link_id = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise Http404("No such preview.") from None
    link = PreviewLink.objects.filter(pk=link_id, revoked_at__isnull=True, expires_at__gt=timezone.now()).first()
    if link is None or link.item is None:
        raise Http404("This preview link has expired or been revoked.")
    expires = timezone.localtime(link.expires_at)
    return render(request, link.item, label=f"Shared preview, until {expires:%d %b %Y, %H:%M}")
