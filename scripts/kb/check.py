"""The validation pipeline: strict loading, then the schema, then the cross-reference rules."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb import fastcheck, limits, memo, parallel, rules, schema
from kb.issues import Issue, Level, has_errors
from kb.loader import DataFile, JsonPath, KeyIndex, Record, load_file, load_raw, root_files
from kb.rules import placeholders

MEMO = memo.Memo()
"""Each file's checked outcome by content: under `mkdocs serve` only edited files are parsed
and validated again. The rules always run on the whole corpus."""

Outcome = tuple[Record | None, list[Issue]]
Job = tuple[bytes, str, str, str | None]
"""A file's bytes, display path, kind and required first line: all its outcome depends on."""


@dataclass(frozen=True)
class Result:
    records: list[Record]
    issues: list[Issue]
    files: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)


def _schema_step(record: Record | None, issues: list[Issue]) -> Outcome:
    """A loaded record schema-checked: the record only when it passes, and the problems.
    Placeholders left by `kb new` are reported instead of the schema messages they cause."""
    if record is None:
        return None, issues
    left = placeholders.scan(record)
    problems = left + [  # the detailed validator writes any schema message
        i for i in fastcheck.check(record) if not (left and placeholders.PLACEHOLDER in i.message)
    ]
    return (None, [*issues, *problems]) if problems else (record, issues)


def check_job(job: Job) -> Outcome:
    """One file's outcome from its bytes (in this process or in a worker)."""
    return _schema_step(*load_raw(*job))


Compact = tuple[
    dict[str, Any] | None,
    tuple[JsonPath, ...],
    list[tuple[str, int, int, str, str, str]],
    KeyIndex | None,
]
"""An outcome as plain values (values, typable plain scalars, problems, key index): what a
worker sends back. No positions: the parent works them out from the bytes it holds if a
message ever needs them, so a worker's results cost little to send and to receive. The key
index refers to the values' own mappings (marshal keeps an object sent twice as one)."""


def _compact_job(job: Job) -> Compact:
    record, issues = check_job(job)
    return (
        None if record is None else record.data,
        () if record is None else tuple(record.plain),
        [(i.path, i.line, i.col, i.level.value, i.rule, i.message) for i in issues],
        None if record is None else record.keys,
    )


def _outcome(job: Job, compact: Compact) -> Outcome:
    """The outcome a compact one stands for, with the job's bytes for later positions."""
    data, plain, problems, keys = compact
    raw, display, kind, _ = job
    issues = [Issue(p, line, col, Level(lv), rule, msg) for p, line, col, lv, rule, msg in problems]
    record = None if data is None else Record(kind, display, data, frozenset(plain), raw, keys=keys)
    return record, issues


READ_BYTES = 1 << 16
"""Bytes asked for per read: a data file is a few kilobytes, and asking for the whole
MAX_FILE_BYTES at once makes each read allocate (and give back) half a megabyte."""


def _read(f: DataFile) -> bytes | None:
    """A file's bytes (at most MAX_FILE_BYTES + 1, so `parse` can say it is too large), or
    None when `load_file` must report why it cannot be read (a symbolic link is refused by
    O_NOFOLLOW without a separate look)."""
    try:
        fd = os.open(f.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        parts = [os.read(fd, READ_BYTES)]
        size, limit = len(parts[0]), limits.MAX_FILE_BYTES + 1
        while parts[-1] and size < limit:
            parts.append(os.read(fd, min(READ_BYTES, limit - size)))
            size += len(parts[-1])
        return parts[0] if len(parts) == 2 and not parts[1] else b"".join(parts)
    except OSError:
        return None
    finally:
        os.close(fd)


def _read_and_check(f: DataFile) -> tuple[bytes | None, Compact | None]:
    """A file's bytes and compact outcome (None, None when it cannot be read)."""
    raw = _read(f)
    return (None, None) if raw is None else (raw, _compact_job((raw, f.display, f.kind, f.header)))


def _load_cold(files: list[DataFile], base: Path | None, schema_key: str) -> list[Outcome]:
    """Each file's outcome when nothing is remembered: every process reads its own share of
    the files too, so reading is shared like parsing."""
    outcomes: list[Outcome] = []
    for f, (raw, compact) in zip(files, parallel.map_jobs(_read_and_check, files), strict=True):
        if raw is None or compact is None:
            outcomes.append(_schema_step(*load_file(f.path, f.kind, base, f.header)))
            continue
        key: memo.Key = (f.display, f.kind, f.header or "", memo.digest(raw), schema_key)
        outcomes.append(MEMO.keep(key, _outcome((raw, f.display, f.kind, f.header), compact)))
    return outcomes


def _load_all(files: list[DataFile], base: Path | None, schema_key: str) -> list[Outcome]:
    """Each file's outcome: remembered ones from the memo, the others checked, in parallel
    when there are many."""
    if MEMO.empty:
        return _load_cold(files, base, schema_key)
    outcomes: list[Outcome | None] = [None] * len(files)
    jobs: list[Job] = []
    waiting: list[tuple[int, memo.Key]] = []
    for n, f in enumerate(files):
        raw = _read(f)
        if raw is None:
            outcomes[n] = _schema_step(*load_file(f.path, f.kind, base, f.header))
            continue
        key: memo.Key = (f.display, f.kind, f.header or "", memo.digest(raw), schema_key)
        found = MEMO.recall(key)
        if found is None:
            jobs.append((raw, f.display, f.kind, f.header))
            waiting.append((n, key))
        else:
            outcomes[n] = found
    done = parallel.map_jobs(_compact_job, jobs)
    for job, (n, key), compact in zip(jobs, waiting, done, strict=True):
        outcomes[n] = MEMO.keep(key, _outcome(job, compact))
    return [o for o in outcomes if o is not None]


def check_root(root: Path, base: Path | None = None, today: dt.date | None = None) -> Result:
    """Load and check every file under a data root, collecting every problem.

    Rules run only on records that passed the schema, so one typo does not cascade into
    false reference errors elsewhere.
    """
    MEMO.start_run()
    schema_key = memo.folder_digest(schema.SCHEMA_DIR, "*.schema.json")
    with parallel.gc_paused(freeze=True):
        files, issues = root_files(root, base)
        looked_at = len(files) + len(issues)
        valid: list[Record] = []
        for record, problems in _load_all(files, base, schema_key):
            issues.extend(problems)
            if record is not None:
                valid.append(record)
        # Ids of files that failed to load or validate: references to them are not reported
        # again, and corpus-wide checks (orphans) wait until every file is readable.
        failed = {Path(i.path).stem for i in issues if i.level is Level.ERROR}
        issues.extend(rules.run(valid, today, failed))
    return Result(valid, sorted(issues), looked_at)
