"""Bad input gets a clear message naming what is accepted, and no traceback wall in a notebook."""
from __future__ import annotations

import math

import pytest

from mgdlearn.errors import (
    InputError,
    InputTypeError,
    friendly_message_bundle,
    install_friendly_errors,
    require_choice,
    require_number,
)


@pytest.mark.parametrize("value, error, text", [
    ("20", InputTypeError, "must be a number (in IU/day); got str '20'"),
    (None, InputTypeError, "got nothing (None)"),
    (True, InputTypeError, "got bool"),
    (float("nan"), InputError, "NaN"),
    (math.inf, InputError, "infinite"),
    (-5, InputError, "outside the allowed range: 0 to 10000 IU/day"),
    (1e7, InputError, "outside the allowed range: 0 to 10000 IU/day"),
])
def test_require_number_names_the_allowed_range(value, error, text):
    with pytest.raises(error) as info:
        require_number(value, "vitamin D intake", low=0, high=10_000, unit="IU/day")
    assert text in str(info.value)
    assert isinstance(info.value, (ValueError, TypeError))


def test_require_number_accepts_ints_floats_and_numpy_scalars():
    import numpy as np

    assert require_number(np.float64(2.5), "x", low=0, high=3) == 2.5
    assert require_number(3, "x", low=0, high=3) == 3.0


def test_require_choice_is_forgiving_and_suggests():
    assert require_choice(" Female ", "sex", ["female", "male"]) == "female"
    with pytest.raises(InputError, match="Did you mean female\\? Choose one of: female, male"):
        require_choice("femal", "sex", ["female", "male"])
    with pytest.raises(InputTypeError, match="must be text"):
        require_choice(1, "sex", ["female", "male"])


class _FakeShell:
    def __init__(self):
        self.handled = None

    def set_custom_exc(self, types, handler):
        self.handled = (types, handler)


def test_notebook_shows_input_errors_as_a_message_not_a_traceback(monkeypatch):
    shown = []
    monkeypatch.delenv("MGDLEARN_TRACEBACKS", raising=False)
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append(obj))
    shell = _FakeShell()
    assert install_friendly_errors(shell) is True
    types, handler = shell.handled
    assert InputError in types and InputTypeError in types
    handler(shell, InputError, InputError("dose = -1 IU/day is outside the allowed range"), None)
    assert shown == [friendly_message_bundle("dose = -1 IU/day is outside the allowed range")]
    assert 'role="alert"' in shown[0]["text/html"]


def test_developers_can_keep_full_tracebacks(monkeypatch):
    monkeypatch.setenv("MGDLEARN_TRACEBACKS", "1")
    assert install_friendly_errors(_FakeShell()) is False


def test_outside_a_notebook_nothing_is_installed():
    assert install_friendly_errors() is False
