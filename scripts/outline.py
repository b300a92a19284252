"""Make `scripts/kb/assets/turkey.json`, the country outline the maps are drawn from.

Run once by hand when the outline should change; the output is committed, so builds never
fetch anything. Input: `countries-50m.json` from the npm package `world-atlas` 2.0.2 (a
TopoJSON redistribution of Natural Earth 4.1.0 Admin 0 boundaries, 1:50m; Natural Earth is in
the public domain). Usage:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/outline.py package/countries-50m.json

The polygons are decoded from TopoJSON arcs, simplified with Douglas-Peucker (tolerance
0.02 degrees, about 2 km) and rounded to 0.01 degrees: a few kilobytes.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "kb" / "assets" / "turkey.json"
TURKEY = "792"  # ISO 3166-1 numeric
TOLERANCE = 0.02
SMALLEST = 0.05  # square degrees: islets below this are dropped


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(arc[1:] if ring else arc)
    return ring


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-12
        best, index = 0.0, None
        for i in range(first + 1, last):
            x0, y0 = points[i]
            d = abs((y2 - y1) * x0 - (x2 - x1) * y0 + x2 * y1 - y2 * x1) / length
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))) / 2


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    (geometry,) = [
        g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == TURKEY
    ]
    rings = []
    for polygon in geometry["arcs"]:
        outer = _ring(arcs, polygon[0])  # holes: Turkey has none at this scale
        if _area(outer) < SMALLEST:
            continue
        # A closed ring has no chord to measure from: split it at its farthest point.
        x0, y0 = outer[0]
        far = max(range(len(outer)), key=lambda i: math.hypot(outer[i][0] - x0, outer[i][1] - y0))
        simple = _simplify(outer[: far + 1], TOLERANCE) + _simplify(outer[far:], TOLERANCE)[1:]
        rings.append([[round(x, 2), round(y, 2)] for x, y in simple])
    doc = {
        "source": "Natural Earth 4.1.0 Admin 0 countries, 1:50m, via the npm package "
        "world-atlas 2.0.2 (countries-50m.json, id 792)",
        "licence": "Natural Earth: public domain (https://www.naturalearthdata.com/about/"
        "terms-of-use/); world-atlas: ISC",
        "processing": f"Douglas-Peucker, tolerance {TOLERANCE} degrees; islets under "
        f"{SMALLEST} square degrees dropped; rounded to 0.01 degrees (scripts/outline.py)",
        "rings": rings,
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rings)} rings, {sum(map(len, rings))} points, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
