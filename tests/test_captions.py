"""Photo credits and captions cut out of lines: tests/corpora/captions.tsv (the captions a line holds)
and captions_not.tsv (lines that hold none), then the finer points one by one."""
import pytest
from corpus import rows

from vnnews.captions import (caption_pieces, find_credits, glued_caption_end, is_alt_text, is_video_line,
                             run_on_caption, split_credited)


def captions_in(line):
    return [line[piece.start:piece.end] for piece in caption_pieces(line) if piece.kind == "caption"]


@pytest.mark.parametrize("line,expected", rows("captions.tsv", 2))
def test_captions_in_a_line(line, expected):
    assert captions_in(line) == expected.split(" || ")


@pytest.mark.parametrize("line", rows("captions_not.tsv", 1))
def test_no_caption_in_a_line(line):
    assert captions_in(line) == []


def test_credit_names():
    assert [c.name for c in find_credits("Cầu bị sập. Ảnh: Báo Hòa Bình")] == ["Báo Hòa Bình"]
    assert [c.name for c in find_credits("(Ảnh minh họa)")] == [None]


@pytest.mark.parametrize("space", [" ", "\u00a0", "  ", "\t"])
def test_a_credit_without_colon_takes_any_white_space(space):
    line = "Cây cầu mới. Ảnh%sminh họa" % space
    assert [(line[c.start:c.end], c.name) for c in find_credits(line)] == [("Ảnh%sminh họa" % space, None)]


def test_pieces_cover_the_line_in_order():
    line = "Bên trong container. Ảnh: FB nhân vật. Một nhân viên chia sẻ."
    pieces = split_credited(line, find_credits(line))
    assert [p[0] for p in pieces] == ["caption", "body"]
    assert pieces[0][1] == 0 and pieces[-1][2] == len(line)


def test_caption_glued_without_punctuation():
    line = ("Nghi phạm Nguyễn Văn Tư tại cơ quan điều tra Cơ quan điều tra Công an tỉnh xác định, Tư là nghi phạm "
            "đã gây ra vụ án hôm 20/5, sau đó bỏ trốn khỏi địa phương.")
    assert line[:glued_caption_end(line)] == "Nghi phạm Nguyễn Văn Tư tại cơ quan điều tra"
    assert glued_caption_end("Công an tỉnh Hưng Yên cho biết đã khởi tố vụ án.") is None


def test_standalone_credit_without_colon_in_any_case():
    # no colon: found through the cues' first words, whatever their case
    assert [c.name for c in find_credits("Khu vực bị sập. ẢNH MINH HỌA")] == [None]
    assert [c.name for c in find_credits("Hình minh hoạ")] == [None]
    assert find_credits("Bức ảnh chụp lại hiện trường vụ việc") == []


def test_video_line_needs_its_colon():
    assert is_video_line("Video: Cảnh sát phong tỏa hiện trường")
    assert not is_video_line("Video Cảnh sát phong tỏa hiện trường")


@pytest.mark.parametrize("line,expected", [
    ("Canh sat phong toa hien truong hinh anh 1", True),
    ("Canh sat phong toa hien truong hinh anh 12\n", True),  # white space after the digit
    ("Canh sat hinh anh \u0661", True),  # a non-ASCII digit
    ("Canh sat phong toa hien truong hinh anh", False),
    ("", False),
])
def test_alt_text(line, expected):
    assert is_alt_text(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Ảnh hưởng lớn. Hình ảnh: Reuters. Video: AP", [(15, 33, "Reuters"), (34, 43, "AP")]),  # cue words in words too
    ("Xe chở hàng. cliphoto: X. Ảnh chụp màn hình: VTV", [(26, 48, "VTV")]),  # a cue word inside another
    ("Cầu bị sập. CL\u0130P: VTV", [(12, 21, "VTV")]),  # İ lower-cases to two characters
])
def test_credits_start_at_cue_words(line, expected):
    assert [(c.start, c.end, c.name) for c in find_credits(line)] == expected


@pytest.mark.parametrize("line, caption", [
    ("Ngày 1/7, công an bắt giữ đối tượng. Hiện trường vụ việc Theo điều tra ban đầu, hai người mâu thuẫn.",
     "Hiện trường vụ việc"),
    ("Lực lượng chức năng kiểm tra hàng hóa tại cửa khẩu Sau đó, đoàn kiểm tra làm việc với doanh nghiệp.",
     "Lực lượng chức năng kiểm tra hàng hóa tại cửa khẩu"),
    # a name capitalised within a sentence is no seam; a run of two words is no caption; a comma
    # in the run makes it a clause
    ("Nạn nhân nghi là người nhảy cầu Chà Và trước đó một ngày.", None),
    ("Ông nói Theo tôi thì khác hẳn.", None),
    ("Hôm qua, tại cửa khẩu Sau đó đoàn kiểm tra làm việc.", None),
])
def test_caption_run_into_the_next_sentence(line, caption):
    found = run_on_caption(line)
    assert (line[found[0]:found[1]] if found else None) == caption
