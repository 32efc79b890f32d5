"""Turn the UN's extracts into tidy tables: member names resolved to ISO3, one vote per row.

The extracts (DGACM, UNxml/GAresolutions data_extract/) hold one JSON object per resolution
and line: ES-11.json for the emergency special session, 74.json ... 80.json for the regular
sessions. The resolutions to take are named by symbol, never found by a word in their title.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import pycountry

# ES-11.json list fields and the vote each one records.
_LISTS = {"MS_in_favour": "yes", "MS_against": "no", "MS_abstaining": "abstain"}
_COUNTS = {"yes": "MS_in_favour_count", "no": "MS_against_count", "abstain": "MS_abstaining_count"}


RUSSIA = "RUS"


class UnresolvedNameError(LookupError):
    """A member-state name that resolves to no UN member, or to the wrong one."""


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().upper()


def resolve_names(
    names: Iterable[str], members: set[str], overrides: Mapping[str, str]
) -> dict[str, str]:
    """Map each UN name to a member's ISO3: the override table first, then ISO 3166 (pycountry).

    Raises UnresolvedNameError naming every name that resolves to nothing or to a non-member.
    """
    table = {_key(k): v for k, v in overrides.items()}
    resolved, failures = {}, []
    for name in sorted(set(names)):
        code = table.get(_key(name))
        if code is None:
            try:
                code = pycountry.countries.lookup(name.strip()).alpha_3
            except LookupError:
                failures.append(f"{name!r} matches no country in ISO 3166")
                continue
        if code not in members:
            failures.append(f"{name!r} resolved to {code}, which is not a UN member")
            continue
        resolved[name] = code
    if failures:
        raise UnresolvedNameError(
            "cannot resolve member names (add them to data/un_name_overrides.csv): "
            + "; ".join(failures)
        )
    return resolved


def parse_un_date(text: str) -> dt.date:
    """Parse the extracts' three forms: '2 March 2022', the same with non-breaking spaces, and
    '2019-12-09 00:00:00' (74.json)."""
    plain = " ".join(text.replace("\u00a0", " ").split())
    for form in ("%d %B %Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(plain, form).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date in any form the UN's extracts use")


def read_extract(path: Path) -> list[dict]:
    """Read ES-11.json: one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def select(records: Iterable[dict], symbols: Iterable[str]) -> list[dict]:
    """The records of exactly these symbols, in the order given; ValueError names any missing."""
    by_symbol = {record["symbol"]: record for record in records}
    wanted = list(symbols)
    missing = [symbol for symbol in wanted if symbol not in by_symbol]
    if missing:
        raise ValueError(f"not in the extracts: {', '.join(missing)}")
    return [by_symbol[symbol] for symbol in wanted]


def build_tables(
    records: list[dict],
    members: pd.DataFrame,
    overrides: Mapping[str, str],
    short_titles: Mapping[str, str],
    topics: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (resolutions, votes): official totals per resolution, and 193 votes per resolution.

    A member in none of the three lists is 'absent'. Raises ValueError if a member is listed
    twice in one resolution or if the rebuilt counts differ from the extract's own counts.
    Each resolution row carries its topic and Russia's own vote.
    """
    member_codes = set(members["iso3"])
    all_names = [n for record in records for field in _LISTS for n in record[field]]
    to_iso3 = resolve_names(all_names, member_codes, overrides)

    resolutions, votes = [], []
    for record in records:
        symbol = record["symbol"]
        cast: dict[str, str] = {}
        for field, vote in _LISTS.items():
            for name in record[field]:
                code = to_iso3[name]
                if code in cast:
                    raise ValueError(f"{symbol}: {name!r} ({code}) is listed twice")
                cast[code] = vote
        for vote, field in _COUNTS.items():
            rebuilt = sum(v == vote for v in cast.values())
            if rebuilt != int(record[field]):
                raise ValueError(
                    f"{symbol}: {rebuilt} {vote} votes rebuilt, {record[field]} stated"
                )
        votes += [
            {"symbol": symbol, "iso3": code, "vote": cast.get(code, "absent")}
            for code in member_codes
        ]
        if symbol not in short_titles:
            raise ValueError(f"{symbol} has no short title in data/un_resolution_labels.csv")
        resolutions.append(
            {
                "symbol": symbol,
                "adopted": parse_un_date(record["adoption_date"]).isoformat(),
                "topic": (topics or {}).get(symbol, ""),
                "short_title": short_titles[symbol],
                "title": " ".join(record["title"].split()),
                "meeting_record": record["pv"],
                "yes": int(record["MS_in_favour_count"]),
                "no": int(record["MS_against_count"]),
                "abstain": int(record["MS_abstaining_count"]),
                "russia_vote": cast.get(RUSSIA, "absent"),
            }
        )
    resolution_table = pd.DataFrame(resolutions).sort_values("adopted", ignore_index=True)
    vote_table = pd.DataFrame(votes).sort_values(["symbol", "iso3"], ignore_index=True)
    return resolution_table, vote_table
