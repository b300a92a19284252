"""Ids are unique across every record, fact, event and claim; file names equal ids; ids do not
take names the site itself uses (page paths and section anchors), and the ids that become
anchors on a record page (facts, events, claims) keep out of the prefixes of the anchors the
site generates there, so a data id can never hijack a generated link."""

from __future__ import annotations

from pathlib import PurePosixPath

from kb import addresses
from kb.issues import Issue
from kb.loader import JsonPath, Record
from kb.rules.context import Context

NAME = "ids"

# Names Windows cannot check out, on top of the names the site's address scheme uses.
_WINDOWS = frozenset({"aux", "con", "nul", "prn", "com1", "com2", "com3", "lpt1", "lpt2", "lpt3"})
# Anchors the templates write on record pages beyond those the address module names.
_SECTIONS = frozenset({"cited-by", "documents-it-issued", "installations", "title"})
RESERVED = addresses.reserved_ids() | _WINDOWS | _SECTIONS


RESERVED_PREFIXES = {
    "src-": "the numbered bibliography on each page (#src-<source id>)",
}
"""Prefixes of generated anchors on record pages, and what uses them."""

ANCHORED = ("facts", "events", "claims")
"""Record sections whose ids become anchors on a record page."""


def reserved(value: str, anchored: bool = True) -> str | None:
    """Why an id may not be used (None when it may): a site name, or, for ids that become
    anchors on a record page, a generated anchor's prefix."""
    if value in RESERVED:
        return f"id '{value}' is reserved for the site's own pages or anchors; choose another"
    for prefix, use in RESERVED_PREFIXES.items():
        if anchored and value.startswith(prefix):
            return (
                f"id '{value}' starts with '{prefix}', which the site uses for {use}; "
                f"choose an id that does not start with '{prefix}'"
            )
    return None


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    first: dict[str, tuple[Record, JsonPath]] = {}  # located only when a duplicate is found

    def claim_id(record: Record, path: JsonPath, value: object) -> None:
        if not isinstance(value, str) or not value:
            return
        why = reserved(value, anchored=path[0] in ANCHORED)
        if why and not (record.kind == "overview" and path == ("id",)):
            found.append(record.issue(path, NAME, why))
        if value in first:
            owner, where = first[value]
            found.append(
                record.issue(
                    path,
                    NAME,
                    f"id '{value}' is already used at "
                    f"{owner.path}:{owner.locate(where)[0]}; ids must be unique across all records",
                )
            )
        else:
            first[value] = (record, path)

    for record in ctx.each(sorted(ctx.records, key=lambda r: r.path)):
        claim_id(record, ("id",), record.data.get("id"))
        stem = PurePosixPath(record.path).stem
        if record.id and stem != record.id:
            found.append(
                record.issue(
                    ("id",),
                    NAME,
                    f"id '{record.id}' does not match the file "
                    f"name '{stem}.yaml'; rename the file or change the id",
                )
            )
        for section in ANCHORED:
            for i, item in enumerate(record.data.get(section, [])):
                claim_id(record, (section, i, "id"), item.get("id"))
    return found
