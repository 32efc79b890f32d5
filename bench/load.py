"""Load test and soak: many browser sessions against one server, loopback only, bounded.

Load: uv run python -m bench.load [--sessions 25]
    N concurrent sessions (Playwright contexts on Debian's Chromium) each open the map, change a
    filter, click Iran on the map, and open two country pages. Reports p50/p95 per step, errors
    and the server's memory. Exit 1 on any error.
Soak: uv run python -m bench.load --soak-minutes 5 [--sessions 4]
    The same sessions navigate at random until the time is up; the server's memory is sampled
    every few seconds to show whether it levels off. Exit 1 on any error.

Every request goes to 127.0.0.1; every wait has a timeout; the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import time
from pathlib import Path

from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

from bench import harness, probes
from partners import load

RESULTS = Path(__file__).resolve().parent / "results"
# Generous: 25 browsers and the server share the machine's two cores, and opening the map (25
# Chromiums parsing plotly.js at once) has taken up to 175 s here.
TIMEOUT_MS = 360_000
MAP_PAINTED, SHAPES = probes.map_painted()  # the tests' own meaning: every shape drawn
FILLS, CENTRE = probes.FILLS, probes.CENTRE
LOCATOR_PAINTED = probes.LOCATOR_PAINTED
PILLS = ["Weapons and munitions", "Economic ties", "Diplomatic cover", "Territory and bases"]


def _expectations() -> dict[str, tuple[str, str]]:
    """For each country with facts: its name and the start of one of its summaries."""
    atlas = load.load_atlas()
    names = atlas.countries.set_index("iso3")["name"]
    firsts = atlas.facts.drop_duplicates("iso3").set_index("iso3")["summary"]
    return {code: (names[code], summary[:40]) for code, summary in firsts.items()}


class Run:
    """Timings per step and the errors of one load or soak run."""

    def __init__(self):
        self.times: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.cancelled_fetches = 0  # shape fetches cut short by the session navigating on

    async def step(self, name: str, coroutine) -> None:
        started = time.perf_counter()
        try:
            await coroutine
        except Exception as exc:  # every failure is counted and reported, none is fatal
            self.errors.append(f"{name}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
            return
        self.times.setdefault(name, []).append(time.perf_counter() - started)

    def summary(self) -> dict:
        def pct(values: list[float], q: float) -> float:
            ordered = sorted(values)
            return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

        return {
            name: {
                "n": len(values),
                "p50_s": round(statistics.median(values), 3),
                "p95_s": round(pct(values, 0.95), 3),
                "max_s": round(max(values), 3),
            }
            for name, values in sorted(self.times.items())
        }


async def _open_map(page, base: str) -> None:
    await page.goto(base + "/", timeout=TIMEOUT_MS)
    await page.wait_for_function(MAP_PAINTED, arg=SHAPES, timeout=TIMEOUT_MS)


async def _change_filter(page, label: str) -> None:
    before = await page.evaluate(FILLS)
    await page.get_by_role("button", name=label).click(timeout=TIMEOUT_MS)
    await page.wait_for_function(f"b => ({FILLS})() !== b", arg=before, timeout=TIMEOUT_MS)


async def _click_iran(page, expect) -> None:
    # As a reader does: point at Iran, see the map's label for it, then click (a failure says
    # where the page was).
    x, y = await page.evaluate(CENTRE, "IRN")
    await page.mouse.move(x, y)
    await page.locator(".atlas-map-tip").filter(has_text="Iran").wait_for(timeout=TIMEOUT_MS)
    await page.mouse.click(x, y)
    try:
        await page.wait_for_url("**/country?iso3=IRN", timeout=TIMEOUT_MS)
    except PlaywrightTimeout as exc:
        state = await page.evaluate(probes.SCRIPT_STATE)
        raise TimeoutError(f"still at {page.url} (script {state}) after clicking Iran") from exc
    await page.get_by_text(expect["IRN"][1]).first.wait_for(timeout=TIMEOUT_MS)
    await page.wait_for_function(LOCATOR_PAINTED, timeout=TIMEOUT_MS)


async def _open_country(page, base: str, code: str, expect) -> None:
    await page.goto(f"{base}/country?iso3={code}", timeout=TIMEOUT_MS)
    name, summary = expect[code]
    await page.get_by_text(summary).first.wait_for(timeout=TIMEOUT_MS)
    await page.wait_for_function(LOCATOR_PAINTED, timeout=TIMEOUT_MS)
    heading = await page.locator("h1").first.inner_text(timeout=TIMEOUT_MS)
    if heading.strip() != name:
        raise AssertionError(f"expected the page of {name}, got {heading!r}")


def _http_error(run: Run, response) -> None:
    """An HTTP error, except Streamlit's own probing: opened at /country, its front end first
    asks /country/_stcore/health and /country/_stcore/host-config (404) to find its base path."""
    probing = response.url.split("?")[0].endswith(("/_stcore/health", "/_stcore/host-config"))
    if response.status >= 400 and not (response.status == 404 and probing):
        run.errors.append(f"HTTP {response.status}: {response.url}")


def _failed(run: Run, aborted: set, request) -> None:
    """A request that failed for any reason but being cancelled (net::ERR_ABORTED, which is what
    leaving a page does to its requests still under way) is an error."""
    reason = request.failure or ""
    if "ERR_ABORTED" in reason:
        aborted.add(request.url.split("/app/static/")[-1])
    else:
        run.errors.append(f"request failed ({reason}): {request.url}")


def _page_errors(run: Run, messages: list[str], aborted: set) -> None:
    """Page errors are errors, except plotly.js's report of a shape fetch that was cancelled.

    plotly.js says "Unexpected error while fetching from <url>" for any failed fetch; when the
    same page saw that very request cancelled (the session navigated on while it was under way),
    the message reports the navigation, not a fault, and is counted apart.
    """
    for message in messages:
        fetch = message.split("Unexpected error while fetching from ", 1)
        if len(fetch) == 2 and fetch[1].split("app/static/")[-1].strip() in aborted:
            run.cancelled_fetches += 1
        else:
            run.errors.append(f"page error: {message}")


async def _session(browser, base: str, run: Run, expect, rng: random.Random, until: float | None):
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    messages: list[str] = []
    aborted: set[str] = set()
    page.on("pageerror", lambda exc: messages.append(str(exc)))
    page.on("response", lambda response: _http_error(run, response))
    page.on("requestfailed", lambda request: _failed(run, aborted, request))
    codes = sorted(expect)
    try:
        await run.step("open map", _open_map(page, base))
        await run.step("change a filter", _change_filter(page, rng.choice(PILLS)))
        await run.step("click Iran on the map", _click_iran(page, expect))
        for code in rng.sample(codes, 2):
            await run.step("open a country page", _open_country(page, base, code, expect))
        while until is not None and time.monotonic() < until:
            action = rng.random()
            if action < 0.4:
                await run.step(
                    "open a country page", _open_country(page, base, rng.choice(codes), expect)
                )
            elif action < 0.7:
                await run.step("open map", _open_map(page, base))
                await run.step("change a filter", _change_filter(page, rng.choice(PILLS)))
            else:
                await run.step("open map", _open_map(page, base))
                await run.step("click Iran on the map", _click_iran(page, expect))
    finally:
        await context.close()
        _page_errors(run, messages, aborted)


async def _sample_memory(server, samples: list, stop: asyncio.Event, every: float) -> None:
    started = time.monotonic()
    while not stop.is_set():
        samples.append((round(time.monotonic() - started, 1), server.rss_bytes()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every)


async def run_load(sessions: int, soak_minutes: float, seed: int) -> dict:
    chromium = harness.chromium_path()
    if chromium is None:
        raise SystemExit("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)")
    expect = _expectations()
    run = Run()
    samples: list[tuple[float, int]] = []
    with harness.streamlit_server() as server:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=chromium, args=harness.CHROMIUM_ARGS
            )
            stop = asyncio.Event()
            sampler = asyncio.create_task(
                _sample_memory(server, samples, stop, 10.0 if soak_minutes else 1.0)
            )
            until = time.monotonic() + soak_minutes * 60 if soak_minutes else None
            started = time.perf_counter()
            cpu_before = server.cpu_seconds()
            await asyncio.gather(
                *(
                    _session(browser, server, run, expect, random.Random(seed + n), until)
                    for n in range(sessions)
                )
            )
            elapsed = time.perf_counter() - started
            server_cpu = server.cpu_seconds() - cpu_before
            stop.set()
            await sampler
            await browser.close()
    rss = [value for _, value in samples]
    report = {
        "kind": "soak" if soak_minutes else "load",
        "sessions": sessions,
        "seconds": round(elapsed, 1),
        # The browsers run on the same cores as the server: this says how much was the server's.
        "server_cpu_seconds": round(server_cpu, 1),
        "steps": run.summary(),
        "errors": run.errors,
        "cancelled_fetches": run.cancelled_fetches,
        "rss_start_mb": round(rss[0] / 1e6, 1),
        "rss_peak_mb": round(max(rss) / 1e6, 1),
        "rss_end_mb": round(rss[-1] / 1e6, 1),
        "rss_samples": [(t, round(v / 1e6, 1)) for t, v in samples],
    }
    if soak_minutes:
        report["rss_growth_last_half_mb"] = _growth_last_half(samples)
    return report


def _growth_last_half(samples: list[tuple[float, int]]) -> float:
    """Memory at the end minus memory at mid-run (MB): near zero when memory has levelled off."""
    half = samples[len(samples) // 2 :]
    return round((half[-1][1] - half[0][1]) / 1e6, 1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def markdown(report: dict) -> str:
    lines = [
        f"{report['kind'].capitalize()}: {report['sessions']} concurrent browser sessions, "
        f"{report['seconds']} s (server CPU {report['server_cpu_seconds']} s of it; the browsers "
        f"share the machine's {os.cpu_count()} cores), {_count(len(report['errors']), 'error')} "
        f"({report.get('cancelled_fetches', 0)} shape fetches cut short by navigating on, "
        "not counted); server RSS "
        f"{report['rss_start_mb']} MB at start, {report['rss_peak_mb']} MB at peak, "
        f"{report['rss_end_mb']} MB at the end"
        + (
            f", {report['rss_growth_last_half_mb']:+} MB over the second half."
            if "rss_growth_last_half_mb" in report
            else "."
        ),
        "",
        "| step | n | p50 | p95 | max |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, s in report["steps"].items():
        lines.append(f"| {name} | {s['n']} | {s['p50_s']} s | {s['p95_s']} s | {s['max_s']} s |")
    lines += [f"- error: {e}" for e in report["errors"][:20]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load test or soak against one server.")
    parser.add_argument("--sessions", type=int, default=None, help="25 for load, 4 for soak")
    parser.add_argument("--soak-minutes", type=float, default=0, help="soak this long, in minutes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sessions = args.sessions or (4 if args.soak_minutes else 25)
    if not 1 <= sessions <= 40:
        parser.error("--sessions must be from 1 to 40 on this 2-core machine")
    report = asyncio.run(run_load(sessions, args.soak_minutes, args.seed))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{report['kind']}.json").write_text(json.dumps(report, indent=2) + "\n")
    text = markdown(report)
    (args.out / f"{report['kind']}.md").write_text(text)
    print(text)
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
