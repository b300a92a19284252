"""The downloads of the real data, read back as a user's tool reads them and compared with the
model; the citations and the feed of the fixture corpus against golden files; `kb export`
twice gives the same bytes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_kb, write_root

from kb import addresses, build, export, paths, publish, schema, structured
from kb.site import Site

GOLDEN = Path(__file__).parent / "golden" / "published"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"
SITE = Site("KB", "https://kb.example/")


@pytest.fixture(scope="module")
def real() -> build.Build:
    return build.load(paths.DATA, base=paths.ROOT)


@pytest.fixture(scope="module")
def files(real: build.Build) -> dict[str, bytes]:
    return dict(real.published(SITE))


def _rows(blob: bytes) -> list[dict[str, str]]:
    assert blob.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(blob.decode("utf-8-sig"), newline="")))


def test_geojson_of_the_real_data_follows_rfc_7946(real: build.Build, files) -> None:
    doc = json.loads(files[addresses.export("installations", "geojson")])
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    features = {f["id"]: f for f in doc["features"]}
    assert set(features) == set(real.corpus.bases)
    who = [v for v, _ in schema.vocabulary(schema.enum_node("presence-who"))]
    for base in real.corpus.bases.values():
        f = features[base.id]
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        if base.location.lat is None:
            assert f["geometry"] is None  # RFC 7946 §3.2: unlocated, not guessed
        else:
            assert f["geometry"]["type"] == "Point"
            # §3.1.1: longitude first, WGS 84 decimal degrees
            assert f["geometry"]["coordinates"] == [base.location.lon, base.location.lat]
        props = f["properties"]
        assert props["status"] == base.presence.status
        for value in who:
            assert props[f"present_{value.replace('-', '_')}"] is (value in base.presence.present)
        # properties are flat values a GIS styles by (strings, numbers, booleans) or lists
        assert all(isinstance(v, str | int | float | bool | list) for v in props.values())


def test_csv_of_the_real_data_parses_back_to_the_model(real: build.Build, files) -> None:
    corpus = real.corpus
    bases = {r["id"]: r for r in _rows(files[addresses.export("installations", "csv")])}
    assert set(bases) == set(corpus.bases)
    for base in corpus.bases.values():
        row = bases[base.id]
        assert row["name"] == base.name.en and row["name_tr"] == (base.name.tr or "")
        assert row["present"].split() == list(base.presence.present)
        if base.location.lat is not None:
            assert (float(row["lat"]), float(row["lon"])) == (base.location.lat, base.location.lon)
        else:
            assert row["lat"] == row["lon"] == ""
    claims = {r["id"]: r for r in _rows(files[addresses.export("claims", "csv")])}
    assert set(claims) == {c.id for c in corpus.claims}
    for claim in corpus.claims:
        row = claims[claim.id]
        assert row["status"] == claim.status and row["page"] == claim.page
        assert row["actors"].split() == list(claim.actors)
        text = claim.text.en
        assert row["text"] == ("'" + text if text.startswith(("=", "+", "-", "@")) else text)
    sources = {r["id"]: r for r in _rows(files[addresses.export("sources", "csv")])}
    assert set(sources) == set(corpus.sources)
    turkish = [s for s in corpus.sources.values() if any(ch in s.title for ch in "ğışİçöüĞŞ")]
    assert turkish, "the real data has Turkish titles"
    for s in turkish:
        assert sources[s.id]["title"] == export.cell(s.title)  # Turkish letters intact


def test_the_feed_of_the_real_data_is_atom_with_one_entry_per_assessed_claim(
    real: build.Build, files
) -> None:
    root = ET.fromstring(files[addresses.feed()])
    ns = {"a": structured.ATOM}
    entries = root.findall("a:entry", ns)
    assessed = [c for c in real.corpus.claims if c.status != "unassessed"]
    assert len(entries) == len(assessed)
    for entry in entries:
        for child in ("id", "title", "updated"):
            assert entry.findtext(f"a:{child}", namespaces=ns)
        assert entry.find("a:link[@rel='alternate']", ns) is not None


def _fixture_build(tmp_path: Path) -> build.Build:
    root = write_root(tmp_path / "data", {})
    return build.load(root, base=tmp_path, changed={"data/bases/alpha.yaml": "2026-03-04"})


def test_citations_and_feed_of_the_fixture_corpus_match_their_golden_files(
    tmp_path: Path,
) -> None:
    """KB_UPDATE_GOLDEN=1 rewrites them after a deliberate change."""
    out = {
        p: b
        for p, b in publish.make_files(_fixture_build(tmp_path), SITE).items()
        if p == addresses.feed() or "/cite/" in p
    }
    if UPDATE:
        for path, blob in out.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(blob)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*.*")}
    assert sorted(out) == sorted(expected)
    for path, blob in out.items():
        assert blob == expected[path], f"{path} differs; KB_UPDATE_GOLDEN=1 to accept"


def test_published_files_are_byte_identical_on_rebuild(tmp_path: Path) -> None:
    first = publish.make_files(_fixture_build(tmp_path / "a"), SITE)
    assert first == publish.make_files(_fixture_build(tmp_path / "b"), SITE)


def test_every_published_file_has_a_row_on_the_downloads_page(files) -> None:
    rows = publish.downloads(files)
    listed = [p for row in rows for p in row.paths]
    assert sorted(listed) == sorted(files)
    assert sum(r.size for r in rows) == sum(len(b) for b in files.values())
    with pytest.raises(ValueError, match="no row on the downloads page"):
        publish.downloads({**files, "api/v1/unknown.xml": b""})


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def test_kb_export_writes_the_same_bytes_twice_and_only_what_is_asked(tmp_path: Path) -> None:
    root = write_root(tmp_path / "data", {})
    for out in ("a", "b"):
        run = run_kb("export", "--data", str(root), "--out", str(tmp_path / out), cwd=tmp_path)
        assert run.returncode == 0, run.stderr
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    run = run_kb(
        "export",
        "--data",
        str(root),
        "--format",
        "geojson",
        "--out",
        str(tmp_path / "g"),
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert [p.name for p in (tmp_path / "g").rglob("*") if p.is_file()] == ["installations.geojson"]
