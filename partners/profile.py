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


def evidence_by_kind(facts: pd.DataFrame) -> pd.Series:
    """Per iso3, the strongest evidence for each direction and kind of support its facts have:
    a tuple of (direction, category, evidence), directions and kinds in vocabulary order.

    Summaries give this, not one grade for the whole country: North Korea's troops are on the
    record of both states while its shells rested at first on a disputed report, and Russia's
    arms to India must not read as India arming Russia.
    """
    if facts.empty:
        return pd.Series(dtype=object)
    directions = vocab.codes(vocab.DIRECTIONS)
    best = (
        facts.assign(
            _d=facts["direction"].map(directions.index),
            _c=facts["category"].map(_CATEGORY_ORDER.index),
            _rank=facts["evidence"].map(EVIDENCE_RANK),
        )
        .sort_values(["_d", "_c", "_rank"], kind="stable")
        .drop_duplicates(["iso3", "direction", "category"])
    )
    entries = pd.Series(
        list(zip(best["direction"], best["category"], best["evidence"], strict=True)),
        index=best["iso3"],
    )
    return entries.groupby(level=0, sort=False).agg(tuple)


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
    chosen = chosen.assign(_rank=chosen["evidence"].map(EVIDENCE_RANK))
    profile = countries.set_index("iso3")[["name"]].copy()
    profile["is_subject"] = profile.index == SUBJECT

    grouped = chosen.groupby("iso3", sort=False)
    profile["n_facts"] = grouped.size().reindex(profile.index, fill_value=0).astype(int)
    profile["categories"] = grouped["category"].agg(_ordered).reindex(profile.index)
    for direction in vocab.codes(vocab.DIRECTIONS):
        subset = chosen[chosen["direction"] == direction].groupby("iso3")["category"]
        profile[f"categories_{direction}"] = subset.agg(_ordered).reindex(profile.index)
    for column in [c for c in profile.columns if c.startswith("categories")]:
        profile[column] = profile[column].map(lambda v: v if isinstance(v, tuple) else ())
    profile["n_categories"] = profile["categories"].map(len).astype(int)

    best = chosen.sort_values("_rank", kind="stable").drop_duplicates("iso3").set_index("iso3")
    profile["strongest_evidence"] = best["evidence"].reindex(profile.index)
    profile["headline"] = best["summary"].reindex(profile.index)
    by_kind = evidence_by_kind(chosen).reindex(profile.index)
    profile["evidence_by_kind"] = by_kind.map(lambda v: v if isinstance(v, tuple) else ())
    profile["has_disputed"] = (
        chosen[chosen["evidence"] == "disputed"]
        .groupby("iso3")
        .size()
        .reindex(profile.index, fill_value=0)
        > 0
    )

    wide = votes.pivot(index="iso3", columns="symbol", values="vote")
    for symbol, column in vote_columns(resolutions).items():
        profile[column] = wide[symbol].reindex(profile.index) if symbol in wide else None
    return profile


def join_shapes(
    profile: pd.DataFrame, shapes: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Attach each profile row to its shape by ISO3; also return the codes that found no shape."""
    missing = sorted(set(profile.index) - set(shapes["iso3"]))
    joined = shapes.merge(profile.drop(columns=["name"]), left_on="iso3", right_index=True)
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=shapes.crs), missing
