"""Every user-visible string has a finished Ukrainian and English translation.

The strings are extracted afresh from the code with pyside6-lupdate into a
temporary file, so a string added to the code without running
`scripts/translations.py update` fails here too.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

PLACEHOLDER = re.compile(r"\{\w+\}|%n|%\d")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            out[(name, message.findtext("source", ""))] = message
    return out


def translated(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return []
    if message.get("numerus") == "yes":
        forms = [f.text or "" for f in tr.iter("numerusform")]
        return forms if forms and all(f.strip() for f in forms) else []
    return [tr.text] if (tr.text or "").strip() else []


@pytest.mark.parametrize("area", list(translations.AREAS))
@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_every_string_is_translated(area, lang, tmp_path):
    files = translations.area_files(area)
    # An area that names no code is a mistake in the table: its strings would go nowhere.
    assert files, f"area {area} of scripts/translations.py names no .py file: {translations.AREAS[area]}"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [translations._tool("pyside6-lupdate"), "-silent", "-locations", "none", *files, "-ts", str(fresh)],
        check=True,
    )
    wanted = messages(fresh)
    committed_path = translations.ts_path(area, lang)
    assert committed_path.exists(), f"{committed_path.name} is missing: run scripts/translations.py update"
    committed = messages(committed_path)
    problems = []
    for key in wanted:
        if key not in committed:
            problems.append(f"not in {committed_path.name}: [{key[0]}] {key[1]}")
            continue
        texts = translated(committed[key])
        if not texts:
            problems.append(f"unfinished: [{key[0]}] {key[1]}")
        for text in texts:
            expected = sorted(set(PLACEHOLDER.findall(key[1])) - {"%n"})
            if sorted(set(PLACEHOLDER.findall(text)) - {"%n"}) != expected:
                problems.append(f"placeholders differ: [{key[0]}] {key[1]!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_ukrainian_strings_are_ukrainian():
    """A Ukrainian translation that is just the English source slipped through."""
    lazy = []
    for area in translations.AREAS:
        path = translations.ts_path(area, "uk")
        if not path.exists():
            continue
        for (context, source), message in messages(path).items():
            for text in translated(message):
                words = PLACEHOLDER.sub("", source)
                if re.search("[A-Za-z]{4,}", words) and not re.search("[а-яіїєґА-ЯІЇЄҐ]", text):
                    lazy.append(f"[{context}] {source!r} -> {text!r}")
    allowed = {"FieldApp", "Excel"}  # names that stay as they are
    assert [x for x in lazy if not any(a in x.split("->")[1] for a in allowed)] == []


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_every_message_with_a_count_keeps_its_plural_forms(lang, tmp_path):
    # A count (%n) means a plural message with one form per plural of the language (Ukrainian 3,
    # English 2). The extractor of PySide 6.11 drops the count of QCoreApplication.translate(…, n):
    # `update` must write those messages back as plural ones with the forms they had.
    want = {"uk": 3, "en": 2}[lang]
    for area in translations.AREAS:
        committed = translations.ts_path(area, lang)
        fresh = tmp_path / committed.name
        fresh.write_bytes(committed.read_bytes())
        subprocess.run(
            [translations._tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
             "-source-language", "en", "-target-language", lang, *translations.area_files(area), "-ts", str(fresh)],
            check=True, capture_output=True,
        )
        translations.keep_plurals(fresh, translations.plural_forms(committed))
        for path in (committed, fresh):
            for (context, source), message in messages(path).items():
                if "%n" not in source:
                    continue
                forms = translated(message)
                assert message.get("numerus") == "yes" and len(forms) == want, (path.name, context, source, forms)
        assert translations.plural_forms(fresh) == translations.plural_forms(committed), area
