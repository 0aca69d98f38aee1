"""Lesson 04 explorers: what the teaching model does when magnesium runs short.

Each wires sliders to a compute of :mod:`mgdlearn.experiments.deficiency` and a redraw of
:mod:`mgdlearn.plots.deficiency`:

* :func:`dose_response_explorer` -- vitamin D dose-response at adequate and at low serum magnesium;
* :func:`pth_explorer` -- the PTH response to a low-calcium challenge across serum magnesium;
* :func:`calcification_explorer` -- the vascular-calcification teaching indicator (not a clinical score);
* :func:`rickets_explorer` -- the rickets case, vitamin D alone vs vitamin D plus magnesium.
"""
from __future__ import annotations

from mgdlearn.experiments.deficiency import (
    compute_calcification,
    compute_dose_response,
    compute_pth_response,
    compute_rickets_case,
)
from mgdlearn.plots.deficiency import (
    redraw_calcification,
    redraw_dose_response,
    redraw_pth_response,
    redraw_rickets_case,
)
from mgdlearn.widgets.base import Explorer, slider

__all__ = ["dose_response_explorer", "pth_explorer", "calcification_explorer", "rickets_explorer"]


def dose_response_explorer(*, low_mg_mmol_l: float = 0.5, sun_iu_per_day: float = 1500.0,
                           body_mass_kg: float = 70.0) -> Explorer:
    """Explorer: vitamin D dose-response at adequate and at low serum magnesium."""
    controls = {
        "low_mg_mmol_l": slider("Low serum magnesium", "mmol/L", value=low_mg_mmol_l, min=0.4, max=0.8, step=0.05),
        "sun_iu_per_day": slider("Skin and background vitamin D", "IU/day", value=sun_iu_per_day, min=0,
                                 max=3000, step=100),
        "body_mass_kg": slider("Body mass", "kg", value=body_mass_kg, min=40, max=150, step=5),
    }
    return Explorer("Vitamin D dose-response at low vs adequate magnesium (teaching model)", controls,
                    compute_dose_response, redraw_dose_response,
                    alt="Three panels against vitamin D intake: 25(OH)D, calcitriol and ionized calcium, one "
                        "line at adequate and one at low serum magnesium.")


def pth_explorer(*, calcium_mg_per_day: float = 400.0, serum_mg_mmol_l: float = 0.45) -> Explorer:
    """Explorer: PTH response to a low-calcium challenge across serum magnesium."""
    controls = {
        "calcium_mg_per_day": slider("Calcium intake in the challenge", "mg/day", value=calcium_mg_per_day,
                                     min=100, max=900, step=50),
        "serum_mg_mmol_l": slider("Serum magnesium to report", "mmol/L", value=serum_mg_mmol_l, min=0.4,
                                  max=1.0, step=0.05),
    }
    return Explorer("PTH response to low calcium, by serum magnesium (teaching model)", controls,
                    compute_pth_response, redraw_pth_response,
                    alt="Three panels against serum magnesium: PTH, calcitriol and ionized calcium, at the usual "
                        "calcium intake and during a low-calcium challenge, with human data points.")


def calcification_explorer(*, serum_mg_mmol_l: float = 0.7, calcium_mg_per_day: float = 2000.0) -> Explorer:
    """Explorer: the vascular-calcification teaching indicator across vitamin D intakes."""
    controls = {
        "serum_mg_mmol_l": slider("Serum magnesium (comparison)", "mmol/L", value=serum_mg_mmol_l, min=0.4,
                                  max=1.1, step=0.05),
        "calcium_mg_per_day": slider("Calcium intake", "mg/day", value=calcium_mg_per_day, min=500, max=3000,
                                     step=100),
    }
    return Explorer("Vascular-calcification teaching indicator (not a clinical score)", controls,
                    compute_calcification, redraw_calcification,
                    alt="Three panels against vitamin D intake up to 50,000 IU/day: 25(OH)D, ionized calcium "
                        "with the indicator's threshold, and the teaching indicator, at two serum magnesium levels.")


def rickets_explorer(*, vitamin_d_iu_per_day: float = 2000.0, magnesium_mg_per_day: float = 200.0,
                     mg_start_day: float = 60.0) -> Explorer:
    """Explorer: the rickets case, vitamin D alone vs vitamin D plus magnesium."""
    controls = {
        "vitamin_d_iu_per_day": slider("Extra vitamin D from day 0", "IU/day", value=vitamin_d_iu_per_day,
                                       min=0, max=4000, step=250),
        "magnesium_mg_per_day": slider("Extra magnesium", "mg/day", value=magnesium_mg_per_day, min=0,
                                       max=400, step=25),
        "mg_start_day": slider("Magnesium starts on day", "day", value=mg_start_day, min=0, max=170, step=10),
    }
    return Explorer("Magnesium-dependent vitamin-D-resistant rickets, re-enacted (teaching model)", controls,
                    compute_rickets_case, redraw_rickets_case,
                    alt="Time courses over 180 days of serum magnesium, 25(OH)D, calcitriol, ionized calcium and "
                        "PTH: vitamin D alone, and vitamin D with magnesium added later.")
