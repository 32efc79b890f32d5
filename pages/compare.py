"""Up to six countries side by side: their votes on every resolution and their documented support.

The selection lives in the address (`?countries=CHN,IND,ZAF`), so a comparison can be shared,
and Back and Forward step through the selections made.
"""

import streamlit as st

from pages._shared import address, chrome, store
from partners import compare, figures, site
from partners import names as names_module
from partners.i18n import _

chrome.page_setup(site.COMPARE)
data = store.data()
index = data.index
members = [code for code in index.index if index.loc[code, "member"]]  # by name
names = index["name"].to_dict()
ADDRESS = compare.address(members)
unusable = address.read(ADDRESS)

st.title(_("Compare countries"))
st.markdown(
    _(
        "Pick up to six countries to see, side by side, how they voted on every UN General "
        "Assembly resolution about Russia's war against Ukraine and occupied Crimea, and the "
        "support for Russia the sources document for each, on the same periods."
    )
)
chrome.dates()
if unusable:
    st.info(
        _(
            "Parts of this link were not understood (an unknown code, or more than six "
            "countries) and were left out."
        ),
        icon=":material/link_off:",
    )
# Streamlit draws a chosen country as white text on the theme's primary colour, which no orange
# can carry in the dark theme while also reading as text on the dark page (axe: 2.3:1). Here the
# chips take the page's own text colour, outlined: readable in either theme.
st.html(
    "<style>/* atlas-chips */ .st-key-compare [data-tag] { background: transparent !important; "
    "border: 1px solid currentColor; color: inherit !important; }"
    ".st-key-compare [data-tag] * { color: inherit !important; }</style>"
)


def _as_codes() -> None:
    """A country chosen by another of its names ('Chiny') becomes its code, once."""
    picked = st.session_state["compare"]
    st.session_state["compare"] = list(dict.fromkeys(names_module.target(o) for o in picked))


chosen = st.multiselect(
    _("Countries to compare (up to six)"),
    data.compare_options,
    format_func=data.compare_texts.get,
    on_change=_as_codes,
    max_selections=compare.MOST,
    key="compare",
    placeholder=_("Type a country's name…"),
    persist_state="session",
    # A name matches from its start, as in every picker (partners/names.py: 'India' is not
    # Indonesia), and no 'select all matches' entry sits on top of the list for Enter to take.
    filter_mode="prefix",
    select_all=False,
)
address.keep(ADDRESS)

if not chosen:
    st.page_link(
        site.COMPARE.script,
        label=_("Try China, India and South Africa"),
        query_params=compare.to_params(compare.EXAMPLE),
        icon=":material/arrow_forward:",
    )
    chrome.credits()
    st.stop()

with st.container(horizontal=True, gap="small", key="compare_links"):
    for code in chosen:
        st.page_link(
            site.COUNTRY.script,
            label=_("{owner}: its page").format(owner=names[code]),
            query_params=site.country_params(code),
            icon=":material/flag:",
        )

st.header(_("UN General Assembly votes"))
st.caption(
    _(
        "Russia voted No on every one, so a No is a vote with Russia and a Yes a vote against "
        "it. Each period opens with the country's class there: 'mostly' one way when more than "
        "half of its votes went that way, else 'mixed'. Absent: not recorded as voting."
    )
)
st.html(compare.votes_table(data, chosen, figures.VOTE_COLOURS))

st.header(_("Documented support, by kind"))
st.caption(
    _(
        "Support facts the sources document for each country, by kind: each direction (to "
        "Russia, from Russia, mutual) with the strongest evidence for that kind in it, and the "
        "periods of the UN votes above that the facts are dated in, as of {date}. A dash means "
        "the sources document none of that kind: not that there is none."
    ).format(date=store.package().facts_as_of)
)
st.html(compare.support_table(data, chosen))
st.download_button(
    _("Download these countries' votes (CSV)"),
    chrome.when_clicked(lambda: compare.csv(data, chosen)),
    on_click="ignore",
    file_name=f"un-votes-{'-'.join(chosen).lower()}.csv",
    mime="text/csv",
    icon=":material/download:",
)
chrome.credits()
