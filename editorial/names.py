"""Names as the magazine matches them: accents, case and punctuation folded, words kept whole."""

import re
import unicodedata
from functools import cache

from anyascii import anyascii

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
JOINER = re.compile(r"[\s.,:;!?&]*\s[\s.,:;!?&]*|[.:]\s*")  # what may stand between two words of one name
LONGEST_NAME = 8  # words


@cache
def folded_letter(char: str) -> str:
    """A Latin letter as ASCII (ø → o, æ → ae, ł → l, ß → ss, đ → d); any other character as it is."""
    if char.isascii() or not unicodedata.name(char, "").startswith("LATIN "):
        return char
    return anyascii(char)


def without_accents(text: str) -> str:
    """Accents off and lower case, the letters themselves kept (ß stays ß): what SQLite's unicode61 tokenizer does."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).lower().replace("’", "'")  # NFC: 바다 stays two syllables


def fold(text: str) -> str:
    """The one folding of the magazine, for slugs, mentions and search: accents off, every Latin letter in
    ASCII, case folded; other scripts keep their letters (바다 stays 바다)."""
    return "".join(folded_letter(c) for c in without_accents(text)).casefold()


def name_key(name: str) -> str:
    """The form two spellings of one name share: “Lou de Laâge” and “lou de laage” → “lou de laage”."""
    return " ".join(POSSESSIVE.sub("", word) for word in WORD.findall(fold(name)))


def words_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Each word, folded and without a possessive ’s, with where it stands in ``text``; URLs hold no words."""
    blanked = URL.sub(lambda m: " " * len(m.group()), text)
    words = []
    for match in WORD.finditer(blanked):
        word = match.group()
        bare = POSSESSIVE.sub("", word)
        words.append((name_key(bare), match.start(), match.start() + len(bare)))
    return words


def candidates(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every run of up to LONGEST_NAME adjacent words, by key, with the spans where it stands."""
    words = words_with_spans(text)
    found: dict[str, list[tuple[int, int]]] = {}
    for first in range(len(words)):
        key_parts = []
        for last in range(first, min(first + LONGEST_NAME, len(words))):
            if last > first and not JOINER.fullmatch(text[words[last - 1][2]:words[last][1]]):
                break
            key_parts.append(words[last][0])
            found.setdefault(" ".join(key_parts), []).append((words[first][1], words[last][2]))
    return found
