"""Dates as the data writes them (YYYY, YYYY-MM or YYYY-MM-DD) and as a reader reads them."""

from __future__ import annotations

import datetime as dt

# How precise a date written with this many parts is.
_PRECISION_OF_PARTS = {1: "year", 2: "month", 3: "day"}


def parse_partial_date(text: object) -> dt.date | None:
    """The first day of a YYYY, YYYY-MM or YYYY-MM-DD date, or None when it is not one."""
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


def format_date(event_date: object, precision: str) -> str:
    """'20 March 2023', 'January 2023', '2020', 'ongoing as of March 2023' or 'date not given'."""
    if precision == "undated" or not isinstance(event_date, str):
        return "date not given"
    day = parse_partial_date(event_date)
    if day is None:
        return event_date
    if precision == "day":
        return f"{day.day} {day:%B %Y}"
    if precision == "year":
        return f"{day:%Y}"
    if precision == "ongoing":
        return f"ongoing as of {day:%B %Y}"
    return f"{day:%B %Y}"


def span_text(values) -> str:
    """The span of some partial dates as a reader reads it, each as precise as written:
    'March 2023 to 18 December 2025', or one date when they all fall in it."""
    first = as_of_text(min(values, key=parse_partial_date))
    last = as_of_text(max(values, key=parse_partial_date))
    return first if first == last else f"{first} to {last}"


def as_of_text(value: str) -> str:
    """An as-of date as precise as it is written: '2023-03' -> 'March 2023',
    '2023-02-23' -> '23 February 2023', '2022' -> '2022'."""
    return format_date(value, _PRECISION_OF_PARTS.get(len(value.split("-")), "day"))
