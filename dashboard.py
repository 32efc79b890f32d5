"""The map, the app's home page: who supports Russia and how, or how each country voted at the UN.

Streamlit runs this file as the first page of its folder-based mode (the others are in pages/).
On a desktop the controls sit in the side panel. On a phone they sit on the page, folded, just
above the map, and the table under the map is folded too: each is drawn when the reader opens it,
so that a phone's first paint is the title, the legend and the map.
"""

import streamlit as st

from pages._shared import address, chrome, pickers, store, world
from partners import present, site, timeline, urlstate, vocab
from partners.i18n import _

chrome.page_setup(site.MAP)
data = store.data()
symbols = [row.symbol for row in data.resolutions]
ADDRESS = urlstate.map_address(symbols)
unusable = address.read(ADDRESS)

# A phone shows the side panel over the map: there the resolution slider sits on the page, just
# above the map, so that the reader sees the map change as they slide.
phone = chrome.screen() == "phone"
# Embedded in another page (?embed=true), the map comes first: title, legend, map, credits and
# a link to the full atlas, with the controls only when the link asks for them (controls=true).
embedded = chrome.embedded()
controls = not embedded or chrome.embed_controls()


def resolution_slider(caption: bool = True) -> None:
    """The resolution to colour the map by, in date order, so that sliding right moves forward
    in time (arrow keys work too), and its name under it."""
    symbol = st.select_slider(
        _("UN General Assembly resolution, in date order"),
        symbols,
        format_func=data.resolution_ticks.get,
        key="res",
        persist_state="session",
    )
    if caption:
        st.caption(present.plain(data.resolution_labels[symbol]))


def facts_from() -> None:
    """Which facts the support map counts: those of now, or of one period (the article's)."""
    pickers.one_of(_("Facts from"), timeline.WHEN, "when")


# The controls. Their values come from the address when the reader arrives (pages/_shared/
# address.py); each change reruns the page, which writes the view back in short codes.
def side_panel() -> None:
    """The country picker and the filters, in the side panel."""
    pickers.country_picker(data, key="map_picker", folded=True)
    view = pickers.one_of(_("Colour the map by"), urlstate.VIEWS, "view")
    if view == "support" and phone:
        facts_from()
    if view == "vote" and not phone:
        resolution_slider()
    elif view == "period":
        pickers.period_control(_("Period"), "per")
        st.caption(
            _(
                "Each member's class across the period's resolutions: 'mostly' one way when "
                "more than half of its votes went that way, else 'mixed'."
            )
        )
    if view == "support":

        def pills(label: str, vocabulary, key: str) -> list[str]:
            """A multi-select row of pills for one vocabulary."""
            return st.pills(
                label,
                vocab.codes(vocabulary),
                selection_mode="multi",
                format_func=vocab.labels(vocabulary).get,
                key=key,
                persist_state="session",
            )

        pills(_("Kinds of support"), vocab.CATEGORIES, "cat")
        pills(_("Direction"), vocab.DIRECTIONS, "dir")
        st.caption(
            _("To Russia: support a country gives Russia. From Russia: what Russia gives it.")
        )
        pills(_("Evidence"), vocab.EVIDENCE, "ev")
        st.caption(_("Disputed: the country concerned denies it (see Sources and method)."))


if controls and not phone:
    with st.sidebar:
        side_panel()

# Hidden controls (the support filters in a vote view) keep their values for the session.
state = urlstate.from_controls(address.values(ADDRESS), symbols)
address.keep(ADDRESS)
shown = store.map_view(data, state)

st.title(shown.title)
if state.view == "support" and controls and not phone:
    # On a desktop's page, not in the side panel: which facts the map counts is the first thing
    # to see, and the article's own view is one click away. A phone's first screen is the map
    # (the choice costs a tenth of its paint: bench): there it heads the folded controls, and
    # the title and subtitle say which facts are shown.
    facts_from()


def subtitle() -> None:
    """What is shown and from which sources: a caption in an embed, else text."""
    (st.caption if embedded else st.markdown)(present.plain(shown.subtitle))


# On a phone the subtitle (five lines there) goes under the map, so that the legend and the map
# are in the first screen; the legend (drawn by the map, above it) says what grey means too.
if not phone:
    subtitle()
if unusable:
    st.info(
        _("Parts of this link were not understood and were left out; the map shows the rest."),
        icon=":material/link_off:",
    )
if controls and phone:
    # On a phone the controls sit on the page, folded, just above the map (the side panel
    # covered the map). Opened, they are about 700 px tall and push the map below the first
    # screen: a more compact control would keep it in sight.
    if box := chrome.folded(st.expander, _("Filters and country picker"), key="phone_controls"):
        with box:
            side_panel()
elif controls:
    st.caption(_("The filters and the country picker are in the side panel."))
if state.view == "vote" and phone and controls:
    resolution_slider(caption=False)  # the title and subtitle name the resolution just above
pinned = urlstate.pinned_params(state, symbols)  # the view as a shared link carries it
full_view = address.share_link(pinned) if embedded else None
# In an embed a country opens in the full atlas, in a new tab, not inside someone's frame.
opened = world.world_map(shown, key="world_map", outside=full_view)
if opened in data.index.index:
    pickers.open_country(opened)
if phone:
    subtitle()
if embedded:
    chrome.credits()
    st.markdown(_("[Open this view in the full atlas ↗]({link})").format(link=full_view))
    st.stop()

if state.view == "support" and not (state.categories and state.directions and state.evidence):
    st.info(_("Nothing is selected in one of the filters, so no support is shown."))
st.markdown(shown.summary)


def below_map() -> None:
    """The downloads, the share box and the table of what the map shows."""
    world.map_actions(shown, pinned)
    st.header(_("What the map shows"))
    st.caption(shown.table_note)
    world.map_table(shown)


if not phone:
    below_map()
elif box := chrome.folded(
    st.expander, _("The table, the downloads and a link to this view"), key="phone_table"
):
    with box:
        below_map()
chrome.dates()
chrome.credits()
