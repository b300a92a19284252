"""Turkish-aware folding, defined once: the search index, the reader's query (through the
generated search worker) and the "also written" spellings all use this table."""

from __future__ import annotations

FOLD = {
    "ı": "i",
    "İ": "i",
    "I": "i",
    "ç": "c",
    "Ç": "c",
    "ğ": "g",
    "Ğ": "g",
    "ö": "o",
    "Ö": "o",
    "ş": "s",
    "Ş": "s",
    "ü": "u",
    "Ü": "u",
    "â": "a",
    "Â": "a",
    "î": "i",
    "Î": "i",
    "û": "u",
    "Û": "u",
    "\u0307": "",  # the combining dot JavaScript adds when it lower-cases İ
}
_TABLE = str.maketrans(FOLD)


def fold(text: str) -> str:
    """Lower-case and strip Turkish letters to ASCII: 'İNCİRLİK' and 'Incirlik' -> 'incirlik'."""
    return text.translate(_TABLE).lower()


def unaccent(text: str) -> str:
    """The same letters without Turkish marks, keeping case: 'Çiğli' -> 'Cigli'."""
    out = []
    for c in text:
        plain = FOLD.get(c, c) if c != "I" else c
        out.append(plain.upper() if c.isupper() else plain)
    return "".join(out)


def also_written(names: list[str] | tuple[str, ...]) -> list[str]:
    """Spellings to show as information: the names and aliases with their unaccented forms,
    without repeats and without the first name (which the page already shows as its title)."""
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name)
        seen.setdefault(unaccent(name))
    return [s for s in seen if s != names[0]]
