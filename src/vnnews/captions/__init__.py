"""Photo credits and captions: find ``Ảnh: X`` credits, tell caption lines by their cues, and cut
captions out of body lines.

A caption in a scraped text is either a line of its own or a run of sentences glued into a body
line that ends at its credit (``... giảm còn 44,9 triệu đơn vị - Ảnh: CNBC. Thị phần ...``).

- ``cues``: the named cue rules that mark a line as a caption, a video's caption or an alt text,
  and the shape of an uncredited caption line;
- ``credits``: the credits in a line (``Ảnh: X``, ``Ảnh minh họa``, ``Ảnh do X cung cấp``);
- ``pieces``: a line cut into caption and body pieces, at its credits and where an uncredited caption
  is glued to the body without punctuation.

Words are data in ``lexicon/captions.json``; thresholds in the captions section of ``settings.py``.
"""
from .credits import Credit, find_credits
from .cues import (CueRule, agency_credit_max_chars, cue_rules, image_copyright_name, is_agency_credit, is_alt_text,
                   is_caption_opener, is_video_line, reads_as_caption)
from .pieces import Piece, caption_pieces, glued_caption_end, run_on_caption, sentence_starts, split_credited

__all__ = ["Credit", "CueRule", "Piece", "agency_credit_max_chars", "caption_pieces", "cue_rules", "image_copyright_name",
           "is_agency_credit", "find_credits", "glued_caption_end", "is_alt_text", "is_caption_opener",
           "is_video_line", "reads_as_caption", "run_on_caption", "sentence_starts", "split_credited"]
