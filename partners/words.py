"""Small helpers for the words the atlas writes: counts with their nouns, and titles in a
sentence."""

from __future__ import annotations


def count(number: int, noun: str) -> str:
    """'1 fact', '5 facts'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def lower_first(text: str) -> str:
    """'Territorial integrity of Ukraine' -> 'territorial integrity of Ukraine': only the first
    letter is lowered, so 'Crimea' and 'Human Rights Council' inside keep theirs."""
    return text[:1].lower() + text[1:]
