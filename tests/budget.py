"""A time budget for one test case: a hang fails the case instead of the whole run."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


class Hang(Exception):
    pass


@contextmanager
def budget(seconds: int) -> Iterator[None]:
    """Fail the case with Hang when it outlasts `seconds`."""
    def expire(*_: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
