"""The small map on a country page, drawn on the server as an SVG: the country in its map colour
among its neighbours in grey.

A plotly map here made every country page load plotly.js (megabytes of script to parse) and the
world's shapes, to show one country: the page took twice as long as the naive build's (bench).
This SVG is a few KB of paths, clipped to the view and simplified to its scale.
"""

from __future__ import annotations

import base64
import html
import math

import geopandas as gpd
from shapely import affinity, clip_by_rect, unary_union
from shapely.geometry import MultiPolygon, Polygon

from partners.i18n import _

WIDTH = 320  # px; the SVG scales to its column
CLASS = "atlas-locator"
SIZE = "width:100%;height:auto;max-height:260px"  # as wide as its column, never tall


def describe(name: str) -> str:
    """The map's text alternative, HTML-escaped for an attribute."""
    return html.escape(
        _("Where {name} is: a map of it and its neighbours").format(name=name), quote=True
    )


def view_box(
    bounds: tuple[float, float, float, float], east_limit: float = 180.0
) -> tuple[float, float, float, float]:
    """The lon/lat rectangle shown around a country: its bounds padded, kept on the globe
    (east_limit is 360 in a frame shifted across the antimeridian, see `frame`)."""
    minx, miny, maxx, maxy = bounds
    pad = max(maxx - minx, maxy - miny, 8) * 0.6
    south, north = max(miny - pad, -80.0), min(maxy + pad, 85.0)
    # At least as wide as it is tall on screen: a tall country (Chile) shows its neighbours on
    # both sides, not a strip cut off at its right.
    wide = (north - south) / math.cos(math.radians((south + north) / 2))
    grow = max(wide - (maxx - minx + 2 * pad), 0) / 2
    return (
        max(minx - pad - grow, east_limit - 360.0),
        south,
        min(maxx + pad + grow, east_limit),
        north,
    )


def _parts(geometry) -> list:
    return list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]


def frame(geometry) -> tuple[tuple[float, float, float, float], bool]:
    """A country's bounds, and whether it is drawn in a frame shifted east across the
    antimeridian (longitudes 0 to 360): so when that frame is narrower, as for Russia's Chukotka
    or Fiji, which would otherwise stretch the view round the world and cut the country at its
    right edge."""
    minx, miny, maxx, maxy = geometry.bounds
    shifted = [affinity.translate(p, 360) if p.bounds[2] <= 0 else p for p in _parts(geometry)]
    east_min = min(p.bounds[0] for p in shifted)
    east_max = max(p.bounds[2] for p in shifted)
    if east_max - east_min < maxx - minx:
        return (east_min, miny, east_max, maxy), True
    return (minx, miny, maxx, maxy), False


def _rings(geometry) -> list:
    rings = []
    for part in _parts(geometry):
        if isinstance(part, Polygon) and not part.is_empty:
            rings += [part.exterior, *part.interiors]
    return rings


def _path(geometry) -> str:
    """SVG path data of a (multi)polygon already in SVG coordinates, to the pixel."""
    out = []
    for ring in _rings(geometry):
        points = [f"{x:.0f} {y:.0f}" for x, y in ring.coords[:-1]]
        # Rounding to the pixel repeats points; a ring of fewer than three is not drawn.
        points = [p for k, p in enumerate(points) if k == 0 or p != points[k - 1]]
        if len(points) >= 3:
            out.append("M" + "L".join(points) + "Z")
    return "".join(out)


def locator_svg(
    iso3: str,
    name: str,
    shapes: gpd.GeoDataFrame,
    *,
    colour: str,
    grey: str,
    border: str,
    point: tuple[float, float] | None = None,
) -> str:
    """The country iso3 (named `name`) in `colour`, every other shape in the view in `grey`;
    a country too small to see at this scale gets a ring around `point` (lon, lat) as well.

    shapes has iso3 and geometry in lon/lat. The view is an equirectangular projection scaled
    by the cosine of its middle latitude, so shapes keep their look near the country; a country
    across the antimeridian is drawn whole, in a frame shifted east (see `frame`).
    """
    bounds, shifted = frame(shapes.loc[shapes["iso3"] == iso3].geometry.iloc[0])
    west, south, east, north = view_box(bounds, 360.0 if shifted else 180.0)
    if shifted and point is not None and point[0] < 0:
        point = (point[0] + 360, point[1])
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * scale_x, north - south
    pixels = WIDTH / span_x
    height = round(span_y * pixels)
    tolerance = 1 / pixels  # detail under a pixel is dropped
    paths = []
    target, small = "", True
    for code, geometry in zip(shapes["iso3"], shapes.geometry, strict=True):
        if shifted:  # every shape also drawn a world to the east, where the view may reach
            geometry = unary_union([geometry, affinity.translate(geometry, 360)])
        clipped = clip_by_rect(geometry, west, south, east, north)
        if clipped.is_empty:
            continue
        clipped = clipped.simplify(tolerance, preserve_topology=False)
        moved = affinity.affine_transform(
            clipped, [scale_x * pixels, 0, 0, -pixels, -west * scale_x * pixels, north * pixels]
        )
        data = _path(moved)
        if not data:
            continue
        if code == iso3:
            target = data
            minx, miny, maxx, maxy = moved.bounds
            small = max(maxx - minx, maxy - miny) < 6
        else:
            paths.append(data)
    label = describe(name)
    return (
        f'<svg class="{CLASS}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{label}" style="{SIZE}">'
        f"<title>{label}</title>"
        f'<path d="{"".join(paths)}" fill="{grey}" stroke="{border}" stroke-width="0.5" '
        'fill-rule="evenodd"/>'
        f'<path d="{target}" fill="{colour}" stroke="{border}" stroke-width="0.8" '
        'fill-rule="evenodd"/>'
        + (_ring(point, west, north, scale_x, pixels, colour) if small and point else "")
        + "</svg>"
    )


def as_image(svg: str, name: str) -> str:
    """The SVG as an <img> with a data URL and its text alternative, for st.html."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="{CLASS}" src="data:image/svg+xml;base64,{data}" alt="{describe(name)}" '
        f'style="{SIZE};object-fit:contain">'
    )


def _ring(point, west, north, scale_x, pixels, colour) -> str:
    x = (point[0] - west) * scale_x * pixels
    y = (north - point[1]) * pixels
    return (
        f'<circle cx="{x:.0f}" cy="{y:.0f}" r="9" fill="none" stroke="{colour}" '
        'stroke-width="2.5"/>'
    )
