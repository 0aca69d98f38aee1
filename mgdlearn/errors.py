"""Friendly errors for bad input, and the shared validators that raise them.

Every library function that takes a student's input validates it with these helpers, so the
message always says what *is* accepted.
"""
from __future__ import annotations

import math
from numbers import Real
from typing import Iterable


class InputError(ValueError):
    """Bad input (a value out of range, NaN, an unknown unit or name).

    The message names what is accepted. It subclasses :class:`ValueError`, so
    ``except ValueError`` catches it.
    """


class InputTypeError(TypeError):
    """Input of the wrong type (a string where a number is needed, ``None``, a list ...)."""


def require_number(
    value: object,
    name: str,
    *,
    low: float = -math.inf,
    high: float = math.inf,
    unit: str = "",
    low_inclusive: bool = True,
) -> float:
    """Return ``value`` as a float if it is a finite real number within ``[low, high]``.

    Parameters
    ----------
    value : object
        What the caller passed.
    name : str
        The parameter's name as the student knows it (``"vitamin D intake"``).
    low, high : float
        Allowed range (``high`` inclusive; ``low`` inclusive unless ``low_inclusive=False``).
    unit : str
        Unit shown in the message (``"IU/day"``).

    Raises
    ------
    InputTypeError
        If ``value`` is not a real number (``bool`` and strings are refused too).
    InputError
        If ``value`` is NaN, infinite or outside the range.
    """
    u = f" {unit}" if unit else ""
    in_unit = f" (in {unit})" if unit else ""
    allowed = _describe_range(low, high, unit, low_inclusive)
    if isinstance(value, bool) or not isinstance(value, Real):
        kind = "nothing (None)" if value is None else f"{type(value).__name__} {value!r:.40}"
        raise InputTypeError(f"{name} must be a number{in_unit}; got {kind}. Allowed: {allowed}.")
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError) as exc:  # exotic Real subclasses
        raise InputTypeError(f"{name} must be a plain number{in_unit}. Allowed: {allowed}.") from exc
    if math.isnan(x):
        raise InputError(f"{name} is NaN (not a number). Allowed: {allowed}.")
    if math.isinf(x):
        raise InputError(f"{name} is infinite. Allowed: {allowed}.")
    too_low = x < low or (not low_inclusive and x == low)
    if too_low or x > high:
        raise InputError(f"{name} = {x:g}{u} is outside the allowed range: {allowed}.")
    return x


def require_choice(value: object, name: str, choices: Iterable[str]) -> str:
    """Return ``value`` (case-insensitive match, stripped) if it is one of ``choices``.

    Raises
    ------
    InputTypeError
        If ``value`` is not a string.
    InputError
        If it is not one of ``choices``; the message lists them and the closest match.
    """
    options = list(choices)
    if not isinstance(value, str):
        raise InputTypeError(f"{name} must be text, one of: {', '.join(options)}; got {type(value).__name__}.")
    wanted = value.strip().lower()
    for option in options:
        if option.lower() == wanted:
            return option
    import difflib

    close = difflib.get_close_matches(wanted, [o.lower() for o in options], n=1, cutoff=0.6)
    hint = ""
    if close:
        hint = " Did you mean " + next(o for o in options if o.lower() == close[0]) + "?"
    raise InputError(f"{name} {value!r} is not recognised.{hint} Choose one of: {', '.join(options)}.")


def _describe_range(low: float, high: float, unit: str, low_inclusive: bool) -> str:
    u = f" {unit}" if unit else ""
    if math.isinf(low) and math.isinf(high):
        return f"any finite number{u}"
    if math.isinf(high):
        return f"{'at least' if low_inclusive else 'more than'} {low:g}{u}"
    if math.isinf(low):
        return f"at most {high:g}{u}"
    return f"{low:g} to {high:g}{u}"


def friendly_message_bundle(text: str) -> dict[str, str]:
    """A MIME bundle that shows an input problem as a short highlighted message, not a traceback."""
    import html

    box = ('<div role="alert" style="background:#fbeaea;border-left:4px solid #D55E00;'
           f'padding:6px 10px;max-width:44em"><b>Please check your input:</b> {html.escape(text)}</div>')
    return {"text/html": box, "text/plain": f"Please check your input: {text}"}


def install_friendly_errors(shell: object | None = None) -> bool:
    """In a notebook, show :class:`InputError`/:class:`InputTypeError` as a message, not a traceback.

    Called once by ``import mgdlearn`` inside IPython (set ``MGDLEARN_TRACEBACKS=1`` to see full
    tracebacks while developing). Other exceptions keep IPython's normal traceback. Returns
    whether a handler was installed.
    """
    import os
    import sys

    if os.environ.get("MGDLEARN_TRACEBACKS"):
        return False
    if shell is None:
        ipython = sys.modules.get("IPython")  # only if IPython is already running: no import cost
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False

    def _handler(shell: object, etype: type, value: BaseException, tb: object, tb_offset: object = None) -> None:
        from IPython.display import display

        display(friendly_message_bundle(str(value)), raw=True)

    shell.set_custom_exc((InputError, InputTypeError), _handler)
    return True
