"""Every user-facing error, each with a code, and the exit codes of the command line.

A message bilan raises on purpose carries a code of its own (`code=` at the raise
site; the class code where one class has one message); the README lists them.
Exit codes: 0 ok, 1 bad input (some items failed), 2 usage, 3 store, network or
model unavailable, 4 internal error.
"""

from __future__ import annotations

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_UNAVAILABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4


class BilanError(Exception):
    """Base of every error bilan raises on purpose."""

    code = "E000"
    exit_code = EXIT_INPUT

    def __init__(self, message: str, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        self.detail = message
        super().__init__(f"[{self.code}] {message}")


class InputError(BilanError):
    """A file, line or argument the user gave cannot be read as asked."""

    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class MalformedLineError(InputError):
    code = "E103"


class UsageError(InputError):
    """The command line asks for something that makes no sense, whatever the input."""

    code = "E110"
    exit_code = EXIT_USAGE


class QueryError(InputError):
    """A tally, timeline or claims query asks for something that cannot be answered."""

    code = "E104"


class UnknownPlaceError(QueryError):
    code = "E105"


class NetworkError(InputError):
    """A URL could not be read: unreachable, too slow, too large, or an HTTP error."""

    code = "E500"


class ModelError(BilanError):
    """A spaCy model package is missing or unusable."""

    code = "E200"
    exit_code = EXIT_UNAVAILABLE


class StoreError(BilanError):
    """The claim store cannot be opened, migrated, read or written."""

    code = "E300"
    exit_code = EXIT_UNAVAILABLE


class StoreUrlError(StoreError):
    code = "E301"


class MigrationError(StoreError):
    code = "E302"


class ReconcileError(BilanError):
    """The tally linear program failed for a reason other than contradicting claims."""

    code = "E400"
    exit_code = EXIT_INTERNAL


# -- E170-E179: extraction on worker processes or a Dask cluster ------------------------


class WorkerError(BilanError):
    """Extraction workers died, or the Dask cluster cannot be used."""

    code = "E170"
    exit_code = EXIT_UNAVAILABLE
