"""More than one process: a real nginx (Debian's package) in front of two atlas processes, with
sticky sessions and websocket upgrade, under the base path /atlas/, running the configuration
the README gives (docs/nginx/atlas.conf, ports and cache folder changed, nothing else).

One process is killed under load, browsers and protocol readers on both: the readers on the
survivor see no error; the browsers of the killed one reconnect to the survivor and, since every
view lives in the address, show the same view again.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from bench import harness, probes, protocol
from bench.probes import ARTIFACTS, wait_for_map, wait_until_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CONFIG = harness.ROOT / "docs" / "nginx" / "atlas.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CACHE = "/var/cache/nginx/atlas"  # the documented config's cache folder
# Views a reader may hold, each with what shows that it is back.
VIEWS = [
    ("/atlas/?view=vote&res=ES-11/3", "Yes (93)"),
    ("/atlas/?view=period&per=2019-2021", "2019–2021"),
    ("/atlas/compare?countries=CHN,IND,ZAF", "UN General Assembly votes"),
    ("/atlas/?cat=arms", "Weapons and munitions"),
]


def documented_config(port: int, first: int, second: int, cache: Path) -> str:
    """docs/nginx/atlas.conf with the test's free ports in place of 8080, 8501 and 8502, and a
    temporary folder for its cache of Streamlit's bundles."""
    text = CONFIG.read_text(encoding="utf-8")
    changes = (("8080", port), ("8501", first), ("8502", second), (CACHE, cache))
    for old, new in changes:
        assert text.count(old) >= 1, f"the documented config no longer names port {old}"
        text = text.replace(old, str(new))
    return text


@contextlib.contextmanager
def nginx(first: int, second: int):
    """nginx on a free port, in the foreground, with the documented config; yields its URL."""
    if not os.path.exists(NGINX):
        if os.environ.get("CI"):
            pytest.fail("nginx not found: apt-get install -y nginx")
        pytest.skip("nginx not found: apt-get install -y nginx")
    port = harness.free_port()
    with tempfile.TemporaryDirectory() as prefix:
        root = Path(prefix)
        (root / "atlas.conf").write_text(documented_config(port, first, second, root / "cache"))
        temp = "".join(
            f"{kind}_temp_path {root / kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        user = "user root;\n" if os.geteuid() == 0 else ""
        (root / "nginx.conf").write_text(
            f"{user}worker_processes 1;\npid {root / 'nginx.pid'};\n"
            f"error_log {root / 'error.log'} warn;\nevents {{ worker_connections 2048; }}\n"
            f"http {{\naccess_log off;\n{temp}include {root / 'atlas.conf'};\n}}\n"
        )
        check = subprocess.run(
            [NGINX, "-t", "-p", prefix, "-c", str(root / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stderr
        process = subprocess.Popen(
            [NGINX, "-p", prefix, "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 20
            while True:
                with (
                    contextlib.suppress(OSError),
                    urllib.request.urlopen(f"{base}/atlas/_stcore/health", timeout=2),
                ):
                    break
                assert time.monotonic() < deadline, "nginx did not answer in time"
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)


def _query(url: str) -> tuple[str, dict[str, list[str]]]:
    """A URL's path and its decoded parameters ('CHN,IND' and 'CHN%2CIND' alike)."""
    parts = urlsplit(url)
    return parts.path, parse_qs(parts.query)


def _upstream(response) -> str:
    """The process that answered. nginx's $upstream_addr lists every process it tried, in order
    ("dead:port, live:port" once a killed process's fail_timeout has run out and nginx tries it
    again): the last one answered."""
    return response.headers.get("x-upstream", "").split(",")[-1].strip()


def _track(page, socket) -> None:
    entry = {"socket": socket, "frames": 0}
    socket.on("framereceived", lambda _: entry.__setitem__("frames", entry["frames"] + 1))
    page.sockets.append(entry)


# A whole run of a page over a websocket: a new session, the page's elements, the end.
RECONNECTED = 5


def _reconnected(page, frames: int) -> bool:
    """The page's latest websocket is a new one, open, having carried `frames` or more."""
    latest = page.sockets[-1] if page.sockets else None
    return (
        len(page.sockets) >= 2 and not latest["socket"].is_closed() and latest["frames"] >= frames
    )


def _wait_until(page, condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            states = [(e["socket"].is_closed(), e["frames"]) for e in page.sockets]
            pytest.fail(f"timed out waiting for {what}: websockets (closed, frames) {states}")
        page.wait_for_timeout(250)


def test_two_processes_behind_nginx_survive_losing_one(browser, atlas):
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(harness.streamlit_server(path="atlas")) for _ in range(2)]
        ports = [int(s.split(":")[2].split("/")[0]) for s in servers]
        base = stack.enter_context(nginx(*ports))
        by_port = {f"127.0.0.1:{port}": server for port, server in zip(ports, servers, strict=True)}

        # Readers in browsers, each with its own cookie, until both processes hold some.
        readers = []
        for number in range(12):
            path, sign = VIEWS[number % len(VIEWS)]
            context = browser.new_context(viewport={"width": 1300, "height": 900})
            page = context.new_page()
            page.sockets = []  # every websocket the page opens, with the frames it received
            page.on("websocket", lambda ws, page=page: _track(page, ws))
            response = page.goto(base + path)
            page.get_by_text(sign).first.wait_for(timeout=60_000)
            readers.append((page, path, sign, _upstream(response)))
            if len({r[3] for r in readers}) == 2 and len(readers) >= 4:
                break
        homes = {r[3] for r in readers}
        assert homes == set(by_port), f"readers landed on {homes}, not on both processes"

        # Stickiness: every later request of a reader, the websocket included, stays home.
        for page, _, _, home in readers:
            again = page.request.get(base + "/atlas/_stcore/health")
            assert _upstream(again) == home

        # Protocol readers through nginx, replaying a recorded session, during the kill.
        messages = protocol.record(servers[0], "atlas", browser)
        level = protocol.Level()
        url = base.replace("http://", "ws://") + "/atlas/_stcore/stream"
        load = threading.Thread(
            target=lambda: asyncio.run(protocol.run_level(url, messages, 20, 25, level=level))
        )
        load.start()
        killed = readers[0][3]
        # The kill comes once the replayed readers are at work on both processes.
        deadline = time.monotonic() + 60
        while len(set(level.upstreams)) < 2:
            assert time.monotonic() < deadline, f"readers reached only {set(level.upstreams)}"
            time.sleep(0.2)
        victim = by_port[killed]
        os.kill(victim.pid, 9)
        load.join(timeout=120)
        assert not load.is_alive()

        survivor = next(addr for addr in by_port if addr != killed)
        assert level.upstreams.count(survivor) > 0 and level.upstreams.count(killed) > 0
        assert [u for u in level.failed_upstreams if u != killed] == [], (
            "a reader on the surviving process met an error"
        )

        ARTIFACTS.mkdir(exist_ok=True)
        for number, (page, path, sign, home) in enumerate(readers):
            if home != killed:
                assert len(page.sockets) == 1 and not page.sockets[0]["socket"].is_closed(), (
                    "a reader on the surviving process lost its session"
                )
                assert page.locator("[data-testid='stException']").count() == 0
                continue
            # It lost its websocket and opened a new one: to the survivor, the only process
            # left, which holds no session for it yet. What it shows is still its view.
            _wait_until(page, lambda p=page: _reconnected(p, 0), f"reader {number} reconnects")
            page.get_by_text(sign).first.wait_for(timeout=60_000)
            if number == 0:
                # The vote view's reader goes on working, with no reload. Its first action
                # reaches a process that holds no session for it: that run starts the session
                # from the address, so the reader sees its view again (the action itself is
                # not applied; see the README). The next action works as ever.
                slider = page.get_by_role("slider")
                slider.focus()
                page.keyboard.press("ArrowLeft")
                _wait_until(page, lambda p=page: _reconnected(p, RECONNECTED), "a first run")
                page.get_by_text(sign).first.wait_for(timeout=60_000)
                assert _query(page.url) == _query(base + path)
                res = atlas.resolutions.sort_values("adopted").reset_index(drop=True)
                earlier = res.loc[res.index[res["symbol"] == "A/RES/ES-11/3"][0] - 1]
                short = earlier["symbol"].removeprefix("A/RES/")
                slider.focus()
                page.keyboard.press("ArrowLeft")
                page.wait_for_function(
                    "s => new URLSearchParams(location.search).get('res') === s", arg=short
                )
                page.get_by_text(f"Yes ({earlier['yes']})").wait_for(timeout=60_000)
            else:
                # Reloading, the reader gets the same view again, served by the survivor.
                page.reload()
                page.get_by_text(sign).first.wait_for(timeout=60_000)
                assert _query(page.url) == _query(base + path)
            if "compare" not in page.url:
                wait_for_map(page, timeout=60_000)
            assert page.locator("[data-testid='stException']").count() == 0
            page.screenshot(path=ARTIFACTS / f"scaling-moved-{number}.png")

        # A reader who moved can still work the app, on the survivor.
        page = next(r[0] for r in readers if r[3] == killed)
        page.goto(base + "/atlas/?view=vote&res=ES-11/1")
        page.get_by_text("Yes (141)").wait_for(timeout=60_000)
        wait_for_map(page, timeout=60_000)
        check = page.request.get(base + "/atlas/_stcore/health")
        assert check.ok and _upstream(check) == survivor


# The budget for a first visit through the recipe (issue 17: at most 3 MB).
FIRST_VISIT_BUDGET = 3_000_000


def _first_visit(browser, url: str) -> probes.Wire:
    """A first visit in a fresh browser: what came over the wire until the map is painted, the
    app idle and every response complete."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    wire = probes.Wire(context, page)
    page.goto(url)
    wait_for_map(page)
    wait_until_idle(page)
    wire.settle(page)
    context.close()
    return wire


def test_a_first_visit_through_the_nginx_recipe_is_compressed_and_its_bundles_cached(browser):
    """Through docs/nginx/atlas.conf a first visit's scripts come gzipped and the whole visit
    stays within the budget, against the same visit straight to Streamlit, measured in the same
    run; the bundles are then served from nginx's copy (X-Cache: HIT)."""
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(harness.streamlit_server(path="atlas")) for _ in range(2)]
        ports = [int(s.split(":")[2].split("/")[0]) for s in servers]
        base = stack.enter_context(nginx(*ports))
        direct = _first_visit(browser, servers[0] + "/")
        proxied = _first_visit(browser, base + "/atlas/")
        again = _first_visit(browser, base + "/atlas/")
        bundle = next(url for url in again.scripts if "/static/js/" in url)
        with urllib.request.urlopen(bundle) as response:
            cached = response.headers.get("X-Cache")
    total = {k: v.http + v.ws for k, v in (("direct", direct), ("nginx", proxied))}
    print(
        f"first visit: {total['direct']:,} B straight to Streamlit, {total['nginx']:,} B via nginx"
    )
    # nginx leaves responses under 1 KB as they are (gzip_min_length): not worth a header.
    plain = [
        url for url, (how, size, _) in proxied.scripts.items() if how != "gzip" and size > 1024
    ]
    assert proxied.scripts and not plain, f"scripts sent uncompressed through nginx: {plain}"
    # Streamlit sends its own bundles as they are (it compresses the app's static files).
    compressed = [u for u, (how, *_) in direct.scripts.items() if how and "/static/js/" in u]
    assert not compressed, compressed
    assert total["nginx"] <= FIRST_VISIT_BUDGET, total
    assert total["nginx"] < total["direct"], total
    # The scripts, the bulk of what compresses (the fonts are woff2 already), come at well under
    # half their size: the same bundles, by name, through nginx and straight.
    size = lambda seen: {  # noqa: E731
        url.rsplit("/", 1)[-1]: n for url, (*_, n) in seen.scripts.items() if "/static/js/" in url
    }
    both = size(direct).keys() & size(proxied).keys()
    scripts = {k: sum(size(v)[name] for name in both) for k, v in (("d", direct), ("n", proxied))}
    assert both and scripts["n"] < scripts["d"] * 0.4, scripts
    assert cached == "HIT", cached
