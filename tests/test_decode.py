"""read_text(): every supported encoding, built here from a Unicode sentence, and the errors."""
import codecs
import gzip
import unicodedata

import pytest

import vnnews
from vnnews import lexicon
from vnnews.decode import DecodedText, DecodeError, decode_bytes, read_text, vietnamese_counts

SENTENCE = ("Sáng nay, Sở Thông tin và Truyền thông tỉnh Nghệ An tổ chức hội nghị giao ban trực tuyến; "
            "đồng chí Nguyễn Thị Dung, Phó chủ tịch UBND thị xã Cửa Lò, cùng lãnh đạo các ban ngành dự họp. "
            "Những kết quả đạt được rất đáng ghi nhận: doanh thu bưu chính tăng 12,5%, người dân hài lòng.")
TONES = "\u0300\u0301\u0303\u0309\u0323"
QUALITY = "\u0302\u0306"  # circumflex, breve; the horn is spelled by the letters ơ, ư in VNI


def to_cp1258(text):
    """Windows-1258 stores the tone as a combining mark after a letter it has (a, â, ơ, ...)."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out.append(base + "".join(c for c in decomposed if c in TONES))
    return "".join(out).encode("cp1258")


def to_tcvn3(text):
    """TCVN3 (VN3) has marked letters in lowercase only (but Ă Â Ê Ô Ơ Ư Đ): capitals fall back to them."""
    table = {char: int(byte, 16) for byte, char in lexicon.load("encodings")["tcvn3"].items()}
    return bytes(ord(c) if ord(c) < 128 else table[c] for c in as_tcvn3(text))


def as_tcvn3(text):
    """``text`` as TCVN3 can hold it."""
    table = lexicon.load("encodings")["tcvn3"].values()
    return "".join(c if ord(c) < 128 or c in table else c.lower() for c in text)


def to_vni(text):
    """VNI writes a vowel as its ASCII letter followed by one byte for its marks."""
    single, marks = {}, {}
    for byte, chars in lexicon.load("encodings")["vni"].items():
        if all(unicodedata.combining(c) for c in chars):
            marks.setdefault(chars, int(byte, 16) | 0x20)  # the lowercase byte of each pair
        else:
            single[chars] = int(byte, 16)
    out = bytearray()
    for char in text:
        if char in single or ord(char) < 128:
            out.append(single.get(char, ord(char)))
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, rest = decomposed[0], decomposed[1:]
        if "\u031b" in rest:  # horn: ơ, ư are letters of their own
            base, rest = unicodedata.normalize("NFC", base + "\u031b"), rest.replace("\u031b", "")
            out.append(single[base])
        else:
            out.append(ord(base))
        if rest:
            out.append(marks["".join(c for c in rest if c in QUALITY) + "".join(c for c in rest if c in TONES)])
    return bytes(out)


def test_the_sentence_reads_as_vietnamese():
    words, syllables = vietnamese_counts(SENTENCE)
    assert syllables >= words - 2  # UBND, 12,5 aside


@pytest.mark.parametrize("data, encoding", [
    (SENTENCE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig"),
    (SENTENCE.encode("utf-16"), "utf-16-le"),  # the BOM Python writes is little-endian here
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16-be"),
    (SENTENCE.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by its NUL high bytes
    (SENTENCE.encode("utf-16-be"), "utf-16-be"),
    (codecs.BOM_UTF32_LE + SENTENCE.encode("utf-32-le"), "utf-32-le"),
    (to_cp1258(SENTENCE), "cp1258"),
    (to_vni(SENTENCE), "vni"),
])
def test_encodings(data, encoding):
    decoded = vnnews.read_text(data)
    assert (decoded.encoding, decoded.text, decoded.replaced) == (encoding, SENTENCE, 0)


def test_cp1258_bytes_are_decomposed_and_come_back_composed():
    data = to_cp1258("Việt")
    assert len(data) == 5  # V i ê <dot below> t
    assert vnnews.read_text(data).text == "Việt"


def test_tcvn3_comes_back_with_lowercase_marked_capitals():
    decoded = vnnews.read_text(to_tcvn3(SENTENCE))
    assert decoded.encoding == "tcvn3"
    assert decoded.text == as_tcvn3(SENTENCE)


@pytest.mark.parametrize("data, encoding, text", [
    (b"H\xb5 N\xe9i", "tcvn3", "Hà Nội"),  # the classic TCVN3 look: "Hµ Néi"
    (b"\xa7\xb5 N\xbdng", "tcvn3", "Đà Nẵng"),
    (b"Ha\xf8 No\xe4i", "vni", "Hà Nội"),
    (b"\xd1a\xf8 Na\xfcng", "vni", "Đà Nẵng"),
    (b"caf\xe9 cr\xe8me \x93quoted\x94", "cp1258", "café crème “quoted”"),  # Western text reads as 1252 would
])
def test_short_legacy_strings(data, encoding, text):
    assert (vnnews.read_text(data).encoding, vnnews.read_text(data).text) == (encoding, text)


def test_a_few_bad_bytes_in_utf8_are_replaced_and_counted():
    data = (SENTENCE + " Lò").encode("utf-8")
    decoded = vnnews.read_text(data[:40] + b"\xff" + data[40:-1])  # a stray byte, a cut last character
    assert decoded.encoding == "utf-8" and decoded.replaced == 2
    assert decoded.text.count("\ufffd") == 2 and decoded.text.startswith(SENTENCE[:30])


def test_paths_and_path_likes(tmp_path):
    path = tmp_path / "bai-viet.txt"
    path.write_bytes(to_vni(SENTENCE))
    assert vnnews.read_text(path).text == SENTENCE
    assert vnnews.read_text(str(path)).encoding == "vni"


def test_decoded_text_is_a_small_record():
    decoded = decode_bytes(b"Tin")
    assert decoded == DecodedText("Tin", "utf-8", 0) and str(decoded) == "Tin"


@pytest.mark.parametrize("data, reason", [
    (bytes(range(256)) * 4, "NUL"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(300), "NUL"),
    (b"text" + b"\x01\x02\x03\x04\x05" * 20 + b"more text" * 10, "control"),
    (codecs.BOM_UTF16_LE + b"\x01\x00\x02\x00A\x00" * 50, "byte-order mark"),
    (b"\x81\x8d\x8f\x90\x9d" * 50 + "Hà Nội".encode() + b"\xe1\xe1" * 30, "not text in a supported encoding"),
])
def test_decode_errors(data, reason):
    with pytest.raises(vnnews.DecodeError, match=reason):
        vnnews.read_text(data)
    assert issubclass(vnnews.DecodeError, ValueError)


def test_binary_file_named_txt(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8)  # a zip under a .txt name
    with pytest.raises(vnnews.DecodeError, match="binary"):
        vnnews.read_text(path)


def test_wrong_types():
    with pytest.raises(TypeError):
        vnnews.read_text(12)
    with pytest.raises(FileNotFoundError):
        vnnews.read_text("/no/such/file.txt")


def test_empty_input():
    assert vnnews.read_text(b"") == DecodedText("", "utf-8")


def test_decode_error_says_why():
    with pytest.raises(vnnews.DecodeError) as caught:
        vnnews.read_text(b"\x00\x01\x02binary" * 100)
    assert caught.value.reason == "binary"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_truncated_utf16_without_bom_decodes_with_one_replacement(encoding):
    data = SENTENCE.encode(encoding)[:-1]  # cut inside the last character, as a truncated download is
    decoded = read_text(data)
    assert (decoded.encoding, decoded.replaced) == (encoding, 1)
    assert decoded.text == SENTENCE[:-1] + "\ufffd"
    with_bom = read_text(codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le")[:-1])
    assert with_bom.text == decoded.text  # as it already did behind a BOM


@pytest.mark.parametrize("data, named", [
    (gzip.compress(SENTENCE.encode("utf-8")), "gzip"),
    (b"PK\x03\x04" + bytes(range(256)), "zip"),
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
])
def test_archives_and_documents_are_named(data, named):
    with pytest.raises(DecodeError, match=named) as raised:
        read_text(data)
    assert raised.value.reason == "binary" and "NUL" not in str(raised.value)
