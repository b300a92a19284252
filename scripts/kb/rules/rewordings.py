"""Recorded rewordings (`previous_text`) must fit the text they reword: a Turkish earlier
wording only where that text has Turkish now, and the last recorded wording of each text
different from the text now.

Part of the history rule (kb.rules.history runs it). The corrections log shows each earlier
wording beside the current one; a Turkish "earlier wording" of a text that has no Turkish, or
an "earlier wording" the same as the text now, would show readers a correction that did not
happen. A wording is compared with whitespace folded, as pages show it: a change of line
folding or spacing alone is not a rewording.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from kb import schema
from kb.issues import Issue
from kb.loader import JsonPath, Record

NAME = "history"


def previous(value: Any) -> dict[str, str]:
    """A `previous_text` (or any localized text) by language: a string is English, a mapping
    names its languages."""
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if isinstance(v, str)}
    return {}


def _folded(text: str) -> str:
    return " ".join(text.split())


@cache
def text_fields(block: str) -> frozenset[str]:
    """The fields of a block that are localized texts (may have Turkish), from the schema:
    'claim', 'fact', 'event', 'base' (the names), 'location', 'presence' or 'host'."""
    if block in ("claim", "fact", "event"):
        node = schema.definition(block)
    else:
        props = schema.schema("base.schema.json")["properties"]
        node = {
            "base": {"properties": props},
            "location": props["location"],
            "presence": props["presence"],
            "host": props["hosts"]["items"],
        }[block]
    return frozenset(
        key
        for key, prop in node["properties"].items()
        if isinstance(prop, dict) and prop.get("$ref", "").endswith("/text")
    )


def check(
    record: Record, path: JsonPath, owner: dict[str, Any], block: str, default: str | None
) -> list[Issue]:
    """Issues of the `history` of `owner` (a claim, fact, event or a corrected part of an
    installation) at `path`; `default` is the field an entry without one rewords (None
    where every entry names its field)."""
    entries = owner.get("history")
    if not isinstance(entries, list):
        return []
    found: list[Issue] = []
    chains: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        field = entry.get("field", default)
        if not isinstance(field, str):
            continue
        words = previous(entry.get("previous_text"))
        if "tr" in words:
            why = _turkish_problem(block, field, owner.get(field))
            if why:
                found.append(record.issue((*path, "history", i, "previous_text", "tr"), NAME, why))
                continue
        for lang, text in words.items():
            chains.setdefault((field, lang), []).append((i, text))
    for (field, lang), chain in chains.items():
        found += _unchanged(record, path, owner, field, lang, chain)
    return found


def _turkish_problem(block: str, field: str, current: Any) -> str | None:
    if field not in text_fields(block):
        return (
            f"'{field}' has no Turkish text, so it has no earlier Turkish wording; "
            "write its previous value as a plain string"
        )
    if "tr" not in previous(current):
        return (
            f"the {field} has no Turkish text now, so this entry cannot record an earlier "
            "Turkish wording of it; drop 'tr' from previous_text (or add the Turkish text)"
        )
    return None


def _unchanged(
    record: Record,
    path: JsonPath,
    owner: dict[str, Any],
    field: str,
    lang: str,
    chain: list[tuple[int, str]],
) -> list[Issue]:
    """The last earlier wording of a field in a language must differ from the current text.
    (Two entries in a row may record the same earlier wording: two changes made side by side
    on separate branches, each from the same text.)"""
    found = []
    if chain:
        i, text = chain[-1]
        after = previous(owner.get(field)).get(lang)
        if after is not None and _folded(text) == _folded(after):
            raw = owner["history"][i].get("previous_text")
            key: JsonPath = ("previous_text", lang) if isinstance(raw, dict) else ("previous_text",)
            found.append(
                record.issue(
                    (*path, "history", i, *key),
                    NAME,
                    f"the earlier {_lang_name(lang)} {field} recorded here is the same as "
                    "the current text (apart from spacing); record a rewording only where the "
                    "words changed, or drop this entry",
                )
            )
    return found


def _lang_name(lang: str) -> str:
    return {"en": "English", "tr": "Turkish"}.get(lang, lang)
