"""Sources and method: what the categories, evidence levels, colours and votes mean; downloads."""

import streamlit as st

from pages._shared import chrome, store
from partners import dates, figures, present, site, stance, vocab
from partners.present import plain

chrome.page_setup(site.ABOUT)
atlas = store.data().atlas
package = store.package()
article = package.article()

st.title("Sources and method")
st.markdown(
    "The atlas brings together three things: the support for Russia that one news article "
    "documents, how every UN member voted on the General Assembly's resolutions on the war and "
    "occupied Crimea (2019 to 2025), "
    f"and a map of the world's countries. **The facts are as of {package.facts_as_of}; the UN "
    f"votes as of {dates.as_of_text(package.resource('un_votes')['as_of'])}.**"
)

st.header("The facts")
outlet_names = atlas.outlets.set_index("outlet")["name"]
credited = ", ".join(
    outlet_names[code] for code in atlas.facts["attributed_to"].dropna().drop_duplicates()
)
speakers = "; ".join(sorted(atlas.facts["quote_by"].dropna().unique()))
context = (
    f" ({len(atlas.context)} of them context, not support: see *Checked again* below)"
    if len(atlas.context)
    else ""
)
st.markdown(
    f"""
The **{len(atlas.facts)} facts**{context} come from one article by the Polish broadcaster
{article["publisher"]}, *{article["article_title"]}*, written {article["published"]}
(Xi Jinping's visit to Moscow began on Monday 20 March 2023); we read its
{article["translation"]}. Its relative dates ("last week", "at the end of January", "last
December") are read against March 2023.

Each fact is one sentence **in our own words**. A figure is given exactly as the article gives
it. Words in quotation marks are only those the article itself quotes from officials
({speakers}), always attributed.
Each fact names its source and, where the source credits another outlet for it, that outlet
({credited}), with the section and paragraph of the article it comes from. Where the article
gives no date, the fact says so; where it describes an ongoing situation, the date is when it
was described.

The article covers China, Belarus, South Africa, Iran, India, North Korea and Syria, and the
countries that voted against the February 2023 resolution (Eritrea, Mali, Nicaragua). Countries
the article does not discuss are shown as *no support documented*: that means **this source**
does not document it, not that there is none.
"""
)


def vocabulary_table(heading: str, name: str, meaning: str, vocabulary) -> None:
    """One vocabulary as an HTML table (st.table): its labels and what each means."""
    st.subheader(heading)
    st.table({name: [t.label for t in vocabulary], meaning: [t.description for t in vocabulary]})


noted = atlas.facts[atlas.facts["coding_note"].notna()]
if len(noted):
    st.subheader("Checked again")
    st.markdown(
        "A later check of the facts against the article found codings that claimed more than "
        "the article says. Each was recoded, with the reason in the data (`coding_note`), and "
        "the article's words kept as its facts. A fact marked *context, not support* stays on "
        "its country's page, apart, and is never counted or painted."
    )
    st.markdown(
        "\n".join(
            f"- **{plain(row.fact_id)}** ({plain(store.data().short_names[row.iso3])}): "
            f"{plain(row.coding_note)}"
            for row in noted.itertuples(index=False)
        )
    )

st.subheader("Every source")
st.markdown(
    "\n".join(
        present.source_item(source, outlet_names, atlas.facts, store.data().short_names)
        for source in atlas.sources.itertuples(index=False)
    )
)

st.subheader("Never cited")
st.markdown(
    "Some pages that report on the war come from propaganda networks (some with names that "
    "mimic real outlets), mirrors and staging copies of real outlets, or content farms. The "
    "atlas never cites these domains, or their subdomains, whatever they report; the data is "
    "refused if a source does (`data/blocked_domains.csv`)."
)
kinds = vocab.labels(vocab.BLOCK_KINDS)
st.markdown(
    "\n".join(
        f"- **{plain(row.domain)}** ({kinds[row.kind].lower()}): {plain(row.reason)}"
        for row in atlas.blocked.itertuples(index=False)
    )
)

vocabulary_table("Kinds of support", "Kind", "What it covers", vocab.CATEGORIES)
st.markdown(
    "Until November 2026 weapons and joint exercises were one kind, *Military supplies*; readers "
    "took it to mean weapons alone, so hosting an exercise read as supplying arms. Links made "
    "before the split still work: they select both."
)
vocabulary_table("Direction", "Direction", "Meaning", vocab.DIRECTIONS)
vocabulary_table("Evidence levels, strongest first", "Evidence", "Meaning", vocab.EVIDENCE)
st.markdown(
    "A country's *strongest evidence* is the strongest level among its facts. A denial by the "
    "country concerned is shown beside the claim it answers, with its own source and date "
    "(`data/denials.csv`); it never changes the claim. Disputed facts "
    "are included by default and marked ⚠ on the map, in its counts and on country pages; the "
    "Evidence filter on the map leaves them out."
)

st.header("The map's colours")
st.markdown(
    f"""
- **Support for Russia**: each country is coloured by how many of the *selected* kinds of
  support the article documents for it, from 1 to {len(vocab.CATEGORIES)}, on the ColorBrewer
  *YlOrRd* scale
  (sequential and readable with colour-blind vision). Countries with none are a quiet grey;
  Russia has its own dark purple, outside the scale, because it is the subject, not a partner.
  A dependency or constituent country that is not a UN member (Greenland, Hong Kong, Puerto
  Rico…) takes the colour of the member it belongs to, and its hover names both ("Greenland
  (Denmark)"), following Natural Earth's sovereign for it. Disputed and indeterminate areas
  (Kosovo, Western Sahara, Palestine, the Falklands, Gibraltar…) and states outside the UN
  (Taiwan, the Vatican) keep a neutral, palest colour: the atlas takes no side on them.
- **UN vote**: yes in blue, no in red, abstain in orange (ColorBrewer *RdYlBu*, colour-blind
  safe), absent in grey. The legend's counts are the counts of the map's countries, and equal
  the official totals.
"""
)

st.header("UN General Assembly votes")
record = package.resource("un_resolutions")
st.markdown(
    f"""
Every resolution about Russia's war on Ukraine or the occupation of Crimea that the General
Assembly adopted by recorded vote from September 2019 to December 2025: **{len(atlas.resolutions)}
resolutions**, from the UN's own per-member record (votes as of
{dates.as_of_text(record["as_of"])}; the facts are as of {package.facts_as_of}). **Absent** means a
member is in none of the three recorded lists (yes, no, abstain): it did not vote, members that
had lost their vote under Article 19 of the UN Charter for arrears included (the record does not
say which; Venezuela, absent from 2022 on, is one such case the record cannot confirm).
"""
)
st.subheader('What "with Russia" means')
st.markdown(
    f"""
Russia voted No on all {len(atlas.resolutions)}. So a **No** is a vote *with Russia*, a **Yes** a
vote *against Russia*, an abstention an abstention, and an absence is counted apart, never
dropped. The mix of resolutions differs from year to year, so countries are compared within
the same votes, by period: {", ".join(p.label for p in stance.PERIODS)} (before the full-scale
invasion, its first two years, the two after). A country's class in a period is the alignment of
**more than half** of its votes there (*mostly with Russia*, *mostly abstained*, *mostly against
Russia*, *mostly absent*), or *mixed* when none has a majority; the counts are always shown with
it. The map's *UN votes by period* view colours every member by this class.

On *Votes and actions*, a member is placed by two shares of the votes it **cast** in a period
(absences left out of both, and shown in the counts): its votes with Russia and its
abstentions. A member that cast no vote in a period is listed, not placed.
"""
)
st.subheader(f"The {len(atlas.resolutions)} resolutions")
# A list, not a table: it reads on a phone without a sideways-scrolling region, and its text is
# in the page for find-in-page, search engines and screen readers.
vote_labels = vocab.labels(vocab.VOTES)
st.markdown(
    "\n".join(
        f"- **{plain(r.symbol)}**, {plain(present.format_date(r.adopted, 'day'))} "
        f"({plain(r.topic)}): {plain(r.title)}. {r.yes} yes, {r.no} no, {r.abstain} abstained; "
        f"Russia: {vote_labels[r.russia_vote]}. Meeting record {plain(r.meeting_record)}."
        for r in atlas.resolutions.itertuples(index=False)
    )
)
st.subheader("Left out on purpose")
st.markdown("\n".join(f"- {plain(e['what'])}: {plain(e['why'])}." for e in record["left_out"]))
st.subheader("Not in the source")
st.markdown(
    plain(record["not_in_source"]) + " The atlas never fills them from memory or from "
    "a secondary source."
)

st.header("Sources and licences")
st.markdown("\n".join(f"- {line}" for line in package.source_lines()))
st.markdown(
    "Every file and field is described, with its source, licence, as-of date, size and sha256, "
    "in the data package below (`datapackage.json`, a Frictionless data package). "
    f"Our copy of the article has sha256 `{article['sha256']}`; it holds no web address of the "
    "article, so none is given here."
)

st.header("Cite this atlas")
st.markdown("Plain text:")
st.code(package.citation(), language=None, wrap_lines=True)
st.markdown("BibTeX:")
st.code(package.bibtex(), language="bibtex", wrap_lines=True)  # no scroll region to reach

st.header("Downloads")
for entry in package.resources:
    path = store.resource_file(entry["path"])
    st.download_button(
        f"{entry['path']} · {entry['title']} ({entry['bytes']:,} bytes)",
        path.read_bytes,  # read when clicked, not on every rerun
        file_name=path.name,
        mime=entry["mediatype"],
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{entry['name']}",
    )
st.download_button(
    "datapackage.json · what every file holds, where it comes from, its licence",
    store.package_file().read_bytes,
    file_name="datapackage.json",
    mime="application/json",
    icon=":material/download:",
    on_click="ignore",
    key="download_datapackage",
)
st.caption(
    present.plain(
        f"The map fetches its shapes once from {figures.GEOJSON_URL} and draws with no request "
        "to any other host."
    )
)
chrome.credits()
