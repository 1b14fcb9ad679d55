"""The words a search matched, in bold, so a person sees why a row is listed (fieldapp/ui/caseload_delegate.py paints them)."""

from __future__ import annotations

import html


def runs(shown: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`shown` cut into (text, bold) runs: each (start, end) span bold, the text between plain."""
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start > at:
            out.append((shown[at:start], False))
        out.append((shown[start:end], True))
        at = end
    if at < len(shown):
        out.append((shown[at:], False))
    return out


def marked_html(shown: str, spans: list[tuple[int, int]]) -> str:
    """`shown` as HTML, each (start, end) span in bold; everything else escaped."""
    out: list[str] = []
    at = 0
    for start, end in spans:
        out += [html.escape(shown[at:start]), "<b>", html.escape(shown[start:end]), "</b>"]
        at = end
    out.append(html.escape(shown[at:]))
    return "".join(out)
