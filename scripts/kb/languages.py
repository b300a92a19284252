"""The site's languages as seen from a page: each page's twin in the other language, the
links between them, and the alphabetical order each language sorts names in.

Plain functions with no MkDocs import: the hook and the theme partials only call them.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from kb import addresses

LANGUAGES: Final = ("en", "tr")
"""Every language the site is built in; the first is the default, served at the root."""
NAMES: Final = {"en": "English", "tr": "Türkçe"}
"""Each language's name in itself, as the language switch shows it."""


@dataclass(frozen=True)
class Alternate:
    """One language version of a page, as the head's hreflang links and the switch use it."""

    lang: str
    """The hreflang value: a language code, or 'x-default' for the default language."""
    name: str
    href: str
    """Relative to the page it appears on, so the link works on any host and under serve."""
    current: bool


def site_path(url: str, lang: str) -> str:
    """A page's path from the site root: its URL inside its language's build plus the
    language's folder ('bases/incirlik/' in Turkish -> 'tr/bases/incirlik/')."""
    return addresses.prefix(lang) + url.lstrip("/")


def relative(target: str, page: str) -> str:
    """A link from one site path (directory URL, as MkDocs writes it) to another."""
    start = posixpath.dirname("/" + page) if not page.endswith("/") else "/" + page
    rel = posixpath.relpath("/" + target, start)
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return rel


def alternates(url: str, lang: str) -> list[Alternate]:
    """The page at `url` (inside the `lang` build) in every language, then 'x-default'
    (the default language's version), each linked relative to that page."""
    here = site_path(url, lang)
    out = [
        Alternate(code, NAMES[code], relative(site_path(url, code), here), code == lang)
        for code in LANGUAGES
    ]
    default = out[0]
    out.append(Alternate("x-default", default.name, default.href, False))
    return out


# Turkish alphabetical order, with the letters English has and Turkish does not (q, w, x)
# where Turkish dictionaries put them.
_TR_ALPHABET: Final = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
_TR_RANK: Final = {c: i for i, c in enumerate(_TR_ALPHABET)}
_TR_LOWER: Final = str.maketrans({"I": "ı", "İ": "i"})


def _letters(text: str) -> str:
    """Letters without marks other than the Turkish ones (â -> a, but ç, ğ, ö, ş, ü, ı stay)."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in _TR_RANK:
            out.append(c)
            continue
        base = unicodedata.normalize("NFD", c)[0]
        out.append(base)
    return "".join(out)


_DIGITS: Final = re.compile(r"\d+|.", re.DOTALL)


def _chunks(text: str) -> list[tuple[str, str]]:
    """(number, '') for each run of ASCII digits, ('', character) for anything else, so that
    '9. Ana Jet' sorts before '14. İnsansız'."""
    return [(m, "") if m.isdigit() and m.isascii() else ("", m) for m in _DIGITS.findall(text)]


def turkish_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key in Turkish alphabetical order (C < Ç < D, H < I < İ, S < Ş < T) that does
    not depend on the machine's locale: numbers first (by value), then letters by the
    Turkish alphabet, then anything else by code point; case and marks such as â only
    break ties."""
    lowered = _letters(text.translate(_TR_LOWER).lower())
    key: list[tuple[int, int | str]] = []
    for number, c in _chunks(lowered):
        if number:
            key.append((0, int(number)))
        elif c in _TR_RANK:
            key.append((1, _TR_RANK[c]))
        elif c.isspace():
            key.append((-1, 0))
        else:
            key.append((2, ord(c)))
    return (*key, (3, text))


def english_key(text: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """English alphabetical order: case and marks ignored ('Çiğli' sorts as 'Cigli'),
    numbers by value."""
    decomposed = unicodedata.normalize("NFD", text.replace("ı", "i"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    parts = tuple((0, int(n), "") if n else (1, 0, c) for n, c in _chunks(plain))
    return (parts, text)


def sort_key(lang: str) -> Callable[[str], tuple[object, ...]]:
    """The name sort key of a language (Turkish order on `/tr/`, English order on `/`)."""
    return turkish_key if lang == "tr" else english_key
