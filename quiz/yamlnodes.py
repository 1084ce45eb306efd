"""A safe, located YAML reader: events in, a small tree of positioned nodes out.

It never constructs Python objects (so no tag can run code), keeps every scalar's
own text (no "Norway problem"), keeps duplicate keys so they can be reported,
builds the tree without recursion and refuses alias bombs by counting how many
nodes the document would expand to.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

import yaml

from quiz.errors import Diagnostic
from quiz.nodes import Mapping, Node, Scalar, Sequence, kind_name

__all__ = [
    "Mapping",
    "Node",
    "Scalar",
    "Sequence",
    "YamlSyntaxError",
    "kind_name",
    "read_document",
]

MAX_DEPTH = 64
# A document may expand through aliases to this many nodes, or to four times its
# own distinct nodes, whichever is more; beyond that it is an alias bomb.
MAX_EXPANSION = 10_000
_CORE_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    {None, "!"}
    | {_CORE_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")}
)

try:
    _FastLoader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _FastLoader = yaml.SafeLoader


class _Mark(Protocol):
    line: int
    column: int


class YamlSyntaxError(Exception):
    """The text is not YAML this reader accepts; carries one located diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(str(diagnostic))


def read_document(text: str, path: str) -> Node | None:
    """Parse ``text`` into a node tree; ``None`` when it holds no document.

    Raises :class:`YamlSyntaxError` with the location of the first problem.
    """
    if _FastLoader is not yaml.SafeLoader:
        try:
            return _build(yaml.parse(text, Loader=_FastLoader), path)
        except yaml.YAMLError:
            # libyaml words its errors differently from release to release; the pure
            # parser's wording is stable, so a failing file is parsed again for it.
            pass
    try:
        return _build(yaml.parse(text, Loader=yaml.SafeLoader), path)
    except yaml.MarkedYAMLError as error:
        raise YamlSyntaxError(_describe(error, path)) from None
    except yaml.reader.ReaderError as error:
        line, column = _offset_position(text, error.position)
        message = f"the character U+{error.character:04X} is not allowed in YAML text"
        raise YamlSyntaxError(Diagnostic(path, line, column, message)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(Diagnostic(path, 1, 1, f"not valid YAML: {error}")) from None


def _offset_position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _build(events: Iterator[yaml.Event], path: str) -> Node | None:
    anchors: dict[str, Node] = {}
    stack: list[tuple[Node, str | None]] = []
    pending_key: list[Node | None] = []
    root: Node | None = None
    documents = 0
    distinct = 0
    for event in events:
        node: Node
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _error(
                    path, event, "a question file holds one YAML document; remove this second one"
                )
            continue
        if isinstance(event, yaml.AliasEvent):
            target = anchors.get(event.anchor or "")
            if target is None:
                raise _error(path, event, f"alias '*{event.anchor}' refers to no finished anchor")
            node = target
        elif isinstance(event, yaml.ScalarEvent):
            _check_tag(event, path)
            distinct += 1
            node = Scalar(
                *_position(event.start_mark),
                value=event.value,
                # libyaml gives plain scalars the style '', the pure parser None.
                plain=not event.style and event.tag is None,
                escaped=event.style == '"',
            )
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            _check_tag(event, path)
            if len(stack) >= MAX_DEPTH:
                raise _error(
                    path, event, f"the document is nested more than {MAX_DEPTH} levels deep"
                )
            line, column = _position(event.start_mark)
            collection: Node = (
                Sequence(line, column)
                if isinstance(event, yaml.SequenceStartEvent)
                else Mapping(line, column)
            )
            distinct += 1
            stack.append((collection, event.anchor))
            pending_key.append(None)
            continue
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            node, anchor = stack.pop()
            pending_key.pop()
            if anchor is not None:
                anchors[anchor] = node
            _attach(node, stack, pending_key, _limit(distinct), path, event)
            if not stack:
                root = node
            continue
        else:
            continue
        if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
            anchors[event.anchor] = node
        _attach(node, stack, pending_key, _limit(distinct), path, event)
        if not stack:
            root = node
    return root


def _limit(distinct: int) -> int:
    """How many values the document may expand to, given how many it really holds."""
    return max(MAX_EXPANSION, 4 * distinct)


def _attach(
    node: Node,
    stack: list[tuple[Node, str | None]],
    pending_key: list[Node | None],
    limit: int,
    path: str,
    event: yaml.Event,
) -> None:
    if not stack:
        return
    parent = stack[-1][0]
    if isinstance(parent, Sequence):
        parent.items.append(node)
    else:
        assert isinstance(parent, Mapping)
        key = pending_key[-1]
        if key is None:
            pending_key[-1] = node
        else:
            parent.pairs.append((key, node))
            pending_key[-1] = None
    parent.size += node.size
    if parent.size > limit:
        raise _error(
            path,
            event,
            f"aliases here would expand the document past {limit:,} values; "
            "anchors and aliases are only for small repeated values",
        )


def _check_tag(event: yaml.NodeEvent, path: str) -> None:
    tag: str | None = getattr(event, "tag", None)
    if tag is not None and tag not in _ALLOWED_TAGS:
        shown = "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag
        raise _error(path, event, f"unsupported tag '{shown}': question files hold plain data only")


def _position(mark: _Mark | None) -> tuple[int, int]:
    """The 1-based line and column of a PyYAML mark (1, 1 when there is none)."""
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _error(path: str, event: yaml.Event, message: str) -> YamlSyntaxError:
    return YamlSyntaxError(Diagnostic(path, *_position(event.start_mark), message))


def _describe(error: yaml.MarkedYAMLError, path: str) -> Diagnostic:
    """Turn a PyYAML error into one diagnostic, in words an author understands."""
    problem = error.problem or "not valid YAML"
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    if "'\\t'" in problem:
        message = "a tab character here; YAML indents with spaces only"
    elif "quoted scalar" in context and "end of stream" in problem:
        mark = error.context_mark or mark
        message = "this quoted string is never closed; add the closing quote"
    elif "found duplicate anchor" in context or "duplicate anchor" in problem:
        message = f"{context} {problem}".strip()
    else:
        message = f"{context}: {problem}" if context else problem
        message = f"YAML syntax error: {message}"
    return Diagnostic(path, *_position(mark), message)
