"""Every threshold of the heuristics, named and gathered in one place (as trafilatura's settings).

Each value says why it is what it is. Change one, then run the evaluation (``../shared/eval/score.py
--by-source``) and the golden run (``scripts/golden.py``): these numbers were measured there, on real
articles, not chosen on one file. Vocabulary is not here: words are data in ``lexicon/``.
"""
from __future__ import annotations

# --- input --------------------------------------------------------------------------------------


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


# --- dates -------------------------------------------------------------------------------------


# --- numbers and facts -------------------------------------------------------------------------
