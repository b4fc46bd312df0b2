"""What one report says happened: its claims grouped into incidents, restatements counted once.

A report's top-level claims are read in text order. A claim opens a new incident when
its sentence says so ("in a separate operation", "par ailleurs"), or when its place or
days cannot be the current incident's (places neither nested nor within NEAR_KM; days
more than a day apart). A claim that repeats an earlier incident's count at the same
province and days goes back to that incident (a release that restates an operation
after others). Inside an incident, a claim either counts people not yet counted (a new
*strand*) or restates a strand: the same bounds in another sentence (headline and
body), or a count no larger that the text refers back to ("killing three of them",
"ces 17 morts"); never when the text says the people are more ("one additional
suspect"). Then summaries: a vague lead count, or a lead no smaller than the counts
after it, totals them; a count in a summary sentence ("in total") no smaller than the
others totals them, and so does a first or last count equal to the sum of two or more
others; when those lie in several incidents, the summary becomes a parent incident of
theirs. An incident whose every count covers more than a week is a running toll, not a
harm event. Breakdowns (`part_of`) stay with their parent claim.

Totals come from the reconciliation engine: each strand is a region of its incident,
each incident a region of the report, and every claim a constraint on its region, so a
restatement in the same cell is counted once and a summary bounds the sum of its parts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from bilan.incidents.lexicon import IncidentWords, apply_convention, incident_words
from bilan.incidents.lexicon import convention as named_convention
from bilan.reconcile import tally
from bilan.reconcile.constraints import bounds, victim_lineage
from bilan.reconcile.regions import region_of
from bilan.records import OUTCOMES, Claim, Period, StoredClaim

# Every claim of a report is put on this one synthetic day for reconciliation: the
# grouping into incidents, not the days, decides what is counted once.
_DAY = date(2000, 1, 1)
_REPORT = "report"
# A count over a longer span than this is a running toll ("more than 80 since January"),
# not a harm event.
_TOLL_SPAN = timedelta(days=7)
# Days a report's statements of one event may disagree by: "yesterday" in a release dated
# the next morning, a night over two days.
_DAY_SLACK = timedelta(days=1)

# Places closer than this are one place for grouping claims and reports.
NEAR_KM = 30.0
_EARTH_KM = 6371.0

# ACLED's interaction codes for the normalised actor types.
INTER_CODES = {
    "state forces": 1, "rebel group": 2, "political militia": 3, "identity militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external forces": 8,
}
_VICTIM_ACTORS = {
    "civilians": ("Civilians", "civilians"), "children": ("Civilians", "civilians"),
    "women": ("Civilians", "civilians"), "men": ("Civilians", "civilians"),
    "journalists": ("Civilians", "civilians"), "medical_workers": ("Civilians", "civilians"),
    "aid_workers": ("Civilians", "civilians"),
    "security_forces": ("Security forces", "state forces"),
    "rebels": ("Rebels", "rebel group"),
}
_NON_CONFLICT = {"accident": "Accident", "disaster": "Disaster", "disease": "Disease"}


@dataclass(frozen=True, slots=True)
class Total:
    """Reconciled bounds of an outcome in an incident; `high` None: no upper bound."""

    low: int
    high: int | None

    def to_dict(self) -> dict[str, int | None]:
        return {"low": self.low, "high": self.high}


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as the text names it, with its normalised ACLED actor type."""

    name: str
    type: str


@dataclass(slots=True)
class Incident:
    """One harm event a report describes.

    `claims` are the ids of every claim it holds, in text order, breakdowns included;
    `restates` maps a claim that restates others to the ids it restates (kept, with
    provenance, but counted once). `children` are the incidents a report-level summary
    totals; an incident with a parent is not top-level. `running_toll` marks an incident
    whose every count covers more than a week (a cumulative toll, not a harm event): it
    is kept but is not top-level either.
    `uncounted` are claims the convention does not count (the forces' own losses to
    the ISAF coders): kept, with provenance, out of the totals.
    """

    id: str
    document: str
    claims: list[str] = field(default_factory=list)
    restates: dict[str, list[str]] = field(default_factory=dict)
    totals: dict[str, Total] = field(default_factory=dict)
    event_type: str | None = None
    sub_event_type: str | None = None
    means: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    first: date | None = None
    last: date | None = None
    location: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    region: tuple[str, ...] | None = None
    sources: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    parent: str | None = None
    running_toll: bool = False
    uncounted: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The maintainers' contract fields, then bilan's own."""
        return {
            "id": self.id, "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "event_date": self.first.isoformat() if self.first else None,
            "event_date_last": self.last.isoformat() if self.last else None,
            "location": self.location, "country": self.country,
            "latitude": self.latitude, "longitude": self.longitude,
            "actor1": self.actor1.name if self.actor1 else None,
            "actor1_type": self.actor1.type if self.actor1 else None,
            "actor2": self.actor2.name if self.actor2 else None,
            "actor2_type": self.actor2.type if self.actor2 else None,
            "means": self.means,
            "totals": {outcome: total.to_dict() for outcome, total in self.totals.items()},
            "claims": list(self.claims), "restates": dict(self.restates),
            "sources": list(self.sources), "region": "/".join(self.region or ()) or None,
            "parent": self.parent, "children": list(self.children),
            "running_toll": self.running_toll, "uncounted": list(self.uncounted),
        }


@dataclass(slots=True, eq=False)
class _Strand:
    """Claims that count the same people: the first statement and its restatements."""

    key: str
    outcome: str
    victims: str
    low: int
    high: int | None
    first: Claim
    position: int
    summary: bool
    restatements: list[Claim] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class _Draft:
    incident: Incident
    regions: list[tuple[str, ...]] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    points: list[tuple[float | None, float | None]] = field(default_factory=list)
    strands: list[_Strand] = field(default_factory=list)
    summaries: list[tuple[Claim, list[_Strand]]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # Counts over several operations and the detailed counts they give way to.
    given_way: list[tuple[Claim, list[Claim]]] = field(default_factory=list)


def report_incidents(
    document: str, text: str, claims: Sequence[Claim], *, lang: str = "fr",
    convention: str = "guide",
) -> list[Incident]:
    """The incidents of one report, top-level and children, in text order."""
    words = incident_words(lang)
    counted = [replace(c, count=apply_convention(c.count, c.quote, lang, convention))
               for c in claims]
    by_id = {c.id: c for c in counted}
    top = sorted((c for c in counted if c.part_of is None or c.part_of not in by_id),
                 key=lambda c: c.start)
    coding = named_convention(convention)
    detailed = (_detailed_operations(top, text, words, coding.uncounted_victims)
                if coding.detailed_operations else {})
    drafts: list[_Draft] = []
    order = 0
    for claim in top:
        if claim.id in detailed:
            continue
        if claim.victims in coding.uncounted_victims:
            # Kept in the incident at hand (the first, when none is open yet).
            if not drafts:
                drafts.append(_Draft(Incident("i1", document)))
            drafts[-1].incident.claims.append(claim.id)
            drafts[-1].incident.uncounted.append(claim.id)
            continue
        sentence = text[claim.sentence_start:claim.sentence_end].lower()
        region = region_of(claim.place)
        current = drafts[-1] if drafts else None
        separated = words.separators.search(sentence) is not None and (
            current is None or (claim.sentence_start, claim.sentence_end) not in current.sentences)
        earlier = None if separated else _earlier_restatement(drafts, claim, region, text, words)
        if earlier is not None:
            current = earlier
        elif current is None or separated or not _fits(current, claim, region):
            current = _Draft(Incident(f"i{len(drafts) + 1}", document))
            drafts.append(current)
        _place(current, claim, sentence, text, words, order)
        order += 1
        if region is not None:
            current.regions.append(region)
        if claim.period is not None:
            current.periods.append(claim.period)
        if claim.place is not None and claim.place.lat is not None:
            current.points.append((claim.place.lat, claim.place.lon))
        current.sentences.append((claim.sentence_start, claim.sentence_end))
    for claim_id, details in detailed.items():
        home = next(d for d in drafts if details[0].id in d.incident.claims)
        home.incident.claims.append(claim_id)
        home.given_way.append((by_id[claim_id], details))
    for draft in drafts:
        _lead_summaries(draft, text, words)
    parents = _summaries_across(drafts, document)
    drafts = [d for d in drafts if d.incident.claims]
    children = _attach_parts(drafts, counted, by_id)
    incidents = []
    for draft in drafts:
        _describe(draft, text, words, children)
        incidents.append(draft.incident)
    for parent, summaries, members in parents:
        _describe_parent(parent, summaries, members)
        incidents.append(parent)
    return incidents


def top_level(incidents: Iterable[Incident]) -> list[Incident]:
    """The harm events no other incident contains: their totals add up to what the report
    says happened."""
    return [i for i in incidents if i.parent is None and not i.running_toll]


def _compatible_regions(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def near(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    """Both points known and within NEAR_KM: a town and the district around it, which the
    gazetteer may file under different provinces (Hammouriyé and the Ghouta)."""
    if None in a or None in b:
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))  # type: ignore[arg-type]
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * _EARTH_KM * math.asin(math.sqrt(h)) <= NEAR_KM


def _fits(draft: _Draft, claim: Claim, region: tuple[str, ...] | None) -> bool:
    """Whether the claim's place and days can be the incident's."""
    if region is not None and draft.regions and not _compatible_regions(
            draft.regions[-1], region) and not (
            claim.place and draft.points and near(draft.points[-1],
                                                  (claim.place.lat, claim.place.lon))):
        return False
    period = claim.period
    if period is None or period.start is None or period.end is None:
        return True
    return all(p.start is None or p.end is None
               or (p.start - _DAY_SLACK <= period.end and period.start <= p.end + _DAY_SLACK)
               for p in draft.periods)


def _nested_victims(a: str, b: str) -> bool:
    return a in victim_lineage(b) or b in victim_lineage(a)


def _window(text: str, claim: Claim) -> str:
    """The claim's quote and the few words before it, where back-references sit."""
    return text[max(claim.sentence_start, claim.start - 30):claim.end].lower()


def _place(draft: _Draft, claim: Claim, sentence: str, text: str, words: IncidentWords,
           order: int) -> None:
    """Add a claim to the incident: a new strand, or a restatement of strands."""
    low, high = bounds(claim.count)
    draft.incident.claims.append(claim.id)
    strand = _restated(_alike(draft, claim), claim, _window(text, claim), words)
    if strand is not None:
        strand.restatements.append(claim)
        return
    draft.strands.append(_Strand(f"s{len(draft.strands) + 1}", claim.outcome, claim.victims,
                                 low, high, claim, order,
                                 words.summary.search(sentence) is not None))


def _alike(draft: _Draft, claim: Claim) -> list[_Strand]:
    return [s for s in draft.strands
            if s.outcome == claim.outcome and _nested_victims(s.victims, claim.victims)]


def _restated(same: list[_Strand], claim: Claim, window: str,
              words: IncidentWords) -> _Strand | None:
    """The strand the claim restates: the same bounds again in another sentence, or a
    count no larger that the text refers back to; none when the text says the people
    are more ("one additional suspect")."""
    if words.additive.search(window):
        return None
    low, high = bounds(claim.count)
    referred = words.anaphora.search(window) is not None
    for strand in reversed(same):
        # Equal counts coordinated in one sentence are different people.
        repeated = (strand.low, strand.high) == (low, high) and (
            strand.first.sentence_start != claim.sentence_start)
        if repeated or (referred and strand.low >= low):
            return strand
    return None


def _earlier_restatement(drafts: list[_Draft], claim: Claim, region: tuple[str, ...] | None,
                         text: str, words: IncidentWords) -> _Draft | None:
    """An earlier incident whose count the claim repeats (a report that restates an
    operation after others): same outcome and bounds, places both known and compatible
    at least to the province, overlapping days."""
    if region is None or len(region) < 2:
        return None
    for draft in reversed(drafts[:-1]):
        placed = [r for r in draft.regions if len(r) >= 2]
        if not placed or not all(_compatible_regions(r, region) for r in placed):
            continue
        if not _fits(draft, replace(claim, place=None), None):
            continue
        if _restated(_alike(draft, claim), claim, _window(text, claim), words):
            return draft
    return None


def _detailed_operations(top: list[Claim], text: str, words: IncidentWords,
                         uncounted: frozenset[str]) -> dict[str, list[Claim]]:
    """Counts over several operations ("detained more than 10 suspected insurgents during
    four operations") that later sentences detail with counts of the same outcome and
    victims: each with those details, which it gives way to. A detail is counted: not a
    zero, a running toll, harm the convention leaves `uncounted`, nor itself a count over
    several operations that gives way (the last ones are decided first)."""
    detailed: dict[str, list[Claim]] = {}
    for claim in reversed(top):
        if not words.operations.search(text[claim.sentence_start:claim.sentence_end].lower()):
            continue
        details = [c for c in top if c.start >= claim.sentence_end and c.count.value > 0
                   and c.id not in detailed and c.victims not in uncounted
                   and c.outcome == claim.outcome and _nested_victims(c.victims, claim.victims)
                   and not _running_toll(c)]
        if details:
            detailed[claim.id] = details
    return dict(reversed(detailed.items()))


def _lead_summaries(draft: _Draft, text: str, words: IncidentWords) -> None:
    """A lead count totals the counts of the incident's later sentences when it is vague
    ("several insurgents were detained, including the facilitator") or when they add up to
    no more than it ("killed seventeen insurgents ... seven insurgents killed"): it then
    bounds their sum from below, and is not added to it."""
    for strand in list(draft.strands):
        lead = strand.first
        if words.additive.search(_window(text, lead)):
            continue
        others = [s for s in _alike(draft, lead) if s is not strand
                  and s.first.sentence_start != lead.sentence_start
                  and s.first.count.qualifier != "vague"
                  and (lead.count.qualifier == "vague"
                       or not words.additive.search(_window(text, s.first)))
                  and (lead.count.qualifier == "vague" or s.position > strand.position)]
        if not others:
            continue
        if lead.count.qualifier != "vague" and sum(s.low for s in others) > strand.low:
            continue
        draft.strands.remove(strand)
        for claim in (lead, *strand.restatements):
            draft.summaries.append((claim, others))
        return


def _summaries_across(drafts: list[_Draft], document: str
                      ) -> list[tuple[Incident, list[Claim], list[_Draft]]]:
    """Turn into a summary a count in a summary sentence that is at least the sum of the
    others, or a first or last count equal to the sum of two or more others: of its own
    incident's strands, or of several incidents' (then a parent incident)."""
    parents: list[tuple[Incident, list[Claim], list[_Draft]]] = []
    for outcome in OUTCOMES:
        # A running toll neither sums nor is summed with the report's harm events.
        strands = sorted(((d, s) for d in drafts for s in d.strands
                          if s.outcome == outcome and not _running_toll(s.first)),
                         key=lambda pair: pair[1].position)
        ends = [strands[0], strands[-1]] if len(strands) >= 3 else []
        for draft, strand in [pair for pair in strands if pair[1].summary] + ends:
            others = [(d, s) for d, s in strands
                      if s is not strand and _nested_victims(s.victims, strand.victims)]
            total = sum(s.low for _, s in others)
            if not (strand.summary and others and strand.low >= total) and not (
                    len(others) >= 2 and strand.low == total):
                continue
            draft.strands.remove(strand)
            claims = [strand.first, *strand.restatements]
            members = list(dict.fromkeys(d for d, _ in others))
            if members == [draft]:
                draft.summaries += [(claim, [s for _, s in others]) for claim in claims]
                break
            for claim in claims:
                draft.incident.claims.remove(claim.id)
            parent = Incident(f"i{len(drafts) + len(parents) + 1}", document,
                              claims=[c.id for c in claims])
            parents.append((parent, claims, members))
            break
    return parents


def _attach_parts(drafts: list[_Draft], claims: list[Claim],
                  by_id: dict[str, Claim]) -> dict[str, list[Claim]]:
    """Breakdowns join their root claim's incident; returns each incident's claims."""
    home = {cid: d.incident.id for d in drafts for cid in d.incident.claims}
    held: dict[str, list[Claim]] = {d.incident.id: [] for d in drafts}
    for claim in claims:
        root = claim
        while root.part_of is not None and root.part_of in by_id and root.id not in home:
            root = by_id[root.part_of]
        incident = home.get(root.id)
        if incident is None:
            continue
        if claim.id not in home:
            home[claim.id] = incident
        held[incident].append(claim)
    for draft in drafts:
        draft.incident.claims = [c.id for c in held[draft.incident.id]]
    return held


def _stored(document: str, claim: Claim, region: tuple[str, ...]) -> StoredClaim:
    return StoredClaim(document, replace(claim, period=Period(_DAY, _DAY)), region)


def _reconciled(claims: list[StoredClaim], outcome: str, region: tuple[str, ...],
                victims: str = "people") -> Total:
    """Bounds of the outcome's victims in the region, by the reconciliation engine; a lone
    claim's bounds are its own."""
    if len(claims) == 1 and claims[0].region == region:
        return Total(*bounds(claims[0].claim.count))
    answer = tally(claims, outcome=outcome, first=_DAY, last=_DAY, region=region,
                   victims=victims).series[0]
    return Total(answer.low, answer.high)


def _incident_claims(draft: _Draft, outcome: str) -> list[StoredClaim]:
    base = (_REPORT, draft.incident.id)
    document = draft.incident.document
    out = []
    for strand in draft.strands:
        if strand.outcome == outcome:
            out += [_stored(document, c, (*base, strand.key))
                    for c in (strand.first, *strand.restatements)]
    out += [_stored(document, claim, base) for claim, _ in draft.summaries
            if claim.outcome == outcome]
    return out


def _totals(draft: _Draft) -> dict[str, Total]:
    totals = {}
    base = (_REPORT, draft.incident.id)
    for outcome in OUTCOMES:
        stored = _incident_claims(draft, outcome)
        if not stored:
            continue
        if any(s.region == base for s in stored):
            totals[outcome] = _reconciled(stored, outcome, base)
            continue
        low = 0
        high_total: int | None = 0
        for strand in draft.strands:
            if strand.outcome != outcome:
                continue
            # A strand's claims count the same people, all of its first claim's type: two
            # "trois soldats" bound the soldiers, not people of every other type.
            total = _reconciled([s for s in stored if s.region == (*base, strand.key)],
                                outcome, (*base, strand.key), strand.victims)
            low += total.low
            high_total = (None if high_total is None or total.high is None
                          else high_total + total.high)
        totals[outcome] = Total(low, high_total)
    return totals


def _describe(draft: _Draft, text: str, words: IncidentWords,
              held: dict[str, list[Claim]]) -> None:
    incident = draft.incident
    claims = held[incident.id]
    incident.totals = _totals(draft)
    for strand in draft.strands:
        for claim in strand.restatements:
            incident.restates[claim.id] = [strand.first.id]
    for claim, strands in draft.summaries:
        incident.restates[claim.id] = [s.first.id for s in strands]
    for claim, details in draft.given_way:
        incident.restates[claim.id] = [c.id for c in details]
    _where_and_when(incident, claims)
    written = " ".join(text[a:b] for a, b in dict.fromkeys(
        (c.sentence_start, c.sentence_end) for c in claims))
    _classify(incident, claims, written, words)


def _where_and_when(incident: Incident, claims: list[Claim]) -> None:
    placed = [c.place for c in claims if c.place is not None]
    if placed:
        # The most precise place: the one with the longest region path.
        best = max(placed, key=lambda p: len(region_of(p) or ()))
        incident.location, incident.country = best.name, best.country
        incident.latitude, incident.longitude = best.lat, best.lon
        incident.region = region_of(best)
    starts = [c.period.start for c in claims if c.period and c.period.start]
    ends = [c.period.end for c in claims if c.period and c.period.end]
    incident.first = min(starts) if starts else None
    incident.last = max(ends) if ends else None
    incident.sources = list(dict.fromkeys(c.source.name for c in claims if c.source))
    incident.running_toll = bool(claims) and all(_running_toll(c) for c in claims)


def _running_toll(claim: Claim) -> bool:
    period = claim.period
    return (period is not None and period.start is not None and period.end is not None
            and period.end - period.start > _TOLL_SPAN)


def _classify(incident: Incident, claims: list[Claim], written: str,
              words: IncidentWords) -> None:
    """Event type and sub-type, means and actors, from the cues of the incident's
    sentences (`written`, as in the text) and the outcomes and victims of its claims."""
    sentences = written.lower()
    causes = {c.cause for c in claims}
    padded = f" {sentences} "
    found = next((t for t in words.types if t.cue in padded), None)
    if found is not None:
        incident.means = found.means
    outcomes = {c.outcome for c in claims}
    victims = [c.victims for c in claims if c.outcome in ("killed", "injured")]
    civilians = any(_VICTIM_ACTORS.get(v, ("", ""))[1] == "civilians" for v in victims)
    cause = next((c for c in ("violence", "accident", "disaster", "disease") if c in causes),
                 None)
    if cause in _NON_CONFLICT:
        incident.event_type = _NON_CONFLICT[cause]
    elif found is not None and (found.event_type != "Violence against civilians" or civilians):
        incident.event_type, incident.sub_event_type = found.event_type, found.sub_event_type
    elif outcomes & {"killed", "injured"}:
        incident.event_type, incident.sub_event_type = (
            ("Violence against civilians", "Attack") if civilians else ("Battles", "Armed clash"))
    elif "kidnapped" in outcomes or "missing" in outcomes:
        incident.event_type = "Violence against civilians"
        incident.sub_event_type = "Abduction/forced disappearance"
    elif "detained" in outcomes:
        incident.event_type, incident.sub_event_type = "Strategic developments", "Arrests"
    named = [Actor(_as_written(written, sentences, cue), kind) for cue, kind in words.actors
             if cue in padded]
    named.sort(key=lambda actor: sentences.find(actor.name.lower()))
    harmed = next((c.victims for c in claims if c.victims in _VICTIM_ACTORS), None)
    # Victims of unstated kind ("17 personnes") are the civilians the text names, if any.
    harmed_type = _VICTIM_ACTORS[harmed][1] if harmed else "civilians"
    # Civilians and protesters suffer the harm in bilan's reports; they do not inflict it.
    incident.actor1 = next((a for a in named if a.type != harmed_type
                            and a.type not in ("civilians", "protesters")), None)
    incident.actor2 = next((a for a in named if a.type == harmed_type), None) or (
        Actor(*_VICTIM_ACTORS[harmed]) if harmed else None)


def _as_written(written: str, lowered: str, cue: str) -> str:
    """The actor's name as the text writes it at its first mention (the cue itself when
    lower-casing changed the text's length)."""
    name = cue.strip()
    at = lowered.find(name)
    if len(written) == len(lowered) and at >= 0:
        name = written[at:at + len(name)]
    return name


def _describe_parent(parent: Incident, summaries: list[Claim], members: list[_Draft]) -> None:
    """A report-level summary: its children are the incidents it totals."""
    parent.children = [d.incident.id for d in members]
    for draft in members:
        draft.incident.parent = parent.id
    outcome = summaries[0].outcome
    root = (_REPORT,)
    stored = [_stored(parent.document, c, root) for c in summaries]
    for draft in members:
        stored += _incident_claims(draft, outcome)
    parent.totals = {outcome: _reconciled(stored, outcome, root)}
    for draft in members:
        for other, total in draft.incident.totals.items():
            if other != outcome:
                current = parent.totals.get(other, Total(0, 0))
                parent.totals[other] = Total(
                    current.low + total.low,
                    None if current.high is None or total.high is None
                    else current.high + total.high)
    parent.restates = {c.id: [s.first.id for d in members for s in d.strands
                              if s.outcome == outcome] for c in summaries}
    first = members[0].incident
    for name in ("event_type", "sub_event_type", "means", "actor1", "actor2", "first",
                 "last", "location", "country", "latitude", "longitude", "region"):
        setattr(parent, name, getattr(first, name))
    parent.sources = list(dict.fromkeys(s for d in members for s in d.incident.sources))
