"""One country: its profile, facts by kind, its six UN votes and a locator map."""

import streamlit as st

import ui
from partners import figures, present, profile, vocab
from partners.present import plain

atlas, index = ui.data()
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
    ui.country_picker(index, key="country_picker_empty")
    ui.credits()
    st.stop()

entry = index.loc[iso3]
labels = {
    v: vocab.labels(v) for v in (vocab.CATEGORIES, vocab.EVIDENCE, vocab.OUTLETS, vocab.VOTES)
}
table = profile.build_profile(atlas.facts, atlas.countries, atlas.votes, atlas.resolutions)
facts = atlas.facts[atlas.facts["iso3"] == iso3]

head, locator = st.columns([2, 1], vertical_alignment="top")
with head:
    st.title(plain(entry["name"]))
    if iso3 == profile.SUBJECT:
        st.markdown("**The country the atlas is about.** Its partners are on the map.")
    elif not entry["member"]:
        st.markdown("Not a UN member: no UN votes. No support documented in the source.")
    else:
        st.markdown(plain(present.profile_line(table.loc[iso3])))
    ui.country_picker(index, key="country_picker", label="Another country")
with locator:
    if entry["bounds"] is not None:
        st.plotly_chart(
            figures.locator_map(iso3, list(index.index), entry["bounds"]),
            config=figures.PLOT_CONFIG | {"staticPlot": True},
            key="locator",
        )

EVIDENCE_COLOURS = {
    "public_record": "green",
    "official_statement": "blue",
    "media_report": "gray",
    "disputed": "orange",
}


def show_fact(fact) -> None:
    """One fact as a card: summary, figure, quote, date, outlet and evidence."""
    with st.container(border=True):
        badge_icon = ":material/warning:" if fact.evidence == "disputed" else None
        st.badge(
            labels[vocab.EVIDENCE][fact.evidence],
            color=EVIDENCE_COLOURS[fact.evidence],
            icon=badge_icon,
        )
        st.markdown(plain(fact.summary))
        if isinstance(fact.figure, str):
            st.markdown(f"**Figure:** {plain(fact.figure)}")
        if isinstance(fact.quote, str):
            st.markdown(f"> “{plain(fact.quote)}”\n>\n> — {plain(fact.quote_by)}")
        when = present.format_date(fact.event_date, fact.date_precision)
        if isinstance(fact.reported_date, str):
            reported = present.format_date(fact.reported_date, "month")
            when += f" (reported {reported})"
        st.caption(
            plain(
                f"{when} · Source: {labels[vocab.OUTLETS][fact.outlet]}, as cited by tvn24.pl · "
                f"Article section “{fact.section}”, paragraph {fact.paragraph} · {fact.fact_id}"
            )
        )
        if fact.evidence == "disputed":
            st.caption("⚠ Disputed: the country concerned denies it.")


def show_group(title: str, subset) -> None:
    if subset.empty:
        return
    st.header(title)
    for code in vocab.codes(vocab.CATEGORIES):
        in_category = subset[subset["category"] == code]
        if len(in_category):
            st.subheader(labels[vocab.CATEGORIES][code])
            for fact in in_category.itertuples():
                show_fact(fact)


if iso3 != profile.SUBJECT and entry["member"] and facts.empty:
    st.info("No support documented in the source for this country.", icon=":material/info:")
name = plain(entry["name"])
show_group(f"Support for Russia from {name}", facts[facts["direction"] != "from_russia"])
show_group(f"Russian support for {name}", facts[facts["direction"] == "from_russia"])

if entry["member"]:
    st.header("UN General Assembly votes")
    votes = atlas.votes[atlas.votes["iso3"] == iso3].set_index("symbol")["vote"]
    VOTE_BADGE = {"yes": "blue", "no": "red", "abstain": "orange", "absent": "gray"}
    columns = st.columns(len(atlas.resolutions))
    for column, row in zip(columns, atlas.resolutions.itertuples(), strict=True):
        with column:
            vote = votes.get(row.symbol, "absent")
            st.caption(plain(f"{row.adopted} · {row.symbol}"))
            st.badge(labels[vocab.VOTES][vote], color=VOTE_BADGE[vote])
            st.markdown(plain(row.short_title), help=plain(row.title))
    st.caption(
        "Absent: not recorded as voting, including members without a vote under Article 19 "
        "of the UN Charter. Source: United Nations (DGACM)."
    )
ui.credits()
