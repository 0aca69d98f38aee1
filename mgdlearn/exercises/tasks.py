"""Reference computations the exercise sources name: answers computed at check time, never stored.

An exercise source (``exercises/source/*.py``, ``lessons/checks/*.py``) names these as
``tasks.<function>`` in its ``answer``, ``mistakes``, ``reference`` and ``simulate`` entries, and the
generated bank module calls them when a student checks an answer.

Model runs: each function runs exactly the scenario its exercise describes, so when the model is
improved the expected answers follow. Results are cached per kernel (the model is deterministic).
The ``predict_*`` functions return ``(what happened, a summary with the numbers)`` for
:class:`~mgdlearn.exercises.kinds.PredictThenSimulate`. Other values come from the library's own
functions (units, reference values, the food table, the observations a lesson plots), so no
literature number is typed into an exercise.

Importing this module is cheap: :mod:`mgdlearn.model` loads scipy and pandas only when a run is
made, so checking a multiple-choice answer does not pay for them.

The scenarios' intakes are inputs chosen for the exercises (teaching "what if" values), not
recommendations; reference intakes come from :mod:`mgdlearn.reference_values`.
"""
from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping
from mgdlearn.exercises import cases
from mgdlearn.exercises.factors import convert
from mgdlearn.model import Scenario, simulate, steady_state
from mgdlearn.observations import observation, trial_findings
from mgdlearn.nutrition import ca_mg_ratio as _ratio
from mgdlearn.nutrition import day_intake
from mgdlearn.reference_values import classify_serum_mg, normal_range, rda, ul

__all__ = [
    "CONSTANTS",
    "ng_ml_to_nmol_l",
    "serum_mg_status",
    "meal_magnesium_mg",
    "ca_mg_ratio",
    "cheung2022_combined_rise_ng_ml",
    "fatemi1991_calcitriol",
    "fatemi1991_calcitriol_change_percent",
    "fatemi1991_change_over_after_percent",
    "predict_l34_more_vitamin_d",
    "ex1_7_ohd25_day84",
    "ex1_7_ohd25_day0",
    "winter_changes",
    "ex1_9_winter_fall_percent",
    "predict_ex1_8_winter",
    "ex2_7_calcitriol_drop_percent",
    "low_mg_calcium_run",
    "ex2_9_calcium_fall",
    "predict_ex2_8_low_mg_calcium",
    "ex3_6_mg_absorption_points",
    "ex3_6_relative_change_percent",
    "low_mg_intake_run",
    "predict_ex3_7_low_mg_intake",
    "ex4_6_run",
    "ex4_6_smaller_rise",
    "predict_ex4_7_vitamin_d_cannot_fix_it",
    "ex4_8_smallest_mg_intake",
    "ex4_8_ohd25_at_answer",
    "ex5_7_finals",
    "ex5_7_combination_gain",
    "summer_run",
    "predict_ex5_9_summer",
    "fe_mg_percent",
    "predict_case1_diet_alone",
    "case1_diet_only_intake_mg",
    "case1_diet_only_intake_for_normal_mg",
    "predict_case1_urine",
    "case1_fe_mg",
    "predict_case1_pth",
    "predict_case2_calcium_and_vitamin_d",
    "predict_case2_magnesium",
]

#: Thresholds the exercises use: name -> (value, unit, source, meaning). Normal ranges come from
#: :func:`mgdlearn.reference_values.normal_range` (see :func:`_lower_limit`).
CONSTANTS: Mapping[str, tuple[float, str, str, str]] = MappingProxyType({
    "ohd25_goal_nmol_l": (75.0, "nmol/L", "holick2011",
                          "Endocrine Society 2011 'sufficiency' cut-off (30 ng/mL); the 2024 guideline dropped it"),
    "l34_change_mmol_l": (0.02, "mmol/L", "ods_mg",
                          "a change in serum Mg that counts: a tenth of the normal range 0.75-0.95 mmol/L"),
})


def _lower_limit(analyte: str) -> float:
    """Lower limit of the normal range (``"ionized_calcium"``, ``"serum_mg"``), in mmol/L."""
    return float(normal_range(analyte, "mmol/L").low)

_SEARCH_STEP_MG = 10  # search grid for ex4.8, mg/day (an exercise choice)
_SEARCH_MAX_MG = 600


def _sim(days: int, start: object, **scenario: float) -> object:
    return simulate(Scenario(**scenario), days=days, start=start)


def _scenario(**kw: float) -> object:
    return Scenario(**kw)


def _pct(before: float, after: float) -> float:
    return 100.0 * (after - before) / before


# --- values from the library (units, reference values, foods, observations) -----------------
def ng_ml_to_nmol_l(value: float) -> float:
    """A 25(OH)D concentration from ng/mL to nmol/L (:func:`mgdlearn.units.convert`)."""
    return convert(value, "ng/mL", "nmol/L", "25ohd")


_MG_STATUS = {"severe hypomagnesemia": "low", "hypomagnesemia": "low", "normal": "normal", "above normal": "high"}


def serum_mg_status(mmol_per_l: float) -> str:
    """``"low"``, ``"normal"`` or ``"high"`` for a serum magnesium value (:func:`mgdlearn.reference_values.classify_serum_mg`)."""
    return _MG_STATUS[classify_serum_mg(mmol_per_l).category]


#: The meal of ex5.1: food name in the course food table -> servings (an exercise choice).
_EX5_1_MEAL: Mapping[str, float] = MappingProxyType({"pumpkin seeds": 1, "spinach, boiled": 1, "black beans": 1})


def meal_magnesium_mg(without: str | None = None) -> float:
    """Food magnesium (mg) of the ex5.1 meal, optionally leaving one food out (a typical slip)."""
    return day_intake({k: v for k, v in _EX5_1_MEAL.items() if k != without}).food_magnesium_mg


def ca_mg_ratio(calcium_mg: float, magnesium_mg: float) -> float:
    """The calcium-to-magnesium intake ratio (:func:`mgdlearn.nutrition.ca_mg_ratio`)."""
    return _ratio(calcium_mg, magnesium_mg).ratio


def cheung2022_combined_rise_ng_ml() -> float:
    """Mean 25(OH)D rise (ng/mL) on magnesium plus vitamin D in Cheung et al. 2022 (``data/trial_findings.csv``)."""
    (arm,) = (t for t in trial_findings() if t.id == "cheung2022_mg_d3")
    return float(arm.change_ng_ml)


def fatemi1991_calcitriol() -> tuple[float, float]:
    """Mean calcitriol (pmol/L) before and after the low-magnesium diet of Fatemi et al. 1991.

    Read from the observations lesson 4 plots (``data/observations.csv``), typed in one place only.
    """
    return observation("fatemi1991_before").value, observation("fatemi1991_after").value


def fatemi1991_calcitriol_change_percent() -> float:
    """Percentage change of calcitriol in Fatemi et al. 1991 (negative: a fall)."""
    before, after = fatemi1991_calcitriol()
    return (after - before) / before * 100.0


def fatemi1991_change_over_after_percent() -> float:
    """The same change divided by the value *after* the diet (a typical wrong reading)."""
    before, after = fatemi1991_calcitriol()
    return (after - before) / after * 100.0


# --- lesson 3 ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def predict_l34_more_vitamin_d() -> tuple[str, str]:
    """Run L3.4: vitamin D from the adult RDA to the UL for a year; classify the serum Mg change."""
    before = Scenario(vitamin_d_iu_per_day=rda("vitamin_d", 30))
    res = simulate(Scenario(vitamin_d_iu_per_day=float(ul("vitamin_d", 30) or 0.0)), days=365, start=before)
    df = res.df
    m0, m1 = float(df["mg_serum_mmol_l"].iloc[0]), float(df["mg_serum_mmol_l"].iloc[-1])
    c0, c1 = float(df["calcitriol_pmol_l"].iloc[0]), float(df["calcitriol_pmol_l"].iloc[-1])
    h0, h1 = float(df["ohd25_nmol_l"].iloc[0]), float(df["ohd25_nmol_l"].iloc[-1])
    limit = CONSTANTS["l34_change_mmol_l"][0]
    key = "rises" if m1 - m0 > limit else "falls" if m0 - m1 > limit else "barely"
    summary = (f"In the teaching model 25(OH)D went from {h0:.0f} to {h1:.0f} nmol/L, but calcitriol only from "
               f"{c0:.0f} to {c1:.0f} pmol/L, so serum magnesium went from {m0:.3f} to {m1:.3f} mmol/L.")
    return key, summary


# --- notebook 1 ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _ex1_7_run() -> object:
    return _sim(84, _scenario(sun_iu_per_day=0), vitamin_d_iu_per_day=2000, sun_iu_per_day=0)


def ex1_7_ohd25_day84() -> float:
    """25(OH)D (nmol/L) after 84 days of 2000 IU/day with no sun, from the no-sun 600 IU/day steady state."""
    return float(_ex1_7_run().final["ohd25_nmol_l"])  # type: ignore[attr-defined]


def ex1_7_ohd25_day0() -> float:
    """25(OH)D (nmol/L) on day 0 of the same run (a typical wrong reading)."""
    return float(_ex1_7_run().df["ohd25_nmol_l"].iloc[0])  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def winter_changes() -> tuple[float, float, float]:
    """Default adult, sun input 0 for 120 days: % change of 25(OH)D, % change of calcitriol, final 25(OH)D."""
    res = _sim(120, _scenario(), sun_iu_per_day=0)
    df = res.df  # type: ignore[attr-defined]
    return (_pct(df["ohd25_nmol_l"].iloc[0], df["ohd25_nmol_l"].iloc[-1]),
            _pct(df["calcitriol_pmol_l"].iloc[0], df["calcitriol_pmol_l"].iloc[-1]),
            float(df["ohd25_nmol_l"].iloc[-1]))


def ex1_9_winter_fall_percent() -> float:
    """By how many percent 25(OH)D falls in the winter run (a positive number)."""
    return -winter_changes()[0]


@lru_cache(maxsize=1)
def predict_ex1_8_winter() -> tuple[str, str]:
    """Sun input drops to 0 for 120 days from the default adult: which falls more, in percent?"""
    d25, dcal, _ = winter_changes()
    if abs(d25) > 2 * abs(dcal):
        key = "25ohd"
    elif abs(dcal) > 2 * abs(d25):
        key = "calcitriol"
    else:
        key = "same"
    return key, (f"After 120 days without sun, 25(OH)D changed by {d25:+.0f} % and calcitriol by {dcal:+.0f} %.")


# --- notebook 2 ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def ex2_7_calcitriol_drop_percent() -> float:
    """How much lower (percent) steady-state calcitriol is at serum Mg 0.40 than at 0.85 mmol/L."""
    low = steady_state(_scenario(serum_mg_mmol_l=0.40))["calcitriol_pmol_l"]
    normal = steady_state(_scenario(serum_mg_mmol_l=0.85))["calcitriol_pmol_l"]
    return float(100.0 * (normal - low) / normal)


@lru_cache(maxsize=1)
def low_mg_calcium_run() -> object:
    """Serum Mg clamped at 0.45 mmol/L for 60 days from the default adult (the model run of ex2.8, ex2.9)."""
    return _sim(60, _scenario(), serum_mg_mmol_l=0.45)


def ex2_9_calcium_fall() -> float:
    """How much ionized calcium (mmol/L) falls in that run (a positive number)."""
    df = low_mg_calcium_run().df  # type: ignore[attr-defined]
    return float(df["ca_ion_mmol_l"].iloc[0] - df["ca_ion_mmol_l"].iloc[-1])


@lru_cache(maxsize=1)
def predict_ex2_8_low_mg_calcium() -> tuple[str, str]:
    """Serum Mg clamped at 0.45 mmol/L for 60 days from the default adult: ionized calcium?"""
    df = low_mg_calcium_run().df  # type: ignore[attr-defined]
    before, after = float(df["ca_ion_mmol_l"].iloc[0]), float(df["ca_ion_mmol_l"].iloc[-1])
    key = "falls" if after < before - 0.02 else "rises" if after > before + 0.02 else "same"
    pth0, pth1 = float(df["pth_pmol_l"].iloc[0]), float(df["pth_pmol_l"].iloc[-1])
    return key, (f"Ionized calcium went from {before:.2f} to {after:.2f} mmol/L (normal from "
                 f"{_lower_limit('ionized_calcium'):.2f}); PTH from {pth0:.1f} to {pth1:.1f} pmol/L.")


# --- notebook 3 ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _ex3_6_fractions() -> tuple[float, float]:
    low = steady_state(_scenario(vitamin_d_iu_per_day=600, sun_iu_per_day=0))["mg_fractional_absorption"]
    high = steady_state(_scenario(vitamin_d_iu_per_day=4000, sun_iu_per_day=0))["mg_fractional_absorption"]
    return float(low), float(high)


def ex3_6_mg_absorption_points() -> float:
    """Change (percentage points) in the fraction of dietary Mg absorbed, 600 -> 4000 IU/day, no sun."""
    low, high = _ex3_6_fractions()
    return 100.0 * (high - low)


def ex3_6_relative_change_percent() -> float:
    """The same change as a relative percentage (a typical wrong reading)."""
    low, high = _ex3_6_fractions()
    return _pct(low, high)


@lru_cache(maxsize=1)
def low_mg_intake_run() -> object:
    """Mg intake 100 mg/day for 365 days from the default adult (the model run of ex3.7, ex3.8)."""
    return _sim(365, _scenario(), magnesium_mg_per_day=100)


@lru_cache(maxsize=1)
def predict_ex3_7_low_mg_intake() -> tuple[str, str]:
    """Mg intake drops to 100 mg/day for a year from the default adult: calcitriol?"""
    df = low_mg_intake_run().df  # type: ignore[attr-defined]
    change = _pct(df["calcitriol_pmol_l"].iloc[0], df["calcitriol_pmol_l"].iloc[-1])
    key = "falls" if change < -2 else "rises" if change > 2 else "same"
    return key, (f"Calcitriol changed by {change:+.1f} % and serum magnesium went from "
                 f"{df['mg_serum_mmol_l'].iloc[0]:.2f} to {df['mg_serum_mmol_l'].iloc[-1]:.2f} mmol/L.")


# --- notebook 4 ---------------------------------------------------------------------------
@lru_cache(maxsize=2)
def ex4_6_run(serum_mg_mmol_l: float) -> tuple[float, float]:
    """25(OH)D (nmol/L) on day 0 and day 84 of 2000 IU/day, no sun, serum Mg clamped at the value."""
    mg = serum_mg_mmol_l
    res = _sim(84, _scenario(sun_iu_per_day=0, serum_mg_mmol_l=mg),
               vitamin_d_iu_per_day=2000, sun_iu_per_day=0, serum_mg_mmol_l=mg)
    df = res.df  # type: ignore[attr-defined]
    return float(df["ohd25_nmol_l"].iloc[0]), float(df["ohd25_nmol_l"].iloc[-1])


def ex4_6_smaller_rise() -> float:
    """How many nmol/L less 25(OH)D rises in 84 days of 2000 IU/day (no sun) at serum Mg 0.50 than at 0.85."""
    (a0, a1), (b0, b1) = ex4_6_run(0.50), ex4_6_run(0.85)
    return (b1 - b0) - (a1 - a0)


@lru_cache(maxsize=1)
def predict_ex4_7_vitamin_d_cannot_fix_it() -> tuple[str, str]:
    """Serum Mg clamped at 0.40; 4000 IU/day for 84 days: does ionized calcium reach the normal range?"""
    start = _scenario(sun_iu_per_day=0, serum_mg_mmol_l=0.40)
    res = _sim(84, start, vitamin_d_iu_per_day=4000, sun_iu_per_day=0, serum_mg_mmol_l=0.40)
    f = res.final  # type: ignore[attr-defined]
    low = _lower_limit("ionized_calcium")
    key = "yes" if f["ca_ion_mmol_l"] >= low else "no"
    return key, (f"After 12 weeks at 4000 IU/day, ionized calcium is {f['ca_ion_mmol_l']:.2f} mmol/L (normal from "
                 f"{low:.2f}), 25(OH)D {f['ohd25_nmol_l']:.0f} nmol/L, calcitriol {f['calcitriol_pmol_l']:.0f} pmol/L.")


def _ex4_8_final(mg: float) -> float:
    start = _scenario(vitamin_d_iu_per_day=600, sun_iu_per_day=1000, magnesium_mg_per_day=mg)
    res = _sim(84, start, vitamin_d_iu_per_day=2000, sun_iu_per_day=1000, magnesium_mg_per_day=mg)
    return float(res.final["ohd25_nmol_l"])  # type: ignore[attr-defined]


def ex4_8_ohd25_at_answer() -> float:
    """25(OH)D (nmol/L) reached at the answer of ex4.8 (a typical wrong reading)."""
    return _ex4_8_final(ex4_8_smallest_mg_intake())


@lru_cache(maxsize=1)
def ex4_8_smallest_mg_intake() -> float:
    """Smallest Mg intake (0, 10, ... 600 mg/day) at which 2000 IU/day lifts 25(OH)D above 75 nmol/L by day 84.

    The person gets 1000 IU/day from the sun and starts at the steady state of 600 IU/day with
    the same magnesium intake.

    Raises
    ------
    RuntimeError
        If no intake on the grid reaches the goal (the exercise then needs new numbers).
    """
    goal = CONSTANTS["ohd25_goal_nmol_l"][0]
    for mg in range(0, _SEARCH_MAX_MG + 1, _SEARCH_STEP_MG):
        if _ex4_8_final(mg) > goal:
            return float(mg)
    raise RuntimeError("ex4.8: no magnesium intake up to 600 mg/day reaches the goal; the exercise needs new numbers")


# --- notebook 5 ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def ex5_7_finals() -> tuple[float, float]:
    """25(OH)D (nmol/L) on day 84 with +1000 IU/day alone, and with +1000 IU/day plus +360 mg/day Mg.

    The person eats 150 mg/day of magnesium and 600 IU/day of vitamin D and gets no sun.
    """
    start = _scenario(vitamin_d_iu_per_day=600, sun_iu_per_day=0, magnesium_mg_per_day=150)
    alone = _sim(84, start, vitamin_d_iu_per_day=1600, sun_iu_per_day=0, magnesium_mg_per_day=150)
    both = _sim(84, start, vitamin_d_iu_per_day=1600, sun_iu_per_day=0, magnesium_mg_per_day=510)
    return float(alone.final["ohd25_nmol_l"]), float(both.final["ohd25_nmol_l"])  # type: ignore[attr-defined]


def ex5_7_combination_gain() -> float:
    """25(OH)D gain (nmol/L, day 84) of the combination over vitamin D alone."""
    alone, both = ex5_7_finals()
    return both - alone


@lru_cache(maxsize=1)
def summer_run() -> object:
    """Sun input 3500 IU/day for 90 days from the default adult (the model run of ex5.9, ex5.10)."""
    return _sim(90, _scenario(), sun_iu_per_day=3500)


@lru_cache(maxsize=1)
def predict_ex5_9_summer() -> tuple[str, str]:
    """Summer: sun input 3500 IU/day for 90 days from the default adult. Which rises more, in percent?"""
    df = summer_run().df  # type: ignore[attr-defined]
    d25 = _pct(df["ohd25_nmol_l"].iloc[0], df["ohd25_nmol_l"].iloc[-1])
    dcal = _pct(df["calcitriol_pmol_l"].iloc[0], df["calcitriol_pmol_l"].iloc[-1])
    key = "25ohd" if d25 > 2 * abs(dcal) else "calcitriol" if dcal > 2 * abs(d25) else "same"
    return key, f"After 90 summer days, 25(OH)D changed by {d25:+.0f} % and calcitriol by {dcal:+.0f} %."


# --- the case studies (exercises/08_case_studies; mgdlearn.exercises.cases) ----------------
def fe_mg_percent(u_mg: float, p_mg: float, u_cr: float, p_cr: float) -> float:
    """FEMg (%) from urine and plasma magnesium and creatinine (:func:`mgdlearn.exercises.cases.fe_mg_percent`)."""
    return cases.fe_mg_percent(u_mg, p_mg, u_cr, p_cr)


@lru_cache(maxsize=1)
def predict_case1_diet_alone() -> tuple[str, str]:
    """case1.3: Ana's intakes, no drug and no other cause: is serum Mg below the normal range?"""
    sc = cases.ana_scenario()
    mg = float(steady_state(sc)["mg_serum_mmol_l"])
    low = _lower_limit("serum_mg")
    need = cases.diet_only_intake_mg(cases.ANA["serum_mg"][0])
    key = "yes" if mg < low else "no"
    return key, (f"On {sc.magnesium_mg_per_day:.0f} mg/day with healthy kidneys and no drug, the model settles at "
                 f"{mg:.2f} mmol/L (normal from {low:.2f}). Diet alone would need about {need:.0f} mg/day to reach her "
                 f"{cases.ANA['serum_mg'][0]:.2f} mmol/L.")


def case1_diet_only_intake_mg() -> float:
    """case1.4: the intake (mg/day) at which diet alone settles Ana's serum Mg at her 0.62 mmol/L."""
    return cases.diet_only_intake_mg(cases.ANA["serum_mg"][0])


def case1_diet_only_intake_for_normal_mg() -> float:
    """The same for the lower limit of the normal range, 0.75 mmol/L (a typical wrong reading)."""
    return cases.diet_only_intake_mg(_lower_limit("serum_mg"))


@lru_cache(maxsize=1)
def predict_case1_urine() -> tuple[str, str]:
    """case1.6: Ana's two fitted stand-ins (PPI, thiazide) both at 0.62 mmol/L: which has more magnesium in the urine?"""
    ppi, thiazide = (cases.ana_standin(h).row() for h in ("PPI", "thiazide"))
    u_ppi, u_thz = ppi["urine Mg (mg/day)"], thiazide["urine Mg (mg/day)"]
    key = "thiazide" if u_thz > 2 * u_ppi else "PPI" if u_ppi > 2 * u_thz else "same"
    return key, (f"Both stand-ins have serum magnesium {ppi['serum Mg (mmol/L)']:.2f} mmol/L, but the PPI stand-in "
                 f"puts {u_ppi:.0f} mg/day into the urine (FEMg {ppi['FEMg (%)']:.1f} %) and the thiazide stand-in "
                 f"{u_thz:.0f} mg/day (FEMg {thiazide['FEMg (%)']:.1f} %).")


def case1_fe_mg() -> float:
    """case1.9: Ana's FEMg (%) from her laboratory report (plasma creatinine converted from µmol/L)."""
    labs = cases.ANA
    return cases.fe_mg_percent(labs["urine_mg"][0], labs["serum_mg"][0], labs["urine_creatinine"][0],
                               labs["plasma_creatinine"][0] / 1000.0)


@lru_cache(maxsize=1)
def predict_case1_pth() -> tuple[str, str]:
    """case1.13: Ana's stand-in with serum Mg held at 0.62 instead of 0.85: does PTH change by more than 10 %?"""
    normal, low = cases.ana_pth(0.85), cases.ana_pth(cases.ANA["serum_mg"][0])
    alone = cases.pth_from_calcium_alone(cases.ANA["serum_mg"][0])
    change = _pct(normal, low)
    key = "rises" if change > 10 else "falls" if change < -10 else "barely"
    return key, (f"PTH is {normal:.0f} pg/mL at 0.85 mmol/L and {low:.0f} pg/mL at 0.62 mmol/L ({change:+.0f} %): the "
                 f"calcium fall alone would raise it to {alone:.0f} pg/mL, but low magnesium holds secretion back. "
                 f"Her measured PTH is {cases.ANA['pth'][0]:.0f} pg/mL.")


@lru_cache(maxsize=1)
def predict_case2_calcium_and_vitamin_d() -> tuple[str, str]:
    """case2.2: Mr K, magnesium held low, 28 days of calcium and vitamin D at the upper levels: iCa in range?"""
    res = cases.mr_k_calcium_and_vitamin_d(28)
    low = _lower_limit("ionized_calcium")
    start, end = float(res.df["ca_ion_mmol_l"].iloc[0]), float(res.final["ca_ion_mmol_l"])  # type: ignore[attr-defined]
    key = "yes" if end >= low else "no"
    return key, (f"With serum magnesium held at {cases.mr_k_clamp():.2f} mmol/L, 28 days of calcium and vitamin D "
                 f"took ionized calcium from {start:.2f} to {end:.2f} mmol/L (normal from {low:.2f}); PTH stayed "
                 f"at {float(res.final['pth_pmol_l']):.1f} pmol/L.")  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def predict_case2_magnesium() -> tuple[str, str]:
    """case2.4: which raises Mr K's ionized calcium more: 7 days of magnesium, or 28 days of calcium and vitamin D?"""
    mg = cases.mr_k_magnesium_restored(28).df["ca_ion_mmol_l"]
    cad = cases.mr_k_calcium_and_vitamin_d(28).df["ca_ion_mmol_l"]
    gain_mg, gain_cad = float(mg.iloc[7] - mg.iloc[0]), float(cad.iloc[-1] - cad.iloc[0])
    key = "magnesium" if gain_mg > 2 * gain_cad else "calcium" if gain_cad > 2 * gain_mg else "same"
    return key, (f"Seven days with magnesium restored raised ionized calcium by {gain_mg:.2f} mmol/L (to "
                 f"{float(mg.iloc[7]):.2f}); 28 days of calcium and vitamin D with magnesium still low raised it by "
                 f"{gain_cad:.2f} mmol/L (to {float(cad.iloc[-1]):.2f}).")
