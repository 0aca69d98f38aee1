"""Lesson 01 explorer: sliders for serum magnesium, vitamin D intake and run length.

The data come from :func:`mgdlearn.experiments.activation.compute`, the figure from
:func:`mgdlearn.plots.activation.redraw_activation`.
"""
from __future__ import annotations

from mgdlearn.experiments.activation import LIMITS, compute
from mgdlearn.model.scenario import DEFAULTS
from mgdlearn.plots.activation import TIME_AXIS_DAYS, redraw_activation
from mgdlearn.widgets.base import Explorer, slider, toggle

__all__ = ["activation_explorer"]


def activation_explorer(serum_mg: float = 0.85, vitd_iu_per_day: float = 600.0, skin: bool = True,
                        days: int = 365) -> Explorer:
    """The lesson 1 explorer: sliders for serum magnesium, vitamin D intake and run length."""
    controls = {
        "serum_mg": slider("Serum magnesium", "mmol/L", value=serum_mg, min=LIMITS["serum_mg"][0],
                           max=LIMITS["serum_mg"][1], step=0.05),
        "vitd_iu_per_day": slider("Vitamin D intake, food + supplements", "IU/day", value=vitd_iu_per_day,
                                  min=0, max=4_000, step=100),
        "skin": toggle(f"Background vitamin D from skin ({DEFAULTS['sun_iu_per_day'][0]:,.0f} IU/day)", skin),
        "days": slider("Run length", "days", value=days, min=LIMITS["days"][0], max=TIME_AXIS_DAYS, step=30, integer=True),
    }
    return Explorer("Magnesium status × vitamin D intake", controls, compute, redraw_activation,
                    alt="Teaching-model time courses of 25(OH)D and calcitriol for the chosen magnesium level "
                        "and vitamin D intake, compared with normal magnesium, with the activation pathway "
                        "diagram at the end of the run.")
