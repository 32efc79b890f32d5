"""The map page's view model, from the shipped data."""

from __future__ import annotations

import pytest

from partners import present, views, vocab


@pytest.fixture(scope="module")
def index(atlas):
    return present.country_index(atlas.countries, atlas.shapes)


def _state(**changes) -> views.MapState:
    base = dict(
        view="support",
        symbol="A/RES/ES-11/6",
        categories=tuple(vocab.codes(vocab.CATEGORIES)),
        directions=("to_russia",),
        evidence=tuple(vocab.codes(vocab.EVIDENCE)),
    )
    return views.MapState(**(base | changes))


def test_default_view_counts(atlas, index):
    view = views.build_map_view(atlas, index, _state())
    to_russia = atlas.facts[atlas.facts["direction"] == "to_russia"]
    assert view.n_facts == len(to_russia)
    assert view.n_partners == to_russia["iso3"].nunique()
    assert view.n_disputed == (to_russia["evidence"] == "disputed").sum()
    assert view.facts_csv.decode().count("\n") == len(to_russia) + 1


def test_support_view_marks_disputed_countries_and_vote_view_does_not(atlas, index):
    support = views.build_map_view(atlas, index, _state(directions=("to_russia", "mutual")))
    vote = views.build_map_view(atlas, index, _state(view="vote"))
    assert len(support.figure.data) == 2 and support.figure.data[1].text == ("⚠",)
    assert len(vote.figure.data) == 1
    assert "Vote" in vote.table.columns and len(vote.table) == 193


def test_states_are_hashable_so_views_can_be_cached():
    assert hash(_state()) == hash(_state())
    assert _state() != _state(view="vote")
