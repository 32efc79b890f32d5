"""When a fact holds, on the votes' time axis: its date and period, whether the support it records
has ended, and the views of time the atlas offers (to date, each period, the article's own view).

Defined once here and read by the map, the country pages, Compare and Votes and actions, so that a
fact of 2024 is counted in 2024–2025 everywhere the votes of 2024–2025 are.
"""

from __future__ import annotations

import pandas as pd

from partners import stance, vocab
from partners.dates import parse_partial_date, span_text
from partners.i18n import N_, _, ngettext

# The article the atlas was built from: one source among the others, with a view of its own.
ARTICLE_SOURCE = "tvn24-2023-03"
NOW = "now"
ARTICLE = "article"

WHEN: tuple[vocab.Term, ...] = (
    vocab.Term(
        NOW,
        N_("To date"),
        N_("Every source up to today; support a later source records as ended is left out."),
    ),
    *(
        vocab.Term(period.code, period.label, N_("Facts dated in the period, ended or not."))
        for period in stance.PERIODS
    ),
    vocab.Term(
        ARTICLE,
        N_("The article (March 2023)"),
        N_("Only the tvn24.pl article the atlas was built from, as of about 21 March 2023."),
    ),
)


def fact_dates(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Each fact's date on the time axis: its event date; else the date the outlet reported it;
    else (an undated fact) its source's publication date. Partial ISO dates, as written."""
    published = facts["source_id"].map(sources.set_index("source_id")["published"])
    return facts["event_date"].fillna(facts["reported_date"]).fillna(published)


def fact_periods(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Each fact's period code ('2022-2023'), or None for a fact dated before the first period."""
    days = fact_dates(facts, sources).map(lambda date: parse_partial_date(date).isoformat())
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


def sources_phrase(facts: pd.DataFrame, sources: pd.DataFrame, when: str) -> str:
    """Which sources a view of time draws on, in words, from the facts it selects: 'to date, from
    48 sources published March 2023 to December 2025, without support that has ended', 'in
    2024–2025, from 30 sources …', 'in the tvn24.pl article alone, as of March 2023'."""
    chosen = select(facts, when)
    published = sources.set_index("source_id").loc[chosen["source_id"].unique(), "published"]
    if published.empty:
        return _("in {period}, from no source").format(period=label(when))
    if when == ARTICLE:
        return _("in the tvn24.pl article alone, as of {date}").format(date=span_text(published))
    n, span = len(published), span_text(published)
    if when == NOW:
        return ngettext(
            "to date, from {n} source published {span}, without support that has ended",
            "to date, from {n} sources published {span}, without support that has ended",
            n,
        ).format(n=n, span=span)
    return ngettext(
        "in {period}, from {n} source published {span}",
        "in {period}, from {n} sources published {span}",
        n,
    ).format(period=label(when), n=n, span=span)
