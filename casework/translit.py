"""The official transliteration of Ukrainian into Latin letters, as passports write names.

Source: resolution of the Cabinet of Ministers of Ukraine No. 55 of 27.01.2010 "On putting in
order the transliteration of the Ukrainian alphabet into Latin"
(https://zakon.rada.gov.ua/laws/show/55-2010-%D0%BF), its table: є, ї, й, ю, я are written
ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia elsewhere; "зг" is "zgh" (so that
it is not read as "ж", zh); the soft sign and the apostrophe are not written. Checked against
the government's press release as reprinted by golos.ua (01.02.2010); the resolution's own page
was not reachable from here.
"""

from __future__ import annotations

import re

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
    "'": "", "\u02bc": "", "\u2019": "",
}
_AT_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_WORD = re.compile(r"[\w'\u02bc\u2019]+")


def _word(word: str) -> str:
    low = word.lower()
    out: list[str] = []
    for i, ch in enumerate(low):
        if i == 0 and ch in _AT_START:
            out.append(_AT_START[ch])
        elif ch == "г" and i > 0 and low[i - 1] == "з":
            out.append("gh")  # зг -> zgh
        else:
            out.append(_LETTERS.get(ch, ch))
    return "".join(out)


def latin(text: str) -> str:
    """`text` in the official Latin transliteration, lower case (Шаповал → shapoval, Марія → mariia)."""
    return _WORD.sub(lambda m: _word(m.group(0)), text.lower())


def is_cyrillic(text: str) -> bool:
    """Whether `text` has a Ukrainian (Cyrillic) letter."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
