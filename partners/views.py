"""What the map page shows for one state of its controls: one builder per view (support, one
vote, a period's votes), each giving its layer of the map, and one assembler that paints it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from partners import dates, figures, present, profile, stance, timeline, vocab, words
from partners.i18n import _, ngettext
from partners.load import Atlas
from partners.urlstate import MapState


@dataclass(frozen=True)
class MapView:
    """Everything the map page renders for one MapState; read-only once built."""

    map_data: dict  # what the map component paints (figures.map_data), a few KB
    legend: figures.Legend
    title: str  # what the map shows, in one line (also the exported picture's title)
    subtitle: str  # what is selected and as of when
    summary: str  # markdown: the counts under the map
    table: pd.DataFrame  # indexed by iso3, in display order
    table_note: str  # on which basis the table counts
    csv_frame: Callable[[], pd.DataFrame]  # builds what the CSV download holds, when asked
    file_stem: str  # what the downloads are named: <stem>.csv, <stem>-map.png, <stem>-map.svg
    csv_label: str
    fills: dict[str, str]  # every shape's colour, for the picture of the map

    @property
    def csv(self) -> bytes:
        """The CSV download, written when a reader asks for it, not with every view."""
        return self.csv_frame().to_csv(index=False).encode("utf-8")


@dataclass(frozen=True)
class _Inputs:
    """What every builder reads: the data, the filtered and the whole profile, the tallies."""

    atlas: Atlas
    index: pd.DataFrame
    state: MapState
    shown: pd.DataFrame  # the support facts under the state's filters, in file order
    table: pd.DataFrame  # the profile of those facts, one row per member
    everything: pd.DataFrame  # the profile of every fact
    tallies: dict[str, list[stance.Tally]]
    facts_as_of: str

    @property
    def names(self) -> pd.Series:
        return self.index["name"]


@dataclass(frozen=True)
class _Layer:
    """One view's part of the map: each member's class and hover line, its legend, its texts."""

    classes: pd.Series  # member iso3 -> legend code
    legend: figures.Legend
    hover: list[str]  # one line per member, in the table's order
    territory_hover: Callable[[str], str]  # a dependency's line, from its sovereign's code
    texts: dict[str, object]  # title, subtitle, summary, table, table_note, csv_frame, ...
    marked: tuple[str, ...] = ()  # the members that get a ⚠, by code
    dotted: tuple[str, ...] = ()  # legend codes whose small countries show as a dot


def _selection(state: MapState) -> str:
    """'support to Russia; all kinds; all evidence' or what is chosen instead."""
    parts = []
    for chosen, vocabulary, everything, nothing in (
        (state.directions, vocab.DIRECTIONS, _("every direction"), _("no direction")),
        (state.categories, vocab.CATEGORIES, _("all kinds"), _("no kind")),
        (state.evidence, vocab.EVIDENCE, _("all evidence"), _("no evidence level")),
    ):
        labels = vocab.labels(vocabulary)
        if len(chosen) == len(vocabulary):
            parts.append(everything)
        elif not chosen:
            parts.append(nothing)
        else:
            parts.append(", ".join(labels[c] for c in chosen).lower().capitalize())
    if state.directions == ("to_russia",):
        parts[0] = _("support to Russia")
    return "; ".join(parts)


def _support(given: _Inputs) -> _Layer:
    """Countries coloured by the strongest kind of support documented under the filters."""
    state, table = given.state, given.table
    classes, legend = figures.support_legend(table, state.directions)
    # Plain dicts of the columns the hover reads, not iterrows(): a Series per row cost a
    # quarter of a view's build.
    rows = table[list(figures.HOVER_COLUMNS)].to_dict("index")
    shown = given.shown
    partners = int(((table["n_facts"] > 0) & ~table["is_subject"]).sum())
    disputed = int((shown["evidence"] == "disputed").sum())
    return _Layer(
        classes,
        legend,
        [figures.support_hover(rows[code]) for code in table.index],
        lambda owner: figures.territory_hover(rows[owner]),
        {
            "title": _("Who supports Russia's war against Ukraine, and how")
            + ("" if state.when == timeline.NOW else f": {timeline.label(state.when)}"),
            "subtitle": _(
                "Kinds of support documented {sources}. Showing {selection}. Grey: no support "
                "documented in these sources."
            ).format(
                sources=timeline.sources_phrase(
                    given.atlas.support, given.atlas.sources, state.when
                ),
                selection=_selection(state),
            ),
            "summary": " · ".join(
                [
                    ngettext(
                        "**{n}** country with documented support",
                        "**{n}** countries with documented support",
                        partners,
                    ).format(n=partners),
                    ngettext("**{n}** fact shown", "**{n}** facts shown", len(shown)).format(
                        n=len(shown)
                    ),
                    *([_("**{n}** disputed (⚠)").format(n=disputed)] if disputed else []),
                    _(
                        "Click a country on the map or its name in the table, or pick one in "
                        "the controls, to read its facts."
                    ),
                ]
            ),
            "table": present.map_table(table, given.everything),
            "table_note": _(
                "Counted under the filters: {selection}, {when}. *All facts* counts every "
                "support fact the sources document for the country, in every direction and "
                "period, as its page lists them."
            ).format(selection=_selection(state), when=timeline.label(state.when).lower()),
            "csv_frame": lambda: present.facts_table(
                shown, given.names, given.atlas.sources, given.atlas.outlets
            ),
            "file_stem": "russia-partners-support"
            + ("" if state.when == timeline.NOW else f"-{state.when}"),
            "csv_label": ngettext(
                "Download this {n} fact (CSV)", "Download these {n} facts (CSV)", len(shown)
            ).format(n=len(shown)),
        },
        # ⚠ marks the countries whose shown facts include disputed ones.
        tuple(table.index[table["has_disputed"]]),
        # Every country with support documented, and Russia, shows even where it is tiny.
        tuple(c for c in legend.codes if c != "none"),
    )


def _vote(given: _Inputs) -> _Layer:
    """UN members coloured by their vote on one resolution."""
    symbol, table, members = given.state.symbol, given.table, len(given.atlas.countries)
    row = given.atlas.resolutions.set_index("symbol").loc[symbol]
    column = profile.vote_columns(given.atlas.resolutions)[symbol]
    classes, legend = figures.vote_legend(table, column)
    labels = vocab.labels(vocab.VOTES)
    day = dates.format_date(row["adopted"], "day")
    counts = dict(zip(legend.codes, legend.counts, strict=True))
    votes = given.atlas.votes[given.atlas.votes["symbol"] == symbol]
    names = given.names
    return _Layer(
        classes,
        legend,
        [figures.vote_hover(labels[classes[code]], symbol) for code in table.index],
        lambda owner: figures.vote_hover(labels[classes[owner]], symbol, owner=names[owner]),
        {
            "title": _("How each UN member voted on {resolution}").format(
                resolution=words.lower_first(row["short_title"])
            ),
            "subtitle": _(
                "UN General Assembly resolution {symbol}, adopted {day}: {title}. Source: "
                "United Nations (DGACM)."
            ).format(symbol=symbol, day=day, title=row["title"]),
            "summary": _(
                "On {symbol} ({day}): **{yes}** yes · **{no}** no · **{abstain}** abstained · "
                "**{absent}** absent (of {members} members; equal to the official totals)"
            ).format(symbol=symbol, day=day, members=members, **counts),
            "table": present.map_table(
                given.everything, given.everything, table[column].map(labels), heading=_("Vote")
            ),
            "table_note": _(
                "Every UN member with its vote. Kinds and facts count every support fact the "
                "sources document for the country, in every direction and period."
            ),
            "csv_frame": lambda: votes.assign(country=votes["iso3"].map(names))[
                ["symbol", "iso3", "country", "vote"]
            ].sort_values("country"),
            "file_stem": f"un-votes-{stance.short_symbol(symbol).replace('/', '-')}",
            "csv_label": ngettext(
                "Download the {n} vote on {symbol} (CSV)",
                "Download the {n} votes on {symbol} (CSV)",
                len(votes),
            ).format(n=len(votes), symbol=symbol),
        },
    )


def _period_csv(chosen: dict[str, stance.Tally], names: pd.Series, label: str) -> pd.DataFrame:
    """Every member's class in a period with the counts behind it, by name."""
    rows = [
        {
            "iso3": code,
            "country": names[code],
            "period": label,
            "class": tally.label,
            **{f"votes_{a}": n for a, n in tally.counts.items()},
            "votes_total": tally.total,
        }
        for code, tally in chosen.items()
    ]
    return pd.DataFrame(rows).sort_values("country")


def _period(given: _Inputs) -> _Layer:
    """UN members coloured by how they voted across one period's resolutions."""
    table, names = given.table, given.names
    period = stance.find_period(given.state.period)
    k = stance.PERIODS.index(period)
    chosen = {code: given.tallies[code][k] for code in table.index}
    classes = pd.Series({code: tally.code for code, tally in chosen.items()})
    legend = figures.stance_legend(classes)
    resolutions = given.atlas.resolutions
    symbols = [
        stance.short_symbol(s)
        for s in resolutions.loc[resolutions["adopted"].map(period.holds), "symbol"]
    ]
    counts = dict(zip(legend.codes, legend.counts, strict=True))
    label = period.label
    return _Layer(
        classes,
        legend,
        [figures.stance_hover(chosen[code]) for code in table.index],
        lambda owner: figures.stance_hover(chosen[owner], owner=names[owner]),
        {
            "title": _("How UN members voted on Russia's war, {period}").format(period=label),
            "subtitle": ngettext(
                "Each member's vote on the {n} General Assembly resolution on Russia's war "
                "against Ukraine and occupied Crimea adopted in {period} ({symbols}).",
                "Each member's votes on the {n} General Assembly resolutions on Russia's war "
                "against Ukraine and occupied Crimea adopted in {period} ({symbols}).",
                len(symbols),
            ).format(n=len(symbols), period=label, symbols=", ".join(symbols))
            + " "
            + _(
                "A member is 'mostly' one way when more than half of its votes in the period "
                "went that way, else 'mixed'. Russia voted No on all of them. Source: United "
                "Nations (DGACM)."
            ),
            "summary": _(
                "{period}, {n} resolutions: **{with}** members mostly with Russia · "
                "**{abstained}** mostly abstained · **{against}** mostly against Russia · "
                "**{absent}** mostly absent · **{mixed}** mixed (of {members} members)"
            ).format(period=label, n=len(symbols), members=len(table), **counts),
            "table": present.map_table(
                given.everything,
                given.everything,
                pd.Series(
                    {c: f"{t.label} ({t.counts_text()})" for c, t in chosen.items()}, dtype=object
                ),
                heading=_("Votes {period}").format(period=label),
            ),
            "table_note": _(
                "Every UN member with its class in {period} and the counts behind it. Kinds and "
                "facts count every support fact the sources document for the country (as of "
                "{as_of}), in every direction and period."
            ).format(period=label, as_of=given.facts_as_of),
            "csv_frame": lambda: _period_csv(chosen, names, label),
            "file_stem": f"un-votes-{period.code}",
            "csv_label": _("Download the {n} members' votes in {period} (CSV)").format(
                n=len(table), period=label
            ),
        },
    )


_BUILDERS: dict[str, Callable[[_Inputs], _Layer]] = {
    "support": _support,
    "vote": _vote,
    "period": _period,
}


def _assemble(layer: _Layer, given: _Inputs) -> MapView:
    """Paint a layer: every member in its class, each dependency in its sovereign's (named in its
    hover), disputed areas and states outside the UN neutral."""
    palette, members = figures.PALETTE, list(given.table.index)
    non_members = given.index[~given.index["member"]]
    codes = list(layer.legend.codes)
    z = [codes.index(layer.classes[c]) for c in members]
    hover = list(layer.hover)
    for owner in non_members["sovereign"]:
        owned = isinstance(owner, str)
        z.append(codes.index(layer.classes[owner]) if owned else len(codes))
        hover.append(layer.territory_hover(owner) if owned else figures.support_hover(None))
    legend = figures.Legend(
        (*layer.legend.codes, "not_member"),
        (*layer.legend.labels, _(figures.NOT_MEMBER_LABEL)),
        (*layer.legend.colours, palette.not_member),
        (*layer.legend.counts, int(non_members["sovereign"].isna().sum())),
        layer.legend.title,
    )
    locations = [*members, *non_members.index]
    fills = {code: legend.colours[k] for code, k in zip(locations, z, strict=True)}
    marked = [code for code in members if code in set(layer.marked)]
    data = figures.map_data(
        list(given.atlas.shapes["iso3"]),
        dict(zip(locations, z, strict=True)),
        dict(zip(locations, hover, strict=True)),
        legend,
        marked=marked,
        dotted=layer.dotted or layer.legend.codes,
    )
    return MapView(map_data=data, legend=legend, fills=fills, **layer.texts)


def build_map_view(
    atlas: Atlas,
    index: pd.DataFrame,
    state: MapState,
    *,
    facts_as_of: str,
    everything: pd.DataFrame | None = None,
    tallies: dict[str, list[stance.Tally]] | None = None,
) -> MapView:
    """The map's data, legend, texts, table and CSV of one view.

    facts_as_of is the facts' date as datapackage.json gives it ('March 2023'); everything is
    the unfiltered profile and tallies every member's votes by period, when the caller has them
    already (the catalog does).
    """
    shown = state.filters.apply(atlas.support)
    table = profile.build_profile(shown, atlas.countries, atlas.votes, atlas.resolutions)
    if everything is None:
        everything = profile.build_profile(
            atlas.support, atlas.countries, atlas.votes, atlas.resolutions
        )
    if tallies is None and state.view == "period":
        tallies = stance.tallies_by_country(atlas.votes, atlas.resolutions)
    given = _Inputs(atlas, index, state, shown, table, everything, tallies or {}, facts_as_of)
    return _assemble(_BUILDERS[state.view](given), given)
