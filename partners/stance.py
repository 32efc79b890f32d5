"""What "voting with Russia" means, defined once: each vote's alignment, the periods compared,
and a country's class in a period, with the counts behind it.

Russia voted No on all seventeen resolutions, so on these a No is a vote with Russia, a Yes a
vote against Russia, an abstention an abstention; an absence (in none of the three recorded
lists, members without a vote under Article 19 included) is counted apart, never dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from partners.i18n import N_, _

ALIGNMENT = {"no": "with", "abstain": "abstained", "yes": "against", "absent": "absent"}
ALIGNMENT_LABELS = {
    "with": N_("with Russia"),
    "abstained": N_("abstained"),
    "against": N_("against Russia"),
    "absent": N_("absent"),
}
# '3 with Russia': a count of votes of each alignment.
_COUNTED = {
    "with": N_("{n} with Russia"),
    "abstained": N_("{n} abstained"),
    "against": N_("{n} against Russia"),
    "absent": N_("{n} absent"),
}
# 'voted with Russia on 3': what a country did on how many of a period's votes.
_DID = {
    "with": N_("voted with Russia on {n}"),
    "abstained": N_("abstained on {n}"),
    "against": N_("voted against Russia on {n}"),
    "absent": N_("was absent on {n}"),
}


@dataclass(frozen=True)
class Period:
    """A span of years whose resolutions are compared together."""

    label: str
    start: str  # first day, ISO
    end: str  # last day, ISO

    @property
    def code(self) -> str:
        """How an address writes the period: '2019-2021' (a plain hyphen)."""
        return self.label.replace("–", "-")

    def holds(self, day: str) -> bool:
        return self.start <= day <= self.end


# Before the full-scale invasion, its first two years, and the two years after.
PERIODS = (
    Period("2019–2021", "2019-01-01", "2021-12-31"),
    Period("2022–2023", "2022-01-01", "2023-12-31"),
    Period("2024–2025", "2024-01-01", "2025-12-31"),
)
# A class needs more than half of the period's votes; otherwise the period is "mixed".
MAJORITY = 0.5
# A country's class in a period, in the order a legend lists them.
CLASS_LABELS = {
    "with": N_("mostly with Russia"),
    "abstained": N_("mostly abstained"),
    "against": N_("mostly against Russia"),
    "absent": N_("mostly absent"),
    "mixed": N_("mixed (no way of voting above half)"),
    "none": N_("no votes"),
}


def period_of(day: str) -> Period | None:
    """The period an ISO date falls in, or None."""
    return next((period for period in PERIODS if period.holds(day)), None)


@dataclass(frozen=True)
class Tally:
    """A country's votes in one period: the count of each alignment, and its class."""

    period: Period
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def code(self) -> str:
        """The alignment (with, abstained, against, absent) of more than half the period's votes,
        'mixed' when none has more than half, 'none' when the period has no resolution."""
        if not self.total:
            return "none"
        alignment, count = max(self.counts.items(), key=lambda item: (item[1], item[0]))
        return alignment if count / self.total > MAJORITY else "mixed"

    @property
    def label(self) -> str:
        """'mostly with Russia', 'mostly abstained', 'mostly against Russia', 'mostly absent',
        'mixed' (no alignment above half), or 'no votes' (no resolution in the period)."""
        return _("mixed") if self.code == "mixed" else _(CLASS_LABELS[self.code])

    @property
    def present(self) -> int:
        """Votes the country was recorded in (yes, no or abstained): absences left out."""
        return self.total - self.counts["absent"]

    @property
    def with_or_abstained(self) -> int:
        """Votes with Russia or abstentions: the votes that did not condemn Russia."""
        return self.counts["with"] + self.counts["abstained"]

    @property
    def share(self) -> float | None:
        """with_or_abstained of the votes present, from 0 to 1; None when never present."""
        return self.with_or_abstained / self.present if self.present else None

    def counts_text(self) -> str:
        """'3 with Russia, 2 abstained, 1 against Russia, 1 absent' (zero counts left out)."""
        parts = [_(_COUNTED[a]).format(n=self.counts[a]) for a in _COUNTED if self.counts[a]]
        return ", ".join(parts) or _("no votes")

    def sentence(self) -> str:
        """'2022–2023: abstained on 5 of 7 votes, against Russia on 2' (plain text)."""
        if not self.total:
            return _("{period}: no resolution").format(period=self.period.label)
        parts = [
            _(_DID[alignment]).format(n=self.counts[alignment])
            for alignment in sorted(self.counts, key=lambda a: -self.counts[a])
            if self.counts[alignment]
        ]
        head = _("{first} of {total} votes").format(first=parts[0], total=self.total)
        return f"{self.period.label}: " + ", ".join([head, *parts[1:]])


def tallies(votes: Iterable[tuple[str, str]]) -> list[Tally]:
    """One tally per period from (adopted ISO date, vote) pairs."""
    counted = {period.label: Counter() for period in PERIODS}
    for day, vote in votes:
        period = period_of(day)
        if period is not None:
            counted[period.label][ALIGNMENT[vote]] += 1
    return [
        Tally(period, {a: counted[period.label][a] for a in ALIGNMENT_LABELS}) for period in PERIODS
    ]


def tallies_by_country(votes: pd.DataFrame, resolutions: pd.DataFrame) -> dict[str, list[Tally]]:
    """Every member's tallies, one per period, from the votes table (iso3, symbol, vote; one
    row per member and resolution, absences included) and the resolutions (symbol, adopted)."""
    adopted = dict(zip(resolutions["symbol"], resolutions["adopted"], strict=True))
    pairs: dict[str, list[tuple[str, str]]] = {}
    for iso3, symbol, vote in zip(votes["iso3"], votes["symbol"], votes["vote"], strict=True):
        pairs.setdefault(iso3, []).append((adopted[symbol], vote))
    return {iso3: tallies(found) for iso3, found in pairs.items()}


def find_period(value: str) -> Period | None:
    """The period an address or a label names: '2022-2023' or '2022–2023'."""
    text = value.strip().replace("–", "-")
    return next((period for period in PERIODS if period.code == text), None)


def period_code(values: list[str], default: str) -> tuple[str, bool]:
    """The period an address's 'per' values name (the first counts), as its code, or the
    default; and whether a value was given that names no period."""
    if not values:
        return default, False
    found = find_period(values[0])
    return (found.code, False) if found else (default, True)


def summary(votes: Iterable[tuple[str, str]]) -> str:
    """The change across periods in one plain sentence of clauses, one per period."""
    return "; ".join(tally.sentence() for tally in tallies(votes)) + "."


def short_symbol(symbol: str) -> str:
    """'A/RES/ES-11/1' -> 'ES-11/1': how the address, tables and ticks name a resolution."""
    return symbol.removeprefix("A/RES/")
