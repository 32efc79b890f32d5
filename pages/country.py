"""One country: its support by direction, facts by kind, its UN votes by period, a locator map."""

import streamlit as st

from pages._shared import address, chrome, pickers, store, world
from partners import figures, present, profile, site, stance, vocab
from partners.present import plain

chrome.page_setup(site.COUNTRY)
data = store.data()
index = data.index
iso3 = present.parse_iso3(st.query_params.get_all("iso3"), index.index)

if iso3 is None:
    # Never echo the parameter: it may be anything, of any length.
    st.title("Countries")
    if st.query_params.get_all("iso3"):
        st.warning(
            "That link does not name a country in the atlas. Country links look like "
            "country?iso3=FRA, with a three-letter ISO code. Pick a country below instead.",
            icon=":material/travel_explore:",
        )
    st.write(
        "Every country on the map has a page: what the source says about it and how it voted "
        "at the UN. Type a name, a short name or a code below, or pick from the lists."
    )
    pickers.country_picker(data, key="country_picker_empty")
    directory = data.directory
    documented = directory[directory["Facts"] > 0]
    st.header("Countries with documented support")
    st.caption(
        "Facts and kinds count every fact this source documents for the country, in every "
        "direction; strongest evidence is the strongest among them."
    )
    for code, row in documented.iterrows():
        with st.container(horizontal=True, gap="medium", vertical_alignment="center"):
            st.page_link(
                site.COUNTRY.script,
                label=plain(row["Country"]),
                query_params={"iso3": code},
                icon=":material/arrow_forward:",
            )
            st.markdown(
                plain(
                    f"{row['Kinds of support']} · {present.count(row['Facts'], 'fact')} · "
                    "strongest evidence: "
                    f"{row['Strongest evidence']}"
                )
            )
    st.header(f"All {len(directory)} countries and territories")
    st.caption(
        "Search with the magnifier at the table's top right; sort by a column's header; "
        "choose a row to open the country."
    )
    chosen = st.dataframe(
        directory,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="directory",
        column_config={"Country": st.column_config.TextColumn(width="large")},
    )
    rows = chosen.selection.rows if chosen and chosen.selection else []
    if rows:
        pickers.open_country(directory.index[rows[0]])
    chrome.credits()
    st.stop()

address.write({"iso3": [iso3]})
entry = index.loc[iso3]
labels = {
    v: vocab.labels(v) for v in (vocab.CATEGORIES, vocab.EVIDENCE, vocab.VOTES, vocab.SUPPORT)
}
facts = data.facts_by_country.get(iso3, [])

head, locator = st.columns([2, 1], vertical_alignment="top")
with head:
    st.title(plain(entry["display"]))
    if iso3 == profile.SUBJECT:
        st.markdown("**The country the atlas is about.** Its partners are on the map.")
    elif isinstance(entry["sovereign"], str):
        owner = index.loc[entry["sovereign"], "name"]
        st.markdown(
            plain(
                f"Not a UN member: part of {owner}, whose votes and documented support the map "
                "shows for it."
            )
        )
        st.page_link(
            site.COUNTRY.script,
            label=plain(f"{owner}: its page"),
            query_params={"iso3": entry["sovereign"]},
            icon=":material/arrow_forward:",
        )
    elif not entry["member"]:
        st.markdown(
            "Not a UN member (a disputed area or a state outside the UN): no UN votes. "
            "No support documented in this source; the map shows it in a neutral colour."
        )
    elif facts:
        lines = [plain(line) for line in present.direction_lines(facts)]
        st.markdown("  \n".join(lines))
        st.caption(
            "Counted on every fact this source documents for the country; the map counts the "
            "facts its filters select (by default, support to Russia)."
        )
    pickers.country_picker(data, key="country_picker", label="Another country")
with locator:
    if entry["bounds"] is not None:
        world.locator(data, iso3)


def show_fact(fact) -> None:
    """One fact as a card: summary, figure, quote, date, source, evidence and any coding note."""
    with st.container(border=True):
        if fact.is_support == "yes":
            badge_icon = ":material/warning:" if fact.evidence == "disputed" else None
            st.badge(
                labels[vocab.EVIDENCE][fact.evidence],
                color=figures.EVIDENCE_BADGES[fact.evidence],
                icon=badge_icon,
            )
        else:
            st.badge(labels[vocab.SUPPORT]["no"], color="gray")
        # One markdown block and one caption per card: fewer elements, a faster page.
        body = [plain(fact.summary)]
        if isinstance(fact.figure, str):
            body.append(f"**Figure, as the article gives it:** “{plain(fact.figure)}”")
        if isinstance(fact.quote, str):
            body.append(f"> “{plain(fact.quote)}”\n>\n> — {plain(fact.quote_by)}")
        st.markdown("\n\n".join(body))
        when = present.format_date(fact.event_date, fact.date_precision)
        if isinstance(fact.reported_date, str):
            reported = present.format_date(fact.reported_date, "month")
            when += f" (reported {reported})"
        where = (
            f"Article section “{fact.section}”, paragraph {fact.paragraph} · "
            if isinstance(fact.section, str)
            else ""
        )
        meta = f"{when} · {data.source_lines[fact.fact_id]} · {where}{fact.fact_id}"
        denials = "".join(
            f"  \n⚠ {plain(line)}" for line in data.denial_lines.get(fact.fact_id, [])
        )
        note = (
            f"  \nCoding note: {plain(fact.coding_note)}"
            if isinstance(fact.coding_note, str)
            else ""
        )
        link = data.source_links[fact.fact_id]
        st.caption(plain(meta) + (f" · {link}" if link else "") + denials + note)


def show_group(title: str, subset: list) -> None:
    if not subset:
        return
    st.header(title)
    for code in vocab.codes(vocab.CATEGORIES):
        in_category = [fact for fact in subset if fact.category == code]
        if in_category:
            st.subheader(labels[vocab.CATEGORIES][code])
            for fact in in_category:
                show_fact(fact)


if iso3 != profile.SUBJECT and entry["member"] and not facts:
    st.info(f"{figures.NO_SUPPORT_LABEL} for this country.", icon=":material/info:")
name = plain(entry["name"])
show_group(f"Support for Russia from {name}", [f for f in facts if f.direction != "from_russia"])
show_group(f"Russian support for {name}", [f for f in facts if f.direction == "from_russia"])
context = data.context_by_country.get(iso3, [])
if context:
    st.header("Context, not counted as support")
    st.caption(
        "What the sources also report about this country that is not support for the war; "
        "the map and the counts leave it out. Each card says why."
    )
    for fact in context:
        show_fact(fact)

if entry["member"]:
    st.header("UN General Assembly votes")
    chrome.dates()
    record = data.votes_of(iso3)
    st.markdown(
        plain(stance.summary((row.adopted, vote) for row, vote in record)).replace("\\;", ";  \n")
    )
    st.html(present.vote_strip(record, figures.VOTE_COLOURS))
    notes = [
        "Russia voted No on all of them, so a No is a vote with Russia and a Yes a vote "
        "against it. Hover a vote for its resolution. Source: United Nations (DGACM)."
    ]
    if any(vote == "absent" for _, vote in record):
        notes.insert(
            0,
            "Absent: not recorded as voting, including members without a vote under "
            "Article 19 of the UN Charter.",
        )
    st.caption(" ".join(notes))
chrome.credits()
