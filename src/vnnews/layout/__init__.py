"""Classify the lines of an article into blocks: title, date, image traces, captions, byline, body.

Each line is judged by its own shape first (a file name, a credit, a date line), then by its
neighbours (the line after a placeholder is its caption; an NBSP-indented line after a short one is
the visible caption of that alt text; the last short name lines are the byline). Body lines that
carry a caption or a byline run into them are cut into pieces. Offsets are into the text given.

- ``kinds``: the kinds a block can be (``LineKind``) and the ``Block`` record;
- ``rules``: the named rules, in the order they are tried; ``chrome``: page furniture;
- ``classify``: the passes that apply them; ``seam``: the one door to bylines and dates.

Words are data in ``lexicon/chrome.json`` (and ``captions.json``); thresholds in the layout section
of ``settings.py``.
"""
from .classify import classify
from .kinds import LINE_KINDS, Block, LineKind

__all__ = ["Block", "LINE_KINDS", "LineKind", "classify"]
