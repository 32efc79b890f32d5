"""Contract tests on the shipped facts: traceable to the article, consistent with the UN."""

from __future__ import annotations

import re

import pytest

from partners import paths, timeline

ARTICLE = "seeds/000_183e215139b479b5.txt"
COUNTRIES_IN_ARTICLE = {"CHN", "BLR", "ZAF", "IRN", "IND", "PRK", "SYR", "ERI", "MLI", "NIC"}


@pytest.fixture(scope="module")
def from_article(atlas):
    """The facts taken from the article: the contract below is theirs."""
    return atlas.facts[atlas.facts["source_id"] == timeline.ARTICLE_SOURCE]


@pytest.fixture(scope="module")
def article(shared_dir) -> str:
    # The translation writes the ellipsis as (…) and uses typographic quotes; compare as written.
    return (shared_dir / ARTICLE).read_text(encoding="utf-8")


def test_every_country_the_article_names_has_facts(atlas):
    assert set(atlas.facts["iso3"]) >= COUNTRIES_IN_ARTICLE


def test_russia_is_the_subject_not_a_partner(atlas):
    assert "RUS" not in set(atlas.facts["iso3"])


def test_every_section_is_a_heading_of_the_article(from_article, article):
    headings = set(from_article["section"]) - {"Introduction"}
    missing = sorted(h for h in headings if f"\n{h}\n" not in article)
    assert missing == []


def test_every_quote_stands_verbatim_in_the_article(from_article, article):
    quotes = from_article.dropna(subset=["quote"])
    assert len(quotes) >= 5
    missing = quotes.loc[[q not in article for q in quotes["quote"]], ["fact_id", "quote"]]
    assert missing.empty, missing.to_string()


def test_every_figure_stands_verbatim_in_the_article(from_article, article):
    """Figures are the article's own words, with nothing of ours inserted (no [brackets])."""
    figures = from_article.dropna(subset=["figure"])
    bad = [
        (fact_id, figure)
        for fact_id, figure in zip(figures["fact_id"], figures["figure"], strict=True)
        if figure not in article or "[" in figure
    ]
    assert bad == []


@pytest.mark.parametrize(
    "fact_id, figure",
    [
        ("chn-06", "more than $12 million"),
        ("irn-03", "about 100 million cartridges and about 300,000 missiles"),
        ("blr-05", "about 70 percent of exports"),
        ("chn-01", "more than four hours"),
    ],
)
def test_the_issue_s_figures_are_recorded_exactly(atlas, fact_id, figure):
    assert atlas.facts.set_index("fact_id").loc[fact_id, "figure"] == figure


def test_vote_facts_agree_with_the_un_record(atlas):
    claims = atlas.facts.dropna(subset=["un_resolution"])
    record = atlas.votes.set_index(["symbol", "iso3"])["vote"]
    disagreements = [
        (row.fact_id, row.un_vote, record[(row.un_resolution, row.iso3)])
        for row in claims.itertuples()
        if record[(row.un_resolution, row.iso3)] != row.un_vote
    ]
    assert len(claims) >= 9 and disagreements == []


def test_the_seven_no_votes_of_february_2023_are_all_recorded(atlas):
    claims = atlas.facts[
        (atlas.facts["un_resolution"] == "A/RES/ES-11/6") & (atlas.facts["un_vote"] == "no")
    ]
    no_votes = atlas.votes[
        (atlas.votes["symbol"] == "A/RES/ES-11/6") & (atlas.votes["vote"] == "no")
    ]
    assert set(claims["iso3"]) | {"RUS"} == set(no_votes["iso3"])


def test_disputed_facts_are_denied_by_the_country_they_are_about(atlas, catalog):
    disputed = atlas.facts[atlas.facts["evidence"] == "disputed"]
    assert len(disputed), "fixture: the data has a disputed fact"
    denials = atlas.denials.set_index("fact_id")
    for fact in disputed.itertuples(index=False):
        deniers = denials.loc[[fact.fact_id], "denied_by"]
        assert any(catalog.short_names[fact.iso3] in denier for denier in deniers), fact.fact_id


def test_summaries_are_our_own_words_not_long_copies(atlas, article):
    """No summary shares a run of eight words with the article."""
    words = re.findall(r"\w+", article.lower())
    shingles = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
    copied = []
    for fact_id, summary in zip(atlas.facts["fact_id"], atlas.facts["summary"], strict=True):
        own = re.findall(r"\w+", summary.lower())
        if any(" ".join(own[i : i + 8]) in shingles for i in range(len(own) - 7)):
            copied.append(fact_id)
    assert copied == []


def test_rows_are_sorted_by_fact_id_so_diffs_stay_small(atlas):
    assert list(atlas.facts["fact_id"]) == sorted(atlas.facts["fact_id"])


def test_fact_ids_start_with_their_country_code(atlas):
    assert (atlas.facts["fact_id"].str[:3].str.upper() == atlas.facts["iso3"]).all()


def test_facts_file_is_tidy_utf8_with_unix_line_ends():
    raw = paths.FACTS.read_bytes()
    raw.decode("utf-8")
    assert b"\r\n" not in raw and raw.endswith(b"\n")
