"""What every exporter returns: the bytes of the file and the questions left out."""

from __future__ import annotations

from typing import NamedTuple


class Left(NamedTuple):
    """A question left out of an export, and why."""

    id: str
    reason: str


class Exported(NamedTuple):
    """An exported file: its bytes, the questions it holds, and those left out."""

    data: bytes
    questions: int
    left_out: tuple[Left, ...] = ()
