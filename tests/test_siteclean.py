"""Under `mkdocs serve` the previous site is set aside and deleted beside the build
(kb.siteclean): the build starts from an empty folder, as after MkDocs's own clean."""

from __future__ import annotations

from pathlib import Path

from kb import siteclean


def _site(root: Path) -> Path:
    for name in ("index.html", "bases/konya/index.html", "tr/index.html", ".kb-building-tr/x"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")
    return root


def test_the_old_site_is_set_aside_and_deleted(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    thread = siteclean.set_aside(site)
    assert thread is not None
    # at once: nothing visible is left for the build to find (hidden entries stay, as
    # MkDocs's clean leaves them)
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(siteclean.PREFIX)) == [
        ".kb-building-tr"
    ]
    siteclean.finish()
    assert sorted(p.name for p in site.iterdir()) == [".kb-building-tr"]
    assert (site / ".kb-building-tr" / "x").is_file()


def test_nothing_to_set_aside(tmp_path: Path) -> None:
    assert siteclean.set_aside(tmp_path / "missing") is None
    (tmp_path / "empty").mkdir()
    assert siteclean.set_aside(tmp_path / "empty") is None
    assert list((tmp_path / "empty").iterdir()) == []
