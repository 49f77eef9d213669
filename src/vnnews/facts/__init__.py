"""extract_facts: the numeric facts of a text (money, percent, rate, quantity), with offsets.

The pipeline, one module a step:

- ``vnnews.numbers`` (beside this package, shared with dates): the value of a number phrase;
- ``units``: the units after an amount as named rules (currency, percent, counted noun, measure, ...),
  each making a kind of fact;
- ``grammar``: the lexicon (``numbers.json``, ``units.json``) as word sets, and the search patterns
  built from it and from the unit rules;
- ``rules``: the amount rules (digits, words) as named records: lead words, pattern, resolver;
- ``context``: what the words before an amount say (qualifier, position, date, score, minus);
- ``read``: one match into facts (kind from the unit, value, qualifier, one fact per range end);
- ``scan``: ``extract_facts``, the walk through the text.

An amount is digits or number words with their scale words, a fraction ``6/10``, or a range or chain
of amounts (``5-7``, ``từ 2 đến 3``); a minus or ``âm`` before a single amount makes it negative.
Amounts in words count only with a scale word, a percent or a currency (``năm triệu người``,
``hai mươi lăm phần trăm``, ``ba trăm đô la``; ``hai bên`` is a small count). Dates, times, positions
(``tầng 3``), codes and durations are not facts.
"""
from .scan import extract_facts

__all__ = ["extract_facts"]
