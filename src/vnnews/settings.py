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
DATE_MAX_STRING = 200  # parse_date reads one expression: a longer string is not one
DATE_LINE_MAX_CHARS = 120  # a publication-date line (with its byline footer) is short; body sentences are longer
DATE_LINE_MAX_PREFIX_WORDS = 12  # a dateline footer names an author and an outlet before the date, not a sentence
DATE_TWO_DIGIT_PIVOT = 50  # a two-digit year below it is in the 2000s (28/7/17), from it in the 1900s (31/10/74)
# a date without its year is in the reference's year, but one across New Year this close to the
# reference is in the next or last year (Tết Dương lịch read on 1 December, 28/12 read on 3 January);
# far enough that Christmas read in mid-February is the coming one
DATE_YEAR_EDGE_DAYS = 45
# bare hours (15 giờ) that parse_date reads as a time without lúc: past noon on the 24-hour clock, as
# 3 giờ is as often three hours and 24 giờ a day (0 giờ is midnight too)
DATE_CLOCK_ONLY_HOURS = (13, 23)
DATE_CUE_WINDOW = 30  # characters looked at before a candidate: enough for its cue words, and scans stay linear


# --- numbers and facts -------------------------------------------------------------------------
