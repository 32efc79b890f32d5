"""Small helpers for the words the atlas writes: counts with their nouns, and titles in a
sentence."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 fact', '5 facts'; '10 countries' when the plural is given."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def lower_first(text: str) -> str:
    """'Territorial integrity of Ukraine' -> 'territorial integrity of Ukraine': only the first
    letter is lowered, so 'Crimea' and 'Human Rights Council' inside keep theirs."""
    return text[:1].lower() + text[1:]
