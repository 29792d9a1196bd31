"""A show's countries and languages, stored as credited (“UK/Ireland”, “English, French”), for schema.org:
each country a ``Country``, each language a BCP 47 tag (“en”, “fr”, “pt-BR”)."""

import re

from django.conf.locale import LANG_INFO

SEPARATORS = re.compile(r"\s*[/,;]\s*")
LANGUAGE_TAGS = {info["name"].casefold(): code for code, info in reversed(LANG_INFO.items()) if "name" in info}
LANGUAGE_TAGS.update({  # names credits use that Django's list spells otherwise or lacks
    "chinese": "zh", "mandarin": "zh", "cantonese": "yue", "flemish": "nl-BE", "farsi": "fa", "filipino": "fil",
    "tagalog": "tl", "yiddish": "yi", "latin": "la", "māori": "mi", "maori": "mi", "inuktitut": "iu",
    "zulu": "zu", "xhosa": "xh", "yoruba": "yo", "amharic": "am", "british sign language": "bfi",
    "american sign language": "ase", "irish gaelic": "ga", "gaelic": "gd", "castilian": "es",
})
COUNTRY_NAMES = {  # the short forms credits lines use
    "US": "United States", "USA": "United States", "UK": "United Kingdom", "GB": "United Kingdom",
    "UAE": "United Arab Emirates", "USSR": "Soviet Union", "NZ": "New Zealand", "ROK": "South Korea",
}


def split(text: str) -> list[str]:
    return [part for part in SEPARATORS.split(text.strip()) if part]


def bcp47(code: str) -> str:
    """Django's lower-case codes in BCP 47's customary case: pt-br → pt-BR, zh-hans → zh-Hans."""
    language, *rest = code.split("-")
    return "-".join([language.lower(), *(part.title() if len(part) == 4 else part.upper() for part in rest)])


def languages(text: str) -> list:
    """A BCP 47 tag for each language named; a language without a known tag stays a schema.org Language."""
    found = []
    for name in split(text):
        code = LANGUAGE_TAGS.get(name.casefold())
        found.append(bcp47(code) if code else {"@type": "Language", "name": name})
    return found


def countries(text: str) -> list[dict]:
    return [{"@type": "Country", "name": COUNTRY_NAMES.get(name.upper(), name)} for name in split(text)]
