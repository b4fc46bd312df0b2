"""The HTTP API against a real SQLite store of dev.jsonl's gold claims (and one PostgreSQL)."""

from __future__ import annotations

import json
import os
import re
import signal
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from bilan import query
from bilan.api import create_app
from bilan.cli import main
from bilan.errors import StoreError
from bilan.store import Store
from tests.api.gold_store import fill_with_gold
from tests.conftest import CONTROLS
from tests.postgres import postgres_server

TOKEN = "s3cret-token"
GHOUTA = {"outcome": "killed", "victims": "children", "place": "Ghouta orientale",
          "from": "2018-02-18", "to": "2018-02-22"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("api") / "bilan.db")
    fill_with_gold(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, token=TOKEN, max_body=4096)) as client:
        yield client


def test_health_says_the_store_is_ready(client):
    answer = client.get("/api/health")
    assert answer.status_code == 200
    assert answer.json()["documents"] == 60 and answer.json()["status"] == "ok"


@pytest.mark.parametrize("params", [
    GHOUTA,
    {"outcome": "killed", "place": "Goma", "from": "2025-01-27", "to": "2025-01-29"},
    {**GHOUTA, "victims": "civilians", "all_evidence": "true"},
])
def test_tally_answers_the_same_json_as_the_command_line(client, db, capsys, params):
    argv = ["tally", "--db", db, "--format", "json"]
    for name, value in params.items():
        if name == "all_evidence":
            argv.append("--all-evidence")
        else:
            argv += [f"--{name}", value]
    assert main(argv) == 0
    answer = client.get("/api/tally", params=params)
    assert answer.status_code == 200
    assert answer.json() == json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("kind", ["tally", "timeline"])
def test_new_windows_asked_at_once_answer_as_the_query_layer_does_one_by_one(client, db, kind):
    # Windows never asked before, in the solver processes at once.
    days = [date(2018, 2, 1) + timedelta(n) for n in range(12)]
    asked = [{"outcome": "killed", "place": "Syrie", "from": str(day),
              "to": str(day + timedelta(20))} for day in days]
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda p: client.get(f"/api/{kind}", params=p), asked))
    ask = query.timeline if kind == "timeline" else query.tally
    with Store(db) as store:
        expected = [ask(store, outcome="killed", place="Syrie", first=day,
                        last=day + timedelta(20)).to_dict() for day in days]
    assert [a.status_code for a in answers] == [200] * len(days)
    assert [a.json() for a in answers] == json.loads(json.dumps(expected))
    assert any(e["evidence"] for e in expected)


def test_a_killed_solver_process_is_replaced(db):
    # Regression: a solver process that died broke the pool, and every later tally of the
    # server's life answered an error.
    with TestClient(create_app(db, solvers=1)) as client:
        before = client.get("/api/tally", params=GHOUTA)
        pool = client.app.state.solvers.pool
        os.kill(pool.submit(os.getpid).result(), signal.SIGKILL)
        again = client.get("/api/tally", params={**GHOUTA, "to": "2018-02-21"})
        assert again.status_code == 200, again.text
        assert client.app.state.solvers.pool is not pool
        assert before.status_code == 200
    with Store(db) as store:
        expected = query.tally(store, outcome="killed", victims="children",
                               place="Ghouta orientale", first=date(2018, 2, 18),
                               last=date(2018, 2, 21)).to_dict()
    assert again.json() == json.loads(json.dumps(expected))


def test_a_tally_rests_on_the_claims_that_bind_it_unless_all_evidence_is_asked(client):
    binding = client.get("/api/tally", params={**GHOUTA, "victims": "civilians"}).json()
    everything = client.get("/api/tally", params={**GHOUTA, "victims": "civilians",
                                                  "all_evidence": "true"}).json()
    assert binding["series"] == everything["series"]
    assert binding["series"][0]["low"] == 299  # "Au moins 299 civils" from the 18th to the 22nd
    quotes = {c["quote"] for e in binding["evidence"] for c in e["claims"]}
    assert "Au moins 299 civils" in quotes
    # The contradicted "58 enfants" is shown with the claims that prove the bound.
    assert "58 enfants" in quotes
    # The whole component also holds claims that move neither bound, such as the 77 of the
    # 19th (the 299 of the whole window bounds the total from below on its own).
    assert "77 civils tués" not in quotes
    assert "77 civils tués" in {c["quote"] for e in everything["evidence"] for c in e["claims"]}
    assert binding["evidence_scope"] == "binding" and everything["evidence_scope"] == "component"
    assert binding["component"] == everything["component"] == len(everything["evidence"])


def test_the_timeline_gives_every_day_of_the_window(client):
    series = client.get("/api/timeline", params={
        "outcome": "displaced", "place": "Vovchansk", "from": "2024-05-12", "to": "2024-05-13",
    }).json()["series"]
    assert [(d["first"], d["low"], d["high"]) for d in series] == [
        ("2024-05-12", 2298, 2298), ("2024-05-13", 1327, 2527)]


def test_claims_are_paged_in_a_stable_order(client):
    everything = client.get("/api/claims", params={"outcome": "killed", "limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) > 100
    first = client.get("/api/claims", params={"outcome": "killed", "limit": 40}).json()
    second = client.get("/api/claims", params={"outcome": "killed", "limit": 40,
                                               "offset": 40}).json()
    assert first["total"] == second["total"] == everything["total"]
    assert first["items"] + second["items"] == everything["items"][:80]


def test_claims_filter_like_the_command_line(client):
    page = client.get("/api/claims", params={
        "outcome": "killed", "victims": "children", "place": "Syrie", "from": "2018-02-19",
        "to": "2018-02-19"}).json()
    assert {c["quote"] for c in page["items"]} == {"23 enfants", "20 enfants", "58 enfants",
                                                   "67 enfants"}


def test_events_answer_the_same_json_as_the_command_line(client, db, capsys):
    argv = ["events", "--db", db, "--format", "jsonl"]
    for name, value in GHOUTA.items():
        argv += [f"--{name}", value]
    assert main(argv) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    page = client.get("/api/events", params=GHOUTA).json()
    assert page["items"] == printed and page["total"] == len(printed)
    # The children of the Ghouta in those days: one event of three reports, "au moins 299
    # civils" of 18-22 February its least number killed, no claim caps it.
    ghouta = next(e for e in page["items"] if e["location"] == "Ghouta orientale")
    assert ghouta["totals"]["killed"] == {"low": 299, "high": None}
    assert len(ghouta["documents"]) == 3


def test_events_are_paged_like_claims(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) > 20
    first = client.get("/api/events", params={"limit": 10}).json()
    second = client.get("/api/events", params={"limit": 10, "offset": 10}).json()
    assert first["total"] == second["total"] == everything["total"]
    assert first["items"] + second["items"] == everything["items"][:20]


def test_a_document_comes_with_its_claims_and_their_offsets(client):
    answer = client.get("/api/documents/fr-dev-011").json()
    assert answer["published"] == "2018-02-21" and answer["outlet"] == "AFP"
    claim = next(c for c in answer["claims"] if c["id"] == "c3")
    assert answer["text"][claim["start"]:claim["end"]] == "127 civils ont péri"
    assert client.get(f"/api/documents/{answer['id']}").json()["external_id"] == "fr-dev-011"


def test_places_resolve_in_both_languages(client):
    places = client.get("/api/places", params={"q": "Alep"}).json()["places"]
    assert places and {p["country"] for p in places} == {"SY"}
    assert client.get("/api/places", params={"q": "Xqzzyville"}).json()["places"] == []


@pytest.mark.parametrize(("path", "params", "status", "words"), [
    ("/api/tally", {"outcome": "killed", "from": "2018-02-18"}, 400, "`to`"),
    ("/api/tally", {"outcome": "slain", "from": "2018-02-18", "to": "2018-02-19"}, 400,
     "'slain'"),
    ("/api/tally", {"outcome": "killed", "from": "2018-02-30", "to": "2018-03-01"}, 400,
     "2018-02-30"),
    ("/api/tally", {"outcome": "killed", "from": "2018-02-20", "to": "2018-02-19"}, 400,
     "after"),
    ("/api/tally", {"outcome": "killed", "place": "Xqzzyville", "from": "2018-02-18",
                    "to": "2018-02-19"}, 404, "Xqzzyville"),  # E105: no such place
    ("/api/tally", {"from": "2018-02-18", "to": "2018-02-19"}, 400, "outcome"),
    ("/api/claims", {"limit": "0"}, 400, "limit"),
    ("/api/claims", {"victims": "aliens"}, 400, "aliens"),
    ("/api/events", {"convention": "lavish"}, 400, "'lavish'"),
    ("/api/events", {"from": "2018-02-20", "to": "2018-02-19"}, 400, "after"),
    ("/api/documents/nope", {}, 404, "'nope'"),
    ("/api/nowhere", {}, 404, "Not Found"),
])
def test_errors_are_json_with_a_clear_message(client, path, params, status, words):
    answer = client.get(path, params=params)
    assert answer.status_code == status
    assert words in answer.json()["error"]["message"]
    assert re.fullmatch(r"E\d{3}|HTTP\d{3}", answer.json()["error"]["code"])


def test_writes_need_the_token(client):
    line = json.dumps({"id": "t1", "lang": "fr", "published": "2013-12-23", "text": "x"})
    headers = {"content-type": "application/jsonl"}
    assert client.post("/api/ingest", content=line, headers=headers).status_code == 401
    wrong = {**headers, "authorization": "Bearer nope"}
    assert client.post("/api/ingest", content=line, headers=wrong).status_code == 401


def test_a_read_only_server_refuses_every_write(db):
    with TestClient(create_app(db)) as client:
        answer = client.post("/api/ingest", content="Au moins 3 morts.",
                             headers={"authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 403
    assert "read-only" in answer.json()["error"]["message"]


def test_a_read_only_server_never_creates_a_store(tmp_path):
    # Regression: `bilan serve --db` on a mistyped path served a new, empty store.
    missing = tmp_path / "tpyo.db"
    with pytest.raises(StoreError, match=r"\[E303\]"):
        create_app(str(missing))
    assert not missing.exists()


def test_a_body_over_the_limit_is_refused_before_it_is_read(client):
    answer = client.post("/api/ingest", content=b"x" * 5000,
                         headers={"authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 413
    assert "4096" in answer.json()["error"]["message"]


def test_pages_forbid_inline_scripts_and_other_hosts(client):
    page = client.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # Every script, style and image of the page is served from here.
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page.text)
    assert "<script>" not in page.text
    for asset in re.findall(r"""(?:src|href)="(/static/[^"]+)""", page.text):
        assert client.get(asset).status_code == 200, asset
    assert client.get("/openapi.json").json()["paths"].keys() >= {
        "/api/claims", "/api/tally", "/api/timeline", "/api/events",
        "/api/documents/{document_id}",
        "/api/places", "/api/health", "/api/ingest"}
    assert client.get("/docs").headers["content-security-policy"] == policy


@pytest.mark.slow
def test_ingest_with_the_token_stores_a_jsonl_batch(tmp_path):
    alep = {"outcome": "killed", "place": "Alep", "from": "2013-12-23", "to": "2013-12-23"}
    with TestClient(create_app(str(tmp_path / "new.db"), token=TOKEN)) as client:
        assert client.get("/api/tally", params=alep).json()["series"][0]["low"] == 0
        lines = "\n".join(json.dumps(d) for d in [
            {"id": "alep", "lang": "fr", "published": "2013-12-23",
             "text": "Au moins 12 civils ont été tués lundi à Alep, selon l'OSDH."},
            {"id": "bad", "lang": "fr", "published": "2013-13-45", "text": "Trois morts."},
        ])
        answer = client.post("/api/ingest", content=lines, headers={
            "authorization": f"Bearer {TOKEN}", "content-type": "application/jsonl"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["new"] == 1 and len(answer.json()["failed"]) == 1
        assert "line 2" in answer.json()["failed"][0]
        claims = client.get("/api/claims", params={"document": "alep"}).json()["items"]
        assert [(c["outcome"], c["victims"], c["count"]["value"]) for c in claims] == [
            ("killed", "civilians", 12)]
        # The answer asked before the ingest is not served again from memory.
        assert client.get("/api/tally", params=alep).json()["series"][0]["low"] == 12


@pytest.mark.postgres
def test_the_api_answers_from_postgresql(client):
    with postgres_server() as url:
        fill_with_gold(url)
        with TestClient(create_app(url)) as pg:
            for path, params in (("/api/tally", GHOUTA), ("/api/claims", {"limit": 30}),
                                 ("/api/documents/fr-dev-011", {})):
                assert pg.get(path, params=params).json() == client.get(
                    path, params=params).json(), path


def test_answers_escape_every_control_character(hostile_store):
    # Regression: the API wrote DEL, the C1 controls (NEL ends a line for splitlines, CSI
    # drives a terminal) and U+2028/2029 raw, where `bilan claims --format json` escapes them.
    with TestClient(create_app(hostile_store)) as client:
        answers = [client.get("/api/claims"), client.get("/api/documents/d"),
                   client.get("/api/tally", params={"outcome": "killed", "place": "Alep",
                                                    "from": "2013-12-15", "to": "2013-12-22"}),
                   # C0 controls cannot be sent in a URL.
                   client.get("/api/documents/" + quote(CONTROLS[0x20:]))]
    assert [a.status_code for a in answers] == [200, 200, 200, 404]
    for answer in answers:
        assert not set(answer.content.decode()) & set(CONTROLS), answer.request.url
    claims, document, tally, missing = (a.json() for a in answers)
    # The store keeps NUL as U+FFFD (PostgreSQL refuses it); the rest reads back the same.
    assert [c["quote"] for c in claims["items"]] == \
        [f"{n} morts\ufffd{CONTROLS[1:]}fin" for n in (1, 2)]
    assert document["text"].endswith(f"{CONTROLS}fin".replace("\x00", "\ufffd"))
    assert {c["source"] for e in tally["evidence"] for c in e["claims"]} == \
        {f"OSDH\ufffd{CONTROLS[1:]}"}
    assert missing["error"]["code"] == "E605"
