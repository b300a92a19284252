"""`kb new` refuses every id the validator would refuse, says where a taken id is used, and
tells the contributor what to do with the placeholders it wrote."""

from __future__ import annotations

from pathlib import Path

from conftest import write_root
from test_scaffold import kb_new


def test_new_claim_twice_adds_one_claim_and_says_where_the_first_is(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {})
    first = kb_new("claim", "alpha", "alpha-new", root=root)
    assert first.returncode == 0, first.stderr
    after_first = (root / "bases" / "alpha.yaml").read_text(encoding="utf-8")
    line = next(
        n for n, x in enumerate(after_first.splitlines(), start=1) if x.endswith("id: alpha-new")
    )
    second = kb_new("claim", "alpha", "alpha-new", root=root)
    assert second.returncode == 1
    assert f"id 'alpha-new' is already used in data/ (at data/bases/alpha.yaml:{line})" in (
        second.stderr
    )
    assert (root / "bases" / "alpha.yaml").read_text(encoding="utf-8") == after_first
    assert after_first.count("id: alpha-new") == 1


def test_a_claim_id_in_use_by_another_record_kind_is_refused(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {})
    run = kb_new("claim", "alpha", "party", root=root)
    assert run.returncode == 1
    assert "id 'party' is already used in data/ (at data/actors/party.yaml:1)" in run.stderr


def test_a_claim_id_may_not_take_a_generated_anchor_prefix(tmp_path: Path) -> None:
    """The validator refuses claim ids starting with 'src-' (the bibliography's anchors);
    `kb new` refuses them up front instead of writing a file that fails at once."""
    root = write_root(tmp_path / "data", {})
    before = (root / "bases" / "alpha.yaml").read_bytes()
    run = kb_new("claim", "alpha", "src-claim", root=root)
    assert run.returncode == 1
    assert "starts with 'src-'" in run.stderr and "Traceback" not in run.stderr
    assert (root / "bases" / "alpha.yaml").read_bytes() == before
    # a record may (its id is not an anchor on a record page)
    assert kb_new("source", "src-new", root=root).returncode == 0


def test_the_tool_says_what_to_do_with_the_placeholders(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {})
    run = kb_new("actor", "newcomer", root=root)
    assert run.returncode == 0
    assert "'FILL IN:'" in run.stdout and "kb validate" in run.stdout
    assert "empty values" not in run.stdout  # the values are placeholders, not empty
    text = (root / "actors" / "newcomer.yaml").read_text(encoding="utf-8")
    assert text.count("FILL IN:") >= 4
