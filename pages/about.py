"""Sources and method: every source, the evidence rules, what is not support, what the kinds,
evidence levels, colours and votes mean; how to cite; downloads."""

import streamlit as st

from pages._shared import chrome, store
from partners import dates, figures, present, site, stance, timeline, vocab
from partners.i18n import _
from partners.present import plain

chrome.page_setup(site.ABOUT)
atlas = store.data().atlas
package = store.package()
article = package.article()

st.title(_(site.ABOUT.title))
st.markdown(
    _(
        "The atlas brings together three things: the support for Russia that news reports and "
        "governments document, from one tvn24.pl article of March 2023 to later sources of "
        "December 2025; how every UN member voted on the General Assembly's resolutions on the "
        "war and occupied Crimea (2019 to 2025); and a map of the world's countries. **The "
        "facts are as of {facts}; the UN votes as of {votes}.**"
    ).format(
        facts=package.facts_as_of, votes=dates.as_of_text(package.resource("un_votes")["as_of"])
    )
)

st.header(_("The facts"))
outlet_names = atlas.outlets.set_index("outlet")["name"]
from_article = atlas.facts[atlas.facts["source_id"] == timeline.ARTICLE_SOURCE]
later = atlas.facts[atlas.facts["source_id"] != timeline.ARTICLE_SOURCE]
credited = ", ".join(
    outlet_names[code] for code in from_article["attributed_to"].dropna().drop_duplicates()
)
context = (
    " " + _("({n} of them context, not support: see below)").format(n=len(atlas.context))
    if len(atlas.context)
    else ""
)
said = vocab.labels(vocab.SAID_BY)
by_said = atlas.support["said_by"].value_counts()
st.markdown(
    _(
        """
The **{facts} facts**{context} come from **{sources} sources**, each
listed below with its outlet, date, address and the facts that cite it.

**The article.** {article_facts} facts come from the article the atlas was built from, by
the Polish broadcaster {publisher}, *{title}*, written
{published} (Xi Jinping's visit to Moscow began on Monday 20 March 2023); we read its
{translation}. Its relative dates ("last week", "at the end of January") are read
against March 2023. What it credits to other outlets ({credited}) stays credited to them, with
the section and paragraph of the article each fact comes from. The map's *Facts from* control
shows the article's own view, as it stood in March 2023, in one click (`?when=article`).

**Later sources.** {later_facts} facts come from {later_sources} later pages of news
outlets, wires and public broadcasters, published April 2023 to December 2025: each page was
read (in a stored copy) before a fact was written from it, and each fact cites the page's own
address and its outlet, not an aggregator's or a mirror's copy. A claim that rests on unnamed
sources needs two independent pages. How to add a source and a fact, the evidence rules and
the review checklist are in `docs/sources.md` in the repository.

Each fact is one sentence **in our own words**. A figure is given exactly as its source gives
it. Words in quotation marks are only those a source itself quotes from an official, always
attributed. Where a source gives no date, the fact says so; where it describes an ongoing
situation, the date is when it was described.

**Who says so.** Each fact records whether the country itself acknowledged it or did it on the
record ({self}: {n_self} support facts), another government or
an international body stated it ({other_state}: {n_other_state}),
or only media, analysts or data report it ({media}: {n_media}).
A denial by the country concerned is shown beside the claim, with its own source and date. A
later fact never rewrites an earlier one: the article's North Korean shells stay as the article
gave them, and the later facts show how the claim moved.

**One time axis.** Every fact falls in one of the periods of the UN votes
({periods}), by its event date, or else its source's date.
The map, the country pages, *Compare* and *Votes and actions* read facts on these periods.
Support that a later source records as ended (post-Assad Syria) carries the date it ended, is
left out of the map's *To date* view and stays in the period it happened in.

Countries no source discusses are shown as *no support documented*: that means **these
sources** do not document it, not that there is none.
"""
    ).format(
        facts=len(atlas.facts),
        context=context,
        sources=len(atlas.sources),
        article_facts=len(from_article),
        publisher=article["publisher"],
        title=article["article_title"],
        published=article["published"],
        translation=article["translation"],
        credited=credited,
        later_facts=len(later),
        later_sources=len(atlas.sources) - 1,
        self=said["self"].lower(),
        n_self=by_said.get("self", 0),
        other_state=said["other_state"].lower(),
        n_other_state=by_said.get("other_state", 0),
        media=said["media"].lower(),
        n_media=by_said.get("media", 0),
        periods=", ".join(p.label for p in stance.PERIODS),
    )
)

st.subheader(_("Not support, and said so"))
st.markdown(
    _(
        """
Some of what sources report is not a state's support for the war, and the atlas records it as
**context, not support**: shown on the country's page with the reason, never counted or painted.

- **Obstructing EU sanctions** (Hungary, Slovakia). Delaying or blocking a package inside the
  EU is bargaining among its members, and in the cases recorded here both ended by approving
  it; it gives Russia nothing for its war, so it is context.
- **Trade hubs used by companies** (Kyrgyzstan; the same rule holds for Armenia, Türkiye and the
  UAE). Companies and banks that route goods or payments to Russia are sanctioned as companies;
  a state is not a supporter because firms on its soil trade. These are context, with the
  sanctioning government named as the one who says so.
- **Citizens recruited by Russia** (Chinese nationals captured in Ukraine, Cubans recruited by a
  network Cuba says it broke up) are context unless a source shows the state sent them.
- **Pledges and resets** (China's pledge not to supply weapons, post-Assad Syria's new ties with
  Moscow) are context beside the claims they answer.
"""
    )
)


def vocabulary_table(heading: str, name: str, meaning: str, vocabulary) -> None:
    """One vocabulary as an HTML table (st.table): its labels and what each means."""
    st.subheader(heading)
    st.table(
        {
            name: list(vocab.labels(vocabulary).values()),
            meaning: list(vocab.descriptions(vocabulary).values()),
        }
    )


noted = atlas.facts[atlas.facts["coding_note"].notna()]
if len(noted):
    st.subheader(_("Coding notes"))
    st.markdown(
        _(
            "Where a check of a source changed or qualified how a fact is coded, the reason is "
            "in the data (`coding_note`). A check of the article found codings that claimed "
            "more than it says: each was recoded, and the article's words kept as its facts. A "
            "fact marked *context, not support* stays on its country's page, apart, and is "
            "never counted or painted."
        )
    )
    st.markdown(
        "\n".join(
            f"- **{plain(row.fact_id)}** ({plain(store.data().short_names[row.iso3])}): "
            f"{plain(row.coding_note)}"
            for row in noted.itertuples(index=False)
        )
    )

st.subheader(_("Every source"))
st.markdown(
    "\n".join(
        present.source_item(
            source, outlet_names, atlas.facts, store.data().short_names, atlas.denials
        )
        for source in atlas.sources.itertuples(index=False)
    )
)

st.subheader(_("Never cited"))
st.markdown(
    _(
        "Some pages that report on the war come from propaganda networks (some with names that "
        "mimic real outlets), mirrors and staging copies of real outlets, or content farms. The "
        "atlas never cites these domains, or their subdomains, whatever they report; the data "
        "is refused if a source does (`data/blocked_domains.csv`)."
    )
)
kinds = vocab.labels(vocab.BLOCK_KINDS)
st.markdown(
    "\n".join(
        f"- **{plain(row.domain)}** ({kinds[row.kind].lower()}): {plain(row.reason)}"
        for row in atlas.blocked.itertuples(index=False)
    )
)

vocabulary_table(_("Kinds of support"), _("Kind"), _("What it covers"), vocab.CATEGORIES)
st.markdown(
    _(
        "Until November 2026 weapons and joint exercises were one kind, *Military supplies*; "
        "readers took it to mean weapons alone, so hosting an exercise read as supplying arms. "
        "Links made before the split still work: they select both."
    )
)
vocabulary_table(_("Direction"), _("Direction"), _("Meaning"), vocab.DIRECTIONS)
vocabulary_table(_("Who says so"), _("Who"), _("Meaning"), vocab.SAID_BY)
vocabulary_table(_("Facts from (views of time)"), _("View"), _("What it shows"), timeline.WHEN)
vocabulary_table(_("Evidence levels, strongest first"), _("Evidence"), _("Meaning"), vocab.EVIDENCE)
st.markdown(
    _(
        "Summaries (the map's table, the country index, a country page's first lines, Compare) "
        "give the strongest evidence for each kind of support in each direction, never one "
        "level for the whole country: one kind can rest on the public record while another "
        "rests on a disputed report. A denial by the country concerned is shown beside the "
        "claim it answers, with its own source and date (`data/denials.csv`); it never changes "
        "the claim. Disputed facts are included by default and marked ⚠ on the map, in its "
        "counts and on country pages; the Evidence filter on the map leaves them out."
    )
)

st.header(_("The map's colours"))
st.markdown(
    _(
        """
- **Support for Russia**: each country is coloured by the *strongest* kind of support the
  sources document for it among the selected ones, in one direction: what it gives Russia
  whenever *To Russia* is selected, else what Russia gives it (the legend's heading says which).
  From the strongest: {order}. Darker is stronger, on the ColorBrewer *YlOrRd* scale (sequential
  and readable with colour-blind vision). The order ranks kinds, not amounts: a country that
  sends Russia shells is darker than one that buys its oil, however many facts a source lists,
  and a country that backs Russia only in words or votes is the palest. A country whose shown
  facts are all in other directions (say, only arms Russia sells it) is light blue, outside the
  scale, so that it never reads as support given. The hover and the country page list every
  kind. Countries with none are a quiet grey;
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
    ).format(
        order=", ".join(vocab.labels(vocab.CATEGORIES)[code].lower() for code in vocab.STRENGTH)
    )
)

st.header(_("UN General Assembly votes"))
record = package.resource("un_resolutions")
st.markdown(
    _(
        """
Every resolution about Russia's war on Ukraine or the occupation of Crimea that the General
Assembly adopted by recorded vote from September 2019 to December 2025: **{n}
resolutions**, from the UN's own per-member record (votes as of
{votes}; the facts are as of {facts}). **Absent** means a
member is in none of the three recorded lists (yes, no, abstain): it did not vote, members that
had lost their vote under Article 19 of the UN Charter for arrears included (the record does not
say which; Venezuela, absent from 2022 on, is one such case the record cannot confirm).
"""
    ).format(
        n=len(atlas.resolutions),
        votes=dates.as_of_text(record["as_of"]),
        facts=package.facts_as_of,
    )
)
st.subheader(_('What "with Russia" means'))
st.markdown(
    _(
        """
Russia voted No on all {n}. So a **No** is a vote *with Russia*, a **Yes** a
vote *against Russia*, an abstention an abstention, and an absence is counted apart, never
dropped. The mix of resolutions differs from year to year, so countries are compared within
the same votes, by period: {periods} (before the full-scale
invasion, its first two years, the two after). A country's class in a period is the alignment of
**more than half** of its votes there (*mostly with Russia*, *mostly abstained*, *mostly against
Russia*, *mostly absent*), or *mixed* when none has a majority; the counts are always shown with
it. The map's *UN votes by period* view colours every member by this class.

On *Votes and actions*, a member is placed by two shares of the votes it **cast** in a period
(absences left out of both, and shown in the counts): its votes with Russia and its
abstentions. A member that cast no vote in a period is listed, not placed.
"""
    ).format(n=len(atlas.resolutions), periods=", ".join(p.label for p in stance.PERIODS))
)
st.subheader(_("The {n} resolutions").format(n=len(atlas.resolutions)))
# A list, not a table: it reads on a phone without a sideways-scrolling region, and its text is
# in the page for find-in-page, search engines and screen readers.
vote_labels = vocab.labels(vocab.VOTES)
st.markdown(
    "\n".join(
        f"- **{plain(r.symbol)}**, {plain(present.format_date(r.adopted, 'day'))} "
        f"({plain(r.topic)}): {plain(r.title)}. "
        + _(
            "{yes} yes, {no} no, {abstain} abstained; Russia: {russia}. Meeting record {record}."
        ).format(
            yes=r.yes,
            no=r.no,
            abstain=r.abstain,
            russia=vote_labels[r.russia_vote],
            record=plain(r.meeting_record),
        )
        for r in atlas.resolutions.itertuples(index=False)
    )
)
st.subheader(_("Left out on purpose"))
st.markdown("\n".join(f"- {plain(e['what'])}: {plain(e['why'])}." for e in record["left_out"]))
st.subheader(_("Not in the source"))
st.markdown(
    plain(record["not_in_source"])
    + " "
    + _("The atlas never fills them from memory or from a secondary source.")
)

st.header(_("Sources and licences"))
st.markdown("\n".join(f"- {line}" for line in package.source_lines()))
st.markdown(
    _(
        "Every file and field is described, with its source, licence, as-of date, size and "
        "sha256, in the data package below (`datapackage.json`, a Frictionless data package). "
        "Our copy of the article has sha256 `{sha256}`; it holds no web address of the "
        "article, so none is given here."
    ).format(sha256=article["sha256"])
)

st.header(_("Cite this atlas"))
st.markdown(_("Plain text:"))
st.code(package.citation(), language=None, wrap_lines=True)
st.markdown(_("BibTeX:"))
st.code(package.bibtex(), language="bibtex", wrap_lines=True)  # no scroll region to reach

st.header(_("Downloads"))
for entry in package.resources:
    path = store.resource_file(entry["path"])
    st.download_button(
        _("{path} · {title} ({bytes} bytes)").format(
            path=entry["path"], title=entry["title"], bytes=f"{entry['bytes']:,}"
        ),
        path.read_bytes,  # read when clicked, not on every rerun
        file_name=path.name,
        mime=entry["mediatype"],
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{entry['name']}",
    )
st.download_button(
    "datapackage.json · " + _("what every file holds, where it comes from, its licence"),
    store.package_file().read_bytes,
    file_name="datapackage.json",
    mime="application/json",
    icon=":material/download:",
    on_click="ignore",
    key="download_datapackage",
)
st.caption(
    present.plain(
        _(
            "The map fetches its shapes once from {url} and draws with no request to any other "
            "host."
        ).format(url=figures.GEOJSON_URL)
    )
)
chrome.credits()
