"""Machine-readable downloads: the checked data as JSON, GeoJSON and CSV, byte-identical on
every build of the same data (sorted records, sorted keys, no timestamps).

Exports are made from the validated records, so they carry exactly what the YAML says (both
languages where a text has them) in the shapes the published JSON Schemas describe. No MkDocs
import here: the hook publishes these files and `python -m kb export` writes them to a folder.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, Final

from kb import addresses, jsontext, schema
from kb.loader import Record

FORMATS = ("json", "geojson", "csv")
LICENCE: Final = "CC BY 4.0"
"""The data's licence (as `mkdocs.yml`'s copyright line and the README say)."""
LICENCE_URL: Final = "https://creativecommons.org/licenses/by/4.0/"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def schema_version() -> str:
    """The data format's version, from the schema (`x-version` in common.schema.json)."""
    return str(schema.schema("common.schema.json")["x-version"])


def _dump(value: Any) -> bytes:
    """Indented for people to read, keys sorted: `json.dumps(value, ensure_ascii=False,
    sort_keys=True, indent=2)` and a newline (kb.jsontext writes the same, faster)."""
    return (jsontext.dumps(value) + "\n").encode()


def _by_kind(records: Iterable[Record]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"base": [], "source": [], "actor": [], "overview": []}
    for r in records:
        out[r.kind].append(r.data)
    for items in out.values():
        items.sort(key=lambda d: str(d.get("id", "")))
    return out


def _text(value: Any, lang: str = "en") -> str:
    """A localized text (string or {en, tr}) in one language; '' when absent."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get(lang) or "")
    return str(value) if lang == "en" else ""


def page_path(kind: str, ident: str, lang: str = addresses.DEFAULT_LANGUAGE) -> str:
    """The site path of a record's page in a language (directory URLs, as MkDocs publishes
    them)."""
    return addresses.url(addresses.page(kind, None if kind == "overview" else ident, lang))


def claims(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Every claim with the page it is on, sorted by id."""
    out = []
    for r in records:
        if r.kind in ("base", "overview"):
            for c in r.data.get("claims", []):
                out.append({**c, "page": r.id})
    return sorted(out, key=lambda c: str(c["id"]))


def dataset(records: Iterable[Record]) -> dict[str, Any]:
    kinds = _by_kind(records)
    return {
        "schema_version": schema_version(),
        "licence": LICENCE,
        "bases": kinds["base"],
        "overview": kinds["overview"][0] if kinds["overview"] else None,
        "sources": kinds["source"],
        "actors": kinds["actor"],
    }


def geojson(records: Iterable[Record], site_url: str = "") -> dict[str, Any]:
    """The installations as an RFC 7946 FeatureCollection: WGS 84, [lon, lat], no `crs`."""
    features = []
    for base in _by_kind(records)["base"]:
        loc = base["location"]
        coords = loc.get("coordinates")
        # RFC 7946 3.2: an unlocated feature (no source gives a point) has a null geometry.
        point = (
            {
                "type": "Point",
                "coordinates": [round(float(coords["lon"]), 6), round(float(coords["lat"]), 6)],
            }
            if coords
            else None
        )
        presence = base.get("presence", {})
        present = presence.get("present", [])
        # One true/false column per kind of presence, so GIS tools can style and filter by
        # it (list-valued properties are awkward there); named by the schema's vocabulary.
        flags = {f"present_{v.replace('-', '_')}": v in present for v in _presence_values()}
        features.append(
            {
                "type": "Feature",
                "id": base["id"],
                "geometry": point,
                "properties": {
                    "id": base["id"],
                    "name": _text(base["name"]),
                    "name_tr": _text(base["name"], "tr"),
                    "kind": base["kind"],
                    "province": _text(loc["province"]),
                    "province_tr": _text(loc["province"], "tr"),
                    "status": presence.get("status"),
                    "present": presence.get("present", []),
                    "roles": presence.get("roles", []),
                    "certainty": presence.get("certainty"),
                    "claims": len(base.get("claims", [])),
                    "url": site_url + page_path("base", base["id"]),
                    "url_tr": site_url + page_path("base", base["id"], "tr"),
                    **flags,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _presence_values() -> list[str]:
    return [v for v, _ in schema.vocabulary(schema.enum_node("presence-who"))]


def cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading formula character is quoted."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    # UTF-8 with a byte-order mark: spreadsheets then read Turkish letters correctly.
    return ("\ufeff" + buffer.getvalue()).encode()


def csv_files(records: list[Record], site_url: str = "") -> dict[str, bytes]:
    kinds = _by_kind(records)
    bases = [
        [
            b["id"],
            _text(b["name"]),
            _text(b["name"], "tr"),
            b["kind"],
            _text(b["location"]["province"]),
            _text(b["location"]["province"], "tr"),
            b["location"].get("coordinates", {}).get("lat", ""),
            b["location"].get("coordinates", {}).get("lon", ""),
            b.get("presence", {}).get("status", ""),
            " ".join(b.get("presence", {}).get("present", [])),
            " ".join(b.get("presence", {}).get("roles", [])),
            b.get("presence", {}).get("since", ""),
            b.get("presence", {}).get("until", ""),
            b.get("presence", {}).get("certainty", ""),
            len(b.get("claims", [])),
            site_url + page_path("base", b["id"]),
        ]
        for b in kinds["base"]
    ]
    claim_rows = [
        [
            c["id"],
            c["page"],
            c["status"],
            _text(c["text"]),
            _text(c["text"], "tr"),
            " ".join(dict.fromkeys(a["actor"] for a in c["claimed_by"])),
            min(str(a["date"]) for a in c["claimed_by"]),
            c.get("reviewed", ""),
            _text(c.get("summary")),
            _text(c.get("summary"), "tr"),
            _text(c.get("assessment")),
            _text(c.get("assessment"), "tr"),
        ]
        for c in claims(records)
    ]
    sources = [
        [
            s["id"],
            s["title"],
            s["publisher"],
            s.get("issued_by", ""),
            s["published"],
            s["language"],
            s["kind"],
            s["url"],
            s.get("archive_url", ""),
        ]
        for s in kinds["source"]
    ]
    return {
        addresses.export("installations", "csv"): _csv(
            [
                "id",
                "name",
                "name_tr",
                "kind",
                "province",
                "province_tr",
                "lat",
                "lon",
                "status",
                "present",
                "roles",
                "since",
                "until",
                "certainty",
                "claims",
                "url",
            ],
            bases,
        ),
        addresses.export("claims", "csv"): _csv(
            [
                "id",
                "page",
                "status",
                "text",
                "text_tr",
                "actors",
                "first_claimed",
                "reviewed",
                "summary",
                "summary_tr",
                "assessment",
                "assessment_tr",
            ],
            claim_rows,
        ),
        addresses.export("sources", "csv"): _csv(
            [
                "id",
                "title",
                "publisher",
                "issued_by",
                "published",
                "language",
                "kind",
                "url",
                "archive_url",
            ],
            sources,
        ),
    }


def json_files(records: list[Record]) -> dict[str, bytes]:
    kinds = _by_kind(records)
    # Each record is encoded once, for its own file, and that text goes into the dataset.
    texts = {id(data): jsontext.dumps(data) for items in kinds.values() for data in items}
    out = {}
    for kind in addresses.RECORD_FOLDERS:
        for data in kinds[kind]:
            out[addresses.record_json(kind, data["id"])] = (texts[id(data)] + "\n").encode()
    if kinds["overview"]:
        text = texts[id(kinds["overview"][0])]
        out[addresses.record_json("overview", "overview")] = (text + "\n").encode()
    whole = dataset(records)
    for key in ("bases", "sources", "actors"):
        whole[key] = [jsontext.Encoded(texts[id(data)]) for data in whole[key]]
    if whole["overview"] is not None:
        whole["overview"] = jsontext.Encoded(texts[id(whole["overview"])])
    out[addresses.export("dataset")] = _dump(whole)
    out[addresses.export("claims")] = _dump(
        {"schema_version": schema_version(), "claims": claims(records)}
    )
    for name in schema.SCHEMA_FILES.values():
        out[addresses.export(f"schema/{name.removesuffix('.json')}")] = _dump(schema.schema(name))
    out[addresses.export("schema/common.schema")] = _dump(schema.schema("common.schema.json"))
    return out


def files(
    records: list[Record], formats: Iterable[str] = FORMATS, site_url: str = ""
) -> dict[str, bytes]:
    """Every export file of the given formats: site path -> bytes, in sorted order."""
    out: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "json":
            out.update(json_files(records))
        elif fmt == "geojson":
            out[addresses.export("installations", "geojson")] = _dump(geojson(records, site_url))
        elif fmt == "csv":
            out.update(csv_files(records, site_url))
        else:
            raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return dict(sorted(out.items()))
