"""The validation pipeline: strict loading, then the schema, then the cross-reference rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kb import fastcheck, limits, memo, rules, schema
from kb.issues import Issue, Level, has_errors
from kb.loader import Record, display_path, load_file, load_root
from kb.rules import placeholders

MEMO = memo.Memo()
"""Each file's checked outcome by content: under `mkdocs serve` only edited files are parsed
and validated again. The rules always run on the whole corpus."""


@dataclass(frozen=True)
class Result:
    records: list[Record]
    issues: list[Issue]
    files: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)


def _checked(
    path: Path, kind: str, base: Path | None, header: str | None
) -> tuple[Record | None, list[Issue]]:
    """One file loaded and schema-checked: the record only when both pass, and the problems.
    Placeholders left by `kb new` are reported instead of the schema messages they cause."""
    record, issues = load_file(path, kind, base, header)
    if record is None:
        return None, issues
    left = placeholders.scan(record)
    problems = left + [  # the detailed validator writes any schema message
        i for i in fastcheck.check(record) if not (left and placeholders.PLACEHOLDER in i.message)
    ]
    return (None, [*issues, *problems]) if problems else (record, issues)


def _memoized(
    schema_key: str, path: Path, kind: str, base: Path | None, header: str | None
) -> tuple[Record | None, list[Issue]]:
    try:
        if path.is_symlink():
            raise OSError
        with path.open("rb") as fh:
            raw = fh.read(limits.MAX_FILE_BYTES + 1)
    except OSError:  # load_file reports it
        return _checked(path, kind, base, header)
    key = (display_path(path, base), kind, header or "", memo.digest(raw), schema_key)
    outcome: tuple[Record | None, list[Issue]] = MEMO.get(
        key, lambda: _checked(path, kind, base, header)
    )
    return outcome


def check_root(root: Path, base: Path | None = None, today: dt.date | None = None) -> Result:
    """Load and check every file under a data root, collecting every problem.

    Rules run only on records that passed the schema, so one typo does not cascade into
    false reference errors elsewhere.
    """
    MEMO.start_run()
    schema_key = memo.folder_digest(schema.SCHEMA_DIR, "*.schema.json")
    valid, issues, files = load_root(root, base, partial(_memoized, schema_key))
    # Ids of files that failed to load or validate: references to them are not reported
    # again, and corpus-wide checks (orphans) wait until every file is readable.
    failed = {Path(i.path).stem for i in issues if i.level is Level.ERROR}
    issues.extend(rules.run(valid, today, failed))
    return Result(valid, sorted(issues), files)
