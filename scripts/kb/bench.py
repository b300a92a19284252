"""Benchmark: what the generator costs against MkDocs alone, with budgets.

`scripts/bench [SIZES...] [--runs 3] [--big-runs 2] [--edits 3]` (default sizes 10 100 1000)
first measures the real data (load, validate and render, then its full and static builds), in
a process that has read nothing else, as a build's has. It then writes synthetic data roots
(`kb.corpus`: N installations, 10 claims each, real text lengths) to a temporary folder;
nothing in data/ is touched. For each N it reports the `kb validate`
time (cold: a fresh process, `kb.benchcheck`), the page generation time (model and
Markdown), the full `mkdocs build` with the hook (every language), the static twin (the same
Markdown of every language, the same configurations, no hook), their ratio, the installation
page's HTML size, the site size and the build's peak memory. Every timing is the best of the
runs, and each run starts without the strings earlier runs remembered (`memo.forget_texts`);
the full/static ratio is taken within one run (the run with the fastest full build). Last, the
edit loop under `mkdocs serve` at the real size and at the largest N, and the budgets as PASS
or FAIL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kb import (
    addresses,
    benchbuild,
    benchcheck,
    build,
    corpus,
    editloop,
    git,
    languages,
    memo,
    model,
    parallel,
    paths,
    publish,
    sitelangs,
)
from kb.check import MEMO, check_root
from kb.render import hand_written
from kb.site import Site

BUDGETS = {
    "validate_s": 2.0,  # at 1,000 installations x 10 claims
    "full_over_static": 1.15,
    "page_drift": 0.05,
    "page_kb": 60.0,
    "growth_slack": 1.2,  # build time may grow at most 1.2x the data (12x for 10x)
    "edit_loop_real_s": 3.0,
    "real_generate_s": 0.3,
}


def _best(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def _cold_check(data: Path) -> Any:
    MEMO.clear()  # cold: as `kb validate` and a first build see it
    memo.forget_texts()
    result = check_root(data, base=data.parent)
    if not result.ok:
        raise SystemExit(f"data does not validate: {[i.format() for i in result.issues[:3]]}")
    return result


def _generate(
    data: Path,
    records: list[Any],
    times: dict[str, float] | None = None,
    dates: git.Dates | None = None,
) -> int:
    """What the hook makes from checked records: the model, the exports and feed, and every
    page's Markdown, including expanded blocks of hand-written pages (with the collector
    paused, as the hook does); `times` gets each language's seconds (its renderer, files
    and pages; the model counts under 'shared'). `dates`: git's
    reading, started before the check as `build.load` starts it (else started here)."""
    with parallel.gc_paused():
        return _generate_all(data, records, {} if times is None else times, dates)


def _generate_all(
    data: Path, records: list[Any], times: dict[str, float], dates: git.Dates | None
) -> int:
    start = time.perf_counter()
    loaded = build.Build(
        data,
        data.parent,
        model.build(records),
        (),
        tuple(records),
        dates or git.Dates(data, data.parent),
    )
    docs = paths.ROOT / "docs"
    url = "https://kb.example/"
    count = 0
    times["shared"] = time.perf_counter() - start
    for lang in languages.LANGUAGES:  # each language's build renders its own pages
        start = time.perf_counter()
        site = Site("bench", url).localized(lang)  # as the hook's build of `lang` names it
        publish.site_files(loaded, url + addresses.prefix(lang), site.name, lang)
        renderer = loaded.renderer(lang, site)
        count += len(renderer.pages())
        folder = addresses.prefix(lang)
        own = docs / folder if folder else docs
        for md in sorted(own.rglob("*.md")):
            uri = folder + md.relative_to(own).as_posix()
            if not folder and uri.split("/", 1)[0] in languages.LANGUAGES:
                continue  # the other languages' hand-written pages
            hand_written(md.read_text(encoding="utf-8"), uri, renderer)
        for uri in sitelangs.untranslated_pages(docs, lang) if folder else []:
            hand_written((docs / uri).read_text(encoding="utf-8"), folder + uri, renderer, True)
        times[lang] = time.perf_counter() - start
    return count


def _builds(data: Path, work: Path, runs: int, page: str) -> dict[str, Any]:
    """Full and static builds, alternated in each run; ratios within each run."""
    twin = benchbuild.static_twin(data, work / "twin")
    per_run = []
    for _ in range(runs):
        full = benchbuild.run_build(
            paths.ROOT / "mkdocs.yml", work / "site", {"KB_DATA": str(data)}
        )
        static = benchbuild.run_twin(twin, work / "twin" / "static-site")
        per_run.append((full, static))
    full, static = min(per_run, key=lambda pair: pair[0].seconds)
    return {
        "build_s": round(min(f.seconds for f, _ in per_run), 2),
        "static_s": round(min(s.seconds for _, s in per_run), 2),
        "full_over_static": round(full.seconds / static.seconds, 2),
        "cpu_over_static": round(full.cpu_s / static.cpu_s, 2),
        "ratios": [round(f.seconds / s.seconds, 2) for f, s in per_run],
        "cpu_ratios": [round(f.cpu_s / s.cpu_s, 2) for f, s in per_run],
        "build_cpu_s": round(min(f.cpu_s for f, _ in per_run), 2),
        "page_kb": round(benchbuild.page_kb(full.site, page), 1),
        "site_mb": round(benchbuild.site_size_mb(full.site), 1),
        "peak_mb": round(max(f.peak_mb for f, _ in per_run)),
    }


def measure_size(count: int, work: Path, runs: int) -> dict[str, Any]:
    data = corpus.write(work / f"n{count}" / "data", count)
    result = _cold_check(data)

    def cold_generate() -> int:
        memo.forget_texts()  # no text escaped by an earlier run, as in a build
        return _generate(data, result.records)

    generate, pages = _best(cold_generate, runs)
    row = {
        "installations": count,
        "files": result.files,
        "pages": pages,
        **benchcheck.cold_validate(data, runs),  # a fresh `kb validate`: nothing warm
        "workers": parallel.workers_for(result.files),
        "generate_s": round(generate, 2),
    }
    row |= _builds(data, work / f"n{count}", runs, "bases/b00000")
    return row


def measure_real(work: Path, runs: int) -> dict[str, Any]:
    data = paths.ROOT / "data"

    best: dict[str, float] = {}

    def generate() -> int:
        start = time.perf_counter()
        dates = git.Dates(data, data.parent)  # as `build.load`: git reads while the data is checked
        records = _cold_check(data).records
        times = {"check": time.perf_counter() - start}
        pages = _generate(data, records, times, dates)
        for step, seconds in times.items():
            best[step] = min(best.get(step, float("inf")), seconds)
        return pages

    seconds, pages = _best(generate, runs)
    start = time.process_time()
    generate()
    cpu = time.process_time() - start  # this process only: the check may fork workers
    # The build renders the other languages in child processes beside the default one, each
    # after its own check: with a core each, generation ends after the slowest language.
    slowest = max(best[lang] for lang in languages.LANGUAGES)
    row = {
        "pages": pages,
        "generate_s": round(seconds, 3),
        "generate_cpu_s": round(cpu, 3),
        "generate_steps_s": {step: round(s, 3) for step, s in best.items()},
        "generate_side_by_side_s": round(best["check"] + best["shared"] + slowest, 3),
    }
    return row | _builds(data, work / "real", runs, "bases/incirlik")


def measure_edits(work: Path, edits: int, count: int | None) -> dict[str, Any]:
    """Edit loop at the real size, or on the synthetic root of `count` installations."""
    project = editloop.copy_project(work / f"serve-{count or 'real'}")
    if count is None:
        first, times = editloop.measure(
            project, project / "data" / "bases" / "konya.yaml", "bases/konya/", edits
        )
    else:
        data = work / f"n{count}" / "data"
        first, times = editloop.measure(
            project, data / "bases" / "b00000.yaml", "bases/b00000/", edits, data=data
        )
    return {"first_build_s": round(first, 2), "edits_s": [round(t, 2) for t in times]}


def _warm_regenerate(count: int, work: Path) -> dict[str, float]:
    """What a rebuild under serve spends before MkDocs renders: one file changed, the rest
    remembered; then the model and every page's Markdown."""
    data = work / f"n{count}" / "data"
    MEMO.clear()
    check_root(data, base=data.parent)
    target = data / "bases" / "b00000.yaml"
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("Installation 0 Air Base", "Installation 0 AB"), "utf-8")
    try:
        start = time.perf_counter()
        result = check_root(data, base=data.parent)
        checked = time.perf_counter() - start
        _generate(data, result.records)
        generated = time.perf_counter() - start - checked
    finally:
        target.write_text(original, encoding="utf-8")
    return {"warm_check_s": round(checked, 2), "generate_s": round(generated, 2)}


def budgets(rows: list[dict[str, Any]], real: dict[str, Any], loops: dict[str, Any]) -> list[str]:
    small, big = rows[0], rows[-1]
    b = BUDGETS
    n = big["installations"]
    lines = []

    def verdict(ok: bool, text: str) -> None:
        lines.append(f"{'PASS' if ok else 'FAIL'}  {text}")

    verdict(
        big["validate_s"] <= b["validate_s"],
        f"validate {n} installations: {big['validate_s']} s (budget {b['validate_s']} s)",
    )
    verdict(
        big["full_over_static"] <= b["full_over_static"],
        f"full build / static twin at {n}: {big['full_over_static']} "
        f"(budget {b['full_over_static']})",
    )
    if "cpu_over_static" in big:  # the same run's CPU seconds: steadier on a shared machine
        verdict(
            big["cpu_over_static"] <= b["full_over_static"],
            f"full build / static twin at {n} in CPU seconds: {big['cpu_over_static']} "
            f"(budget {b['full_over_static']})",
        )
    drift = abs(big["page_kb"] / small["page_kb"] - 1)
    verdict(
        drift <= b["page_drift"] and big["page_kb"] < b["page_kb"],
        f"installation page {small['page_kb']} KB at {small['installations']} -> "
        f"{big['page_kb']} KB at {n} ({drift:.1%}; budget 5 % and < {b['page_kb']:g} KB)",
    )
    if len(rows) > 1:
        prev = rows[-2]
        k = n / prev["installations"]
        growth = big["build_s"] / prev["build_s"]
        verdict(
            growth <= b["growth_slack"] * k,
            f"build time {prev['installations']} -> {n}: x{growth:.1f} "
            f"(budget x{b['growth_slack'] * k:g})",
        )
    verdict(
        real["generate_s"] <= b["real_generate_s"],
        f"real data: load, validate and render {real['pages']} pages: {real['generate_s']} s "
        f"(budget {b['real_generate_s']} s)",
    )
    best = min(loops["real"]["edits_s"])
    verdict(
        best <= b["edit_loop_real_s"],
        f"edit loop at the real size: {best} s (budget {b['edit_loop_real_s']} s)",
    )
    return lines


def table(rows: list[dict[str, Any]], real: dict[str, Any]) -> str:
    head = (
        "| data | validate s | generate s | full build s | static build s | full/static | "
        "page KB | site MB | peak MB |\n|---|---|---|---|---|---|---|---|---|\n"
    )
    body = "".join(
        f"| {r['installations']} installations | {r['validate_s']} | {r['generate_s']} | "
        f"{r['build_s']} | {r['static_s']} | {r['full_over_static']} | {r['page_kb']} | "
        f"{r['site_mb']} | {r['peak_mb']} |\n"
        for r in rows
    )
    body += (
        f"| real data/ | {real['generate_s']} (with generation) | - | {real['build_s']} | "
        f"{real['static_s']} | {real['full_over_static']} | {real['page_kb']} | "
        f"{real['site_mb']} | {real['peak_mb']} |\n"
    )
    return head + body


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{_cpu_model()}, {os.cpu_count()} cores ({platform.machine()}), Python "
        f"{platform.python_version()}, load average {load:.1f}, "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n")[0])
    parser.add_argument("sizes", type=int, nargs="*", help="installations (10 100 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (best is kept)")
    parser.add_argument("--big-runs", type=int, default=2, help="runs at 1,000 or more")
    parser.add_argument("--edits", type=int, default=3, help="edits per edit-loop measurement")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or [10, 100, 1000]
    print(f"machine: {machine()}", flush=True)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        work = Path(tmp)
        # The real data first, in a process that has read nothing else, as a build's is:
        # measured after the synthetic corpora, it carried their objects and ran ~10% slower.
        real = measure_real(work, args.runs)
        print(json.dumps({"real": real}), flush=True)
        for count in args.sizes:
            runs = args.big_runs if count >= 1000 else args.runs
            rows.append(measure_size(count, work, runs))
            print(json.dumps(rows[-1]), flush=True)
        loops = {
            "real": measure_edits(work, args.edits, None),
            str(args.sizes[-1]): measure_edits(work, max(1, args.edits - 1), args.sizes[-1]),
        }
        warm = _warm_regenerate(args.sizes[-1], work)
        print(json.dumps({"edit_loop": loops, f"serve_rebuild_{args.sizes[-1]}": warm}))
    print()
    print(table(rows, real))
    big = loops[str(args.sizes[-1])]
    print(
        f"edit loop (save -> page served): real data best {min(loops['real']['edits_s'])} s "
        f"of {loops['real']['edits_s']}; {args.sizes[-1]} installations best "
        f"{min(big['edits_s'])} s of {big['edits_s']}, of which the kb step (warm check "
        f"{warm['warm_check_s']} s + model and Markdown {warm['generate_s']} s) and the rest "
        "MkDocs rebuilding every page"
    )
    print()
    for line in budgets(rows, real, loops):
        print(line)
    print(f"\nmachine at the end: {machine()}")


if __name__ == "__main__":
    main(sys.argv[1:])
