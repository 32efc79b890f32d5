"""The one way every page keeps its view in the address, so that a link opens it and Back and
Forward step through it.

A page's view is the values of its controls (the map: view, resolution, period, kinds, direction,
evidence; Compare: the countries; Votes and actions: the period). The page describes it once, as
a `urlstate.AddressView`: which parameters it owns, how to read them into the controls' values
(short codes, and every older form links carried), and how to write the values back (short codes,
defaults left out). Then it calls `read` before drawing its controls and `write` after.

The rules, for every page:
- **Arrive.** When the reader arrives on the page (a link, Back or Forward from another page, the
  navigation row) or the address changed under it (Back or Forward within the page, a link to the
  page itself), the address is read into the controls. Arriving with none of the page's
  parameters keeps the view the reader left: the controls keep their values for the session
  (Streamlit's `persist_state="session"`), and Streamlit drops a page's parameters on a switch.
- **Stay.** While the reader works the controls, the controls are the truth. A run in which a
  control's value differs from what the last run wrote is the reader's doing, and the address
  is not read in it, even if it differs too: in a quick burst of input (arrow keys on the
  slider) a run can start before the browser has the address the run before wrote, and reading
  that stale address would pull the control back to an earlier value.
- **Write.** Every run writes the view into the address, with Streamlit's embedding parameters
  kept: when it differs from the address, and on every run that stays on the page (a link to the
  page the reader is on runs it with its parameters but leaves the browser's address bare). A run
  that arrives from another page does not rewrite what the address already holds: a late write
  could land on the page the reader has gone back to.
- Parameters another page owns (a country page's `iso3`) are not this page's view.

Why not Streamlit's `bind="query-params"`: measured in Chromium with Streamlit 1.67, a bound
widget updates the address with history.replaceState, so Back leaves the atlas instead of
stepping back through views; it writes its options as given, so links lose the short codes; and
it cannot read the labels and full symbols of links shared before. `persist_state="session"`
fits, and every control of a view uses it.

One record in session state holds what this needs: the page this run shows, the page the run
before showed, and for each page the parameters last written and the controls' values then.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from partners import urlstate

_RECORD = "_address"


def _record() -> dict:
    return st.session_state.setdefault(
        _RECORD, {"page": None, "previous": None, "written": {}, "values": {}}
    )


def arrive(page: str) -> str | None:
    """Note that this run shows `page` (its URL path); returns the page the run before showed."""
    record = _record()
    record["previous"], record["page"] = record["page"], page
    return record["previous"]


def arriving() -> bool:
    """True when this run arrives from another page (or is the session's first)."""
    record = _record()
    return record["previous"] != record["page"]


def _address() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def read(view: urlstate.AddressView) -> bool:
    """Seed the page's controls from the address when the rules say so (see the module's
    docstring); True when the address had parts that were not understood."""
    record = _record()
    address = {k: v for k, v in _address().items() if k not in view.foreign}
    owned = {k: v for k, v in address.items() if k in view.params}
    written = record["written"].get(record["page"])
    changed = written is not None and owned != written
    missing = [key for key in view.controls if key not in st.session_state]
    if arriving() and not owned and not missing:
        return False  # back on the page with no view in the address: the view left stays
    if not (arriving() or changed or missing):
        return False  # the reader is working the controls
    worked = record["values"].get(record["page"])
    if not arriving() and not missing and worked is not None and values(view) != worked:
        return False  # a control changed in this run: the reader's input wins over the address
    seeded, unusable = view.read(address)
    for key, value in seeded.items():
        if arriving() or changed or key in missing:
            st.session_state[key] = value
    return unusable


def values(view: urlstate.AddressView) -> dict:
    """The controls' current values (after they are drawn, or kept while hidden)."""
    return {key: st.session_state.get(key) for key in view.controls}


def keep(view: urlstate.AddressView) -> dict[str, list[str]]:
    """Write the view its controls now show into the address; returns the page's own parameters
    (what a share link carries)."""
    shown = values(view)
    params = view.write(shown)
    write(params)
    _record()["values"][_record()["page"]] = shown
    return params


def write(params: dict[str, list[str]]) -> dict[str, list[str]]:
    """Put a page's own parameters into the address; returns what the address then holds,
    Streamlit's embedding parameters included."""
    record = _record()
    current = _address()
    kept = {k: current[k] for k in urlstate.PASSTHROUGH if k in current}
    wanted = params | kept
    if current != wanted or not arriving():
        st.query_params.from_dict(wanted)
    record["written"][record["page"]] = params
    return wanted


def share_link(params: dict[str, list[str]]) -> str:
    """The full address of this page with these parameters, as a reader would paste it."""
    base = (st.context.url or "").split("?")[0]
    query = urlencode(params, doseq=True)
    return f"{base}?{query}" if query else base
