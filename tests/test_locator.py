"""The country page's locator: an SVG drawn on the server, small, valid, with the country in it."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

import pytest

from partners import figures, locator

NS = "{http://www.w3.org/2000/svg}"


def _svg(catalog, atlas, code: str) -> str:
    entry = catalog.index.loc[code]
    return locator.locator_svg(
        code,
        entry["name"],
        atlas.shapes,
        colour="#fd8d3c",
        grey=figures.PALETTE.no_support,
        border=figures.PALETTE.border,
        point=entry["point"],
    )


@pytest.mark.parametrize("code", ["IRN", "RUS", "USA", "FJI", "CHL"])
def test_the_locator_is_valid_svg_under_16_kb_with_the_country_in_its_colour(catalog, atlas, code):
    text = _svg(catalog, atlas, code)
    assert len(text) < 16_000
    root = ET.fromstring(text)
    paths = root.findall(f"{NS}path")
    assert [p.get("fill") for p in paths] == [figures.PALETTE.no_support, "#fd8d3c"]
    assert paths[1].get("d").startswith("M"), "the country itself is drawn"
    assert root.get("role") == "img" and catalog.index.loc[code, "name"] in root.get("aria-label")


def test_a_country_too_small_to_see_is_ringed(catalog, atlas):
    root = ET.fromstring(_svg(catalog, atlas, "VAT"))
    assert root.find(f"{NS}circle") is not None
    assert ET.fromstring(_svg(catalog, atlas, "IRN")).find(f"{NS}circle") is None


def test_every_country_across_the_antimeridian_is_drawn_whole_in_a_narrower_frame(atlas):
    across = atlas.shapes[atlas.shapes.bounds.eval("maxx - minx") > 300]
    assert "RUS" in set(across["iso3"]), "the shapes hold Russia's Chukotka east of 180°"
    for code, geometry in zip(across["iso3"], across.geometry, strict=True):
        (west, _, east, _), shifted = locator.frame(geometry)
        minx, _, maxx, _ = geometry.bounds
        assert shifted and east - west < maxx - minx, code


def test_a_country_away_from_the_antimeridian_keeps_its_own_frame(atlas):
    geometry = atlas.shapes.set_index("iso3").loc["IRN", "geometry"]
    assert locator.frame(geometry) == (geometry.bounds, False)


def test_russia_s_locator_has_room_east_of_chukotka(catalog, atlas):
    """The view reaches past Russia's eastern tip: the country is not cut at the right edge."""
    root = ET.fromstring(_svg(catalog, atlas, "RUS"))
    width = float(root.get("viewBox").split()[2])
    target = root.findall(f"{NS}path")[1].get("d")
    xs = [float(p.split()[0]) for p in target.replace("M", "L").replace("Z", "").split("L") if p]
    assert max(xs) < 0.95 * width and min(xs) > 0.05 * width


def test_the_view_stays_on_the_globe():
    west, south, east, north = locator.view_box((170.0, -50.0, 179.9, -30.0))
    assert (east, south, north) == (180.0, -62.0, -18.0) and west < 170.0
    assert locator.view_box((-10.0, 80.0, 10.0, 84.0))[3] == 85.0


@pytest.mark.parametrize("code", ["CHL", "IRN", "NOR"])
def test_the_view_is_at_least_as_wide_as_it_is_tall_on_screen(catalog, atlas, code):
    """A tall country (Chile) is shown with its neighbours on both sides, not as a cut strip."""
    root = ET.fromstring(_svg(catalog, atlas, code))
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    assert width >= 0.99 * height


def test_the_image_carries_the_svg_and_its_text_alternative():
    image = locator.as_image('<svg xmlns="http://www.w3.org/2000/svg"/>', "Côte d'Ivoire")
    assert 'alt="Where Côte d&#x27;Ivoire is: a map of it and its neighbours"' in image
    data = image.split("base64,", 1)[1].split('"', 1)[0]
    assert base64.b64decode(data).startswith(b"<svg")
