"""Coordinates are finite numbers inside Turkey's bounding box."""

from __future__ import annotations

import math

from kb.issues import Issue
from kb.rules.context import Context

NAME = "geo"
LAT = (35.8, 42.2)
LON = (25.6, 44.9)


def _inside(lat: float, lon: float) -> bool:
    return LAT[0] <= lat <= LAT[1] and LON[0] <= lon <= LON[1]


def check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for record in ctx.each():
        coords = record.data.get("location", {}).get("coordinates")
        if not isinstance(coords, dict):
            continue
        lat, lon = coords.get("lat"), coords.get("lon")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            continue
        path = ("location", "coordinates")
        if not (math.isfinite(lat) and math.isfinite(lon)):
            found.append(record.issue(path, NAME, "coordinates must be finite numbers"))
        elif not _inside(lat, lon):
            hint = (
                "; latitude and longitude look swapped"
                if _inside(lon, lat)
                else f"; Turkey lies within lat {LAT[0]}–{LAT[1]}, lon {LON[0]}–{LON[1]}"
            )
            found.append(
                record.issue(path, NAME, f"coordinates ({lat}, {lon}) are outside Turkey{hint}")
            )
    return found
