"""Entry point: page config and a first look at the data package."""

import streamlit as st

from partners import load

st.set_page_config(page_title="Russia's partners", layout="wide")


@st.cache_resource
def atlas() -> load.Atlas:
    """Loaded and validated once per server process; read-only after that."""
    return load.load_atlas()


st.title("Who supports Russia's war against Ukraine, and how")
try:
    data = atlas()
except load.DataError as exc:
    st.error(str(exc))
    st.stop()
st.write(f"{len(data.facts)} facts, {len(data.votes)} UN votes, {len(data.shapes)} shapes.")
st.dataframe(data.facts, hide_index=True)
