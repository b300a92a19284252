"""Checked files are remembered by content between runs in one process (`mkdocs serve`)."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY, VALID, write_root

from kb import check, memo, prose, render
from kb.check import MEMO, check_root


def test_unchanged_files_are_not_checked_again_and_an_edit_is(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {})
    MEMO.clear()
    first = check_root(root, base=tmp_path, today=TODAY)
    assert first.ok and (MEMO.hits, MEMO.misses) == (0, len(VALID))

    again = check_root(root, base=tmp_path, today=TODAY)
    assert again.ok and (MEMO.hits, MEMO.misses) == (len(VALID), 0)

    alpha = root / "bases" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("kind: air-base", "kind: airbase"))
    edited = check_root(root, base=tmp_path, today=TODAY)
    assert (MEMO.hits, MEMO.misses) == (len(VALID) - 1, 1)
    assert any(
        "data/bases/alpha.yaml:3:1: error [schema] 'kind' is 'airbase'" in i.format()
        for i in edited.issues
    ), edited.issues

    # the first content was last used two runs ago, so it was forgotten: checked again
    alpha.write_text(VALID["bases/alpha.yaml"])
    restored = check_root(root, base=tmp_path, today=TODAY)
    assert restored.ok and (MEMO.hits, MEMO.misses) == (len(VALID) - 1, 1)


def test_a_schema_change_checks_every_file_again(tmp_path: Path, monkeypatch) -> None:
    root = write_root(tmp_path / "data", {})
    MEMO.clear()
    check_root(root, base=tmp_path, today=TODAY)
    monkeypatch.setattr(check.memo, "folder_digest", lambda folder, pattern: "another schema")
    check_root(root, base=tmp_path, today=TODAY)
    assert (MEMO.hits, MEMO.misses) == (0, len(VALID))


def test_remembered_records_give_the_same_result(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {})
    MEMO.clear()
    first = check_root(root, base=tmp_path, today=TODAY)
    second = check_root(root, base=tmp_path, today=TODAY)
    assert [r.data for r in second.records] == [r.data for r in first.records]
    assert second.issues == first.issues


def test_forget_texts_empties_the_caches_of_values_from_data() -> None:
    """The benchmark's cold runs rely on it: no text escaped by an earlier run is remembered."""
    render.md_text("Kürecik * radar")
    prose.right_to_left("قونية")
    assert render._inert.cache_info().currsize and prose.right_to_left.cache_info().currsize
    memo.forget_texts()
    for cached in (render._inert, render._escaped, render._isolated, render.relative):
        assert cached.cache_info().currsize == 0, cached
    assert prose.right_to_left.cache_info().currsize == 0
