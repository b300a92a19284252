"""Languages the site renders in: one table per language (a module beside this one).

A table holds the interface strings, month names and date patterns; vocabulary labels sit in
the schema beside each enum's descriptions (`x-enumLabels`). Adding a language is one module
here, one entry in LANGUAGES and the labels in the schema; the templates do not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from kb.i18n.en import EN
from kb.i18n.language import Language
from kb.i18n.tr import TR

LANGUAGES: Mapping[str, Language] = MappingProxyType({"en": EN, "tr": TR})


def language(code: str) -> Language:
    """The table for a language code; a clear error for a language the site does not have."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValueError(
            f"no language table for {code!r}; known: {', '.join(sorted(LANGUAGES))}"
        ) from None
