"""The house-style parser alone: text in, plain data out."""

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviews.house_style import (
    CreditEntry,
    Credits,
    HouseStyleError,
    ParsedReview,
    format_review,
    parse_credits_line,
    parse_review,
)
from tests.paths import SAMPLES

SAMPLES = SAMPLES


def people(line: str, role: str | None = None) -> list[tuple]:
    credits = parse_credits_line(line)
    return [(e.role, e.name, e.character or e.note) for e in credits.people if role in (None, e.role)]


def test_the_readme_credits_line():
    credits = parse_credits_line(
        "2025 | US | DIRECTORS: Amy Sherman-Palladino, Daniel Palladino | WRITERS: Amy Sherman-Palladino and "
        "Daniel Palladino (also creators), Jen Kirkman, Isaac Oliver, Thomas Ward | CAST: Luke Kirby | "
        "DISTRIBUTOR: Amazon Prime Video | EPISODES: 8"
    )
    assert (credits.year, credits.end_year, credits.countries, credits.kind) == (2025, None, "US", "series")
    assert credits.facts == {"distributor": "Amazon Prime Video", "episodes": 8}
    roles = [e.role for e in credits.people]
    assert (roles.count("director"), roles.count("writer"), roles.count("creator")) == (2, 5, 2)
    creators = [(e.name, e.order) for e in credits.people if e.role == "creator"]
    assert creators == [("Amy Sherman-Palladino", 1), ("Daniel Palladino", 2)]


@pytest.mark.parametrize(("years", "span"), [("2025", (2025, None)), ("2019–2023", (2019, 2023)),
                                             ("2019-2023", (2019, 2023))])
def test_year_or_span(years, span):
    credits = parse_credits_line(f"{years} | UK | CAST: A Person")
    assert (credits.year, credits.end_year) == span


@pytest.mark.parametrize("countries", ["US", "UK/Ireland", "France, Belgium", "Portugal/France"])
def test_countries_are_kept_as_written(countries):
    assert parse_credits_line(f"2025 | {countries} | CAST: A Person").countries == countries


def test_cast_parenthesis_is_the_character():
    assert people("2025 | UK | CAST: Priya Raman (Dr Ines Calder), Tom Hale", "cast") == [
        ("cast", "Priya Raman", "Dr Ines Calder"), ("cast", "Tom Hale", "")]


def test_ampersand_joins_a_group():
    assert people("2025 | PT | WRITERS: Catarina d’Almeida & 山田 花子", "writer") == [
        ("writer", "Catarina d’Almeida", ""), ("writer", "山田 花子", "")]


@pytest.mark.parametrize("name", ["Siobhán O'Rourke", "Fionn D’Arcy", "Jean-Luc Ó Briain", "Lou de Laâge",
                                  "Ivan du Pontavice", "Leonor van der Linde", "Aoife Ní Chonaill",
                                  "山田 花子", "Олена Коваленко", "محمد الأمين", "Zoë Wanamaker"])
def test_names_keep_their_spelling(name):
    assert people(f"2025 | US | DIRECTOR: {name} | CAST: {name} (Herself)") == [
        ("director", name, ""), ("cast", name, "Herself")]


@pytest.mark.parametrize("key", ["DIRECTOR", "DIRECTORS", "WRITER", "WRITERS", "CREATOR", "CREATORS",
                                 "PRODUCER", "PRODUCERS", "EDITOR", "EDITORS", "MUSIC", "CINEMATOGRAPHY", "CAST"])
def test_singular_and_plural_keys(key):
    assert len(parse_credits_line(f"2025 | US | {key}: A Person").people) == 1


def test_facts_and_kind():
    film = parse_credits_line("2024 | France, Belgium | DIRECTOR: A B | RUNTIME: 104 mins | LANGUAGES: French, Dutch")
    assert film.kind == "film" and film.facts == {"runtime_minutes": 104, "languages": "French, Dutch"}
    series = parse_credits_line("2019–2023 | UK | CAST: A B | SEASONS: 4 | LANGUAGE: English")
    assert series.kind == "series" and series.facts["seasons"] == 4


def test_note_on_a_crew_credit():
    assert people("2025 | US | PRODUCERS: Ann Lee (uncredited)") == [("producer", "Ann Lee", "uncredited")]


@pytest.mark.parametrize(
    ("line", "field", "fragment"),
    [
        ("Just a closing sentence.", "credits", "No credits line"),
        ("20x5 | US | CAST: A", "year", "must start with a year"),
        ("2023–2019 | US | CAST: A", "year", "ends before it starts"),
        ("2025 | US | EPISODES: eight", "EPISODES", "whole number"),
        ("2025 | US | RUNTIME: long", "RUNTIME", "minutes"),
        ("2025 | US | GAFFER: A Person", "GAFFER", "Unknown key GAFFER"),
        ("2025 | US | CAST: ", "CAST", "empty"),
        ("2025 | US | CAST: A, , B", "CAST", "empty name"),
        ("2025 | US | WRITERS: A and B (also gaffers)", "WRITERS", "also gaffers"),
        ("2025 | US | CAST: A (B", "CAST", "unbalanced"),
        ("2025 | US | CAST: A | CAST: B", "CAST", "twice"),
        ("2025 | DIRECTOR: A", "countries", "country"),
    ],
)
def test_bad_credits_lines_name_the_problem(line, field, fragment):
    with pytest.raises(HouseStyleError) as caught:
        parse_credits_line(line, line=7)
    assert caught.value.line == 7 and caught.value.field == field and fragment in caught.value.message


def test_etoile_sample():
    parsed = parse_review((SAMPLES / "etoile.txt").read_text(encoding="utf-8"))
    assert parsed.front == {} and len(parsed.paragraphs) == 11
    characters = {e.name: e.character for e in parsed.credits.people if e.role == "cast"}
    assert characters == {
        "Luke Kirby": "Jack McMillan", "Charlotte Gainsbourg": "Geneviève Lavigne",
        "Lou de Laâge": "Cheyenne Toussant", "Gideon Glick": "Tobias Bell", "David Alvarez": "",
        "Ivan du Pontavice": "Gabin", "Taïs Vinolo": "Mishi Duplessis", "David Haig": "",
    }


def test_harbour_lights_sample():
    parsed = parse_review((SAMPLES / "harbour-lights.txt").read_text(encoding="utf-8"))
    assert parsed.front["show"] == "Harbour Lights" and parsed.front["rating"] == Decimal("3.5")
    assert parsed.front["tags"] == ("drama", "Portugal", "slow cinema")
    assert parsed.credits.kind == "film" and parsed.credits.countries == "Portugal/France"
    cast = {e.name: e.character for e in parsed.credits.people if e.role == "cast"}
    assert cast["Joaquim de Sá"] == "Rui Tavares"  # from the body
    assert cast["Leonor van der Linde"] == "Marta Tavares"  # the CAST parenthesis wins over the body's “Marta”
    assert cast["Tomás O'Brien-Reis"] == ""
    assert [(e.role, e.name) for e in parsed.credits.people if e.role != "cast"] == [
        ("director", "Catarina d’Almeida"), ("writer", "Catarina d’Almeida"), ("writer", "山田 花子"),
        ("music", "Ólafur Brynjarsson")]


def test_body_characters_never_come_from_inside_another_phrase():
    text = ("Rich kid Mishi Duplessis (Taïs Vinolo) sulks. Meanwhile, the pilot, Rui (A B), waits.\n"
            "2025 | US | CAST: Taïs Vinolo, A B")
    cast = {e.name: e.character for e in parse_review(text).credits.people}
    assert cast == {"Taïs Vinolo": "Mishi Duplessis", "A B": "Rui"}


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("---\nshow: X\nA paragraph.\n2025 | US | CAST: A", 1, "not closed"),
        ("---\nshow X\n---\nA paragraph.\n2025 | US | CAST: A", 2, "key: value"),
        ("---\nshows: X\n---\nA paragraph.\n2025 | US | CAST: A", 2, "Unknown front matter key"),
        ("---\nrating: 7\n---\nA paragraph.\n2025 | US | CAST: A", 2, "0 to 5"),
        ("---\nrating: 3.3\n---\nA paragraph.\n2025 | US | CAST: A", 2, "0 to 5"),
        ("---\nrating: NaN\n---\nA paragraph.\n2025 | US | CAST: A", 2, "0 to 5"),
        ("---\npublished: yesterday\n---\nA paragraph.\n2025 | US | CAST: A", 2, "date"),
        ("A paragraph.\nAnother paragraph.", 2, "No credits line"),
        ("2025 | US | CAST: A", 1, "no body"),
        ("", 1, "no body"),
        ("One.\nTw\x00o.\n2025 | US | CAST: A", 2, "control character (U+0000)"),
        ("One.\n2025 | US | CAST: A\x1b", 2, "control character (U+001B)"),
    ],
)
def test_bad_files_name_the_line(text, line, fragment):
    with pytest.raises(HouseStyleError) as caught:
        parse_review(text)
    assert caught.value.line == line and fragment in caught.value.message


def test_blank_lines_mean_nothing_and_crlf_is_read():
    parsed = parse_review("\ufeffOne.\r\n\r\nTwo — ‘quoted’.\r\n2025 | US | CAST: A B\r\n")
    assert parsed.paragraphs == ("One.", "Two — ‘quoted’.")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# The house style keeps text in NFC: any NFC text round-trips (test_text_is_read_in_one_unicode_form for the rest).
names = st.text(alphabet=st.characters(categories=["L"], include_characters="-’'"), min_size=1, max_size=12).map(
    nfc).filter(lambda w: w[0].isalpha() and w.lower() not in {"and"})
full_names = st.lists(names, min_size=1, max_size=3).map(" ".join)
entries = st.lists(st.tuples(st.sampled_from(["director", "writer", "cast", "music"]), full_names,
                             st.one_of(st.just(""), full_names)), min_size=1, max_size=8, unique_by=lambda e: e[:2])
paragraph = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=60).map(nfc)
paragraphs = st.lists(paragraph.filter(lambda t: t.strip() and " | " not in t and t.strip() != "---"),
                      min_size=1, max_size=5)


def test_text_is_read_in_one_unicode_form():
    decomposed = unicodedata.normalize("NFD", "Zoë plays Élise.\n2025 | FR | CAST: Zoë Adébáyọ̀ (Élise)\n")
    parsed = parse_review(decomposed)
    assert parsed.paragraphs == ("Zoë plays Élise.",)
    assert [(e.name, e.character) for e in parsed.credits.people] == [("Zoë Adébáyọ̀", "Élise")]


@given(entries=entries, paragraphs=paragraphs, year=st.integers(1900, 2100))
def test_format_then_parse_is_lossless(entries, paragraphs, year):
    counts: dict[str, int] = {}
    people_ = []
    for role, name, character in entries:
        counts[role] = counts.get(role, 0) + 1
        people_.append(CreditEntry(role, name, character if role == "cast" else "", "", counts[role]))
    original = ParsedReview({"show": "Ünïcode Show"}, tuple(paragraphs), Credits(year, None, "US", {}, tuple(people_)))
    parsed = parse_review(format_review(original))
    assert parsed.paragraphs == original.paragraphs
    assert sorted(parsed.credits.people, key=repr) == sorted(original.credits.people, key=repr)
