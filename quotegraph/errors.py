"""One exception hierarchy for the whole library; the CLI turns these into one-line errors."""

from __future__ import annotations


class QuotegraphError(Exception):
    """Base class of every error quotegraph raises on purpose."""


class InputError(QuotegraphError):
    """A file or argument cannot be read; the message names it and says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(QuotegraphError):
    """The store cannot be opened, is locked, or refused an operation."""


class QueryError(QuotegraphError):
    """A SPARQL query is malformed, refused, timed out or too large."""


class NotFoundError(QuotegraphError):
    """Nothing matched (exit code 1 in the CLI)."""
