"""English: the site's default language. Values are trusted Markdown; `{name}` placeholders
are filled with escaped data text (see `Renderer.t`)."""

from __future__ import annotations

from kb.i18n.language import Language

STRINGS: dict[str, str] = {
    # dates
    "date-unknown": "date unknown",
    "since": "since {date}",
    "until": "until {date}",
    "reviewed-on": "reviewed {date}",
    "last-reviewed": "Claims on this page were last reviewed on {date}.",
    "last-changed": "The data on this page last changed on {date} (git history of `{path}`).",
    # page titles and headings
    "actors": "Actors",
    "claims": "Claims",
    "data-quality": "Data quality",
    "installations": "Installations",
    "sources": "Sources",
    "timeline": "Timeline",
    "facts": "Facts",
    "events": "Events",
    "cited-by": "Cited by",
    "documents-issued": "Documents it issued",
    "location-and-status": "Location and status",
    "sources-cited": "Sources cited on this page",
    "recently-reviewed": "Recently reviewed claims",
    "unassessed-claims": "Claims not yet assessed",
    "unarchived-sources": "Sources without an archived copy",
    "claim-status": "Claim status",
    "claims-by-status-heading": "Claims by status",
    "undated-sources": "Sources whose date is unknown",
    "evidence-stance": "Evidence stance",
    # introductions
    "actors-intro": (
        "The parties, governments, militaries, media and organisations whose claims or "
        "documents the\nsite records."
    ),
    "claims-intro": (
        "Every claim recorded on the site, with who made it first and its current status. "
        "A status is\na conclusion about the evidence, explained on each claim; see the\n"
        "[methodology]({methodology}). Click a column header to sort, or pick a status\n"
        "below to see only its claims."
    ),
    "sources-intro": (
        "Every document the site cites. Each title leads to the source's record: where it was\n"
        "found, whether an archived copy was seen, and every fact, event and claim that cites it."
    ),
    "timeline-intro": (
        "Every dated event on the site, oldest first. A year or month without a day sorts "
        "before the\ndated events of that year or month."
    ),
    "quality-intro": (
        "How complete the record is, per installation. The same report is printed by\n"
        "`python -m kb stats`."
    ),
    "home-counts": (
        "The record holds **{bases} installations**, **{claims} claims**,\n"
        "**{sources} sources** and **{actors} actors**."
    ),
    "claims-by-status": "Claims by status:",
    # table headers and fact-box rows
    "actor": "Actor",
    "address": "Address",
    "airport-codes": "Airport codes",
    "archived-copy": "Archived copy",
    "author": "Author",
    "claim": "Claim",
    "coordinates": "Coordinates",
    "country": "Country",
    "date": "Date",
    "documents-cited": "Documents cited",
    "established": "Established",
    "event": "Event",
    "first-claimed": "First claimed",
    "foreign-units": "Foreign and NATO units",
    "installation": "Installation",
    "issued-by": "Issued by",
    "kind": "Kind",
    "language": "Language",
    "last-read": "Last read",
    "meaning": "Meaning",
    "field": "Field",
    "type": "Type",
    "required": "Required",
    "yes": "yes",
    "no": "no",
    "operator": "Operator",
    "page": "Page",
    "province": "Province",
    "published": "Published",
    "publisher": "Publisher",
    "read-at": "Read at",
    "site": "Site",
    "sources-cited-short": "Sources cited",
    "untranslated-texts": "Texts not yet in Turkish",
    "actors-untranslated": "Actors with texts not yet in Turkish:",
    "stance": "Stance",
    "status": "Status",
    "other-name": "Turkish name",
    "website": "Website",
    # pieces of sentences
    "also-written": "Also written:",
    "approximate": "(approximate)",
    "assessment": "Assessment.",
    "by-author": "by {author}",
    "claimed-by": "Claimed by",
    "claimed-by-lower": "claimed by",
    # who speaks in an appearance (one per `speech` value; {date} is the document's date for
    # quoted and reported speech), when the actor spoke if that differs, then where
    "appearance-own": "{actor}, {document} of {date}",
    "appearance-quoted": "{actor}, quoted by {publisher}, {date}",
    "appearance-reported": "{publisher}, reporting {actor}, {date}",
    "appearance-in": ", in *{title}*",
    "said-on": "(said {date})",
    # an actor's own document of each source kind, as in "TKP, statement of 2 July 2025"
    "own-document-news": "article",
    "own-document-statement": "statement",
    "own-document-official": "publication",
    "own-document-reference": "entry",
    "own-document-research": "publication",
    "own-document-data": "data set",
    "concerns": "concerns",
    "country-wide": "Country-wide",
    "ended-date-unknown": "ended, date unknown",
    "dates-not-sourced": "dates not sourced",
    "district-of": "district of {district}",
    "lat-lon": "{lat} N, {lon} E",
    "link": "Link",
    "no-district": "(district not found in the sources consulted)",
    "none": "None.",
    "why": "Why:",
    "none-recorded": "none recorded",
    "not-yet-assessed": "Not yet assessed.",
    "no-actor-claims": "No claims by this actor are recorded.",
    "no-base-claims": "No claims about this installation are recorded yet.",
    "related-claims": (
        "Country-wide claims that concern this installation are on the [overview]({overview}):"
    ),
    "source-record": "Source record",
    "uncertain": "uncertain",
    "unarchived-count": "{count} of {total} sources have no archive link recorded.",
    # evidence headings, one per stance in the schema
    "evidence-supports": "Evidence: supports",
    "evidence-contradicts": "Evidence: contradicts",
    "evidence-context": "Evidence: context",
    # the Atom feed of claim reviews (plain text, not Markdown)
    "feed-title": "{site}: claim reviews",
    "feed-summary": "Claimed by {author} ({date}). {summary}",
    # "Cited by" entries, one per kind of citing place (kb.model.Backlink.kind)
    "citing-summary": "Summary on {page}:",
    "citing-location": "Location on {page}:",
    "citing-operator": "Operator on {page}:",
    "citing-established": "Established on {page}:",
    "citing-hosted unit": "Hosted unit on {page}:",
    "citing-fact": "Fact on {page}:",
    "citing-event": "Event on {page}:",
    "citing-claim": "Claim on {page}:",
    "citing-evidence": "Evidence on {page}:",
    "citing-presence": "Presence on {page}:",
    # presence and counts (issue 14)
    "home-presence": (
        "Of the installations, {active} have a NATO, US or allied presence that the sources\n"
        "describe as continuing and {former} are former; the United States is or was present\n"
        "at {us}, NATO at {nato} and another ally at {other_ally}. See how published counts\n"
        "compare on the [counts page]({counts})."
    ),
    "home-presence-unclear": (
        "Of the installations, {active} have a NATO, US or allied presence that the sources\n"
        "describe as continuing, {former} are former, and for {unclear} no source consulted\n"
        "says whether the presence continues; the United States is or was present at {us},\n"
        "NATO at {nato} and another ally at {other_ally}. See how published counts compare on\n"
        "the [counts page]({counts})."
    ),
    "bases-intro": (
        "Every installation in Turkey that the sources consulted name as used, now or in the\n"
        "past, by NATO, the United States or another ally: **{listed} listed**, {active} with a\n"
        "presence described as continuing and {former} former. Former installations stay on\n"
        "the list. Each row says who is or was present, what for, when, and how sure the\n"
        "sources are; the [counts page]({counts}) shows how published counts map onto this list."
    ),
    "bases-intro-unclear": (
        "Every installation in Turkey that the sources consulted name as used, now or in the\n"
        "past, by NATO, the United States or another ally: **{listed} listed**, {active} with a\n"
        "presence described as continuing, {former} former, and {unclear} where no source\n"
        "consulted says whether it continues. Former installations stay on the list. Each row\n"
        "says who is or was present, what for, when, and how sure the sources are; the\n"
        "[counts page]({counts}) shows how published counts map onto this list."
    ),
    "bases-filter-help": (
        "Click a column header to sort; pick a value below to filter (filters need JavaScript;\n"
        "without it the whole table shows)."
    ),
    "present": "Present",
    "role": "Role",
    "period": "Period",
    "how-sure": "How sure",
    "run-by": "Run by",
    "presence": "Presence",
    "not-recorded": "not recorded",
    "period-since-active": "since {since}; active",
    "period-since-until": "since {since}; until {until}",
    "period-since-unknown": "since {since}; end unknown",
    "period-unknown-active": "start unknown; active",
    "period-unknown-until": "start unknown; until {until}",
    "period-unknown-unknown": "start unknown; end unknown",
    "period-since-unclear": "since {since}; whether it continues is unclear",
    "period-unknown-unclear": "start unknown; whether it continues is unclear",
    "hosted-between": "since {since} until {until}",
    "not-sourced-coordinates": (
        "not sourced: no source consulted gives a point for this installation"
    ),
    "shares-site-with": "Shares its site with",
    "counts-compared": "**Counts compared.** How this count maps onto the listed installations:",
    "counts-title": "Counts of installations, side by side",
    "counts-description": (
        "Each count of NATO and US installations in Turkey that an actor has given, what it "
        "seems to count, and which listed installations that reading includes."
    ),
    "counts-heading": "Counts, side by side",
    "counts-intro": (
        "Actors give very different numbers for the NATO and US installations in Turkey.\n"
        "Each count below links to the claim or fact where it is recorded and cited. Next to\n"
        "it is a **reading**: what the count seems to include (NATO only, US only, active only,\n"
        "radars and depots included...). The reading is this site's interpretation of the\n"
        "words used, not the actor's own definition, which none of them gives. The\n"
        "installations each reading includes are computed from the\n"
        "[installation list]({bases}) ({listed} installations), so the numbers change\n"
        "whenever the list does. A gap between a count and its reading shows how far the list\n"
        "explains that count; it is not a verdict on the count."
    ),
    "count": "Count",
    "said-in": "Said in",
    "reading": "Reading",
    "listed-matching": "Listed installations matching",
    "undecided-n": "(+{n} undecided)",
    "recorded-as-fact": "Recorded as a fact ({page} page):",
    "recorded-as-claim": "Recorded as a claim ({page} page):",
    "statement-fact": "Fact",
    "statement-claim": "Claim",
    "figure-given": "Figure given: **{figure}**",
    "reading-is": "Reading:",
    "listed-matching-n": "Listed installations matching this reading: **{n}**.",
    "none-matching": "None of the listed installations matches this reading.",
    # mkdocs.yml texts, matched by their English value (kb.sitelangs.translate): the site's
    # name, description and copyright, the palette toggles and the nav labels
    "config-site-name": "NATO and US bases in Turkey",
    "config-site-description": (
        "A sourced, neutral record of the NATO and US military installations in Turkey and of "
        "the claims made about them."
    ),
    "config-copyright": (
        "Code MIT licence · Data CC BY 4.0 · A record of claims and evidence, not an "
        "endorsement of any of them."
    ),
    "config-to-dark": "Switch to dark mode",
    "config-to-light": "Switch to light mode",
    "nav-home": "Home",
    "nav-overview": "Overview",
    "nav-installations": "Installations",
    "nav-counts": "Counts",
    "nav-claims": "Claims",
    "nav-timeline": "Timeline",
    "nav-actors": "Actors",
    "nav-sources": "Sources",
    "nav-methodology": "Methodology",
    "nav-quality": "Data quality",
    "nav-contributing": "Contributing",
    "nav-field-reference": "Field reference",
    "nav-about": "About and corrections",
    # the field reference (kb.schema.docs): record kinds and the words of field types
    "record-base": "Installation",
    "record-overview": "Overview",
    "record-source": "Source",
    "record-actor": "Actor",
    "type-enum": "one of the values below",
    "type-const": "always '{value}'",
    "type-or": "or",
    "type-list": "list of {item}",
    "type-string": "text",
    "type-integer": "integer",
    "type-number": "number",
    "type-boolean": "true or false",
    "type-object": "mapping (see below)",
    "type-value": "value",
    # translation (issue 16): the marker beside an English text shown on another language's
    # page, and the label of a quote's translation
    "untranslated": "not yet translated",
    "page-untranslated": "This page is not yet translated; it is shown in English.",
    "quote-translation": "Translation:",
    "undecided": "Undecided, because a date the reading needs is unknown:",
    # narrow (issue 13): tables, lists and filters
    "status-count": "{count} {status}",
    "decade": "Decade",
    "decade-heading": "{decade}s",
    "timeline-filter-help": (
        "The contents list goes to a decade; pick an installation or a decade below to see only\n"
        "its events (the menus need JavaScript; without it every event shows)."
    ),
    "sources-filter-help": (
        "Click a column header to sort; pick a kind, language or publisher below to see only\n"
        "those sources (the menus need JavaScript; without it every source shows). **Cited**\n"
        "counts the facts, events, claims and evidence that cite a source; its record lists them."
    ),
    "cited-count": "Cited",
    "title": "Title",
    "all": "all",
    "not-found": "404 - Not found",
    "serve-error-title": "The data has errors",
    "serve-error-intro": (
        "The site is not shown until they are fixed. Each problem below names its file, line\n"
        "and column, and says what to change. Save a fix and this tab reloads by itself. The\n"
        "same list is printed in the terminal, and `mkdocs build` refuses this data."
    ),
    # claim pages, claim cards, the claims index and the corrections log (issue 13)
    "last-reviewed-claim": "Last reviewed {date}.",
    "assessment-heading": "Assessment",
    "evidence-heading": "Evidence",
    "no-evidence": "No evidence has been recorded for this claim yet.",
    "installations-concerned": "Installations it concerns",
    "concerns-country": (
        "The claim concerns NATO and US installations in Turkey as a whole; see the "
        "[overview]({overview})."
    ),
    "rating-history": "Rating history",
    "not-yet-rated": "Not yet rated: the claim has been recorded but not weighed.",
    "first-rated": "First rated {status} on {date}; the rating has not changed since.",
    "rated-undated": "Rated {status}; the rating has not changed since it was first given.",
    "recorded-unassessed": "First recorded without a rating (unassessed).",
    "rated-first": "First rated {status}.",
    "rated-first-on": "First rated {status} on {date}.",
    "rating-changed": "{date}: changed to {status}.",
    "earlier-wordings": "Earlier wordings of the claim, its summary and its assessment:",
    "reworded-field-on": "Until {date}, the {field} read:",
    "in-language": "(in {language})",
    "corrections-pointer": (
        "Every correction on the site is listed in the [corrections log]({about})."
    ),
    "claim-recorded-on": "This claim is recorded in the data of {page}.",
    "card-claimed": "{actor}, {date}",
    "card-more-actors": "and {count} more",
    "claims-filter-help": (
        "Pick a status, claimant, installation or year to narrow the list (filters need\n"
        "JavaScript; without it the whole list shows). Statuses are listed in order of meaning;\n"
        "tap a status badge for its definition."
    ),
    "claims-shown": "{shown} of {total} claims shown",
    "year": "Year",
    "claims-index-intro": (
        "Every claim recorded on the site, one row each, with its status and the assessment in\n"
        "one sentence. A status is a conclusion about the evidence, defined in the\n"
        "[methodology]({methodology}); each claim's page gives the full assessment, the\n"
        "evidence and the rating history."
    ),
    # the corrections log
    "corrections-count": "{count} corrections are recorded, newest first.",
    "correction-claim": "Claim:",
    "correction-fact": "Fact:",
    "correction-event": "Event:",
    "correction-name": "{name}",
    "correction-location": "Location of {name}",
    "correction-presence": "Presence at {name}",
    "correction-host": "Host unit {name} at {base}",
    "field-was": "{field} corrected; it was {value}.",
    "field-corrected": "{field} corrected.",
    "field-added": "{field} added; none was given before.",
    "value-unknown": "unknown",
    "was-rated": "was rated {status}",
    "earlier-text": "earlier text",
    "earlier-text-in": "earlier {language} text",
    "field-reworded": "{field} reworded",
    "was-dated": "was dated {date}",
    "was-ending": "was ending {date}",
    "no-corrections": "No corrections have been recorded yet.",
    "maintained-by": (
        "The site is maintained in the public GitHub repository [{repository}]({url}), where\n"
        "every change to the data and the code is recorded with its reason: its history shows\n"
        "who changed what, when and why."
    ),
    "report-intro": "To report an error or propose a claim, open an issue with one of these forms:",
    "report-blank": "or [open a blank issue]({url}) for anything else.",
    # the issue forms by file (.github/ISSUE_TEMPLATE/<name>.yml): in English, their names
    "issue-form-incorrect-data": "Report incorrect data",
    "issue-form-propose-claim": "Propose a claim",
    "issue-form-github-name": '(on GitHub: <span lang="en">{name}</span>)',
    # maps (plain text: they are escaped into SVG, not read as Markdown)
    "map-title": "Map of the installations in Turkey that have sourced coordinates",
    "locator-title": "Where {name} is in Turkey",
    "marker-active": "{present}, active",
    "marker-former": "{present}, former",
    "marker-unclear": "{present}, unclear whether it continues",
    "legend-active": "active (filled)",
    "legend-former": "former (pale, dashed ring)",
    "legend-unclear": "unclear whether it continues (half pale, dotted ring)",
    "legend-shared": "several present: one wedge each",
    "legend-moved": "moved apart from a nearby marker; the dot is the true place",
    "not-on-map": "Not on the map, because no source consulted gives a point for them:",
    # cite this page; downloads
    "cite-heading": "Cite this page",
    "cite-intro": "Suggested citation (add the date you read it):",
    "cite-changed": "Last changed {date}.",
    "cite-claim": "Cite this claim",
    "cite-files": "Download the citation as [BibTeX]({bib}) or [CSL-JSON]({csl}).",
    "record-json": "This record as [JSON]({json}) (see [downloads]({downloads})).",
    "claim-title": "Claim: {text}",
    "downloads": "Downloads",
    "downloads-intro": (
        "The data behind this site, free to reuse under the licence below, in the same form\n"
        "every time the site is built: records sorted by id, keys in a stable order, no\n"
        "timestamps. The same files are written by `python -m kb export`. The page of every\n"
        "installation, source and actor links to its own JSON file."
    ),
    "downloads-licence": (
        "**Licence.** The data and texts are published under [{licence}]({licence_url}): reuse\n"
        "them freely, naming this site as the source. Quotes remain the property of their\n"
        "authors. Schemas describe the JSON files (JSON Schema, draft 2020-12)."
    ),
    "downloads-csv-note": (
        "**CSV files** are UTF-8 with a byte-order mark, so spreadsheet programs show Turkish\n"
        "letters correctly when the file is opened directly; a cell that would start with `=`,\n"
        "`+`, `-` or `@` starts with an apostrophe instead, so no text is run as a formula."
    ),
    "size-bytes": "{n} bytes",
    "decimal-mark": ".",
    "size-kb": "{n} kB",
    "size-mb": "{n} MB",
    "file": "File",
    "format": "Format",
    "size": "Size",
    "licence": "Licence",
    "holds": "What it holds",
    "n-files": "{count} files, {size} in all",
    "one-file": "1 file, {size}",
    "download-dataset": (
        "Everything: installations, overview, sources and actors; with `schema_version`."
    ),
    "download-claims-json": "Every claim: appearances, status, assessment, evidence, page.",
    "download-installations-geojson": (
        "The installations as points (RFC 7946, WGS 84, `[lon, lat]`; no point where no source"
        " gives one), with presence, role, certainty and province to style by."
    ),
    "download-installations-csv": "One row per installation: names, province, point, presence.",
    "download-claims-csv": (
        "One row per claim: status, text, actors, first claimed, reviewed, summary, assessment;"
        " each text also in Turkish (`text_tr`, `summary_tr`, `assessment_tr`; empty where not"
        " yet translated)."
    ),
    "download-sources-csv": "One row per source: title, publisher, date, language, address.",
    "download-overview": "Country-wide facts, events, counts and claims.",
    "download-bases": "One file per installation, as in its YAML file.",
    "download-sources": "One file per source.",
    "download-actors": (
        "One file per actor; `name`, `short` and `description` are English text or `{{en, tr}}`."
    ),
    "download-schema": "The JSON Schema of the records and their shared definitions.",
    "download-cite": "Suggested citations of every installation and claim, BibTeX and CSL-JSON.",
    "download-feed": "Atom feed of claim reviews, newest first.",
}

EN = Language(
    code="en",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    day_month_year="{day} {month} {year}",
    month_year="{month} {year}",
    strings=STRINGS,
)
