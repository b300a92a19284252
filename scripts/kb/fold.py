"""Turkish-aware folding, defined once: the search index, the reader's query (through the
generated search worker) and the de-duplication of names (kb.prose) all use this table."""

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
