"""The report of checking one question file (see :mod:`quiz.format.checker`)."""

from __future__ import annotations

from typing import NamedTuple

from quiz.errors import Diagnostic
from quiz.model import Bank, BankSummary


class Report(NamedTuple):
    """What checking one file found: every diagnostic, and for a usable file its summary
    and (unless only the summary was asked for) its bank."""

    path: str
    bank: Bank | None
    diagnostics: tuple[Diagnostic, ...]
    summary: BankSummary | None = None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics that make the file unusable."""
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The diagnostics that do not."""
        return tuple(d for d in self.diagnostics if not d.is_error)
