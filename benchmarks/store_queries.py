"""Latency of a town tally and of a claims page over a store, and the plan of its query.

    python benchmarks/store_queries.py --db STORE [--repeats 50] [--town Paris ...]

The towns are the most claimed localities of the store's most claimed country (about
ten of them, asked in turn), or the ones named by `--town`. A town tally does what
`bilan tally --place TOWN` does: read the killed claims of the town's country, then
reconcile them over one year. A claims
page is `bilan claims --outcome killed --place TOWN` over the same year, the claims of
that town. Nothing is kept between two askings: each tally is solved afresh, as a window
never asked before is by the server. Prints the median and the 99th percentile of each
(wall clock), the median CPU time (the machine is shared), and the database's plan
(EXPLAIN) of the claims query.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import numpy as np
from sqlalchemy import func, select, text

from bilan.reconcile import tally
from bilan.reconcile.regions import resolve_region
from bilan.store import ClaimFilter, Store, schema
from bilan.store.store import REGION_SEPARATOR

TOWNS = 10
FIRST, LAST = date(2019, 1, 1), date(2020, 12, 31)


def towns(store: Store) -> list[tuple[str, ...]]:
    c = schema.claims.c
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(c.region, func.count()).where(c.region.contains("/@"))
            .group_by(c.region).order_by(func.count().desc()).limit(TOWNS)
        ).all()
    return [tuple(row.region.split(REGION_SEPARATOR)) for row in rows]


def town_tally(store: Store, town: tuple[str, ...]) -> None:
    claims = store.claims(ClaimFilter(outcome="killed", regions=[town[:1]]))
    tally(claims, outcome="killed", first=FIRST, last=LAST, region=town)


def claims_page(store: Store, town: tuple[str, ...]) -> None:
    store.claims(ClaimFilter(outcome="killed", first=FIRST, last=LAST, regions=[town]))


def explain(store: Store, town: tuple[str, ...]) -> str:
    """The database's plan of the claims page's query, with its values bound."""
    c, d = schema.claims.c, schema.documents.c
    joined = REGION_SEPARATOR.join(town)
    query = select(schema.claims, d.published, d.origin).join(
        schema.documents, d.id == c.document_id
    ).where(c.outcome == "killed", c.period_end >= FIRST, c.period_start <= LAST,
            (c.region == joined) | c.region.startswith(joined + REGION_SEPARATOR,
                                                       autoescape=True)
            ).order_by(d.published, c.document_id)
    sql = str(query.compile(store.engine, compile_kwargs={"literal_binds": True}))
    prefix = "EXPLAIN QUERY PLAN " if store.engine.dialect.name == "sqlite" else "EXPLAIN "
    with store.engine.connect() as conn:
        return "\n".join(" ".join(str(v) for v in row) for row in conn.execute(text(prefix + sql)))


def measure(run, store: Store, places: list[tuple[str, ...]], repeats: int) -> str:
    seconds, cpu = [], []
    for index in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run(store, places[index % len(places)])
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    p50, p99 = np.percentile(seconds, [50, 99])
    return (f"median {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms over {repeats}; "
            f"CPU median {np.median(cpu) * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--town", action="append", help="a town to ask (repeatable)")
    args = parser.parse_args()
    with Store(args.db) as store:
        counts = store.counts()
        places = [resolve_region(name) for name in args.town] if args.town else towns(store)
        print(f"{store.name}: {counts['documents']} documents, {counts['claims']} claims; "
              f"towns {', '.join('/'.join(p) for p in places[:3])} ...")
        # A first run of each warms the gazetteer, the solver and the database's cache.
        town_tally(store, places[0])
        claims_page(store, places[0])
        print(f"town tally: {measure(town_tally, store, places, args.repeats)}")
        print(f"claims page: {measure(claims_page, store, places, args.repeats)}")
        print("plan of the claims page:\n" + explain(store, places[0]))


if __name__ == "__main__":
    main()
