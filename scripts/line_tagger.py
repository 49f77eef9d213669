"""Measure a small learned line tagger against the layout rules on the ambiguous lines: short lines
between paragraphs, which are uncredited captions, sub-headings or short body paragraphs.

    python scripts/line_tagger.py ../shared/eval/dev

Labels come from the dev gold (a line whose text is a gold caption is ``caption``, one that is a gold
paragraph is ``body``); features are the line's shape and the rules' cues. Each source is left out in
turn: the tagger is trained on the others and scored on it, beside the rules' answer on the same
lines. Nothing is shipped unless it wins there (see the README's layout section for the figures).
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
import underthesea_core  # noqa: E402

from vnnews import captions, layout, lexicon  # noqa: E402
from vnnews.header import parse_header  # noqa: E402
from vnnews.text import fold, split_lines  # noqa: E402

MAX_WORDS = 40  # longer lines are paragraphs for the rules and the tagger alike


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", fold(text))


def _bin(value: float, edges) -> str:
    return str(sum(value >= edge for edge in edges))


def features(lines, i):
    text = lines[i].text
    words = text.split()
    before = len(lines[i - 1].text) if i else 0
    after = len(lines[i + 1].text) if i + 1 < len(lines) else 0
    openers = {w.lower() for w in lexicon.load("captions")["story_openers"]}
    lowered = " %s " % text.lower()
    return [
        "words=" + _bin(len(words), (4, 8, 12, 20, 30)),
        "before=" + _bin(before / max(len(text), 1), (1, 2, 3, 5)),
        "after=" + _bin(after / max(len(text), 1), (1, 2, 3, 5)),
        "end=" + (text[-1] if not text[-1].isalnum() else "word"),
        "quote=%d" % any(q in text for q in "“”\"«»"),
        "colon=%d" % (":" in text),
        "comma=" + _bin(text.count(","), (1, 2, 3)),
        "digit=%d" % any(c.isdigit() for c in text),
        "opener=%d" % (words[0].lower() in openers or " ".join(words[:2]).lower() in openers),
        "first=" + words[0].lower(),
        "story=%d" % any(" %s " % w in lowered for w in lexicon.load("captions")["story_words"]),
        "sentences=" + _bin(len(captions.sentence_starts(text)), (2, 3)),
        "reads=%d" % captions.reads_as_caption(text),
        "position=" + ("first" if i < 2 else "last" if i + 2 >= len(lines) else "middle"),
    ]


def labelled_lines(folder: Path):
    """(source, features, gold label, the rules' label) of every short whole line without a credit
    that the gold labels."""
    for path in sorted(folder.glob("*.txt")):
        gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
        wanted = {_norm(c): "caption" for c in gold.get("captions", [])}
        wanted.update({_norm(p): "body" for p in gold.get("paragraphs", [])})
        text = path.read_text(encoding="utf-8")
        start = parse_header(text).end
        lines = [line for line in split_lines(text) if line.start >= start]
        kinds = defaultdict(set)
        for block in layout.classify(text, start):
            kinds[block.line].add(block.kind)
        for i, line in enumerate(lines):
            label = wanted.get(_norm(line.text))
            if label and len(line.text.split()) <= MAX_WORDS and kinds[i] in ({"body"}, {"caption"}) \
                    and not captions.find_credits(line.text):  # a credit decides: not an ambiguous line
                yield path.stem.rsplit("-", 1)[0], features(lines, i), label, kinds[i].pop()


def _scores(pairs):
    tp = sum(g == p == "caption" for g, p in pairs)
    fp = sum(g == "body" and p == "caption" for g, p in pairs)
    fn = sum(g == "caption" and p == "body" for g, p in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    items = list(labelled_lines(parser.parse_args().folder))
    sources = sorted({source for source, *_ in items})
    tagger_all, rules_all = [], []
    print("%-12s %5s %8s   %-22s %-22s" % ("left out", "lines", "captions", "rules P/R/F1", "tagger P/R/F1"))
    for source in sources:
        train = [(f, label) for s, f, label, _ in items if s != source]
        test = [(f, label, rule) for s, f, label, rule in items if s == source]
        trainer = underthesea_core.LRTrainer()
        trainer.set_max_epochs(60)
        trainer.train([f for f, _ in train], [label for _, label in train])
        model = underthesea_core.LRClassifier.from_model(trainer.get_model())
        tagged = [(label, model.predict(f)) for f, label, _ in test]
        ruled = [(label, rule) for _, label, rule in test]
        tagger_all += tagged
        rules_all += ruled
        print("%-12s %5d %8d   %-22s %-22s" % (source, len(test), sum(label == "caption" for _, label, _ in test),
                                              "%.2f/%.2f/%.2f" % _scores(ruled), "%.2f/%.2f/%.2f" % _scores(tagged)))
    print("%-12s %5d %8s   %-22s %-22s" % ("all", len(rules_all), "", "%.2f/%.2f/%.2f" % _scores(rules_all),
                                          "%.2f/%.2f/%.2f" % _scores(tagger_all)))


if __name__ == "__main__":
    main()
