"""Broken copies of the data files stop loading with one error naming file, line and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from partners import load, paths
from partners.errors import DataError


@pytest.fixture
def facts_copy(data_copy) -> Path:
    return data_copy() / "facts.csv"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _edit(path: Path, line_number: int, old: str, new: str) -> None:
    lines = _lines(path)
    assert old in lines[line_number - 1], f"fixture out of date: {old!r} not on line {line_number}"
    lines[line_number - 1] = lines[line_number - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def _load_facts(atlas, path: Path) -> None:
    load.load_facts(atlas.countries, atlas.resolutions, atlas.sources, atlas.outlets, path)


def _message(atlas, path: Path) -> str:
    with pytest.raises(DataError) as caught:
        _load_facts(atlas, path)
    return str(caught.value)


def test_the_shipped_files_load_without_problems(atlas):
    assert len(atlas.facts) > 0 and len(atlas.votes) == 193 * len(atlas.resolutions)


def test_missing_column_is_named(atlas, facts_copy):
    text = facts_copy.read_text(encoding="utf-8").replace(",evidence,", ",evidence_level,", 1)
    facts_copy.write_text(text, encoding="utf-8")
    message = _message(atlas, facts_copy)
    assert "column 'evidence': required column is missing" in message
    assert "column 'evidence_level': unexpected column" in message
    assert "facts.csv" in message


def test_unknown_category_names_line_column_and_the_allowed_values(atlas, facts_copy):
    _edit(facts_copy, 3, ",territory,", ",cyber,")
    message = _message(atlas, facts_copy)
    assert "facts.csv, line 3, column 'category': 'cyber': expected one of: arms" in message


def test_unknown_iso3_is_named(atlas, facts_copy):
    _edit(facts_copy, 2, ",BLR,", ",XYZ,")
    message = _message(atlas, facts_copy)
    assert (
        "line 2, column 'iso3': 'XYZ': expected one of the iso3 values in data/countries.csv"
        in message
    )


@pytest.mark.parametrize("bad_date", ["2020-13", "20-01", "2023-02-30", "March 2023", "2023/01"])
def test_malformed_date_is_named(atlas, facts_copy, bad_date):
    _edit(facts_copy, 2, ",2020,year,", f",{bad_date},year,")
    message = _message(atlas, facts_copy)
    assert f"line 2, column 'event_date': '{bad_date}': expected a date written" in message


def test_future_date_is_refused(atlas, facts_copy):
    future = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    _edit(facts_copy, 2, ",2020,year,", f",{future},day,")
    message = _message(atlas, facts_copy)
    assert "line 2, column 'event_date'" in message and "not in the future" in message


def test_date_that_does_not_match_its_precision_is_refused(atlas, facts_copy):
    _edit(facts_copy, 2, ",2020,year,", ",2020-05,year,")
    message = _message(atlas, facts_copy)
    assert "line 2" in message and "event_date written as its date_precision says" in message


def test_duplicate_row_reports_both_lines(atlas, facts_copy):
    lines = _lines(facts_copy)
    facts_copy.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    message = _message(atlas, facts_copy)
    last = len(lines) + 1
    assert "line 2, column 'fact_id': duplicate fact_id: 'blr-01'" in message
    assert f"line {last}, column 'fact_id': duplicate fact_id: 'blr-01'" in message


def test_same_fact_under_a_new_id_is_a_duplicate(atlas, facts_copy):
    lines = _lines(facts_copy)
    copy = lines[1].replace("blr-01", "blr-99", 1)
    facts_copy.write_text("".join(lines + [copy]), encoding="utf-8")
    message = _message(atlas, facts_copy)
    assert f"line {len(lines) + 1}" in message and "duplicate" in message


def test_empty_file_is_named(atlas, facts_copy):
    facts_copy.write_text("", encoding="utf-8")
    assert "facts.csv: is empty" in _message(atlas, facts_copy)


def test_header_without_rows_is_named(atlas, facts_copy):
    facts_copy.write_text(_lines(facts_copy)[0], encoding="utf-8")
    assert "has a header but no data rows" in _message(atlas, facts_copy)


def test_non_utf8_bytes_name_the_line(atlas, facts_copy):
    raw = facts_copy.read_bytes().replace("Kłaskouski".encode(), "K\xb3askouski".encode("latin-1"))
    facts_copy.write_bytes(raw)
    line = next(i for i, text in enumerate(raw.split(b"\n"), start=1) if b"K\xb3ask" in text)
    assert f"facts.csv, line {line}: is not UTF-8 text (byte 0xb3)" in _message(atlas, facts_copy)


def test_row_with_too_few_cells_is_named(atlas, facts_copy):
    cells = len(_lines(facts_copy)[0].split(","))
    _edit(facts_copy, 4, ",media_report,", ",")
    message = _message(atlas, facts_copy)
    assert f"line 4: has {cells - 1} cells; the header has {cells}" in message


def test_quote_without_speaker_is_refused(atlas, facts_copy):
    lines = _lines(facts_copy)
    number = next(i for i, text in enumerate(lines, start=1) if ",dear friends,Xi Jinping" in text)
    _edit(facts_copy, number, ",dear friends,Xi Jinping and Vladimir Putin,", ",dear friends,,")
    message = _message(atlas, facts_copy)
    assert f"line {number}" in message and "quote and quote_by filled together" in message


def test_every_problem_is_listed_at_once(atlas, facts_copy):
    _edit(facts_copy, 2, ",BLR,", ",XYZ,")
    _edit(facts_copy, 3, ",territory,", ",cyber,")
    _edit(facts_copy, 5, ",media_report,", ",rumour,")
    with pytest.raises(DataError) as caught:
        _load_facts(atlas, facts_copy)
    assert {(p.line, p.column) for p in caught.value.problems} >= {
        (2, "iso3"),
        (3, "category"),
        (5, "evidence"),
    }
    assert str(caught.value).startswith("3 problems in the data:")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DataError, match=r"nowhere\.csv: cannot be read"):
        load.read_csv(tmp_path / "nowhere.csv")


def test_load_atlas_collects_problems_from_several_files(data_copy):
    data = data_copy(
        {"un_votes.csv": "symbol,iso3,vote\nA/RES/ES-11/1,AFG,maybe\n", "facts.csv": ""}
    )
    with pytest.raises(DataError) as caught:
        load.load_atlas(data, paths.BOUNDARIES)
    files = {p.file.rsplit("/", 1)[-1] for p in caught.value.problems}
    assert files == {"un_votes.csv", "facts.csv"}


def test_broken_boundaries_file_is_named(tmp_path):
    target = tmp_path / "boundaries.geojson"
    target.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(DataError, match="boundaries.geojson: is not GeoJSON"):
        load.load_boundaries(target)


def test_a_member_without_a_shape_stops_loading_naming_it(tmp_path):
    import json

    collection = json.loads(paths.BOUNDARIES.read_text(encoding="utf-8"))
    collection["features"] = [f for f in collection["features"] if f["id"] not in ("TUV", "NRU")]
    target = tmp_path / "boundaries.geojson"
    target.write_text(json.dumps(collection), encoding="utf-8")
    with pytest.raises(
        DataError, match=r"boundaries.geojson, column 'iso3': has no shape for NRU, TUV"
    ):
        load.load_atlas(paths.DATA, target)


def test_a_fact_naming_an_unknown_source_is_named_by_line_and_column(atlas, facts_copy):
    source = atlas.facts["source_id"].iloc[2]
    _edit(facts_copy, 4, f",{source},", ",no-such-source,")
    message = _message(atlas, facts_copy)
    assert "facts.csv, line 4, column 'source_id'" in message
    assert "one of the source_id values in data/sources.csv" in message


def test_a_fact_credited_to_an_unknown_outlet_is_named_by_line_and_column(atlas, facts_copy):
    line = 2 + next(i for i, v in enumerate(atlas.facts["attributed_to"]) if isinstance(v, str))
    _edit(facts_copy, line, f",{atlas.facts['attributed_to'].iloc[line - 2]},", ",the_onion,")
    message = _message(atlas, facts_copy)
    assert f"facts.csv, line {line}, column 'attributed_to'" in message
    assert "one of the outlet values in data/outlets.csv" in message


def test_a_fact_dated_after_its_source_was_published_is_refused(atlas, data_copy):
    row = atlas.facts[atlas.facts["event_date"].str.len() == 4].iloc[0]
    published = atlas.sources.set_index("source_id").loc[row["source_id"], "published"]
    later = str(int(published[:4]) + 1)
    line = 2 + list(atlas.facts["fact_id"]).index(row["fact_id"])
    folder = data_copy()
    _edit(folder / "facts.csv", line, f",{row['event_date']},year,", f",{later},year,")
    message = _message(atlas, folder / "facts.csv")
    assert f"facts.csv, line {line}, column 'event_date': '{later}'" in message
    assert f"not after its source's ({published})" in message


def test_a_source_on_an_unknown_outlet_is_named_by_file_line_and_column(data_copy):
    folder = data_copy()
    sources = folder / "sources.csv"
    outlet = load.read_csv(sources)["outlet"].iloc[0]
    _edit(sources, 2, f",{outlet},", ",no_such_outlet,")
    outlets = load.load_outlets(folder / "outlets.csv")
    with pytest.raises(DataError) as caught:
        load.load_sources(outlets, load.load_blocked(folder / "blocked_domains.csv"), sources)
    assert "sources.csv, line 2, column 'outlet'" in str(caught.value)


BLOCKED = load.load_blocked()


def _source_with_url(folder: Path, url: str) -> str:
    """Append a source with this address to the copy's sources.csv; its message on loading."""
    sources = folder / "sources.csv"
    outlet = load.read_csv(sources)["outlet"].iloc[0]
    with sources.open("a", encoding="utf-8") as out:
        out.write(f"test-2024-01-01,{outlet},A test page,{url},2024-01-01,en,,\n")
    outlets = load.load_outlets(folder / "outlets.csv")
    with pytest.raises(DataError) as caught:
        load.load_sources(outlets, BLOCKED, sources)
    return str(caught.value)


@pytest.mark.parametrize("domain", BLOCKED["domain"])
def test_a_source_on_a_blocked_domain_or_a_subdomain_of_it_is_refused_with_why(data_copy, domain):
    folder = data_copy()
    line = len(_lines(folder / "sources.csv")) + 1
    message = _source_with_url(folder, f"https://news.{domain}/2024/story")
    assert f"sources.csv, line {line}, column 'url'" in message
    reason = BLOCKED.set_index("domain").loc[domain, "reason"]
    assert f"on a blocked domain, {domain}: {reason}" in message


def test_a_real_outlet_whose_name_a_blocked_one_mimics_is_not_blocked():
    assert load.blocked_reason("https://pravda-en.com/world/1", BLOCKED), "fixture: blocked"
    assert load.blocked_reason("https://www.pravda.com.ua/eng/news/2024/10/1/1/", BLOCKED) is None
    assert load.blocked_reason("https://english.pravda.ru/world/1", BLOCKED)


@pytest.mark.parametrize("url", ["www.example.org/page", "ftp://example.org/page", "https://a b"])
def test_a_source_address_that_is_not_a_web_address_is_refused(data_copy, url):
    message = _source_with_url(data_copy(), url)
    assert "column 'url'" in message and "https?://" in message


def test_two_sources_with_one_address_are_refused(data_copy):
    folder = data_copy()
    sources = folder / "sources.csv"
    with sources.open("a", encoding="utf-8") as out:
        out.write("test-2024-01-02,tvn24,Another test page,https://example.org/a,2024-01-02,en,,\n")
    message = _source_with_url(folder, "https://example.org/a")
    assert "column 'url'" in message and "duplicate url" in message


def test_a_denial_of_an_unknown_fact_is_named_by_file_line_and_column(atlas, data_copy):
    folder = data_copy()
    denials = folder / "denials.csv"
    fact_id = load.read_csv(denials)["fact_id"].iloc[0]
    _edit(denials, 2, f"{fact_id},", "xyz-99,")
    with pytest.raises(DataError) as caught:
        load.load_denials(atlas.facts, atlas.sources, denials)
    assert "denials.csv, line 2, column 'fact_id'" in str(caught.value)


def test_a_disputed_fact_without_a_denial_is_refused(atlas, data_copy):
    folder = data_copy()
    denials = folder / "denials.csv"
    disputed = atlas.facts.loc[atlas.facts["evidence"] == "disputed", "fact_id"].iloc[0]
    kept = [line for line in _lines(denials) if not line.startswith(f"{disputed},")]
    denials.write_text("".join(kept), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load.load_denials(atlas.facts, atlas.sources, denials)
    assert f"has no denial for the disputed facts {disputed}" in str(caught.value)
