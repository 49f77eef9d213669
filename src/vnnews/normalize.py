"""Normalisation that keeps provenance.

The pipeline reads ``Normalized.text`` while every offset it reports must point into the caller's
original string; ``Normalized.to_original`` (or ``Normalized.span`` for a start/end pair) maps one to
the other. Three steps, each reading the output of the one before:

1. Markup and stray characters, in one left-to-right pass over the original: ``<script>``,
   ``<style>``, ``<noscript>``, ``<template>`` blocks and HTML comments are removed; known HTML tags are
   removed, block-level ones (``<br>``, ``<p>``, ``</div>``, ``<li>``, ``<img ...>``...) become a line
   break; HTML entities are decoded (``&ocirc;`` ``&#7897;`` ``&amp;``; ``&nbsp;`` becomes NBSP, which
   stays NBSP because captions are recognised by their NBSP indent); CRLF and CR become ``\\n``, and so do
   the other line separators (``\\v``, ``\\f``, U+0085, U+2028, U+2029); the other C0/C1 control
   characters, zero-width characters (U+200B-U+200F, U+2060, U+FEFF) and the soft hyphen are dropped.
   Unknown tags (``<Hà Nội>``, ``a<b``) and entities that html does not know stay as written.
2. NFC, cluster by cluster (a base character and the marks after it), so decomposed input (NFD,
   Windows-1258) reads as composed text.
3. Tone placement: the old style, tone on the second vowel of an open ``oa``/``oe``/``uy`` syllable
   (``hoà``, ``khoẻ``, ``thuỷ``), is folded to the modern style (``hòa``, ``khỏe``, ``thủy``) that the
   lexicons are written in. The two letters swap in place, so offsets do not move.

Cost: a clean NFC article is checked by three C-level scans and returned as is (``offsets is None``).
Otherwise the work is proportional to the input: unchanged stretches are copied as slices, the text
and the maps alike, and each place that changes costs a few C-level calls made over all of them at
once (``map``, ``join``); only markup is found by a Python loop, one step per tag or entity. Once per
process, the first text that needs a map builds a counting array to slice (some 3 ms), and the first
that is not NFC a stdlib pattern for step 2 (some 10 ms).
"""
from __future__ import annotations

import collections
import functools
import html
import html.entities
import itertools
import operator
import re
import unicodedata
from array import array
from dataclasses import dataclass
from typing import Dict, Iterable, NamedTuple, Optional, Sequence, Tuple

import regex

from . import lexicon, settings
from .text import is_nfc


@dataclass
class Normalized:
    text: str
    # offsets[i] is the index in the original where normalized character i starts; offsets[len(text)]
    # is len(original). ends[i] is where character i ends in the original. Text that was dropped lies
    # between ends[i] and offsets[i + 1]. Both None when the text is the original, unchanged.
    offsets: Optional[Sequence[int]] = None
    ends: Optional[Sequence[int]] = None

    def to_original(self, index: int) -> int:
        return index if self.offsets is None else self.offsets[index]

    def span(self, start: int, end: int) -> Tuple[int, int]:
        """The original ``(start, end)`` of normalized ``text[start:end]``, without the dropped text
        (tags, zero-width characters) that lies just outside it."""
        if self.offsets is None:
            return start, end
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.ends[end - 1]


# where step 1 may change something: ``<`` and ``&`` before a tag or entity, or a character to drop
# or turn into ``\n``; found by one fast scan, then the markup pattern is tried there. One class
# leads so that the stdlib skips clean text at C speed
_TRIGGER = re.compile(
    "[<&\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]"
    "(?:(?<=<)[a-zA-Z/!]|(?<=&)[#a-zA-Z]|(?<![<&]))"
)
_BREAK_CHARS = "\r\x0b\x0c\x85\u2028\u2029"
_DROP_CHARS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u2060\ufeff"
# attributes as HTML writes them, so that ``a<b & c>d`` is not a bold tag; possessive, and no part
# crosses a ``<``, so a failed attempt never rescans text that a later attempt reads
_ATTRIBUTES = r"""(?:\s+[a-zA-Z_:@][-\w:.@]*(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'<>=`]+))?)*+\s*/?>"""
_MARKUP = (
    r"(?P<comment><!--)"
    r"|<(?P<block>(?i:script|style|noscript|template))" + _ATTRIBUTES
    + r"|</?(?P<tag>[a-zA-Z][a-zA-Z0-9]{0,15})" + _ATTRIBUTES
    + r"|(?P<doctype><![a-zA-Z][^<>]*>)"
    r"|(?P<entity>&(?:\#[0-9]{1,7};?|\#[xX][0-9a-fA-F]{1,6};?|[a-zA-Z][a-zA-Z0-9]{1,31};))"
    r"|(?P<newline>\r\n|[%s])"
    r"|(?P<drop>[%s]+)" % (_BREAK_CHARS, _DROP_CHARS)
)
_CLOSERS = {"comment": r"-->", "script": r"</script\s*>", "style": r"</style\s*>",
            "noscript": r"</noscript\s*>", "template": r"</template\s*>"}
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form frame h1 h2 h3 h4 h5 h6 head header hr html iframe img legend li "
    "main nav ol p pre section summary table tbody td tfoot th thead title tr ul video audio".split()
)
_INLINE_TAGS = frozenset(
    "a abbr b base bdi bdo big button cite code data del dfn em font i input ins kbd label link mark "
    "meta option picture q s samp select small source span strike strong sub sup svg textarea time tt "
    "u var wbr".split()
)
_ENTITY_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_ENTITY_DROPS = re.compile("[%s]+" % _DROP_CHARS)

# a character that may change under NFC: a run of marks and second halves of composable pairs
# (NFC_QC=Maybe), or a character that never survives NFC (NFC_QC=No) with the run after it. Led by
# what it looks for: an optional starter first would cost a slow step at every character. Captured
# for split(): the whole cluster, and the run of marks again when it leads (it composes with the
# character before it)
_MARK = r"[\p{M}\p{NFC_QC=M}]"
_CLUSTER = r"((?P<marks>%s+)|\p{NFC_QC=N}%s*)" % (_MARK, _MARK)
# captured for split(); with the character before each, these runs are the clusters that NFC may
# change, bar those without marks (a character that never survives NFC, alone)
_MARK_RUN = "(%s+)" % _MARK
_STARTER = r"[^\p{M}\p{NFC_QC=M}]"  # no cluster goes on through it: a block may start there


class _Patterns(NamedTuple):
    markup: regex.Pattern
    closers: Dict[str, regex.Pattern]
    cluster: regex.Pattern
    mark_run: regex.Pattern
    starter: regex.Pattern


@functools.cache
def _patterns() -> _Patterns:
    """Compiled on first use, not at import: a clean NFC text (the common case) needs none of them."""
    return _Patterns(regex.compile(_MARKUP),
                     {name: regex.compile(closer, regex.IGNORECASE) for name, closer in _CLOSERS.items()},
                     regex.compile(_CLUSTER), regex.compile(_MARK_RUN), regex.compile(_STARTER))


@functools.cache
def _bmp_mark_run() -> re.Pattern:
    """The run of marks pattern in the stdlib re, for text without astral characters: it splits NFD text twice
    as fast as the regex module, which tests Unicode properties character by character. The class is
    read off the regex module's, once, on first use (some 10 ms)."""
    plane = "".join(map(chr, range(0x10000)))
    ranges = (re.escape(run[0]) + "-" + re.escape(run[-1]) for run in _patterns().mark_run.findall(plane))
    return re.compile("([%s]+)" % "".join(ranges))


def _tone_table() -> dict:
    table = {}
    for old, new in lexicon.load("encodings")["tone_placement"].items():
        for first in (str.lower, str.upper):
            for second in (str.lower, str.upper):
                table[first(old[0]) + second(old[1])] = first(new[0]) + second(new[1])
    return table


_TONES = _tone_table()
_NOT_LETTER_AFTER = r"(?![^\W\d_]|[\u0300-\u036f])"
# an old-style pair: an o or u that is a vowel, not the u of qu, then a tone letter where the word
# ends (hoàn keeps its tone on à). Led by the o or u: the stdlib skips clean text a tenth faster
# on a class of four ASCII letters than on one of the tone letters (wider, and past U+00FF), and a
# look-behind before the lead would cost a step at every character; the pair is then looked up in
# the table
_OLD_TONE = re.compile(
    r"[oOuU](?<![qQ].)[%s]%s" % ("".join(sorted({k[1] for k in _TONES})), _NOT_LETTER_AFTER)
)

# edits as three columns: sorted, non-overlapping ``text[start:end]`` and what replaces each
Edits = Tuple[Sequence[int], Sequence[int], Sequence[str]]


def normalize(original: str) -> Normalized:
    text, maps = original, None
    if _may_hold_markup(text) and _TRIGGER.search(text):
        text, maps = _rebuild(text, _columns(_markup_edits(text)), maps)
    composed = text if is_nfc(text) else unicodedata.normalize("NFC", text)
    if composed != text:
        text, maps = composed, _composed_maps(text, composed, maps)
    folded = _fold_old_tones(text)
    if folded != text and maps is None:  # the text differs: say so with an identity map, free as ranges
        maps = range(len(text) + 1), range(1, len(text) + 1)
    text = folded
    return Normalized(text, *maps) if maps else Normalized(text)


def _may_hold_markup(text: str) -> bool:
    """False when step 1 has surely nothing to do: ``<`` and ``&`` aside, every character that it
    looks for is unprintable, which C code tells faster than the trigger pattern scans."""
    return "<" in text or "&" in text or not text.replace("\n", "").isprintable()


def _fold_old_tones(text: str) -> str:
    """``text`` with each old-style pair (``oà``, ``uỷ``) swapped in place for the modern one; ``text``
    itself when there is none."""
    pieces, position = [], 0
    for m in _OLD_TONE.finditer(text):
        pair = m.group()
        if pair in _TONES:  # the pattern admits any o or u before any tone letter: uà is no old pair
            pieces += (text[position:m.start()], _TONES[pair])
            position = m.end()
    return "".join(pieces) + text[position:] if pieces else text


def _markup_edits(text: str) -> Iterable[Tuple[int, int, str]]:
    patterns = _patterns()
    unclosed = set()  # kinds of block whose closer is absent after some point, hence after any later one
    position = 0
    while True:
        trigger = _TRIGGER.search(text, position)
        if trigger is None:
            return
        match = patterns.markup.match(text, trigger.start())
        if match is None:
            position = trigger.end()
            continue
        start, position = match.span()
        kind = match.lastgroup
        if kind in ("comment", "block"):
            name = "comment" if kind == "comment" else match.group("block").lower()
            closer = None if name in unclosed else patterns.closers[name].search(text, position)
            if closer is not None:
                position = closer.end()
                yield start, position, "" if kind == "comment" else "\n"
            elif kind == "block":
                unclosed.add(name)
                yield start, position, "\n"  # an unclosed <script>: drop the tag, keep what follows
            else:
                unclosed.add(name)  # an unclosed <!-- is text
        elif kind == "tag":
            name = match.group("tag").lower()
            if name in _BLOCK_TAGS:
                yield start, position, "\n"
            elif name in _INLINE_TAGS:
                yield start, position, ""
            else:  # an unknown tag stays text, and what it holds is read as text (a CR becomes \n)
                position = trigger.end()
        elif kind == "entity":
            entity = match.group()
            # a whole known name only: html.unescape would read &notanentity; as ¬anentity;
            if entity[1] != "#" and entity[1:] not in html.entities.html5:
                continue
            decoded = html.unescape(entity)
            if decoded != entity:
                yield start, position, _ENTITY_DROPS.sub("", _ENTITY_BREAKS.sub("\n", decoded))
        else:
            yield start, position, "\n" if kind == "newline" else ""


def _columns(edits: Iterable[Tuple[int, int, str]]) -> Edits:
    """``(start, end, replacement)`` edits as the three columns that ``_rebuild`` reads."""
    return tuple(zip(*edits)) or ((), (), ())


def _composed_maps(text: str, composed: str, maps) -> tuple:
    """The maps of ``composed``, the NFC of ``text``, as if each cluster were composed on its own:
    every character of a cluster that NFC changes starts where the cluster starts and ends where it
    ends. No cluster composes with the text around it (a test checks every character), so
    ``composed`` is the clusters composed one by one and the text between them. The clusters are
    found block by block, cut before a character that no cluster continues, so that their pieces
    (several Python strings a cluster) are held for one block at a time, not for the whole text."""
    edit_starts, edit_ends, lengths = array("q"), array("q"), array("q")
    start = 0
    while start < len(text):
        end = _block_end(text, start)
        block = text[start:end]
        block_composed = composed if end - start == len(text) else unicodedata.normalize("NFC", block)
        for column, values in zip((edit_starts, edit_ends, lengths), _cluster_edits(block, block_composed)):
            column.extend(map(operator.add, values, itertools.repeat(start)) if column is not lengths else values)
        start = end
    return _remap(edit_starts, edit_ends, lengths, maps, len(text))


def _block_end(text: str, start: int) -> int:
    """Where a block of about ``BLOCK_CHARACTERS`` from ``start`` may end: before a character that
    is neither a mark nor the second half of a composable pair, or at the end of the text."""
    end = start + settings.NORMALIZE_BLOCK_CHARACTERS
    found = _patterns().starter.search(text, end) if end < len(text) else None
    return found.start() if found else len(text)


def _cluster_edits(text: str, composed: str) -> Tuple[Sequence[int], Sequence[int], Sequence[int]]:
    """The clusters of ``text`` that NFC changes, as edits: starts, ends, and the lengths they
    compose to. Most often each cluster composes to one character, which the lengths of ``text`` and
    ``composed`` tell at once: then each run of marks with the character before it is a
    one-character edit (the clusters without marks are one character, mapped the same whether
    edited or not). Otherwise the clusters are composed one by one to find those that change."""
    in_bmp = len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)  # no astral character
    starts, ends = _bounds((_bmp_mark_run() if in_bmp else _patterns().mark_run).split(text), itertools.repeat(1))
    if len(composed) == len(text) - (sum(ends) - sum(starts)) + len(starts):  # a character per cluster
        return starts, ends, [1] * len(starts)
    pieces = _patterns().cluster.split(text)  # text between, cluster, its leading marks or None, text between...
    led_by_marks = list(map(bool, pieces[2::3]))
    del pieces[2::3]
    starts, ends = _bounds(pieces, led_by_marks)
    clusters = list(map(text.__getitem__, map(slice, starts, ends)))
    each_composed = list(map(unicodedata.normalize, itertools.repeat("NFC"), clusters))
    changed = list(map(operator.ne, each_composed, clusters))
    lengths = list(map(len, itertools.compress(each_composed, changed)))
    return list(itertools.compress(starts, changed)), list(itertools.compress(ends, changed)), lengths


def _bounds(pieces: list, led_by_marks: Iterable[bool]) -> Tuple[list, list]:
    """Where each cluster of a text split into ``pieces`` (text between, cluster, text between...)
    starts and ends. A cluster led by marks starts with the character before it, if there is one.
    By C-level calls: the running sum of the lengths of the pieces."""
    bounds = list(itertools.accumulate(map(len, pieces), initial=0))
    starts = list(map(operator.sub, bounds[1:-1:2], led_by_marks))
    if starts and starts[0] < 0:
        starts[0] = 0
    return starts, bounds[2::2]


def _rebuild(text: str, edits: Edits, maps) -> Tuple[str, tuple]:
    """Apply ``edits`` to ``text``, whose own map into the original is ``maps`` (None for the
    identity), and map the result (``_remap``)."""
    edit_starts, edit_ends, replacements = edits
    if not replacements:  # nothing to change: keep the cheaper map
        return text, maps
    copied = map(text.__getitem__, map(slice, [0, *edit_ends], [*edit_starts, None]))
    joined = itertools.chain.from_iterable(itertools.zip_longest(copied, replacements, fillvalue=""))
    return "".join(joined), _remap(edit_starts, edit_ends, list(map(len, replacements)), maps, len(text))


def _remap(edit_starts: Sequence[int], edit_ends: Sequence[int], lengths: list, maps,
           length: int) -> tuple:
    """The maps after sorted, non-overlapping edits that replace each ``[start, end)`` of a text of
    ``length`` characters, mapped by ``maps`` (None for the identity), with ``lengths`` characters.
    Copied stretches keep their provenance; every character of a replacement starts where the
    replaced text starts and ends where it ends. A few C-level calls per edit, none per character:
    the new maps are joined from slices of the old ones. Where edits are dense (hostile input, a
    cluster in every few characters) a slice per edit costs more than a step per character: there
    the maps are built character by character instead."""
    if len(lengths) * settings.DENSE_EDITS_PER_CHARACTER > length:
        return _remap_per_character(edit_starts, edit_ends, lengths, maps, length)
    if maps:
        starts, ends = map(memoryview, maps)
    else:
        starts = memoryview(_counting(length + 1))
        ends = starts[1:]
    # a replacement's first character takes the start of the first replaced character, the end of
    # the last one, so that each map is one slice per copied stretch: the start of a stretch's
    # first replaced character (if any) ends it, the end of the character before it begins it
    firsts = list(map(bool, lengths))
    start_pieces = list(map(starts.__getitem__, map(
        slice, [0, *edit_ends], [*map(operator.add, edit_starts, firsts), None])))
    if maps is None and lengths.count(1) == len(lengths):
        # nothing dropped and every replacement one character: each character ends where the next
        # one starts
        new_starts = array("q", b"".join(start_pieces))
        return new_starts, new_starts[1:]
    end_pieces = list(map(ends.__getitem__, map(
        slice, [0, *map(operator.sub, edit_ends, firsts)], [*edit_starts, None])))
    if sum(lengths) > sum(firsts):  # a cluster or entity of several characters
        # the characters after a replacement's first follow the stretch that it ends: gathered per
        # edit, then interleaved in one pass (inserting them one by one would be quadratic)
        more = list(map(operator.sub, lengths, firsts))
        more_starts = map(bytes.__mul__, map(bytes, map(starts.__getitem__, map(
            slice, edit_starts, map(operator.add, edit_starts, firsts)))), more)
        more_ends = map(bytes.__mul__, map(bytes, map(ends.__getitem__, map(
            slice, map(operator.sub, edit_ends, firsts), edit_ends))), more)
        start_pieces = _interleave(start_pieces, more_starts)
        end_pieces = _interleave(end_pieces, more_ends)
    return array("q", b"".join(start_pieces)), array("q", b"".join(end_pieces))


def _remap_per_character(edit_starts: Sequence[int], edit_ends: Sequence[int], lengths: list, maps,
                         length: int) -> tuple:
    """What ``_remap`` gives, built from how many times each old character's start (and end)
    recurs in the new text: once if copied, ``n`` times for the first (last) character an edit
    replaces with ``n`` characters, never for the others it replaces. C-level passes over the
    whole text, none in Python per edit."""
    starts, ends = maps if maps else (range(length + 1), range(1, length + 1))
    start_counts = array("i", [1]) * length
    widest = array("i", [0]) * max(map(operator.sub, edit_ends, edit_starts), default=0)
    # zero what the edits cover, a slice each, by C-level calls
    _consume(map(start_counts.__setitem__, map(slice, edit_starts, edit_ends),
                 map(widest.__getitem__, map(slice, itertools.repeat(0), map(operator.sub, edit_ends, edit_starts)))))
    end_counts = array("i", start_counts)
    _consume(map(start_counts.__setitem__, edit_starts, lengths))
    _consume(map(end_counts.__setitem__, map(operator.sub, edit_ends, itertools.repeat(1)), lengths))
    new_starts = array("q", itertools.chain.from_iterable(map(itertools.repeat, starts, start_counts)))
    new_starts.append(starts[length])  # where the text ends
    new_ends = array("q", itertools.chain.from_iterable(map(itertools.repeat, ends, end_counts)))
    return new_starts, new_ends


def _consume(calls: Iterable) -> None:
    """Run a lazy ``map`` of calls for their effect, at C speed."""
    collections.deque(calls, maxlen=0)


def _interleave(pieces: list, extras: Iterable[bytes]) -> Iterable:
    """``pieces[0], extras[0], pieces[1], extras[1], ...``, the last piece at the end."""
    return itertools.chain.from_iterable(itertools.zip_longest(pieces, extras, fillvalue=b""))


def _counting(length: int) -> array:
    """``array("q", range(length))``: building it costs a Python step per number, so up to the length
    of a long article it is sliced from one array kept for the purpose (512 KB)."""
    kept = _kept_counting()
    return kept[:length] if length <= len(kept) else array("q", range(length))


@functools.cache
def _kept_counting() -> array:
    return array("q", range(1 << 16))
