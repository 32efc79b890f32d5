"""Votes against actions: every member placed by how it voted in a period and by the kinds of
support the sources document for it in the same period, with what that shows and what it
cannot."""

from __future__ import annotations

import html

import pandas as pd

from partners import markup, present, profile, stance, urlstate, words
from partners.catalog import Catalog
from partners.i18n import _, ngettext

# The latest period first: the one readers ask about (who supports Russia now).
DEFAULT_PERIOD = stance.PERIODS[-1].code
# The period control's session key; in the address it is `per`, as on the map, but the two
# pages keep their own choice (and their own default).
KEY = "actions_per"


def period_params(code: str) -> dict[str, list[str]]:
    """The page's address parameters: the period, unless it is the default."""
    return {} if code == DEFAULT_PERIOD else {"per": [code]}


ADDRESS = urlstate.one_control(
    KEY, "per", lambda values: stance.period_code(values, DEFAULT_PERIOD), period_params
)


def frame(catalog: Catalog, period_code: str) -> pd.DataFrame:
    """One row per UN member but Russia, indexed by iso3, in name order: name, kinds (every
    direction, as a tuple), evidence_by_kind (profile's) and n_facts of the support facts dated
    in the period (timeline),
    n_kinds, documented (any such fact), the period's counts (with, abstained, against, absent,
    total, present), share (with Russia or abstained, of the votes present; None when never
    present), class (its label) and counts (its counts as text); short_name labels the chart."""
    period = stance.find_period(period_code)
    k = stance.PERIODS.index(period)
    atlas = catalog.atlas
    everything = profile.build_profile(
        atlas.support,
        atlas.countries,
        atlas.votes,
        atlas.resolutions,
        profile.Filters(when=period.code),
    )
    rows = []
    for code, entry in catalog.index.iterrows():
        if not entry["member"] or code == profile.SUBJECT:
            continue
        tally = catalog.tallies[code][k]
        kinds = everything.loc[code, "categories"]
        rows.append(
            {
                "iso3": code,
                "name": entry["name"],
                "short_name": catalog.short_names[code],
                "kinds": kinds,
                "evidence_by_kind": everything.loc[code, "evidence_by_kind"],
                "n_kinds": len(kinds),
                "n_facts": int(everything.loc[code, "n_facts"]),
                "documented": bool(everything.loc[code, "n_facts"]),
                **tally.counts,
                "total": tally.total,
                "present": tally.present,
                "share": tally.share,
                "class": tally.label,
                "counts": tally.counts_text(),
            }
        )
    return pd.DataFrame(rows).set_index("iso3")


def share_text(with_or_abstained: int, present_votes: int) -> str:
    """'5 of 8 (62%)', or 'never voted' when the member was absent throughout."""
    if not present_votes:
        return _("never voted")
    percent = round(100 * with_or_abstained / present_votes)
    return _("{n} of {total} ({percent}%)").format(
        n=with_or_abstained, total=present_votes, percent=percent
    )


def findings(table: pd.DataFrame, period_label: str) -> list[str]:
    """What the view shows, as plain sentences computed from the table."""
    placed = table[table["share"].notna()]
    documented = placed[placed["documented"]]
    others = placed[~placed["documented"]]
    lines = [
        ngettext(
            "In {period}, {k} of the {n} member with support documented in that period voted "
            "with Russia or abstained on more than half of the votes they cast; so did {j} of "
            "the {m} members the sources document no support for in that period.",
            "In {period}, {k} of the {n} members with support documented in that period voted "
            "with Russia or abstained on more than half of the votes they cast; so did {j} of "
            "the {m} members the sources document no support for in that period.",
            len(documented),
        ).format(
            period=period_label,
            k=int((documented["share"] > 0.5).sum()),
            n=len(documented),
            j=int((others["share"] > 0.5).sum()),
            m=len(others),
        )
    ]
    never = table[table["share"].isna()]
    if len(never):
        lines.append(
            ngettext(
                "{n} member cast no vote in {period} and is not placed: {names}.",
                "{n} members cast no vote in {period} and are not placed: {names}.",
                len(never),
            ).format(n=len(never), period=period_label, names=", ".join(never["name"]))
        )
    return lines


def table_html(catalog: Catalog, table: pd.DataFrame, period_label: str) -> str:
    """The members with support documented in the period, with its kinds and, for every period,
    the share of their votes with Russia or abstaining, with the counts: an HTML table, text in
    the page."""
    shown = table[table["documented"]].sort_values(["n_kinds", "name"], ascending=[False, True])
    head = [
        _("Country"),
        _("Kinds of support, {period}").format(period=period_label),
        *(_("{period}: with Russia or abstained").format(period=p.label) for p in stance.PERIODS),
    ]
    rows = []
    for code, row in shown.iterrows():
        lines = "<br>".join(
            html.escape(line) for line in present.evidence_lines(row["evidence_by_kind"])
        )
        cells = [
            f'<th scope="row">{html.escape(row["name"])}</th>',
            f"<td>{row['n_kinds']} <small>({words.facts(row['n_facts'])})</small>"
            f"<br><small>{lines}</small></td>",
        ]
        for tally in catalog.tallies[code]:
            cells.append(
                f"<td>{share_text(tally.with_or_abstained, tally.present)}"
                f"<br><small>{html.escape(tally.label)}</small></td>"
            )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return markup.html_table(
        _(
            "Members with support documented in {period}: its kinds, by direction, each with "
            "the strongest evidence for it, and in each period the votes they cast that were "
            "with Russia or abstentions"
        ).format(period=period_label),
        head,
        rows,
    )
