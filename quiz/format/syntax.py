"""YAML syntax errors in the author's words: the line the mistake is on, what is
wrong, and how to fix it, with no parser jargon.

The parser reports where it gave up, which is often a line after the slip (a missing
colon) or a character inside it; these functions look at the author's own lines to
find the key, the quote or the bracket at fault and to write the corrected line.
One function here explains each kind of mistake; lines out of line with the ones
above them are explained by :mod:`quiz.format.out_of_line`, keys without their colon
by :mod:`quiz.format.colons`, and characters pasted from elsewhere by
:mod:`quiz.format.pasted`. Values that are valid YAML
but likely wrong are :mod:`quiz.format.traps`' warnings.
"""

from __future__ import annotations

import itertools

import yaml

from quiz.errors import Diagnostic
from quiz.format.colons import colon_in_text, missing_colon
from quiz.format.in_brackets import (
    COMMENT_HIDES,
    comment_in_brackets,
    explain_comment_in_brackets,
    open_bracket,
    with_comments_quoted,
    with_entry_quoted,
)
from quiz.format.out_of_line import explain_out_of_line
from quiz.format.pasted import explain_tab, odd_indentation
from quiz.format.rules import MAX_ERRORS
from quiz.format.text import YAML_ONLY_BREAKS, LineIndex
from quiz.format.yaml_lines import (
    key_at,
    line_at,
    with_value_quoted,
)

_UNKNOWN_ESCAPE = (
    "in double quotes a backslash starts an escape, and this one is not known: "
    "write \\\\ for a backslash, or use single quotes"
)


def quoted_advice(text: str, index: int, char: str) -> str:
    """A value that starts with a character YAML reserves (``*``, ``&``, ``@`` ...):
    the value in quotes, or only its entry when it is an entry in brackets."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    line = text[start : end if end >= 0 else len(text)].rstrip("\r")
    column = index - start
    if open_bracket(line, column) >= 0:
        fixed = with_entry_quoted(line, column)
    else:
        fixed = with_value_quoted(line)
    return f"text cannot start with '{char}' unless it is in quotes: write {fixed}"


def explain_tag(tag: str, text: str, index: int) -> str:
    """A value that starts with ``!``: YAML reads it as a type marker. ``!!python/...``
    and the like are refused as such; a single ``!word`` is most likely text."""
    core = "tag:yaml.org,2002:"
    shown = "!!" + tag[len(core) :] if tag.startswith(core) else tag
    if shown.startswith("!") and not shown.startswith("!!"):
        return quoted_advice(text, index, "!")
    return (
        f"unsupported tag '{shown}': question files hold plain data only (text, numbers and lists)"
    )


def explain(error: yaml.MarkedYAMLError, text: str, path: str) -> Diagnostic:
    """One diagnostic for a PyYAML error, in words an author understands."""
    problem = error.problem or ""
    context = error.context or ""
    if any(b in text for b in YAML_ONLY_BREAKS):
        lines = LineIndex(text)
        error.problem_mark, error.context_mark = map(
            lines.mark, (error.problem_mark, error.context_mark)
        )
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    message = None
    odd = None if text.isascii() else odd_indentation(text, line)
    if odd is not None:
        line, column, message = odd
    elif "'\\t'" in problem:
        column, message = explain_tab(line_at(text, line), column)
    elif "quoted scalar" in context and "end of stream" in problem and error.context_mark:
        opened = error.context_mark
        char = text[opened.index] if opened.index < len(text) else '"'
        line, column = opened.line, opened.column
        message = f"the quote {char} opened here is never closed; add the closing {char}"
    elif "unknown escape character" in problem or "escape code" in problem:
        message = _UNKNOWN_ESCAPE
    elif "escape sequence" in problem and "double-quoted" in context and mark is not None:
        # "\U" not followed by 8 hex digits: pointed at the U, as an unknown escape is.
        column -= mark.index - text.rfind("\\", 0, mark.index) - 1
        message = _UNKNOWN_ESCAPE
    elif "could not find expected ':'" in problem and error.context_mark:
        line, column, message = missing_colon(text, error.context_mark)
    elif "block end" in problem:
        found = problem.rpartition("found ")[2].strip("'")
        line, column, message = explain_out_of_line(text, line, column, found)
    elif "mapping values are not allowed" in problem:
        line, column, message = colon_in_text(text, line, column)
    elif "flow sequence" in context or "flow mapping" in context:
        flow = error.context_mark
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        if flow is not None and flow.line != line:
            line, column = flow.line, flow.column
            message = f"the '{opener}' opened here is never closed; add '{closer}' at its end"
            hidden = explain_comment_in_brackets(line_at(text, line))
            if hidden is not None:
                column, message = hidden
        else:
            message = (
                "entries inside [ ] are separated by commas; put an entry that holds "
                "quotes, brackets or ': ' in quotes"
            )
    elif "flow node" in context:
        message = "an empty entry between two commas; remove the extra comma"
    elif "block node" in context and "found" in problem:
        found = problem.rpartition("found ")[2].strip("'")
        if found == "<document end>":
            message = "a line '...' ends the YAML of a file; remove it"
        elif not found.startswith("<"):
            message = (
                f"a value cannot start with '{found}' here; remove it, or put the value in quotes"
            )
    elif "sequence entries are not allowed" in problem:
        key = key_at(line_at(text, line))
        name = key[0] if key else "its key"
        message = (
            f"a '- ' entry cannot start on the same line as '{name}:'; put it on the next "
            f"line, indented under '{name}'"
        )
    elif "document start" in problem:
        line, column, message = _indented_first_line(text, line, column)
    elif context.endswith("a tag"):
        start = error.context_mark or mark
        if start is not None:
            line, column = start.line, start.column
        message = quoted_advice(text, start.index if start else 0, "!")
    elif "alias" in context or "anchor" in context:
        char = "*" if "alias" in context else "&"
        start = error.context_mark or mark
        if start is not None:
            line, column = start.line, start.column
        message = quoted_advice(text, start.index if start else 0, char)
    elif "cannot start any token" in problem or "mapping keys are not allowed" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        message = quoted_advice(text, mark.index if mark else 0, char)
    elif "block scalar" in context and error.context_mark:
        opened = error.context_mark
        line, column = opened.line, opened.column
        char = text[opened.index]
        message = (
            f"'{char}' starts text on the lines below it; put the text on the next lines, "
            f"indented, or quote the value: {with_value_quoted(line_at(text, line))}"
        )
    if message is None:
        message = "this line is not valid here; check its colons, quotes and indentation"
    return Diagnostic(path, line + 1, column + 1, message)


def explain_all(error: yaml.MarkedYAMLError, text: str, path: str) -> tuple[Diagnostic, ...]:
    """The diagnostic for a PyYAML error (:func:`explain`) and, when it is a ' #' that
    hides a closing bracket, one for each later line with the same mistake: the
    parser stops at the first, so the later ones are found by reading the text again
    with every such line corrected (one scan and one parse, so linear in its size)."""
    first = explain(error, text, path)
    if not first.message.startswith(COMMENT_HIDES) or any(b in text for b in YAML_ONLY_BREAKS):
        return (first,)
    lines = text.split("\n")
    later = (
        number
        for number in range(first.line, len(lines))
        if " #" in lines[number] and comment_in_brackets(lines[number].rstrip("\r")) >= 0
    )
    candidates = list(itertools.islice(later, MAX_ERRORS - 1))
    if not candidates:
        return (first,)
    for number in (first.line - 1, *candidates):
        line = lines[number]
        indent = line[: len(line) - len(line.lstrip(" "))]
        end = "\r" if line.endswith("\r") else ""
        lines[number] = indent + with_comments_quoted(line.rstrip("\r"))[0] + end
    more = []
    for number in _flow_lines("\n".join(lines), frozenset(candidates)):
        hidden = explain_comment_in_brackets(line_at(text, number))
        if hidden is not None:
            more.append(Diagnostic(path, number + 1, hidden[0] + 1, hidden[1]))
    return (first, *more)


def _flow_lines(text: str, wanted: frozenset[int]) -> list[int]:
    """Which of the 0-based lines ``wanted`` open a list or keys in brackets when
    ``text`` is read (not those in a block of text), up to its first error."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found: list[int] = []
    try:
        for event in yaml.parse(text, Loader=loader):
            mark = event.start_mark
            if isinstance(event, yaml.CollectionStartEvent) and event.flow_style and mark:
                line = mark.line
                if line in wanted and (not found or found[-1] != line):
                    found.append(line)
    except (yaml.YAMLError, ValueError, OverflowError):
        pass
    return found


def _indented_first_line(text: str, line: int, column: int) -> tuple[int, int, str]:
    """Text after the end of the first top-level block: most often a first line that
    was indented, so that the keys below it seem to start a second block."""
    for number, content in enumerate(text.split("\n")[:line]):
        stripped = content.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(content) - len(content.lstrip(" "))
        if indent:
            key = key_at(content)
            name = f"'{key[0]}'" if key else "the first line"
            return (
                number,
                indent,
                (
                    f"{name} is indented, but the top-level keys start at column 1: remove the "
                    "spaces before it"
                ),
            )
        break
    return line, column, "this line is not valid here; check its colons, quotes and indentation"
