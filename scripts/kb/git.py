"""Dates from git history: when each data file last changed, and the last commit's time.

Every function answers "unknown" (an empty dict, None) rather than something wrong: outside a
repository, in a shallow clone (whose oldest commit would look like it changed every file), or
for a file with uncommitted changes.
"""

from __future__ import annotations

import posixpath
import subprocess
import weakref
from pathlib import Path


def _git(cwd: Path, *args: str) -> str | None:
    try:
        run = subprocess.run(
            ["git", "-C", str(cwd), *args], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return run.stdout if run.returncode == 0 else None


class Dates:
    """`last_changed`, started: the three git commands run at once, in child processes, while
    the caller goes on (a build checks its data meanwhile); `result()` waits for them. Reading
    the history is most of it (about 0.05 s at the real size, longer than the rest of the
    check), so a build that starts it first no longer waits for it. Processes whose result is
    never asked for are stopped when the object goes."""

    def __init__(self, folder: Path, base: Path) -> None:
        self._base = base
        self._result: dict[str, str] | None = None
        self._runs: list[subprocess.Popen[str]] = []
        if not folder.exists():
            self._result = {}
            return
        here = str(folder.resolve())
        # Paths in the log and in porcelain status are relative to the top level, from any
        # folder; the pathspec "." limits both to `folder`.
        commands = (
            ("rev-parse", "--show-toplevel", "--is-shallow-repository"),
            ("log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "."),
            ("status", "--porcelain", "--", "."),
        )
        try:
            for args in commands:
                self._runs.append(
                    subprocess.Popen(
                        ["git", "-C", here, *args],
                        stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL,
                        stdin=subprocess.DEVNULL,
                        text=True,
                    )
                )
        except OSError:  # no git
            _stop(self._runs)
            self._runs, self._result = [], {}
        weakref.finalize(self, _stop, self._runs)

    def result(self) -> dict[str, str]:
        """Path relative to `base` -> date (YYYY-MM-DD) of the last commit that changed it."""
        if self._result is None:
            top_shallow, log, status = (_output(run) for run in self._runs)
            self._result = _dates(top_shallow, log, status, self._base)
        return self._result


def _output(run: subprocess.Popen[str]) -> str | None:
    try:
        out, _ = run.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        _stop([run])
        return None
    return out if run.returncode == 0 else None


def _stop(runs: list[subprocess.Popen[str]]) -> None:
    for run in runs:
        if run.returncode is None:
            run.kill()
            run.wait()
        if run.stdout is not None:
            run.stdout.close()


def _dates(
    top_shallow: str | None, log: str | None, status: str | None, base: Path
) -> dict[str, str]:
    lines = (top_shallow or "").splitlines()
    if len(lines) != 2 or lines[1].strip() != "false" or log is None or status is None:
        return {}  # not a repository, a shallow clone, or git failed
    top = Path(lines[0].strip())
    dirty = {line[3:].strip() for line in status.splitlines()}
    dates: dict[str, str] = {}
    for chunk in log.split("\x00")[1:]:
        names = chunk.strip().splitlines()
        for name in names[1:]:
            if name and name not in dirty:
                dates.setdefault(name, names[0])
    # git names tracked files by their path from the top, through real folders only (it
    # does not follow a link to a folder): the top resolved once, the rest is string work.
    inside = base.resolve().as_posix().rstrip("/") + "/"
    top_name = top.resolve().as_posix().rstrip("/") + "/"
    out = {}
    for name, date in dates.items():
        path = posixpath.normpath(top_name + name)
        if path.startswith(inside):
            out[path[len(inside) :]] = date
    return out


def last_changed(folder: Path, base: Path) -> dict[str, str]:
    """Path relative to `base` -> date (YYYY-MM-DD) of the last commit that changed the file."""
    return Dates(folder, base).result()


def commit_epoch(folder: Path) -> int | None:
    """Seconds since the epoch of the last commit, for SOURCE_DATE_EPOCH."""
    if _git(folder, "rev-parse", "--show-toplevel") is None:
        return None
    out = _git(folder, "log", "-1", "--format=%ct")
    return int(out.strip()) if out and out.strip().isdigit() else None
