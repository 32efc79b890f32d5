"""The map's picture for an article (partners/picture.py): the same shapes and colours as the page's
map, every text whole inside the picture whatever its length, and the PNG rendered from the SVG."""

from __future__ import annotations

import io

import pytest

from partners import figures, paths, picture, provenance, urlstate, views

SITE = "Russia's partners: an atlas · https://example.org/?cat=arms"
# Every text's box in the rendered picture, with the picture's own size.
TEXT_BOXES = """() => { const svg = document.querySelector('svg');
    const w = +svg.getAttribute('width'), h = +svg.getAttribute('height');
    return [w, h, [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox();
        const m = t.getCTM(); return [t.textContent, m.a * b.x + m.e, m.d * b.y + m.f,
        m.a * (b.x + b.width) + m.e, m.d * (b.y + b.height) + m.f]; })]; }"""


@pytest.fixture(scope="module")
def shapes():
    return picture.read_shapes(paths.WORLD_SVG.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def view(atlas, catalog):
    symbols = list(atlas.resolutions["symbol"])
    state, _ = urlstate.parse({}, symbols)
    return views.build_map_view(
        atlas,
        catalog.index,
        state,
        facts_as_of="x",
        everything=catalog.profile,
        tallies=catalog.tallies,
    )


def _draw(shapes, view, **changes) -> str:
    texts = dict(
        title=view.title,
        subtitle=view.subtitle,
        legend=view.legend,
        credits=provenance.Package.read().credits_line(),
        site=SITE,
        marked=view.map_data["marks"],
    )
    return picture.picture_svg(shapes, view.fills, **(texts | changes))


def test_the_picture_is_the_maps_shapes_in_the_views_colours_with_its_texts(shapes, view):
    svg = _draw(shapes, view)
    assert svg.count("<path ") == len(shapes.paths) == 238
    assert f'fill="{view.fills["IRN"]}"' in svg, "Iran in its colour on the page's map"
    for text in (view.legend.title, "Made with Natural Earth", "https://example.org/?cat=arms"):
        assert text in svg.replace("&#x27;", "'"), text
    assert svg.count("⚠") == len(view.map_data["marks"]) > 0


def test_the_greys_are_drawn_opaque_on_the_pictures_white(shapes, view):
    svg = _draw(shapes, view)
    # #8b949e at 50% (0x80) on white: 139, 148, 158 halfway to 255 is 197, 201, 206.
    assert figures.PALETTE.no_support == "#8b949e80"
    assert figures.PALETTE.no_support not in svg and 'fill="#c5c9ce"' in svg


LONG = "A very long title about who supports Russia's war against Ukraine, and how " * 4


@pytest.mark.browser
@pytest.mark.parametrize("length", ["as shipped", "very long"])
def test_every_text_of_the_picture_lies_whole_inside_it(shapes, view, page, length):
    """Rendered by Chromium: no line runs off the right edge or past the bottom."""
    changes = {}
    if length == "very long":
        legend = view.legend
        labels = legend.labels
        changes = {
            "title": LONG,
            "subtitle": LONG * 2,
            "legend": figures.Legend(
                legend.codes,
                tuple(f"{label}, and a long explanation of what it means" for label in labels),
                legend.colours,
                legend.counts,
                LONG[:160],
            ),
        }
    page.set_content(_draw(shapes, view, **changes))
    width, height, boxes = page.evaluate(TEXT_BOXES)
    outside = [
        (text[:40], round(x0), round(y0), round(x1), round(y1))
        for text, x0, y0, x1, y1 in boxes
        if x0 < 0 or y0 < 0 or x1 > width or y1 > height
    ]
    assert width == 1200 and len(boxes) > 10
    assert outside == []


def test_the_png_is_rendered_from_the_svg_with_its_text(shapes, view):
    image = pytest.importorskip("PIL.Image")
    svg = _draw(shapes, view)
    drawn = image.open(io.BytesIO(picture.png(svg))).convert("L")
    assert drawn.size[0] == 1200 and drawn.size[1] == int(svg.split('height="')[1].split('"')[0])
    # The title's band has dark ink: the text was drawn, with a font found.
    band = drawn.crop((32, 32, 600, 70))
    assert band.getextrema()[0] < 80
