"""The edit loop under `mkdocs serve`: from saving a YAML file to the rebuilt page being served.

A copy of the project is served on a free loopback port. Each edit replaces an installation's
summary with a new marker; the time is taken from the write until a request for the page
returns the marker (polled every 50 ms). Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from functools import partial
from pathlib import Path

from kb import paths

POLL = 0.05


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def copy_project(dest: Path) -> Path:
    """The files `mkdocs serve` needs, copied, so edits never touch the working tree."""
    for name in ("data", "docs", "scripts"):
        shutil.copytree(
            paths.ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(paths.ROOT / name, dest / name)
    return dest


def get(url: str) -> str:
    """The page at `url`, or "" when it cannot be fetched."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8"))
    except OSError:
        return ""


def _shows(url: str, text: str) -> bool:
    return text in get(url)


def wait(predicate: Callable[[], bool], timeout: float) -> float | None:
    """Seconds until `predicate()` holds, or None after `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def measure(
    project: Path,
    yaml_file: Path,
    page: str,
    edits: int,
    data: Path | None = None,
    timeout: float = 600,
) -> tuple[float, list[float]]:
    """Serve `project`, then edit `yaml_file` `edits` times.

    Returns the first build's seconds and the seconds of each edit until `page` showed it.
    With `data`, the site is built from that data folder (KB_DATA) and it is watched too.
    """
    port = free_port()
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(project / "scripts"),
        **({"KB_DATA": str(data)} if data else {}),
    }
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    command += ["-f", str(project / "mkdocs.yml"), *(["-w", str(data)] if data else [])]
    log = project / "serve.log"
    url = f"http://127.0.0.1:{port}/{page}"
    original = yaml_file.read_text(encoding="utf-8")
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        first = wait(lambda: "<html" in get(url), timeout)
        if first is None:
            raise SystemExit(f"mkdocs serve did not serve {url}:\n{log.read_text()[-2000:]}")
        times: list[float] = []
        for n in range(edits):
            marker = f"Edit-loop marker {n} {time.time_ns()}"
            changed = original.replace("\nsummary:", f"\nsummary: {marker}\nold_summary:", 1)
            changed = _drop_key(changed, "old_summary")
            time.sleep(1.0)  # let the server settle after the previous reload
            yaml_file.write_text(changed, encoding="utf-8")
            took = wait(partial(_shows, url, marker), timeout)
            if took is None:
                raise SystemExit(f"the edit never reached {url}:\n{log.read_text()[-2000:]}")
            times.append(took)
        return first, times
    finally:
        yaml_file.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _drop_key(text: str, key: str) -> str:
    """Remove a top-level key and its indented continuation lines."""
    out: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)
