"""Every page through AppTest: loads, filters, vote legends, country pages, bad links."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from partners import actions, dates, load, paths, present, provenance, site, stance, vocab, words
from partners.present import plain
from tests import apptest

PACKAGE = provenance.Package.read()

# Every country with a fact in the shipped data, read from the data when the tests are collected.
FACT_COUNTRIES = sorted(set(pd.read_csv(paths.FACTS, usecols=["iso3"])["iso3"]))
# The countries with support facts (the others have only context, which is never counted).
_FACTS = pd.read_csv(paths.FACTS, usecols=["iso3", "is_support"])
SUPPORT_COUNTRIES = sorted(set(_FACTS.loc[_FACTS["is_support"] == "yes", "iso3"]))


def run_page(page: str | None = None, **params) -> AppTest:
    app = apptest.run(page, params)
    assert not app.exception, [e.message for e in app.exception]
    return app


def map_data(app: AppTest) -> dict:
    return apptest.map_data(app)


def legend(app: AppTest) -> list[str]:
    return apptest.legend(app)


def map_table(app: AppTest):
    return apptest.map_table(app)


def all_text(app: AppTest) -> str:
    return "\n".join(apptest.rendered(app))


# One address of every page, with the parameters a reader's link carries.
LINKS = {
    site.MAP: {},
    site.COUNTRY: {"iso3": "IRN"},
    site.COMPARE: {"countries": "CHN,IND"},
    site.ACTIONS: {},
    site.ABOUT: {},
}


def _script(page: site.Page) -> str | None:
    return None if page is site.MAP else page.script


def test_the_page_links_cover_every_page_of_the_site():
    assert set(LINKS) == set(site.PAGES)


@pytest.mark.parametrize("page", site.PAGES, ids=lambda p: p.url_path or "map")
def test_every_page_loads_without_exception(page):
    run_page(_script(page), **LINKS[page])


def test_the_country_index_loads_without_a_code():
    assert "Countries with documented support" in all_text(run_page(site.COUNTRY.script))


@pytest.mark.parametrize("page", site.PAGES, ids=lambda p: p.url_path or "map")
def test_the_facts_date_on_every_page_comes_from_datapackage_json(page, tmp_path, monkeypatch):
    """A copy of datapackage.json with another as-of date for the facts: every page says it."""
    descriptor = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "facts":
            resource["as_of"] = "2031-07"
    copy = tmp_path / "datapackage.json"
    copy.write_text(json.dumps(descriptor), encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATAPACKAGE", str(copy))
    text = all_text(run_page(_script(page), **LINKS[page]))
    assert "July 2031" in text


def test_a_malformed_datapackage_json_gets_the_error_page_naming_it(tmp_path, monkeypatch):
    broken = tmp_path / "datapackage.json"
    broken.write_text('{"resources": [', encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATAPACKAGE", str(broken))
    app = apptest.run(None, {})
    assert not app.exception
    assert any("cannot show its data" in e.value for e in app.error)
    assert plain("datapackage.json, line 1") in all_text(app)
    assert not app.sidebar.get("segmented_control"), "the page stops before its controls"


def test_map_by_default_shows_support_to_russia_with_every_category_and_credits():
    app = run_page()
    assert app.pills(key="cat").value == vocab.codes(vocab.CATEGORIES)
    assert app.pills(key="dir").value == ["to_russia"]
    assert "disputed" in app.pills(key="ev").value
    assert "Russia (1)" in legend(app)
    assert f"Facts as of {PACKAGE.facts_as_of}" in all_text(app)
    assert "Made with Natural Earth" in all_text(app)


def test_the_map_names_its_shapes_by_url_and_sends_a_class_for_each_and_stays_small(atlas):
    data = map_data(run_page())
    assert data["svg"].startswith("app/static/world.svg?v=")
    assert len(data["classes"]) == len(atlas.shapes)
    assert len(json.dumps(data)) < 8_000


def _summary_line(app: AppTest) -> str:
    return next(m.value for m in app.markdown if "countries with documented support" in m.value)


@pytest.mark.parametrize(
    "key, value",
    [
        ("cat", ["arms"]),
        ("dir", ["from_russia"]),
        ("ev", ["public_record"]),
    ],
)
def test_each_filter_changes_the_map_the_counts_and_the_table(key, value):
    app = run_page()
    before = (map_data(app)["classes"], _summary_line(app), map_table(app)[0].shape)
    app.pills(key=key).set_value(value).run()
    assert not app.exception
    after = (map_data(app)["classes"], _summary_line(app), map_table(app)[0].shape)
    assert before[0] != after[0] and before[1] != after[1] and before[2] != after[2]


def test_weapons_only_shows_the_countries_that_send_russia_weapons(atlas):
    app = run_page()
    app.pills(key="cat").set_value(["arms"]).run()
    table, _ = map_table(app)
    support = atlas.support[atlas.support["ended_by"].isna()]
    arms = support[(support["category"] == "arms") & (support["direction"] == "to_russia")]
    names = atlas.countries.set_index("iso3")["name"]
    assert set(table["Country"]) - {"Russian Federation"} == {
        *names[arms["iso3"].unique()],
    }


def test_empty_filter_explains_itself_and_greys_every_member_but_russia(atlas):
    app = run_page()
    app.pills(key="cat").set_value([]).run()
    assert any("Nothing is selected" in i.value for i in app.info)
    others = len(atlas.countries) - 1
    assert f"No support documented in these sources ({others})" in legend(app)


def test_vote_legend_counts_equal_the_official_totals(atlas):
    app = run_page()
    app.segmented_control(key="view").set_value("vote").run()
    wrong = {}
    for row in atlas.resolutions.itertuples():
        app.select_slider(key="res").set_value(row.symbol).run()
        absent = 193 - row.yes - row.no - row.abstain
        expected = [f"Yes ({row.yes})", f"No ({row.no})", f"Abstain ({row.abstain})"]
        if legend(app)[:4] != [*expected, f"Absent ({absent})"]:
            wrong[row.symbol] = legend(app)[:4]
    assert wrong == {}


def test_vote_slider_runs_through_all_resolutions_in_date_order_and_starts_at_the_latest(atlas):
    in_order = atlas.resolutions.sort_values("adopted")
    app = run_page(view="vote")
    slider = app.select_slider(key="res")
    assert len(slider.options) == len(in_order) == 17
    assert slider.options[0] == "Dec 2019 · 74/17"
    assert slider.options[-1] == "Dec 2025 · 80/223"
    assert slider.value == in_order["symbol"].iloc[-1]


@pytest.mark.parametrize(
    "period, counts",
    [
        ("2019-2021", [19, 66, 61, 22, 25]),
        ("2022-2023", [7, 34, 110, 9, 33]),
        ("2024-2025", [14, 75, 80, 21, 3]),
    ],
)
def test_period_view_colours_every_member_by_its_class_with_counts_from_the_tallies(
    catalog, period, counts
):
    app = run_page(view="period", per=period)
    expected = [0] * 5
    order = ["with", "abstained", "against", "absent", "mixed"]
    for tallies in catalog.tallies.values():
        tally = next(t for t in tallies if t.period.code == period)
        expected[order.index(tally.code)] += 1
    assert expected == counts
    assert [int(item.rsplit("(", 1)[1].rstrip(")")) for item in legend(app)[:5]] == counts
    assert app.segmented_control(key="per").value == period
    assert app.title[0].value.endswith(period.replace("-", "–"))


def test_choosing_a_period_writes_it_to_the_address():
    app = run_page()
    app.segmented_control(key="view").set_value("period").run()
    assert app.query_params == {"view": "period"}
    app.segmented_control(key="per").set_value("2019-2021").run()
    assert app.query_params == {"view": "period", "per": "2019-2021"}
    assert "2019–2021" in app.title[0].value


def test_a_shared_address_restores_the_view():
    app = run_page(
        view="UN vote",
        res=app_option("A/RES/ES-11/3"),
        cat=["Weapons and munitions", "Diplomatic cover"],
        dir=["To Russia", "From Russia"],
        ev=["Public record"],
    )
    assert app.segmented_control(key="view").value == "vote"
    assert app.select_slider(key="res").value == "A/RES/ES-11/3"
    # The vote view hides the support filters but keeps their values for the way back.
    assert app.session_state["cat"] == ["arms", "diplomatic"]
    assert app.session_state["dir"] == ["to_russia", "from_russia"]
    assert app.session_state["ev"] == ["public_record"]
    assert legend(app)[0] == "Yes (93)"
    assert not app.pills, "no support filter is shown in the vote view"


def test_the_address_holds_the_view_in_short_codes():
    app = run_page()
    app.pills(key="cat").set_value(["arms", "diplomatic"]).run()
    app.segmented_control(key="view").set_value("vote").run()
    app.select_slider(key="res").set_value("A/RES/ES-11/3").run()
    assert app.query_params == {"view": "vote", "res": "ES-11/3", "cat": ["arms", "diplomatic"]}


def app_option(symbol: str) -> str:
    return apptest.resolution_option(symbol)


@pytest.mark.parametrize(
    "old",
    [["military"], ["Military supplies"], ["military", "Economic ties"]],
    ids=["former-code", "former-label", "former-code-and-a-label"],
)
def test_links_made_before_military_was_split_select_weapons_and_exercises(old):
    app = run_page(cat=old)
    chosen = set(app.pills(key="cat").value)
    assert {"arms", "exercises"} <= chosen
    assert ("economic" in chosen) == ("Economic ties" in old)
    assert not any("were not understood" in i.value for i in app.info)


def test_the_download_button_counts_the_facts_behind_the_map(atlas):
    """The first view shows support given to Russia to date, of every kind and evidence."""
    support = atlas.support
    to_russia = int(((support["direction"] == "to_russia") & support["ended_by"].isna()).sum())
    button = run_page().get("download_button")[0]
    assert f"these {to_russia} facts" in button.proto.label


@pytest.mark.parametrize("iso3", FACT_COUNTRIES)
def test_country_page_shows_every_fact_and_every_vote(atlas, iso3):
    app = run_page("pages/country.py", iso3=iso3)
    text = all_text(app)
    for summary in atlas.facts.loc[atlas.facts["iso3"] == iso3, "summary"]:
        assert plain(summary) in text
    assert apptest.vote_cells(app) == len(atlas.resolutions)


@pytest.mark.parametrize(
    "iso3", sorted(set(pd.read_csv(paths.FACTS).query("is_support == 'no'")["iso3"]))
)
def test_context_facts_stand_apart_on_their_country_page_with_why_and_are_never_counted(
    atlas, catalog, iso3
):
    context = atlas.context[atlas.context["iso3"] == iso3]
    app = run_page("pages/country.py", iso3=iso3)
    headers = [h.value for h in app.header]
    assert "Context, not counted as support" in headers
    text = all_text(app)
    for fact in context.itertuples(index=False):
        assert plain(fact.summary) in text and plain(fact.coding_note) in text
    support = atlas.support[atlas.support["iso3"] == iso3]
    assert catalog.profile.loc[iso3, "n_facts"] == len(support)


@pytest.mark.parametrize(
    "iso3", sorted(set(pd.read_csv(paths.DENIALS)["fact_id"].str[:3].str.upper()))
)
def test_each_denial_is_shown_beside_the_claim_it_answers_with_its_source(atlas, iso3):
    app = run_page("pages/country.py", iso3=iso3)
    cards = {}  # fact_id -> the caption of its card: the first fact_id a caption names is its
    # own (a coding note may name others after it)
    for caption in (c.value for c in app.caption):
        found = {caption.find(plain(f)): f for f in atlas.facts["fact_id"] if plain(f) in caption}
        if found:
            cards[found[min(found)]] = caption
    for denial in atlas.denials[atlas.denials["fact_id"].str[:3] == iso3.lower()].itertuples():
        line = present.denial_line(denial, atlas.sources, atlas.outlets)
        assert plain(line) in cards[denial.fact_id], denial.fact_id


def test_every_disputed_fact_has_a_denial(atlas):
    disputed = set(atlas.facts.loc[atlas.facts["evidence"] == "disputed", "fact_id"])
    assert disputed, "fixture: the data has a disputed fact"
    assert disputed <= set(atlas.denials["fact_id"])


def test_a_country_page_is_a_timeline_by_period_with_each_facts_direction(catalog):
    """India's facts under the periods they are dated in, oldest first; each card names its
    kind and direction, so ties from Russia read apart from support to it."""
    app = run_page("pages/country.py", iso3="IND")
    facts = catalog.facts_by_country["IND"]
    headers = [h.value for h in app.header]
    expected = [
        f"{p.label}: {words.count(n, 'fact')} of support"
        for p in stance.PERIODS
        if (n := sum(f.period == p.code for f in facts))
    ]
    assert headers[: len(expected)] == expected
    text = all_text(app)
    assert "From Russia" in text and "To Russia" in text
    assert plain(catalog.changes["IND"]) in text


def test_country_without_facts_shows_its_votes_and_says_so(atlas):
    app = run_page("pages/country.py", iso3="FRA")
    assert any("No support documented in these sources" in i.value for i in app.info)
    assert apptest.vote_cells(app) == len(atlas.resolutions)


def test_russia_is_the_subject():
    assert "The country the atlas is about" in all_text(run_page("pages/country.py", iso3="RUS"))


def test_a_territory_that_is_not_a_member_has_a_page():
    assert "Not a UN member" in all_text(run_page("pages/country.py", iso3="TWN"))


@pytest.mark.parametrize(
    "raw",
    [
        "XYZ",
        "IR",
        "IRNN",
        "",
        "   ",
        "<script>alert(1)</script>",
        "<b>IRN</b>",
        "[IRN](https://example.com)",
        "ÍRN",
        "I R N",
        "x" * 10_000,
        "%00",
    ],
    ids=lambda raw: raw[:20],
)
def test_a_bad_code_gets_a_friendly_page_and_is_never_echoed(raw):
    app = run_page("pages/country.py", iso3=raw)
    assert app.warning and "does not name a country" in app.warning[0].value
    assert app.selectbox(key="country_picker_empty")
    if raw.strip():
        assert raw not in all_text(app)


@pytest.mark.parametrize("raw", ["irn", " IRN ", "Irn"])
def test_a_code_in_any_case_opens_the_country(raw):
    app = run_page("pages/country.py", iso3=raw)
    assert app.title[0].value == plain("Iran (Islamic Republic of)")


def test_a_repeated_parameter_uses_the_first_usable_code():
    app = run_page("pages/country.py", iso3=["zzz", "PRK"])
    assert app.title[0].value == plain("Democratic People's Republic of Korea")


def test_the_about_page_explains_categories_evidence_and_absent_and_offers_downloads(package):
    app = run_page("pages/about.py")
    text = all_text(app)
    assert "Absent" in text and "Article 19" in text and f"as of {PACKAGE.facts_as_of}" in text
    # One download per file of the data package, and the package itself.
    assert len(app.get("download_button")) == len(package.resources) + 1


def test_the_sources_page_lists_every_source_with_outlet_date_and_the_facts_citing_it(atlas):
    text = all_text(run_page("pages/about.py"))
    outlet = atlas.outlets.set_index("outlet")["name"]
    for source in atlas.sources.itertuples(index=False):
        cited = int((atlas.facts["source_id"] == source.source_id).sum())
        noun = "fact" if cited == 1 else "facts"
        assert f"**{plain(outlet[source.outlet])}**, {dates.as_of_text(source.published)}" in text
        assert plain(f"Cited by {cited} {noun}") in text
        assert plain(present.page_title(source.title, source.url)) in text


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def _with_new_source_and_fact(atlas, data_copy, monkeypatch) -> tuple[str, dict]:
    """A data copy with one more source and one fact from it, for a member with no facts yet;
    the app reads the copy. Returns the member's code and the new rows' values."""
    iso3 = sorted(set(atlas.countries["iso3"]) - set(atlas.facts["iso3"]))[0]
    outlet = atlas.outlets["outlet"].iloc[-1]
    new = {
        "source_id": "test-2025-06-01",
        "title": "A page written for this test",
        "url": "https://example.org/test-page",
        "summary": "A fact written for this test, about arms sent to Russia.",
    }
    source = _csv_line(
        [new["source_id"], outlet, new["title"], new["url"], "2025-06-01", "en", "", ""]
    )
    cells = {
        "fact_id": f"{iso3.lower()}-01",
        "iso3": iso3,
        "category": "arms",
        "direction": "to_russia",
        "summary": new["summary"],
        "event_date": "2025-05",
        "date_precision": "month",
        "source_id": new["source_id"],
        "evidence": "media_report",
        "is_support": "yes",
        "said_by": "media",
    }
    header = paths.FACTS.read_text(encoding="utf-8").splitlines()[0].split(",")
    fact = _csv_line([cells.get(column, "") for column in header])
    folder = data_copy(
        {"sources.csv": lambda old: old + source, "facts.csv": lambda old: old + fact}
    )
    monkeypatch.setenv("ATLAS_DATA_DIR", str(folder))
    return iso3, new | {"outlet": atlas.outlets.set_index("outlet").loc[outlet, "name"]}


def test_a_new_source_and_fact_show_on_the_map_the_country_page_the_csv_and_sources_page(
    atlas, data_copy, monkeypatch
):
    support = atlas.support
    to_russia = int(((support["direction"] == "to_russia") & support["ended_by"].isna()).sum())
    iso3, new = _with_new_source_and_fact(atlas, data_copy, monkeypatch)
    # The map: one more fact behind it, and the country in its table.
    app = run_page()
    assert not app.error, [e.value for e in app.error]
    assert f"these {to_russia + 1} facts" in app.get("download_button")[0].proto.label
    name = atlas.countries.set_index("iso3").loc[iso3, "name"]
    assert name in set(map_table(app)[0]["Country"])
    # The country page: the fact, with its source and date.
    text = all_text(run_page("pages/country.py", iso3=iso3))
    assert plain(new["summary"]) in text
    assert plain(f"Source: {new['outlet']}, 1 June 2025 · ") in text
    assert f"[{plain(new['title'])}]({new['url']})" in text
    # The sources page: the source, and the one fact citing it.
    text = all_text(run_page("pages/about.py"))
    assert plain(new["title"]) in text, [line for line in text.splitlines() if "test" in line]
    assert "Cited by 1 fact:" in text
    # The CSV the map offers: the fact with its source's columns.
    copy = load.load_atlas(data_dir=Path(os.environ["ATLAS_DATA_DIR"]))
    names = copy.countries.set_index("iso3")["name"]
    table = present.facts_table(copy.support, names, copy.sources, copy.outlets)
    row = table[table["iso3"] == iso3].iloc[0]
    assert (row["source_title"], row["source_url"]) == (new["title"], new["url"])


def test_the_sources_page_lists_every_blocked_domain_with_its_reason(atlas):
    text = all_text(run_page("pages/about.py"))
    for row in atlas.blocked.itertuples(index=False):
        assert f"**{plain(row.domain)}**" in text and plain(row.reason) in text


def test_the_facts_csv_carries_each_facts_source(atlas):
    names = atlas.countries.set_index("iso3")["name"]
    table = present.facts_table(atlas.facts, names, atlas.sources, atlas.outlets)
    sources = atlas.sources.set_index("source_id")
    for row in table.itertuples(index=False):
        source = sources.loc[row.source_id]
        assert row.source_title == source["title"] or (
            pd.isna(row.source_title) and pd.isna(source["title"])
        )
        assert row.source_published == source["published"]
        assert row.source_outlet == atlas.outlets.set_index("outlet").loc[source["outlet"], "name"]


def test_the_about_page_offers_a_citation_in_plain_text_and_bibtex(package):
    app = run_page("pages/about.py")
    code = [block.value for block in app.code]
    assert package.citation() in code and package.bibtex() in code
    assert "@misc{russia_partners_atlas," in package.bibtex()


@pytest.mark.parametrize("page", [None, "pages/country.py", "pages/about.py"])
def test_every_page_ends_with_the_credits_from_the_data_package(package, page):
    app = run_page(page, iso3="IRN")
    assert plain(package.credits_line()) in [c.value for c in app.caption]


@pytest.mark.parametrize(
    "params",
    [
        {"colour": "red"},
        {"cat": ["Diplomatic cover", "<script>alert(1)</script>"]},
        {"view": "satellite"},
        {"res": "A/RES/ES-11/99"},
    ],
    ids=["unknown-key", "bad-category", "bad-view", "bad-resolution"],
)
def test_a_link_with_unusable_parts_says_so_and_shows_the_rest(params):
    app = run_page(**params)
    assert any("were not understood" in i.value for i in app.info)
    assert "<script>" not in all_text(app)
    assert map_data(app)["classes"]


def test_a_clean_link_gets_no_notice():
    app = run_page(view="UN vote", cat="", embed="true")
    assert not any("were not understood" in i.value for i in app.info)


@pytest.mark.parametrize("iso3", SUPPORT_COUNTRIES)
def test_a_country_page_gives_each_direction_s_kinds_with_their_own_evidence_and_facts(atlas, iso3):
    text = all_text(run_page("pages/country.py", iso3=iso3))
    lines = _direction_lines(atlas, iso3)
    assert lines and all(plain(line) in text for line in lines)


def _direction_lines(atlas, iso3: str) -> list[str]:
    """A country's support by direction as its summaries must give it, worked out here from the
    data: each kind with the strongest evidence among its facts in that direction."""
    facts = atlas.support[atlas.support["iso3"] == iso3]
    kinds = vocab.labels(vocab.CATEGORIES)
    grades = vocab.codes(vocab.EVIDENCE)  # strongest first
    labels = vocab.labels(vocab.EVIDENCE)
    lines = []
    for direction, head in present.DIRECTION_HEADS.items():
        chosen = facts[facts["direction"] == direction]
        if chosen.empty:
            continue
        listed = ", ".join(
            f"{kinds[c]} ({labels[min(of, key=grades.index)].lower()})"
            for c in vocab.codes(vocab.CATEGORIES)
            if (of := list(chosen.loc[chosen["category"] == c, "evidence"]))
        )
        noun = "fact" if len(chosen) == 1 else "facts"
        lines.append(f"{head}: {listed} · {len(chosen)} {noun}")
    return lines


def test_facts_a_source_states_itself_name_it_and_credited_facts_name_both(atlas):
    facts = atlas.facts[atlas.facts["iso3"] == "BLR"]
    credited = facts["attributed_to"].dropna()
    assert len(credited) and facts["attributed_to"].isna().any(), "fixture: Belarus has both"
    outlet = atlas.outlets.set_index("outlet")["name"]
    publisher = outlet[
        atlas.sources.set_index("source_id").loc[facts["source_id"].iloc[0], "outlet"]
    ]
    captions = " ".join(c.value for c in run_page("pages/country.py", iso3="BLR").caption)
    assert plain(f"Source: {publisher}, March 2023 · ") in captions  # its own, not credited
    for code in set(credited):
        assert plain(f"Source: {outlet[code]}, as cited by {publisher}") in captions
    assert plain(f"{publisher}, as cited by {publisher}") not in captions


@pytest.mark.parametrize("iso3, absent", [("FRA", False), ("VEN", True)])
def test_the_absent_note_shows_only_where_a_vote_was_absent(atlas, iso3, absent):
    votes = atlas.votes[atlas.votes["iso3"] == iso3]
    assert (votes["vote"] == "absent").any() == absent, "fixture: the record says so"
    captions = " ".join(c.value for c in run_page("pages/country.py", iso3=iso3).caption)
    assert ("Absent" in captions) == absent


def test_a_dependency_page_names_its_sovereign_and_links_to_it():
    app = run_page("pages/country.py", iso3="GRL")
    assert app.title[0].value == plain("Greenland (Denmark)")
    assert "part of Denmark" in all_text(app).replace("\\", "")


def test_the_countries_page_lists_the_documented_countries_first_then_all(catalog, atlas):
    app = run_page("pages/country.py")
    links = [e.proto.label for e in app.get("page_link")]
    for name in ("China", "Belarus", "Eritrea"):
        assert any(name in label for label in links), name
    for code in ("ERI", "PRK"):  # each line as its own page gives it
        assert all(plain(line) in all_text(app) for line in _direction_lines(atlas, code))
    directory = app.dataframe[0].value
    n = len(catalog.documented)
    assert len(directory) == 238 and list(directory["Facts"][:n]) == sorted(
        directory["Facts"][:n], reverse=True
    )
    assert (directory["Facts"][:n] > 0).all() and (directory["Facts"][n:] == 0).all()


def test_compare_page_reads_its_countries_from_the_address_and_writes_them_back():
    app = run_page("pages/compare.py", countries="chn,IND,zaf")
    assert app.multiselect(key="compare").value == ["CHN", "IND", "ZAF"]
    assert app.query_params == {"countries": "CHN,IND,ZAF"}
    tables = apptest.html_tables(app)
    assert len(tables) == 2 and all("South Africa" in t for t in tables)
    assert not app.info


def test_compare_page_flags_an_unknown_code_and_keeps_the_rest():
    app = run_page("pages/compare.py", countries="CHN,XYZ")
    assert app.multiselect(key="compare").value == ["CHN"]
    assert "not understood" in app.info[0].value


def test_compare_page_with_nothing_chosen_offers_an_example():
    app = run_page("pages/compare.py")
    links = [e.proto.label for e in app.get("page_link")]
    assert "Try China, India and South Africa" in links


@pytest.mark.parametrize(
    "per, shown", [("2019-2021", "2019-2021"), ("1999", actions.DEFAULT_PERIOD)]
)
def test_votes_and_actions_page_takes_its_period_from_the_address(per, shown):
    app = run_page("pages/actions.py", per=per)
    assert app.segmented_control(key=actions.KEY).value == shown
    assert bool(app.info) == (per != shown), "an unknown period is said, not silently replaced"
    assert any(f"the facts are as of {PACKAGE.facts_as_of}" in c.value for c in app.caption)


@pytest.mark.parametrize("when", ["article", "2019-2021", "2022-2023", "2024-2025", "now"])
def test_a_link_with_a_view_of_time_opens_the_map_on_those_facts(atlas, when):
    """`?when=article` (and each period) opens the map on its own facts: the title and the
    subtitle say which, and the download holds exactly them."""
    from partners import profile, timeline

    app = run_page(when=when)
    assert not app.exception and not app.error
    shown = profile.Filters(directions=("to_russia",), when=when).apply(atlas.support)
    label = app.get("download_button")[0].proto.label
    assert f"these {len(shown)} facts" in label
    title = app.title[0].value
    assert title.endswith(timeline.label(when)) == (when != timeline.NOW)
    phrase = timeline.sources_phrase(atlas.support, atlas.sources, when)
    assert plain(phrase) in all_text(app)
    assert app.segmented_control(key="when").value == when


def test_the_legend_says_what_the_colour_says_and_follows_the_direction():
    def heading(app: AppTest) -> str:
        return map_data(app)["legend"]

    app = run_page()
    assert heading(app) == "Colour: the strongest kind of support the country gives Russia"
    app.pills(key="dir").set_value(["from_russia"]).run()
    assert heading(app) == "Colour: the strongest kind of support Russia gives the country"


@pytest.mark.parametrize("view", ["support", "vote", "period"])
def test_every_country_in_the_map_table_is_a_link_to_its_own_page(atlas, view):
    """The table under the map is HTML (its text findable), each country's name a link to its
    page; the vote views list every UN member."""
    table, links = map_table(run_page(view=view))
    names = atlas.countries.set_index("iso3")["name"]
    codes = [link.removeprefix("country?iso3=") for link in links]
    assert len(codes) == len(table) and all(code in names.index for code in codes)
    assert list(table["Country"]) == [names[code] for code in codes]
    if view != "support":
        assert len(table) == len(atlas.countries)  # the 193 members
