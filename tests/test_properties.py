"""Property tests: for any string, normalize() gives a consistent map and parse_article() a record
whose offsets give back its texts, whose values are finite and which survives a JSON round trip."""
import unicodedata
from functools import lru_cache

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import vnnews
from vnnews import Article, lexicon
from vnnews.normalize import normalize
from vnnews.tokenize import _CLOSERS, _STOPS, split_pieces, split_sentences

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NBSP = "\u00a0"
vietnamese = st.sampled_from(
    "Hà Nội TP.HCM ngày tháng năm giá vàng tăng giảm tỷ đồng triệu USD người dân hoà thuỷ khoẻ "
    "Sở Thông tin và Truyền thông tỉnh Nghệ An doanh thu đạt Thủ tướng Chính phủ".split()
)
pieces = st.one_of(
    vietnamese,
    st.integers(0, 10**12).map(str),
    st.sampled_from([".", ",", "/", "%", "Ảnh:", NBSP, "\n", "\n\n", " ", "-", "–", ":", "(", ")", "\r\n",
                     "1.000", "2,5", "28/7/2017", "10h30", "&amp;", "&ocirc;", "&#7897;", "<p>", "</p>", "<br>",
                     "\u200b", "\ufeff", "\x00", "\u0301", "\u0323", ">>", "Theo TTXVN", "img_4426"]),
    st.text(max_size=3),
)
article_like = st.lists(pieces, max_size=60).map("".join)
markup_like = st.text(alphabet="<>&#;/ =\"'apbrscitmgxl0123456789\r\n\u200b\u0300\u0301\u0302\u00a0oàuỳ-!",
                      max_size=60)
any_text = st.one_of(st.text(), article_like, markup_like)


def bare(text):
    """The text without its combining marks: equal for hòa and hoà."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@SETTINGS
@given(any_text)
def test_normalize_map_is_consistent(original):
    n = normalize(original)
    if n.offsets is None:
        assert n.ends is None and len(n.text) == len(original)
        return
    assert len(n.offsets) == len(n.text) + 1 and len(n.ends) == len(n.text)
    assert n.offsets[-1] == len(original) and (not n.text or n.offsets[0] >= 0)
    for i in range(len(n.text)):
        assert n.offsets[i] < n.ends[i] and n.offsets[i] <= n.offsets[i + 1]
        # the next character starts after this one ends, unless both come from one piece (Ạ̀ from Ạ̀)
        same_piece = i + 1 < len(n.text) and (n.offsets[i + 1], n.ends[i + 1]) == (n.offsets[i], n.ends[i])
        assert same_piece or n.ends[i] <= n.offsets[i + 1]
    # characters that share one original piece are what that piece normalizes to on its own
    i = 0
    while i < len(n.text):
        j = i
        while j < len(n.text) and (n.offsets[j], n.ends[j]) == (n.offsets[i], n.ends[i]):
            j += 1
        piece = original[n.offsets[i]:n.ends[i]]
        assert bare(normalize(piece).text) == bare(n.text[i:j]), (piece, n.text[i:j])
        i = j


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_characters="<&\r\x0b\x0c\x85\u2028\u2029\u00ad\ufeff",
                                      blacklist_categories=("Cc", "Cf", "Cs"))))
def test_without_markup_normalize_is_nfc(original):
    text = normalize(original).text
    composed = unicodedata.normalize("NFC", original)
    assert unicodedata.is_normalized("NFC", text) and len(text) == len(composed)
    assert bare(text) == bare(composed)


@SETTINGS
@given(any_text)
def test_parse_article_on_any_string(text):
    article = vnnews.parse_article(text, tokenize=False)
    errors = article.offset_errors(text)  # offsets in range, text given back, values finite
    assert not errors, errors[:3]
    assert all(isinstance(f.value, (int, float)) for f in article.facts)
    assert Article.from_json(article.to_json()) == article


sentence_like = st.lists(st.one_of(vietnamese, st.sampled_from(
    [".", "!", "?", "…", "...", '"', "”", "’", "'", ")", "]", "“", "‘", "(", "[", " ", "  ", "\n", NBSP, "\t", "\x1c",
     "\u2028", "TP.", "PGS.", "Tp.", "Th.S.", "xTP.", "1", "٣", "Ông", "A", "Đ", "T.", "Đ.", "-", "ǅ", "Ⅻ", "\u0301"])),
    max_size=30).map("".join)


@lru_cache(maxsize=None)
def sentence_end():
    """What ends a sentence, as one regex: the splitter's definition, which it tests in Python at the
    places after a stop."""
    abbreviations = "|".join(regex.escape(a) for a in lexicon.load("sentences")["abbreviations"])
    return regex.compile(
        r"(?<!(?<![\p{L}\p{M}])(?:%s)\.)(?!(?<=(?<![\p{L}\p{M}\p{N}-])\p{Lu}\.)\s+\()"
        r"(?<=[%s]+[%s]*)\s+(?=[\p{Lu}\"“‘'(\[\d])"
        % (abbreviations, regex.escape(_STOPS), regex.escape(_CLOSERS))
    )


def expected_sentences(text, start, stop):
    position, expected = start, []
    for m in sentence_end().finditer(text, start, stop):
        expected.append((position, m.start()))
        position = m.end()
    if position < stop:
        expected.append((position, stop))
    return expected


@SETTINGS
@given(sentence_like, st.data())
@example("Một. Hai", None)  # a stretch that starts at the space after a stop
@example('A.)" B', 3)  # closers before the stretch, and the stop before them
def test_split_sentences_finds_what_the_sentence_pattern_finds_everywhere(text, data):
    """The splitter's tests at the places after a stop give what the pattern gives, everywhere."""
    if data is None or isinstance(data, int):
        start, stop = (4 if data is None else data), len(text)
    else:
        start, stop = sorted((data.draw(st.integers(0, len(text))), data.draw(st.integers(0, len(text)))))
    assert split_sentences(text, start, stop) == expected_sentences(text, start, stop)


@SETTINGS
@given(sentence_like, st.lists(st.integers(0, 30), max_size=6))
def test_split_pieces_is_split_sentences_of_each(text, cuts):
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    starts, ends = bounds[:-1], bounds[1:]
    assert list(split_pieces(text, starts, ends)) == [split_sentences(text, s, e) for s, e in zip(starts, ends)]
