"""Write the latest benchmark results into docs/benchmark.md, so the figures there are always
the ones in bench/results (a test checks that they are).

Run: uv run python -m bench.report   (after `python -m bench`, `bench.protocol` or `bench.load`)
"""

from __future__ import annotations

from pathlib import Path

from bench import harness

RESULTS = harness.ROOT / "bench" / "results"
DOC = harness.ROOT / "docs" / "benchmark.md"
START = (
    "<!-- bench-results: generated from bench/results by `uv run python -m bench.report`; "
    "do not edit -->"
)
END = "<!-- /bench-results -->"
# Each results file, under the heading it gets in the document.
SECTIONS = (
    ("latest.md", "What a reader feels (`python -m bench`)"),
    ("protocol.md", "Readers per server process (`python -m bench.protocol`)"),
    ("load.md", "25 concurrent browsers (`python -m bench.load`)"),
    ("soak.md", "Soak (`python -m bench.load --soak-minutes N`)"),
)


def results(folder: Path = RESULTS) -> str:
    """The generated part: every results file there is, under its heading."""
    parts = []
    for name, heading in SECTIONS:
        path = folder / name
        if path.exists():
            parts.append(f"### {heading}\n\n{path.read_text(encoding='utf-8').strip()}\n")
    return "\n".join(parts)


def with_results(document: str, generated: str) -> str:
    """The document with the text between its markers replaced by the generated part."""
    start = document.index(START) + len(START)
    end = document.index(END)
    return f"{document[:start]}\n\n{generated}\n{document[end:]}"


def main() -> int:
    DOC.write_text(with_results(DOC.read_text(encoding="utf-8"), results()), encoding="utf-8")
    print(f"wrote the latest results into {DOC.relative_to(harness.ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
