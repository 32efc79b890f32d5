"""The world map's shapes as one SVG drawn on the server: every shape of static/boundaries.geojson
projected once (Natural Earth, as the exported picture), simplified to its scale and written to
static/world.svg, a file the browser fetches once and caches. The map component
(pages/_shared/worldmap.py) recolours it for each view; nothing here depends on a view.

Each shape is a <path data-iso3="IRN" data-name="Iran" data-p="x y"> (data-p: where its label,
focus ring and ⚠ go). A shape too small to see or tap at phone
width also gets an invisible disc behind the shapes (class "hit", in the same order), which the
component grows to a finger's size and shows as a dot when the country is coloured.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Mapping

import geopandas as gpd
from shapely import affinity, clip_by_rect
from shapely.geometry import MultiPolygon, Polygon

# The page's map: Natural Earth, centred east of Greenwich so that Chukotka stays whole on the
# right (the plotly map's longitude range was -170 to 190, the same cut).
WEST = -170.0
PROJECTION = f"+proj=natearth +lon_0={WEST + 180:g} +datum=WGS84 +units=m +no_defs"
SEAM = 1e-6  # degrees
SOUTH, NORTH = -58.0, 85.0  # Antarctica and the far north left out, as before
WIDTH = 1000  # SVG units across; the map scales to its column
TOLERANCE = 0.4  # SVG units: finer detail is dropped (a phone zoomed 4x still sees none lost)
# A shape whose bounding box is smaller than this (in SVG units) gets a tap disc; one smaller
# than TINY is also shown as a dot when it is coloured (an island state, Singapore).
SMALL = 14.0
TINY = 6.0


def _parts(geometry) -> list[Polygon]:
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    return [geometry] if isinstance(geometry, Polygon) else []


def _rewrap(geometry):
    """The shape in longitudes WEST..WEST+360: what lies west of WEST moves a world east."""
    west = clip_by_rect(geometry, -180.0, -90.0, WEST, 90.0)
    if west.is_empty:
        return geometry
    east = clip_by_rect(geometry, WEST, -90.0, 180.0, 90.0)
    # Kept a hair inside the seam: a point on it would be projected to the other edge.
    return clip_by_rect(
        east.union(affinity.translate(west, 360.0)), WEST + SEAM, -90.0, WEST + 360 - SEAM, 90.0
    )


def _number(value: int) -> str:
    """Tenths of a unit as SVG's shortest decimal: 12 -> '1.2', -5 -> '-.5', 30 -> '3'."""
    sign, value = ("-" if value < 0 else ""), abs(value)
    whole, tenth = divmod(value, 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _ring(coords: Iterable[tuple[float, float]]) -> str:
    """A closed ring as relative path commands on a grid of tenths of a unit (short to send)."""
    grid = [(round(x * 10), round(y * 10)) for x, y in coords]
    grid = [p for k, p in enumerate(grid) if k == 0 or p != grid[k - 1]]
    if len(grid) < 4:  # closed: at least three corners and the first again
        return ""
    (x, y), out = grid[0], []
    for nx, ny in grid[1:-1]:
        dx, dy = nx - x, ny - y
        out.append(_number(dx) + ("" if dy < 0 else " ") + _number(dy))
        x, y = nx, ny
    return f"M{_number(grid[0][0])} {_number(grid[0][1])}l" + " ".join(out) + "z"


def _path(geometry) -> str:
    out = []
    for part in _parts(geometry):
        for ring in (part.exterior, *part.interiors):
            out.append(_ring(ring.coords))
    return "".join(out)


def _label_point(geometry):
    """Where a shape's label, ring or sign goes: inside its largest part (France's is in
    Europe, not between Europe and French Guiana)."""
    parts = _parts(geometry)
    if not parts:
        return geometry.centroid
    return max(parts, key=lambda part: part.area).representative_point()


def draw(shapes: gpd.GeoDataFrame, names: Mapping[str, str] | None = None) -> str:
    """The SVG of every shape (shapes: iso3, name and geometry in lon/lat), in the file's order,
    each named by `names` where it has one (the name readers use: 'Iran', 'North Korea'), else
    by its own."""
    frame = shapes[["iso3", "name", "geometry"]].copy()
    frame["geometry"] = [
        _rewrap(clip_by_rect(g, -180.0, SOUTH, 180.0, NORTH)) for g in frame.geometry
    ]
    projected = frame.set_crs("EPSG:4326", allow_override=True).to_crs(PROJECTION)
    minx, miny, maxx, maxy = projected.total_bounds
    scale = WIDTH / (maxx - minx)
    height = round((maxy - miny) * scale)
    # Metres to SVG units, y downwards.
    matrix = [scale, 0, 0, -scale, -minx * scale, maxy * scale]
    shapes_out, hits = [], []
    for code, name, geometry in zip(
        projected["iso3"], projected["name"], projected.geometry, strict=True
    ):
        moved = affinity.affine_transform(geometry, matrix)
        simple = moved.simplify(TOLERANCE, preserve_topology=True)
        centre = _label_point(moved)
        # A shape under a few tenths of a unit (Gibraltar) is drawn as a small diamond.
        data = _path(simple) or _path(moved) or _path(centre.buffer(0.5, quad_segs=1))
        label = html.escape(str((names or {}).get(code, name)), quote=True)
        shapes_out.append(
            f'<path data-iso3="{code}" data-name="{label}" data-p="{centre.x:.1f} {centre.y:.1f}"'
            f' d="{data}"/>'
        )
        x0, y0, x1, y1 = moved.bounds
        size = max(x1 - x0, y1 - y0)
        if size < SMALL:
            kind = "hit tiny" if size < TINY else "hit"
            hits.append(
                f'<circle class="{kind}" data-iso3="{code}" cx="{centre.x:.1f}"'
                f' cy="{centre.y:.1f}" r="4"/>'
            )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}">'
        f'<g class="hits">{"".join(hits)}</g>'
        f'<g class="shapes">{"".join(shapes_out)}</g>'
        "</svg>\n"
    )


def version(svg: str) -> str:
    """A short digest of the drawing: its address changes whenever the file does, so that a
    browser never keeps a stale copy."""
    return hashlib.sha256(svg.encode("utf-8")).hexdigest()[:12]
