"""Votes against actions: how each member voted in a period, beside the support the sources
document for it in the same period; with what the view shows and what it cannot."""

import streamlit as st

from pages._shared import address, chrome, pickers, store, world
from partners import actions, scatter, site, stance, timeline
from partners.i18n import _, ngettext

chrome.page_setup(site.ACTIONS)
data = store.data()
unusable = address.read(actions.ADDRESS)

st.title(_(site.ACTIONS.title))
st.markdown(
    _(
        "Does a country's vote at the UN match what it does? Each dot places UN members by how "
        "they voted in a period: the share of their votes that were with Russia (left to right) "
        "and the share that were abstentions (bottom to top); the rest were against Russia. The "
        "members with support documented in the same period are named and coloured by its "
        "kinds, as on the map; the table beside gives their counts."
    )
)
chrome.dates()
if unusable:
    st.info(
        _("The period in this link was not understood; {period} is shown.").format(
            period=stance.find_period(actions.DEFAULT_PERIOD).label
        ),
        icon=":material/link_off:",
    )
period_code = pickers.period_control(_("Votes in"), actions.KEY)
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
        _(
            "Grey dots: members with no support documented in {period}; a bigger dot stands "
            "for several members that voted alike (hover to see them). Dots on the dotted line "
            "never voted against Russia. Click a named dot to open its country's page."
        ).format(period=period.label)
    )
with beside:
    st.subheader(_("Members with support documented in {period}").format(period=period.label))
    st.html(actions.table_html(data, table, period.label))
    st.caption(
        _(
            "Each period's cell: votes with Russia or abstentions, of the votes the member cast "
            "in that period, with its class (more than half one way). Kinds count the period's "
            "facts in every direction."
        )
    )

st.header(_("What this shows, and what it cannot"))
st.markdown("\n".join(f"- {line}" for line in actions.findings(table, period.label)))
facts_line = ngettext(
    "**The facts are those dated in {period}**: {n} member with support documented {sources}.",
    "**The facts are those dated in {period}**: {n} members with support documented {sources}.",
    documented,
).format(period=period.label, n=documented, sources=sources)
caveats = [
    facts_line
    + " "
    + _(
        "A grey dot is a member the sources document no support for in that period, not one "
        "that gives Russia nothing."
    ),
    _(
        "**The two axes are different things.** A vote is one act on one day; the kinds of "
        "support are whatever the sources reported. Neither explains the other, and the view "
        "claims no cause."
    ),
    _(
        "**Abstaining is counted with voting with Russia** here, as the votes that did not "
        "condemn it; the table and each dot's hover keep the two apart. Absences are left out "
        "of the share and shown in the counts; a member absent throughout a period is not "
        "placed."
    ),
    _(
        "**Periods hold different resolutions** (Crimea before 2022; the war after), so compare "
        "countries within a period rather than one country across periods."
    ),
]
st.markdown("\n".join(f"- {line}" for line in caveats))
chrome.credits()
