"""``quiz stats --json``: the statistics as one JSON object. Pure."""

from __future__ import annotations

from typing import Any

from quiz.history.stats import Accuracy, Stats


def document(stats: Stats) -> dict[str, Any]:
    """The statistics as the JSON object of ``quiz stats --json``."""
    return {
        "sessions": stats.sessions,
        "answers": stats.answered,
        "correct": stats.correct,
        "accuracy": round(stats.accuracy, 4) if stats.answered else None,
        "best_streak": stats.best_streak,
        "banks": [
            {
                "title": b.title,
                "plays": b.plays,
                "best_score": b.best_score,
                "average_score": round(b.average_score, 2),
                "accuracy": round(b.accuracy, 4),
                "answers": b.answered,
                "correct": b.correct,
            }
            for b in stats.banks
        ],
        "tags": [_accuracy_entry("tag", a) for a in stats.tags],
        "difficulties": [_accuracy_entry("difficulty", a) for a in stats.difficulties],
        "most_missed": [
            {
                "bank": m.bank,
                "id": m.question_id,
                "prompt": m.prompt,
                "missed": m.missed,
                "asked": m.asked,
            }
            for m in stats.missed
        ],
        "games": [
            {
                "ended": g.ended,
                "mode": g.mode,
                "score": g.score,
                "max_score": g.max_score,
                "completed": g.completed,
            }
            for g in stats.games
        ],
        "scheduler": stats.scheduler,
        "progress": [
            {"bank": p.title, "new": p.new, "learning": p.learning, "known": p.known}
            for p in stats.progress
        ],
        "retention": {
            "days": 30,
            "target": stats.retention.target,
            "measured": _rounded(stats.retention.measured),
            "reviews": stats.retention.reviews,
            "recalled": stats.retention.recalled,
        },
        "calendar": [{"date": d.day.isoformat(), "answers": d.answers} for d in stats.calendar],
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _accuracy_entry(key: str, acc: Accuracy) -> dict[str, Any]:
    return {
        key: acc.label,
        "answers": acc.answered,
        "correct": acc.correct,
        "accuracy": round(acc.accuracy, 4),
    }
