"""`mkdocs serve` rebuilds on data and template edits, reports data errors, and recovers."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from serving import get, mkdocs_serve, wait_for

pytestmark = pytest.mark.slow


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
    with mkdocs_serve(tmp_path) as served:
        project, log, proc = served.project, served.log, served.proc
        url = served.url + "bases/konya/"
        yaml_file = project / "data" / "bases" / "konya.yaml"
        good = yaml_file.read_text(encoding="utf-8")

        # a data error: the validator's report appears in the server's output
        yaml_file.write_text(good.replace("kind: air-base", "kind: airbase"), encoding="utf-8")
        assert wait_for(lambda: "data/bases/konya.yaml:" in log.read_text()), log.read_text()
        assert "error [schema] 'kind' is 'airbase'" in log.read_text()
        assert "Traceback" not in log.read_text()

        # fixing the file brings the site back, with the edit visible, without a restart
        yaml_file.write_text(good.replace("Konya Airport", "Konya Havalimanı"), encoding="utf-8")
        assert wait_for(lambda: "Konya Havalimanı" in get(url)), log.read_text()
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
        assert wait_for(lambda: "Claims and assessments" in get(url)), log.read_text()
        # the Turkish site is served and rebuilt with it
        turkish = served.url + "tr/bases/konya/"
        assert wait_for(lambda: "İddialar and assessments" in get(turkish)), log.read_text()
        # on one builder, kept warm between saves (kb.langserve)
        assert _builders(proc.pid) == warm, log.read_text()

        # a builder that dies is replaced at the next save
        os.kill(warm[0], signal.SIGKILL)
        yaml_file.write_text(good.replace("Konya Airport", "Konya Hava Limanı"), encoding="utf-8")
        assert wait_for(lambda: "Konya Hava Limanı" in get(turkish)), log.read_text()
        replaced = _builders(proc.pid)
        assert len(replaced) == 1 and replaced != warm, (warm, replaced)
        assert proc.poll() is None
    # and it ends with serve
    assert wait_for(lambda: not Path(f"/proc/{replaced[0]}").exists(), 20)
