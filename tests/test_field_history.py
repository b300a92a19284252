"""Corrections of an installation's names, location, presence and host units: the schema,
the history rule's field checks, a host that ended at an unknown date, and the corrections
log in both languages (fixture corpus and the real data)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from alphabase import alpha, corrections_log, history, load

from kb import build, paths
from kb.model import Corpus
from kb.render import Renderer


def _alpha(host: str = "", **parts: str) -> str:
    """The fixture installation with history lines added to its parts, and a host unit."""
    return alpha(host=host, **parts)


VALID_ENTRIES = {
    "presence": history(
        2,
        "{date: 2026-01-01, field: since, previous_date: '1954', reason: Start re-dated.}",
        "{date: 2026-02-01, field: certainty, previous_text: reported, reason: Confirmed.}",
        "{date: 2026-03-01, field: roles, previous_text: 'radar, fuel', reason: Narrowed.}",
        "{date: 2026-04-01, field: until, previous_text: unknown, reason: Ended.}",
    ),
    "location": history(
        2,
        "{date: 2026-01-02, field: coordinates, previous_text: '37.1, 35.5', reason: Moved.}",
        "{date: 2026-01-03, field: place, previous_text: Near Adana., reason: Narrowed.}",
    ),
    "names": history(
        0, "{date: 2026-01-04, field: name, previous_text: Alfa Base, reason: Spelt.}"
    ),
    "host": history(4, "{date: 2026-01-05, field: until, reason: The squadron left.}"),
}


def _log(corpus: Corpus, lang: str = "en") -> list[str]:
    snippet = corrections_log(corpus, lang)
    return [line for line in snippet.splitlines() if line.startswith(("**", "- "))]


# schema and rules ----------------------------------------------------------------------------


def test_history_is_accepted_on_presence_location_names_and_hosts(check) -> None:
    text = _alpha(**VALID_ENTRIES, until="    until: unknown\n")
    assert check({"bases/alpha.yaml": text}) == []


@pytest.mark.parametrize(
    ("part", "entry", "message"),
    [
        (
            "presence",
            "{date: 2026-01-01, previous_text: Old., reason: X.}",
            "name the corrected field: add 'field' (status, present, allies, roles, operated_by, "
            "since, until, certainty, note)",
        ),
        (
            "presence",
            "{date: 2026-01-01, field: unit, previous_text: Old., reason: X.}",
            "'unit' is not a field here; write one of status, present",
        ),
        (
            "names",
            "{date: 2026-01-01, field: place, previous_text: Old., reason: X.}",
            "'place' is not a field here; write one of name, aliases",
        ),
        (
            "location",
            "{date: 2026-01-01, field: place, previous_date: '1990', reason: X.}",
            "'place' is not a date; write what it was in previous_text",
        ),
        (
            "host",
            "{date: 2026-01-01, field: until, previous_end: '1990', reason: X.}",
            "previous_end is for events; write the end date in previous_date",
        ),
        (
            "presence",
            "{date: 2026-01-01, field: since, previous_text: sometime, reason: X.}",
            "a previous 'since' is a date (write it in previous_date) or 'unknown', not 'sometime'",
        ),
        (
            "presence",
            "{date: 2026-01-01, field: certainty, previous_text: rumoured, reason: X.}",
            "'rumoured' is not a value of 'certainty'",
        ),
        (
            "presence",
            "{date: 2026-01-01, field: roles, previous_text: 'radar, lasers', reason: X.}",
            "'lasers' is not a value of 'roles'",
        ),
    ],
    ids=[
        "no field",
        "field of another part",
        "names have no place",
        "date on a text field",
        "previous_end on a host",
        "since not a date",
        "certainty not in the vocabulary",
        "one role not in the vocabulary",
    ],
)
def test_field_history_rule_cases(check, part: str, entry: str, message: str) -> None:
    indent = {"presence": 2, "location": 2, "names": 0, "host": 4}[part]
    text = _alpha(**{part: history(indent, entry)})
    issues = check({"bases/alpha.yaml": text})
    line = text.splitlines().index(" " * indent + "  - " + entry) + 1
    assert [i for i in issues if message in i], issues
    assert all(
        re.match(rf"data/bases/alpha\.yaml:{line}:\d+: error \[history\] ", i) for i in issues
    ), issues


def test_field_history_is_oldest_first_and_facts_name_no_field(check) -> None:
    host = history(
        4,
        "{date: 2026-03-01, field: unit, previous_text: Old., reason: X.}",
        "{date: 2026-01-01, field: since, previous_date: '1961', reason: Y.}",
    )
    issues = check({"bases/alpha.yaml": _alpha(host=host)})
    assert any(
        "history entry dated 2026-01-01 comes after one dated 2026-03-01" in i for i in issues
    )
    fact = history(4, "{date: 2026-01-01, field: place, previous_text: Old., reason: X.}")
    issues = check({"bases/alpha.yaml": _alpha(fact=fact)})
    assert any("[history] 'field' names a corrected field" in i for i in issues), issues


def test_a_host_until_is_a_date_or_unknown(check) -> None:
    assert check({"bases/alpha.yaml": _alpha(until="    until: unknown\n")}) == []
    text = _alpha(until="    until: later\n")
    line = text.splitlines().index("    until: later") + 1
    issues = check({"bases/alpha.yaml": text})
    assert any(i.startswith(f"data/bases/alpha.yaml:{line}:") and "[schema]" in i for i in issues)


# rendering ----------------------------------------------------------------------------------


def _host_row(corpus: Corpus, lang: str) -> str:
    page = next(
        g.body for g in Renderer(corpus, lang=lang).pages() if g.uri.endswith("bases/alpha.md")
    )
    return next(line for line in page.splitlines() if "A US squadron" in line)


def test_a_host_that_ended_at_an_unknown_date_says_so_in_both_languages(tmp_path: Path) -> None:
    ended = load(tmp_path / "a", _alpha(until="    until: unknown\n"))
    assert "since 1960; ended, date unknown" in _host_row(ended, "en")
    assert "sona erdi, tarihi bilinmiyor" in _host_row(ended, "tr")
    dated = load(tmp_path / "b", _alpha(until="    until: '1970'\n"))
    assert "since 1960 until 1970" in _host_row(dated, "en")
    present = _host_row(load(tmp_path / "c", _alpha()), "en")
    assert "since 1960" in present and "ended" not in present and "until" not in present


def test_the_corrections_log_names_the_installation_and_the_field(tmp_path: Path) -> None:
    corpus = load(tmp_path, _alpha(**VALID_ENTRIES))
    kinds = [(c.kind, c.change.field) for c in corpus.corrections]
    assert kinds[0] == ("presence", "until") and ("host", "until") in kinds
    log = _log(corpus)
    presence = "- Presence at [Alpha Air Base](bases/alpha.md#presence): "
    assert f"{presence}end date corrected; it was unknown." in log
    assert f"{presence}roles corrected; it was Radar, Fuel." in log
    assert f"{presence}how sure corrected; it was Reported." in log
    assert f"{presence}start date corrected; it was 1954." in log
    assert (
        "- Host unit [A US squadron](bases/alpha.md#location) at [Alpha Air Base](bases/alpha.md):"
        " end date added; none was given before." in log
    )
    assert (
        "- Location of [Alpha Air Base](bases/alpha.md#location): coordinates corrected; "
        "it was 37.1, 35.5." in [line.replace("\\", "") for line in log]
    )
    name = next(line for line in log if "#title" in line)
    assert name.startswith("- [Alpha Air Base](bases/alpha.md#title): name corrected.")
    assert '<q class="kb-quote" lang="en">Alfa Base</q>' in name
    assert len([line for line in log if line.startswith("- ")]) == 8
    tr = _log(corpus, "tr")
    assert (
        "- [Alfa Hava Üssü](bases/alpha.md#presence), varlık: kesinlik düzeltildi; önceki değeri: Haberlerde."
        in tr
    )
    assert (
        "- [Alfa Hava Üssü](bases/alpha.md), birlik: [A US squadron](bases/alpha.md#location): "
        "bitiş tarihi eklendi; önceden verilmemişti." in tr
    )


# the real data --------------------------------------------------------------------------------


def _raw_histories(data: dict[str, Any]) -> int:
    """How many history entries a data file holds, wherever they are."""
    if isinstance(data, dict):
        own = len(data["history"]) if isinstance(data.get("history"), list) else 0
        return own + sum(_raw_histories(v) for k, v in data.items() if k != "history")
    if isinstance(data, list):
        return sum(_raw_histories(v) for v in data)
    return 0


def test_every_recorded_correction_in_the_data_is_in_the_log() -> None:
    loaded = build.load(paths.DATA)
    files = [*sorted((paths.DATA / "bases").glob("*.yaml")), paths.DATA / "overview.yaml"]
    raw = sum(_raw_histories(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in files)
    assert len(loaded.corpus.corrections) == raw
    fields = [c for c in loaded.corpus.corrections if c.change.field and c.kind != "claim"]
    assert {c.kind for c in fields} == {"name", "location", "presence", "host"}
    en = "\n".join(_log(loaded.corpus))
    tr = "\n".join(_log(loaded.corpus, "tr"))
    # the corrections the brief names, each with its installation and field in both languages
    for page, en_line, tr_line in (
        ("patriot-gaziantep", "start date corrected; it was 15 February 2013", "başlangıç tarihi"),
        ("sinop-diogenes-station", "end date added", "bitiş tarihi eklendi"),
        ("diyarbakir-air-base", "start date corrected; it was September 2015", "Eylül 2015"),
        ("malatya-erhac-air-base", "how sure corrected; it was Reported", "kesinlik düzeltildi"),
        ("landcom-izmir", "start date corrected; it was 30 November 2012", "30 Kasım 2012"),
    ):
        assert any(f"bases/{page}.md" in line and en_line in line for line in en.splitlines())
        assert any(f"bases/{page}.md" in line and tr_line in line for line in tr.splitlines())
