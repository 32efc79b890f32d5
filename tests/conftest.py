"""Shared fixtures: the shipped data, loaded once, and the reference material beside the repo."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from partners import catalog as catalog_module
from partners import load, paths, provenance


@pytest.fixture(scope="session")
def atlas() -> load.Atlas:
    """The shipped data, loaded and validated once for the whole run; read-only."""
    return load.load_atlas()


@pytest.fixture(scope="session")
def catalog(atlas) -> catalog_module.Catalog:
    """The shipped data with the lookups the pages read (tallies, picker texts); read-only."""
    return catalog_module.Catalog(atlas)


@pytest.fixture(scope="session")
def package() -> provenance.Package:
    """The shipped datapackage.json."""
    return provenance.Package.read()


@pytest.fixture
def data_copy(tmp_path):
    """A factory: a copy of data/ with some changes, for tests that feed the app broken data.

    Call it with {file name: edit}, where an edit is the new text, or a function from the old
    text to the new one; it returns the copy's folder (point ATLAS_DATA_DIR at it).
    """

    def make(edits: dict | None = None) -> Path:
        folder = tmp_path / "data"
        if not folder.exists():
            shutil.copytree(paths.DATA, folder)
        for name, edit in (edits or {}).items():
            target = folder / name
            old = target.read_text(encoding="utf-8") if target.exists() else ""
            target.write_text(edit(old) if callable(edit) else edit, encoding="utf-8")
        return folder

    return make


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
    from bench.probes import ARTIFACTS, Recorder

    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.recorder = Recorder(page)
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    """Mark every test that reads ../shared (through the shared_dir fixture) needs_shared."""
    for item in items:
        if "shared_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.needs_shared)


@pytest.fixture(scope="session")
def server():
    """One real Streamlit server of the app, shared by the browser tests; its base URL."""
    from bench import harness

    with harness.streamlit_server() as base:
        yield base
