"""One country: its support by direction, what changed since the article, its facts as a timeline
by period (with sources, who says so, denials), its UN votes by period, a locator map."""

import streamlit as st

from pages._shared import address, chrome, pickers, store, world
from partners import figures, present, profile, site, stance, timeline, vocab
from partners.i18n import _, ngettext
from partners.present import plain

chrome.page_setup(site.COUNTRY)
data = store.data()
index = data.index
iso3 = present.parse_iso3(st.query_params.get_all("iso3"), index.index)

if iso3 is None:
    # Never echo the parameter: it may be anything, of any length.
    st.title(_(site.COUNTRY.title))
    if st.query_params.get_all("iso3"):
        st.warning(
            _(
                "That link does not name a country in the atlas. Country links look like "
                "country?iso3=FRA, with a three-letter ISO code. Pick a country below instead."
            ),
            icon=":material/travel_explore:",
        )
    st.write(
        _(
            "Every country on the map has a page: what the sources say about it and how it "
            "voted at the UN. Type a name, a short name or a code below, or pick from the lists."
        )
    )
    pickers.country_picker(data, key="country_picker_empty")
    directory = data.directory
    documented = directory[directory[_("Facts")] > 0]
    st.header(_("Countries with documented support"))
    st.caption(
        _(
            "Every support fact the sources document for the country, in every period, by "
            "direction: each kind with the strongest evidence for it."
        )
    )
    for code, row in documented.iterrows():
        with st.container(horizontal=True, gap="medium", vertical_alignment="center"):
            st.page_link(
                site.COUNTRY.script,
                label=plain(row[_("Country")]),
                query_params=site.country_params(code),
                icon=":material/arrow_forward:",
            )
            lines = data.direction_lines.get(code, [])
            st.markdown("  \n".join(plain(line) for line in lines))
    st.header(_("All {n} countries and territories").format(n=len(directory)))
    st.caption(
        _(
            "Search with the magnifier at the table's top right; sort by a column's header; "
            "choose a row to open the country."
        )
    )
    chosen = st.dataframe(
        directory,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="directory",
        column_config={_("Country"): st.column_config.TextColumn(width="large")},
    )
    rows = chosen.selection.rows if chosen and chosen.selection else []
    if rows:
        pickers.open_country(directory.index[rows[0]])
    chrome.credits()
    st.stop()

address.write({"iso3": [iso3]})
entry = index.loc[iso3]
# Its own tab title, so that a reader with several countries open tells the tabs apart.
st.set_page_config(page_title=site.country_tab_title(data.short_names[iso3]))
labels = {
    v: vocab.labels(v)
    for v in (vocab.CATEGORIES, vocab.EVIDENCE, vocab.VOTES, vocab.SUPPORT, vocab.SAID_BY)
}
facts = data.facts_by_country.get(iso3, [])

head, locator = st.columns([2, 1], vertical_alignment="top")
with head:
    st.title(plain(entry["display"]))
    if iso3 == profile.SUBJECT:
        st.markdown(_("**The country the atlas is about.** Its partners are on the map."))
    elif isinstance(entry["sovereign"], str):
        owner = index.loc[entry["sovereign"], "name"]
        st.markdown(
            plain(
                _(
                    "Not a UN member: part of {owner}, whose votes and documented support the "
                    "map shows for it."
                ).format(owner=owner)
            )
        )
        st.page_link(
            site.COUNTRY.script,
            label=plain(_("{owner}: its page").format(owner=owner)),
            query_params=site.country_params(entry["sovereign"]),
            icon=":material/arrow_forward:",
        )
    elif not entry["member"]:
        st.markdown(
            _(
                "Not a UN member (a disputed area or a state outside the UN): no UN votes. "
                "No support documented in these sources; the map shows it in a neutral colour."
            )
        )
    elif facts:
        lines = [plain(line) for line in data.direction_lines.get(iso3, [])]
        st.markdown("  \n".join(lines))
        st.caption(
            _(
                "Counted on every support fact the sources document for the country, in every "
                "period; the map counts the facts its filters select (by default, support to "
                "Russia to date)."
            )
        )
    if iso3 in data.changes:
        st.markdown(plain(f"{data.source_spans[iso3]} {data.changes[iso3]}"))
    pickers.country_picker(data, key="country_picker", label=_("Another country"), folded=True)
with locator:
    if entry["bounds"] is not None:
        world.locator(data, iso3)


DIRECTIONS = vocab.labels(vocab.DIRECTIONS)


def badges(fact) -> str:
    """A card's first line: its evidence (or 'context'), kind and direction, and whether it is
    the article's and whether the support has ended, as markdown badges."""
    if fact.is_support == "yes":
        colour = figures.EVIDENCE_BADGES[fact.evidence]
        icon = ":material/warning: " if fact.evidence == "disputed" else ""
        line = [f":{colour}-badge[{icon}{labels[vocab.EVIDENCE][fact.evidence]}]"]
    else:
        line = [f":gray-badge[{labels[vocab.SUPPORT]['no']}]"]
    kind = f"{labels[vocab.CATEGORIES][fact.category]} · {DIRECTIONS[fact.direction]}"
    line.append(f":gray-badge[{plain(kind)}]")
    if fact.source_id == timeline.ARTICLE_SOURCE:
        line.append(":violet-badge[:material/article: " + _("The article, March 2023") + "]")
    if fact.fact_id in data.ended_on:
        ended = _("Ended {date}").format(date=data.ended_on[fact.fact_id])
        line.append(f":red-badge[{ended}]")
    return " ".join(line)


def show_fact(fact) -> None:
    """One fact as a card: badges, summary, figure, quote, date, source, who says so, evidence,
    denials and any coding note."""
    with st.container(border=True):
        # One markdown block and one caption per card: fewer elements, a faster page.
        body = [badges(fact), plain(fact.summary)]
        if isinstance(fact.figure, str):
            body.append("**" + _("Figure, as the source gives it:") + f"** “{plain(fact.figure)}”")
        if isinstance(fact.quote, str):
            body.append(f"> “{plain(fact.quote)}”\n>\n> — {plain(fact.quote_by)}")
        st.markdown("\n\n".join(body))
        when = present.format_date(fact.event_date, fact.date_precision)
        if isinstance(fact.reported_date, str):
            reported = present.format_date(fact.reported_date, "month")
            when += " " + _("(reported {date})").format(date=reported)
        where = (
            _("Article section “{section}”, paragraph {paragraph}").format(
                section=fact.section, paragraph=fact.paragraph
            )
            + " · "
            if isinstance(fact.section, str)
            else ""
        )
        said = _("Who says so: {who}").format(who=labels[vocab.SAID_BY][fact.said_by].lower())
        meta = f"{when} · {data.source_lines[fact.fact_id]} · {said} · {where}{fact.fact_id}"
        denials = "".join(
            f"  \n⚠ {plain(line)}" for line in data.denial_lines.get(fact.fact_id, [])
        )
        ended = (
            "  \n"
            + plain(
                _("Ended: {date}, as {fact} records.").format(
                    date=data.ended_on[fact.fact_id], fact=fact.ended_by
                )
            )
            if fact.fact_id in data.ended_on
            else ""
        )
        note = (
            "  \n" + _("Coding note: {note}").format(note=plain(fact.coding_note))
            if isinstance(fact.coding_note, str)
            else ""
        )
        link = data.source_links[fact.fact_id]
        st.caption(plain(meta) + (f" · {link}" if link else "") + denials + ended + note)


def show_timeline(facts: list) -> None:
    """The support facts as a timeline: one section per period of the UN votes (and one for
    anything earlier), oldest first, each fact in date order."""
    periods = [(p.code, p.label) for p in stance.PERIODS]
    sections = [(None, _("Before 2019")), *periods]
    for code, label in sections:
        in_period = [f for f in facts if (f.period if isinstance(f.period, str) else None) == code]
        if not in_period:
            continue
        n = len(in_period)
        st.header(
            ngettext("{period}: {n} fact of support", "{period}: {n} facts of support", n).format(
                period=label, n=n
            )
        )
        for fact in sorted(in_period, key=lambda f: data.fact_dates[f.fact_id]):
            show_fact(fact)


if iso3 != profile.SUBJECT and entry["member"] and not facts:
    st.info(_("No support documented in these sources for this country."), icon=":material/info:")
show_timeline(facts)
context = data.context_by_country.get(iso3, [])
if context:
    st.header(_("Context, not counted as support"))
    st.caption(
        _(
            "What the sources also report about this country that is not support for the war; "
            "the map and the counts leave it out. Each card says why."
        )
    )
    for fact in context:
        show_fact(fact)

if entry["member"]:
    st.header(_("UN General Assembly votes"))
    chrome.dates()
    record = data.votes_of(iso3)
    st.markdown(
        plain(stance.summary((row.adopted, vote) for row, vote in record)).replace("\\;", ";  \n")
    )
    st.html(present.vote_strip(record, figures.VOTE_COLOURS))
    notes = [
        _(
            "Russia voted No on all of them, so a No is a vote with Russia and a Yes a vote "
            "against it. Hover a vote for its resolution. Source: United Nations (DGACM)."
        )
    ]
    if any(vote == "absent" for __, vote in record):
        notes.insert(
            0,
            _(
                "Absent: not recorded as voting, including members without a vote under "
                "Article 19 of the UN Charter."
            ),
        )
    st.caption(" ".join(notes))
chrome.credits()
