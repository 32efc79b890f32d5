"""The map's view in its address: short codes written, every older form of a link still read."""

from __future__ import annotations

import dataclasses

import pytest

from partners import stance, urlstate, vocab

SYMBOLS = ["A/RES/ES-11/1", "A/RES/ES-11/3", "A/RES/ES-11/6"]
DEFAULT = urlstate.default_view(SYMBOLS)
ALL_KINDS = tuple(vocab.codes(vocab.CATEGORIES))


def parse(**params):
    return urlstate.parse(
        {k: v if isinstance(v, list) else [v] for k, v in params.items()}, SYMBOLS
    )


@pytest.mark.parametrize(
    "params, field, expected",
    [
        ({"cat": "arms"}, "categories", ("arms",)),
        ({"cat": ["diplomatic", "arms"]}, "categories", ("arms", "diplomatic")),
        ({"cat": "Weapons and munitions"}, "categories", ("arms",)),  # a label, as links had
        ({"cat": "military"}, "categories", ("arms", "exercises")),  # the former code
        ({"cat": "Military supplies"}, "categories", ("arms", "exercises")),  # its label
        (
            {"cat": ["Military supplies", "Economic ties"]},
            "categories",
            ("arms", "exercises", "economic"),
        ),
        ({"cat": ""}, "categories", ()),  # ?cat= : none selected
        ({"view": "vote"}, "view", "vote"),
        ({"view": "UN vote"}, "view", "vote"),
        ({"res": "ES-11/3"}, "symbol", "A/RES/ES-11/3"),
        ({"res": "A/RES/ES-11/3"}, "symbol", "A/RES/ES-11/3"),
        (
            {"res": "2022-04-07 · Suspension from the Human Rights Council (A/RES/ES-11/3)"},
            "symbol",
            "A/RES/ES-11/3",
        ),
        ({"view": "period"}, "view", "period"),
        ({"per": "2019-2021"}, "period", "2019-2021"),
        ({"per": "2019–2021"}, "period", "2019-2021"),  # the label's en dash
        ({"dir": ["To Russia", "mutual"]}, "directions", ("to_russia", "mutual")),
        ({"ev": "PUBLIC_RECORD"}, "evidence", ("public_record",)),
    ],
)
def test_every_form_of_a_link_reads_as_the_same_view(params, field, expected):
    state, unusable = parse(**params)
    assert getattr(state, field) == expected and not unusable


@pytest.mark.parametrize(
    "params",
    [
        {"cat": "cyber"},
        {"view": "satellite"},
        {"res": "ES-11/99"},
        {"per": "2014-2018"},
        {"colour": "red"},
    ],
    ids=["unknown-kind", "unknown-view", "unknown-resolution", "unknown-period", "unknown-key"],
)
def test_unusable_parts_are_flagged_and_take_the_default(params):
    state, unusable = parse(**params)
    assert unusable and state == DEFAULT


def test_an_embedded_view_is_not_flagged():
    assert parse(embed="true") == (DEFAULT, False)


def test_the_default_view_writes_nothing():
    assert urlstate.to_params(DEFAULT, SYMBOLS) == {}


def test_a_view_is_written_in_short_codes_and_read_back_the_same():
    state = urlstate.MapState(
        "vote", "A/RES/ES-11/3", ("arms", "diplomatic"), ("to_russia", "mutual"), ()
    )
    params = urlstate.to_params(state, SYMBOLS)
    assert params == {
        "view": ["vote"],
        "res": ["ES-11/3"],
        "cat": ["arms", "diplomatic"],
        "dir": ["to_russia", "mutual"],
        "ev": [""],
    }
    assert urlstate.parse(params, SYMBOLS) == (state, False)


def test_a_period_view_is_written_as_its_code_and_read_back_the_same():
    state = dataclasses.replace(DEFAULT, view="period", period="2022-2023")
    params = urlstate.to_params(state, SYMBOLS)
    assert params == {"view": ["period"], "per": ["2022-2023"]}
    assert urlstate.parse(params, SYMBOLS) == (state, False)


def test_the_default_view_shows_every_kind_to_russia_and_the_latest_resolution():
    assert DEFAULT.categories == ALL_KINDS and DEFAULT.directions == ("to_russia",)
    assert DEFAULT.symbol == SYMBOLS[-1] and DEFAULT.view == "support"


def test_the_controls_values_of_a_view_give_back_the_same_view():
    state = dataclasses.replace(DEFAULT, view="vote", categories=("arms",), directions=())
    values = urlstate.controls(state)
    assert values["cat"] == ["arms"] and values["dir"] == []
    assert urlstate.from_controls(values, SYMBOLS) == state


def test_a_control_never_drawn_takes_the_default():
    values = urlstate.controls(DEFAULT) | {"cat": None, "per": None}
    assert urlstate.from_controls(values, SYMBOLS) == DEFAULT


def test_the_maps_address_reads_an_old_link_and_writes_it_in_short_codes():
    address = urlstate.map_address(SYMBOLS)
    values, unusable = address.read({"view": ["UN vote"], "res": ["A/RES/ES-11/3"]})
    assert not unusable and values["view"] == "vote" and values["res"] == "A/RES/ES-11/3"
    assert address.write(values) == {"view": ["vote"], "res": ["ES-11/3"]}
    assert set(address.params) == set(address.controls) == set(urlstate.CONTROLS)


def test_a_one_control_view_reads_its_parameter_and_flags_what_it_cannot_use():
    def parse_values(values):
        known = [v for v in values if v in {"a", "b"}]
        return tuple(known), len(known) != len(values)

    address = urlstate.one_control(
        "picked", "p", parse_values, lambda v: {"p": list(v)} if v else {}
    )
    assert address.read({"p": ["a", "zzz"]}) == ({"picked": ["a"]}, True)
    assert address.read({"other": ["x"]}) == ({"picked": []}, False)
    assert address.write({"picked": ["b"]}) == {"p": ["b"]}
    assert address.write({"picked": []}) == {}


def test_a_shared_link_pins_the_resolution_and_the_period_it_shows():
    """A bare address means the latest resolution; a shared one names it, so that it keeps
    showing the same vote when a newer one is added."""
    symbols = SYMBOLS
    vote = urlstate.MapState("vote", symbols[-1], (), (), (), "2024-2025")
    assert "res" not in urlstate.to_params(vote, symbols)
    assert urlstate.pinned_params(vote, symbols)["res"] == [stance.short_symbol(symbols[-1])]
    period = urlstate.MapState("period", symbols[-1], (), (), (), urlstate.LATEST_PERIOD)
    assert urlstate.pinned_params(period, symbols)["per"] == [urlstate.LATEST_PERIOD]
    support = urlstate.default_view(symbols)
    assert urlstate.pinned_params(support, symbols) == {}
