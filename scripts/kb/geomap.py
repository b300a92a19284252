"""SVG maps of Turkey drawn at build time: no tiles, no script, no request to another host.

The projection is equirectangular with the x axis scaled by cos(39°), the latitude of the
country's middle, so shapes look right at this size: x = (lon - WEST) * cos(39°) * k,
y = (NORTH - lat) * k. The outline is Natural Earth's (public domain), simplified by
`scripts/outline.py` into `assets/turkey.json` with its provenance.

Every text put into the SVG (names, labels) is escaped: data is text, never markup.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

OUTLINE = Path(__file__).parent / "assets" / "turkey.json"
WEST, EAST, SOUTH, NORTH = 25.5, 45.0, 35.7, 42.3
"""The frame drawn, in degrees: Turkey with a small margin."""
WIDTH = 1000.0
_COS = math.cos(math.radians(39.0))
_K = WIDTH / ((EAST - WEST) * _COS)
HEIGHT = round((NORTH - SOUTH) * _K, 1)
MIN_GAP = 14.0
"""Markers closer than this (SVG units) are spread apart and tied to their place by a line."""


@dataclass(frozen=True)
class Marker:
    """One installation on a map."""

    id: str
    name: str
    lat: float
    lon: float
    href: str
    category: str
    """A CSS-safe vocabulary value that styles the marker (e.g. 'us', 'nato')."""
    label: str
    """What the category means, in words, for the accessible name and the legend."""
    former: bool = False


def project(lat: float, lon: float) -> tuple[float, float]:
    """SVG coordinates of a point, in the frame WEST..EAST x SOUTH..NORTH."""
    return (round((lon - WEST) * _COS * _K, 1), round((NORTH - lat) * _K, 1))


@cache
def outline() -> dict[str, object]:
    return json.loads(OUTLINE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _outline_path() -> str:
    rings = outline()["rings"]
    assert isinstance(rings, list)
    parts = []
    for ring in rings:
        points = [project(lat, lon) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts)


def spread(
    points: Sequence[tuple[float, float]], gap: float = MIN_GAP
) -> list[tuple[float, float]]:
    """Positions for markers so that none is closer than `gap` to another: each cluster of
    nearby points is laid out on a small circle around its centre, in a stable order."""
    clusters: list[list[int]] = []
    for i, (x, y) in enumerate(points):
        for cluster in clusters:
            if any(math.dist((x, y), points[j]) < gap for j in cluster):
                cluster.append(i)
                break
        else:
            clusters.append([i])
    out = list(points)
    for cluster in clusters:
        if len(cluster) < 2:
            continue
        cx = sum(points[i][0] for i in cluster) / len(cluster)
        cy = sum(points[i][1] for i in cluster) / len(cluster)
        # radius so that neighbours on the circle are `gap` apart
        radius = max(gap, gap / (2 * math.sin(math.pi / len(cluster))))
        for n, i in enumerate(cluster):
            angle = -math.pi / 2 + 2 * math.pi * n / len(cluster)
            out[i] = (
                round(cx + radius * math.cos(angle), 1),
                round(cy + radius * math.sin(angle), 1),
            )
    return out


def _marker(m: Marker, x: float, y: float, true_xy: tuple[float, float], r: float) -> str:
    name = escape(f"{m.name} ({m.label}{', former' if m.former else ''})")
    state = "former" if m.former else "active"
    tie = ""
    if (x, y) != true_xy:
        tie = (
            f'<line class="kb-map-tie" x1="{true_xy[0]:g}" y1="{true_xy[1]:g}" '
            f'x2="{x:g}" y2="{y:g}"/>'
        )
    shape = (
        f'<circle class="kb-marker kb-marker--{m.category} kb-marker--{state}" '
        f'cx="{x:g}" cy="{y:g}" r="{r:g}" data-lat="{m.lat:g}" data-lon="{m.lon:g}"/>'
    )
    return (
        f'{tie}<a href="{escape(m.href)}" aria-label="{name}" data-id="{escape(m.id)}">'
        f"<title>{name}</title>{shape}</a>"
    )


def country_map(markers: Sequence[Marker], title: str) -> Markup:
    """The whole country with every marker, and a legend of the categories shown."""
    ordered = sorted(markers, key=lambda m: (m.lat, m.lon, m.id))
    true = [project(m.lat, m.lon) for m in ordered]
    placed = spread(true)
    body = "".join(
        _marker(m, x, y, t, 6) for m, (x, y), t in zip(ordered, placed, true, strict=True)
    )
    legend = _legend(markers)
    return Markup(
        f'<figure class="kb-map"><svg viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="img" '
        f'aria-labelledby="kb-map-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="kb-map-title">{escape(title)}</title>'
        f'<path class="kb-map-land" d="{_outline_path()}"/>{body}</svg>'
        f"{legend}</figure>"
    )


def locator_map(marker: Marker, title: str) -> Markup:
    """A small map of the country with one marker, for an installation's page."""
    x, y = project(marker.lat, marker.lon)
    name = escape(title)
    state = "former" if marker.former else "active"
    return Markup(
        f'<figure class="kb-map kb-map--locator"><svg viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
        f'role="img" aria-label="{name}" xmlns="http://www.w3.org/2000/svg">'
        f'<path class="kb-map-land" d="{_outline_path()}"/>'
        f'<circle class="kb-marker kb-marker--{marker.category} kb-marker--{state}" '
        f'cx="{x:g}" cy="{y:g}" r="14" data-lat="{marker.lat:g}" data-lon="{marker.lon:g}"/>'
        f"</svg></figure>"
    )


def _legend(markers: Sequence[Marker]) -> str:
    seen: dict[tuple[str, bool], str] = {}
    for m in sorted(markers, key=lambda m: (m.former, m.category)):
        seen.setdefault((m.category, m.former), m.label)
    items = "".join(
        f'<li><svg viewBox="0 0 20 20" aria-hidden="true" width="14" height="14">'
        f'<circle class="kb-marker kb-marker--{cat} kb-marker--{"former" if former else "active"}"'
        f' cx="10" cy="10" r="7"/></svg> {escape(label)}{", former" if former else ""}</li>'
        for (cat, former), label in seen.items()
    )
    return f'<figcaption><ul class="kb-map-legend">{items}</ul></figcaption>'
