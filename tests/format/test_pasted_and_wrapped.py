"""A teacher's realistic slips (notes/teacher.md): text wrapped onto a second line,
characters pasted from web pages, word processors, spreadsheets and input methods, and
' #' or '@' inside a [ ] list. Each message is asserted as printed, and the fix it
suggests is applied and validated again."""

from __future__ import annotations

import pytest

from quiz.format.checker import check_text

HEAD = "title: T\nquestions:\n  - id: q1\n"
TAIL = "    answer: Mars\n    explanation: E\n"
CHOICES = "    choices: [Venus, Mars]\n"
PROMPT = "    prompt: Which planet is red?\n"


def messages(text: str) -> list[str]:
    return [
        f"{d.line}:{d.column}: {d.severity}: {d.message}"
        for d in check_text(text, "t.yaml").diagnostics
    ]


# The words after which a message shows the corrected line.
FIX_MARKERS = (
    "join it to line 4: ",
    "join them to line 8: ",
    "type an ordinary ':': ",
    "delete it: ",
    "write ",
    "separate them with commas: ",
    "put the entry in quotes: ",
    "put the whole value in quotes: ",
)


def fixed(text: str, line: int, message: str, drop_next: bool = False) -> str:
    """``text`` with its 1-based ``line`` replaced by the corrected line the message
    shows, at the line's own indentation (and its '- ', when the fix leaves it out)."""
    at, marker = max((message.rfind(marker), marker) for marker in FIX_MARKERS)
    assert at >= 0, message
    suggestion = message[at + len(marker) :]
    lines = text.split("\n")
    original = lines[line - 1]
    indent = " " * (len(original) - len(original.lstrip(" \u00a0")))
    dash = "- " if original.lstrip().startswith("- ") and not suggestion.startswith("- ") else ""
    lines[line - 1] = indent + dash + suggestion
    if drop_next:
        del lines[line]
    return "\n".join(lines)


def assert_clean(text: str) -> None:
    assert messages(text) == []


def assert_only_message_and_its_fix(
    text: str, message: str, line: int, drop_next: bool = False
) -> None:
    """``message`` is the one diagnostic of ``text``, and the corrected line it shows
    (in place of 1-based ``line``; the next line dropped when it was joined) validates."""
    assert messages(text) == [message]
    assert_clean(fixed(text, line, message, drop_next))


# -- 1: a prompt wrapped onto a second line ---------------------------------------------


def test_a_prompt_carried_onto_the_next_line_is_text_that_goes_on() -> None:
    text = HEAD + "    prompt: Which planet\n    is red?\n" + CHOICES + TAIL
    message = (
        "5:5: error: the text of 'prompt' goes on past line 4: indent this line further than "
        "'prompt' (start it at column 7), or join it to line 4: prompt: Which planet is red?"
    )
    assert_only_message_and_its_fix(text, message, 4, drop_next=True)
    # Indented as the message says, it is valid too.
    assert_clean(text.replace("    is red?", "      is red?"))


def test_every_line_carried_is_joined() -> None:
    text = (
        HEAD
        + PROMPT
        + CHOICES
        + TAIL
        + "    hint: Think of the\n    fourth planet\n    from the Sun\n"
    )
    message = (
        "9:5: error: the text of 'hint' goes on past line 8: indent lines 9 to 10 further than "
        "'hint' (start them at column 7), or join them to line 8: hint: Think of the fourth "
        "planet from the Sun"
    )
    assert messages(text) == [message]
    assert_clean(fixed(text, 8, message).rsplit("\n", 3)[0] + "\n")


def test_a_carried_line_indented_less_than_its_key_is_text_that_goes_on_too() -> None:
    text = HEAD + "    prompt: Which planet\n  is red?\n" + CHOICES + TAIL
    assert messages(text)[0].startswith("5:3: error: the text of 'prompt' goes on past line 4")


@pytest.mark.parametrize(
    ("above", "word", "rest"),
    [
        ("hint: Red one", "prompt", "Which planet?"),
        ("hint: Red one", "answr", "Mars"),
        ("type: single", "Which", "planet?"),
    ],
)
def test_a_word_that_could_be_a_key_still_needs_its_colon(above: str, word: str, rest: str) -> None:
    # A key, a close misspelling of one, or words after a one-word value (not wrapped text).
    text = HEAD + f"    {above}\n    {word} {rest}\n" + CHOICES + TAIL
    assert messages(text)[0] == f"5:5: error: '{word}' needs a colon: {word}: {rest}"


# -- 2 and 8: no-break spaces ------------------------------------------------------------


NO_BREAK_INDENT = (
    "line {0} is indented with no-break spaces (U+00A0), not ordinary spaces: they look "
    "the same but YAML does not count them; retype them with the space bar"
)


def test_indentation_of_no_break_spaces_is_named_on_its_own_line() -> None:
    text = HEAD + "\u00a0" * 4 + "prompt: Which planet is red?\n" + CHOICES + TAIL
    assert messages(text) == ["4:1: error: " + NO_BREAK_INDENT.format(4)]
    assert_clean(text.replace("\u00a0", " "))


def test_a_last_key_indented_with_no_break_spaces_is_named_too() -> None:
    # The file is valid YAML: the key is read as '\xa0\xa0\xa0\xa0explanation', at the top level.
    text = HEAD + PROMPT + CHOICES + TAIL.replace("    explanation", "\u00a0" * 4 + "explanation")
    assert messages(text)[1] == "7:1: warning: " + NO_BREAK_INDENT.format(7)
    assert_clean(text.replace("\u00a0", " "))


def test_a_no_break_space_after_a_dash_is_named() -> None:
    text = HEAD.replace("  - id", "  -\u00a0id") + PROMPT + CHOICES + TAIL
    assert messages(text) == [
        "3:4: error: the space after the '-' on line 3 is a no-break space (U+00A0), not an "
        "ordinary space: it looks the same but YAML does not count it; retype it with the "
        "space bar"
    ]
    assert_clean(text.replace("\u00a0", " "))


def test_a_no_break_space_after_a_closing_quote_is_named() -> None:
    text = HEAD + '    prompt: "Which is red?"\u00a0\n' + CHOICES + TAIL
    message = (
        "4:28: error: an invisible no-break space (U+00A0) follows the closing quote; "
        'delete it: prompt: "Which is red?"'
    )
    assert_only_message_and_its_fix(text, message, 4)


# -- 3 and 4: '@' and ' #' inside [ ] ----------------------------------------------------


@pytest.mark.parametrize("char", ["@", "`", "%"])
def test_a_reserved_character_in_brackets_quotes_the_entry_not_the_list(char: str) -> None:
    text = HEAD + PROMPT + f'    choices: [{char}home, "Mars"]\n' + TAIL
    message = (
        f"5:15: error: text cannot start with '{char}' unless it is in quotes: "
        f'write choices: ["{char}home", "Mars"]'
    )
    assert_only_message_and_its_fix(text, message, 5)


MATCH = "    type: match\n" + PROMPT + "    pairs:\n      - {left: b, right: y}\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            HEAD + PROMPT + "    choices: [C #, Mars]\n" + TAIL,
            "5:17: error: ' #' starts a comment, which hides the rest of the line (', Mars]'); "
            'put the entry in quotes: choices: ["C #", Mars]',
        ),
        (
            HEAD + MATCH + "      - {left: C #, right: x}\n    explanation: E\n",
            "8:18: error: ' #' starts a comment, which hides the rest of the line (', right: x}'); "
            'put the entry in quotes: - {left: "C #", right: x}',
        ),
    ],
)
def test_a_comment_inside_brackets_is_named_not_an_unclosed_bracket(
    text: str, message: str
) -> None:
    assert_only_message_and_its_fix(text, message, int(message.split(":")[0]))


def test_a_comment_that_hides_no_bracket_leaves_the_bracket_unclosed() -> None:
    text = HEAD + PROMPT + '    choices: ["C #", Mars #x\n' + TAIL
    assert messages(text) == [
        "5:14: error: the '[' opened here is never closed; add ']' at its end"
    ]


# -- 5 and 29: ' #' at the end of a value; a comment after a number ----------------------


def test_a_value_ending_in_space_hash_is_warned_about() -> None:
    text = HEAD + PROMPT + "    choices:\n      - C #\n      - Mars\n" + TAIL
    message = (
        "6:11: warning: ' #' starts a comment, so '#' is not part of the text; to keep it, "
        'put the whole value in quotes: "C #"'
    )
    assert_only_message_and_its_fix(text, message, 6)


@pytest.mark.parametrize("value", ["4 # four", "true # yes", "-1.5 #", "4  # two spaces"])
def test_a_comment_after_a_number_or_true_is_not_warned_about(value: str) -> None:
    text = HEAD + "    type: text\n" + PROMPT + f"    answer: {value}\n    explanation: E\n"
    assert messages(text) == []


def test_an_empty_comment_after_a_key_is_not_warned_about() -> None:
    assert messages(HEAD + PROMPT + CHOICES + TAIL + "    hint: #\n") == []


# -- 7: tab-separated cells --------------------------------------------------------------

CELLS_WARNING = (
    "5:14: warning: tabs separate the entries here (cells pasted from a spreadsheet?), so they "
    "are read as one; separate them with commas: choices: [Venus, Mars, Jupiter]"
)


@pytest.mark.parametrize("value", ["[Venus\tMars\tJupiter]", "Venus\tMars\tJupiter"])
def test_tab_separated_cells_are_named_whatever_else_is_wrong(value: str) -> None:
    text = HEAD + PROMPT + f"    choices: {value}\n" + TAIL
    found = messages(text)
    assert found[0] == CELLS_WARNING
    assert_clean(fixed(text, 5, found[0]))
    # With a syntax error further on, the parser stops at the tab: the same advice.
    broken = text + '  - id: q2\n    prompt: "Big?"\u00a0\n' + CHOICES + TAIL
    assert messages(broken)[0] == CELLS_WARNING.replace("warning", "error")


def test_tab_separated_cells_in_a_dash_entry_get_a_line_each() -> None:
    text = HEAD + PROMPT + "    choices:\n      - Venus\tJupiter\n      - Mars\n" + TAIL
    assert messages(text) == [
        "6:9: warning: tabs separate the entries here (cells pasted from a spreadsheet?), so "
        "they are read as one; give each its own line: - Venus, then - Jupiter"
    ]
    assert_clean(text.replace("- Venus\tJupiter", "- Venus\n      - Jupiter"))


def test_cells_that_need_quotes_are_quoted_in_the_fix() -> None:
    text = HEAD + PROMPT + "    choices: [Venus\t@Mars, x]\n" + TAIL.replace("Mars", "x")
    [message] = messages(text)
    assert message.endswith('separate them with commas: choices: [Venus, "@Mars", x]')
    assert_clean(fixed(text, 5, message))


# -- 9: a full-width colon ---------------------------------------------------------------


@pytest.mark.parametrize("after", [" ", ""])
def test_a_full_width_colon_is_named_with_the_ordinary_one(after: str) -> None:
    text = HEAD + f"    prompt\uff1a{after}Which planet is red?\n" + CHOICES + TAIL
    message = (
        "4:11: error: the colon after 'prompt' is a full-width '\uff1a' (U+FF1A); "
        "type an ordinary ':': prompt: Which planet is red?"
    )
    assert_only_message_and_its_fix(text, message, 4)


def test_a_full_width_colon_on_the_first_line() -> None:
    text = "title\uff1a T\n" + HEAD.split("\n", 1)[1] + PROMPT + CHOICES + TAIL
    [message] = messages(text)
    assert message.startswith("1:6: error: the colon after 'title' is a full-width")
    assert_clean(fixed(text, 1, message))


# -- 10: "\U" without its eight digits ---------------------------------------------------


def test_a_backslash_u_without_eight_digits_is_an_unknown_escape() -> None:
    text = HEAD + '    prompt: "Where is C:\\Users\\Mars?"\n' + CHOICES + TAIL
    assert messages(text) == [
        "4:26: error: in double quotes a backslash starts an escape, and this one is not "
        "known: write \\\\ for a backslash, or use single quotes"
    ]
    assert_clean(text.replace("\\", "\\\\"))


# -- 28: keys written with capitals ------------------------------------------------------


def test_questions_under_a_capitalised_key_are_checked_in_the_same_run() -> None:
    text = "Title: T\nQuestions:\n  - ID: q1\n    Prompt: P\n    Choices: [a, b]\n    Answer: a\n"
    assert messages(text) == [
        "1:1: error: unknown key 'Title' at the top level (did you mean 'title'?)",
        "2:1: error: unknown key 'Questions' at the top level (did you mean 'questions'?)",
        "3:5: error: unknown key 'ID' (did you mean 'id'?)",
        "3:5: warning: question 1 has no 'explanation'; players will not learn why",
        "4:5: error: unknown key 'Prompt' (did you mean 'prompt'?)",
        "5:5: error: unknown key 'Choices' (did you mean 'choices'?)",
        "6:5: error: unknown key 'Answer' (did you mean 'answer'?)",
    ]
