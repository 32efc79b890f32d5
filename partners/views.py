"""What the map page shows for one state of its controls, computed in one pure function."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from partners import figures, present, profile, stance, vocab
from partners.load import Atlas
from partners.urlstate import MapState, short_symbol


@dataclass(frozen=True)
class MapView:
    """Everything the map page renders for one MapState; read-only once built."""

    figure: go.Figure
    legend: figures.Legend
    title: str  # what the map shows, in one line (also the exported picture's title)
    subtitle: str  # what is selected and as of when
    summary: str  # markdown: the counts under the map
    table: pd.DataFrame  # indexed by iso3, in display order
    table_note: str  # on which basis the table counts
    csv_frame: pd.DataFrame  # what the CSV download holds
    file_stem: str  # what the downloads are named: <stem>.csv, <stem>-map.png, <stem>-map.svg
    csv_label: str
    n_partners: int
    n_facts: int
    n_disputed: int
    fills: dict[str, str]  # every shape's colour, for the picture of the map
    marks: tuple[tuple[float, float], ...]

    @property
    def csv(self) -> bytes:
        """The CSV download, written when a reader asks for it, not with every view."""
        return self.csv_frame.to_csv(index=False).encode("utf-8")


def _selection(state: MapState) -> str:
    """'support to Russia; all kinds; all evidence' or what is chosen instead."""
    parts = []
    for chosen, vocabulary, everything, nothing in (
        (state.directions, vocab.DIRECTIONS, "every direction", "no direction"),
        (state.categories, vocab.CATEGORIES, "all kinds", "no kind"),
        (state.evidence, vocab.EVIDENCE, "all evidence", "no evidence level"),
    ):
        labels = vocab.labels(vocabulary)
        if len(chosen) == len(vocabulary):
            parts.append(everything)
        elif not chosen:
            parts.append(nothing)
        else:
            parts.append(", ".join(labels[c] for c in chosen).lower().capitalize())
    if state.directions == ("to_russia",):
        parts[0] = "support to Russia"
    return "; ".join(parts)


def build_map_view(
    atlas: Atlas,
    index: pd.DataFrame,
    state: MapState,
    *,
    facts_as_of: str = "March 2023",
    screen: str = "wide",
    everything: pd.DataFrame | None = None,
    tallies: dict[str, list[stance.Tally]] | None = None,
) -> MapView:
    """The figure, legend, texts, table and CSV of one view of the map.

    everything is the unfiltered profile and tallies every member's votes by period, when the
    caller has them already (the catalog does).
    """
    palette = figures.PALETTE
    table = profile.build_profile(
        atlas.facts, atlas.countries, atlas.votes, atlas.resolutions, state.filters
    )
    if everything is None:
        everything = profile.build_profile(
            atlas.facts, atlas.countries, atlas.votes, atlas.resolutions
        )
    non_members = index[~index["member"]]
    shown = state.filters.apply(atlas.facts)
    vote_column = profile.vote_columns(atlas.resolutions)[state.symbol]
    names = index["name"]
    if state.view == "vote":
        row = atlas.resolutions.set_index("symbol").loc[state.symbol]
        classes, legend = figures.vote_legend(table, vote_column)
        vote_labels = vocab.labels(vocab.VOTES)
        hover = [
            figures.vote_hover(vote_labels[classes[code]], state.symbol) for code in table.index
        ]
        marks = []
        day = present.format_date(row["adopted"], "day")
        # Only the first letter is lowered: 'Crimea' and 'Human Rights Council' keep theirs.
        short = row["short_title"]
        title = f"How each UN member voted on {short[:1].lower()}{short[1:]}"
        subtitle = (
            f"UN General Assembly resolution {state.symbol}, adopted {day}: "
            f"{row['title']}. Source: United Nations (DGACM)."
        )
        counts = dict(zip(legend.codes, legend.counts, strict=True))
        summary = (
            f"On {state.symbol} ({day}): **{counts['yes']}** yes · **{counts['no']}** no · "
            f"**{counts['abstain']}** abstained · **{counts['absent']}** absent "
            "(of 193 members; equal to the official totals)"
        )
        votes = atlas.votes[atlas.votes["symbol"] == state.symbol]
        csv_frame = votes.assign(country=votes["iso3"].map(names))[
            ["symbol", "iso3", "country", "vote"]
        ].sort_values("country")
        file_stem = f"un-votes-{short_symbol(state.symbol).replace('/', '-')}"
        csv_label = f"Download the 193 votes on {state.symbol} (CSV)"
        table_note = (
            "Every UN member with its vote. Kinds and facts count all the facts the article "
            "documents for the country, in every direction."
        )
        table_view = present.map_table(
            everything, everything, table[vote_column].map(vocab.labels(vocab.VOTES))
        )
    elif state.view == "period":
        if tallies is None:
            tallies = stance.tallies_by_country(atlas.votes, atlas.resolutions)
        period = stance.find_period(state.period)
        k = stance.PERIODS.index(period)
        chosen = {code: tallies[code][k] for code in table.index}
        classes = pd.Series({code: tally.code for code, tally in chosen.items()})
        legend = figures.stance_legend(classes)
        hover = [figures.stance_hover(chosen[code]) for code in table.index]
        marks = []
        in_period = atlas.resolutions[atlas.resolutions["adopted"].map(period.holds)]
        symbols = [short_symbol(symbol) for symbol in in_period["symbol"]]
        title = f"How UN members voted on Russia's war, {period.label}"
        subtitle = (
            f"Each member's votes on the {len(symbols)} General Assembly resolutions on Russia's "
            f"war against Ukraine and occupied Crimea adopted in {period.label} "
            f"({', '.join(symbols)}). A member is 'mostly' one way when more than half of its "
            "votes in the period went that way, else 'mixed'. Russia voted No on all of them. "
            "Source: United Nations (DGACM)."
        )
        counts = dict(zip(legend.codes, legend.counts, strict=True))
        summary = (
            f"{period.label}, {len(symbols)} resolutions: **{counts['with']}** members mostly "
            f"with Russia · **{counts['abstained']}** mostly abstained · **{counts['against']}** "
            f"mostly against Russia · **{counts['absent']}** mostly absent · "
            f"**{counts['mixed']}** mixed (of {len(table)} members)"
        )
        csv_frame = pd.DataFrame(
            [
                {
                    "iso3": code,
                    "country": names[code],
                    "period": period.label,
                    "class": tally.label,
                    **{f"votes_{a}": n for a, n in tally.counts.items()},
                    "votes_total": tally.total,
                }
                for code, tally in chosen.items()
            ]
        ).sort_values("country")
        file_stem = f"un-votes-{period.code}"
        csv_label = f"Download the {len(table)} members' votes in {period.label} (CSV)"
        table_note = (
            f"Every UN member with its class in {period.label} and the counts behind it. Kinds "
            "and facts count all the facts the article documents for the country (as of March "
            "2023), in every direction."
        )
        table_view = present.map_table(
            everything,
            everything,
            pd.Series(
                {c: f"{t.label} ({t.counts_text()})" for c, t in chosen.items()}, dtype=object
            ),
            heading=f"Votes {period.label}",
        )
    else:
        classes, legend = figures.support_legend(table, palette)
        # Plain dicts of the columns the hover reads, not iterrows(): a Series per row cost a
        # quarter of a view's build.
        hover_rows = table[list(figures.HOVER_COLUMNS)].to_dict("index")
        hover = [figures.support_hover(hover_rows[code]) for code in table.index]
        # ⚠ marks the countries whose shown facts include disputed ones.
        marks = list(index.loc[table.index[table["has_disputed"]], "point"])
        title = "Who supports Russia's war against Ukraine, and how"
        subtitle = (
            f"Kinds of support documented in one tvn24.pl article, as of {facts_as_of}. "
            f"Showing {_selection(state)}. Grey: no support documented in this source."
        )
        n_partners = int(((table["n_facts"] > 0) & ~table["is_subject"]).sum())
        disputed = int((shown["evidence"] == "disputed").sum())
        summary = (
            f"**{n_partners}** countries with documented support · **{len(shown)}** facts shown"
            + (f" · **{disputed}** disputed (⚠)" if disputed else "")
            + " · Click a country, a row of the table, or pick one in the controls to read its "
            "facts."
        )
        csv_frame = present.facts_table(shown, names)
        file_stem = "russia-partners-support"
        csv_label = f"Download these {len(shown)} facts (CSV)"
        table_note = (
            f"Counted under the filters: {_selection(state)}. *All facts* counts every fact the "
            "article documents for the country, in every direction, as its page lists them."
        )
        table_view = present.map_table(table, everything)
    codes = list(legend.codes)
    z = [codes.index(classes[c]) for c in table.index]
    # A dependency takes its sovereign's class and names it; disputed areas stay neutral.
    for owner in non_members["sovereign"]:
        z.append(codes.index(classes[owner]) if isinstance(owner, str) else len(codes))
        if not isinstance(owner, str):
            hover.append(figures.support_hover(None))
        elif state.view == "vote":
            vote = vote_labels[classes[owner]]
            hover.append(figures.vote_hover(vote, state.symbol, owner=names[owner]))
        elif state.view == "period":
            hover.append(figures.stance_hover(chosen[owner], owner=names[owner]))
        else:  # the support view, whose hover_rows hold the sovereign's entry
            hover.append(figures.territory_hover(hover_rows[owner]))
    neutral = int(non_members["sovereign"].isna().sum())
    figure = figures.world_map(
        [*table.index, *non_members.index],
        z,
        hover,
        [*legend.colours, palette.not_member],
        palette=palette,
        marks=marks,
        height=figures.MAP_HEIGHTS.get(screen, figures.MAP_HEIGHTS["wide"]),
    )
    full_legend = figures.Legend(
        (*legend.codes, "not_member"),
        (*legend.labels, figures.NOT_MEMBER_LABEL),
        (*legend.colours, palette.not_member),
        (*legend.counts, neutral),
    )
    colours = full_legend.colours
    locations = [*table.index, *non_members.index]
    return MapView(
        figure=figure,
        legend=full_legend,
        title=title,
        subtitle=subtitle,
        summary=summary,
        table=table_view,
        table_note=table_note,
        csv_frame=csv_frame,
        file_stem=file_stem,
        csv_label=csv_label,
        n_partners=int(((table["n_facts"] > 0) & ~table["is_subject"]).sum()),
        n_facts=len(shown),
        n_disputed=int((shown["evidence"] == "disputed").sum()),
        fills={code: colours[k] for code, k in zip(locations, z, strict=True)},
        marks=tuple(marks),
    )
