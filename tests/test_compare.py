"""Countries side by side and votes against actions: the pure functions behind the two pages."""

from __future__ import annotations

import html
import re

import pytest

from partners import actions, compare, figures, scatter, stance, vocab, words

MEMBERS = ["CHN", "IND", "ZAF", "BRA", "FRA", "USA", "GBR", "DEU"]


@pytest.mark.parametrize(
    "values, codes, unusable",
    [
        (["CHN,IND,ZAF"], ("CHN", "IND", "ZAF"), False),
        (["chn", " ind "], ("CHN", "IND"), False),  # repeated parameters, any case
        (["CHN,CHN,IND"], ("CHN", "IND"), False),  # a repeat counts once
        (["CHN,XXX"], ("CHN",), True),  # an unknown code is flagged and left out
        (["CHN,IND,ZAF,BRA,FRA,USA,GBR"], ("CHN", "IND", "ZAF", "BRA", "FRA", "USA"), True),
        ([""], (), False),
        ([], (), False),
    ],
)
def test_a_selection_is_read_from_the_address_in_order_and_at_most_six(values, codes, unusable):
    assert compare.parse_selection(values, MEMBERS) == (codes, unusable)


def test_a_selection_is_written_as_one_comma_separated_parameter():
    assert compare.to_params(["CHN", "IND"]) == {"countries": ["CHN,IND"]}
    assert compare.to_params([]) == {}


def test_the_votes_table_has_every_resolution_for_every_country_in_date_order(catalog):
    codes = ["CHN", "IND", "ZAF"]
    text = compare.votes_table(catalog, codes, figures.VOTE_COLOURS)
    cells = re.findall(r'<td class="vote"><span class="atlas-vote v-(\w+)"', text)
    assert len(cells) == len(catalog.resolutions) * 3
    by_row = [cells[i : i + 3] for i in range(0, len(cells), 3)]
    for k, code in enumerate(codes):
        assert [row[k] for row in by_row] == [vote for _, vote in catalog.votes_of(code)]
    periods = re.findall(r'<tr class="period"><th scope="row">([^<]+)</th>', text)
    assert periods == [p.label for p in stance.PERIODS]


def test_the_support_table_counts_each_kind_and_period_as_the_facts_do(catalog):
    """South Africa beside France (nothing documented): each kind's count, directions and
    periods are the facts' own, and the total is every fact."""
    text = compare.support_table(catalog, ["ZAF", "FRA"])
    facts = catalog.facts_by_country["ZAF"]
    total = f"<td><strong>{words.count(len(facts), 'fact')}</strong>"
    assert total in text and "<td><strong>0 facts</strong></td>" in text
    labels = {p.code: p.label for p in stance.PERIODS}
    for term in vocab.CATEGORIES:
        row = re.search(rf"{re.escape(term.label)}</th>(.*?)</tr>", text).group(1)
        chosen = [f for f in facts if f.category == term.code]
        if not chosen:
            assert row == "<td>—</td><td>—</td>"
            continue
        assert row.startswith(f"<td>{words.count(len(chosen), 'fact')} <small>(")
        for code, label in labels.items():
            n = sum(f.period == code for f in chosen)
            assert (f"{label}: {n}" in row) == bool(n), (term.code, code)


def test_names_in_the_tables_are_escaped(catalog):
    text = compare.votes_table(catalog, ["CIV"], figures.VOTE_COLOURS)
    assert "Côte d&#x27;Ivoire" in text and "Côte d'Ivoire" not in text


def test_the_comparison_downloads_one_row_per_country_and_resolution(catalog):
    lines = compare.csv(catalog, ["CHN", "IND"]).decode().splitlines()
    assert lines[0] == "iso3,country,symbol,adopted,period,vote,facts_documented"
    assert len(lines) == 1 + 2 * 17


@pytest.fixture(scope="module")
def period_table(catalog):
    return actions.frame(catalog, "2022-2023")


def test_every_member_but_russia_is_in_the_votes_and_actions_table(period_table, catalog):
    assert len(period_table) == len(catalog.atlas.countries) - 1
    assert "RUS" not in period_table.index
    support = catalog.atlas.support
    documented = set(support.loc[support["period"] == "2022-2023", "iso3"]) - {"RUS"}
    assert set(period_table.index[period_table["documented"]]) == documented


def test_each_share_is_the_tally_of_the_votes_cast(period_table, catalog):
    for code in ("CHN", "IND", "UKR", "VEN"):
        tally = catalog.tallies[code][1]
        row = period_table.loc[code]
        assert (row["with"], row["abstained"], row["present"]) == (
            tally.counts["with"],
            tally.counts["abstained"],
            tally.present,
        )
    assert period_table["share"].isna()["VEN"], "Venezuela cast no vote in 2022–2023"


def test_the_findings_are_counted_from_the_table(period_table):
    placed = period_table[period_table["share"].notna()]
    others = placed[~placed["documented"]]
    text = actions.findings(period_table, "2022–2023")
    assert f"so did {int((others['share'] > 0.5).sum())} of the {len(others)} members" in text[0]
    never = period_table[period_table["share"].isna()]
    assert text[1].startswith(f"{len(never)} member")
    assert all(name in text[1] for name in never["name"])


def test_the_chart_names_the_documented_and_places_every_member_that_voted(period_table, catalog):
    chart = actions_figure(period_table)
    named = " ".join("<br>".join(chart.data[2].text).split("<br>"))
    documented = period_table.index[period_table["documented"] & period_table["share"].notna()]
    assert all(catalog.short_names[c] in named for c in documented)
    grey = chart.data[1]
    placed = period_table[period_table["share"].notna() & ~period_table["documented"]]
    together = sum(
        int(re.match(r"<b>(\d+) members", h).group(1)) if h.startswith("<b>") else 1
        for h in grey.hovertext
    )
    assert together == len(placed)


def actions_figure(table):
    return scatter.votes_actions(table, period_label="2022–2023")


def test_the_table_lists_the_members_documented_in_the_period_with_a_share_per_period(
    catalog, period_table
):
    text = actions.table_html(catalog, period_table, "2022–2023")
    documented = period_table[period_table["documented"]]
    assert text.count("<tr>") == 1 + len(documented)
    for code in documented.index:
        tallies = catalog.tallies[code]
        shares = [actions.share_text(t.with_or_abstained, t.present) for t in tallies]
        name = html.escape(documented.loc[code, "name"])
        row = re.search(rf">{re.escape(name)}</th>(.*?)</tr>", text)
        assert all(share in row.group(1) for share in shares), code
    for period in stance.PERIODS:
        assert f"{period.label}: with Russia or abstained" in text


@pytest.mark.parametrize(
    "cast, present, text", [(5, 8, "5 of 8 (62%)"), (0, 3, "0 of 3 (0%)"), (0, 0, "never voted")]
)
def test_a_share_is_written_with_its_counts(cast, present, text):
    assert actions.share_text(cast, present) == text


@pytest.mark.parametrize("period", [p.code for p in stance.PERIODS])
def test_the_diagonal_label_stands_clear_of_the_dots_on_the_diagonal(catalog, period):
    table = actions.frame(catalog, period)
    chart = scatter.votes_actions(table, period_label=period)
    label = chart.layout.annotations[0]
    assert label.text == "never against Russia" and label.x + label.y == 100
    dots = [
        (x, y)
        for trace in chart.data[1:]
        for x, y in zip(trace.x, trace.y, strict=True)
        if abs(x + y - 100) < 15
    ]
    assert dots, "members on the diagonal in every period"
    assert min(abs(label.x - x) for x, _ in dots) >= 5


@pytest.mark.parametrize(
    "x, y, lines, position",
    [
        (0, 100, 2, "middle right"),  # two names fit beside a dot at the top
        (100, 0, 2, "middle left"),
        (100, 0, 3, "top left"),  # three lines at the bottom grow upwards
        (0, 100, 3, "bottom right"),  # and at the top, downwards
        (50, 50, 4, "middle left"),
    ],
)
def test_a_stack_of_names_grows_away_from_the_edge_it_would_cross(x, y, lines, position):
    assert scatter._label_position(x, y, lines) == position


def test_names_at_one_dot_go_two_to_a_line():
    names = ["Belarus", "North Korea", "Syria", "Eritrea", "Mali"]
    assert scatter._label_lines(names) == ["Belarus, North Korea", "Syria, Eritrea", "Mali"]


def test_the_votes_and_actions_legend_counts_the_members_placed_by_kinds(period_table):
    legend = scatter.legend(period_table, "2022–2023")
    placed = period_table[period_table["share"].notna()]
    assert sum(legend.counts) == len(placed)
    assert legend.labels[-1] == "No support documented in 2022–2023"
    documented = placed[placed["documented"]]
    for code, n in zip(legend.codes[:-1], legend.counts[:-1], strict=True):
        assert n == int((documented["n_kinds"] == int(code)).sum())
        assert legend.colours[legend.codes.index(code)] == figures.SUPPORT_COLOURS[int(code) - 1]
