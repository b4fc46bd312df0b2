"""Print what changed between two `bilan extract --input ... --format jsonl` runs of the
same documents: every claim added, removed or changed, with its sentence, so a rule change
can be read claim by claim (the project's habit: diff a corpus sample before and after).

    python tools/diff_claims.py DOCS.jsonl BEFORE.jsonl AFTER.jsonl
"""

from __future__ import annotations

import json
import sys

FIELDS = ("outcome", "victims", "count", "cause", "part_of", "period", "place", "source")


def _read(path: str) -> dict[str, list[dict]]:
    with open(path, encoding="utf-8") as handle:
        return {row["id"]: row["claims"] for row in map(json.loads, handle)}


def _key(claim: dict) -> tuple:
    return (claim["start"], claim["end"], claim["outcome"])


def _brief(claim: dict) -> str:
    count = claim["count"]
    place = claim.get("place")
    period = claim.get("period") or {}
    return (f"«{claim['quote']}» {claim['outcome']} {claim['victims']} "
            f"{count['qualifier']} {count['value']} "
            f"period={period.get('start')}..{period.get('end')} "
            f"place={place} source={claim.get('source')}")


def main(docs_path: str, before_path: str, after_path: str) -> None:
    with open(docs_path, encoding="utf-8") as handle:
        texts = {row["id"]: row["text"] for row in map(json.loads, handle)}
    before, after = _read(before_path), _read(after_path)
    added = removed = changed = 0
    for doc_id, text in texts.items():
        old = {_key(c): c for c in before.get(doc_id, [])}
        new = {_key(c): c for c in after.get(doc_id, [])}
        lines = []
        for key in sorted(old.keys() | new.keys()):
            a, b = old.get(key), new.get(key)
            claim = b or a
            sentence = text[claim["sentence_start"]:claim["sentence_end"]].strip()[:300]
            if a is None:
                added += 1
                lines.append(f"  + {_brief(b)}\n      {sentence}")
            elif b is None:
                removed += 1
                lines.append(f"  - {_brief(a)}\n      {sentence}")
            else:
                diffs = [f for f in FIELDS if a.get(f) != b.get(f)]
                if diffs:
                    changed += 1
                    lines.append(f"  ~ {_brief(a)}\n    → {_brief(b)}\n      {sentence}")
        if lines:
            print(doc_id)
            print("\n".join(lines))
    print(f"added {added}, removed {removed}, changed {changed}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
