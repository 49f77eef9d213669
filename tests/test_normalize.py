"""normalize(): what changes for extraction, and how each change maps back to the original."""
import re
import sys
import unicodedata

import pytest
import regex

from vnnews import lexicon
from vnnews.normalize import _MARK, _TRIGGER, _bmp_mark_run, _patterns, normalize


def pieces(original):
    """The normalized text, and for each normalized character the original text it came from."""
    n = normalize(original)
    if n.offsets is None:
        return n.text, list(n.text)
    return n.text, [original[n.offsets[i]:n.ends[i]] for i in range(len(n.text))]


def original_of(original, part):
    """The original text of the first occurrence of ``part`` in the normalized text."""
    n = normalize(original)
    start = n.text.index(part)
    a, b = n.span(start, start + len(part))
    return original[a:b]


def test_clean_text_is_returned_as_is():
    text = "Hà Nội, ngày 28/7/2017 – giá vàng tăng 1,5%.\n\nẢnh:\u00a0TTXVN\t"
    n = normalize(text)
    assert n.text is text and n.offsets is None and n.ends is None
    assert n.to_original(5) == 5 and n.span(2, 7) == (2, 7)


def test_every_character_that_may_start_markup_work_is_unprintable_or_a_bracket_or_ampersand():
    # normalize skips the markup pass for a printable text without < and &
    lead = re.compile(_TRIGGER.pattern.split("]")[0] + "]")
    starts = lead.findall("".join(map(chr, range(sys.maxunicode + 1))))
    assert [hex(ord(c)) for c in starts if c.isprintable() and c not in "<&"] == []


def test_nfd_is_composed_and_each_letter_maps_to_its_cluster():
    original = unicodedata.normalize("NFD", "Việt Nam")
    text, sources = pieces(original)
    assert text == "Việt Nam"
    assert sources[2] == unicodedata.normalize("NFD", "ệ")
    assert original_of(original, "Việt") == original[:6]


@pytest.mark.parametrize("original", [
    "a\u0301\u0323 e\u0302\u0301",  # marks after a starter
    "\u0301a\u0301",  # a mark that starts the text
    "\u0958\u093c a\u0958\u0301",  # a character NFC never keeps, alone and before marks
    "\u1100\u1161\u11a8 \u0301\u0301 x",  # the second half of a composable pair (NFC_QC=Maybe)
])
def test_nfc_clusters_compose_as_the_whole_text_does(original):
    assert normalize(original).text == unicodedata.normalize("NFC", original)



def test_no_cluster_composes_with_text_outside_it():
    # normalize reads the NFC of the whole text as its clusters composed one by one. So each character
    # outside them, and the first character of what a cluster's NFC_QC=No head decomposes to, must be
    # a starter that NFC neither reorders past nor composes with what comes before it
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    marks = set(regex.findall(_MARK, everything))
    never_kept = set(regex.findall(r"\p{NFC_QC=N}", everything)) - marks
    second_halves = {chr(c) for c in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}  # Hangul V, T
    for char in everything:
        pair = unicodedata.decomposition(char).split()
        if len(pair) == 2 and not pair[0].startswith("<") and unicodedata.normalize("NFC", char) == char:
            second_halves.add(chr(int(pair[1], 16)))

    def boundary(char):
        return unicodedata.combining(char) == 0 and char not in second_halves

    heads = [c for c in never_kept if not boundary(unicodedata.normalize("NFD", c)[0])]
    outside = [c for c in everything if c not in marks and c not in never_kept
               and not (boundary(c) and unicodedata.normalize("NFC", c) == c)]
    assert [hex(ord(c)) for c in heads + outside] == []


def test_the_stdlib_pattern_for_runs_of_marks_splits_as_the_regex_module_does():
    plane = "".join(map(chr, range(0x10000)))
    assert _bmp_mark_run().split(plane) == _patterns().mark_run.split(plane)

@pytest.mark.parametrize("original, expected", [
    ("tr&ocirc;\u0300ng c&#7897;t", "trồng cột"),  # an entity, then a combining mark after it
    ("AT&amp;T &lt;b&gt;", "AT&T <b>"),  # decoded once: &lt;b&gt; is text, not a tag
    ("x&nbsp;y", "x\u00a0y"),
    ("&#x1EA1;&#7897", "ạộ"),
    ("&notanentity; AT&T &", "&notanentity; AT&T &"),
    ("&#8203;a&#13;&#10;b", "a\n\nb"),  # entities give no zero-width or carriage returns either
])
def test_entities(original, expected):
    assert normalize(original).text == expected


def test_entity_span_maps_to_the_entity():
    original = "Giá &quot;sốc&quot; hôm nay"
    assert original_of(original, '"sốc"') == "&quot;sốc&quot;"


@pytest.mark.parametrize("original, expected", [
    ("<p>Một</p><p>Hai</p>", "\nMột\n\nHai\n"),
    ("a<br>b<br/>c<BR />d", "a\nb\nc\nd"),
    ('<div class="x" id=y>A <b>đậm</b> <span style="c">B</span></div>', "\nA đậm B\n"),
    ('x<img src="a.jpg" alt="a > b">y', "x\ny"),
    ("<script>var s = '<p>';</script>Tin<style>p{}</style>", "\nTin\n"),
    ("Tin<!-- <p>bình luận</p> -->tức", "Tintức"),
    ("<!DOCTYPE html><html><head><title>T</title></head>", "\n\n\nT\n\n"),
])
def test_tags(original, expected):
    assert normalize(original).text == expected


@pytest.mark.parametrize("text", [
    "<Hà Nội>", "a<b & c>d", "x <= y và y >= z", "<foo>bar</foo>", "<!-- no end", "<", "&", "&#;",
])
def test_what_is_not_markup_stays(text):
    assert normalize(text).text == text


@pytest.mark.parametrize("original, expected", [
    ("<foo\r\nbar>", "<foo\nbar>"), ("<R\r>\x1f", "<R\n>"), ("<foo a=\"x\u200by\">", "<foo a=\"xy\">"),
])
def test_an_unknown_tag_is_normalized_as_text(original, expected):
    assert normalize(original).text == expected


def test_unclosed_script_drops_only_the_tag():
    assert normalize("<script>Tin tức").text == "\nTin tức"


def test_tag_spans_leave_tags_out():
    original = "<p><b>Hà Nội</b> mưa</p>"
    assert original_of(original, "Hà Nội") == "Hà Nội"
    assert original_of(original, "Hà Nội mưa") == "Hà Nội</b> mưa"


@pytest.mark.parametrize("original, expected", [
    ("a\r\nb\rc\nd", "a\nb\nc\nd"),
    ("a\x0bb\x0cc\x85d\u2028e\u2029f", "a\nb\nc\nd\ne\nf"),
    ("a\x00b\x07c\x1bd\x7fe\x9bf", "abcdef"),
    ("Hà\u200bNội\u200c\u200d\u2060\ufeff\u00ad", "HàNội"),
    ("\ufeffTiêu đề", "Tiêu đề"),
    ("tab\tand\u00a0nbsp stay", "tab\tand\u00a0nbsp stay"),
])
def test_line_breaks_and_stray_characters(original, expected):
    assert normalize(original).text == expected


def test_dropped_characters_map_around():
    original = "ab\u200b\u200bcd"
    n = normalize(original)
    assert n.text == "abcd"
    assert list(n.offsets) == [0, 1, 4, 5, 6] and list(n.ends) == [1, 2, 5, 6]
    assert n.span(0, 2) == (0, 2) and n.span(2, 4) == (4, 6) and n.span(2, 2) == (4, 4)


@pytest.mark.parametrize("original, expected", [
    ("hoà bình", "hòa bình"), ("HOÀ", "HÒA"), ("Hoà", "Hòa"), ("khoẻ", "khỏe"), ("xoá", "xóa"),
    ("thuỷ", "thủy"), ("Thuỵ Điển", "Thụy Điển"), ("oà khóc", "òa khóc"), ("hoà.", "hòa."),
    ("hoàn", "hoàn"), ("hoàng", "hoàng"), ("quý", "quý"), ("QUÝ", "QUÝ"), ("khuỷu", "khuỷu"),
    ("hòa", "hòa"), ("thủy", "thủy"), ("thuà", "thuà"),
])
def test_old_tone_placement_is_folded_to_the_modern(original, expected):
    n = normalize(original)
    assert n.text == expected
    if expected == original:
        assert n.offsets is None
    else:  # the letters swap in place: an identity map, but not None, since the text changed
        assert list(n.offsets) == list(range(len(original) + 1)) and list(n.ends) == list(range(1, len(original) + 1))


def test_every_old_pair_of_the_lexicon_is_folded():
    for old, new in lexicon.load("encodings")["tone_placement"].items():
        assert normalize("h%s, %s" % (old, old.upper())).text == "h%s, %s" % (new, new.upper())


def test_everything_at_once_keeps_provenance():
    original = "<p>Ho\u0300a\r\nb&igrave;nh\u200b</p>"
    n = normalize(original)
    assert n.text == "\nHòa\nbình\n"
    start = n.text.index("bình")
    a, b = n.span(start, start + 4)
    assert original[a:b] == "b&igrave;nh"


@pytest.mark.parametrize("text", [
    "<" * 100_000, "<a" * 50_000, "&" * 100_000, "&#" * 50_000, "<script>" * 20_000, "<!--" * 25_000,
    "<b " + "a=1 " * 25_000, "<b a='" * 20_000, "\r\n" * 50_000, "\u200ba" * 50_000,
    "e\u0301" * 50_000, "\u0301" * 100_000, "oà " * 30_000,
])
def test_adversarial_inputs_finish_with_a_consistent_map(text):
    n = normalize(text)
    if n.offsets is not None:
        assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(text)


@pytest.mark.parametrize("seed", range(20))
def test_dense_edits_build_the_same_maps_character_by_character(seed, monkeypatch):
    """The two ways of building the maps (a slice per edit, a step per character) agree, and so do
    clusters found in blocks, on texts with every kind of edit: one-for-one, several characters,
    dropped, and an earlier map."""
    import random

    from vnnews import normalize as module

    pick = random.Random(seed)
    units = ["a", "b ", "e\u0301", "a\u0301\u0323", "&fjlig;", "&amp;", "\u200b", "<b>", "<br>", "ho\u0300a ", "\r\n"]
    original = "".join(pick.choice(units) for _ in range(pick.randint(1, 60)))
    monkeypatch.setattr(module.settings, "DENSE_EDITS_PER_CHARACTER", 10 ** 9)  # always per character
    dense = normalize(original)
    monkeypatch.setattr(module.settings, "DENSE_EDITS_PER_CHARACTER", 0)  # always a slice per edit
    sparse = normalize(original)
    monkeypatch.setattr(module.settings, "NORMALIZE_BLOCK_CHARACTERS", 3)  # clusters found in small blocks
    blocks = normalize(original)
    assert dense.text == sparse.text == blocks.text
    maps = [(list(n.offsets or []), list(n.ends or [])) for n in (dense, sparse, blocks)]
    assert maps[0] == maps[1] == maps[2]


def test_hostile_clusters_take_bounded_memory(monkeypatch):
    """Composed block by block, stacked marks cost a bounded amount per character (the maps and a
    block's clusters), not several Python strings per cluster of the whole text (136 bytes a
    character in one block here, 50 in blocks; 2 M characters once took 800 MB)."""
    import tracemalloc

    from vnnews import normalize as module

    monkeypatch.setattr(module.settings, "NORMALIZE_BLOCK_CHARACTERS", 4096)  # many blocks in a small text
    text = "a\u0301\u0323" * 40_000
    tracemalloc.start()
    try:
        normalize(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 80 * len(text)
