"""UN vote tables: names resolved to ISO3, official totals rebuilt, builds reproducible."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from partners import paths

pytest.importorskip("pycountry", reason="needs the dev group: uv sync --all-groups")

from scripts import build_un_votes, unvotes

# Official totals (adopted, yes, no, abstain), from shared/reference/un-ga/README.md.
OFFICIAL = {
    "A/RES/74/17": ("2019-12-09", 63, 19, 66),
    "A/RES/74/168": ("2019-12-18", 65, 23, 83),
    "A/RES/75/29": ("2020-12-07", 63, 17, 62),
    "A/RES/75/192": ("2020-12-16", 64, 23, 86),
    "A/RES/76/70": ("2021-12-09", 62, 22, 55),
    "A/RES/76/179": ("2021-12-16", 65, 25, 85),
    "A/RES/ES-11/1": ("2022-03-02", 141, 5, 35),
    "A/RES/ES-11/2": ("2022-03-24", 140, 5, 38),
    "A/RES/ES-11/3": ("2022-04-07", 93, 24, 58),
    "A/RES/ES-11/4": ("2022-10-12", 143, 5, 35),
    "A/RES/ES-11/5": ("2022-11-14", 94, 14, 73),
    "A/RES/77/229": ("2022-12-15", 82, 14, 80),
    "A/RES/ES-11/6": ("2023-02-23", 141, 7, 32),
    "A/RES/78/221": ("2023-12-19", 78, 15, 79),
    "A/RES/78/316": ("2024-07-11", 99, 9, 60),
    "A/RES/79/184": ("2024-12-17", 81, 14, 80),
    "A/RES/80/223": ("2025-12-18", 79, 16, 73),
}


@pytest.mark.parametrize("symbol", sorted(OFFICIAL))
def test_rebuilt_totals_equal_the_official_ones(atlas, symbol):
    counts = atlas.votes[atlas.votes["symbol"] == symbol]["vote"].value_counts()
    adopted, yes, no, abstain = OFFICIAL[symbol]
    assert (counts.get("yes", 0), counts.get("no", 0), counts.get("abstain", 0)) == (
        yes,
        no,
        abstain,
    )
    assert counts.sum() == 193
    row = atlas.resolutions.set_index("symbol").loc[symbol]
    assert (row["adopted"], row["yes"], row["no"], row["abstain"]) == (adopted, yes, no, abstain)


def test_resolutions_load_in_adoption_order(atlas):
    assert list(atlas.resolutions["symbol"]) == sorted(OFFICIAL, key=lambda s: OFFICIAL[s][0])


def test_the_vote_table_holds_17_times_193_votes_and_russia_voted_no_on_all(atlas):
    assert len(atlas.votes) == 17 * 193 and len(atlas.resolutions) == 17
    assert set(atlas.resolutions["russia_vote"]) == {"no"}
    russia = atlas.votes[atlas.votes["iso3"] == "RUS"]
    assert set(russia["vote"]) == {"no"}


def test_rerunning_the_script_reproduces_the_committed_files_byte_for_byte(tmp_path, shared_dir):
    build_un_votes.main(
        ["--source", str(shared_dir / "reference" / "un-ga"), "--out", str(tmp_path)]
    )
    for target in (paths.COUNTRIES, paths.RESOLUTIONS, paths.VOTES):
        assert (tmp_path / target.name).read_bytes() == target.read_bytes(), target.name


def test_the_script_refuses_an_input_whose_hash_differs(tmp_path, shared_dir):
    source = tmp_path / "un-ga"
    source.mkdir()
    for name in ("ES-11.json", "74.json"):  # copies, one of them changed by one character
        original = (shared_dir / "reference" / "un-ga" / name).read_text(encoding="utf-8")
        edited = original.replace("AFGHANISTAN", "AFGHANISTAN ") if name == "74.json" else original
        (source / name).write_text(edited, "utf-8")
    with pytest.raises(SystemExit, match="differs from datapackage.json"):
        build_un_votes.main(["--source", str(source), "--out", str(tmp_path)])


MEMBERS = {"IRN", "TUR", "CIV", "PRK", "KOR", "MDA", "GBR", "COD", "COG"}
OVERRIDES = {"IRAN (ISLAMIC REPUBLIC OF)": "IRN", "TÜRKİYE": "TUR", "REPUBLIC OF KOREA": "KOR"}


@pytest.mark.parametrize(
    "name, iso3",
    [
        ("IRAN (ISLAMIC REPUBLIC OF)", "IRN"),
        ("TÜRKİYE", "TUR"),
        ("REPUBLIC OF KOREA", "KOR"),
        ("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "PRK"),
        ("REPUBLIC OF MOLDOVA", "MDA"),
        ("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "GBR"),
        ("CONGO", "COG"),
        ("Côte d'Ivoire", "CIV"),
        ("  iran (islamic republic of) ", "IRN"),
    ],
)
def test_names_resolve_to_iso3(name, iso3):
    assert unvotes.resolve_names([name], MEMBERS, OVERRIDES) == {name: iso3}


def test_a_name_that_resolves_to_nothing_stops_the_build_naming_it():
    with pytest.raises(unvotes.UnresolvedNameError, match="'NARNIA' matches no country"):
        unvotes.resolve_names(["IRAN (ISLAMIC REPUBLIC OF)", "NARNIA"], MEMBERS, OVERRIDES)


def test_a_name_that_resolves_to_a_non_member_stops_the_build():
    with pytest.raises(unvotes.UnresolvedNameError, match="'GREENLAND' resolved to GRL"):
        unvotes.resolve_names(["GREENLAND"], MEMBERS, OVERRIDES)


def test_every_member_s_own_un_name_resolves_to_its_own_code(shared_dir):
    """Guards against the library mapping a name to the wrong member."""
    members = pd.read_csv(shared_dir / "reference/un-ga/un_members.csv", dtype=str)
    overrides = pd.read_csv(paths.NAME_OVERRIDES, dtype=str)
    resolved = unvotes.resolve_names(
        members["un_name"],
        set(members["iso3"]),
        dict(zip(overrides["un_name"], overrides["iso3"], strict=False)),
    )
    assert [resolved[n] for n in members["un_name"]] == list(members["iso3"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2 March 2022", dt.date(2022, 3, 2)),
        ("24\u00a0March 2022", dt.date(2022, 3, 24)),
        ("11\u00a0July\u00a02024", dt.date(2024, 7, 11)),
        ("2019-12-09 00:00:00", dt.date(2019, 12, 9)),
    ],
)
def test_un_dates_parse_in_all_three_forms_of_the_extracts(text, expected):
    assert unvotes.parse_un_date(text) == expected


def test_a_date_in_no_known_form_stops_the_build_naming_it():
    with pytest.raises(ValueError, match="'March the 2nd' is not a date"):
        unvotes.parse_un_date("March the 2nd")


def test_a_symbol_missing_from_the_extracts_stops_the_build_naming_it():
    with pytest.raises(ValueError, match="not in the extracts: A/RES/ES-11/7"):
        unvotes.select([{"symbol": "A/RES/ES-11/1"}], ["A/RES/ES-11/1", "A/RES/ES-11/7"])


@pytest.mark.parametrize("spelling", ["TÜRKİYE", "TURKIYE", "TURKEY"])
def test_the_three_spellings_of_turkiye_resolve_to_one_member(spelling):
    overrides = pd.read_csv(paths.NAME_OVERRIDES, dtype=str)
    table = dict(zip(overrides["un_name"], overrides["iso3"], strict=True))
    assert unvotes.resolve_names([spelling], {"TUR"}, table) == {spelling: "TUR"}


def _record(**lists):
    base = {"symbol": "A/RES/ES-11/9", "title": "T", "adoption_date": "1 May 2023", "pv": "PV"}
    base.update({f: lists.get(f, []) for f in ("MS_in_favour", "MS_against", "MS_abstaining")})
    base.update(
        MS_in_favour_count=str(len(base["MS_in_favour"])),
        MS_against_count=str(len(base["MS_against"])),
        MS_abstaining_count=str(len(base["MS_abstaining"])),
    )
    return base


def test_members_in_no_list_are_absent():
    members = pd.DataFrame({"iso3": ["IRN", "KOR", "PRK"]})
    record = _record(MS_in_favour=["REPUBLIC OF KOREA"], MS_against=["IRAN (ISLAMIC REPUBLIC OF)"])
    _, votes = unvotes.build_tables([record], members, OVERRIDES, {"A/RES/ES-11/9": "x"})
    assert dict(zip(votes["iso3"], votes["vote"], strict=False)) == {
        "IRN": "no",
        "KOR": "yes",
        "PRK": "absent",
    }


def test_a_member_listed_twice_stops_the_build():
    members = pd.DataFrame({"iso3": ["KOR"]})
    record = _record(MS_in_favour=["REPUBLIC OF KOREA"], MS_abstaining=["REPUBLIC OF KOREA"])
    with pytest.raises(ValueError, match="listed twice"):
        unvotes.build_tables([record], members, OVERRIDES, {"A/RES/ES-11/9": "x"})


def test_counts_that_disagree_with_the_lists_stop_the_build():
    members = pd.DataFrame({"iso3": ["KOR"]})
    record = _record(MS_in_favour=["REPUBLIC OF KOREA"]) | {"MS_in_favour_count": "2"}
    with pytest.raises(ValueError, match="1 yes votes rebuilt, 2 stated"):
        unvotes.build_tables([record], members, OVERRIDES, {"A/RES/ES-11/9": "x"})
