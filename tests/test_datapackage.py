"""datapackage.json describes every data file and field, validates with Frictionless, and is the
one source of the provenance the app and the README show."""

from __future__ import annotations

import hashlib
import json

import pytest

from partners import dates, paths, provenance, vocab
from partners.load import read_csv
from scripts import update_package


def _frictionless():
    """Frictionless's Package class, or a skip: it is a dev-group tool, not a runtime one."""
    module = pytest.importorskip("frictionless", reason="needs the dev group: uv sync --all-groups")
    return module.Package


def test_the_data_package_validates_with_frictionless_hashes_and_foreign_keys_included():
    report = _frictionless()(str(paths.DATAPACKAGE), basepath=str(paths.ROOT)).validate()
    errors = [f"{task.name}: {e.type}: {e.note}" for task in report.tasks for e in task.errors]
    assert report.valid, errors or report.errors


def test_frictionless_catches_a_fact_whose_country_is_not_a_member(tmp_path):
    """The validation above is not vacuous: a broken foreign key fails it."""
    copy = tmp_path / "repo"
    for resource in provenance.Package.read().resources:
        target = copy / resource["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((paths.ROOT / resource["path"]).read_bytes())
    facts = copy / "data" / "facts.csv"
    facts.write_text(facts.read_text(encoding="utf-8").replace(",BLR,", ",XYZ,", 1), "utf-8")
    descriptor = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:  # measure the edited file anew: only the key fails
        resource["hash"], resource["bytes"] = provenance.file_facts(copy / resource["path"])
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = _frictionless()(str(copy / "datapackage.json"), basepath=str(copy)).validate()
    kinds = {e.type for task in report.tasks for e in task.errors}
    assert not report.valid and kinds == {"foreign-key"}


def test_every_data_file_under_data_and_static_is_described(package):
    described = {r["path"] for r in package.resources}
    shipped = {
        str(p.relative_to(paths.ROOT))
        for folder in (paths.DATA, paths.STATIC)
        for p in folder.rglob("*")
        if p.is_file() and p not in paths.STATIC_CODE  # the stylesheet and map script: code
    }
    assert shipped == described
    assert paths.STYLESHEET.is_file() and paths.STYLESHEET_URL.endswith(paths.STYLESHEET.name)


def test_recorded_rows_are_the_files_own(package):
    for resource in package.resources:
        path = paths.ROOT / resource["path"]
        if resource["format"] == "csv":
            assert resource["rows"] == len(read_csv(path)), resource["name"]


def test_fields_match_the_file_columns_in_order(package):
    for resource in package.resources:
        if resource["format"] == "csv":
            columns = list(read_csv(paths.ROOT / resource["path"]).columns)
            assert [f["name"] for f in resource["schema"]["fields"]] == columns, resource["name"]


def _refreshed(descriptor: dict) -> dict:
    """What scripts/update_package.py would write for this descriptor."""
    return provenance.refreshed(descriptor, paths.ROOT, update_package.row_counts(descriptor))


def test_the_package_is_as_update_package_writes_it(package):
    """Hashes, sizes, rows and the facts' enums: run scripts/update_package.py when this fails."""
    fresh = _refreshed(package.descriptor)
    assert fresh == package.descriptor


def test_a_new_vocabulary_code_reaches_the_facts_schema_when_refreshed(package, monkeypatch):
    extra = vocab.Term("leaked", "Leaked", "A made-up grade, for this test.")
    monkeypatch.setitem(vocab.CODED_FIELDS["facts"], "evidence", (*vocab.EVIDENCE, extra))
    fresh = _refreshed(package.descriptor)
    fields = {f["name"]: f for f in provenance.Package(fresh).resource("facts")["schema"]["fields"]}
    assert fields["evidence"]["constraints"]["enum"][-1] == "leaked"


def test_every_resource_names_its_licence_and_every_table_its_recipe_or_hand(package):
    for resource in package.resources:
        assert resource.get("licenses"), resource["name"]
        assert resource.get("description") or resource.get("title"), resource["name"]


@pytest.mark.parametrize("name", ["facts", "un_votes", "boundaries"])
def test_published_resources_name_source_licence_as_of_date_and_credit(package, name):
    resource = package.resource(name)
    assert resource["sources"] and resource["licenses"] and resource["as_of"]
    assert resource["credit"]["what"] and resource["credit"]["text"]


def test_the_credits_line_names_the_required_credits_and_dates(package):
    line = package.credits_line()
    assert "Made with Natural Earth" in line and "United Nations (DGACM)" in line
    facts_as_of = dates.as_of_text(package.resource("facts")["as_of"])
    assert f"Facts as of {facts_as_of}" in line and "tvn24.pl" in line


def test_the_facts_are_as_of_their_latest_sources_publication(package, atlas):
    latest = max(atlas.sources["published"], key=dates.parse_partial_date)
    assert package.resource("facts")["as_of"] == latest == update_package.facts_as_of()


def test_the_article_is_described_as_a_reader_can_cite_it_and_no_url_is_invented(package):
    article = package.article()
    assert article["publisher"] == "tvn24.pl"
    assert article["published"] == "about 21 March 2023"
    assert "21 June 2024" in article["translation"]
    assert "http" not in json.dumps(article) and "www" not in json.dumps(article)
    for text in (package.citation(), package.bibtex()):
        assert "tvn24.pl" in text and "http" not in text


def test_the_data_guides_table_of_files_is_the_one_the_package_generates(package):
    guide = paths.DATA_DOC.read_text(encoding="utf-8")
    assert package.readme_table() in guide, "run: uv run python -m scripts.update_package"


def test_a_changed_licence_shows_on_the_about_page(tmp_path, monkeypatch):
    """The about page reads its sources from datapackage.json, not from text of its own."""
    from tests import apptest

    descriptor = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "boundaries":
            resource["licenses"] = [{"name": "test-licence", "title": "A licence made up here"}]
    copy = tmp_path / "datapackage.json"
    copy.write_text(json.dumps(descriptor), encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATAPACKAGE", str(copy))
    app = apptest.run("pages/about.py")
    assert not app.exception
    assert "A licence made up here" in "\n".join(apptest.rendered(app))


def test_recorded_hashes_match_the_reference_files(shared_dir, package):
    for name, path in [
        ("un_votes", "reference/un-ga/ES-11.json"),
        ("countries", "reference/un-ga/un_members.csv"),
    ]:
        digest = hashlib.sha256((shared_dir / path).read_bytes()).hexdigest()
        assert package.resource(name)["sources"][0]["sha256"] == digest


def test_the_recorded_hash_of_the_article_is_our_copys(shared_dir, package):
    article = package.article()
    copy = shared_dir / article["path"].removeprefix("shared/")
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == article["sha256"]
