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
