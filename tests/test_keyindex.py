"""The key index the quick walk builds on its way is the one the rules would build.

The rules read values through one index per record (each key -> the mappings holding it, with
their paths, parents first). The loader's quick walk builds it while it builds the values, and
a forked worker sends it back with them; `kb.rules.context.keyed` builds it for every other
record. Compared here on the hostile corpus, the loader's cases, the real data and a synthetic
corpus with mistakes put in, in this process and through a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import TODAY
from test_cleanwalk import _all_texts, _synthetic

from kb import corpus, limits, loader
from kb.loader import KeyIndex
from kb.rules.context import Context, keyed


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _same_index(found: KeyIndex, data: dict[str, Any]) -> None:
    """Equal to `keyed(data)`, and every entry is the mapping itself at its path."""
    assert found == keyed(data)
    assert list(found) == list(keyed(data))  # keys in the same order
    for holders in found.values():
        for path, mapping in holders:
            assert _at(data, path) is mapping


def test_the_quick_walk_indexes_keys_as_the_rules_would(tmp_path: Path) -> None:
    taken = 0
    for text in _all_texts(tmp_path):
        decoded, bad = loader._decode(text, "a.yaml")
        if decoded is None or bad or len(text) > limits.MAX_FILE_BYTES:
            continue
        quick = loader._plainly_clean(decoded)
        if quick is None:
            continue
        data, _, index = quick
        _same_index(index, data)
        taken += 1
    assert taken > 200


def test_records_from_a_worker_keep_an_index_of_their_own_mappings(
    tmp_path: Path, check_by
) -> None:
    records = check_by(_synthetic(tmp_path / "c"), "2").records
    indexed = [r for r in records if r.keys is not None]
    assert len(indexed) > len(records) // 2
    for record in indexed:
        _same_index(record.keys, record.data)  # type: ignore[arg-type]


def test_the_rules_read_the_loaders_index(tmp_path: Path) -> None:
    raw = (corpus.write(tmp_path / "c", 1) / "bases" / "b00000.yaml").read_bytes()
    record, _ = loader.parse(raw, "b.yaml", "base")
    assert record is not None and record.keys is not None
    assert Context([record], TODAY).keyed(record) is record.keys
    commented = raw.replace(b"kind: air-base", b"kind: air-base  # a note", 1)
    detailed, said = loader.parse(commented, "b.yaml", "base")
    assert said == [] and detailed is not None and detailed.known is not None
    assert detailed.keys is None  # a comment after a value: the detailed walk read it
    _same_index(Context([detailed], TODAY).keyed(detailed), detailed.data)
