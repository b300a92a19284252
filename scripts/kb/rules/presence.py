"""Presence fields tell a consistent story, and no installation is listed twice.

A former presence needs an end (a date, or 'unknown' so the gap stays visible); an active one
has none, and neither has an unclear one (no source says whether, or when, it ended). Two
installations closer than `MIN_DISTANCE_M` are most likely one site entered twice, unless one
names the other in `location.shares_site_with` (a NATO unit inside a Turkish base).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from kb.issues import Issue
from kb.loader import Record
from kb.rules.context import Context

NAME = "presence"
MIN_DISTANCE_M = 300.0
_EARTH_RADIUS_M = 6_371_000.0


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _point(record: Record) -> tuple[float, float] | None:
    coords = record.data.get("location", {}).get("coordinates")
    if not isinstance(coords, dict):
        return None
    lat, lon = coords.get("lat"), coords.get("lon")
    if not (isinstance(lat, int | float) and isinstance(lon, int | float)):
        return None
    if math.isfinite(lat) and math.isfinite(lon):
        return (float(lat), float(lon))
    return None


def _shares(record: Record) -> list[Any]:
    value = record.data.get("location", {}).get("shares_site_with", [])
    return value if isinstance(value, list) else []


def _status(record: Record) -> list[Issue]:
    presence = record.data.get("presence")
    if not isinstance(presence, dict):
        return []
    status, until = presence.get("status"), presence.get("until")
    if status == "former" and until is None:
        return [
            record.issue(
                ("presence", "status"),
                NAME,
                "a former presence needs 'until': the date it ended, or 'unknown' "
                "when no source says",
            )
        ]
    if status == "active" and until is not None:
        return [
            record.issue(
                ("presence", "until"),
                NAME,
                "an active presence has no 'until'; set 'status: former' if it has ended",
            )
        ]
    if status == "unclear" and until is not None:
        return [
            record.issue(
                ("presence", "until"),
                NAME,
                "an unclear presence has no 'until': no source says it ended; remove 'until', "
                "or set 'status: former' if a source gives the end",
            )
        ]
    return []


def _site_refs(record: Record, bases: dict[str, Record]) -> list[Issue]:
    found: list[Issue] = []
    for i, other in enumerate(_shares(record)):
        path = ("location", "shares_site_with", i)
        if other == record.id:
            found.append(record.issue(path, NAME, "an installation cannot share its own site"))
        elif isinstance(other, str) and other not in bases:
            found.append(
                record.issue(path, NAME, f"no installation '{other}' in data/bases/; check the id")
            )
    return found


def _neighbours(points: list[tuple[Record, tuple[float, float]]]) -> Iterator[tuple[int, int]]:
    """Index pairs of points in the same or adjacent grid cells (cells wider than the limit),
    so the check stays near-linear for large corpora instead of comparing every pair."""
    cell = 0.01  # degrees: about 1.1 km of latitude, more than MIN_DISTANCE_M anywhere in Turkey
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (_, (lat, lon)) in enumerate(points):
        grid[(int(lat // cell), int(lon // cell))].append(i)
    for (gy, gx), members in grid.items():
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for j in grid.get((gy + dy, gx + dx), ()):
                    for i in members:
                        if i < j:
                            yield i, j


def _too_close(bases: dict[str, Record]) -> list[Issue]:
    found: list[Issue] = []
    points = [(r, p) for r in bases.values() if (p := _point(r)) is not None]
    for i, j in sorted(set(_neighbours(points))):
        (a, pa), (b, pb) = points[i], points[j]
        metres = distance_m(pa, pb)
        if metres >= MIN_DISTANCE_M or b.id in _shares(a) or a.id in _shares(b):
            continue
        found.append(
            a.issue(
                ("location", "coordinates"),
                NAME,
                f"'{a.id}' is {metres:.0f} m from '{b.id}' (closer than {MIN_DISTANCE_M:.0f} m): "
                f"if they are one site entered twice, merge them; if they share a site, add "
                f"'shares_site_with: [{b.id}]' under location",
            )
        )
    return found


def _counts(ctx: Context) -> list[Issue]:
    """Each count on the overview points at a claim or fact that exists."""
    overviews = [r for r in ctx.by_kind["overview"].values() if r.data.get("counts")]
    if not overviews:
        return []
    statements = {
        item.get("id")
        for r in ctx.records
        for section in ("claims", "facts")
        for item in r.data.get(section, [])
        if isinstance(item, dict)
    }
    found: list[Issue] = []
    for record in overviews:
        for i, count in enumerate(record.data.get("counts", [])):
            ref = count.get("statement") if isinstance(count, dict) else None
            if isinstance(ref, str) and ref not in statements:
                found.append(
                    record.issue(
                        ("counts", i, "statement"),
                        NAME,
                        f"no claim or fact with id '{ref}'; name the claim or fact that "
                        "records this count",
                    )
                )
    return found


def check(ctx: Context) -> list[Issue]:
    bases = ctx.by_kind["base"]
    found: list[Issue] = []
    for record in bases.values():
        found += _status(record)
        found += _site_refs(record, bases)
    found += _too_close(bases)
    found += _counts(ctx)
    return found
