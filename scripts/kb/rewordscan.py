"""Rewordings in git that the corrections log should show, checked against the data's history.

A maintainer tool: `python -m kb.rewordscan [--since REV] [--until REV] [--repo DIR]` reads
every commit between two revisions that changed an installation file or the overview, and
lists each rewording a reader could see (the words changed, not only the line folding or the
spacing; pages fold whitespace) of:

- a claim's summary or assessment, in either language, and its text in Turkish;
- a fact's or event's text, an installation's name, the description of its location, the note
  on its presence or a host unit's name, where only the Turkish changed (a change of the
  English is logged with its English previous text, as before the Turkish could be).

Each is then looked up in the data's `history`: an entry on the same record and field, dated
by the commit (`%cs`), whose earlier wording in that language is exactly the text the commit's
parent had. It reports rewordings with no such entry, and entries of those kinds that no
commit explains (a wrong date, or a previous text not as it was). Merge commits are not read:
the commits they join are, and a merge only combines what they changed.

Adding a text where there was none (a first Turkish translation) is not a rewording.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb import loader, paths

SUMMARIES_ADDED = "72e8b8ef41f760267c26e2aaebd836a596694b2d"
"""The commit that gave every claim a summary: rewordings are looked for after it."""
WATCHED = ("data/bases", "data/overview.yaml")

Slot = tuple[str, str, str]
"""(kind, record, field): ('claim', claim id, 'summary'), ('fact', fact id, 'text'), ('name',
installation id, 'name'), ('location' | 'presence', installation id, field), ('host',
installation id + ' / ' + the unit's English name, 'unit')."""


@dataclass(frozen=True)
class Rewording:
    """One language of one field changed by one commit, with the wording its parent had."""

    commit: str
    date: str
    path: str
    slot: Slot
    lang: str
    before: str
    subject: str


@dataclass(frozen=True)
class Logged:
    """One language of an earlier wording recorded in the data's history."""

    path: str
    slot: Slot
    lang: str
    date: str
    before: str


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, check=True, timeout=120
    ).stdout


def _data(repo: Path, rev: str | None, path: str) -> dict[str, Any] | None:
    """A data file's values at a revision (None: the working tree), or None where it did not
    exist or does not load."""
    try:
        raw = _git(repo, "show", f"{rev}:{path}") if rev else (repo / path).read_bytes()
    except (subprocess.CalledProcessError, OSError):
        return None
    kind = "overview" if path.endswith("overview.yaml") else "base"
    record, _ = loader.parse(raw, path, kind)
    return record.data if record else None


def by_language(value: Any) -> dict[str, str]:
    """A localized text (or a previous_text) by language: a string is English."""
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if isinstance(v, str)}
    return {}


def _parts(data: dict[str, Any]) -> Iterator[tuple[Slot, dict[str, Any], str, bool]]:
    """(slot, mapping holding the field, field name, English changes count) for every text
    that has a history on this page."""
    page = str(data.get("id", ""))
    for claim in data.get("claims") or []:
        for field in ("text", "summary", "assessment"):
            yield ("claim", claim["id"], field), claim, field, field != "text"
    for section in ("facts", "events"):
        for item in data.get(section) or []:
            yield (section[:-1], item["id"], "text"), item, "text", False
    yield ("name", page, "name"), data, "name", False
    for block, fields in (("location", ("province", "district", "place")), ("presence", ("note",))):
        part = data.get(block) or {}
        for field in fields:
            yield (block, page, field), part, field, False
    for host in data.get("hosts") or []:
        unit = by_language(host.get("unit")).get("en", "")
        yield ("host", f"{page} / {unit}", "unit"), host, "unit", False


def _texts(data: dict[str, Any] | None) -> dict[Slot, tuple[dict[str, str], bool]]:
    if data is None:
        return {}
    return {slot: (by_language(m.get(f)), en) for slot, m, f, en in _parts(data)}


def folded(text: str) -> str:
    """A text as a page shows it: runs of whitespace are one space."""
    return " ".join(text.split())


def changes(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> Iterator[tuple[Slot, str, str]]:
    """(slot, language, earlier wording) for each rewording from one version of a file to the
    next that the corrections log should show."""
    old, new = _texts(before), _texts(after)
    for slot, (was, english_counts) in old.items():
        if slot not in new:
            continue
        now = new[slot][0]
        moved = {lang for lang in was if lang in now and folded(was[lang]) != folded(now[lang])}
        if not english_counts and "en" in moved:
            continue  # the English changed too: logged with its English text, as before
        for lang in sorted(moved):
            yield slot, lang, was[lang]


def rewordings(repo: Path, since: str = SUMMARIES_ADDED, until: str = "HEAD") -> list[Rewording]:
    """Every rewording the corrections log should show, oldest commit first."""
    log = _git(
        repo,
        "log",
        "--no-merges",
        "--reverse",
        "--topo-order",
        "--format=%H %cs %s",
        f"{since}..{until}",
        "--",
        *WATCHED,
    ).decode()
    found = []
    for line in log.splitlines():
        commit, date, subject = line.split(" ", 2)
        names = (
            _git(
                repo,
                "diff-tree",
                "--no-commit-id",
                "-r",
                "--name-only",
                f"{commit}^",
                commit,
                "--",
                *WATCHED,
            )
            .decode()
            .split()
        )
        for path in names:
            before, after = _data(repo, f"{commit}^", path), _data(repo, commit, path)
            for slot, lang, text in changes(before, after):
                found.append(Rewording(commit, date, path, slot, lang, text, subject))
    return found


def logged(repo: Path, rev: str | None = None) -> list[Logged]:
    """Every earlier wording the data's history records (at `rev`, default the working
    tree), one per language."""
    out = []
    for folder, pattern in (("data/bases", "*.yaml"), ("data", "overview.yaml")):
        for file in sorted((repo / folder).glob(pattern)):
            path = file.relative_to(repo).as_posix()
            data = _data(repo, rev, path)
            for slot, mapping, field, _ in _parts(data or {}):
                for entry in mapping.get("history") or []:
                    default = "text" if slot[0] in ("claim", "fact", "event") else None
                    if entry.get("field", default) != field:
                        continue
                    for lang, text in by_language(entry.get("previous_text")).items():
                        out.append(Logged(path, slot, lang, str(entry["date"]), text))
    return out


def in_scope(item: Logged) -> bool:
    """Whether an entry is of a kind this tool finds in git: a claim's summary or assessment,
    or any earlier Turkish wording."""
    return item.lang == "tr" or (item.slot[0] == "claim" and item.slot[2] != "text")


def problems(found: list[Rewording], entries: list[Logged]) -> list[str]:
    """What does not match: rewordings not logged, and in-scope entries no commit explains."""
    have = {(e.slot, e.lang, e.date, e.before) for e in entries}
    explained = {(r.slot, r.lang, r.date, r.before) for r in found}
    out = [
        f"{r.path}: {' '.join(r.slot)} ({r.lang}) reworded by {r.commit[:7]} on {r.date} "
        f"({r.subject[:60]}) is not in its history with the earlier wording as it was"
        for r in found
        if (r.slot, r.lang, r.date, r.before) not in have
    ]
    out += [
        f"{e.path}: {' '.join(e.slot)} ({e.lang}) history entry of {e.date}: no commit that "
        "day had this earlier wording and changed it"
        for e in entries
        if in_scope(e) and (e.slot, e.lang, e.date, e.before) not in explained
    ]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.rewordscan", description=__doc__)
    parser.add_argument("--repo", type=Path, default=paths.DATA.parent)
    parser.add_argument("--since", default=SUMMARIES_ADDED)
    parser.add_argument("--until", default="HEAD")
    args = parser.parse_args(argv)
    try:
        found = rewordings(args.repo, args.since, args.until)
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"cannot read the git history of {args.repo}: {error}", file=sys.stderr)
        return 2
    issues = problems(found, logged(args.repo))
    for line in issues:
        print(line)
    print(f"{len(found)} rewordings found in git, {len(issues)} problems")
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
