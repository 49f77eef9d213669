"""The one place where layout calls the other dimensions: a date line is read by ``dates``, a byline
by ``bylines``. Layout decides which line is which; what a date or a byline says is theirs to parse."""
from ..byline import Byline, glued_byline_start, lead_source, parse_byline
from ..dates import find_date_line

__all__ = ["Byline", "find_date_line", "glued_byline_start", "lead_source", "parse_byline"]
