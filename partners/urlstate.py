"""The map's view in its address: short, stable codes out, and every older form still read in.

Written: `?view=vote&res=ES-11/3&cat=arms&cat=diplomatic&dir=to_russia&ev=public_record` (and
`view=period&per=2019-2021` for a period's votes, `when=2024-2025` or `when=article` for the facts
of a period or of the article alone), only the parts that differ from the default view.
Read: those codes, and also the labels that links
carried before (`cat=Military+supplies`, `view=UN+vote`, `res=2022-04-07+·+…+(A/RES/ES-11/3)`),
the full symbol (`res=A/RES/ES-11/3`) and the former category `military`, so that a link, once
shared, keeps opening the same view.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from partners import profile, stance, timeline, vocab
from partners.i18n import N_

VIEWS: tuple[vocab.Term, ...] = (
    vocab.Term(
        "support",
        N_("Support for Russia"),
        N_("Countries by the strongest kind of support documented."),
    ),
    vocab.Term("vote", N_("UN vote"), N_("UN members by their vote on one resolution.")),
    vocab.Term(
        "period",
        N_("UN votes by period"),
        N_("UN members by how they voted across a period's votes."),
    ),
)
# The map's controls: each one's session key, which is also its address parameter, and the
# MapState field it sets. Streamlit's own parameters (embedding) pass through untouched.
CONTROLS = {
    "view": "view",
    "res": "symbol",
    "per": "period",
    "cat": "categories",
    "dir": "directions",
    "ev": "evidence",
    "when": "when",
}
KEYS = tuple(CONTROLS)
LATEST_PERIOD = stance.PERIODS[-1].code
# Streamlit's embedding parameters, and the atlas's own for an embed: controls=true shows the
# controls there (an embed is map-first: title, legend, map, credits).
PASSTHROUGH = ("embed", "embed_options", "controls")
_SYMBOL_IN_LABEL = re.compile(r"\((A/RES/[^()]+)\)\s*$")


@dataclass(frozen=True)
class MapState:
    """What the map shows, set by its controls: hashable, so views can be cached and compared."""

    view: str  # "support", "vote" or "period"
    symbol: str  # the resolution shown in the vote view
    categories: tuple[str, ...]
    directions: tuple[str, ...]
    evidence: tuple[str, ...]
    period: str = LATEST_PERIOD  # the period shown in the period view, as stance.Period.code
    when: str = timeline.NOW  # which facts the support view counts (timeline.WHEN)

    @property
    def filters(self) -> profile.Filters:
        return profile.Filters(self.categories, self.directions, self.evidence, self.when)


def default_view(symbols: Sequence[str]) -> MapState:
    """Support to Russia of every kind and evidence; the latest resolution for the vote view."""
    return MapState(
        "support",
        symbols[-1],
        tuple(vocab.codes(vocab.CATEGORIES)),
        ("to_russia",),
        tuple(vocab.codes(vocab.EVIDENCE)),
    )


def _codes(
    values: Iterable[str],
    vocabulary: tuple[vocab.Term, ...],
    former: Mapping[str, Iterable[str]] | None = None,
) -> tuple[tuple[str, ...], bool]:
    """The codes that values name (codes or labels, any case), in vocabulary order, and whether
    any value was not understood. An empty value means 'none selected'."""
    known = {term.code.casefold(): term.code for term in vocabulary}
    known |= {term.label.casefold(): term.code for term in vocabulary}
    chosen, unusable = set(), False
    for value in values:
        key = value.strip().casefold()
        if not key:
            continue
        if key in known:
            chosen.add(known[key])
        elif former and key in former:
            chosen.update(former[key])
        else:
            unusable = True
    return tuple(code for code in vocab.codes(vocabulary) if code in chosen), unusable


def _symbol(values: Sequence[str], symbols: Sequence[str]) -> tuple[str | None, bool]:
    """The resolution a 'res' parameter names: 'ES-11/1', 'A/RES/ES-11/1' or an old label."""
    for value in values:
        text = value.strip()
        match = _SYMBOL_IN_LABEL.search(text)
        candidate = match.group(1) if match else text
        if not candidate.startswith("A/RES/"):
            candidate = "A/RES/" + candidate
        if candidate in symbols:
            return candidate, False
    return None, bool(values)


def parse(params: Mapping[str, Sequence[str]], symbols: Sequence[str]) -> tuple[MapState, bool]:
    """The view an address asks for, and whether any part of it was not understood.

    params maps each key to its values (a key repeated for a multi-choice); symbols are the
    resolutions in adoption order. What is missing or unusable takes the default.
    """
    default = default_view(symbols)
    unusable = any(key not in KEYS and key not in PASSTHROUGH for key in params)

    view = default.view
    if params.get("view"):
        found, bad = _codes(params["view"][:1], VIEWS)
        view, unusable = (found[0] if found else view), unusable or bad or not found
    symbol = default.symbol
    if "res" in params:
        found_symbol, bad = _symbol(params["res"], symbols)
        symbol, unusable = found_symbol or symbol, unusable or bad
    period, bad = stance.period_code(params.get("per", []), default.period)
    unusable = unusable or bad
    when = default.when
    if params.get("when"):
        found, bad = _codes(params["when"][:1], timeline.WHEN)
        when, unusable = (found[0] if found else when), unusable or bad or not found

    chosen = {}
    for key, vocabulary, former, fallback in (
        ("cat", vocab.CATEGORIES, vocab.FORMER_CATEGORIES, default.categories),
        ("dir", vocab.DIRECTIONS, None, default.directions),
        ("ev", vocab.EVIDENCE, None, default.evidence),
    ):
        if key in params:
            codes, bad = _codes(params[key], vocabulary, former)
            unusable = unusable or bad
            # Only unusable values (none empty) fall back to the default; '?cat=' means none.
            if bad and not codes and any(v.strip() for v in params[key]):
                codes = fallback
            chosen[key] = codes
        else:
            chosen[key] = fallback
    state = MapState(view, symbol, chosen["cat"], chosen["dir"], chosen["ev"], period, when)
    return state, unusable


def to_params(state: MapState, symbols: Sequence[str]) -> dict[str, list[str]]:
    """The address parameters of a view, in short codes, leaving out what is the default."""
    default = default_view(symbols)
    params: dict[str, list[str]] = {}
    if state.view != default.view:
        params["view"] = [state.view]
    if state.symbol != default.symbol:
        params["res"] = [stance.short_symbol(state.symbol)]
    if state.period != default.period:
        params["per"] = [state.period]
    if state.when != default.when:
        params["when"] = [state.when]
    for key, value, fallback in (
        ("cat", state.categories, default.categories),
        ("dir", state.directions, default.directions),
        ("ev", state.evidence, default.evidence),
    ):
        if value != fallback:
            params[key] = list(value) or [""]
    return params


def pinned_params(state: MapState, symbols: Sequence[str]) -> dict[str, list[str]]:
    """The parameters a shared link carries: the view's own, plus the resolution of a vote view
    and the period of a period view even when they are the defaults, so that a link keeps
    showing the vote it was shared for after a newer resolution is added. A bare address still
    means the latest."""
    params = to_params(state, symbols)
    if state.view == "vote":
        params.setdefault("res", [stance.short_symbol(state.symbol)])
    elif state.view == "period":
        params.setdefault("per", [state.period])
    return params


def controls(state: MapState) -> dict[str, object]:
    """The map's controls' values for a view, by session key (a multi-choice as a list)."""
    values = {key: getattr(state, field) for key, field in CONTROLS.items()}
    return {key: list(v) if isinstance(v, tuple) else v for key, v in values.items()}


def from_controls(values: Mapping[str, object], symbols: Sequence[str]) -> MapState:
    """The view the map's controls show; a control never drawn yet takes the default."""
    default = controls(default_view(symbols))
    chosen = {key: default[key] if values.get(key) is None else values[key] for key in CONTROLS}
    fields = {
        field: tuple(chosen[key]) if isinstance(chosen[key], list) else chosen[key]
        for key, field in CONTROLS.items()
    }
    return MapState(**fields)


@dataclass(frozen=True)
class AddressView:
    """A page's view as it stands in the address (pages/_shared/address.py applies the rules).

    params are the parameters the page owns, controls the session keys of the controls that
    show the view; read turns the address (minus foreign parameters) into the controls' values
    and whether any part was not understood; write turns the values into the page's parameters.
    """

    params: tuple[str, ...]
    controls: tuple[str, ...]
    read: Callable[[Mapping[str, Sequence[str]]], tuple[dict[str, object], bool]]
    write: Callable[[Mapping[str, object]], dict[str, list[str]]]
    foreign: tuple[str, ...] = ("iso3",)  # another page's, left in the address by a page switch


def map_address(symbols: Sequence[str]) -> AddressView:
    """The map's view in its address: every control, in short codes (see `parse`, `to_params`)."""

    def read(params: Mapping[str, Sequence[str]]) -> tuple[dict[str, object], bool]:
        state, unusable = parse(params, symbols)
        return controls(state), unusable

    def write(values: Mapping[str, object]) -> dict[str, list[str]]:
        return to_params(from_controls(values, symbols), symbols)

    return AddressView(KEYS, KEYS, read, write, foreign=("iso3", "countries"))


def one_control(
    key: str,
    param: str,
    parse_values: Callable[[Sequence[str]], tuple[object, bool]],
    to_params_of: Callable[[object], dict[str, list[str]]],
) -> AddressView:
    """A page whose view is one control (session key `key`) kept in one parameter."""

    def read(params: Mapping[str, Sequence[str]]) -> tuple[dict[str, object], bool]:
        value, unusable = parse_values(list(params.get(param, [])))
        return {key: list(value) if isinstance(value, tuple) else value}, unusable

    def write(values: Mapping[str, object]) -> dict[str, list[str]]:
        return to_params_of(values[key])

    return AddressView((param,), (key,), read, write)
