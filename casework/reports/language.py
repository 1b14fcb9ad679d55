"""The report's words in Ukrainian without Qt: the server (and any headless caller) reads the
program's own translation files, so a report asked for in Ukrainian is Ukrainian throughout."""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET

from casework.i18n import Translate
from casework.resources import resource_dir

LANGUAGES = ("en", "uk")  # the languages a report can be asked for
CONTEXTS = ("Report",)  # the Linguist contexts the report's words live in


@functools.cache
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    words: dict[tuple[str, str], str] = {}
    for path in sorted((resource_dir() / "translations").glob(f"fieldapp_*_{lang}.ts")):
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name", "")
            if name not in CONTEXTS:
                continue
            for message in context.iter("message"):
                source = message.findtext("source", "")
                node = message.find("translation")
                if node is None or node.get("type") in ("unfinished", "obsolete", "vanished") or not node.text:
                    continue
                words[(name, source)] = node.text
    return words


def report_translate(lang: str) -> Translate:
    """A translate function for `lang`: English sources as they are, others from the .ts files
    (a word not translated yet stays English rather than vanish)."""
    if lang == "en":
        return lambda context, source: source
    words = _catalogue(lang)
    return lambda context, source: words.get((context, source), source)


def preferred_language(accept_language: str | None, default: str) -> str:
    """The first of LANGUAGES an Accept-Language header asks for (by its q weights, then its
    order); `default` when it asks for none of them or is missing or malformed."""
    best: tuple[float, int, str] | None = None
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        lang = tag.strip().lower().split("-")[0]
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if lang in LANGUAGES and q > 0 and (best is None or (-q, position) < (-best[0], best[1])):
            best = (q, position, lang)
    return best[2] if best is not None else default
