"""Build data/country_names.csv and data/territories.csv from Natural Earth, ISO 3166 and ours.

Run: uv run --group boundaries python -m scripts.build_country_names
- country_names.csv: every name a reader may type for a country with a page: Natural Earth's
  ADMIN, NAME, NAME_LONG, NAME_EN, FORMAL_EN, NAME_ALT and SOVEREIGNT fields, pycountry's (ISO
  3166) name, official and common names and alpha-2 code, and the hand-kept aliases of
  data/country_aliases.csv (former and colloquial names the libraries do not have). In other
  languages (LANGUAGES): Natural Earth's NAME_<LANG> field and ISO 3166's name as pycountry's
  translation catalogue gives it (source 'pycountry:name@pl'). Former names: ISO 3166-3's
  withdrawn names (pycountry's historic_countries) where the code names one successor.
- territories.csv: each shape that is not a UN member, with the member whose class the map paints
  it in: Natural Earth's sovereign for a dependency or a constituent country (TYPE Dependency or
  Country); none for the disputed and indeterminate ones (TYPE Disputed or Indeterminate) or a
  state that is not a member, which the map keeps neutral.
The Natural Earth zip is the one build_boundaries reads (its sha256 is checked). Re-running
reproduces both files byte for byte.
"""

from __future__ import annotations

import argparse
import gettext
import json
import unicodedata
from pathlib import Path

import pandas as pd
import pycountry

from partners import paths
from scripts import boundaries
from scripts.build_boundaries import ZIP_NAME, read_natural_earth

NE_FIELDS = ("ADMIN", "NAME", "NAME_LONG", "NAME_EN", "FORMAL_EN", "NAME_ALT", "SOVEREIGNT")
# The languages readers type names in, beyond English: the atlas's readers in the region and
# the largest languages of its press; both Natural Earth and pycountry translate each.
LANGUAGES = ("pl", "uk", "ru", "de", "fr", "es")
NE_LANGUAGE_FIELDS = tuple(f"NAME_{lang.upper()}" for lang in LANGUAGES)
NEUTRAL_TYPES = {"Disputed", "Indeterminate"}


def _plain(text: str) -> str:
    """A key that ignores case, accents and spacing: two names with one key are the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def names_table(raw: pd.DataFrame, shapes: dict[str, str], aliases: pd.DataFrame) -> pd.DataFrame:
    """iso3, name, source, language: every distinct name of every country with a page."""
    rows = []
    for code, shown in shapes.items():
        rows.append((code, shown, "atlas", "en"))
    for record in raw.itertuples(index=False):
        if record.iso3 not in shapes:
            continue
        for field in NE_FIELDS:
            value = getattr(record, field)
            if field == "SOVEREIGNT" and value != record.ADMIN:
                continue  # a dependency's sovereign is not its name
            if isinstance(value, str) and value.strip():
                rows.append((record.iso3, value.strip(), f"naturalearth:{field}", "en"))
    for code in shapes:
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            continue
        for field in ("name", "official_name", "common_name"):
            value = getattr(country, field, None)
            if value:
                rows.append((code, value, f"pycountry:{field}", "en"))
    for alias in aliases.itertuples(index=False):
        rows.append((alias.iso3, alias.alias, "hand", alias.language))
    rows += translated_names(raw, shapes)
    rows += former_names(shapes)
    table = pd.DataFrame(rows, columns=["iso3", "name", "source", "language"])
    table["_key"] = table["name"].map(_plain)
    # One row per distinct name of a country, from its first source (atlas, Natural Earth, ISO).
    table = table.drop_duplicates(["iso3", "_key"], keep="first")
    return table.sort_values(["iso3", "_key", "name"]).drop(columns="_key").reset_index(drop=True)


def translated_names(raw: pd.DataFrame, shapes: dict[str, str]) -> list[tuple]:
    """(iso3, name, source, language) of each country with a page in LANGUAGES: Natural Earth's
    own field for the language, then ISO 3166's name in pycountry's catalogue for it."""
    rows = []
    for lang, field in zip(LANGUAGES, NE_LANGUAGE_FIELDS, strict=True):
        for record in raw.itertuples(index=False):
            value = getattr(record, field)
            if record.iso3 in shapes and isinstance(value, str) and value.strip():
                rows.append((record.iso3, value.strip(), f"naturalearth:{field}", lang))
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for code in shapes:
            country = pycountry.countries.get(alpha_3=code)
            if country is not None:
                name = catalogue.gettext(country.name)
                rows.append((code, name, f"pycountry:name@{lang}", lang))
    return rows


def former_names(shapes: dict[str, str]) -> list[tuple]:
    """(iso3, name, 'pycountry:historic', 'en') for ISO 3166-3's withdrawn names with one successor.

    A withdrawn entry's four letters are its old alpha-2 and its successor's: the old one again
    for 'AA' (the same country under a new code, as the Byelorussian SSR became BY), none for
    'HH' (split among several, as the USSR). Names are as ISO gives them ('Zaire, Republic of').
    """
    rows = []
    for old in pycountry.historic_countries:
        head, tail = old.alpha_4[:2], old.alpha_4[2:]
        successor = pycountry.countries.get(alpha_2=head if tail == "AA" else tail)
        if tail != "HH" and successor is not None and successor.alpha_3 in shapes:
            rows.append((successor.alpha_3, old.name, "pycountry:historic", "en"))
    return rows


def territories_table(raw: pd.DataFrame, shapes: dict[str, str], members: set[str]) -> pd.DataFrame:
    """iso3, sovereign_iso3 (empty where the map keeps it neutral), ne_type."""
    sovereign_codes = {
        r.SOVEREIGNT: r.iso3
        for r in raw.itertuples(index=False)
        if r.ADMIN == r.SOVEREIGNT and isinstance(r.iso3, str)
    }
    rows = []
    for record in raw.itertuples(index=False):
        code = record.iso3
        if code not in shapes or code in members or not isinstance(code, str):
            continue
        owner = sovereign_codes.get(record.SOVEREIGNT, "")
        if record.TYPE in NEUTRAL_TYPES or owner not in members:
            owner = ""
        rows.append((code, owner, record.TYPE))
    table = pd.DataFrame(rows, columns=["iso3", "sovereign_iso3", "ne_type"])
    return table.drop_duplicates("iso3").sort_values("iso3").reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, help=f"path to {ZIP_NAME}")
    parser.add_argument("--out", type=Path, default=paths.DATA)
    args = parser.parse_args(argv)

    raw = read_natural_earth(
        args.zip,
        [*NE_FIELDS, *NE_LANGUAGE_FIELDS, "TYPE", "ISO_A3", "ISO_A3_EH"],
        ignore_geometry=True,
    )
    raw["iso3"] = boundaries.iso3_codes(raw)
    collection = json.loads(paths.BOUNDARIES.read_text(encoding="utf-8"))
    shapes = {f["id"]: f["properties"]["name"] for f in collection["features"]}
    members = set(pd.read_csv(paths.COUNTRIES, dtype=str, keep_default_na=False)["iso3"])
    aliases = pd.read_csv(paths.ALIASES, dtype=str, keep_default_na=False)
    unknown = sorted(set(aliases["iso3"]) - set(shapes))
    if unknown:
        raise SystemExit(f"{paths.ALIASES.name}: no country with a page has code {unknown}")

    args.out.mkdir(parents=True, exist_ok=True)
    for frame, name in (
        (names_table(raw, shapes, aliases), paths.NAMES.name),
        (territories_table(raw, shapes, members), paths.TERRITORIES.name),
    ):
        frame.to_csv(args.out / name, index=False, lineterminator="\n", encoding="utf-8")
        print(f"wrote {args.out / name}: {len(frame)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
