"""Dates from git history: when each data file last changed, and the last commit's time.

Every function answers "unknown" (an empty dict, None) rather than something wrong: outside a
repository, in a shallow clone (whose oldest commit would look like it changed every file), or
for a file with uncommitted changes.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(cwd: Path, *args: str) -> str | None:
    try:
        run = subprocess.run(
            ["git", "-C", str(cwd), *args], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return run.stdout if run.returncode == 0 else None


def _toplevel(path: Path) -> Path | None:
    if not path.exists():
        return None
    top = _git(path, "rev-parse", "--show-toplevel")
    shallow = _git(path, "rev-parse", "--is-shallow-repository")
    if not top or shallow is None or shallow.strip() != "false":
        return None
    return Path(top.strip())


def last_changed(folder: Path, base: Path) -> dict[str, str]:
    """Path relative to `base` -> date (YYYY-MM-DD) of the last commit that changed the file."""
    top = _toplevel(folder)
    if top is None:
        return {}
    log = _git(
        top, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", str(folder.resolve())
    )
    status = _git(top, "status", "--porcelain", "--", str(folder.resolve()))
    if log is None or status is None:
        return {}
    dirty = {line[3:].strip() for line in status.splitlines()}
    dates: dict[str, str] = {}
    for chunk in log.split("\x00")[1:]:
        lines = chunk.strip().splitlines()
        for name in lines[1:]:
            if name and name not in dirty:
                dates.setdefault(name, lines[0])
    out = {}
    for name, date in dates.items():
        path = (top / name).resolve()
        if path.is_relative_to(base.resolve()):
            out[path.relative_to(base.resolve()).as_posix()] = date
    return out


def commit_epoch(folder: Path) -> int | None:
    """Seconds since the epoch of the last commit, for SOURCE_DATE_EPOCH."""
    if _git(folder, "rev-parse", "--show-toplevel") is None:
        return None
    out = _git(folder, "log", "-1", "--format=%ct")
    return int(out.strip()) if out and out.strip().isdigit() else None
