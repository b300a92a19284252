"""`kb new`: skeletons in the right place that fail until filled, never overwriting."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import TODAY, VALID, run_kb, write_root

from kb.check import check_root


def kb_new(*args: str, root: Path) -> subprocess.CompletedProcess[str]:
    return run_kb("new", *args, "--data", str(root), cwd=root.parent, timeout=60)


def errors_in(root: Path, name: str) -> list[str]:
    result = check_root(root, base=root.parent, today=TODAY)
    return [i.format() for i in result.issues if i.path == name and i.level == "error"]


FILLED = {
    "base": {
        "en": "Beta Air Base",
        "tr": "Beta Hava Üssü",
        "kind": "air-base",
        "province": "Konya",
        "lat": "38.0",
        "lon": "32.5",
        "source": "src-one",
        "summary": "A new installation.",
        "status": "active",
        "present": "[nato]",
        "roles": "[radar]",
        "operated_by": "[nato]",
        "since": '"1960"',
        "certainty": "reported",
    },
    "source": {
        "title": "A report",
        "publisher": "A paper",
        "published": "unknown",
        "url": "https://paper.example/a",
        "accessed": "2026-11-01",
        "language": "tr",
        "kind": "news",
    },
    "actor": {
        "en": "A Ministry",
        "tr": "Bir Bakanlık",
        "short": "AM",
        "kind": "ministry",
        "country": "TR",
    },
    "claim": {
        "text": "Something else is said.",
        "actor": "party",
        "date": "2025-07-03",
        "source": "src-party",
        "quote": "Words.",
        "assessment": "Not yet checked against other sources.",
        "summary": "Not yet checked.",
    },
}
PLACEHOLDER = re.compile(r'\b([a-z_]+): "FILL IN: [^"]*"')


def fill_in(text: str, values: dict[str, str]) -> str:
    """Replace each `key: "FILL IN: ..."` placeholder by the value for its key."""
    out = PLACEHOLDER.sub(lambda m: f"{m.group(1)}: {values[m.group(1)]}", text)
    assert "FILL IN" not in out
    return out


def test_placeholders_are_obvious_explained_and_refused(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {})
    assert kb_new("source", "beta", root=root).returncode == 0
    text = (root / "sources" / "beta.yaml").read_text(encoding="utf-8")
    assert 'title: "FILL IN: the title as published, in its own language"' in text
    assert 'language: "FILL IN: one of: en, tr,' in text  # read from the schema
    errors = errors_in(root, "data/sources/beta.yaml")
    assert errors[0] == (
        "data/sources/beta.yaml:3:1: error [placeholders] 'title' still holds the placeholder "
        "from 'kb new' (FILL IN: the title as published, in its own language); replace it with "
        "the real value"
    )
    # every message is about a placeholder, none about a pattern the placeholder breaks
    assert len(errors) == 7 and all("[placeholders]" in e for e in errors)


@pytest.mark.parametrize(
    ("kind", "folder"), [("base", "bases"), ("source", "sources"), ("actor", "actors")]
)
def test_skeleton_fails_until_filled_then_passes(tmp_path: Path, kind: str, folder: str) -> None:
    root = write_root(tmp_path / "data", {})
    run = kb_new(kind, "beta", root=root)
    assert run.returncode == 0, run.stderr
    path = root / folder / "beta.yaml"
    name = f"data/{folder}/beta.yaml"
    assert errors_in(root, name), "an unfilled skeleton must not validate"
    path.write_text(fill_in(path.read_text(encoding="utf-8"), FILLED[kind]), encoding="utf-8")
    assert errors_in(root, name) == []


def _claims_last(text: str) -> str:
    """The fixture with its presence block moved above the facts, so claims end the file."""
    presence = text[text.index("presence:\n") :]
    return text.replace(presence, "").replace("facts:\n", presence + "facts:\n")


def test_claim_is_added_to_its_installation_keeping_comments_and_order(tmp_path: Path) -> None:
    text = _claims_last(VALID["bases/alpha.yaml"])
    text = text.replace("claims:\n", "# the claims section\nclaims:\n")
    text = text + "# a closing comment\n"
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": text})
    run = kb_new("claim", "alpha", "alpha-second-claim", root=root)
    assert run.returncode == 0, run.stderr
    new = (root / "bases" / "alpha.yaml").read_text(encoding="utf-8")
    assert new.startswith(text.split("# a closing comment")[0])
    assert "# the claims section" in new and "# a closing comment" in new
    assert new.index("alpha-claim") < new.index("alpha-second-claim")
    result = check_root(root, base=tmp_path, today=TODAY)
    record = next(r for r in result.records if r.id == "alpha") if result.ok else None
    assert record is None  # unfilled: it fails validation...
    filled = fill_in(new, FILLED["claim"])
    (root / "bases" / "alpha.yaml").write_text(filled, encoding="utf-8")
    assert errors_in(root, "data/bases/alpha.yaml") == []  # ...until filled


def test_claim_section_is_created_when_missing(tmp_path: Path) -> None:
    text = VALID["bases/alpha.yaml"].split("claims:")[0]
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": text})
    assert kb_new("claim", "alpha", "alpha-new", root=root).returncode == 0
    assert (root / "bases" / "alpha.yaml").read_text(encoding="utf-8").startswith(text)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("base", "alpha"), "already exists; it was not changed"),
        (("actor", "party"), "already exists; it was not changed"),
        (
            ("source", "alpha-fact"),
            "error: id 'alpha-fact' is already used in data/ (at data/bases/alpha.yaml:",
        ),
        (
            ("claim", "alpha", "alpha-claim"),
            "error: id 'alpha-claim' is already used in data/ (at data/bases/alpha.yaml:",
        ),
        (("base", "Beta_Base"), "error: invalid id 'Beta_Base': use lower-case letters"),
        (("base", "../escape"), "error: invalid id '../escape'"),
        (("base", "search"), "error: id 'search' is reserved"),
        (("claim", "omega", "omega-claim"), "error: no installation 'omega'"),
    ],
)
def test_refuses_bad_or_taken_ids_and_never_overwrites(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    root = write_root(tmp_path / "data", {})
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    run = kb_new(*args, root=root)
    assert run.returncode == 1
    assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
