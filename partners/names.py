"""The country picker's options: every country by its name and code, and by every other name a
reader may type (common, short, former, formal, in Natural Earth, ISO 3166 or our aliases)."""

from __future__ import annotations

import unicodedata

import pandas as pd

ALIAS_MARK = "|"  # an alias option is '<ISO3>|<alias>'; a country's own option is its ISO3


def fold(text: str) -> str:
    """Case, accents and spacing ignored, as the picker's search compares text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def picker_options(index: pd.DataFrame, names: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """Options and their labels: 'Name (ISO3)' for every country with a page, and
    'Alias (ISO3)' for each other name of it (short: the picker's options travel with every
    rerun of a page that shows it). Sorted by label, as an index is, so that a short
    name typed in full ('UK', 'USA') comes before the longer names that contain it; the UN
    members' options first, the territories' after (a search for 'Britain' finds the United
    Kingdom before Anguilla (United Kingdom ...))."""
    display = index["display"]
    labels = {code: f"{name} ({code})" for code, name in display.items()}
    for row in names.itertuples(index=False):
        if row.iso3 not in labels:
            continue
        own = display[row.iso3]
        if fold(row.name) in (fold(own), fold(row.iso3)):
            continue
        labels[f"{row.iso3}{ALIAS_MARK}{row.name}"] = f"{row.name} ({row.iso3})"
    member = index["member"].to_dict()
    options = sorted(
        labels,
        key=lambda option: (not member[target(option)], fold(labels[option]), labels[option]),
    )
    return options, labels


def target(option: str) -> str:
    """The ISO3 code an option opens."""
    return option.split(ALIAS_MARK, 1)[0]
