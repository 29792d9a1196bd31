"""axe-core on every public template, at desktop and phone widths, and on the project's own admin pages:
no violation of impact "serious" or "critical"."""

import pytest
from django.utils import timezone

from editorial import drafts, workflow
from reviews.models import Review
from tests import axe, factories
from tests.browser import DESKTOP, PHONE, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_pages(review: Review) -> dict[str, tuple[str, int]]:
    critic, tag = review.critic, review.tags.order_by("name").first()
    return {
        "home": ("/", 200),
        "archive": ("/reviews/", 200),
        "archive, page 2": ("/reviews/?page=2", 200),
        "archive, filtered": (f"/reviews/?kind=series&rating=3&critic={critic.slug}", 200),
        "review": (review.get_absolute_url(), 200),
        "show": (review.show.get_absolute_url(), 200),
        "season, with its trailer": ("/shows/etoile/season-1/", 200),
        "recap": (Review.objects.live().get(episode__isnull=False).get_absolute_url(), 200),
        "archive, recaps": ("/reviews/?kind=recap", 200),
        "person": (critic.get_absolute_url(), 200),
        "cast member": ("/people/lou-de-laage/", 200),
        "tag": (f"/tags/{tag.slug}/", 200),
        "search, with results": ("/search/?q=ballet", 200),
        "search, no results": ("/search/?q=zzyzx", 200),
        "search, empty": ("/search/", 200),
        "shows list": ("/shows/", 200),
        "people list": ("/people/", 200),
        "people list, from L": ("/people/?from=l", 200),
        "not found": ("/reviews/no-such-review/", 404),
    }


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_public_pages_have_no_serious_violations(live_server, new_page, demo_magazine, viewport):
    review = Review.objects.live().get(show__title="ÉTOILE", season=None)
    Review.objects.filter(pk=review.pk).update(corrections=[  # the review page with its corrections line
        {"at": "2026-03-03T09:00:00+00:00", "note": "An earlier version misnamed the choreographer."}])
    page = new_page(viewport, bypass_csp=True)
    found = []
    for name, (path, status) in public_pages(review).items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == status, f"{name}: {path} answered {response.status}"
        found += axe.violations(page)
    assert not found, axe.report(found)


def test_admin_pages_have_no_serious_violations(live_server, new_page, demo_magazine):
    review = Review.objects.live().get(show__title="ÉTOILE", season=None)  # its change form lists the body's mentions
    scheduled, waiting = Review.objects.scheduled().get(), Review.objects.in_review().get()
    month = f"{timezone.localtime(scheduled.published_at):%Y-%m}"  # a month with a reschedule form in it
    workflow.save_draft(review, by=None, data={**drafts.content_of(review), "headline": "A new headline"})
    pages = {  # each page, and something it must be showing while axe looks at it
        f"/admin/reviews/review/{review.pk}/change/": "Live, with unpublished changes",
        f"/admin/reviews/review/{scheduled.pk}/change/": "People and shows the body names",
        "/admin/reviews/review/import/": "Review in house style",
        f"/admin/reviews/review/{review.pk}/revisions/": "Restore as the working copy",
        "/admin/queue/": waiting.headline,
        f"/admin/calendar/?month={month}": "Reschedule",
        "/admin/": "Waiting for review",
        "/admin/reviews/review/": "Filter:",
        "/admin/editorial/auditentry/": "saved unpublished changes",
    }
    page = new_page(bypass_csp=True)
    log_in(page, live_server.url, factories.editor())
    found = []
    for path, shown in pages.items():
        page.goto(f"{live_server.url}{path}")
        assert shown in page.text_content("#content"), f"{path} does not show “{shown}”"
        found += axe.violations(page)
    page.goto(f"{live_server.url}/admin/reviews/review/import/")
    page.get_by_role("button", name="Import as draft").click()  # the import page with its errors showing
    assert page.locator(".errorlist").count()
    found += axe.violations(page)

    assert not found, axe.report(found)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_forms_an_editor_uses_have_no_serious_violations(live_server, new_page, demo_magazine, viewport, tmp_path):
    """Django's own parts too: the credits inline, empty autocomplete boxes (select2), tag chips, a kept picture."""
    from PIL import Image

    from people.models import Person
    from shows.models import Show
    from tests.paths import SAMPLES

    show = Show.objects.live().filter(credits__isnull=False).distinct().first()
    person, review = Person.objects.live().first(), Review.objects.live().get(show__title="ÉTOILE", season=None)
    pages = {  # each page, and something it must be showing while axe looks at it
        "/admin/": "Review queue",
        "/admin/reviews/review/add/": "Byline and rating",
        f"/admin/shows/show/{show.pk}/change/": "Credits",
        "/admin/shows/show/add/": "Credits line",
        f"/admin/people/person/{person.pk}/change/": person.name,
        "/admin/reviews/review/": review.headline,
        "/admin/editorial/auditentry/": "audit",
    }
    page = new_page(viewport, bypass_csp=True)
    log_in(page, live_server.url, factories.editor())
    found = []
    for path, shown in pages.items():
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        assert shown.lower() in page.text_content("#content").lower(), f"{path} does not show “{shown}”"
        if path.endswith("/add/") or "/shows/show/" in path:  # empty autocomplete boxes, named
            page.wait_for_function("() => document.querySelectorAll('.select2-selection').length"
                                   " && [...document.querySelectorAll('.select2-selection')].every(b => b.ariaLabel)")
        found += axe.violations(page)

    # The import page warning before a second review by the same critic.
    sample = (SAMPLES / "harbour-lights.txt").read_text(encoding="utf-8")
    for text in (sample, sample.replace("headline: A slow boat", "headline: Another boat")):
        page.goto(f"{live_server.url}/admin/reviews/review/import/")
        page.fill("#id_text", text)
        page.get_by_role("button", name="Import as draft").click()
    assert page.locator(".second-review").count() == 1
    found += axe.violations(page)

    # A change form back with an error, its picture kept, its autosave status showing.
    still = tmp_path / "still.jpg"
    Image.new("RGB", (1200, 800), (120, 60, 20)).save(still)
    page.goto(f"{live_server.url}/admin/reviews/review/{review.pk}/change/")
    page.set_input_files("#id_image", str(still))
    page.fill("#id_headline", "")
    page.locator("input[name=_save_draft]").click()
    page.wait_for_selector(".errornote")
    assert page.locator(".kept-picture img").count() == 1
    page.fill("#id_standfirst", "A standfirst typed after the error.")
    page.click("#id_body")
    page.wait_for_function("() => document.querySelector('.autosave-status').textContent.startsWith('Not saved')")
    found += axe.violations(page)
    page.goto(f"{live_server.url}/admin/")  # off the form: its last heartbeat answered before the test ends

    assert not found, axe.report(found)


EVERY_IMPACT = ("minor", "moderate", "serious", "critical")
RAN_ON_TABLE_HEADERS = """() => axe.run(document, {runOnly: ['empty-table-header']})
  .then(results => results.passes.concat(results.violations).flatMap(rule => rule.nodes).length)"""


def test_the_forms_with_inlines_have_no_violation_of_any_impact(live_server, new_page, demo_magazine):
    """A review's mentions and a show's credits are tables: every column has a header a screen reader can say
    (axe's empty-table-header, a "minor" rule the other tests let through)."""
    review = Review.objects.live().get(show__title="ÉTOILE", season=None)  # its form lists the body's mentions
    pages = {
        f"/admin/reviews/review/{review.pk}/change/": "People and shows the body names",
        "/admin/reviews/review/add/": "Byline and rating",
        f"/admin/shows/show/{review.show.pk}/change/": "Credits",
        "/admin/shows/show/add/": "Credits line",
    }
    page = new_page(bypass_csp=True)
    log_in(page, live_server.url, factories.editor())
    found = []
    for path, shown in pages.items():
        page.goto(f"{live_server.url}{path}")
        assert shown.lower() in page.text_content("#content").lower(), f"{path} does not show “{shown}”"
        found += axe.violations(page, impacts=EVERY_IMPACT)
        assert page.evaluate(RAN_ON_TABLE_HEADERS), f"axe's empty-table-header looked at no header on {path}"
    assert not found, axe.report(found)
