"""Extraction quality on the development and validation sets, scored as the gold guide says.

Each floor is the score measured when it was last raised, minus 0.01 (rounded down), per
set and per field: any regression fails, and so does hard-coding a field. Raise a floor
when a change raises its score; never lower one without saying why in the commit.
"""

from pathlib import Path

import pytest

from bilan.evaluate import FIELDS, score_gold_file
from tests.conftest import GOLD

VALIDATION = Path(__file__).resolve().parent.parent / "validation"

# (gold file, language scored): written French and English reports, real French news, and
# the fresh validation sets annotated before bilan read them (validation/README.md).
SETS = {
    "dev-fr": (GOLD / "dev.jsonl", "fr"),
    "orangesum": (GOLD / "dev-orangesum.jsonl", "fr"),
    "dev-en-part": (GOLD / "dev.jsonl", "en"),
    "dev-en": (GOLD / "dev-en.jsonl", "en"),
    "fresh-fr": (VALIDATION / "orangesum-fresh.fr.jsonl", "fr"),
    "fresh2-fr": (VALIDATION / "orangesum-fresh2.fr.jsonl", "fr"),
    "fresh3-fr": (VALIDATION / "orangesum-fresh3.fr.jsonl", "fr"),
    "fresh4-fr": (VALIDATION / "orangesum-fresh4.fr.jsonl", "fr"),
    "fresh5-fr": (VALIDATION / "orangesum-fresh5.fr.jsonl", "fr"),
    "fresh6-fr": (VALIDATION / "orangesum-fresh6.fr.jsonl", "fr"),
    "fresh7-fr": (VALIDATION / "orangesum-fresh7.fr.jsonl", "fr"),
    "fresh8-fr": (VALIDATION / "orangesum-fresh8.fr.jsonl", "fr"),
    "fresh9-fr": (VALIDATION / "orangesum-fresh9.fr.jsonl", "fr"),
    "fresh10-fr": (VALIDATION / "orangesum-fresh10.fr.jsonl", "fr"),
    "fresh11-fr": (VALIDATION / "orangesum-fresh11.fr.jsonl", "fr"),
    "fresh12-fr": (VALIDATION / "orangesum-fresh12.fr.jsonl", "fr"),
    "fresh13-fr": (VALIDATION / "orangesum-fresh13.fr.jsonl", "fr"),
    "fresh14-fr": (VALIDATION / "orangesum-fresh14.fr.jsonl", "fr"),
    "fresh15-fr": (VALIDATION / "orangesum-fresh15.fr.jsonl", "fr"),
    "fresh16-fr": (VALIDATION / "orangesum-fresh16.fr.jsonl", "fr"),
    "fresh17-fr": (VALIDATION / "orangesum-fresh17.fr.jsonl", "fr"),
    "fresh18-fr": (VALIDATION / "orangesum-fresh18.fr.jsonl", "fr"),
    "fresh19-fr": (VALIDATION / "orangesum-fresh19.fr.jsonl", "fr"),
    "isaf-claims": (VALIDATION / "isaf-claims.en.jsonl", "en"),
}

FLOORS = {
    "dev-fr": {"f1": 0.96, "qualifier": 0.986, "cause": 0.986, "part_of": 0.959,
               "period_start": 0.959, "period_end": 0.963, "place": 0.914, "country": 0.981,
               "source": 0.963, "source_type": 0.977},
    "orangesum": {"f1": 0.89, "qualifier": 0.98, "cause": 0.958, "part_of": 0.967,
                  "period_start": 0.886, "period_end": 0.859, "place": 0.844,
                  "country": 0.962, "source": 0.944, "source_type": 0.94},
    "dev-en-part": {"f1": 0.965, "qualifier": 0.99, "cause": 0.99, "part_of": 0.99,
                    "period_start": 0.901, "period_end": 0.901, "place": 0.876,
                    "country": 0.99, "source": 0.914, "source_type": 0.927},
    "dev-en": {"f1": 0.983, "qualifier": 0.99, "cause": 0.99, "part_of": 0.985,
               "period_start": 0.932, "period_end": 0.908, "place": 0.889, "country": 0.976,
               "source": 0.918, "source_type": 0.928},
    # Zeros read by syntax matched "aucune arrestation" without its source: source floor
    # down with the matched set.
    # Individuals by the guide (names, any cause of death) raised recall and F1 and added
    # matched obituaries whose cause, place and country the resolvers get wrong (issue 8):
    # those field floors moved down with the matched set, not with a regression.
    # A generic count that restates a typed toll takes its type: the claims it newly
    # matched bring their own wrong cause, place or source (fresh, fresh7, fresh8, fresh14).
    "fresh-fr": {"f1": 0.739, "qualifier": 0.966, "cause": 0.828, "part_of": 0.974,
                 "period_start": 0.646, "period_end": 0.63, "place": 0.682, "country": 0.866,
                 "source": 0.805, "source_type": 0.828},
    # First scored at 0.577 (validation/README.md); since tuned on (idioms of detention,
    # headless counts), so no longer unseen. Its matched set grew with detentions whose
    # country the resolver misses, hence the lower country floor, and with Maurice Audin
    # (typed by "mathématicien" beside his name) whose source it misses: lower source floors.
    # Passive subjects the parser read as active then found "l'un d'eux ... a été légèrement
    # blessé", typed people where the gold has it in a quote the scorer does not match.
    "fresh2-fr": {"f1": 0.734, "qualifier": 0.99, "cause": 0.792, "part_of": 0.978,
                  "period_start": 0.652, "period_end": 0.606, "place": 0.617,
                  "country": 0.896, "source": 0.78, "source_type": 0.803},
    # First scored at 0.596 (main at fe9332e, validation/README.md); tuned on since (role
    # nouns, predicates, causes), so no longer unseen. French role nouns (coreferee's list)
    # and appositions matched two claims whose place the resolver gets wrong ("Var" read as
    # Varna, a French report's place missed): place and country floors moved down with the
    # matched set; no claim matched before lost a field. The départements then made "Pic du
    # Jer" a French town (a genitive place of the story's country; three claims) and put
    # two claims in a département where the gold has a town or none: place down, country up.
    "fresh3-fr": {"f1": 0.723, "qualifier": 0.99, "cause": 0.668, "part_of": 0.967,
                  "period_start": 0.74, "period_end": 0.751, "place": 0.637,
                  "country": 0.876, "source": 0.785, "source_type": 0.785},
    # First scored at 0.650 (main at 3e1191c, validation/README.md), before any rule change.
    # "Inculpés" (detained, as its annotator reads it) and "trouver la mort" then matched
    # claims whose period and place the resolvers get wrong (a Paris theft's arrests placed
    # in France by the gold): those floors moved down with the matched set.
    "fresh4-fr": {"f1": 0.709, "qualifier": 0.962, "cause": 0.953, "part_of": 0.934,
                  "period_start": 0.723, "period_end": 0.678, "place": 0.558,
                  "country": 0.934, "source": 0.843, "source_type": 0.861},
    # First scored at 0.547 (main at 6cafe81, validation/README.md), before any rule change
    # read it; the place and country floors are those of the département gazetteer written
    # before it was read. Copular deaths then matched a mayor's natural death, which the
    # cause rule reads as violence: the cause floor moved down with the matched set; so did
    # cause and source with zeros read by syntax ("pas de blessés ni de morts", said by "la
    # compagnie", annotated with its name). Feminine by determiner then matched "une
    # sexagénaire ... percutée par un chauffard", whose cause the rule reads as violence.
    "fresh5-fr": {"f1": 0.683, "qualifier": 0.99, "cause": 0.863, "part_of": 0.979,
                  "period_start": 0.642, "period_end": 0.632, "place": 0.758,
                  "country": 0.895, "source": 0.821, "source_type": 0.79},
    # First scored at 0.577 (main at 2f92056, validation/README.md), before any rule change
    # read it. Lemma repair, reflexives, borne injuries, agreeing participles and names
    # typed by their description then matched claims whose cause or period the resolvers
    # get wrong (a fall "se tue" read as violence, obituaries), and states ("en garde à
    # vue") matched claims whose period it misses, and a fall no longer read as a death
    # matched an injury the annotator links to an earlier count; no claim matched before
    # lost a field, so those floors moved down with the matched set.
    "fresh6-fr": {"f1": 0.627, "qualifier": 0.965, "cause": 0.817, "part_of": 0.977,
                  "period_start": 0.669, "period_end": 0.669, "place": 0.681,
                  "country": 0.915, "source": 0.878, "source_type": 0.866},
    # First scored at 0.588 (main at 20c5762, validation/README.md), before any rule change
    # read it. Bodies found, stray conjuncts, "dont trois sont morts", "se faire tuer" and
    # contracted articles ("au gendarme") then matched claims here and on every earlier
    # fresh set whose period or source the resolvers get wrong; no claim matched before lost
    # a field (checked on fresh-fr), so those floors moved down with the matched sets.
    # Ordinals, nationalities and fronted participles then found "interpellé ..., le
    # président" (questioned, not arrested) on fresh3.
    "fresh7-fr": {"f1": 0.636, "qualifier": 0.978, "cause": 0.823, "part_of": 0.978,
                  "period_start": 0.685, "period_end": 0.68, "place": 0.62,
                  "country": 0.894, "source": 0.845, "source_type": 0.87},
    # First scored at 0.650 (main at 52434d4, validation/README.md), before any rule change
    # read it; tuned on since (the sick in care, "d'entre elles", breakdowns by state).
    "fresh8-fr": {"f1": 0.722, "qualifier": 0.98, "cause": 0.868, "part_of": 0.971,
                  "period_start": 0.706, "period_end": 0.697, "place": 0.606,
                  "country": 0.859, "source": 0.851, "source_type": 0.823},
    # First scored at 0.638 (main at db5d9a9, validation/README.md), the same at 52434d4.
    # Beatings matched two claims (mayors struck in Gironde and in Signes) placed wrongly.
    "fresh9-fr": {"f1": 0.682, "qualifier": 0.99, "cause": 0.79, "part_of": 0.98,
                  "period_start": 0.683, "period_end": 0.714, "place": 0.7,
                  "country": 0.844, "source": 0.8, "source_type": 0.794},
    # First scored at 0.670 (main at 8f43901, validation/README.md), before any rule change
    # read it; tuned on since.
    # "son interpellation" matched a Beirut press conference's arrest, put in Japan by
    # nothing the sentence says: country down with the matched set.
    "fresh10-fr": {"f1": 0.689, "qualifier": 0.99, "cause": 0.759, "part_of": 0.964,
                   "period_start": 0.759, "period_end": 0.759, "place": 0.618,
                   "country": 0.81, "source": 0.848, "source_type": 0.784},
    # First scored at 0.603 (main at c9edba5, validation/README.md) before any rule read it;
    # 0.595 at 8f43901, before the session's rules; tuned on since.
    # "grièvement électrocutée" matched as an injury without the source of its sentence.
    # A body found ("découvrent un corps") matched, its day, place and cause those of the
    # finding: those floors down with the matched set. "Les gardes à vue de 12 d'entre eux"
    # matched (the idiom's genitive), without its part_of and with "le parquet" for "le
    # parquet de Paris": part_of and source down.
    "fresh11-fr": {"f1": 0.664, "qualifier": 0.99, "cause": 0.909, "part_of": 0.978,
                   "period_start": 0.699, "period_end": 0.652, "place": 0.513,
                   "country": 0.932, "source": 0.794, "source_type": 0.84},
    # First scored at 0.557 (main at 47627cf, validation/README.md) before any rule read it;
    # the same at 8f43901, before the session's rules.
    "fresh12-fr": {"f1": 0.595, "qualifier": 0.99, "cause": 0.8, "part_of": 0.99,
                   "period_start": 0.759, "period_end": 0.669, "place": 0.749,
                   "country": 0.901, "source": 0.838, "source_type": 0.825},
    # First scored at 0.607 (main at 15fba25, validation/README.md) before any rule read it.
    # The Nîmes suicide ("où il s'est suicidé", in fresh13 and fresh14) matched without
    # its place and country, and Jordy Grenon (fresh14) without the fire's cause: field
    # floors moved down with the matched set.
    "fresh13-fr": {"f1": 0.653, "qualifier": 0.976, "cause": 0.894, "part_of": 0.976,
                   "period_start": 0.729, "period_end": 0.729, "place": 0.743,
                   "country": 0.88, "source": 0.88, "source_type": 0.866},
    # Its matched set grew with vague detentions ("detained multiple suspected
    # insurgents") whose place the resolver misses (no matched claim changed): hence the
    # lower place floor.
    # First scored at 0.593 (main at d6b4ae0, validation/README.md), before any rule change.
    # Burns matched "Le jeune homme, brûlé", whose source the resolver misses: source down.
    # A body found ("un corps momifié") matched with the day it was found, not the death's:
    # period floors down with the matched set. The Istanbul kamikazes matched, sourced to
    # "Les témoins" who tell the scene where the gold has no source: source type down.
    # "33 morts - 19 hommes et 14 femmes" matched its parts, but the scorer pairs their
    # toll with the gold's "les 33 victimes" of the next sentence, so their parent is
    # another claim: part_of down.
    "fresh14-fr": {"f1": 0.683, "qualifier": 0.969, "cause": 0.911, "part_of": 0.958,
                   "period_start": 0.687, "period_end": 0.646, "place": 0.617,
                   "country": 0.865, "source": 0.875, "source_type": 0.862},
    # First scored at 0.606 (main at 6c0580d, validation/README.md), before any rule change.
    # Femicides and deaths "emportées par les eaux" matched three claims whose place the
    # resolver misses (a minister's name read as a place, a neighbouring town): place down.
    "fresh15-fr": {"f1": 0.648, "qualifier": 0.965, "cause": 0.807, "part_of": 0.953,
                   "period_start": 0.746, "period_end": 0.831, "place": 0.733,
                   "country": 0.912, "source": 0.733, "source_type": 0.855},
    # First scored at 0.516 (main at 798faa8, validation/README.md), before any rule read it.
    # Burns and relative objects matched four claims whose source type the resolver gets
    # wrong (a television channel as the outlet): source type down with the matched set.
    "fresh16-fr": {"f1": 0.553, "qualifier": 0.99, "cause": 0.843, "part_of": 0.977,
                   "period_start": 0.77, "period_end": 0.829, "place": 0.627,
                   "country": 0.904, "source": 0.843, "source_type": 0.804},
    # First scored at 0.585 (main at f68245f, validation/README.md), before any rule read it.
    # "769 sont morts dans la traversée" matched, placed at the ship named before (Crinavis)
    # where the gold has Espagne: place down with the matched set.
    "fresh17-fr": {"f1": 0.59, "qualifier": 0.979, "cause": 0.831, "part_of": 0.979,
                   "period_start": 0.74, "period_end": 0.774, "place": 0.583,
                   "country": 0.814, "source": 0.748, "source_type": 0.836},
    # First scored at 0.577 (main at 76c1b52, validation/README.md), before any rule read it.
    "fresh18-fr": {"f1": 0.604, "qualifier": 0.99, "cause": 0.904, "part_of": 0.977,
                   "period_start": 0.648, "period_end": 0.636, "place": 0.652,
                   "country": 0.929, "source": 0.709, "source_type": 0.702},
    # First scored at 0.490 (main at 5a85c10, validation/README.md), before any rule read it.
    "fresh19-fr": {"f1": 0.537, "qualifier": 0.977, "cause": 0.79, "part_of": 0.965,
                   "period_start": 0.644, "period_end": 0.607, "place": 0.677,
                   "country": 0.777, "source": 0.854, "source_type": 0.878},
    "isaf-claims": {"f1": 0.848, "qualifier": 0.99, "cause": 0.99, "part_of": 0.99,
                    "period_start": 0.691, "period_end": 0.676, "place": 0.572,
                    "country": 0.99, "source": 0.945, "source_type": 0.975},
}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    path, lang = SETS[request.param]
    return request.param, score_gold_file(path, lang=lang)


def test_claim_f1(scored):
    name, score = scored
    assert score.f1 >= FLOORS[name]["f1"]


@pytest.mark.parametrize("field", FIELDS)
def test_field(scored, field):
    name, score = scored
    assert score.field_accuracy()[field] >= FLOORS[name][field]
