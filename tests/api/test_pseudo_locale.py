"""Issue #22's pseudo-locale run: with ACUBACK_PSEUDO_LOCALE=1 every catalogue text is served as
⟦…⟧, so any word a page shows outside the markers was written into a template or Swift code
instead of a catalogue, and a raw key (a key the catalogue lacks) shows as itself.

It covers the pages moved into the catalogues so far, in both languages: the layout on every one
of them, the home page, the patient guide, sign-in and registration."""
import html
import os
import re

import pytest
import requests

from conftest import start_server

PAGES = ["/", "/learn/back-pain", "/login", "/register"]
# Data, not wording: the language switch names each language in itself, the layout shows the
# software's version, and the guide cites its sources in their own language.
DATA = [re.compile(pattern) for pattern in [
    r"^Acuback( \d+\.\d+\.\d+)?$", r"^English$", r"^简体中文$",
]]
MARKED = re.compile(r"⟦[^⟦⟧]*⟧")
KEY = re.compile(r"\b[a-z]+(\.[a-z][A-Za-z0-9]*){1,}\b")


TAG = re.compile(r"<[^>]*>")
SPOKEN = re.compile(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"|<meta name="description" content="([^"]*)"')


def unmarked(page: str, citations: list[str]) -> list[str]:
    """The pieces of text a person reads or hears on the page that no catalogue marker covers.
    Tags become separators only after the markers are taken out, since a marked text may hold
    markup of its own (a link, a word in bold)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    spoken = [html.unescape(first or second) for first, second in SPOKEN.findall(page)]
    body = html.unescape(TAG.sub("\x00", page))
    left = []
    for text in [MARKED.sub("\x00", body), *(MARKED.sub(" ", text) for text in spoken)]:
        for piece in text.split("\x00"):
            rest = piece.strip(" \t\n·:,.;()–-")
            # Words only: a mark such as the brand's ✚ or a number is not wording.
            if not re.search(r"[^\W\d_]", rest) or any(pattern.match(rest) for pattern in DATA) or any(rest in c for c in citations):
                continue
            left.append(rest)
    return left


@pytest.fixture
def pseudo_server(acuback, sqlite_url, monkeypatch):
    monkeypatch.setenv("ACUBACK_PSEUDO_LOCALE", "1")
    server = start_server(acuback, sqlite_url)
    yield server
    server.stop()


@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_converted_pages_show_no_text_outside_the_catalogues(pseudo_server, language):
    guide = requests.get(pseudo_server.url + "/learn/back-pain", timeout=10).text
    # The sources are cited as published; everything around them is wording.
    citations = [re.sub(r"<[^>]+>", "", item) for item in re.findall(r'<li id="source-[^"]*">(.*?)</li>', guide, re.S)]
    for path in PAGES:
        answer = requests.get(pseudo_server.url + path, cookies={"acuback_lang": language}, timeout=10)
        assert answer.status_code == 200, path
        assert answer.headers["Content-Language"] == language
        assert f'<html lang="{language}">' in answer.text
        assert "⟦" in answer.text, f"{path}: nothing came from the catalogue"
        assert unmarked(answer.text, citations) == [], f"{path} in {language}: text outside the catalogues"
        raw = [key.group(0) for key in KEY.finditer(MARKED.sub(" ", re.sub(r"<[^>]+>", " ", answer.text)))
               if key.group(0).split(".")[0] in ("layout", "nav", "home", "guide", "login", "register")]
        assert raw == [], f"{path}: raw catalogue keys shown"
