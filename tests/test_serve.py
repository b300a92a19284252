"""`mkdocs serve` rebuilds on data and template edits, reports data errors, and recovers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kb.editloop import copy_project, free_port

pytestmark = pytest.mark.slow


def _wait_for(predicate, timeout: float = 60) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def _builders(pid: int) -> list[int]:
    """The Turkish builders `mkdocs serve` (process `pid`) runs, by process id."""
    found = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in children.read_text().split():
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            except OSError:  # it has just ended
                continue
            if b"kb.langserve" in command:
                found.append(int(child))
    return sorted(found)


def test_serve_reports_data_errors_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--livereload",
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(project / "mkdocs.yml"),
            ],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/bases/konya/"
    try:
        assert _wait_for(lambda: "Konya" in _get(url)), log.read_text()
        yaml_file = project / "data" / "bases" / "konya.yaml"
        good = yaml_file.read_text(encoding="utf-8")

        # a data error: the validator's report appears in the server's output
        yaml_file.write_text(good.replace("kind: air-base", "kind: airbase"), encoding="utf-8")
        assert _wait_for(lambda: "data/bases/konya.yaml:" in log.read_text()), log.read_text()
        assert "error [schema] 'kind' is 'airbase'" in log.read_text()
        assert "Traceback" not in log.read_text()

        # fixing the file brings the site back, with the edit visible, without a restart
        yaml_file.write_text(good.replace("Konya Airport", "Konya Havalimanı"), encoding="utf-8")
        assert _wait_for(lambda: "Konya Havalimanı" in _get(url)), log.read_text()
        warm = _builders(proc.pid)
        assert len(warm) == 1, warm

        # a template edit is picked up too
        template = project / "scripts" / "kb" / "templates" / "base.md.j2"
        heading = '## {{ t("claims") }} {{ anchor("claims") }}\n'
        assert heading in template.read_text(encoding="utf-8")
        template.write_text(
            template.read_text(encoding="utf-8").replace(
                heading, '## {{ t("claims") }} and assessments {{ anchor("claims") }}\n'
            ),
            encoding="utf-8",
        )
        assert _wait_for(lambda: "Claims and assessments" in _get(url)), log.read_text()
        # the Turkish site is served and rebuilt with it
        turkish = f"http://127.0.0.1:{port}/tr/bases/konya/"
        assert _wait_for(lambda: "İddialar and assessments" in _get(turkish)), log.read_text()
        # on one builder, kept warm between saves (kb.langserve)
        assert _builders(proc.pid) == warm, log.read_text()

        # a builder that dies is replaced at the next save
        os.kill(warm[0], signal.SIGKILL)
        yaml_file.write_text(good.replace("Konya Airport", "Konya Hava Limanı"), encoding="utf-8")
        assert _wait_for(lambda: "Konya Hava Limanı" in _get(turkish)), log.read_text()
        replaced = _builders(proc.pid)
        assert len(replaced) == 1 and replaced != warm, (warm, replaced)
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    # and it ends with serve
    assert _wait_for(lambda: not Path(f"/proc/{replaced[0]}").exists(), 20)
