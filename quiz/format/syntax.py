"""YAML syntax errors in the author's words: the line the mistake is on, what is
wrong, and how to fix it, with no parser jargon.

The parser reports where it gave up, which is often a line after the slip (a missing
colon) or a character inside it; these functions look at the author's own lines to
find the key, the quote or the bracket at fault and to write the corrected line.
"""

from __future__ import annotations

import re

import yaml

from quiz.errors import Diagnostic
from quiz.format.rules import BANK_KEYS, QUESTION_KEYS
from quiz.format.text import YAML_ONLY_BREAKS, LineIndex

# A line that starts with a key: its indent, any "- " before it, the key and the colon.
_KEY_LINE = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[^\s:#'\"\[\]{}&*!|>%@`,-][^:#]*?)[ ]*:(?:[ ]|$)"
)
_DASH_LINE = re.compile(r"^(?P<indent>[ ]*)-(?:[ ]|$)")
_WORD = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<word>[^\s=:]+)[ ]*(?P<equals>=)?[ ]*(?P<rest>.*)$"
)
_CURLY_OPEN = "“”‘’„"
_CURLY_CLOSE = "“”‘’"


def quote(value: str) -> str:
    """``value`` as YAML quoted text: double quotes unless it holds a double quote or a
    backslash, then single quotes (an apostrophe doubled)."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _line(text: str, number: int) -> str:
    """The 0-based line ``number`` of ``text``, without its line break."""
    start = 0
    for _ in range(number):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return (text[start:] if end < 0 else text[start:end]).rstrip("\r")


def _lines_before(text: str, number: int) -> list[str]:
    """The (at most 200) lines before 0-based line ``number``, nearest first."""
    lines = text.split("\n", number)[:number]
    return [line.rstrip("\r") for line in reversed(lines[-200:])]


def _key_at(line: str) -> tuple[str, int] | None:
    """The key a line starts with and its 1-based column."""
    found = _KEY_LINE.match(line)
    if found is None:
        return None
    return found["key"], len(found["lead"]) + 1


def _with_value_quoted(line: str) -> str:
    """The line with everything after its key's colon quoted."""
    found = _KEY_LINE.match(line)
    if found is None:
        dashes = re.match(r"[ ]*((?:-[ ]+)*)", line)
        lead = dashes[1] if dashes else ""
        return lead + quote(line.strip()[len(lead) :].strip())
    lead = found["lead"].lstrip()
    value = line[found.end() :].strip()
    return f"{lead}{found['key']}: {quote(value)}"


def quoted_advice(text: str, index: int, char: str) -> str:
    """A value that starts with a character YAML reserves (``*``, ``&``, ``@`` ...)."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    line = text[start : end if end >= 0 else len(text)].rstrip("\r")
    return (
        f"text cannot start with '{char}' unless it is in quotes: write {_with_value_quoted(line)}"
    )


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


def may_hold_traps(text: str) -> bool:
    """Whether any value of ``text`` could hold a trap that :func:`trap_after_value`
    warns about (a ' #' or a curly quote): one look at the whole text, so that a file
    without them pays nothing per value."""
    return " #" in text or any(quote in text for quote in _CURLY_OPEN)


def trap_after_value(text: str, start: int, end: int, value: str) -> tuple[str, bool] | None:
    """A warning about unquoted text that is valid YAML but likely not what the author
    meant, and whether it points just after the value (else at its start): a comment
    that cuts the value short, or curly quotes that YAML keeps as part of the text."""
    # One space before a '#' looks like part of the text (two or more, as the starter
    # bank and yamllint write them, look like a comment meant as one).
    if text.startswith(" #", end) and end + 2 < len(text) and text[end + 2] != "\n":
        line_end = text.find("\n", end)
        cut = text[end + 1 : line_end if line_end >= 0 else len(text)].rstrip("\r")
        if not value:
            return (
                f"'{cut}' is a comment (a space then '#' starts one), so this value is empty; "
                f"to keep it as text, put it in quotes: {quote(cut)}",
                False,
            )
        return (
            f"' #' starts a comment, so '{cut}' is not part of the text; to keep it, "
            f"put the whole value in quotes: {quote(value + ' ' + cut)}",
            True,
        )
    if value and value[0] in _CURLY_OPEN and value[-1] in _CURLY_CLOSE and len(value) > 1:
        return (
            f"{value} is written with curly quotes, which YAML does not read as quotes: "
            f"players will see them; use straight quotes ({quote(value[1:-1])}) or none",
            False,
        )
    return None


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
    if "'\\t'" in problem:
        message = "a tab character here; YAML indents with spaces only"
    elif "quoted scalar" in context and "end of stream" in problem and error.context_mark:
        opened = error.context_mark
        char = text[opened.index] if opened.index < len(text) else '"'
        line, column = opened.line, opened.column
        message = f"the quote {char} opened here is never closed; add the closing {char}"
    elif "unknown escape character" in problem or "escape code" in problem:
        message = (
            "in double quotes a backslash starts an escape, and this one is not known: "
            "write \\\\ for a backslash, or use single quotes"
        )
    elif "could not find expected ':'" in problem and error.context_mark:
        line, column, message = _missing_colon(text, error.context_mark)
    elif "block end" in problem:
        found = problem.rpartition("found ")[2].strip("'")
        line, column, message = _out_of_line(text, line, column, found)
    elif "mapping values are not allowed" in problem:
        line, column, message = _colon_in_text(text, line, column)
    elif "flow sequence" in context or "flow mapping" in context:
        flow = error.context_mark
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        if flow is not None and flow.line != line:
            line, column = flow.line, flow.column
            message = f"the '{opener}' opened here is never closed; add '{closer}' at its end"
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
        key = _key_at(_line(text, line))
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
            f"indented, or quote the value: {_with_value_quoted(_line(text, line))}"
        )
    if message is None:
        message = "this line is not valid here; check its colons, quotes and indentation"
    return Diagnostic(path, line + 1, column + 1, message)


def _missing_colon(text: str, mark: yaml.Mark) -> tuple[int, int, str]:
    """A key written without its colon: the parser notices on the next line."""
    line = _line(text, mark.line)
    found = _WORD.match(line)
    if found is None:
        return mark.line, mark.column, "this line needs a colon after its key: key: value"
    word, rest = found["word"], found["rest"]
    column = len(found["lead"])
    above = next((a for a in _lines_before(text, mark.line) if a.strip()), "")
    block = _KEY_LINE.match(above)
    if block is not None and re.fullmatch(r"[|>][+-]?", above[block.end() :].strip()):
        return (
            mark.line,
            column,
            (
                f"the text under '{block['key']}: {above[block.end() :].strip()}' must be indented "
                f"more than '{block['key']}': start it at column {len(block['lead']) + 3}"
            ),
        )
    if re.fullmatch(r"-[^\s-].*", word):
        return (
            mark.line,
            column,
            (f"'{word}' needs a space after the dash to be an entry of the list: - {word[1:]}"),
        )
    if found["equals"]:
        return mark.line, column, f"'{word}' needs a colon, not '=': {word}: {rest}"
    return mark.line, column, f"'{word}' needs a colon: {word}: {rest}".rstrip()


def _previous_key(text: str, line: int, not_at: int) -> tuple[str, int, int] | None:
    """The nearest key above ``line`` that does not start at column ``not_at``."""
    for offset, above in enumerate(_lines_before(text, line), start=1):
        stripped = above.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key = _key_at(above)
        if key is not None and key[1] != not_at:
            return key[0], key[1], line - offset
    return None


def _first_entry_without_dash(text: str, line: int, column: int) -> tuple[str, int, str] | None:
    """The key whose list a ``- `` at ``column`` belongs to, and the first line under
    that key when it is a key line with no dash (the first entry's ``- `` forgotten)."""
    above = _lines_before(text, line)
    for offset, candidate in enumerate(above, start=1):
        key = _key_at(candidate)
        if key is None or key[1] > column:
            continue
        if candidate[candidate.index(":") + 1 :].split(" #")[0].strip():
            return None  # the key has a value on its own line: not a list's key
        below = line - offset + 1
        for number in range(below, line):
            content = _line(text, number)
            if content.strip() and not content.strip().startswith("#"):
                if _DASH_LINE.match(content) is None and _key_at(content) is not None:
                    return key[0], number, content
                return None
        return None
    return None


def _out_of_line(text: str, line: int, column: int, found: str) -> tuple[int, int, str]:
    """The parser expected the mapping above to end, and found more on this line."""
    current = _line(text, line)
    if found in ("<block sequence start>", "-"):
        for offset, above in enumerate(_lines_before(text, line), start=1):
            dash = _DASH_LINE.match(above)
            if dash is not None and len(dash["indent"]) != column:
                right = len(dash["indent"]) + 1
                return (
                    line,
                    column,
                    (
                        f"this '- ' entry is out of line with the one on line {line - offset + 1}: "
                        f"start it at column {right}"
                    ),
                )
        first = _first_entry_without_dash(text, line, column)
        if first is not None:
            indent = len(first[2]) - len(first[2].lstrip())
            return (
                first[1],
                indent,
                (
                    f"this entry of '{first[0]}' has no '- ', although the one on line {line + 1} "
                    f"has: write it as - {first[2].strip()}"
                ),
            )
        return (
            line,
            column,
            (
                "this '- ' entry follows 'key: value' lines at the same level; start every "
                "entry of a list with '- ', or remove the '- ' here"
            ),
        )
    if found in ("<block mapping start>", "?"):
        key = _key_at(current)
        name = key[0] if key else current.strip().split(" ")[0]
        previous = _previous_key(text, line, column + 1)
        if previous is not None:
            return (
                line,
                column,
                (
                    f"'{name}' is out of line with '{previous[0]}' on line {previous[2] + 1}: "
                    f"start it at column {previous[1]}"
                ),
            )
        return (
            line,
            column,
            f"'{name}' is out of line with the keys above it; check its indentation",
        )
    if found in ("]", "}"):
        opener = "[" if found == "]" else "{"
        return line, column, f"an extra '{found}' here with no '{opener}' to close; remove it"
    if found in (":", ",", "?"):
        return (
            line,
            column,
            (
                f"'{found}' here has no key or list around it; remove it, or quote the text it "
                "belongs to"
            ),
        )
    value = current[_value_start(current) :].strip()
    closing = value.find("'", 1)
    if value.startswith("'") and 0 < closing < len(value) - 1 and value[closing + 1].isalnum():
        word = _apostrophe_word(value)
        inner = value[1:-1] if value.endswith("'") else value[1:]
        return (
            line,
            _value_start(current),
            (
                f"the apostrophe in '{word}' ends the quoted text early: double it "
                f"({word.replace(chr(39), chr(39) * 2)}) or use double quotes: "
                f"{_key_prefix(current)}{quote(inner)}"
            ),
        )
    if value.startswith(("'", '"')):
        return (
            line,
            _value_start(current),
            (
                "text after the closing quote; put the whole value in quotes: "
                f"{_key_prefix(current)}{quote(value)}"
            ),
        )
    if value.startswith(("[", "{")):
        what = "a list" if value[0] == "[" else "keys in braces"
        return (
            line,
            _value_start(current),
            (
                f"a value starting with '{value[0]}' is read as {what}; put the whole value in "
                f"quotes: {_key_prefix(current)}{quote(value)}"
            ),
        )
    bare = current.strip()
    if bare and _key_at(current) is None and not bare.startswith(("-", "#")):
        return (
            line,
            column,
            (
                f"'{bare}' stands alone here: make it an entry of a list (- {bare}) or a key "
                f"with its value (key: {bare}), lined up with the lines around it"
            ),
        )
    return line, column, "unexpected text here; if it belongs to the value above, quote that value"


def _indented_first_line(text: str, line: int, column: int) -> tuple[int, int, str]:
    """Text after the end of the first top-level block: most often a first line that
    was indented, so that the keys below it seem to start a second block."""
    for number, content in enumerate(text.split("\n")[:line]):
        stripped = content.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(content) - len(content.lstrip(" "))
        if indent:
            key = _key_at(content)
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


def _colon_in_text(text: str, line: int, column: int) -> tuple[int, int, str]:
    """``: `` where a key cannot start: inside a value, a line indented too far, or the
    line after a key written without its colon (whose words became text)."""
    current = _line(text, line)
    before = next(
        ((offset, a) for offset, a in enumerate(_lines_before(text, line), 1) if a.strip()),
        None,
    )
    if before is not None and _KEY_LINE.match(before[1]) is None:
        found = _WORD.match(before[1])
        if found is not None and found["word"] in (*BANK_KEYS, *QUESTION_KEYS):
            word, rest = found["word"], found["rest"]
            return (
                line - before[0],
                len(found["lead"]),
                (f"'{word}' needs a colon: {found['lead'].lstrip()}{word}: {rest}".rstrip()),
            )
    key = _key_at(current)
    own = _KEY_LINE.match(current)
    if own is not None and current.rfind(":", 0, own.end()) < column:
        return (
            line,
            column,
            (
                f"': ' inside unquoted text starts a new key; put the text in quotes: "
                f"{_with_value_quoted(current)}"
            ),
        )
    if key is not None:
        above = _previous_key(text, line, key[1])
        if above is not None and above[1] < key[1]:
            return (
                line,
                key[1] - 1,
                (
                    f"'{key[0]}' is indented more than '{above[0]}' on line {above[2] + 1}: "
                    f"start it at column {above[1]}"
                ),
            )
    return line, column, "': ' inside unquoted text starts a new key; put the text in quotes"


def _value_start(line: str) -> int:
    """The 0-based column where the value of a ``key: value`` line starts."""
    found = _KEY_LINE.match(line)
    if found is None:
        return len(line) - len(line.lstrip(" -"))
    return found.end() + (len(line) - found.end() - len(line[found.end() :].lstrip()))


def _key_prefix(line: str) -> str:
    found = _KEY_LINE.match(line)
    return f"{found['key']}: " if found else ""


def _apostrophe_word(value: str) -> str:
    """The word whose apostrophe closed single-quoted text early."""
    closing = value.find("'", 1)
    start = value.rfind(" ", 0, closing) + 1
    end = value.find(" ", closing)
    return value[max(start, 1) : end if end >= 0 else len(value)].rstrip("'")
