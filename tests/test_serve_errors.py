"""Under `mkdocs serve`, a data error shows in the browser: every page lists each problem with
its `file:line:col`, as text, and the site comes back on the next good save. `mkdocs build`
still refuses the same data."""

from __future__ import annotations

import html
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from serving import get, mkdocs_serve, project_env, wait_for
from test_browser import browser  # noqa: F401 (fixture)

from kb.editloop import copy_project

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
    run = subprocess.run(
        [sys.executable, "-m", "kb", "validate", "--data", str(project / "data")],
        cwd=project,
        env=project_env(project),
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [x for x in run.stdout.splitlines() if x.startswith("data/bases/konya.yaml:")]
    assert len(lines) >= 2, run.stdout
    return lines


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    with mkdocs_serve(tmp_path) as server:
        yield server.project, server.url, server.log
        assert server.proc.poll() is None, server.log.read_text()


def test_a_data_error_is_a_page_and_the_site_comes_back(served) -> None:  # type: ignore[no-untyped-def]
    project, url, log = served
    yaml_file = project / "data" / "bases" / "konya.yaml"
    good = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(_break(good), encoding="utf-8")
    expected = _positions(project)

    page = url + "bases/konya/"
    assert wait_for(lambda: TITLE in get(page)), log.read_text()
    shown = get(page)
    for line in expected:  # every problem, with its place and its message, escaped as text
        assert html.escape(line) in shown, (line, shown[-3000:])
    assert "<b>icoa" not in shown and "&lt;b&gt;icoa" in shown
    for other in ("", "bases/incirlik/", "claims/", "methodology/"):
        assert TITLE in get(url + other), other
    assert "Traceback" not in log.read_text()
    assert expected[0] in log.read_text()

    yaml_file.write_text(good.replace("Konya Airport", "Konya Havalimanı"), encoding="utf-8")
    assert wait_for(lambda: "Konya Havalimanı" in get(page)), log.read_text()
    assert TITLE not in get(url) and TITLE not in get(url + "claims/")


def test_build_still_fails_on_the_same_data(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    yaml_file = project / "data" / "bases" / "konya.yaml"
    yaml_file.write_text(_break(yaml_file.read_text(encoding="utf-8")), encoding="utf-8")
    for strict in ([], ["--strict"]):
        run = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *strict, "-d", str(tmp_path / "site")],
            cwd=project,
            env=project_env(project),
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
