"""The quick paths of validation decide nothing the detailed ones would decide differently.

A clean file is parsed once without positions (`loader._plainly_clean`) and its positions are
worked out again from its bytes when a message needs them; everything else goes through the
detailed walk. Files are read and checked by two processes, and the rules are shared between
two. Each is compared here with the detailed or serial way, on the hostile corpus, the
loader's hazard cases, the real data and a synthetic corpus with mistakes put in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import TODAY
from test_fastload import _texts

from kb import chars, check, corpus, limits, loader, parallel, paths, rules
from kb.rules import placeholders

MISTAKES = {
    "kind: air-base": "kind: &k air-base",
    "status: active": "status: ~",
    'since: "2000"': "since: 2000",
    "  certainty: reported": "  certainty: reported #1",
    "  district: Selçuklu": "  district: Selçuklu\n  district: Konya",
    "  roles: [radar]": "  roles: !!set [radar]",
    "summary:\n": 'summary: "\\u202e"\nsummary_x:\n',
    "location:\n": "location:\n  <<: {a: b}\n",
    "aliases: [": 'aliases: ["FILL IN: \\x41", ',
    "-s0}": "-s9}",  # no such source: the rules have work too
    "-f1": "-f0",  # the same id twice
}
"""Changes that each give the detailed walk something to say, made one per file."""


def _synthetic(root: Path) -> Path:
    corpus.write(root, 12, claims=3)
    bases = sorted((root / "bases").glob("*.yaml"))
    for path, (old, new) in zip(bases, MISTAKES.items(), strict=False):
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    header = loader.schema_line("source")
    (root / "sources" / "b00011-s0.yaml").write_text(f"{header}\nid: [a\n", encoding="utf-8")
    return root


def _all_texts(tmp_path: Path) -> list[bytes]:
    texts = [t.encode("utf-8") if isinstance(t, str) else t for t in _texts()]
    texts += [p.read_bytes() for p in sorted(paths.DATA.rglob("*.yaml"))]
    texts += [p.read_bytes() for p in sorted(_synthetic(tmp_path / "c").rglob("*.yaml"))]
    return texts


def _detailed(text: bytes) -> tuple[object, list[str]]:
    record, issues = loader.parse(text, "data/bases/alpha.yaml", "base")
    kept = None if record is None else (record.data, record.positions, record.plain)
    return kept, [i.format() for i in issues]


def test_the_clean_walk_accepts_only_what_the_detailed_walk_accepts_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _all_texts(tmp_path)
    quick = [_detailed(t) for t in texts]
    monkeypatch.setattr(loader, "_plainly_clean", lambda text: None)
    slow = [_detailed(t) for t in texts]
    for text, a, b in zip(texts, quick, slow, strict=True):
        assert a == b, text
    # the clean walk took most files, and gave up on every one with something to say
    monkeypatch.undo()
    taken = refused = 0
    for text, (_, said) in zip(texts, slow, strict=True):
        decoded, bad = loader._decode(text, "a.yaml")
        too_big = len(text) > limits.MAX_FILE_BYTES
        if decoded is None or bad or too_big or loader._check_text(decoded, "a.yaml"):
            continue  # refused before any walk
        if loader._plainly_clean(decoded) is None:
            refused += 1
        else:
            taken += 1
            assert said == [], text
    assert taken > 200 and refused > 40


def test_positions_are_the_detailed_walks_whenever_they_are_asked_for(tmp_path: Path) -> None:
    raw = (corpus.write(tmp_path / "c", 1) / "bases" / "b00000.yaml").read_bytes()
    quick, _ = loader.parse(raw, "b.yaml", "base")
    assert quick is not None and quick.known is None  # not worked out yet
    located = quick.locate(("claims", 0, "claimed_by", 1, "speech"))
    walk = loader._Pass("b.yaml", raw.decode("utf-8"))
    parser = loader._Parser(raw.decode("utf-8"))
    walk.run(parser)
    parser.dispose()
    assert quick.positions == walk.positions
    assert located == walk.positions["claims", 0, "claimed_by", 1, "speech"] != (1, 1)


def test_plain_holds_exactly_the_unquoted_scalars_a_schema_may_type() -> None:
    text = 'id: a\nn: 12\nq: "12"\nf: -0.5\nb: true\nw: yes\nd: 2025-01-02\nl: [1, "2", 1.10]\n'
    record, issues = loader.parse(text.encode(), "a.yaml", "base")
    assert record is not None and issues == []
    assert record.plain == {("n",), ("f",), ("b",), ("l", 0), ("l", 2)}
    assert all(loader._typable(v) == (loader.typed_scalar(v) is not None) for v in text.split())


def test_the_quick_character_screen_misses_no_refused_character() -> None:
    for code in range(0x3100):
        ch = chr(code)
        if chars.kind(ch) is not None:
            assert chars._OUTSIDE_COMMON(f"ab{ch}c") is not None, hex(code)
    assert list(chars.forbidden("İncirlik “x” – ş\n\t")) == []


def test_a_placeholder_written_with_an_escape_is_still_found() -> None:
    raw = b'id: a\nname: "\\x46ILL IN: the name"\n'
    record, _ = loader.parse(raw, "a.yaml", "base")
    assert record is not None and b"FILL" not in record.source
    assert [i.message.split(" (")[0] for i in placeholders.scan(record)] == [
        "'name' still holds the placeholder from 'kb new'"
    ]


def _shown(result: check.Result) -> tuple[list[str], list[object]]:
    return [i.format() for i in result.issues], [(r.path, r.data, r.plain) for r in result.records]


def test_two_processes_check_a_corpus_as_one_does(tmp_path: Path, check_by) -> None:
    root = _synthetic(tmp_path / "c")
    outcomes = {workers: _shown(check_by(root, workers)) for workers in ("1", "2")}
    assert outcomes["1"] == outcomes["2"]
    assert len(outcomes["1"][0]) >= len(MISTAKES)
    assert {"[refs]", "[ids]"} <= {line.split()[2] for line in outcomes["1"][0]}


def test_rules_shared_between_two_processes_give_the_serial_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = corpus.write(tmp_path / "c", 4, claims=2)
    for path in sorted((root / "bases").glob("*.yaml"))[:2]:  # refs, ids, dates, orphans
        text = path.read_text(encoding="utf-8").replace("-s0}", "-sx}").replace("-f1", "-f0")
        path.write_text(text.replace("date: 1950-01", "date: 2999-01"), encoding="utf-8")
    records = check.check_root(root, tmp_path, TODAY).records
    assert sorted(m.__name__ for s in rules.SHARES for m in s) == sorted(
        m.__name__ for m in rules.RULES
    )
    serial = rules.run(records, dt.date(2026, 11, 27), set())
    monkeypatch.setattr(parallel, "workers_for", lambda jobs: 2)
    shared = rules.run(records, dt.date(2026, 11, 27), set())
    assert [i.format() for i in shared] == [i.format() for i in serial]
    assert {i.rule for i in serial} >= {"refs", "ids", "dates", "orphans"}
