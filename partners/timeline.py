"""When a fact holds, on the votes' time axis: its date and period, whether the support it records
has ended, and the views of time the atlas offers (to date, each period, the article's own view).

Defined once here and read by the map, the country pages, Compare and Votes and actions, so that a
fact of 2024 is counted in 2024–2025 everywhere the votes of 2024–2025 are.
"""

from __future__ import annotations

import pandas as pd

from partners import stance, vocab
from partners.dates import as_of_text

# The article the atlas was built from: one source among the others, with a view of its own.
ARTICLE_SOURCE = "tvn24-2023-03"
NOW = "now"
ARTICLE = "article"

WHEN: tuple[vocab.Term, ...] = (
    vocab.Term(
        NOW,
        "To date",
        "Every source up to today; support a later source records as ended is left out.",
    ),
    *(
        vocab.Term(period.code, period.label, f"Facts dated in {period.label}, ended or not.")
        for period in stance.PERIODS
    ),
    vocab.Term(
        ARTICLE,
        "The article (March 2023)",
        "Only the tvn24.pl article the atlas was built from, as of about 21 March 2023.",
    ),
)


def fact_dates(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Each fact's date on the time axis: its event date; else the date the outlet reported it;
    else (an undated fact) its source's publication date. Partial ISO dates, as written."""
    published = facts["source_id"].map(sources.set_index("source_id")["published"])
    return facts["event_date"].fillna(facts["reported_date"]).fillna(published)


def first_day(partial: str) -> str:
    """The first day a partial ISO date covers: '2023' is 2023-01-01, '2023-03' 2023-03-01."""
    return (partial + "-01-01")[:10] if len(partial) == 4 else (partial + "-01")[:10]


def fact_periods(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Each fact's period code ('2022-2023'), or None for a fact dated before the first period."""
    days = fact_dates(facts, sources).map(first_day)
    return days.map(lambda day: getattr(stance.period_of(day), "code", None))


def select(facts: pd.DataFrame, when: str | None) -> pd.DataFrame:
    """The facts a view of time shows: NOW, the facts whose support has not ended; a period code,
    the facts dated in it; ARTICLE, the article's facts; None, every fact. The frame must carry
    the 'period' column load.load_atlas adds."""
    if when is None:
        return facts
    if when == NOW:
        return facts[facts["ended_by"].isna()]
    if when == ARTICLE:
        return facts[facts["source_id"] == ARTICLE_SOURCE]
    return facts[facts["period"] == when]


def label(when: str) -> str:
    """The name of a view of time, as a reader sees it ('2024–2025', 'To date')."""
    return vocab.labels(WHEN)[when]


def find(values: list[str], default: str = NOW) -> tuple[str, bool]:
    """The view of time a 'when' parameter names (a code or a label, any case; '2024–2025' with
    an en dash too), and whether it was not understood; the default when missing or unusable."""
    known = {term.code.casefold(): term.code for term in WHEN}
    known |= {term.label.casefold(): term.code for term in WHEN}
    for value in values[:1]:
        key = value.strip().casefold().replace("–", "-")
        if key in known:
            return known[key], False
        return default, True
    return default, False


def sources_phrase(facts: pd.DataFrame, sources: pd.DataFrame, when: str) -> str:
    """Which sources a view of time draws on, in words, from the facts it selects: 'to date, from
    48 sources published March 2023 to December 2025 (support since ended left out)', 'in
    2024–2025, from 30 sources …', 'in the tvn24.pl article alone, as of March 2023'."""
    chosen = select(facts, when)
    published = sources.set_index("source_id").loc[chosen["source_id"].unique(), "published"]
    if when == ARTICLE:
        return f"in the tvn24.pl article alone, as of {as_of_text(published.min())}"
    if published.empty:
        return f"in {label(when)}, from no source"
    n = len(published)
    span = as_of_text(published.min())
    if published.max()[:7] != published.min()[:7]:
        span += f" to {as_of_text(published.max())}"
    base = f"from {n} {'source' if n == 1 else 'sources'} published {span}"
    if when == NOW:
        return f"to date, {base}, without support that has ended"
    return f"in {label(when)}, {base}"
