"""The per-country profile the map colours: categories by direction, counts, evidence, UN votes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from partners import stance, timeline, vocab

SUBJECT = "RUS"  # the country the atlas is about: marked as the subject, never as a partner
# Evidence codes by strength, 0 the strongest: what "strongest evidence" means everywhere.
EVIDENCE_RANK = {code: rank for rank, code in enumerate(vocab.codes(vocab.EVIDENCE))}
_CATEGORY_ORDER = vocab.codes(vocab.CATEGORIES)


@dataclass(frozen=True)
class Filters:
    """Which facts count: None in a field means 'all of them'; `when` is a view of time
    (timeline.WHEN: to date, a period, the article's own view), None for every fact."""

    categories: tuple[str, ...] | None = None
    directions: tuple[str, ...] | None = None
    evidence: tuple[str, ...] | None = None
    when: str | None = None

    def apply(self, facts: pd.DataFrame) -> pd.DataFrame:
        """The facts that pass every filter, in file order."""
        facts = timeline.select(facts, self.when)
        keep = pd.Series(True, index=facts.index)
        for column, allowed in (
            ("category", self.categories),
            ("direction", self.directions),
            ("evidence", self.evidence),
        ):
            if allowed is not None:
                keep &= facts[column].isin(allowed)
        return facts[keep]


def _ordered(values: Iterable[str]) -> tuple[str, ...]:
    present = set(values)
    return tuple(c for c in _CATEGORY_ORDER if c in present)


def _strongest_by_kind(facts: pd.DataFrame) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Per iso3, in order of first appearance by (direction, kind): the strongest evidence for
    each direction and kind of support (first in file order on ties). Plain Python over the
    columns: the facts are a few hundred rows, where each pandas step costs a millisecond."""
    directions = vocab.codes(vocab.DIRECTIONS)
    weakest = len(EVIDENCE_RANK)  # a missing grade ranks after every grade
    columns = (facts[c].tolist() for c in ("iso3", "direction", "category", "evidence"))
    ranked = sorted(
        (directions.index(d), _CATEGORY_ORDER.index(c), EVIDENCE_RANK.get(e, weakest), i, iso3, e)
        for i, (iso3, d, c, e) in enumerate(zip(*columns, strict=True))
    )
    entries: dict[str, list[tuple[str, str, str]]] = {}
    seen = set()
    for d, c, _rank, _i, iso3, evidence in ranked:
        if (iso3, d, c) not in seen:
            seen.add((iso3, d, c))
            entries.setdefault(iso3, []).append((directions[d], _CATEGORY_ORDER[c], evidence))
    return {iso3: tuple(kinds) for iso3, kinds in entries.items()}


def evidence_by_kind(facts: pd.DataFrame) -> pd.Series:
    """Per iso3, the strongest evidence for each direction and kind of support its facts have:
    a tuple of (direction, category, evidence), directions and kinds in vocabulary order.

    Summaries give this, not one grade for the whole country: North Korea's troops are on the
    record of both states while its shells rested at first on a disputed report, and Russia's
    arms to India must not read as India arming Russia.
    """
    if facts.empty:
        return pd.Series(dtype=object)
    entries = _strongest_by_kind(facts)
    return pd.Series(list(entries.values()), index=pd.Index(list(entries), name="iso3"))


def vote_columns(resolutions: pd.DataFrame) -> dict[str, str]:
    """symbol -> profile column for its vote ('A/RES/ES-11/1' -> 'vote_ES-11/1'), in adoption
    order."""
    ordered = resolutions.sort_values("adopted", kind="stable")["symbol"]
    return {symbol: "vote_" + stance.short_symbol(symbol) for symbol in ordered}


def build_profile(
    facts: pd.DataFrame,
    countries: pd.DataFrame,
    votes: pd.DataFrame,
    resolutions: pd.DataFrame,
    filters: Filters = Filters(),
) -> pd.DataFrame:
    """One row per UN member, indexed by iso3.

    Columns: name; is_subject (Russia); n_facts; categories (all directions) and
    categories_<direction> as tuples in vocabulary order; n_categories; strongest_evidence
    (None without facts); evidence_by_kind (see there; () without facts); has_disputed;
    headline (summary of the best-evidenced fact, first in file order on ties); one
    vote_<symbol> column per resolution (see vote_columns).
    """
    chosen = filters.apply(facts)
    members = countries["iso3"].tolist()
    directions = vocab.codes(vocab.DIRECTIONS)
    weakest = len(EVIDENCE_RANK)
    # One pass over the chosen facts, in file order, into plain dicts: a groupby per column took
    # 56 ms of a filter change's view, this takes 21 ms (the votes' columns included).
    n_facts = dict.fromkeys(members, 0)
    kinds: dict[tuple[str, str], set[str]] = {}  # (iso3, direction): categories
    best: dict[str, tuple[int, str, str]] = {}  # iso3: (rank, evidence, summary), first on ties
    disputed = set()
    columns = (chosen[c].tolist() for c in ("iso3", "direction", "category", "evidence", "summary"))
    for iso3, direction, category, evidence, summary in zip(*columns, strict=True):
        if iso3 not in n_facts:
            continue
        n_facts[iso3] += 1
        kinds.setdefault((iso3, direction), set()).add(category)
        rank = EVIDENCE_RANK.get(evidence, weakest)
        if iso3 not in best or rank < best[iso3][0]:
            best[iso3] = (rank, evidence, summary)
        if evidence == "disputed":
            disputed.add(iso3)
    by_kind = _strongest_by_kind(chosen)
    by_direction = {d: [_ordered(kinds.get((iso3, d), ())) for iso3 in members] for d in directions}
    every = [_ordered(set().union(*(kinds.get((c, d), ()) for d in directions))) for c in members]
    columns = {
        "name": countries["name"].tolist(),
        "is_subject": [code == SUBJECT for code in members],
        "n_facts": [n_facts[code] for code in members],
        "categories": every,
        **{f"categories_{d}": by_direction[d] for d in directions},
        "n_categories": [len(c) for c in every],
        "strongest_evidence": pd.array([best[c][1] if c in best else None for c in members], "str"),
        "headline": pd.array([best[c][2] if c in best else None for c in members], "str"),
        "evidence_by_kind": [by_kind.get(code, ()) for code in members],
        "has_disputed": [code in disputed for code in members],
    }
    iso3s, symbols, cast_votes = (votes[c].tolist() for c in ("iso3", "symbol", "vote"))
    cast = dict(zip(zip(iso3s, symbols, strict=True), cast_votes, strict=True))
    voted = set(symbols)
    for symbol, column in vote_columns(resolutions).items():
        columns[column] = (
            pd.array([cast.get((code, symbol)) for code in members], "str")
            if symbol in voted
            else None  # a resolution without votes in the file
        )
    return pd.DataFrame(columns, index=pd.Index(members, name="iso3"))


def join_shapes(
    profile: pd.DataFrame, shapes: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Attach each profile row to its shape by ISO3; also return the codes that found no shape."""
    missing = sorted(set(profile.index) - set(shapes["iso3"]))
    joined = shapes.merge(profile.drop(columns=["name"]), left_on="iso3", right_index=True)
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=shapes.crs), missing
