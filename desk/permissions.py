"""Who the desk's own pages are for."""

from django.core.exceptions import PermissionDenied

from editorial import registry, workflow


def require_editor(request) -> None:
    """Editors only: whoever may publish some content type."""
    if not any(workflow.can_publish(request.user, model) for model in registry.models()):
        raise PermissionDenied
