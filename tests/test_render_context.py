"""Templates call functions directly (kb.render._Output.visit_Call): every plain callable gets
what Jinja's own `context.call` gives it, and a function that asks Jinja for its context is
refused when the renderer is made, not handed shifted arguments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from kb import build, paths, render, schema


class _Callable:
    def __call__(self, x: Any) -> Any:
        return ("instance", x)

    def method(self, x: Any) -> Any:
        return ("method", x)


@jinja2.pass_context
def _wants_context(ctx: Any, x: Any) -> Any:
    return ("context", ctx.get("v"), x)


@jinja2.pass_environment
def _wants_environment(env: Any, x: Any) -> Any:
    return ("environment", x)


class _CallableWithContext:
    @jinja2.pass_context
    def __call__(self, ctx: Any, x: Any) -> Any:
        return ("context instance", ctx.get("v"), x)


class _Host:
    @jinja2.pass_context
    def method(self, ctx: Any, x: Any) -> Any:
        return ("context method", ctx.get("v"), x)


PLAIN = {
    "function": lambda x, y="d": ("function", x, y),
    "method": _Callable().method,
    "instance": _Callable(),
    "builtin": {"k": "v"}.get,
    "class": str,
}
ASKING = {
    "pass_context": _wants_context,
    "pass_environment": _wants_environment,
    "pass_context method": _Host().method,
    "pass_context instance": _CallableWithContext(),
}
CALLS = [
    "{{ f('k') }}",
    "{% for i in [1, 2] %}{{ f(i) }}{% endfor %}",  # where Jinja passes the loop's variables
    "{% set args = ['k'] %}{{ f(*args) }}",
    "{% macro m(a, b=2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(1, b=3) }}{{ m(*[4]) }}",
    "{% macro m(x) %}<{{ caller() }}:{{ x }}>{% endmacro %}{% call m(1) %}{{ f('k') }}{% endcall %}",
]


def _envs() -> tuple[jinja2.Environment, jinja2.Environment]:
    jinjas = jinja2.Environment(autoescape=True)
    ours = jinja2.Environment(autoescape=True)
    ours.code_generator_class = render._Output
    ours.kb_output = jinja2.runtime.escape  # type: ignore[attr-defined]
    return jinjas, ours


@pytest.mark.parametrize("template", CALLS)
@pytest.mark.parametrize("name", list(PLAIN))
def test_every_plain_callable_gets_what_jinja_gives_it(name: str, template: str) -> None:
    jinjas, ours = _envs()
    fn = PLAIN[name]
    expected = jinjas.from_string(template).render(f=fn, v=1)
    assert ours.from_string(template).render(f=fn, v=1) == expected


def test_calls_compile_to_direct_calls_and_call_blocks_to_jinjas() -> None:
    _, ours = _envs()
    direct = ours.compile("{{ f(1) }}", raw=True)
    assert "context.call(" not in direct and "(*(), 1)" in direct
    block = ours.compile(
        "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}x{% endcall %}", raw=True
    )
    assert "context.call(" in block


def test_no_template_turns_autoescape_off_for_a_block() -> None:
    """Macros are called directly, without the evaluation context they would be given, so a
    macro defined under `{% autoescape false %}` would still escape: no template has one."""
    for template in sorted(paths.TEMPLATES.glob("*.j2")):
        assert "autoescape" not in template.read_text(encoding="utf-8"), template.name


@pytest.mark.parametrize("name", list(ASKING))
def test_a_global_that_asks_for_the_context_is_refused(name: str) -> None:
    with pytest.raises(TypeError, match="template global 'g' asks Jinja for its"):
        render.plain_callables({"ok": PLAIN["function"], "g": ASKING[name]})
    render.plain_callables(PLAIN)  # none of these asks


def test_the_renderer_refuses_one(monkeypatch: pytest.MonkeyPatch) -> None:
    golden = Path(__file__).parent / "golden"
    loaded = build.load(golden / "data", base=golden, changed={})
    loaded.renderer("en")  # as it is: every global is plain
    monkeypatch.setattr(schema, "reference", _wants_context)  # the `reference` global
    with pytest.raises(TypeError, match="'reference' asks Jinja for its context"):
        render.Renderer(loaded.corpus)


OLD_CITE_IDS = (
    '<sup class="kb-cite">{% for sid in ids | unique %}[{{ numbers[sid] }}]'
    '(#{{ source_anchor(sid) }}){{ markup(",") if not loop.last }}{% endfor %}</sup>'
)


@pytest.mark.parametrize(
    "ids",
    [[], ["src-a"], ["src-a", "src-b", "src-a"], ["src-b", "SRC-B", "src-c"], ["x"] * 3],
)
def test_citation_numbers_are_what_the_macro_they_replace_wrote(ids: list[str]) -> None:
    golden = Path(__file__).parent / "golden"
    renderer = build.load(golden / "data", base=golden, changed={}).renderer("en")
    numbers = {sid: n for n, sid in enumerate(dict.fromkeys(ids), start=1)}
    old = renderer.env.from_string(OLD_CITE_IDS).render(ids=ids, numbers=numbers)
    assert renderer.env.globals["m"].cite_ids(ids, numbers) == old
    assert str(renderer._cite_ids(ids, numbers)) == old


OLD_BASE_LINK = (
    '[{{ t("country-wide") if page_id == "overview" else corpus.bases[page_id].name | text }}]'
    "({{ record_page(page_id) | link_to(anchor) }})"
)
OLD_BACKLINK_HREF = (
    '{% if b.kind in ("claim", "evidence") %}{{ claim_page(b.anchor) | link_to }}'
    "{% else %}{{ record_page(b.page) | link_to(b.anchor) }}{% endif %}"
)


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_links_are_what_the_macros_they_replace_wrote(lang: str) -> None:
    """On the real data, from a page in each folder: every installation and the overview,
    with and without an anchor, and every "cited by" entry."""
    loaded = build.load(paths.DATA, base=paths.ROOT, changed={})
    renderer = loaded.renderer(lang)
    old_base = renderer.env.from_string(OLD_BASE_LINK)
    old_backlink = renderer.env.from_string(OLD_BACKLINK_HREF)
    m = renderer.env.globals["m"]
    pages = [*loaded.corpus.bases, "overview"]
    backlinks = [b for bs in loaded.corpus.backlinks.values() for b in bs]
    assert len(pages) > 5 and len(backlinks) > 100
    for here in ("index.md", "bases/incirlik.md", "tr/claims/x.md"):
        renderer._current, renderer._folder = here, here.rpartition("/")[0]
        for page in pages:
            for anchor in (None, "claims"):
                old = old_base.render(page_id=page, anchor=anchor)
                assert m.base_link(page, anchor) == old
        for b in backlinks:
            assert m.backlink_href(b) == old_backlink.render(b=b)
