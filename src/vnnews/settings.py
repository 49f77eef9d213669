"""Every threshold of the heuristics, named and gathered in one place (as trafilatura's settings).

Each value says why it is what it is. Change one, then run the evaluation (``../shared/eval/score.py
--by-source``) and the golden run (``scripts/golden.py``): these numbers were measured there, on real
articles, not chosen on one file. Vocabulary is not here: words are data in ``lexicon/``.
"""
from __future__ import annotations

# --- input --------------------------------------------------------------------------------------
HEADER_RECORD_MIN_KEYS = 2  # ``Title: ...`` lines open a header record only two or more at a time: one
#                             ``Nguồn: ...`` or ``Tác giả: ...`` line alone is an article's own line


# --- layout: lines into blocks -----------------------------------------------------------------
TITLE_MAX_CHARS = 160  # a headline is one short line (the longest seen on dev and corpus: 121 characters); a
#                        longer first line is the lead of a dump without its headline (those seen: 177 and more)
DATE_LINE_WINDOW = 4  # date lines stand among the first few lines (or the last two)
DATE_SECTION_MAX_WORDS = 6  # a page's section after its date line's bar (``| Tài chính - ngân hàng``): a few words
BYLINE_TAIL = 3  # at most this many byline/source lines close an article
CHROME_HINT_MAX_CHARS = 350  # a breadcrumb, a tweet with its link, a post's signature: none is longer
LETTERS_ONLY_MAX_CHARS = 12  # a font-size control (A A, A- A+) is a few letters; longer runs of capitals are text
LABEL_MAX_WORDS = 3  # a section or place label over the article (Thể thao, Bình Dương); no headline is this short
RELATED_MIN_WORDS = 4  # a related article's headline, as any headline, is a few words at least
SUB_HEADING_MAX_WORDS = 10  # a sub-heading between paragraphs: a few words, no full stop (Ra tay trong đêm)
# an NBSP indent marks a caption (any indent, a related headline) only where at most this share of
# lines has one: some pages indent all
MAX_INDENTED_SHARE = 0.34


# --- captions and credits ----------------------------------------------------------------------
CAPTION_MAX_CHARS = 320  # a line after an image placeholder longer than this is body text
CAPTION_LINE_MAX_SENTENCES = 3  # a caption line holds at most this many sentences; more is a paragraph
# a caption run into a body line is taken whole back to the previous boundary when it is at most this
# many sentences; a longer run is a paragraph that ends with a one-sentence caption
GLUED_CAPTION_MAX_SENTENCES = 2
CREDIT_NAME_MAX_CHARS = 60  # a credit names a person, a desk or an outlet: a few words
CREDIT_LINE_MAX_WORDS = 5  # a credit's name on the line after its ``Ảnh:`` is a name, not a sentence
# a credit's name and the sentence it runs into hold this many words at least (a name, a capitalised
# word opening the sentence, a small letter and two more words): a shorter name is whole
RUN_ON_NAME_MIN_WORDS = 5
CREDIT_ROLE_LOOKBACK = 12  # how far before ``ảnh:`` a byline role head (``Tin, ảnh:``) may stand
RUN_ON_CAPTION_WORDS = (3, 20)  # a caption run into the next sentence without punctuation: a few words
GLUED_CAPTION_WINDOW = 200  # a caption glued to the body without punctuation opens the line: look this far
# an uncredited caption on its own line between paragraphs (measured on the dev set and read on the
# corpus): a few words, one sentence, and far shorter than both paragraphs around it
UNCREDITED_CAPTION_MIN_WORDS = 4  # fewer is a label or a sub-heading
UNCREDITED_CAPTION_MAX_WORDS = 35  # more is a short paragraph
UNPUNCTUATED_CAPTION_MIN_WORDS = 12  # without a full stop, a shorter line is a sub-heading (Ra tay trong đêm)
CAPTION_NEIGHBOUR_MIN_CHARS = 80  # each paragraph around it is at least this long...
CAPTION_NEIGHBOUR_RATIO = 2  # ...and this many times the caption's length
# a page with this many sub-headings (short unpunctuated lines over a paragraph) sets its sections apart so:
# an unpunctuated short line there is one more sub-heading, not a caption (two may be uncredited captions)
SUB_HEADED_PAGE_MIN = 3
ADVERBIAL_MAX_WORDS = 4  # ``Dĩ nhiên, ...``: a lower-case clause this short before a comma opens a body sentence


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
