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
