"""`bilan_casualties`: which counts state people harmed, how, and who they were.

Each sentence with a harm cue is read by its language's sentence reader
(`bilan.lang.<lang>.reader`), then by the dependency-based reader shared by every
language (`bilan.lang.syntax`). Reads token text, lemma, coarse part of speech and,
when parsed, dependencies; sentences without a harm cue are skipped untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from bilan import extensions
from bilan.extensions import CountSpan, Mention
from bilan.lang import language
from bilan.lang.lexicon import casualty_lexicon, cue_flags
from bilan.lang.syntax import SentenceEntities, SyntacticReader, grammar, repair_parse
from bilan.pipeline.causes import care_words, cause_of, causes_in


class CasualtyFinder:
    """Turns the doc's count expressions into casualty mentions, with the grammar of the
    doc's language: its lexicon and sentence reader (`bilan.lang.<lang>`), then the
    syntactic reader every language shares. `ner`: the pipeline's entity
    recogniser when it is loaded but not run, called on demand (see `SentenceEntities`)."""

    def __init__(self, ner: Callable[[Doc], Doc] | None = None) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        lex = casualty_lexicon(doc.lang_)
        package = language(doc.lang_)  # its Sentence and read
        counts = doc._.bilan_counts or []
        found = extensions.mentions(doc)
        spans = extensions.sentence_spans(doc)
        by_sentence = _group_counts(doc, counts, spans)
        flags = cue_flags(doc.text, spans, lex.cue)
        syntax_data = grammar(doc.lang_)
        sick = _sick_people(doc)
        possessed: list[Mention] = []
        for index, (start, end) in enumerate(spans):
            if not flags[index]:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not span[0].pos_:
                continue
            local = [
                CountSpan(c.start - span.start, c.end - span.start, c.count, c.prefixed)
                for c in by_sentence.get(index, [])
            ]
            tokens = list(span)
            repair_parse(tokens, syntax_data)
            read = package.read(package.Sentence(lex, tokens, local, index), found)
            syntax = SyntacticReader(lex, syntax_data, tokens, local, index, found,
                                     doc.text, spans, SentenceEntities(span, self.ner))
            first = len(found)
            found.extend(m for m in read if not syntax.not_a_claim(m))
            if doc.has_annotation("DEP"):
                for mention in syntax.mentions():
                    (possessed if "possessive" in mention.flags else found).append(mention)
                for mention in found[first:]:
                    mention.victims = syntax.typed(mention)
                    mention.outcome = syntax.outcome(mention)
                    if syntax.generic(mention):
                        mention.flags.add("generic")
            sentence = doc.text[start:end]
            found[first:] = [m for m in found[first:] if not (
                m.outcome == "injured" and sick(sentence, doc.text[m.start:m.end]))]
        found.extend(possessive_claims(possessed, found))
        found.sort(key=lambda m: m.start)
        type_restated_tolls(found)
        return doc


def possessive_claims(possessed: list[Mention], found: list[Mention]) -> list[Mention]:
    """'après son interpellation': a possessive stands for a person the report tells of,
    so it states their harm only when nothing else in the report states a harm of that
    kind (the guide: the first statement counts, "sa mort" after it does not); the first
    such possessive of each outcome. In a report of a death, "sa disparition" is that
    death."""
    told = {m.outcome for m in found}
    claims = []
    for mention in possessed:
        if mention.outcome == "missing" and "killed" in told:
            continue
        if mention.outcome not in told:
            told.add(mention.outcome)
            claims.append(mention)
    return claims


def type_restated_tolls(found: list[Mention]) -> None:
    """A generic count takes the type the story gives the same toll (the guide: "deux
    personnes sont mortes" after "deux automobilistes meurent" are drivers). The same
    outcome and the same stated number, told of one kind of victim only, is taken for a
    restatement; a vague number ("plusieurs") or none says too little to be one."""
    for mention in found:
        if "generic" not in mention.flags or not _stated(mention):
            continue
        kinds = {other.victims for other in found
                 if other.outcome == mention.outcome and other.count.value == mention.count.value
                 and other.victims != "people" and _stated(other)}
        if len(kinds) == 1:
            mention.victims = kinds.pop()


def _stated(mention: Mention) -> bool:
    return mention.count.qualifier != "vague" and bool(mention.count.value)


def _sick_people(doc: Doc) -> Callable[[str, str], bool]:
    """Whether an injured mention's sentence and quote tell the sick, whom the guide does
    not count as injured ("575 malades du coronavirus sont hospitalisés"; the dead of a
    disease still count): its sentence names a disease more than violence, or its quote
    tells people in care ("hospitalisés") in a report whose cause is a disease. A report
    about an epidemic also has its wounded, in sentences that name no cause."""
    document = causes_in(doc.text, doc.lang_)
    care = care_words(doc.lang_)

    def sick(sentence: str, quote: str) -> bool:
        named = causes_in(sentence, doc.lang_)
        return named["disease"] > named["violence"] or not named["violence"] and (
            care.search(sentence.lower()) is not None) and cause_of(
            sentence, document, doc.lang_) == "disease"

    return sick


def _group_counts(
    doc: Doc, counts: list[CountSpan], spans: list[tuple[int, int]]
) -> dict[int, list[CountSpan]]:
    grouped: dict[int, list[CountSpan]] = {}
    s = 0
    for count in counts:
        char = doc[count.start].idx
        while s < len(spans) and spans[s][1] <= char:
            s += 1
        if s < len(spans) and spans[s][0] <= char:
            grouped.setdefault(s, []).append(count)
    return grouped


@Language.factory(
    "bilan_casualties", requires=["doc._.bilan_counts"], assigns=["doc._.bilan_mentions"]
)
def make_casualties(nlp: Language, name: str) -> CasualtyFinder:
    extensions.install()
    extensions.check_language(nlp)
    ner = nlp.get_pipe("ner") if "ner" in nlp.disabled else None
    return CasualtyFinder(ner)
