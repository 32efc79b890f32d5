"""The time axis: each fact's period, the views of time, the article's own view, ended support."""

from __future__ import annotations

import pandas as pd
import pytest

from partners import dates, profile, stance, timeline, urlstate
from partners.errors import DataError


@pytest.mark.parametrize(
    "event, reported, published, expected",
    [
        ("2024-06-19", None, "2024-06-19", "2024-2025"),
        ("2023", None, "2024-01-26", "2022-2023"),  # a year counts from its first day
        (None, "2022-12", "2023-03", "2022-2023"),  # undated: when the outlet reported it
        (None, None, "2025-07", "2024-2025"),  # else when its source was published
        ("2018-05", None, "2023-03", None),  # before the first period: in none of them
    ],
)
def test_a_facts_period_comes_from_its_date_else_its_sources(event, reported, published, expected):
    facts = pd.DataFrame(
        {"event_date": [event], "reported_date": [reported], "source_id": ["s"]}, dtype=object
    )
    sources = pd.DataFrame({"source_id": ["s"], "published": [published]})
    assert timeline.fact_periods(facts, sources).iloc[0] == expected


def test_every_shipped_fact_has_the_period_of_its_date(atlas):
    dates_ = timeline.fact_dates(atlas.facts, atlas.sources)
    days = dates_.map(lambda date: dates.parse_partial_date(date).isoformat())
    for day, period in zip(days, atlas.facts["period"], strict=True):
        found = stance.period_of(day)
        assert (found.code if found else None) == (period if isinstance(period, str) else None)


def test_the_views_of_time_are_to_date_each_vote_period_and_the_article():
    codes = [term.code for term in timeline.WHEN]
    assert codes == [timeline.NOW, *(p.code for p in stance.PERIODS), timeline.ARTICLE]


def test_to_date_leaves_out_ended_support_and_the_periods_keep_it(atlas):
    ended = atlas.support[atlas.support["ended_by"].notna()]
    assert len(ended), "fixture: the data records support that ended"
    now = timeline.select(atlas.support, timeline.NOW)
    assert not set(ended["fact_id"]) & set(now["fact_id"])
    in_periods = pd.concat(timeline.select(atlas.support, p.code) for p in stance.PERIODS)
    assert set(ended["fact_id"]) <= set(in_periods["fact_id"])


def test_the_articles_view_is_the_article_and_nothing_else(atlas):
    shown = timeline.select(atlas.facts, timeline.ARTICLE)
    assert len(shown) and set(shown["source_id"]) == {timeline.ARTICLE_SOURCE}
    assert len(shown) == int((atlas.facts["source_id"] == timeline.ARTICLE_SOURCE).sum())


def test_each_period_holds_exactly_the_facts_dated_in_it(atlas):
    total = sum(len(timeline.select(atlas.facts, p.code)) for p in stance.PERIODS)
    assert total == int(atlas.facts["period"].notna().sum())


@pytest.mark.parametrize(
    "values, expected, unusable",
    [
        (["article"], "article", False),
        (["2024-2025"], "2024-2025", False),
        (["2024–2025"], "2024-2025", False),  # the label, with its en dash
        (["To date"], "now", False),
        (["1999"], "now", True),
        ([], "now", False),
    ],
)
def test_a_when_parameter_is_read_as_a_code_or_a_label(atlas, values, expected, unusable):
    params = {"when": values} if values else {}
    state, flagged = urlstate.parse(params, list(atlas.resolutions["symbol"]))
    assert (state.when, flagged) == (expected, unusable)


def test_the_address_carries_the_view_of_time_only_when_it_is_not_to_date(atlas):
    symbols = list(atlas.resolutions["symbol"])
    state, unusable = urlstate.parse({"when": ["article"]}, symbols)
    assert state.when == "article" and not unusable
    assert urlstate.to_params(state, symbols) == {"when": ["article"]}
    assert "when" not in urlstate.to_params(urlstate.default_view(symbols), symbols)


def test_the_maps_filters_count_only_the_chosen_time(atlas):
    every = profile.Filters(directions=("to_russia",), when=timeline.ARTICLE).apply(atlas.support)
    assert set(every["source_id"]) == {timeline.ARTICLE_SOURCE}
    assert (every["direction"] == "to_russia").all()


def test_the_sources_phrase_names_the_article_alone_or_counts_the_sources(atlas):
    article = timeline.sources_phrase(atlas.support, atlas.sources, timeline.ARTICLE)
    assert article == "in the tvn24.pl article alone, as of March 2023"
    latest = stance.PERIODS[-1]
    chosen = timeline.select(atlas.support, latest.code)
    phrase = timeline.sources_phrase(atlas.support, atlas.sources, latest.code)
    assert phrase.startswith(f"in {latest.label}, from {chosen['source_id'].nunique()} sources")


def _with_facts_edit(data_copy, change):
    from partners import load

    folder = data_copy({"facts.csv": change})
    return lambda: load.load_atlas(data_dir=folder)


def test_an_ended_by_that_names_no_fact_is_refused_with_file_line_and_column(data_copy):
    load_copy = _with_facts_edit(data_copy, lambda text: text.replace(",syr-05\n", ",syr-99\n", 1))
    with pytest.raises(DataError) as caught:
        load_copy()
    (problem,) = caught.value.problems
    assert problem.file.endswith("facts.csv") and problem.column == "ended_by"
    assert "'syr-99'" in problem.message and problem.line


def test_an_ended_by_that_names_another_countrys_fact_is_refused(data_copy):
    load_copy = _with_facts_edit(data_copy, lambda text: text.replace(",syr-05\n", ",prk-07\n", 1))
    with pytest.raises(DataError) as caught:
        load_copy()
    assert "expected a fact about SYR" in caught.value.problems[0].message
