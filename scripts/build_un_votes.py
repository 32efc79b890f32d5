"""Build data/countries.csv, data/un_resolutions.csv and data/un_votes.csv from the UN extracts.

Run: uv run python -m scripts.build_un_votes [--source DIR]
Reads ../shared/reference/un-ga by default: every file datapackage.json names as a source of
un_votes, each of whose sha256 must equal the one recorded there, so the committed tables trace
to exact copies of the UN's extracts. The resolutions taken are those of
data/un_resolution_labels.csv, by symbol.
Re-running reproduces the files byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pandas as pd

from partners import paths, provenance
from scripts import unvotes


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    print(f"wrote {path}: {len(frame)} rows")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=paths.SHARED / "reference" / "un-ga")
    parser.add_argument("--out", type=Path, default=paths.DATA)
    args = parser.parse_args(argv)

    package = provenance.Package.read()
    records = []
    for source in package.resource("un_votes")["sources"]:
        extract = args.source / source["path"]
        digest = hashlib.sha256(extract.read_bytes()).hexdigest()
        if digest != source["sha256"]:
            raise SystemExit(
                f"{extract}: sha256 {digest} differs from datapackage.json's {source['sha256']}"
            )
        if extract.suffix == ".json":
            records += unvotes.read_extract(extract)

    members = pd.read_csv(args.source / "un_members.csv", dtype=str, keep_default_na=False)
    members = members.rename(columns={"un_name": "name"}).sort_values("iso3", ignore_index=True)
    overrides = pd.read_csv(paths.NAME_OVERRIDES, dtype=str, keep_default_na=False)
    labels = pd.read_csv(paths.RESOLUTION_LABELS, dtype=str, keep_default_na=False)

    try:
        resolutions, votes = unvotes.build_tables(
            unvotes.select(records, labels["symbol"]),
            members,
            dict(zip(overrides["un_name"], overrides["iso3"], strict=True)),
            dict(zip(labels["symbol"], labels["short_title"], strict=True)),
            dict(zip(labels["symbol"], labels["topic"], strict=True)),
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
