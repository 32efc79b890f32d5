"""Votes against actions: how each member voted in a period, beside the support the sources
document for it in the same period; with what the view shows and what it cannot."""

import streamlit as st

from pages._shared import address, chrome, pickers, store, world
from partners import actions, scatter, site, stance, timeline, words

chrome.page_setup(site.ACTIONS)
data = store.data()
unusable = address.read(actions.ADDRESS)

st.title("Votes and actions")
st.markdown(
    "Does a country's vote at the UN match what it does? Each dot places UN members by how they "
    "voted in a period: the share of their votes that were with Russia (left to right) and the "
    "share that were abstentions (bottom to top); the rest were against Russia. The members "
    "with support documented in the same period are named and coloured by its kinds, as on the "
    "map; the table beside gives their counts."
)
chrome.dates()
if unusable:
    st.info(
        "The period in this link was not understood; "
        f"{stance.find_period(actions.DEFAULT_PERIOD).label} is shown.",
        icon=":material/link_off:",
    )
period_code = pickers.period_control("Votes in", actions.KEY)
address.keep(actions.ADDRESS)
period = stance.find_period(period_code)
table = store.votes_actions(data, period.code)
documented = int(table["documented"].sum())
sources = timeline.sources_phrase(data.atlas.support, data.atlas.sources, period.code)

chart, beside = st.columns([3, 2], gap="medium")
with chart:
    event = st.plotly_chart(
        scatter.votes_actions(
            table, period_label=period.label, height=340 if chrome.screen() == "phone" else 480
        ),
        key="votes_actions",
        on_select="rerun",
        selection_mode="points",
        config={"displayModeBar": False, "responsive": True},
    )
    world.legend(scatter.legend(table, period.label))
    points = event.selection.points if event and event.selection else []
    if points and points[0].get("customdata") in data.index.index:
        pickers.open_country(points[0]["customdata"])
    st.caption(
        f"Grey dots: members with no support documented in {period.label}; a bigger dot stands "
        "for several "
        "members that voted alike (hover to see them). Dots on the dotted line never voted "
        "against Russia. Click a named dot to open its country's page."
    )
with beside:
    st.subheader(f"Members with support documented in {period.label}")
    st.html(actions.table_html(data, table, period.label))
    st.caption(
        "Each period's cell: votes with Russia or abstentions, of the votes the member cast in "
        "that period, with its class (more than half one way). Kinds count the period's facts "
        "in every direction."
    )

st.header("What this shows, and what it cannot")
st.markdown("\n".join(f"- {line}" for line in actions.findings(table, period.label)))
st.markdown(
    f"""
- **The facts are those dated in {period.label}**: {words.count(documented, "member")} with
  support documented {sources}. A grey dot is a member the sources document no support for in
  that period, not one that gives Russia nothing.
- **The two axes are different things.** A vote is one act on one day; the kinds of support
  are whatever the sources reported. Neither explains the other, and the view claims no cause.
- **Abstaining is counted with voting with Russia** here, as the votes that did not condemn it;
  the table and each dot's hover keep the two apart. Absences are left out of the share and
  shown in the counts; a member absent throughout a period is not placed.
- **Periods hold different resolutions** (Crimea before 2022; the war after), so compare
  countries within a period rather than one country across periods.
"""
)
chrome.credits()
