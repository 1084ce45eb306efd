"""Text carried onto the next line, as an editor wraps a long prompt: the next line
starts at no more indentation than its key, so the parser reads its first word (or
the words before a ': ' in it) as a key. Used by :mod:`quiz.format.colons` and
:mod:`quiz.format.out_of_line`.

A word there is taken for a key without its colon only when a key can stand at its
column (a key of a question is never at column 1, and one at column 1 is a bank key)
and the word is one of those keys or close to one; short words must be closer (``as``
is not ``tags``, ``in`` is not ``id``).
"""

from __future__ import annotations

from quiz.format.rules import BANK_KEYS, PAIR_KEYS, QUESTION_KEYS
from quiz.format.text import edit_distance
from quiz.format.yaml_lines import KEY_LINE, line_at, lines_after, lines_before, quote

# The keys that can stand in a mapping that starts after a '- '.
_ENTRY_KEYS = (*QUESTION_KEYS, *PAIR_KEYS)
_ALL_KEYS = (*BANK_KEYS, *_ENTRY_KEYS)


def close_key(word: str, keys: tuple[str, ...]) -> bool:
    """Whether ``word`` is one of ``keys`` or a slip away from one: no slip for a word
    of up to 3 letters, one (a letter added, dropped, changed, or two swapped) up to 7,
    two for longer words."""
    folded = word.casefold()
    if folded in keys:
        return True
    limit = 0 if len(folded) <= 3 else 1 if len(folded) <= 7 else 2
    return limit > 0 and any(edit_distance(folded, key, limit) <= limit for key in keys)


def _keys_at(text: str, number: int, column: int) -> tuple[str, ...]:
    """The keys that can start at 0-based ``column`` of 0-based line ``number``: the
    bank's at column 0, a question's (or a pair's) where the keys of the mapping open
    above start, and none where no open mapping has its keys."""
    if column == 0:
        return BANK_KEYS
    for above in lines_before(text, number):
        found = KEY_LINE.match(above)
        if found is None:
            continue
        at = len(found["lead"])
        if at == column:
            return PAIR_KEYS if found["key"] in PAIR_KEYS else QUESTION_KEYS
        if at < column:
            return ()
    return ()


def key_here(text: str, number: int, lead: str, word: str) -> bool:
    """Whether ``word``, after ``lead`` (its indentation and any '- ') on 0-based line
    ``number``, can be a key written there."""
    keys = _ENTRY_KEYS if "-" in lead else _keys_at(text, number, len(lead))
    return close_key(word, keys)


def carried_text(text: str, number: int) -> tuple[int, int, str] | None:
    """The message for plain text carried from the key line above 0-based line
    ``number`` onto it (and the lines after it) at no more indentation than the key,
    so that its first word, or its words before a ': ', read as a key that no key can
    be; ``None`` when the line is not such text (a key written with its colon is a
    key, if out of line). The joined line takes in every carried line, in quotes when
    the text holds ': '."""
    if number == 0:
        return None
    above, current = line_at(text, number - 1), line_at(text, number)
    key = KEY_LINE.match(above)
    bare = current.lstrip(" ")
    indent = len(current) - len(bare)
    if key is None or not bare or bare.startswith(("#", "-")) or indent > len(key["lead"]):
        return None
    value = above[key.end() :].split(" #")[0].strip()
    # A one-word value (an id, a type) is not text that wraps.
    if not value or value[0] in "'\"[{|>&*!%@`" or " " not in value:
        return None
    own = KEY_LINE.match(current)
    if own is not None and close_key(own["key"], _ALL_KEYS):
        return None
    word = own["key"] if own is not None else bare.split(" ")[0]
    if key_here(text, number, current[:indent], word):
        return None
    carried: list[str] = []
    for line in lines_after(text, number):
        bare = line.strip()
        if not bare or bare.startswith(("#", "-")) or (carried and KEY_LINE.match(line)):
            break
        carried.append(bare.split(" #")[0].strip())
    return number, indent, _goes_on(key["lead"], key["key"], number - 1, value, carried)


def _goes_on(lead: str, name: str, number: int, value: str, carried: list[str]) -> str:
    """The message: the text of key ``name`` (``lead`` before it) on 0-based line
    ``number`` goes on over the ``carried`` lines."""
    joined = " ".join([value, *carried])
    them = "it" if len(carried) == 1 else "them"
    fixed = f"{lead.lstrip()}{name}: "
    if ": " in joined:
        return (
            f"the text of '{name}' goes on past line {number + 1} and holds ': ': join {them} "
            f"to line {number + 1} and put the text in quotes: {fixed}{quote(joined)}"
        )
    lines = (
        "this line" if len(carried) == 1 else f"lines {number + 2} to {number + len(carried) + 1}"
    )
    return (
        f"the text of '{name}' goes on past line {number + 1}: indent {lines} further than "
        f"'{name}' (start {them} at column {len(lead) + 3}), or join {them} to line "
        f"{number + 1}: {fixed}{joined}"
    )
