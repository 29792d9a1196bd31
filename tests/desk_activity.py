"""A few days on the desk, made through the workflow services, so that the dashboard, the queue, the audit log
and the revisions have something true to show (the demo magazine is loaded without a history)."""

from datetime import timedelta

from django.utils import timezone

from editorial import drafts, workflow
from editorial.models import Revision
from reviews.models import Review

SENT_BACK_NOTE = "The second paragraph retells the plot; cut it to two sentences and say what the film does."
CHANGE_NOTE = "Fixed the cast list: the director's surname was misspelt in the credits and the third paragraph."


def edited(item, **changes) -> dict:
    return {**drafts.content_of(item), **changes}


def make_desk_activity(editor, writer) -> dict:
    live = list(Review.objects.live().order_by("-published_at")[:4])
    in_review_change, published_change, restored, scheduled_change = live
    workflow.submit(in_review_change, by=writer, note=CHANGE_NOTE,
                    data=edited(in_review_change, standfirst=f"{in_review_change.standfirst} (cast list corrected)"))
    workflow.save_draft(published_change, by=writer,
                        data=edited(published_change, headline=f"{published_change.headline}, and then some"))
    workflow.publish(published_change, by=editor, note="Sharper headline for the weekend newsletter.")
    for words in ("A first rewrite of the standfirst.", "A second rewrite of the standfirst."):
        workflow.save_draft(restored, by=writer, data=edited(restored, standfirst=words))
    first = Revision.of(restored).order_by("version").first()
    workflow.restore(restored, first, by=editor)
    workflow.save_draft(scheduled_change, by=editor,
                        data=edited(scheduled_change, standfirst=f"{scheduled_change.standfirst} Updated."))
    workflow.publish(scheduled_change, by=editor, at=timezone.now() + timedelta(days=2))
    draft = Review.objects.drafts().order_by("pk").first()
    workflow.submit(draft, by=writer, note="First go at this one; the ending needs a look.")
    workflow.send_back(draft, by=editor, note=SENT_BACK_NOTE)
    return {"in_review_change": in_review_change, "published_change": published_change, "restored": restored,
            "scheduled_change": scheduled_change, "sent_back": draft}
