"""The map as a picture for an article: an SVG 1200 px wide on white, drawn from the same shapes as
the page's map (static/world.svg) in the view's colours, with the title, what is selected and
from which sources, the legend and what its colour says, the credits, and the atlas's name and
address. Every line of text is wrapped to the picture's width, and the picture grows to hold it:
no text is cut, whatever the title's length (tests/test_picture.py renders it in Chromium and
checks every text's box).

Text widths are estimated, not measured (the server has no browser): a line is wrapped at the
number of characters that fit at a generous average advance per character, wider than DejaVu
Sans's and than the usual sans-serif fonts' for text in Latin, Cyrillic or Greek letters.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from partners import figures

WIDTH = 1200
MARGIN = 32
FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
INK, MUTED, EDGE = "#111827", "#4b5563", "#ffffff"
# Average advance per character, in em, for wrapping: generous, so that a line never overflows.
ADVANCE = {"regular": 0.62, "bold": 0.72}
MAP_UNITS = 1000  # the width of static/world.svg's drawing


@dataclass(frozen=True)
class Shapes:
    """The shapes of static/world.svg: each code's path and label point, and the drawing's
    height in its units."""

    paths: dict[str, str]
    points: dict[str, tuple[float, float]]
    height: float


_PATH = re.compile(r'<path data-iso3="(\w+)"[^>]*?data-p="([-\d.]+) ([-\d.]+)" d="([^"]*)"')


def read_shapes(svg: str) -> Shapes:
    """The shapes as static/world.svg draws them (partners/worldsvg.py writes it)."""
    height = float(re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', svg).group(1))
    paths, points = {}, {}
    for code, x, y, d in _PATH.findall(svg):
        paths[code] = d
        points[code] = (float(x), float(y))
    return Shapes(paths, points, height)


def wrap(text: str, size: float, width: float = WIDTH - 2 * MARGIN, weight: str = "regular"):
    """The text's lines at `size` px, none wider than `width` px by the generous estimate."""
    per_line = max(8, int(width / (size * ADVANCE[weight])))
    return textwrap.wrap(text, per_line, break_long_words=True) or [""]


class _Page:
    """Lines of text and shapes placed from the top down; the picture's height follows."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = MARGIN

    def text(self, text: str, size: float, colour: str = INK, weight: str = "regular") -> None:
        for line in wrap(text, size, weight=weight):
            self.y += size * 1.3
            bold = ' font-weight="bold"' if weight == "bold" else ""
            self.parts.append(
                f'<text x="{MARGIN}" y="{self.y - size * 0.3:.1f}" font-size="{size}"'
                f'{bold} fill="{colour}">{html.escape(line)}</text>'
            )

    def gap(self, pixels: float) -> None:
        self.y += pixels


def _legend(page: _Page, legend: figures.Legend) -> None:
    """The legend's heading, then its entries (a swatch, the label and the count) in rows."""
    if legend.title:
        page.text(legend.title, 14, weight="bold")
        page.gap(4)
    size, swatch, x = 13, 14, MARGIN
    row: list[str] = []
    rows: list[list[str]] = []
    for label, colour, count in zip(legend.labels, legend.colours, legend.counts, strict=True):
        text = f"{label} ({count})"
        width = swatch + 8 + len(text) * size * ADVANCE["regular"] + 24
        if row and x + width > WIDTH - MARGIN:
            rows.append(row)
            row, x = [], MARGIN
        # One entry's label is never wider than the picture: long labels wrap in the entry.
        lines = wrap(text, size, WIDTH - 2 * MARGIN - swatch - 8)
        row.append((x, colour, lines))
        x += width
    if row:
        rows.append(row)
    for entries in rows:
        height = max(len(lines) for _, _, lines in entries) * size * 1.3
        top = page.y + 4
        for x, colour, lines in entries:
            page.parts.append(
                f'<rect x="{x}" y="{top:.1f}" width="{swatch}" height="{swatch}" rx="2" '
                f'fill="{_opaque(colour)}" stroke="#9ca3af" stroke-width="1"/>'
            )
            for k, line in enumerate(lines):
                page.parts.append(
                    f'<text x="{x + swatch + 8}" y="{top + size * (1 + 1.3 * k) - 1:.1f}" '
                    f'font-size="{size}" fill="{INK}">{html.escape(line)}</text>'
                )
        page.gap(height + 10)


def picture_svg(
    shapes: Shapes,
    fills: Mapping[str, str],
    *,
    title: str,
    subtitle: str,
    legend: figures.Legend,
    credits: str,
    site: str,
    marked: Iterable[str] = (),
) -> str:
    """The picture as SVG text: fills maps each shape's code to its colour (a shape without one
    is painted as a disputed area); marked are the codes that get a ⚠."""
    page = _Page()
    page.text(title, 28, weight="bold")
    page.gap(6)
    page.text(subtitle, 15, MUTED)
    page.gap(16)
    scale = (WIDTH - 2 * MARGIN) / MAP_UNITS
    fallback = _opaque(figures.PALETTE.not_member)
    body = "".join(
        f'<path d="{d}" fill="{_opaque(fills.get(code, fallback))}"/>'
        for code, d in shapes.paths.items()
    )
    marks = "".join(
        f'<g transform="translate({x:.1f} {y:.1f})"><circle r="7" fill="#fde68a" '
        f'stroke="{INK}" stroke-width="0.8"/><text font-size="9" text-anchor="middle" '
        f'dy="3.2" fill="{INK}">⚠</text></g>'
        for x, y in (shapes.points[c] for c in marked if c in shapes.points)
    )
    page.parts.append(
        f'<g transform="translate({MARGIN} {page.y:.1f}) scale({scale:.4f})" '
        f'stroke="{EDGE}" stroke-width="0.35" stroke-linejoin="round">{body}{marks}</g>'
    )
    page.gap(shapes.height * scale + 16)
    _legend(page, legend)
    page.gap(6)
    page.text(credits, 11, MUTED)
    page.gap(4)
    page.text(site, 12, INK, weight="bold")
    height = round(page.y + MARGIN)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}">'
        f"<title>{html.escape(title)}</title>"
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>' + "".join(page.parts) + "</svg>"
    )


def png(svg: str) -> bytes:
    """The picture as PNG, rendered from its SVG by resvg (one drawing for both downloads),
    with the system's fonts (DejaVu Sans first; packages.txt installs it on Community Cloud)."""
    import resvg_py  # loaded when a reader first asks for a PNG

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, background="#ffffff"))


def _opaque(colour: str) -> str:
    """A colour drawn on white, its transparency resolved (the page's greys are translucent so
    that either theme shows through; a picture is always on white)."""
    if len(colour) != 9:
        return colour
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    alpha = int(colour[7:9], 16) / 255
    mixed = (round(c * alpha + 255 * (1 - alpha)) for c in rgb)
    return "#" + "".join(f"{c:02x}" for c in mixed)
