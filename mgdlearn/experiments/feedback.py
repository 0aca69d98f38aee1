"""Lesson 02: the biphasic effect of magnesium on PTH secretion, as data for a figure.

An acute fall in magnesium stimulates the gland a little (magnesium is a weak agonist of the
calcium-sensing receptor); chronic depletion takes its secretory capacity away. The course model
runs in days and contains only the chronic effect (:func:`mgdlearn.model.analysis.gland_pth`); the
acute receptor effect is added here, for this figure only, with an illustrative strength
(:class:`MgPthParameters`). :func:`mgdlearn.plots.feedback.draw_mg_pth_curve` draws it.

Examples
--------
>>> from mgdlearn.experiments.feedback import mg_pth_curve
>>> curve = mg_pth_curve()
>>> curve.at(curve.normal_mg)["chronic"]
1.0
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.model import Parameters
from mgdlearn.model.analysis import gland_pth
from mgdlearn.observations import observation

__all__ = ["MgPthParameters", "MgPthCurve", "mg_pth_curve"]


def _p(value: float, unit: str, source: str, description: str, evidence: str) -> Any:
    return field(default=value, metadata={"unit": unit, "source": source, "description": description,
                                          "evidence": evidence})


@dataclass(frozen=True)
class MgPthParameters:
    """Numbers behind the biphasic magnesium - PTH figure (each with unit, source, evidence)."""

    casr_mg_weight: float = _p(
        0.15, "(mmol/L Ca)/(mmol/L Mg)", "vetter2002;fatemi1991",
        "Calcium-equivalent of serum magnesium at the parathyroid calcium-sensing receptor: a fall of "
        "1 mmol/L in magnesium looks to the gland like a fall of 0.15 mmol/L in ionized calcium "
        "(magnesium is the weaker agonist). ILLUSTRATIVE: chosen so that, combined with the model's "
        "chronic secretion factor, PTH is about unchanged at 0.61 mmol/L after three weeks of "
        "depletion, as Fatemi 1991 observed.", "emerging")
    calcium_mmol_l: float = _p(
        1.20, "mmol/L", "peterson2010",
        "Ionized calcium held fixed for the curve (the model's calcium set point).", "established")
    fatemi_mg_mmol_l: float = field(
        default_factory=lambda: observation("fatemi1991_after").serum_mg_mmol_l,
        metadata={"unit": "mmol/L", "source": "observations.csv", "evidence": "established",
                  "description": "Serum magnesium after a 3-week low-magnesium diet (Fatemi 1991); PTH fell or "
                                 "did not change in 20 of 26 volunteers."})
    rude_mg_mmol_l: float = field(
        default_factory=lambda: observation("rude1985").serum_mg_mmol_l,
        metadata={"unit": "mmol/L", "source": "observations.csv", "evidence": "established",
                  "description": "Mean serum magnesium of hypocalcaemic, magnesium-deficient patients with "
                                 "inappropriately low PTH (Rude 1985)."})

    def __post_init__(self) -> None:
        require_number(self.casr_mg_weight, "casr_mg_weight", low=0.0, high=1.0, unit="(mmol/L Ca)/(mmol/L Mg)")
        require_number(self.calcium_mmol_l, "calcium_mmol_l", low=0.5, high=2.0, unit="mmol/L")
        for name in ("fatemi_mg_mmol_l", "rude_mg_mmol_l"):
            require_number(getattr(self, name), name, low=0.1, high=2.0, unit="mmol/L")


@dataclass(frozen=True)
class MgPthCurve:
    """PTH secretion against serum magnesium, relative to normal magnesium at the same calcium.

    Attributes
    ----------
    mg : ndarray
        Serum magnesium (mmol/L).
    acute : ndarray
        Minutes to hours: the receptor effect only (secretory capacity intact).
    capacity : ndarray
        The teaching model's chronic magnesium factor on secretion (capacity alone).
    chronic : ndarray
        Weeks: receptor effect times the remaining capacity.
    normal_mg : float
        Serum magnesium at which all three equal 1 (mmol/L).
    params : MgPthParameters
    """

    mg: Any = field(metadata={"unit": "mmol/L"})
    acute: Any = field(metadata={"unit": "1"})
    capacity: Any = field(metadata={"unit": "1"})
    chronic: Any = field(metadata={"unit": "1"})
    normal_mg: float = field(metadata={"unit": "mmol/L"})
    params: MgPthParameters = field(default_factory=MgPthParameters)

    def at(self, serum_mg_mmol_l: float) -> dict[str, float]:
        """The three curves at one magnesium level (linear interpolation)."""
        import numpy as np

        x = require_number(serum_mg_mmol_l, "serum magnesium", low=float(self.mg[0]), high=float(self.mg[-1]),
                           unit="mmol/L")
        return {k: float(np.interp(x, self.mg, getattr(self, k))) for k in ("acute", "capacity", "chronic")}


def mg_pth_curve(mg_low: float = 0.25, mg_high: float = 1.2, points: int = 96,
                 params: MgPthParameters | None = None, model_params: "Parameters | None" = None) -> MgPthCurve:
    """Compute the biphasic magnesium - PTH curves.

    Parameters
    ----------
    mg_low, mg_high : float
        Range of serum magnesium (mmol/L, within 0.1-2.0, low below high).
    points : int
        Number of points (10-1000).
    params : MgPthParameters, optional
        Strength of the receptor effect and the study markers.
    model_params : mgdlearn.model.Parameters, optional
        The teaching model's physiology (set point, sigmoid, chronic magnesium factor).
    """
    import numpy as np

    lo = require_number(mg_low, "mg_low", low=0.1, high=2.0, unit="mmol/L")
    hi = require_number(mg_high, "mg_high", low=0.1, high=2.0, unit="mmol/L")
    if hi <= lo:
        raise InputError(f"mg_high ({hi:g}) must be above mg_low ({lo:g}) mmol/L.")
    n = require_number(points, "points", low=10, high=1000)
    params = params if params is not None else MgPthParameters()
    if not isinstance(params, MgPthParameters):
        raise InputTypeError(f"params must be MgPthParameters(...) or None; got {type(params).__name__}.")
    model_params = model_params if model_params is not None else Parameters()
    normal = model_params.mg_ref_mmol_l
    ca0 = params.calcium_mmol_l
    mg = np.linspace(lo, hi, int(n))
    ca_seen = np.clip(ca0 - params.casr_mg_weight * (normal - mg), 0.2, 3.0)
    base = float(gland_pth(ca0, normal, model_params))
    acute = gland_pth(ca_seen, normal, model_params) / base
    capacity = gland_pth(ca0, mg, model_params) / base
    chronic = gland_pth(ca_seen, mg, model_params) / base
    return MgPthCurve(mg=mg, acute=acute, capacity=capacity, chronic=chronic, normal_mg=normal, params=params)
