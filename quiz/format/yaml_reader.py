"""A safe, located YAML reader: events in, a small tree of positioned nodes out.

It never constructs Python objects (so no tag can run code), keeps every scalar's
own text (no "Norway problem"), keeps duplicate keys so they can be reported,
builds the tree without recursion and refuses alias bombs by counting how many
nodes the document would expand to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import yaml

from quiz.errors import Diagnostic
from quiz.format.nodes import Mapping, Node, Scalar, Sequence
from quiz.format.text import offset_position

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
            return _Builder(path).build(text, _FastLoader)
        except yaml.YAMLError:
            # libyaml words its errors differently from release to release; the pure
            # parser's wording is stable, so a failing file is parsed again for it.
            pass
    try:
        return _Builder(path).build(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise YamlSyntaxError(_describe(error, path)) from None
    except yaml.reader.ReaderError as error:
        line, column = offset_position(text, error.position)
        message = f"the character U+{error.character:04X} is not allowed in YAML text"
        raise YamlSyntaxError(Diagnostic(path, line, column, message)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(Diagnostic(path, 1, 1, f"not valid YAML: {error}")) from None


class _Frame:
    """An open list or mapping, and the key waiting for its value."""

    __slots__ = ("anchor", "is_sequence", "key", "node")

    def __init__(self, node: Sequence | Mapping, anchor: str | None) -> None:
        self.node = node
        self.anchor = anchor
        self.is_sequence = isinstance(node, Sequence)
        self.key: Node | None = None


class _Builder:
    """Builds the node tree from parser events, one handler per kind of event.

    This is the hot loop of reading a big bank, so the handlers are kept flat.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.anchors: dict[str, Node] = {}
        self.stack: list[_Frame] = []
        self.root: Node | None = None
        self.documents = 0
        self.distinct = 0

    def build(self, text: str, loader_class: type) -> Node | None:
        handlers: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.start,
            yaml.SequenceStartEvent: self.start,
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document,
        }
        loader = loader_class(text)
        try:
            while loader.check_event():
                event = loader.get_event()
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(event)
        finally:
            loader.dispose()
        return self.root

    def document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            message = "a question file holds one YAML document; remove this second one"
            raise _error(self.path, event, message)

    def scalar(self, event: yaml.ScalarEvent) -> None:
        tag, style = event.tag, event.style
        if tag is not None and tag not in _ALLOWED_TAGS:
            _refuse_tag(self.path, event, tag)
        self.distinct += 1
        line, column = _position(event.start_mark)
        # libyaml gives plain scalars the style '', the pure parser None.
        node = Scalar(line, column, event.value, not style and tag is None, style == '"')
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        self.attach(node, event)

    def alias(self, event: yaml.AliasEvent) -> None:
        target = self.anchors.get(event.anchor or "")
        if target is None:
            raise _error(self.path, event, f"alias '*{event.anchor}' refers to no finished anchor")
        self.attach(target, event)

    def start(self, event: yaml.CollectionStartEvent) -> None:
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            _refuse_tag(self.path, event, tag)
        if len(self.stack) >= MAX_DEPTH:
            message = f"the document is nested more than {MAX_DEPTH} levels deep"
            raise _error(self.path, event, message)
        line, column = _position(event.start_mark)
        node = (
            Sequence(line, column)
            if type(event) is yaml.SequenceStartEvent
            else Mapping(line, column)
        )
        self.distinct += 1
        self.stack.append(_Frame(node, event.anchor))

    def end(self, event: yaml.CollectionEndEvent) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = frame.node
        self.attach(frame.node, event)

    def attach(self, node: Node, event: yaml.Event) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        parent = frame.node
        if frame.is_sequence:
            parent.items.append(node)  # type: ignore[union-attr]
        elif frame.key is None:
            frame.key = node
        else:
            parent.pairs.append((frame.key, node))  # type: ignore[union-attr]
            frame.key = None
        parent.size += node.size
        # A document may expand through aliases to MAX_EXPANSION values, or to four
        # times the values it really holds, whichever is more.
        if parent.size > MAX_EXPANSION and parent.size > 4 * self.distinct:
            limit = max(MAX_EXPANSION, 4 * self.distinct)
            raise _error(
                self.path,
                event,
                f"aliases here would expand the document past {limit:,} values; "
                "anchors and aliases are only for small repeated values",
            )


def _refuse_tag(path: str, event: yaml.NodeEvent, tag: str) -> None:
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
