"""Errors a person can act on, kept apart from programming errors.

Anything derived from :class:`UserError` carries a message written for the
patient; the command line prints it on one line and exits with status 2, and
the window shows it in a dialog. Any other exception is a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix: bad input, a missing file, a locked journal."""


class ValidationError(UserError):
    """One or more fields of a day broke a rule.

    Attributes:
        problems: ``(field, message)`` pairs, in the order they were found.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.problems))

    @property
    def fields(self) -> list[str]:
        return [field for field, _ in self.problems]
