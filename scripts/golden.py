"""Golden run: freeze the records of every real text at hand, then compare a later tree against them.

    python scripts/golden.py save /tmp/golden-base        # parse and store one JSON per text
    python scripts/golden.py compare /tmp/golden-base     # parse again, list every record that changed
    python scripts/golden.py compare /tmp/golden-base --diff baomoi-07   # field-level diff of one text

Texts: ../shared/eval/dev/*.txt, ../shared/corpus/*.txt (where they exist) and fixtures/*.txt.
Records are ``parse_article(text, tokenize=False).to_dict()``; a restructuring is behaviour-neutral
when ``compare`` reports no difference, and every difference a feature brings must be read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
import vnnews  # noqa: E402

FOLDERS = [ROOT.parent / "shared" / "eval" / "dev", ROOT.parent / "shared" / "corpus", ROOT / "fixtures"]


def texts():
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            yield f"{folder.name}--{path.stem}", path.read_text(encoding="utf-8", errors="surrogateescape")


def record(text: str) -> dict:
    try:
        return vnnews.parse_article(text, tokenize=False).to_dict()
    except Exception as error:  # a crash is a difference worth seeing, not the end of the run
        return {"crash": repr(error)}


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str)


def save(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in texts():
        (folder / f"{name}.json").write_text(_dump(record(text)), encoding="utf-8")
        count += 1
    print(f"saved {count} records in {folder}")


def _field_diff(old: dict, new: dict) -> None:
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            print(f"  {key}:\n    - {_dump(old.get(key))[:2000]}\n    + {_dump(new.get(key))[:2000]}")


def compare(folder: Path, diff: str | None) -> int:
    changed = 0
    for name, text in texts():
        path = folder / f"{name}.json"
        if not path.exists():
            print(f"new text (no golden record): {name}")
            continue
        old, new = json.loads(path.read_text(encoding="utf-8")), json.loads(_dump(record(text)))
        if old != new:
            changed += 1
            fields = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
            print(f"{name}: {', '.join(fields)}")
            if diff and diff in name:
                _field_diff(old, new)
    print(f"{changed} records differ")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--diff", help="with compare: print the field diff of texts whose name contains this")
    args = parser.parse_args()
    if args.action == "save":
        save(args.folder)
        return 0
    return compare(args.folder, args.diff)


if __name__ == "__main__":
    sys.exit(main())
