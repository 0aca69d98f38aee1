"""Lesson 03: the calcitriol -> magnesium-absorption loop, switched on and off, and its gain.

The article calls the link between magnesium and vitamin D a "bidirectional loop": magnesium lets
the hydroxylases make calcitriol, and calcitriol raises how much magnesium the gut absorbs. The
model holds the second arrow in one parameter, ``calcitriol_mg_absorption_gain`` (the *loop
strength*: the extra fraction of magnesium intake absorbed at full vitamin D receptor activation;
default from Krejs et al. 1983, **modest and uncertain**, Wilz et al. 1979 found no correlation).

Two experiments, each drawn by :mod:`mgdlearn.plots.loop` and explored with :mod:`mgdlearn.widgets.loop`:

* :func:`compute_loop_runs` -- change magnesium and vitamin D intake on day 0 and follow a year,
  with the loop on and, for comparison, off. "Off" is a fair control
  (:func:`mgdlearn.model.analysis.open_loop`): the calcitriol effect is frozen at its value in the
  reference adult, so both runs start from the same state and differ only in the feedback.
* :func:`compute_loop_plane` -- a phase plane (serum magnesium vs calcitriol) with the two arrows
  of the loop as two curves; where they cross is the steady state, and the product of their
  slopes is the loop gain *g* (:func:`mgdlearn.model.analysis.loop_gain`). A push is amplified by
  1 / (1 - g): bounded while g < 1.

Examples
--------
>>> from mgdlearn.experiments.loop import compute_loop_runs
>>> runs = compute_loop_runs(magnesium_mg_per_day=150, vitamin_d_iu_per_day=600,
...                          loop_strength=0.1, loop_on=True, days=60)
>>> list(runs.runs)
['loop on', 'loop off']
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Mapping

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.model import Parameters, Scenario, analysis, simulate, steady_state, steady_state_sweep

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = [
    "LoopRuns", "LoopPlane", "GAIN_INTAKES_MG_PER_DAY", "max_loop_strength", "loop_parameters",
    "mg_balance_serum_mg", "compute_loop_runs", "compute_loop_plane",
]

#: Magnesium intakes (mg/day) over which the loop gain is shown: from a poor diet to well above
#: the highest adult RDA of 420 mg/day (ods_mg). A display grid, not physiology.
GAIN_INTAKES_MG_PER_DAY: tuple[float, ...] = (25.0, 30.0, 40.0, 60.0, 100.0, 200.0, 600.0)
#: Serum magnesium values (mmol/L) at which the "magnesium -> calcitriol" curve is computed. The
#: model is not meant for values below about 0.4 mmol/L (severe deficiency, rude1985).
PLANE_MG_GRID_MMOL_L: tuple[float, ...] = (0.40, 0.55, 0.70, 0.85, 1.00, 1.05)
#: Points of the "calcitriol -> magnesium" curve (balances solved); both curves are drawn through
#: their model points by monotone cubic interpolation (:class:`scipy.interpolate.PchipInterpolator`).
#: Both are smooth and gently bent, so a few model points draw them faithfully (the calcitriol curve
#: within about 0.7 pmol/L of one through 14 points), and a slider move stays quick (each point is a
#: steady state or a balance).
PLANE_CALCITRIOL_POINTS = 9
#: Points per curve as drawn.
PLANE_DRAWN_POINTS = 40


# --------------------------------------------------------------------------------------------
# data
@dataclass(frozen=True, eq=False)
class LoopRuns:
    """Two runs of the same intake change, with the loop on and off.

    Attributes
    ----------
    runs : mapping of str to DataFrame
        ``"loop on"`` / ``"loop off"``, the run with the chosen setting first.
    loop_on : bool
        The chosen setting (the first run).
    loop_strength : float
        Extra fractional magnesium absorption at full receptor activation (dimensionless).
    magnesium_mg_per_day, vitamin_d_iu_per_day : float
        Intakes from day 0.
    start_magnesium_mg_per_day, start_vitamin_d_iu_per_day : float
        Intakes of the reference adult the runs start from.
    days : int
        Length of the runs.
    """

    runs: Mapping[str, "pd.DataFrame"]
    loop_on: bool
    loop_strength: float
    magnesium_mg_per_day: float
    vitamin_d_iu_per_day: float
    start_magnesium_mg_per_day: float
    start_vitamin_d_iu_per_day: float
    days: int


@dataclass(frozen=True, eq=False)
class LoopPlane:
    """The two arrows of the loop as curves in the (serum Mg, calcitriol) plane, and the loop gain.

    Attributes
    ----------
    mg_grid, calcitriol_of_mg : ndarray
        "Magnesium -> calcitriol": steady-state calcitriol (pmol/L) with serum Mg (mmol/L)
        clamped at each grid value.
    calcitriol_grid, mg_of_calcitriol : ndarray
        "Calcitriol -> magnesium": the serum Mg at which magnesium balance holds (intake absorbed =
        urine + other losses) if calcitriol were held at each grid value (loop on).
    mg_loop_off : float
        The same balance with the loop off (fair control): one value, whatever calcitriol does.
    operating_point : (float, float)
        Steady state (serum Mg, calcitriol) with the loop on: where the curves cross.
    start_point : (float, float)
        Steady state of the reference adult the trajectory starts from.
    trajectory : DataFrame
        Daily serum Mg and calcitriol after the intake change (loop on).
    sensitivity_calcitriol_to_mg, sensitivity_mg_to_calcitriol : float
        Local log-log slopes (% change per % change) of the two arrows at the operating point.
    gain : float
        Their product, the loop gain.
    gain_intakes, gain_by_intake : ndarray
        Loop gain at each magnesium intake of :data:`GAIN_INTAKES_MG_PER_DAY`.
    loop_strength, magnesium_mg_per_day, vitamin_d_iu_per_day : float
        The inputs.
    """

    mg_grid: "np.ndarray"
    calcitriol_of_mg: "np.ndarray"
    calcitriol_grid: "np.ndarray"
    mg_of_calcitriol: "np.ndarray"
    mg_loop_off: float
    operating_point: tuple[float, float]
    start_point: tuple[float, float]
    trajectory: "pd.DataFrame"
    sensitivity_calcitriol_to_mg: float
    sensitivity_mg_to_calcitriol: float
    gain: float
    gain_intakes: "np.ndarray"
    gain_by_intake: "np.ndarray"
    loop_strength: float
    magnesium_mg_per_day: float
    vitamin_d_iu_per_day: float

    @property
    def amplification(self) -> float:
        """How much the loop enlarges a push: 1 / (1 - g)."""
        return 1.0 / (1.0 - self.gain)


# --------------------------------------------------------------------------------------------
# loop parameters
def max_loop_strength(params: Parameters | None = None) -> float:
    """Largest loop strength for which the gut never absorbs more than all of the intake
    (:func:`mgdlearn.model.analysis.max_loop_strength`)."""
    return analysis.max_loop_strength(params)


def _check_strength(value: object, params: Parameters) -> float:
    top = max_loop_strength(params)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > top:
        raise InputError(
            f"loop strength = {value:g} would make the gut absorb more magnesium than is eaten "
            f"(the other routes already absorb up to {1 - top:.0%} of a small intake). "
            f"Allowed: 0 to {top:g} (the model's default is {params.calcitriol_mg_absorption_gain:g}).")
    return require_number(value, "loop strength", low=0.0, high=top, unit="fraction of intake")


def _check_flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise InputTypeError(f"{name} must be True or False; got {type(value).__name__}.")
    return value


def loop_parameters(loop_strength: float, loop_on: bool = True,
                    base: Parameters | None = None) -> Parameters:
    """Model parameters with the calcitriol -> magnesium-absorption loop at ``loop_strength``.

    Parameters
    ----------
    loop_strength : float
        Extra fraction of magnesium intake absorbed at full vitamin D receptor activation
        (0 to :func:`max_loop_strength`; the model's default 0.1 is modest, krejs1983).
    loop_on : bool
        ``False`` opens the loop as a fair control (:func:`mgdlearn.model.analysis.open_loop`):
        the calcitriol term is replaced by a constant equal to its value in the reference adult
        (model defaults), so absorption there is the same but no longer follows calcitriol.
    base : Parameters, optional
        Parameters to start from (default ``Parameters()``).
    """
    p = base if base is not None else Parameters()
    if not isinstance(p, Parameters):
        raise InputTypeError(f"base must be a mgdlearn.model.Parameters(...) or None; got {type(p).__name__}.")
    strength = _check_strength(loop_strength, p)
    on = replace(p, calcitriol_mg_absorption_gain=strength)
    if _check_flag(loop_on, "loop_on"):
        return on
    return analysis.open_loop(on)


# --------------------------------------------------------------------------------------------
# the two arrows of the loop
def mg_balance_serum_mg(calcitriol_pmol_l: float, scenario: Scenario, params: Parameters,
                        state: "pd.Series") -> float:
    """Serum Mg (mmol/L) at which whole-body magnesium balance holds, calcitriol held fixed
    (:func:`mgdlearn.model.analysis.balanced_serum_mg`)."""
    return analysis.balanced_serum_mg(calcitriol_pmol_l, scenario, params, state)


@lru_cache(maxsize=64)
def _calcitriol_curve(mg_values: tuple[float, ...], scenario: Scenario, params: Parameters) -> tuple[float, ...]:
    """Steady-state calcitriol with serum Mg clamped at each of ``mg_values`` (one sweep).

    Memoized on frozen inputs. With magnesium clamped, neither the magnesium intake nor the loop
    strength (how much calcitriol raises magnesium absorption) plays any part, so callers pass
    ``scenario`` with a fixed intake (:func:`_without_mg_intake`) and ``params`` with a fixed
    strength (:func:`_without_loop`), and a move of either slider finds the curve already computed.
    """
    sweep = steady_state_sweep([replace(scenario, serum_mg_mmol_l=m) for m in mg_values], params)
    return tuple(float(c) for c in sweep["calcitriol_pmol_l"])


def _without_mg_intake(scenario: Scenario) -> Scenario:
    return replace(scenario, magnesium_mg_per_day=GAIN_INTAKES_MG_PER_DAY[0])


def _without_loop(params: Parameters) -> Parameters:
    return replace(params, calcitriol_mg_absorption_gain=0.0)


@lru_cache(maxsize=64)
def _gain_curve(scenario: Scenario, params: Parameters) -> tuple[float, ...]:
    """Loop gain at each intake of :data:`GAIN_INTAKES_MG_PER_DAY` (memoized, so a move of the
    magnesium slider reuses it)."""
    scenarios = [replace(scenario, magnesium_mg_per_day=mg) for mg in GAIN_INTAKES_MG_PER_DAY]
    states = steady_state_sweep(scenarios, params, warm=False)  # intakes too far apart for warm starts
    rows = [dict(zip(states.columns, row)) for row in states.to_numpy()]  # plain rows: no pandas per point
    return tuple(analysis.loop_gain(sc, params, state=row).gain for row, sc in zip(rows, scenarios))


# --------------------------------------------------------------------------------------------
# computes
def _intake_scenarios(magnesium_mg_per_day: object, vitamin_d_iu_per_day: object) -> tuple[Scenario, Scenario]:
    before = Scenario()
    after = replace(before, magnesium_mg_per_day=magnesium_mg_per_day, vitamin_d_iu_per_day=vitamin_d_iu_per_day)
    return before, after


def compute_loop_runs(magnesium_mg_per_day: float = 150.0, vitamin_d_iu_per_day: float = 600.0,
                      loop_strength: float | None = None, loop_on: bool = True, days: int = 365) -> LoopRuns:
    """Follow ``days`` days after intakes change on day 0, with the loop on and off.

    Parameters
    ----------
    magnesium_mg_per_day, vitamin_d_iu_per_day : float
        Intakes from day 0 (the run starts at the reference adult's steady state: model
        defaults, 350 mg/day magnesium and 600 IU/day vitamin D).
    loop_strength : float, optional
        Loop strength, 0 to :func:`max_loop_strength` (default: the model's 0.1).
    loop_on : bool
        Which setting is "this run"; the other is computed for comparison.
    days : int
        Length of the runs (1-3650).

    Raises
    ------
    ValueError, TypeError
        For intakes or a strength outside the allowed ranges (the message names them).
    """
    strength = Parameters().calcitriol_mg_absorption_gain if loop_strength is None else loop_strength
    on_first = _check_flag(loop_on, "loop_on")
    before, after = _intake_scenarios(magnesium_mg_per_day, vitamin_d_iu_per_day)
    p_on = loop_parameters(strength, True)
    p_off = loop_parameters(strength, False)
    run_on = simulate(after, days, start=before, params=p_on).df
    run_off = simulate(after, days, start=before, params=p_off).df
    runs = {"loop on": run_on, "loop off": run_off} if on_first else {"loop off": run_off, "loop on": run_on}
    return LoopRuns(runs=runs, loop_on=on_first, loop_strength=p_on.calcitriol_mg_absorption_gain,
                    magnesium_mg_per_day=after.magnesium_mg_per_day,
                    vitamin_d_iu_per_day=after.vitamin_d_iu_per_day,
                    start_magnesium_mg_per_day=before.magnesium_mg_per_day,
                    start_vitamin_d_iu_per_day=before.vitamin_d_iu_per_day, days=int(days))


def compute_loop_plane(magnesium_mg_per_day: float = 150.0, vitamin_d_iu_per_day: float = 600.0,
                       loop_strength: float | None = None, days: int = 365) -> LoopPlane:
    """The loop's two arrows as curves, the trajectory after the intake change, and the loop gain.

    Parameters are those of :func:`compute_loop_runs` (the loop is on; the loop-off balance is
    reported as ``mg_loop_off``).
    """
    import numpy as np
    from scipy.interpolate import PchipInterpolator

    strength = Parameters().calcitriol_mg_absorption_gain if loop_strength is None else loop_strength
    before, after = _intake_scenarios(magnesium_mg_per_day, vitamin_d_iu_per_day)
    p_on = loop_parameters(strength, True)
    p_off = loop_parameters(strength, False)
    state = steady_state(after, p_on)
    gains_here = analysis.loop_gain(after, p_on, state=state)
    gain, s_cm, s_mc = gains_here.gain, gains_here.sensitivity_calcitriol_to_mg, gains_here.sensitivity_mg_to_calcitriol
    m0, c0 = float(state["mg_serum_mmol_l"]), float(state["calcitriol_pmol_l"])
    model_mg = np.array(PLANE_MG_GRID_MMOL_L)
    model_c_of_m = np.array(_calcitriol_curve(PLANE_MG_GRID_MMOL_L, _without_mg_intake(after), _without_loop(p_on)))
    mg_grid = np.linspace(model_mg[0], model_mg[-1], PLANE_DRAWN_POINTS)
    c_of_m = PchipInterpolator(model_mg, model_c_of_m)(mg_grid)
    c_high = max(1.6 * c0, float(np.nanmax(c_of_m)) * 1.1)
    model_c = np.linspace(0.25 * c0, c_high, PLANE_CALCITRIOL_POINTS)
    balance = analysis.MagnesiumBalance(after, p_on, state)
    model_m_of_c = np.array([balance.serum_mg(float(c)) for c in model_c])
    c_grid = np.linspace(model_c[0], model_c[-1], PLANE_DRAWN_POINTS)
    m_of_c = PchipInterpolator(model_c, model_m_of_c)(c_grid)
    # with the loop open, absorption no longer depends on any other state, so the loop-on steady
    # state serves the balance as well as the loop-off one would
    m_off = mg_balance_serum_mg(c0, after, p_off, state)

    run = simulate(after, days, start=before, params=p_on).df
    start = steady_state(before, p_on)
    gains = np.array(_gain_curve(_without_mg_intake(after), p_on))
    return LoopPlane(
        mg_grid=mg_grid, calcitriol_of_mg=c_of_m, calcitriol_grid=c_grid, mg_of_calcitriol=m_of_c,
        mg_loop_off=m_off, operating_point=(m0, c0),
        start_point=(float(start["mg_serum_mmol_l"]), float(start["calcitriol_pmol_l"])),
        trajectory=run[["mg_serum_mmol_l", "calcitriol_pmol_l"]].copy(),
        sensitivity_calcitriol_to_mg=s_cm, sensitivity_mg_to_calcitriol=s_mc, gain=gain,
        gain_intakes=np.array(GAIN_INTAKES_MG_PER_DAY), gain_by_intake=gains,
        loop_strength=p_on.calcitriol_mg_absorption_gain,
        magnesium_mg_per_day=after.magnesium_mg_per_day, vitamin_d_iu_per_day=after.vitamin_d_iu_per_day)
