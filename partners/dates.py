"""Dates as the data writes them (YYYY, YYYY-MM or YYYY-MM-DD) and as a reader reads them."""

from __future__ import annotations

import datetime as dt

from partners.i18n import N_, _, pgettext


def month_name(number: int, after_day: bool = False) -> str:
    """A month's name in the reader's language. The context tells a translator whether it
    stands alone ('March 2023') or follows a day ('21 March 2023'), which some languages write
    differently (Polish: 'marzec 2023', '21 marca 2023')."""
    if after_day:
        names = (
            pgettext("month after a day", "January"),
            pgettext("month after a day", "February"),
            pgettext("month after a day", "March"),
            pgettext("month after a day", "April"),
            pgettext("month after a day", "May"),
            pgettext("month after a day", "June"),
            pgettext("month after a day", "July"),
            pgettext("month after a day", "August"),
            pgettext("month after a day", "September"),
            pgettext("month after a day", "October"),
            pgettext("month after a day", "November"),
            pgettext("month after a day", "December"),
        )
    else:
        names = (
            pgettext("month alone", "January"),
            pgettext("month alone", "February"),
            pgettext("month alone", "March"),
            pgettext("month alone", "April"),
            pgettext("month alone", "May"),
            pgettext("month alone", "June"),
            pgettext("month alone", "July"),
            pgettext("month alone", "August"),
            pgettext("month alone", "September"),
            pgettext("month alone", "October"),
            pgettext("month alone", "November"),
            pgettext("month alone", "December"),
        )
    return names[number - 1]


NOT_GIVEN = N_("date not given")

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
        return _(NOT_GIVEN)
    day = parse_partial_date(event_date)
    if day is None:
        return event_date
    if precision == "day":
        return _("{day} {month} {year}").format(
            day=day.day, month=month_name(day.month, after_day=True), year=day.year
        )
    if precision == "year":
        return f"{day:%Y}"
    month = _("{month} {year}").format(month=month_name(day.month), year=day.year)
    if precision == "ongoing":
        return _("ongoing as of {month}").format(month=month)
    return month


def span_text(values) -> str:
    """The span of some partial dates as a reader reads it, each as precise as written:
    'March 2023 to 18 December 2025', or one date when they all fall in it."""
    first = as_of_text(min(values, key=parse_partial_date))
    last = as_of_text(max(values, key=parse_partial_date))
    return first if first == last else _("{first} to {last}").format(first=first, last=last)


def as_of_text(value: str) -> str:
    """An as-of date as precise as it is written: '2023-03' -> 'March 2023',
    '2023-02-23' -> '23 February 2023', '2022' -> '2022'."""
    return format_date(value, _PRECISION_OF_PARTS.get(len(value.split("-")), "day"))
