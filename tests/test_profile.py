"""The per-country profile, from tiny tables built here, and its join to the shapes."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from partners import profile

COUNTRIES = pd.DataFrame(
    {"iso3": ["AAA", "BBB", "CCC", "RUS"], "m49": ["1", "2", "3", "643"], "name": list("ABCR")}
)
RESOLUTIONS = pd.DataFrame(
    {"symbol": ["A/RES/ES-11/2", "A/RES/ES-11/1"], "adopted": ["2022-03-24", "2022-03-02"]}
)
VOTES = pd.DataFrame(
    [
        (s, c, v)
        for s in RESOLUTIONS["symbol"]
        for c, v in zip(COUNTRIES["iso3"], ["yes", "no", "abstain", "no"], strict=False)
    ],
    columns=["symbol", "iso3", "vote"],
)


def _facts(*rows):
    return pd.DataFrame(rows, columns=["iso3", "category", "direction", "evidence", "summary"])


FACTS = _facts(
    ("AAA", "arms", "to_russia", "media_report", "a1"),
    ("AAA", "diplomatic", "to_russia", "public_record", "a2"),
    ("AAA", "arms", "from_russia", "public_record", "a3"),
    ("BBB", "economic", "mutual", "disputed", "b1"),
)


def _profile(filters=profile.Filters()):
    return profile.build_profile(FACTS, COUNTRIES, VOTES, RESOLUTIONS, filters)


def test_one_row_per_member_with_russia_as_subject():
    p = _profile()
    assert list(p.index) == ["AAA", "BBB", "CCC", "RUS"]
    assert p["is_subject"].to_dict() == {"AAA": False, "BBB": False, "CCC": False, "RUS": True}


def test_categories_in_vocabulary_order_and_by_direction():
    row = _profile().loc["AAA"]
    assert row["categories"] == ("arms", "diplomatic")
    assert row["categories_to_russia"] == ("arms", "diplomatic")
    assert row["categories_from_russia"] == ("arms",)
    assert row["categories_mutual"] == ()
    assert row["n_facts"] == 3 and row["n_categories"] == 2


def test_strongest_evidence_and_its_headline_first_in_file_order_on_ties():
    row = _profile().loc["AAA"]
    assert row["strongest_evidence"] == "public_record" and row["headline"] == "a2"


def test_evidence_is_given_per_direction_and_kind_not_borrowed_across_them():
    p = _profile()
    # AAA's weapons to Russia rest on a media report, though its diplomacy and the arms Russia
    # gives it are on the public record; directions and kinds in vocabulary order.
    assert p.loc["AAA", "evidence_by_kind"] == (
        ("to_russia", "arms", "media_report"),
        ("to_russia", "diplomatic", "public_record"),
        ("from_russia", "arms", "public_record"),
    )
    assert p.loc["BBB", "evidence_by_kind"] == (("mutual", "economic", "disputed"),)
    assert p.loc["CCC", "evidence_by_kind"] == ()


def test_the_strongest_evidence_of_a_kind_wins_within_it():
    more = pd.concat([FACTS, _facts(("AAA", "arms", "to_russia", "official_statement", "a4"))])
    row = profile.build_profile(more, COUNTRIES, VOTES, RESOLUTIONS).loc["AAA"]
    assert row["evidence_by_kind"][0] == ("to_russia", "arms", "official_statement")


def test_country_without_facts_has_empty_profile_but_its_votes():
    row = _profile().loc["CCC"]
    assert row["n_facts"] == 0 and row["categories"] == () and pd.isna(row["strongest_evidence"])
    assert (row["vote_ES-11/1"], row["vote_ES-11/2"]) == ("abstain", "abstain")


def test_votes_are_in_adoption_order():
    assert profile.vote_columns(RESOLUTIONS) == {
        "A/RES/ES-11/1": "vote_ES-11/1",
        "A/RES/ES-11/2": "vote_ES-11/2",
    }


@pytest.mark.parametrize(
    "filters, expected_counts",
    [
        (profile.Filters(), {"AAA": 3, "BBB": 1}),
        (profile.Filters(categories=("arms",)), {"AAA": 2, "BBB": 0}),
        (profile.Filters(directions=("to_russia",)), {"AAA": 2, "BBB": 0}),
        (profile.Filters(evidence=("public_record", "media_report")), {"AAA": 3, "BBB": 0}),
        (profile.Filters(categories=()), {"AAA": 0, "BBB": 0}),
    ],
)
def test_filters_change_the_counts(filters, expected_counts):
    p = _profile(filters)
    assert p.loc[["AAA", "BBB"], "n_facts"].to_dict() == expected_counts


def test_disputed_is_flagged():
    p = _profile()
    assert p["has_disputed"].to_dict() == {"AAA": False, "BBB": True, "CCC": False, "RUS": False}


def test_join_reports_codes_without_a_shape():
    shapes = gpd.GeoDataFrame(
        {
            "iso3": ["AAA", "BBB", "TWN"],
            "name": ["A", "B", "T"],
            "geometry": [shapely.box(0, 0, 1, 1)] * 3,
        },
        crs="EPSG:4326",
    )
    joined, missing = profile.join_shapes(_profile(), shapes)
    assert missing == ["CCC", "RUS"]
    assert list(joined["iso3"]) == ["AAA", "BBB"]


def test_every_shipped_fact_finds_a_shape(atlas):
    p = profile.build_profile(atlas.facts, atlas.countries, atlas.votes, atlas.resolutions)
    joined, missing = profile.join_shapes(p, atlas.shapes)
    assert missing == []
    assert set(atlas.facts["iso3"]) <= set(joined["iso3"])
    assert len(joined) == 193
