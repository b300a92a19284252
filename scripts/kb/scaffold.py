"""`kb new`: write a skeleton record where it belongs, the one command that writes to data/.

Skeletons fill every required text with an obvious placeholder that starts with `FILL IN:` and
says what belongs there; the `placeholders` rule refuses any such value left in the data, with
its line, so a skeleton fails validation until a person has filled in every value and nothing
placeholder-shaped can pass for real data. Files are never overwritten, a
claim is added to its installation's file as text (comments and order kept), and every result
is parsed with the strict loader before it is written, atomically.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from kb import schema
from kb.datatree import KINDS
from kb.loader import load_root, parse, schema_line
from kb.rules import ids
from kb.rules.placeholders import PLACEHOLDER


def fill(what: str) -> str:
    """A quoted placeholder value that says what to write."""
    return '"' + PLACEHOLDER + " " + what.replace('"', "'") + '"'


class ScaffoldError(Exception):
    """Why the skeleton was not written; the message says what to do."""


def _choices(kind: str, prop: str) -> str:
    node = schema.schema(f"{kind}.schema.json")["properties"][prop]
    return ", ".join(v for v, _ in schema.vocabulary(node))


def _presence_choices(prop: str) -> str:
    node = schema.schema("base.schema.json")["properties"]["presence"]["properties"][prop]
    return ", ".join(v for v, _ in schema.vocabulary(node.get("items", node)))


def _statuses() -> str:
    return ", ".join(v for v, _ in schema.claim_statuses())


def skeleton(kind: str, ident: str) -> str:
    """The text of a new record file of `kind` with id `ident`."""
    head = schema_line(kind) + "\n"
    if kind == "base":
        return (
            head
            + f"""id: {ident}
name:
  en: {fill("English name, e.g. Incirlik Air Base")}
  tr: {fill("Turkish name with Turkish letters, e.g. İncirlik Hava Üssü")}
aliases: []  # spellings people search for: unaccented, former names, ICAO code
kind: {fill("one of: " + _choices("base", "kind"))}
location:
  province: {fill("the province, e.g. Adana")}
  coordinates: {{lat: {fill("decimal degrees, e.g. 37.0019")}, lon: {fill("e.g. 35.4258")}}}
  citations:
    - source: {fill("the id of a file in data/sources/ that gives the position")}
  # shares_site_with: []  # ids of installations at the same site, if any
presence:  # who is or was there, for what, when; cite every value
  status: {fill("one of: " + _presence_choices("status"))}
  present: {fill("a list of any of: " + _presence_choices("present") + ", e.g. [us, nato]")}
  # allies: []  # with other-ally: two-letter country codes, e.g. [DE]
  roles: {fill("a list of any of: " + _presence_choices("roles"))}
  operated_by: {fill("a list of any of: " + _presence_choices("operated_by"))}
  since: {fill("YYYY, YYYY-MM or YYYY-MM-DD, or unknown")}
  # until: only when status is former, and then required: a date, or unknown
  certainty: {fill("one of: " + _presence_choices("certainty"))}
  citations:
    - source: {fill("the id of a file in data/sources/ for the presence")}
summary: {fill("one neutral paragraph; the first sentence is the one-line summary")}
citations:
  - source: {fill("the id of the source for the name and summary")}
facts: []
events: []
claims: []
"""
        )
    if kind == "source":
        return (
            head
            + f"""id: {ident}
title: {fill("the title as published, in its own language")}
publisher: {fill("the original publisher, not a site that reprinted it")}
published: {fill("YYYY, YYYY-MM or YYYY-MM-DD as the document shows it, or unknown")}
url: {fill("the original address, exactly as found")}
accessed: {fill("the day you read it, YYYY-MM-DD")}
language: {fill("one of: " + _choices("source", "language"))}
kind: {fill("one of: " + _choices("source", "kind"))}
# issued_by: the actor id, if an actor in data/actors/ published it
# read_at: {{url: ..., note: ...}}  where you read it, if not at the original address
# archive_url: only a web-archive snapshot you have actually seen
"""
        )
    if kind == "actor":
        return (
            head
            + f"""id: {ident}
name:
  en: {fill("the full English name")}
  tr: {fill("the Turkish name, if it has one; otherwise delete this line")}
short:
  en: {fill("short name or abbreviation in English, e.g. TKP, US officials")}
  tr: {fill("the same in Turkish, e.g. TKP, ABD'li yetkililer")}
kind: {fill("one of: " + _choices("actor", "kind"))}
country: {fill("two-letter code such as TR or US, or INT")}
"""
        )
    raise ScaffoldError(f"unknown record kind '{kind}'")


def claim_block(ident: str) -> str:
    return f"""  - id: {ident}
    text: {fill("the proposition in neutral reported form, e.g. X's radar passed warnings to Y")}
    summary: {fill("the assessment in one sentence, no new facts; for unassessed, why not yet")}
    claimed_by:  # every appearance, earliest first
      - actor: {fill("the id of a file in data/actors/")}
        date: {fill("when it was said, YYYY-MM-DD")}
        source: {fill("where it appeared: the id of a file in data/sources/")}
        speech: own  # own: the actor issued the source; quoted or reported: someone else did
        quote: {fill("at most one sentence, verbatim from the source")}
    status: unassessed  # one of: {_statuses()}
    assessment: {fill("why it is not yet assessed, or the rationale for its status")}
"""


def _taken(root: Path) -> dict[str, str]:
    """Every id in use, and where (`file:line`): records, facts, events and claims, in every
    file that parses (also those that do not validate yet, such as a skeleton being filled in)."""
    used: dict[str, str] = {}
    for record in load_root(root)[0]:
        used.setdefault(record.id, f"{record.path}:{record.locate(('id',))[0]}")
        for section in ids.ANCHORED:
            items = record.data.get(section, [])
            for i, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    line = record.locate((section, i, "id"))[0]
                    used.setdefault(item["id"], f"{record.path}:{line}")
    return used


def _check_id(root: Path, ident: str, anchored: bool = False) -> None:
    """Refuse an id the validator would refuse: malformed, reserved by the site (or, for a
    claim, starting with a prefix the site uses for its own anchors), or already in use."""
    pattern = schema.definition("id")["pattern"]
    if not re.fullmatch(pattern, ident) or len(ident) > 64:
        raise ScaffoldError(f"invalid id '{ident}': {schema.definition('id')['x-hint']}")
    why = ids.reserved(ident, anchored=anchored)
    if why:
        raise ScaffoldError(why)
    where = _taken(root).get(ident)
    if where:
        raise ScaffoldError(f"id '{ident}' is already used in data/ (at {where}); choose another")


def _write_new(path: Path, text: str, kind: str) -> None:
    record, issues = parse(text.encode("utf-8"), path.name, kind)
    if record is None:  # a bug in a skeleton, never the user's fault
        raise ScaffoldError("the skeleton does not parse: " + "; ".join(i.format() for i in issues))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as fh:  # "x": never overwrite
            fh.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} already exists; it was not changed") from None


def new_record(root: Path, kind: str, ident: str) -> Path:
    """Create data/<folder>/<id>.yaml from the skeleton of `kind`."""
    folder = {v: k for k, v in KINDS.items()}[kind]
    path = root / folder / f"{ident}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists; it was not changed")
    _check_id(root, ident)
    _write_new(path, skeleton(kind, ident), kind)
    return path


def add_claim(root: Path, base: str, ident: str) -> Path:
    """Append a claim skeleton to an installation's file, keeping its comments and order."""
    path = root / "bases" / f"{base}.yaml"
    if not path.is_file():
        raise ScaffoldError(f"no installation '{base}': {path} does not exist")
    _check_id(root, ident, anchored=True)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    block = claim_block(ident)
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if re.match(r"claims:\s*(\[\s*\])?\s*(#.*)?$", line.rstrip("\n"))
        ),
        None,
    )
    if start is None:
        new = text + ("" if text.endswith("\n") else "\n") + "claims:\n" + block
    else:
        lines[start] = "claims:\n"
        end = next(
            (
                i
                for i in range(start + 1, len(lines))
                if lines[i].strip() and not lines[i][0].isspace() and not lines[i].startswith("#")
            ),
            len(lines),
        )
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        if end > start + 1 and not lines[end - 1].endswith("\n"):
            lines[end - 1] += "\n"
        lines[end:end] = [block]
        new = "".join(lines)
    record, _ = parse(new.encode("utf-8"), path.name, "base")
    claims = record.data.get("claims", []) if record else []
    if record is None or not claims or not any(c.get("id") == ident for c in claims):
        raise ScaffoldError(
            f"could not add the claim to {path} automatically; add it by hand "
            "(the file was not changed)"
        )
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-new-", suffix=".yaml")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(new)
    os.replace(tmp, path)
    return path
