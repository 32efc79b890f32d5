"""Text from a data file is shown as plain text, and broken files get one clear error page.

The app reads the data directory named by ATLAS_DATA_DIR; these tests point it at an edited copy.
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from partners import profile
from partners.present import plain
from tests import apptest
from tests.support import HOSTILE, fact_edit


def run(page: str | None = None, **params) -> AppTest:
    return apptest.run(page, params)


def test_hostile_fact_text_is_escaped_on_the_country_page(data_copy, monkeypatch):
    changes = HOSTILE | {"quote_by": "<i>someone</i>"}
    data = data_copy({"facts.csv": fact_edit("irn-02", changes)})
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    app = run("pages/country.py", iso3="IRN")
    assert not app.exception
    bodies = [m.value for m in app.markdown]
    card = next(b for b in bodies if plain(HOSTILE["summary"]) in b)
    # Every character of markup arrives backslash-escaped: shown, never interpreted.
    figure_label = "**Figure, as the source gives it:** "
    text = card.split("\n\n", 1)[1]  # after the card's own badges, the data's text
    data_text = re.sub(r"(?m)^> ?(— )?", "", text.replace(figure_label, ""))
    assert not re.search(r"(?<!\\)[<>\[\]()`:$*]", data_text)
    assert plain(HOSTILE["figure"]) in card and plain(HOSTILE["quote"]) in card
    assert not apptest.foreign_html(app)


def _headline(atlas, iso3: str) -> str:
    """The fact the map's hover shows for a country in its default view: its best-evidenced
    support to Russia to date, first in file order on ties."""
    support = atlas.support[atlas.support["ended_by"].isna()]
    chosen = support[(support["iso3"] == iso3) & (support["direction"] == "to_russia")]
    rank = chosen["evidence"].map(profile.EVIDENCE_RANK)
    return chosen.assign(_rank=rank).sort_values("_rank", kind="stable")["fact_id"].iloc[0]


def test_hostile_fact_text_is_escaped_on_the_map(atlas, data_copy, monkeypatch):
    changes = HOSTILE | {"quote_by": "someone"}
    data = data_copy({"facts.csv": fact_edit(_headline(atlas, "IRN"), changes)})
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    app = run()
    assert not app.exception
    data = apptest.map_data(app)
    lines = json.dumps(data["tips"], ensure_ascii=False)
    # Text, never markup: the component shows the lines as text, so they go as written.
    assert "<script>" in lines and "&lt;" not in lines


def test_a_hostile_country_name_is_plain_text(data_copy, monkeypatch):
    hostile = "FRA,250,<b>France</b> [x](http://e.com)"
    data = data_copy({"countries.csv": lambda text: text.replace("FRA,250,France", hostile)})
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    app = run("pages/country.py", iso3="FRA")
    assert app.title[0].value == plain("<b>France</b> [x](http://e.com)")


def problems_shown(app: AppTest) -> str:
    """The problem list as a reader sees it (markdown escapes and word joiners removed)."""
    text = "\n".join(m.value for m in app.markdown)
    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")


BROKEN = {
    "missing column": (
        lambda t: t.replace(",evidence,", ",evidence_level,", 1),
        "column 'evidence': required column is missing",
    ),
    "unknown category": (
        lambda t: t.replace(",territory,", ",cyber,", 1),
        "line 3, column 'category': 'cyber'",
    ),
    "unknown iso3": (lambda t: t.replace("blr-01,BLR,", "blr-01,XYZ,", 1), "column 'iso3': 'XYZ'"),
    "malformed date": (lambda t: t.replace(",2020,year,", ",2020-13,month,", 1), "'event_date'"),
    "duplicate row": (lambda t: t + t.splitlines(keepends=True)[1], "duplicate fact_id: 'blr-01'"),
    "empty file": (lambda t: "", "facts.csv: is empty"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_file_shows_one_clear_error_on_every_page(data_copy, monkeypatch, kind):
    breaking, expected = BROKEN[kind]
    data = data_copy({"facts.csv": breaking})
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    for page, params in (
        (None, {}),
        ("pages/country.py", {"iso3": "IRN"}),
        ("pages/about.py", {}),
    ):
        app = run(page, **params)
        assert not app.exception
        assert app.error and "a data file has problems" in app.error[0].value
        shown = problems_shown(app)
        assert "facts.csv" in shown and expected in shown


def test_non_utf8_bytes_and_a_missing_shapes_file_are_named(data_copy, tmp_path, monkeypatch):
    data = data_copy()
    facts = data / "facts.csv"
    facts.write_bytes(facts.read_bytes().replace("ł".encode(), b"\xb3"))
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    monkeypatch.setenv("ATLAS_BOUNDARIES", str(tmp_path / "nowhere.geojson"))
    app = run()
    message = problems_shown(app)
    assert "is not UTF-8 text (byte 0xb3)" in message
    assert "nowhere.geojson: cannot be read" in message


def test_fixing_the_file_recovers_without_a_restart(data_copy, monkeypatch):
    data = data_copy()
    facts = data / "facts.csv"
    good = facts.read_text(encoding="utf-8")
    facts.write_text(good.replace(",territory,", ",cyber,", 1), encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    assert run().error
    facts.write_text(good, encoding="utf-8")
    app = run()
    assert not app.error and apptest.map_data(app)["classes"]
