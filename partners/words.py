"""Small helpers for the words the atlas writes: counts with their nouns, and titles in a
sentence."""

from __future__ import annotations

from partners.i18n import ngettext


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 fact', '5 facts'; '10 countries' when the plural is given."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def facts(number: int) -> str:
    """'1 fact', '5 facts', in the reader's language (count above is English only: it writes the
    data's error messages, which are for whoever maintains the files)."""
    return ngettext("{n} fact", "{n} facts", number).format(n=number)


def kinds_of_support(number: int) -> str:
    """'1 kind of support', '3 kinds of support', in the reader's language."""
    return ngettext("{n} kind of support", "{n} kinds of support", number).format(n=number)


def lower_first(text: str) -> str:
    """'Territorial integrity of Ukraine' -> 'territorial integrity of Ukraine': only the first
    letter is lowered, so 'Crimea' and 'Human Rights Council' inside keep theirs."""
    return text[:1].lower() + text[1:]
