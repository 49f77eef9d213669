"""extract_facts: the scanner. It walks the text once, taking the next amount that either amount
rule (``rules.AMOUNT_RULES``) finds: amounts in digits from one search pattern, amounts in words
from where their lead words stand; each match is read (``read``) into facts, then whole units and
their cents are joined.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from itertools import islice
from typing import Iterator, List

from .. import numbers
from ..limits import check_text
from ..model import Fact
from ..normalize import normalize
from ..settings import FACT_MAX_AMOUNT, FACT_SEARCH_BATCH
from ..text import is_nfc, lowered
from .context import opens_range
from .grammar import Grammar, fold, grammar
from .read import RANGE_DASHES, glued_range_end, split_unit_pair
from .rules import DIGITS, WORDS


def extract_facts(text: str) -> List[Fact]:
    """All numeric facts of ``text`` in text order; ``text[f.start:f.end] == f.text`` for each.

    >>> [(f.kind, f.value, f.unit, f.qualifier) for f in extract_facts("đạt trên 1.839 tỷ đồng")]
    [('money', 1839000000000, 'VND', 'trên')]
    """
    check_text("extract_facts", text)
    # the pipeline hands in normalized text; anything else is composed first (NFD, old encodings)
    norm = None if is_nfc(text) else normalize(text)
    t, g = text if norm is None else norm.text, grammar()
    word_starts = _word_starts(t, g)
    plain = g.plain_script.fullmatch(t) is not None
    digits = DIGITS.pattern(g, plain)
    matches = _batched(digits.finditer(t))
    previous, found = None, next(matches, None)  # each amount in digits found from the end of the one before
    facts: List[Fact] = []
    pos = k = 0
    while True:
        while k < len(word_starts) and word_starts[k] < pos:
            k += 1
        while found is not None and found.start() < pos:
            previous, found = found, next(matches, None)
        # found is the first amount from pos, unless an amount in words ended inside the previous
        # one: then search from there
        m = next(digits.finditer(t, pos), None) if previous is not None and previous.end() > pos else found
        if k < len(word_starts) and (m is None or word_starts[k] < m.start()):
            m = WORDS.pattern(g, plain).match(t, word_starts[k])
            k += 1
            if m is None:
                continue
        elif m is None:
            break
        floor, pos = pos, m.end()
        resolver = DIGITS.resolve if m.re is g.digits_plain else WORDS.resolve
        read = resolver(t, m, g, floor)
        if read and read[-1].end < len(t) and t[read[-1].end] in RANGE_DASHES:
            ends = glued_range_end(t, read[-1])
            if ends is not None:
                read[-1:] = ends
                pos = ends[1].end
        if read and read[-1].kind == "rate":
            read = [part for fact in read for part in split_unit_pair(t, fact)]
        if norm is not None:  # offsets into the input, not the normalized text
            read = [_to_original(fact, text, norm) for fact in read]
        facts += read
    return _share_per(text, _join_cents(text, facts, g), g)


def _to_original(fact: Fact, text: str, norm) -> Fact:
    start, end = norm.to_original(fact.start), norm.to_original(fact.end)
    return dataclasses.replace(fact, text=text[start:end], start=start, end=end)


def _join_cents(text: str, facts: List[Fact], g: Grammar) -> List[Fact]:
    """Whole units followed by the cents of the same currency are one amount: ``20 đô 43 xu``,
    ``hai mươi đô và 43 xu`` = 20.43 USD (each part alone is read as its own fact first)."""
    joined: List[Fact] = []
    for fact in facts:
        whole = joined[-1] if joined and 0 < fact.value < 1 else None  # the test that fails first, mostly
        if (whole is not None and fact.kind == whole.kind == "money" and fact.unit == whole.unit
                and isinstance(whole.value, int) and fact.qualifier is None
                and fact.text.rsplit(None, 1)[-1].lower() in g.subunits
                and fold(text[whole.end:fact.start]).lower() in g.subunit_joiners):
            cents = Decimal(str(fact.value))
            joined[-1] = dataclasses.replace(whole, text=text[whole.start:fact.end], value=numbers.plain(whole.value + cents),
                                             end=fact.end)
        else:
            joined.append(fact)
    return joined


def _share_per(text: str, facts: List[Fact], g: Grammar) -> List[Fact]:
    """A price range whose last end alone says what it is per: the first end is per the same
    (từ 50.000đ đến 100.000đ/kg, 300.000 đồng - 500.000 đồng/kg, từ 50.000 đồng xuống 40.000 đồng/kg
    are both VND per kg; giảm 550 đồng xuống 10.650 đồng/cp is a change, then a price)."""
    for i in range(len(facts) - 1, 0, -1):
        first, last = facts[i - 1], facts[i]
        if last.per and first.per is None and first.kind == last.kind == "money" and first.unit == last.unit:
            link = fold(text[first.end:last.start]).lower()
            if link in g.range_links or link in g.opened_range_words and opens_range(text, first.start):
                facts[i - 1] = dataclasses.replace(first, per=last.per)
    return facts


def _batched(matches: Iterator) -> Iterator:
    """``matches`` searched a batch at a time: interleaved with the reading of each amount, both run
    slower."""
    while True:
        batch = list(islice(matches, FACT_SEARCH_BATCH))
        if not batch:
            return
        yield from batch


def _word_starts(t: str, g: Grammar) -> List[int]:
    """Where number words start that reach one of the lead words of amounts in words."""
    starts = set()
    low = lowered(t)  # find_dates reads the same text in lower case
    if len(low) != len(t):  # İ is the one letter whose lower case is longer
        low = t.replace("\u0130", "i").lower()
    # where a lead word may start: str.find of the lead words that hold no other (đô of đô la, trăm
    # of phần trăm) costs a fraction of a search of the trie, which enters it at every letter a lead
    # word may start with; the trie then reads the lead word at each word start found
    at = set()
    for key, offsets in g.lead_keys:
        k = low.find(key)
        while k >= 0:
            at.update([k - offset for offset in offsets])
            k = low.find(key, k + 1)
    leads = WORDS.leads(g)
    for i in at:
        lead = None if i < 0 or i and t[i - 1].isalnum() else leads.match(low, i)
        if lead is not None and ((j := lead.end()) == len(t) or not t[j].isalnum()):
            before = i
            while before and t[before - 1] == " ":
                before -= 1
            if low[i:j] in g.after_numbers and low[low.rfind(" ", 0, before) + 1:before] not in g.num.digits:
                continue  # chấm dứt, thủ đô: these lead only after a digit word (hai chấm năm, hai đô 25)
            # after digits (3 tỷ) no number word runs up to the anchor: skip the costlier pattern
            run = None if before and t[before - 1].isdecimal() else g.run_before.match(t, max(0, i - FACT_MAX_AMOUNT), i)
            starts.add(run.start() if run else i)  # hàng trăm triệu đồng starts at trăm
    return sorted(starts)
