"""GIFT slips Moodle reads without a word (the teacher's findings 13 to 17): each one is
named, with its line and the fix, and a note never stops a conversion."""

from __future__ import annotations

from quiz.importers.common import Imported, Note, Skip
from quiz.importers.convert import parse
from quiz.model import QuestionType


def gift(text: str) -> Imported:
    return parse(text, "gift")


GLUED = (
    "'=' inside an answer starts a new answer, so '2+2=4' is read as '2+2' and '4': "
    "write 2+2\\=4 for a literal '='"
)


def test_an_equals_sign_inside_a_choice_is_named_with_its_escape() -> None:
    result = gift("// Moodle export\n\n::Q2::Equation {=2+2=4 ~2+2=5}\n")
    assert (result.questions, result.skips) == ((), (Skip(3, GLUED),))  # not "the same"


def test_an_equals_sign_inside_a_choice_that_converts_is_a_note() -> None:
    result = gift("::Q::Equation {=2+2=4 ~3+3=7}\n")
    assert [q.choices for q in result.questions] == [("2+2", "4", "3+3", "7")]
    assert result.notes == (Note(1, GLUED),)


def test_escaped_and_compact_equals_signs_are_not_slips() -> None:
    escaped = gift("::Q::Equation {=2+2\\=4 ~2+2\\=5}\n")
    assert [q.choices for q in escaped.questions] == [("2+2=4", "2+2=5")]
    compact = gift("Which? {=Mars~Venus=Jupiter}\n\nWords {=not many=hardly any}\n")
    assert [q.type for q in compact.questions] == [QuestionType.MULTI, QuestionType.TEXT]
    assert (escaped.notes, compact.notes, compact.skips) == ((), (), ())


def test_general_feedback_after_the_brace_becomes_the_explanation() -> None:
    result = gift("::Q10::tf {T}\n\n::Q11::Who? {=Gagarin ~Tereshkova}####Yuri was first.\n")
    question = result.questions[1]
    assert (question.prompt, question.explanation) == ("Who?", "Yuri was first.")
    assert result.notes == (
        Note(
            3,
            "general feedback (####) after the closing '}' is taken as the explanation; "
            "Moodle reads it only inside the braces: {… ####Yuri was first.}",
        ),
    )


def test_general_feedback_inside_and_after_the_braces_are_both_kept() -> None:
    (question,) = gift("Who {=Gagarin ~Titov####Inside.} flew? ####After.\n").questions
    assert question.prompt == "Who _____ flew?"
    assert question.explanation == "Inside.\nAfter."


UNCLOSED = (
    "the title '::Q1' is not closed with '::', so it is read as part of the question's text; "
    "close it: ::Q1::"
)


def test_a_title_never_closed_is_a_note() -> None:
    result = gift("// Moodle export\n::Q1 Which planet is red? {=Mars ~Venus}\n")
    assert result.questions[0].prompt == "Q1 Which planet is red?"  # as Moodle reads it
    assert result.notes == (Note(2, UNCLOSED),)
    assert gift("::Q1:: Which planet is red? {=Mars ~Venus}\n").notes == ()
    assert gift("::Set {A}:: Which? {=Mars ~Venus}\n").notes == ()  # a brace in a title


def test_a_title_closed_only_inside_the_answers_is_a_note() -> None:
    result = gift("::Q1 Which type? {=std::vector ~int}\n")
    assert result.notes == (Note(1, UNCLOSED),)


def test_lower_case_true_is_a_short_answer_with_a_note() -> None:
    result = gift("::Q11:: Is it true? {true}\n\n::Q12:: Is it so? {False#No}\n")
    assert [(q.type, q.answers) for q in result.questions] == [
        (QuestionType.TEXT, ("true",)),
        (QuestionType.TEXT, ("False",)),
    ]
    assert result.notes == (
        Note(
            1,
            "{true} is read as a short answer 'true' (players type it), as Moodle reads it; "
            "for a true/false question write {T} or {TRUE} in capitals",
        ),
        Note(
            3,
            "{False} is read as a short answer 'False' (players type it), as Moodle reads it; "
            "for a true/false question write {F} or {FALSE} in capitals",
        ),
    )
    capitals = gift("Is it? {TRUE}\n\nIs it? {F}\n\nName it {=truth}\n")
    assert capitals.notes == ()
    assert [q.type for q in capitals.questions] == [QuestionType.BOOLEAN] * 2 + [QuestionType.TEXT]


def test_commas_between_answers_are_kept_with_a_note() -> None:
    result = gift("::Q5:: Which one? {=Mars, ~Venus, ~Earth}\n")
    assert result.questions[0].choices == ("Mars,", "Venus,", "Earth")  # as Moodle reads it
    assert result.notes == (
        Note(
            1,
            "the choices end in commas ('Mars,'): answers are separated by ~ and = alone, "
            "so the commas are part of the choices; remove them",
        ),
    )
    assert gift("Which? {=Washington, D.C. ~Paris}\n").notes == ()
