"""Helpers to serve a copy of the project with `mkdocs serve` and read its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kb.editloop import copy_project, free_port, get, wait


def wait_for(predicate: Callable[[], bool], timeout: float = 60) -> bool:
    """Whether `predicate()` came to hold within `timeout` seconds (`kb.editloop.wait`)."""
    return wait(predicate, timeout) is not None


def project_env(project: Path) -> dict[str, str]:
    """The environment to run MkDocs in for a copied `project`: its own scripts/."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}


@dataclass(frozen=True)
class Served:
    project: Path
    """The copy of the project that is served: edit its files."""
    url: str
    """The site's root, "http://127.0.0.1:PORT/"."""
    log: Path
    """Everything the server writes."""
    proc: subprocess.Popen[bytes]


@contextmanager
def mkdocs_serve(tmp_path: Path) -> Iterator[Served]:
    """`mkdocs serve --livereload` of a copy of the project (tmp_path/project) on a free port
    of 127.0.0.1, its output in tmp_path/serve.log. Entered once the Konya page is served;
    the server is ended when the block ends."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*command, "-f", str(project / "mkdocs.yml")],
            cwd=project,
            env=project_env(project),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: "Konya" in get(url + "bases/konya/")), log.read_text()
        yield Served(project, url, log, proc)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
