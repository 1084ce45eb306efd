"""A safe, located YAML reader: events in, a small tree of positioned nodes out.

It never constructs Python objects (so no tag can run code), keeps every scalar's
own text (no "Norway problem") in Unicode's composed form (NFC), keeps duplicate keys
so they can be reported, builds the tree without recursion and refuses alias bombs by
counting how many nodes the document would expand to.

Each entry of the top-level 'questions' list can be handed to a sink as soon as it
is complete instead of being kept in the tree, so a bank of a million questions is
never held as nodes all at once. Syntax errors are explained in the author's words
by :mod:`quiz.format.syntax`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any, Protocol

import yaml

from quiz.errors import Diagnostic
from quiz.format.nodes import Mapping, Node, Scalar, Sequence
from quiz.format.syntax import explain, explain_tag, quoted_advice
from quiz.format.text import YAML_ONLY_BREAKS, LineIndex, bad_escape_position, offset_position
from quiz.format.traps import may_hold_traps, trap_after_value

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


class QuestionSink(Protocol):
    """Takes each entry of the top-level 'questions' list as soon as it is read."""

    def question(self, node: Node) -> None:
        """Check one entry; the reader keeps no reference to it."""

    def restart(self) -> None:
        """Forget every entry taken: the file is being read again from its start."""


def read_document(
    text: str,
    path: str,
    sink: QuestionSink | None = None,
    notes: list[Diagnostic] | None = None,
) -> Node | None:
    """Parse ``text`` into a node tree; ``None`` when it holds no document.

    With a ``sink``, the entries of the top-level 'questions' list go to it instead of
    into the tree (the list node then counts them in ``streamed``). Warnings about
    likely slips that are still valid YAML (a comment cutting a value short, curly
    quotes) are appended to ``notes``.

    Raises :class:`YamlSyntaxError` with the location of the first problem.
    """
    if _FastLoader is not yaml.SafeLoader:
        try:
            return _Builder(path, text, sink, notes).build(_FastLoader)
        except (yaml.YAMLError, ValueError, OverflowError):
            # libyaml words its errors differently from release to release; the pure
            # parser's wording is stable, so a failing file is parsed again for it.
            if sink is not None:
                sink.restart()
            if notes is not None:
                notes.clear()
    try:
        return _Builder(path, text, sink, notes).build(yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise YamlSyntaxError(explain(error, text, path)) from None
    except yaml.reader.ReaderError as error:
        line, column = offset_position(text, error.position)
        message = f"the character U+{error.character:04X} is not allowed in YAML text"
        raise YamlSyntaxError(Diagnostic(path, line, column, message)) from None
    except (ValueError, OverflowError):
        # The pure parser turns an escape such as "\U00110000" into chr() and fails.
        line, column = offset_position(text, bad_escape_position(text))
        message = (
            "this escape is not a character (the highest is \\U0010FFFF); "
            "write the character itself"
        )
        raise YamlSyntaxError(Diagnostic(path, line, column, message)) from None
    except yaml.YAMLError:
        message = "this file is not valid YAML; check its colons, quotes and indentation"
        raise YamlSyntaxError(Diagnostic(path, 1, 1, message)) from None


class _Frame:
    """An open list or mapping, and the key waiting for its value."""

    __slots__ = ("anchor", "is_sequence", "key", "node", "streams")

    def __init__(self, node: Sequence | Mapping, anchor: str | None, streams: bool) -> None:
        self.node = node
        self.anchor = anchor
        self.is_sequence = isinstance(node, Sequence)
        self.key: Node | None = None
        self.streams = streams  # its entries go to the sink


class _Builder:
    """Builds the node tree from parser events, one handler per kind of event.

    This is the hot loop of reading a big bank, so the handlers are kept flat.
    """

    def __init__(
        self,
        path: str,
        text: str,
        sink: QuestionSink | None,
        notes: list[Diagnostic] | None,
    ) -> None:
        self.path = path
        self.text = text
        self.sink = sink
        self.notes = notes
        self.traps = notes is not None and may_hold_traps(text)
        self.streamed = False  # only the first 'questions' list streams
        self.anchors: dict[str, Node] = {}
        self.stack: list[_Frame] = []
        self.root: Node | None = None
        self.documents = 0
        self.distinct = 0

    def build(self, loader_class: type) -> Node | None:
        text = self.text
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
        lines = LineIndex(text) if any(b in text for b in YAML_ONLY_BREAKS) else None
        try:
            while loader.check_event():
                event = loader.get_event()
                if lines is not None:
                    event.start_mark, event.end_mark = map(
                        lines.mark, (event.start_mark, event.end_mark)
                    )
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(event)
        finally:
            loader.dispose()
        return self.root

    def document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            message = (
                "'---' here starts a second document, and a question file holds one: "
                "remove the '---' line and what should not follow it"
            )
            raise _error(self.path, event, message)

    def scalar(self, event: yaml.ScalarEvent) -> None:
        tag, style = event.tag, event.style
        if tag is not None and tag not in _ALLOWED_TAGS:
            _refuse_tag(self, event, tag)
        self.distinct += 1
        line, column = _position(event.start_mark)
        value = event.value
        if not value.isascii():
            value = unicodedata.normalize("NFC", value)
        # libyaml gives plain scalars the style '', the pure parser None.
        plain = not style and tag is None
        node = Scalar(line, column, value, plain, style == '"')
        if self.traps and plain:
            end = event.end_mark
            trap = trap_after_value(self.text, _index(event.start_mark), _index(end), value)
            if trap is not None and self.notes is not None:
                at = _position(end) if trap[1] else (line, column)
                at = (at[0], at[1] + 1) if trap[1] else at
                self.notes.append(Diagnostic(self.path, *at, trap[0], "warning"))
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        self.attach(node, event)

    def alias(self, event: yaml.AliasEvent) -> None:
        target = self.anchors.get(event.anchor or "")
        if target is None:
            message = quoted_advice(self.text, _index(event.start_mark), "*")
            raise _error(self.path, event, message)
        self.attach(target, event)

    def start(self, event: yaml.CollectionStartEvent) -> None:
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            _refuse_tag(self, event, tag)
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
        streams = False
        if (
            self.sink is not None
            and not self.streamed
            and len(self.stack) == 1
            and isinstance(key := self.stack[0].key, Scalar)
            and key.value == "questions"
            and isinstance(node, Sequence)
        ):
            streams = self.streamed = True
        self.stack.append(_Frame(node, event.anchor, streams))

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
        if frame.streams:
            parent.streamed += 1  # type: ignore[union-attr]
            self.sink.question(node)  # type: ignore[union-attr]
        elif frame.is_sequence:
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
                f"values repeated with '&name' and '*name' here would grow the file past "
                f"{limit:,} values; write the values out, or quote text that starts with "
                "'*' or '&'",
            )


def _refuse_tag(builder: _Builder, event: yaml.NodeEvent, tag: str) -> None:
    message = explain_tag(tag, builder.text, _index(event.start_mark))
    raise _error(builder.path, event, message)


def _position(mark: _Mark | None) -> tuple[int, int]:
    """The 1-based line and column of a PyYAML mark (1, 1 when there is none)."""
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _index(mark: Any) -> int:
    """The character offset of a PyYAML mark (0 when there is none)."""
    return int(mark.index) if mark is not None else 0


def _error(path: str, event: yaml.Event, message: str) -> YamlSyntaxError:
    return YamlSyntaxError(Diagnostic(path, *_position(event.start_mark), message))
