"""The positioned node tree that question files are read into (see quiz.format.yaml_reader)."""

from __future__ import annotations

from dataclasses import dataclass, field

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(slots=True, eq=False)
class Node:
    """A YAML node and where it starts (1-based line and column)."""

    line: int
    column: int
    size: int = field(default=1, init=False)


@dataclass(slots=True, eq=False)
class Scalar(Node):
    """A scalar with the text the author wrote.

    ``plain`` when it was neither quoted nor tagged; ``escaped`` when it was
    double-quoted, the only style whose escapes (``"\\e"``) can make characters
    that are not in the file itself.
    """

    value: str = ""
    plain: bool = True
    escaped: bool = False

    @property
    def is_null(self) -> bool:
        """Whether YAML would read this scalar as null (an empty value, ``~`` or ``null``)."""
        return self.plain and self.value in _NULLS


@dataclass(slots=True, eq=False)
class Sequence(Node):
    """A YAML list; ``streamed`` counts the entries handed to a sink instead of kept."""

    items: list[Node] = field(default_factory=list)
    streamed: int = 0


@dataclass(slots=True, eq=False)
class Mapping(Node):
    """A YAML mapping; every pair is kept in order, duplicates included."""

    pairs: list[tuple[Node, Node]] = field(default_factory=list)


def kind_name(node: Node) -> str:
    """Name a node's kind the way an author thinks of it."""
    if isinstance(node, Mapping):
        return "keys with values"
    if isinstance(node, Sequence):
        return "a list"
    return "text"
