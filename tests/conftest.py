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
