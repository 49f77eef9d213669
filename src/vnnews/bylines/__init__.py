"""Bylines and source credits: who wrote the article and which outlet it is credited to.

Handles ``Thanh Bình``, ``Tin, ảnh: Đỗ Trưởng (TTXVN)``, ``Hoàng Yến/VOV.VN``, ``Theo Lê Ánh``,
``Theo MỘC LAN (VTC News)``, ``Theo Đất Việt``, ``Nguồn: X``, ``Tất Định - Viết Tuân`` and a
leading ``(Tổ Quốc) -``. Every name comes back with its offsets in the text it was found in.

- ``rules.py``: the rules, named records in one registry (``RULES``), and the ``Byline`` record
- ``vocabulary.py``: the words of ``lexicon/bylines.json`` as patterns; is it a name, an outlet
- ``parse.py``: a line, a paragraph's end, a lead's start read with the rules
"""
from .parse import (GluedTail, bare_byline, ends_with_label, glued_byline_start, glued_tail, lead_source, parse_byline,
                    signed_byline, site_suffix)
from .rules import RULES, Byline, Rule
from .vocabulary import EMAIL, Piece, is_outlet, is_outlet_name, is_person, is_place

__all__ = ["EMAIL", "Byline", "GluedTail", "Piece", "RULES", "Rule", "bare_byline", "ends_with_label", "glued_byline_start", "glued_tail",
           "is_outlet", "is_outlet_name", "is_person", "is_place", "lead_source", "parse_byline", "site_suffix", "signed_byline"]
