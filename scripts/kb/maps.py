"""The maps a page shows, from the model: which installations get a marker, how each is styled
(who is present; active, former or unclear) and which have no sourced point and are listed instead.

`geomap` draws; this module decides what to draw in one language. Nothing is guessed: an
installation without coordinates in its data is never placed on a map.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from kb import geomap, schema
from kb.i18n.language import Language
from kb.model import Base, Corpus

Href = Callable[[Base], str]
"""The link from the page being rendered to an installation's page."""


def located(corpus: Corpus) -> list[Base]:
    """Installations with a sourced point, in the corpus order."""
    return [b for b in corpus.bases.values() if _point(b) is not None]


def unlocated(corpus: Corpus) -> list[Base]:
    """Installations no source gives a point for: listed beside the map, never guessed."""
    return [b for b in corpus.bases.values() if _point(b) is None]


def _point(base: Base) -> tuple[float, float] | None:
    loc = base.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return loc.lat, loc.lon


def marker(base: Base, href: str, language: Language) -> geomap.Marker:
    point = _point(base)
    if point is None:
        raise ValueError(f"installation {base.id!r} has no coordinates to put on a map")
    who = schema.labels("presence-who", language.code)
    present = base.presence.present if base.presence else ()
    status = base.presence.status if base.presence else "active"
    words = ", ".join(who.get(p, p) for p in present) or language.string("not-recorded")
    label = language.string(f"marker-{status}").format(present=words)
    return geomap.Marker(
        base.id,
        base.name.get(language.code),
        point[0],
        point[1],
        href,
        tuple(present) or ("none",),
        label,
        former=status == "former",
        unclear=status == "unclear",
    )


def legend(language: Language) -> geomap.Legend:
    who = schema.labels("presence-who", language.code)
    return geomap.Legend(
        parties=tuple((value, who.get(value, value)) for value, _ in _who()),
        active=language.string("legend-active"),
        former=language.string("legend-former"),
        shared=language.string("legend-shared"),
        moved=language.string("legend-moved"),
        unclear=language.string("legend-unclear"),
    )


def _who() -> list[tuple[str, str]]:
    return schema.vocabulary(schema.enum_node("presence-who"))


def country(corpus: Corpus, href: Href, language: Language) -> Markup:
    """The country map with every located installation, or nothing when none is located."""
    bases = located(corpus)
    if not bases:
        return Markup("")
    markers = [marker(b, href(b), language) for b in bases]
    return geomap.country_map(markers, language.string("map-title"), legend(language))


def locator(base: Base, language: Language) -> Markup:
    """The small map on an installation's page, or nothing when it has no sourced point."""
    if _point(base) is None:
        return Markup("")
    title = language.string("locator-title").format(name=base.name.get(language.code))
    return geomap.locator_map(marker(base, "./", language), title)
