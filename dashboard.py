"""Entry point: page config and navigation. The pages are thin; the logic lives in partners/."""

import streamlit as st

st.set_page_config(
    page_title="Russia's partners: an atlas",
    page_icon="🌍",
    layout="wide",
)

pages = [
    st.Page("app_pages/map.py", title="Map", icon=":material/public:", default=True),
    st.Page("app_pages/country.py", title="Countries", icon=":material/flag:", url_path="country"),
    st.Page(
        "app_pages/about.py",
        title="Sources and method",
        icon=":material/menu_book:",
        url_path="about",
    ),
]
st.navigation(pages, position="top").run()
