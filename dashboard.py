"""The map, the app's home page: who supports Russia and how, or how each country voted at the UN.

Streamlit runs this file as the first page of its folder-based mode (the others are in pages/).
"""

import streamlit as st

from pages._shared import ui
from partners import figures, present, site, views, vocab

ui.page_setup(site.MAP)
data = ui.data()
index = data.index
if "iso3" in st.query_params:  # left over from a country page's address after Back
    del st.query_params["iso3"]
VIEWS = {"support": "Support for Russia", "vote": "UN vote"}
# Read before the widgets run: Streamlit drops values it cannot use from the address.
asked = {key: st.query_params.get_all(key) for key in st.query_params}
# Links made before "Military supplies" was split in two still open the same view.
# A link made before "Military supplies" was split in two is sent on to the same view in today's
# terms (the filters read the address only when a page opens, so the fix is a fresh address).
if "cat" in asked:
    translated = present.former_codes(asked["cat"], vocab.CATEGORIES, vocab.FORMER_CATEGORIES)
    if translated is not None:
        labels = vocab.labels(vocab.CATEGORIES)
        st.switch_page(
            site.MAP.script, query_params=asked | {"cat": [labels[c] for c in translated]}
        )

st.title("Who supports Russia's war against Ukraine, and how")
ui.credits()

# Every control is bound to the URL (bind="query-params"), so a view can be shared and is
# restored when its URL is opened; values left at their defaults stay out of the URL, and
# values Streamlit does not recognise are dropped from it.
top = st.columns([1.1, 1.6, 1.3], vertical_alignment="bottom")
view = top[0].segmented_control(
    "Colour the map by",
    list(VIEWS),
    default="support",
    required=True,
    format_func=VIEWS.get,
    key="view",
    bind="query-params",
)
symbol = top[1].selectbox(
    "UN General Assembly resolution",
    list(reversed(data.resolution_labels)),  # latest first
    format_func=data.resolution_labels.get,
    key="res",
    bind="query-params",
    disabled=view != "vote",
    help="The General Assembly's resolutions on the war, latest first.",
)
with top[2]:
    ui.country_picker(data, key="map_picker")


def filter_pills(column, label: str, vocabulary, key: str, default=None, help=None) -> list[str]:
    """A multi-select row of pills for one vocabulary, bound to the URL under `key`."""
    return column.pills(
        label,
        vocab.codes(vocabulary),
        selection_mode="multi",
        default=vocab.codes(vocabulary) if default is None else default,
        format_func=vocab.labels(vocabulary).get,
        key=key,
        bind="query-params",
        wrap=True,
        help=help,
    )


filters_row = st.columns([2.6, 1.0, 1.5])
categories = filter_pills(filters_row[0], "Kinds of support", vocab.CATEGORIES, "cat")
directions = filter_pills(
    filters_row[1],
    "Direction",
    vocab.DIRECTIONS,
    "dir",
    default=["to_russia"],
    help="To Russia: support the country gives Russia. From Russia: what Russia gives it.",
)
evidence = filter_pills(
    filters_row[2],
    "Evidence",
    vocab.EVIDENCE,
    "ev",
    help="Disputed: the accused country denies it. See Sources and method.",
)

accepted = {
    "view": VIEWS.values(),
    "res": data.resolution_labels.values(),
    "cat": vocab.labels(vocab.CATEGORIES).values(),
    "dir": vocab.labels(vocab.DIRECTIONS).values(),
    "ev": vocab.labels(vocab.EVIDENCE).values(),
}
if present.unusable_params(asked, accepted):
    st.info(
        "Parts of this link were not understood and were left out; the map shows the rest.",
        icon=":material/link_off:",
    )

state = views.MapState(view, symbol, tuple(categories), tuple(directions), tuple(evidence))
shown = ui.map_view(data, state)
event = st.plotly_chart(
    shown.figure,
    key="world_map",
    on_select="rerun",
    selection_mode="points",
    config=figures.PLOT_CONFIG,
)
points = event.selection.points if event and event.selection else []
if points and points[0].get("location") in index.index:
    ui.open_country(points[0]["location"])

if not categories or not directions or not evidence:
    st.info("Nothing is selected in one of the filters, so no support is shown.")
st.markdown(
    f"**{shown.n_partners}** countries with documented support · **{shown.n_facts}** facts"
    + (f" · **{shown.n_disputed}** disputed (⚠)" if shown.n_disputed else "")
    + " · Click a country or pick one above to read its facts."
)

st.subheader("What the map shows")
st.dataframe(
    shown.table,
    hide_index=True,
    column_config={
        "Page": st.column_config.LinkColumn("Page", display_text="Open"),
        "Facts": st.column_config.NumberColumn(width="small"),
        "Headline": st.column_config.TextColumn(width="large"),
    },
)
st.download_button(
    f"Download these {shown.n_facts} facts (CSV)",
    # A callable is only run when the reader clicks: nothing is stored or fetched per rerun.
    lambda: shown.facts_csv,
    on_click="ignore",
    file_name="russia-partners-facts.csv",
    mime="text/csv",
    icon=":material/download:",
)
