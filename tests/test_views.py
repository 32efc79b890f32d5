"""The map page's view model, from the shipped data."""

from __future__ import annotations

import pytest

from partners import figures, present, profile, provenance, timeline, views, vocab

AS_OF = provenance.Package.read().facts_as_of  # the facts' date, as datapackage.json gives it


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


def _view(atlas, index, **changes) -> views.MapView:
    return views.build_map_view(atlas, index, _state(**changes), facts_as_of=AS_OF)


def test_the_default_view_counts_partners_facts_and_disputed_ones_from_the_data(atlas, index):
    view = _view(atlas, index)
    support = atlas.support
    to_russia = support[(support["direction"] == "to_russia") & support["ended_by"].isna()]
    partners = to_russia["iso3"].nunique()
    disputed = (to_russia["evidence"] == "disputed").sum()
    assert f"**{partners}** countries with documented support" in view.summary
    assert f"**{len(to_russia)}** facts shown" in view.summary
    assert (f"**{disputed}** disputed" in view.summary) == bool(disputed)
    assert view.csv.decode().count("\n") == len(to_russia) + 1
    phrase = timeline.sources_phrase(atlas.support, atlas.sources, timeline.NOW)
    assert phrase in view.subtitle


def _shown(atlas, view) -> dict[str, str]:
    """Each shape's lines as the map shows them: its own, else its class's label."""
    data = view.map_data
    return {
        code: data["tips"].get(code, data["labels"][ord(char) - 48])
        for code, char in zip(atlas.shapes["iso3"], data["classes"], strict=True)
    }


def test_support_view_marks_disputed_countries_and_vote_view_does_not(atlas, index):
    support = views.build_map_view(
        atlas, index, _state(directions=("to_russia", "mutual")), facts_as_of=AS_OF
    )
    vote = _view(atlas, index, view="vote")
    shown = profile.Filters(directions=("to_russia", "mutual"), when=timeline.NOW).apply(
        atlas.support
    )
    marked = shown.loc[shown["evidence"] == "disputed", "iso3"].nunique()
    assert marked, "fixture: a disputed fact is shown"
    assert len(support.map_data["marks"]) == marked
    assert vote.map_data["marks"] == []
    assert "Vote" in vote.table.columns and len(vote.table) == 193


def test_the_table_counts_under_the_filters_and_in_all_and_says_so(atlas, index):
    """South Africa: facts to Russia beside every fact its page lists (the basis is named)."""
    view = _view(atlas, index)
    row = view.table.loc["ZAF"]
    everything = atlas.facts[atlas.facts["iso3"] == "ZAF"]
    to_russia = everything[everything["direction"] == "to_russia"]
    assert (row["Facts shown"], row["All facts"]) == (len(to_russia), len(everything))
    assert "Counted under the filters: support to Russia" in view.table_note


def test_the_vote_view_offers_the_votes_as_csv(atlas, index):
    vote = views.build_map_view(
        atlas, index, _state(view="vote", symbol="A/RES/ES-11/1"), facts_as_of=AS_OF
    )
    lines = vote.csv.decode().strip().splitlines()
    assert lines[0] == "symbol,iso3,country,vote" and len(lines) == 1 + 193
    assert vote.file_stem == "un-votes-ES-11-1"
    assert "141" in vote.summary and "yes" in vote.summary


def test_grey_says_what_it_means_in_the_legend_and_on_hover(atlas, index):
    view = _view(atlas, index)
    assert "No support documented in these sources" in view.legend.labels
    hover = _shown(atlas, view)
    assert hover["FRA"] == "No support documented in these sources"
    assert "Not a UN member" in hover["TWN"]


def test_the_greys_are_one_grey_at_two_opacities_so_either_theme_shows_through(atlas, index):
    view = _view(atlas, index)
    palette = figures.PALETTE
    assert view.legend.colours[-2:] == (palette.no_support, palette.not_member)
    grey = {palette.no_support[:7], palette.not_member[:7]}
    alphas = [int(c[7:], 16) for c in (palette.no_support, palette.not_member)]
    assert len(grey) == 1 and alphas[0] > alphas[1] > 0  # non-members the quietest


def test_states_are_hashable_so_views_can_be_cached():
    assert hash(_state()) == hash(_state())
    assert _state() != _state(view="vote")


def test_a_vote_title_keeps_the_capitals_of_proper_names(atlas, index):
    view = views.build_map_view(
        atlas, index, _state(view="vote", symbol="A/RES/74/17"), facts_as_of=AS_OF
    )
    assert view.title == "How each UN member voted on militarization of Crimea (2019)"


@pytest.mark.parametrize(
    "changes, line",
    [
        ({}, "Part of Denmark: No support documented"),
        ({"view": "vote"}, "Part of Denmark; its vote on A/RES/ES-11/6: Yes"),
        ({"view": "period", "period": "2022-2023"}, "Part of Denmark; its votes, 2022–2023:"),
    ],
)
def test_a_territory_hovers_with_its_own_name_and_says_whose_record_it_shows(
    atlas, catalog, changes, line
):
    view = _view(atlas, catalog.index, **changes)
    hover = _shown(atlas, view)
    assert hover["GRL"].lower().startswith(line.lower()), hover["GRL"]
    assert not any("<" in text for text in hover.values()), "lines are text, never markup"
    assert "France" not in hover["FRA"], "the name is in the shapes' file, not sent per view"


def test_a_vote_view_sends_lines_only_for_shapes_whose_vote_is_another_members(atlas, catalog):
    """A member's line on the vote map is its vote, its class's label, so it is not sent (the
    title names the resolution); a territory's line says whose vote it shows."""
    view = _view(atlas, catalog.index, view="vote", symbol="A/RES/ES-11/1")
    tips = view.map_data["tips"]
    assert tips and not set(atlas.countries["iso3"]) & set(tips)
    assert tips["GRL"] == "Part of Denmark; its vote on A/RES/ES-11/1: Yes"


def test_a_view_sends_one_class_per_shape_in_the_shapes_files_order(atlas, index):
    """The component paints the i-th shape of static/world.svg with the i-th character."""
    view = _view(atlas, index, view="vote", symbol="A/RES/ES-11/1")
    data = view.map_data
    assert len(data["classes"]) == len(atlas.shapes)
    order = list(atlas.shapes["iso3"])
    k = {code: ord(data["classes"][order.index(code)]) - 48 for code in ("RUS", "PRK", "UKR")}
    assert [view.legend.codes[k[c]] for c in ("RUS", "PRK", "UKR")] == ["no", "no", "yes"]
    assert view.fills["UKR"] == data["colours"][k["UKR"]]


def test_the_support_scale_has_a_colour_for_every_number_of_kinds():
    """A country documented with every kind gets the scale's darkest colour, not an error."""
    assert len(figures.SUPPORT_COLOURS) == len(vocab.CATEGORIES)
    assert len(set(figures.SUPPORT_COLOURS)) == len(figures.SUPPORT_COLOURS)


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _class_of(view, atlas) -> dict[str, str]:
    """Each shape's legend code, as the map paints it."""
    codes = view.legend.codes
    return {
        code: codes[ord(char) - 48]
        for code, char in zip(atlas.shapes["iso3"], view.map_data["classes"], strict=True)
    }


def _strongest_to_russia(atlas, code: str) -> str | None:
    """From the facts file itself: the strongest kind a country gives Russia, to date."""
    support = atlas.support
    rows = support[
        (support["iso3"] == code)
        & (support["direction"] == "to_russia")
        & support["ended_by"].isna()
    ]
    kinds = set(rows["category"])
    return next((k for k in vocab.STRENGTH if k in kinds), None)


def test_the_colour_is_the_strongest_kind_each_country_gives_russia_darker_for_stronger(
    atlas, index
):
    """Who arms Russia reads darker than who buys its oil, whatever the number of facts."""
    view = _view(atlas, index)
    classes = _class_of(view, atlas)
    painted = {c: k for c, k in classes.items() if k in vocab.STRENGTH}
    assert painted, "fixture: countries with support to Russia"
    for code, kind in painted.items():
        if code in index.index and index.loc[code, "member"]:
            assert kind == _strongest_to_russia(atlas, code), code
    darkness = [_luminance(figures.KIND_COLOURS[k]) for k in vocab.STRENGTH]
    assert darkness == sorted(darkness), "the strongest kind is the darkest"
    assert view.legend.title == "Colour: the strongest kind of support the country gives Russia"


def test_india_buying_oil_reads_paler_than_iran_arming_russia_and_eritreas_vote_palest(
    atlas, index
):
    view = _view(atlas, index)
    fills = view.fills
    assert _luminance(fills["IND"]) > _luminance(fills["IRN"])
    assert fills["ERI"] == figures.KIND_COLOURS["diplomatic"] == figures.SUPPORT_COLOURS[0]
    assert fills["IRN"] != fills["ERI"], "one vote never reads as dark as drones"


def test_arms_russia_sells_never_read_as_a_country_arming_russia(atlas, index):
    """In every direction at once, the colour still says what the country gives Russia; shown
    alone, what Russia gives is said so in the legend's heading; and a country with only
    support from Russia is blue, outside the red scale."""
    both = _view(atlas, index, directions=("to_russia", "from_russia", "mutual"))
    assert _class_of(both, atlas)["IND"] == _strongest_to_russia(atlas, "IND") != "arms"
    given = _view(atlas, index, directions=("from_russia",))
    assert given.legend.title == "Colour: the strongest kind of support Russia gives the country"
    only_received = {"is_subject": False, "n_categories": 1, "categories_to_russia": ()}
    assert figures.support_class(only_received, "to_russia") == "other"
    assert figures.OTHER_DIRECTION_COLOUR not in figures.SUPPORT_COLOURS
