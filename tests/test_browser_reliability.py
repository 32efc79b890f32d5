"""Reliability in the real browser: hostile data, broken data, a base URL path, a fresh deploy."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench import harness
from partners import paths
from tests.browser_support import ARTIFACTS
from tests.test_browser import wait_for_map
from tests.test_hostile_data import HOSTILE, edit_copy

pytest.importorskip("playwright.sync_api")


def test_hostile_fact_text_is_shown_as_text_in_the_browser(tmp_path, page):
    data = edit_copy(tmp_path, "irn-02", HOSTILE | {"quote_by": "someone"})
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


def test_broken_data_shows_the_error_and_a_fix_recovers_without_restart(tmp_path, page):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data)
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
        page.wait_for_function(
            "() => document.querySelectorAll('path.choroplethlocation').length > 0"
        )
        hosts = {urlsplit(u).hostname for u in page.recorder.requests if "://" in u}
        assert hosts == {"127.0.0.1"}
        static = [u for u in page.recorder.requests if "/app/static/" in u]
        assert static and all(urlsplit(u).path.startswith("/atlas/app/static/") for u in static)


def _python_312() -> str | None:
    """A real Python 3.12 (not a pyenv shim, which refuses when 3.12 is not selected)."""
    for candidate in sorted(Path("/root/.pyenv/versions").glob("3.12*/bin/python3.12")):
        return str(candidate)
    found = shutil.which("python3.12")
    return found if found and ".pyenv/shims" not in found else None


def test_a_fresh_deploy_from_the_lock_file_serves_the_map(tmp_path, page):
    """What Streamlit Community Cloud does: clean clone, install from uv.lock alone, run."""
    if not (paths.ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(paths.ROOT), str(clone)], check=True)
    environment = tmp_path / "venv"
    python = _python_312()  # Community Cloud's default; the machine's own where it has none
    command = ["uv", "sync", "--frozen", "--no-default-groups"]
    if python:
        command += ["--python", python]
    subprocess.run(
        command,
        cwd=clone,
        check=True,
        env=os.environ | {"UV_PROJECT_ENVIRONMENT": str(environment)},
        capture_output=True,
    )
    venv_python = str(environment / "bin" / "python")
    version = subprocess.run(
        [venv_python, "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if python:
        assert version == "(3, 12)"
    with harness.streamlit_server(
        script=Path(clone) / "dashboard.py", python=venv_python
    ) as server:
        page.goto(server + "/")
        wait_for_map(page)
        page.screenshot(path=ARTIFACTS / "fresh-deploy.png")


def test_a_country_link_opened_first_on_a_fresh_server_gets_the_whole_app(page):
    """The first request a fresh server sees is a deep link: the entry point must still run."""
    with harness.streamlit_server() as server:
        page.goto(server + "/country?iso3=IRN")
        page.get_by_text("Iran has finalised a contract to buy Russian Su-35").wait_for()
        navigation = page.get_by_role("link", name="Sources and method")
        assert navigation.count() >= 1, "the app's own navigation is shown"
        assert page.get_by_text("dashboard", exact=True).count() == 0
