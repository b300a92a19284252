"""The compiled schema check gives the detailed validator's verdicts, record by record.

Every case of the hostile corpus and of the rule tests, the hostile payload corpus and the
real data are loaded once; each record is checked by both paths on its own copy. The verdicts
must agree, a record both accept must come out with the same typed values, and the whole
report of `check_root` must be the same with and without the fast path.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import TODAY, VALID, write_root
from hostile import corpus
from test_hostile import ALLOWED, REFUSED, url
from test_rules import CASES

from kb import fastcheck, paths, schema
from kb.check import MEMO, check_root
from kb.loader import Record, load_root

Files = dict[str, str | bytes | None]

EXTRA: list[tuple[str, Files]] = [
    # engines differ on '$' before a final newline: jsonschema accepts, the compiled one does
    # not, so the record must go to the detailed validator and keep its verdict
    (
        "icao with a final newline",
        {
            "bases/alpha.yaml": VALID["bases/alpha.yaml"].replace(
                "kind: air-base", 'kind: air-base\nicao: "LTAG\\n"'
            )
        },
    ),
    (
        "quoted coordinate",
        {"bases/alpha.yaml": VALID["bases/alpha.yaml"].replace("lat: 37.0", 'lat: "37.0"')},
    ),
    (
        "yes as a boolean",
        {
            "bases/alpha.yaml": VALID["bases/alpha.yaml"].replace(
                "lat: 37.0", "lat: 37.0, approximate: yes"
            )
        },
    ),
    (
        "true as a boolean",
        {
            "bases/alpha.yaml": VALID["bases/alpha.yaml"].replace(
                "lat: 37.0", "lat: 37.0, approximate: true"
            )
        },
    ),
    (
        "integer coordinate",
        {"bases/alpha.yaml": VALID["bases/alpha.yaml"].replace("lat: 37.0", "lat: 37")},
    ),
    (
        "number where text is wanted",
        {
            "bases/alpha.yaml": VALID["bases/alpha.yaml"].replace(
                "summary: A test installation.", "summary: 12"
            )
        },
    ),
    ("url with a final newline", url('"https://news.example/report\\n"')),
    ("hostile payloads", corpus({field: text for text, field in ALLOWED.values()})),
]

ALL: list[tuple[str, Files]] = [
    *((name, files) for name, files, _ in REFUSED),
    *((name, files) for name, files, _ in CASES),
    *EXTRA,
    ("clean hostile corpus", corpus()),
]


def _verdicts(records: list[Record]) -> list[tuple[str, bool, bool, bool]]:
    """Per record: path, the compiled verdict, the fast path's verdict, the detailed one."""
    out = []
    for record in records:
        compiled, fast, slow = (copy.deepcopy(record) for _ in range(3))
        passed_compiled = fastcheck.passes(compiled)
        fast_issues = [i.format() for i in fastcheck.check(fast)]
        slow_issues = [i.format() for i in schema.check(slow)]
        assert fast_issues == slow_issues, record.path
        assert fast.data == slow.data, record.path
        if not passed_compiled:
            assert compiled.data == record.data, "a rejected record must be left as it was"
        out.append((record.path, passed_compiled, not fast_issues, not slow_issues))
    return out


def _compare(root: Path, base: Path) -> None:
    for path, compiled, fast, slow in _verdicts(load_root(root, base)[0]):
        assert fast == slow, path
        assert slow or not compiled, f"{path}: the compiled check accepted an invalid record"


@pytest.mark.parametrize("files", [c[1] for c in ALL], ids=[c[0] for c in ALL])
def test_both_paths_give_the_same_verdicts(tmp_path: Path, files: Files, monkeypatch) -> None:
    root = write_root(tmp_path / "data", files)
    _compare(root, tmp_path)
    fast = check_root(root, base=tmp_path, today=TODAY)
    monkeypatch.setattr(fastcheck, "check", schema.check)
    MEMO.clear()
    slow = check_root(root, base=tmp_path, today=TODAY)
    assert [i.format() for i in fast.issues] == [i.format() for i in slow.issues]
    assert [r.data for r in fast.records] == [r.data for r in slow.records]


def test_real_data_gets_the_same_verdicts() -> None:
    _compare(paths.ROOT / "data", paths.ROOT)


def test_cases_include_failures_that_the_compiled_check_rejects(tmp_path: Path) -> None:
    """The comparison means something only if both verdicts occur among the cases."""
    seen = set()
    for i, (_, files) in enumerate(ALL):
        root = write_root(tmp_path / str(i), files)
        seen.update(v[1] for v in _verdicts(load_root(root, tmp_path)[0]))
    assert seen == {True, False}
