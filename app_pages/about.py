"""Sources and method: what the categories, evidence levels, colours and votes mean; downloads."""

import streamlit as st

import ui
from partners import figures, vocab

atlas = ui.data().atlas

st.title("Sources and method")
st.markdown(
    "The atlas brings together three things: the support for Russia that one news article "
    "documents, how every UN member voted on the General Assembly's six resolutions on the war, "
    "and a map of the world's countries. **The data is as of March 2023.**"
)

st.header("The facts")
st.markdown(
    f"""
The **{len(atlas.facts)} facts** come from one article by the Polish broadcaster tvn24.pl,
*What countries support Russia*, written around **21 March 2023** (Xi Jinping's visit to Moscow
began on Monday 20 March 2023), in the English translation of a site that republished it on
21 June 2024. Its relative dates ("last week", "at the end of January", "last December") are
read against March 2023.

Each fact is one sentence **in our own words**. A figure is given exactly as the article gives
it. Words in quotation marks are only those the article itself quotes from officials (Xi
Jinping, Vladimir Putin, Kim Jong Un, Bashar al-Assad, an Indian official), always attributed.
Each fact names the outlet the article credits (the New York Times, Le Parisien, PAP, Sky News,
CNN, IRNA, KCNA, Deutsche Welle, PISM) or tvn24.pl itself, and the section and paragraph of the
article it comes from. Where the article gives no date, the fact says so; where it describes an
ongoing situation, the date is when it was described.

The article covers China, Belarus, South Africa, Iran, India, North Korea and Syria, and the
countries that voted against the February 2023 resolution (Eritrea, Mali, Nicaragua). Countries
the article does not discuss are shown as *no support documented*: that means **this source**
does not document it, not that there is none.
"""
)

st.subheader("Kinds of support")
st.table(
    {
        "Kind": [t.label for t in vocab.CATEGORIES],
        "What it covers": [t.description for t in vocab.CATEGORIES],
    }
)
st.subheader("Direction")
st.table(
    {
        "Direction": [t.label for t in vocab.DIRECTIONS],
        "Meaning": [t.description for t in vocab.DIRECTIONS],
    }
)
st.subheader("Evidence levels, strongest first")
st.table(
    {
        "Evidence": [t.label for t in vocab.EVIDENCE],
        "Meaning": [t.description for t in vocab.EVIDENCE],
    }
)
st.markdown(
    "A country's *strongest evidence* is the strongest level among its facts. Disputed facts "
    "are included by default and marked ⚠ on the map, in its counts and on country pages; the "
    "Evidence filter on the map leaves them out."
)

st.header("The map's colours")
st.markdown(
    """
- **Support for Russia**: each country is coloured by how many of the *selected* kinds of
  support the article documents for it, from 1 to 5, on the ColorBrewer *YlOrRd* scale
  (sequential and readable with colour-blind vision). Countries with none are a quiet grey;
  Russia has its own dark purple, outside the scale, because it is the subject, not a partner.
  Territories that are not UN members (Taiwan, Kosovo, Western Sahara, Palestine…) are the
  palest grey.
- **UN vote**: yes in blue, no in red, abstain in orange (ColorBrewer *RdYlBu*, colour-blind
  safe), absent in grey. The legend's counts are the counts of the map's countries, and equal
  the official totals.
"""
)

st.header("UN General Assembly votes")
st.markdown(
    """
The six resolutions of the eleventh emergency special session, adopted by recorded vote between
March 2022 and February 2023. **Absent** means a member is in none of the three recorded lists
(yes, no, abstain): it did not vote, including members that had lost their vote under Article 19
of the UN Charter for arrears in their dues.
"""
)
resolutions = atlas.resolutions.rename(
    columns={
        "symbol": "Symbol",
        "adopted": "Adopted",
        "title": "Title",
        "yes": "Yes",
        "no": "No",
        "abstain": "Abstain",
        "meeting_record": "Meeting record",
    }
)[["Symbol", "Adopted", "Title", "Yes", "No", "Abstain", "Meeting record"]]
st.dataframe(resolutions, hide_index=True)

st.header("Sources and licences")
st.markdown(
    """
- **Facts**: tvn24.pl, *What countries support Russia. The war in Ukraine and the Kremlin's
  relations with China, Belarus, South Africa, Iran, India, North Korea and Syria* (about 21 March
  2023). Our summaries: CC BY 4.0.
- **UN votes**: United Nations, Department for General Assembly and Conference Management
  (DGACM), machine-readable extract of the ES-11 resolutions (GitHub repository
  UNxml/GAresolutions, commit a96b092, 14 February 2024); an unofficial copy for information,
  credited to the United Nations as its source. Member names are matched to ISO codes with the
  ISO 3166 tables of pycountry.
- **Boundaries**: Made with Natural Earth (Admin 0 countries, 1:10m, version 5.1.1, German point
  of view, in which Crimea is part of Ukraine). Public domain. Simplified for the web.

Every file and field is described, with its source, licence and as-of date, in the data
package below.
"""
)

st.header("Downloads")
MIME = {".csv": "text/csv", ".geojson": "application/geo+json", ".json": "application/json"}
files = [(path, MIME[path.suffix]) for path in ui.source_files()]
columns = st.columns(3)
for number, (path, mime) in enumerate(files):
    columns[number % 3].download_button(
        path.name,
        path.read_bytes,  # read when clicked, not on every rerun
        file_name=path.name,
        mime=mime,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{path.name}",
    )
st.caption(
    f"The map fetches its shapes once from {figures.GEOJSON_URL} and draws with no request to "
    "any other host."
)
