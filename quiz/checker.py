"""The located checker: every rule of the question-file format, and where each
problem is (file, line and column), with advice on how to fix it.

It reads the file with the located YAML reader of :mod:`quiz.yamlnodes` and walks
its node tree. Every diagnostic the game shows comes from here; the quick path of
:mod:`quiz.quickread` only ever accepts files that this checker finds clean.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from quiz.bank import (
    BANK_KEYS,
    CHOICE_RANGE,
    ID_PATTERN,
    ITEM_RANGE,
    QUESTION_KEYS,
    TRUTH,
    TYPE_KEYS,
)
from quiz.errors import Diagnostic
from quiz.model import Content, Difficulty, Question, QuestionType, format_number, question_row
from quiz.nodes import Mapping, Node, Scalar, Sequence, kind_name
from quiz.text import (
    control_character_positions,
    find_control_character,
    normalize_answer,
    offset_position,
)
from quiz.yamlnodes import YamlSyntaxError, read_document


def check_document(text: str, path: str) -> tuple[Content | None, tuple[Diagnostic, ...]]:
    """Check the text of a question file, shown as ``path``: its content when it has no
    errors (else ``None``), and every diagnostic, in the order of the file."""
    controls = _raw_control_characters(text, path)
    if controls:
        return None, controls
    try:
        root = read_document(text, path)
    except YamlSyntaxError as error:
        return None, (error.diagnostic,)
    checker = _Checker(path)
    content = checker.content(root)
    diagnostics = tuple(sorted(checker.diagnostics, key=lambda d: (d.line, d.column)))
    if content is None or any(d.is_error for d in diagnostics):
        return None, diagnostics
    return content, diagnostics


def _raw_control_characters(text: str, path: str) -> tuple[Diagnostic, ...]:
    """Locate every control character written straight into the file (not escaped)."""
    text = text.replace("\r\n", "\n")
    found: list[Diagnostic] = []
    for index in control_character_positions(text):
        line, column = offset_position(text, index)
        found.append(Diagnostic(path, line, column, _control_message(text[index])))
    return tuple(found)


def _control_message(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate {code} is not a character; write the character itself"
    what = (
        "an escape character (terminal escape sequences)"
        if char == "\x1b"
        else "a control character"
    )
    return f"{what} {code} is not allowed in question files; only newline and tab are"


def _closest(word: str, options: tuple[str, ...] | list[str]) -> str | None:
    """The option ``word`` was most likely meant to be, if any is close."""
    lowered = {o.casefold(): o for o in options}
    if word.casefold() in lowered:
        return lowered[word.casefold()]
    import difflib  # only a file with a mistake needs it

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest(word: str, options: tuple[str, ...] | list[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or nothing when none is close."""
    closest = _closest(word, options)
    return f" (did you mean '{closest}'?)" if closest else ""


class _Checker:
    """Walks the node tree of one file, collecting diagnostics and building the bank."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        # The keys suggested for unknown keys in the last mapping read: a misspelled
        # 'explanation' is already reported, so it needs no "no explanation" warning.
        self.suggested: set[str] = set()

    def error(self, node: Node, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, node.line, node.column, message))

    def warn(self, node: Node, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, node.line, node.column, message, "warning"))

    # -- generic shapes ---------------------------------------------------------------

    def fields(self, node: Mapping, known: tuple[str, ...], where: str) -> dict[str, Node]:
        """The mapping's values by key, reporting duplicate, unknown and non-text keys."""
        values: dict[str, Node] = {}
        key_nodes: dict[str, Node] = {}
        self.suggested = set()
        for key, value in node.pairs:
            if not isinstance(key, Scalar):
                self.error(key, f"a key must be a plain word, not {kind_name(key)}")
                continue
            index = find_control_character(key.value) if key.escaped else -1
            if index >= 0:
                self.error(key, f"in a key: {_control_message(key.value[index])}")
                continue
            if key.value in key_nodes:
                first = key_nodes[key.value].line
                self.error(key, f"duplicate key '{key.value}' (first at line {first})")
                continue
            key_nodes[key.value] = key
            if key.value not in known:
                closest = _closest(key.value, known)
                hint = f" (did you mean '{closest}'?)" if closest else ""
                if closest:
                    self.suggested.add(closest)
                self.error(key, f"unknown key '{key.value}'{where}{hint}")
                continue
            values[key.value] = value
        return values

    def text(self, node: Node | None, what: str, required: bool = False) -> str | None:
        """A text field: ``None`` when absent or null (an error when required)."""
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.error(node, f"'{what}' must be text, not {kind_name(node)}")
            return None
        if node.is_null:
            if required:
                self.error(node, f"'{what}' is empty")
            return None
        value = node.value.strip()
        if not value:
            self.error(node, f"'{what}' is empty")
            return None
        # Control characters written into the file were refused before parsing;
        # only a double-quoted escape can still make one.
        index = find_control_character(value) if node.escaped else -1
        if index >= 0:
            self.error(node, f"in '{what}': {_control_message(value[index])}")
            return None
        return value

    def text_list(
        self, node: Node | None, what: str, distinct: bool = True
    ) -> list[tuple[str, Node]] | None:
        """A list of texts, each with its node; duplicates (ignoring case) are errors."""
        if node is None:
            return None
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Sequence):
            self.error(node, f"'{what}' must be a list, not {kind_name(node)}; write [a, b]")
            return None
        result: list[tuple[str, Node]] = []
        first_at: dict[str, Node] = {}
        for item in node.items:
            value = self.text(item, f"{what} entry")
            if value is None:
                if isinstance(item, Scalar) and item.is_null:
                    self.error(item, f"an entry of '{what}' is empty")
                continue
            folded = value.casefold()
            if distinct and folded in first_at:
                first = first_at[folded]
                where = (
                    f"column {first.column}" if first.line == item.line else f"line {first.line}"
                )
                self.error(item, f"duplicate entry '{value}' in '{what}' (first at {where})")
                continue
            first_at.setdefault(folded, item)
            result.append((value, item))
        return result

    def counted(
        self, entries: list[tuple[str, Node]], node: Node, what: str, limits: tuple[int, int]
    ) -> bool:
        low, high = limits
        if len(entries) < low:
            self.error(node, f"'{what}' needs at least {low} entries, found {len(entries)}")
            return False
        if len(entries) > high:
            self.error(node, f"'{what}' takes at most {high} entries, found {len(entries)}")
            return False
        return True

    def enum_value(
        self, node: Node | None, what: str, options: tuple[str, ...], required: bool = False
    ) -> str | None:
        value = self.text(node, what, required=required)
        if value is None or node is None:
            return None
        if value not in options:
            advice = _suggest(value, options) or f" (expected one of: {', '.join(options)})"
            self.error(node, f"unknown {what} '{value}'{advice}")
            return None
        return value

    # -- the bank ---------------------------------------------------------------------

    def content(self, root: Node | None) -> Content | None:
        if root is None or (isinstance(root, Scalar) and root.is_null):
            self.diagnostics.append(
                Diagnostic(
                    self.path, 1, 1, "the file is empty; a bank needs 'title' and 'questions'"
                )
            )
            return None
        if not isinstance(root, Mapping):
            self.error(
                root,
                "the top level must be a mapping with 'title' and 'questions', "
                f"not {kind_name(root)}",
            )
            return None
        values = self.fields(root, BANK_KEYS, " at the top level")
        title = self.text(values.get("title"), "title", required=True)
        if "title" not in values:
            self.error(root, "missing required key 'title'")
        description = self.text(values.get("description"), "description") or ""
        tag_entries = self.text_list(values.get("tags"), "tags") or []
        bank_tags = tuple(t for t, _ in tag_entries)
        questions = self.questions(values.get("questions"), root, bank_tags)
        if title is None or questions is None:
            return None
        return Content(title, description, bank_tags, tuple(map(question_row, questions)))

    def questions(
        self, node: Node | None, root: Mapping, bank_tags: tuple[str, ...]
    ) -> tuple[Question, ...] | None:
        if node is None:
            self.error(root, "missing required key 'questions'")
            return None
        if not isinstance(node, Sequence) or not node.items:
            if isinstance(node, Sequence) or (isinstance(node, Scalar) and node.is_null):
                self.error(node, "'questions' is empty; a bank needs at least one question")
            else:
                self.error(node, f"'questions' must be a list of questions, not {kind_name(node)}")
            return None
        built: list[Question] = []
        ids: dict[str, Node] = {}
        for number, item in enumerate(node.items, start=1):
            question = _QuestionChecker(self, item, number, bank_tags, ids).build()
            if question is not None:
                built.append(question)
        return tuple(built)


class _QuestionChecker:
    """Checks one entry of 'questions'."""

    def __init__(
        self,
        checker: _Checker,
        node: Node,
        number: int,
        bank_tags: tuple[str, ...],
        ids: dict[str, Node],
    ) -> None:
        self.c = checker
        self.ids = ids
        self.node = node
        self.bank_tags = bank_tags
        self.label = f"question {number}"

    def build(self) -> Question | None:
        c, node = self.c, self.node
        if not isinstance(node, Mapping):
            c.error(
                node,
                f"{self.label} must be a mapping with keys like 'id' and 'prompt', "
                f"not {kind_name(node)}",
            )
            return None
        before = len([d for d in c.diagnostics if d.is_error])
        values = c.fields(node, QUESTION_KEYS, "")
        qid = self.identifier(values.get("id"))
        if qid is not None:
            self.label = f"question '{qid}'"
        prompt = c.text(values.get("prompt"), "prompt", required=True)
        if "prompt" not in values:
            c.error(node, f"{self.label} is missing 'prompt'")
        # A type written but left empty is an error, not a silently skipped question.
        type_name = c.enum_value(values.get("type"), "type", tuple(QuestionType), True) or (
            None if "type" in values else QuestionType.SINGLE.value
        )
        difficulty = c.enum_value(values.get("difficulty"), "difficulty", tuple(Difficulty))
        explanation = c.text(values.get("explanation"), "explanation")
        hint = c.text(values.get("hint"), "hint")
        source = c.text(values.get("source"), "source")
        tags = c.text_list(values.get("tags"), "tags") or []
        misspelled = "explanation" in c.suggested
        if explanation is None and "explanation" not in values and not misspelled:
            c.warn(node, f"{self.label} has no 'explanation'; players will not learn why")
        answer_fields: dict[str, object] = {}
        if type_name is None:
            # The type is unknown, but some rules hold whatever the type: check them.
            for key in ("choices", "items"):
                c.text_list(values.get(key), key)
            self.tolerance(values)
        else:
            qtype = QuestionType(type_name)
            for key in TYPE_KEYS:
                if key in values and qtype not in TYPE_KEYS[key]:
                    self.misplaced(key, qtype, values[key])
            answer_fields = self.answer(qtype, values)
        after = len([d for d in c.diagnostics if d.is_error])
        if after > before or qid is None or prompt is None or type_name is None:
            return None
        merged = tuple(dict.fromkeys((*self.bank_tags, *(t for t, _ in tags))))
        return Question(
            id=qid,
            type=QuestionType(type_name),
            prompt=prompt,
            explanation=explanation or "",
            hint=hint,
            difficulty=Difficulty(difficulty) if difficulty else Difficulty.MEDIUM,
            tags=merged,
            source=source,
            **answer_fields,  # type: ignore[arg-type]
        )

    def identifier(self, node: Node | None) -> str | None:
        if node is None:
            self.c.error(self.node, f"{self.label} is missing 'id'")
            return None
        value = self.c.text(node, "id", required=True)
        if value is None:
            return None
        if not ID_PATTERN.fullmatch(value):
            self.c.error(node, f"id '{value}' may hold only letters, digits, '-' and '_'")
            return None
        if value in self.ids:
            first = self.ids[value].line
            self.c.error(node, f"duplicate id '{value}' (first used at line {first})")
            return None
        self.ids[value] = node
        return value

    def misplaced(self, key: str, qtype: QuestionType, node: Node) -> None:
        if key == "answer":
            advice = "; list 'items' in the right order instead"
        else:
            kinds = " and ".join(sorted(t.value for t in TYPE_KEYS[key]))
            advice = f"; it is for {kinds} questions"
        self.c.error(node, f"'{key}' does not apply to {_article(qtype)} {qtype} question{advice}")

    def required(self, values: dict[str, Node], key: str) -> Node | None:
        node = values.get(key)
        if node is None:
            self.c.error(self.node, f"{self.label} is missing '{key}'")
        return node

    def answer(self, qtype: QuestionType, values: dict[str, Node]) -> dict[str, object]:
        handler: Callable[[dict[str, Node]], dict[str, object]] = {
            QuestionType.SINGLE: self.single,
            QuestionType.MULTI: self.multi,
            QuestionType.BOOLEAN: self.boolean,
            QuestionType.TEXT: self.text_answer,
            QuestionType.NUMBER: self.number,
            QuestionType.ORDER: self.order,
        }[qtype]
        return handler(values)

    def choices(self, values: dict[str, Node]) -> list[tuple[str, Node]] | None:
        node = self.required(values, "choices")
        entries = self.c.text_list(node, "choices")
        if entries is None or node is None:
            return None
        if not self.c.counted(entries, node, "choices", CHOICE_RANGE):
            return None
        return entries

    def pick(self, node: Node, choices: list[str]) -> str | None:
        value = self.c.text(node, "answer", required=True)
        if value is None:
            return None
        if value not in choices:
            self.c.error(
                node, f"answer '{value}' is not one of the choices{_suggest(value, choices)}"
            )
            return None
        return value

    def single(self, values: dict[str, Node]) -> dict[str, object]:
        entries = self.choices(values)
        node = self.required(values, "answer")
        if entries is None or node is None:
            return {}
        choices = [value for value, _ in entries]
        if isinstance(node, Sequence):
            self.c.error(node, "a single question has one answer; use type: multi for several")
            return {}
        picked = self.pick(node, choices)
        return {"choices": tuple(choices), "answers": (picked,)} if picked else {}

    def multi(self, values: dict[str, Node]) -> dict[str, object]:
        entries = self.choices(values)
        node = self.required(values, "answer")
        if entries is None or node is None:
            return {}
        choices = [value for value, _ in entries]
        if not isinstance(node, Sequence):
            self.c.error(
                node,
                f"'answer' of a multi question must be a list of choices, not {kind_name(node)}",
            )
            return {}
        if not node.items:
            self.c.error(node, "'answer' of a multi question needs at least one choice")
            return {}
        picked: list[str] = []
        for item in node.items:
            value = self.pick(item, choices)
            if value is None:
                continue
            if value in picked:
                self.c.error(item, f"answer '{value}' is listed twice")
                continue
            picked.append(value)
        right = tuple(choice for choice in choices if choice in picked)
        return {"choices": tuple(choices), "answers": right}

    def boolean(self, values: dict[str, Node]) -> dict[str, object]:
        node = self.required(values, "answer")
        if node is None:
            return {}
        value = self.c.text(node, "answer", required=True)
        if value is None:
            return {}
        truth = TRUTH.get(value.casefold())
        if truth is not None:
            return {"truth": truth}
        self.c.error(
            node, f"the answer of a boolean question is true or false (or yes/no), not '{value}'"
        )
        return {}

    def text_answer(self, values: dict[str, Node]) -> dict[str, object]:
        node = self.required(values, "answer")
        if node is None:
            return {}
        if isinstance(node, Sequence):
            entries = self.c.text_list(node, "answer") or []
            if not node.items:
                self.c.error(node, "'answer' needs at least one accepted answer")
        else:
            value = self.c.text(node, "answer", required=True)
            entries = [(value, node)] if value is not None else []
        for value, item in entries:
            if not normalize_answer(value):
                self.c.error(item, f"accepted answer '{value}' has no letters or digits to compare")
        accepted = tuple(value for value, _ in entries)
        return {"answers": accepted} if accepted else {}

    def number(self, values: dict[str, Node]) -> dict[str, object]:
        node = self.required(values, "answer")
        result: dict[str, object] = {}
        if node is not None:
            value = self.numeric(node, "answer")
            if value is not None:
                result["number"] = value
        tolerance = self.tolerance(values)
        if tolerance is not None:
            result["tolerance"] = tolerance
        return result

    def tolerance(self, values: dict[str, Node]) -> float | None:
        """The tolerance when it is given and is a number of zero or more."""
        node = values.get("tolerance")
        if node is None:
            return None
        tolerance = self.numeric(node, "tolerance")
        if tolerance is not None and tolerance < 0:
            self.c.error(node, f"'tolerance' must be zero or more, not {format_number(tolerance)}")
            return None
        return tolerance

    def numeric(self, node: Node, what: str) -> float | None:
        text = self.c.text(node, what, required=True)
        if text is None:
            return None
        try:
            value = float(text.replace("_", ""))
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.c.error(node, f"'{what}' must be a number, not '{text}'")
            return None
        return value

    def order(self, values: dict[str, Node]) -> dict[str, object]:
        node = self.required(values, "items")
        entries = self.c.text_list(node, "items")
        if entries is None or node is None:
            return {}
        if not self.c.counted(entries, node, "items", ITEM_RANGE):
            return {}
        return {"items": tuple(value for value, _ in entries)}


def _article(qtype: QuestionType) -> str:
    return "an" if qtype.value[0] in "aeiou" else "a"
