"""Shared fixtures: a tiny valid data root that tests change one file at a time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kb import parallel
from kb.check import MEMO, Result, check_root

TODAY = dt.date(2026, 11, 27)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/expected from the current templates instead of comparing.",
    )


VALID_INDENTED = {
    "bases/alpha.yaml": """\
        id: alpha
        name: {en: Alpha Air Base, tr: Alfa Hava Üssü}
        kind: air-base
        location:
          province: Adana
          coordinates: {lat: 37.0, lon: 35.4}
          citations: [{source: src-one}]
        summary: A test installation.
        citations: [{source: src-one}]
        facts:
          - id: alpha-fact
            text: A fact.
            citations: [{source: src-one}]
        events:
          - id: alpha-event
            date: 1955-02-21
            text: An event.
            citations: [{source: src-one}]
        claims:
          - id: alpha-claim
            text: Something is said about Alpha.
            claimed_by:
              - {actor: party, date: 2025-07-02, source: src-party}
            status: unassessed
            assessment: Not yet checked.
            summary: Not yet checked against any source.
        presence:
          status: active
          present: [us]
          roles: [air-operations]
          operated_by: [turkey, us]
          since: "1955"
          certainty: official
          citations: [{source: src-one}]
        """,
    "sources/src-one.yaml": """\
        id: src-one
        title: An independent report
        publisher: A Newspaper
        published: 2020-01-01
        url: https://news.example/report
        language: en
        kind: news
        """,
    "sources/src-party.yaml": """\
        id: src-party
        title: A party statement
        publisher: A Party
        issued_by: party
        published: 2025-07-02
        url: https://party.example/statement
        language: en
        kind: statement
        """,
    "actors/party.yaml": """\
        id: party
        name: A Party
        kind: party
        country: TR
        """,
}


VALID = {path: textwrap.dedent(text) for path, text in VALID_INDENTED.items()}


def write_root(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write a data root: VALID, with `files` replacing (or, as None, deleting) entries."""
    merged: dict[str, str | bytes | None] = {**VALID, **files}
    for rel, content in merged.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def check(tmp_path: Path):
    """check(files) -> the formatted issue lines for a data root built from VALID + files."""

    def run(files: dict[str, str | bytes | None]) -> list[str]:
        root = write_root(tmp_path / "data", files)
        result = check_root(root, base=tmp_path, today=TODAY)
        return [i.format() for i in result.issues]

    return run


@pytest.fixture
def check_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """check_by(root, workers) -> `check_root(root)`, cold (nothing memoized), by `workers`
    ("1" or "2") processes as on a two-core machine, each given ten files at the most."""
    monkeypatch.setattr(parallel, "FILES_PER_WORKER", 10)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)

    def run(root: Path, workers: str) -> Result:
        monkeypatch.setenv("KB_WORKERS", workers)
        MEMO.clear()  # cold: every process reads its own files
        return check_root(root, tmp_path, TODAY)

    yield run
    MEMO.clear()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`."""
    from sitebuild import build_site

    out = tmp_path_factory.mktemp("site")
    run = build_site(out)
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr, run.stderr
    return out


def run_kb(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m kb ARGS` in a subprocess, as a user runs it."""
    from kb import paths

    env = {**os.environ, "PYTHONPATH": str(paths.ROOT / "scripts")}
    return subprocess.run(
        [sys.executable, "-m", "kb", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
