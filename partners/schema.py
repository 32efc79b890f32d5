"""Pandera schemas for every data file: types, required fields, vocabularies, codes, dates."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pandera.pandas as pa

from partners import vocab

ISO3 = r"^[A-Z]{3}$"
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"

# The reduced-precision ISO 8601 form each date precision expects in event_date.
_DATE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "ongoing": re.compile(r"^\d{4}-\d{2}$"),
}


def parse_partial_date(text: str) -> dt.date | None:
    """Return the first day of a YYYY, YYYY-MM or YYYY-MM-DD date, or None when it is not one."""
    if not isinstance(text, str):
        return None
    parts = text.split("-")
    if len(parts) > 3 or not all(p.isdigit() for p in parts):
        return None
    if [len(p) for p in parts] != [4, 2, 2][: len(parts)]:
        return None
    year, month, day = (int(p) for p in parts + ["1"] * (3 - len(parts)))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _is_partial_date(series: pd.Series) -> pd.Series:
    return series.map(lambda v: parse_partial_date(v) is not None)


def _not_in_future(series: pd.Series) -> pd.Series:
    today = dt.date.today()
    return series.map(lambda v: (parse_partial_date(v) or dt.date.min) <= today)


def _precision_matches_date(df: pd.DataFrame) -> pd.Series:
    """event_date has the shape its precision says; 'undated' facts leave it empty."""

    def ok(date, precision) -> bool:
        if precision == "undated":
            return pd.isna(date)
        form = _DATE_FORMS.get(precision)
        return form is None or (isinstance(date, str) and bool(form.match(date)))

    return pd.Series(
        [ok(d, p) for d, p in zip(df["event_date"], df["date_precision"], strict=True)],
        index=df.index,
    )


def _quote_has_speaker(df: pd.DataFrame) -> pd.Series:
    """A quote is always attributed, and an attribution always has a quote."""
    return df["quote"].isna() == df["quote_by"].isna()


def _vote_has_resolution(df: pd.DataFrame) -> pd.Series:
    """A UN vote fact names both the resolution and the vote the article reports."""
    return df["un_resolution"].isna() == df["un_vote"].isna()


def _date_column(*, nullable: bool, day_only: bool = False) -> pa.Column:
    checks = [
        pa.Check(_is_partial_date, error="a date written YYYY, YYYY-MM or YYYY-MM-DD"),
        pa.Check(_not_in_future, error="a date that is not in the future"),
    ]
    if day_only:
        checks.insert(0, pa.Check.str_matches(ISO_DAY, error="a date written YYYY-MM-DD"))
    return pa.Column(str, checks=checks, nullable=nullable)


def _text(*, nullable: bool = False, max_len: int | None = None) -> pa.Column:
    checks = [pa.Check.str_length(min_value=1, error="a non-empty text")]
    if max_len:
        checks.append(pa.Check.str_length(max_value=max_len, error=f"at most {max_len} characters"))
    return pa.Column(str, checks=checks, nullable=nullable)


def _one_of(vocabulary: tuple[vocab.Term, ...]) -> pa.Column:
    allowed = vocab.codes(vocabulary)
    return pa.Column(str, pa.Check.isin(allowed, error=f"one of: {', '.join(allowed)}"))


def countries_schema() -> pa.DataFrameSchema:
    """The UN member states: ISO3 code, M49 number and UN short name."""
    return pa.DataFrameSchema(
        {
            "iso3": pa.Column(
                str, pa.Check.str_matches(ISO3, error="a three-letter ISO3 code"), unique=True
            ),
            "m49": pa.Column(str, pa.Check.str_matches(r"^\d{3}$", error="a three-digit M49 code")),
            "name": _text(),
        },
        strict=True,
        ordered=True,
    )


def resolutions_schema() -> pa.DataFrameSchema:
    """The six ES-11 resolutions with their official totals."""
    count = pa.Column(int, pa.Check.in_range(0, 193, error="a count from 0 to 193"), coerce=True)
    return pa.DataFrameSchema(
        {
            "symbol": pa.Column(
                str,
                pa.Check.str_matches(r"^A/RES/ES-11/\d+$", error="a symbol like A/RES/ES-11/1"),
                unique=True,
            ),
            "adopted": _date_column(nullable=False, day_only=True),
            "short_title": _text(max_len=60),
            "title": _text(),
            "meeting_record": _text(),
            "yes": count,
            "no": count,
            "abstain": count,
        },
        strict=True,
        ordered=True,
    )


def votes_schema(known_iso3: list[str], known_symbols: list[str]) -> pa.DataFrameSchema:
    """One vote per member and resolution."""
    return pa.DataFrameSchema(
        {
            "symbol": pa.Column(str, pa.Check.isin(known_symbols, error="a known resolution")),
            "iso3": pa.Column(str, pa.Check.isin(known_iso3, error="the ISO3 code of a UN member")),
            "vote": _one_of(vocab.VOTES),
        },
        strict=True,
        ordered=True,
        unique=["symbol", "iso3"],
    )


def facts_schema(known_iso3: list[str], known_symbols: list[str]) -> pa.DataFrameSchema:
    """The article's facts, one row each; see datapackage.json for what every field means."""
    return pa.DataFrameSchema(
        {
            "fact_id": pa.Column(
                str,
                pa.Check.str_matches(r"^[a-z]{3}-\d{2}$", error="an id like irn-03"),
                unique=True,
            ),
            "iso3": pa.Column(
                str,
                pa.Check.isin(
                    known_iso3, error="the ISO3 code of a UN member (data/countries.csv)"
                ),
            ),
            "category": _one_of(vocab.CATEGORIES),
            "direction": _one_of(vocab.DIRECTIONS),
            "summary": _text(max_len=300),
            "figure": _text(nullable=True),
            "quote": _text(nullable=True),
            "quote_by": _text(nullable=True),
            "event_date": _date_column(nullable=True),
            "date_precision": _one_of(vocab.DATE_PRECISIONS),
            "reported_date": _date_column(nullable=True),
            "outlet": _one_of(vocab.OUTLETS),
            "evidence": _one_of(vocab.EVIDENCE),
            "un_resolution": pa.Column(
                str,
                pa.Check.isin(known_symbols, error="a resolution in data/un_resolutions.csv"),
                nullable=True,
            ),
            "un_vote": pa.Column(
                str,
                pa.Check.isin(vocab.codes(vocab.VOTES), error="one of: yes, no, abstain, absent"),
                nullable=True,
            ),
            "section": _text(),
            "paragraph": pa.Column(
                int, pa.Check.in_range(1, 20, error="a paragraph number from 1 to 20"), coerce=True
            ),
        },
        checks=[
            pa.Check(
                _precision_matches_date,
                error="event_date written as its date_precision says (empty when undated)",
            ),
            pa.Check(_quote_has_speaker, error="quote and quote_by filled together"),
            pa.Check(_vote_has_resolution, error="un_resolution and un_vote filled together"),
        ],
        strict=True,
        ordered=True,
        unique=["iso3", "category", "direction", "summary"],
        report_duplicates="all",
    )


def boundaries_schema() -> pa.DataFrameSchema:
    """Country shapes: one valid, non-empty (multi)polygon per ISO3 code."""
    return pa.DataFrameSchema(
        {
            "iso3": pa.Column(
                str, pa.Check.str_matches(r"^[A-Z]{3}$", error="a three-letter code"), unique=True
            ),
            "name": _text(),
            "geometry": pa.Column(
                checks=[
                    pa.Check(lambda s: ~s.is_empty & s.notna(), error="a non-empty shape"),
                    pa.Check(lambda s: s.is_valid, error="a valid shape"),
                    pa.Check(
                        lambda s: s.geom_type.isin(["Polygon", "MultiPolygon"]),
                        error="a Polygon or MultiPolygon",
                    ),
                ]
            ),
        },
        strict=True,
    )
