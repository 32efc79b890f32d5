"""Shared fixtures: the shipped data, loaded once, and the reference material beside the repo."""

from __future__ import annotations

import os

import pytest

from partners import load, paths


@pytest.fixture(scope="session")
def atlas() -> load.Atlas:
    return load.load_atlas()


@pytest.fixture(scope="session")
def shared_dir():
    """shared/ beside the repository; missing is a failure in CI, a skip elsewhere."""
    if not paths.SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"reference material not found at {paths.SHARED}")
        pytest.skip(f"reference material not found at {paths.SHARED}")
    return paths.SHARED


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; missing, it fails the run in CI, skips elsewhere."""
    from bench import harness

    sync_api = pytest.importorskip("playwright.sync_api")
    path = harness.chromium_path()
    if path is None:
        message = "Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=harness.CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records its traffic and fails the test if any dialog opens."""
    from tests.browser_support import ARTIFACTS, Recorder

    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.recorder = Recorder(page)
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    yield page
    context.close()
