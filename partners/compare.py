"""Countries side by side: the selection in the address, and the two comparison tables as HTML.

The tables are HTML, not st.dataframe (a canvas), so their text is in the page for find-in-page,
search engines and screen readers. Every text from the data is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence

import pandas as pd

from partners import dates, markup, stance, urlstate, vocab, words
from partners.catalog import Catalog
from partners.i18n import _

MOST = 6  # countries compared at once: six columns still read on a laptop
KEY = "countries"  # ?countries=CHN,IND,ZAF
EXAMPLE = ("CHN", "IND", "ZAF")


def parse_selection(values: Iterable[str], known: Iterable[str]) -> tuple[tuple[str, ...], bool]:
    """The members an address names, in its order, without repeats, at most MOST; and whether
    any part was not understood (an unknown code, or more than MOST).

    values are the parameter's values: 'CHN,IND' or repeated parameters, in any case.
    """
    allowed = set(known)
    chosen: list[str] = []
    unusable = False
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if code not in allowed:
                unusable = True
            elif code not in chosen:
                chosen.append(code)
    if len(chosen) > MOST:
        chosen, unusable = chosen[:MOST], True
    return tuple(chosen), unusable


def to_params(codes: Sequence[str]) -> dict[str, list[str]]:
    """The address parameters of a selection: one comma-separated list, or none."""
    return {KEY: [",".join(codes)]} if codes else {}


def address(members: Sequence[str]) -> urlstate.AddressView:
    """The page's view in its address: the selection (session key 'compare')."""
    return urlstate.one_control(
        "compare", KEY, lambda values: parse_selection(values, members), to_params
    )


def _names(catalog: Catalog, codes: Sequence[str]) -> list[str]:
    return [html.escape(str(catalog.index.loc[code, "name"])) for code in codes]


def votes_table(catalog: Catalog, codes: Sequence[str], colours: dict[str, str]) -> str:
    """The selected members' votes on every resolution, in date order, grouped by period: each
    period opens with every member's class and the counts behind it."""
    records = {code: [vote for _, vote in catalog.votes_of(code)] for code in codes}
    rows = []
    for k, period in enumerate(stance.PERIODS):
        classes = "".join(
            f"<td><strong>{html.escape(catalog.tallies[code][k].label)}</strong><br>"
            f"<small>{html.escape(catalog.tallies[code][k].counts_text())}</small></td>"
            for code in codes
        )
        rows.append(f'<tr class="period"><th scope="row">{period.label}</th>{classes}</tr>')
        for number, row in enumerate(catalog.resolutions):
            if not period.holds(row.adopted):
                continue
            day = dates.format_date(row.adopted, "day")
            head = (
                f'<th scope="row">{html.escape(stance.short_symbol(row.symbol))} · {day}'
                f"<small>{html.escape(row.short_title)}</small></th>"
            )
            cells = []
            for code in codes:
                vote = records[code][number]
                cells.append(f'<td class="vote">{markup.vote_cell(vote, colours)}</td>')
            rows.append(f"<tr>{head}{''.join(cells)}</tr>")
    return markup.html_table(
        _("UN General Assembly votes of the countries compared"),
        [_("Resolution"), *_names(catalog, codes)],
        rows,
    )


def _by_period(facts: Sequence) -> str:
    """How many of the facts fall in each period of the UN votes: '2022–2023: 2, 2024–2025: 3'."""
    labels = {p.code: p.label for p in stance.PERIODS}
    counts = Counter(f.period if isinstance(f.period, str) else None for f in facts)
    parts = [f"{labels[code]}: {counts[code]}" for code in labels if counts[code]]
    if counts[None]:
        before = _("before {year}").format(year=stance.PERIODS[0].label[:4])
        parts.insert(0, f"{before}: {counts[None]}")
    return ", ".join(parts)


def support_table(catalog: Catalog, codes: Sequence[str]) -> str:
    """The selected countries' documented facts by kind: each kind's directions with the
    strongest evidence for it in each, the periods of the UN votes they are dated in, and their
    total."""
    evidence = vocab.labels(vocab.EVIDENCE)
    # 'to Russia', 'from Russia', 'mutual': the vocabulary's labels inside a sentence.
    directions = {
        code: label[0].lower() + label[1:] for code, label in vocab.labels(vocab.DIRECTIONS).items()
    }
    rows = []
    for term in vocab.CATEGORIES:
        cells = []
        for code in codes:
            facts = [f for f in catalog.facts_by_country.get(code, []) if f.category == term.code]
            if not facts:
                cells.append("<td>—</td>")
                continue
            # Each direction with the strongest evidence for this kind in it.
            ways = [
                f"{directions[way]}: {evidence[grade].lower()}"
                for way, kind, grade in catalog.profile.loc[code, "evidence_by_kind"]
                if kind == term.code
            ]
            n = words.facts(len(facts))
            cells.append(f"<td>{n} <small>({'; '.join(ways)}; {_by_period(facts)})</small></td>")
        rows.append(f'<th scope="row">{html.escape(_(term.label))}</th>{"".join(cells)}')
    totals = []
    for code in codes:
        row = catalog.profile.loc[code]  # every fact of the member, in every direction
        facts = catalog.facts_by_country.get(code, [])
        spread = f" <small>({_by_period(facts)})</small>" if facts else ""
        n = words.facts(row["n_facts"])
        totals.append(f"<td><strong>{n}</strong>{spread}</td>")
    every = html.escape(_("All kinds"))
    rows.append(f'<th scope="row"><strong>{every}</strong></th>{"".join(totals)}')
    return markup.html_table(
        _("Documented support of the countries compared, by kind"),
        [_("Kind of support"), *_names(catalog, codes)],
        [f"<tr>{row}</tr>" for row in rows],
    )


def csv(catalog: Catalog, codes: Sequence[str]) -> bytes:
    """The comparison as CSV: one row per country and resolution, with its vote and period."""
    rows = []
    for code in codes:
        for row, vote in catalog.votes_of(code):
            period = stance.period_of(row.adopted)
            rows.append(
                {
                    "iso3": code,
                    "country": catalog.index.loc[code, "name"],
                    "symbol": row.symbol,
                    "adopted": row.adopted,
                    "period": period.label if period else "",
                    "vote": vote,
                    "facts_documented": int(catalog.profile.loc[code, "n_facts"]),
                }
            )
    return pd.DataFrame(rows).to_csv(index=False).encode("utf-8")
