"""datapackage.json describes every data file and field, with sources and licences."""

from __future__ import annotations

import json

import pytest

from partners import paths, vocab
from partners.load import read_csv

PACKAGE = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}


def test_every_file_under_data_and_static_is_described():
    described = {r["path"] for r in PACKAGE["resources"]}
    shipped = {
        str(p.relative_to(paths.ROOT))
        for folder in (paths.DATA, paths.STATIC)
        for p in folder.iterdir()
        if p.suffix in (".csv", ".geojson")
    }
    assert shipped == described


@pytest.mark.parametrize("name", [n for n, r in RESOURCES.items() if r["format"] == "csv"])
def test_fields_match_the_file_columns_in_order(name):
    resource = RESOURCES[name]
    columns = list(read_csv(paths.ROOT / resource["path"]).columns)
    assert [f["name"] for f in resource["schema"]["fields"]] == columns


@pytest.mark.parametrize(
    "field, vocabulary",
    [
        ("category", vocab.CATEGORIES),
        ("direction", vocab.DIRECTIONS),
        ("evidence", vocab.EVIDENCE),
        ("date_precision", vocab.DATE_PRECISIONS),
        ("outlet", vocab.OUTLETS),
        ("un_vote", vocab.VOTES),
    ],
)
def test_fact_enums_equal_the_vocabularies(field, vocabulary):
    fields = {f["name"]: f for f in RESOURCES["facts"]["schema"]["fields"]}
    assert fields[field]["constraints"]["enum"] == vocab.codes(vocabulary)


@pytest.mark.parametrize("name", ["facts", "un_votes", "un_resolutions", "boundaries"])
def test_published_resources_name_source_licence_and_as_of_date(name):
    resource = RESOURCES[name]
    assert resource["sources"] and resource.get("licenses") and resource.get("as_of")


def test_credits_are_the_required_ones():
    text = json.dumps(PACKAGE)
    assert "Made with Natural Earth" in text
    assert "United Nations" in text and "DGACM" in text
    assert RESOURCES["facts"]["as_of"] == "2023-03"


def test_recorded_hashes_match_the_reference_files(shared_dir):
    import hashlib

    for name, path in [
        ("un_votes", "reference/un-ga/ES-11.json"),
        ("countries", "reference/un-ga/un_members.csv"),
    ]:
        digest = hashlib.sha256((shared_dir / path).read_bytes()).hexdigest()
        assert RESOURCES[name]["sources"][0]["sha256"] == digest
