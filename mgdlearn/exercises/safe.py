"""Read a student's answer without trusting it, and run a student's function with a time limit.

Nothing here calls a student object's ``__eq__``, ``__hash__`` or ``__bool__``: answers are
converted to plain ``float``/``str`` first (with the base-class methods), and every conversion that
runs student code (``__float__``, ``__repr__``, a submitted function) is guarded by a time limit
and a catch-all, so the checker can explain what went wrong instead of showing a traceback.
"""
from __future__ import annotations

import contextlib
import io
import math
import numbers
import signal
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

__all__ = [
    "AnswerProblem",
    "TimeLimitExceeded",
    "Outcome",
    "is_blank",
    "safe_repr",
    "type_name",
    "read_number",
    "read_text",
    "run_limited",
    "DEFAULT_TIME_LIMIT_S",
]

#: Default time limit for one call of a student's code, in seconds (a teaching choice, not data).
DEFAULT_TIME_LIMIT_S = 2.0


class AnswerProblem(Exception):
    """An answer that cannot be read; the message says what is accepted."""


class TimeLimitExceeded(BaseException):
    """Raised inside student code when its time is up.

    A ``BaseException`` so that ``except Exception`` in student code does not swallow it.
    """


@dataclass(frozen=True)
class Outcome:
    """What happened when student code ran.

    Attributes
    ----------
    value : Any
        The return value (``None`` if it did not return).
    error : BaseException or None
        The exception it raised, if any.
    timed_out : bool
        Whether it ran out of time.
    printed : str
        What it printed (captured, so it does not clutter the notebook).
    """

    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    printed: str = ""

    @property
    def ok(self) -> bool:
        """True if the code returned normally."""
        return self.error is None and not self.timed_out


def is_blank(answer: object) -> bool:
    """Whether the answer is the "not answered yet" placeholder (``None`` or ``...``)."""
    return answer is None or answer is Ellipsis


def type_name(obj: object) -> str:
    """The type name of ``obj`` (never raises)."""
    try:
        name = type(obj).__name__
        return name if isinstance(name, str) else "object"
    except Exception:  # noqa: BLE001 - a hostile metaclass
        return "object"


def safe_repr(obj: object, limit: int = 60) -> str:
    """``repr(obj)`` shortened to ``limit`` characters; never raises and never hangs.

    A ``__repr__`` that raises, loops or returns a non-string gives ``<TypeName object>``.
    """
    if isinstance(obj, (int, float)) and type(obj) in (int, float, bool):
        if type(obj) is int and obj.bit_length() > 200:
            return f"<an integer with {len(str(abs(obj)))} digits>" if obj.bit_length() < 10_000 else "<a huge integer>"
        text = repr(obj)
    elif type(obj) is str:
        text = repr(obj)
    else:
        out = run_limited(repr, obj, time_limit_s=0.5)
        text = out.value if out.ok and type(out.value) is str else f"<{type_name(obj)} object>"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CONTAINERS = (list, tuple, set, frozenset, dict)


def read_number(value: object, *, what: str = "Your answer", unit: str = "") -> float:
    """Convert a student's value to a finite ``float`` or raise :class:`AnswerProblem`.

    Accepted: ``int``, ``float``, numpy numbers, ``Fraction``, ``Decimal`` and other objects whose
    ``__float__`` works. Refused with a specific message: ``bool``, text, containers, complex
    numbers, NaN, infinities, numbers too large for a float, and objects whose conversion raises.
    """
    in_unit = f" (in {unit})" if unit else ""
    if isinstance(value, bool):
        raise AnswerProblem(f"{what} is {value}, a yes/no value; give a number{in_unit}.")
    if isinstance(value, (str, bytes)):
        raise AnswerProblem(f"{what} is text ({safe_repr(value, 30)}); give a number{in_unit}.")
    if isinstance(value, _CONTAINERS) or _looks_like_array(value):
        raise AnswerProblem(
            f"{what} is a {type_name(value)} of several values; give one number{in_unit}.")
    if isinstance(value, complex) or (isinstance(value, numbers.Complex) and not isinstance(value, numbers.Real)):
        raise AnswerProblem(f"{what} is a complex number; give a real number{in_unit}.")
    if type(value) is int:
        try:
            x = float(value)
        except OverflowError:
            raise AnswerProblem(f"{what} is an integer too large to be a measurement; give a realistic number{in_unit}.") from None
    elif type(value) is float:
        x = value
    else:
        out = run_limited(float, value, time_limit_s=1.0)
        if out.timed_out:
            raise AnswerProblem(f"{what} ({type_name(value)}) took too long to turn into a number; give a plain number{in_unit}.")
        if out.error is not None:
            if isinstance(out.error, OverflowError):
                raise AnswerProblem(f"{what} is too large to be a measurement; give a realistic number{in_unit}.")
            raise AnswerProblem(
                f"{what} ({type_name(value)}) cannot be read as a number "
                f"(converting it raised {type_name(out.error)}); give a plain number{in_unit}.")
        x = out.value
        if type(x) is not float:  # a float subclass from a hostile __float__
            raise AnswerProblem(f"{what} ({type_name(value)}) did not convert to a plain number; give a plain number{in_unit}.")
    if math.isnan(x):
        raise AnswerProblem(f"{what} is NaN (not a number), often the result of 0/0 or a failed calculation; give a number{in_unit}.")
    if math.isinf(x):
        raise AnswerProblem(f"{what} is infinite; give a finite number{in_unit}.")
    return x


def _looks_like_array(value: object) -> bool:
    try:
        shape = getattr(type(value), "shape", None)
        if shape is None:
            return False
        # numpy scalars have shape (); arrays and pandas objects have a length
        shp = getattr(value, "shape", ())
        return isinstance(shp, tuple) and len(shp) > 0
    except Exception:  # noqa: BLE001
        return False


def read_text(value: object, *, what: str = "Your answer", expected: str = "text") -> str:
    """Return ``value`` as a plain ``str`` or raise :class:`AnswerProblem`.

    ``str`` subclasses are copied to a plain ``str`` with the base-class method, so an overridden
    ``__eq__`` or ``lower`` never runs.
    """
    if isinstance(value, str):
        text = str.__str__(value)
        if len(text) > 2000:
            raise AnswerProblem(f"{what} is {len(text)} characters long; give {expected}, in a few words.")
        return text
    if isinstance(value, bytes):
        raise AnswerProblem(f"{what} is bytes ({safe_repr(value, 30)}); give {expected} in quotes, e.g. \"liver\".")
    if isinstance(value, _CONTAINERS):
        raise AnswerProblem(f"{what} is a {type_name(value)}; give one answer as {expected}.")
    if isinstance(value, (bool, numbers.Number)):
        raise AnswerProblem(f"{what} is a number ({safe_repr(value, 30)}); give {expected}.")
    raise AnswerProblem(f"{what} is a {type_name(value)} object; give {expected}.")


def run_limited(func: Callable[..., Any], *args: Any, time_limit_s: float = DEFAULT_TIME_LIMIT_S,
                **kwargs: Any) -> Outcome:
    """Call ``func(*args, **kwargs)`` with a time limit; capture output and any exception.

    In the main thread (a Jupyter kernel runs cells there) a ``SIGALRM`` timer interrupts the call
    and keeps re-firing every 50 ms until the call gives up, so an ``except:`` inside a student's
    loop cannot hold it forever. Elsewhere the call runs in a daemon thread; if it overruns, the
    checker stops waiting (the thread is left to finish on its own).

    Parameters
    ----------
    func : callable
        The code to run.
    *args, **kwargs
        Its arguments.
    time_limit_s : float
        Seconds allowed.

    Returns
    -------
    Outcome
        Never raises (except ``KeyboardInterrupt`` from the user).
    """
    buffer = io.StringIO()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _run_with_alarm(func, args, kwargs, time_limit_s, buffer)
    return _run_in_thread(func, args, kwargs, time_limit_s, buffer)


def _run_with_alarm(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                    limit: float, buffer: io.StringIO) -> Outcome:
    armed = {"on": True}

    def on_alarm(signum: int, frame: Any) -> None:
        if armed["on"]:
            raise TimeLimitExceeded()

    previous_handler = signal.getsignal(signal.SIGALRM)
    previous_timer = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    value: Any = None
    error: BaseException | None = None
    timed_out = False
    try:
        try:
            signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, limit, 0.05)
            with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
                value = func(*args, **kwargs)
        except TimeLimitExceeded:
            timed_out = True
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - student code may raise anything, even SystemExit
            error = exc
        finally:
            armed["on"] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    except TimeLimitExceeded:  # the timer fired while we were already leaving
        timed_out = True
    finally:
        armed["on"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        delay, interval = previous_timer
        if delay > 0:  # give back an outer timer (e.g. a test timeout), minus the time we used
            signal.setitimer(signal.ITIMER_REAL, max(delay - (time.monotonic() - started), 1e-3), interval)
    if timed_out:
        value, error = None, None
    return Outcome(value=value, error=error, timed_out=timed_out, printed=buffer.getvalue()[:2000])


def _run_in_thread(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                   limit: float, buffer: io.StringIO) -> Outcome:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = func(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001
            box["error"] = exc

    worker = threading.Thread(target=target, name="mgdlearn-student-code", daemon=True)
    worker.start()
    worker.join(limit)
    if worker.is_alive():
        return Outcome(timed_out=True)
    return Outcome(value=box.get("value"), error=box.get("error"), printed=buffer.getvalue())
