"""A real server over a gold store, and Debian's chromium driven by Playwright.

Without chromium the browser tests skip, except under CI=true, where CI must install it.
Screenshots go to tests/web/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from bilan.records import Claim, Count, Period, Place, Source
from bilan.store import DocumentRecord, Store
from tests.api.gold_store import fill_with_gold

CHROMIUM = "/usr/bin/chromium"
# A hostile report: markup in its text, its quote, its source and its title.
XSS_TEXT = ('Au moins 12 civils <script>window.pwned = 1</script> ont été tués '
            '<img src=x onerror="window.pwned = 2"> lundi à Alep, selon <b>l\'OSDH</b>.')
XSS_QUOTE = "12 civils <script>window.pwned = 1</script>"
SCREENSHOTS = Path(__file__).parent / "screenshots"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def dashboard(tmp_path_factory):
    """The base URL of `bilan serve`'s app over dev.jsonl's gold claims, on loopback."""
    import uvicorn

    from bilan.api import create_app

    db = str(tmp_path_factory.mktemp("web") / "bilan.db")
    fill_with_gold(db)
    start = XSS_TEXT.index(XSS_QUOTE)
    with Store(db) as store:
        store.add_document(DocumentRecord(
            id="xss", external_id="xss", text=XSS_TEXT, lang="fr", origin="xss",
            status="extracted", title="<img src=x onerror=\"window.pwned = 3\">",
            published=date(2013, 12, 23),
            claims=(Claim(
                id="c1", quote=XSS_QUOTE, outcome="killed", cause="violence", victims="civilians",
                count=Count(12, "at_least"), part_of=None,
                period=Period(date(2013, 12, 23), date(2013, 12, 23)),
                place=Place("Alep", 36.2, 37.16, "SY", "city"),
                source=Source("<b>l'OSDH</b>", "ngo"), start=start,
                end=start + len(XSS_QUOTE), sentence_start=0, sentence_end=len(XSS_TEXT)),),
            regions=(("SY", "09", "@170063"),),
        ))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    # The browser may still hold keep-alive connections: do not wait for them.
    server.should_exit = server.force_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} not found; CI must install it (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that fails the test on any script error or request to another host;
    its screenshot is saved under the test's name."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith("http://127.0.0.1") or outside.append(r.url))
    yield page
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, errors
    assert not outside, outside
