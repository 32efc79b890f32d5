"""The benchmark's report: budgets decided from the medians, a readable table."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright", reason="needs the dev group: uv sync --all-groups")

import bench.__main__ as bench  # noqa: E402


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


def _within() -> tuple[dict, dict, dict]:
    """atlas, naive and floor figures that meet every target."""
    atlas = _app(0.1) | {
        "filter_wire_bytes": _stats(2_500),
        "rss_per_extra_session_bytes": _stats(1e5),
    }
    naive = _app(0.5) | {"filter_wire_bytes": _stats(200_000)}
    floor = _app(0.05)
    return atlas, naive, floor


def test_a_phone_map_over_1_6_seconds_misses_its_budget_even_at_a_good_ratio():
    atlas, naive, floor = _within()
    atlas |= {"phone_warm_map_s": _stats(1.7)}
    naive |= {"phone_warm_map_s": _stats(6.0)}  # 0.28x naive
    results = bench.budgets(atlas, naive, floor, _reruns(0.008))
    assert [name for name, _, ok in results if not ok] == [
        next(name for name, _, _ in results if name.startswith("On a phone"))
    ]


def test_budgets_pass_when_every_figure_is_within_them():
    atlas, naive, floor = _within()
    results = bench.budgets(atlas, naive, floor, _reruns(0.008))
    assert all(ok for _, _, ok in results)


@pytest.mark.parametrize(
    "change, failing",
    [
        ({"warm_map_s": 0.26}, "Warm load of the map"),  # 0.52x naive
        ({"phone_warm_map_s": 0.21}, "On a phone"),  # 0.42x naive
        ({"filter_repaint_s": 0.11}, "Filter change repainted"),  # 0.22x naive
        ({"filter_wire_bytes": 3_001}, "At most 3 KB"),
        ({"warm_country_s": 0.51}, "Country page's warm load"),
        ({"click_to_country_s": 0.6}, "Click to country page"),
        ({"rss_per_extra_session_bytes": 6e6}, "Memory per extra session"),
    ],
)
def test_each_budget_fails_on_its_own(change, failing):
    atlas, naive, floor = _within()
    atlas |= {k: _stats(v) for k, v in change.items()}
    results = bench.budgets(atlas, naive, floor, _reruns(0.008))
    assert [name for name, _, ok in results if not ok] == [
        next(name for name, _, _ in results if name.startswith(failing))
    ]


def test_the_markdown_table_names_every_figure_and_budget_with_the_floor_beside():
    atlas, naive, floor = _within()
    floor = {k: v for k, v in floor.items() if "country" not in k}
    report = {
        "when": "now",
        "machine": "here",
        "runs": 5,
        "sessions": 20,
        "atlas": atlas,
        "naive": naive,
        "floor": floor,
        "reruns": _reruns(0.008),
    }
    report["budget"] = bench.budgets(atlas, naive, floor | _app(0.05), report["reruns"])
    text = bench.markdown(report)
    for _, label, _ in bench.FIGURES:
        assert label in text
    assert "| atlas | naive build | floor | atlas / naive | atlas / floor |" in text
    a, n, f = "100 ms (100 ms–100 ms)", "500 ms (500 ms–500 ms)", "50 ms (50 ms–50 ms)"
    assert f"| Warm load: / to map painted | {a} | {n} | {f} | 0.20 | 2.00 |" in text
    assert f"| Warm load: /country?iso3=IRN to its facts | {a} | {n} | – | 0.20 | – |" in text
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
