"""Display helpers: escaping, dates, URL codes, unusable addresses."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd
import pytest

from partners import dates, present, words

WJ = "\u2060"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran", "Iran"),
        ("Iran (Islamic Republic of)", r"Iran \(Islamic Republic of\)"),
        ("<script>", r"\<script\>"),
        ("[x](y)", r"\[x\]\(y\)"),
        ("**bold**", r"\*\*bold\*\*"),
        ("$12", r"\$12"),
        (":red[x]", WJ + r"\:red\[x\]"),
        ("https://e.com", "https" + WJ + r"\:\/\/e\.com"),
        ("www.e.com", "www" + WJ + r"\.e\.com"),
        ("a@b.com", "a" + WJ + r"\@b\.com"),
        ("line\nbreak", "line break"),
        ("Kłaskouski ≠ café", "Kłaskouski ≠ café"),
    ],
)
def test_plain_escapes_markup_and_breaks_autolinks(text, expected):
    assert present.plain(text) == expected


@pytest.mark.parametrize(
    "date, precision, expected",
    [
        ("2023-03-20", "day", "20 March 2023"),
        ("2023-01", "month", "January 2023"),
        ("2020", "year", "2020"),
        ("2023-03", "ongoing", "ongoing as of March 2023"),
        (None, "undated", "date not given"),
        (float("nan"), "day", "date not given"),
    ],
)
def test_format_date(date, precision, expected):
    assert dates.format_date(date, precision) == expected


KNOWN = ["IRN", "PRK", "TWN"]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("IRN", "IRN"),
        ("irn", "IRN"),
        (" Prk ", "PRK"),
        (["zzz", "twn"], "TWN"),
        ("XYZ", None),
        ("IRNN", None),
        ("", None),
        (None, None),
        ("ÍRN", None),
        ("x" * 10_000, None),
        (["", "<b>"], None),
    ],
)
def test_parse_iso3(raw, expected):
    assert present.parse_iso3(raw, KNOWN) == expected


def test_the_problem_list_counts_escapes_and_cuts_long_lists():
    problems = [f"facts.csv, line {n}: <b>bad</b>" for n in range(1, 61)]
    text = present.problem_list(problems, limit=50)
    assert text.startswith("**60 problems:**")
    assert "<b>" not in text and "\\<b\\>" in text
    assert text.endswith("- … and 10 more")
    assert present.problem_list(["one"]).startswith("**1 problem:**")


def test_a_resolution_is_named_by_date_label_and_symbol():
    label = present.resolution_label("A/RES/ES-11/1", "2022-03-02", "Condemning the invasion")
    assert label == "2022-03-02 · Condemning the invasion (A/RES/ES-11/1)"


@pytest.mark.parametrize("number, text", [(0, "0 facts"), (1, "1 fact"), (5, "5 facts")])
def test_counts_agree_in_number(number, text):
    assert words.count(number, "fact") == text


def test_a_source_link_is_the_page_title_linked_to_its_address_kept_whole():
    sources = pd.DataFrame(
        {
            "source_id": ["with-url", "without-url"],
            "title": ["A [bracketed] title", "The article"],
            "url": ["https://example.org/a_(b) c", None],
        }
    )
    fact = SimpleNamespace(source_id="with-url")
    link = present.source_link(fact, sources)
    assert link == f"[{present.plain('A [bracketed] title')}](https://example.org/a_%28b%29%20c)"
    assert present.source_link(SimpleNamespace(source_id="without-url"), sources) == ""


def test_a_countrys_sources_are_counted_with_their_first_and_last_dates():
    from types import SimpleNamespace as Fact

    sources = pd.DataFrame(
        {"source_id": ["a", "b", "c"], "published": ["2023-03", "2025-12-18", "2024-06-19"]}
    )
    facts = [Fact(source_id=s) for s in ("a", "b", "b", "c")]
    assert present.sources_span(facts, sources) == (
        "Its 4 facts come from 3 sources published March 2023 to 18 December 2025."
    )
    assert present.sources_span(facts[:1], sources) == (
        "Its one fact comes from a source published March 2023."
    )


def test_a_frame_as_an_html_table_escapes_every_text_and_aligns_numbers_right():
    import pandas as pd

    from partners import markup

    frame = pd.DataFrame(
        {"Country": ["<b>A</b>", "B & C"], "Facts": [3, 12], "Note": ["x<y", None]},
        index=["AAA", "BBB"],
    )
    drawn = markup.frame_table("Cap", frame, {"AAA": "country?iso3=AAA", "BBB": 'q"x'})
    assert "<b>A</b>" not in drawn and "&lt;b&gt;A&lt;/b&gt;" in drawn and "B &amp; C" in drawn
    assert '<a href="country?iso3=AAA" target="_self">' in drawn and 'href="q&quot;x"' in drawn
    assert '<td class="num">12</td>' in drawn and "<td>x&lt;y</td><" in drawn
    assert "<td></td>" in drawn and "None" not in drawn
    assert "atlas-compare tall" not in drawn  # two rows: no scrolling box
    tall = pd.concat([frame] * markup.TALL_ROWS)
    tall.index = [f"C{i}" for i in range(len(tall))]
    assert "atlas-compare tall" in markup.frame_table("Cap", tall, dict.fromkeys(tall.index, "l"))


def test_a_frame_tables_headings_are_sort_buttons_numbers_sorting_as_numbers():
    import pandas as pd

    from partners import markup

    frame = pd.DataFrame({"Country": ["A"], "Facts": [3], "Note": ["n"]}, index=["AAA"])
    drawn = markup.frame_table("Cap", frame, {"AAA": "l"})
    heads = re.findall(r'<th scope="col" data-sort="(\w+)"><button type="button"[^>]*>(\w+)', drawn)
    assert heads == [("text", "Country"), ("num", "Facts"), ("text", "Note")]
    assert "aria-sort=" not in drawn.split("</style>")[1]  # no order claimed before a sort
    plain = markup.html_table("Cap", ["A"], ["<tr><td>1</td></tr>"])
    assert "<button" not in plain and "data-sort" not in plain
