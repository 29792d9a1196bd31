"""An item's status as one badge: draft, in review, scheduled, live, or live with changes."""

from django.utils.html import format_html

from editorial.models import Changes, State

CHANGES_NOTE = {Changes.DRAFT: "changes in draft", Changes.IN_REVIEW: "changes in review",
                Changes.SCHEDULED: "changes scheduled"}


def label(item) -> tuple[str, str]:
    """(css key, words) of the badge."""
    state = item.state
    if item.pending_changes and state in (State.LIVE, State.SCHEDULED):
        return f"{state.value}-changes", f"{state.label} with changes"
    return state.value, state.label


def badge(item) -> str:
    key, words = label(item)
    note = CHANGES_NOTE.get(item.pending_changes, "") if item.pending_changes else ""
    if note and item.pending_changes != Changes.DRAFT:  # the ones an editor acts on, said aloud
        return format_html('<span class="state state-{}" title="{}">{}</span><span class="state-note">{}</span>',
                           key, note, words, note)
    return format_html('<span class="state state-{}"{}>{}</span>', key,
                       format_html(' title="{}"', note) if note else "", words)
