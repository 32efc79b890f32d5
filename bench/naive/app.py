"""The naive build of the same map, kept as the benchmark's yardstick. Do not use it.

Written the tutorial way on purpose: every rerun reads the CSV files and the shapes again, nothing
is cached, and the figure embeds the whole GeoJSON, so Streamlit re-sends it on every change. It
points plotly.js at the same local empty base map as the real app; without that it would never
paint offline and could not be measured at all.
"""

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import plotly.express as px
import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = {
    "arms": "Weapons and munitions",
    "exercises": "Joint exercises",
    "economic": "Economic ties",
    "sanctions": "Sanctions circumvention",
    "diplomatic": "Diplomatic cover",
    "territory": "Territory and bases",
}
PLOT_CONFIG = {"topojsonURL": "app/static/topojson/"}


def map_page():
    facts = pd.read_csv(ROOT / "data" / "facts.csv")
    shapes = gpd.read_file(ROOT / "static" / "boundaries.geojson")
    st.title("Who supports Russia's war against Ukraine, and how")
    chosen = st.pills(
        "Kinds of support",
        list(CATEGORIES),
        selection_mode="multi",
        default=list(CATEGORIES),
        format_func=CATEGORIES.get,
    )
    shown = facts[facts["category"].isin(chosen) & (facts["direction"] == "to_russia")]
    kinds = shown.groupby("iso3")["category"].nunique().rename("kinds")
    # Every shape, as the atlas draws it, so that "the map is painted" means the same for both.
    world = pd.DataFrame(shapes[["iso3", "name"]])
    table = world.merge(kinds, left_on="iso3", right_index=True, how="left").fillna({"kinds": 0})
    table.loc[table["iso3"] == "RUS", "kinds"] = -1
    figure = px.choropleth(
        table,
        geojson=json.loads(shapes.to_json()),
        locations="iso3",
        featureidkey="properties.iso3",
        color="kinds",
        hover_name="name",
        color_continuous_scale="YlOrRd",
    )
    figure.update_geos(visible=False)
    event = st.plotly_chart(figure, on_select="rerun", selection_mode="points", config=PLOT_CONFIG)
    if event and event.selection and event.selection.points:
        st.switch_page(country, query_params={"iso3": event.selection.points[0]["location"]})
    st.dataframe(table[table["kinds"] != 0])


def country_page():
    facts = pd.read_csv(ROOT / "data" / "facts.csv")
    countries = pd.read_csv(ROOT / "data" / "countries.csv")
    votes = pd.read_csv(ROOT / "data" / "un_votes.csv")
    iso3 = st.query_params.get("iso3", "")
    row = countries[countries["iso3"] == iso3]
    if row.empty:
        st.write("Unknown country")
        return
    st.title(row["name"].iloc[0])
    for fact in facts[facts["iso3"] == iso3].itertuples():
        st.write(fact.summary)
    st.dataframe(votes[votes["iso3"] == iso3])


home = st.Page(map_page, title="Map", default=True)
country = st.Page(country_page, title="Country", url_path="country")
st.navigation([home, country]).run()
