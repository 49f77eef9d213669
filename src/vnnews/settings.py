"""Every threshold of the heuristics, named and gathered in one place (as trafilatura's settings).

Each value says why it is what it is. Change one, then run the evaluation (``../shared/eval/score.py
--by-source``) and the golden run (``scripts/golden.py``): these numbers were measured there, on real
articles, not chosen on one file. Vocabulary is not here: words are data in ``lexicon/``.
"""
from __future__ import annotations

# --- input --------------------------------------------------------------------------------------


# --- layout: lines into blocks -----------------------------------------------------------------


# --- captions and credits ----------------------------------------------------------------------


# --- bylines and sources -----------------------------------------------------------------------


# --- dates -------------------------------------------------------------------------------------


# --- numbers and facts -------------------------------------------------------------------------
# parse_number
MAX_NUMBER_DIGITS = 40  # characters of one digit group: longer runs are identifiers or noise, never amounts
MAX_NUMBER_TOKENS = 60  # words of one number: none is written longer; also bounds the recursion
NUMBER_POINT_SCALE = 1000  # after phẩy/chấm, scale words from this up scale the whole number (ba phẩy năm triệu); smaller ones are digits of the fraction (hai phẩy bảy trăm mười tám = 2,718)
MAX_NUMBER_UNIT = 30  # characters: the longest currency or percent spelling (with spaces) parse_number peels off
# extract_facts
FACT_MAX_CHAIN = 4  # amounts in one range or chain (85-65-95 cm); longer chains are lists or codes
FACT_MAX_AMOUNT = 80  # characters of one amount; longer runs of digits or number words are noise
FACT_CONTEXT_WINDOW = 60  # characters read before an amount for its qualifier and context
FACT_CONTEXT_CHUNKS = 4  # words before an amount that say what it is (the longest cue, ``cao hơn khoảng``, has 3)
FACT_COMPARED_REACH = 30  # characters after an amount within which ``so với`` makes a hơn a comparison
FACT_PREFIX_REACH = 4  # characters before an amount a currency sign may take (``US$ `` is the longest)
FACT_SEARCH_BATCH = 64  # amounts in digits searched at a time before they are read: an article's worth
FACT_RANGE_SCALE_SPREAD = 10  # a range end takes the scale of the last end unless that puts it this far above it (500 - 1 triệu)
# a bare number in these years, with no qualifier, is a year rather than a count (năm 2020 doanh nghiệp); narrower
# than the years dates reads (dates.CENTURIES, 1800-2199): a news count of 1800-1899 or 2100-2199 (1.850 người
# written 1850) is far more common than a bare year of those centuries
FACT_YEAR_LIKE = range(1900, 2100)
