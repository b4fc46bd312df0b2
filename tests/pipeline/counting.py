"""Count expressions of a text as (value, qualifier, high), for the quantity tests."""

from functools import cache

import spacy

from bilan.pipeline.quantities import CountFinder


@cache
def _reader(lang):
    return spacy.blank(lang).tokenizer, CountFinder(lang)


def counts(text, lang="fr"):
    tokenizer, finder = _reader(lang)
    doc = tokenizer(text)
    spans = finder.find([t.text for t in doc], [bool(t.whitespace_) for t in doc])
    return [(s.count.value, s.count.qualifier, s.count.high) for s in spans]
