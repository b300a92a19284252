"""Under `mkdocs serve` the Turkish build runs on a builder kept warm between saves
(kb.langserve): its builds equal a cold one's, a builder that dies is replaced, its warnings
and errors reach the parent, a fixed error builds again, and it ends with serve."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from kb import langbuild, langserve
from kb.editloop import copy_project

pytestmark = pytest.mark.slow

KONYA = Path("data") / "bases" / "konya.yaml"
PAGE = Path("tr") / "bases" / "konya" / "index.html"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    copy = copy_project(tmp_path / "project")
    monkeypatch.setenv("KB_DATA", str(copy / "data"))  # the builders read the copy's data
    yield copy
    langserve.stop_all()


def _config(project: Path, site: Path) -> MkDocsConfig:
    return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)


def _warm(project: Path, site: Path) -> bool:
    """One Turkish build on the warm builder, as the hook runs it under serve."""
    return langserve.WarmChild(_config(project, site), "tr").finish()


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _edit(project: Path, old: str, new: str) -> str:
    path = project / KONYA
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def test_warm_builds_equal_a_cold_one_and_follow_edits(project: Path, tmp_path: Path) -> None:
    cold = tmp_path / "cold"
    assert langbuild.Child(_config(project, cold), "tr").finish()
    first, second = tmp_path / "first", tmp_path / "second"
    assert _warm(project, first)
    builder = langserve._builders["tr"]
    good = _edit(project, "Konya", "Konya Edited-marker")
    assert _warm(project, second)
    assert "Edited-marker" in (second / PAGE).read_text(encoding="utf-8")
    (project / KONYA).write_text(good, encoding="utf-8")
    again = tmp_path / "again"
    assert _warm(project, again)
    assert langserve._builders["tr"] is builder  # one process for all three
    assert _tree(cold / "tr") == _tree(first / "tr") == _tree(again / "tr")
    assert not list(again.glob(".kb-building-*"))


def test_a_builder_that_died_is_replaced(project: Path, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    assert _warm(project, tmp_path / "one")
    dead = langserve._builders["tr"]
    dead.kill()  # between two saves
    assert _warm(project, tmp_path / "two")
    assert langserve._builders["tr"] is not dead
    assert (tmp_path / "two" / PAGE).is_file()

    # during a build: the build is sent again to a new builder
    child = langserve.WarmChild(_config(project, tmp_path / "three"), "tr")
    child.builder.kill()
    with caplog.at_level(logging.WARNING):
        assert child.finish()
    assert "tr build: the builder stopped" in caplog.text
    assert (tmp_path / "three" / PAGE).is_file()
    assert not list((tmp_path / "three").glob(".kb-building-*"))


def test_warnings_and_errors_reach_the_parent_and_a_fix_builds(  # type: ignore[no-untyped-def]
    project: Path, tmp_path: Path, caplog
) -> None:
    page = project / "docs" / "tr" / "about.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[kayıp](yok-boyle-sayfa.md)\n", encoding="utf-8")
    with caplog.at_level(logging.INFO):
        assert _warm(project, tmp_path / "warned")  # strict: the parent counts the warning
    assert "tr build: Doc file 'about.md'" in caplog.text and "yok-boyle-sayfa.md" in caplog.text
    assert not (tmp_path / "warned" / "tr").exists()  # the strict build's site is not kept

    page.write_text(good + "\n<!-- kb:no-such-block -->\n", encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO):
        assert not _warm(project, tmp_path / "failed")
    assert "no-such-block" in caplog.text
    assert not (tmp_path / "failed" / "tr").exists()

    page.write_text(good, encoding="utf-8")
    assert _warm(project, tmp_path / "fixed")
    assert (tmp_path / "fixed" / "tr" / "about" / "index.html").is_file()


def test_builders_end_with_serve(project: Path, tmp_path: Path) -> None:
    assert _warm(project, tmp_path / "site")
    builder = langserve._builders["tr"]
    langserve.stop_all()
    assert builder.proc.returncode == 0  # it ended by itself when its stdin closed
    assert not langserve._builders


def test_cancel_kills_the_build_and_removes_its_output(project: Path, tmp_path: Path) -> None:
    child = langserve.WarmChild(_config(project, tmp_path / "site"), "tr")
    builder = child.builder
    child.cancel()
    assert builder.proc.returncode is not None
    assert not (tmp_path / "site" / ".kb-building-tr").exists()
    assert "tr" not in langserve._builders
