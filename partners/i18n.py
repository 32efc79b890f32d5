"""The one way the interface's words reach a reader: gettext, with English as the source.

Every string a reader sees goes through `_` when it is shown (or `ngettext` where a count decides
the form). Text defined once at import, such as the vocabularies' labels and the pages' titles, is
marked with `N_` so that `pybabel extract` finds it, and translated where it is shown.

The catalogues live in partners/locales/: atlas.pot is the template written from the code, and a
translation is partners/locales/<language>/LC_MESSAGES/atlas.po, compiled to atlas.mo beside it
(README, "Translating the interface"). With no catalogue for a language, the interface is English.

The language is chosen per run, from the reader's browser (Streamlit's `st.context.locale`), by
`use`; it lives in a context variable, so sessions served by other threads keep their own. This
module never imports streamlit.
"""

from __future__ import annotations

import contextvars
import functools
import gettext
import os
from pathlib import Path

from partners import paths

DOMAIN = "atlas"
SOURCE_LANGUAGE = "en"
# Where the catalogues are read from: the package's own, unless ATLAS_LOCALEDIR names another
# folder (a translator's working copy, or the tests' pseudo-translation).
LOCALEDIR = paths.ROOT / "partners" / "locales"
TEMPLATE = LOCALEDIR / f"{DOMAIN}.pot"

_ENGLISH = gettext.NullTranslations()
_active: contextvars.ContextVar[tuple[str, gettext.NullTranslations]] = contextvars.ContextVar(
    "atlas_language", default=(SOURCE_LANGUAGE, _ENGLISH)
)


def localedir() -> Path:
    """The folder the catalogues are read from (ATLAS_LOCALEDIR, else the package's own)."""
    return Path(os.environ.get("ATLAS_LOCALEDIR") or LOCALEDIR)


def available(folder: Path | None = None) -> tuple[str, ...]:
    """The languages with a compiled catalogue, besides English, sorted: looked up once per
    process and folder, not on every run (a new language is offered after a restart)."""
    return _available(str(folder or localedir()))


@functools.lru_cache(maxsize=8)
def _available(folder: str) -> tuple[str, ...]:
    found = Path(folder).glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
    return tuple(sorted(p.parent.parent.name for p in found))


def best_language(locale: str | None, folder: Path | None = None) -> str:
    """The language to show a reader whose browser asks for `locale` ('pl-PL', 'pl', 'en-GB'):
    its own if there is a catalogue for it, or for its language without the region, else
    English."""
    if not locale:
        return SOURCE_LANGUAGE
    have = set(available(folder))
    wanted = locale.replace("-", "_")
    for candidate in (wanted, wanted.split("_")[0]):
        if candidate in have:
            return candidate
    return SOURCE_LANGUAGE


@functools.lru_cache(maxsize=16)
def _translations(language: str, folder: str, stamp: float) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return _ENGLISH
    return gettext.translation(DOMAIN, folder, languages=[language], fallback=True)


def use(locale: str | None) -> str:
    """Show this run's text in the best language for `locale` (see best_language); return it.

    Called at the start of every run, before anything is drawn. English touches no file; a
    translation is read once per process, and again when its file changes.
    """
    folder = localedir()
    language = best_language(locale, folder)
    stamp = 0.0
    if language != SOURCE_LANGUAGE:
        stamp = (folder / language / "LC_MESSAGES" / f"{DOMAIN}.mo").stat().st_mtime
    _active.set((language, _translations(language, str(folder), stamp)))
    return language


def language() -> str:
    """The language this run's text is shown in ('en' unless a catalogue was chosen)."""
    return _active.get()[0]


def _(message: str) -> str:
    """The reader's words for an English message (the message itself where none is known)."""
    return _active.get()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message, as the reader's language forms it for `n`."""
    return _active.get()[1].ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on where it stands (context), in the reader's words."""
    return _active.get()[1].pgettext(context, message)


def N_(message: str) -> str:
    """Mark text defined at import for translation; it is translated with `_` where shown."""
    return message
