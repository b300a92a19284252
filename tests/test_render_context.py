"""The renderer's quicker template context calls what Jinja's own would call, with the same
arguments, and leaves anything that asks for the context to Jinja."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2.runtime import Context

from kb import build, paths, render


class _Callable:
    def __call__(self, x: Any) -> Any:
        return ("instance", x)

    def method(self, x: Any) -> Any:
        return ("method", x)


@jinja2.pass_context
def _wants_context(ctx: Any, x: Any) -> Any:
    return ("context", isinstance(ctx, Context), ctx.get("v"), x)


@jinja2.pass_environment
def _wants_environment(env: Any, x: Any) -> Any:
    return ("environment", type(env).__name__, x)


class _CallableWithContext:
    @jinja2.pass_context
    def __call__(self, ctx: Any, x: Any) -> Any:
        return ("context instance", ctx.get("v"), x)


class _Host:
    @jinja2.pass_context
    def method(self, ctx: Any, x: Any) -> Any:
        return ("context method", ctx.get("v"), x)


def _raises_stop(x: Any) -> Any:
    raise StopIteration


CALLABLES = {
    "function": lambda x: ("function", x),
    "method": _Callable().method,
    "instance": _Callable(),
    "builtin": {"k": "v"}.get,
    "class": str,
    "pass_context": _wants_context,
    "pass_environment": _wants_environment,
    "pass_context method": _Host().method,
    "pass_context instance": _CallableWithContext(),
}


def _contexts() -> tuple[Context, Context]:
    env = jinja2.Environment(autoescape=True)
    jinjas = env.from_string("x").new_context({"v": 1})
    env.context_class = render._Context
    return jinjas, env.from_string("x").new_context({"v": 1})


@pytest.mark.parametrize("name", list(CALLABLES))
def test_every_kind_of_callable_gets_what_jinja_gives_it(name: str) -> None:
    jinjas, ours = _contexts()
    assert type(ours) is render._Context and type(jinjas) is Context
    fn = CALLABLES[name]
    for kwargs in ({}, {"_loop_vars": {"v": 2}}, {"_block_vars": {}}):
        assert ours.call(fn, "k", **kwargs) == jinjas.call(fn, "k", **kwargs), kwargs


def test_a_macro_is_called_directly_with_its_arguments() -> None:
    env = jinja2.Environment(autoescape=True)
    env.context_class = render._Context
    template = env.from_string("{% macro m(a, b=2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(1, b=3) }}")
    assert template.render() == "1-3"


def test_stop_iteration_gives_undefined_as_in_jinja() -> None:
    jinjas, ours = _contexts()
    assert isinstance(ours.call(_raises_stop, 1), jinja2.Undefined)
    assert isinstance(jinjas.call(_raises_stop, 1), jinja2.Undefined)


def test_the_renderer_uses_it() -> None:
    golden = Path(__file__).parent / "golden"
    loaded = build.load(golden / "data", base=golden, changed={})
    assert loaded.renderer("en").env.context_class is render._Context


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
