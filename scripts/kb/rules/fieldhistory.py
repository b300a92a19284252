"""The `history` of an installation's names, location, presence and host units: each entry
names the corrected field, and its previous value has the shape that field has.

Part of the history rule (kb.rules.history runs it). The corrections log says which field of
which installation was corrected and what it was before; an entry naming a field the block
does not have, or a previous value the field could never hold, would show readers a
correction that cannot have happened.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from kb import schema
from kb.issues import Issue
from kb.loader import JsonPath, Record

NAME = "history"

NAME_FIELDS = ("name", "aliases")
"""Fields a base's own `history` corrects: its names (other top-level fields have their own)."""
DATE_FIELDS = ("since", "until")
"""Fields whose previous value is a date (previous_date) or 'unknown' (previous_text)."""
VOCABULARY_OF = {
    "status": "presence-status",
    "present": "presence-who",
    "roles": "presence-role",
    "operated_by": "presence-operator",
    "certainty": "presence-certainty",
}
"""Fields whose previous value is one vocabulary value, or several separated by ', '."""


@cache
def _block_fields(block: str) -> tuple[str, ...]:
    """The correctable fields of a block, in the schema's order: the fields the correction
    vocabulary names that the block's schema has."""
    props = schema.schema("base.schema.json")["properties"]
    node = {
        "location": props["location"],
        "presence": props["presence"],
        "host": props["hosts"]["items"],
    }[block]
    fields = [v for v, _ in schema.vocabulary(schema.enum_node("correction-field"))]
    return tuple(f for f in fields if f in node["properties"])


def parts(data: dict[str, Any]) -> Iterator[tuple[JsonPath, str, dict[str, Any]]]:
    """(path, block name, mapping) of every corrected part of an installation that has a
    history list: 'base' (its names), 'location', 'presence', each 'host'."""
    found: list[tuple[JsonPath, str, Any]] = [((), "base", data)]
    for key in ("location", "presence"):
        found.append(((key,), key, data.get(key)))
    hosts = data.get("hosts")
    for i, host in enumerate(hosts if isinstance(hosts, list) else []):
        found.append((("hosts", i), "host", host))
    for path, block, part in found:
        if isinstance(part, dict) and isinstance(part.get("history"), list):
            yield path, block, part


def blocks(data: dict[str, Any]) -> Iterator[tuple[JsonPath, tuple[str, ...], list[Any]]]:
    """(path of the history, fields it may correct, its entries) for every corrected part of
    an installation that has a history list."""
    for path, block, part in parts(data):
        fields = NAME_FIELDS if block == "base" else _block_fields(block)
        yield (*path, "history"), fields, part["history"]


def check_entries(
    record: Record, path: JsonPath, fields: tuple[str, ...], entries: list[Any]
) -> list[Issue]:
    found: list[Issue] = []
    for i, entry in enumerate(entries):
        if isinstance(entry, dict):
            for key, why in _problems(entry, fields):
                found.append(record.issue((*path, i, key), NAME, why))
    return found


def _problems(entry: dict[str, Any], fields: tuple[str, ...]) -> list[tuple[str, str]]:
    field = entry.get("field")
    if not isinstance(field, str):
        return [("date", f"name the corrected field: add 'field' ({', '.join(fields)})")]
    if field not in fields:
        return [("field", f"'{field}' is not a field here; write one of {', '.join(fields)}")]
    out = []
    if "previous_end" in entry:
        out.append(
            ("previous_end", "previous_end is for events; write the end date in previous_date")
        )
    if "previous_date" in entry and field not in DATE_FIELDS:
        out.append(
            (
                "previous_date",
                f"'{field}' is not a date; write what it was in previous_text",
            )
        )
    text = entry.get("previous_text")
    if isinstance(text, dict):  # {en, tr}: the English is the value in the data
        text = text.get("en")
    if isinstance(text, str):
        out += [("previous_text", why) for why in _text_problems(field, text)]
    return out


def _text_problems(field: str, text: str) -> list[str]:
    if field in DATE_FIELDS and text != "unknown":
        return [
            f"a previous '{field}' is a date (write it in previous_date) or 'unknown', not '{text}'"
        ]
    vocabulary = VOCABULARY_OF.get(field)
    if vocabulary is None:
        return []
    values = [v for v, _ in schema.vocabulary(schema.enum_node(vocabulary))]
    wrong = [v for v in text.split(", ") if v not in values]
    if wrong:
        return [
            f"'{', '.join(wrong)}' is not a value of '{field}'; write its value(s) as they were "
            f"in the data, separated by ', ' (one of {', '.join(values)})"
        ]
    return []
