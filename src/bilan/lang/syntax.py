"""Victims found by grammatical relation to a harm predicate, in any language bilan reads.

The word-order readers (`bilan.lang.<lang>.reader`) find what they were written for; this
reader asks the dependency parse who was harmed: the subject of a passive or intransitive harm verb,
the object of an active one, the noun a harm participle modifies, the complement of a
harm noun ("la mort de", "the killing of"), the one a life was taken from ("a coûté la
vie à"), each with its coordinated and comitative companions ("leur interprète et leur
garde du corps", "avec son fils"). It adds the victims the readers missed, never a
second reading of a count they read. A language brings only its data
(`lang/<lang>/syntax.json`): its dependency labels, harm lemmas and projection words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Doc, MorphAnalysis, Span, Token

from bilan.extensions import CountSpan, Mention
from bilan.lang import load_lexicon
from bilan.lang.lexicon import CasualtyLexicon, word_pattern
from bilan.lang.sentence import name_flag, told_before
from bilan.records import Count

# How far up the tree a projection word still rules a count ("pourrait franchir le cap
# des 500 morts": morts → cap → franchir → pourrait).
_PROJECTION_DEPTH = 5
_PERSON_POS = frozenset(("NOUN", "PROPN"))
_QUOTES = frozenset(('"', "«", "»", "“", "”"))
_TITLE_LENGTH = 12  # tokens a quoted title spans at most
_CASUALTIES = frozenset(("killed", "injured"))
# How far up its noun phrase a participle may modify a noun ("membres de la communauté
# tchétchène interpellés": communauté → membres).
_NOUN_PHRASE_DEPTH = 3
# Minors are children (the guide); 18 is the age of majority in the reports' countries.
_MAJORITY = 18
# Types a phrase's sex or age can make more specific ("most specific wins": the guide).
_GENERAL_TYPES = frozenset(("people", "civilians"))
_ARMED_TYPES = frozenset(("security_forces", "rebels", "combatants"))
# Most specific first (the guide: children, women, men before civilians); a profession
# the victims are harmed in before all ("health workers ... even when 'mère de famille'").
_SPECIFICITY = ("security_forces", "rebels", "combatants", "journalists", "medical_workers",
                "aid_workers", "other", "children", "women", "men", "civilians", "people")
# A word of a description beside a name, after an elided article ("l'acteur").
_WORD = re.compile(r"(?:\w+['’])?(\w[\w-]*)")


@dataclass(frozen=True, slots=True)
class Grammar:
    """One language's data for the syntactic reader (`syntax.json`)."""

    labels: dict[str, tuple[str, ...]]
    genitive_cases: frozenset[str]
    dative_cases: frozenset[str]
    comitative_cases: frozenset[str]
    transitive_harm: dict[str, str]
    # "mettre en examen": (verb lemma, case word, noun lemma) → outcome; the verb harms its
    # object (or passive subject) when that complement is among its dependents.
    harm_idioms: dict[tuple[str, str, str], str]
    active_only: frozenset[str]
    passive_only: frozenset[str]
    intransitive_harm: dict[str, str]
    harm_nouns: dict[str, str]
    # "la garde à vue de": nouns whose complement makes them a harm (noun, case, complement).
    harm_noun_idioms: dict[tuple[str, str, str], str]
    # "mettre la main sur": (verb, object) → the case word of the victims and the outcome.
    object_idioms: dict[tuple[str, str], tuple[str, str]]
    life_takers: frozenset[str]
    life_losers: frozenset[str]
    life_nouns: frozenset[str]
    # "se tue en tombant", "se sont blessées": verbs whose reflexive harms the subject (not
    # "s'est arrêté", "s'est déplacé").
    reflexive_harm: dict[str, str]
    # "frappé par des fêtards", not "frappés par la pandémie": verbs that harm only when
    # people do it.
    human_agent_harm: frozenset[str]
    # "son arrestation": the possessives that stand for one person.
    singular_possessives: frozenset[str]
    # "que", "qu'": the relative pronouns that are the object of their clause.
    relative_objects: frozenset[str]
    # "un kamikaze s'est fait exploser": verbs whose reflexive causative harms the subject.
    reflexive_causative_harm: dict[str, str]
    # "emportées par les eaux": agents that make a verb active only elsewhere a death in
    # the passive ("emporté par la foule" is carried along).
    fatal_agents: dict[str, frozenset[str]]
    # The plural endings of a language whose nouns mark the feminine by their form (its
    # casualty lexicon's); none where they do not (English).
    plural_endings: tuple[str, ...]
    # (case word, noun lemma) → the harm of a person there ("en garde à vue").
    states: dict[tuple[str, str], str]
    # Harm verbs with a literal sense their complement selects: lemma → the clitics and
    # the case words of that sense ("en sont tombées", "tombé d'un toit" fell; "tombés au
    # combat", "en opération" died).
    literal_senses: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]]
    # "a trouvé la mort", "met his death": verb → the object noun that makes its subject dead.
    death_finders: dict[str, str]
    # "tués ou blessés", "killed or wounded": the conjunctions that offer one harm or another.
    alternative_conjunctions: frozenset[str]
    # "s'est donné la mort": the same, only with a reflexive clitic ("a donné la mort à").
    reflexive_death_finders: dict[str, str]
    # "souffre d'une fracture", "suffered wounds": the subject bears an injury the verb's
    # object or oblique names.
    injury_bearers: frozenset[str]
    injury_nouns: frozenset[str]
    projection_lemmas: frozenset[str]
    # Verbs of intent whose object or complement was not done, in any tense ("planned the
    # assassination of", "tried to kill").
    intent_lemmas: frozenset[str]
    rates: re.Pattern[str]
    person_suffixes: tuple[str, ...]
    # Lemmas of nouns that denote people and nothing else, from the lists `person_lists`
    # names (package resources).
    person_lemmas: frozenset[str]
    not_person_suffix_words: frozenset[str]
    questionable_lemmas: frozenset[str]
    negation_clitics: frozenset[str]
    # Subordinators that negate their clause: "sans faire de blessé".
    privative_marks: frozenset[str]
    # "mortellement blessé", "fatally wounded": an injury that killed.
    fatal_adverbs: frozenset[str]
    # "grièvement électrocutée": a degree says a killing verb's victim lived, hurt.
    injury_adverbs: frozenset[str]
    # "gravement touché": a verb of many senses that such a degree makes an injury.
    graded_harm: dict[str, str]
    # "le nombre de décès a dépassé le seuil des 70.000": nouns that hold a toll, nouns
    # of a threshold the number is said of, and verbs that make the number a lower bound.
    toll_nouns: frozenset[str]
    threshold_nouns: frozenset[str]
    exceeding_lemmas: frozenset[str]
    # "71.104 sont mortes, dont 39.680 au Brésil": the relative word of a breakdown.
    breakdown_relatives: frozenset[str]
    # "le jeune couple arrêté": nouns of a set number of people (counts.json's).
    couple_nouns: dict[str, int]
    # "aucune arrestation", "no deaths": a harm noun so determined counts none; "pas de
    # blessés": so does a negated verb's partitive object.
    zero_determiners: frozenset[str]
    partitive_determiners: frozenset[str]
    questioning_cases: frozenset[str]
    minor_age: re.Pattern[str]
    # "la petite Angélique": adjectives that make a child of a name.
    child_adjectives: frozenset[str]
    inherently_feminine: frozenset[str]
    person_entity: str
    # Nationality nouns ("malien", "american"): the places gazetteer's adjectives.
    demonyms: frozenset[str]
    impersonal_pronouns: frozenset[str]
    # The relations in which a personal pronoun is a victim ("il a été tué"; English
    # also "killing him").
    pronoun_victim_relations: frozenset[str]
    agent_cases: frozenset[str]
    # The pronoun "one" of "l'un des trois", "one of the three".
    one_lemmas: frozenset[str]
    # The lemmas of the tense auxiliaries ("avoir"), which the parser may read as verbs.
    tense_auxiliary_lemmas: frozenset[str]
    # The noun of a person's age ("40 ans"), set off by commas after the person.
    age_units: frozenset[str]
    # The endings of the simple conditional ("perdraient"); none where a modal makes it.
    conditional_endings: tuple[str, ...]
    # "tous", "all": quantifiers that float away from the pronoun they count.
    floating_quantifiers: frozenset[str]
    # Nouns naming who did a harm ("le tireur"): a role, but not a non-combatant's.
    perpetrator_nouns: frozenset[str]
    # Verbs whose negation is a harm ("n'a pas survécu").
    negated_harm: dict[str, str]
    # "un ancien militaire": no longer in the forces, so people (the guide).
    former_modifiers: frozenset[str]
    # Nouns that count people as persons only ("personnes", "victimes", "corps"): with the
    # harm nouns, the guide's generic nouns, whose type the story gives.
    plain_person_nouns: frozenset[str]
    # "huit autres personnes": people besides those already counted.
    other_modifiers: frozenset[str]
    # "quatre blessés parmi les policiers": the case word of those a count is among.
    among_cases: frozenset[str]
    # "s'est fait tuer": with a reflexive, the infinitive these verbs head is a passive.
    causative_lemmas: frozenset[str]
    # "affirment détenir 4.000 femmes", "holds 300 prisoners": in the present, a stock of
    # people held, which the guide does not count.
    holding_verbs: frozenset[str]
    # Present-tense forms of the harm verbs by their regular conjugation ("tue" → "tuer"),
    # which the lemmatiser may give another verb ("taire").
    present_forms: dict[str, str]
    # Past participles of the harm verbs, which the tagger often calls adjectives.
    participle_forms: dict[str, str]
    # "porté disparu": participles that declare the harm participle after them.
    declaring_forms: frozenset[str]

    def has(self, token: Token, relation: str) -> bool:
        return token.dep_ in self.labels[relation]


@cache
def grammar(lang: str) -> Grammar:
    """The syntactic data of `lang`, loaded once."""
    data = load_lexicon(lang, "syntax")
    sets = {
        key: frozenset(data[key])
        for key in ("genitive_cases", "dative_cases", "comitative_cases", "active_only",
                    "passive_only", "life_takers", "life_losers", "life_nouns",
                    "injury_bearers", "injury_nouns",
                    "projection_lemmas", "intent_lemmas", "not_person_suffix_words",
                    "questionable_lemmas", "questioning_cases", "inherently_feminine",
                    "impersonal_pronouns", "pronoun_victim_relations", "agent_cases",
                    "tense_auxiliary_lemmas", "one_lemmas", "age_units", "floating_quantifiers",
                    "perpetrator_nouns", "child_adjectives", "former_modifiers",
                    "plain_person_nouns", "other_modifiers", "among_cases",
                    "negation_clitics", "privative_marks", "fatal_adverbs", "injury_adverbs",
                    "zero_determiners",
                    "partitive_determiners", "causative_lemmas", "alternative_conjunctions",
                    "holding_verbs", "relative_objects", "human_agent_harm",
                    "singular_possessives", "toll_nouns", "threshold_nouns",
                    "exceeding_lemmas", "breakdown_relatives")
    }
    return Grammar(
        labels={name: tuple(labels) for name, labels in data["labels"].items()},
        transitive_harm=data["transitive_harm"],
        harm_idioms={tuple(idiom.split()): outcome  # type: ignore[misc]
                     for idiom, outcome in data["harm_idioms"].items()},
        intransitive_harm=data["intransitive_harm"],
        harm_nouns=data["harm_nouns"],
        harm_noun_idioms={tuple(idiom.split()): outcome  # type: ignore[misc]
                          for idiom, outcome in data["harm_noun_idioms"].items()},
        object_idioms={(verb, noun): (case, outcome) for (verb, noun, case), outcome in (
            (idiom.split(), outcome) for idiom, outcome in data["object_idioms"].items())},
        negated_harm=data["negated_harm"],
        reflexive_harm=data["reflexive_harm"],
        couple_nouns=load_lexicon(lang, "counts")["couple_nouns"],
        graded_harm=data["graded_harm"],
        reflexive_causative_harm=data["reflexive_causative_harm"],
        fatal_agents={verb: frozenset(agents) for verb, agents in data["fatal_agents"].items()},
        death_finders=data["death_finders"],
        reflexive_death_finders=data["reflexive_death_finders"],
        literal_senses={lemma: (frozenset(sense["clitics"]), frozenset(sense["cases"]),
                                frozenset(sense["nouns"]))
                        for lemma, sense in data["literal_senses"].items()},
        states={tuple(state.split()): outcome  # type: ignore[misc]
                for state, outcome in data["states"].items()},
        rates=word_pattern(data["rates"]),
        person_suffixes=tuple(data["person_suffixes"]),
        conditional_endings=tuple(data["conditional_endings"]),
        plural_endings=tuple(load_lexicon(lang, "casualties")["grammar_words"]["plural_endings"])
        if data["feminine_by_form"] else (),
        person_lemmas=frozenset(
            word.lower() for resource in data["person_lists"] for word in
            files(resource["package"]).joinpath(resource["file"]).read_text("utf-8").split("\n")
            if word
        ),
        minor_age=re.compile(data["minor_age"], re.IGNORECASE),
        person_entity=data["person_entity"],
        demonyms=frozenset(a.lower() for a in load_lexicon(lang, "places")["adjectives"]),
        present_forms=_inflected(data, "present_endings"),
        declaring_forms=frozenset(
            lemma[: -len(infinitive)] + ending for lemma in data["declaring_verbs"]
            for infinitive, endings in data["participle_endings"].items()
            if lemma.endswith(infinitive) for ending in endings),
        participle_forms={**_inflected(data, "participle_endings"), **{
            participle + ending: lemma
            for lemma, participle in data.get("irregular_participles", {}).items()
            for ending in data["participle_agreement"]}},
        **sets,
    )


def _inflected(data: dict[str, Any], endings_key: str) -> dict[str, str]:
    """The regular forms of the harm verbs that `endings_key` gives, each to its lemma."""
    return {
        lemma[: -len(infinitive)] + ending: lemma
        for lemma in (*data["transitive_harm"], *data["intransitive_harm"],
                      *data["reflexive_harm"])
        for infinitive, endings in data[endings_key].items()
        if lemma.endswith(infinitive) for ending in endings
    }


def repair_parse(tokens: list[Token], g: Grammar) -> None:
    """Mend the parser's errors that hide a harm or its victims.

    A finite verb whose form conjugates a harm verb regularly gets that verb's lemma:
    headlines in the present ("un chauffard tue une femme") are where the lemmatiser errs.
    A numeral standing alone before the predicate it hangs on is that predicate's subject,
    whatever relation the parser gave it ("dont quatre sont mortes", read as an expletive
    or a number modifier), the subject of a verb with a passive auxiliary is a passive
    subject ("Geneviève Legay avait été grièvement blessée", read as active), a harm word
    right after a verb is a state said of its argument ("retrouvés morts"), a compound
    infinitive read as the verb "avoir" is its participle's ("pour avoir frappé sa fille"),
    a second subject opening with "des" is the first's complement ("Un des deux auteurs"),
    the object of a fronted participle may be the subject its verb lacks, a fronted
    participle read as a sentence of its own modifies the clause after it (one tagged a
    noun and made a second subject too), so does a noun
    phrase cut off by a relative clause ("Un suspect, dont ..., a été interpellé"), a noun
    subject after a pronoun subject's comma says who the pronoun is, an adjective spelled as
    a harm participle is that participle, a noun with a passive auxiliary is the adjective
    after a copula ("769 sont morts"), a bare harm participle after a noun phrase
    describes its noun, a person's age
    set off by commas is not the subject ("Le suspect, 40 ans, a été arrêté"), and a
    capitalised noun the next name part hangs on is a name ("Alexandre Nisin", its first
    name tagged a noun), a lower-case word tagged a name is a common noun, and so is a
    verb with an article that is an argument, an article read as an argument is the
    determiner of the word after it, a phrase with a case word is coordinated with the
    one before that has it, and a genitive parted from its harm noun by an inserted
    phrase complements that noun; a compound infinitive without a relative
    word is no relative clause, and a stressed pronoun no copula's predicate."""
    for token in tokens:
        if _first_name_tagged_noun(token, g):
            token.pos_ = "PROPN"
        elif token.pos_ == "PROPN" and token.text.isalpha() and token.text.islower():
            token.pos_ = "NOUN"  # "le spéléologue": a name is capitalised
        elif token.pos_ == "VERB" and any(g.has(c, "determiner") for c in token.children) \
                and any(g.has(token, r) for r in ("subject", "passive_subject", "object")):
            token.pos_ = "NOUN"  # "Un second blessé a été transporté": a verb takes no article
        lemma = g.present_forms.get(token.lower_)
        if lemma is not None and token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm", []):
            token.lemma_ = lemma
        lemma = g.participle_forms.get(token.lower_)
        declared = _declared_harm(token, g)
        if lemma is not None and (token.pos_ == "ADJ" or declared is not None):
            # "un lycéen blessés": the tagger's adjective is the participle, in form too.
            token.lemma_, token.pos_ = lemma, "VERB" if declared is not None else token.pos_
            _mark_participle(token)
        if declared is not None:
            # "trois marins portés disparus", the parser's "disparus" a noun: the harm
            # participle describes the noun before, the declaring one hangs on it.
            token.head, token.dep_ = declared, g.labels["clausal_modifier"][0]
            declaring = token.nbor(-1)
            declaring.head, declaring.dep_, declaring.pos_ = token, "advmod", "VERB"
        if token.pos_ == "NOUN" and any(_being_auxiliary(c, g) for c in token.children):
            # "tandis que 769 sont morts", "L'un des deux hommes est mort", "morts" read as a
            # noun with an auxiliary of being: nouns take no auxiliary, so it is the
            # adjective after its copula.
            token.pos_ = "ADJ"
            for child in token.children:
                if _being_auxiliary(child, g):
                    child.dep_ = g.labels["copula"][0]
                elif g.has(child, "passive_subject"):
                    child.dep_ = g.labels["subject"][0]
        if _singular_by_article(token, g):
            # "la mort du Français Arnaud Giovaninetti": an invariable plural ending.
            token.morph = MorphAnalysis(
                token.vocab, str(token.morph).replace("Number=Plur", "Number=Sing"))
        if _digit_group(token):
            token.pos_ = "NUM"
            token.morph = MorphAnalysis(token.vocab, "NumType=Card")
        if _stray_numeral_subject(token, g) or _personal_expletive(token, g):
            token.dep_ = g.labels["subject"][0]
        if g.has(token, "subject") and any(
                g.has(c, "passive_auxiliary") for c in token.head.children):
            token.dep_ = g.labels["passive_subject"][0]
        if _stray_secondary(token, g):
            token.dep_ = g.labels["predicative"][0]
        _compound_infinitive(token, g)
        first = _subject_before(token, g)
        if first is not None:
            token.head = first
            token.dep_ = g.labels["noun_complement"][0]
        first = _subject_apposed(token, g) or _name_after_subject(token, g)
        if first is not None:
            token.head = first
            token.dep_ = g.labels["apposition"][0]
        verb = _subject_of_fronted_participle(token, tokens[0].i, g)
        if verb is not None:
            _make_subject(token, verb, g)
        if _inverted_subject(token, g):
            token.dep_ = g.labels["passive_subject"][0]
        subject = _subject_cut_off(token, tokens, g)
        if subject is not None:
            _make_subject(subject, token, g)
        _fronted_participle_tagged_noun(token, tokens, g)
        clause = _main_clause_of_fronted_participle(token, tokens, g)
        if clause is not None:
            token.head = clause
            token.dep_ = g.labels["adverbial_clause"][0]
        described = _described_by_participle(token, tokens[0].i, g)
        if described is not None:
            token.head = described
            token.dep_ = g.labels["clausal_modifier"][0]
        person = _person_before_age(token, g)
        if person is not None:
            _make_subject(person, token.head, g)
            token.head = person
            token.dep_ = g.labels["noun_complement"][0]
        noun = _relative_object(token, g)
        if noun is not None:
            token.pos_, token.dep_ = "PRON", g.labels["object"][0]
            token.morph = MorphAnalysis(token.vocab, "PronType=Rel")
            token.head.head, token.head.dep_ = noun, g.labels["relative_clause"][0]
        clause = _clause_of_infinitive(token, g)
        if clause is not None:
            token.head, token.dep_ = clause, g.labels["adverbial_clause"][0]
        _emphatic_pronoun_predicate(token, g)
        _article_as_argument(token, g)
        phrase = _conjoined_phrase(token, g)
        if phrase is not None:
            token.head = phrase
        noun = _harm_noun_past_incise(token, g)
        if noun is not None:
            token.head, token.dep_ = noun, g.labels["noun_complement"][0]
        _finite_verb_as_modifier(token, g)
        if _participle_in_apposition(token, g):
            token.dep_ = g.labels["clausal_modifier"][0]
        if _topic_before_colon(token, g):
            token.dep_ = "dislocated"
        elif _second_subject(token, g):
            token.dep_ = g.labels["object"][0]


def _singular_by_article(token: Token, g: Grammar) -> bool:
    """A noun tagged plural whose article, contracted into its case word, is singular
    ('du Français')."""
    articles = [c for c in token.children if "Art" in c.morph.get("PronType", [])
                and c.dep_ == "case"]
    return token.pos_ in _PERSON_POS and "Plur" in token.morph.get("Number", []) \
        and bool(articles) and all("Sing" in a.morph.get("Number", []) for a in articles)


def _being_auxiliary(token: Token, g: Grammar) -> bool:
    """A passive auxiliary, or a tense auxiliary that is not 'avoir' ('est mort')."""
    return g.has(token, "passive_auxiliary") or g.has(token, "tense_auxiliary") \
        and token.lemma_.lower() not in g.tense_auxiliary_lemmas


def _harm_noun_past_incise(token: Token, g: Grammar) -> Token | None:
    """'a annoncé la disparition, le mercredi 1er mai, de deux touristes', the genitive
    read as the verb's oblique once an inserted phrase parts it from its noun: a phrase
    in the genitive right after a comma, whose verb's object is a harm noun with no
    genitive of its own, complements that noun (returned)."""
    cases = _case_words(token)
    verb, doc = token.head, token.doc
    if not (cases & g.genitive_cases and g.has(token, "oblique") and verb.pos_ == "VERB"
            and token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ","):
        return None
    return next((o for o in verb.children if g.has(o, "object") and o.i < token.i
                 and o.lemma_.lower() in g.harm_nouns and not any(
                     g.has(c, "noun_complement") for c in o.children)), None)


def _conjoined_phrase(token: Token, g: Grammar) -> Token | None:
    """'les cadavres de 31 hommes et de huit femmes', the second phrase coordinated with
    the noun both complement: a phrase with a case word is coordinated with the phrase
    before it that has the same one (returned)."""
    cases = _case_words(token)
    head = token.head
    if not cases or not g.has(token, "conjunct") or any(c.dep_ == "case" for c in head.children):
        return None
    return next((c for c in reversed(list(head.children))
                 if c.i < token.i and cases & _case_words(c)), None)


def _case_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ == "case"}


def _case_phrase(case: Token) -> str:
    """A case word or conjunction with the words fixed to it ('de même que', 'ainsi
    qu'')."""
    return " ".join([case.lower_, *(c.lower_ for c in case.children if c.dep_ == "fixed")])


def _article_as_argument(token: Token, g: Grammar) -> None:
    """'un septuagénaire a été tué', the article read as the subject and the nominalised
    adjective as its modifier or a second subject: an article heads nothing, it is the
    determiner of the adjective after it, which takes its place. (Before a noun, the
    parser's article subject comes with worse errors around it.)"""
    relations = ("subject", "passive_subject", "object")
    if not (token.pos_ == "DET" and "Art" in token.morph.get("PronType", [])
            and any(g.has(token, r) for r in relations) and token.i + 1 < len(token.doc)):
        return
    word = token.nbor()
    if word.pos_ != "ADJ" or word.head not in (token, token.head):
        return
    if word.head == token:
        word.head, word.dep_ = token.head, token.dep_
    else:
        word.dep_ = token.dep_
    for child in list(token.children):
        child.head = word
    token.head, token.dep_ = word, g.labels["determiner"][0]


_SUBJECTS = ("subject", "passive_subject", "expletive_subject")
# Harms one person undergoes one after the other, each a claim of its own.
_SUCCESSIVE_HARMS = ({"killed", "missing"}, {"killed", "kidnapped"}, {"injured", "detained"})


def _finite_verb_as_modifier(token: Token, g: Grammar) -> None:
    """'un père tue son fils dans une altercation', the headline's verb read as an
    adjective of the noun before it and the rest as that noun's complements: a finite
    verb modifies no noun, so the noun is its subject, the first bare noun phrase after it
    its object and the others its obliques."""
    noun = token.head
    # Finite for sure: agreeing in person (an English past may be a participle), and not
    # spelled as its lemma (the tagger calls some infinitives finite).
    if not (token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm", [])
            and token.morph.get("Person", []) and token.lower_ != token.lemma_.lower()
            and g.has(token, "clausal_modifier")
            and noun.i < token.i and noun.pos_ in _PERSON_POS) or any(
                c.dep_ == "mark" or c.i < token.i and any(g.has(c, r) for r in _SUBJECTS)
                for c in token.children):
        return  # "alors qu'il se promenait": a subordinate clause with a subject of its own
    if noun.head == noun:
        token.head, token.dep_ = token, noun.dep_
    else:
        token.head, token.dep_ = noun.head, "parataxis"
    _make_subject(noun, token, g)
    bare = True
    for child in [c for c in noun.children if c.i > token.i]:
        child.head = token
        if bare and not any(c.dep_ == "case" for c in child.children):
            child.dep_, bare = g.labels["object"][0], False
        else:  # a language with no oblique label keeps its prepositional relation
            child.dep_ = (g.labels["oblique"] or (child.dep_,))[0]


def _participle_in_apposition(token: Token, g: Grammar) -> bool:
    """'Patrick Devedjian (mort le 28 mars)': a bare past participle set off after a noun
    describes it, whatever the parser's apposition says; with its own auxiliary or subject
    it is a clause."""
    return (g.has(token, "apposition") and token.pos_ == "VERB"
            and "Part" in token.morph.get("VerbForm", [])
            and "Past" in token.morph.get("Tense", []) and token.head.pos_ in _PERSON_POS
            and not any(c.pos_ == "AUX" or g.has(c, "subject") or g.has(c, "passive_subject")
                        for c in token.children))


def _topic_before_colon(token: Token, g: Grammar) -> bool:
    """'Somme : un septuagénaire décède', the headline's place before the colon read as a
    second subject: what stands before the colon names the topic, not who acted."""
    doc, end = token.doc, token.right_edge.i
    if doc[end].text != ":":  # the parser hangs the colon on the topic or after it
        end += 1
    return any(g.has(token, r) for r in _SUBJECTS) and end < len(doc) \
        and doc[end].text == ":" and any(
            any(g.has(c, r) for r in _SUBJECTS) and c.i > end for c in token.head.children)


def _second_subject(token: Token, g: Grammar) -> bool:
    """'Un chauffard tue une femme', the object read as a second subject: after an active
    verb that has a subject before it, a subject is its object. Not for a verb whose sense
    its arguments decide ('interpellent le président': arrest or address)."""
    verb = token.head
    return g.has(token, "subject") and verb.pos_ == "VERB" and verb.i < token.i \
        and verb.lemma_.lower() not in g.questionable_lemmas \
        and not any(g.has(c, "passive_auxiliary") for c in verb.children) \
        and any(g.has(c, "subject") and c.i < verb.i for c in verb.children)


def _clause_of_infinitive(token: Token, g: Grammar) -> Token | None:
    """'Un homme a tué quatre collègues avant d'être abattu', the compound infinitive read
    as a relative clause of the object: a relative clause has a relative word, so an
    infinitive without one is said of the clause its noun is in (returned, its verb).
    A bare infinitive may well be the noun's purpose ('an operation to detain')."""
    if not g.has(token, "relative_clause") or not any(
            c.pos_ == "AUX" and "Inf" in c.morph.get("VerbForm", []) for c in token.children) \
            or any("Rel" in c.morph.get("PronType", []) for c in token.subtree):
        return None
    clause = token.head
    while clause.pos_ != "VERB" and clause.head != clause:
        clause = clause.head
    return clause if clause.pos_ == "VERB" else None


def _emphatic_pronoun_predicate(token: Token, g: Grammar) -> None:
    """'Les quatre pilotes sont eux aussi morts', the stressed pronoun read as the
    predicate of the copula and the harm word as its oblique: the pronoun restates the
    subject, so the harm word after it is the predicate, with the copula, the subject
    and the pronoun on it."""
    if not (token.pos_ == "PRON" and "Prs" in token.morph.get("PronType", [])
            and any(g.has(c, "copula") for c in token.children)):
        return
    harm = next((c for c in token.children if c.i > token.i and c.pos_ in ("NOUN", "ADJ", "VERB")
                 and (c.lemma_.lower() in g.intransitive_harm
                      or g.participle_forms.get(c.lower_) is not None)), None)
    if harm is None:
        return
    harm.pos_ = "ADJ"
    if token.head == token:
        harm.head, harm.dep_ = harm, token.dep_
    else:
        harm.head, harm.dep_ = token.head, token.dep_
    for child in list(token.children):
        if child.i != harm.i:
            child.head = harm
    token.head, token.dep_ = harm, "dislocated"


def _relative_object(token: Token, g: Grammar) -> Token | None:
    """'les 149 personnes que cet homme a assassinées', the relative pronoun read as a
    conjunction: after a noun, it is the object of the harm participle it opens, when that
    has none of its own and agrees with the noun. The noun, or None."""
    verb, noun = token.head, token.nbor(-1) if token.i > 0 else None
    if noun is None or token.lower_ not in g.relative_objects or token.pos_ == "PRON" \
            or noun.pos_ != "NOUN" or verb.i < token.i \
            or verb.lemma_.lower() not in g.transitive_harm \
            or "Part" not in verb.morph.get("VerbForm", []) or not _agree(verb, noun) \
            or any(g.has(c, "object") and c.i != token.i for c in verb.children):
        return None
    return noun


def _personal_expletive(token: Token, g: Grammar) -> bool:
    """'Il s'est blessé à la main': the parser's expletive 'il' of a harm verb is a person;
    only impersonal verbs ('il s'agit', 'il faut') take an expletive subject."""
    verb = token.head
    lemma = verb.lemma_.lower()
    return g.has(token, "expletive_subject") and verb.pos_ == "VERB" and (
        lemma in g.transitive_harm or lemma in g.intransitive_harm or lemma in g.reflexive_harm)


def _first_name_tagged_noun(token: Token, g: Grammar) -> bool:
    return (token.pos_ == "NOUN" and token.text[:1].isupper()
            and any(g.has(c, "name_part") and c.pos_ == "PROPN" and c.i == token.i + 1
                    for c in token.children)
            and not any(g.has(c, "determiner") for c in token.children))


def _described_by_participle(token: Token, first: int, g: Grammar) -> Token | None:
    """'sur Roger Hanin, disparu le 11 février 2015', 'la fillette morte en 2013', 'Mahen
    Ramloll, 70 ans, mort le 22 mars', read with the participle on a verb far before it:
    a bare harm participle right after a noun phrase of the sentence (`first`, its first
    token), or after a comma that closes one, describes that noun (returned)."""
    lemma = token.lemma_.lower()
    if not (token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm", [])
            and (lemma in g.intransitive_harm or lemma in g.transitive_harm)
            and token.head.i < token.i
            and not any(c.pos_ == "AUX" or c.dep_ == "mark" or any(
                g.has(c, r) for r in ("subject", "passive_subject", "object"))
                for c in token.children)):
        return None
    doc, before = token.doc, token.i - 1
    if before > 0 and doc[before].text == ",":
        before -= 1
        # "Mahen Ramloll, 70 ans, mort": the person before the age.
        if doc[before].lemma_.lower() in g.age_units and before > 2 \
                and doc[before - 1].pos_ == "NUM" and doc[before - 2].text == ",":
            before -= 3
    noun = doc[before]
    while g.has(noun, "name_part") and noun.head.i < noun.i:
        noun = noun.head
    if noun.pos_ not in _PERSON_POS or noun.i < first:
        return None
    # On a noun it agrees with, in the same phrase ("L'Iranien Soleimani tué"), the
    # parser's head stands; "la veuve de John McCain, décédé" is McCain's.
    head = token.head
    mine, its = token.morph.get("Gender", []), head.morph.get("Gender", [])
    if g.has(token, "clausal_modifier") and head.left_edge.i <= noun.i <= head.right_edge.i \
            and _agree(token, head) and (not mine or not its or mine == its):
        return None
    return noun


def _make_subject(token: Token, verb: Token, g: Grammar) -> None:
    token.head = verb
    passive = any(g.has(c, "passive_auxiliary") for c in verb.children)
    token.dep_ = g.labels["passive_subject" if passive else "subject"][0]


def _person_before_age(token: Token, g: Grammar) -> Token | None:
    """'Le suspect, 40 ans, a été arrêté', read with the age as the verb's subject and the
    person as an oblique: the noun whose phrase ends at the comma before the age (returned)
    is the subject, when the verb has no other."""
    if token.lemma_.lower() not in g.age_units:
        return None
    verb, doc = token.head, token.doc
    number = next((c for c in token.children if c.pos_ == "NUM" and c.i == token.i - 1), None)
    if (number is None or number.i < 2
            or doc[number.i - 1].text != "," or verb.pos_ not in ("VERB", "ADJ")
            or verb.i < token.i):
        return None
    relations = ("subject", "passive_subject")
    if any(any(g.has(c, r) for r in relations) for c in verb.children if c != token):
        return None
    return next((c for c in verb.children if c.i < number.i and c.pos_ in _PERSON_POS
                 and c.right_edge.i == number.i - 2), None)


def _declared_harm(token: Token, g: Grammar) -> Token | None:
    """The noun a harm participle describes through the declaring participle before it
    ('le spéléologue porté disparu'), when that noun comes right before both."""
    if token.i < 2 or token.nbor(-1).lower_ not in g.declaring_forms \
            or g.participle_forms.get(token.lower_) not in g.intransitive_harm:
        return None
    noun = token.nbor(-2)
    # Re-hanging the participle under a noun it already governs would make a cycle.
    return noun if noun.pos_ in _PERSON_POS and not token.is_ancestor(noun) else None


def _digit_group(token: Token) -> bool:
    """'plus de 12 000 sont décédées': the tokeniser splits a number at the space between
    its digit groups, and the parser reads the last group as a pronoun."""
    return (len(token.text) == 3 and token.is_digit and token.i > 0
            and token.nbor(-1).is_digit and len(token.nbor(-1).text) <= 3
            and token.nbor(-1).whitespace_ == " ")


def _stray_numeral_subject(token: Token, g: Grammar) -> bool:
    """A numeral pronoun, or a number the parser made a verb's modifier ("Trois des
    victimes sont mortes"), standing before the predicate with only auxiliaries and
    adverbs after its own phrase."""
    head = token.head
    numeral = token.pos_ == "PRON" or token.pos_ == "NUM" and head.pos_ == "VERB"
    return (numeral and "Card" in token.morph.get("NumType", [])
            and head.i > token.i and head.pos_ in ("VERB", "NOUN", "ADJ")
            and not any(g.has(token, r) or g.has(c, r) for c in head.children
                        for r in ("subject", "passive_subject"))
            and all(t.pos_ == "AUX" or t.dep_ == "advmod"
                    for t in token.doc[token.right_edge.i + 1 : head.i]))


def _subject_before(token: Token, g: Grammar) -> Token | None:
    """'Un des deux auteurs a été interpellé', read with two subjects: a subject that opens
    with a genitive case word is the complement of the verb's subject before it (returned)."""
    relations = ("subject", "passive_subject")
    if not (any(g.has(token, r) for r in relations) and any(
            c.dep_ == "case" and c.lower_ in g.genitive_cases for c in token.children)):
        return None
    return next((c for c in token.head.children if c.i < token.i
                 and any(g.has(c, r) for r in relations)), None)


def _subject_apposed(token: Token, g: Grammar) -> Token | None:
    """'l'un des deux skieurs, une femme, a été retrouvée morte', read with two subjects: a
    noun subject right after the comma that closes a pronoun subject, with no conjunction,
    says who the pronoun is (the pronoun returned). After a count it is a breakdown ('Deux
    pilotes, un Turc et un Sud-Coréen')."""
    relations = ("subject", "passive_subject")
    if token.pos_ not in _PERSON_POS or not any(g.has(token, r) for r in relations):
        return None
    comma = token.left_edge.i - 1
    if comma < 1 or token.doc[comma].text != ",":
        return None
    return next((c for c in token.head.children if c.i < token.i and c.right_edge.i == comma - 1
                 and c.pos_ == "PRON" and any(g.has(c, r) for r in relations)), None)


def _name_after_subject(token: Token, g: Grammar) -> Token | None:
    """'le réalisateur du film "Shoah" Claude Lanzmann décède', read with two subjects: a
    name right after a noun subject's phrase, nothing but quotes between, is that noun's
    name (the noun returned)."""
    relations = ("subject", "passive_subject")
    if token.pos_ != "PROPN" or not any(g.has(token, r) for r in relations):
        return None
    return next((c for c in token.head.children if c.i < token.i and c.pos_ == "NOUN"
                 and any(g.has(c, r) for r in relations)
                 and all(t.is_punct and t.text != "," for t in
                         token.doc[c.right_edge.i + 1 : token.left_edge.i])), None)


def _compound_infinitive(token: Token, g: Grammar) -> None:
    """'pour avoir frappé à mort sa fille', read as the verb 'avoir' with the participle
    as its state: the participle is the verb, with the infinitive its tense auxiliary and
    the objects its own (else the participle's harm falls on the main clause's subject)."""
    if not (token.pos_ == "VERB" and token.lemma_.lower() in g.tense_auxiliary_lemmas
            and "Inf" in token.morph.get("VerbForm", [])):
        return
    participle = next((c for c in token.children if g.has(c, "predicative") and c.i > token.i
                       and "Part" in c.morph.get("VerbForm", [])), None)
    if participle is None:
        return
    for child in list(token.children):
        if g.has(child, "object"):
            child.head = participle
    participle.head = participle if token.head == token else token.head
    participle.dep_ = token.dep_
    token.head = participle
    token.dep_ = g.labels["tense_auxiliary"][0]


def _subject_of_fronted_participle(token: Token, first: int, g: Grammar) -> Token | None:
    """'Grièvement blessée, une passagère est décédée', read as 'blessée une passagère':
    the object of a bare participle that opens the sentence (`first`, its first token),
    when the verb it modifies has no subject, is that verb's subject (the verb returned)."""
    participle, verb = token.head, token.head.head
    if not (g.has(token, "object") and g.has(participle, "adverbial_clause")
            and "Part" in participle.morph.get("VerbForm", []) and participle.i < token.i < verb.i
            and not any(c.pos_ == "AUX" for c in participle.children)
            and all(t.pos_ in ("ADV", "PUNCT") for t in token.doc[first : participle.i])):
        return None
    if any(g.has(c, r) for c in verb.children for r in ("subject", "passive_subject")):
        return None
    return verb


def _fronted_participle_tagged_noun(token: Token, tokens: list[Token], g: Grammar) -> None:
    """'Blessé, l'un des deux suspects a été arrêté', the bare participle that opens the
    sentence tagged a noun and made a second subject: a noun takes an article, so it is
    the participle, a clause said of the subject after the comma."""
    lemma = g.participle_forms.get(token.lower_)
    verb = token.head
    if not (lemma is not None and token.pos_ == "NOUN" and token.i == tokens[0].i
            and token.i + 1 < len(token.doc) and token.nbor().text == ","
            and not any(c.pos_ != "PUNCT" for c in token.children)
            and any(g.has(token, r) for r in _SUBJECTS) and any(
                c.i > token.i and any(g.has(c, r) for r in _SUBJECTS)
                for c in verb.children)):
        return
    token.pos_, token.lemma_, token.dep_ = "VERB", lemma, g.labels["adverbial_clause"][0]
    _mark_participle(token)


def _mark_participle(token: Token) -> None:
    token.morph = MorphAnalysis(token.vocab, f"{token.morph}|Tense=Past|VerbForm=Part".lstrip("|"))


def _main_clause_of_fronted_participle(token: Token, tokens: list[Token], g: Grammar
                                       ) -> Token | None:
    """'Blessée légèrement par le souffle, une étudiante, locataire d'un appartement, a été
    transportée', read as two sentences: a bare participle that opens the sentence and ends
    at a comma modifies the root after it (returned)."""
    if not (token.head == token and token.pos_ == "VERB"
            and "Part" in token.morph.get("VerbForm", [])
            and not any(c.pos_ == "AUX" for c in token.children)
            and all(t.pos_ in ("ADV", "PUNCT") for t in tokens[: token.i - tokens[0].i])):
        return None
    comma = token.right_edge.i  # the parser may hang the comma on the participle
    if token.doc[comma].text != ",":
        comma += 1
    if comma > tokens[-1].i or token.doc[comma].text != ",":
        return None
    return next((t for t in tokens if t.head == t and t.i > comma), None)


def _inverted_subject(token: Token, g: Grammar) -> bool:
    """'Au Bénin, ont été enlevés le 1er mai les deux Français': a noun phrase with no
    preposition after a passive verb that has no subject is that verb's subject, whatever
    relation the parser gave it; only after a finite auxiliary ('avant d'être abattu jeudi'
    has none) and with a determiner or a number ('jeudi 3 octobre' is a date)."""
    verb = token.head
    subjects = (*verb.children, *(verb.head.children if g.has(verb, "conjunct") else ()))
    return (token.pos_ in _PERSON_POS and token.i > verb.i and verb.pos_ == "VERB"
            and (g.has(token, "oblique") or g.has(token, "object"))
            and not any(t.is_punct for t in token.doc[verb.i : token.left_edge.i])
            and not any(c.dep_ == "case" for c in token.children)
            and any(g.has(c, "determiner") or c.pos_ == "NUM" for c in token.children)
            and any(g.has(c, "passive_auxiliary") for c in verb.children)
            and any(c.pos_ == "AUX" and "Fin" in c.morph.get("VerbForm", [])
                    for c in verb.children)
            and not any(g.has(c, r) for c in subjects for r in ("subject", "passive_subject")))


def _subject_cut_off(token: Token, tokens: list[Token], g: Grammar) -> Token | None:
    """'Un troisième suspect, dont le profil n'est pas encore connu, a été interpellé',
    read as two sentences: a noun phrase that opens the sentence and ends at a comma is
    the subject of the subjectless verb right after it (the noun returned)."""
    if not (token.head == token and token.pos_ in ("VERB", "ADJ") and any(
            c.pos_ == "AUX" for c in token.children) and not any(
            g.has(c, r) for c in token.children for r in ("subject", "passive_subject"))):
        return None
    comma = token.left_edge.i  # the parser may hang the comma on the verb
    if token.doc[comma].text != ",":
        comma -= 1
    if comma <= tokens[0].i or token.doc[comma].text != ",":
        return None
    noun = token.doc[comma - 1]
    while noun.head != noun:
        noun = noun.head
    opening = token.doc[tokens[0].i : noun.i]
    if noun.pos_ not in _PERSON_POS or noun.left_edge.i != tokens[0].i \
            or noun.right_edge.i < comma - 1 or any(t.is_punct for t in opening):
        return None
    return noun


def _stray_secondary(token: Token, g: Grammar) -> bool:
    """'retrouvés morts' read as an oblique: a harm word right after its verb, with no
    preposition, is a state said of the verb's argument."""
    return (g.has(token, "oblique") and token.head.pos_ == "VERB" and token.i == token.head.i + 1
            and token.lemma_.lower() in g.intransitive_harm
            and not any(c.dep_ == "case" for c in token.children))


class SentenceEntities:
    """Named entities of one sentence: the doc's own when its pipeline ran NER, else
    found by `ner` on a copy of the sentence the first time they are asked for, else
    unknown."""

    def __init__(self, sentence: Span, ner: Callable[[Doc], Doc] | None) -> None:
        self.sentence = sentence
        self.ner = ner
        self._found: list[Span] | None = None

    def known(self) -> bool:
        return self.sentence.doc.has_annotation("ENT_IOB") or self.ner is not None

    def of(self, token: Token) -> Span | None:
        """The entity the token is part of, labelled, or None (call `known` first)."""
        if self._found is None:
            sentence, doc = self.sentence, self.sentence.doc
            if doc.has_annotation("ENT_IOB") or self.ner is None:
                self._found = list(sentence.ents)
            else:
                copy = self.ner(sentence.as_doc())
                self._found = [
                    Span(doc, e.start + sentence.start, e.end + sentence.start, e.label_)
                    for e in copy.ents
                ]
        return next((e for e in self._found if e.start <= token.i < e.end), None)


class SyntacticReader:
    """Reads one parsed sentence; `counts` index its tokens, `known` are the doc's
    mentions so far (this sentence's included), `text` the doc's text and `sentences` its
    sentences' character spans (the reader's sentence is `sentences[index]`), `entities`
    the sentence's named entities."""

    def __init__(
        self, lex: CasualtyLexicon, grammar: Grammar, tokens: list[Token], counts: list[CountSpan],
        index: int, known: list[Mention], text: str, sentences: list[tuple[int, int]],
        entities: SentenceEntities,
    ) -> None:
        self.lex = lex
        self.text = text
        self.sentences = sentences
        self.entities = entities
        self.grammar = grammar
        self.tokens = tokens
        self.first = tokens[0].i
        self.counts = counts
        self.index = index
        self.known = known

    def mentions(self) -> list[Mention]:
        """The victims of this sentence's harm predicates that no earlier reading found."""
        found: list[Mention] = []
        # Kept apart, so that they hide no one the sentence names: the report decides.
        possessed: list[Mention] = []
        for predicate in self.tokens:
            if self._wound_of_death(predicate) or self._alternative(predicate) \
                    or self._care_of_wounded(predicate):
                continue
            for outcome, victim in self._harmed(predicate):
                victim = self._antecedent(victim, predicate)
                counted = self._count_of(victim) is not None
                for noun in (victim, *self._companions(victim)):
                    if noun is not victim and counted and noun.pos_ == "PROPN":
                        continue  # "Deux Français, Antoine et Vincent": the two, named
                    mention = self._mention(noun, outcome, predicate, found)
                    if mention is not None:
                        (possessed if "possessive" in mention.flags else found).append(mention)
                    elif outcome == "killed":
                        self._died_of_wounds(noun, found)
        for toll in self.tokens:
            mention = self._toll_count(toll, found)
            if mention is not None:
                found.append(mention)
        for span in self.counts:
            mention = self._breakdown(span, found)
            if mention is not None:
                found.append(mention)
        for noun in self.tokens:
            zero = self._none_of(noun)
            if zero is not None and not self._read(noun, found):
                outcome, first = zero
                found.append(self._make(first.idx, noun, noun, Count(0, "exact"), outcome,
                                        "people", set()))
        return found + possessed

    def _toll_count(self, toll: Token, found: list[Mention]) -> Mention | None:
        """'le nombre de décès ... a dépassé le seuil des 70.000', 'porte le total des
        morts à 10.105': the number the verb of a toll noun gives it counts the toll's
        harm; a verb of exceeding makes it a lower bound."""
        g = self.grammar
        if toll.lemma_.lower() not in g.toll_nouns:
            return None
        harm, outcome = next(((c, found_outcome) for c in self._children(toll, "noun_complement")
                              if _case_words(c) & g.genitive_cases
                              and (found_outcome := self._harm_noun(c)) is not None),
                             (None, None))
        if harm is None or outcome is None:
            return None
        # "un total de décès ... dépassant désormais les 80.000": a participle says it too.
        verb = toll.head if any(g.has(toll, r) for r in ("subject", "object")) else next(
            (c for c in (*toll.children, *harm.children)
             if g.has(c, "clausal_modifier") and c.pos_ == "VERB"), None)
        if verb is None or verb.pos_ != "VERB" or self._negated(verb) \
                or not self._indicative(verb) or self.projected(verb):
            return None
        inside_toll = {t.i for t in toll.subtree}
        if verb.i in inside_toll:
            inside_toll -= {t.i for t in verb.subtree}  # the participle's number is not
        for span in self.counts:
            number = self._span_head(span)
            holder = number.head
            if holder.pos_ == "ADP":
                holder = holder.head  # English: "rose to 43", the number the object of "to"
            if holder.lemma_.lower() in g.threshold_nouns:
                holder = holder.head
            if holder != verb or number.i in inside_toll:
                continue
            if any(verb.i - self.first < other.start < span.start for other in self.counts):
                return None  # "s'élève à 17.714, soit 125 de plus": the first number is it
            last = self.tokens[span.end - 1]
            # "est passé de 12 à 20": a change, not a range of the toll.
            if span.count.qualifier == "range" or self._read(last, found, outcome):
                return None
            count = span.count
            if verb.lemma_.lower() in g.exceeding_lemmas and count.qualifier == "exact":
                count = Count(count.value, "more_than")
            return self._make(self._phrase_start(toll), last, verb, count, outcome, "people",
                              set())
        return None

    def _breakdown(self, span: CountSpan, found: list[Mention]) -> Mention | None:
        """'Au total, 71.104 sont mortes dans cette région, dont 39.680 au Brésil': a count
        that opens a relative clause with 'dont' on the clause of a larger toll of this
        sentence is part of it."""
        g = self.grammar
        number = self._span_head(span)
        if not g.has(number, "relative_clause") or not any(
                c.lower_ in g.breakdown_relatives for c in number.children if c.i < number.i):
            return None
        start = self.tokens[span.start]
        told = [m for m in (*self.known, *found) if m.sentence == self.index
                and m.end <= start.idx and (m.count.value or 0) > (span.count.value or 0)]
        if not told:
            return None
        parent = max(told, key=lambda m: m.start)
        last = self.tokens[span.end - 1]
        if self._read(last, found, parent.outcome):
            return None
        return self._make(start.idx, last, last, span.count, parent.outcome, parent.victims,
                          {"breakdown"})

    def _span_head(self, span: CountSpan) -> Token:
        """The token of a count's span that the parse hangs outside it."""
        tokens = self.tokens[span.start : span.end]
        return next((t for t in tokens if t.head == t
                     or not span.start <= t.head.i - self.first < span.end), tokens[-1])

    def _antecedent(self, victim: Token, predicate: Token) -> Token:
        """'un automobiliste qui a été légèrement blessé': a relative pronoun stands for the
        noun its clause modifies; a participle agrees with it, so a noun it disagrees with
        is not it but the nearest noun of that phrase it agrees with ('la mort des quatre
        filles qu'il a séquestrées')."""
        if not (victim.pos_ == "PRON" and "Rel" in victim.morph.get("PronType", [])
                and self.grammar.has(predicate, "relative_clause")):
            return victim
        head = predicate.head
        genitives = self._genitives(head) if self._harm_noun(head) is not None else []
        if genitives:
            # "la mort de Steve Maia Caniço, qui avait disparu": the person, not the death.
            return genitives[0]
        # A collective count agrees in sense ("une vingtaine d'élèves qui sont blessés").
        if "Part" not in predicate.morph.get("VerbForm", []) or _agree(predicate, head) \
                or self._counted(head):
            return head
        return next((n for n in reversed(list(head.subtree)) if head.i < n.i < victim.i
                     and n.pos_ in _PERSON_POS and _agree(predicate, n)), head)

    def _alternative(self, verb: Token) -> bool:
        """'Plusieurs dizaines ont été tués ou blessés': the guide's casualties that may have
        died or been hurt state neither ('victimes' alone); denied, both are denied ('No
        one was killed or injured'), and 'captured or killed' is the text's killed."""
        g = self.grammar
        outcome = self._outcome_of(verb)
        if outcome not in _CASUALTIES or self._negated(verb) or any(
                d.lower_ in g.zero_determiners
                for s in (*self._children(verb, "subject"),
                          *self._children(verb, "passive_subject"))
                for d in (s, *s.children)):
            return False
        pairs = [(verb, c) for c in verb.children if g.has(c, "conjunct")]
        if g.has(verb, "conjunct"):
            pairs.append((verb.head, verb))
        # The conjunction hangs on the second conjunct (UD) or on the first (English).
        return any(
            any(c.dep_ == "cc" and c.lower_ in g.alternative_conjunctions
                for c in (*first.children, *second.children) if first.i < c.i < second.i)
            and self._outcome_of(first if second is verb else second) in _CASUALTIES - {outcome}
            for first, second in pairs)

    def _one_count_for_two(self, noun: Token) -> bool:
        """'huit morts et disparus': a harm noun coordinated with a bare harm noun or
        adjective of another outcome, with no determiner, number or complement of its own,
        counts both together ('faisant 191 morts et blessant plus de 6.000 personnes' does
        not)."""
        g = self.grammar
        outcome = self._outcome_of(noun) if noun.pos_ == "NOUN" else None
        return outcome is not None and any(
            g.has(c, "conjunct") and c.pos_ in ("NOUN", "ADJ")
            and self._outcome_of(c) not in (None, outcome)
            and all(d.dep_ in ("cc", "punct", "amod", "advmod") for d in c.children)
            for c in noun.children)

    def _outcome_of(self, word: Token) -> str | None:
        """The outcome a harm verb's lemma states, whatever its voice, or a harm noun's (the
        parser's 'tués ou blessés' may end in a noun)."""
        g, lemma = self.grammar, word.lemma_.lower()
        if word.pos_ == "NOUN":
            return self._harm_noun(word)
        if word.pos_ not in ("VERB", "ADJ"):
            return None
        return g.transitive_harm.get(lemma) or g.intransitive_harm.get(lemma)

    def _care_of_wounded(self, predicate: Token) -> bool:
        """'Deux manifestants ont été blessés puis évacués vers l'hôpital': the people a
        coordinated injury tells are carried to care, not displaced."""
        g = self.grammar
        if self._outcome_of(predicate) != "displaced":
            return False
        # A later conjunct with its own subject tells others: "Trois soldats ont été
        # évacués et deux blessés".
        others = [c for c in predicate.children if g.has(c, "conjunct") and c.pos_ != "NOUN"
                  and not any(g.has(s, "subject") or g.has(s, "passive_subject")
                              or self._counted(s) for s in c.children)]
        if g.has(predicate, "conjunct"):
            others.append(predicate.head)
        return any(self._outcome_of(other) == "injured" for other in others)

    def _wound_of_death(self, predicate: Token) -> bool:
        """'L'individu est décédé après avoir été touché par balles': a wound in a clause
        of a death says how the person died; it is no injury of its own."""
        g, head = self.grammar, predicate.head
        if not g.has(predicate, "adverbial_clause") or any(
                g.has(c, "subject") or g.has(c, "passive_subject") for c in predicate.children):
            return False  # with a subject of its own, someone else's: "l'autre est blessé"
        lemma = predicate.lemma_.lower()
        wound = (g.intransitive_harm.get(lemma) or g.transitive_harm.get(lemma)
                 or self._idiom(predicate)) == "injured"
        death = (g.intransitive_harm.get(head.lemma_.lower())
                 or g.transitive_harm.get(head.lemma_.lower())) == "killed"
        return wound and death

    def _died_of_wounds(self, noun: Token, found: list[Mention]) -> None:
        """'Grièvement blessée, une passagère est décédée': one person this sentence told
        wounded and then, as the subject of a death, dead is one death."""
        if not any(self.grammar.has(noun, r) for r in ("subject", "passive_subject")):
            return  # "tué un passant et blessé quatre autres": the parser's shared object
        told = [m for m in (*self.known, *found)
                if m.sentence == self.index and m.start <= noun.idx < m.end]
        if any(m.outcome == "killed" for m in told):
            return
        for mention in told:
            if mention.outcome == "injured" and mention.count.value == 1:
                mention.outcome = "killed"

    def _harm_noun(self, noun: Token) -> str | None:
        """The outcome a harm noun states, by its form, its lemma or, for a noun whose
        complement makes it one, the idiom ('la garde à vue de deux hommes')."""
        g, lemma = self.grammar, noun.lemma_.lower()
        outcome = g.harm_nouns.get(noun.lower_) or g.harm_nouns.get(lemma)
        if outcome is not None:
            return outcome
        idiom = self._noun_idiom(noun)
        return idiom[0] if idiom is not None else None

    def _noun_idiom(self, noun: Token) -> tuple[str, Token] | None:
        """The outcome and the complement of a noun that its complement makes a harm ('la
        garde à vue', 'la mise en examen')."""
        g, lemma = self.grammar, noun.lemma_.lower()
        return next(((found, child) for child in noun.children for case in child.children
                     if case.dep_ == "case" and (found := g.harm_noun_idioms.get(
                         (lemma, case.lower_, child.lemma_.lower())))), None)

    def _none_of(self, noun: Token) -> tuple[str, Token] | None:
        """(outcome, first word) of a harm noun that counts none: 'aucune arrestation',
        'pas de blessés', 'sans toutefois faire de blessé', its conjunct 'ni de morts'."""
        g = self.grammar
        outcome = self._harm_noun(noun)
        if noun.pos_ != "NOUN" or outcome is None or self._genitives(noun):
            return None
        determiners = [d for d in noun.children if g.has(d, "determiner")]
        zero = next((d for d in determiners if d.lemma_.lower() in g.zero_determiners), None)
        if zero is not None:
            return outcome, zero
        negation = self._negation(noun.head) or next(
            (c for c in noun.head.children
             if c.dep_ == "mark" and c.lower_ in g.privative_marks), None)
        if negation is not None and g.has(noun, "object") and any(
                d.lower_ in g.partitive_determiners for d in determiners):
            return outcome, negation
        if g.has(noun, "conjunct") and self._none_of(noun.head) is not None:
            return outcome, min(noun.children, key=lambda c: c.i, default=noun)
        return None

    # -- who a predicate harms -------------------------------------------------

    def _harmed(self, token: Token) -> Iterator[tuple[str, Token]]:
        g = self.grammar
        if self._literal(token):
            return
        lemma = token.lemma_.lower()
        state = g.intransitive_harm.get(lemma) or g.transitive_harm.get(lemma)
        if state is not None and self._secondary(token):
            # "retrouvé mort", "found dead": a harm said of another verb's subject or object.
            yield from ((state, bearer) for bearer in self._bearers(token.head))
            return
        if lemma in g.negated_harm and any(
            "Neg" in c.morph.get("Polarity", []) for c in token.children
        ):
            # "n'a pas survécu", "did not survive".
            yield from ((g.negated_harm[lemma], s) for s in self._children(token, "subject"))
            return
        state = self._state(token)
        if state is not None and not self._negated(token):
            # "l'homme était en garde à vue", "huit personnes en garde à vue".
            if self._children(token, "copula"):
                yield from ((state, s) for s in self._children(token, "subject"))
            elif g.has(token, "noun_complement") and token.head.pos_ in _PERSON_POS:
                yield state, token.head
            return
        outcome = self._harm_noun(token) if token.pos_ == "NOUN" else None
        if outcome is not None:
            if not self._states_harm(token):
                return
            if self._children(token, "copula") and not any(
                    g.has(d, "determiner") for d in token.children):
                # "le maire est mort": the parser reads the participle as a noun predicate;
                # "c'est la mort du Français Arnaud Giovaninetti" is the noun, its genitive.
                yield from ((outcome, s) for s in self._children(token, "subject"))
                return
            genitives = self._genitives(token)
            for complement in genitives:
                yield outcome, complement
            if not genitives and outcome != "killed":
                # "après son interpellation": the possessive stands for the person; "sa
                # mort" restates a death the report tells by a name or a headline.
                yield from ((outcome, d) for d in token.children
                            if g.has(d, "determiner") and d.lower_ in g.singular_possessives)
            return
        if token.pos_ not in ("VERB", "ADJ") or self._negated(token):
            return
        # "ont mis la main sur trois cambrioleurs": the verb and its object make a harm of
        # those the case word introduces.
        seized = next((found for c in token.children if g.has(c, "object")
                       and (found := g.object_idioms.get((lemma, c.lemma_.lower())))), None)
        if seized is not None:
            case, outcome = seized
            yield from ((outcome, c) for c in self._children(token, "oblique")
                        if any(w.dep_ == "case" and w.lower_ == case for w in c.children))
            return
        # "ont laissé leur vie"; "laisser la vie sauve" spares it.
        life = next((c for c in token.children if g.has(c, "object")
                     and c.lemma_.lower() in g.life_nouns
                     and not any(a.pos_ == "ADJ" for a in c.children)), None)
        if life is not None:
            if lemma in g.life_takers:
                for victim in (*self._datives(token), *self._genitives(life)):
                    yield "killed", victim
            elif lemma in g.life_losers:
                for subject in self._children(token, "subject"):
                    yield "killed", subject
            return
        causative = self._causative(token)
        if causative and lemma in g.reflexive_causative_harm:
            yield from ((g.reflexive_causative_harm[lemma], subject) for subject in (
                self._children(token, "subject") or self._children(token, "passive_subject")))
            return
        if lemma in g.reflexive_harm and self._reflexive(token) and not causative:
            yield from ((g.reflexive_harm[lemma], subject) for subject in (
                self._children(token, "subject") or self._children(token, "passive_subject")))
            return
        # "a trouvé la mort"; "s'est donné la mort", not "a donné la mort à".
        death = g.death_finders.get(lemma) or (
            g.reflexive_death_finders.get(lemma) if self._reflexive(token) else None)
        if death is not None and any(g.has(c, "object") and c.lemma_.lower() == death
                                     for c in token.children):
            yield from (("killed", subject) for subject in self._children(token, "subject"))
            return
        if lemma in g.injury_bearers and any(
                (g.has(c, "object") or g.has(c, "oblique")) and c.lemma_.lower() in g.injury_nouns
                and not any(d.lemma_.lower() in g.zero_determiners for d in c.children)
                for c in token.children):  # "qui ne souffrent d'aucune blessure": unhurt
            yield from (("injured", subject) for subject in self._children(token, "subject"))
            return
        passive = self._passive(token)
        # "six soldats tués", "the wounded soldiers": a past participle modifying its noun.
        modified = self._modified(token)
        participle = modified is not None
        # The complement decides first: "évacués vers l'hôpital" are wounded, not displaced.
        idiom = self._idiom(token)
        transitive = None if lemma in g.intransitive_harm else idiom or g.transitive_harm.get(lemma)
        if lemma in g.human_agent_harm and not self._human_agent(token, passive or participle):
            return
        if transitive is not None:
            elliptical = self._elliptical(token)
            if (passive or participle or elliptical or causative) and (
                    lemma not in g.active_only or self._fatal_agent(token)):
                yield from ((transitive, s) for s in self._children(token, "passive_subject")
                            or self._controller(token))
                if modified is not None:
                    yield transitive, modified
                if elliptical or causative:
                    yield from ((transitive, s) for s in self._children(token, "subject"))
            elif not passive and not participle and lemma not in g.passive_only:
                yield from ((transitive, o) for o in self._objects(token))
            return
        intransitive = g.intransitive_harm.get(lemma)
        if intransitive is not None:
            # "disparue à 74 ans": the age at death makes a disappearance a death.
            intransitive = idiom or intransitive
            # "est décédé": the parser often reads the auxiliary "être" as a passive's.
            subjects = self._children(token, "subject") or self._children(
                token, "passive_subject")
            yield from ((intransitive, s) for s in subjects)
            if modified is not None:
                yield intransitive, modified

    def _states_harm(self, noun: Token) -> bool:
        """Whether a harm noun states a harm: not in a title ('Les Corps impatients'), a
        person's name for a role ('le garde du corps'), or a negated clause ('le corps n'a
        jamais été retrouvé')."""
        title = self._capitalised_within(noun) or self._quoted_title(noun)
        role = self.grammar.has(noun, "noun_complement") and (
            self._listed(noun.head) is not None
            or noun.head.lemma_.lower() in self.grammar.person_lemmas)
        negated = noun.head != noun and self._negated(noun.head) and any(
            self.grammar.has(noun, r) for r in ("subject", "passive_subject", "object"))
        return not (title or role or negated)

    @staticmethod
    def _quoted_title(noun: Token) -> bool:
        """'sa collaboration à "La mort d'Orion"': a capitalised phrase that a quote opens
        and closes before any verb is a title ('« La mort de Jean est un drame »' is not)."""
        doc, first = noun.doc, noun.left_edge
        while first.i < noun.i and (first.is_punct or first.dep_ == "case"):
            first = doc[first.i + 1]  # the phrase's own first word, past "à" and the quote
        if first.i == 0 or not first.text[:1].isupper() or doc[first.i - 1].text not in _QUOTES:
            return False
        after = doc[first.i + 1 : first.i + _TITLE_LENGTH]
        end = next((t for t in after if t.text in _QUOTES or t.pos_ in ("VERB", "AUX")), None)
        return end is not None and end.text in _QUOTES

    def _capitalised_within(self, token: Token) -> bool:
        """A capital not owed to the sentence's start: a name or a title."""
        return token.text[:1].isupper() and token.i > self.tokens[0].i

    def _state(self, noun: Token) -> str | None:
        """The harm a person is in when the noun and its case word say where ("en garde à
        vue", "en détention", "en otage")."""
        if noun.pos_ != "NOUN":
            return None
        case = next((c for c in noun.children if c.dep_ == "case"), None)
        return None if case is None else self.grammar.states.get(
            (case.lower_, noun.lemma_.lower()))

    def _modified(self, participle: Token) -> Token | None:
        """The noun a past participle modifies: the nearest one up its noun phrase that
        agrees with it, whatever the parser attached it to ('cinq membres de la communauté
        tchétchène interpellés', 'un frère de Chérif Chekatt arrêté'), or the subject of
        the clause it opens ('Blessé à une main, ce Malien ...')."""
        g = self.grammar
        fronted = g.has(participle, "adverbial_clause") and participle.i < participle.head.i
        if not (g.has(participle, "clausal_modifier") or g.has(participle, "unattached")
                or fronted) \
                or "Part" not in participle.morph.get("VerbForm", []) \
                or "Pres" in participle.morph.get("Tense", []) or any(
                    c.pos_ == "AUX" or g.has(c, "subject") or g.has(c, "passive_subject")
                    for c in participle.children):
            return None  # with its own auxiliary or subject, a clause of its own
        if fronted:
            # "Blessé à une main, ce Malien a été interpellé": the clause's subject.
            return next((c for c in participle.head.children if _agree(participle, c) and (
                g.has(c, "subject") or g.has(c, "passive_subject"))), None)
        node = participle.head
        for _ in range(_NOUN_PHRASE_DEPTH):
            if self._nominal(node) and _agree(participle, node):
                return node
            if node.pos_ in _PERSON_POS and g.has(node, "conjunct") \
                    and "Plur" in participle.morph.get("Number", []):
                # "une femme et sa mère abattues": a plural after the last of singulars
                # says it of them all, from the first.
                return node.head
            if node.head == node or not (g.has(node, "noun_complement")
                                         or g.has(node, "clausal_modifier")):
                return None
            node = node.head
        return None

    def _negation(self, token: Token) -> Token | None:
        """The word that negates the token ('n'ont pas été blessés', 'were not injured'): not
        the clitic that also opens restrictions ('n'a été blessé que légèrement'), and a bare
        word: the parser tags 'plus' of 'a emporté plus de 200 personnes' a negation too."""
        return next((c for c in token.children if "Neg" in c.morph.get("Polarity", [])
                     and not any(c.children)
                     and c.lemma_.lower() not in self.grammar.negation_clitics), None)

    def _literal(self, verb: Token) -> bool:
        """Whether a complement gives the harm word a sense other than harm: a clitic
        pronoun, the case word or the noun of an oblique its `literal_senses` list ("en
        sont tombées" fell, "morts de rire" laughed)."""
        g = self.grammar
        sense = g.literal_senses.get(verb.lemma_.lower())
        if sense is None or verb.pos_ not in ("VERB", "NOUN", "ADJ"):
            return False
        clitics, cases, nouns = sense
        return any(c.pos_ == "PRON" and c.lower_ in clitics or g.has(c, "oblique") and (
            c.lemma_.lower() in nouns
            or any(w.dep_ == "case" and w.lower_ in cases for w in c.children))
            for c in verb.children)

    def _reflexive(self, verb: Token) -> bool:
        """A verb with a reflexive clitic ("s'est blessé") or object ("killed himself",
        "blew themselves up", the clitic when the parser calls it the object)."""
        g = self.grammar
        return any((g.has(c, "reflexive") or g.has(c, "object"))
                   and "Yes" in c.morph.get("Reflex", []) for c in verb.children)

    def _controller(self, verb: Token) -> list[Token]:
        """'Un homme a tué quatre collègues avant d'être abattu', 'ont pu être retrouvés et
        ont été placés en garde à vue': a non-finite clause with no subject of its own, or
        the verb coordinated with it, is said of its main clause's subject."""
        g = self.grammar
        if g.has(verb, "conjunct") and verb.head.pos_ == "VERB":
            verb = verb.head
        # "ont pu être retrouvés" happened; "doit être déféré" is yet to be.
        ruled = g.has(verb, "predicative") and _past(verb.head)
        if not (g.has(verb, "adverbial_clause") or ruled) or not any(
                c.pos_ == "AUX" and set(c.morph.get("VerbForm", [])) & {"Inf", "Ger"}
                for c in verb.children):
            return []
        main = verb.head
        # "a tenté de tuer sa femme avant d'être arrêté": up the infinitives to a subject.
        while not (self._children(main, "subject") or self._children(main, "passive_subject")) \
                and g.has(main, "predicative") and main.head != main:
            main = main.head
        return self._children(main, "subject") or self._children(main, "passive_subject")

    def _causative(self, verb: Token) -> bool:
        """'un policier s'est fait agresser': the subject underwent the verb."""
        return self._reflexive(verb) and any(
            c.lemma_.lower() in self.grammar.causative_lemmas for c in verb.children)

    def _negated(self, token: Token) -> bool:
        return self._negation(token) is not None

    def _harms(self, token: Token) -> bool:
        """Whether the word is a harm verb, whatever its voice."""
        lemma = token.lemma_.lower()
        return token.pos_ in ("VERB", "ADJ") and (
            lemma in self.grammar.transitive_harm or lemma in self.grammar.intransitive_harm)

    def _secondary(self, token: Token) -> bool:
        """A state predicated of another verb's argument: an adjective, noun or bare past
        participle in the predicative relation ('retrouvé mort'), not an infinitive or a
        compound verb ('doit mourir', 'soupçonné d'avoir tué')."""
        g = self.grammar
        return g.has(token, "predicative") and (
            token.pos_ in ("ADJ", "NOUN") or "Part" in token.morph.get("VerbForm", [])
        ) and not any(c.pos_ == "AUX" or g.has(c, "object") or g.has(c, "subject")
                      for c in token.children)

    def _bearers(self, verb: Token) -> list[Token]:
        """Who a secondary predicate on `verb` is said of: its object when active ('la
        police a retrouvé le randonneur blessé'), else its subject, found up a chain of
        such predicates ('un alpiniste porté disparu retrouvé mort')."""
        g = self.grammar
        while g.has(verb, "predicative") and not self._children(verb, "subject") \
                and verb.head != verb:
            verb = verb.head
        if not self._passive(verb):
            objects = self._children(verb, "object")
            if objects:
                return objects
        return self._children(verb, "passive_subject") or self._children(verb, "subject")

    def _idiom(self, verb: Token) -> str | None:
        """'ont été mis en examen', 'placés en détention provisoire': a verb whose
        complement or degree adverb makes it a harm; the parser may hang that complement on
        the verb's object ('ont battu un homme à mort') or on the noun the verb describes
        ('une mère battue à mort')."""
        g = self.grammar
        lemma = verb.lemma_.lower()
        if lemma in g.graded_harm and any(c.lemma_.lower() in g.injury_adverbs
                                          for c in verb.children):
            return g.graded_harm[lemma]  # "un peintre a été gravement touché"
        # "*" stands for any harm verb: "poignardés à mort" is a death.
        verbs = (lemma, "*") if lemma in g.transitive_harm else (lemma,)
        nouns = self._children(verb, "object")
        if g.has(verb, "clausal_modifier"):
            nouns.append(verb.head)
        complements = (*verb.children,
                       *(c for noun in nouns for c in noun.children if c.i > verb.i))
        for child in complements:
            for case in (c for c in child.children if c.dep_ == "case"):
                for key in verbs:
                    outcome = g.harm_idioms.get((key, case.lower_, child.lemma_.lower()))
                    if outcome is not None:
                        return outcome
        return None

    def _objects(self, verb: Token) -> list[Token]:
        """The active verb's objects; a verb with none shares those of the verb coordinated
        after it, when that has no subject of its own ('a avoué avoir enlevé puis tué la
        petite Maëlys')."""
        g = self.grammar
        objects = self._bare_objects(verb)
        if objects:
            return objects + self._stray_conjuncts(verb, objects[0])
        for conjunct in verb.children:
            if g.has(conjunct, "conjunct") and conjunct.pos_ == "VERB" and not any(
                    g.has(c, r) for c in conjunct.children for r in _SUBJECTS):
                return self._bare_objects(conjunct)
        return []

    def _bare_objects(self, verb: Token) -> list[Token]:
        # An "object" with a case word is an oblique ("rouant de coups").
        return [o for o in self._children(verb, "object")
                if not any(c.dep_ == "case" for c in o.children)]

    def _stray_conjuncts(self, verb: Token, obj: Token) -> list[Token]:
        """Nouns after the object that the parser coordinated with the verb instead of the
        object ("a tué un boucher et un client", "ainsi qu'un client"): with no verb or
        subject of their own they cannot be a clause, so they are further objects."""
        g = self.grammar
        return [
            c for c in verb.children
            if c.i > obj.i and c.pos_ in _PERSON_POS
            and (g.has(c, "conjunct") or any(d.dep_ == "cc" for d in c.children))
            and not any(d.pos_ in ("VERB", "AUX") or g.has(d, "subject") for d in c.children)
        ]

    def _children(self, token: Token, relation: str) -> list[Token]:
        """The token's dependents in `relation`; a coordinated verb with none of its own
        shares its first verb's ('a été mis en examen puis écroué'), unless it has a subject
        of its own, in either voice: then it is a clause of its own ('Vingt personnes sont
        en réanimation, et une personne est décédée')."""
        g = self.grammar
        found: list[Token] = [c for c in token.children if g.has(c, relation)]
        if not found and g.has(token, "conjunct") and token.head.pos_ == "VERB" and not any(
                g.has(c, "subject") or g.has(c, "passive_subject") for c in token.children):
            found = [c for c in token.head.children if g.has(c, relation)]
        return found

    def _genitives(self, noun: Token) -> list[Token]:
        """'la mort de X' (X a nominal modifier with 'de'), 'the killing of X' (X the object
        of 'of'); the parser may hang X on an idiom's complement ('la mise en examen de
        X')."""
        g = self.grammar
        found: list[Token] = []
        for child in self._children(noun, "noun_complement"):
            if child.pos_ == "ADP" and child.lower_ in g.genitive_cases:
                found.extend(c for c in child.children if c.pos_ in _PERSON_POS)
            elif any(c.dep_ == "case" and c.lower_ in g.genitive_cases for c in child.children):
                found.append(child)
        idiom = self._noun_idiom(noun) if not found and noun.pos_ == "NOUN" else None
        return self._genitives(idiom[1]) if idiom is not None else found

    def _datives(self, verb: Token) -> list[Token]:
        g = self.grammar
        return [
            child for child in self._children(verb, "oblique")
            if any(c.dep_ == "case" and c.lower_ in g.dative_cases for c in child.children)
        ]

    def _companions(self, noun: Token) -> list[Token]:
        """Coordinated nouns and comitative companions ('enlevés avec leur interprète'),
        and a person the parser coordinated with a complement of the noun that is no
        person ('une fillette de 4 ans et son frère', read as 'ans et son frère'; with its
        own preposition, 'le meurtre d'une infirmière et de son patient', it is the
        complement's conjunct)."""
        g = self.grammar
        found: list[Token] = [c for c in noun.conjuncts if c.i > noun.i]
        found.extend(
            c for complement in noun.children
            if g.has(complement, "noun_complement") and self._victims(complement) is None
            for c in complement.conjuncts if c.i > complement.i
            and any(g.has(d, "determiner") for d in c.children)
            and not any(d.dep_ == "case" for d in c.children) and self._victims(c) is not None)
        head = noun.head
        for sibling in head.children:
            # "ainsi qu'un passant", which the parser coordinates with the verb.
            if sibling.pos_ in _PERSON_POS and any(
                c.dep_ in ("case", "cc") and _case_phrase(c) in g.comitative_cases
                for c in sibling.children
            ):
                companions = [sibling]
            elif sibling.pos_ == "ADP" and g.has(sibling, "noun_complement"):
                # English prepositions head their objects: "detained the leader along with
                # three other suspects" (along → with → suspects).
                companions = [
                    person for preposition in (sibling, *sibling.children)
                    if preposition.pos_ == "ADP" and preposition.lower_ in g.comitative_cases
                    for person in preposition.children if person.pos_ in _PERSON_POS
                ]
            else:
                continue
            for companion in companions:
                found.append(companion)
                found.extend(c for c in companion.conjuncts if c.i > companion.i)
        return found

    # -- the mention -----------------------------------------------------------

    def _mention(
        self, noun: Token, outcome: str, predicate: Token, found: list[Mention]
    ) -> Mention | None:
        described = self._apposed(noun)
        if described is not None and self._victims(described) is not None:
            # "George Floyd, un Afro-américain de 46 ans tué": the victim is the one the
            # apposition describes; "Deux Français, Antoine et Vincent": the count, read.
            described, noun = noun, described
        if (self._read(noun, found, outcome)
                or (described is not None and self._read(described, found, outcome))
                or self.projected(predicate) or self._questioned(predicate)
                or self._intended(predicate) or self._planned(predicate)):
            return None
        group = self._group_of_one(noun)
        if group is not None and self._indicative(predicate):
            # "l'un des deux suspects a été interpellé": one of those people; "l'un des
            # deux skieurs, une femme": the apposition says which.
            told = next((self._victims(c) for c in noun.children
                         if self.grammar.has(c, "apposition") and c.pos_ == "NOUN"
                         and self._victims(c)),
                        None) or self._refined(group, self._victims(group) or "people")
            return self._make(self._phrase_start(noun), noun, predicate, Count(1, "exact"),
                              outcome, told, set())
        headless = self._headless(noun)
        if headless is not None:
            start = self.tokens[headless.start].idx
            return self._make(start, noun, predicate, headless.count, outcome,
                              self._drawn_from(headless.count, found), set())
        together = self._all_of(noun, predicate)
        if together is not None:
            # "Elles sont toutes les deux décédées": the pronoun's people, counted there;
            # the same toll already stated is theirs, told again.
            if not self._indicative(predicate) or any(
                    m.outcome == outcome and m.count.value == together.count.value
                    for m in (*self.known, *found)):
                return None
            return self._make(noun.idx, noun, predicate, together.count, outcome, "people",
                              set())
        if noun.lower_ in self.grammar.singular_possessives:
            # "son arrestation": one person, told elsewhere; the report's pass decides
            # whether it is the only statement of that harm (`possessive_claims`).
            return self._make(noun.idx, noun, predicate, Count(1, "exact"), outcome, "people",
                              {"person", "possessive"})
        if self._pronoun(noun):
            # "Il a été placé en garde à vue": one person, told before, harmed anew; a
            # harm of that kind already stated is likely theirs. Only a passive or a
            # reflexive harm ("il s'est suicidé") in the indicative: "il meurt", "il
            # disparaît des écrans", "il serait mort" are as often figures of speech; one
            # person evacuated or hospitalised is a patient, one who hurt himself is not.
            reflexive = predicate.lemma_.lower() in self.grammar.reflexive_harm \
                and self._reflexive(predicate)
            if (outcome == "displaced" or outcome == "injured" and not reflexive
                    or not reflexive and not any(
                        self.grammar.has(noun, relation)
                        for relation in self.grammar.pronoun_victim_relations)
                    or not self._indicative(predicate)
                    or any(m.outcome == outcome for m in (*self.known, *found))):
                return None
            # The quote starts at the verb when the pronoun is its object ("killing him").
            return self._make(min(noun.idx, predicate.idx), noun, predicate, Count(1, "exact"),
                              outcome, "people", {"person"})
        if not self._nominal(noun) or self._apposed(noun) is not None:
            return None
        count = self._count_of(noun)
        # "Adama Traoré, jeune homme noir décédé": the description may say who.
        victims = self._victims(noun)
        if described is not None and victims is not None:
            victims = self._listed(described) or victims
        if count is not None:
            start = self.tokens[count.start].idx
            if victims is None or any(
                    m.outcome == outcome and m.count == count.count and m.sentence == self.index
                    and self.text[m.end : start].strip() == "," for m in (*self.known, *found)):
                # "Une deuxième personne, une jeune femme, a été blessée": the same person,
                # described, whatever the parser hangs the description on.
                return None
            flags: set[str] = set()
            if self._definite(self.tokens[count.start].lower_):
                # "ses parents": a pair told by a description, harmed once, at first statement.
                key = name_flag(noun.lower_)
                if told_before(key, outcome, (*self.known, *found)):
                    return None
                flags = {"person", key}
            return self._make(start, noun, predicate, count.count, outcome,
                              self._refined(noun, victims), flags)
        if "Plur" in noun.morph.get("Number", []) and not self._full_name(noun):
            return None  # "des civils ont été tués": no value; "Nordahl Lelandais" is one
        return self._individual(noun, outcome, predicate, victims, found)

    def _nominal(self, token: Token) -> bool:
        """A noun, or an adjective its determiner or number makes one ('une sexagénaire est
        morte', 'Deux autres, inculpées')."""
        return token.pos_ in _PERSON_POS or token.pos_ == "ADJ" and any(
            self.grammar.has(c, "determiner") or c.pos_ == "NUM" for c in token.children)

    def _apposed(self, noun: Token) -> Token | None:
        """What the noun stands in apposition to: 'Deux Français, Antoine et Vincent,
        enlevés' (names set against a count are the people it counts, not more)."""
        while self.grammar.has(noun, "conjunct") and noun.head != noun:
            noun = noun.head
        return noun.head if self.grammar.has(noun, "apposition") else None

    def _read(self, noun: Token, found: list[Mention], outcome: str | None = None) -> bool:
        """Whether a mention already covers the noun's phrase; a missing person found dead
        ('le corps d'une femme portée disparue', 'la mort de Steve, qui avait disparu') is
        told missing and killed, in either order, and so is one kidnapped then killed
        ('avoir enlevé puis tué la petite Maëlys')."""
        start = noun.left_edge.idx if noun.left_edge.i < noun.i else noun.idx
        end = noun.idx + len(noun.text)
        return any(m.start < end and start < m.end
                   and {outcome, m.outcome} not in _SUCCESSIVE_HARMS
                   for m in (*self.known, *found))

    def _count_of(self, noun: Token) -> CountSpan | None:
        """The count inside the noun's phrase, before the noun ('six Nigériens')."""
        left = noun.left_edge.i - self.first
        position = noun.i - self.first
        # "plus de 200 personnes": the qualifier may be parsed outside the noun's phrase;
        # "arrêté en dix jours 1.828 personnes": so may a count right before the noun.
        # A number in digits not across a comma: a date the parser put in the phrase ("Le
        # 16 décembre 2017, Ramses ..."), where "Un éminent scientifique, le spécialiste"
        # is one.
        inside = [c for c in self.counts if c.end == position or left < c.end < position
                  and not (self.tokens[c.end - 1].is_digit
                           and any(t.pos_ == "PUNCT" for t in self.tokens[c.end : position]))]
        return inside[-1] if inside else None

    def _all_of(self, noun: Token, predicate: Token) -> CountSpan | None:
        """The count a floating quantifier gives a plural personal pronoun ('elles sont
        toutes les deux décédées', 'ils ont été tués tous les trois')."""
        g = self.grammar
        if not (noun.pos_ == "PRON" and "3" in noun.morph.get("Person", [])
                and "Plur" in noun.morph.get("Number", [])
                and noun.lower_ not in g.impersonal_pronouns):
            return None
        clause = {t.i for t in predicate.subtree} - {t.i for t in noun.subtree}
        for span in self.counts:
            if span.start + self.first not in clause:
                continue
            # "toutes les deux", "tous deux": the quantifier, then determiners only.
            before = self.tokens[max(0, span.start - 2) : span.start]
            quantifier = next((i for i, t in enumerate(before)
                               if t.lower_ in g.floating_quantifiers), None)
            if quantifier is not None and all(t.pos_ == "DET" for t in before[quantifier + 1:]):
                return span
        return None

    def _pronoun(self, noun: Token) -> bool:
        """A third-person singular personal pronoun subject ('il', 'elle', 'she')."""
        morph = noun.morph
        return (
            noun.pos_ == "PRON" and "3" in morph.get("Person", [])
            and "Sing" in morph.get("Number", [])
            and noun.lower_ not in self.grammar.impersonal_pronouns
        )

    def _indicative(self, verb: Token) -> bool:
        """Neither the verb nor its auxiliaries in the conditional or subjunctive (a
        causative one too: "qu'il se fasse lyncher")."""
        return not any(
            mood in ("Cnd", "Sub")
            for t in (verb, *(c for c in verb.children
                              if c.dep_.startswith("aux") or c.pos_ == "AUX"))
            for mood in t.morph.get("Mood", [])
        )

    def _headless(self, noun: Token) -> CountSpan | None:
        """'Des dizaines ont été arrêtés', 'trois ont été tués': the count is the victim
        phrase itself, with no noun after it saying who ('des dizaines de manifestants'
        is read by its noun)."""
        position = noun.i - self.first
        # "trois d'entre eux" keeps its antecedent's people; "trois des otages" is read by
        # its noun.
        complements = [*self._genitives(noun), *(
            child for child in noun.children
            if any(c.dep_ == "case" for c in child.children))]
        if self._listed(noun) is not None or any(c.pos_ != "PRON" for c in complements):
            return None
        # "quatre autres sont en détention": the others a count makes a noun of.
        others = noun.lower_ in self.grammar.other_modifiers
        count = next((c for c in self.counts if c.start <= position < c.end
                      or others and c.end == position), None) or self._ordinal_one(noun)
        if count is None or count.end < len(self.tokens) and (
                self.tokens[count.end].pos_ in _PERSON_POS):
            return None  # "près de 1.500 pickpockets": the noun after the count says who
        # The elided noun is people only where people were named before it ("Parmi ces
        # blessés, trois ont été hospitalisés"), not "30 millions sont tués [des bêtes]".
        named = any(self._listed(t) for t in self.tokens[: count.start])
        return count if named or self.known else None

    def _ordinal_one(self, noun: Token) -> CountSpan | None:
        """'un troisième a été blessé', 'a third was wounded': one more of those counted."""
        article = next((c for c in noun.children if self.grammar.has(c, "determiner")
                        and "Ind" in c.morph.get("Definite", [])), None)
        # An adjective that reads as a number is an ordinal.
        if article is None or not (noun.like_num and noun.pos_ == "ADJ") \
                or "Plur" in noun.morph.get("Number", []):
            return None
        return CountSpan(article.i - self.first, noun.i - self.first + 1, Count(1, "exact"), False)

    def _drawn_from(self, count: Count, found: list[Mention]) -> str:
        """The type of the people a headless count is drawn from ('Trois hommes ont été
        mis en examen. L'un a été placé en détention'): the last larger count of this
        sentence or the one before; else people."""
        larger = [m for m in (*self.known, *found)
                  if m.sentence >= self.index - 1 and (m.count.value or 0) > (count.value or 0)]
        return max(larger, key=lambda m: m.start).victims if larger else "people"

    def _full_name(self, noun: Token) -> bool:
        """A proper noun with name parts ('Marine P.', 'Nordahl Lelandais'): one person."""
        return noun.pos_ == "PROPN" and any(self.grammar.has(c, "name_part")
                                            for c in noun.children)

    def _listed(self, noun: Token) -> str | None:
        """The victim type the lexicon gives the noun's form or lemma, or the last element
        of a compound ('grand-frère', 'belle-mère', 'ex-militaire'), but a child's: a kin
        compound names adults as often ('sa petite-fille', 'son beau-fils'). A name says
        no type, whatever common noun its first part spells ('Marine P.')."""
        if self._full_name(noun):
            return None
        for form in (noun.lower_, noun.lemma_.lower()):
            victims = self.lex.victim_nouns.get((form,))
            if victims is not None:
                return victims
        prefix, hyphen, last = noun.lower_.rpartition("-")
        victims = self.lex.victim_nouns.get((last,)) if prefix and hyphen else None
        return "people" if victims == "children" else victims

    def _victims(self, noun: Token) -> str | None:
        """The victim type the noun names, 'people' for any other person, None for things."""
        lex = self.lex
        victims = self._listed(noun)
        if victims is not None:
            return victims
        if noun.lower_ in lex.not_people or noun.lower_ in self.grammar.harm_nouns:
            return None
        if noun.pos_ == "PROPN":
            return "people"
        return "people" if self._person_noun(noun) else None

    def _person_noun(self, noun: Token) -> bool:
        """Generic evidence that a noun the lexicon lacks denotes people: a demonym
        (capitalised, 'Nigériens'), a person's name in apposition ('le bluesman Lucky
        Peterson') or an agent suffix ('traducteur', 'pasteur')."""
        g = self.grammar
        lemma = noun.lemma_.lower()
        if noun.text[:1].isupper() and noun.text[1:2].islower() or self._titles_name(noun):
            return True
        if lemma in g.person_lemmas:
            return True
        if lemma in g.not_person_suffix_words or noun.lower_ in g.not_person_suffix_words:
            return False
        return lemma.endswith(g.person_suffixes)

    def _titles_name(self, noun: Token) -> bool:
        """Whether a person's name stands in apposition right after the noun, past its
        adjectives only ('le bluesman américain Lucky Peterson'): further away, the name
        is as often another noun's, misattached."""
        g = self.grammar
        return self.entities.known() and any(
            (g.has(child, "apposition") or g.has(child, "name_part"))
            and child.pos_ == "PROPN" and child.i > noun.i
            and all(t.pos_ in ("ADJ", "PUNCT") for t in noun.doc[noun.i + 1 : child.i])
            and (entity := self.entities.of(child)) is not None
            and entity.label_ == g.person_entity
            for child in noun.children
        )

    def _own_name(self, noun: Token) -> Token | None:
        """The person's name a description carries after it, with no case word ('l'acteur
        Jean-Yves Chatelais', 'le réalisateur du film "Shoah" Claude Lanzmann'), as the
        recogniser tells a person."""
        g = self.grammar
        if not self.entities.known():
            return None
        return next((c for c in noun.children
                     if c.pos_ == "PROPN" and c.i > noun.i
                     and any(g.has(c, r) for r in ("apposition", "name_part", "noun_complement"))
                     and not any(w.dep_ == "case" for w in c.children)
                     and (entity := self.entities.of(c)) is not None
                     and entity.label_ == g.person_entity), None)

    def _individual(
        self, noun: Token, outcome: str, predicate: Token, victims: str | None,
        found: list[Mention],
    ) -> Mention | None:
        """One person (two for a couple) without a count word, at the first statement of
        their harm (the guide's "Counts and individuals"): a name ('Mary Smith est
        décédée', 'la mort de George Floyd') or a person noun with a definite or possessive
        determiner ('le tireur a été arrêté', 'leur chauffeur'), deaths of any cause."""
        g = self.grammar
        determiners = [c for c in noun.children if g.has(c, "determiner")]
        # "au gendarme", "du chauffeur": a case word with the definite article in it.
        contracted = any(c.dep_ == "case" and "Def" in c.morph.get("Definite", [])
                         for c in noun.children)
        # "ce guide" points at one person as surely as "le guide".
        demonstrative = any("Dem" in d.morph.get("PronType", []) for d in determiners)
        definite = demonstrative or contracted or any(self._definite(d.lower_) for d in determiners)
        name = noun.pos_ == "PROPN" and not determiners and not noun.text.isupper() \
            or self._name_tagged_noun(noun)
        headline = self._headline_noun(noun, predicate)
        if victims is None or not (definite or name or headline):
            return None
        if (noun.pos_ == "PROPN" or noun.text[:1].isupper()) and self.entities.known():
            entity = self.entities.of(noun)
            # A nationality is a person whatever the recogniser calls it ("ce Malien"), and
            # so is a name a child's adjective, a person's name or a person noun in
            # apposition marks ("la petite Maëlys", "l'Afro-Américain George Floyd",
            # "Nordahl Lelandais, cet ancien militaire").
            person = noun.lower_ in g.demonyms or noun.lemma_.lower() in g.demonyms \
                or self._titles_name(noun) \
                or any(c.lower_ in g.child_adjectives for c in noun.children) \
                or any(g.has(c, "apposition") and c.pos_ == "NOUN"
                       and self._listed(c) is not None for c in noun.children)
            if not person and (entity is None and noun.pos_ == "PROPN" or entity is not None
                               and entity.label_ != g.person_entity):
                return None  # "la mort cérébrale de l'Otan", "La Tour Eiffel a été évacuée"
        article = demonstrative or contracted or any(
            "Art" in d.morph.get("PronType", []) and "Def" in d.morph.get("Definite", [])
            for d in determiners
        )
        earlier = (*self.known, *found)
        # The noun it is coordinated with is someone else ("l'interpellation du grand-oncle
        # et de la grande-tante").
        before = [m for m in earlier if not (
            g.has(noun, "conjunct") and m.sentence == self.index
            and m.start <= noun.head.idx < m.end)]
        own = None if name else self._own_name(noun)
        if (article or name) and any(
                m.outcome == outcome and m.count.value == 1
                and (article or "headline" in m.flags)
                and (own is None or m.sentence == self.index or not self._by_name(m))
                for m in before):
            # "le tireur présumé a été abattu": the one just counted, again; "Journaliste
            # tuée : ... la journaliste Lyra McKee": the headline's person, named. After
            # people named in earlier sentences, a description with a name of its own is
            # someone else ("l'acteur Jean Piat meurt" in a year's obituaries).
            return None
        named = noun if name else own
        key = name_flag(noun.lemma_.lower() if named is None
                        else " ".join(t.text for t in self._name(named)).lower())
        if told_before(key, outcome, earlier) \
                or named is not None and self._named_before(named, outcome):
            return None
        # "un suspect a été arrêté ... le suspect": the person counted before, again.
        if own is None and any(m.outcome == outcome and m.count.value == 1
               and noun.lower_ in self.text[m.start : m.end].lower() for m in earlier):
            return None
        # "le jeune couple arrêté": two people, whatever words part the article.
        people = g.couple_nouns.get(noun.lemma_.lower(), 1)
        return self._make(self._phrase_start(noun), noun, predicate, Count(people, "exact"),
                          outcome, self._refined(noun, victims),
                          {"person", key, "headline"} if headline else {"person", key})

    def _by_name(self, mention: Mention) -> bool:
        """Whether the mention tells its person by name: the last word of its name flag
        capitalised in its quote ('Erdal Ozturk a été interpellé', not 'le gendarme')."""
        quote = self.text[mention.start : mention.end]
        surnames = [flag.removeprefix("name:").rsplit(" ", 1)[-1]
                    for flag in mention.flags if flag.startswith("name:")]
        return any(found.group()[:1].isupper() for surname in surnames
                   for found in re.finditer(rf"\b{re.escape(surname)}\b", quote, re.IGNORECASE))

    def _headline_noun(self, noun: Token, participle: Token) -> bool:
        """'Pompier blessé par balle dans l'Essonne', 'Corée du Sud: leader religieux
        arrêté': a headline drops the article, so a singular common noun with no determiner
        or case word that opens the sentence, or what follows its colon, and that a harm
        participle describes, is one person ('Symbole de ..., il a été abattu' is not)."""
        g = self.grammar
        if noun.pos_ != "NOUN" or "Sing" not in noun.morph.get("Number", []) or any(
                g.has(c, "determiner") or c.dep_ == "case" for c in noun.children) \
                or participle.head != noun or not g.has(participle, "clausal_modifier"):
            return False
        first = noun.left_edge.i - self.first
        return first == 0 or self.tokens[first - 1].text == ":"

    def _name_tagged_noun(self, noun: Token) -> bool:
        """'Riss, 53 ans, avait été grièvement blessé': a capitalised noun with no
        determiner that the recogniser calls a person is a name the tagger missed."""
        return (noun.pos_ == "NOUN" and noun.text[:1].isupper()
                and not any(self.grammar.has(c, "determiner") for c in noun.children)
                and noun.text[1:2].islower() and self.entities.known()
                and (entity := self.entities.of(noun)) is not None
                and entity.label_ == self.grammar.person_entity)

    def _named_before(self, noun: Token, outcome: str) -> bool:
        """'deux militaires ont été tués : Alain Bertoncello et Cédric de Pierrepont ...
        la mort d'Alain': a name in an earlier sentence that stated the same harm is the
        same person, told again."""
        parts = [t.text for t in self._name(noun) if t.text[:1].isupper()]
        said = {m.sentence for m in self.known if m.outcome == outcome and m.sentence < self.index}
        return any(
            re.search(rf"\b{re.escape(part)}\b", self.text[start:end])
            for index, (start, end) in enumerate(self.sentences) if index in said
            for part in parts
        )

    def _name(self, noun: Token) -> list[Token]:
        """The tokens of the person's name the noun starts ('Jean Dupont', 'Nabil
        al-Quaety'): its person entity's, else its name parts."""
        named = noun.pos_ == "PROPN" and self.entities.known() or self._name_tagged_noun(noun)
        entity = self.entities.of(noun) if named else None
        if entity is not None and entity.label_ == self.grammar.person_entity:
            return [t for t in entity if t.i >= noun.i]
        return sorted([noun, *(c for c in noun.children if self.grammar.has(c, "name_part"))],
                      key=lambda t: t.i)

    def _human_agent(self, verb: Token, passive: bool) -> bool:
        """Whether people did what the verb says, or the text does not say who did it: the
        agent of a passive ('frappé par des fêtards'), the subject of an active verb."""
        # The parser may hang the agent on the verb's other complement ("frappés mercredi
        # par un drone").
        agents = [t for t in verb.subtree if verb.i in (t.head.i, t.head.head.i)
                  and self._by_agent(t)] if passive else self._children(verb, "subject")
        return all(a.pos_ == "PRON" or self._victims(a) is not None for a in agents)

    def _fatal_agent(self, verb: Token) -> bool:
        """'emportée par un cancer': the verb's agent is one of those that make it a death."""
        agents = self.grammar.fatal_agents.get(verb.lemma_.lower(), frozenset())
        return any(c.lemma_.lower() in agents and self._by_agent(c) for c in verb.children)

    def _by_agent(self, phrase: Token) -> bool:
        """Whether a case word makes the phrase a passive's agent ('par les eaux')."""
        return any(w.dep_ == "case" and w.lower_ in self.grammar.agent_cases
                   for w in phrase.children)

    def _agent(self, token: Token) -> bool:
        """'ses trois agresseurs l'ont laissé pour mort': the active subject of a verb that
        harms its object did the harm ('trois personnes se sont blessées' did it to
        themselves)."""
        g, verb = self.grammar, token.head
        if token.pos_ not in _PERSON_POS or not g.has(token, "subject") or verb.pos_ != "VERB":
            return False
        # "dozens more injured": a participle without an auxiliary is passive in meaning.
        bare = "Part" in verb.morph.get("VerbForm", []) and not any(
            c.dep_.startswith("aux") for c in verb.children)
        if bare or self._passive(verb) or any(
                "Yes" in c.morph.get("Reflex", []) for c in verb.children):
            return False
        return verb.lemma_.lower() in g.transitive_harm or self._idiom(verb) is not None

    def _passive(self, verb: Token) -> bool:
        """A passive verb, or one coordinated with a passive without an auxiliary of its
        own ('ont été arrêtés puis écroués', not '... a été atteint et avait arrêté')."""
        g = self.grammar
        return any(g.has(c, "passive_auxiliary") for c in verb.children) or (
            g.has(verb, "conjunct")
            and not any(c.dep_.startswith("aux") for c in verb.children)
            and any(g.has(c, "passive_auxiliary") for c in verb.head.children)
        )

    def _elliptical(self, verb: Token) -> bool:
        """A headline's passive without its auxiliary: a past participle heading the clause
        ('Vaulx-en-Velin : un enfant de 5 ans gravement blessé') or with a subject of its
        own wherever the parser hung it ('une femme abattue, le père grièvement blessé')."""
        g = self.grammar
        hung = any(g.has(verb, r) for r in ("clausal_modifier", "conjunct", "unattached"))
        return ((verb.head == verb or hung and any(g.has(c, "subject") for c in verb.children))
                and "Part" in verb.morph.get("VerbForm", [])
                and "Past" in verb.morph.get("Tense", [])
                and not any(c.dep_.startswith("aux") for c in verb.children))

    def _definite(self, word: str) -> bool:
        """A definite or possessive determiner ('le', 'ses', 'their')."""
        return word in self.lex.definite_determiners or word in self.lex.possessives

    def _questioned(self, predicate: Token) -> bool:
        """'l'élu était interpellé sur ses revenus', 'interpellé par des gilets jaunes', 'la
        députée a interpellé le ministre': questioned, not arrested: a question's topic, or
        a person other than the security forces doing it."""
        g = self.grammar
        if predicate.lemma_.lower() not in g.questionable_lemmas:
            return False
        # A relative pronoun stands for the noun its clause modifies ("Brigitte Bardot, qui
        # interpelle le président").
        subjects = [predicate.head if "Rel" in subject.morph.get("PronType", []) else subject
                    for subject in self._children(predicate, "subject")]
        if not self._passive(predicate) and any(
            self._victims(subject) is not None and not self._security(subject)
            for subject in subjects
        ):
            return True  # "la députée a interpellé le ministre": a person calls on another
        for child in predicate.children:
            cases = {c.lower_ for c in child.children if c.dep_ == "case"}
            # "sur ses revenus" is a topic; "sur la vingtaine de personnes visées", a share.
            if cases & g.questioning_cases and not self._counted(child):
                return True
            # "par les gilets jaunes", not the adverb "par ailleurs".
            if cases & g.agent_cases and child.pos_ != "ADV" and not self._security(child):
                return True
        return False

    def _counted(self, token: Token) -> bool:
        """Whether the token is a count's word ('vingtaine', 'trois')."""
        return any(c.start <= token.i - self.first < c.end for c in self.counts)

    def _security(self, noun: Token) -> bool:
        """Whether a phrase names the army, police or other security forces."""
        return "security_forces" in (self._listed(noun), self._refined(noun, "people"))

    def _phrase_start(self, noun: Token) -> int:
        """Where the noun's phrase starts, past a preposition or conjunction before it."""
        g = self.grammar
        for token in noun.subtree:
            if token.i == noun.i or not (
                token.dep_ in ("case", "cc", "punct", "mark", "prep", "fixed")
                or g.has(token, "conjunct")
            ):
                return token.idx
        return noun.idx

    def _refined(self, noun: Token, victims: str) -> str:
        """'le chef adjoint de la milice': a modifier in the phrase says which side."""
        if victims not in ("people", "combatants"):
            return victims
        # Not what a clause in it says: "Jacob Blake, un Afro-Américain blessé par la police".
        clauses = {t.i for c in noun.subtree if c != noun
                   and self.grammar.has(c, "clausal_modifier") for t in c.subtree}
        text = "".join(t.text_with_ws for t in noun.subtree if t.i not in clauses)
        # "Nordahl Lelandais, cet ancien militaire": no longer in the forces.
        former = self._former(t.lower_ for t in noun.subtree)
        for side, pattern in self.lex.modifiers.items():
            if pattern.search(text) and not (former and side in _ARMED_TYPES):
                return side
        return victims

    def _make(
        self, start: int, noun: Token, predicate: Token, count: Count, outcome: str,
        victims: str, flags: set[str],
    ) -> Mention:
        # The quote runs to a predicate that follows closely ("quatre Maliens tués"), and
        # over a name's other parts ("Jean Dupont").
        g = self.grammar
        if predicate.i < noun.i and g.has(predicate, "adverbial_clause") \
                and noun.head == predicate.head \
                and any(g.has(noun, r) for r in ("subject", "passive_subject")):
            # "Disparue depuis plusieurs jours, la jeune fille": from the fronted participle.
            start = min(start, predicate.left_edge.idx)
        # "l'acteur Jean Piat meurt": over the name a description carries too.
        last = self._name(self._own_name(noun) or noun)[-1]
        if last.i < predicate.i and (
            predicate.i <= last.i + 3 or self._describes(predicate, noun)
        ):
            last = predicate
            # "killed himself", "blew themselves up": the reflexive object says who.
            last = max((c for c in predicate.children if c.i > predicate.i
                        and "Yes" in c.morph.get("Reflex", []) and c.pos_ == "PRON"),
                       key=lambda c: c.i, default=last)
        idiom = self._noun_idiom(last) if last.pos_ == "NOUN" else None
        if idiom is not None and idiom[1].i > last.i:
            last = idiom[1]  # "sa mise en examen": the idiom whole
        return Mention(
            start=start, end=last.idx + len(last.text), sentence=self.index, count=count,
            outcome=outcome, victims=victims, flags=flags | {"syntax"},
        )

    def _describes(self, predicate: Token, noun: Token) -> bool:
        """Whether the predicate modifies an apposition of the noun ('George Floyd, un
        Afro-américain de 46 ans tué'): the quote runs to it."""
        head = predicate.head
        return self.grammar.has(predicate, "clausal_modifier") and head != noun \
            and self._apposed(head) == noun

    # -- who the victims were ----------------------------------------------------

    def _inside(self, mention: Mention) -> list[Token]:
        """The sentence's tokens that start inside the mention's quote."""
        return [t for t in self.tokens if mention.start <= t.idx < mention.end]

    def outcome(self, mention: Mention) -> str:
        """The mention's outcome, a death where its injuring verb says the injury killed
        ('deux migrants ont été mortellement blessés', 'poignardés à mort'), an injury
        where its killing verb has a degree ('grièvement électrocutée')."""
        if mention.outcome not in _CASUALTIES:
            return mention.outcome
        inside = self._inside(mention)
        # The tagger calls a participle an adjective as often as a verb ("ont été
        # mortellement blessés").
        verbs = [t for t in inside if t.pos_ in ("VERB", "ADJ")] + [
            t.head for t in inside if t.head not in inside and t.head.pos_ in ("VERB", "ADJ")
            and any(self.grammar.has(t, r) for r in ("subject", "passive_subject", "object"))]
        g = self.grammar
        if mention.outcome == "killed":
            # Not when another verb says the death ("atteinte grièvement et est décédée").
            hurt = [v for v in verbs if any(c.lemma_.lower() in g.injury_adverbs
                                            for c in v.children)]
            died = any(self._outcome_of(w) == "killed" for v in verbs
                       for w in (v, *(c for c in v.children if g.has(c, "conjunct")))
                       if w not in hurt)
            return "injured" if hurt and not died else mention.outcome
        fatal = any(self._idiom(v) == "killed" or any(
            c.lemma_.lower() in g.fatal_adverbs for c in v.children) for v in verbs)
        return "killed" if fatal else mention.outcome

    def typed(self, mention: Mention) -> str:
        """The mention's victim type made as specific as its phrase's grammar allows: a
        minor's age ('un jeune de 13 ans') makes children, feminine gender on a person
        ('deux accompagnatrices', 'sa collègue', 'Mary Smith est décédée') women."""
        victims = mention.victims
        inside = self._inside(mention)
        # "ancien", "former", or the prefix of "ex-militaire".
        if victims in _ARMED_TYPES and self._former(t.lower_ for t in inside):
            return "people"  # "un ancien militaire", "an ex-policeman": the guide's people
        if victims not in _GENERAL_TYPES and victims not in ("women", "men"):
            return victims
        last = inside[-1] if inside else None
        if last is not None and self._minors_after(last.idx + len(last.text)):
            return "children"
        # A harm verb's prepositional complement last: "Blessé à une main, ce Malien" is
        # the Malien.
        noun = next((t for t in sorted(inside, key=lambda t: t.pos_ == "NOUN"
                                       and self._harms(t.head)
                                       and any(c.dep_ == "case" for c in t.children))
                     if self._nominal(t) and not self._counted(t)
                     and self._victims(t) is not None), None)
        among = self._among_type(inside) if victims == "people" else None
        if among is not None:
            return among
        if noun is None and victims == "people":
            return self._antecedent_type(inside) or victims
        if noun is None or victims not in _GENERAL_TYPES:
            return victims
        # A name the tagger took for a common noun is still capitalised mid-sentence (and
        # singular: "des milliers de Croates" is a nationality).
        name = noun.pos_ == "PROPN" or self._capitalised_within(noun) \
            and "Plur" not in noun.morph.get("Number", [])
        named_as = self._named_as(noun) if name else None
        # A suspect held is told by what they did, not by a role (see `_role`).
        if named_as not in (None, "people") and (
                named_as != "civilians" or mention.outcome != "detained"):
            return named_as
        if self._feminine(noun, mention.count.value == 1):
            return "women"
        return "civilians" if victims == "people" and self._role(noun, mention) else victims

    def _among_type(self, inside: list[Token]) -> str | None:
        """'quatre blessés parmi les policiers', 'four wounded among the soldiers': the
        people a harm word counts are of the type of those it counts them among, on the
        word or on its head."""
        g = self.grammar
        for word in inside:
            if self._outcome_of(word) is None:
                continue
            for child in (c for parent in {word, word.head} for c in parent.children):
                if child.pos_ == "ADP" and child.lower_ in g.among_cases:  # English
                    groups = [c for c in child.children if c.pos_ in _PERSON_POS]
                elif any(c.dep_ == "case" and c.lower_ in g.among_cases for c in child.children):
                    groups = [child]
                else:
                    continue
                # Not a phrase the noun alone does not type ("le personnel médical").
                for group in groups:
                    victims = None if any(c.pos_ == "ADJ" for c in group.children) \
                        else self._listed(group)
                    if victims not in (None, "people"):
                        return victims
        return None

    def _antecedent_type(self, inside: list[Token]) -> str | None:
        """'Un homme est entré au tribunal, où il s'est suicidé': a personal pronoun is the
        nearest person noun before it in its sentence that agrees with it in gender and
        number, and has its type."""
        pronoun = next((t for t in inside if self._pronoun(t)), None)
        if pronoun is None:
            return None
        for token in reversed(self.tokens[:pronoun.i - self.first]):
            if token.pos_ == "NOUN" and self._victims(token) is not None and all(
                    token.morph.get(feature, []) == pronoun.morph.get(feature, [])
                    for feature in ("Gender", "Number")):
                return "women" if self._feminine(token, True) else self._listed(token)
        return None

    def generic(self, mention: Mention) -> bool:
        """Whether a mention typed people names them only as persons, by what befell them
        or by a pronoun ('deux morts', 'trois personnes sont mortes', 'dont 5', 'il a été
        interpellé'), so that the story may say who they were; not a name, a role or
        'autres'."""
        if mention.victims != "people":
            return False
        g = self.grammar
        for token in self._inside(mention):
            lower, lemma = token.lower_, token.lemma_.lower()
            if lower in g.other_modifiers:
                return False
            if self._counted(token) or not self._nominal(token):
                continue
            if lower in g.harm_nouns or lemma in g.harm_nouns:
                continue
            if token.pos_ == "PROPN" or self._capitalised_within(token) or (
                    lower not in g.plain_person_nouns and lemma not in g.plain_person_nouns
                    and self._victims(token) is not None):
                return False
        return True

    def _former(self, words: Iterable[str]) -> bool:
        """Whether lower-cased words say "no longer" of a role: "ancien", "former", or the
        prefix of "ex-militaire" (the guide's former soldiers are people)."""
        return any(word.split("-")[0] in self.grammar.former_modifiers for word in words)

    def _named_as(self, noun: Token) -> str | None:
        """The victim type the report gives the named person anywhere (the same name is the
        same person): a child by an adjective or an age ('la petite Angélique', 'Maëlys, 8
        ans'), else the most specific description beside the name, the word just before it
        ('le caporal Arthur Noyer', 'son frère Thierry') or an apposition just after
        ('Chadwick Boseman, acteur principal', 'Adrien Perez, ce jeune homme de 26 ans')."""
        g = self.grammar
        name = " ".join(t.text for t in self._name(noun))
        described: list[str] = []
        for found in re.finditer(rf"\b{re.escape(name)}\b", self.text):
            clause = re.split(r"[,.;:!?()«»\"\n]", self.text[max(0, found.start() - 60):
                                                            found.start()])[-1]
            before = _WORD.findall(clause)[-1:]
            if not before:
                # "Médecin de campagne à Wassy (Haute-Marne), Guy Pfister": a description
                # fronted to open the sentence.
                opening = self.text[self._sentence_start(found.start()):found.start()]
                if opening.rstrip().endswith(","):
                    before = [word.lower() for word in _WORD.findall(opening)[:1]]
            if before and before[0].lower() in g.child_adjectives or self._minors_after(
                    found.end()):
                return "children"
            apposition = re.match(r",\s*([^,.;:!?()«»\"\n]*)", self.text[found.end():])
            after: list[str] = []
            if apposition:
                lead = re.match(r"\w+['’]?", apposition.group(1))
                word = lead.group().lower().replace("’", "'") if lead else ""
                # Not the next clause ("Dans le cas de George Floyd, l'agent", "X, et sa
                # femme") nor the next complement ("la mort de Jordy, de sa compagne").
                if not lead or not (self._definite(word) or lead.group() in self.lex.coordinators
                                    or word in g.genitive_cases or word in g.dative_cases
                                    or word in g.comitative_cases):
                    after = _WORD.findall(apposition.group(1))[:3]
            # "cet ancien militaire": no longer in the forces, so people (the guide).
            former = self._former(word.lower() for word in (*before, *after))
            described.extend("people" if former and t in _ARMED_TYPES else t
                             for word in (*before, *after) if word.islower()
                             and (t := self._described_as(word)) is not None)
        return min(described, key=_SPECIFICITY.index, default=None)

    def _sentence_start(self, offset: int) -> int:
        return max((start for start, _ in self.sentences if start <= offset), default=0)

    def _described_as(self, word: str) -> str | None:
        """The victim type a description word gives a person: the lexicon's, else a
        non-combatant's for a role noun ('acteur', 'roi'), but none for a perpetrator."""
        listed = self.lex.victim_nouns.get((word,))
        if listed is not None:
            return listed
        g = self.grammar
        return "civilians" if word in g.person_lemmas and word not in g.perpetrator_nouns \
            else None

    def _minors_after(self, offset: int) -> bool:
        """Whether ages under majority follow ('de 13 ans', ', âgés de 15 et 16 ans')."""
        age = self.grammar.minor_age.match(self.text, offset)
        return age is not None and all(int(a) < _MAJORITY for a in age.groups() if a)

    def _role(self, noun: Token, mention: Mention) -> bool:
        """Whether harmed people are told by a role the lexicon lacks ('un alpiniste',
        'l'écrivain', 'deux promeneurs'): a non-combatant's, since armed roles are listed.
        A suspect held is told by what they did ('l'organisateur', 'le fournisseur'), not
        by a role, and kin, friends or perpetrators are no role."""
        return (
            mention.outcome != "detained"
            and noun.pos_ == "NOUN"
            and not noun.text[:1].isupper()
            and self._listed(noun) is None
            and noun.lower_ not in self.lex.relation_nouns
            and noun.lemma_.lower() not in self.grammar.harm_nouns
            and noun.lemma_.lower() not in self.grammar.perpetrator_nouns
        )

    def _feminine(self, noun: Token, one: bool) -> bool:
        """Whether a person noun names women: French marks a woman, or women only, by the
        feminine of a common noun, unless the noun is feminine whatever the sex
        ('personne', 'victime') or a demonym ('des Croates'); one person's name shows it
        in its participle ('Mary Smith est décédée')."""
        g = self.grammar
        if noun.pos_ == "PROPN":
            # Its own participle: the verb it is the subject of, or one describing it ("Mary
            # Smith, décédée"); not a verb it complements ("fondée par Paul Bocuse").
            head = noun.head
            participles = [c for c in noun.children if g.has(c, "clausal_modifier")]
            if any(g.has(noun, r) for r in ("subject", "passive_subject")):
                participles.append(head)
            return one and any(p.pos_ in ("VERB", "AUX") and "Fem" in p.morph.get("Gender", [])
                               for p in participles)
        lemma = noun.lemma_.lower()
        if not g.plural_endings or noun.text[:1].isupper() or lemma in g.inherently_feminine \
                or lemma in g.couple_nouns:
            return False  # a couple is of no one sex: "La couple", a typo's article
        agreeing = [c for c in noun.children if c.dep_ in ("det", "amod")]
        if any("Masc" in c.morph.get("Gender", []) for c in agreeing):
            return False  # "un mort", "un automobiliste"
        # A form other than its masculine lemma and its plurals is the feminine
        # ("étudiantes", "actrice"); a form that is both ("artiste", "sexagénaire") is a
        # woman's only by its determiner ("une sexagénaire"): an adjective may agree with
        # another noun ("migrants d'origine ivoirienne") or the deaths ("morts dues à").
        form = noun.lower_
        if form != lemma and form not in (lemma + ending for ending in g.plural_endings):
            return True
        return any(g.has(c, "determiner") and "Fem" in c.morph.get("Gender", [])
                   for c in agreeing)

    # -- what is not a claim ---------------------------------------------------

    def projected(self, token: Token) -> bool:
        """Whether a modal, future or forecasting word rules the token ('pourrait franchir
        le cap des 500 morts', 'les modèles prévoient jusqu'à 3.000 morts'); in the past
        only as a counterfactual ('il aurait pu y avoir sept morts'); in any tense when its
        relative clause describes the count ('les 8.000 décès que prévoyait le ministère');
        a harm verb in the simple conditional is a hypothesis ('des personnes qui perdraient
        la vie'; with an auxiliary, 'auraient été tués', a report), whatever mood the tagger
        gives it."""
        g = self.grammar
        if token.pos_ == "VERB" and g.conditional_endings \
                and token.lower_.endswith(g.conditional_endings):
            return True
        node = token
        for _ in range(_PROJECTION_DEPTH):
            if any(g.has(c, "relative_clause") and c.lemma_.lower() in g.projection_lemmas
                   for c in node.children):
                return True
            for word in (node, *(c for c in node.children if c.pos_ == "AUX")):
                if word.lemma_.lower() in g.projection_lemmas and (
                    not _past(word) or _conditional(word)
                ):
                    return True
            if node.head == node:
                return False
            node = node.head
        return False

    def _intended(self, token: Token) -> bool:
        """'an operation to arrest a Taliban leader': an infinitive that says what a noun
        (an operation, a raid) was for states no harm done. One with its own subject is a
        clause of its own ("l'aéroport, où trois kamikazes se sont fait exploser")."""
        g = self.grammar
        node = token
        steps = 0
        while steps < 3:
            if node.pos_ == "VERB":
                return (
                    "Inf" in node.morph.get("VerbForm", []) and node.head.pos_ == "NOUN"
                    and (g.has(node, "clausal_modifier") or g.has(node, "relative_clause"))
                    and not self._children(node, "subject")
                )
            if node.head == node:
                return False
            # "a raid to capture a facilitator and a leader": a conjunct is as deep as the
            # first noun of its list.
            steps += not g.has(node, "conjunct")
            node = node.head
        return False

    def _planned(self, token: Token) -> bool:
        """'planned the assassination of a general', 'tried to kill the governor': a verb
        of intent above the token rules it (a coordinated verb or an adverbial clause is a
        deed of its own: 'planned the raid and killed three', 'a tenté de tuer sa femme
        avant d'être arrêté'; a participle a state of its noun: 'tenter de retrouver deux
        personnes portées disparues')."""
        g = self.grammar
        node = token
        for _ in range(_PROJECTION_DEPTH):
            if node.head == node or any(g.has(node, r) for r in (
                    "conjunct", "adverbial_clause", "clausal_modifier", "relative_clause")) or any(
                    g.has(c, "clausal_modifier") and any(self._harms(t) for t in c.subtree)
                    for c in node.children):
                return False
            node = node.head
            if node.lemma_.lower() in g.intent_lemmas:
                return True
        return False

    def not_a_claim(self, mention: Mention) -> bool:
        """A mention another reader found that states no harm done: an intention, a rate
        ('612 décès par million d'habitants') or a number ranked against a rate ('la
        Belgique (540)')."""
        at = next((t for t in self.tokens if t.idx >= mention.start), None)
        if at is not None and (self.projected(at) or self._intended(at) or self._planned(at)):
            return True
        inside = self._inside(mention)
        if any(self._agent(t) for t in inside):
            return True
        heads = {t.head for t in inside if t.head not in inside}
        if any(self._alternative(t) for t in (*inside, *heads)):
            return True  # "tués ou blessés": neither said
        if any(self._one_count_for_two(t) for t in inside):
            return True  # "huit morts et disparus": how many of each, unsaid
        if mention.outcome == "displaced" and any(
                self._care_of_wounded(p) for h in heads for p in (h, *h.children)):
            return True  # "blessés puis évacués": carried to care
        if any(self._questioned(h) for h in (*inside, *heads)):
            return True  # "le syndicaliste a interpellé trois élus", "X a été interpellé par"
        if any(self._holding(v) for h in heads for v in (h, h.head)):
            return True  # "affirment détenir 12.000 étrangers, 4.000 femmes": a stock
        if mention.count.value != 0 and any(self._negated(h) and self._harms(h) for h in heads):
            return True  # "les deux policiers n'ont pas été blessés"
        if any(self._literal(t) for t in inside) or any(
                self._literal(h) and self._outcome_of(h) == mention.outcome for h in heads):
            return True  # "en sont tombées", "un bébé ... sont tombés du compartiment": fell
        if any(self._kin_description(t, inside) for t in inside):
            return True  # "une infirmière, mère de deux enfants, retrouvée morte"
        if any(self._one_of(t, inside) for t in inside):
            return True  # "l'un des deux suspects a été interpellé": one, not two
        if any(self._reflexive(t) and self._harms(t)
               and t.lemma_.lower() not in self.grammar.reflexive_harm for t in (*inside, *heads)):
            return True  # "se sont arrêtées devant la mairie": they stopped
        if any(t.pos_ == "VERB" and self._idiom(t) not in (None, mention.outcome)
               for t in inside):
            return True  # its verb's complement makes it another harm, read as such here
        last = self.tokens[-1]
        start, end = self.tokens[0].idx, last.idx + len(last.text)
        if self.grammar.rates.search(self.text, start, end) is None:
            return False
        if self.text[mention.end - 1 : mention.end] == ")":
            return True
        rate = self.grammar.rates.search(self.text, mention.end, end)
        return rate is not None and rate.start() - mention.end < 12

    def _holding(self, verb: Token) -> bool:
        """A verb of holding people in the present or the infinitive ('détiennent',
        'affirment détenir', 'holds'): what it counts is a stock, not a detention."""
        forms = verb.morph.get("VerbForm", [])
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.grammar.holding_verbs and (
            "Inf" in forms or "Fin" in forms and "Pres" in verb.morph.get("Tense", []))

    def _kin_description(self, noun: Token, inside: list[Token]) -> bool:
        """Whether a counted noun only describes a relative outside the mention ('mère de
        deux enfants', 'père de trois enfants'): the genitive of a kin noun, with no harm
        in its phrase ('les parents de deux enfants tués' are the children's) nor right
        after it, whatever the parser hangs it on ('l'oncle d'un militant assassiné')."""
        g = self.grammar
        head = noun.head
        return (g.has(noun, "noun_complement") and head not in inside
                and head.lower_ in self.lex.relation_nouns
                and any(c.dep_ == "case" and c.lower_ in g.genitive_cases for c in noun.children)
                and not self._harmed_in_phrase(noun))

    def _harmed_in_phrase(self, noun: Token) -> bool:
        """Whether the noun's phrase, or the word right after it, holds a harm of its own
        ('deux enfants tués', 'deux soldats français morts' with the participle tagged as a
        noun), whatever the parser hangs it on."""
        end = noun.right_edge.i + 1
        after = [noun.doc[end]] if end < len(noun.doc) else []
        return any(self._harms(t) or t.lemma_.lower() in self.grammar.intransitive_harm
                   for t in (*noun.subtree, *after))

    def _group_of_one(self, noun: Token) -> Token | None:
        """The people the pronoun 'one' is one of ('l'un des trois policiers', 'one of the
        soldiers'): its genitive complement, when a person noun; 'the other' is the other
        of the group a 'one' before it named."""
        g = self.grammar
        if noun.pos_ == "PRON" and noun.lemma_.lower() in g.other_modifiers \
                and "Plur" not in noun.morph.get("Number", []):
            # "L'un des deux hommes est mort, l'autre est blessé": the other of that group.
            return next((group for one in reversed(self.tokens[: noun.i - self.first])
                         if one.lemma_.lower() in g.one_lemmas
                         and (group := self._group_of_one(one)) is not None), None)
        if noun.pos_ not in ("PRON", "NUM") or noun.lemma_.lower() not in g.one_lemmas or any(
                g.has(c, r) for c in noun.head.children if c.i < noun.i
                for r in ("subject", "passive_subject", "apposition")) or g.has(noun, "apposition"):
            return None  # "Le rappeur Ademo, l'un des deux frères": the person named
        return next((c for c in self._genitives(noun) if self._victims(c) is not None), None)

    def _one_of(self, noun: Token, inside: list[Token]) -> bool:
        """Whether a counted noun is the group one of whom was harmed ('l'un des trois
        policiers a été blessé', 'one of the three soldiers was killed'): the complement of
        the pronoun 'one' outside the mention, that pronoun a subject, with no harm in the
        group's own phrase or right after it."""
        g = self.grammar
        one = noun.head.head if noun.head.pos_ == "ADP" else noun.head  # English "of"
        return (one not in inside and one.pos_ in ("PRON", "NUM")
                and one.lemma_.lower() in g.one_lemmas
                and any(g.has(one, r) for r in ("subject", "passive_subject"))
                and not self._harmed_in_phrase(noun))  # "l'un des deux soldats morts"


def _agree(participle: Token, noun: Token) -> bool:
    """'trois employés de l'hôpital évacué': a participle that disagrees in number with a
    noun does not modify it, whatever the parse says."""
    mine, its = participle.morph.get("Number", []), noun.morph.get("Number", [])
    return not mine or not its or mine == its


def _conditional(verb: Token) -> bool:
    """A compound conditional ('aurait pu', 'would have')."""
    return any("Cnd" in c.morph.get("Mood", []) for c in verb.children if c.pos_ == "AUX")


def _past(token: Token) -> bool:
    """'la police a pu arrêter': a modal in the past states what happened."""
    tenses = token.morph.get("Tense", [])
    return "Past" in tenses or token.tag_ in ("VBD", "VBN")

