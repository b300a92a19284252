"""The fast validation path gives exactly what the plain one gives.

The loader walks the parser's events once; it must not depend on which parser (libyaml's or
PyYAML's own) produced them. Files checked in forked workers must come back as a serial run
would give them.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import hostile
import jinja2
import pytest
import yaml
from conftest import VALID
from test_hostile import REFUSED
from test_loader import CASES

from kb import build, corpus, loader, parallel, paths
from kb.check import check_job
from kb.loader import root_files
from kb.render import relative


def _texts() -> list[str | bytes]:
    texts: list[str | bytes] = [c[1] for c in CASES]
    texts += [t for _, files, _ in REFUSED for t in files.values() if t is not None]
    texts += list(hostile.corpus().values()) + list(VALID.values())
    return texts


def _outcome(text: str | bytes) -> tuple[object, list[str]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    record, issues = loader.parse(raw, "data/bases/alpha.yaml", "base")
    # a syntax error's wording is the parser's own; where it is and that it is one are ours
    said = [i.format() if i.rule != "yaml" else f"{i.line}:{i.col} yaml" for i in issues]
    kept = None if record is None else (record.data, record.positions, record.plain)
    return kept, said


def test_both_yaml_parsers_give_the_same_records_and_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert loader._Parser is yaml.CSafeLoader  # the wheels ship libyaml
    texts = _texts()
    assert len(texts) > 90
    fast = [_outcome(t) for t in texts]
    monkeypatch.setattr(loader, "_Parser", yaml.SafeLoader)
    slow = [_outcome(t) for t in texts]
    for text, a, b in zip(texts, fast, slow, strict=True):
        assert a == b, text
    assert sum(record is None for record, _ in fast) > 40  # refusals were compared too


def _pid(_: int) -> int:
    return os.getpid()


def test_forked_workers_check_as_a_serial_run_does(tmp_path: Path) -> None:
    root = corpus.write(tmp_path / "data", 3)
    broken = root / "bases" / "b00001.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("kind:", "kind: &k"), "utf-8")
    (root / "actors" / "b00002-a0.yaml").write_text("id: x\nid: y\nname: ~\n", "utf-8")
    files, _ = root_files(root, tmp_path)
    jobs = [(f.path.read_bytes(), f.display, f.kind, f.header) for f in files]

    def shown(outcomes: list[loader.Record | object | None]) -> list[object]:
        return [
            (None if r is None else (r.data, r.positions, r.plain), [i.format() for i in issues])
            for r, issues in outcomes  # type: ignore[misc]
        ]

    serial = parallel.map_jobs(check_job, jobs, workers=1)
    forked = parallel.map_jobs(check_job, jobs, workers=2)
    assert shown(forked) == shown(serial)
    assert sum(r is None for r, _ in serial) == 2
    assert len(set(parallel.map_jobs(_pid, list(range(6)), workers=2))) == 2


def test_workers_only_for_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    assert parallel.workers_for(parallel.FILES_PER_WORKER - 1) == 1
    assert parallel.workers_for(10 * parallel.FILES_PER_WORKER) == 2
    monkeypatch.setenv("KB_WORKERS", "1")
    assert parallel.workers_for(10 * parallel.FILES_PER_WORKER) == 1
    monkeypatch.delenv("KB_WORKERS")
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 3)  # mkdocs serve
    assert parallel.workers_for(10 * parallel.FILES_PER_WORKER) == 1


def test_remembered_relative_links_are_relpaths() -> None:
    pages = ["index.md", "bases/alpha.md", "bases/alpha/index.md", "sources/x.md", "a/b/c.md"]
    for target in pages:
        for page in pages:
            start = posixpath.dirname(page)
            assert relative(target, start) == posixpath.relpath(target, start or "."), (
                target,
                page,
            )
    # Paths that are not plain docs paths take the library's way, with the same answer.
    odd = ["a//b.md", "a/", "./a.md", "a/./b.md", "../a.md", "a/../b.md", ".hidden/x.md", "/x"]
    for target in pages + odd:
        for start in ["", "a", "a/b", "tr/bases", "a/", "./a", "..", "/x", "v1.2"]:
            assert relative(target, start) == posixpath.relpath(target, start or "."), (
                target,
                start,
            )


def test_a_template_compiled_once_renders_the_same_for_every_renderer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = build.load(paths.DATA).renderer().pages()
    compiled = jinja2.Environment.compile
    calls: list[str] = []

    def counting(self: jinja2.Environment, *args: object, **kwargs: object) -> object:
        calls.append("compile")
        return compiled(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    again = build.load(paths.DATA).renderer().pages()
    assert calls == []
    assert [(p.uri, p.body) for p in again] == [(p.uri, p.body) for p in first]
