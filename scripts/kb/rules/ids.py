"""Ids are unique across every record, fact, event and claim; file names equal ids; ids do not
take names the site itself uses (page paths and section anchors)."""

from __future__ import annotations

from pathlib import PurePosixPath

from kb import addresses
from kb.issues import Issue
from kb.loader import JsonPath, Record
from kb.rules.context import Context

NAME = "ids"

# Names Windows cannot check out, on top of the names the site's address scheme uses.
_WINDOWS = frozenset({"aux", "con", "nul", "prn", "com1", "com2", "com3", "lpt1", "lpt2", "lpt3"})
RESERVED = addresses.reserved_ids() | _WINDOWS


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    first: dict[str, tuple[str, int]] = {}

    def claim_id(record: Record, path: JsonPath, value: object) -> None:
        if not isinstance(value, str) or not value:
            return
        if value in RESERVED and not (record.kind == "overview" and path == ("id",)):
            found.append(
                record.issue(
                    path,
                    NAME,
                    f"id '{value}' is reserved for the site's own pages or anchors; choose another",
                )
            )
        if value in first:
            where, line = first[value]
            found.append(
                record.issue(
                    path,
                    NAME,
                    f"id '{value}' is already used at "
                    f"{where}:{line}; ids must be unique across all records",
                )
            )
        else:
            first[value] = (record.path, record.locate(path)[0])

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
        for section in ("facts", "events", "claims"):
            for i, item in enumerate(record.data.get(section, [])):
                claim_id(record, (section, i, "id"), item.get("id"))
    return found
