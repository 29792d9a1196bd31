"""export_magazine and import_magazine: the whole magazine out to plain files and back into an empty one."""

import io
import json
import re
import shutil
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from PIL import Image
from taggit.models import Tag

from backups.layout import sha256
from editorial import drafts, registry, workflow
from editorial.models import AuditEntry, Revision
from editorial.revisions import snapshot
from editorial.slugs import OldSlug
from pictures.renditions import clean_upload
from reviews.models import Mention, Review
from shows.models import Credit, Season, Show
from tests import factories
from tests.featureapp.models import Feature

pytestmark = pytest.mark.django_db


def picture(colour: str, size=(320, 240)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return clean_upload(SimpleUploadedFile("still.jpg", buffer.getvalue()))


def add_picture(item, colour: str) -> None:
    item.image, item.image_alt, item.image_caption = picture(colour), f"A {colour} frame.", f"The {colour} frame"
    item.image_credit, item.image_focus_x, item.image_focus_y = "Photo: the desk", 0.25, 0.75
    item.save()
    item.refresh_renditions()


def demo_magazine():
    """The demo (without its drawn pictures, whose renditions take most of a minute), with what it lacks: small
    pictures, an old address, a working copy in review, a scheduled change, a correction and a wrong mention."""
    with factories.committing():
        call_command("load_demo", "--no-pictures", stdout=StringIO())
        live = list(Review.objects.live().order_by("pk"))
        add_picture(live[0], "red")
        add_picture(live[0].show, "blue")
        add_picture(live[0].critic, "green")
        add_picture(Season.objects.get(show__title="ÉTOILE", number=1), "yellow")  # a picture in a show's extras
        renamed = live[1]
        renamed.slug = "a-new-address"
        renamed.save()
        workflow.submit(live[2], by=None, data={**snapshot(live[2]), "standfirst": "Waiting for an editor."})
        show = live[3].show
        workflow.publish(show, by=None, at=timezone.now() + timedelta(days=3), correction="The year was wrong.",
                         data={**snapshot(show), "synopsis": "A synopsis that waits for its minute."})
        corrected = live[4]
        workflow.publish(corrected, by=None, correction="An earlier version misnamed the director.",
                         data={**snapshot(corrected), "body": corrected.body.replace("The", "This", 1)})
        mention = Mention.objects.filter(review=live[5]).first()
        mention.wrong = True
        mention.save()
    return live[0], renamed


def empty_the_magazine(media_root) -> None:
    """A fresh database and media store, as far as the magazine can tell (ids are not reused afterwards)."""
    Review.objects.all().delete()
    Credit.objects.all().delete()
    for model in registry.models():
        model.objects.all().delete()
    for model in (Tag, OldSlug, Revision, AuditEntry):
        model.objects.all().delete()
    shutil.rmtree(media_root, ignore_errors=True)


def sitemap_paths(client) -> list[str]:
    index = client.get("/sitemap.xml").content.decode()
    paths = []
    for section in re.findall(r"<loc>http://testserver(/[^<]*)</loc>", index):
        paths += re.findall(r"<loc>http://testserver(/[^<]*)</loc>", client.get(section).content.decode())
    return paths


def text_of(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def public_site(client) -> dict:
    """Every page of the sitemap (status, <title>, text, tags, the pictures it shows) and every feed entry id."""
    pages = {}
    for path in sitemap_paths(client):
        response = client.get(path)
        html = response.content.decode()
        # A page lists an item's tags in the order the database returns them (no ORDER BY): compared as a set.
        tag_lists = re.findall(r'<ul class="tags".*?</ul>', html, re.S)
        tags = sorted(re.findall(r"<li>(.*?)</li>", "".join(tag_lists)))
        html = re.sub(r'<ul class="tags".*?</ul>', "", html, flags=re.S)
        pages[path] = (response.status_code, re.search(r"<title>(.*?)</title>", html, re.S)[1], text_of(html),
                       tags, re.findall(r'srcset="([^"]+)"', html))
    feeds = {}
    for path in ["/feeds/reviews/", "/feeds/reviews/atom/", *[f"/feeds/shows/{p.split('/')[2]}/"
                                                                for p in pages if p.startswith("/shows/")]]:
        feeds[path] = re.findall(r"<(?:guid[^>]*|id)>(tag:[^<]+)<", client.get(path).content.decode())
    return {"pages": pages, "feeds": feeds}


def items() -> dict:
    """Everything an editor sees of each item: content, state, working copy, old addresses, wrong mentions."""
    found = {}
    for model in registry.models():
        for item in model.objects.order_by("pk"):
            revision = drafts.pending_revision(item)
            found[(model._meta.label, item.pk)] = (
                snapshot(item), item.state, item.published_at, item.pending_changes, item.corrections,
                item.created_at, item.updated_at,
                revision and (revision.data, revision.go_live_at, revision.correction),
                sorted(OldSlug.objects.filter(object_id=item.pk, content_type__model=model._meta.model_name)
                       .values_list("slug", flat=True)),
            )
    return found


def test_the_demo_comes_back_whole_into_an_empty_magazine(client, tmp_path, media_root):
    pictured, renamed = demo_magazine()
    before_site, before_items = public_site(client), items()
    assert len(before_site["pages"]) > 100 and len(before_site["feeds"]["/feeds/reviews/"]) > 12
    assert {status for status, *_ in before_site["pages"].values()} == {200}
    states = {state for _, state, *_ in before_items.values()}
    assert {"draft", "in_review", "scheduled", "live"} <= states

    out = StringIO()
    call_command("export_magazine", str(tmp_path / "export"), stdout=out, stderr=StringIO())
    assert "21 reviews" in out.getvalue() and "124 credits, 1 seasons, 3 episodes" in out.getvalue()
    manifest = json.loads((tmp_path / "export" / "manifest.json").read_text())
    assert all(sha256(tmp_path / "export" / f["path"]) == f["sha256"] for f in manifest["files"])
    assert len(list((tmp_path / "export" / "reviews").glob("*.txt"))) == Review.objects.count()
    house_style = StringIO()
    call_command("export_review", pictured.slug, stdout=house_style)
    assert (tmp_path / "export" / "reviews" / f"{pictured.slug}.txt").read_text() == house_style.getvalue()

    empty_the_magazine(media_root)
    assert client.get("/feeds/reviews/").content.count(b"<item>") == 0
    out = StringIO()
    with factories.committing():
        call_command("import_magazine", str(tmp_path / "export"), stdout=out, stderr=StringIO())
    assert re.search(r"Imported 89 people, 20 shows, 21 reviews, 4 pages, 0 features, 124 credits, 1 seasons, "
                     r"3 episodes, \d+ tags, 4 pictures, 2 working copies\.", out.getvalue())

    assert items() == before_items
    after_site = public_site(client)
    assert after_site["feeds"] == before_site["feeds"]
    assert after_site["pages"] == before_site["pages"]
    old_slug = before_items[("reviews.Review", renamed.pk)][-1][0]
    assert client.get(renamed.get_absolute_url().replace("a-new-address", old_slug))["Location"] == \
        renamed.get_absolute_url()
    for state in ("draft", "in_review", "scheduled"):
        unpublished = Review.objects.in_state(state).get()
        assert unpublished.state == state and client.get(unpublished.get_absolute_url()).status_code == 404
    assert Mention.objects.filter(wrong=True).count() == 1
    assert Review.objects.get(pk=pictured.pk).image_renditions  # made again, after the commit
    assert factories.LivePersonFactory().pk > max(pk for label, pk in before_items if label == "people.Person")


def small_magazine():
    with factories.committing():
        review = factories.LiveReviewFactory(show__countries="UK", body="A first paragraph.\nA second one.")
        factories.CreditFactory(show=review.show, role="director")
        review.tags.add("drama")
        add_picture(review, "red")
    return review


def magazine_is_empty(media_root) -> bool:
    rows = [model.objects.count() for model in (*registry.models(), Credit, Tag, OldSlug)]
    return not any(rows) and not [path for path in media_root.rglob("*") if path.is_file()]


def rewrite(export, name: str, change) -> None:
    """Change a file of the export and its checksum in the manifest, as a careless hand would."""
    path = export / name
    path.write_text(change(path.read_text()))
    manifest = json.loads((export / "manifest.json").read_text())
    for entry in manifest["files"]:
        if entry["path"] == name:
            entry["sha256"] = sha256(path)
    (export / "manifest.json").write_text(json.dumps(manifest))


def damage_checksum(export, review):
    (export / "people.jsonl").write_text((export / "people.jsonl").read_text().replace('"name": "', '"name": "X'))
    return "people.jsonl: does not match its SHA-256 checksum"


def damage_missing_picture(export, review):
    (export / "media" / review.image.name).unlink()
    return f"media/{review.image.name}: is listed in manifest.json but missing"


def damage_json_line(export, review):
    rewrite(export, "shows.jsonl", lambda text: text.replace('"id": ', '"id" ', 1))
    return "shows.jsonl:1: not valid JSON"


def damage_review_file(export, review):
    name = f"reviews/{review.slug}.txt"
    rewrite(export, name, lambda text: text.replace("2025 | UK", "2025 | ", 1))
    lines = (export / name).read_text().count("\n")
    return f"{name}:{lines}: The second field must be the country"


def damage_review_show(export, review):
    name = f"reviews/{review.slug}.txt"
    rewrite(export, name, lambda text: text.replace(f"show: {review.show.title}", "show: Another Show"))
    return f"{name}:2: “show: Another Show” does not match the review's show"


@pytest.mark.parametrize("damage", [damage_checksum, damage_missing_picture, damage_json_line, damage_review_file,
                                    damage_review_show])
def test_a_damaged_export_names_the_file_and_writes_nothing(tmp_path, media_root, damage):
    review = small_magazine()
    export = tmp_path / "export"
    call_command("export_magazine", str(export), stdout=StringIO(), stderr=StringIO())
    empty_the_magazine(media_root)
    expected = damage(export, review)
    with pytest.raises(CommandError) as refused:
        call_command("import_magazine", str(export), stdout=StringIO(), stderr=StringIO())
    assert expected in str(refused.value) and "Nothing was imported" in str(refused.value)
    assert magazine_is_empty(media_root)


def test_the_untouched_export_of_the_same_small_magazine_imports(tmp_path, media_root):
    """The damaged exports above fail for their damage alone; a content type that only registered comes too."""
    review = small_magazine()
    feature = Feature.objects.create(headline="A feature", body="Its body.", status="published",
                                     published_at=timezone.now() - timedelta(hours=1))
    for role in ("writer", "cast"):  # the show's pages break ties of billing order by the order credits were made
        factories.CreditFactory(show=review.show, role=role, order=1)
    credits = list(Credit.objects.order_by("pk").values_list("person_id", "role", "order"))
    call_command("export_magazine", str(tmp_path / "export"), stdout=StringIO(), stderr=StringIO())
    empty_the_magazine(media_root)
    with factories.committing():
        call_command("import_magazine", str(tmp_path / "export"), stdout=StringIO(), stderr=StringIO())
    assert Feature.objects.live().get(pk=feature.pk).slug == feature.slug
    assert list(Credit.objects.order_by("pk").values_list("person_id", "role", "order")) == credits
    restored = Review.objects.get(pk=review.pk)
    assert (restored.body, restored.state, restored.image.name) == (review.body, "live", review.image.name)
    exported = tmp_path / "export" / "media" / review.image.name
    assert (media_root / review.image.name).read_bytes() == exported.read_bytes()


def test_a_magazine_that_is_not_empty_is_refused(tmp_path, media_root):
    review = small_magazine()
    call_command("export_magazine", str(tmp_path / "export"), stdout=StringIO(), stderr=StringIO())
    review.standfirst = "Edited since the export."  # so the database no longer holds just what the export holds
    review.save()
    with pytest.raises(CommandError, match=r"already holds 1 person|already holds \d+ people"):
        call_command("import_magazine", str(tmp_path / "export"), stdout=StringIO(), stderr=StringIO())
    assert Review.objects.get().version == review.version and Show.objects.count() == 1


def test_an_export_goes_into_a_new_folder_only(tmp_path):
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "notes.txt").write_text("keep me")
    with pytest.raises(CommandError, match="is not an empty folder"):
        call_command("export_magazine", str(tmp_path / "export"), stdout=StringIO(), stderr=StringIO())
    assert [path.name for path in (tmp_path / "export").iterdir()] == ["notes.txt"]


def test_an_export_says_which_pictures_its_import_would_refuse(tmp_path, media_root):
    """A picture stored before an upload check it fails was added: the export is written, and the job fails loudly,
    since the import would refuse it."""
    review = small_magazine()
    buffer = io.BytesIO()
    Image.new("RGB", (150, 150), "red").save(buffer, "JPEG")
    (media_root / review.image.name).write_bytes(buffer.getvalue())
    out = StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("export_magazine", str(tmp_path / "export"), stdout=out, stderr=StringIO())
    said = str(refused.value)
    assert "Exported" in out.getvalue() and (tmp_path / "export" / "manifest.json").is_file()
    assert "import_magazine would refuse 1 of its pictures" in said
    assert f"media/{review.image.name} (review {review.pk} “{review.headline}”): The picture is 150 × 150" in said
