"""Pandera schemas for every data file, built from datapackage.json's Table Schemas."""

from __future__ import annotations

import datetime as dt
import functools
import re

import pandas as pd
import pandera.pandas as pa

from partners import provenance
from partners.dates import parse_partial_date

ISO3 = r"^[A-Z]{3}$"
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"

# The reduced-precision ISO 8601 form each date precision expects in event_date.
_DATE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "ongoing": re.compile(r"^\d{4}-\d{2}$"),
}


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


def _date_checks(*, day_only: bool = False) -> list[pa.Check]:
    """Checks of a date cell: a real date written YYYY, YYYY-MM or YYYY-MM-DD, not in the future."""
    checks = [
        pa.Check(_is_partial_date, error="a date written YYYY, YYYY-MM or YYYY-MM-DD"),
        pa.Check(_not_in_future, error="a date that is not in the future"),
    ]
    if day_only:
        checks.insert(0, pa.Check.str_matches(ISO_DAY, error="a date written YYYY-MM-DD"))
    return checks


@functools.cache
def _fields(resource: str) -> dict[str, dict]:
    """The Table Schema fields of one resource of datapackage.json, by name, in file order."""
    package = provenance.Package.read()
    return {field["name"]: field for field in package.resource(resource)["schema"]["fields"]}


def _foreign_key_checks(resource: str, known: dict[str, list[str]]) -> dict[str, list[pa.Check]]:
    """Checks for the foreign keys datapackage.json declares for a resource (the one place they
    are written; Frictionless checks the same ones): known holds each referenced resource's key
    values, as loaded."""
    package = provenance.Package.read()
    checks: dict[str, list[pa.Check]] = {}
    for key in package.resource(resource)["schema"].get("foreignKeys", []):
        (field,), reference = key["fields"], key["reference"]
        if not reference["resource"]:  # a key into the same table: its loader checks it
            continue
        (target_field,) = reference["fields"]
        target = package.resource(reference["resource"])["path"]
        message = f"one of the {target_field} values in {target}"
        checks.setdefault(field, []).append(
            pa.Check.isin(known[reference["resource"]], error=message)
        )
    return checks


def _base_checks(field: dict) -> list[pa.Check]:
    """The checks a Table Schema field's constraints ask for, with messages for data editors."""
    constraints = field.get("constraints", {})
    checks = []
    if "enum" in constraints:
        allowed = constraints["enum"]
        checks.append(pa.Check.isin(allowed, error=f"one of: {', '.join(allowed)}"))
    if "pattern" in constraints:  # Table Schema patterns match the whole value
        pattern = constraints["pattern"]
        checks.append(pa.Check.str_matches(f"^(?:{pattern})$", error=f"text matching {pattern}"))
    if "maxLength" in constraints:
        limit = constraints["maxLength"]
        checks.append(pa.Check.str_length(max_value=limit, error=f"at most {limit} characters"))
    low, high = constraints.get("minimum"), constraints.get("maximum")
    if low is not None and high is not None:
        checks.append(pa.Check.in_range(low, high, error=f"a number from {low} to {high}"))
    elif low is not None:
        checks.append(pa.Check.ge(low, error=f"a number of at least {low}"))
    if field["type"] == "date":
        checks += _date_checks(day_only=True)
    return checks


def table_schema(
    resource: str,
    extra: dict[str, list[pa.Check]] | None = None,
    known: dict[str, list[str]] | None = None,
    **options,
) -> pa.DataFrameSchema:
    """A strict, ordered pandera schema for one CSV resource, built from its Table Schema.

    Column order, types, required (not nullable), unique, enum, pattern, length, range and
    foreign keys come from datapackage.json, the one place they are written (known gives the
    values of the resources referenced); `extra` adds the checks a Table Schema cannot say
    (partial dates, dates not in the future, rules across columns).
    """
    extra = dict(extra or {})
    for name, checks in _foreign_key_checks(resource, known or {}).items():
        extra[name] = extra.get(name, []) + checks
    columns = {}
    for name, field in _fields(resource).items():
        constraints = field.get("constraints", {})
        required = constraints.get("required", False)
        number = int if required else "Int64"  # pandas' integer type that can be missing
        columns[name] = pa.Column(
            number if field["type"] == "integer" else str,
            checks=_base_checks(field) + extra.get(name, []),
            nullable=not required,
            unique=constraints.get("unique", False),
            coerce=field["type"] == "integer",
        )
    return pa.DataFrameSchema(columns, strict=True, ordered=True, **options)


def countries_schema() -> pa.DataFrameSchema:
    """The UN member states: ISO3 code, M49 number and UN short name."""
    return table_schema("countries")


def resolutions_schema() -> pa.DataFrameSchema:
    """The General Assembly resolutions with their official totals."""
    return table_schema("un_resolutions")


def votes_schema(known_iso3: list[str], known_symbols: list[str]) -> pa.DataFrameSchema:
    """One vote per member and resolution."""
    known = {"countries": known_iso3, "un_resolutions": known_symbols}
    return table_schema("un_votes", known=known, unique=["symbol", "iso3"])


def outlets_schema() -> pa.DataFrameSchema:
    """The outlets that publish sources or that sources credit."""
    return table_schema("outlets")


def blocked_schema() -> pa.DataFrameSchema:
    """The domains the atlas never cites."""
    return table_schema("blocked_domains")


def sources_schema(known_outlets: list[str]) -> pa.DataFrameSchema:
    """The pages and documents the facts are taken from."""
    return table_schema("sources", {"published": _date_checks()}, known={"outlets": known_outlets})


def facts_schema(
    known_iso3: list[str],
    known_symbols: list[str],
    known_sources: list[str],
    known_outlets: list[str],
) -> pa.DataFrameSchema:
    """The facts, one row each; see datapackage.json for what every field means."""
    known = {
        "countries": known_iso3,
        "un_resolutions": known_symbols,
        "sources": known_sources,
        "outlets": known_outlets,
    }
    return table_schema(
        "facts",
        {"event_date": _date_checks(), "reported_date": _date_checks()},
        known=known,
        checks=[
            pa.Check(
                _precision_matches_date,
                error="event_date written as its date_precision says (empty when undated)",
            ),
            pa.Check(_quote_has_speaker, error="quote and quote_by filled together"),
            pa.Check(_vote_has_resolution, error="un_resolution and un_vote filled together"),
            pa.Check(
                lambda df: df["section"].isna() == df["paragraph"].isna(),
                error="section and paragraph filled together",
            ),
        ],
        unique=["iso3", "category", "direction", "summary"],
        report_duplicates="all",
    )


def denials_schema(known_facts: list[str], known_sources: list[str]) -> pa.DataFrameSchema:
    """Denials by the country concerned, each naming the fact it answers and its own source."""
    return table_schema(
        "denials",
        {"denied_on": _date_checks()},
        known={"facts": known_facts, "sources": known_sources},
        unique=["fact_id", "denied_by", "source_id"],
        report_duplicates="all",
    )


def names_schema(known_codes: list[str]) -> pa.DataFrameSchema:
    """Every name of a country with a page."""
    check = pa.Check.isin(known_codes, error="the code of a country on the map")
    return table_schema("country_names", {"iso3": [check]}, unique=["iso3", "name"])


def territories_schema(known_iso3: list[str]) -> pa.DataFrameSchema:
    """The map's shapes that are not members, and the member each belongs to."""
    return table_schema("territories", known={"countries": known_iso3})


def boundaries_schema() -> pa.DataFrameSchema:
    """Country shapes: one valid, non-empty (multi)polygon per ISO3 code."""
    return pa.DataFrameSchema(
        {
            "iso3": pa.Column(
                str, pa.Check.str_matches(ISO3, error="a three-letter code"), unique=True
            ),
            "name": pa.Column(str, pa.Check.str_length(min_value=1, error="a non-empty name")),
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
