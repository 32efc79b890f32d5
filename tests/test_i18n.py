"""The interface's translation machinery: one function, a current English template, a catalogue
chosen per reader, and no page text that bypasses it. The browser proof is test_translation.py."""

from __future__ import annotations

import ast
import re
import threading

import pytest

from partners import i18n, paths, site

messages = pytest.importorskip("scripts.messages", reason="Babel is in the dev group")

_FIELD = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def pseudo_locales(tmp_path, monkeypatch):
    """The pseudo-translation of the current template, as the app reads catalogues."""
    messages.write_pseudo(tmp_path)
    monkeypatch.setenv("ATLAS_LOCALEDIR", str(tmp_path))
    yield tmp_path
    i18n.use(None)


def test_the_committed_template_is_the_one_the_code_gives():
    """partners/locales/atlas.pot holds exactly the messages the code marks: a translator starts
    from the current interface (run `uv run python -m scripts.messages extract` after a change)."""
    assert i18n.TEMPLATE.read_text(encoding="utf-8") == messages.template_text()


def test_the_template_holds_the_interfaces_own_words():
    """Spot checks across the layers: a page title, a vocabulary label, a plural, a month in
    context, a sentence the package writes and one a page writes."""
    found = messages.messages(messages.template())
    for wanted in (
        (None, site.MAP.title),
        (None, "Weapons and munitions"),
        (None, ("{n} fact", "{n} facts")),
        ("month after a day", "March"),
        (None, "Share or embed this view"),
        (None, "What the map shows"),
    ):
        assert wanted in found, wanted


def test_a_reader_gets_their_browsers_language_when_it_has_a_catalogue_else_english(
    pseudo_locales,
):
    assert i18n.available(pseudo_locales) == (messages.PSEUDO_LANGUAGE,)
    assert i18n.best_language("en-XA", pseudo_locales) == "en_XA"
    assert i18n.best_language("pl-PL", pseudo_locales) == "en"
    assert i18n.best_language(None, pseudo_locales) == "en"
    assert i18n.use("en-XA") == "en_XA" and i18n.language() == "en_XA"
    assert i18n.use("de-DE") == "en" and i18n._(site.MAP.title) == site.MAP.title


def test_every_message_translates_and_keeps_its_placeholders(pseudo_locales):
    """Through the pseudo-catalogue every message comes out changed, with the same format
    fields, so `.format` fills a translation as it fills the English."""
    i18n.use("en-XA")
    for message in messages.template():
        if not message.id:
            continue
        if message.pluralizable:
            singular, plural = message.id
            for n, source in ((1, singular), (5, plural)):
                shown = i18n.ngettext(singular, plural, n)
                assert shown == messages.pseudo(source)
                assert sorted(_FIELD.findall(shown)) == sorted(_FIELD.findall(source))
        elif message.context:
            assert i18n.pgettext(message.context, message.id) == messages.pseudo(message.id)
        else:
            shown = i18n._(message.id)
            assert shown == messages.pseudo(message.id)
            if re.search("[A-Za-z]", _FIELD.sub("", message.id)):  # '{day} {month} {year}' stays
                assert shown != message.id
            assert sorted(_FIELD.findall(shown)) == sorted(_FIELD.findall(message.id))


def test_one_readers_language_does_not_leak_into_another_session(pseudo_locales):
    """Streamlit serves each session on its own thread: a language chosen on one is not the
    language of another."""
    i18n.use("en-XA")
    seen = {}

    def other_session():
        seen["title"] = i18n._(site.MAP.title)

    thread = threading.Thread(target=other_session)
    thread.start()
    thread.join()
    assert seen["title"] == site.MAP.title
    assert i18n._(site.MAP.title) == messages.pseudo(site.MAP.title)


# Streamlit calls whose text a reader sees: their first argument, and these keywords.
_SHOWN = {
    "title", "header", "subheader", "caption", "markdown", "write", "info", "warning", "error",
    "success", "button", "download_button", "popover", "selectbox", "multiselect",
    "select_slider", "pills", "segmented_control", "page_link", "spinner", "text", "toast",
}  # fmt: skip
_SHOWN_KEYWORDS = {"label", "help", "placeholder"}


def _words(node: ast.AST) -> str | None:
    """The English words a literal argument holds, if it is one (a plain or an f-string)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    return text if re.search(r"[A-Za-z]{2,}", text) else None


def test_no_page_hands_streamlit_a_bare_english_literal():
    """Every text a page passes to Streamlit goes through the translation function (or is
    built by code that does): no string or f-string literal with words, as a label, a title,
    a caption or help."""
    found = []
    for path in [paths.ROOT / "dashboard.py", *sorted((paths.ROOT / "pages").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "st"):
                continue
            if node.func.attr not in _SHOWN:
                continue
            shown = node.args[:1] + [k.value for k in node.keywords if k.arg in _SHOWN_KEYWORDS]
            for argument in shown:
                words = _words(argument)
                if words:
                    where = path.relative_to(paths.ROOT)
                    found.append(f"{where}:{node.lineno}: {words[:60]!r}")
    assert not found, "\n".join(found)
