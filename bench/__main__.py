"""The benchmark: what a user feels, for the atlas, a naive build of the same map, and the floor.

Run: uv run python -m bench [--runs 5] [--sessions 20]

Starts each app's real server on a free loopback port, drives Debian's Chromium with Playwright,
and writes bench/results/latest.md and latest.json: the median and the spread (min to max) of
every figure, side by side for the atlas, the naive build and the floor (a page of one row of
pills and one line of text: what any Streamlit page costs), and the atlas's figure as a ratio to
the naive build's and to the floor's, all measured in the same run. Machines here are shared and
noisy, so the ratios of one run are what count. Bytes on the wire are counted by a relay between
the browser and the server (bench/wire.py), after the server's websocket compression.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import harness, probes, wire

RESULTS = Path(__file__).resolve().parent / "results"
APPS = {
    "atlas": harness.ROOT / "dashboard.py",
    "naive": harness.ROOT / "bench" / "naive" / "app.py",
    "floor": harness.ROOT / "bench" / "floor" / "app.py",
}
# The floor's one line of text: what "painted" and "repainted" mean for it.
FLOOR_TEXT = """() => [...document.querySelectorAll('p')].map(p => p.textContent)
    .find(t => t.startsWith('Floor page:')) || ''"""
FLOOR_CLICKS = ["Diplomatic", "Arms", "Diplomatic", "Territory", "Arms", "Economic", "Territory"]
TRIVIAL_PAGE = "import streamlit as st\nst.write('hello')\n"

# The same probes as the browser tests: one meaning of "the map is painted" (every shape drawn).
MAP_PAINTED, SHAPES = probes.map_painted()
# Pills clicked in turn, from all categories selected: every click makes a new combination that
# changes the map (to-Russia facts only, the default direction).
FILTER_CLICKS = [
    "Diplomatic cover",
    "Weapons and munitions",
    "Diplomatic cover",
    "Territory and bases",
    "Weapons and munitions",
    "Economic ties",
    "Territory and bases",
    "Diplomatic cover",
]


def _stats(values: list[float]) -> dict:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
        "values": values,
    }


def _seconds(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    return context, page, probes.Wire(context, page)


def _settle(page, milliseconds: int = 400) -> None:
    page.wait_for_timeout(milliseconds)


def _ready(name: str, page, timeout: float = 30_000) -> None:
    """The page is painted: every shape of the map drawn, or the floor's line shown."""
    if name == "floor":
        page.wait_for_function(f"() => ({FLOOR_TEXT})() !== ''", timeout=timeout)
    else:
        page.wait_for_function(MAP_PAINTED, arg=SHAPES, timeout=timeout)


def measure_browser(name: str, browser, runs: int, sessions: int) -> dict:
    """Cold start, warm loads, interactions, bytes and memory for one app.

    The floor has no country page: its country figures are left out, not faked.
    """
    script = APPS[name]
    floor = name == "floor"
    snapshot = FLOOR_TEXT if floor else probes.FILLS
    clicks = FLOOR_CLICKS if floor else FILTER_CLICKS
    out: dict[str, list[float]] = {k: [] for k in ("cold_start_s", "first_load_bytes")}
    for _ in range(runs):
        started = time.perf_counter()
        with harness.streamlit_server(script=script) as server:
            context, page, tap = _new_page(browser)
            page.goto(server + "/")
            _ready(name, page, 60_000)
            out["cold_start_s"].append(time.perf_counter() - started)
            tap.settle(page)
            ws, http = tap.mark()
            out["first_load_bytes"].append(ws + http)
            context.close()

    keys = ["warm_map_s", "phone_warm_map_s"]
    keys += ["filter_repaint_s", "filter_ws_bytes", "filter_wire_bytes"]
    if not floor:
        keys += ["warm_country_s", "click_to_country_s", "click_ws_bytes"]
    out |= {k: [] for k in keys}
    with harness.streamlit_server(script=script) as direct, wire.relay(direct) as (server, relay):
        context, page, tap = _new_page(browser)
        page.goto(server + "/")
        _ready(name, page, 60_000)
        _settle(page)
        for _ in range(runs):
            out["warm_map_s"].append(
                _seconds(lambda: (page.goto(server + "/"), _ready(name, page)))
            )
            if not floor:
                out["warm_country_s"].append(
                    _seconds(
                        lambda: (
                            page.goto(server + "/country?iso3=IRN"),
                            probes.wait_for_text(page, probes.IRAN_FACT),
                        )
                    )
                )
        out["phone_warm_map_s"] = measure_phone(name, browser, server, runs)
        page.goto(server + "/")
        _ready(name, page)
        _settle(page)
        # Each click leads to a combination of categories not shown before: Streamlit sends a
        # figure it has already sent as a hash reference, so toggling one pill back and forth
        # would measure that cache, not a filter change.
        for label in clicks[:runs]:
            before = page.evaluate(snapshot)
            ws, _ = tap.mark()
            down = relay.down
            pill = page.get_by_role("button", name=label, exact=True)
            out["filter_repaint_s"].append(
                _seconds(
                    lambda pill=pill, before=before: (
                        pill.click(),
                        page.wait_for_function(f"b => ({snapshot})() !== b", arg=before),
                    )
                )
            )
            _settle(page)
            out["filter_ws_bytes"].append(tap.mark()[0] - ws)
            out["filter_wire_bytes"].append(relay.down - down)
        for _ in range(runs if not floor else 0):
            page.goto(server + "/")
            _ready(name, page)
            _settle(page)
            x, y = page.evaluate(probes.CENTRE, "IRN")
            ws, _ = tap.mark()
            out["click_to_country_s"].append(
                _seconds(
                    lambda x=x, y=y: (
                        page.mouse.click(x, y),
                        probes.wait_for_text(page, probes.IRAN_FACT),
                    )
                )
            )
            _settle(page)
            out["click_ws_bytes"].append(tap.mark()[0] - ws)
        context.close()

    memory = measure_memory(name, browser, sessions)
    result = {key: _stats(values) for key, values in out.items()}
    result |= memory
    return result


def measure_phone(name: str, browser, server: str, runs: int) -> list[float]:
    """Warm loads of / to the map painted on a mid-range phone: 390x844, touch, the CPU slowed
    4x by Chromium (harness.PHONE); the first load warms the caches and is not counted."""
    context = browser.new_context(**harness.PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": harness.PHONE_CPU_SLOWDOWN})
    page.goto(server + "/")
    _ready(name, page, 120_000)
    _settle(page)
    times = [
        _seconds(lambda: (page.goto(server + "/"), _ready(name, page, 120_000)))
        for _ in range(runs)
    ]
    context.close()
    return times


def measure_memory(name: str, browser, sessions: int) -> dict:
    """Server RSS with 1 and with `sessions` open sessions, each with its page painted."""
    with harness.streamlit_server(script=APPS[name]) as server:
        opened = []
        rss = {}
        for number in range(1, sessions + 1):
            context, page, _ = _new_page(browser)
            page.goto(server + "/")
            _ready(name, page, 60_000)
            opened.append(context)
            if number == 1:
                _settle(page, 1500)
                rss["one"] = server.rss_bytes()
        time.sleep(3)  # let the last sessions finish their first run
        rss["many"] = server.rss_bytes()
        for context in opened:
            context.close()
    per_session = (rss["many"] - rss["one"]) / max(sessions - 1, 1)
    return {
        "rss_1_session_bytes": {
            "median": rss["one"],
            "min": rss["one"],
            "max": rss["one"],
            "runs": 1,
        },
        f"rss_{sessions}_sessions_bytes": {
            "median": rss["many"],
            "min": rss["many"],
            "max": rss["many"],
            "runs": 1,
        },
        "rss_per_extra_session_bytes": {
            "median": per_session,
            "min": per_session,
            "max": per_session,
            "runs": 1,
        },
    }


def measure_reruns(runs: int) -> dict:
    """Script time per rerun with warm caches (Streamlit's AppTest, in this process).

    Each page is run once to warm its caches, then `runs` more times; the trivial one-line page
    is measured in the same loop, interleaved, so that machine noise hits all alike.
    """
    from streamlit.testing.v1 import AppTest

    def app(script: Path, page: str | None = None, **params):
        test = AppTest.from_file(str(script), default_timeout=60)
        for key, value in params.items():
            test.query_params[key] = value
        if page:
            test.switch_page(page)
        test.run()
        assert not test.exception, test.exception
        return test

    apps = {
        "trivial": AppTest.from_string(TRIVIAL_PAGE),
        "atlas_map": app(APPS["atlas"]),
        "atlas_country": app(APPS["atlas"], "pages/country.py", iso3="IRN"),
        "naive_map": app(APPS["naive"]),
    }
    apps["trivial"].run()
    times: dict[str, list[float]] = {name: [] for name in apps}
    for _ in range(runs):
        for name, test in apps.items():
            times[name].append(_seconds(test.run))
    return {f"rerun_{name}_s": _stats(values) for name, values in times.items()}


# figure key, its label in the report, and its unit (the budget is judged in budgets() below)
FIGURES = [
    ("cold_start_s", "Cold start: server launch to map painted", "s"),
    ("first_load_bytes", "Bytes sent for a first load (HTTP + websocket)", "B"),
    ("warm_map_s", "Warm load: / to map painted", "s"),
    ("phone_warm_map_s", "Warm load on a phone (390x844, CPU slowed 4x): / to map painted", "s"),
    ("warm_country_s", "Warm load: /country?iso3=IRN to its facts", "s"),
    ("filter_repaint_s", "Filter change to map repainted", "s"),
    ("filter_ws_bytes", "Bytes per filter change (websocket messages, uncompressed)", "B"),
    ("filter_wire_bytes", "Bytes per filter change on the wire (server to browser)", "B"),
    ("click_to_country_s", "Click on a country to its page shown", "s"),
    ("click_ws_bytes", "Bytes sent per click to a country page (websocket)", "B"),
    ("rss_1_session_bytes", "Server memory (RSS), 1 session", "B"),
    ("rss_per_extra_session_bytes", "Server memory per extra session", "B"),
]


def budgets(atlas: dict, naive: dict, floor: dict, reruns: dict) -> list[tuple[str, str, bool]]:
    """The targets, each line with the measured figures that decide it (ratios in one run)."""
    med = lambda d, k: d[k]["median"]  # noqa: E731
    ms = lambda d, k: f"{med(d, k) * 1000:.0f} ms"  # noqa: E731
    warm = med(atlas, "warm_map_s") / med(naive, "warm_map_s")
    phone = med(atlas, "phone_warm_map_s") / med(naive, "phone_warm_map_s")
    repaint = med(atlas, "filter_repaint_s") / med(naive, "filter_repaint_s")
    country = med(atlas, "warm_country_s") / med(naive, "warm_country_s")
    wire_bytes = med(atlas, "filter_wire_bytes")
    return [
        (
            "Warm load of the map at most 0.5x the naive build's",
            f"{warm:.2f}x ({ms(atlas, 'warm_map_s')} vs {ms(naive, 'warm_map_s')}; "
            f"floor {ms(floor, 'warm_map_s')})",
            warm <= 0.5,
        ),
        (
            "On a phone (CPU slowed 4x), warm map at most 1.6 s and 0.4x the naive build's",
            f"{ms(atlas, 'phone_warm_map_s')}, {phone:.2f}x (naive "
            f"{ms(naive, 'phone_warm_map_s')}; floor {ms(floor, 'phone_warm_map_s')})",
            med(atlas, "phone_warm_map_s") <= 1.6 and phone <= 0.4,
        ),
        (
            "Filter change repainted in at most 0.2x the naive build's time",
            f"{repaint:.2f}x ({ms(atlas, 'filter_repaint_s')} vs "
            f"{ms(naive, 'filter_repaint_s')}; floor {ms(floor, 'filter_repaint_s')})",
            repaint <= 0.2,
        ),
        (
            "At most 3 KB on the wire per filter change",
            f"{wire_bytes / 1000:.1f} KB ({med(atlas, 'filter_ws_bytes') / 1000:.1f} KB "
            f"uncompressed; floor {med(floor, 'filter_wire_bytes') / 1000:.1f} KB)",
            wire_bytes <= 3_000,
        ),
        (
            "Country page's warm load at most the naive build's",
            f"{country:.2f}x ({ms(atlas, 'warm_country_s')} vs {ms(naive, 'warm_country_s')})",
            country <= 1,
        ),
        (
            "Click to country page faster than naive and under 1 s",
            f"{ms(atlas, 'click_to_country_s')} vs {ms(naive, 'click_to_country_s')}",
            med(atlas, "click_to_country_s") < min(1.0, med(naive, "click_to_country_s")),
        ),
        (
            "Memory per extra session under 5 MB",
            f"{med(atlas, 'rss_per_extra_session_bytes') / 1e6:.2f} MB",
            med(atlas, "rss_per_extra_session_bytes") < 5e6,
        ),
    ]


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if abs(value) >= 1e6:
        return f"{value / 1e6:.2f} MB"
    return f"{value / 1e3:.1f} KB"


def _cell(stats: dict, unit: str) -> str:
    if stats["runs"] == 1:
        return _fmt(stats["median"], unit)
    return f"{_fmt(stats['median'], unit)} ({_fmt(stats['min'], unit)}–{_fmt(stats['max'], unit)})"


def _ratio(a: dict, b: dict | None) -> str:
    if not b or not b["median"]:
        return "–"
    return f"{a['median'] / b['median']:.2f}"


def markdown(report: dict) -> str:
    atlas, naive, reruns = report["atlas"], report["naive"], report["reruns"]
    floor = report["floor"]
    lines = [
        f"Run {report['when']} on {report['machine']}; {report['runs']} runs per figure, "
        f"memory with {report['sessions']} sessions. Median (min–max). The floor is a page of "
        "one row of pills and one line of text (it has no country page: –).",
        "",
        "| figure | atlas | naive build | floor | atlas / naive | atlas / floor |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for key, label, unit in FIGURES:
        a, n, f = atlas[key], naive[key], floor.get(key)
        lines.append(
            f"| {label} | {_cell(a, unit)} | {_cell(n, unit)} | "
            f"{_cell(f, unit) if f else '–'} | {_ratio(a, n)} | {_ratio(a, f)} |"
        )
    trivial = reruns["rerun_trivial_s"]["median"]
    for key, label in (
        ("rerun_atlas_map_s", "Server script time per rerun, map page"),
        ("rerun_atlas_country_s", "Server script time per rerun, country page"),
        ("rerun_naive_map_s", "Server script time per rerun, naive map page"),
        ("rerun_trivial_s", "Server script time per rerun, trivial one-line page"),
    ):
        stats = reruns[key]
        lines.append(
            f"| {label} | {_cell(stats, 's')} | | | | {stats['median'] / trivial:.1f}x trivial |"
        )
    lines += ["", "| budget | measured | met |", "| --- | --- | --- |"]
    lines += [f"| {b} | {m} | {'yes' if ok else '**no**'} |" for b, m, ok in report["budget"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the atlas against a naive build.")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (at least 5)")
    parser.add_argument("--sessions", type=int, default=20, help="sessions for the memory figure")
    parser.add_argument("--rerun-runs", type=int, default=30, help="reruns per page for timing")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="exit 0 even when a budget is missed (CI: a crash fails, noise does not)",
    )
    args = parser.parse_args(argv)
    if not 5 <= args.runs <= len(FILTER_CLICKS):
        parser.error(f"--runs must be from 5 (fewer say little) to {len(FILTER_CLICKS)}")
    chromium = harness.chromium_path()
    if chromium is None:
        raise SystemExit("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)")

    report = {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {platform.python_version()}, "
        f"{__import__('os').cpu_count()} cores",
        "runs": args.runs,
        "sessions": args.sessions,
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=harness.CHROMIUM_ARGS)
        for name in APPS:
            print(f"measuring {name} in the browser…", flush=True)
            report[name] = measure_browser(name, browser, args.runs, args.sessions)
        browser.close()
    print("measuring reruns…", flush=True)
    report["reruns"] = measure_reruns(args.rerun_runs)
    report["budget"] = budgets(report["atlas"], report["naive"], report["floor"], report["reruns"])

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    table = markdown(report)
    (args.out / "latest.md").write_text(table)
    print(table)
    met = all(ok for _, _, ok in report["budget"])
    return 0 if met or args.report_only else 1


if __name__ == "__main__":
    raise SystemExit(main())
