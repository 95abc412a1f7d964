"""Errors a user can act on. The CLI turns each into one message and a non-zero exit code."""
from __future__ import annotations


class KGError(Exception):
    """Base class: the message is shown to the user as is."""

    exit_code = 1


class InputError(KGError):
    """An input file or value cannot be read: names the file (and line) and the problem."""

    exit_code = 2

    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source, self.problem, self.line = source, problem, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class ConfigError(KGError):
    """Missing or invalid configuration (environment variables, data files)."""

    exit_code = 3


class StoreError(KGError):
    """A store refused or failed an operation; nothing was half-written."""

    exit_code = 4


class QueryError(KGError):
    """A query is invalid, has unbound or badly typed parameters, or tried to write."""

    exit_code = 5


class DataError(KGError):
    """A data file shipped in ontology/ or queries/ is invalid (raised at load time)."""

    exit_code = 6
