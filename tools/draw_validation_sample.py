"""Draw a fresh validation sample from a French corpus, skipping every report already read,
so that it can be annotated by the gold guide before bilan sees it.

Keeps reports of at most --max-chars characters with at least two occurrences of a casualty
word (any inflection), drops every id found in the --exclude files (JSON Lines, gzipped or
not), and draws --size of them with random.Random(--seed).sample over the remaining reports
in corpus order. Prints the drawn reports as JSON Lines with an empty `claims` list.

    python tools/draw_validation_sample.py CORPUS.jsonl.gz --seed 20261207 --size 50 \\
        --exclude ../shared/gold/dev-orangesum.jsonl validation/orangesum-fresh.fr.jsonl ...
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys

CASUALTY_WORD = re.compile(
    r"\b(?:tué|mort|blessé|décédé|disparu|enlevé|otage|arrêté|interpellé|victime|déplacé|réfugié)"
    r"(?:e|s|es)?\b",
    re.IGNORECASE,
)


def _rows(path: str):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--max-chars", type=int, default=4000)
    parser.add_argument("--min-words", type=int, default=2)
    parser.add_argument("--exclude", nargs="*", default=[])
    args = parser.parse_args(argv)
    excluded = {row["id"] for path in args.exclude for row in _rows(path)}
    candidates = [
        row for row in _rows(args.corpus)
        if row["id"] not in excluded
        and len(row["text"]) <= args.max_chars
        and len(CASUALTY_WORD.findall(row["text"])) >= args.min_words
    ]
    print(f"{len(candidates)} candidates, {len(excluded)} ids excluded", file=sys.stderr)
    for row in random.Random(args.seed).sample(candidates, args.size):
        print(json.dumps({**row, "claims": []}, ensure_ascii=False))


if __name__ == "__main__":
    main()
