"""Lesson 04: what the teaching model does when magnesium runs short.

Four experiments, drawn by :mod:`mgdlearn.plots.deficiency` and explored with
:mod:`mgdlearn.widgets.deficiency`:

* :func:`compute_dose_response` -- "supplements that do not work": steady-state 25(OH)D,
  calcitriol and ionized calcium across vitamin D intakes at adequate and at low serum magnesium.
* :func:`compute_pth_response` -- the impaired PTH response: PTH, calcitriol and calcium across serum
  magnesium at the usual calcium intake and during a low-calcium challenge (Fatemi 1991, Rude 1985).
* :func:`compute_calcification` -- the vascular-calcification *teaching indicator* (not a clinical
  score) across vitamin D intakes up to a toxic 50,000 IU/day, at adequate and another magnesium.
* :func:`compute_rickets_case` -- the magnesium-dependent vitamin-D-resistant rickets case series
  (Reddy and Sivakumar 1974) re-enacted: vitamin D alone versus vitamin D plus magnesium.

Serum magnesium is *clamped* (held at a chosen value) in the first three, a "what if" experiment
that isolates magnesium's effect; in the rickets case it follows intake.

Examples
--------
>>> from mgdlearn.experiments.deficiency import compute_dose_response
>>> d = compute_dose_response(low_mg_mmol_l=0.5)
>>> bool(d.curves["low"]["calcitriol_pmol_l"][-1] < d.curves["adequate"]["calcitriol_pmol_l"][-1])
True
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Mapping

from mgdlearn.errors import InputError, require_number
from mgdlearn.model import Parameters, Result, Scenario, Supplement, simulate, steady_state_sweep

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = [
    "RicketsCase", "Curves", "CaseRuns", "CURVE_COLUMNS", "DOSE_GRID_IU_PER_DAY", "TOXIC_GRID_IU_PER_DAY",
    "MG_GRID_MMOL_L", "compute_dose_response", "compute_pth_response", "compute_calcification",
    "compute_rickets_case",
]

#: Model output columns each curve explorer keeps.
CURVE_COLUMNS: tuple[str, ...] = ("ohd25_nmol_l", "calcitriol_pmol_l", "pth_pmol_l", "ca_ion_mmol_l",
                                  "mg_serum_mmol_l", "vc_indicator")
#: Vitamin D intakes (IU/day) of the dose-response curves: none to the adult UL (iom2011), with the
#: adult RDA of 600 (iom2011) on the grid. The curves are gently bent, so ten points draw them
#: smoothly (and keep a slider move quick: each point is a steady state per magnesium level).
DOSE_GRID_IU_PER_DAY: tuple[float, ...] = (0.0, 300.0, 600.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0, 3500.0,
                                           4000.0)
#: Vitamin D intakes (IU/day) of the calcification indicator: up to a toxic intake far above the UL.
TOXIC_GRID_IU_PER_DAY: tuple[float, ...] = (0.0, 2000.0, 4000.0, 7000.0, 10000.0, 15000.0, 20000.0,
                                            30000.0, 40000.0, 50000.0)
#: Serum magnesium values (mmol/L) of the PTH explorer; the model is not meant for less than 0.4.
MG_GRID_MMOL_L: tuple[float, ...] = tuple(round(0.40 + 0.025 * i, 3) for i in range(25))


@dataclass(frozen=True)
class RicketsCase:
    """Inputs of the re-enacted rickets case (illustrative values, not the patients' data).

    Reddy and Sivakumar (1974) describe children whose rickets did not heal on large doses of
    vitamin D until magnesium was given. The model is calibrated for adults and accepts body masses
    from 30 kg, so this is an adult-sized re-enactment of the *direction and timing*, not of a
    child's numbers.
    """

    vitamin_d_iu_per_day: float = field(default=0.0, metadata={
        "unit": "IU/day", "source": "reddy1974", "description": "oral vitamin D before treatment (none)"})
    sun_iu_per_day: float = field(default=300.0, metadata={
        "unit": "IU/day", "source": "heaney2013",
        "description": "little skin synthesis: well below the all-source basal input of 778-2667 IU/day"})
    magnesium_mg_per_day: float = field(default=25.0, metadata={
        "unit": "mg/day", "source": "rude1985",
        "description": "very low intake chosen so serum Mg settles near 0.4 mmol/L, as in Rude 1985's patients"})
    calcium_mg_per_day: float = field(default=400.0, metadata={
        "unit": "mg/day", "source": "iom2011",
        "description": "low calcium intake, well below the RDA of 1,300 mg/day at 9-18 years"})
    body_mass_kg: float = field(default=30.0, metadata={
        "unit": "kg", "source": "ekwaru2014", "description": "the lightest body the model accepts"})

    def scenario(self) -> Scenario:
        """The untreated state as a :class:`~mgdlearn.model.Scenario`."""
        return Scenario(vitamin_d_iu_per_day=self.vitamin_d_iu_per_day, sun_iu_per_day=self.sun_iu_per_day,
                        magnesium_mg_per_day=self.magnesium_mg_per_day,
                        calcium_mg_per_day=self.calcium_mg_per_day, body_mass_kg=self.body_mass_kg)

    def table(self) -> "pd.DataFrame":
        """The inputs as a table: value, unit, source and why each was chosen."""
        import pandas as pd

        rows = [{"input": f.name, "value": getattr(self, f.name), "unit": f.metadata["unit"],
                 "source": f.metadata["source"], "why": f.metadata["description"]} for f in fields(self)]
        return pd.DataFrame(rows).set_index("input")


@dataclass(frozen=True, eq=False)
class Curves:
    """Steady-state model outputs along one input, for two or more settings.

    Attributes
    ----------
    x : ndarray
        The input varied (``x_label`` in ``x_unit``).
    x_label, x_unit : str
    curves : mapping of str to mapping of str to ndarray
        Setting (``"adequate"``, ``"low"``) -> model column -> values along ``x``.
    labels : mapping of str to str
        Setting -> legend label. Labels do not repeat the chosen values (the sliders and the
        summary give them), so the legend stays the same while a slider moves.
    marker : float or None
        A chosen ``x`` to mark (for example the chosen serum magnesium).
    settings : mapping of str to float
        The explorer's inputs, for the summary.
    warnings : tuple of str
        Intakes above upper levels and outputs above safe levels along the curves.
    """

    x: "np.ndarray"
    x_label: str
    x_unit: str
    curves: Mapping[str, Mapping[str, "np.ndarray"]]
    labels: Mapping[str, str]
    marker: float | None
    settings: Mapping[str, float]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class CaseRuns:
    """The rickets case: two treatment runs from the same untreated state.

    Attributes
    ----------
    runs : mapping of str to DataFrame
        ``"vitamin D alone"`` and ``"vitamin D + magnesium"``.
    case : RicketsCase
    vitamin_d_iu_per_day, magnesium_mg_per_day : float
        Treatment: extra vitamin D from day 0; extra magnesium from ``mg_start_day``.
    mg_start_day : float
    days : int
    warnings : tuple of str
    """

    runs: Mapping[str, "pd.DataFrame"]
    case: RicketsCase
    vitamin_d_iu_per_day: float
    magnesium_mg_per_day: float
    mg_start_day: float
    days: int
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
def _adequate_mg() -> float:
    return Parameters().mg_ref_mmol_l


def _sweep(base: Scenario, name: str, grid: tuple[float, ...]) -> tuple[dict[str, "np.ndarray"], tuple[str, ...]]:
    """Steady states of ``base`` with input ``name`` set to each value of ``grid``: column -> values."""
    import numpy as np

    rows, warnings = _sweep_rows(base, name, grid)
    arr = np.array(rows)
    return {c: arr[:, i].copy() for i, c in enumerate(CURVE_COLUMNS)}, warnings


@lru_cache(maxsize=64)
def _sweep_rows(base: Scenario, name: str, grid: tuple[float, ...]) -> tuple[tuple[tuple[float, ...], ...], tuple[str, ...]]:
    """The rows of :func:`_sweep`, as immutable tuples (memoized: a pure function of frozen inputs,
    so moving one slider does not recompute the curve it does not change)."""
    sweep = steady_state_sweep([replace(base, **{name: value}) for value in grid])
    rows = tuple(tuple(float(v) for v in row) for row in sweep[list(CURVE_COLUMNS)].to_numpy())
    return rows, tuple(sweep.attrs["warnings"])


def compute_dose_response(low_mg_mmol_l: float = 0.5, sun_iu_per_day: float = 1500.0,
                          body_mass_kg: float = 70.0) -> Curves:
    """Steady-state 25(OH)D, calcitriol and calcium across vitamin D intakes of 0-4,000 IU/day.

    Parameters
    ----------
    low_mg_mmol_l : float
        Serum magnesium of the "low" curve (0.4 to below 0.85 mmol/L); the "adequate" curve holds
        it at 0.85 mmol/L (the model's reference, mid normal range, ods_mg).
    sun_iu_per_day : float
        Skin and other background vitamin D (0-25,000 IU/day; model default 1,500).
    body_mass_kg : float
        Body mass (30-250 kg); a larger body dilutes vitamin D.

    Raises
    ------
    ValueError
        If ``low_mg_mmol_l`` is not below the adequate value, or an input is out of range.
    """
    import numpy as np

    adequate = _adequate_mg()
    low = require_number(low_mg_mmol_l, "low serum magnesium", low=0.4, high=1.5, unit="mmol/L")
    if low >= adequate:
        raise InputError(f"low serum magnesium = {low:g} mmol/L is not low: choose a value from 0.4 to below "
                         f"{adequate:g} mmol/L (the adequate curve).")
    base = Scenario(sun_iu_per_day=sun_iu_per_day, body_mass_kg=body_mass_kg, serum_mg_mmol_l=adequate)
    ok, w1 = _sweep(base, "vitamin_d_iu_per_day", DOSE_GRID_IU_PER_DAY)
    lo, w2 = _sweep(replace(base, serum_mg_mmol_l=low), "vitamin_d_iu_per_day", DOSE_GRID_IU_PER_DAY)
    return Curves(
        x=np.array(DOSE_GRID_IU_PER_DAY), x_label="vitamin D intake", x_unit="IU/day",
        curves={"adequate": ok, "low": lo},
        labels={"adequate": f"serum Mg {adequate:.2f} mmol/L (adequate)", "low": "serum Mg: the low value chosen"},
        marker=None, settings={"low_mg_mmol_l": low, "adequate_mg_mmol_l": adequate,
                               "sun_iu_per_day": base.sun_iu_per_day, "body_mass_kg": base.body_mass_kg},
        warnings=tuple(dict.fromkeys(w1 + w2)))


def compute_pth_response(calcium_mg_per_day: float = 400.0, serum_mg_mmol_l: float = 0.45) -> Curves:
    """PTH, calcitriol and calcium across serum magnesium, at usual and at low calcium intake.

    Parameters
    ----------
    calcium_mg_per_day : float
        Calcium intake of the challenge (0 to below the usual 1,000 mg/day, iom2011).
    serum_mg_mmol_l : float
        The serum magnesium to mark and report (0.4-1.0 mmol/L).
    """
    import numpy as np

    usual = Scenario()
    challenge = require_number(calcium_mg_per_day, "calcium intake in the challenge", low=0.0,
                               high=usual.calcium_mg_per_day, unit="mg/day")
    if challenge >= usual.calcium_mg_per_day:
        raise InputError(f"calcium intake in the challenge = {challenge:g} mg/day is not a challenge: choose "
                         f"less than the usual {usual.calcium_mg_per_day:g} mg/day.")
    mark = require_number(serum_mg_mmol_l, "serum magnesium", low=MG_GRID_MMOL_L[0], high=MG_GRID_MMOL_L[-1],
                          unit="mmol/L")
    base = replace(usual, serum_mg_mmol_l=_adequate_mg())
    normal, w1 = _sweep(base, "serum_mg_mmol_l", MG_GRID_MMOL_L)
    low_ca, w2 = _sweep(replace(base, calcium_mg_per_day=challenge), "serum_mg_mmol_l", MG_GRID_MMOL_L)
    return Curves(
        x=np.array(MG_GRID_MMOL_L), x_label="serum magnesium", x_unit="mmol/L",
        curves={"usual": normal, "challenge": low_ca},
        labels={"usual": f"calcium {usual.calcium_mg_per_day:.0f} mg/day (usual)",
                "challenge": "calcium: the challenge intake chosen"},
        marker=mark, settings={"calcium_mg_per_day": challenge, "usual_calcium_mg_per_day": usual.calcium_mg_per_day,
                               "serum_mg_mmol_l": mark, "adequate_mg_mmol_l": _adequate_mg()},
        warnings=tuple(dict.fromkeys(w1 + w2)))


def compute_calcification(serum_mg_mmol_l: float = 0.7, calcium_mg_per_day: float = 2000.0) -> Curves:
    """The vascular-calcification teaching indicator across vitamin D intakes of 0-50,000 IU/day.

    The indicator (model column ``vc_indicator``) counts ionized calcium above a threshold and
    scales it by 0.85 / serum Mg: a heuristic built from laboratory studies (terbraake2018), **not a
    clinical score**; trials in kidney disease disagree (sakaguchi2019, bressendorff2023).

    Parameters
    ----------
    serum_mg_mmol_l : float
        Serum magnesium of the comparison curve (0.4-1.2 mmol/L; the other is 0.85).
    calcium_mg_per_day : float
        Calcium intake (0-4,000 mg/day).
    """
    import numpy as np

    adequate = _adequate_mg()
    other = require_number(serum_mg_mmol_l, "serum magnesium", low=0.4, high=1.2, unit="mmol/L")
    if abs(other - adequate) < 1e-9:
        raise InputError(f"serum magnesium = {other:g} mmol/L is the adequate curve itself; choose another value "
                         f"from 0.4 to 1.2 mmol/L to compare with {adequate:g}.")
    base = Scenario(calcium_mg_per_day=calcium_mg_per_day, serum_mg_mmol_l=adequate)
    ok, w1 = _sweep(base, "vitamin_d_iu_per_day", TOXIC_GRID_IU_PER_DAY)
    ch, w2 = _sweep(replace(base, serum_mg_mmol_l=other), "vitamin_d_iu_per_day", TOXIC_GRID_IU_PER_DAY)
    return Curves(
        x=np.array(TOXIC_GRID_IU_PER_DAY), x_label="vitamin D intake", x_unit="IU/day",
        curves={"adequate": ok, "other": ch},
        labels={"adequate": f"serum Mg {adequate:.2f} mmol/L (adequate)", "other": "serum Mg: the value chosen"},
        marker=None, settings={"serum_mg_mmol_l": other, "adequate_mg_mmol_l": adequate,
                               "calcium_mg_per_day": base.calcium_mg_per_day},
        warnings=tuple(dict.fromkeys(w1 + w2)))


def compute_rickets_case(vitamin_d_iu_per_day: float = 2000.0, magnesium_mg_per_day: float = 200.0,
                         mg_start_day: float = 60.0, days: int = 180) -> CaseRuns:
    """Re-enact the rickets case: vitamin D alone vs vitamin D with magnesium added later.

    Both runs start from the untreated steady state of :class:`RicketsCase` and take extra
    vitamin D from day 0; the second also takes extra magnesium from ``mg_start_day``.

    Parameters
    ----------
    vitamin_d_iu_per_day : float
        Extra vitamin D from day 0 (0-50,000 IU/day; a model input, not a treatment dose).
    magnesium_mg_per_day : float
        Extra magnesium from ``mg_start_day`` (0-1,000 mg/day; a model input, not a dose).
    mg_start_day : float
        Day magnesium starts, before the end of the run.
    days : int
        Length of the runs (30-730 days).
    """
    n_days = int(require_number(days, "days", low=30, high=730, unit="days"))
    start = require_number(mg_start_day, "magnesium start day", low=0.0, high=3650.0, unit="day")
    if start >= n_days:
        raise InputError(f"magnesium start day = {start:g} is after the end of the run (day {n_days}); choose a day "
                         f"from 0 to {n_days - 1}.")
    mg = require_number(magnesium_mg_per_day, "extra magnesium", low=0.0, high=1000.0, unit="mg/day")
    case = RicketsCase()
    vd = Supplement(vitamin_d_iu_per_day=vitamin_d_iu_per_day)
    r_alone = _case_run(case, (vd,), n_days)  # memoized: the magnesium sliders do not change it
    r_both = _case_run(case, (vd, Supplement(magnesium_mg_per_day=mg, start_day=start)), n_days)
    # copies: the memoized runs stay untouched whatever a caller does with the data
    return CaseRuns(runs={"vitamin D alone": r_alone.df.copy(), "vitamin D + magnesium": r_both.df.copy()}, case=case,
                    vitamin_d_iu_per_day=vd.vitamin_d_iu_per_day, magnesium_mg_per_day=mg, mg_start_day=start,
                    days=n_days, warnings=tuple(dict.fromkeys(r_alone.warnings + r_both.warnings)))


@lru_cache(maxsize=16)
def _case_run(case: RicketsCase, schedule: tuple, days: int) -> Result:
    """One treatment run of the rickets case from its untreated steady state (memoized)."""
    untreated = case.scenario()
    return simulate(replace(untreated, schedule=schedule), days, start=untreated)
