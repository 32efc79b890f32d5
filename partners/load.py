"""Read and validate the data files; every loader raises DataError listing all it found wrong."""

from __future__ import annotations

import csv
import functools
import io
import json
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pandera.errors
import pandera.pandas as pa

from partners import paths, profile, schema, timeline
from partners.errors import DataError, Problem


def _display(path: Path) -> str:
    """The path as a data editor sees it: relative to the repository when it is inside it."""
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def read_csv(path: Path) -> pd.DataFrame:
    """Read a UTF-8 CSV as text columns, empty cells as missing; DataError on unreadable files."""
    name = _display(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(name, None, None, f"cannot be read ({exc.strerror})")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            [Problem(name, line, None, f"is not UTF-8 text (byte {raw[exc.start]:#04x})")]
        ) from exc
    if not text.strip():
        raise DataError([Problem(name, None, None, "is empty; expected a header and data rows")])
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    body, starts, problems = [], [], []
    previous_end = reader.line_num
    for row in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if not row:
            continue
        if len(row) != len(header):
            message = f"has {len(row)} cells; the header has {len(header)}"
            problems.append(Problem(name, start, None, message))
        body.append(row)
        starts.append(start)
    if not body:
        problems.append(Problem(name, None, None, "has a header but no data rows"))
    if problems:
        raise DataError(problems)
    # Index rows by the line they start on (header = line 1), so problems can point at them
    # even when a quoted cell spans several lines.
    frame = pd.DataFrame(body, columns=header, index=pd.Index(starts), dtype="str")
    return frame.replace("", None)


def validate(frame: pd.DataFrame, data_schema: pa.DataFrameSchema, name: str) -> pd.DataFrame:
    """Validate lazily, so that one DataError lists every failing cell, with line and column."""
    try:
        return data_schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        raise DataError(_problems(exc.failure_cases, name)) from None


def _problems(failures: pd.DataFrame, name: str) -> list[Problem]:
    problems = []
    for case in failures.itertuples(index=False):
        line = None if pd.isna(case.index) else int(case.index)
        column = None if pd.isna(case.column) else str(case.column)
        check = str(case.check)
        value = case.failure_case
        if check == "column_in_dataframe":
            problems.append(Problem(name, None, str(value), "required column is missing"))
        elif check == "column_in_schema":
            problems.append(Problem(name, None, str(value), "unexpected column"))
        elif check == "column_ordered":
            problems.append(Problem(name, None, str(value), "column is out of order"))
        elif check == "not_nullable":
            problems.append(Problem(name, line, column, "is empty; a value is required"))
        elif check in ("field_uniqueness", "multiple_fields_uniqueness"):
            what = column or "row"
            problems.append(Problem(name, line, column, f"duplicate {what}: {value!r}"))
        elif check.startswith("coerce_dtype"):
            problems.append(Problem(name, line, column, f"{value!r} is not a whole number"))
        else:
            shown = "" if pd.isna(value) else f"{value!r}: "
            problems.append(Problem(name, line, column, f"{shown}expected {check}"))
    return problems


def load_countries(path: Path = paths.COUNTRIES) -> pd.DataFrame:
    """The 193 UN member states (iso3, m49, name), validated."""
    return validate(read_csv(path), schema.countries_schema(), _display(path))


def load_resolutions(path: Path = paths.RESOLUTIONS) -> pd.DataFrame:
    """The General Assembly resolutions in adoption order, validated."""
    frame = validate(read_csv(path), schema.resolutions_schema(), _display(path))
    return frame.sort_values("adopted", kind="stable")


def load_votes(
    countries: pd.DataFrame, resolutions: pd.DataFrame, path: Path = paths.VOTES
) -> pd.DataFrame:
    """Every member's vote on every resolution, validated against both tables."""
    data_schema = schema.votes_schema(list(countries["iso3"]), list(resolutions["symbol"]))
    return validate(read_csv(path), data_schema, _display(path))


def load_outlets(path: Path = paths.OUTLETS) -> pd.DataFrame:
    """The outlets that publish the sources or that the sources credit, validated."""
    return validate(read_csv(path), schema.outlets_schema(), _display(path))


def load_blocked(path: Path = paths.BLOCKED) -> pd.DataFrame:
    """The domains the atlas never cites, with why, validated."""
    return validate(read_csv(path), schema.blocked_schema(), _display(path))


def load_sources(
    outlets: pd.DataFrame, blocked: pd.DataFrame, path: Path = paths.SOURCES
) -> pd.DataFrame:
    """The sources of the facts, validated against the outlets; none on a blocked domain."""
    data_schema = schema.sources_schema(list(outlets["outlet"]))
    sources = validate(read_csv(path), data_schema, _display(path))
    refused = [
        Problem(_display(path), int(line), "url", f"{url!r}: on a blocked domain, {why}")
        for line, url in sources["url"].dropna().items()
        if (why := blocked_reason(url, blocked))
    ]
    if refused:
        raise DataError(refused)
    return sources


def blocked_reason(url: str, blocked: pd.DataFrame) -> str | None:
    """Why a web address may not be cited ('pravda-en.com: Part of the Pravda propaganda
    network…'), or None. A domain blocks itself and its subdomains, nothing else: pravda.ru
    blocks english.pravda.ru, not pravda.com.ua."""
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    for domain, reason in zip(blocked["domain"], blocked["reason"], strict=True):
        if host == domain or host.endswith("." + domain):
            return f"{domain}: {reason}"
    return None


def load_facts(
    countries: pd.DataFrame,
    resolutions: pd.DataFrame,
    sources: pd.DataFrame,
    outlets: pd.DataFrame,
    path: Path = paths.FACTS,
) -> pd.DataFrame:
    """The facts, validated against the vocabularies, the countries, the resolutions, the
    sources and the outlets; no fact is dated after its source was published."""
    data_schema = schema.facts_schema(
        list(countries["iso3"]),
        list(resolutions["symbol"]),
        list(sources["source_id"]),
        list(outlets["outlet"]),
    )
    facts = validate(read_csv(path), data_schema, _display(path))
    late = _dated_after_source(facts, sources.set_index("source_id")["published"])
    late += _badly_ended(facts)
    if late:
        raise DataError([Problem(_display(path), *where) for where in late])
    return facts


def _badly_ended(facts: pd.DataFrame) -> list[tuple]:
    """(line, column, message) for every ended_by that names no fact of the file, or names a
    fact about another country, or one dated before the fact it ends."""
    by_id = facts.set_index("fact_id")
    wrong = []
    for line, row in facts[facts["ended_by"].notna()].iterrows():
        end = row["ended_by"]
        if end not in by_id.index:
            wrong.append((int(line), "ended_by", f"{end!r}: expected a fact_id of this file"))
            continue
        ending = by_id.loc[end]
        if ending["iso3"] != row["iso3"]:
            message = f"{end!r}: expected a fact about {row['iso3']}, not {ending['iso3']}"
            wrong.append((int(line), "ended_by", message))
        elif not isinstance(ending["event_date"], str) or _later(
            row["event_date"], ending["event_date"]
        ):
            message = f"{end!r}: expected a dated fact not before this one ({row['event_date']})"
            wrong.append((int(line), "ended_by", message))
    return wrong


def _later(first: object, second: object) -> bool:
    """Whether partial date `first` is after `second`, compared at the coarser of the two
    precisions (2023-03-20 is not after 2023-03); False when either is missing."""
    if not (isinstance(first, str) and isinstance(second, str)):
        return False
    width = min(len(first), len(second))
    return first[:width] > second[:width]


def load_denials(
    facts: pd.DataFrame, sources: pd.DataFrame, path: Path = paths.DENIALS
) -> pd.DataFrame:
    """The denials, validated against the facts and the sources; every disputed fact has one."""
    data_schema = schema.denials_schema(list(facts["fact_id"]), list(sources["source_id"]))
    denials = validate(read_csv(path), data_schema, _display(path))
    disputed = facts.loc[facts["evidence"] == "disputed", "fact_id"]
    missing = sorted(set(disputed) - set(denials["fact_id"]))
    if missing:
        message = f"has no denial for the disputed facts {', '.join(missing)}"
        raise DataError([Problem(_display(path), None, "fact_id", message)])
    return denials


def _dated_after_source(facts: pd.DataFrame, published: pd.Series) -> list[tuple]:
    """(line, column, message) for every date of a fact later than its source's publication,
    compared at the coarser of the two precisions (2023-03-20 is not after 2023-03)."""
    late = []
    for line, row in facts.iterrows():
        issued = published[row["source_id"]]
        for column in ("event_date", "reported_date"):
            value = row[column]
            if _later(value, issued):
                message = f"{value!r}: expected a date not after its source's ({issued})"
                late.append((int(line), column, message))
    return late


def load_boundaries(path: Path = paths.BOUNDARIES) -> gpd.GeoDataFrame:
    """Country shapes keyed by ISO3, validated; geometry as written (exterior rings clockwise)."""
    name = _display(path)
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
        features = collection["features"]
        shapes = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    except OSError as exc:
        raise DataError([Problem(name, None, None, f"cannot be read ({exc.strerror})")]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise DataError([Problem(name, None, None, f"is not GeoJSON ({exc})")]) from exc
    shapes.index = pd.RangeIndex(1, 1 + len(shapes))  # feature number, for messages
    frame = validate(shapes, schema.boundaries_schema(), name)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


def load_names(known_codes: list[str], path: Path = paths.NAMES) -> pd.DataFrame:
    """Every name a reader may type for a country with a page, validated."""
    return validate(read_csv(path), schema.names_schema(known_codes), _display(path))


def load_territories(countries: pd.DataFrame, path: Path = paths.TERRITORIES) -> pd.DataFrame:
    """The shapes that are not UN members, each with the member it belongs to (or none)."""
    data_schema = schema.territories_schema(list(countries["iso3"]))
    return validate(read_csv(path), data_schema, _display(path))


@dataclass(frozen=True)
class Atlas:
    """Everything the app shows, loaded and validated together."""

    countries: pd.DataFrame
    resolutions: pd.DataFrame
    votes: pd.DataFrame
    facts: pd.DataFrame
    sources: pd.DataFrame
    outlets: pd.DataFrame
    denials: pd.DataFrame
    blocked: pd.DataFrame
    shapes: gpd.GeoDataFrame
    names: pd.DataFrame
    territories: pd.DataFrame

    @functools.cached_property
    def support(self) -> pd.DataFrame:
        """The facts that are support (is_support yes): what the map, profiles, Compare and
        Votes and actions count."""
        return self.facts[self.facts["is_support"] == "yes"]

    @functools.cached_property
    def context(self) -> pd.DataFrame:
        """The facts that are context, not support (is_support no): shown on country pages
        with why, never counted."""
        return self.facts[self.facts["is_support"] != "yes"]


def load_atlas(data_dir: Path = paths.DATA, boundaries: Path = paths.BOUNDARIES) -> Atlas:
    """Load every data file; one DataError lists the problems of all files together."""
    problems: list[Problem] = []

    def attempt(loader, *args):
        try:
            return loader(*args)
        except DataError as exc:
            problems.extend(exc.problems)
            return None

    countries = attempt(load_countries, data_dir / paths.COUNTRIES.name)
    resolutions = attempt(load_resolutions, data_dir / paths.RESOLUTIONS.name)
    outlets = attempt(load_outlets, data_dir / paths.OUTLETS.name)
    blocked = attempt(load_blocked, data_dir / paths.BLOCKED.name)
    sources = None
    if outlets is not None and blocked is not None:
        sources = attempt(load_sources, outlets, blocked, data_dir / paths.SOURCES.name)
    votes = facts = None
    if countries is not None and resolutions is not None:
        votes = attempt(load_votes, countries, resolutions, data_dir / paths.VOTES.name)
    if not any(table is None for table in (countries, resolutions, sources)):
        facts = attempt(
            load_facts, countries, resolutions, sources, outlets, data_dir / paths.FACTS.name
        )
    denials = None
    if facts is not None:
        denials = attempt(load_denials, facts, sources, data_dir / paths.DENIALS.name)
    shapes = attempt(load_boundaries, boundaries)
    names = territories = None
    if countries is not None and shapes is not None:
        codes = sorted(set(countries["iso3"]) | set(shapes["iso3"]))
        names = attempt(load_names, codes, data_dir / paths.NAMES.name)
        territories = attempt(load_territories, countries, data_dir / paths.TERRITORIES.name)
    if countries is not None and shapes is not None:
        # The join the map relies on: every UN member must find its shape by ISO3.
        _, missing = profile.join_shapes(countries.set_index("iso3"), shapes)
        if missing:
            message = f"has no shape for {', '.join(missing)} (UN members in countries.csv)"
            problems.append(Problem(_display(boundaries), None, "iso3", message))
    if problems:
        raise DataError(problems)
    # Each fact's period on the votes' time axis (timeline.fact_periods), read by every view.
    facts = facts.assign(period=timeline.fact_periods(facts, sources))
    return Atlas(
        countries=countries,
        resolutions=resolutions,
        votes=votes,
        facts=facts,
        sources=sources,
        outlets=outlets,
        denials=denials,
        blocked=blocked,
        shapes=shapes,
        names=names,
        territories=territories,
    )
