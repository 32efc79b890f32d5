"""Provenance read from the data package: as-of dates, credits, the README table, page links."""

from __future__ import annotations

import pytest

from partners import dates, provenance, site


@pytest.mark.parametrize(
    "value, expected",
    [("2023-03", "March 2023"), ("2023-02-23", "23 February 2023"), ("2022", "2022")],
)
def test_as_of_dates_read_as_people_write_them(value, expected):
    assert dates.as_of_text(value) == expected


def _package(**facts) -> provenance.Package:
    resource = {
        "name": "facts",
        "path": "data/facts.csv",
        "title": "Facts",
        "bytes": 1234,
        "rows": 5,
        "as_of": "2023-03",
        "credit": {"what": "Facts", "text": "an article"},
        "sources": [{"title": "An article", "publisher": "tvn24.pl"}],
        "licenses": [{"name": "CC-BY-4.0", "title": "CC BY"}],
    } | facts
    plain = {"name": "labels", "path": "data/labels.csv", "title": "Labels", "bytes": 9}
    return provenance.Package(
        {"licenses": [{"name": "x", "title": "Ours"}], "resources": [resource, plain]}
    )


def test_the_credits_line_is_built_from_credited_resources_only():
    assert _package().credits_line() == "Facts as of March 2023: an article."


def test_the_readme_table_has_a_row_per_resource_with_licence_and_recipe():
    table = _package(recipe="make facts").readme_table().splitlines()
    assert table[0] == provenance.README_TABLE_START and table[-1] == provenance.README_TABLE_END
    assert "| `data/facts.csv` | Facts | 5 | 1,234 | CC BY | March 2023 | `make facts` |" in table
    # A resource without a licence of its own takes the package's.
    assert "| `data/labels.csv` | Labels |  | 9 | Ours |  | hand |" in table


def test_the_readme_table_replaces_only_the_text_between_its_markers():
    readme = f"intro\n{provenance.README_TABLE_START}\nold\n{provenance.README_TABLE_END}\nend\n"
    assert provenance.with_readme_table(readme, "NEW") == "intro\nNEW\nend\n"


def test_a_missing_resource_is_named():
    with pytest.raises(KeyError, match="no resource named 'votes'"):
        _package().resource("votes")


@pytest.mark.parametrize(
    "page, tab",
    [(site.MAP, site.APP_TITLE), (site.ABOUT, f"Sources and method · {site.APP_TITLE}")],
)
def test_every_page_has_its_own_tab_title(page, tab):
    assert page.tab_title == tab


def test_page_urls_are_unique():
    assert len({p.url_path for p in site.PAGES}) == len(site.PAGES)
