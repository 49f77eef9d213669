"""Lines and white space: what counts as white space, and the bounds of stripped stretches."""
import re
import sys

import pytest
import regex

from vnnews.text import _SPACE_RUN, INLINE_SPACE, WIDE_LINE_BREAKS, fold, for_stdlib, is_space, split_lines, strip_bounds
from vnnews.tokenize import split_sentences

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def test_white_space_is_what_isspace_says_plus_zero_width_characters():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert is_space(char) == (char.isspace() or char in ZERO_WIDTH), hex(code)


def test_strip_bounds():
    text = " \u00a0\u200bHà Nội\u3000\t x\ufeff "
    assert strip_bounds(text, 0, len(text)) == (3, 13)
    assert strip_bounds(text, 4, 12) == (4, 9)
    assert strip_bounds(text, 0, 3) == (3, 3)
    assert strip_bounds(text, 9, 5) == (9, 5)  # an empty stretch is left as given


def test_split_lines():
    lines = split_lines("Tiêu đề \r\n\n\u00a0 Ảnh: X\u2028cuối")
    assert [(l.text, l.start, l.end, l.indent, l.blank_before) for l in lines] == [
        ("Tiêu đề", 0, 7, "", 0), ("Ảnh: X", 13, 19, "\u00a0 ", 1), ("cuối", 20, 24, "", 0)]


@pytest.mark.parametrize("line, content", [
    ("# Tiêu đề", "Tiêu đề"), ("## Giá vàng lập đỉnh ##", "Giá vàng lập đỉnh"), ("**Minh Anh**", "Minh Anh"),
    ("*Người dân xếp hàng. Ảnh: Hữu Khoa*", "Người dân xếp hàng. Ảnh: Hữu Khoa"),
    # not markdown that wraps the line: a bullet, a footnote mark, arithmetic, a hashtag, identifiers
    ("* mục một", "* mục một"), ("*Tên nhân vật đã được thay đổi", "*Tên nhân vật đã được thay đổi"),
    ("2 * 3 = 6 *", "2 * 3 = 6 *"), ("#MeToo lan rộng", "#MeToo lan rộng"), ("__init__", "__init__"), ("** **", "** **")])
def test_split_lines_unwraps_markdown(line, content):
    text = "Đầu bài\n  %s  \nCuối bài" % line
    found = split_lines(text)[1]
    assert found.text == content == text[found.start:found.end]
    assert found.indent == "  "


def test_split_lines_breaks_where_the_text_does():
    text = "một\x1chai\rba\x0bbốn\x0cnăm\x85sáu\u2029bảy\x1e"  # \x1c-\x1e are no line breaks
    assert [l.text for l in split_lines(text)] == ["một\x1chai", "ba", "bốn", "năm", "sáu", "bảy"]


def test_fold_can_return_printable_text_without_double_spaces_as_is():
    # fold returns a printable text without double spaces as is, trimmed: every white space
    # character that it folds, but the plain space, must be unprintable
    folded = "".join(_SPACE_RUN.findall("".join(map(chr, range(sys.maxunicode + 1)))))
    assert [hex(ord(c)) for c in folded if c != " " and c.isprintable()] == []
    assert fold(" Hà  Nội\u00a0\u200b mới ") == "Hà Nội mới"
    assert fold(" Hà Nội ") == "Hà Nội"


def test_inline_space_is_white_space_within_a_line_in_both_engines():
    # every code point, as one string: each spelling finds what the plain class finds in its engine
    # (the stdlib's in text without U+2028/U+2029, which its users keep from it)
    every = "".join(map(chr, range(0x110000)))
    within_a_line = r"[^\S\n\r\x0b\x0c\x85\u2028\u2029]"
    assert regex.findall(INLINE_SPACE, every) == regex.findall(within_a_line, every)
    every = "".join(c for c in every if c not in WIDE_LINE_BREAKS)
    assert re.findall(for_stdlib(INLINE_SPACE), every) == re.findall(within_a_line, every)
    assert re.findall(for_stdlib(INLINE_SPACE + "{1,3}"), " \n\t\xa0\x1c\u3000") == [" ", "\t\xa0\x1c", "\u3000"]


@pytest.mark.parametrize("text, sentences", [
    ("Ông Lê Hà, GĐ Sở GTVT TP. HCM cho biết giá sẽ giảm. Sau đó ông về.",
     ["Ông Lê Hà, GĐ Sở GTVT TP. HCM cho biết giá sẽ giảm.", "Sau đó ông về."]),
    # a withheld name's initial before the person's details in brackets ends no sentence
    ("Đối tượng Nguyễn Văn T. (SN 1990) đã bị bắt. Vụ việc đang được điều tra.",
     ["Đối tượng Nguyễn Văn T. (SN 1990) đã bị bắt.", "Vụ việc đang được điều tra."]),
    ("Nạn nhân là P.Đ.B. (30 tuổi) trú tại xã Yên Lạc.", ["Nạn nhân là P.Đ.B. (30 tuổi) trú tại xã Yên Lạc."]),
    # a capital letter that is a word or a unit ends one as any word does
    ("Nhiệt độ từ 21 - 24 độ C. Trời có mưa rào.", ["Nhiệt độ từ 21 - 24 độ C.", "Trời có mưa rào."]),
    ("Đội tuyển đứng đầu bảng H. Đối thủ tiếp theo là Bỉ.", ["Đội tuyển đứng đầu bảng H.", "Đối thủ tiếp theo là Bỉ."]),
])
def test_sentences(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences
