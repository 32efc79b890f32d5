"""Refresh datapackage.json's measured facts (hash, bytes, rows) and the data guide's table.

Run: uv run python -m scripts.update_package
Run it after changing any file under data/ or static/: the tests check that the recorded hashes,
sizes and row counts are the files' own (Frictionless validates them) and that the table of files
(docs/data.md) is the one this writes.
"""

from __future__ import annotations

import json

from partners import dates, load, paths, provenance


def row_counts(descriptor: dict) -> dict[str, int]:
    """Data rows of every CSV resource (Frictionless checks them), features of a GeoJSON one."""
    counts = {}
    for entry in descriptor["resources"]:
        path = paths.ROOT / entry["path"]
        if entry["format"] == "csv":
            counts[entry["name"]] = len(load.read_csv(path))
        elif entry["format"] == "geojson":
            counts[entry["name"]] = len(json.loads(path.read_text(encoding="utf-8"))["features"])
    return counts


def facts_as_of() -> str:
    """The facts' as-of date: the latest publication date among their sources."""
    published = load.read_csv(paths.SOURCES)["published"]
    return max(published, key=dates.parse_partial_date)


def main() -> int:
    descriptor = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for entry in descriptor["resources"]:
        if entry["name"] == "facts":
            entry["as_of"] = facts_as_of()
    fresh = provenance.refreshed(descriptor, paths.ROOT, row_counts(descriptor))
    paths.DATAPACKAGE.write_text(
        json.dumps(fresh, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    table = provenance.Package(fresh).readme_table()
    guide = paths.DATA_DOC.read_text(encoding="utf-8")
    paths.DATA_DOC.write_text(provenance.with_readme_table(guide, table), encoding="utf-8")
    print(f"refreshed {paths.DATAPACKAGE.name} and the table of files in {paths.DATA_DOC.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
