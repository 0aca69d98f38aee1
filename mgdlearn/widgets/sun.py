"""Lesson 05's sun explorer: latitude, month, skin type, minutes and uncovered skin -> vitamin D
made in the skin, and the model's year (:func:`mgdlearn.experiments.sun.compute`, drawn by
:func:`mgdlearn.plots.sun.redraw_sun_explorer`)."""
from __future__ import annotations

from mgdlearn.errors import InputError
from mgdlearn.experiments.sun import DEFAULT_ORAL_IU, MONTHS, SKIN_TYPES, compute
from mgdlearn.plots.sun import redraw_sun_explorer
from mgdlearn.widgets.base import Explorer, dropdown, slider

__all__ = ["sun_explorer"]


def sun_explorer(*, latitude: float = 42.0, month: str = "July", skin_type: int = 2, minutes: float = 10.0,
                 skin_fraction: float = 0.25, vitamin_d_iu_per_day: float = DEFAULT_ORAL_IU) -> Explorer:
    """The sun explorer widget (an :class:`~mgdlearn.widgets.base.Explorer`; display it in a notebook)."""
    if month not in MONTHS:
        raise InputError(f"month {month!r} is not recognised. Choose one of: {', '.join(MONTHS)}.")
    if skin_type not in dict((v, k) for k, v in SKIN_TYPES):
        raise InputError("skin_type must be 1, 2, 3, 4, 5 or 6 (Fitzpatrick I-VI).")
    controls = {
        "latitude": slider("Latitude (north +, south -)", "deg", value=latitude, min=-60, max=70, step=1),
        "month": dropdown("Month", MONTHS, month),
        "skin_type": dropdown("Skin type (Fitzpatrick)", SKIN_TYPES, skin_type),
        "minutes": slider("Time in the midday sun", "min/day", value=minutes, min=0, max=60, step=1),
        "skin_fraction": slider("Skin uncovered", "fraction", value=skin_fraction, min=0.05, max=1.0, step=0.05),
        "vitamin_d_iu_per_day": slider("Vitamin D from food + supplements", "IU/day", value=vitamin_d_iu_per_day,
                                       min=0, max=4000, step=100),
    }
    return Explorer("Sun explorer: how much vitamin D does the skin make?", controls, compute, redraw_sun_explorer,
                    alt=("Left: bar chart of vitamin D made in the skin for each month with the chosen habit, "
                         "chosen month hatched. Right: the teaching model's serum 25(OH)D through the year with "
                         "the adequate band shaded."))
