"""import_review and export_review, end to end on the database."""

import html
import re
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from editorial import drafts
from editorial.models import Status
from people.models import Person
from reviews.house_style import parse_review
from reviews.models import Review
from reviews.services import import_review
from shows.models import Credit, Show
from tests import factories
from tests.paths import SAMPLES

SAMPLES = SAMPLES
ETOILE = SAMPLES / "etoile.txt"


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_review", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def page_paragraphs(page: str) -> list[str]:
    """The review body's paragraphs as a reader sees them: links unwrapped, entities read."""
    body = page.split('<div class="review-body">')[1].split("</div>")[0]
    return [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]


def table_sizes():
    return [model.objects.count() for model in (Show, Person, Credit, Review)]


@pytest.mark.django_db
def test_etoile_becomes_a_live_credited_review(client):
    run(ETOILE, "--title", "ÉTOILE", "--publish")
    review = Review.objects.get()
    assert review.is_live
    page = client.get(review.get_absolute_url()).content.decode()
    paragraphs = [line for line in ETOILE.read_text(encoding="utf-8").splitlines()[:-1] if line.strip()]
    assert len(paragraphs) == 11 and page_paragraphs(page) == paragraphs
    assert '<a href="/people/luke-kirby/">Luke Kirby</a>' in page  # the body links the people it names

    show = Show.objects.get(title="ÉTOILE")
    assert (show.kind, show.year, show.episodes, show.distributor) == ("series", 2025, 8, "Amazon Prime Video")
    roles = list(show.credits.values_list("role", flat=True))
    assert [roles.count(r) for r in ("director", "writer", "creator", "cast")] == [2, 5, 2, 8]
    assert show.credits.filter(role="cast").exclude(character="").count() == 6
    show_page = client.get(show.get_absolute_url()).content.decode()
    assert "as Geneviève Lavigne" in show_page and "Amazon Prime Video" in show_page
    for person in Person.objects.all():
        assert client.get(person.get_absolute_url()).status_code == 200, person.name
    assert Person.objects.count() == 13


@pytest.mark.django_db
def test_importing_twice_changes_nothing():
    run(ETOILE, "--title", "ÉTOILE", "--publish")
    before = table_sizes()
    stamp = Review.objects.get().updated_at
    out, _ = run(ETOILE, "--title", "ÉTOILE", "--publish")
    assert table_sizes() == before and Review.objects.get().updated_at == stamp
    assert "unchanged" in out and "1 unchanged" in out


@pytest.mark.django_db
def test_a_changed_file_updates_in_place_and_says_what_changed(tmp_path):
    run(ETOILE, "--title", "ÉTOILE")
    edited = tmp_path / "etoile.txt"
    edited.write_text(ETOILE.read_text(encoding="utf-8").replace("EPISODES: 8", "EPISODES: 9"), encoding="utf-8")
    before = table_sizes()
    out, _ = run(edited, "--title", "ÉTOILE")
    assert table_sizes() == before and Show.objects.get().episodes == 9
    assert "updated" in out and "changed show" in out


@pytest.mark.django_db
def test_a_changed_file_reaches_a_live_review_only_through_its_working_copy(tmp_path):
    run(ETOILE, "--title", "ÉTOILE", "--publish")
    review = Review.objects.get()
    edited = tmp_path / "etoile.txt"
    text = ETOILE.read_text(encoding="utf-8")
    first_paragraph = text.split("\n")[0]
    edited.write_text(text.replace(first_paragraph, first_paragraph + " A sentence added later."), encoding="utf-8")
    out, _ = run(edited, "--title", "ÉTOILE")
    stored = Review.objects.get()
    assert "changed review" in out and stored.body == review.body and stored.pending_changes == "draft"
    assert "A sentence added later." in drafts.content_of(stored)["body"]
    out, _ = run(edited, "--title", "ÉTOILE", "--publish")
    stored = Review.objects.get()
    assert "A sentence added later." in stored.body and stored.is_live and not stored.pending_changes
    assert stored.published_at == review.published_at  # a change, not a new publication


@pytest.mark.django_db
def test_without_publish_everything_new_is_a_draft():
    run(ETOILE, "--title", "ÉTOILE")
    assert not Review.objects.live().exists() and not Show.objects.live().exists()
    assert not Person.objects.live().exists()


@pytest.mark.django_db
def test_people_are_matched_by_name_across_imports_and_the_admin():
    kirby = factories.LivePersonFactory(name="Luke Kirby")
    run(ETOILE, "--title", "ÉTOILE")
    run(SAMPLES / "harbour-lights.txt")
    assert Person.objects.filter(name="Luke Kirby").get() == kirby
    assert Person.objects.filter(name="Catarina d’Almeida").count() == 1


@pytest.mark.django_db
def test_front_matter_gives_headline_critic_rating_tags_and_date():
    run(SAMPLES / "harbour-lights.txt", "--publish")
    review = Review.objects.get()
    sample = parse_review((SAMPLES / "harbour-lights.txt").read_text(encoding="utf-8"))
    assert review.headline == sample.front["headline"]
    assert review.critic.name == "Ines Farrow-Baptiste" and str(review.rating) == "3.5"
    assert sorted(review.tags.names()) == ["Portugal", "drama", "slow cinema"]
    assert review.published_at.date().isoformat() == "2025-09-12"
    assert review.show.kind == "film" and review.show.runtime_minutes == 118


@pytest.mark.django_db
def test_export_gives_the_body_back_byte_for_byte_and_reimports_as_unchanged(tmp_path):
    run(ETOILE, "--title", "ÉTOILE", "--publish")
    out = StringIO()
    call_command("export_review", Review.objects.get().slug, stdout=out)
    exported = tmp_path / "export.txt"
    exported.write_text(out.getvalue(), encoding="utf-8")
    original = parse_review(ETOILE.read_text(encoding="utf-8"))
    assert parse_review(out.getvalue()).paragraphs == original.paragraphs
    before = table_sizes()
    result, _ = run(exported)
    assert "1 unchanged" in result and table_sizes() == before


def test_export_of_an_unknown_slug_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No review has the slug"):
        call_command("export_review", "nothing-here")


BAD_FILES = {
    "no-credits.txt": ("A paragraph.\nAnother paragraph.\n", 2, "No credits line"),
    "bad-year.txt": ("A paragraph.\n20x5 | US | CAST: A B\n", 2, "year"),
    "bad-episodes.txt": ("A paragraph.\n2025 | US | CAST: A B | EPISODES: eight\n", 2, "whole number"),
    "unknown-key.txt": ("A paragraph.\n2025 | US | GAFFER: A B\n", 2, "Unknown key"),
    "empty-people.txt": ("A paragraph.\n2025 | US | CAST:\n", 2, "empty"),
    "broken-front.txt": ("---\nshow: X\nA paragraph.\n2025 | US | CAST: A B\n", 1, "not closed"),
    "bad-rating.txt": ("---\nshow: X\nrating: 9\n---\nA paragraph.\n2025 | US | CAST: A B\n", 3, "0 to 5"),
    "no-title.txt": ("A paragraph.\n2025 | US | CAST: A B\n", 1, "No show title"),
}


@pytest.mark.django_db
def test_bad_files_are_refused_with_file_and_line_and_write_nothing(tmp_path):
    for name, (text, _, _) in BAD_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 society.\n2025 | FR | CAST: A B\n".encode("latin-1"))
    (tmp_path / "z-good.txt").write_text("---\nshow: Good Show\n---\nFine.\n2025 | US | CAST: A B\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="9 of 10 files could not be imported"):
        call_command("import_review", str(tmp_path), stdout=out, stderr=err)
    for name, (_, line, fragment) in BAD_FILES.items():
        assert any(row.startswith(f"{tmp_path / name}:{line}: ") and fragment in row
                   for row in err.getvalue().splitlines()), name
    assert f"{tmp_path / 'latin1.txt'}:1: The text is not UTF-8" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert list(Show.objects.values_list("title", flat=True)) == ["Good Show"]
    assert table_sizes() == [1, 1, 1, 1]
    assert "1 created" in out.getvalue() and "9 failed" in out.getvalue()


@pytest.mark.django_db
def test_a_failure_late_in_a_file_rolls_the_whole_file_back(tmp_path):
    path = tmp_path / "too-long.txt"
    path.write_text(f"---\nshow: Rolled Back\nheadline: {'x' * 300}\n---\nBody.\n2025 | US | CAST: New Person\n",
                    encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_review", str(path), stdout=StringIO(), stderr=err)
    assert f"{path}:1: headline: Ensure this value has at most 200 characters" in err.getvalue()
    assert table_sizes() == [0, 0, 0, 0]  # the show and the person made before the review failed are gone


def test_missing_file_is_reported(db, tmp_path):
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 1 files"):
        call_command("import_review", str(tmp_path / "absent.txt"), stdout=StringIO(), stderr=err)
    assert f"{tmp_path / 'absent.txt'}: cannot be read: No such file or directory" in err.getvalue()


@pytest.mark.django_db
def test_a_folder_of_many_files_shows_progress_and_a_summary(tmp_path):
    for n in range(40):
        (tmp_path / f"review-{n:03}.txt").write_text(
            f"---\nshow: Show {n}\nheadline: Review {n}\n---\nBody {n}.\n2025 | UK | CAST: Actor {n % 7}\n",
            encoding="utf-8")
    out, err = run(tmp_path)
    assert "40 files: 40 created, 0 updated, 0 unchanged, 0 failed." in out
    assert "40/40" in err and "[" + "#" * 30 + "]" in err
    assert Person.objects.count() == 7 and Review.objects.count() == 40


@pytest.mark.django_db
def test_a_writers_import_changes_a_published_show_only_in_its_working_copy(writer):
    show = factories.LiveShowFactory(title="ÉTOILE", year=2025, episodes=3)
    report = import_review(parse_review(ETOILE.read_text(encoding="utf-8")), title="ÉTOILE", by=writer)
    show.refresh_from_db()
    assert show.episodes == 3 and not show.credits.exists()  # what readers see
    working = drafts.content_of(show)
    assert working["episodes"] == 8 and len(working["credits"]) == 17
    assert show.pending_changes == "draft"
    assert report.review.status == Status.DRAFT and report.review.show == show
    assert "wait in its working copy" in report.notices[0]


HARBOUR = SAMPLES / "harbour-lights.txt"  # published: 2025-09-12


@pytest.mark.django_db
def test_only_an_editors_import_sets_the_drafts_publication_time(writer, editor):
    parsed = parse_review(HARBOUR.read_text(encoding="utf-8"))
    report = import_review(parsed, by=writer)
    assert report.review.published_at is None
    assert "“published: 2025-09-12” was not kept" in " ".join(report.notices)
    planned = import_review(parsed, by=editor).review
    assert planned.pk == report.review.pk and planned.published_at.date().isoformat() == "2025-09-12"
    import_review(parse_review(HARBOUR.read_text(encoding="utf-8").replace("2025-09-12", "2020-01-01")), by=writer)
    planned.refresh_from_db()
    assert planned.published_at.date().isoformat() == "2025-09-12"  # the writer's file leaves the editor's time


@pytest.mark.django_db
def test_a_writer_cannot_publish_through_the_import(writer):
    with pytest.raises(PermissionDenied):
        import_review(parse_review(HARBOUR.read_text(encoding="utf-8")), publish=True, by=writer)
    assert table_sizes() == [0, 0, 0, 0]
