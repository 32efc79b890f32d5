"""Build data/countries.csv, data/un_resolutions.csv and data/un_votes.csv from the UN extract.

Run: uv run python -m scripts.build_un_votes [--source DIR]
Reads ../shared/reference/un-ga by default. The input's sha256 must equal the one recorded in
datapackage.json, so the committed tables always trace to one exact copy of the UN's extract.
Re-running reproduces the files byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pandas as pd

from partners import paths, provenance, unvotes


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    print(f"wrote {path}: {len(frame)} rows")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=paths.SHARED / "reference" / "un-ga")
    parser.add_argument("--out", type=Path, default=paths.DATA)
    args = parser.parse_args(argv)

    extract = args.source / "ES-11.json"
    digest = hashlib.sha256(extract.read_bytes()).hexdigest()
    expected = provenance.Package.read().recorded_sha256("un_votes", "ES-11.json")
    if digest != expected:
        raise SystemExit(f"{extract}: sha256 {digest} differs from datapackage.json's {expected}")

    members = pd.read_csv(args.source / "un_members.csv", dtype=str, keep_default_na=False)
    members = members.rename(columns={"un_name": "name"}).sort_values("iso3", ignore_index=True)
    overrides = pd.read_csv(paths.NAME_OVERRIDES, dtype=str, keep_default_na=False)
    labels = pd.read_csv(paths.RESOLUTION_LABELS, dtype=str, keep_default_na=False)

    try:
        resolutions, votes = unvotes.build_tables(
            unvotes.read_extract(extract),
            members,
            dict(zip(overrides["un_name"], overrides["iso3"], strict=True)),
            dict(zip(labels["symbol"], labels["short_title"], strict=True)),
        )
    except (LookupError, ValueError) as exc:
        raise SystemExit(f"build stopped: {exc}") from None

    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(members[["iso3", "m49", "name"]], args.out / paths.COUNTRIES.name)
    write_csv(resolutions, args.out / paths.RESOLUTIONS.name)
    write_csv(votes, args.out / paths.VOTES.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
