"""Build the app's country shapes from Natural Earth: one clockwise, simplified feature per ISO3."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

NO_CODE = "-99"
KOSOVO = "XKX"  # the code the World Bank and the EU use; Natural Earth has -99


def iso3_codes(raw: pd.DataFrame) -> pd.Series:
    """ISO_A3, else ISO_A3_EH (France, Norway), XKX for Kosovo; missing for unassigned slivers."""
    code = raw["ISO_A3"].where(raw["ISO_A3"] != NO_CODE, raw["ISO_A3_EH"])
    code = code.where(raw["ADMIN"] != "Kosovo", KOSOVO)
    return code.where(code != NO_CODE)


def merge_by_code(raw: gpd.GeoDataFrame, names: dict[str, str]) -> gpd.GeoDataFrame:
    """One row per ISO3 code (Australia with its external territories, France with Clipperton).

    Features without a code (Akrotiri, Dhekelia, Bir Tawil...) and Antarctica are dropped.
    The name is the UN short name where `names` has one, else Natural Earth's.
    """
    frame = raw.assign(iso3=iso3_codes(raw), is_main=raw["ADMIN"] == raw["SOVEREIGNT"])
    frame = frame.dropna(subset=["iso3"])
    frame = frame[frame["iso3"] != "ATA"]
    # Keep the name of the code's main feature (the one whose ADMIN is the sovereign itself).
    frame = frame.sort_values(["iso3", "is_main"], ascending=[True, False])
    merged = frame.dissolve(by="iso3", aggfunc={"NAME": "first"}).reset_index()
    merged["name"] = [names.get(c, n) for c, n in zip(merged["iso3"], merged["NAME"], strict=True)]
    return merged[["iso3", "name", "geometry"]]


def _round(geometry, decimals: int):
    return shapely.transform(geometry, lambda xy: np.round(xy, decimals))


def _collect(polygons) -> shapely.Geometry:
    items = [p for g in polygons for p in getattr(g, "geoms", [g])]
    return shapely.MultiPolygon(items) if len(items) > 1 else items[0]


def _drop_tiny_islands(geometry, neighbours, min_area: float):
    """Drop parts smaller than min_area that touch no other country; keep the largest part."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    largest = max(parts, key=lambda p: p.area)
    kept = [
        p
        for p in parts
        if p is largest or p.area >= min_area or any(p.intersects(n) for n in neighbours)
    ]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def simplify(
    shapes: gpd.GeoDataFrame, tolerance: float, decimals: int, min_island_area: float
) -> gpd.GeoDataFrame:
    """Simplify the whole coverage at once so that neighbours keep one shared border.

    shapely.coverage_simplify (GEOS CoverageSimplifier) moves each shared edge once for both
    countries, so no gaps or slivers open between them, unlike per-polygon simplify().
    """
    # coverage_simplify wants the parts of multipolygons as separate polygons of the coverage.
    parts = shapes.explode(index_parts=False)
    parts["geometry"] = shapely.coverage_simplify(parts.geometry.values, tolerance)
    parts = parts[~parts.geometry.is_empty]
    out = (
        parts.groupby("iso3", sort=True)
        .agg(name=("name", "first"), geometry=("geometry", _collect))
        .reset_index()
    )
    tree = shapely.STRtree(out.geometry.values)
    cleaned = []
    for index, geometry in enumerate(out.geometry.values):
        nearby = [out.geometry.values[i] for i in tree.query(geometry) if i != index]
        cleaned.append(_drop_tiny_islands(geometry, nearby, min_island_area))
    out["geometry"] = shapely.make_valid(_round(np.array(cleaned, dtype=object), decimals))
    out["geometry"] = [_polygonal(g) for g in out.geometry.values]
    # d3-geo (inside plotly.js) wants exterior rings clockwise, the opposite of RFC 7946: a
    # counter-clockwise ring fills the whole globe.
    out["geometry"] = shapely.orient_polygons(out.geometry.values, exterior_cw=True)
    return gpd.GeoDataFrame(out[["iso3", "name", "geometry"]], geometry="geometry", crs=shapes.crs)


def _polygonal(geometry):
    """Keep only the polygons of a geometry that make_valid may have turned into a collection."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    polygons = [
        p
        for g in getattr(geometry, "geoms", [])
        for p in getattr(g, "geoms", [g])
        if p.geom_type == "Polygon"
    ]
    return shapely.MultiPolygon(polygons) if len(polygons) > 1 else polygons[0]


def to_geojson(shapes: gpd.GeoDataFrame) -> str:
    """Compact GeoJSON, feature id = ISO3, rings as given (no RFC 7946 re-orientation)."""
    features = [
        {
            "type": "Feature",
            "id": row.iso3,
            "properties": {"iso3": row.iso3, "name": row.name},
            "geometry": shapely.geometry.mapping(row.geometry),
        }
        for row in shapes.sort_values("iso3").itertuples()
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
