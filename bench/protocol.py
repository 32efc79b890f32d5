"""Readers per server, measured at Streamlit's own protocol, with no browser.

Run: uv run python -m bench.protocol [--readers 10 50 100 200 400] [--seconds 30]

1. Record: one real browser session (Debian's Chromium) opens the map, changes three filters,
   clicks Iran on the map and comes back to the map by its link. Every `rerun_script` BackMsg
   the browser sends over the websocket is kept, byte for byte.
2. Replay: simulated readers, each one websocket speaking the protobufs shipped in the streamlit
   package, open a session with the recorded first message, wait for the run's
   `script_finished`, then every few seconds (2 to 5, at random) send the next recorded message
   (a filter change, opening a country, going back), in order and round again.
3. Report, for each number of readers, for the atlas and for the naive build in the same run:
   sessions held, interactions per second, p50 / p95 / p99 from a reader's message to its run's
   finished message, the server's CPU (share of one core) and memory (RSS), and the number of
   readers at which p95 first passes 300 ms.

Loopback only; every wait has a timeout; each level lasts a fixed time; a level whose p95 passes
`--give-up-seconds` ends the ramp for that app (more readers would only queue longer).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import statistics
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import harness, probes, wire

RESULTS = Path(__file__).resolve().parent / "results"
APPS = {
    "atlas": harness.ROOT / "dashboard.py",
    "naive": harness.ROOT / "bench" / "naive" / "app.py",
}
MAP_PAINTED, SHAPES = probes.map_painted()
RECORDED_CLICKS = ["Diplomatic cover", "Weapons and munitions", "Territory and bases"]
FINISHED = {
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
SLOW_MS = 300  # the p95 a reader still feels as immediate


def record(base: str, name: str, browser=None) -> list[bytes]:
    """The rerun BackMsgs a real browser sends: opening the map, three filter changes, a click
    on Iran (its page opens), and the Map link back. The naive build has no country page and
    no link: its recording is the opening and the three filter changes. browser: a Playwright
    browser already running (a test's), else Debian's Chromium is started for the recording."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            started = playwright.chromium.launch(
                executable_path=harness.chromium_path(), args=harness.CHROMIUM_ARGS
            )
            try:
                return record(base, name, started)
            finally:
                started.close()

    sent: list[bytes] = []

    def keep(payload) -> None:
        raw = payload if isinstance(payload, bytes) else payload.encode()
        message = BackMsg.FromString(raw)
        if message.WhichOneof("type") == "rerun_script":
            sent.append(raw)

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.on("websocket", lambda ws: ws.on("framesent", keep))
    page.goto(base + "/")
    page.wait_for_function(MAP_PAINTED, arg=SHAPES, timeout=60_000)
    page.wait_for_timeout(500)
    for label in RECORDED_CLICKS:
        before = page.evaluate(probes.FILLS)
        page.get_by_role("button", name=label, exact=True).click()
        page.wait_for_function(f"b => ({probes.FILLS})() !== b", arg=before)
        page.wait_for_timeout(300)
    if name == "atlas":
        page.mouse.click(*page.evaluate(probes.CENTRE, "IRN"))
        probes.wait_for_text(page, probes.IRAN_FACT)
        page.wait_for_timeout(300)
        page.locator(".st-key-top_navigation").get_by_role("link", name="Map").click()
        page.wait_for_function(MAP_PAINTED, arg=SHAPES, timeout=60_000)
        page.wait_for_timeout(300)
    context.close()
    return sent


class Level:
    """What one level of readers measured."""

    def __init__(self) -> None:
        self.latencies_ms: list[float] = []  # interactions: a filter, a country, the way back
        self.open_ms: list[float] = []  # opening a session: its first run
        self.errors: list[str] = []
        self.open = 0
        # Behind a load balancer: the process each reader's session was on (its X-Upstream
        # header), and that of each reader that met an error.
        self.upstreams: list[str] = []
        self.failed_upstreams: list[str] = []


async def _wait_finished(socket, timeout: float) -> None:
    """Read ForwardMsgs until a run finishes (a page switch first ends one run early)."""
    deadline = time.monotonic() + timeout
    while True:
        raw = await asyncio.wait_for(socket.recv(), max(deadline - time.monotonic(), 0.01))
        message = ForwardMsg.FromString(raw)
        if message.WhichOneof("type") == "script_finished" and message.script_finished in FINISHED:
            return


async def reader(
    url: str,
    messages: list[bytes],
    level: Level,
    stop_at: float,
    rng: random.Random,
    timeout: float,
) -> None:
    """One simulated reader: open a session, then interact every 2 to 5 s until stop_at."""
    host = url.split("//", 1)[1].split("/", 1)[0]
    upstream = ""
    try:
        async with websockets.connect(
            url,
            subprotocols=["streamlit"],
            origin=f"http://{host}",
            max_size=None,
            open_timeout=timeout,
            ping_interval=None,
        ) as socket:
            upstream = socket.response.headers.get("X-Upstream", "")
            level.upstreams.append(upstream)
            level.open += 1
            try:
                started = time.perf_counter()
                await socket.send(messages[0])
                await _wait_finished(socket, timeout)
                level.open_ms.append((time.perf_counter() - started) * 1000)
                step = 1
                while True:
                    pause = rng.uniform(2, 5)
                    if time.monotonic() + pause >= stop_at:
                        # Stay in the session to the end of the level, as a reader reading.
                        await asyncio.sleep(max(stop_at - time.monotonic(), 0))
                        break
                    await asyncio.sleep(pause)
                    message = messages[1 + (step - 1) % (len(messages) - 1)]
                    step += 1
                    started = time.perf_counter()
                    await socket.send(message)
                    await _wait_finished(socket, timeout)
                    level.latencies_ms.append((time.perf_counter() - started) * 1000)
            finally:
                level.open -= 1
    except (TimeoutError, OSError, websockets.WebSocketException) as exc:
        level.errors.append(type(exc).__name__)
        level.failed_upstreams.append(upstream)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def run_level(
    url: str,
    messages: list[bytes],
    readers: int,
    seconds: float,
    server=None,
    seed: int = 0,
    level: Level | None = None,
) -> dict:
    """`readers` readers for `seconds` (they join over the first fifth). With the server (a
    harness.Server), its CPU and memory are reported; level collects what the readers met."""
    level = level or Level()
    rng = random.Random(seed)
    cpu_before = server.cpu_seconds() if server else 0.0
    wall_before = time.monotonic()
    stop_at = time.monotonic() + seconds
    held = []

    async def sample_open() -> None:
        # Sessions held: readers with an open session, sampled once the ramp is over.
        await asyncio.sleep(seconds * 0.6)
        held.append(level.open)

    ramp = seconds / 5
    tasks = []
    for _ in range(readers):
        tasks.append(
            asyncio.create_task(
                reader(url, messages, level, stop_at, random.Random(rng.random()), seconds + 30)
            )
        )
        await asyncio.sleep(ramp / readers)
    tasks.append(asyncio.create_task(sample_open()))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 90)
    wall = time.monotonic() - wall_before
    lat = level.latencies_ms
    return {
        "readers": readers,
        "open_p50_ms": _percentile(level.open_ms, 0.50),
        "open_p95_ms": _percentile(level.open_ms, 0.95),
        "sessions_held": held[0] if held else 0,
        "interactions": len(lat),
        "interactions_per_s": len(lat) / wall,
        "p50_ms": _percentile(lat, 0.50),
        "p95_ms": _percentile(lat, 0.95),
        "p99_ms": _percentile(lat, 0.99),
        "mean_ms": statistics.fmean(lat) if lat else float("nan"),
        "errors": len(level.errors),
        "error_kinds": sorted(set(level.errors)),
        "server_cpu_share": (server.cpu_seconds() - cpu_before) / wall if server else None,
        "server_rss_mb": server.rss_bytes() / 1e6 if server else None,
        "seconds": wall,
    }


def measure(name: str, levels: list[int], seconds: float, give_up_s: float) -> dict:
    """Record a browser session on the app, then replay it at each level on a fresh server."""
    with harness.streamlit_server(script=APPS[name]) as server:
        messages = record(server, name)
    if len(messages) < 2:
        raise RuntimeError(f"{name}: recorded {len(messages)} rerun messages, need 2 or more")
    results = []
    with harness.streamlit_server(script=APPS[name]) as server, wire.relay(server) as (via, relay):
        url = via.replace("http://", "ws://") + "/_stcore/stream"
        # Warm the server as a reader would find it: one session through the whole recording
        # (data loaded, caches filled), not measured.
        asyncio.run(run_level(url, messages, 1, 3.5 * len(messages) + 2, seed=99))
        for number, readers in enumerate(levels):
            down = relay.down
            found = asyncio.run(run_level(url, messages, readers, seconds, server, number))
            found["wire_kb_per_interaction"] = (
                (relay.down - down) / 1000 / found["interactions"] if found["interactions"] else 0
            )
            results.append(found)
            print(
                f"  {name} {readers:>4} readers: p95 {found['p95_ms']:.0f} ms, "
                f"{found['interactions_per_s']:.1f}/s, held {found['sessions_held']}, "
                f"{found['errors']} errors",
                flush=True,
            )
            if found["p95_ms"] > give_up_s * 1000:
                break
    return {"recorded_messages": len(messages), "levels": results}


def capacity(levels: list[dict]) -> str:
    """Where p95 first passes SLOW_MS: 'between 50 and 100 readers', or beyond the last."""
    if not levels:
        return "(not measured)"
    previous = None
    for level in levels:
        if level["p95_ms"] > SLOW_MS or level["errors"]:
            if previous is None:
                return f"below {level['readers']} readers"
            return f"between {previous} and {level['readers']} readers"
        previous = level["readers"]
    return f"more than {previous} readers (the most tried)"


def markdown(report: dict) -> str:
    lines = [
        f"Run {report['when']} on {report['machine']}: one server process per app, readers "
        f"replaying a recorded browser session at Streamlit's protocol, {report['seconds']:.0f} s "
        "per level, a message every 2–5 s per reader; times from a reader's message to its "
        "run's finished message (p50, p95, p99: interactions; opening a session apart). The "
        "server is warmed by one reader first. CPU: the server's share of one core.",
        "",
        "| app | readers | sessions held | interactions/s | p50 | p95 | p99 | opening a session, "
        "p50 / p95 | errors | server CPU | server RSS | KB on the wire per interaction |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in ("atlas", "naive"):
        for level in report[name]["levels"]:
            lines.append(
                f"| {name} | {level['readers']} | {level['sessions_held']} | "
                f"{level['interactions_per_s']:.1f} | {level['p50_ms']:.0f} ms | "
                f"{level['p95_ms']:.0f} ms | {level['p99_ms']:.0f} ms | "
                f"{level['open_p50_ms']:.0f} / {level['open_p95_ms']:.0f} ms | {level['errors']} | "
                f"{100 * level['server_cpu_share']:.0f}% | {level['server_rss_mb']:.0f} MB | "
                f"{level['wire_kb_per_interaction']:.1f} |"
            )
    lines += [""]
    for name in ("atlas", "naive"):
        lines.append(f"- **{name}**: p95 passes {SLOW_MS} ms {capacity(report[name]['levels'])}.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Readers per server, at the protocol.")
    parser.add_argument("--readers", type=int, nargs="+", default=[10, 50, 100, 200, 400])
    parser.add_argument("--seconds", type=float, default=30, help="length of each level")
    parser.add_argument("--give-up-seconds", type=float, default=5)
    parser.add_argument("--apps", nargs="+", default=["atlas", "naive"], choices=list(APPS))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if harness.chromium_path() is None:
        raise SystemExit("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)")
    report = {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {platform.python_version()}, {os.cpu_count()} cores",
        "seconds": args.seconds,
    }
    for name in ("atlas", "naive"):
        if name in args.apps:
            print(f"recording and replaying {name}…", flush=True)
            report[name] = measure(name, args.readers, args.seconds, args.give_up_seconds)
        else:
            report[name] = {"recorded_messages": 0, "levels": []}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "protocol.json").write_text(json.dumps(report, indent=2) + "\n")
    text = markdown(report)
    (args.out / "protocol.md").write_text(text)
    print(text)
    # A crash fails; so do errors at the atlas's first level, which one server must hold.
    first = report["atlas"]["levels"][:1]
    return 1 if first and first[0]["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
