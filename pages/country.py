"""One country: its profile, facts by kind, its six UN votes and a locator map."""

import streamlit as st

from pages._shared import ui
from partners import figures, present, profile, site, vocab
from partners.present import plain

ui.page_setup(site.COUNTRY)
data = ui.data()
index = data.index
iso3 = present.parse_iso3(st.query_params.get_all("iso3"), index.index)

if iso3 is None:
    # Never echo the parameter: it may be anything, of any length.
    asked = bool(st.query_params.get_all("iso3"))
    st.title("Countries")
    if asked:
        st.warning(
            "That link does not name a country in the atlas. Country links look like "
            "country?iso3=FRA, with a three-letter ISO code. Pick a country below instead.",
            icon=":material/travel_explore:",
        )
    else:
        st.write("Pick a country to read what the source says about it and how it voted at the UN.")
    ui.country_picker(data, key="country_picker_empty")
    ui.credits()
    st.stop()

entry = index.loc[iso3]
labels = {
    v: vocab.labels(v) for v in (vocab.CATEGORIES, vocab.EVIDENCE, vocab.OUTLETS, vocab.VOTES)
}
table = data.profile
facts = data.facts_by_country.get(iso3, [])

head, locator = st.columns([2, 1], vertical_alignment="top")
with head:
    st.title(plain(entry["name"]))
    if iso3 == profile.SUBJECT:
        st.markdown("**The country the atlas is about.** Its partners are on the map.")
    elif not entry["member"]:
        st.markdown("Not a UN member: no UN votes. No support documented in the source.")
    else:
        st.markdown(plain(present.profile_line(table.loc[iso3])))
    ui.country_picker(data, key="country_picker", label="Another country")
with locator:
    if entry["bounds"] is not None:
        st.plotly_chart(
            ui.locator(data, iso3),
            config=figures.PLOT_CONFIG | {"staticPlot": True},
            key="locator",
        )


def show_fact(fact) -> None:
    """One fact as a card: summary, figure, quote, date, outlet and evidence."""
    with st.container(border=True):
        badge_icon = ":material/warning:" if fact.evidence == "disputed" else None
        st.badge(
            labels[vocab.EVIDENCE][fact.evidence],
            color=figures.EVIDENCE_BADGES[fact.evidence],
            icon=badge_icon,
        )
        # One markdown block and one caption per card: fewer elements, a faster page.
        body = [plain(fact.summary)]
        if isinstance(fact.figure, str):
            body.append(f"**Figure:** {plain(fact.figure)}")
        if isinstance(fact.quote, str):
            body.append(f"> “{plain(fact.quote)}”\n>\n> — {plain(fact.quote_by)}")
        st.markdown("\n\n".join(body))
        when = present.format_date(fact.event_date, fact.date_precision)
        if isinstance(fact.reported_date, str):
            reported = present.format_date(fact.reported_date, "month")
            when += f" (reported {reported})"
        meta = (
            f"{when} · Source: {labels[vocab.OUTLETS][fact.outlet]}, as cited by tvn24.pl · "
            f"Article section “{fact.section}”, paragraph {fact.paragraph} · {fact.fact_id}"
        )
        disputed = (
            "  \n⚠ Disputed: the country concerned denies it."
            if fact.evidence == "disputed"
            else ""
        )
        st.caption(plain(meta) + disputed)


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
    st.info("No support documented in the source for this country.", icon=":material/info:")
name = plain(entry["name"])
show_group(f"Support for Russia from {name}", [f for f in facts if f.direction != "from_russia"])
show_group(f"Russian support for {name}", [f for f in facts if f.direction == "from_russia"])

if entry["member"]:
    st.header("UN General Assembly votes")
    record = data.votes_of(iso3)
    columns = st.columns(len(record))
    for column, (row, vote) in zip(columns, record, strict=True):
        with column:
            st.caption(plain(f"{row.adopted} · {row.symbol}"))
            badge = f":{figures.VOTE_BADGES[vote]}-badge[{labels[vocab.VOTES][vote]}]"
            st.markdown(f"{badge}  \n{plain(row.short_title)}", help=plain(row.title))
    st.caption(
        "Absent: not recorded as voting, including members without a vote under Article 19 "
        "of the UN Charter. Source: United Nations (DGACM)."
    )
ui.credits()
