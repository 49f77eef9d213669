"""Every threshold of the heuristics, named and gathered in one place (as trafilatura's settings).

Each value says why it is what it is. Change one, then run the evaluation (``../shared/eval/score.py
--by-source``) and the golden run (``scripts/golden.py``): these numbers were measured there, on real
articles, not chosen on one file. Vocabulary is not here: words are data in ``lexicon/``.
"""
from __future__ import annotations

# --- input --------------------------------------------------------------------------------------
HEADER_RECORD_MIN_KEYS = 2  # ``Title: ...`` lines open a header record only two or more at a time: one
#                             ``Nguồn: ...`` or ``Tác giả: ...`` line alone is an article's own line


# --- pipeline: batch and workers ----------------------------------------------------------------
# A spawn worker takes 2-9 s to start (underthesea's models when tokenizing), about what one process
# spends on 200 tokenized articles: a worker more than the work needs only slows a small batch down.
MIN_ITEMS_PER_WORKER = 200  # items a worker must have to itself, else fewer workers
# normalize: with more than one edit (entity, cluster, dropped character) in this many characters,
# building the offset maps character by character (~0.1 us each) beats a slice per edit (~5-9 us
# each, and a Python object): only hostile or fully decomposed text is that dense
DENSE_EDITS_PER_CHARACTER = 32
# normalize composes decomposed text in blocks of about this many characters, so that the Python
# strings of its clusters are held for one block at a time (a 2 MB NFD text once took 800 MB); an
# article is one block
NORMALIZE_BLOCK_CHARACTERS = 1 << 16


# --- layout: lines into blocks -----------------------------------------------------------------


# --- captions and credits ----------------------------------------------------------------------


# --- bylines and sources -----------------------------------------------------------------------
BYLINE_MAX_CHARS = 120  # the longest byline or source line of the labelled articles is well under this;
#                         a longer line is a sentence, and reading it as names would cut a paragraph
GLUED_BYLINE_WINDOW = 130  # a byline run into the last paragraph starts within this many characters of its end
GLUED_CLAUSE_MIN_WORDS = 5  # ``... được tính như sau: D.Ngân``: a colon after so many words ends a sentence;
#                             after fewer it is a label (``Chủ tịch: Lê Khánh Hải``) and the name belongs to it
MOVED_SAPO_GAP = 2  # repository dumps move the sapo to the end, after blank lines (3 in every one seen): the
#                     byline is read above it; a paragraph is rarely set off by more than one blank line
OUTLET_MAX_CHARS = 40  # an outlet in brackets or after a slash (``(TTXVN)``, ``/VOV.VN``): longer is a remark
OUTLET_NAME_MAX_WORDS = 8  # ``Doanh nghiệp và Tiếp thị``: an outlet's name of more words is a clause
PERSON_MAX_CHARS = 40  # five long Vietnamese words and their spaces: a name before a glued cue is no longer
PERSON_MAX_WORDS = 5  # a person's name as bylines write it: ``Nguyễn Thị Minh Khai`` has four words


# --- dates -------------------------------------------------------------------------------------


# --- numbers and facts -------------------------------------------------------------------------
