"""Hostile markup in every text an editor can fill, published through the workflow, read in real Chromium: on each
public page, in each feed's HTML as a feed reader decodes it, and on each admin page an editor uses. It shows as
text, and nothing of it runs: no dialog, no ``on*`` attribute, no ``javascript:`` link, no injected script.

Pages are read with the Content-Security-Policy bypassed: the policy is a second wall, and this tests the first."""

import io
import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from editorial import drafts, preview, workflow
from editorial.models import PreviewLink, Revision
from pictures.renditions import clean_upload
from tests import factories
from tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ATTACKS = ["<img src=x onerror=alert(1)>", "<script>window.__pwned=1</script>", "\"><svg onload=alert(1)>",
           "'><img src=x onerror=window.__pwned=1>", '<a href="JaVaScRiPt:alert(1)">x</a>']
PAYLOAD = "".join(ATTACKS) + "</textarea></title>"  # 176 characters: with a label of up to 24 it fits a headline
SHOWN = "<img src=x onerror=alert(1)>"  # what every page must show as text: proof the payload landed there
BARE = "javascript:alert(1)"
TAGS = ["<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", BARE, "<script>window.__pwned=1</script>"]


def hostile(label: str) -> str:
    return f"{label} {PAYLOAD}"


# The house markup's every construct around the payload: a quotation of two paragraphs (one with italics), a
# section break, a pull quote of new words and one repeating the text, a paragraph in italics.
MARKED = ("Quotation", "Quoted italics", "Quotation two", "Pull quote", "Italics")
MARKED_BODY = (f"> {hostile('Quotation')} *{hostile('Quoted italics')}*\n> {hostile('Quotation two')}\n* * *\n"
               f">> {hostile('Pull quote')}\n>> {hostile('Second paragraph')}\n*{hostile('Italics')}*")
# What a word processor might put on the clipboard, with everything the paste must leave behind.
PASTED_HTML = (
    "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->"
    "<style>p.MsoNormal{color:red} body{background:url(javascript:alert(1))}</style>"
    "<p class=MsoNormal style='font-family:Calibri;color:#f00'>Pasted <i>italics</i> <img src=x onerror=alert(1)>"
    "<script>window.__pwned=1</script><a href=\"javascript:alert(1)\">link</a><![if !supportLists]>·<![endif]>"
    "</p><blockquote><p onclick=\"alert(1)\">Pasted quotation</p></blockquote><svg onload=alert(1)></svg>")
PASTED_TEXT = "Pasted *italics* link·\n\n> Pasted quotation"


def as_shown(label: str) -> str:
    """How a page that escaped it shows the text labelled ``label`` (a tag or bare value: as it is)."""
    return label if label in (*TAGS, BARE) else f"{label} {SHOWN}".strip()


def picture(label: str, credit: str | None = None) -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), "darkslateblue").save(buffer, "JPEG")
    return {"image": clean_upload(SimpleUploadedFile("still.jpg", buffer.getvalue())),
            "image_alt": hostile(f"{label} alt"), "image_caption": hostile(f"{label} caption"),
            "image_credit": credit or hostile(f"{label} credit")}


def hostile_magazine() -> dict:
    """A review, its show, its critic and cast, written with hostile markup, taken through the whole workflow: a
    writer submits, an editor sends it back, it is submitted again and published with what it needs, corrected,
    and left with unpublished changes; a second review waits in the queue."""
    writer, editor = factories.writer(), factories.editor()
    critic = factories.DraftPersonFactory(name=hostile("Critic"), bio=hostile("Critic bio"), **picture("Critic"))
    cast = factories.DraftPersonFactory(name=hostile("Actor"), bio=f"{hostile('Bio one')}\n{hostile('Bio two')}",
                                        **picture("Actor"))
    director = factories.DraftPersonFactory(name="Mara Quill")  # named in the body: a mention, linked
    show = factories.DraftShowFactory(title=hostile("Show"), synopsis=hostile("Synopsis"), countries=BARE,
                                      distributor=hostile("Distributor"), languages=hostile("Languages"),
                                      **picture("Poster", credit=BARE))
    factories.CreditFactory(show=show, person=cast, character=hostile("Character"), note=BARE, order=1)
    factories.CreditFactory(show=show, person=director, role="director", note=hostile("Credit note"), order=0)
    review = factories.DraftReviewFactory(
        show=show, critic=critic, headline=hostile("Headline"), standfirst=hostile("Standfirst"),
        body=f"{hostile('First paragraph')} Mara Quill directs.\n{hostile('Second paragraph')}\n{BARE}\n"
             + MARKED_BODY,
        **picture("Still"))
    for item in (review, show, cast, critic):
        item.tags.set(TAGS)

    workflow.submit(review, by=writer, note=hostile("Submit note"))
    workflow.send_back(review, by=editor, note=hostile("Send-back note"))
    workflow.submit(review, by=writer, note=hostile("Second submit note"))
    workflow.publish(review, by=editor, note=hostile("Publish note"), with_dependencies=True)
    review.refresh_from_db()
    workflow.save_draft(review, by=writer, data={**drafts.content_of(review),
                                                 "standfirst": f"*{hostile('Corrected standfirst')}*"})
    workflow.publish(review, by=editor, correction=hostile("Correction note"))
    review.refresh_from_db()
    workflow.save_draft(review, by=writer, data={**drafts.content_of(review),
                                                 "headline": hostile("Unpublished headline")},
                        note=hostile("Working copy note"))

    waiting = factories.DraftReviewFactory(show=show, critic=critic, headline=hostile("Waiting headline"),
                                           standfirst=hostile("Waiting standfirst"))
    workflow.submit(waiting, by=writer, note=hostile("Queue note"))
    link = PreviewLink.objects.create(item=review, created_by=editor, expires_at=timezone.now() + timedelta(days=7))
    for item in (review, show, cast, critic):
        item.refresh_from_db()
    return {"review": review, "show": show, "cast": cast, "critic": critic, "waiting": waiting, "editor": editor,
            "preview link": preview.shared_url(link)}


# --- what runs, and what is there that could -------------------------------------------------------------

INSPECT = """() => {
  const found = {handlers: [], javascript: [], scripts: [], pwned: window.__pwned === 1};
  delete window.__pwned;
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      const where = `<${el.localName} ${attr.name}="${attr.value}">`;
      if (name.startsWith("on")) found.handlers.push(where);
      const url = ["href", "src", "action", "formaction", "xlink:href", "data"].includes(name);
      if (url && value.startsWith("javascript:")) found.javascript.push(where);
    }
  }
  for (const script of document.querySelectorAll("script")) {
    const type = (script.type || "text/javascript").toLowerCase();
    if (/javascript|ecmascript|module/.test(type) && /alert\\(1\\)|__pwned/.test(script.textContent))
      found.scripts.push(script.outerHTML);
  }
  const values = [...document.querySelectorAll("input, textarea")].map(field => field.value);
  const alts = [...document.querySelectorAll("img[alt]")].map(img => img.alt);
  found.text = [document.documentElement.textContent, ...values, ...alts].join("\\n");
  return found;
}"""


class Watch:
    """A page whose dialogs are counted (and dismissed) as they open."""

    def __init__(self, page):
        self.page, self.dialogs = page, []
        page.on("dialog", self.dialog)

    def dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def harm(self, where: str, shows: tuple[str, ...] = ("",)) -> list[str]:
        """What ran or could run on the page as it stands, and each of ``shows`` (labels of hostile texts) that is
        not there as text: a page that shows none of the markup tests nothing."""
        self.page.wait_for_timeout(50)  # a broken picture's error event comes just after the load
        found = self.page.evaluate(INSPECT)
        self.text = found["text"]
        problems = [f"{where}: {kind}: {found[kind]}" for kind in ("handlers", "javascript", "scripts") if found[kind]]
        if found["pwned"]:
            problems.append(f"{where}: an injected script ran")
        if self.dialogs:
            problems.append(f"{where}: dialogs opened: {self.dialogs}")
            self.dialogs.clear()
        missing = [label for label in shows if as_shown(label) not in found["text"]]
        if missing:
            problems.append(f"{where}: not shown as text: {missing}")
        return problems

    def visit(self, url: str, where: str, shows: tuple[str, ...]) -> list[str]:
        response = self.page.goto(url)
        if response.status != 200:
            return [f"{where}: {url} answered {response.status}"]
        return self.harm(where, shows)


def test_the_checks_see_markup_that_was_not_escaped(browser):
    """The same checks on the raw payloads: each one is caught, so a page that passes them escaped it."""
    context = browser.new_context()
    try:
        watch = Watch(context.new_page())
        for attack in [*ATTACKS, f'<a href=" {BARE}">x</a>', f'<form action="{BARE}"></form>']:
            watch.page.set_content(f"<p>{attack}</p>")
            assert watch.harm(attack, shows=()), f"{attack} went unnoticed"
        watch.page.set_content(f"<p>{ATTACKS[0]}</p>")
        assert any("dialogs opened" in problem for problem in watch.harm(ATTACKS[0], shows=()))
        watch.page.set_content(f"<p>{ATTACKS[1]}</p>")
        assert any("an injected script ran" in problem for problem in watch.harm(ATTACKS[1], shows=()))
        watch.page.set_content("<p>&lt;img src=x onerror=alert(1)&gt; javascript:alert(1)</p>")
        assert watch.harm("escaped") == []
    finally:
        context.close()


# --- the pages ---------------------------------------------------------------------------------------------


def public_pages(magazine: dict) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Where each page is, and the hostile texts it shows (by label)."""
    review, show, cast, critic = (magazine[key] for key in ("review", "show", "cast", "critic"))
    pages = {
        "home": ("/", ("Headline", "Show", "Critic")),
        "archive": ("/reviews/", ("Headline", "Show", "Critic")),
        "review": (review.get_absolute_url(), (
            "Headline", "Corrected standfirst", "First paragraph", "Second paragraph", "Still alt", "Still caption",
            "Still credit", "Correction note", "Critic", "Show", "Character", "Actor", *MARKED, *TAGS)),
        "show": (show.get_absolute_url(), (
            "Show", "Synopsis", "Distributor", "Languages", "Poster alt", "Character", "Credit note", "Actor",
            "Headline", BARE, *TAGS)),
        "critic": (critic.get_absolute_url(), ("Critic", "Critic bio", "Critic alt", "Headline", *TAGS)),
        "cast member": (cast.get_absolute_url(), ("Actor", "Bio one", "Bio two", "Actor alt", "Character", "Show")),
        "shows list": ("/shows/", ("Show",)),
        "people list": ("/people/", ("Actor", "Critic")),
        "shared preview": (magazine["preview link"], ("Unpublished headline", "Corrected standfirst")),
        "search for a word of the markup": ("/search/?q=onerror", ("Headline", "Show", "Actor")),
        "search for the body": ("/search/?q=paragraph", ("Headline",)),
        "search for the markup itself": (f"/search/?{urlencode({'q': PAYLOAD})}", ("",)),
    }
    for tag in review.tags.all():
        pages[f"tag {tag.name}"] = (reverse("tag", args=[tag.slug]), ("Headline", tag.name))
    return pages


def feeds(magazine: dict) -> dict[str, str]:
    review = magazine["review"]
    found = {"latest": reverse("feeds:latest"), "show": reverse("feeds:show", args=[review.show.slug]),
             "critic": reverse("feeds:critic", args=[review.critic.slug]),
             "person": reverse("feeds:person", args=[magazine["cast"].slug])}
    for tag in review.tags.all():
        found[f"tag {tag.name}"] = reverse("feeds:tag", args=[tag.slug])
    return {**found, **{f"{name}, Atom": f"{url}atom/" for name, url in found.items()}}


ATOM = "{http://www.w3.org/2005/Atom}"
HTML_FIELDS = {  # the elements a feed reader renders as HTML
    "channel description": "channel/description", "description": "channel/item/description",
    "content:encoded": "channel/item/{http://purl.org/rss/1.0/modules/content/}encoded",
    "summary": f"{ATOM}entry/{ATOM}summary[@type='html']", "content": f"{ATOM}entry/{ATOM}content[@type='html']",
    "html title": f".//{ATOM}title[@type='html']", "html subtitle": f"{ATOM}subtitle[@type='html']",
}


def feed_html(xml: bytes) -> dict[str, str]:
    """Each HTML field's markup, decoded from the XML as a feed reader decodes it (feedparser would sanitise it,
    hiding what a less careful reader would run)."""
    root = ET.fromstring(xml)
    return {f"{name} {i}": element.text or "" for name, path in HTML_FIELDS.items()
            for i, element in enumerate(root.findall(path))}


def admin_pages(magazine: dict) -> dict[str, tuple[str, tuple[str, ...]]]:
    review, show, cast, critic, waiting = (magazine[key] for key in ("review", "show", "cast", "critic", "waiting"))
    revisions = Revision.of(review).order_by("version")

    def url(name: str, *args) -> str:
        return reverse(f"admin:{name}", args=args)

    return {
        "review changelist": (url("reviews_review_changelist"), ("Headline", "Waiting headline", "Show", "Critic")),
        "review changelist, searched": (f"{url('reviews_review_changelist')}?q=onerror", ("Headline",)),
        "show changelist": (url("shows_show_changelist"), ("Show",)),
        "people changelist": (url("people_person_changelist"), ("Actor", "Critic")),
        "tags changelist": (url("taggit_tag_changelist"), tuple(TAGS)),
        "tag change form": (url("taggit_tag_change", review.tags.first().pk), ("",)),
        "audit log": (url("editorial_auditentry_changelist"), (
            "Headline", "Submit note", "Send-back note", "Second submit note", "Publish note", "Correction note",
            "Working copy note", "Queue note")),
        "review queue": (url("queue"), ("Waiting headline", "Queue note")),
        "calendar": (url("calendar"), ("Headline",)),
        "review change form": (url("reviews_review_change", review.pk), (
            "Unpublished headline", "Corrected standfirst", "First paragraph", "Second paragraph", "Still alt",
            "Still caption", "Still credit", "Send-back note", "Publish note", *MARKED, *TAGS)),
        "waiting review change form": (url("reviews_review_change", waiting.pk), (
            "Waiting headline", "Waiting standfirst", "Queue note")),
        "show change form": (url("shows_show_change", show.pk), (
            "Show", "Synopsis", "Distributor", "Languages", "Poster alt", "Poster caption", "Character",
            "Credit note", BARE)),
        "cast member change form": (url("people_person_change", cast.pk), (
            "Actor", "Bio one", "Bio two", "Actor alt", "Actor caption", "Actor credit")),
        "critic change form": (url("people_person_change", critic.pk), ("Critic", "Critic bio")),
        "review preview": (url("reviews_review_preview", review.pk), ("Unpublished headline", "Corrected standfirst")),
        "revisions": (url("reviews_review_revisions", review.pk), ("Headline", "Send-back note", "Publish note")),
        "compare": (f"{url('reviews_review_compare', review.pk)}?a={revisions.first().pk}&b={revisions.last().pk}",
                    ("Unpublished headline", "Corrected standfirst")),
        "history": (url("reviews_review_history", review.pk), ("Headline",)),
        "show revisions": (url("shows_show_revisions", show.pk), ("Show",)),
        "show delete, refused": (url("shows_show_delete", show.pk), ("Show", "Headline")),
        "person delete, refused": (url("people_person_delete", cast.pk), ("Actor",)),
    }


def test_hostile_markup_is_text_everywhere_it_lands(live_server, new_page):
    magazine = hostile_magazine()
    base, problems = live_server.url, []

    reader = Watch(new_page(bypass_csp=True))
    for where, (path, shows) in public_pages(magazine).items():
        problems += reader.visit(f"{base}{path}", where, shows)

    feed_page = Watch(new_page())
    for where, path in feeds(magazine).items():
        response = reader.page.request.get(f"{base}{path}")
        assert response.ok, f"{where}: {path} answered {response.status}"
        shown = ""
        for field, html in feed_html(response.body()).items():
            feed_page.page.set_content(html)
            problems += feed_page.harm(f"{where} feed, {field}", shows=())
            shown += feed_page.text
        for label in ("Corrected standfirst", "First paragraph", "Second paragraph", "Correction note", *MARKED):
            if f"{label} {SHOWN}" not in shown:
                problems.append(f"{where} feed: “{label}” not shown as text in its HTML")

    desk = Watch(new_page(bypass_csp=True))
    log_in(desk.page, base, magazine["editor"])
    for where, (path, shows) in admin_pages(magazine).items():
        problems += desk.visit(f"{base}{path}", where, shows)
    # The change form sent back as it is (Save draft), and shown again with what the save made of it.
    review = magazine["review"]
    desk.page.goto(f"{base}{reverse('admin:reviews_review_change', args=[review.pk])}")
    desk.page.click("input[name=_save_draft]")
    assert "was saved as a draft" in desk.page.inner_text(".messagelist")
    problems += desk.harm("review change form, after Save draft", ("Unpublished headline", "Still caption"))
    problems += desk.visit(f"{base}{reverse('admin:reviews_review_history', args=[review.pk])}",
                           "history, after Save draft", ("Headline",))
    problems += pasted_from_a_word_processor(desk, base, review)

    assert problems == [], "\n".join(problems)


PASTE = """(html) => {
  const area = document.querySelector("textarea[name=body]");
  area.focus();
  area.setSelectionRange(area.value.length, area.value.length);
  const clipboard = new DataTransfer();
  clipboard.setData("text/html", html);
  clipboard.setData("text/plain", "Pasted italics link");
  area.dispatchEvent(new ClipboardEvent("paste", {clipboardData: clipboard, bubbles: true, cancelable: true}));
}"""


def pasted_from_a_word_processor(desk: Watch, base: str, review) -> list[str]:
    """Hostile HTML pasted into the body, as a browser hands it over: the server's nh3 and converter leave
    paragraphs, italics and a quotation; the preview, the saved draft and its preview page run nothing."""
    desk.page.goto(f"{base}{reverse('admin:reviews_review_change', args=[review.pk])}")
    before = desk.page.input_value("textarea[name=body]")
    desk.page.evaluate(PASTE, PASTED_HTML)
    desk.page.wait_for_function("() => document.querySelector('textarea[name=body]').value.includes('Pasted')")
    pasted = desk.page.input_value("textarea[name=body]").removeprefix(before)
    problems = [] if pasted == PASTED_TEXT else [f"paste: {pasted!r} arrived, not {PASTED_TEXT!r}"]
    desk.page.wait_for_selector(".markup-preview:not([hidden]) blockquote")  # the quotation at the cursor
    problems += desk.harm("review change form, after the paste", ("Unpublished headline",))
    desk.page.click("input[name=_save_draft]")
    problems += desk.visit(f"{base}{reverse('admin:reviews_review_preview', args=[review.pk])}",
                           "review preview, after the paste", ("Unpublished headline",))
    if "Pasted italics link·" not in desk.text or "Pasted quotation" not in desk.text:
        problems.append("review preview, after the paste: the pasted words are not there")
    return problems
