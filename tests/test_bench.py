"""The benchmark's report: budgets decided from the medians, a readable table."""

from __future__ import annotations

import pytest

import bench.__main__ as bench


def _stats(value: float) -> dict:
    return {"median": value, "min": value, "max": value, "runs": 5}


def _app(scale: float) -> dict:
    return {key: _stats(scale) for key, _, _ in bench.FIGURES}


def _reruns(map_seconds: float) -> dict:
    return {
        "rerun_trivial_s": _stats(0.002),
        "rerun_atlas_map_s": _stats(map_seconds),
        "rerun_atlas_country_s": _stats(0.004),
        "rerun_naive_map_s": _stats(0.3),
    }


def test_budgets_pass_when_every_figure_is_within_them():
    atlas = _app(0.1) | {
        "filter_ws_bytes": _stats(20_000),
        "rss_per_extra_session_bytes": _stats(1e5),
    }
    naive = _app(0.5) | {"filter_ws_bytes": _stats(500_000)}
    results = bench.budgets(atlas, naive, _reruns(0.008))
    assert all(ok for _, _, ok in results)


@pytest.mark.parametrize(
    "change, failing",
    [
        ({"rerun": 0.012}, "Map page rerun"),
        ({"filter_ws_bytes": 60_000}, "Bytes per filter change"),
        ({"filter_repaint_s": 0.35}, "Filter change to repaint"),
        ({"click_to_country_s": 0.6}, "Click to country page"),
        ({"rss_per_extra_session_bytes": 6e6}, "Memory per extra session"),
    ],
)
def test_each_budget_fails_on_its_own(change, failing):
    atlas = _app(0.1) | {
        "filter_ws_bytes": _stats(20_000),
        "rss_per_extra_session_bytes": _stats(1e5),
    }
    atlas |= {k: _stats(v) for k, v in change.items() if k != "rerun"}
    naive = _app(0.5) | {"filter_ws_bytes": _stats(500_000)}
    results = bench.budgets(atlas, naive, _reruns(change.get("rerun", 0.008)))
    assert [name for name, _, ok in results if not ok] == [
        next(name for name, _, _ in results if name.startswith(failing))
    ]


def test_the_markdown_table_names_every_figure_and_budget():
    report = {
        "when": "now",
        "machine": "here",
        "runs": 5,
        "sessions": 20,
        "atlas": _app(0.1),
        "naive": _app(0.2),
        "reruns": _reruns(0.008),
    }
    report["budget"] = bench.budgets(report["atlas"], report["naive"], report["reruns"])
    text = bench.markdown(report)
    for _, label, _ in bench.FIGURES:
        assert label in text
    assert "4.0x trivial" in text and "| budget | measured | met |" in text


def test_load_report_and_memory_growth():
    from bench import load

    samples = [(0, 100e6), (10, 200e6), (20, 240e6), (30, 241e6), (40, 241.5e6)]
    assert load._growth_last_half(samples) == 1.5
    report = {
        "kind": "soak",
        "sessions": 4,
        "seconds": 300,
        "server_cpu_seconds": 90,
        "steps": {"open map": {"n": 3, "p50_s": 1.0, "p95_s": 2.0, "max_s": 3.0}},
        "errors": ["open map: TimeoutError"],
        "rss_start_mb": 80,
        "rss_peak_mb": 240,
        "rss_end_mb": 239,
        "rss_growth_last_half_mb": 1.5,
    }
    text = load.markdown(report)
    assert "4 concurrent browser sessions" in text and "1 error " in text and "1 errors" not in text
    assert "| open map | 3 | 1.0 s | 2.0 s | 3.0 s |" in text and "TimeoutError" in text


def test_only_a_cancelled_shape_fetch_is_excused():
    from bench import load

    run = load.Run()
    messages = [
        "Unexpected error while fetching from app/static/boundaries.geojson",
        "Unexpected error while fetching from app/static/other.geojson",
        "TypeError: x is undefined",
    ]
    load._page_errors(run, messages, {"boundaries.geojson"})
    assert run.cancelled_fetches == 1
    assert run.errors == [f"page error: {m}" for m in messages[1:]]
