"""Test data that several suites share: hostile inputs and an edit of one fact's cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

# Text that would become markup, links or script if any page trusted it.
HOSTILE = {
    "summary": "Iran sent <script>alert('x')</script> drones <img src=x onerror=alert(1)> "
    "and [a link](https://example.com) with :red[colour] and **stars**.",
    "figure": "<b>more</b> than $12 million",
    "quote": "[click](javascript:alert(1))",
}


def fact_edit(fact_id: str, changes: dict[str, str]) -> Callable[[str], str]:
    """An edit of facts.csv's text (for the data_copy fixture) that changes one fact's cells."""

    def edit(text: str) -> str:
        rows = list(csv.DictReader(io.StringIO(text)))
        for row in rows:
            if row["fact_id"] == fact_id:
                row.update(changes)
        out = io.StringIO()
        writer = csv.DictWriter(out, rows[0].keys(), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()

    return edit
