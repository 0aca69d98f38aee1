"""Concept checks for the book: one exercise of the bank -> one question in jupyterquiz's JSON format.

This is the only place that knows where the book's questions come from. Today it reads
:mod:`mgdlearn.exercises.bank` (answers stored as digests or hidden numbers): for a multiple-choice
question it finds the right option by trying each key against the digest, and it takes every
feedback text from the course's own checker (:class:`mgdlearn.exercises.checker.Checker`, with
saving off), so a reader of the book sees the words a student sees in the notebook. When the
exercises move to one source per notebook, only :func:`source_exercise` changes (see
``book/README.md``, "What the quiz adapter needs").

Supported: multiple choice (``MultipleChoice``) and numbers with tolerance (``Numeric``). Every
other kind (short answers, functions, predict-then-simulate ...) needs the checker in a kernel;
:func:`quiz_for` returns ``None`` and the page says so, with a launch link.

What the reader's browser gets is the question list as base64-encoded JSON in a ``data-``
attribute (as jupyterquiz itself embeds it): the answers are not in the page text, the search
index or a glance at the page source, but anyone who decodes the attribute (or opens the browser's
developer tools after the quiz is drawn) can read them. That deters peeking, like the bank's
digests; grading integrity stays with nbgrader's hidden tests.
"""
from __future__ import annotations

import base64
import html
import json
import math
from dataclasses import replace
from typing import Any

__all__ = ["quiz_for", "quiz_html", "source_exercise", "SUPPORTED"]

#: Exercise kinds the book can check without a kernel.
SUPPORTED = ("multiple choice", "numeric")
#: A bound for "every number above/below" (JSON has no infinity).
_FAR = 1e300
#: How the checker's message ends when it knows no specific mistake ("x is too high. ...").
_GENERIC = "Re-check each step of your working."


def source_exercise(exercise_id: str) -> Any:
    """The exercise object behind ``exercise_id`` (today: the bank module of its lesson)."""
    from mgdlearn.exercises import bank

    return bank.get(exercise_id)


def _checker() -> Any:
    from mgdlearn.exercises.checker import Checker

    return Checker(save=False)


def _first_attempt(exercise_id: str, answer: object) -> Any:
    """What the notebook shows for ``answer`` as a first attempt (fresh checker, nothing saved)."""
    result = _checker().result(exercise_id, answer)
    return replace(result, more_hints=False)  # "call hint(...)" needs a kernel


def feedback_html(result: Any, typed: str = "") -> str:
    """The checker's feedback as an HTML fragment (the notebook's words, book markup, no scripts).

    ``typed`` is the start of the message that echoes the reader's number (``"49.93 nmol/L"``): it
    goes into a ``mgdlearn-typed`` span, which the page's script fills with the number typed.
    """
    e = html.escape
    label = "Correct" if result.correct else "Not yet"
    icon = "✔" if result.correct else "✘"
    message = e(result.message)
    if typed:
        if not result.message.startswith(typed):
            raise ValueError(f"{result.exercise_id}: the checker's message {result.message!r} does not start "
                             f"with the number {typed!r}; update book/quizzes.py")
        message = f'<span class="mgdlearn-typed">{e(typed)}</span>{e(result.message[len(typed):])}'
    parts = [f'<p><span aria-hidden="true">{icon}</span> <strong>{e(label)}.</strong> {message}</p>']
    parts += [f"<p><em>Note:</em> {e(n)}</p>" for n in result.notes]
    if result.correct and result.explanation:
        parts.append(f"<p><em>Why:</em> {e(result.explanation)}</p>")
    parts += [f"<p><em>Hint {i}:</em> {e(h)}</p>" for i, h in enumerate(result.hints, 1)]
    return "".join(parts)


def _multiple_choice(ex: Any) -> dict[str, Any]:
    answers = []
    for key, text in ex.options.items():
        result = _first_attempt(ex.id, key)
        answers.append({"answer": f"{key}) {html.escape(text)}", "correct": bool(result.correct),
                        "feedback": feedback_html(result)})
    if sum(a["correct"] for a in answers) != 1:
        raise ValueError(f"{ex.id}: expected exactly one right option, the checker accepts "
                         f"{sum(a['correct'] for a in answers)}")
    return {"type": "multiple_choice", "answers": answers}


def _tolerance(ex: Any, value: float, *, wrong: bool) -> float:
    """Half-width of the interval the checker treats as ``value`` (see ``Numeric.evaluate``/``diagnose``)."""
    rel = max(ex.rel_tol, 0.01) if wrong else ex.rel_tol
    return max(ex.abs_tol, rel * abs(value))


def _numeric(ex: Any) -> dict[str, Any]:
    from mgdlearn import units

    target = ex.target_value()
    answers: list[dict[str, Any]] = []
    half = _tolerance(ex, target, wrong=False)
    ok = _first_attempt(ex.id, target)
    if not ok.correct:
        raise ValueError(f"{ex.id}: the checker does not accept its own target {target!r}")
    answers.append({"type": "range", "range": [target - half, math.nextafter(target + half, math.inf)],
                    "correct": True, "feedback": feedback_html(ok, _echo(target, ex.unit))})

    # Typical mistakes, in the checker's order: the exercise's own, the sign, a unit (either sign,
    # the checker compares sizes), a power of ten (same sign as the target only).
    candidates: list[tuple[float, bool]] = []
    for mistake in ex.mistakes:
        try:
            candidates.append((float(mistake.wrong(target)), False))
        except (ArithmeticError, ValueError):
            continue
    candidates.append((-target, False))
    if ex.analyte is not None:
        for other in units.units_for(ex.analyte):
            try:
                r = float(units.convert(1.0, other, ex.unit, analyte=ex.analyte))
            except ValueError:
                continue
            if not math.isclose(r, 1.0):
                candidates += [(s * target / r ** p, False) for p in (1, 2) for s in (1, -1)]
    candidates += [(target * 10.0 ** k, True) for k in (1, 2, 3, -1, -2, -3)]
    seen: set[tuple[str, float]] = set()
    for w, same_sign in candidates:
        if not math.isfinite(w) or w == 0:
            continue
        result = _first_attempt(ex.id, w)
        if result.correct or result.message.endswith(_GENERIC) or (result.message, w) in seen:
            continue
        seen.add((result.message, w))
        h = _tolerance(ex, w, wrong=True)
        lo, hi = w - h, math.nextafter(w + h, math.inf)
        if same_sign:  # the checker looks for a power of ten only on the target's side of zero
            lo, hi = (max(lo, math.ulp(0.0)), hi) if target > 0 else (lo, min(hi, 0.0))
        answers.append({"type": "range", "range": [lo, hi], "correct": False, "feedback": feedback_html(result)})

    # Anything else: too low or too high (the message names the number typed, filled in by the page).
    for probe, lo, hi in ((target - 7 * half - abs(target) * 0.37, -_FAR, target),
                          (target + 7 * half + abs(target) * 0.37, target, _FAR)):
        result = _first_attempt(ex.id, probe)
        if not result.message.endswith(_GENERIC):
            raise ValueError(f"{ex.id}: the checker's generic message changed ({result.message!r}); "
                             "update book/quizzes.py")
        answers.append({"type": "range", "range": [lo, hi], "correct": False,
                        "feedback": feedback_html(result, _echo(probe, ex.unit))})
    _verify_numeric(ex, answers)
    return {"type": "numeric", "answers": answers, "mgdlearn_unit": ex.unit}


def _echo(x: float, unit: str) -> str:
    """How the checker writes a number it echoes (``Numeric.evaluate``: ``f"{x:.4g} {unit}"``)."""
    return f"{x:.4g} {unit}".replace("  ", " ").strip()


def _verify_numeric(ex: Any, answers: list[dict[str, Any]]) -> None:
    """Build-time guard: over the whole number line the page and the checker agree.

    Numbers spread over eight orders of magnitude on both sides of zero, plus points just inside
    every interval, get from the page (first matching interval, as jupyterquiz picks) the same
    verdict and message as from the checker (for a generic "too high/too low", the same direction).
    """
    target = ex.target_value()
    scale = abs(target) or 1.0
    points = [s * scale * 10.0 ** (e / 8) for s in (1, -1) for e in range(-32, 33)]
    for a in answers:
        lo, hi = (max(b, -scale * 1e6) if b < 0 else min(b, scale * 1e6) for b in a["range"])
        points += [lo + (hi - lo) * f for f in (0.01, 0.5, 0.99)]
    for x in points:
        page = next(b for b in answers if b["range"][0] <= x < b["range"][1])
        result = _first_attempt(ex.id, x)
        if bool(result.correct) != page["correct"]:
            raise ValueError(f"{ex.id}: at {x!r} the checker says {result.message!r}, the page the opposite")
        echo = _echo(x, ex.unit)
        if result.correct or result.message.endswith(_GENERIC):  # the page fills in the number typed
            rest = html.escape(result.message[len(echo):]) if result.message.startswith(echo) else None
            if rest is None or '<span class="mgdlearn-typed">' not in page["feedback"] or rest not in page["feedback"]:
                raise ValueError(f"{ex.id}: at {x!r} the checker says {result.message!r}, the page does not")
        elif html.escape(result.message) not in page["feedback"]:
            raise ValueError(f"{ex.id}: at {x!r} the checker says {result.message!r}, the page does not")


def quiz_for(exercise_id: str) -> dict[str, Any] | None:
    """The jupyterquiz question for ``exercise_id``, or ``None`` when it needs a kernel to check.

    The question text is the bank's prompt; the options keep their letters and order (the lesson
    names them), and every feedback text is the checker's own for that answer.
    """
    ex = source_exercise(exercise_id)
    if ex.kind == "multiple choice":
        question = _multiple_choice(ex)
    elif ex.kind == "numeric":
        question = _numeric(ex)
    else:
        return None
    return {"question": f"{html.escape(ex.id)}. {html.escape(ex.prompt)}", "mgdlearn_id": ex.id, **question}


def quiz_html(exercise_id: str, *, launch: str = "") -> str:
    """The HTML that stands for a concept check in the book (a quiz, or a note when none is possible).

    ``launch`` is an HTML fragment with links to run the notebook (shown with unsupported kinds).
    """
    quiz = quiz_for(exercise_id)
    e = html.escape
    if quiz is None:
        kind = source_exercise(exercise_id).kind
        return (f'<div class="mgdlearn-quiz-note admonition note"><p class="admonition-title">Concept check '
                f'{e(exercise_id)}</p><p>This check ({e(kind)}) is judged by the course\'s checker, which '
                f'needs a running Python kernel. {launch}</p></div>')
    blob = base64.b64encode(json.dumps([quiz], ensure_ascii=False).encode("utf-8")).decode("ascii")
    hint = ("Choose an option." if quiz["type"] == "multiple_choice"
            else f"Type a number in {e(quiz.get('mgdlearn_unit', ''))} and press Enter.")
    return (f'<div class="mgdlearn-quiz" id="quiz-{e(exercise_id.replace(".", "-"))}" '
            f'data-exercise="{e(exercise_id)}" data-questions="{blob}">'
            f'<noscript><p>This concept check needs JavaScript in the page, or the notebook in Jupyter.</p></noscript>'
            f'<p class="mgdlearn-quiz-howto">Try it here, no kernel needed. {hint}</p></div>')
