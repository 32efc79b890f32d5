"""Where the project's files live, built from this file's location, never the working directory."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# Files under static/ are served by Streamlit at /app/static/ (server.enableStaticServing).
STATIC = ROOT / "static"
# The page-wide style: code, not data, so the only file under static/ that datapackage.json
# does not describe.
STYLESHEET = STATIC / "atlas.css"
STYLESHEET_URL = "app/static/atlas.css"
# The world map's script (code, like the stylesheet) and its shapes (data, built from the
# boundaries by scripts/build_world_map.py).
MAP_SCRIPT = STATIC / "worldmap.js"
WORLD_SVG = STATIC / "world.svg"
STATIC_CODE = (STYLESHEET, MAP_SCRIPT)
# Read-only reference material beside the repository; only the build scripts read it.
SHARED = ROOT.parent / "shared"

FACTS = DATA / "facts.csv"
SOURCES = DATA / "sources.csv"
OUTLETS = DATA / "outlets.csv"
BLOCKED = DATA / "blocked_domains.csv"
DENIALS = DATA / "denials.csv"
COUNTRIES = DATA / "countries.csv"
RESOLUTIONS = DATA / "un_resolutions.csv"
VOTES = DATA / "un_votes.csv"
NAME_OVERRIDES = DATA / "un_name_overrides.csv"
RESOLUTION_LABELS = DATA / "un_resolution_labels.csv"
ALIASES = DATA / "country_aliases.csv"
NAMES = DATA / "country_names.csv"
TERRITORIES = DATA / "territories.csv"
BOUNDARIES = STATIC / "boundaries.geojson"
DATAPACKAGE = ROOT / "datapackage.json"
README = ROOT / "README.md"
# The data guide: its table of data files is written by scripts/update_package.py.
DATA_DOC = ROOT / "docs" / "data.md"

# The data files the app loads on every start, in load order (the shapes come separately).
LOADED = (
    COUNTRIES,
    RESOLUTIONS,
    VOTES,
    OUTLETS,
    BLOCKED,
    SOURCES,
    FACTS,
    DENIALS,
    NAMES,
    TERRITORIES,
)
