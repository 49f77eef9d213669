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
MIN_ITEMS_PER_WORKER = 200


# --- layout: lines into blocks -----------------------------------------------------------------


# --- captions and credits ----------------------------------------------------------------------


# --- bylines and sources -----------------------------------------------------------------------


# --- dates -------------------------------------------------------------------------------------


# --- numbers and facts -------------------------------------------------------------------------
