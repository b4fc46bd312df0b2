"""Answers kept per store generation: computed once however many ask, dropped when the
store changes, never kept when they fail."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bilan.api.app import KeptAnswers, Solvers
from bilan.errors import QueryError


def _run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    # On a thread of its own: after the browser tests, Playwright's sync API keeps an event
    # loop running on the main thread, where asyncio.run refuses to start another.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_a_question_asked_meanwhile_waits_for_the_same_computation():
    computed = []
    release = threading.Event()

    def slow() -> dict:
        release.wait(10)
        computed.append(1)
        return {"low": 3}

    async def ask_three_times() -> list[bytes]:
        kept = KeptAnswers(8, Solvers(lambda: ThreadPoolExecutor(1), 1))
        asked = [asyncio.ensure_future(kept.answer(1, "q", slow, solve=True))
                 for _ in range(3)]
        await asyncio.sleep(0.05)
        release.set()
        return await asyncio.gather(*asked)

    assert _run(ask_three_times()) == [b'{"low":3}'] * 3
    assert len(computed) == 1


def test_a_kept_answer_holds_until_the_generation_changes():
    counts = iter(range(10))

    async def ask() -> list[bytes]:
        kept = KeptAnswers(8, Solvers(lambda: ThreadPoolExecutor(1), 1))
        compute = lambda: {"n": next(counts)}  # noqa: E731
        return [await kept.answer(generation, "q", compute, solve=False)
                for generation in (1, 1, 2, 2, 1)]

    # A generation going back (another store file) is a change too.
    assert _run(ask()) == [b'{"n":0}', b'{"n":0}', b'{"n":1}', b'{"n":1}', b'{"n":2}']


def test_a_failed_answer_is_asked_again():
    calls = []

    def failing() -> dict:
        calls.append(1)
        raise QueryError("place 'Xqzzyville': unknown")

    async def ask_twice() -> None:
        kept = KeptAnswers(8, Solvers(lambda: ThreadPoolExecutor(1), 1))
        for _ in range(2):
            with pytest.raises(QueryError, match="Xqzzyville"):
                await kept.answer(1, "q", failing, solve=True)

    _run(ask_twice())
    assert len(calls) == 2


def test_the_least_recently_asked_answer_goes_first():
    async def ask() -> list[bytes]:
        kept = KeptAnswers(2, Solvers(lambda: ThreadPoolExecutor(1), 1))
        for key in ("a", "b", "a", "c"):
            await kept.answer(1, key, lambda k=key: {"key": k}, solve=False)
        return list(kept.kept)

    assert _run(ask()) == ["a", "c"]
