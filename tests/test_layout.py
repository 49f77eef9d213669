"""Layout: the kind of each line in its context, one example per row of tests/corpora/layout.tsv
(the kinds a line gets) and layout_not.tsv (a kind it must not get); the lexicon files of captions
and page chrome, checked for their keys and types; the rule registries' names."""
import pytest
from corpus import rows

from vnnews import lexicon
from vnnews.captions import cue_rules
from vnnews.layout import LINE_KINDS, classify
from vnnews.layout.rules import context_rules, line_rules


def _lines(cell):
    return cell.split("\\n") if cell else []


def kinds_of(line, before, after):
    """The kinds of the blocks that hold text of ``line`` when it stands between ``before`` and
    ``after`` (a caption may run over the credit line below it)."""
    text = "\n".join(_lines(before) + [line] + _lines(after))
    start = len("\n".join(_lines(before) + [""]))
    end = start + len(line)
    return [block.kind for block in classify(text) if block.start < end and block.end > start]


@pytest.mark.parametrize("kinds,line,before,after", rows("layout.tsv", 4))
def test_line_kind_in_context(kinds, line, before, after):
    assert kinds_of(line, before, after) == (kinds.split("+") if kinds else [])


@pytest.mark.parametrize("kind,line,before,after", rows("layout_not.tsv", 4))
def test_line_is_not_of_kind(kind, line, before, after):
    assert kind in LINE_KINDS
    assert kind not in kinds_of(line, before, after)


def test_rules_have_unique_names_and_declared_kinds():
    for registry in (line_rules(), list(cue_rules().values())):
        names = [rule.name for rule in registry]
        assert len(names) == len(set(names))
    assert {rule.kind for rule in line_rules()} | {k for rule in context_rules() for k in rule.kinds} <= LINE_KINDS


# every key of the file and the type of its value: a list of words, a pattern, or a nested record
LEXICONS = {
    "captions": {"photo_credit_provided": {"heads": list, "by": list, "verbs": list}, "photo_credit_cues": list,
                 "photo_credit_standalone": list, "video_cues": list, "caption_openers": list, "alt_text_tails": list,
                 "photo_role_heads": list, "credit_lowercase_names": list, "story_openers": list,
                 "story_words": list, "caption_heads": list, "image_copyright_labels": list, "image_caption_labels": list,
                 "agency_credits": list, "seam_openers": list, "quoted_sign_words": list, "figure_labels": list, "chart_labels": list},
    "chrome": {"related_cues": list, "end_marks": list, "breadcrumb_separators": list, "embed_openers": list,
               "chrome_labels": list, "chrome_lines": list, "section_labels": list, "image_markers": list,
               "footer_openers": list, "widget_openers": list},
    "sentences": {"abbreviations": list},
    "places": {"places": list},
}


def _check(value, expected, where):
    if isinstance(expected, dict):
        assert isinstance(value, dict) and set(value) == set(expected), where
        for key, inner in expected.items():
            _check(value[key], inner, f"{where}.{key}")
    elif expected is list:
        assert isinstance(value, list) and value, where
        assert all(isinstance(w, str) and w == w.strip() and w for w in value), where
        assert len(value) == len(set(value)), f"{where}: a word listed twice"
    else:
        assert isinstance(value, expected) and value, where


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_lexicon_keys_and_types(name):
    words = lexicon.load(name)
    data = {key: value for key, value in words.items() if not key.startswith("_")}  # _doc and notes
    assert all(isinstance(value, str) for key, value in words.items() if key.startswith("_"))
    _check(data, LEXICONS[name], name)


def test_a_caption_line_keeps_its_credit():
    text = ("Cầu mới bắc qua sông Hồng\nanh-cau.jpg\nCây cầu nhìn từ trên cao. Ảnh: Minh Đức\n"
            "Công trình dài 5 km và rộng 40 m, có sáu làn xe.\n")
    captions = [block for block in classify(text) if block.kind == "caption"]
    assert [(text[b.start:b.end], b.credit) for b in captions] == [("Cây cầu nhìn từ trên cao. Ảnh: Minh Đức", "Minh Đức")]


@pytest.mark.parametrize("lines, credit", [
    (["Image copyright Getty Images", "Image caption Lính cứu hỏa dập lửa"], "Getty Images"),
    (["Lính cứu hỏa dập lửa tại hiện trường. Ảnh:", "AP"], "AP"),
    (["Lính cứu hỏa dập lửa tại hiện trường.", "Reuters"], "Reuters"),
])
def test_a_credit_line_gives_its_name_to_one_caption(lines, credit):
    body = "Sáng nay, lực lượng chức năng huyện đã phong tỏa toàn bộ khu vực xảy ra vụ cháy ở ven sông."
    text = "\n".join(["Cháy lớn tại khu dân cư ven sông", body] + lines + [body])
    captions = [block for block in classify(text) if block.kind == "caption"]
    assert [b.credit for b in captions] == [credit]


def test_a_credit_line_under_a_caption_is_one_image_with_it():
    text = ("Cháy lớn tại kho hàng\nTheo thông tin ban đầu, người dân phát hiện khói bốc lên từ một kho chứa hàng.\n"
            "kho-hang.jpg\nLính cứu hỏa dập lửa tại kho hàng\nẢNH: TRẦN MAI\nNhận tin báo, nhiều xe chữa cháy đã đến.\n")
    captions = [b for b in classify(text) if b.kind == "caption"]
    assert [(text[b.start:b.end], b.credit) for b in captions] == [("Lính cứu hỏa dập lửa tại kho hàng\nẢNH: TRẦN MAI",
                                                                     "TRẦN MAI")]
    # under a caption with its own credit, a credit line is another image's caption
    credited = text.replace("dập lửa tại kho hàng\n", "dập lửa tại kho hàng. Ảnh: Lê Quân\n")
    assert len([b for b in classify(credited) if b.kind == "caption"]) == 2
