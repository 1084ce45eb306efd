"""A safe, located YAML reader: text in, a small tree of positioned nodes out.

The tree is built from the parser's events by :mod:`quiz.format.node_builder`; each
entry of the top-level 'questions' list can be handed to a sink as soon as it is
complete instead of being kept in the tree, so a bank of a million questions is never
held as nodes all at once. libyaml parses when it is there; a file it refuses is parsed
again by PyYAML's own parser, whose errors :mod:`quiz.format.syntax` explains in the
author's words.
"""

from __future__ import annotations

import yaml

from quiz.errors import Diagnostic
from quiz.format.node_builder import (
    MAX_DEPTH,
    MAX_EXPANSION,
    NodeBuilder,
    QuestionSink,
    YamlSyntaxError,
)
from quiz.format.nodes import Node
from quiz.format.syntax import explain_all
from quiz.format.text import bad_escape_position, offset_position

__all__ = ["MAX_DEPTH", "MAX_EXPANSION", "QuestionSink", "YamlSyntaxError", "read_document"]

try:
    _FastLoader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _FastLoader = yaml.SafeLoader


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

    Raises :class:`YamlSyntaxError` with the location of the first problem (and of
    later lines with the same mistake, where they can be told).
    """
    if _FastLoader is not yaml.SafeLoader:
        try:
            return NodeBuilder(path, text, sink, notes).build(_FastLoader)
        except (yaml.YAMLError, ValueError, OverflowError):
            # libyaml words its errors differently from release to release; the pure
            # parser's wording is stable, so a failing file is parsed again for it.
            if sink is not None:
                sink.restart()
            if notes is not None:
                notes.clear()
    try:
        return NodeBuilder(path, text, sink, notes).build(yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise YamlSyntaxError(*explain_all(error, text, path)) from None
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
