"""The map as a picture for an article: PNG or SVG on white whatever the theme, 1200 px wide, with
its title, what is selected, the as-of date, the legend and the credits drawn into the image.

Drawn with matplotlib on the server, from the same shapes and colours as the page's map, in the
same Natural Earth projection. Nothing to install on Community Cloud (matplotlib is a wheel), the
same picture whatever browser asks, and a test can read the SVG's text.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence

import geopandas as gpd
import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from partners import figures

PROJECTION = "+proj=natearth +datum=WGS84 +units=m +no_defs"  # as the page's map
WIDTH_INCHES, HEIGHT_INCHES, DPI = 12.0, 7.5, 100  # 1200 x 750 pixels
INK, MUTED = "#111827", "#4b5563"


def project(shapes: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The shapes, indexed by code, in the map's projection (done once per process)."""
    return shapes.set_index("iso3").to_crs(PROJECTION)


def picture(
    projected: gpd.GeoDataFrame,
    fills: Mapping[str, str],
    *,
    title: str,
    subtitle: str,
    legend: figures.Legend,
    credits: str,
    marks: Sequence[tuple[float, float]] = (),
    kind: str = "png",
) -> bytes:
    """The picture's bytes. fills maps each shape's code to its colour; marks get a ⚠."""
    if kind not in ("png", "svg"):
        raise ValueError(f"kind must be png or svg, not {kind!r}")
    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans"}):
        figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, facecolor="white")
        axes = figure.add_axes((0.02, 0.17, 0.96, 0.64))
        axes.set_axis_off()
        colours = [fills.get(code, figures.PALETTE.not_member) for code in projected.index]
        projected.plot(ax=axes, color=colours, edgecolor="white", linewidth=0.3)
        if marks:
            points = gpd.GeoSeries.from_xy(
                [lon for lon, _ in marks], [lat for _, lat in marks], crs="EPSG:4326"
            ).to_crs(PROJECTION)
            for point in points:
                axes.annotate(
                    "⚠", (point.x, point.y), ha="center", va="center", fontsize=11, color=INK
                )
        figure.text(0.02, 0.955, title, fontsize=20, fontweight="bold", color=INK, va="top")
        figure.text(0.02, 0.895, textwrap.fill(subtitle, 140), fontsize=10.5, color=MUTED, va="top")
        handles = [
            Patch(facecolor=colour, edgecolor="#9ca3af", label=f"{label} ({count})")
            for label, colour, count in zip(
                legend.labels, legend.colours, legend.counts, strict=True
            )
        ]
        figure.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.02, 0.065),
            ncols=min(4, len(handles)),
            frameon=False,
            fontsize=10,
            labelcolor=INK,
            handlelength=1.2,
        )
        figure.text(0.02, 0.02, textwrap.fill(credits, 190), fontsize=8.5, color=MUTED)
        out = io.BytesIO()
        figure.savefig(out, format=kind, facecolor="white", metadata=_metadata(kind, title))
        return out.getvalue()


def _metadata(kind: str, title: str) -> dict:
    """No creation date in the file (the same view gives the same bytes); the title kept."""
    return {"Title": title, "Software": None} if kind == "png" else {"Title": title, "Date": None}
