"""Text and tables for people: dates, labels, escaped text, URL parameters, download tables."""

from __future__ import annotations

import html
import re
import string
import urllib.parse
from collections.abc import Iterable, Mapping

import geopandas as gpd
import pandas as pd

from partners import dates, markup, profile, stance, timeline, vocab, words
from partners.dates import format_date
from partners.i18n import N_, _, ngettext

_PUNCTUATION = set(string.punctuation)
_ISO3 = re.compile(r"^[A-Za-z]{3}$")


_WORD_JOINER = "\u2060"  # invisible, zero-width; breaks the patterns that get linkified
_WWW = re.compile(r"(?i)(www)(?=\.)")


def plain(text: object) -> str:
    """Text safe to pass to st.markdown: shown exactly, never turned into markup or a link.

    Every ASCII punctuation mark is backslash-escaped, so markdown cannot make links, emphasis,
    colour directives (:red[...]), icons or LaTeX of it. Streamlit also turns bare addresses
    (https://..., www...., a@b.c) into links after escapes are resolved, so an invisible word
    joiner goes before every ':' and '@' and after 'www' (measured in Chromium: no link).
    """
    out = []
    for char in _WWW.sub(lambda m: m.group(1) + _WORD_JOINER, str(text)):
        if char in ":@":
            out.append(_WORD_JOINER + "\\" + char)
        elif char in _PUNCTUATION:
            out.append("\\" + char)
        elif char in "\r\n":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def parse_iso3(raw: object, known: Iterable[str]) -> str | None:
    """The ISO3 code a URL parameter names, in any case and with spaces trimmed, or None.

    Accepts a string or a list of strings (a repeated parameter: the first usable one wins).
    """
    values = raw if isinstance(raw, list | tuple) else [raw]
    allowed = set(known)
    for value in values:
        if isinstance(value, str):
            candidate = value.strip()
            if _ISO3.match(candidate) and candidate.upper() in allowed:
                return candidate.upper()
    return None


def resolution_label(symbol: str, adopted: str, short_title: str) -> str:
    """How a resolution is named in pickers: '2022-03-02 · Condemning the invasion (A/RES/...)'."""
    return f"{adopted} · {short_title} ({symbol})"


def problem_list(problems: list, limit: int = 50) -> str:
    """Data problems as a markdown bullet list of plain text, the first `limit` of them."""
    lines = [f"- {plain(problem)}" for problem in problems[:limit]]
    if len(problems) > limit:
        lines.append("- " + _("… and {n} more").format(n=len(problems) - limit))
    n = len(problems)
    head = ngettext("{n} problem", "{n} problems", n).format(n=n)
    return f"**{head}:**\n\n" + "\n".join(lines)


def category_list(codes: Iterable[str]) -> str:
    """'Military supplies, Economic ties' from category codes."""
    labels = vocab.labels(vocab.CATEGORIES)
    return ", ".join(labels[c] for c in codes)


# How a country page names each direction, in the order the page lists them.
DIRECTION_HEADS = {
    "to_russia": N_("Gives Russia"),
    "mutual": N_("Both ways"),
    "from_russia": N_("Receives from Russia"),
}


def evidence_lines(
    entries: Iterable[tuple[str, str, str]], counts: dict | None = None
) -> list[str]:
    """One line per direction: each kind of support with the strongest evidence for it ('Gives
    Russia: Weapons and munitions (disputed), Troops and military workers (official statement)'),
    and the number of facts when counts (direction -> number) are given. entries are
    profile.evidence_by_kind's (direction, category, evidence)."""
    kinds = vocab.labels(vocab.CATEGORIES)
    evidence = vocab.labels(vocab.EVIDENCE)
    entries = list(entries)
    lines = []
    for direction, head in DIRECTION_HEADS.items():
        parts = [
            f"{kinds[category]} ({evidence[grade].lower()})"
            for way, category, grade in entries
            if way == direction
        ]
        if not parts:
            continue
        n = counts[direction] if counts else 0
        tail = " · " + words.facts(n) if counts else ""
        lines.append(f"{_(head)}: {', '.join(parts)}{tail}")
    return lines


# The tables' column of kinds, each with its strongest evidence, by direction.
KINDS_COLUMN = N_("Kinds of support (strongest evidence for each)")
# What the tables say of Russia in that column.
SUBJECT_KINDS = N_("The country the atlas is about")


def kinds_text(entries) -> str:
    """A table cell of evidence_lines: the directions' lines joined, '' without facts."""
    return "; ".join(evidence_lines(entries)) if isinstance(entries, tuple) else ""


def direction_lines(facts: Iterable) -> list[str]:
    """One line per direction a country's facts run in: its kinds, each with its strongest
    evidence, and the number of facts. facts are rows with iso3, category, direction and
    evidence attributes, of one country."""
    columns = ("iso3", "direction", "category", "evidence")
    frame = pd.DataFrame([{c: getattr(f, c) for c in columns} for f in facts], columns=columns)
    if frame.empty:
        return []
    counts = frame["direction"].value_counts().to_dict()
    return evidence_lines(profile.evidence_by_kind(frame).iloc[0], counts)


def source_line(fact, sources: pd.DataFrame, outlets: pd.DataFrame) -> str:
    """Where a fact comes from: its source's outlet (and the wire, for a wire copy) and date, and
    the outlet the source credits for it, if any ('Source: Reuters, as cited by tvn24.pl, March
    2023'; 'Source: Dawn (a Reuters report), 15 October 2025')."""
    source = sources.set_index("source_id").loc[fact.source_id]
    name = outlets.set_index("outlet")["name"]
    published = dates.as_of_text(source["published"])
    outlet = name[source["outlet"]]
    if isinstance(source["wire"], str):
        outlet = _("{outlet} (a {wire} report)").format(outlet=outlet, wire=name[source["wire"]])
    if isinstance(fact.attributed_to, str):
        return _("Source: {credited}, as cited by {outlet}, {published}").format(
            credited=name[fact.attributed_to], outlet=outlet, published=published
        )
    return _("Source: {outlet}, {published}").format(outlet=outlet, published=published)


def page_title(title, url) -> str:
    """A source page's own title, or, where our copy shows none, the site it is on."""
    if isinstance(title, str):
        return title
    host = (urllib.parse.urlsplit(url).hostname or "") if isinstance(url, str) else ""
    if not host:
        return _("untitled page")
    return _("untitled page on {site}").format(site=host.removeprefix("www."))


def source_link(fact, sources: pd.DataFrame) -> str:
    """A markdown link to the page a fact comes from, titled with the page's own title; empty
    when the source has no address (the article: our copy names none)."""
    source = sources.set_index("source_id").loc[fact.source_id]
    if not isinstance(source["url"], str):
        return ""
    # Parentheses and spaces would end a markdown link early: percent-encode them.
    address = urllib.parse.quote(source["url"], safe=":/?#[]@!$&'*+,;=%~")
    return f"[{plain(page_title(source['title'], source['url']))}]({address})"


def denial_line(denial, sources: pd.DataFrame, outlets: pd.DataFrame) -> str:
    """A denial as a reader sees it beside the claim: who, when, what, and where it is reported."""
    source = sources.set_index("source_id").loc[denial.source_id]
    name = outlets.set_index("outlet")["name"][source["outlet"]]
    when = (
        dates.as_of_text(denial.denied_on)
        if isinstance(denial.denied_on, str)
        else _(dates.NOT_GIVEN)
    )
    return _("Denied by {who} ({when}): {summary} Reported by {outlet}, {published}.").format(
        who=denial.denied_by,
        when=when,
        summary=denial.summary,
        outlet=name,
        published=dates.as_of_text(source["published"]),
    )


def source_item(
    source,
    outlet_names: pd.Series,
    facts: pd.DataFrame,
    names: Mapping[str, str],
    denials: pd.DataFrame,
) -> str:
    """One source as a markdown list item: outlet, date, title (linked where it has an address),
    language, the facts (by country) and denials that cite it, and its note."""
    cited = facts[facts["source_id"] == source.source_id]
    countries = ", ".join(sorted(names[code] for code in cited["iso3"].unique()))
    answered = denials.loc[denials["source_id"] == source.source_id, "fact_id"]
    title = (
        f"“{plain(source.title)}”"
        if isinstance(source.title, str)
        else plain(page_title(source.title, source.url))
    )
    if isinstance(source.url, str):
        title = f"[{title}]({source.url})"
    n = len(cited)
    item = (
        f"- **{plain(outlet_names[source.outlet])}**, {dates.as_of_text(source.published)}: "
        + _("{title}, in {language}.").format(
            title=title, language=vocab.labels(vocab.LANGUAGES)[source.language]
        )
        + " "
        + ngettext("Cited by {n} fact", "Cited by {n} facts", n).format(n=n)
        + (f": {plain(countries)}" if countries else "")
        + (
            "; " + _("reports the denial of {facts}").format(facts=plain(", ".join(answered)))
            if len(answered)
            else ""
        )
        + "."
    )
    if isinstance(source.note, str):
        item += f" {plain(source.note)}"
    return item


def country_index(
    countries: pd.DataFrame, shapes: gpd.GeoDataFrame, territories: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every country that has a page: UN members and the other shapes on the map.

    Indexed by iso3, with name, member (bool), sovereign (the member a territory belongs to, or
    None), display ('Greenland (Denmark)' for a territory, else the name), bounds (minx, miny,
    maxx, maxy) and point (lon, lat inside the shape) where a shape exists; sorted by name.
    """
    members = countries.set_index("iso3")[["name"]].assign(member=True)
    others = shapes[~shapes["iso3"].isin(members.index)].set_index("iso3")[["name"]]
    index = pd.concat([members, others.assign(member=False)])
    owners = (
        {}
        if territories is None
        else dict(zip(territories["iso3"], territories["sovereign_iso3"], strict=True))
    )
    index["sovereign"] = [owners.get(code) or None for code in index.index]
    index["display"] = [
        f"{name} ({index.loc[owner, 'name']})" if isinstance(owner, str) else name
        for name, owner in zip(index["name"], index["sovereign"], strict=True)
    ]
    geometry = shapes.set_index("iso3").geometry
    bounds = geometry.bounds
    index["bounds"] = [tuple(bounds.loc[c]) if c in bounds.index else None for c in index.index]
    # A point inside each shape (in its largest part), where the map puts marks such as ⚠.
    points = {
        code: max(getattr(g, "geoms", [g]), key=lambda part: part.area).representative_point()
        for code, g in geometry.items()
    }
    index["point"] = [(points[c].x, points[c].y) if c in points else None for c in index.index]
    return index.sort_values("name", key=lambda s: s.str.casefold())


def facts_table(
    facts: pd.DataFrame, names: pd.Series, sources: pd.DataFrame, outlets: pd.DataFrame
) -> pd.DataFrame:
    """The facts with the country's name, readable labels and each fact's source (outlet,
    title, address, date), for display and CSV download."""
    table = facts.copy()
    table.insert(1, "country", table["iso3"].map(names))
    for column, vocabulary in (
        ("category", vocab.CATEGORIES),
        ("direction", vocab.DIRECTIONS),
        ("evidence", vocab.EVIDENCE),
    ):
        table[f"{column}_label"] = table[column].map(vocab.labels(vocabulary))
    outlet_names = outlets.set_index("outlet")["name"]
    by_id = sources.set_index("source_id")
    table["attributed_to_label"] = table["attributed_to"].map(outlet_names)
    table["source_outlet"] = table["source_id"].map(by_id["outlet"]).map(outlet_names)
    for column in ("title", "url", "published"):
        table[f"source_{column}"] = table["source_id"].map(by_id[column])
    table["date_shown"] = [
        format_date(d, p) for d, p in zip(table["event_date"], table["date_precision"], strict=True)
    ]
    return table.reset_index(drop=True)


def map_table(
    shown: pd.DataFrame,
    everything: pd.DataFrame,
    votes: pd.Series | None = None,
    heading: str | None = None,
) -> pd.DataFrame:
    """What the map shows, one row per country with documented support (and Russia), indexed
    by iso3: the kinds, facts and strongest evidence under the filters (`shown`), and every
    fact of the country in every direction (`everything`), so both counts say their basis.

    With votes (a text per member), every UN member is listed with it under `heading`.
    """
    by_vote = votes is not None
    heading = heading or _("Vote")
    rows = shown if by_vote else shown[(shown["n_facts"] > 0) | shown["is_subject"]]
    country, shown_facts, all_facts = _("Country"), _("Facts shown"), _("All facts")
    table = pd.DataFrame(
        {
            country: rows["name"],
            _(KINDS_COLUMN): rows["evidence_by_kind"].map(kinds_text),
            shown_facts: rows["n_facts"],
            all_facts: everything.loc[rows.index, "n_facts"],
            _("Disputed"): rows["has_disputed"].map({True: _("includes disputed"), False: ""}),
            _("Headline"): rows["headline"].fillna(""),
        },
        index=rows.index,
    )
    if by_vote:
        table.insert(1, heading, votes.reindex(rows.index))
        table = table.drop(columns=[shown_facts])
    table.loc[rows["is_subject"], _(KINDS_COLUMN)] = _(SUBJECT_KINDS)
    order = [all_facts, country] if by_vote else [shown_facts, all_facts, country]
    ascending = [False, True] if by_vote else [False, False, True]
    return table.sort_values(order, ascending=ascending)


def country_directory(index: pd.DataFrame, everything: pd.DataFrame) -> pd.DataFrame:
    """Every country with a page, indexed by iso3: those with documented support first (most
    facts first), then all the others by name. everything is the unfiltered profile."""
    rows = everything.reindex(index.index)
    country, facts = _("Country"), _("Facts")
    table = pd.DataFrame(
        {
            country: index["name"],
            "ISO3": index.index,
            _("UN member"): index["member"].map({True: _("Yes"), False: _("No")}),
            _(KINDS_COLUMN): rows["evidence_by_kind"].map(kinds_text),
            facts: rows["n_facts"].fillna(0).astype(int),
        },
        index=index.index,
    )
    table.loc[rows["is_subject"].fillna(False).astype(bool), _(KINDS_COLUMN)] = _(SUBJECT_KINDS)
    key = table[country].str.casefold()
    return (
        table.assign(_key=key)
        .sort_values([facts, "_key"], ascending=[False, True])
        .drop(columns="_key")
    )


_STRIP_STYLE = (
    """<style>
.vote-strip { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; margin: .25rem 0 .5rem; }
.vote-strip section h4 { font-size: .9rem; margin: 0 0 .3rem; padding: 0; }
.vote-strip ol { display: flex; flex-wrap: wrap; gap: .3rem; list-style: none; margin: 0;
  padding: 0; }
.vote-strip li { display: flex; flex-direction: column; align-items: center; font-size: .75rem;
  min-width: 3.6rem; margin: 0; }
.vote-strip .atlas-vote { display: block; width: 100%; padding: .15rem .3rem; min-width: 0; }
.vote-names summary { cursor: pointer; padding: .65rem 0; }  /* a 44 px target, its marker kept */
.vote-names ol { margin: 0 0 .5rem; padding-left: 1.5rem; font-size: .9rem; }
"""
    + markup.VOTE_CSS
    + "\n</style>"
)


def vote_strip(record: list[tuple[object, str]], colours: Mapping[str, str]) -> str:
    """A country's votes as HTML, one group per period, in time order: each cell shows the vote
    and the resolution's short symbol, and names the resolution on hover (its title attribute)
    and to screen readers; below, a list that opens by a tap, a click or Enter names every
    resolution with its vote, as text (a phone has no hover). record is (resolution row, vote)
    pairs; every text is escaped."""

    groups, named = [], []
    votes = vocab.labels(vocab.VOTES)
    for period in stance.PERIODS:
        cells = []
        for row, vote in record:
            if not period.holds(row.adopted):
                continue
            day = format_date(row.adopted, "day")
            title = f"{row.symbol}, {day}: {row.title}"
            name = html.escape(title, quote=True)
            short = html.escape(stance.short_symbol(row.symbol))
            cells.append(
                f'<li title="{name}">{markup.vote_cell(vote, colours)}<span>{short}</span>'
                f"{markup.screen_reader_only(title)}</li>"
            )
            named.append(f"<li>{html.escape(f'{title}: {votes[vote]}')}</li>")
        if cells:
            label = html.escape(_("Votes {period}").format(period=period.label), quote=True)
            groups.append(
                f'<section aria-label="{label}"><h4>{period.label}</h4>'
                f"<ol>{''.join(cells)}</ol></section>"
            )
    names = (
        '<details class="vote-names"><summary>'
        + html.escape(_("Each resolution by name, with the vote"))
        + f"</summary><ol>{''.join(named)}</ol></details>"
    )
    return f'{_STRIP_STYLE}<div class="vote-strip">{"".join(groups)}</div>{names}'


def changes_since_article(support: list, context: list, name: str, ends: Mapping[str, str]) -> str:
    """One plain sentence, computed from a country's facts, on what later sources add to the
    article's account: how many facts and sources, the kinds of support the article did not
    document, how many the country itself acknowledges, and any support recorded as ended
    (ends: fact_id -> the date its support ended, as text)."""
    article = [f for f in support if f.source_id == timeline.ARTICLE_SOURCE]
    later = [f for f in support if f.source_id != timeline.ARTICLE_SOURCE]
    parts = []
    if not later:
        parts.append(
            _(
                "No later source in the atlas adds support to what the article documented for "
                "{name} (March 2023)"
            ).format(name=name)
            if article
            else _("No source in the atlas documents support for {name}").format(name=name)
        )
    else:
        n = len({f.source_id for f in later})
        facts = words.facts(len(later))
        if article:
            head = ngettext(
                "Since the article (March 2023), {n} later source adds {facts} of support for "
                "{name}",
                "Since the article (March 2023), {n} later sources add {facts} of support for "
                "{name}",
                n,
            ).format(n=n, facts=facts, name=name)
            old = {f.category for f in article}
            kinds = vocab.labels(vocab.CATEGORIES)
            fresh = [
                kinds[c].lower()
                for c in vocab.codes(vocab.CATEGORIES)
                if c in {f.category for f in later} and c not in old
            ]
            if fresh:
                head += _(", including kinds it did not record ({kinds})").format(
                    kinds=", ".join(fresh)
                )
        else:
            head = ngettext(
                "The article did not mention {name}; {n} later source documents {facts} of support",
                "The article did not mention {name}; {n} later sources document {facts} of support",
                n,
            ).format(n=n, facts=facts, name=name)
        own = sum(f.said_by == "self" for f in later)
        if len(later) == 1:
            acknowledged = (
                _("it is acknowledged by {name} itself")
                if own
                else _("it is not acknowledged by {name} itself")
            )
        elif not own:
            acknowledged = _("none of them is acknowledged by {name} itself")
        else:
            acknowledged = ngettext(
                "{n} of them is acknowledged by {name} itself",
                "{n} of them are acknowledged by {name} itself",
                own,
            )
        parts.append(head + "; " + acknowledged.format(n=own, name=name))
    ended = sorted({ends[f.fact_id] for f in support if f.fact_id in ends})
    if ended:
        parts.append(
            _("a later source records that support listed here ended in {when}").format(
                when=_(" and ").join(ended)
            )
        )
    if context:
        n = len(context)
        parts.append(
            ngettext(
                "{n} more fact is context, not counted as support",
                "{n} more facts are context, not counted as support",
                n,
            ).format(n=n)
        )
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def sources_span(facts: list, sources: pd.DataFrame) -> str:
    """Where a country's facts come from, in one sentence: 'Its 17 facts come from 13 sources
    published March 2023 to 18 December 2025.'"""
    cited = sorted({f.source_id for f in facts})
    published = dates.span_text(sources.set_index("source_id").loc[cited, "published"])
    if len(facts) == 1:
        return _("Its one fact comes from a source published {published}.").format(
            published=published
        )
    sources_n = ngettext("{n} source", "{n} sources", len(cited)).format(n=len(cited))
    return ngettext(
        "Its {n} fact comes from {sources} published {published}.",
        "Its {n} facts come from {sources} published {published}.",
        len(facts),
    ).format(n=len(facts), sources=sources_n, published=published)
