"""Looking inside the model at one state: rates, magnesium balance, Jacobian, loop gain, the gland.

:func:`mgdlearn.model.simulate` and :func:`mgdlearn.model.steady_state` say where the model goes;
the functions here say *why*, from the model's own rate equations, evaluated at a state:

* :func:`rates_at` -- every derivative and algebraic output at a state, by name;
* :class:`MagnesiumBalance` -- whole-body magnesium balance with calcitriol held at a chosen value
  (:func:`balanced_serum_mg`: the serum magnesium at which the balance holds);
* :func:`jacobian` -- the derivatives' partial derivatives with respect to every state variable;
* :func:`loop_gain` -- the gain of the calcitriol <-> magnesium loop at a steady state;
* :func:`gland_pth` -- the PTH the parathyroid glands put out at given ionized calcium and magnesium;
* :func:`max_loop_strength` and :func:`open_loop` -- the calcitriol -> magnesium-absorption loop
  opened as a fair control.

Everything works with the *names* of the state variables (:data:`mgdlearn.model.equations.STATE`)
and outputs (:data:`~mgdlearn.model.equations.FLOW_NAMES`), never with their positions, so it holds
whatever state variables the model has.

Examples
--------
>>> from mgdlearn.model import Scenario, steady_state
>>> from mgdlearn.model.analysis import balanced_serum_mg, loop_gain, rates_at
>>> sc = Scenario(magnesium_mg_per_day=150)
>>> ss = steady_state(sc)
>>> abs(rates_at(ss, sc).derivatives["ohd25_nmol_l"]) < 1e-6          # a steady state
True
>>> round(balanced_serum_mg(float(ss["calcitriol_pmol_l"]), sc, state=ss), 3) == round(float(ss["mg_serum_mmol_l"]), 3)
True
>>> 0 < loop_gain(sc).gain < 1                                        # positive feedback that settles
True
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.model.conditions import condition_effects
from mgdlearn.model.equations import FLOW_NAMES, STATE, Rates, flows
from mgdlearn.model.parameters import Parameters
from mgdlearn.model.scenario import Scenario
from mgdlearn.model.solver import COLUMNS, intake_vector, steady_state

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["RatesAt", "rates_at", "MagnesiumBalance", "balanced_serum_mg", "Jacobian", "jacobian", "LoopGain",
           "loop_gain", "gland_pth", "max_loop_strength", "open_loop"]

#: The state variables, in the equations' order.
STATE_NAMES: tuple[str, ...] = tuple(name for name, _ in STATE)
_CALCITRIOL, _MG, _MG_STORE = "calcitriol_pmol_l", "mg_serum_mmol_l", "mg_store_mmol"


def _params(params: object) -> Parameters:
    if params is None:
        return Parameters()
    if not isinstance(params, Parameters):
        raise InputTypeError(f"params must be a mgdlearn.model.Parameters(...) or None; got {type(params).__name__}.")
    return params


def _scenario(scenario: object) -> Scenario:
    if not isinstance(scenario, Scenario):
        raise InputTypeError(f"scenario must be a mgdlearn.model.Scenario(...); got {type(scenario).__name__}.")
    return scenario


def _state_list(state: Mapping[str, Any]) -> list[float]:
    """``state`` (a model output row or a mapping by state name) in the equations' order.

    State variables that are not output columns (the gut's unabsorbed bolus) count as 0, their
    value at every steady state; a missing output column is an error.
    """
    if not hasattr(state, "__getitem__") or isinstance(state, (str, bytes)):
        raise InputTypeError("state must be a model output row (steady_state(...) or simulate(...).df.iloc[i]) "
                             f"or a mapping of state names to values; got {type(state).__name__}.")
    values, missing = [], []
    for name in STATE_NAMES:
        try:
            values.append(float(state[name]))
        except (KeyError, IndexError):
            if name in COLUMNS:
                missing.append(name)
            values.append(0.0)
    if missing:
        raise InputError(f"state has no value for {', '.join(missing)}; pass a model output row "
                         "(steady_state(...) or simulate(...).df.iloc[i]).")
    return values


class _Evaluator:
    """The model's rate equations for one scenario and parameter set, at states given as lists."""

    def __init__(self, scenario: Scenario, params: Parameters, *, free_magnesium: bool = False) -> None:
        clamp = None if free_magnesium else scenario.serum_mg_mmol_l
        # the same person as the solver's: body mass, clamp, kidney function and conditions
        self.rates = Rates(params, scenario.body_mass_kg, clamp, scenario.egfr_ml_min,
                           condition_effects(scenario.conditions))
        self.u = intake_vector(scenario, 0.0)
        self.n = len(STATE_NAMES)

    def derivatives(self, y: list[float]) -> list[float]:
        return list(flows([v if v > 0.0 else 0.0 for v in y], self.u, self.rates)[:self.n])

    def outputs(self, y: list[float]) -> tuple:
        return flows([v if v > 0.0 else 0.0 for v in y], self.u, self.rates)


# --------------------------------------------------------------------------------------------
# rates at a state
@dataclass(frozen=True)
class RatesAt:
    """The model's rates at one state.

    Attributes
    ----------
    derivatives : mapping of str to float
        State name -> its rate of change (unit of the state per day); all near 0 at a steady state.
    outputs : mapping of str to float
        The algebraic outputs of :data:`~mgdlearn.model.equations.FLOW_NAMES` (PTH, fluxes, factors;
        mineral fluxes in mmol/day).
    """

    derivatives: Mapping[str, float]
    outputs: Mapping[str, float]


def rates_at(state: Mapping[str, Any], scenario: Scenario, params: Parameters | None = None) -> RatesAt:
    """Every derivative and algebraic output of the model at ``state`` with ``scenario``'s intakes.

    Parameters
    ----------
    state : mapping
        A model output row (``steady_state(...)``, ``simulate(...).df.iloc[i]``) or a mapping of
        state names to values.
    scenario : Scenario
        Intakes on day 0, body mass and serum magnesium clamp.
    params : Parameters, optional
        Physiology; default ``Parameters()``.
    """
    ev = _Evaluator(_scenario(scenario), _params(params))
    out = ev.outputs(_state_list(state))
    return RatesAt(derivatives=MappingProxyType({n: float(v) for n, v in zip(STATE_NAMES, out)}),
                   outputs=MappingProxyType({n: float(v) for n, v in zip(FLOW_NAMES, out[ev.n:])}))


# --------------------------------------------------------------------------------------------
# magnesium balance
class MagnesiumBalance:
    """Whole-body magnesium balance of one scenario, with calcitriol held at a chosen value.

    Balance means magnesium absorbed = urine + other losses, so the exchangeable store neither
    fills nor empties. The model's own rate equations are used, with serum magnesium free (whatever
    the scenario's clamp) and the store following it; ``state`` (default: the scenario's steady
    state) supplies the other variables, which enter the balance only through the receptor signal.

    Parameters
    ----------
    scenario : Scenario
    params : Parameters, optional
    state : mapping, optional
        A model output row (default: ``steady_state(scenario, params)``).
    """

    def __init__(self, scenario: Scenario, params: Parameters | None = None,
                 state: Mapping[str, Any] | None = None) -> None:
        self.scenario = _scenario(scenario)
        self.params = _params(params)
        self._ev = _Evaluator(self.scenario, self.params, free_magnesium=True)
        self._y = _state_list(steady_state(self.scenario, self.params) if state is None else state)
        self._i_c, self._i_m, self._i_s = (STATE_NAMES.index(n) for n in (_CALCITRIOL, _MG, _MG_STORE))

    def net_gain(self, serum_mg_mmol_l: float, calcitriol_pmol_l: float) -> float:
        """Net magnesium gain of the body (mmol/day) at this serum magnesium and calcitriol: absorbed
        minus urine and other losses (positive: the body fills)."""
        p = self.params
        y = list(self._y)
        y[self._i_c] = calcitriol_pmol_l
        y[self._i_m] = serum_mg_mmol_l
        y[self._i_s] = p.mg_store_mmol_per_mmol_l * serum_mg_mmol_l
        d = self._ev.derivatives(y)
        return p.mg_pool_volume_l * d[self._i_m] + d[self._i_s]

    def serum_mg(self, calcitriol_pmol_l: float) -> float:
        """The serum magnesium (mmol/L) at which the balance holds, calcitriol held at ``calcitriol_pmol_l``."""
        from scipy.optimize import brentq

        c = require_number(calcitriol_pmol_l, "calcitriol", low=0.0, high=5000.0, unit="pmol/L")
        low, high = 1e-3, 3.0
        if self.net_gain(low, c) <= 0.0:
            return low
        if self.net_gain(high, c) >= 0.0:  # pragma: no cover - far outside the intake ranges allowed
            return high
        return float(brentq(self.net_gain, low, high, args=(c,), xtol=1e-9))


def balanced_serum_mg(calcitriol_pmol_l: float, scenario: Scenario, params: Parameters | None = None,
                      state: Mapping[str, Any] | None = None) -> float:
    """Serum magnesium (mmol/L) at which whole-body magnesium balance holds, calcitriol held fixed
    (see :class:`MagnesiumBalance`)."""
    return MagnesiumBalance(scenario, params, state).serum_mg(calcitriol_pmol_l)


# --------------------------------------------------------------------------------------------
# Jacobian and loop gain
@dataclass(frozen=True, eq=False)
class Jacobian:
    """Partial derivatives of the model's rates at a state (central differences).

    Attributes
    ----------
    names : tuple of str
        State names, the order of the rows (derivative of) and columns (with respect to).
    matrix : ndarray
        ``matrix[i, j]`` = d(rate of ``names[i]``) / d(``names[j]``), per day.
    """

    names: tuple[str, ...]
    matrix: "np.ndarray"

    def d(self, rate_of: str, by: str) -> float:
        """d(rate of state ``rate_of``) / d(state ``by``)."""
        return float(self.matrix[self.names.index(rate_of), self.names.index(by)])


def jacobian(state: Mapping[str, Any], scenario: Scenario, params: Parameters | None = None) -> Jacobian:
    """The Jacobian of the model's rates at ``state`` (serum magnesium free, whatever the clamp).

    Central differences with a relative step of 1e-6 (one-sided at a state of 0, which stays 0).
    """
    import numpy as np

    ev = _Evaluator(_scenario(scenario), _params(params), free_magnesium=True)
    y0 = _state_list(state)
    n = ev.n
    matrix = np.empty((n, n))
    for j in range(n):
        h = 1e-6 * max(abs(y0[j]), 1e-3)
        high, low = list(y0), list(y0)
        high[j] += h
        low[j] = max(low[j] - h, 0.0)  # states are non-negative: one-sided at zero
        matrix[:, j] = (np.array(ev.derivatives(high)) - np.array(ev.derivatives(low))) / (high[j] - low[j])
    return Jacobian(names=STATE_NAMES, matrix=matrix)


@dataclass(frozen=True)
class LoopGain:
    """The gain of the calcitriol <-> magnesium loop at a steady state.

    Attributes
    ----------
    sensitivity_calcitriol_to_mg : float
        % change of steady-state calcitriol per % change of serum magnesium (magnesium clamped).
    sensitivity_mg_to_calcitriol : float
        % change of the balanced serum magnesium per % change of calcitriol (calcitriol held).
    gain : float
        Their product: a push is amplified by 1 / (1 - gain), bounded while gain < 1.
    """

    sensitivity_calcitriol_to_mg: float
    sensitivity_mg_to_calcitriol: float
    gain: float

    @property
    def amplification(self) -> float:
        """How much the loop enlarges a push: 1 / (1 - gain)."""
        return 1.0 / (1.0 - self.gain)


def loop_gain(scenario: Scenario, params: Parameters | None = None,
              state: Mapping[str, Any] | None = None) -> LoopGain:
    """Gain of the calcitriol <-> magnesium loop at the steady state of ``scenario``.

    Both slopes come from the implicit function theorem on the model's rate equations, with one
    :func:`jacobian` ``J`` at the steady state:

    * calcitriol per magnesium: with serum Mg ``M`` held, the other states solve ``f_x(x, M) = 0``,
      so ``dx/dM = -J_xx^-1 J_xM`` (the slope of the "magnesium -> calcitriol" curve there);
    * magnesium per calcitriol: the magnesium balance ``B = V f_M + f_S`` (pool volume ``V``,
      store ``S = k M``) is 0 at the steady state, so along the "calcitriol -> magnesium" curve
      ``dM/dC = -(dB/dC) / (dB/dM)`` with the store following ``M``.

    The same numbers as clamping magnesium, or solving the balance, 1 % above and below (tested),
    at a fraction of the cost.

    Parameters
    ----------
    scenario : Scenario
        Intakes (serum magnesium free).
    params : Parameters, optional
    state : mapping, optional
        The steady state of ``scenario`` if already known (default: computed).
    """
    import numpy as np

    scenario, params = _scenario(scenario), _params(params)
    if state is None:
        state = steady_state(scenario, params)
    jac = jacobian(state, scenario, params)
    y0 = _state_list(state)
    i_c, i_m, i_s = (STATE_NAMES.index(n) for n in (_CALCITRIOL, _MG, _MG_STORE))
    m0, c0 = y0[i_m], y0[i_c]
    J = jac.matrix
    rest = [k for k in range(len(STATE_NAMES)) if k != i_m]
    dx_dm = -np.linalg.solve(J[np.ix_(rest, rest)], J[rest, i_m])
    s_cm = float(dx_dm[rest.index(i_c)] * m0 / c0)
    volume, store = params.mg_pool_volume_l, params.mg_store_mmol_per_mmol_l
    db_dc = volume * J[i_m, i_c] + J[i_s, i_c]
    db_dm = volume * (J[i_m, i_m] + store * J[i_m, i_s]) + J[i_s, i_m] + store * J[i_s, i_s]
    s_mc = float(-db_dc / db_dm * c0 / m0)
    return LoopGain(sensitivity_calcitriol_to_mg=s_cm, sensitivity_mg_to_calcitriol=s_mc, gain=s_cm * s_mc)


# --------------------------------------------------------------------------------------------
# the parathyroid glands
@lru_cache(maxsize=8)
def _reference_state(params: Parameters) -> tuple[float, ...]:
    """The reference adult's steady state (``Scenario()``), in the equations' order (memoized)."""
    return tuple(_state_list(steady_state(Scenario(), params)))


def gland_pth(ca_ion_mmol_l: Any, serum_mg_mmol_l: Any, params: Parameters | None = None) -> "np.ndarray":
    """PTH (pmol/L) the teaching model's glands secrete at these ionized calcium and magnesium levels.

    Evaluates the model's own equations at the reference adult's steady state (``Scenario()``) with
    ionized calcium and serum magnesium replaced: an inverse sigmoid of calcium (Peterson & Riggs
    2010) times the chronic magnesium factor on secretion. Arrays broadcast.

    Raises
    ------
    InputError, InputTypeError
        For values that are not finite numbers in 0.2-3 mmol/L (calcium) or 0.05-3 mmol/L (magnesium).
    """
    import numpy as np

    ca = _levels(ca_ion_mmol_l, "ionized calcium", 0.2, 3.0)
    mg = _levels(serum_mg_mmol_l, "serum magnesium", 0.05, 3.0)
    ca, mg = np.broadcast_arrays(ca, mg)
    params = _params(params)
    reference = Scenario()
    ev = _Evaluator(reference, params)
    y: list[Any] = list(_reference_state(params))
    y[STATE_NAMES.index("ca_ion_mmol_l")] = ca.astype(float)
    y[STATE_NAMES.index(_MG)] = mg.astype(float)
    out = flows(y, ev.u, ev.rates)
    pth = np.asarray(out[ev.n + FLOW_NAMES.index("pth_pmol_l")], dtype=float)
    return np.broadcast_to(pth, ca.shape).copy()


def _levels(value: Any, name: str, low: float, high: float) -> "np.ndarray":
    import numpy as np

    if isinstance(value, (str, bytes)) or value is None:
        raise InputTypeError(f"{name} must be a number or an array of numbers in mmol/L; got {type(value).__name__}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputTypeError(f"{name} must be a number or an array of numbers in mmol/L.") from None
    if not np.all(np.isfinite(arr)) or np.any(arr < low) or np.any(arr > high):
        raise InputError(f"{name} must be finite and within {low:g} to {high:g} mmol/L.")
    return arr


# --------------------------------------------------------------------------------------------
# the calcitriol -> magnesium-absorption loop, opened
def max_loop_strength(params: Parameters | None = None) -> float:
    """Largest ``calcitriol_mg_absorption_gain`` for which the gut never absorbs more than the intake.

    At zero intake the other routes absorb ``mg_paracellular_fraction +
    mg_transcellular_max_fraction`` of it; the calcitriol term may add at most the rest.
    """
    p = _params(params)
    return max(0.0, 1.0 - p.mg_paracellular_fraction - p.mg_transcellular_max_fraction)


@lru_cache(maxsize=16)
def open_loop(params: Parameters) -> Parameters:
    """``params`` with the calcitriol -> magnesium-absorption loop opened, as a fair control.

    The calcitriol term of magnesium absorption is replaced by a constant equal to its value in the
    reference adult (``Scenario()`` with ``params``), added to the paracellular fraction: absorption
    there is the same, but no longer follows calcitriol. Memoized on the frozen parameters.
    """
    on = _params(params)
    vdr = float(steady_state(Scenario(), on)["vdr_signal_pmol_l"])
    frozen = on.calcitriol_mg_absorption_gain * vdr / (vdr + on.mg_vdr_ec50_pmol_l)
    return replace(on, calcitriol_mg_absorption_gain=0.0,
                   mg_paracellular_fraction=on.mg_paracellular_fraction + frozen)
