"""Document-level scores of incidents against the ISAF press-release gold.

For each release, the killed and detained totals of its top-level incidents (their low
bounds: the gold codes minimums) are compared with the gold's `min_killed` and
`min_captured`; its incidents' kind is compared with the gold's `event_type`.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilan.documents import read_jsonl
from bilan.errors import InputError, MalformedLineError
from bilan.incidents.lexicon import apply_convention
from bilan.incidents.report import Incident, top_level
from bilan.incidents.run import documents_incidents
from bilan.reconcile.constraints import bounds

_OUTCOMES = (("killed", "min_killed"), ("detained", "min_captured"))


def isaf_event_type(incidents: list[Incident]) -> str:
    """The ISAF dataset's label for what a release reports: an air strike, civilians
    harmed, insurgents killed, detained, or both ("captureandkill")."""
    top = top_level(incidents)
    killed = sum(i.totals["killed"].low for i in top if "killed" in i.totals)
    detained = sum(i.totals["detained"].low for i in top if "detained" in i.totals)
    civilians = any(i.actor2 is not None and i.actor2.type == "civilians"
                    and any(i.totals.get(o) and i.totals[o].low for o in ("killed", "injured"))
                    for i in top)
    labels = []
    if any(i.sub_event_type == "Air/drone strike" for i in top):
        labels.append("airstrike")
    if civilians:
        labels.append("civiliancasualty")
    if not labels:
        labels.append("captureandkill" if killed and detained
                      else "insurgentskilled" if killed else "detention")
    elif detained and not killed:
        labels.append("detention")
    return ";".join(labels)


@dataclass
class IsafScore:
    """Exact totals per outcome over all releases and over those with a non-zero gold."""

    reports: int = 0
    exact: Counter[str] = field(default_factory=Counter)
    nonzero: Counter[str] = field(default_factory=Counter)
    nonzero_exact: Counter[str] = field(default_factory=Counter)
    event_type_right: int = 0
    # The same totals from the top-level claims summed, as if nothing were restated.
    summed_exact: int = 0
    misses: list[tuple[str, str, int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reports": self.reports}
        for outcome, _ in _OUTCOMES:
            out[f"{outcome}_exact"] = round(self.exact[outcome] / self.reports, 3)
            out[f"{outcome}_exact_nonzero"] = round(
                self.nonzero_exact[outcome] / max(1, self.nonzero[outcome]), 3)
            out[f"{outcome}_nonzero_reports"] = self.nonzero[outcome]
        both = sum(self.exact.values()), sum(self.nonzero_exact.values())
        out["exact_all"] = round(both[0] / (self.reports * len(_OUTCOMES)), 3)
        out["exact_nonzero"] = round(both[1] / max(1, sum(self.nonzero.values())), 3)
        out["event_type"] = round(self.event_type_right / self.reports, 3)
        out["claims_summed_exact_all"] = round(
            self.summed_exact / (self.reports * len(_OUTCOMES)), 3)
        return out


def score_isaf(path: Path, convention: str = "isaf", lang: str = "auto") -> IsafScore:
    """Score the incidents of every release of an ISAF gold file."""
    documents, gold = [], {}
    for item in read_jsonl(path):
        if isinstance(item, MalformedLineError):
            raise item
        documents.append(item)
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            record = json.loads(line)
            if "gold" not in record:
                raise InputError.of("E137", name=path, id=record.get("id"))
            gold[record["id"]] = record["gold"]
    score = IsafScore()
    for document, claims, incidents in documents_incidents(documents, lang=lang,
                                                           convention=convention):
        expected = gold[document.id]
        score.reports += 1
        language = document.lang or lang
        for outcome, key in _OUTCOMES:
            summed = sum(bounds(apply_convention(c.count, c.quote, language, convention))[0]
                         for c in claims if c.outcome == outcome and c.part_of is None)
            score.summed_exact += summed == expected[key]
            got = sum(i.totals[outcome].low for i in top_level(incidents)
                      if outcome in i.totals)
            right = got == expected[key]
            score.exact[outcome] += right
            if expected[key]:
                score.nonzero[outcome] += 1
                score.nonzero_exact[outcome] += right
            if not right:
                score.misses.append((document.id, outcome, expected[key], got))
        labels = set(";".join(expected["event_type"]).split(";"))
        score.event_type_right += set(isaf_event_type(incidents).split(";")) == labels
    return score
