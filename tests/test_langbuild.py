"""The Turkish build runs in a child process beside the English one (kb.langbuild): its
warnings still fail `mkdocs build --strict`, and a failed child leaves nothing half-built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.editloop import copy_project

pytestmark = pytest.mark.slow


def _build(project: Path, site: Path, *options: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *options, "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _add_to_turkish_page(project: Path, text: str) -> None:
    page = project / "docs" / "tr" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_warning_of_the_turkish_build_fails_strict_and_shows(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _add_to_turkish_page(project, "\n[kayıp](yok-boyle-sayfa.md)\n")
    site = tmp_path / "site"
    strict = _build(project, site, "--strict")
    assert strict.returncode != 0
    assert "WARNING -  tr build: Doc file 'about.md'" in strict.stderr, strict.stderr
    assert "yok-boyle-sayfa.md" in strict.stderr
    assert "in strict mode" in strict.stdout + strict.stderr and "Traceback" not in strict.stderr
    relaxed = _build(project, site)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "yok-boyle-sayfa.md" in relaxed.stderr
    assert (site / "tr" / "about" / "index.html").is_file()
    assert not list(site.glob(".kb-building-*"))
    # `-q` drops warnings before `--strict` counts them (MkDocs); the child's alike, so such
    # a build passes in both languages rather than silently losing the Turkish site.
    quiet = _build(project, tmp_path / "quiet", "--strict", "-q")
    assert quiet.returncode == 0, quiet.stderr
    assert (tmp_path / "quiet" / "tr" / "about" / "index.html").is_file()


def test_a_failed_turkish_build_fails_the_build_and_leaves_no_half_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _add_to_turkish_page(project, "\n<!-- kb:no-such-block -->\n")
    site = tmp_path / "site"
    run = _build(project, site)
    assert run.returncode != 0
    assert "the tr build failed" in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert "no-such-block" in run.stderr
    assert (site / "index.html").is_file()  # the English site was built
    assert not (site / "tr").exists() and not list(site.glob(".kb-building-*"))


def test_a_child_line_that_is_not_a_json_record_is_passed_on_as_text() -> None:
    """The builder's log is JSON records; a library printing (text, or JSON that is not a
    record) must reach the log as a line, never break the relay."""
    import logging

    from kb import langbuild

    record = {"name": "mkdocs", "level": logging.WARNING, "msg": "x"}
    assert langbuild.log_record('{"name": "mkdocs", "level": 30, "msg": "x"}') == record
    for line in ("plain text\n", "123\n", '["a"]\n'):
        assert langbuild.log_record(line) == {
            "name": "mkdocs",
            "level": logging.INFO,
            "msg": line,
        }
