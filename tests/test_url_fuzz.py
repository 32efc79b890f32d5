"""Property-based tests over every page's URL parameters: odd links never break a page.

Whatever the address holds (unknown keys, malformed or mixed-case codes, empty and repeated
values, unicode, 10,000-character values, HTML and script payloads, markdown links), the page
runs without an exception, never renders the input as HTML or as a link, and says so where the
input is unusable.
"""

from __future__ import annotations

import functools

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

pytest.importorskip("hypothesis", reason="needs the dev group: uv sync --all-groups")

from hypothesis import HealthCheck, given, settings  # noqa: I001
from hypothesis import strategies as st

from partners import load
from partners.present import plain
from tests import apptest


@functools.cache
def members() -> pd.Series:
    """UN member names by ISO3, read when a test first draws a code (not at import)."""
    return load.load_countries().set_index("iso3")["name"]


# Deferred: the strategy reads the data when hypothesis first draws from it.
member_codes = st.deferred(lambda: st.sampled_from(sorted(members().index)))
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[click me](https://example.com)",
    "![x](https://example.com/x.png)",
    ":red[loud] **bold** $x^2$",
    "javascript:alert(1)",
    "%3Cscript%3E",
    "\u202eNRI",
    "ИРН",
    "🇮🇷",
    "\x00\x01",
    "x" * 10_000,
    "",
    " ",
]


def mixed_case(code: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=3, max_size=3).map(
        lambda flips: "".join(c.lower() if f else c for c, f in zip(code, flips, strict=True))
    )


values = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    member_codes.flatmap(mixed_case),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabc", min_size=0, max_size=5),
)
keys = st.one_of(
    st.sampled_from(["iso3", "view", "res", "per", "cat", "dir", "ev", "countries", "embed"]),
    st.text(min_size=1, max_size=12),
)
params = st.dictionaries(keys, st.lists(values, min_size=1, max_size=3), max_size=4)


def run(page: str | None, query: dict[str, list[str]]) -> AppTest:
    return apptest.run(page, query)


def assert_not_echoed(app: AppTest, query: dict[str, list[str]]) -> None:
    """No raw value with markup in it appears in what the page renders."""
    texts = "\n".join(apptest.rendered(app))
    for value in (v for vs in query.values() for v in vs):
        if any(mark in value for mark in "<>[]()*:`$!") and len(value.strip()) > 3:
            assert value not in texts, value[:60]
    assert not apptest.foreign_html(app), "no raw HTML element is ever rendered"


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(params)
def test_the_map_page_survives_any_address(query):
    app = run(None, query)
    assert not app.exception, [e.message for e in app.exception]
    assert apptest.map_data(app)["classes"], "the map is drawn whatever the address says"
    assert_not_echoed(app, query)


@FUZZ
@given(params)
def test_the_country_page_survives_any_address(query):
    app = run("pages/country.py", query)
    assert not app.exception, [e.message for e in app.exception]
    assert_not_echoed(app, query)
    usable = [v.strip().upper() for v in query.get("iso3", []) if isinstance(v, str)]
    if any(v in members().index and len(v) == 3 for v in usable):
        assert app.title and not app.warning
    elif query.get("iso3"):
        assert app.warning and "does not name a country" in app.warning[0].value


@pytest.mark.parametrize("page", ["pages/about.py", "pages/compare.py", "pages/actions.py"])
@FUZZ
@given(query=params)
def test_every_other_page_survives_any_address(page, query):
    app = run(page, query)
    assert not app.exception, [e.message for e in app.exception]
    assert_not_echoed(app, query)
    if page == "pages/compare.py":
        assert len(app.multiselect(key="compare").value) <= 6
    if page == "pages/actions.py":
        assert app.get("plotly_chart"), "the chart is drawn whatever the address says"


@settings(max_examples=40, deadline=None)
@given(member_codes.flatmap(mixed_case))
def test_any_case_of_a_member_code_opens_its_page(code):
    app = run("pages/country.py", {"iso3": [code]})
    name = members()[code.upper()]
    assert app.title[0].value == plain(name)
