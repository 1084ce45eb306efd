"""A second first-time user's YAML slips (notes/stranger2.md, findings 2, 3 and 7): a
prompt wrapped onto a line that starts with a short common word, a no-break space
after a key's colon, and several ' #' entries in brackets on one line or more. Each
message is asserted as printed, and the fix it shows is applied and validated again."""

from __future__ import annotations

import pytest

from quiz.format.wrapped import close_key
from tests.format.teacher_helpers import located as messages

HEAD = "title: Planets\nquestions:\n  - id: red\n    type: single\n"
TAIL = "    choices: [Venus, Mars]\n    answer: Mars\n    explanation: E\n"
WRAPPED = "    prompt: Which planet is known\n"


def with_line(text: str, line: int, new: str | None) -> str:
    """``text`` with its 1-based ``line`` replaced by ``new`` (dropped for ``None``)."""
    lines = text.split("\n")
    if new is None:
        del lines[line - 1]
    else:
        lines[line - 1] = new
    return "\n".join(lines)


def suggestion(message: str) -> str:
    """The corrected line a message ends with, after its last ': ' that follows a
    word of advice."""
    for marker in ("to line 5: ", "in quotes: ", "ordinary space: "):
        if marker in message:
            return message.rsplit(marker, 1)[1]
    raise AssertionError(message)


# -- 2: a prompt wrapped onto a line that starts with a short word -----------------------


def goes_on(column: int, joined: str) -> str:
    return (
        f"6:{column}: error: the text of 'prompt' goes on past line 5: indent this line "
        "further than 'prompt' (start it at column 7), or join it to line 5: "
        f"prompt: {joined}"
    )


WORDS = ["as", "in", "it", "id", "tag", "time", "type", "hint", "answer", "choice", "source"]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("indent", [0, 2, 3])
def test_a_wrapped_line_starting_with_a_short_word_is_text_that_goes_on(
    word: str, indent: int
) -> None:
    # At column 1 no question key can be; at 3 or 4 no key of any kind starts.
    text = HEAD + WRAPPED + " " * indent + f"{word} the red planet?\n" + TAIL
    joined = f"Which planet is known {word} the red planet?"
    assert messages(text) == [goes_on(indent + 1, joined)]
    # Both fixes the message offers validate: joining, and indenting further.
    joined_line = "    " + suggestion(goes_on(1, joined))
    assert messages(with_line(with_line(text, 5, joined_line), 6, None)) == []
    assert messages(with_line(text, 6, f"      {word} the red planet?")) == []


@pytest.mark.parametrize("indent", [0, 2, 3])
def test_a_wrapped_line_holding_a_colon_is_joined_in_quotes(indent: int) -> None:
    text = HEAD + WRAPPED + " " * indent + "as the red planet? Think: rust\n" + TAIL
    message = (
        f"6:{indent + 1}: error: the text of 'prompt' goes on past line 5 and holds ': ': "
        "join it to line 5 and put the text in quotes: "
        'prompt: "Which planet is known as the red planet? Think: rust"'
    )
    assert messages(text) == [message]
    fixed = with_line(with_line(text, 5, "    " + suggestion(message)), 6, None)
    assert messages(fixed) == []


def test_a_short_word_at_the_keys_column_is_text_too() -> None:
    text = HEAD + WRAPPED + "    in the night sky?\n" + TAIL
    assert messages(text) == [goes_on(5, "Which planet is known in the night sky?")]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("    hint Rusty", "6:5: error: 'hint' needs a colon: hint: Rusty"),
        ("    tpye single", "6:5: error: 'tpye' needs a colon: tpye: single"),
        ("    answr Mars", "6:5: error: 'answr' needs a colon: answr: Mars"),
        ("tags [planets]", "6:1: error: 'tags' needs a colon: tags: [planets]"),
        (
            "  hint: Rusty",
            "6:3: error: 'hint' is out of line with 'prompt' on line 5: start it at column 5",
        ),
    ],
)
def test_a_key_where_one_can_stand_still_needs_its_colon(line: str, message: str) -> None:
    # A question's key at the column of the question's keys, close misspellings of one,
    # a bank key at column 1, and a key (with its colon) that is only out of line.
    text = HEAD + WRAPPED + line + "\n" + TAIL
    assert messages(text)[0] == message


@pytest.mark.parametrize(
    ("word", "keys", "close"),
    [
        ("as", ("tags",), False),
        ("in", ("id", "hint"), False),
        ("tag", ("tags",), False),
        ("time", ("type", "title"), False),
        ("passed", ("passage",), False),
        ("tagged", ("tags",), False),
        ("ID", ("id",), True),
        ("tpye", ("type",), True),
        ("choice", ("choices",), True),
        ("explaination", ("explanation",), True),
        ("questons", ("questions",), True),
    ],
)
def test_a_short_word_must_be_closer_to_be_taken_for_a_key(
    word: str, keys: tuple[str, ...], close: bool
) -> None:
    assert close_key(word, keys) is close


# -- 3: a no-break space after a key's colon ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "number", "message"),
    [
        (
            "    answer:\u00a0Mars",
            7,
            "7:12: error: the space after 'answer:' is a no-break space (U+00A0), not an "
            "ordinary space: it looks the same but YAML does not count it; type an ordinary "
            "space: answer: Mars",
        ),
        (
            '    prompt:\u00a0"Which planet?"',
            5,
            "5:12: error: the space after 'prompt:' is a no-break space (U+00A0), not an "
            "ordinary space: it looks the same but YAML does not count it; type an ordinary "
            'space: prompt: "Which planet?"',
        ),
        (
            "    answer:\u3000\u00a0Mars",
            7,
            "7:12: error: the space after 'answer:' is a full-width space (U+3000), not an "
            "ordinary space: it looks the same but YAML does not count it; type an ordinary "
            "space: answer: Mars",
        ),
    ],
)
def test_a_no_break_space_after_a_colon_is_named(line: str, number: int, message: str) -> None:
    text = HEAD + "    prompt: Which planet?\n" + TAIL
    text = with_line(text, number, line)
    assert messages(text) == [message]
    assert messages(with_line(text, number, "    " + suggestion(message))) == []


def test_a_no_break_space_after_the_colon_of_an_entry_key_is_named() -> None:
    text = "title: Planets\nquestions:\n  - id:\u00a0red\n    type: single\n" + (
        "    prompt: Which planet?\n" + TAIL
    )
    message = (
        "3:8: error: the space after 'id:' is a no-break space (U+00A0), not an ordinary "
        "space: it looks the same but YAML does not count it; type an ordinary space: "
        "- id: red"
    )
    assert messages(text) == [message]
    assert messages(with_line(text, 3, "  " + suggestion(message))) == []


# -- 7: several ' #' entries in brackets, on one line or more ---------------------------

CSHARP = (
    "title: Languages\nquestions:\n  - id: cs\n    type: multi\n    prompt: Which are languages?\n"
)


def hidden(line: int, column: int, rest: str, fixed: str) -> str:
    return (
        f"{line}:{column}: error: ' #' starts a comment, which hides the rest of the line "
        f"('{rest}'); put the entries in quotes: {fixed}"
    )


def test_every_entry_and_every_line_with_a_comment_in_brackets_is_reported_at_once() -> None:
    text = CSHARP + "    choices: [C #, F #, Python]\n    answer: [C #, F #]\n    explanation: E\n"
    choices = 'choices: ["C #", "F #", Python]'
    answer = 'answer: ["C #", "F #"]'
    assert messages(text) == [
        hidden(6, 17, ", F #, Python]", choices),
        hidden(7, 16, ", F #]", answer),
    ]
    assert messages(with_line(with_line(text, 6, "    " + choices), 7, "    " + answer)) == []


def test_keys_in_braces_have_each_entry_quoted() -> None:
    text = (
        "title: T\nquestions:\n  - id: m\n    type: match\n    prompt: Pair them\n"
        "    pairs:\n      - {left: C #, right: F #}\n      - {left: b, right: y}\n"
        "    explanation: E\n"
    )
    fixed = '- {left: "C #", right: "F #"}'
    assert messages(text) == [hidden(7, 18, ", right: F #}", fixed)]
    assert messages(with_line(text, 7, "      " + fixed)) == []


def test_the_same_line_in_a_block_of_text_is_not_reported() -> None:
    text = (
        CSHARP
        + "    choices: [C #, F #, Python]\n    answer: [Python, F]\n"
        + "    explanation: |\n      Write it as [C #, F #] in a list.\n"
    )
    assert messages(text) == [hidden(6, 17, ", F #, Python]", 'choices: ["C #", "F #", Python]')]
