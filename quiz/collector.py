"""The cycle collector across a run's start-up.

Starting up (importing rich, questionary and prompt_toolkit, reading the banks) makes
a few hundred thousand objects that live as long as the process. The cycle collector
would walk them again and again and find nothing to free: paused, a game reaches its
first question about a tenth sooner (see the README's Performance section). Reference
counting frees everything else as usual.

A command that runs once and ends leaves the collector paused. A game resumes it
when the player is first asked (to pick a bank, or the first question), having first
set aside ("frozen") what start-up made, so that no collection during the game walks
those objects again.
"""

from __future__ import annotations

import gc


class _State:
    paused = False  # by pause(), and not yet resumed
    freeze = False  # what exists is set aside when the collector resumes


def pause(*, freeze_on_resume: bool) -> None:
    """Pause the collector for start-up, if it runs. With ``freeze_on_resume`` (for
    the process's own command line only: a caller's objects are its own business),
    :func:`resume` sets aside what exists by then."""
    if gc.isenabled():
        gc.disable()
        _State.paused = True
        _State.freeze = freeze_on_resume


def resume() -> None:
    """Resume the collector if :func:`pause` paused it."""
    if _State.paused:
        if _State.freeze:
            gc.freeze()
        _State.paused = False
        gc.enable()
