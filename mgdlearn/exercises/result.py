"""The verdict of one check and how it is shown (HTML for JupyterLab, plain text elsewhere).

Rendering is deterministic (no time stamps, no ids, no memory addresses), because nbval compares
the stored outputs of the exercise notebooks.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from enum import Enum
from typing import Any

__all__ = ["Verdict", "Evaluation", "CheckResult"]


class Verdict(str, Enum):
    """How an answer was judged."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    INVALID = "invalid"  #: the answer could not be read (wrong type, NaN, a crashing function ...)
    NOT_ANSWERED = "not answered"

    @property
    def counts_as_attempt(self) -> bool:
        """Whether this verdict is a real attempt (saved, and moves the hint ladder on)."""
        return self is not Verdict.NOT_ANSWERED


# Okabe-Ito colours (okabe2008): bluish green, vermillion, orange, grey.
_STYLE = {
    Verdict.CORRECT: ("#009E73", "✔", "Correct"),
    Verdict.INCORRECT: ("#D55E00", "✘", "Not yet"),
    Verdict.INVALID: ("#E69F00", "⚠", "Cannot check this answer"),
    Verdict.NOT_ANSWERED: ("#999999", "…", "Not answered yet"),
}


@dataclass(frozen=True)
class Evaluation:
    """What an exercise type concluded about one answer (before hints are added).

    Attributes
    ----------
    verdict : Verdict
        The judgement.
    message : str
        The specific feedback: why it is right, or what the likely mistake is.
    notes : tuple of str
        Side remarks, e.g. which unit was assumed.
    """

    verdict: Verdict
    message: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one answer, ready to display.

    ``repr()`` is one short line, so a list of results stays readable; the full feedback is the
    rich display (``_repr_mimebundle_``: HTML plus a plain-text version).

    Attributes
    ----------
    exercise_id : str
        Which exercise (``"ex2.3"``).
    verdict : Verdict
        The judgement.
    message : str
        Feedback that explains the verdict.
    notes : tuple of str
        Side remarks (unit assumed, progress could not be saved ...).
    hints : tuple of str
        Hints unlocked so far on the hint ladder (more after each wrong attempt).
    attempt : int
        Attempt number in this session (0 if the answer was blank).
    explanation : str
        Shown after a correct answer: the idea behind it.
    more_hints : bool
        Whether the hint ladder has more hints left after this wrong attempt.
    """

    exercise_id: str
    verdict: Verdict
    message: str
    notes: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    attempt: int = 0
    explanation: str = ""
    more_hints: bool = False

    @property
    def correct(self) -> bool:
        """True only for a correct answer."""
        return self.verdict is Verdict.CORRECT

    def __repr__(self) -> str:
        return f"CheckResult({self.exercise_id!r}, {self.verdict.value})"

    def __bool__(self) -> bool:
        return self.correct

    # --- rendering --------------------------------------------------------------------------
    def text(self) -> str:
        """The full feedback as plain text."""
        _, icon, label = _STYLE[self.verdict]
        lines = [f"{icon} {self.exercise_id}: {label}. {self.message}".rstrip()]
        lines += [f"  Note: {n}" for n in self.notes]
        if self.explanation and self.correct:
            lines.append(f"  Why: {self.explanation}")
        for i, h in enumerate(self.hints, 1):
            lines.append(f"  Hint {i}: {h}")
        if self.more_hints:
            lines.append("  (Another hint unlocks after your next attempt, or call hint(...).)")
        return "\n".join(lines)

    def html(self) -> str:
        """The full feedback as an HTML fragment (inline styles only, no scripts)."""
        colour, icon, label = _STYLE[self.verdict]
        e = html.escape
        parts = [
            f'<div class="mgdlearn-check mgdlearn-{self.verdict.name.lower()}" role="status" '
            f'style="border-left:5px solid {colour};padding:4px 10px;margin:4px 0">',
            f'<p style="margin:2px 0"><strong><span aria-hidden="true" style="color:{colour}">{icon}</span> '
            f"{e(self.exercise_id)}: {e(label)}.</strong> {e(self.message)}</p>",
        ]
        for n in self.notes:
            parts.append(f'<p style="margin:2px 0"><em>Note:</em> {e(n)}</p>')
        if self.explanation and self.correct:
            parts.append(f'<p style="margin:2px 0"><em>Why:</em> {e(self.explanation)}</p>')
        for i, h in enumerate(self.hints, 1):
            parts.append(f'<p style="margin:2px 0"><em>Hint {i}:</em> {e(h)}</p>')
        if self.more_hints:
            parts.append('<p style="margin:2px 0;color:#555">(Another hint unlocks after your next '
                         "attempt, or call <code>hint(...)</code>.)</p>")
        parts.append("</div>")
        return "".join(parts)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": self.text(), "text/html": self.html()}
