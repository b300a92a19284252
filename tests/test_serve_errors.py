"""Under `mkdocs serve`, a data error shows in the browser: every page lists each problem with
its `file:line:col`, as text, and the site comes back on the next good save. `mkdocs build`
still refuses the same data."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_browser import browser  # noqa: F401 (fixture)
from test_serve import _get, _wait_for

from kb.editloop import copy_project, free_port

pytestmark = pytest.mark.slow

TITLE = "The data has errors"
# Two problems in one file; the second is also markup, which must show as text.
BROKEN = (("kind: air-base", "kind: airbase"), ("icao: LTAN\n", "icao: LTAN\n<b>icoa: LTAN\n"))


def _break(text: str) -> str:
    for good, bad in BROKEN:
        assert good in text, good
        text = text.replace(good, bad, 1)
    return text


def _positions(project: Path) -> list[str]:
    """The `file:line:col` the validator gives for each broken value (from `kb validate`)."""
    env = {**os.environ, "PYTHONPATH": str(project / "scripts")}
    run = subprocess.run(
        [sys.executable, "-m", "kb", "validate", "--data", str(project / "data")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [x for x in run.stdout.splitlines() if x.startswith("data/bases/konya.yaml:")]
    assert len(lines) >= 2, run.stdout
    return lines


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        assert _wait_for(lambda: "Konya" in _get(url + "bases/konya/")), log.read_text()
        yield project, url, log
        assert proc.poll() is None, log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_data_error_is_a_page_and_the_site_comes_back(served) -> None:  # type: ignore[no-untyped-def]
    project, url, log = served
    yaml_file = project / "data" / "bases" / "konya.yaml"
    good = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(_break(good), encoding="utf-8")
    expected = _positions(project)

    page = url + "bases/konya/"
    assert _wait_for(lambda: TITLE in _get(page)), log.read_text()
    shown = _get(page)
    for line in expected:  # every problem, with its place and its message, escaped as text
        assert html.escape(line) in shown, (line, shown[-3000:])
    assert "<b>icoa" not in shown and "&lt;b&gt;icoa" in shown
    for other in ("", "bases/incirlik/", "claims/", "methodology/"):
        assert TITLE in _get(url + other), other
    assert "Traceback" not in log.read_text()
    assert expected[0] in log.read_text()

    yaml_file.write_text(good.replace("Konya Airport", "Konya Havalimanı"), encoding="utf-8")
    assert _wait_for(lambda: "Konya Havalimanı" in _get(page)), log.read_text()
    assert TITLE not in _get(url) and TITLE not in _get(url + "claims/")


def test_build_still_fails_on_the_same_data(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    yaml_file = project / "data" / "bases" / "konya.yaml"
    yaml_file.write_text(_break(yaml_file.read_text(encoding="utf-8")), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    for strict in ([], ["--strict"]):
        run = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *strict, "-d", str(tmp_path / "site")],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode != 0, run.stderr
        assert "data/bases/konya.yaml:" in run.stderr and "Traceback" not in run.stderr
        assert not (tmp_path / "site" / "bases" / "konya" / "index.html").exists()


@pytest.mark.browser
def test_the_open_tab_reloads_to_the_error_and_back(served, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The tab a contributor is looking at follows the saves by itself (live reload)."""
    project, url, _ = served
    yaml_file = project / "data" / "bases" / "konya.yaml"
    good = yaml_file.read_text(encoding="utf-8")
    tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    tab.goto(url + "bases/konya/")
    yaml_file.write_text(_break(good), encoding="utf-8")
    tab.wait_for_selector("code.kb-data-error", timeout=60_000)
    assert "data/bases/konya.yaml:" in tab.locator("code.kb-data-error").first.inner_text()
    yaml_file.write_text(good, encoding="utf-8")
    tab.wait_for_selector("#location", timeout=60_000)
    assert TITLE not in tab.content()
