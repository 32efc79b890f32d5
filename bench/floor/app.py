"""The floor: the least a Streamlit page with one control can cost, measured like the atlas.

One row of pills and one line of text that says what is chosen. Its warm load, its repaint after
a click and the bytes that click costs are what any Streamlit page pays, so the atlas's figures
can be read as what it adds to them.
"""

import streamlit as st

KINDS = ["Arms", "Exercises", "Economic", "Sanctions", "Diplomatic", "Territory"]
chosen = st.pills("Kinds", KINDS, selection_mode="multi", default=KINDS, key="cat")
st.write(f"Floor page: {len(chosen)} of {len(KINDS)} chosen ({', '.join(chosen) or 'none'}).")
