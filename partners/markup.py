"""The small pieces of HTML the pages share: a vote as a coloured cell, text for screen readers
only, and tables that scroll inside themselves (a data frame's among them). Every text passed in
is escaped here."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd

from partners import vocab

# A vote as a coloured label: dark text on the light colours, white on red and blue (4.5:1).
VOTE_CSS = """.atlas-vote { display: inline-block; min-width: 3.6rem; text-align: center;
  border-radius: 3px; padding: .1rem .35rem; font-weight: 600; color: #111; }
.atlas-vote.v-no, .atlas-vote.v-yes { color: #fff; }"""

_TABLE_CSS = (
    """<style>
.atlas-compare { overflow-x: auto; margin: .25rem 0 1rem; }
.atlas-compare:focus-visible { outline: 2px solid currentColor; }
.atlas-compare table { border-collapse: collapse; font-size: .85rem; width: 100%; }
.atlas-compare th, .atlas-compare td { border-bottom: 1px solid rgba(128, 128, 128, .35);
  padding: .3rem .45rem; text-align: left; vertical-align: top; }
.atlas-compare thead th { position: sticky; top: 0; }
.atlas-compare th[scope="row"] { font-weight: 400; min-width: 9rem; }
.atlas-compare th[scope="row"] small { display: block; opacity: .75; }
.atlas-compare tr.period th { font-weight: 700; padding-top: .7rem; }
.atlas-compare td.vote .atlas-vote { min-width: 4.2rem; }
.atlas-compare td.num { text-align: right; font-variant-numeric: tabular-nums; }
/* A sortable heading: a button that looks like the heading, its arrow showing the order. */
.atlas-compare button.atlas-sort { font: inherit; color: inherit; background: none; border: 0;
  padding: 0; cursor: pointer; text-align: inherit; }
.atlas-compare button.atlas-sort:focus-visible { outline: 2px solid currentColor;
  outline-offset: 2px; }
.atlas-compare th .arrow::after { content: " \\2195"; opacity: .45; }
.atlas-compare th[aria-sort="ascending"] .arrow::after { content: " \\25B2"; opacity: 1; }
.atlas-compare th[aria-sort="descending"] .arrow::after { content: " \\25BC"; opacity: 1; }
/* A long table scrolls inside a box; its heading row stays in view, on the page's background
   (--atlas-bg, kept by the once-per-tab script in pages/_shared/chrome.py). */
.atlas-compare.tall { max-height: 36rem; overflow-y: auto; }
.atlas-compare.tall thead th { background: var(--atlas-bg, Canvas); z-index: 1; }
@media (max-width: 640px) { /* a phone: three countries fit beside the row names */
  .atlas-compare th, .atlas-compare td { padding: .3rem .25rem; }
  .atlas-compare th[scope="row"] { min-width: 6.5rem; }
  .atlas-compare td.vote .atlas-vote { min-width: 3.4rem; }
}
"""
    + VOTE_CSS
    + "\n</style>"
)


def vote_cell(vote: str, colours: Mapping[str, str]) -> str:
    """One vote ('yes', 'no', 'abstain', 'absent') as its label on its colour."""
    label = vocab.labels(vocab.VOTES)[vote]
    style = f"background:{colours[vote]}"
    return f'<span class="atlas-vote v-{vote}" style="{style}">{label}</span>'


def screen_reader_only(text: str) -> str:
    """Text that screen readers read and the page does not show."""
    hidden = "position:absolute;left:-9999px"
    return f'<span class="sr-only" style="{hidden}">{html.escape(text)}</span>'


def html_table(
    caption: str,
    head: list[str],
    rows: list[str],
    *,
    tall: bool = False,
    sorts: Sequence[str] | None = None,
) -> str:
    """A table that scrolls sideways inside itself on a narrow screen, reachable by keyboard (a
    named region, as axe asks). head and rows are HTML, already escaped. tall: a long table,
    which scrolls down inside a box too, under its heading row.

    sorts: for a table a reader can sort, how each column sorts ("text", or "num": largest
    first); each heading is then a button (the script that sorts is chrome.py's once-per-tab
    script), and the sorted column says so to screen readers (aria-sort)."""
    if sorts is None:
        cells = "".join(f'<th scope="col">{cell}</th>' for cell in head)
    else:
        cells = "".join(
            f'<th scope="col" data-sort="{how}"><button type="button" class="atlas-sort">'
            f'{cell}<span class="arrow" aria-hidden="true"></span></button></th>'
            for cell, how in zip(head, sorts, strict=True)
        )
    kind = "atlas-compare tall" if tall else "atlas-compare"
    return (
        f'{_TABLE_CSS}<div class="{kind}" role="region" aria-label="{html.escape(caption)}" '
        f'tabindex="0"><table><caption class="sr-only" style="position:absolute;left:-9999px">'
        f"{html.escape(caption)}</caption><thead><tr>{cells}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# More rows than this and a table scrolls inside its box.
TALL_ROWS = 15


def frame_table(caption: str, frame: pd.DataFrame, links: Mapping[str, str]) -> str:
    """A data frame as an HTML table whose text is in the page (st.dataframe draws on a canvas,
    out of reach of find-in-page and screen readers, and loads 1.2 MB of script).

    The first column names each row and links it to links[index] (a page of the app); numbers
    are aligned right; empty cells stay empty; a click on a column's heading sorts by it (as
    st.dataframe did), again the other way."""
    first, *others = frame.columns
    numeric = {c for c in others if pd.api.types.is_numeric_dtype(frame[c])}
    rows = []
    for key, row in zip(frame.index, frame.itertuples(index=False), strict=True):
        name, link = html.escape(str(row[0])), html.escape(links[key], quote=True)
        cells = [f'<th scope="row"><a href="{link}" target="_self">{name}</a></th>']
        for column, value in zip(others, row[1:], strict=True):
            text = "" if pd.isna(value) else html.escape(str(value))
            kind = ' class="num"' if column in numeric else ""
            cells.append(f"<td{kind}>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = [html.escape(str(c)) for c in frame.columns]
    sorts = ["num" if c in numeric else "text" for c in frame.columns]
    return html_table(caption, head, rows, tall=len(rows) > TALL_ROWS, sorts=sorts)
