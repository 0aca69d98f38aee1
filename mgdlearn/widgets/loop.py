"""Lesson 03 explorers: the calcitriol -> magnesium-absorption loop, switched on and off.

* :func:`loop_explorer` -- a year of serum magnesium and calcitriol after an intake change, with the
  loop on and off (:func:`mgdlearn.experiments.loop.compute_loop_runs`).
* :func:`loop_gain_explorer` -- the loop's phase plane and its gain across magnesium intakes
  (:func:`mgdlearn.experiments.loop.compute_loop_plane`).
"""
from __future__ import annotations

from mgdlearn.experiments.loop import compute_loop_plane, compute_loop_runs, max_loop_strength
from mgdlearn.model import Parameters
from mgdlearn.plots.loop import redraw_loop_plane, redraw_loop_runs
from mgdlearn.widgets.base import Explorer, slider, toggle

__all__ = ["loop_explorer", "loop_gain_explorer"]


def _controls(magnesium_mg_per_day: float, vitamin_d_iu_per_day: float, loop_strength: float | None) -> dict:
    default = Parameters().calcitriol_mg_absorption_gain if loop_strength is None else loop_strength
    return {
        "magnesium_mg_per_day": slider("Magnesium intake from day 0", "mg/day", value=magnesium_mg_per_day,
                                       min=25, max=600, step=25),
        "vitamin_d_iu_per_day": slider("Vitamin D intake from day 0", "IU/day", value=vitamin_d_iu_per_day,
                                       min=0, max=4000, step=100),
        "loop_strength": slider("Loop strength", "fraction of intake", value=default, min=0.0,
                                max=max_loop_strength(), step=0.02),
    }


def loop_explorer(*, magnesium_mg_per_day: float = 150.0, vitamin_d_iu_per_day: float = 600.0,
                  loop_strength: float | None = None, loop_on: bool = True) -> Explorer:
    """Explorer: change intakes, toggle the loop, compare a year of serum Mg and calcitriol."""
    controls = _controls(magnesium_mg_per_day, vitamin_d_iu_per_day, loop_strength)
    controls["loop_on"] = toggle("Loop on (calcitriol raises magnesium absorption)", loop_on)
    return Explorer(
        "The bidirectional loop, switched on and off (teaching model)", controls, compute_loop_runs,
        redraw_loop_runs,
        alt="Three panels over one year: serum magnesium, calcitriol and magnesium absorbed, one line "
            "with the calcitriol-to-magnesium-absorption loop on and one with it off.")


def loop_gain_explorer(*, magnesium_mg_per_day: float = 150.0, vitamin_d_iu_per_day: float = 600.0,
                       loop_strength: float | None = None) -> Explorer:
    """Explorer: the loop's phase plane and its loop gain across magnesium intakes."""
    return Explorer(
        "Loop gain: how much the loop amplifies (teaching model)",
        _controls(magnesium_mg_per_day, vitamin_d_iu_per_day, loop_strength), compute_loop_plane,
        redraw_loop_plane,
        alt="Left: serum magnesium against calcitriol, with a rising curve for magnesium enabling "
            "calcitriol, a steep curve for calcitriol raising magnesium absorption, their crossing "
            "point and the path after the intake change. Right: loop gain against magnesium intake.")
