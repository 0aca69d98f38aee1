"""Lesson 02 explorer: a low-calcium challenge at different magnesium levels.

The data come from :func:`mgdlearn.experiments.pth_challenge.compute`, the figure from
:func:`mgdlearn.plots.pth_challenge.redraw_challenge`.
"""
from __future__ import annotations

from mgdlearn.experiments.pth_challenge import LIMITS, compute
from mgdlearn.plots.pth_challenge import redraw_challenge
from mgdlearn.widgets.base import Explorer, slider

__all__ = ["pth_challenge_explorer"]


def pth_challenge_explorer(serum_mg: float = 0.45, ca_mg_per_day: float = 400.0,
                           challenge_days: int = 42) -> Explorer:
    """The lesson 2 explorer: sliders for serum magnesium, challenge calcium intake and length."""
    controls = {
        "serum_mg": slider("Serum magnesium", "mmol/L", value=serum_mg, min=LIMITS["serum_mg"][0],
                           max=LIMITS["serum_mg"][1], step=0.05),
        "ca_mg_per_day": slider("Calcium intake during the challenge", "mg/day", value=ca_mg_per_day,
                                min=0, max=1_000, step=50),
        "challenge_days": slider("Challenge length", "days", value=challenge_days, min=LIMITS["challenge_days"][0],
                                 max=LIMITS["challenge_days"][1], step=7, integer=True),
    }
    return Explorer("Low-calcium challenge at two magnesium levels", controls, compute, redraw_challenge,
                    alt="Teaching-model responses of PTH, calcitriol and ionized calcium to a period of low "
                        "dietary calcium, at the chosen and at normal magnesium, with PTH plotted against calcium.")
