"""`kb new`: skeletons in the right place that fail until filled, never overwriting."""

from __future__ import annotations

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
        'en: ""': "en: Beta Air Base",
        'tr: ""': "tr: Beta Hava Üssü",
        'kind: ""': "kind: air-base",
        'province: ""': "province: Konya",
        '{lat: "", lon: ""}': "{lat: 38.0, lon: 32.5}",
        'source: ""': "source: src-one",
        'summary: ""': "summary: A new installation.",
        'status: ""': "status: former",
        'present: [""]': "present: [nato]",
        'roles: [""]': "roles: [radar]",
        'operated_by: [""]': "operated_by: [nato]",
        'since: ""': 'since: "1960"',
        '# until: ""': "until: unknown",
        'certainty: ""': "certainty: reported",
    },
    "source": {
        'title: ""': "title: A report",
        'publisher: ""': "publisher: A paper",
        'published: ""': "published: unknown",
        'url: ""': "url: https://paper.example/a",
        'accessed: ""': "accessed: 2026-11-01",
        'language: ""': "language: tr",
        'kind: ""': "kind: news",
    },
    "actor": {
        'en: ""': "en: A Ministry",
        'tr: ""': "tr: Bir Bakanlık",
        'short: ""': "short: AM",
        'kind: ""': "kind: ministry",
        'country: ""': "country: TR",
    },
}


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
    text = path.read_text(encoding="utf-8")
    for old, new in FILLED[kind].items():
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
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
    filled = (
        new.replace('text: ""', "text: Something else is said.")
        .replace('actor: ""', "actor: party")
        .replace('date: ""', "date: 2025-07-03")
        .replace('source: ""', "source: src-party")
        .replace('quote: ""', "quote: Words.")
    )
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
        (("source", "alpha-fact"), "error: id 'alpha-fact' is already used; choose another"),
        (
            ("claim", "alpha", "alpha-claim"),
            "error: id 'alpha-claim' is already used; choose another",
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
