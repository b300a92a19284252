"""A Turkish text identical to its English one is probably not a translation: a warning.

Names, short names and short texts are left alone, since names of places and organisations
are often the same in both languages ("Konya", "Peoples Dispatch", "NATO Rapid Deployable
Corps Türkiye", "TKP"); from four words on, other identical texts are reported.
"""

from __future__ import annotations

from kb import schema
from kb.issues import Issue, Level
from kb.rules.context import Context

NAME = "translations"
MIN_WORDS = 4
NAMES = frozenset({"name", "short", "title"})


def check(ctx: Context) -> list[Issue]:
    keys = schema.keys_of_type("text") - NAMES
    found: list[Issue] = []
    for record in ctx.each():
        for path, key, value, _ in ctx.under(record, keys):
            if not isinstance(value, dict):
                continue
            en, tr = value.get("en"), value.get("tr")
            if isinstance(en, str) and en == tr and len(en.split()) >= MIN_WORDS:
                found.append(
                    record.issue(
                        (*path, key, "tr"),
                        NAME,
                        f"the Turkish text of '{key}' is the same as the English; "
                        "translate it, or delete 'tr' until it is translated",
                        Level.WARNING,
                    )
                )
    return found
