"""SVG maps of Turkey drawn at build time: no tiles, no script, no request to another host.

The projection is equirectangular with the x axis scaled by cos(39°), the latitude of the
country's middle, so shapes look right at this size: x = (lon - WEST) * cos(39°) * k,
y = (NORTH - lat) * k. The outline is Natural Earth's (public domain), simplified by
`scripts/outline.py` into `assets/turkey.json` with its provenance.

Every text put into the SVG (names, labels) is escaped: data is text, never markup. Marker
links use `xlink:href`: Material's instant navigation reassigns the `href` of every element
that has one, and an SVG link's `href` is read-only, which would stop the theme's script.
"""

from __future__ import annotations

import collections
import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from markupsafe import Markup, escape

from kb import addresses

OUTLINE = Path(__file__).parent / "assets" / "turkey.json"
WEST, EAST, SOUTH, NORTH = 25.5, 45.0, 35.7, 42.3
"""The frame drawn, in degrees: Turkey with a small margin."""
WIDTH = 1000.0
_COS = math.cos(math.radians(39.0))
_K = WIDTH / ((EAST - WEST) * _COS)
HEIGHT = round((NORTH - SOUTH) * _K, 1)
RADIUS = 13.0
"""A marker's radius on the country map (SVG units; the map is WIDTH units wide)."""
MIN_GAP = 2 * RADIUS + 3
"""Markers closer than this (SVG units) are spread apart and tied to their place by a line."""
LOCATOR_RADIUS = 30.0
_DRAW_ORDER = {"former": 0, "unclear": 1, "active": 2}
"""Paler states first, so a marker that says more is never hidden under one that says less."""


@dataclass(frozen=True)
class Marker:
    """One installation on a map."""

    id: str
    name: str
    lat: float
    lon: float
    href: str
    parties: tuple[str, ...]
    """CSS-safe vocabulary values of who is or was present ('us', 'nato'): one wedge each."""
    label: str
    """Who is present and whether it is former or unclear, in words, for the accessible name."""
    former: bool = False
    unclear: bool = False
    """No source says whether the presence continues: neither drawn as active nor as former."""

    @property
    def state(self) -> str:
        """The CSS state name: 'former', 'unclear' or 'active'."""
        return "former" if self.former else "unclear" if self.unclear else "active"


@dataclass(frozen=True)
class Legend:
    """The words of a map's legend, in the page's language."""

    parties: tuple[tuple[str, str], ...]
    """(vocabulary value, label) for each kind of presence, in schema order."""
    active: str
    former: str
    shared: str
    """What a marker split into wedges means."""
    moved: str
    """What a leader line from a small dot to a marker means."""
    unclear: str = ""
    """What the marker of a presence no source says continues or ended looks like."""


def project(lat: float, lon: float) -> tuple[float, float]:
    """SVG coordinates of a point, in the frame WEST..EAST x SOUTH..NORTH."""
    return (round((lon - WEST) * _COS * _K, 1), round((NORTH - lat) * _K, 1))


@cache
def outline() -> dict[str, object]:
    return json.loads(OUTLINE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _outline_path() -> str:
    rings = outline()["rings"]
    assert isinstance(rings, list)
    # Whole units and relative steps: a unit is under a pixel at any width the map is shown,
    # and the path is half the bytes of absolute decimals (it is on every page with a map).
    parts = []
    for ring in rings:
        points: list[tuple[int, int]] = []
        for lon, lat in ring:
            x, y = project(lat, lon)
            point = (round(x), round(y))
            if not points or points[-1] != point:
                points.append(point)
        steps = " ".join(f"{x1 - x0} {y1 - y0}" for (x0, y0), (x1, y1) in pairwise(points))
        parts.append(f"M{points[0][0]},{points[0][1]}l{steps}z")
    return "".join(parts)


def spread(
    points: Sequence[tuple[float, float]], gap: float = MIN_GAP
) -> list[tuple[float, float]]:
    """Positions for markers so that none is closer than `gap` to another. Markers that would
    collide form a cluster laid out on a circle around the cluster's centre, each on the side
    its true place lies (so leader lines do not cross); clusters whose layouts collide merge,
    until no two markers are too close. Deterministic for the same input order."""
    return list(_spread(tuple(points), gap))


@functools.lru_cache(maxsize=8)
def _spread(points: tuple[tuple[float, float], ...], gap: float) -> tuple[tuple[float, float], ...]:
    """`spread`, remembered: every language's home page and installations index draw the same
    markers."""
    clusters: list[list[int]] = [[i] for i in range(len(points))]
    while True:
        placed = _layout(points, clusters, gap)
        owner = {i: n for n, cluster in enumerate(clusters) for i in cluster}
        pair = _first_clash(placed, owner, gap)
        if pair is None:
            return tuple(placed)
        a, b = sorted((owner[pair[0]], owner[pair[1]]))
        clusters[a] = sorted(clusters[a] + clusters[b])
        del clusters[b]


def _first_clash(
    placed: Sequence[tuple[float, float]], owner: dict[int, int], gap: float
) -> tuple[int, int] | None:
    """The first pair (i < j, in index order) of markers of different clusters closer than
    `gap`. Markers are filed in square cells of side `gap`, so only the 3 x 3 cells around a
    marker can hold one that close: linear in the markers, not quadratic (1,000 installations
    made the pairwise search the slowest part of page generation)."""
    cells: dict[tuple[int, int], list[int]] = collections.defaultdict(list)
    for i, (x, y) in enumerate(placed):
        cells[(math.floor(x / gap), math.floor(y / gap))].append(i)
    for i, (x, y) in enumerate(placed):
        cx, cy = math.floor(x / gap), math.floor(y / gap)
        near = [
            j
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for j in cells.get((cx + dx, cy + dy), ())
            if j > i and owner[i] != owner[j] and math.dist(placed[i], placed[j]) < gap
        ]
        if near:
            return i, min(near)
    return None


def _layout(
    points: Sequence[tuple[float, float]], clusters: list[list[int]], gap: float
) -> list[tuple[float, float]]:
    out = list(points)
    for cluster in clusters:
        if len(cluster) < 2:
            continue
        cx = sum(points[i][0] for i in cluster) / len(cluster)
        cy = sum(points[i][1] for i in cluster) / len(cluster)
        # radius so that neighbours on the circle are `gap` apart
        radius = gap / (2 * math.sin(math.pi / len(cluster))) + 0.5
        start = -math.pi / 2

        def bearing(i: int, cx: float = cx, cy: float = cy, start: float = start) -> float:
            x, y = points[i]
            return (math.atan2(y - cy, x - cx) - start) % (2 * math.pi) if (x, y) != (cx, cy) else 0

        for n, i in enumerate(sorted(cluster, key=lambda i: (bearing(i), i))):
            angle = start + 2 * math.pi * n / len(cluster)
            out[i] = (
                round(cx + radius * math.cos(angle), 1),
                round(cy + radius * math.sin(angle), 1),
            )
    return out


def _wedges(parties: Sequence[str], x: float, y: float, r: float) -> str:
    """One filled wedge per kind of presence (a whole disc when there is one)."""
    if len(parties) == 1:
        return f'<circle class="kb-wedge kb-wedge--{parties[0]}" cx="{x:g}" cy="{y:g}" r="{r:g}"/>'
    out = []
    for n, party in enumerate(parties):
        a0 = -math.pi / 2 + 2 * math.pi * n / len(parties)
        a1 = -math.pi / 2 + 2 * math.pi * (n + 1) / len(parties)
        x0, y0 = round(x + r * math.cos(a0), 2), round(y + r * math.sin(a0), 2)
        x1, y1 = round(x + r * math.cos(a1), 2), round(y + r * math.sin(a1), 2)
        out.append(
            f'<path class="kb-wedge kb-wedge--{party}" '
            f'd="M{x:g},{y:g}L{x0:g},{y0:g}A{r:g},{r:g} 0 0 1 {x1:g},{y1:g}Z"/>'
        )
    return "".join(out)


def _symbol(m: Marker, x: float, y: float, r: float) -> str:
    state = m.state
    return (
        f'<g class="kb-symbol kb-symbol--{state}">{_wedges(m.parties, x, y, r)}'
        f'<circle class="kb-marker kb-marker--{state}" cx="{x:g}" cy="{y:g}" r="{r:g}" '
        f'data-lat="{m.lat:g}" data-lon="{m.lon:g}"/></g>'
    )


def _marker(m: Marker, x: float, y: float, true_xy: tuple[float, float], r: float) -> str:
    name = escape(f"{m.name} ({m.label})")
    tie = ""
    if (x, y) != true_xy:
        tie = (
            f'<line class="kb-map-tie" x1="{true_xy[0]:g}" y1="{true_xy[1]:g}" '
            f'x2="{x:g}" y2="{y:g}"/>'
            f'<circle class="kb-map-anchor" cx="{true_xy[0]:g}" cy="{true_xy[1]:g}" r="2.5"/>'
        )
    return (
        f'{tie}<a xlink:href="{escape(m.href)}" aria-label="{name}" data-id="{escape(m.id)}">'
        f"<title>{name}</title>{_symbol(m, x, y, r)}</a>"
    )


def _svg(body: str, title: str, ident: str, role: str) -> str:
    """The drawing. A map with links is a 'group' (an 'img' hides its links from screen
    readers); a map without links is one 'img' with its title as the name."""
    return (
        f'<svg viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="{role}" aria-labelledby="{ident}" '
        f'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f'<title id="{ident}">{escape(title)}</title>'
        f'<path class="kb-map-land" d="{_outline_path()}"/>{body}</svg>'
    )


def country_map(markers: Sequence[Marker], title: str, legend: Legend) -> Markup:
    """The whole country with every marker (former, then unclear ones drawn first, so active
    ones stay on top), and a legend. Nearby markers are spread apart and tied to their true
    places."""
    ordered = sorted(markers, key=lambda m: (_DRAW_ORDER[m.state], -m.lat, m.lon, m.id))
    true = [project(m.lat, m.lon) for m in ordered]
    placed = spread(true)
    ties = [(m, p, t) for m, p, t in zip(ordered, placed, true, strict=True)]
    body = "".join(_marker(m, x, y, t, RADIUS) for m, (x, y), t in ties)
    moved = any(p != t for _, p, t in ties)
    return Markup(
        f'<figure class="kb-map"><div class="kb-map-frame">'
        f"{_svg(body, title, addresses.MAP_TITLE, 'group')}</div>"
        f"{_legend(markers, legend, moved)}</figure>"
    )


def locator_map(marker: Marker, title: str) -> Markup:
    """A small map of the country with one marker, for an installation's page."""
    x, y = project(marker.lat, marker.lon)
    return Markup(
        f'<figure class="kb-map kb-map--locator">'
        f"{_svg(_symbol(marker, x, y, LOCATOR_RADIUS), title, addresses.LOCATOR_TITLE, 'img')}"
        "</figure>"
    )


def _swatch(parties: Sequence[str], state: str) -> str:
    return (
        '<svg viewBox="0 0 24 24" aria-hidden="true" width="16" height="16">'
        f'<g class="kb-symbol kb-symbol--{state}">{_wedges(parties, 12, 12, 9)}'
        f'<circle class="kb-marker kb-marker--{state}" cx="12" cy="12" r="9"/></g></svg>'
    )


def _legend(markers: Sequence[Marker], legend: Legend, moved: bool) -> str:
    """Only what the map shows: the kinds of presence on it, and each state that occurs."""
    shown = {p for m in markers for p in m.parties}
    items = [
        f"<li>{_swatch([value], 'active')} {escape(label)}</li>"
        for value, label in legend.parties
        if value in shown
    ]
    states = {m.state for m in markers}
    neutral = ["none"]  # grey: the states say nothing about who is present
    words = {"active": legend.active, "unclear": legend.unclear, "former": legend.former}
    for state, text in words.items():
        if state in states:
            items.append(f"<li>{_swatch(neutral, state)} {escape(text)}</li>")
    if any(len(m.parties) > 1 for m in markers):
        both = [v for v, _ in legend.parties if v in shown][:2]
        items.append(f"<li>{_swatch(both, 'active')} {escape(legend.shared)}</li>")
    if moved:
        items.append(
            '<li><svg viewBox="0 0 24 24" aria-hidden="true" width="16" height="16">'
            '<line class="kb-map-tie" x1="3" y1="21" x2="15" y2="9"/>'
            '<circle class="kb-map-anchor" cx="3" cy="21" r="2.5"/>'
            f'<circle class="kb-marker kb-marker--active" cx="15" cy="9" r="6"/></svg> '
            f"{escape(legend.moved)}</li>"
        )
    return f'<figcaption><ul class="kb-map-legend">{"".join(items)}</ul></figcaption>'
