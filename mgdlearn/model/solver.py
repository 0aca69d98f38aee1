"""Running the model: :func:`simulate`, :func:`steady_state` and :class:`Result`.

scipy and pandas are imported inside the functions, so importing :mod:`mgdlearn.model` is cheap.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from functools import lru_cache
from numbers import Integral
from operator import itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from mgdlearn.errors import InputError, InputTypeError
from mgdlearn.model.conditions import condition_effects
from mgdlearn.model.dangers import ModelWarning, output_warnings
from mgdlearn.model.equations import (
    FLOW_NAMES,
    I_CA,
    I_FGF23,
    I_GUT,
    I_MG,
    I_MGCELL,
    I_MGSTORE,
    I_P,
    N_INTAKE,
    N_STATE,
    Rates,
    flows,
    make_rhs,
)
from mgdlearn.model.parameters import CONSTANTS, Parameters
from mgdlearn.model.scenario import RANGES, Scenario

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

#: Output columns: name -> (unit, meaning). Every Result.df and steady_state() has exactly these.
COLUMNS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "ohd25_nmol_l": ("nmol/L", "serum 25(OH)D (calcifediol), the status marker"),
    "calcitriol_pmol_l": ("pmol/L", "serum 1,25(OH)2D (calcitriol), the hormone"),
    "pth_pmol_l": ("pmol/L", "intact parathyroid hormone"),
    "ca_ion_mmol_l": ("mmol/L", "ionized calcium"),
    "mg_serum_mmol_l": ("mmol/L", "serum magnesium (the clamp value when clamped)"),
    "vitd_nmol_l": ("nmol/L", "serum vitamin D3 (cholecalciferol)"),
    "vitd_store_nmol_l": ("nmol/L-equivalent", "adipose vitamin D3 store, per L of the vitamin D3 volume"),
    "mg_store_mmol": ("mmol", "exchangeable magnesium store (bone surface, soft tissue)"),
    "ohd25_ng_ml": ("ng/mL", "serum 25(OH)D in mass units"),
    "calcitriol_pg_ml": ("pg/mL", "calcitriol in mass units"),
    "pth_pg_ml": ("pg/mL", "intact PTH in mass units"),
    "mg_serum_mg_dl": ("mg/dL", "serum magnesium in mass units"),
    "flux_cyp2r1": ("nmol/L/day", "25(OH)D made by liver CYP2R1 (saturable)"),
    "flux_cyp27a1": ("nmol/L/day", "25(OH)D made by the low-affinity 25-hydroxylase CYP27A1"),
    "flux_cyp27b1": ("pmol/L/day", "calcitriol made by kidney CYP27B1"),
    "flux_cyp24a1_25": ("nmol/L/day", "25(OH)D inactivated by CYP24A1"),
    "flux_cyp24a1_calcitriol": ("pmol/L/day", "calcitriol inactivated by CYP24A1"),
    "cyp27b1_activity": ("1", "CYP27B1 enzyme amount relative to the reference adult"),
    "cyp24a1_induction": ("1", "CYP24A1 induction relative to the reference adult"),
    "vdr_signal_pmol_l": ("pmol/L", "vitamin D receptor signal, calcitriol-equivalent (calcitriol, plus "
                                    "toxic 25(OH)D)"),
    "mg_factor_cyp2r1": ("1", "magnesium factor on the 25-hydroxylases (1 at 0.85 mmol/L)"),
    "mg_factor_cyp27b1": ("1", "magnesium factor on CYP27B1"),
    "mg_factor_cyp24a1": ("1", "magnesium factor on CYP24A1"),
    "mg_factor_pth_secretion": ("1", "magnesium factor on PTH secretion (chronic)"),
    "mg_factor_pth_action": ("1", "magnesium factor on kidney and bone response to PTH"),
    "mg_factor_vdr_action": ("1", "magnesium factor on the calcitriol (receptor) effect on calcium absorption"),
    "ca_absorbed_mg_per_day": ("mg/day", "calcium absorbed by the gut"),
    "ca_fractional_absorption": ("1", "fraction of calcium intake absorbed"),
    "ca_bone_resorption_mg_per_day": ("mg/day", "calcium released from bone (resorption)"),
    "ca_bone_formation_mg_per_day": ("mg/day", "calcium laid down in bone (formation); net = resorption - formation"),
    "ca_urine_mg_per_day": ("mg/day", "urinary calcium"),
    "mg_absorbed_mg_per_day": ("mg/day", "magnesium absorbed by the gut"),
    "mg_fractional_absorption": ("1", "fraction of magnesium intake absorbed"),
    "mg_urine_mg_per_day": ("mg/day", "urinary magnesium"),
    "mg_tissue_mmol_l": ("mmol/L-equivalent", "cell magnesium (follows serum Mg over weeks; CYP27B1 depends on it)"),
    "phosphate_mmol_l": ("mmol/L", "serum inorganic phosphate"),
    "phosphate_mg_dl": ("mg/dL", "serum phosphate as phosphorus, in mass units"),
    "fgf23_ru_ml": ("RU/mL", "C-terminal FGF23 (Immutopics assay units)"),
    "ca_x_p_mg2_dl2": ("mg^2/dL^2", "calcium x phosphate product (total calcium, about 2 x ionized, times phosphate, "
                                    "both in mg/dL)"),
    "p_absorbed_mg_per_day": ("mg/day", "phosphorus absorbed by the gut"),
    "p_urine_mg_per_day": ("mg/day", "urinary phosphorus"),
    "p_fractional_excretion": ("1", "fraction of filtered phosphate excreted"),
    "vitamin_d_iu_per_day": ("IU/day", "oral vitamin D intake in effect (baseline + supplements)"),
    "sun_iu_per_day": ("IU/day", "skin and other background vitamin D3 input"),
    "magnesium_mg_per_day": ("mg/day", "magnesium intake in effect"),
    "calcium_mg_per_day": ("mg/day", "calcium intake in effect"),
    "phosphorus_mg_per_day": ("mg/day", "phosphorus intake in effect"),
    "egfr_ml_min": ("mL/min/1.73 m2", "kidney function (estimated glomerular filtration rate)"),
    "bolus_iu": ("IU", "vitamin D3 bolus taken that day"),
    "vc_indicator": ("1", "TEACHING INDICATOR, not a clinical score: calcium x phosphate product above "
                          "vc_ca_p_threshold_mg2_dl2 plus ionized calcium above vc_ca_threshold_mmol_l (each in "
                          "its scale units), times 0.85/serum Mg; 0 inside the normal ranges"),
    "vc_indicator_days": ("day", "vc_indicator accumulated over the run (0 at a steady state)"),
})

#: Typical size of each state, for absolute tolerances and convergence checks.
_SCALE = (10.0, 10.0, 30.0, 60.0, 90.0, 1.0, 1.2, 0.85, 280.0, 0.85, 1.1, 55.0)
#: A state near the reference adult's steady state: the root finder's starting point.
_GUESS = (0.0, 7.8, 28.0, 65.0, 90.0, 1.0, 1.2, 0.85, 100.0, 0.85, 1.1, 55.0)
#: Relative tolerance of the integrator: 25(OH)D within about 0.01 nmol/L of a run at 1e-5 (far
#: below the model's own uncertainty) with a fifth fewer rate evaluations.
_RTOL = 1e-4
_I_FGF23_TARGET = FLOW_NAMES.index("fgf23_target")


@dataclass(frozen=True, eq=False)
class Result:
    """The outcome of :func:`simulate`.

    Attributes
    ----------
    df : pandas.DataFrame
        One row per day (index ``day``, 0 to ``days``), the columns of :data:`COLUMNS`.
    final : Mapping[str, float]
        The last row as a read-only mapping.
    warnings : tuple of ModelWarning
        Intakes above upper intake levels and dangerous values (each a ``str``, its message, with
        ``kind``, ``value``, ``threshold``, ``unit`` and ``source``; the run still happened).
    scenario : Scenario
    parameters : Parameters
    state : tuple of float
        Final state vector (lets ``simulate(..., start=result)`` continue a run).
    """

    df: "pd.DataFrame"
    final: Mapping[str, float]
    warnings: tuple[ModelWarning, ...]
    scenario: Scenario
    parameters: Parameters
    state: tuple[float, ...]

    def __repr__(self) -> str:
        days = int(self.df.index[-1])
        f = self.final
        return (f"Result({days} days: 25(OH)D {f['ohd25_nmol_l']:.1f} nmol/L, calcitriol "
                f"{f['calcitriol_pmol_l']:.0f} pmol/L, PTH {f['pth_pmol_l']:.2f} pmol/L, ionized Ca "
                f"{f['ca_ion_mmol_l']:.3f} mmol/L, serum Mg {f['mg_serum_mmol_l']:.3f} mmol/L; "
                f"{len(self.warnings)} warning(s))")


# --------------------------------------------------------------------------------------------
# input checks
def _check_scenario(scenario: object, name: str = "scenario") -> Scenario:
    if not isinstance(scenario, Scenario):
        raise InputTypeError(f"{name} must be a mgdlearn.model.Scenario(...); got {type(scenario).__name__}.")
    return scenario


@lru_cache(maxsize=1)
def _default_params() -> Parameters:
    """``Parameters()`` (frozen), built once: creating it checks every field."""
    return Parameters()


@lru_cache(maxsize=1)
def _column_index() -> "pd.Index":
    """The output columns as a pandas Index, built once (shared by every result; Index is immutable)."""
    import pandas as pd

    return pd.Index(list(COLUMNS))


def _check_params(params: object) -> Parameters:
    if params is None:
        return _default_params()
    if not isinstance(params, Parameters):
        raise InputTypeError(f"params must be a mgdlearn.model.Parameters(...) or None; got {type(params).__name__}.")
    return params


def _check_days(days: object) -> int:
    low, high, _ = RANGES["day"]
    allowed = f"a whole number of days from 1 to {high:g}"
    if isinstance(days, bool) or not isinstance(days, (Integral, float)):
        raise InputTypeError(f"days must be {allowed}; got {type(days).__name__}.")
    if isinstance(days, float) and (math.isnan(days) or days != int(days)):
        raise InputError(f"days must be {allowed}; got {days!r}.")
    n = int(days)
    if not 1 <= n <= high:
        raise InputError(f"days = {n} is outside the allowed range: {allowed}.")
    return n


def _intake_tuple(scenario: Scenario, day: float) -> tuple[float, float, float, float, float]:
    i = scenario.intakes_on(day)
    return (i.vitamin_d_iu_per_day, i.sun_iu_per_day, i.magnesium_mg_per_day, i.calcium_mg_per_day,
            i.phosphorus_mg_per_day)


def _person(scenario: Scenario) -> tuple:
    """What makes the rate constants of a scenario (one person): body mass, clamp, kidney, conditions."""
    return (scenario.body_mass_kg, scenario.serum_mg_mmol_l, scenario.egfr_ml_min, scenario.conditions)


def _rates(params: Parameters, scenario: Scenario) -> Rates:
    return _rates_for(params, _person(scenario))


@lru_cache(maxsize=64)
def _rates_for(params: Parameters, person: tuple) -> Rates:
    """The rate constants of one person, remembered (both keys are frozen; Rates is never changed)."""
    body_mass, clamp, egfr, conditions = person
    return Rates(params, body_mass, clamp, egfr, condition_effects(conditions))


def intake_vector(scenario: Scenario, day: float = 0.0) -> tuple[float, ...]:
    """The inputs of the rate equations (:func:`mgdlearn.model.equations.flows`) in effect on ``day``
    (for :mod:`mgdlearn.model.analysis`, which evaluates the equations at a state)."""
    return _intake_tuple(scenario, day)


# --------------------------------------------------------------------------------------------
# steady state
def _residual_ok(rhs: Any, y: "np.ndarray") -> bool:
    """True if ``y`` is a finite, non-negative state where every state changes by less than 1e-6
    of its typical size per day (plain floats: this runs once per steady state)."""
    values = y.tolist()
    for v, s in zip(values, _SCALE):
        if not math.isfinite(v) or v < -1e-9 * s:
            return False
    return all(abs(f) <= 1e-6 * s + 1e-9 for f, s in zip(rhs(0.0, y), _SCALE))


def _initial_guess(rates: Rates, u: tuple[float, ...], clamp: float | None) -> "np.ndarray":
    """A starting point for the root finder: the slow subsystems solved one at a time.

    Magnesium balance, then vitamin D3 (with its store), then 25(OH)D, each a one-dimensional
    monotone balance solved with :func:`scipy.optimize.brentq` on the model's own rates, with the
    fast hormones held at their reference values (to about 1e-7: :func:`scipy.optimize.root`
    polishes the guess to full precision).
    """
    import numpy as np
    from scipy.optimize import brentq

    y = np.array(_GUESS)
    rhs = make_rhs(rates, u)     # plain floats: the derivatives alone, as the solver uses them
    where = {"D": 1, "S": 2, "H": 3, "M": I_MG, "Ms": I_MGSTORE, "T": I_MGCELL, "P": I_P, "F": I_FGF23}

    def rate(i: int, **changes: float) -> float:
        z = y.tolist()
        for k, v in changes.items():
            z[where[k]] = v
        return rhs(0.0, z)[i]

    if clamp is not None:
        m = clamp
    else:
        def mg_balance(x: float) -> float:
            return rate(I_MG, M=x, Ms=rates.store * x, T=x)
        m = 0.0 if mg_balance(1e-9) <= 0.0 else brentq(mg_balance, 1e-9, 10.0, xtol=1e-7)
    y[I_MG], y[I_MGSTORE], y[I_MGCELL] = m, rates.store * m, m

    k_fgf23 = rates.fgf23_turnover_per_day

    def fgf23_at(x: float) -> float:
        # the FGF23 target at phosphate x: F + dF/dt / k (dF/dt = k (target - F)), with F = 0
        return rate(I_FGF23, P=x, F=0.0) / k_fgf23

    def p_balance(x: float) -> float:
        return rate(I_P, P=x, F=fgf23_at(x))
    p = 1e-6 if p_balance(1e-6) <= 0.0 else brentq(p_balance, 1e-6, 50.0, xtol=1e-7)
    y[I_P], y[I_FGF23] = p, fgf23_at(p)

    def d_balance(x: float) -> float:
        return rate(1, D=x, S=rates.kup * x / rates.krel)
    d_top = 1.0 + (u[0] + u[1]) * rates.iu_to_conc / max(rates.koth, 1e-9)
    d = 0.0 if d_balance(0.0) <= 0.0 else brentq(d_balance, 0.0, d_top, xtol=1e-7)
    y[1], y[2] = d, rates.kup * d / rates.krel

    def h_balance(x: float) -> float:
        return rate(3, H=x)
    h = 0.0 if h_balance(0.0) <= 0.0 else brentq(h_balance, 0.0, 1e6, xtol=1e-6)
    y[3] = h
    y[I_GUT] = 0.0
    return y


def _steady_state_vector(scenario: Scenario, params: Parameters, guess: "np.ndarray | None" = None) -> "np.ndarray":
    """Steady-state vector for the intakes in effect on day 0 (boluses ignored).

    Root finding (hybr) from ``guess`` (the steady state of a nearby scenario, in a sweep) or
    from :func:`_initial_guess`; if that fails, the model is run for 400 and then 4,000 more days
    and the root finder polishes the end state; as a last resort the state after that long run is
    returned. Deterministic. Without a guess the result is remembered (:func:`_steady_state_memo`):
    explorers start many runs from the same state.
    """
    import numpy as np

    if guess is None:
        return np.array(_steady_state_memo(scenario, params))
    return _solve_steady_state(scenario, params, guess)


@lru_cache(maxsize=128)
def _steady_state_memo(scenario: Scenario, params: Parameters) -> tuple[float, ...]:
    """:func:`_solve_steady_state` without a guess, memoized on the frozen inputs."""
    return tuple(float(v) for v in _solve_steady_state(scenario, params, None))


def _solve_steady_state(scenario: Scenario, params: Parameters, guess: "np.ndarray | None") -> "np.ndarray":
    import numpy as np
    from scipy.optimize import root

    u = _intake_tuple(scenario, 0.0)
    clamp = scenario.serum_mg_mmol_l
    rates = _rates(params, scenario)
    rhs = make_rhs(rates, u)

    # Root finding on the states that are not fixed by others at a steady state: the gut bolus
    # state is 0, cell magnesium equals serum magnesium, and a clamp fixes serum magnesium.
    fixed = {I_GUT, I_MGCELL} | ({I_MG} if clamp is not None else set())
    idx = [i for i in range(N_STATE) if i not in fixed]
    pick = itemgetter(*idx)
    holes = sorted(fixed)

    def full_list(x: "np.ndarray") -> list[float]:
        y = x.tolist()
        for i in holes:
            y.insert(i, 0.0)
        if clamp is not None:
            y[I_MG] = clamp
        y[I_MGCELL] = y[I_MG]
        return y

    def full(x: "np.ndarray") -> "np.ndarray":
        return np.array(full_list(x))

    def fun(x: "np.ndarray") -> tuple[float, ...]:
        return pick(rhs(0.0, full_list(x)))

    options = {"xtol": 1e-12, "diag": 1.0 / np.asarray(_SCALE)[idx]}
    if guess is not None:
        # a near guess converges in a few steps; a far one gives up early for the usual start
        x = np.asarray(guess, dtype=float)[idx]
        y = full(np.asarray(root(fun, x, method="hybr", options={**options, "maxfev": 40}).x, dtype=float))
        if _residual_ok(rhs, y):
            return np.maximum(y, 0.0)
    y0 = _initial_guess(rates, u, clamp)
    for horizon in (0.0, 400.0, 4000.0):
        if horizon:
            y0 = _integrate(rhs, np.maximum(y0, 0.0), 0.0, horizon, None)[:, -1]
        sol = root(fun, np.asarray(y0, dtype=float)[idx], method="hybr", options=options)
        y = full(np.asarray(sol.x, dtype=float))
        if _residual_ok(rhs, y):
            return np.maximum(y, 0.0)
    return np.maximum(y0, 0.0)


def _integrate(rhs: Any, y0: "np.ndarray", t0: float, t1: float, t_eval: "np.ndarray | None") -> "np.ndarray":
    """Integrate from ``t0`` to ``t1``; return states (N_STATE x len(t_eval)), or the end state.

    LSODA through :func:`scipy.integrate.odeint`, which steps inside Fortran and calls Python only
    for the right-hand side (about twice as fast as ``solve_ivp``'s step-by-step LSODA, with the
    same results to solver tolerance); ``solve_ivp``'s BDF is the fallback if LSODA fails.
    """
    import numpy as np
    from scipy.integrate import odeint, solve_ivp

    atol = 1e-8 * np.asarray(_SCALE)
    times = np.concatenate(([t0], t_eval if t_eval is not None else [t1])).astype(float)
    with warnings.catch_warnings():  # a failure is handled below, not printed
        warnings.simplefilter("ignore")
        Y, info = odeint(rhs, y0, times, tfirst=True, rtol=_RTOL, atol=atol, mxstep=20_000, full_output=True)
    if info["message"] == "Integration successful." and np.all(np.isfinite(Y)):
        return Y[1:].T
    sol = solve_ivp(rhs, (t0, t1), y0, method="BDF", t_eval=t_eval if t_eval is not None else [t1],
                    rtol=_RTOL / 10, atol=atol)
    if sol.success and np.all(np.isfinite(sol.y)):
        return sol.y
    raise RuntimeError(f"The model's solver failed ({sol.message}); please report the scenario.")  # pragma: no cover


# --------------------------------------------------------------------------------------------
# outputs
def _outputs(Y: "np.ndarray", U: Sequence["np.ndarray"], rates: Rates, params: Parameters,
             bolus: "np.ndarray", days: "np.ndarray") -> dict[str, "np.ndarray"]:
    import numpy as np

    Y = np.maximum(Y, 0.0)       # remove solver round-off below zero (states are non-negative)
    if Y.shape[1] == 1:
        # one row (a steady state): plain floats are many times faster than 1-element arrays
        out = [np.array([v]) for v in flows(Y[:, 0].tolist(), [float(np.asarray(x).ravel()[0]) for x in U], rates)]
    else:
        out = flows(list(Y), list(U), rates)
    named = dict(zip(FLOW_NAMES, out[N_STATE:]))
    n = Y.shape[1]

    def full(v: Any) -> "np.ndarray":
        a = np.asarray(v, dtype=float)
        return a if a.shape == (n,) else np.broadcast_to(a, (n,)).copy()

    H, C, Ca, M, P = Y[3], Y[4], Y[I_CA], Y[I_MG], Y[I_P]
    ca_total_mg_dl = Ca * CONSTANTS["total_ca_per_ionized_ca"][0] * CONSTANTS["mg_dl_per_mmol_l_ca"][0]
    p_mg_dl = P * CONSTANTS["mg_dl_per_mmol_l_p"][0]
    ca_x_p = ca_total_mg_dl * p_mg_dl
    # teaching indicator: calcium-phosphate load and calcium load, each 0 inside the normal ranges,
    # weighted up when magnesium (a crystallisation inhibitor, terbraake2018) is low
    load = (np.maximum(ca_x_p - params.vc_ca_p_threshold_mg2_dl2, 0.0) / params.vc_ca_p_scale_mg2_dl2
            + np.maximum(Ca - params.vc_ca_threshold_mmol_l, 0.0) / params.vc_ca_scale_mmol_l)
    vc = load * params.mg_ref_mmol_l / np.maximum(M, 0.1)
    if n > 1:
        vc_days = np.concatenate(([0.0], np.cumsum(0.5 * (vc[1:] + vc[:-1]) * np.diff(days))))
    else:
        vc_days = np.zeros(1)
    mg_per_mmol_mg, mg_per_mmol_ca = 1.0 / CONSTANTS["mmol_per_mg_mg"][0], 1.0 / CONSTANTS["mmol_per_mg_ca"][0]
    mg_per_mmol_p = 1.0 / CONSTANTS["mmol_per_mg_p"][0]
    cols = {
        "ohd25_nmol_l": H,
        "calcitriol_pmol_l": C,
        "pth_pmol_l": full(named["pth_pmol_l"]),
        "ca_ion_mmol_l": Ca,
        "mg_serum_mmol_l": M,
        "vitd_nmol_l": Y[1],
        "vitd_store_nmol_l": Y[2],
        "mg_store_mmol": Y[I_MGSTORE],
        "ohd25_ng_ml": H / CONSTANTS["nmol_l_per_ng_ml_25ohd"][0],
        "calcitriol_pg_ml": C / CONSTANTS["pmol_l_per_pg_ml_calcitriol"][0],
        "pth_pg_ml": full(named["pth_pmol_l"]) * CONSTANTS["pg_ml_per_pmol_l_pth"][0],
        "mg_serum_mg_dl": M * CONSTANTS["mg_dl_per_mmol_l_mg"][0],
        "flux_cyp2r1": named["flux_cyp2r1"],
        "flux_cyp27a1": named["flux_cyp27a1"],
        "flux_cyp27b1": named["flux_cyp27b1"],
        "flux_cyp24a1_25": named["flux_cyp24a1_25"],
        "flux_cyp24a1_calcitriol": named["flux_cyp24a1_calcitriol"],
        "cyp27b1_activity": Y[5],
        "cyp24a1_induction": named["cyp24a1_induction"],
        "vdr_signal_pmol_l": named["vdr_signal_pmol_l"],
        "mg_factor_cyp2r1": named["mg_factor_cyp2r1"],
        "mg_factor_cyp27b1": named["mg_factor_cyp27b1"],
        "mg_factor_cyp24a1": named["mg_factor_cyp24a1"],
        "mg_factor_pth_secretion": named["mg_factor_pth_secretion"],
        "mg_factor_pth_action": named["mg_factor_pth_action"],
        "mg_factor_vdr_action": named["mg_factor_vdr_action"],
        "ca_absorbed_mg_per_day": named["ca_absorbed_mmol"] * mg_per_mmol_ca,
        "ca_fractional_absorption": named["ca_fractional_absorption"],
        "ca_bone_resorption_mg_per_day": named["ca_bone_resorption_mmol"] * mg_per_mmol_ca,
        "ca_bone_formation_mg_per_day": named["ca_bone_formation_mmol"] * mg_per_mmol_ca,
        "ca_urine_mg_per_day": named["ca_urine_mmol"] * mg_per_mmol_ca,
        "mg_absorbed_mg_per_day": named["mg_absorbed_mmol"] * mg_per_mmol_mg,
        "mg_fractional_absorption": named["mg_fractional_absorption"],
        "mg_urine_mg_per_day": named["mg_urine_mmol"] * mg_per_mmol_mg,
        "mg_tissue_mmol_l": Y[I_MGCELL],
        "phosphate_mmol_l": P,
        "phosphate_mg_dl": p_mg_dl,
        "fgf23_ru_ml": Y[I_FGF23],
        "ca_x_p_mg2_dl2": ca_x_p,
        "p_absorbed_mg_per_day": named["p_absorbed_mmol"] * mg_per_mmol_p,
        "p_urine_mg_per_day": named["p_urine_mmol"] * mg_per_mmol_p,
        "p_fractional_excretion": 1.0 - full(named["p_reabsorbed_fraction"]),
        "vitamin_d_iu_per_day": U[0],
        "sun_iu_per_day": U[1],
        "magnesium_mg_per_day": U[2],
        "calcium_mg_per_day": U[3],
        "phosphorus_mg_per_day": U[4],
        "egfr_ml_min": rates.egfr_ml_min,
        "bolus_iu": bolus,
        "vc_indicator": vc,
        "vc_indicator_days": vc_days,
    }
    return {k: full(v) for k, v in cols.items()}


#: Output columns the danger flags read.
_FLAGGED = ("mg_serum_mmol_l", "ca_ion_mmol_l", "ohd25_nmol_l", "ca_x_p_mg2_dl2")


def _output_warnings(cols: Mapping[str, Any], *, steady: bool = False) -> list[ModelWarning]:
    """Danger flags from the lowest and highest value of each flagged column."""
    import numpy as np

    extremes = {}
    for c in _FLAGGED:
        v = cols[c]
        if len(v) == 1:
            extremes[c] = (float(v[0]), float(v[0]))
        else:
            extremes[c] = (float(np.min(v)), float(np.max(v)))
    return output_warnings(extremes, steady=steady)


# --------------------------------------------------------------------------------------------
# public API
def steady_state(scenario: Scenario, params: Parameters | None = None) -> "pd.Series":
    """Steady state of ``scenario`` (the intakes in effect on day 0; boluses ignored).

    Parameters
    ----------
    scenario : Scenario
        Intakes (and optional serum magnesium clamp, body mass).
    params : Parameters, optional
        Physiology; default ``Parameters()``.

    Returns
    -------
    pandas.Series
        The columns of :data:`COLUMNS` (``vc_indicator_days`` is 0: no time elapses at a steady
        state). ``.attrs["warnings"]`` holds intakes above upper levels.

    Examples
    --------
    >>> from mgdlearn.model import Scenario, steady_state
    >>> ss = steady_state(Scenario())
    >>> 50 < float(ss["ohd25_nmol_l"]) < 80
    True
    """
    import numpy as np
    import pandas as pd

    scenario = _check_scenario(scenario)
    params = _check_params(params)
    y = _steady_state_vector(scenario, params)
    rates = _rates(params, scenario)
    u = [np.array([v]) for v in _intake_tuple(scenario, 0.0)]
    cols = _outputs(y.reshape(N_STATE, 1), u, rates, params, np.zeros(1), np.zeros(1))
    series = pd.Series(np.array([v[0] for v in cols.values()], dtype=float), index=_column_index(), name="steady state")
    series.attrs["warnings"] = scenario.intake_warnings(1.0) + tuple(_output_warnings(cols, steady=True))
    return series


def steady_state_sweep(scenarios: Sequence[Scenario], params: Parameters | None = None, *,
                       warm: bool = True) -> "pd.DataFrame":
    """Steady states of many nearby scenarios (a dose-response curve, say), one row each.

    The same values as ``steady_state`` for each scenario, found faster: each solve starts from
    the previous scenario's steady state (and falls back to :func:`steady_state`'s own start).
    ``warm=False`` solves each from that usual start straight away, for scenarios too far apart
    for the previous state to help (a few intakes spread over a wide range): a quarter faster there.

    Returns
    -------
    pandas.DataFrame
        One row per scenario (index 0, 1, ...), the columns of :data:`COLUMNS`;
        ``.attrs["warnings"]`` holds the warnings of all of them, each once.

    Examples
    --------
    >>> from mgdlearn.model import Scenario, steady_state_sweep
    >>> df = steady_state_sweep([Scenario(vitamin_d_iu_per_day=iu) for iu in (0, 600, 2000)])
    >>> bool(df["ohd25_nmol_l"].is_monotonic_increasing)
    True
    """
    import numpy as np
    import pandas as pd

    scenarios = [_check_scenario(sc, f"scenario {i + 1}") for i, sc in enumerate(scenarios)]
    params = _check_params(params)
    states, y = [], None
    for sc in scenarios:
        y = _steady_state_vector(sc, params, guess=y) if warm else _solve_steady_state(sc, params, None)
        states.append(y)
    # the outputs of all scenarios with the same rate constants are computed in one go (a clamp
    # changes only the magnesium derivative, not an output, so its value does not split a group)
    rows = np.empty((len(scenarios), len(COLUMNS)))
    groups: dict[tuple, list[int]] = {}
    for i, sc in enumerate(scenarios):
        groups.setdefault((sc.body_mass_kg, sc.serum_mg_mmol_l is None, sc.egfr_ml_min, sc.conditions),
                          []).append(i)
    for members in groups.values():
        first = scenarios[members[0]]
        rates = _rates(params, first)
        u = list(np.array([_intake_tuple(scenarios[i], 0.0) for i in members]).T)
        n = len(members)
        cols = _outputs(np.array([states[i] for i in members]).T, u, rates, params, np.zeros(n), np.zeros(n))
        cols["vc_indicator_days"] = np.zeros(n)  # separate steady states, not a run through time
        rows[members] = np.column_stack([cols[name] for name in COLUMNS])
    df = pd.DataFrame(rows, columns=_column_index())
    warnings_seen: dict[str, None] = {}
    flagged = {c: df[c].to_numpy() for c in _FLAGGED}
    for i, sc in enumerate(scenarios):
        row = {c: v[i:i + 1] for c, v in flagged.items()}
        for w in sc.intake_warnings(1.0) + tuple(_output_warnings(row, steady=True)):
            warnings_seen.setdefault(w, None)
    df.attrs["warnings"] = tuple(warnings_seen)
    return df


def simulate(scenario: Scenario, days: int = 365, *, start: "Scenario | Result | None" = None,
             params: Parameters | None = None) -> Result:
    """Run the model for ``days`` days and return one row per day.

    Parameters
    ----------
    scenario : Scenario
        Intakes during the run, with its schedule of supplements and boluses.
    days : int
        Length of the run, 1-3650 days.
    start : Scenario, Result or None
        Where the run starts: ``None`` = the steady state of ``scenario``'s day-0 intakes; a
        Scenario = its steady state ("before"); a Result = its final state (continue a run).
    params : Parameters, optional
        Physiology; default ``Parameters()``. Used for the run and for a Scenario ``start``.

    Returns
    -------
    Result

    Examples
    --------
    >>> from mgdlearn.model import Scenario, simulate
    >>> res = simulate(Scenario(vitamin_d_iu_per_day=2000), days=120, start=Scenario())
    >>> res.final["ohd25_nmol_l"] > float(res.df["ohd25_nmol_l"].iloc[0])
    True
    """
    scenario = _check_scenario(scenario)
    n_days = _check_days(days)
    params = _check_params(params)
    y = _start_state(scenario, start, params)
    rates = _rates(params, scenario)
    states, intakes, bolus_col, y = _advance(scenario, n_days, y, rates)
    return _result(scenario, params, rates, states, intakes, bolus_col, y)


def simulate_sequence(steps: Sequence[tuple[Scenario, int]], *, start: "Scenario | Result | None" = None,
                      params: Parameters | None = None) -> Result:
    """Run several scenarios one after another (the months of a year, say) as one run.

    Parameters
    ----------
    steps : sequence of (Scenario, days)
        Each scenario runs for its number of days, starting where the previous one ended. All
        must share body mass and serum magnesium clamp (one person); the total is at most 3650 days.
    start : Scenario, Result or None
        As in :func:`simulate` (``None``: the steady state of the first scenario).
    params : Parameters, optional
        Physiology; default ``Parameters()``.

    Returns
    -------
    Result
        One row per day of the whole sequence; ``scenario`` is the last step's.

    Examples
    --------
    >>> from mgdlearn.model import Scenario, simulate_sequence
    >>> winter, summer = Scenario(sun_iu_per_day=0), Scenario(sun_iu_per_day=3000)
    >>> res = simulate_sequence([(winter, 90), (summer, 90)], start=Scenario())
    >>> len(res.df), res.final["ohd25_nmol_l"] > float(res.df["ohd25_nmol_l"].iloc[90])
    (181, True)
    """
    import numpy as np

    steps = list(steps)
    if not steps:
        raise InputError("simulate_sequence needs at least one (Scenario, days) step.")
    checked = []
    for i, step in enumerate(steps):
        if not (isinstance(step, tuple) and len(step) == 2):
            raise InputTypeError(f"step {i + 1} must be a (Scenario, days) pair; got {step!r:.60}.")
        checked.append((_check_scenario(step[0], f"step {i + 1}'s scenario"), _check_days(step[1])))
    first = checked[0][0]
    for sc, _ in checked[1:]:
        if _person(sc) != _person(first):
            raise InputError("All steps of a sequence must share body mass, serum magnesium clamp, eGFR and "
                             "conditions (they are one person).")
    total = sum(n for _, n in checked)
    if total > 3650:
        raise InputError(f"A sequence runs at most 3650 days; these steps add up to {total}.")
    params = _check_params(params)
    y = _start_state(first, start, params)
    rates = _rates(params, first)
    parts_s, parts_u, parts_b = [], [], []
    for i, (sc, n) in enumerate(checked):
        states, intakes, bolus_col, y = _advance(sc, n, y, rates)
        keep = slice(0 if i == 0 else 1, None)  # each step's day 0 is the previous step's last day
        parts_s.append(states[:, keep])
        parts_u.append(intakes[:, keep])
        parts_b.append(bolus_col[keep])
    return _result(checked[-1][0], params, rates, np.concatenate(parts_s, axis=1),
                   np.concatenate(parts_u, axis=1), np.concatenate(parts_b), y,
                   warnings=tuple(dict.fromkeys(w for sc, n in checked for w in sc.intake_warnings(n))))


def _start_state(scenario: Scenario, start: "Scenario | Result | None", params: Parameters) -> "np.ndarray":
    import numpy as np

    if start is None:
        return _steady_state_vector(scenario, params)
    if isinstance(start, Scenario):
        return _steady_state_vector(start, params)
    if isinstance(start, Result):
        y = np.array(start.state, dtype=float)
        if y.shape != (N_STATE,):
            raise InputError(f"start has {y.size} state values; this model has {N_STATE}.")
        return y
    raise InputTypeError("start must be None, a Scenario (start from its steady state) or a Result "
                         f"(continue from its end); got {type(start).__name__}.")


def _advance(scenario: Scenario, n_days: int, y: "np.ndarray", rates: Rates
             ) -> tuple["np.ndarray", "np.ndarray", "np.ndarray", "np.ndarray"]:
    """Integrate ``scenario`` for ``n_days`` from state ``y``: daily states, intakes and boluses
    (day 0 to ``n_days``) and the final state."""
    import numpy as np

    y = np.array(y, dtype=float)
    clamp = scenario.serum_mg_mmol_l
    if clamp is not None:
        y[I_MG] = clamp
    boluses = [b for b in scenario.boluses if b.day < n_days]
    edges = sorted({0.0, float(n_days), *(d for d in scenario.change_days() if d < n_days),
                    *(b.day for b in boluses)})
    grid = np.arange(n_days + 1, dtype=float)
    states = np.empty((N_STATE, n_days + 1))
    intakes = np.empty((N_INTAKE, n_days + 1))
    states[:, 0] = y
    for a, b in zip(edges[:-1], edges[1:]):
        for bolus in boluses:
            if bolus.day == a:
                y[I_GUT] += bolus.vitamin_d_iu * rates.iu_to_gut
        u = _intake_tuple(scenario, a)
        rhs = make_rhs(rates, u)
        lo = int(math.floor(a)) + 1
        hi = int(math.floor(b))
        # the intake in effect on each whole day of [a, b)
        intakes[:, int(math.ceil(a)):hi + 1] = np.array(u)[:, None]
        t_eval = grid[lo:hi + 1] if hi >= lo else None
        if t_eval is not None and t_eval[-1] != b:
            t_eval = np.append(t_eval, b)
        Y = _integrate(rhs, y, a, b, t_eval if t_eval is not None else np.array([b]))
        n_grid = hi - lo + 1
        if n_grid > 0:
            states[:, lo:hi + 1] = Y[:, :n_grid]
        y = Y[:, -1].copy()
        if clamp is not None:
            y[I_MG] = clamp
    bolus_col = np.zeros(n_days + 1)
    for bolus in boluses:
        bolus_col[int(math.floor(bolus.day))] += bolus.vitamin_d_iu
    return states, intakes, bolus_col, y


def _result(scenario: Scenario, params: Parameters, rates: Rates, states: "np.ndarray", intakes: "np.ndarray",
            bolus_col: "np.ndarray", y: "np.ndarray", warnings: tuple[ModelWarning, ...] | None = None) -> Result:
    import numpy as np
    import pandas as pd

    n = states.shape[1]
    grid = np.arange(n, dtype=float)
    cols = _outputs(states, list(intakes), rates, params, bolus_col, grid)
    df = pd.DataFrame(np.column_stack(list(cols.values())), columns=_column_index(),
                      index=pd.RangeIndex(n, name="day"))
    final = MappingProxyType({k: float(v[-1]) for k, v in cols.items()})
    if warnings is None:
        warnings = scenario.intake_warnings(n - 1)
    warnings = tuple(warnings) + tuple(_output_warnings(cols))
    return Result(df=df, final=final, warnings=warnings, scenario=scenario, parameters=params,
                  state=tuple(float(v) for v in np.maximum(y, 0.0)))


__all__ = ["COLUMNS", "Result", "intake_vector", "simulate", "simulate_sequence", "steady_state", "steady_state_sweep"]
