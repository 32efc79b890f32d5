"""Build static/world.svg, the world map's shapes, from static/boundaries.geojson and the names
readers use (the shortest of the atlas's and Natural Earth's, partners/catalog.py).

Run: uv run python -m scripts.build_world_map (then scripts.update_package for its hash).
Re-running reproduces the file byte for byte; a test checks that the shipped file is the one the
shipped boundaries give (tests/test_worldsvg.py).
"""

from __future__ import annotations

from partners import catalog, load, paths, worldsvg


def main() -> int:
    atlas = load.load_atlas()
    # Each shape named as the pages' charts name it: 'Iran', 'North Korea'.
    svg = worldsvg.draw(atlas.shapes, catalog.Catalog(atlas).short_names)
    paths.WORLD_SVG.write_text(svg, encoding="utf-8")
    print(f"wrote {paths.WORLD_SVG.relative_to(paths.ROOT)}: {len(svg.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
