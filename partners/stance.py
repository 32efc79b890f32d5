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

ALIGNMENT = {"no": "with", "abstain": "abstained", "yes": "against", "absent": "absent"}
ALIGNMENT_LABELS = {
    "with": "with Russia",
    "abstained": "abstained",
    "against": "against Russia",
    "absent": "absent",
}


@dataclass(frozen=True)
class Period:
    """A span of years whose resolutions are compared together."""

    label: str
    start: str  # first day, ISO
    end: str  # last day, ISO

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
    def label(self) -> str:
        """'mostly with Russia', 'mostly abstained', 'mostly against Russia', 'mostly absent',
        'mixed' (no alignment above half), or 'no votes' (no resolution in the period)."""
        if not self.total:
            return "no votes"
        alignment, count = max(self.counts.items(), key=lambda item: (item[1], item[0]))
        if count / self.total > MAJORITY:
            return f"mostly {ALIGNMENT_LABELS[alignment]}"
        return "mixed"

    def sentence(self) -> str:
        """'2022–2023: abstained on 5 of 7 votes, against Russia on 2' (plain text)."""
        if not self.total:
            return f"{self.period.label}: no resolution"
        parts = []
        for alignment in sorted(self.counts, key=lambda a: -self.counts[a]):
            count = self.counts[alignment]
            if not count:
                continue
            what = ALIGNMENT_LABELS[alignment]
            verb = (
                "was absent"
                if alignment == "absent"
                else ("abstained" if alignment == "abstained" else f"voted {what}")
            )
            parts.append(f"{verb} on {count}")
        head = parts[0] + f" of {self.total} votes"
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


def summary(votes: Iterable[tuple[str, str]]) -> str:
    """The change across periods in one plain sentence of clauses, one per period."""
    return "; ".join(tally.sentence() for tally in tallies(votes)) + "."
