"""Bytes to text: ``read_text`` finds the encoding of a file or a byte string, or says why it cannot.

Order of the checks: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; NUL bytes or many control
bytes mean binary data (UTF-16 without a BOM is recognised first); valid UTF-8 is UTF-8; anything else
is decoded as Windows-1258, TCVN3 (ABC) and VNI, and, when only a few bytes are invalid, as UTF-8 with
those bytes replaced, and the result that reads most like Vietnamese wins: the most words that are
well-formed Vietnamese syllables, the fewest that are not (lexicon ``syllables.json``; the legacy
tables are in ``encodings.json``). Legacy results are returned composed (NFC); TCVN3 (VN3) has no
capitals with tone marks, so those come back lowercase, as the fonts stored them.

VIQR (``Vie^.t Nam``, plain ASCII) is not recognised: it is valid UTF-8 and is returned as written.
"""
from __future__ import annotations

import codecs
import os
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple, Union

import regex

from . import lexicon

_SAMPLE = 1 << 16  # bytes or characters looked at to judge; enough for any article, cheap for 2 MB
_SCORED = 1 << 14  # characters of each candidate decoding scored: a few thousand words
# bytes a text file has no reason to contain: C0 controls but \t \n \v \f \r and ESC, and DEL
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
_MAX_CONTROL_SHARE = 0.01
_MAX_REPLACED_SHARE = 0.05  # of the non-ASCII bytes, for UTF-8 with some bytes replaced
_CONTROL_CHARS = regex.compile("[%s]" % regex.escape(_CONTROL_BYTES.decode("ascii")))
_ASCII = bytes(range(128))
_BOMS = [  # longest first: the UTF-32-LE mark begins with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


# archives and documents that are surely not text: named, so that the message says what to do
_CONTAINERS = [
    (b"\x1f\x8b", "gzip-compressed data: decompress it first (gunzip), or give a .jsonl.gz to vnnews batch"),
    (b"PK\x03\x04", "a zip archive: extract the text files first"),
    (b"%PDF-", "a PDF document: extract its text first (pdftotext)"),
]


class DecodeError(ValueError):
    """The bytes are not text in an encoding vnnews reads; the message says why and ``reason`` is
    ``binary`` (not text at all) or ``encoding`` (text in no encoding vnnews reads)."""

    def __init__(self, message: str, reason: str = "encoding"):
        super().__init__(message)
        self.reason = reason


class InputError(ValueError):
    """The inputs, as given, cannot be read: a usage error, said before any item is parsed."""


@dataclass(frozen=True)
class DecodedText:
    """What ``read_text`` returns: ``text`` (give it to ``parse_article``; offsets refer to it),
    ``encoding`` (``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``utf-16-be``, ``utf-32-le``,
    ``utf-32-be``, ``cp1258``, ``tcvn3`` or ``vni``) and ``replaced``, how many U+FFFD stand for
    invalid byte sequences (only ever non-zero for UTF encodings)."""

    text: str
    encoding: str
    replaced: int = 0

    def __str__(self) -> str:
        return self.text


def read_text(source: Union[str, os.PathLike, bytes, bytearray, memoryview]) -> DecodedText:
    """Decode a file (``str`` or path-like: a file name) or bytes. Raises :class:`DecodeError` for
    binary data and for bytes that no supported encoding reads."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return decode_bytes(bytes(source))
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as handle:
            return decode_bytes(handle.read())
    raise TypeError("read_text() takes a file name or bytes, not %s" % type(source).__name__)


def decode_bytes(data: bytes) -> DecodedText:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, replaced = _decode_utf(data[len(bom):], encoding)
            if _control_share(text) > _MAX_CONTROL_SHARE:
                raise DecodeError("binary data behind a %s byte-order mark: %.1f%% control characters"
                                  % (encoding, 100.0 * _control_share(text)), reason="binary")
            return DecodedText(text, encoding + "-sig" if encoding == "utf-8" else encoding, replaced)
    for magic, what in _CONTAINERS:
        if data.startswith(magic):
            raise DecodeError("binary data, not text: " + what, reason="binary")
    sample = data[:_SAMPLE]
    if b"\0" in sample:
        found = _utf16_without_bom(data)
        if found is not None:
            return found
        raise DecodeError("binary data, not text: NUL bytes (%d in the first %d)"
                          % (sample.count(0), len(sample)), reason="binary")
    controls = sum(map(sample.count, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise DecodeError("binary data, not text: %.1f%% of the bytes are control characters"
                          % (100.0 * controls / len(sample)), reason="binary")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates: List[DecodedText] = []
    for encoding in ("cp1258", "tcvn3", "vni"):
        try:
            candidates.append(DecodedText(_decode_legacy(data, encoding), encoding))
        except UnicodeDecodeError:
            pass
    text, replaced = _decode_utf(data, "utf-8")
    if replaced <= _MAX_REPLACED_SHARE * len(data.translate(None, _ASCII)):
        candidates.append(DecodedText(text, "utf-8", replaced))
    if not candidates:
        raise DecodeError("not text in a supported encoding: invalid as UTF-8 (%d bad bytes) and as "
                          "Windows-1258, TCVN3 and VNI (bytes these do not define)" % replaced)
    # first best wins a tie: Windows-1258 reads plain Western text the way Windows-1252 would
    return max(candidates, key=lambda c: _vietnamese_score(c.text[:_SCORED]) - 2 * c.replaced)


def vietnamese_counts(text: str) -> Tuple[int, int]:
    """``(words, syllables)``: how many words the composed (NFC) ``text`` has, and how many of them
    are well-formed Vietnamese syllables (tone marks aside; a word is a run of letters)."""
    syllables, _, untone = _syllables()
    words = _WORD.findall(text.lower().translate(untone))
    return len(words), sum(map(syllables.__contains__, words))


def vietnamese_letters() -> str:
    """The lowercase letters that only Vietnamese spelling uses this much (ă, ơ, ệ...)."""
    return _syllables()[1]


def _vietnamese_score(text: str) -> int:
    words, syllables = vietnamese_counts(text)
    return syllables - (words - syllables)


_WORD = regex.compile(r"[\p{L}\p{M}]+")


@lru_cache(maxsize=None)
def _syllables():
    """(every syllable without its tone mark, the Vietnamese letters, a table for str.translate
    that takes the tone marks off them: ầ -> â)"""
    data = lexicon.load("syllables")
    rhymes = [r for line in data["rhymes"] for r in line.split()]
    syllables = frozenset(onset + rhyme for onset in [""] + data["onsets"].split() for rhyme in rhymes)
    tones = dict.fromkeys(map(ord, data["tone_marks"]))
    untone = {ord(c): unicodedata.normalize("NFC", unicodedata.normalize("NFD", c).translate(tones))
              for c in data["letters"]}
    return syllables, data["letters"], untone


def _decode_utf(data: bytes, encoding: str) -> Tuple[str, int]:
    """Decode, replacing invalid bytes by U+FFFD; also say how many U+FFFD were put in."""
    try:
        return data.decode(encoding), 0
    except UnicodeDecodeError:
        _replacements.count = 0
        text = data.decode(encoding, "vnnews-replace")
        return text, _replacements.count


def _replace_and_count(error: UnicodeDecodeError):
    _replacements.count += 1
    return "\ufffd", error.end


_replacements = threading.local()  # the count for the decode running in this thread
codecs.register_error("vnnews-replace", _replace_and_count)


def _utf16_without_bom(data: bytes) -> Optional[DecodedText]:
    """UTF-16 without a BOM: text in a Latin script has a NUL in every high byte of its ASCII. A
    truncated end (an odd byte, half a surrogate pair) becomes U+FFFD, as it does behind a BOM."""
    sample = data[: min(_SAMPLE, len(data)) & ~1]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    encoding = "utf-16-le" if odd > half // 4 and even <= half // 100 else (
        "utf-16-be" if even > half // 4 and odd <= half // 100 else None)
    if encoding is None:
        return None
    text, replaced = _decode_utf(data, encoding)
    if replaced > _MAX_REPLACED_SHARE * len(text) + 1 or _control_share(text) > _MAX_CONTROL_SHARE:
        return None
    return DecodedText(text, encoding, replaced)


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    return len(_CONTROL_CHARS.findall(sample)) / max(len(sample), 1)


def _decode_legacy(data: bytes, encoding: str) -> str:
    if encoding == "cp1258":  # Python's codec; tone marks come as combining characters
        text = data.decode("cp1258")
    else:
        text, _ = codecs.charmap_decode(data, "strict", _legacy_table(encoding))
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=None)
def _legacy_table(encoding: str) -> List[Optional[str]]:
    """What each byte means in ``encoding`` (None: undefined, a decoding error): Windows-1252
    overlaid with the table from ``encodings.json``."""
    table = [bytes([b]).decode("cp1252", "ignore") or None for b in range(256)]
    for byte, char in lexicon.load("encodings")[encoding].items():
        table[int(byte, 16)] = char
    return table
