"""The one place where layout calls the other dimensions: a date line is read by ``dates``, a byline
by ``bylines``. Layout decides which line is which; what a date or a byline says is theirs to parse."""
from ..bylines import (EMAIL, Byline, bare_byline, ends_with_label, glued_tail, is_outlet_name, is_place, lead_source,
                       parse_byline, signed_byline, site_suffix)
from ..dates import find_date_line

__all__ = ["EMAIL", "Byline", "bare_byline", "ends_with_label", "find_date_line", "glued_tail", "is_outlet_name", "is_place",
           "lead_source", "parse_byline", "signed_byline", "site_suffix"]
