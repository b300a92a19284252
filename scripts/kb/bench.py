"""Benchmark: validate and build synthetic corpora of growing size; print figures and ratios.

Run with `scripts/bench [SIZES...]` (default 10 100 1000 installations). Each installation is
shaped like a real one (10 facts, 6 events, 3 assessed claims, 4 sources, 2 actors), written to
a temporary data folder; nothing in data/ is touched. Timings are wall-clock on this machine:
compare the per-installation ratios within one run, not absolute numbers across machines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb import paths
from kb.check import check_root
from kb.loader import schema_line


def _base(n: int) -> str:
    b = f"b{n:05d}"
    cite = f"[{{source: {b}-s0}}, {{source: {b}-s1}}]"
    facts = "".join(
        f"  - id: {b}-f{i}\n    text: Fact {i} about installation {n}, with some words.\n"
        f"    citations: {cite}\n"
        for i in range(10)
    )
    events = "".join(
        f"  - id: {b}-e{i}\n    date: {1950 + i * 10}-0{1 + i % 9}\n"
        f"    text: Event {i} at installation {n}.\n    citations: [{{source: {b}-s2}}]\n"
        for i in range(6)
    )
    claims = "".join(
        f"""  - id: {b}-c{i}
    text: Claim {i} about installation {n} is reported here.
    claimed_by:
      - {{actor: {b}-a0, date: 2025-07-02, source: {b}-s3, quote: Words of the actor.}}
      - {{actor: {b}-a1, date: 2025-07-03, source: {b}-s3}}
    status: disputed
    assessment: The evidence conflicts.
    reviewed: 2026-11-01
    evidence:
      - {{source: {b}-s1, stance: contradicts, note: A denial.}}
      - {{source: {b}-s2, stance: context, note: Some context.}}
"""
        for i in range(3)
    )
    return f"""{schema_line("base")}
id: {b}
name: {{en: Installation {n}, tr: Tesis {n}}}
aliases: [Tesis {n}]
kind: air-base
location:
  province: Konya
  coordinates: {{lat: {36 + (n % 60) / 10}, lon: {27 + (n % 170) / 10}}}
  citations: {cite}
presence:
  status: active
  present: [nato]
  roles: [radar]
  operated_by: [turkey]
  since: "2000"
  certainty: reported
  citations: {cite}
summary: Installation {n} is a synthetic record used to measure the build.
citations: {cite}
facts:
{facts}events:
{events}claims:
{claims}"""


def make_corpus(root: Path, count: int) -> None:
    for folder in ("bases", "sources", "actors"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "schema").symlink_to(paths.DATA / "schema")
    for n in range(count):
        b = f"b{n:05d}"
        (root / "bases" / f"{b}.yaml").write_text(_base(n), encoding="utf-8")
        for i in range(4):
            (root / "sources" / f"{b}-s{i}.yaml").write_text(
                f"{schema_line('source')}\nid: {b}-s{i}\ntitle: Source {i} on {n}\n"
                f"publisher: Publisher {i}\npublished: 2020-01-0{1 + i}\n"
                f"url: https://example.org/{b}/{i}\nlanguage: en\nkind: news\n"
                + (f"issued_by: {b}-a0\n" if i == 3 else ""),
                encoding="utf-8",
            )
        for i in range(2):
            (root / "actors" / f"{b}-a{i}.yaml").write_text(
                f"{schema_line('actor')}\nid: {b}-a{i}\nname: Actor {i} of {n}\nkind: party\n"
                "country: TR\n",
                encoding="utf-8",
            )


def measure(count: int, work: Path) -> dict[str, float]:
    data = work / f"n{count}" / "data"
    make_corpus(data, count)
    start = time.perf_counter()
    result = check_root(data)
    validate = time.perf_counter() - start
    if not result.ok:
        raise SystemExit(f"synthetic data does not validate: {result.issues[:3]}")
    site = work / f"n{count}" / "site"
    env = {
        **os.environ,
        "KB_DATA": str(data),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1764201600",
    }
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=paths.ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    build = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(run.stderr[-2000:])
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    page = (site / "bases" / "b00001" / "index.html").stat().st_size
    return {
        "installations": count,
        "files": result.files,
        "validate_s": round(validate, 2),
        "build_s": round(build, 2),
        "site_mb": round(size / 2**20, 1),
        "page_kb": round(page / 1024, 1),
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10, 100, 1000]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        for count in sizes:
            rows.append(measure(count, Path(tmp)))
            row = rows[-1]
            print(json.dumps(row), flush=True)
    first = rows[0]
    for row in rows[1:]:
        k = row["installations"] / first["installations"]
        print(
            f"{first['installations']} -> {row['installations']} installations (x{k:g}): "
            f"validate x{row['validate_s'] / first['validate_s']:.1f}, "
            f"build x{row['build_s'] / first['build_s']:.1f}, "
            f"site x{row['site_mb'] / max(first['site_mb'], 0.1):.1f}, "
            f"installation page x{row['page_kb'] / first['page_kb']:.2f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
