"""Building the positioned node tree from YAML parser events (for :mod:`quiz.format.yaml_reader`).

No Python object is ever constructed from the document (so no tag can run code); every
scalar keeps the text the author wrote, in Unicode's composed form (NFC); duplicate
keys are kept so they can be reported; the tree is built without recursion, and alias
bombs are refused by counting how many values the document would expand to.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Protocol

import yaml

from quiz.errors import Diagnostic
from quiz.format.nodes import Mapping, Node, Scalar, Sequence
from quiz.format.pasted import SPACE_LIKE, pasted_advice
from quiz.format.syntax import explain_tag, quoted_advice
from quiz.format.text import YAML_ONLY_BREAKS, LineIndex
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

_SECOND_DOCUMENT = (
    "'---' here starts a second document, and a question file holds one: "
    "remove the '---' line and what should not follow it"
)


class _Mark(Protocol):
    line: int
    column: int


class YamlSyntaxError(Exception):
    """The text is not YAML this reader accepts; carries the located diagnostic of
    its first problem, and those of later lines with the same mistake."""

    def __init__(self, diagnostic: Diagnostic, *more: Diagnostic) -> None:
        self.diagnostic = diagnostic
        self.diagnostics = (diagnostic, *more)
        super().__init__(str(diagnostic))


class QuestionSink(Protocol):
    """Takes each entry of the top-level 'questions' list as soon as it is read."""

    def begin(self, top: Mapping) -> None:
        """The list starts; ``top`` holds the top-level pairs read before it."""

    def question(self, node: Node) -> None:
        """Check one entry; the reader keeps no reference to it."""

    def restart(self) -> None:
        """Forget every entry taken: the file is being read again from its start."""


class _Stream:
    """Takes the entries of the list that streams, in place of its items: each goes to
    the sink as soon as it is finished, and the list only counts them."""

    __slots__ = ("sequence", "sink")

    def __init__(self, sequence: Sequence, sink: QuestionSink) -> None:
        self.sequence = sequence
        self.sink = sink

    def append(self, node: Node) -> None:
        self.sequence.streamed += 1
        self.sink.question(node)


class _Frame:
    """An open list or mapping: where its values go, the key waiting for its value, and
    how many values the document had expanded to before it began."""

    __slots__ = ("anchor", "items", "key", "node", "pairs", "start")

    def __init__(self, node: Sequence | Mapping, anchor: str | None, start: int) -> None:
        self.node = node
        self.anchor = anchor
        self.start = start
        self.key: Node | None = None
        self.items: list[Node] | _Stream = node.items if isinstance(node, Sequence) else []
        self.pairs = node.pairs if isinstance(node, Mapping) else None


class NodeBuilder:
    """Builds the node tree from parser events.

    This is the hot loop of reading a big bank: one flat loop over the events, each
    kind doing only the few steps it needs.
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
        self.anchors: dict[str, Node] = {}
        self.stack: list[_Frame] = []
        # How many values the document holds, and how many more its aliases expand to.
        self.distinct = 0
        self.extra = 0

    def build(self, loader_class: type) -> Node | None:
        text, stack = self.text, self.stack
        loader = loader_class(text)
        lines = LineIndex(text) if any(b in text for b in YAML_ONLY_BREAKS) else None
        frame: _Frame | None = None
        root: Node | None = None
        documents = 0
        traps = self.traps
        try:
            # Both parsers give None once the stream has ended.
            for event in iter(loader.get_event, None):
                if lines is not None:
                    event.start_mark, event.end_mark = map(
                        lines.mark, (event.start_mark, event.end_mark)
                    )
                kind = type(event)
                node: Node
                if kind is yaml.ScalarEvent:
                    mark, value, tag, style = event.start_mark, event.value, event.tag, event.style
                    assert mark is not None  # both parsers mark every event
                    if not value.isascii():
                        value = unicodedata.normalize("NFC", value)
                    # libyaml gives plain scalars the style '', the pure parser None.
                    plain = not style and tag is None
                    node = Scalar(mark.line + 1, mark.column + 1, value, plain, style == '"')
                    self.distinct += 1
                    if tag is not None or event.anchor is not None or (traps and plain):
                        self.scalar_extras(event, node)
                elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                    frame = self.start(event, frame)
                    continue
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    assert frame is not None  # the parser balances starts and ends
                    node = self.end(frame)
                    frame = stack[-1] if stack else None
                    if frame is not None and self.extra:
                        self.limit_expansion(event, frame)
                elif kind is yaml.AliasEvent:
                    node = self.alias(event)
                    if frame is not None:
                        self.limit_expansion(event, frame)
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise _error(self.path, event, _SECOND_DOCUMENT)
                    continue
                else:
                    continue
                # The node is finished: it goes into the list or mapping it is in.
                if frame is None:
                    root = node
                elif frame.pairs is None:
                    frame.items.append(node)
                elif frame.key is None:
                    frame.key = node
                else:
                    frame.pairs.append((frame.key, node))
                    frame.key = None
        finally:
            loader.dispose()
        return root

    def scalar_extras(self, event: yaml.ScalarEvent, node: Scalar) -> None:
        """What a few scalars need beyond their node: a tag is checked, an anchor kept,
        and a plain value that may be a slip is looked at."""
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            _refuse_tag(self, event, tag)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        if self.traps and node.plain:
            self.look_for_trap(event, node)

    def look_for_trap(self, event: yaml.ScalarEvent, node: Scalar) -> None:
        """Note a plain value that is valid YAML but likely not what the author meant."""
        end = event.end_mark
        assert end is not None
        if "\t" in node.value or node.value[:1] in SPACE_LIKE:
            self.look_for_pasted(event, node)
        trap = trap_after_value(self.text, _index(event.start_mark), _index(end), node.value)
        if trap is not None and self.notes is not None:
            message, after = trap
            at = (end.line + 1, end.column + 2) if after else (node.line, node.column)
            self.notes.append(Diagnostic(self.path, *at, message, "warning"))

    def look_for_pasted(self, event: yaml.ScalarEvent, node: Scalar) -> None:
        """Note tabs between a value's words, or a key indented with no-break spaces."""
        advice = pasted_advice(self.text, _index(event.start_mark), node.value, node.line - 1)
        if advice is not None and self.notes is not None:
            column, message = advice
            self.notes.append(Diagnostic(self.path, node.line, column + 1, message, "warning"))

    def alias(self, event: yaml.AliasEvent) -> Node:
        target = self.anchors.get(event.anchor or "")
        if target is None:
            message = quoted_advice(self.text, _index(event.start_mark), "*")
            raise _error(self.path, event, message)
        self.extra += target.size
        return target

    def start(self, event: yaml.CollectionStartEvent, parent: _Frame | None) -> _Frame:
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            _refuse_tag(self, event, tag)
        if len(self.stack) >= MAX_DEPTH:
            message = f"the document is nested more than {MAX_DEPTH} levels deep"
            raise _error(self.path, event, message)
        mark = event.start_mark
        assert mark is not None
        line, column = mark.line + 1, mark.column + 1
        node: Sequence | Mapping
        if type(event) is yaml.SequenceStartEvent:
            node = Sequence(line, column)
        else:
            node = Mapping(line, column)
        frame = _Frame(node, event.anchor, self.distinct + self.extra)
        self.distinct += 1
        # Only the first list under the top-level key 'questions' streams.
        if (
            self.sink is not None
            and isinstance(node, Sequence)
            and parent is not None
            and isinstance(parent.node, Mapping)
            and len(self.stack) == 1
            and isinstance(key := parent.key, Scalar)
            and key.value.lower() == "questions"  # 'Questions:' is checked too
        ):
            self.sink.begin(parent.node)
            frame.items = _Stream(node, self.sink)
            self.sink = None
        self.stack.append(frame)
        return frame

    def end(self, frame: _Frame) -> Node:
        node = frame.node
        node.size = self.distinct + self.extra - frame.start
        if frame.anchor is not None:
            self.anchors[frame.anchor] = node
        self.stack.pop()
        return node

    def limit_expansion(self, event: yaml.Event, frame: _Frame) -> None:
        """Refuse an alias bomb: the list or mapping ``frame`` may expand to
        ``MAX_EXPANSION`` values, or to four times the values the document really
        holds, whichever is more."""
        size = self.distinct + self.extra - frame.start
        if size > MAX_EXPANSION and size > 4 * self.distinct:
            limit = max(MAX_EXPANSION, 4 * self.distinct)
            raise _error(
                self.path,
                event,
                f"values repeated with '&name' and '*name' here would grow the file past "
                f"{limit:,} values; write the values out, or quote text that starts with "
                "'*' or '&'",
            )


def _refuse_tag(builder: NodeBuilder, event: yaml.NodeEvent, tag: str) -> None:
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
