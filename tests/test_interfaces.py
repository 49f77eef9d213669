"""parse_article's interface: what it accepts and refuses, reproducibility (reference=, no clock),
lone surrogates with tokens, and thread safety of the lazy tokenizer."""
import datetime as dt
import subprocess
import sys
import textwrap

import pytest

import vnnews
from vnnews.model import VIETNAM_TZ

DATED = "Giá xăng giảm mạnh\n\nNgày 12/3/2024\n\nHôm qua, giá xăng RON 95 giảm 500 đồng mỗi lít.\n"
UNDATED = "Người dân đổ về trung tâm\n\nHôm qua, 20 phút sau khi mở cửa, 300 khách đã vào hội chợ.\n"


def test_read_text_result_is_accepted_as_is():
    decoded = vnnews.read_text(DATED.encode("utf-16"))
    assert vnnews.parse_article(decoded, tokenize=False) == vnnews.parse_article(DATED, tokenize=False)


@pytest.mark.parametrize("options, error", [
    (dict(max_chars=True), TypeError), (dict(max_chars=None), TypeError), (dict(max_chars="100"), TypeError),
    (dict(max_chars=1.5), TypeError), (dict(max_chars=-1), ValueError), (dict(tokenize="no"), TypeError),
    (dict(tokenize=None), TypeError), (dict(reference="2024-03-12"), TypeError),
    (dict(reference=dt.datetime(2024, 3, 12, 8)), ValueError),
])
def test_bad_options_are_refused_with_a_clear_message(options, error):
    name = next(iter(options))
    with pytest.raises(error, match=name):
        vnnews.parse_article(DATED, **options)


def test_reference_resolves_an_undated_article_and_never_overrides_its_date():
    with_day = vnnews.parse_article(UNDATED, tokenize=False, reference=dt.date(2024, 3, 12))
    assert [(d.text, d.value) for d in with_day.dates][0] == ("Hôm qua", dt.date(2024, 3, 11))
    moment = dt.datetime(2024, 3, 12, 1, 30, tzinfo=dt.timezone.utc)  # 08:30 in Vietnam
    with_moment = vnnews.parse_article(UNDATED, tokenize=False, reference=moment)
    assert with_moment.dates[0].value == dt.date(2024, 3, 11)
    dated = vnnews.parse_article(DATED, tokenize=False, reference=dt.date(2000, 1, 1))
    assert dated.published == dt.date(2024, 3, 12) and dated.dates[0].value == dt.date(2024, 3, 11)
    assert "unresolved_dates" not in [w.code for w in with_day.warnings + dated.warnings]


def test_undated_article_gives_the_same_record_in_every_process():
    # two fresh processes: with the clock out of the way, their records are the same; mentions that
    # need a reference keep text and grain, and (once dates no longer read the clock) get no value
    # and an unresolved_dates warning
    script = "import vnnews, sys; sys.stdout.write(vnnews.parse_article(%r, tokenize=False).to_json())" % UNDATED
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs[0] == runs[1]
    record = vnnews.Article.from_json(runs[0])
    assert [d.text for d in record.dates][:1] == ["Hôm qua"] and record.dates[0].relative
    unresolved = sum(d.value is None for d in record.dates)
    codes = [w.code for w in record.warnings]
    assert (unresolved == 0) == ("unresolved_dates" not in codes)


def test_a_lone_surrogate_never_loses_the_article_with_tokens():
    text = "Giá tăng \ud800 mạnh trong tháng.\n\nLượng khách tăng 15% so với cùng kỳ, đạt 2 \udfff triệu lượt."
    article = vnnews.parse_article(text)
    assert not article.offset_errors(text)
    assert article.facts and article.sentences and all(s.tokens for s in article.sentences)
    (warning,) = [w for w in article.warnings if w.code == "unencodable"]
    assert "2 lone surrogate" in warning.message and (warning.start, warning.end) == (9, text.index("\udfff") + 1)
    assert "\ud800" in article.sentences[0].text  # the record keeps the input's own characters


def test_tokenizer_loads_once_under_a_lock_for_eight_threads():
    script = textwrap.dedent("""
        import threading, vnnews
        texts = ["Hà Nội mưa lớn suốt đêm qua. Người dân %d vất vả đi làm." % i for i in range(8)]
        errors, barrier = [], threading.Barrier(8)
        def parse(text):
            barrier.wait()
            try:
                assert vnnews.parse_article(text).sentences[0].tokens
            except Exception as error:
                errors.append(repr(error))
        threads = [threading.Thread(target=parse, args=(t,)) for t in texts]
        for thread in threads: thread.start()
        for thread in threads: thread.join()
        print(len(errors), errors[:1])
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


def test_vietnam_zone_is_defined_once():
    assert VIETNAM_TZ.utcoffset(None) == dt.timedelta(hours=7)


@pytest.mark.parametrize("value", [None, b"Gi\xc3\xa1", 5, ["text"]])
def test_text_that_is_not_a_str_is_named(value):
    from vnnews.limits import check_text

    with pytest.raises(TypeError, match=r"parse_article\(\) takes the text as str, not %s" % type(value).__name__):
        vnnews.parse_article(value)
    with pytest.raises(TypeError, match="find_dates"):
        check_text("find_dates", value)
    for public in (vnnews.find_dates, vnnews.extract_facts):
        with pytest.raises(TypeError, match=r"%s\(\) takes the text as str" % public.__name__):
            public(value)


def test_mentions_left_without_a_value_are_counted_in_a_warning(monkeypatch):
    """What parse_article does with what find_dates leaves unresolved (no reference day): the
    mentions stay, and one warning says how many and how to resolve them."""
    from vnnews import article as module
    from vnnews.model import DateMention

    seen = []

    def unresolved(text, reference=None):
        seen.append(reference)
        start = text.index("Hôm qua")
        return [DateMention("Hôm qua", start, start + 7, None, "day", True)]

    monkeypatch.setattr(module, "find_dates", unresolved)
    record = vnnews.parse_article(UNDATED, tokenize=False)
    assert seen == [None] and record.dates[0].value is None
    (warning,) = [w for w in record.warnings if w.code == "unresolved_dates"]
    assert warning.message.startswith("1 date mention(s)") and "reference=" in warning.message
    vnnews.parse_article(UNDATED, tokenize=False, reference=dt.date(2024, 3, 12))
    vnnews.parse_article(DATED, tokenize=False, reference=dt.date(2000, 1, 1))
    assert seen[1:] == [dt.date(2024, 3, 12), dt.date(2024, 3, 12)]  # the text's own date comes first
