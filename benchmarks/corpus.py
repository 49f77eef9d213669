"""Synthetic Vietnamese news articles for the benchmarks, in two kinds.

``generate``: composed from templates. Each article has what the parser looks for: a title line, a
date line, a sapo, body paragraphs with money, percentages and quantities, an image placeholder line
with its caption (``Ảnh: ...``), and a byline. Every sentence holds numbers, so these articles are
about twice as dense in facts as the fixtures: a stress case for the number and date stages.

``from_fixtures``: the same shape, with the title, paragraphs, captions and bylines of the articles
in ``fixtures/`` (their ``.expected.json``), their numbers and dates varied; as dense in facts as
those articles.

Numbers, dates, places and names vary with a seeded random generator, so a run is reproducible.
Articles are about 3 KB of UTF-8.
"""
from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

PLACES = ["Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Quảng Ninh", "Đà Nẵng", "Cần Thơ", "Lâm Đồng", "Bình Định",
          "Hải Phòng", "Khánh Hòa", "Đồng Tháp", "Thái Nguyên", "Quảng Nam", "Kiên Giang", "Bắc Ninh"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc", "Đức", "Thu", "Hoài"]
GIVEN = ["Dung", "Bình", "Hùng", "Lan", "Tuấn", "Hà", "Sơn", "Mai", "Phúc", "Trang", "Long", "Hương"]
ROLES = ["Phó chủ tịch UBND tỉnh", "Giám đốc Sở Kế hoạch và Đầu tư", "Chủ tịch UBND huyện",
         "Giám đốc Sở Nông nghiệp", "Trưởng phòng Văn hóa thông tin", "Phó giám đốc Sở Du lịch"]
SOURCES = ["Báo Nghệ An", "Thông tấn xã Việt Nam", "Cổng thông tin điện tử tỉnh", "Báo Lao Động"]
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]

TITLES = [
    "{place} thu hút hơn {n1} dự án đầu tư trong {half} năm {year}",
    "Doanh thu du lịch {place} tăng {pct}% so với cùng kỳ",
    "{place}: Nông dân trúng mùa lúa, năng suất đạt {dec} tấn/ha",
    "Khởi công tuyến đường ven biển dài {n2} km tại {place}",
    "{place} giải ngân {money} tỷ đồng vốn đầu tư công",
]
DATE_LINES = [
    "Đăng ngày {d}/{m:02d}/{year}",
    "{weekday}, {d}/{m}/{year}, {hh}:{mm:02d} (GMT+7)",
    "Cập nhật: {hh}:{mm:02d} ngày {d:02d}/{m:02d}/{year}",
]
SAPOS = [
    "Sáng {d}/{m}, UBND tỉnh {place} tổ chức hội nghị sơ kết {half} năm {year}, đánh giá kết quả thực "
    "hiện các chỉ tiêu kinh tế - xã hội và triển khai nhiệm vụ trọng tâm thời gian tới.",
    "Theo báo cáo của Sở Kế hoạch và Đầu tư {place}, tổng vốn đăng ký mới trong {half} năm {year} đạt "
    "khoảng {money} tỷ đồng, tăng {pct}% so với cùng kỳ năm trước.",
    "Ngày {d}/{m}/{year}, đoàn công tác do ông {person}, {role} dẫn đầu đã kiểm tra tiến độ các công "
    "trình trọng điểm trên địa bàn {place}.",
]
PARAGRAPHS = [
    "Tổng doanh thu từ hoạt động thương mại, dịch vụ trong {half} năm ước đạt trên {money} tỷ đồng, đạt "
    "{pct}% kế hoạch cả năm. Trong đó, doanh thu bán lẻ hàng hóa chiếm gần {pct2}%, phần còn lại đến từ "
    "dịch vụ lưu trú, ăn uống và vận tải. Tỉnh đã thu hút {n1} dự án mới với tổng vốn đăng ký "
    "{money2} triệu USD, tạo việc làm cho khoảng {n3} lao động.",
    "Về nông nghiệp, diện tích gieo trồng vụ hè thu đạt {n3} ha, năng suất lúa bình quân {dec} tấn/ha, "
    "sản lượng ước đạt {n4} tấn. Đàn gia súc, gia cầm phát triển ổn định; giá lợn hơi dao động từ "
    "{n5}.000 đến {n6}.000 đồng/kg. Toàn tỉnh hiện có {n1} xã đạt chuẩn nông thôn mới, chiếm {pct}% "
    "tổng số xã.",
    "Ngành du lịch đón khoảng {n4} lượt khách, tăng {pct}% so với cùng kỳ, trong đó khách quốc tế đạt "
    "{n3} lượt. Công suất phòng bình quân của các cơ sở lưu trú đạt {pct2}%. Tổng thu từ khách du lịch "
    "ước đạt {money} tỷ đồng. Nhiều lễ hội văn hóa được tổ chức vào dịp cuối tuần, thu hút đông đảo "
    "người dân và du khách tham gia.",
    "Phát biểu tại hội nghị, ông {person}, {role} đề nghị các sở, ngành tập trung tháo gỡ khó khăn về "
    "mặt bằng, đẩy nhanh tiến độ giải ngân vốn đầu tư công. Đến ngày {d}/{m}, toàn tỉnh mới giải ngân "
    "được {money2} tỷ đồng, đạt {pct}% kế hoạch vốn được giao; mục tiêu đến hết năm {year} phải giải "
    "ngân trên {pct3}%.",
    "Công trình có tổng mức đầu tư {money} tỷ đồng, gồm tuyến chính dài {dec} km và {n1} cầu bê tông "
    "cốt thép, mặt đường rộng {n2} m. Dự kiến sau {n1} tháng thi công, tuyến đường sẽ rút ngắn thời gian "
    "di chuyển từ trung tâm tỉnh đến khu kinh tế còn khoảng {n2} phút, góp phần giảm tải cho quốc lộ.",
    "Trong lĩnh vực giáo dục, tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt {pct3}%, tăng {dec} "
    "điểm phần trăm so với năm học trước. Tỉnh đã đầu tư {money2} tỷ đồng xây mới {n1} phòng học, "
    "mua sắm trang thiết bị cho {n2} trường vùng khó khăn. Mật độ thuê bao điện thoại đạt {pct3} thuê "
    "bao/100 dân.",
    "Thời tiết những ngày tới tiếp tục nắng nóng, nhiệt độ cao nhất từ {n2} đến {n5} độ C, độ ẩm thấp "
    "nhất khoảng {pct2}%. Cơ quan khí tượng khuyến cáo người dân hạn chế ra ngoài từ {hh} giờ đến 15 "
    "giờ, chủ động phòng chống cháy rừng và bảo đảm nước tưới cho khoảng {n3} ha cây trồng.",
]
CAPTIONS = [
    "Quang cảnh hội nghị tại điểm cầu {place}. Ảnh: {person_short}",
    "Đoàn công tác kiểm tra tiến độ thi công công trình. (Ảnh: {person_short})",
    "Nông dân {place} thu hoạch lúa hè thu. Ảnh: {source}",
]
PLACEHOLDERS = ["img_{n5}{n1}", "IMG_{n4}.JPG", "anh-{n1}.jpg"]
KEPT = ("place", "person", "person_short", "role", "source", "year", "d", "m")


def _fields(rng: random.Random) -> dict:
    surname, middle, given = rng.choice(SURNAMES), rng.choice(MIDDLE), rng.choice(GIVEN)
    return {
        "place": rng.choice(PLACES),
        "person": "%s %s %s" % (surname, middle, given),
        "person_short": "%s %s" % (middle, given),
        "role": rng.choice(ROLES),
        "source": rng.choice(SOURCES),
        "weekday": rng.choice(WEEKDAYS),
        "year": rng.randint(2010, 2024),
        "d": rng.randint(1, 28),
        "m": rng.randint(1, 12),
        "hh": rng.randint(6, 21),
        "mm": rng.randint(0, 59),
        "half": rng.choice(["6 tháng đầu", "9 tháng", "quý I", "quý III"]),
        "n1": rng.randint(3, 95),
        "n2": rng.randint(10, 60),
        "n3": "{:,}".format(rng.randint(1_200, 98_000)).replace(",", "."),
        "n4": "{:,}".format(rng.randint(100_000, 2_500_000)).replace(",", "."),
        "n5": rng.randint(30, 45),
        "n6": rng.randint(46, 70),
        "pct": rng.randint(5, 99),
        "pct2": rng.randint(10, 90),
        "pct3": ("%.1f" % rng.uniform(90, 99.9)).replace(".", ","),
        "dec": ("%.1f" % rng.uniform(1, 60)).replace(".", ","),
        "money": "{:,}".format(rng.randint(120, 9_999)).replace(",", "."),
        "money2": ("%.2f" % rng.uniform(1, 900)).replace(".", ","),
    }


def article(rng: random.Random, size: int = 3000) -> str:
    """One article of about ``size`` bytes of UTF-8."""
    # the place, the date and the people stay the same through an article; the numbers change
    fixed = {key: value for key, value in _fields(rng).items() if key in KEPT}

    def fill(template: str) -> str:
        return template.format(**{**_fields(rng), **fixed})

    parts = [fill(rng.choice(TITLES)), fill(rng.choice(DATE_LINES)), fill(rng.choice(SAPOS))]
    body = rng.sample(PARAGRAPHS, len(PARAGRAPHS))
    parts += [fill(body.pop()), fill(rng.choice(PLACEHOLDERS)), fill(rng.choice(CAPTIONS))]
    byline = " " * rng.randint(20, 60) + fixed["person"]  # right-aligned, as scraped pages leave it
    while body and len("\n\n".join(parts + [byline]).encode("utf-8")) < size - 150:
        parts.append(fill(body.pop()))
    return "\n\n".join(parts + [byline])


def generate(count: int, seed: int = 0, size: int = 3000) -> Iterator[str]:
    """``count`` articles, lazily (a large run never holds them all)."""
    rng = random.Random(seed)
    for _ in range(count):
        yield article(rng, size)


# a day/month[/year] keeps the shape of a date; a year stays a plausible year; any other digit run
# becomes another number of as many digits
_DIGITS = re.compile(r"(?<!\d)(?P<date>\d{1,2}(?P<sep>[/-])\d{1,2}(?:(?P=sep)\d{4})?)(?![\d/-])"
                     r"|(?P<year>(?:19|20)\d\d)(?!\d)|\d+")


def _vary(text: str, rng: random.Random) -> str:
    def new(m: re.Match) -> str:
        if m.group("date"):
            sep = m.group("sep")
            day = "%d%s%d" % (rng.randint(1, 28), sep, rng.randint(1, 12))
            return day + (sep + str(rng.randint(2010, 2024)) if m.group().count(sep) == 2 else "")
        if m.group("year"):
            return str(rng.randint(2010, 2024))
        digits = m.group()
        first = rng.randint(0 if len(digits) == 1 or digits[0] == "0" else 1, 9)
        return str(first) + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return _DIGITS.sub(new, text)


@lru_cache(maxsize=None)
def _fixture_parts() -> dict:
    """Titles, paragraphs, captions and author names of the fixtures' expected records."""
    parts = {"titles": [], "paragraphs": [], "captions": [], "authors": []}
    for path in sorted(FIXTURES.glob("*.expected.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        parts["titles"] += [record["title"]] if record.get("title") else []
        for key, field in (("paragraphs", "text"), ("captions", "text"), ("authors", "name")):
            parts[key] += [item[field] if isinstance(item, dict) else item for item in record.get(key) or []]
    return parts


def fixture_article(rng: random.Random, size: int = 3000) -> str:
    """One article of about ``size`` bytes of UTF-8 from the fixtures' parts."""
    parts = _fixture_parts()
    fixed = {key: value for key, value in _fields(rng).items() if key in KEPT}
    text = [_vary(rng.choice(parts["titles"]), rng), rng.choice(DATE_LINES).format(**{**_fields(rng), **fixed})]
    body = rng.sample(parts["paragraphs"], len(parts["paragraphs"]))
    text += [_vary(body.pop(), rng), rng.choice(PLACEHOLDERS).format(**_fields(rng)),
             _vary(rng.choice(parts["captions"]), rng)]
    byline = " " * rng.randint(20, 60) + rng.choice(parts["authors"])
    while body and len("\n\n".join(text + [byline]).encode("utf-8")) < size - 150:
        text.append(_vary(body.pop(), rng))
    return "\n\n".join(text + [byline])


def from_fixtures(count: int, seed: int = 0, size: int = 3000) -> Iterator[str]:
    """``count`` articles from the fixtures' parts, lazily."""
    rng = random.Random(seed)
    for _ in range(count):
        yield fixture_article(rng, size)
