"""The exercise types: each turns one student answer into an :class:`Evaluation`.

Types
-----
:class:`Numeric`              a number with tolerance and units (``"20 ng/mL"`` where nmol/L is asked)
:class:`MultipleChoice`       one option
:class:`MultipleSelect`       a set of options
:class:`Ordering`             put steps in order
:class:`ShortAnswer`          a word or two: which organ, which enzyme (synonyms accepted)
:class:`Function`             write a function; it is run on cases (edge cases too) with a time limit
:class:`PredictThenSimulate`  commit to a prediction, then the model runs and the student reflects

Every type looks for *typical mistakes* before saying "not yet" (the unit factor forgotten, µg
given where IU was asked, liver and kidney swapped, a sign error ...), and explains them. Exact
answers are stored as salted digests and numbers hidden or computed from the model at check time
(see :mod:`mgdlearn.exercises.hiding`).
"""
from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Mapping, Sequence

from mgdlearn.exercises import hiding
from mgdlearn.exercises.result import Evaluation, Verdict
from mgdlearn.exercises.safe import (
    DEFAULT_TIME_LIMIT_S,
    AnswerProblem,
    is_blank,
    read_number,
    read_text,
    run_limited,
    safe_repr,
    type_name,
)
from mgdlearn import units

__all__ = [
    "Exercise",
    "Mistake",
    "Numeric",
    "MultipleChoice",
    "MultipleSelect",
    "Ordering",
    "ShortAnswer",
    "Case",
    "Function",
    "PredictThenSimulate",
]

@dataclass(frozen=True, kw_only=True)
class Exercise:
    """What every exercise has.

    Attributes
    ----------
    id : str
        ``"exN.M"`` (exercise notebook N) or ``"LN.M"`` (concept check in lesson N).
    prompt : str
        The question as the notebook shows it (markdown; generated from the same source text).
    hints : tuple of str
        The hint ladder: hint 1 after the first wrong attempt, hint 2 after the second ...
        Hints guide; they do not state the answer.
    explanation : str
        Shown after a correct answer. Plain text, or hidden with
        :func:`~mgdlearn.exercises.hiding.hide_text` if it names the answer.
    points : int
        Points in nbgrader.
    title : str
        The short title of the exercise's heading (``""`` for lesson concept checks).
    """

    kind: ClassVar[str] = "exercise"

    id: str
    prompt: str
    hints: tuple[str, ...] = ()
    explanation: str = ""
    points: int = 1
    title: str = ""

    def evaluate(self, answer: object, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Evaluation:
        """Judge ``answer``; raise :class:`~mgdlearn.exercises.safe.AnswerProblem` if it cannot be read."""
        raise NotImplementedError(f"{type(self).__name__} does not define evaluate()")

    def explanation_text(self) -> str:
        """The explanation, revealed if it was hidden."""
        return hiding.reveal_text(self.id, self.explanation)

    def is_blank(self, answer: object) -> bool:
        """Whether ``answer`` is the not-answered-yet placeholder."""
        return is_blank(answer)


# --------------------------------------------------------------------------------------------
# numeric
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer, described by how it derives from the right one.

    Attributes
    ----------
    wrong : callable
        Maps the correct value to the value a student who makes this mistake would give
        (``lambda t: t / 2.496`` for "forgot the ng/mL to nmol/L factor").
    message : str
        What to tell that student: name the mistake and how to fix it, without giving the number.
    name : str
        A short name for the mistake (``"calcitriol factor"``), as the exercise source lists it.
    """

    wrong: Callable[[float], float]
    message: str
    name: str = ""


def _close(x: float, target: float, rel_tol: float, abs_tol: float) -> bool:
    return abs(x - target) <= max(abs_tol, rel_tol * abs(target))


@dataclass(frozen=True, kw_only=True)
class Numeric(Exercise):
    """A number, with tolerance and units.

    Attributes
    ----------
    unit : str
        The unit the question asks for (``"nmol/L"``); a bare number is read in this unit.
    target : str or callable
        The right value: a hidden number (``"n:..."`` from :func:`~mgdlearn.exercises.hiding.hide_number`)
        or a function computing it at check time (from the model, or from a conversion factor).
    analyte : str, optional
        Analyte key of :mod:`mgdlearn.units` (``"25ohd"``); allows answers with any unit of it
        (``"20 ng/mL"``) and detects answers given in the wrong unit.
    rel_tol, abs_tol : float
        Accepted if ``|answer - target| <= max(abs_tol, rel_tol * |target|)``.
    mistakes : tuple of Mistake
        Exercise-specific typical mistakes, tried before the generic ones (unit factor, sign,
        power of ten).
    """

    kind: ClassVar[str] = "numeric"

    unit: str
    target: Any
    analyte: str | None = None
    rel_tol: float = 0.02
    abs_tol: float = 0.0
    mistakes: tuple[Mistake, ...] = ()

    def target_value(self) -> float:
        """The right value (revealed or computed now)."""
        if callable(self.target):
            return float(self.target())
        return hiding.reveal_number(self.id, self.target)

    def read(self, answer: object) -> tuple[float, tuple[str, ...]]:
        """Return the answer in :attr:`unit` and notes on how it was read."""
        if isinstance(answer, units.Quantity):
            return self._convert(answer.value, answer.unit, answer)
        if isinstance(answer, str):
            text = read_text(answer, expected=f"a number in {self.unit}")
            if re.search(r"\d,\d{1,2}(?!\d)", text):
                raise AnswerProblem(f"{safe_repr(text, 30)}: use a point for decimals (12.5, not 12,5).")
            m = re.fullmatch(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*?)\s*", text.replace(",", ""))
            if m and (not m.group(2) or self._same_unit(m.group(2))):
                x = read_number(float(m.group(1)), unit=self.unit)
                if m.group(2):
                    return x, ()
                return x, (f"Read the text {text.strip()!r} as the number {x:g} {self.unit}; "
                           "next time you can type the number without quotes.".replace("  ", " "),)
            if self.analyte is None:
                raise AnswerProblem(f"Could not read {safe_repr(text, 40)}: give a number"
                                    + (f" in {self.unit}" if self.unit else "") + ", for example 12.5.")
            try:
                q = units.parse_quantity(text, analyte=self.analyte)
            except ValueError as exc:
                raise AnswerProblem(f"Could not read {safe_repr(text, 40)}: {exc}") from None
            return self._convert(q.value, q.unit, text)
        x = read_number(answer, unit=self.unit)
        note = (f"A number without a unit is read as {self.unit}.",) if self.unit else ()
        return x, note

    def _convert(self, value: float, unit: str, original: object) -> tuple[float, tuple[str, ...]]:
        value = read_number(value, unit=unit)
        if self._same_unit(unit):
            return value, ()
        if self.analyte is None:
            raise AnswerProblem(f"This question asks for a value in {self.unit}; give the number in {self.unit}.")
        try:
            x = float(units.convert(abs(value), unit, self.unit, analyte=self.analyte))
        except ValueError as exc:
            raise AnswerProblem(f"Could not use {safe_repr(original, 40)}: {exc}") from None
        x = math.copysign(x, value)
        return x, (f"You answered in {unit}; the question asks for {self.unit}, so your "
                   f"{value:g} {unit} was converted to {x:.4g} {self.unit}.",)

    def evaluate(self, answer: object, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Evaluation:
        x, notes = self.read(answer)
        t = self.target_value()
        if _close(x, t, self.rel_tol, self.abs_tol):
            return Evaluation(Verdict.CORRECT, f"{x:.4g} {self.unit} is right.".replace("  ", " "), notes)
        return Evaluation(Verdict.INCORRECT, self.diagnose(x, t), notes)

    def diagnose(self, x: float, t: float) -> str:
        """Explain a wrong value ``x`` (the right one is ``t``) without revealing ``t``."""
        close = lambda a, b: _close(a, b, max(self.rel_tol, 0.01), self.abs_tol)  # noqa: E731
        for m in self.mistakes:
            try:
                w = float(m.wrong(t))
            except (ArithmeticError, ValueError):
                continue
            if math.isfinite(w) and close(x, w):
                return m.message
        if t != 0 and close(x, -t):
            return "The size is right but the sign is not: check the direction (a rise or a fall?) and your subtraction order."
        unit_msg = self._unit_mistake(x, t, close)
        if unit_msg:
            return unit_msg
        if t != 0 and x != 0 and (x > 0) == (t > 0):
            for k in (1, 2, 3, -1, -2, -3):
                if close(x, t * 10.0**k):
                    return (f"Your answer is about {10**abs(k):g} times too {'large' if k > 0 else 'small'}: "
                            "check the order of magnitude, a unit prefix (m, µ, n) or a misplaced decimal point.")
        direction = "too high" if x > t else "too low"
        return f"{x:.4g} {self.unit} is {direction}.".replace("  ", " ") + " Re-check each step of your working."

    def _same_unit(self, unit: str) -> bool:
        """Whether ``unit`` is the asked unit, however it is spelled."""
        if self.analyte is not None:
            try:
                return units.normalize_unit(unit, self.analyte) == units.normalize_unit(self.unit, self.analyte)
            except ValueError:
                return False
        squash = lambda u: re.sub(r"\s", "", u).casefold().replace("µ", "u").replace("μ", "u")  # noqa: E731
        return squash(unit) == squash(self.unit)

    def _unit_mistake(self, x: float, t: float, close: Callable[[float, float], bool]) -> str:
        if self.analyte is None or t == 0:
            return ""
        for other in units.units_for(self.analyte):
            try:
                r = float(units.convert(1.0, other, self.unit, analyte=self.analyte))  # 1 other = r asked
            except ValueError:  # another dimension (an amount per day, say)
                continue
            if math.isclose(r, 1.0, rel_tol=1e-9):
                continue
            if close(abs(x), abs(t) / r):
                return (f"Your number is the right amount expressed in {other}, but the question asks for "
                        f"{self.unit}: 1 {other} = {r:.4g} {self.unit}. Did you forget the unit conversion?")
            if close(abs(x), abs(t) / r ** 2):
                return (f"The conversion went the wrong way: 1 {other} = {r:.4g} {self.unit}, so going from "
                        f"{other} to {self.unit} you {'multiply' if r > 1 else 'divide'} by "
                        f"{r if r > 1 else 1 / r:.4g}.")
        return ""


# --------------------------------------------------------------------------------------------
# choices
# --------------------------------------------------------------------------------------------
def _option_key(exercise: Exercise, options: Mapping[str, str], text: str) -> tuple[str, tuple[str, ...]]:
    """Map typed text to an option key: the key itself (``"b"``, ``"(b)"``) or the option's text."""
    n = hiding.normalise(text)
    for key in options:
        if hiding.normalise(key) == n:
            return key, ()
    for key, label in options.items():
        if n and hiding.normalise(label) == n:
            return key, (f"Read {text.strip()!r} as option {key}.",)
    raise AnswerProblem(
        f"{safe_repr(text, 40)} is not one of the options; answer with the letter of one option: "
        + ", ".join(repr(k) for k in options) + ".")


def _digest_keyed(exercise_id: str, feedback: Mapping[str, str], text: str, role: str) -> str:
    d = hiding.digest(exercise_id, text, role)
    return feedback.get(d, "")


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Exercise):
    """Pick one option.

    Attributes
    ----------
    options : mapping
        Option key -> text (``{"a": "skin", "b": "liver", ...}``); keys are what students type.
    answer : str
        Digest of the right key (the build makes it from the source's ``answer``).
    feedback : mapping
        Digest of a wrong key -> what that choice gets wrong.
    """

    kind: ClassVar[str] = "multiple choice"

    options: Mapping[str, str]
    answer: str
    feedback: Mapping[str, str] = field(default_factory=dict)

    def evaluate(self, answer: object, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Evaluation:
        keys = ", ".join(repr(k) for k in self.options)
        text = read_text(answer, expected=f"the letter of one option ({keys}) in quotes")
        try:
            key, notes = _option_key(self, self.options, text)
        except AnswerProblem:
            parts = [p for p in re.split(r"[\s,;&/]+", text.strip()) if p]
            known = {hiding.normalise(k) for k in self.options}
            if len(parts) > 1 and all(hiding.normalise(p) in known for p in parts):
                raise AnswerProblem(f"Choose one option only; you gave {safe_repr(text, 30)}. Answer with one of {keys}.") from None
            raise
        if hiding.matches(self.id, key, [self.answer]):
            return Evaluation(Verdict.CORRECT, f"Option {key} is right.", notes)
        specific = _digest_keyed(self.id, self.feedback, key, "answer")
        return Evaluation(Verdict.INCORRECT, f"Option {key} is not the best answer. " + (
            specific or "Re-read the question and rule out the options one by one."), notes)


def _read_many(answer: object, what: str, keys: Sequence[str]) -> list[str]:
    """A list of option keys from a list/tuple/set of strings or a text such as ``"a, c"``."""
    shown = ", ".join(repr(k) for k in keys)
    if isinstance(answer, str):
        text = read_text(answer)
        parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
        if len(parts) == 1 and len(parts[0]) > 1 and all(len(k) == 1 for k in keys) and set(parts[0].lower()) <= {k.lower() for k in keys}:
            parts = list(parts[0])  # "ac" -> ["a", "c"]
        return parts
    if isinstance(answer, dict):
        raise AnswerProblem(f"{what} is a dict; give a list of option letters such as [{shown}].")
    if isinstance(answer, (list, tuple, set, frozenset)):
        if len(answer) > 50:
            raise AnswerProblem(f"{what} has {len(answer)} entries; there are only {len(keys)} options.")
        out = []
        for item in answer:
            out.append(read_text(item, what="Each entry", expected=f"an option letter in quotes ({shown})"))
        return out
    raise AnswerProblem(f"{what} is a {type_name(answer)}; give a list of option letters such as [{shown}].")


@dataclass(frozen=True, kw_only=True)
class MultipleSelect(Exercise):
    """Pick every option that applies.

    Attributes
    ----------
    options : mapping
        Option key -> text.
    answer : tuple of str
        Digests (role ``"pick"``) of each key that belongs in the answer.
    feedback : mapping
        Digest (role ``"pick"``) of a key -> explanation shown when that option is handled wrongly
        (picked although it does not belong, or missed although it does).
    """

    kind: ClassVar[str] = "multiple select"

    options: Mapping[str, str]
    answer: tuple[str, ...]
    feedback: Mapping[str, str] = field(default_factory=dict)

    def evaluate(self, answer: object, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Evaluation:
        picked_raw = _read_many(answer, "Your answer", list(self.options))
        picked: list[str] = []
        notes: list[str] = []
        for p in picked_raw:
            key, n = _option_key(self, self.options, p)
            notes.extend(n)
            if key not in picked:
                picked.append(key)
        if not picked:
            raise AnswerProblem("You selected nothing; at least one option applies. Give a list such as ['a', 'c'].")
        right = {k for k in self.options if hiding.matches(self.id, k, self.answer, role="pick")}
        wrong_picks = [k for k in self.options if k in picked and k not in right]
        missed = [k for k in self.options if k in right and k not in picked]
        if not wrong_picks and not missed:
            return Evaluation(Verdict.CORRECT, f"All {len(right)} right options and none of the others.", tuple(notes))
        parts = []
        if wrong_picks:
            parts.append(f"{_plural(len(wrong_picks), 'option')} you picked ({', '.join(wrong_picks)}) "
                         f"{'does' if len(wrong_picks) == 1 else 'do'} not belong")
        if missed:
            parts.append(f"you missed {_plural(len(missed), 'option')} that {'applies' if len(missed) == 1 else 'apply'}")
        msg = "; ".join(parts).capitalize() + "."
        for k in wrong_picks + missed:
            specific = _digest_keyed(self.id, self.feedback, k, "pick")
            if specific:
                msg += " " + specific
                break
        return Evaluation(Verdict.INCORRECT, msg, tuple(notes))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass(frozen=True, kw_only=True)
class Ordering(Exercise):
    """Put steps in order.

    Attributes
    ----------
    items : mapping
        Step key -> text, listed in the prompt in a shuffled order.
    positions : tuple of str
        Digest of the key at each position (role ``"pos0"``, ``"pos1"``, ...).
    feedback : mapping
        Digest (role ``"order"``) of a typical wrong order (keys joined by commas) -> message.
    """

    kind: ClassVar[str] = "ordering"

    items: Mapping[str, str]
    positions: tuple[str, ...]
    feedback: Mapping[str, str] = field(default_factory=dict)

    def evaluate(self, answer: object, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Evaluation:
        shown = ", ".join(repr(k) for k in self.items)
        given = _read_many(answer, "Your answer", list(self.items))
        order: list[str] = []
        for g in given:
            key, _ = _option_key(self, self.items, g)
            order.append(key)
        dupes = sorted({k for k in order if order.count(k) > 1})
        if dupes:
            raise AnswerProblem(f"Each step appears once; you used {', '.join(dupes)} more than once. Order all of: {shown}.")
        missing = [k for k in self.items if k not in order]
        if missing:
            raise AnswerProblem(f"Put every step in the order; missing: {', '.join(missing)}. Steps: {shown}.")
        in_place = [hiding.matches(self.id, k, [self.positions[i]], role=f"pos{i}") for i, k in enumerate(order)]
        if all(in_place):
            return Evaluation(Verdict.CORRECT, "Every step is in the right place.")
        specific = _digest_keyed(self.id, self.feedback, ",".join(order), "order")
        first_wrong = in_place.index(False)
        msg = f"{sum(in_place)} of {len(order)} steps are in the right place"
        msg += (f"; the first {first_wrong} {'is' if first_wrong == 1 else 'are'} right, then step "
                f"{first_wrong + 1} ({order[first_wrong]}) is not." if first_wrong else "; the first step is already wrong.")
        return Evaluation(Verdict.INCORRECT, (specific + " " if specific else "") + msg)


@dataclass(frozen=True, kw_only=True)
class ShortAnswer(Exercise):
    """A word or two (which organ, which enzyme); synonyms accepted, spelling normalised.

    Attributes
    ----------
    accepted : tuple of str
        Digests of every accepted answer (``"liver"``, ``"hepatic"`` ...).
    feedback : mapping
        Digest of a typical wrong answer -> what is wrong with it.
    expected : str
        What form the answer takes, for messages (``"the name of an organ"``).
    """

    kind: ClassVar[str] = "short answer"

    accepted: tuple[str, ...]
    feedback: Mapping[str, str] = field(default_factory=dict)
    expected: str = "a word or two"

    def evaluate(self, answer: object, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Evaluation:
        text = read_text(answer, expected=f"{self.expected}, in quotes")
        n = hiding.normalise(text)
        if not n:
            raise AnswerProblem(f"Your answer is empty; type {self.expected} between the quotes.")
        if re.fullmatch(r"[0-9.,]+", n):
            raise AnswerProblem(f"{safe_repr(text, 30)} is a number; this question wants {self.expected}.")
        if hiding.matches(self.id, text, self.accepted):
            return Evaluation(Verdict.CORRECT, f"{text.strip()!r} is right.")
        specific = _digest_keyed(self.id, self.feedback, text, "answer")
        return Evaluation(Verdict.INCORRECT, specific or (
            f"{safe_repr(text.strip(), 40)} is not what this question is after. Check the spelling, "
            f"and give {self.expected}."))


# --------------------------------------------------------------------------------------------
# write a function
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One call the student's function must get right.

    Attributes
    ----------
    args : tuple
        Positional arguments (copied before each call, so a function that mutates them does no harm).
    raises : exception type, optional
        The function must raise this (``ValueError`` for an impossible input) instead of returning.
    why : str
        Why this case matters (shown when it fails): ``"zero is a valid concentration"``.
    expect : str
        The expected result, hidden (``"n:..."`` number or ``"t:..."`` text); if empty, the
        exercise's ``reference`` computes it.
    """

    args: tuple[Any, ...]
    raises: type[BaseException] | None = None
    why: str = ""
    expect: str = ""


@dataclass(frozen=True, kw_only=True)
class Function(Exercise):
    """Write a function; the checker runs it on cases (edge cases included) with a time limit.

    Attributes
    ----------
    name : str
        The function's name in the notebook (for messages).
    cases : tuple of Case
        Run in order; the first failure is reported.
    reference : callable, optional
        Computes the expected result of a case from the library (e.g. :func:`mgdlearn.units.convert`);
        needed for cases without a hidden ``expect``.
    returns : str
        ``"number"`` (compared with tolerance) or ``"text"`` (compared after normalising).
    rel_tol, abs_tol : float
        Tolerance for ``"number"``.
    mistakes : tuple of Mistake
        Typical wrong implementations, recognised on the first failing case.
    """

    kind: ClassVar[str] = "function"

    name: str
    cases: tuple[Case, ...]
    reference: Callable[..., Any] | None = None
    returns: str = "number"
    rel_tol: float = 1e-3
    abs_tol: float = 1e-9
    mistakes: tuple[Mistake, ...] = ()

    def evaluate(self, answer: object, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Evaluation:
        if not callable(answer):
            raise AnswerProblem(
                f"Your answer is a {type_name(answer)}, not a function. Pass the function itself, without "
                f"parentheses: check({self.id!r}, {self.name}).")
        for i, case in enumerate(self.cases):
            call = f"{self.name}({', '.join(safe_repr(a, 30) for a in case.args)})"
            why = f" ({case.why})" if case.why else ""
            out = run_limited(answer, *copy.deepcopy(case.args), time_limit_s=time_limit_s)
            if out.timed_out:
                return Evaluation(Verdict.INCORRECT,
                                  f"{call} did not finish within {time_limit_s:g} s. Is there a loop that never ends, "
                                  "or a function that calls itself without stopping?")
            if out.error is not None:
                if i == 0 and isinstance(out.error, NotImplementedError):
                    return Evaluation(Verdict.NOT_ANSWERED,
                                      f"{self.name} still raises NotImplementedError: replace that line with your code.")
                if case.raises is not None and isinstance(out.error, case.raises):
                    continue
                if isinstance(out.error, RecursionError):
                    return Evaluation(Verdict.INCORRECT, f"{call} recursed too deeply (RecursionError): it calls itself without stopping.")
                detail = _error_text(out.error)
                expect = (f" It should raise {case.raises.__name__}{why}." if case.raises is not None
                          else f" It should return a {self.returns}{why}.")
                return Evaluation(Verdict.INCORRECT,
                                  f"{call} raised {type_name(out.error)}{': ' + detail if detail else ''}.{expect}")
            if case.raises is not None:
                return Evaluation(Verdict.INCORRECT,
                                  f"{call} returned {safe_repr(out.value, 40)}, but it should refuse this input by "
                                  f"raising {case.raises.__name__}{why}.")
            problem = self._compare(call, out.value, case, why)
            if problem:
                return Evaluation(Verdict.INCORRECT, problem)
        edge = sum(1 for c in self.cases if c.raises is not None or c.why)
        return Evaluation(Verdict.CORRECT, f"{self.name} passes all {len(self.cases)} test cases"
                          + (f", including {edge} edge cases." if edge else "."))

    def expected(self, case: Case) -> Any:
        """The right result for ``case`` (revealed, or computed by ``reference``)."""
        if case.expect.startswith("n:"):
            return hiding.reveal_number(self.id, case.expect)
        if case.expect.startswith("t:"):
            return hiding.reveal_text(self.id, case.expect)
        if self.reference is None:
            raise ValueError(f"{self.id}: a case without a hidden expect needs Function(reference=...)")
        return self.reference(*copy.deepcopy(case.args))

    def _compare(self, call: str, value: Any, case: Case, why: str) -> str:
        expected = self.expected(case)
        if value is None:
            return f"{call} returned None. Did you forget the return statement?"
        if self.returns == "number":
            try:
                x = read_number(value, what=f"The result of {call}")
            except AnswerProblem as exc:
                return f"{exc} It should return a number{why}."
            t = float(expected)
            if _close(x, t, self.rel_tol, self.abs_tol):
                return ""
            msg = f"{call} returned {x:.6g}; expected {t:.6g}{why}."
            for m in self.mistakes:
                try:
                    w = float(m.wrong(t))
                except (ArithmeticError, ValueError):
                    continue
                if math.isfinite(w) and _close(x, w, max(self.rel_tol, 1e-3), self.abs_tol):
                    return f"{msg} {m.message}"
            return msg
        try:
            text = read_text(value, what=f"The result of {call}", expected="text")
        except AnswerProblem as exc:
            return f"{exc} It should return text such as {str(expected)!r}."
        if hiding.normalise(text) == hiding.normalise(str(expected)):
            return ""
        return f"{call} returned {text!r}; expected {str(expected)!r}{why}."


def _error_text(exc: BaseException) -> str:
    """The exception's message on one line, at most 80 characters ("" if it has none or str() fails)."""
    out = run_limited(str, exc, time_limit_s=0.5)
    if not (out.ok and type(out.value) is str):
        return ""
    text = " ".join(out.value.split())
    return text if len(text) <= 80 else text[:79] + "…"


# --------------------------------------------------------------------------------------------
# predict, then simulate
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class PredictThenSimulate(Exercise):
    """Commit to a prediction; the checker then runs the model and shows what happens.

    Attributes
    ----------
    choices : mapping
        Prediction key -> description (``{"rises": "25(OH)D rises", ...}``).
    simulate : callable
        Runs the model now and returns ``(key of what happened, summary of the numbers)``.
    reflect : str
        A question to think about once the result is shown.
    """

    kind: ClassVar[str] = "predict then simulate"

    choices: Mapping[str, str]
    simulate: Callable[[], tuple[str, str]]
    reflect: str = ""

    def evaluate(self, answer: object, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Evaluation:
        keys = ", ".join(repr(k) for k in self.choices)
        text = read_text(answer, expected=f"one prediction in quotes ({keys})")
        key, notes = _option_key(self, self.choices, text)
        happened, summary = self.simulate()
        tail = f" Think about it: {self.reflect}" if self.reflect else ""
        if key == happened:
            return Evaluation(Verdict.CORRECT, f"You predicted {key!r} and the model agrees. {summary}{tail}", notes)
        return Evaluation(Verdict.INCORRECT,
                          f"You predicted {key!r}; the model says {happened!r}. {summary}{tail}", notes)
