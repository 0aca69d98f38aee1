"""The two case studies of ``exercises/08_case_studies.ipynb``: the patients, their stand-ins in the model, the urine tests.

**Case 1, Ana** (ids ``case1.N``): a 58-year-old woman with serum magnesium 0.62 mmol/L, intact PTH
75 pg/mL and 25(OH)D 14 ng/mL, on a proton-pump inhibitor (PPI) and a thiazide. The case asks
what causes her hypomagnesaemia and why her PTH is high. **Case 2, Mr K** (ids ``case2.N``): a
71-year-old man on a PPI with tetany, severe hypomagnesaemia and hypocalcaemia that calcium and
vitamin D do not correct until magnesium is restored.

Both patients are fictional; case 2 is modelled on published cases of PPI-associated
hypomagnesaemia (``janett2015``, ``sivakumar2016``, ``toh2015``; ``fda_ppi2011``). Their laboratory
values are inputs of the cases, not data. The model is used to test hypotheses: what each cause
does under the model's assumptions. Where a stand-in is *fitted* to a patient (a parameter chosen
so that the model reaches her or his value), the stand-in says so, and the fitted value is not
evidence of anything.

The urine tests that tell renal from extrarenal magnesium loss (fractional excretion, FEMg; 24-hour
urine magnesium) read their cut-offs from ``mgdlearn/data/mg_urine_tests.csv``.

A teaching model, not a dosing tool: the intakes in the scenarios are model inputs (the official
upper levels where a case gives "calcium and vitamin D"), not advice.

Examples
--------
>>> from mgdlearn.exercises import cases
>>> round(cases.fe_mg_percent(u_mg=0.60, p_mg=0.62, u_cr=8.0, p_cr=0.070), 2)
1.21
>>> cases.read_fe_mg(1.2)
'extrarenal'
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

from mgdlearn.errors import InputError, InputTypeError
from mgdlearn.model import CONSTANTS as MODEL_CONSTANTS
from mgdlearn.model import Parameters, Result, Scenario, simulate, steady_state
from mgdlearn.reference_values import normal_range, ul

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "UrineTest", "urine_tests", "fe_mg_percent", "read_fe_mg", "model_fe_mg_percent",
    "ANA", "ANA_INPUTS", "HYPOTHESES", "ana_scenario", "ana_hypotheses", "diet_only_intake_mg",
    "StandIn", "ana_standin", "ana_standins", "ana_pth", "pth_from_calcium_alone",
    "MR_K", "MR_K_INPUTS", "mr_k_clamp", "mr_k_scenario", "mr_k_calcium_and_vitamin_d",
    "mr_k_magnesium_restored", "mr_k_recovery_days",
]


# --------------------------------------------------------------------------------------------
# urine tests: FEMg and 24-hour urine magnesium
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class UrineTest:
    """One value of ``mg_urine_tests.csv``: a cut-off, a range bound or the filterable fraction."""

    name: str
    value: float
    unit: str
    meaning: str
    source: str


@lru_cache(maxsize=1)
def _urine_tests() -> Mapping[str, UrineTest]:
    text = resources.files("mgdlearn").joinpath("data/mg_urine_tests.csv").read_text(encoding="utf-8")
    rows = {r["name"]: UrineTest(r["name"], float(r["value"]), r["unit"], r["meaning"], r["source"])
            for r in csv.DictReader(text.splitlines())}
    return MappingProxyType(rows)


def urine_tests() -> Mapping[str, UrineTest]:
    """The urine-test values, by name (``"femg_cutoff_2"``, ``"filterable_fraction"`` ...)."""
    return _urine_tests()


def _value(name: str) -> float:
    return _urine_tests()[name].value


def _positive(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputTypeError(f"{name} is a number (a concentration); got {type(value).__name__}.")
    x = float(value)
    if not math.isfinite(x) or x <= 0:
        raise InputError(f"{name} must be a positive, finite concentration; got {value!r}.")
    return x


def fe_mg_percent(u_mg: float, p_mg: float, u_cr: float, p_cr: float) -> float:
    """Fractional excretion of magnesium (FEMg), in percent, from a spot urine and a blood sample.

    FEMg = (U_Mg x P_Cr) / (0.7 x P_Mg x U_Cr) x 100, where 0.7 is the share of plasma magnesium
    that is filtered (the rest is bound to albumin; ``agus1999``).

    Parameters
    ----------
    u_mg, p_mg : float
        Urine and plasma magnesium, in the same unit (mmol/L).
    u_cr, p_cr : float
        Urine and plasma creatinine, in the same unit as each other (mmol/L). Laboratories often
        report plasma creatinine in µmol/L: divide it by 1000 first.

    Raises
    ------
    InputTypeError, InputError
        If a value is not a positive, finite number.
    """
    u_mg, p_mg = _positive(u_mg, "u_mg"), _positive(p_mg, "p_mg")
    u_cr, p_cr = _positive(u_cr, "u_cr"), _positive(p_cr, "p_cr")
    return 100.0 * (u_mg * p_cr) / (_value("filterable_fraction") * p_mg * u_cr)


def read_fe_mg(fe_percent: float) -> str:
    """What an FEMg says in hypomagnesaemia with normal kidney function: ``"extrarenal"``, ``"grey zone"``, ``"renal"``.

    Below 2 % the kidney is conserving magnesium, so the loss is elsewhere (``agus1999``). The
    sources disagree about the upper line: 2 % (``agus1999``) or 4 % (``clinlabnavigator_umg``); in
    the patients behind these rules extrarenal losses reached 2.7 % and renal losses started at
    4 % (Elisaf 1997, as reported by ``agus1999``). Between 2 and 4 % the reading does not decide.
    """
    fe = _positive(fe_percent, "fe_percent")
    if fe < _value("femg_cutoff_2"):
        return "extrarenal"
    if fe <= _value("femg_cutoff_4"):
        return "grey zone"
    return "renal"


def model_fe_mg_percent(state: Mapping[str, Any], scenario: Scenario, params: Parameters | None = None) -> float:
    """FEMg (percent) of a model state: urinary magnesium / filtered magnesium x 100.

    The model's filtered magnesium is ``renal_mg_filtered_l_per_day`` (180 L/day of plasma times the
    filterable 0.7) x eGFR/100 x serum magnesium, so this is the clinical formula with the
    glomerular filtration rate in place of the creatinine ratio.
    """
    p = params or Parameters()
    filtered_mmol = (p.renal_mg_filtered_l_per_day * scenario.egfr_ml_min / MODEL_CONSTANTS["egfr_ref_ml_min"][0]
                     * float(state["mg_serum_mmol_l"]))
    urine_mmol = float(state["mg_urine_mg_per_day"]) * MODEL_CONSTANTS["mmol_per_mg_mg"][0]
    return 100.0 * urine_mmol / filtered_mmol


# --------------------------------------------------------------------------------------------
# case 1: Ana
# --------------------------------------------------------------------------------------------
#: Ana's results as her laboratories reported them: test -> (value, unit). Fictional inputs of the
#: case. The spot urine was taken on the same morning as the blood.
ANA: Mapping[str, tuple[float, str]] = MappingProxyType({
    "serum_mg": (0.62, "mmol/L"),
    "calcium": (2.19, "mmol/L"),
    "25ohd": (14.0, "ng/mL"),
    "pth": (75.0, "pg/mL"),
    "egfr": (92.0, "mL/min/1.73 m2"),
    "urine_mg": (0.60, "mmol/L"),
    "urine_creatinine": (8.0, "mmol/L"),
    "plasma_creatinine": (70.0, "µmol/L"),
})

#: Ana's intakes for the model (inputs of the case). Food vitamin D 200 IU/day; the background
#: input (late-winter sun in Edinburgh, stores) was chosen so that the model's 25(OH)D matches her
#: 14 ng/mL: a fit, not a prediction. Magnesium 240 mg/day is three quarters of the RDA for her age.
ANA_INPUTS: Mapping[str, float] = MappingProxyType({
    "vitamin_d_iu_per_day": 200.0, "sun_iu_per_day": 1000.0, "calcium_mg_per_day": 700.0,
    "magnesium_mg_per_day": 240.0, "egfr_ml_min": 92.0,
})

#: The hypotheses for her low magnesium that her history allows, as model conditions.
HYPOTHESES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "diet alone": (), "PPI": ("ppi",), "thiazide": ("thiazide",), "PPI and thiazide": ("ppi", "thiazide"),
})


def ana_scenario(conditions: tuple[str, ...] = (), **changes: Any) -> Scenario:
    """Ana's intakes as a :class:`~mgdlearn.model.Scenario`, with ``conditions`` and any input changed."""
    return Scenario(**{**ANA_INPUTS, **changes}, conditions=tuple(conditions))


def _row(state: Mapping[str, Any], scenario: Scenario, params: Parameters | None = None) -> dict[str, float]:
    return {
        "serum Mg (mmol/L)": round(float(state["mg_serum_mmol_l"]), 3),
        "urine Mg (mg/day)": round(float(state["mg_urine_mg_per_day"]), 1),
        "FEMg (%)": round(model_fe_mg_percent(state, scenario, params), 2),
        "PTH (pg/mL)": round(float(state["pth_pg_ml"]), 1),
        "25(OH)D (ng/mL)": round(float(state["ohd25_ng_ml"]), 1),
        "calcitriol (pmol/L)": round(float(state["calcitriol_pmol_l"]), 1),
        "ionized Ca (mmol/L)": round(float(state["ca_ion_mmol_l"]), 3),
    }


@lru_cache(maxsize=1)
def _hypotheses() -> "pd.DataFrame":
    import pandas as pd

    rows = {name: _row(steady_state(ana_scenario(conds)), ana_scenario(conds)) for name, conds in HYPOTHESES.items()}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("hypothesis (model sizes)")


def ana_hypotheses() -> "pd.DataFrame":
    """Each hypothesis at Ana's intakes with the model's own (illustrative) condition sizes: one row each."""
    return _hypotheses().copy()


@lru_cache(maxsize=8)
def diet_only_intake_mg(serum_mg_mmol_l: float) -> float:
    """The magnesium intake (mg/day) at which diet alone settles serum magnesium at the value (Ana's kidneys, no drugs)."""
    from scipy.optimize import brentq

    target = float(serum_mg_mmol_l)

    def gap(intake: float) -> float:
        return float(steady_state(ana_scenario(magnesium_mg_per_day=intake))["mg_serum_mmol_l"]) - target

    return float(brentq(gap, 1.0, float(ANA_INPUTS["magnesium_mg_per_day"]), xtol=0.01))


@dataclass(frozen=True)
class StandIn:
    """A stand-in for Ana: one hypothesis, with one parameter fitted so the model reaches her serum magnesium.

    Attributes
    ----------
    hypothesis : str
        ``"PPI"`` (a person very susceptible to the PPI) or ``"thiazide"`` (very susceptible to it).
    parameter : str
        The :class:`~mgdlearn.model.Parameters` field that was fitted.
    default, fitted : float
        Its default value and the value that brings the model to her serum magnesium.
    meaning : str
        What the fitted value means for the physiology.
    scenario : Scenario
        Her intakes with the hypothesis' condition.
    params : Parameters
        The model with the fitted value.
    """

    hypothesis: str
    parameter: str
    default: float
    fitted: float
    meaning: str
    scenario: Scenario
    params: Parameters

    def state(self) -> "pd.Series":
        """The stand-in's steady state."""
        return steady_state(self.scenario, self.params)

    def row(self) -> dict[str, float]:
        """The stand-in's values as a table row."""
        return _row(self.state(), self.scenario, self.params)


_STANDINS = {
    # hypothesis: (condition, parameter, search interval, meaning)
    "PPI": (("ppi",), "mg_paracellular_fraction", (0.001, 0.2),
            "the PPI also cuts passive (paracellular) uptake, as cell studies suggest for omeprazole (Toh et al. 2015)"),
    "thiazide": (("thiazide",), "renal_mg_fe_k_mmol_l", (0.6, 1.163),
                 "the thiazide lowers the kidney's magnesium threshold far more than the model's usual size"),
}


@lru_cache(maxsize=4)
def ana_standin(hypothesis: str) -> StandIn:
    """Ana's stand-in for ``"PPI"`` or ``"thiazide"``: that cause alone, made strong enough to reach her 0.62 mmol/L.

    Raises
    ------
    InputError
        For another hypothesis.
    """
    from scipy.optimize import brentq

    if hypothesis not in _STANDINS:
        raise InputError(f"a stand-in is fitted for {', '.join(repr(h) for h in _STANDINS)}; got {hypothesis!r}")
    conditions, name, (low, high), meaning = _STANDINS[hypothesis]
    scenario = ana_scenario(conditions)
    target = ANA["serum_mg"][0]

    def gap(value: float) -> float:
        return float(steady_state(scenario, Parameters(**{name: value}))["mg_serum_mmol_l"]) - target

    fitted = float(brentq(gap, low, high, xtol=1e-4))
    default = float(getattr(Parameters(), name))
    return StandIn(hypothesis, name, default, round(fitted, 4), meaning, scenario, Parameters(**{name: round(fitted, 4)}))


def ana_standins() -> "pd.DataFrame":
    """Both fitted stand-ins side by side: the fitted parameter and what the model then shows."""
    import pandas as pd

    rows = {}
    for h in _STANDINS:
        s = ana_standin(h)
        rows[h] = {"fitted parameter": s.parameter, "default": s.default, "fitted": s.fitted, **s.row()}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("stand-in")


@lru_cache(maxsize=8)
def ana_pth(serum_mg_mmol_l: float) -> float:
    """Ana's steady-state PTH (pg/mL) in the model with serum magnesium held at the value (her other inputs)."""
    return float(steady_state(ana_scenario(serum_mg_mmol_l=float(serum_mg_mmol_l)))["pth_pg_ml"])


@lru_cache(maxsize=8)
def pth_from_calcium_alone(serum_mg_mmol_l: float) -> float:
    """The PTH (pg/mL) the calcium fall alone would cause at that magnesium: PTH / the magnesium factor on secretion."""
    ss = steady_state(ana_scenario(serum_mg_mmol_l=float(serum_mg_mmol_l)))
    return float(ss["pth_pg_ml"] / ss["mg_factor_pth_secretion"])


# --------------------------------------------------------------------------------------------
# case 2: Mr K
# --------------------------------------------------------------------------------------------
#: Mr K's results on admission: test -> (value, unit). Fictional, modelled on published cases.
MR_K: Mapping[str, tuple[float, str]] = MappingProxyType({
    "calcium": (1.72, "mmol/L"),
    "ionized_calcium": (0.86, "mmol/L"),
    "serum_mg": (0.28, "mmol/L"),
    "potassium": (3.0, "mmol/L"),
    "pth": (2.1, "pmol/L"),
    "25ohd": (62.0, "nmol/L"),
    "egfr": (78.0, "mL/min/1.73 m2"),
})

#: Mr K's usual intakes for the model (inputs of the case; the PPI as a condition).
MR_K_INPUTS: Mapping[str, float] = MappingProxyType({
    "vitamin_d_iu_per_day": 400.0, "sun_iu_per_day": 1500.0, "calcium_mg_per_day": 800.0,
    "magnesium_mg_per_day": 300.0, "egfr_ml_min": 78.0,
})
_AGE_MR_K = 71


@lru_cache(maxsize=1)
def mr_k_clamp() -> float:
    """The serum magnesium (mmol/L) at which the model's ionized calcium matches Mr K's 0.86 mmol/L.

    The model's calcium falls more steeply with magnesium than patients' (``docs/model.md``): at his
    measured 0.28 mmol/L its ionized calcium would be far lower than his, so his stand-in holds
    serum magnesium at this fitted value instead.
    """
    from scipy.optimize import brentq

    target = MR_K["ionized_calcium"][0]

    def gap(mg: float) -> float:
        return float(steady_state(mr_k_scenario(serum_mg_mmol_l=mg))["ca_ion_mmol_l"]) - target

    return round(float(brentq(gap, 0.3, 0.6, xtol=1e-4)), 3)


def mr_k_scenario(**changes: Any) -> Scenario:
    """Mr K's intakes on his PPI as a Scenario (``serum_mg_mmol_l`` defaults to his fitted clamp)."""
    inputs: dict[str, Any] = {**MR_K_INPUTS, **changes}
    if "serum_mg_mmol_l" not in changes:
        inputs["serum_mg_mmol_l"] = mr_k_clamp()
    return Scenario(**inputs, conditions=("ppi",))


@lru_cache(maxsize=4)
def mr_k_calcium_and_vitamin_d(days: int = 28) -> Result:
    """From his stand-in: calcium and vitamin D at the adult upper levels for ``days``, magnesium still low."""
    extra = mr_k_scenario(vitamin_d_iu_per_day=float(ul("vitamin_d", _AGE_MR_K, "male") or 0.0),
                          calcium_mg_per_day=float(ul("calcium", _AGE_MR_K, "male") or 0.0))
    return simulate(extra, days=int(days), start=mr_k_scenario())


@lru_cache(maxsize=4)
def mr_k_magnesium_restored(days: int = 28) -> Result:
    """From his stand-in: serum magnesium restored to the model's normal 0.85 mmol/L, no extra calcium or vitamin D.

    The model has no intravenous route; holding serum magnesium at the reference value stands for
    magnesium given until serum magnesium is normal (cells refill more slowly: calcitriol lags).
    """
    normal = float(Parameters().mg_ref_mmol_l)
    return simulate(mr_k_scenario(serum_mg_mmol_l=normal), days=int(days), start=mr_k_scenario())


def mr_k_recovery_days(days: int = 90) -> dict[str, float]:
    """After magnesium is restored: the first day PTH, ionized calcium and calcitriol each reach their mark.

    PTH: above the top of its reference interval (a response to the low calcium); ionized calcium:
    the lower limit of its reference interval; calcitriol: 90 % of its value on the last day.
    ``math.inf`` if a mark is not reached within ``days``.
    """
    df = mr_k_magnesium_restored(days).df
    marks = {
        "pth_pmol_l": float(normal_range("pth", "pmol/L").high),
        "ca_ion_mmol_l": float(normal_range("ionized_calcium", "mmol/L").low),
        "calcitriol_pmol_l": 0.9 * float(df["calcitriol_pmol_l"].iloc[-1]),
    }
    out = {}
    for column, mark in marks.items():
        reached = df.index[df[column] >= mark]
        out[column] = float(reached[0]) if len(reached) else math.inf
    return out
