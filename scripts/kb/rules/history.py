"""A record's `history` must read as a history: entries oldest first, every recorded status
change a real change, dates only on records that have dates, and on an installation's names,
location, presence and host units a named field with a previous value of that field's shape
(kb.rules.fieldhistory); every earlier wording a real rewording, in Turkish only where the
text has Turkish (kb.rules.rewordings).

The corrections log and each claim's rating history are built from these entries, so an entry
out of order, or a "change" from a status to the same status, would show readers a history
that did not happen.
"""

from __future__ import annotations

from typing import Any

from kb.dates import PartialDate
from kb.issues import Issue
from kb.loader import JsonPath, Record
from kb.model import reworded_field
from kb.rules import fieldhistory, rewordings
from kb.rules.context import Context

NAME = "history"


def _date(value: Any) -> PartialDate | None:
    return PartialDate.parse(value) if isinstance(value, str) else None


def _in_order(record: Record, path: JsonPath, entries: list[Any]) -> list[Issue]:
    found = []
    before: PartialDate | None = None
    for i, entry in enumerate(entries):
        date = _date(entry.get("date")) if isinstance(entry, dict) else None
        if date is None:
            continue
        if before is not None and date < before:
            found.append(
                record.issue(
                    (*path, i, "date"),
                    NAME,
                    f"history entry dated {date.iso()} comes after one dated {before.iso()}; "
                    "list history entries oldest first",
                )
            )
        before = date if before is None or before < date else before
    return found


def _status_changes(record: Record, path: JsonPath, claim: dict[str, Any]) -> list[Issue]:
    """Each previous_status must differ from the status that followed it: the next recorded
    previous_status, or the claim's current status."""
    found = []
    entries = [
        (i, e)
        for i, e in enumerate(claim.get("history", []))
        if isinstance(e, dict) and isinstance(e.get("previous_status"), str)
    ]
    for n, (i, entry) in enumerate(entries):
        last = n + 1 == len(entries)
        after = claim.get("status") if last else entries[n + 1][1]["previous_status"]
        if entry["previous_status"] == after:
            found.append(
                record.issue(
                    (*path, "history", i, "previous_status"),
                    NAME,
                    f"previous_status '{after}' is also the status the claim had after this "
                    "change; record a status change only when the status changed, or drop "
                    "previous_status from this entry",
                )
            )
    return found


def _no_field(record: Record, path: JsonPath, entries: list[Any]) -> list[Issue]:
    """A fact or event is corrected as a whole: its history names no field."""
    return [
        record.issue(
            (*path, "history", j, "field"),
            NAME,
            "'field' names a corrected field of a presence, host, location or name; "
            "a fact or event has none, so write what it said before in previous_text",
        )
        for j, entry in enumerate(entries)
        if isinstance(entry, dict) and "field" in entry
    ]


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for record in ctx.each():
        if record.kind == "base":
            for where, fields, entries in fieldhistory.blocks(record.data):
                found += _in_order(record, where, entries)
                found += fieldhistory.check_entries(record, where, fields, entries)
            for where, block, part in fieldhistory.parts(record.data):
                found += rewordings.check(record, where, part, block, None)
        for section in ("claims", "facts", "events"):
            items = record.data.get(section, [])
            for i, item in enumerate(items if isinstance(items, list) else []):
                if not isinstance(item, dict) or not isinstance(item.get("history"), list):
                    continue
                path: JsonPath = (section, i)
                found += _in_order(record, (*path, "history"), item["history"])
                if section == "claims":
                    found += _status_changes(record, path, item)
                    found += rewordings.check(record, path, item, "claim", reworded_field())
                else:
                    found += _no_field(record, path, item["history"])
                    found += rewordings.check(record, path, item, section[:-1], "text")
                if section == "facts":
                    for j, entry in enumerate(item["history"]):
                        for key in ("previous_date", "previous_end"):
                            if isinstance(entry, dict) and key in entry:
                                found.append(
                                    record.issue(
                                        (*path, "history", j, key),
                                        NAME,
                                        f"a fact has no date, so its history has no '{key}'; "
                                        "write what the fact said before in previous_text",
                                    )
                                )
    return found
