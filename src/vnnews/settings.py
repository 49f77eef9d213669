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
# equal lines and paragraphs of at most this many characters share one string, among the first
# SHARED_TEXTS_MAX texts that short (text.sharing: a hostile text of a million ``Ảnh:`` lines held
# two million copies; an article's lines are longer, and distinct)
SHARED_TEXT_MAX_CHARS = 16
SHARED_TEXTS_MAX = 1000


# --- layout: lines into blocks -----------------------------------------------------------------
TITLE_MAX_CHARS = 160  # a headline is one short line (the longest seen on dev and corpus: 121 characters); a
#                        longer first line is the lead of a dump without its headline (those seen: 177 and more)
DATE_LINE_WINDOW = 4  # date lines stand among the first few lines...
TAIL_DATE_LINES = 2  # ...or the last two (page furniture after them aside)
DATE_SECTION_MAX_WORDS = 6  # a page's section after its date line's bar (``| Tài chính - ngân hàng``): a few words
BYLINE_TAIL = 3  # at most this many byline/source lines close an article
CHROME_HINT_MAX_CHARS = 350  # a breadcrumb, a tweet with its link, a post's signature: none is longer
LETTERS_ONLY_MAX_CHARS = 12  # a font-size control (A A, A- A+) is a few letters; longer runs of capitals are text
FOOTER_LINES = 8  # a page's footer and the notices under an article stand among this many last lines
TITLE_WINDOW = 3  # the headline is among the first lines, after a section label and a date line at most
LABEL_MAX_WORDS = 3  # a section or place label over the article (Thể thao, Bình Dương); no headline is this short
MENU_MIN_SECTIONS = 3  # section names in a row, this many at least, are a site's menu bar, not a headline
RELATED_MIN_WORDS = 4  # a related article's headline, as any headline, is a few words at least
SUB_HEADING_MAX_WORDS = 10  # a sub-heading between paragraphs: a few words, no full stop (Ra tay trong đêm)
# an NBSP indent marks a caption (any indent, a related headline) only where at most this share of
# lines has one: some pages indent all
MAX_INDENTED_SHARE = 0.34


# --- captions and credits ----------------------------------------------------------------------
IMAGE_MARKER_MAX_CHARS = 16  # a line marking where an image stood ([Hình ảnh], Ảnh 12) is this short
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
CAPTION_NEIGHBOUR_RATIO_ON_A_CAPTIONED_PAGE = 1  # ...or no shorter than it, on a page with one such caption already
# a page with this many sub-headings (short unpunctuated lines over a paragraph) sets its sections apart so:
# an unpunctuated short line there is one more sub-heading, not a caption (two may be uncredited captions)
SUB_HEADED_PAGE_MIN = 3
QUOTED_TERM_MAX_WORDS = 3  # a quoted term this short (“Tiên cảnh” thác Kawasan) is no quotation of speech
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
DATE_MAX_STRING = 200  # parse_date reads one expression: a longer string is not one
DATE_LINE_MAX_CHARS = 120  # a publication-date line (with its byline footer) is short; body sentences are longer
DATE_LINE_MAX_PREFIX_WORDS = 12  # a dateline footer names an author and an outlet before the date, not a sentence
DATE_TWO_DIGIT_PIVOT = 50  # a two-digit year below it is in the 2000s (28/7/17), from it in the 1900s (31/10/74)
# a date without its year is in the reference's year, but one across New Year this close to the
# reference is in the next or last year (Tết Dương lịch read on 1 December, 28/12 read on 3 January);
# far enough that Christmas read in mid-February is the coming one
DATE_YEAR_EDGE_DAYS = 45
DATE_CUE_WINDOW = 30  # characters looked at before a candidate: enough for its cue words, and scans stay linear


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
