"""Every user-facing error, each with a code."""

from __future__ import annotations


class BilanError(Exception):
    """Base of every error bilan raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
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


class ModelError(BilanError):
    """A spaCy model package is missing or unusable."""

    code = "E200"


class QueryError(InputError):
    """A tally, timeline or claims query asks for something that cannot be answered."""

    code = "E104"


class UnknownPlaceError(QueryError):
    code = "E105"


class StoreError(BilanError):
    """The claim store cannot be opened, migrated, read or written."""

    code = "E300"


class StoreUrlError(StoreError):
    code = "E301"


class MigrationError(StoreError):
    code = "E302"


class ReconcileError(BilanError):
    """The tally linear program failed for a reason other than contradicting claims."""

    code = "E400"
