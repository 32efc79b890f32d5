"""The interface's message catalogues: the English template, and a pseudo-translation to test with.

    uv run python -m scripts.messages extract          # write partners/locales/atlas.pot
    uv run python -m scripts.messages pseudo DIR       # DIR/en_XA/LC_MESSAGES/atlas.{po,mo}
    uv run python -m scripts.messages compile          # every atlas.po under partners/locales

The template holds every message the code passes to `_`, `ngettext`, `pgettext` or `N_`
(partners/i18n.py), found by Babel's extractor. A test fails when the committed template is not
the one `extract` writes, so a translator always starts from the current interface.

The pseudo-translation (language en_XA, as Chromium calls its pseudo-locale) writes every message
with accented look-alike letters ('Map' -> 'Ṁáþ'), placeholders and markup kept. Run the app with
ATLAS_LOCALEDIR=DIR and a browser set to en-XA: any plain English left on screen is text that does
not go through the translation function yet. The browser tests do exactly that.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

from babel.messages import mofile, pofile
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file

from partners import i18n, paths

PSEUDO_LANGUAGE = "en_XA"
# Where the interface's text is: the pages (pages/_shared too, which Babel's own directory walk
# skips for its leading underscore) and the package; the build scripts and benchmarks are not
# shown to readers.
SOURCES = ("dashboard.py", "pages", "partners")
_PROJECT = "Russia's partners: an atlas"
_VERSION = "0.2"
_HOLDER = "the atlas's authors"
# A fixed date in the template's header, so that extracting twice writes the same file.
_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

_LOWER = "áƀçđéƒĝĥîĵķļɱñöþʠŕšţûṽŵẋýž"
_UPPER = "ÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
_ACCENTED = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", _LOWER + _UPPER)
# What a translation must keep as it is: format fields ({name}), HTML tags and entities, the
# addresses of markdown links, bare addresses and Streamlit's icon codes (:material/share:).
_KEEP = re.compile(r"\{[^{}]*\}|<[^<>]*>|&\w+;|\]\([^)]*\)|https?://\S+|:material/\w+:")


def pseudo(text: str) -> str:
    """A message in accented look-alike letters, everything _KEEP matches left as it is."""
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append(text[last : match.start()].translate(_ACCENTED))
        out.append(match.group())
        last = match.end()
    out.append(text[last:].translate(_ACCENTED))
    return "".join(out)


def source_files() -> list[Path]:
    """The Python files the interface's text is in, in a stable order."""
    files = []
    for source in SOURCES:
        path = paths.ROOT / source
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def template() -> Catalog:
    """Every message of the interface, read from the code, in a catalogue without translations."""
    catalog = Catalog(project=_PROJECT, version=_VERSION, copyright_holder=_HOLDER, fuzzy=False)
    for path in source_files():
        where = path.relative_to(paths.ROOT).as_posix()
        found = extract_from_file("python", str(path), keywords=DEFAULT_KEYWORDS)
        for lineno, message, comments, context in found:
            catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    return catalog


def template_text(catalog: Catalog | None = None) -> str:
    """The template as atlas.pot holds it: sorted, without line numbers or a creation date, so
    that it changes only when a message does."""
    catalog = catalog or template()
    catalog.creation_date = catalog.revision_date = _EPOCH
    buffer = io.BytesIO()
    pofile.write_po(buffer, catalog, sort_output=True, no_location=True, omit_header=False)
    return buffer.getvalue().decode("utf-8")


def messages(catalog: Catalog) -> set:
    """A catalogue's message ids (with their context), the header left out."""
    return {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in catalog if m.id}


def write_pseudo(folder: Path) -> Path:
    """The pseudo-translation of the current template, as .po and compiled .mo, under folder."""
    catalog = template()
    catalog.locale = None
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            message.string = tuple(pseudo(m) for m in message.id)
        else:
            message.string = pseudo(message.id)
    target = folder / PSEUDO_LANGUAGE / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with open(target / f"{i18n.DOMAIN}.po", "wb") as po:
        pofile.write_po(po, catalog, no_location=True)
    with open(target / f"{i18n.DOMAIN}.mo", "wb") as mo:
        mofile.write_mo(mo, catalog)
    return target


def compile_all(folder: Path = i18n.LOCALEDIR) -> list[Path]:
    """Compile every translation's atlas.po into the atlas.mo the app reads."""
    written = []
    for po_path in sorted(folder.glob(f"*/LC_MESSAGES/{i18n.DOMAIN}.po")):
        with open(po_path, "rb") as po:
            catalog = pofile.read_po(po, locale=po_path.parent.parent.name)
        mo_path = po_path.with_suffix(".mo")
        with open(mo_path, "wb") as mo:
            mofile.write_mo(mo, catalog)
        written.append(mo_path)
    return written


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "extract":
        i18n.TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
        i18n.TEMPLATE.write_text(template_text(), encoding="utf-8")
        print(f"wrote {i18n.TEMPLATE.relative_to(paths.ROOT)}")
    elif command == "pseudo" and len(argv) == 2:
        print(f"wrote {write_pseudo(Path(argv[1]))}")
    elif command == "compile":
        for path in compile_all():
            print(f"wrote {path.relative_to(paths.ROOT)}")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
