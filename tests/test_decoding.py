"""analysis/reading/plain.py decoding odd text files: BOM-less UTF-16/32 in any script, stray NULs, mixed encodings."""

from __future__ import annotations

import random

import pytest

from analysis.errors import BinaryInputError
from analysis.reading.plain import decode_text

CYRILLIC = ("Паром между Нортпортом и островами возобновил работу в понедельник.\n\n"
            "Водолазы осмотрели причал ночью и не нашли повреждений ниже ватерлинии.\n")
CHINESE = "渡轮周一恢复了北港与各岛之间的航班。\n\n潜水员连夜检查了码头，没有发现水线以下的损坏。\n"
LATIN = "The ferry resumed on Monday.\n\nDivers found no damage below the waterline, the harbour master said.\n"


@pytest.mark.parametrize("text", [CYRILLIC, CHINESE, LATIN], ids=["cyrillic", "chinese", "latin"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_bom_less_utf16_and_utf32_are_recognised_in_any_script(text, encoding):
    assert decode_text(text.encode(encoding), "article.txt") == text


def test_chinese_utf16_without_spaces_is_recognised_by_its_line_breaks():
    text = "渡轮周一恢复了北港与各岛之间的航班，潜水员连夜检查了码头。" * 40 + "\n"
    assert decode_text(text.encode("utf-16-le"), "article.txt") == text


def test_one_nul_byte_does_not_make_a_text_binary():
    data = LATIN.encode("utf-8") * 3
    data = data[:100] + b"\x00" + data[100:]
    assert decode_text(data, "article.txt") == (LATIN * 3)


@pytest.mark.parametrize(
    "data",
    [pytest.param(random.Random(1).randbytes(4000), id="random bytes"),
     pytest.param(b"\x00\x01\x02\x03" * 500, id="counting bytes"),
     pytest.param(bytes(2000), id="all NUL")],
)
def test_binary_data_is_still_binary(data):
    with pytest.raises(BinaryInputError, match="^data.txt: holds binary data"):
        decode_text(data, "data.txt")


def test_english_in_windows_1252_is_never_taken_for_utf16():
    text = "Le café était fermé à midi; the harbour master said “no comment”.\n" * 20
    assert decode_text(text.encode("cp1252"), "article.txt") == text


def test_mixed_utf8_and_windows_1252_is_repaired():
    data = ("Le café était fermé à midi. " * 5).encode("utf-8") + "Naïve façade – “quoted”.".encode("cp1252") + \
        " Zürich résumé.\n".encode("utf-8")
    assert decode_text(data, "article.txt") == ("Le café était fermé à midi. " * 5) + "Naïve façade – “quoted”. Zürich résumé.\n"


def test_windows_1251_cyrillic_is_not_taken_for_mixed_utf8():
    assert decode_text(CYRILLIC.encode("cp1251"), "article.txt") == CYRILLIC


def test_a_short_text_with_a_stray_nul_reads_without_it():
    assert decode_text(b"Some text then a NUL\x00 and more text here", "a.txt") == "Some text then a NUL and more text here"
