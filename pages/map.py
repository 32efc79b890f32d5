"""The map: who supports Russia and how, or how each country voted at the UN."""

import streamlit as st

import ui
from partners import figures, present, profile, vocab

atlas, index = ui.data()
if "iso3" in st.query_params:  # left over from a country page's address after Back
    del st.query_params["iso3"]
resolutions = atlas.resolutions.sort_values("adopted", ascending=False)  # latest first
short = dict(zip(resolutions["symbol"], resolutions["short_title"], strict=True))
adopted = dict(zip(resolutions["symbol"], resolutions["adopted"], strict=True))

st.title("Who supports Russia's war against Ukraine, and how")
ui.credits()

# Every control is bound to the URL (bind="query-params"), so a view can be shared and is
# restored when its URL is opened; values left at their defaults stay out of the URL.
top = st.columns([1.1, 1.6, 1.3], vertical_alignment="bottom")
view = top[0].segmented_control(
    "Colour the map by",
    ["support", "vote"],
    default="support",
    required=True,
    format_func={"support": "Support for Russia", "vote": "UN vote"}.get,
    key="view",
    bind="query-params",
)
symbol = top[1].selectbox(
    "UN General Assembly resolution",
    list(resolutions["symbol"]),
    format_func=lambda s: f"{adopted[s]} · {short[s]} ({s})",
    key="res",
    bind="query-params",
    disabled=view != "vote",
    help="The six resolutions of the emergency special session on Ukraine, latest first.",
)
with top[2]:
    ui.country_picker(index, key="map_picker")

labels = {v: vocab.labels(v) for v in (vocab.CATEGORIES, vocab.DIRECTIONS, vocab.EVIDENCE)}
filters_row = st.columns([2.2, 1.1, 1.7])
categories = filters_row[0].pills(
    "Kinds of support",
    vocab.codes(vocab.CATEGORIES),
    selection_mode="multi",
    default=vocab.codes(vocab.CATEGORIES),
    format_func=labels[vocab.CATEGORIES].get,
    key="cat",
    bind="query-params",
    wrap=True,
)
directions = filters_row[1].pills(
    "Direction",
    vocab.codes(vocab.DIRECTIONS),
    selection_mode="multi",
    default=["to_russia"],
    format_func=labels[vocab.DIRECTIONS].get,
    key="dir",
    bind="query-params",
    help="To Russia: support the country gives Russia. From Russia: what Russia gives it.",
)
evidence = filters_row[2].pills(
    "Evidence",
    vocab.codes(vocab.EVIDENCE),
    selection_mode="multi",
    default=vocab.codes(vocab.EVIDENCE),
    format_func=lambda c: labels[vocab.EVIDENCE][c] + (" ⚠" if c == "disputed" else ""),
    key="ev",
    bind="query-params",
    wrap=True,
    help="Disputed: the accused country denies it. See Sources and method.",
)

chosen = profile.Filters(tuple(categories), tuple(directions), tuple(evidence))
table = profile.build_profile(atlas.facts, atlas.countries, atlas.votes, atlas.resolutions, chosen)
non_members = index[~index["member"]][["name"]]
vote_column = profile.vote_columns(atlas.resolutions)[symbol]
if view == "vote":
    classes, legend = figures.vote_legend(table, vote_column)
    title = f"Vote on {symbol}, {adopted[symbol]}: {short[symbol]}"
else:
    classes, legend = figures.support_legend(table)
    title = "Kinds of support documented (of those selected)"

# ⚠ on the map marks the countries whose shown facts include disputed ones.
marks = [] if view == "vote" else list(index.loc[table.index[table["has_disputed"]], "point"])
figure = figures.world_map(table, non_members, classes, legend, title=title, marks=marks)
event = st.plotly_chart(
    figure,
    key="world_map",
    on_select="rerun",
    selection_mode="points",
    config=figures.PLOT_CONFIG,
)
points = event.selection.points if event and event.selection else []
if points and points[0].get("location") in index.index:
    ui.open_country(points[0]["location"])

shown = chosen.apply(atlas.facts)
partners = table[(table["n_facts"] > 0) & ~table["is_subject"]]
disputed = int((shown["evidence"] == "disputed").sum())
if not categories or not directions or not evidence:
    st.info("Nothing is selected in one of the filters, so no support is shown.")
st.markdown(
    f"**{len(partners)}** countries with documented support · **{len(shown)}** facts"
    + (f" · **{disputed}** disputed (⚠)" if disputed else "")
    + " · Click a country or pick one above to read its facts."
)

st.subheader("What the map shows")
st.dataframe(
    present.map_table(table, vote_column if view == "vote" else None),
    hide_index=True,
    column_config={
        "Page": st.column_config.LinkColumn("Page", display_text="Open"),
        "Facts": st.column_config.NumberColumn(width="small"),
        "Headline": st.column_config.TextColumn(width="large"),
    },
)
download = present.facts_table(shown, index["name"])
st.download_button(
    f"Download these {len(download)} facts (CSV)",
    download.to_csv(index=False).encode("utf-8"),
    file_name="russia-partners-facts.csv",
    mime="text/csv",
    icon=":material/download:",
)
