"""vnnews.dates.lunar: lunar dates of well-known Vietnamese days, and the dates that do not exist."""
import datetime as dt

import pytest

from vnnews.dates.lunar import lunar_to_solar, sexagenary_year


@pytest.mark.parametrize("lunar, solar", [
    # Tết (1/1): 1985 differs from the Chinese calendar (20 February), a new moon near midnight
    ((1, 1, 1985), "1985-01-21"), ((1, 1, 2013), "2013-02-10"), ((1, 1, 2017), "2017-01-28"),
    ((1, 1, 2018), "2018-02-16"), ((1, 1, 2019), "2019-02-05"), ((1, 1, 2020), "2020-01-25"),
    ((1, 1, 2021), "2021-02-12"), ((1, 1, 2022), "2022-02-01"), ((1, 1, 2023), "2023-01-22"),
    ((1, 1, 2024), "2024-02-10"), ((1, 1, 2025), "2025-01-29"),
    ((15, 8, 2017), "2017-10-04"), ((15, 8, 2024), "2024-09-17"),  # Trung thu
    ((10, 3, 2017), "2017-04-06"), ((10, 3, 2024), "2024-04-18"),  # Giỗ Tổ Hùng Vương
    ((15, 7, 2024), "2024-08-18"),  # Vu Lan
    ((23, 12, 2023), "2024-02-02"),  # ông Công ông Táo: month 12 of 2023 falls in 2024
])
def test_known_days(lunar, solar):
    assert lunar_to_solar(*lunar) == dt.date.fromisoformat(solar)


@pytest.mark.parametrize("lunar, solar", [
    ((1, 2, 2023, True), "2023-03-22"), ((1, 2, 2023, False), "2023-02-20"), ((1, 3, 2023, False), "2023-04-20"),
    ((1, 4, 2020, True), "2020-05-23"), ((1, 5, 2020, False), "2020-06-21"),
])
def test_leap_months(lunar, solar):
    assert lunar_to_solar(*lunar) == dt.date.fromisoformat(solar)


@pytest.mark.parametrize("lunar", [
    (30, 1, 2024),  # month 1 of 2024 has 29 days
    (1, 3, 2023, True), (1, 2, 2024, True),  # 2023 repeats month 2 only; 2024 has no leap month
    (0, 1, 2024), (31, 1, 2024), (1, 13, 2024), (1, 0, 2024),
])
def test_no_such_day(lunar):
    with pytest.raises(ValueError):
        lunar_to_solar(*lunar)


def _next_month_start(month, year, leap):
    """Day 1 of the month after ``month`` (the leap one with ``leap``) of ``year``."""
    if not leap:
        try:
            return lunar_to_solar(1, month, year, leap=True)
        except ValueError:  # that month is not repeated this year
            pass
    return lunar_to_solar(1, month + 1, year) if month < 12 else lunar_to_solar(1, 1, year + 1)


def test_months_follow_each_other():
    """Every month of a century has 29 or 30 days, and the next one (leap or not) starts the day after."""
    for year in range(1950, 2050):
        for month in range(1, 13):
            for leap in (False, True):
                try:
                    last = lunar_to_solar(29, month, year, leap)
                except ValueError:
                    continue  # no such leap month
                try:
                    last = lunar_to_solar(30, month, year, leap)
                except ValueError:
                    pass
                assert last + dt.timedelta(days=1) == _next_month_start(month, year, leap)


@pytest.mark.parametrize("stem, branch, near, year", [
    (0, 0, 1984, 1984), (0, 4, 2017, 2024), (9, 3, 2024, 2023),  # Giáp Tý, Giáp Thìn, Quý Mão
    (4, 8, 2017, 2028), (4, 8, 1990, 1968),  # Mậu Thân: the nearest of 1968 and 2028
    (0, 10, 2024, 1994),  # Giáp Tuất, 30 years from both 1994 and 2054: the earlier
    (7, 1, 2021, 2021), (9, 11, 2024, 2043), (5, 11, 2019, 2019),  # Tân Sửu, Quý Hợi, Kỷ Hợi
])
def test_sexagenary_year(stem, branch, near, year):
    assert sexagenary_year(stem, branch, near) == year


def test_sexagenary_year_every_year_once():
    """The 60 pairs of stem and branch of the same parity name the 60 years of a cycle, each once."""
    years = {sexagenary_year(stem, branch, 2000)
             for stem in range(10) for branch in range(12) if stem % 2 == branch % 2}
    assert sorted(years) == list(range(1970, 2030))
    for year in years:
        assert sexagenary_year((year - 4) % 10, (year - 4) % 12, 2000) == year


@pytest.mark.parametrize("stem, branch", [(0, 1), (1, 0), (9, 4)])
def test_no_such_sexagenary_year(stem, branch):
    with pytest.raises(ValueError):
        sexagenary_year(stem, branch, 2024)
