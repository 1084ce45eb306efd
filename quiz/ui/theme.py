"""The one rich Theme: every style the game uses, by name."""

from __future__ import annotations

from rich.theme import Theme

THEME = Theme(
    {
        "quiz.title": "bold cyan",
        "quiz.heading": "bold",
        "quiz.muted": "dim",
        "quiz.correct": "bold green",
        "quiz.wrong": "bold red",
        "quiz.partial": "bold yellow",
        "quiz.hint": "italic magenta",
        "quiz.points": "bold cyan",
        "quiz.streak": "bold yellow",
        "quiz.error": "bold red",
        "quiz.warning": "yellow",
        "quiz.path": "bold",
        "quiz.easy": "green",
        "quiz.medium": "yellow",
        "quiz.hard": "red",
        "quiz.timer": "bold magenta",
        "quiz.bar": "cyan",
    }
)
