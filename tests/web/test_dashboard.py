"""The dashboard as a user drives it, in a real browser over a real server and store."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.browser

GHOUTA = {"outcome": "killed", "victims": "civilians", "place": "Ghouta orientale",
          "from": "2018-02-18", "to": "2018-02-22"}


def _open(page, base: str, **params: str) -> None:
    page.goto(f"{base}/?{urlencode(params)}")
    page.wait_for_selector("body[data-ready=true]")


def test_the_ghouta_chain_filtered_in_the_dashboard(page, dashboard):
    _open(page, dashboard, **GHOUTA)
    # "Au moins 299 civils ... depuis dimanche soir" (18-22 Feb) bounds the total from below;
    # no claim caps the Ghouta region as a whole.
    assert page.text_content("#tally-low") == "299"
    assert page.text_content("#tally-high") == "∞"
    # Claims of civilians of the Ghouta in those days are placed at the Ghouta and Douma
    # (the seven dead of Kafr Batna are "people").
    assert page.locator("path.place-circle").count() == 2
    days = page.locator("#timeline rect[data-day]")
    assert [days.nth(i).get_attribute("data-day") for i in range(days.count())] == [
        "2018-02-18", "2018-02-19", "2018-02-20", "2018-02-21", "2018-02-22"]
    # The claims table lists civilians exactly: 106, 77, 250, 127, 44, 299 and 13 over
    # those days, and the 346 of 4-18 February, which overlaps the 18th.
    assert page.locator("#claims tbody tr").count() == 8


def test_the_events_panel_lists_the_ghouta_event_and_opens_its_report(page, dashboard):
    _open(page, dashboard, **GHOUTA)
    # The Ghouta's air strikes of 18-22 February, told by three reports: at least 299
    # civilians killed ("Au moins 299 civils", fr-dev-011), no claim caps it.
    row = page.locator("#events tbody tr", has_text="Ghouta orientale")
    assert row.count() == 1
    cells = [row.locator("td").nth(i).text_content() for i in range(6)]
    assert cells[0] == "2018-02-18 → 2018-02-22"
    assert "killed [299, ∞]" in cells[3]
    assert cells[4] == "3"
    row.click()
    page.wait_for_selector("body[data-ready=true] #document-text mark.selected")
    assert "doc=" in page.url and "claim=" in page.url


def test_clicking_a_claim_highlights_its_quote_in_the_report(page, dashboard):
    _open(page, dashboard, **GHOUTA)
    page.locator("#claims tbody tr", has_text="127 civils ont péri").click()
    page.wait_for_selector("body[data-ready=true] #document-text mark.selected")
    assert page.text_content("#document-text mark.selected") == "127 civils ont péri"
    # Every claim of the report is marked (fr-dev-011 states seven), the chosen one stands out.
    assert page.locator("#document-text mark").count() == 7
    # The view is in the URL: opening it again shows the same report and claim.
    url = page.url
    assert "doc=" in url and "claim=c3" in url
    page.goto(url)
    page.wait_for_selector("body[data-ready=true] #document-text mark.selected")
    assert page.text_content("#document-text mark.selected") == "127 civils ont péri"


def test_a_hostile_report_renders_as_text(page, dashboard):
    from tests.web.conftest import XSS_QUOTE, XSS_TEXT

    _open(page, dashboard, outcome="killed", place="Alep", **{"from": "2013-12-23"},
          to="2013-12-23", doc="xss", claim="c1")
    assert page.text_content("#document-text") == XSS_TEXT
    assert page.text_content("#document-text mark.selected") == XSS_QUOTE
    assert page.locator("#claims tbody tr", has_text=XSS_QUOTE).count() == 1
    assert page.locator("#claims tbody td", has_text="<b>l'OSDH</b>").count() == 1
    assert "<img" in page.text_content("#document-title")
    # No element came out of the text and no script of it ran.
    assert page.locator("main img, main script, main b").count() == 0
    assert page.evaluate("window.pwned") is None
