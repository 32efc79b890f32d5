"""The country picker's options: every country by its name and code, and by every other name a
reader may type (common, short, former, formal, in Natural Earth, ISO 3166 or our aliases)."""

from __future__ import annotations

import unicodedata

import pandas as pd

ALIAS_MARK = "|"  # an alias option is '<ISO3>|<alias>'; a country's own option is its ISO3


def fold(text: str) -> str:
    """Case, accents and spacing ignored: the sort key of the picker's options."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# Latin letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"}
    | {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"}
)


def unaccented(text: str) -> str:
    """The name as typed on a keyboard without its accents ('Türkiye' -> 'Turkiye', 'Białoruś'
    -> 'Bialorus'); other scripts are left as they are."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def picker_options(index: pd.DataFrame, names: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """Options and their labels: 'Name (ISO3)' for every country with a page, and
    'Alias (ISO3)' for each other name of it, in any language, and each without its accents,
    and 'ISO3 · Name' for its code (short: the picker's options travel with every rerun of a
    page that shows it).

    The pickers match what is typed against the start of a label (Streamlit's "prefix" mode:
    'Sudan' is not South Sudan, 'India' not the Australian Indian Ocean Territories) and offer
    the matches in this order, Enter taking the first: the UN members' options first, the
    territories' after (a search for 'Britain' finds the United Kingdom before the British
    Virgin Islands); within each the English names before the other languages'; then by label,
    as an index is, so that a short name typed in full ('UK', 'USA') comes before the longer
    names it starts.
    """
    display = index["display"]
    labels = {code: f"{name} ({code})" for code, name in display.items()}
    foreign = set()
    typed = [(code, name, "en") for code, name in display.items()]
    typed += [(r.iso3, r.name, r.language) for r in names.itertuples(index=False)]
    # The search matches a name from its start, case aside but accents counted: each name with
    # accents is also an option without them, as a keyboard without them types it.
    typed += [(c, unaccented(n), lang) for c, n, lang in typed if unaccented(n) != n]
    seen = {(code, name) for code, name in display.items()}
    for code, name, language in typed:
        if code not in labels or (code, name) in seen:
            continue
        seen.add((code, name))
        option = f"{code}{ALIAS_MARK}{name}"
        labels[option] = f"{name} ({code})"
        if language != "en":
            foreign.add(option)
    # A code typed finds its country too ('IRN · Iran'), after every name.
    codes = {f"{code}{ALIAS_MARK}{code}": code for code in display.index}
    for option, code in codes.items():
        if (code, code) not in seen:
            labels[option] = f"{code} · {display[code]}"
    member = index["member"].to_dict()

    def rank(option: str) -> tuple:
        kind = 2 if option in codes else 1 if option in foreign else 0
        return (not member[target(option)], kind, fold(labels[option]), labels[option])

    options = sorted(labels, key=rank)
    return options, labels


def target(option: str) -> str:
    """The ISO3 code an option opens."""
    return option.split(ALIAS_MARK, 1)[0]
