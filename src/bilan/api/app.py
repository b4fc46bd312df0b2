"""The JSON API over `bilan.query`, and the dashboard's static files.

Every answer comes from the query layer the command line uses, so `GET /api/tally`
and `bilan tally --format json` give the same JSON. Errors are JSON objects
`{"error": {"code", "message"}}` with an HTTP status that says whose fault it is.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import logging
import multiprocessing
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor
from contextlib import asynccontextmanager
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from bilan import query
from bilan.documents import parse_date
from bilan.errors import AccessError, BilanError, InputError, QueryError
from bilan.incidents import convention_names
from bilan.reconcile.regions import region_of, resolve_region
from bilan.records import CAUSES, OUTCOMES, VICTIMS
from bilan.resolve.gazetteer import gazetteer
from bilan.store import ClaimFilter, Store
from bilan.store.store import ENV_DB
from bilan.terminal import json_text

log = logging.getLogger(__name__)

# Largest request body accepted, in bytes: a batch of a few thousand reports.
MAX_BODY = 16 * 1024 * 1024
TOKEN_ENV = "BILAN_TOKEN"
# Tally, timeline and events answers kept in memory (rendered), the most recently asked last.
KEPT_ANSWERS = 256
# Processes that compute tallies, timelines and events, each over its own connection to
# the store: a new window takes a core, not the interpreter that answers everything else.
# One more than the 2 cores measured: with 2, new windows queued behind one another while
# claims pages took a core (README, Load). `bilan serve --workers N` shares them out.
SOLVERS = 3
# How many solver processes each of `serve`'s workers starts.
SOLVERS_ENV = "BILAN_SOLVERS"
WEB = Path(str(files("bilan") / "web"))
# The dashboard's scripts, styles, map shapes and images all come from this server;
# no inline script, no other host.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Outcome = Annotated[str, Query(description=f"one of {', '.join(OUTCOMES)}")]
Victims = Annotated[str | None, Query(description=f"one of {', '.join(VICTIMS)}")]
Place = Annotated[str | None, Query(description="a country, region or town, French or English")]
Cause = Annotated[str | None, Query(description=f"one of {', '.join(CAUSES)}")]
First = Annotated[str | None, Query(alias="from", description="first day, YYYY-MM-DD")]
Last = Annotated[str | None, Query(alias="to", description="last day, YYYY-MM-DD")]
AllEvidence = Annotated[bool, Query(description="every claim connected to the answer, not "
                                    "only those that bind it or are contradicted")]
Document = Annotated[str | None, Query(description="a report's hash or id")]
Limit = Annotated[int, Query(ge=1, le=query.MAX_PAGE, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]


class KeptAnswers:
    """Rendered JSON answers, kept until the store's generation changes.

    A dashboard asks the same few views again and again. A question not kept is computed
    once however many ask it meanwhile: claims pages on the shared thread pool, tallies,
    timelines and events on `solver` (the server's solver processes), where concurrent
    solves queue instead of taking the interpreter from the cheap requests. Used from the
    event loop only.
    """

    def __init__(self, size: int, solver: Solvers) -> None:
        self.size = size
        self.generation: int | None = None
        self.kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self.pending: dict[Hashable, asyncio.Future[bytes]] = {}
        self.solver = solver

    async def answer(self, generation: int, key: Hashable,
                     compute: Callable[[], dict[str, Any]], solve: bool) -> bytes:
        if generation != self.generation:
            self.generation = generation
            self.kept.clear()
        kept = self.kept.get(key)
        if kept is not None:
            self.kept.move_to_end(key)
            return kept
        asked = (generation, key)
        future = self.pending.get(asked)
        if future is None:
            future = asyncio.ensure_future(
                self.solver.run(_rendered, compute) if solve
                else asyncio.get_running_loop().run_in_executor(None, _rendered, compute))
            self.pending[asked] = future
            future.add_done_callback(lambda _: self.pending.pop(asked, None))
        # Shielded: a client that hangs up does not cancel the others' answer.
        body = await asyncio.shield(future)
        if generation == self.generation:
            self.kept[key] = body
            if len(self.kept) > self.size:
                self.kept.popitem(last=False)
        return body


class Solvers:
    """The pool that computes tallies, timelines and events (`bilan serve`: processes,
    each over its own connection to the store), `count` workers started by `started`. A
    worker that dies (killed, out of memory) breaks its pool: the next question finds a
    new pool, not an error for the rest of the server's life."""

    def __init__(self, started: Callable[[], Executor], count: int) -> None:
        self.started, self.count = started, count
        self.pool = started()

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        pool = self.pool
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(pool, function, *args)
        except BrokenExecutor:
            if self.pool is pool:  # the first question to find it broken replaces it
                log.warning("a solver died; starting a new pool")
                self.pool = self.started()
                pool.shutdown(wait=False, cancel_futures=True)
            return await loop.run_in_executor(self.pool, function, *args)

    async def start(self) -> None:
        """Every worker up (a process has opened its store: `_open_solver`)."""
        await asyncio.gather(*(self.run(int) for _ in range(self.count)))

    def shutdown(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class SafeJSONResponse(JSONResponse):
    """A JSON answer written as the command line writes JSON (`json_text`): no control or
    line-separator character raw, so report text cannot end a client's line or drive its
    terminal."""

    def render(self, content: Any) -> bytes:
        return json_text(content, compact=True).encode()


def _rendered(compute: Callable[[], dict[str, Any]]) -> bytes:
    return json_text(compute(), compact=True).encode()


# The store of a solver process, opened once by `_open_solver`.
_solver_store: list[Store] = []
SOLVED: dict[str, Callable[..., Any]] = {
    "tally": query.tally, "timeline": query.timeline, "events": query.events}


def _open_solver(db: str | None) -> None:
    """Open a solver process's store and read the gazetteers and the table of towns (a
    third of a second) before the first question."""
    _solver_store.append(Store(db))
    gazetteer("en")
    resolve_region("Paris")


def _solved(kind: str, asked: dict[str, Any]) -> dict[str, Any]:
    """A tally, timeline or events page (`kind`) over the solver process's store."""
    answer: dict[str, Any] = SOLVED[kind](_solver_store[0], **asked).to_dict()
    return {**answer, "limit": asked["limit"]} if "limit" in asked else answer


def _error(status: int, code: str, message: str) -> JSONResponse:
    return SafeJSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _choice(value: str | None, name: str, allowed: tuple[str, ...]) -> str | None:
    if value is not None and value not in allowed:
        raise QueryError.of("E184", name=name, value=value, choices=", ".join(allowed))
    return value


def _day(value: str | None, name: str) -> date | None:
    return parse_date(value, name) if value else None


def _filters(outcome: str | None, victims: str | None, place: str | None, cause: str | None,
             first: str | None, last: str | None, document: str | None) -> dict[str, Any]:
    """The claims and events filters of a request, checked, as `bilan.query` takes them."""
    return {"outcome": _choice(outcome, "outcome", OUTCOMES),
            "victims": _choice(victims, "victims", VICTIMS), "place": place,
            "cause": _choice(cause, "cause", CAUSES), "first": _day(first, "from"),
            "last": _day(last, "to"), "document": document}


def _window(first: str | None, last: str | None) -> tuple[date, date]:
    if not first or not last:
        raise QueryError.of("E185")
    return parse_date(first, "from"), parse_date(last, "to")


def create_app(db: str | None = None, *, token: str | None = None,
               max_body: int = MAX_BODY, solvers: int = SOLVERS) -> FastAPI:
    """The API and dashboard over the store at `db`, tallies computed in `solvers`
    processes; writes need `token` (None: read-only, and the store must exist: a read-only
    server never creates one)."""
    solver = Solvers(functools.partial(
        ProcessPoolExecutor, solvers, multiprocessing.get_context("spawn"),
        initializer=_open_solver, initargs=(db,)), solvers)

    @asynccontextmanager
    async def started(_: FastAPI) -> AsyncIterator[None]:
        # The server answers once its solvers have started: no question waits on one.
        await solver.start()
        yield
        solver.shutdown()

    app = FastAPI(
        title="bilan", docs_url=None, redoc_url=None, lifespan=started,
        default_response_class=SafeJSONResponse,
        description="Casualty claims from conflict news reports, reconciled into tallies "
        "with bounds, each number traced to its sentence. Days are inclusive.",
    )
    store = _open(db, token)
    store.refresh_statistics()
    ingest_lock = threading.Lock()
    ingester: list[Any] = []
    answers = KeptAnswers(KEPT_ANSWERS, solver)
    app.state.solvers = solver

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(BilanError)
    async def bilan_error(_: Request, error: BilanError) -> JSONResponse:
        return _error(error.status, error.code, error.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in item['loc'])}: {item['msg']}" for item in error.errors()
        )
        invalid = QueryError.of("E606", problems=problems)
        return _error(invalid.status, invalid.code, invalid.detail)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception) -> JSONResponse:
        # The traceback goes to the server's log, never to the client.
        log.error("%s %s failed", request.method, request.url.path, exc_info=error)
        return _error(500, "E000", "internal error: the server's log has the details")

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, error: HTTPException) -> JSONResponse:
        return _error(error.status_code, f"HTTP{error.status_code}", str(error.detail))

    async def kept(key: Hashable, compute: Callable[[], dict[str, Any]],
                   solve: bool) -> Response:
        generation = await run_in_threadpool(store.generation)
        body = await answers.answer(generation, key, compute, solve)
        return Response(body, media_type="application/json")

    @app.get("/api/health", summary="ready to answer")
    async def health() -> Response:
        def counted() -> dict[str, Any]:
            counts = store.counts()
            return {"status": "ok", "store": store.name, "read_only": token is None,
                    "documents": counts["documents"], "claims": counts["claims"]}

        return await kept(("health",), counted, solve=False)

    @app.get("/api/claims", summary="stored claims, filtered and paged")
    async def claims(
        outcome: Annotated[str | None, Query(description=f"one of {', '.join(OUTCOMES)}")] = None,
        victims: Victims = None, place: Place = None, cause: Cause = None,
        first: First = None, last: Last = None, document: Document = None,
        limit: Limit = 50, offset: Offset = 0,
    ) -> Response:
        asked = {**_filters(outcome, victims, place, cause, first, last, document),
                 "limit": limit, "offset": offset}
        return await kept(("claims", *asked.items()),
                          lambda: {**query.claims(store, **asked).to_dict(), "limit": limit},
                          solve=False)

    def reconciled(kind: str) -> Callable[..., Any]:
        async def answer(outcome: Outcome, victims: Victims = None, place: Place = None,
                         cause: Cause = None, first: First = None, last: Last = None,
                         all_evidence: AllEvidence = False) -> Response:
            start, end = _window(first, last)
            asked: dict[str, Any] = {
                "outcome": str(_choice(outcome, "outcome", OUTCOMES)), "first": start,
                "last": end, "victims": victims or "people", "place": place,
                "cause": _choice(cause, "cause", CAUSES), "all_evidence": all_evidence,
            }
            return await kept((kind, *asked.items()), functools.partial(_solved, kind, asked),
                              solve=True)

        return answer

    app.get("/api/tally", name="tally",
            summary="reconciled bounds of a count over a window")(reconciled("tally"))
    app.get("/api/timeline", name="timeline",
            summary="reconciled bounds day by day")(reconciled("timeline"))

    @app.get("/api/events", summary="events holding the filtered claims, paged")
    async def events(
        outcome: Annotated[str | None, Query(description=f"one of {', '.join(OUTCOMES)}")] = None,
        victims: Victims = None, place: Place = None, cause: Cause = None,
        first: First = None, last: Last = None, document: Document = None,
        convention: Annotated[str, Query(description="how vague counts become numbers: "
                                         f"{', '.join(convention_names())}")] = "guide",
        limit: Limit = 50, offset: Offset = 0,
    ) -> Response:
        asked = {**_filters(outcome, victims, place, cause, first, last, document),
                 "convention": _choice(convention, "convention", convention_names()),
                 "limit": limit, "offset": offset}
        return await kept(("events", *asked.items()), functools.partial(_solved, "events", asked),
                          solve=True)

    @app.get("/api/documents/{document_id}", summary="a report's text, metadata and claims")
    def document(document_id: str) -> dict[str, Any]:
        found = store.document(document_id)
        if found is None:
            raise InputError.of("E605", id=document_id)
        stored = store.claims(ClaimFilter(document=found["id"]))
        published = found["published"]
        return {**found, "published": published.isoformat() if published else None,
                "claims": [c.to_dict() for c in stored]}

    @app.get("/api/places", summary="gazetteer look-up of a place name")
    def places(q: Annotated[str, Query(min_length=1, max_length=200)]) -> dict[str, Any]:
        found = []
        for lang in ("fr", "en"):
            place = gazetteer(lang).lookup(q)
            region = region_of(place)
            if place is None or region is None:
                continue
            entry = {"name": place.name, "lat": place.lat, "lon": place.lon,
                     "country": place.country, "precision": place.precision,
                     "region": "/".join(region)}
            if entry not in found:
                found.append(entry)
        return {"query": q, "places": found}

    @app.post("/api/ingest", summary="store reports (needs the bearer token)")
    async def ingest(request: Request) -> dict[str, Any]:
        _authorise(request, token)
        body = await _body(request, max_body)
        kind = request.headers.get("content-type", "")
        suffix = ".jsonl" if "json" in kind else ".txt"
        with tempfile.TemporaryDirectory(prefix="bilan-ingest-") as folder:
            path = Path(folder) / f"request{suffix}"
            path.write_bytes(body)
            return await run_in_threadpool(_ingest, path)

    def _ingest(path: Path) -> dict[str, Any]:
        from bilan.ingest import Ingester, read_reports

        with ingest_lock:
            if not ingester:
                ingester.append(Ingester(store))
            summary = ingester[0].run(read_reports([str(path)], {}))
        return {"new": summary.new, "known": summary.known, "claims": summary.claims,
                "failed": [f.replace(str(path), "request") for f in summary.failed]}

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(WEB / "docs.html")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB / "index.html")

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    app.state.store = store
    return app


def _authorise(request: Request, token: str | None) -> None:
    if token is None:
        raise AccessError.of("E600", variable=TOKEN_ENV)
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode(), token.encode()):
        raise AccessError.of("E601", variable=TOKEN_ENV)


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused past `limit` bytes before it is all read."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise InputError.of("E602", size=declared, limit=limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise InputError.of("E603", limit=limit)
        chunks.append(chunk)
    if not size:
        raise InputError.of("E604")
    return b"".join(chunks)


def _open(db: str | None, token: str | None) -> Store:
    """The server's store; a read-only server (no token) never creates one."""
    return Store(db, create=token is not None)


def _token() -> str | None:
    return os.environ.get(TOKEN_ENV) or None


def app_from_environment() -> FastAPI:
    """The app over $BILAN_DB, writes allowed with $BILAN_TOKEN: what each worker runs."""
    return create_app(None, token=_token(), solvers=int(os.environ.get(SOLVERS_ENV, SOLVERS)))


def serve(db: str | None, *, host: str = "127.0.0.1", port: int = 8000,
          workers: int = 1) -> None:
    """Run the API and dashboard in `workers` processes until interrupted; writes need
    $BILAN_TOKEN."""
    import uvicorn

    # Opened here first: a missing or unreachable store is one error, not one per worker.
    _open(db, _token()).close()
    if db is not None:
        os.environ[ENV_DB] = db  # the workers' store
    # The workers share the solver processes out, at least one each.
    os.environ[SOLVERS_ENV] = str(max(1, SOLVERS // workers))
    log.info("serving on http://%s:%d with %d workers", host, port, workers)
    uvicorn.run("bilan.api.app:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning")
