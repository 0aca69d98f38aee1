"""Lesson 05: vitamin D made in the skin by latitude, season and skin type, and what the model makes of it.

The skin estimate comes from :func:`mgdlearn.sun.sun_estimate` (good to about a factor of 2).

* :func:`sun_by_latitude` -- the same short midday exposure month by month at several latitudes,
  and by skin type (:class:`SunYear`, drawn by :func:`mgdlearn.plots.sun.draw_sun_by_latitude`).
* :func:`compute` -- the sun explorer: one habit's estimate, the same habit month by month, and the
  hand-off to the model, which repeats the habit through a year on top of the oral vitamin D and
  shows what the *teaching model* does with it: 25(OH)D rising and falling with the seasons, a few
  weeks behind the sun because 25(OH)D has a half-life of about two weeks
  (:func:`sun_scenario`, :func:`seasonal_course`).

Examples
--------
>>> from mgdlearn.experiments.sun import compute
>>> data = compute(latitude=42, month="July", skin_type=2, minutes=10, skin_fraction=0.25)
>>> round(data.estimate.iu, -2)
2600.0
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.model import Scenario, simulate_sequence
from mgdlearn.sun import SunEstimate, sun_estimate, sun_iu_per_day

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["MONTHS", "MONTH_NAMES", "DAYS_IN_MONTH", "SKIN_TYPES", "DEFAULT_ORAL_IU", "SunExplorerData", "sun_scenario",
           "seasonal_course", "compute", "SunYear", "sun_by_latitude"]

MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December")
DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: Fitzpatrick skin types as the dropdown shows them (``fitzpatrick1988``).
SKIN_TYPES: tuple[tuple[str, int], ...] = (
    ("I: always burns, never tans", 1),
    ("II: burns easily, tans a little", 2),
    ("III: sometimes burns, tans gradually", 3),
    ("IV: rarely burns, tans easily", 4),
    ("V: very rarely burns, brown skin", 5),
    ("VI: never burns, dark brown to black skin", 6),
)
SKIN_TYPES_SOURCE = "fitzpatrick1988"

#: Oral vitamin D assumed unless the student changes it: the adult RDA, 600 IU/day (``iom2011``).
DEFAULT_ORAL_IU = 600.0
DEFAULT_ORAL_SOURCE = "iom2011"



@dataclass(frozen=True)
class SunExplorerData:
    """Everything the sun explorer shows for one setting of its controls.

    Attributes
    ----------
    estimate : SunEstimate
        Vitamin D made by one exposure in the chosen month (with its factor-2 range).
    monthly_iu : tuple of float
        The same daily habit on the 15th of each month, January to December (IU/day).
    oral_iu_per_day : float
        Vitamin D from food and supplements given to the model (IU/day).
    course : pandas.DataFrame
        Teaching-model year (index: day of year 1-365) with columns ``sun_iu_per_day`` and
        ``ohd25_nmol_l``, after one year of run-in so that it repeats itself.
    scenario : Scenario
        The model scenario of the chosen month (the hand-off: pass it to ``simulate``).
    """

    estimate: SunEstimate
    monthly_iu: tuple[float, ...] = field(metadata={"unit": "IU/day", "source": "holick2007;webb1988"})
    oral_iu_per_day: float = field(metadata={"unit": "IU/day", "source": ""})
    course: "pd.DataFrame" = field(repr=False, compare=False)
    scenario: Scenario = field(repr=False)

    @property
    def ohd25_range(self) -> tuple[float, str, float, str]:
        """Lowest and highest monthly-mean 25(OH)D of the modelled year, with their months."""
        means = self.monthly_means()
        lo = min(range(12), key=lambda i: means[i])
        hi = max(range(12), key=lambda i: means[i])
        return means[lo], MONTHS[lo], means[hi], MONTHS[hi]

    def monthly_means(self) -> tuple[float, ...]:
        """Mean modelled 25(OH)D of each month (nmol/L)."""
        import numpy as np

        values = self.course["ohd25_nmol_l"].to_numpy()  # days 1-365, in order
        edges = np.cumsum((0,) + DAYS_IN_MONTH)
        return tuple(float(values[a:b].mean()) for a, b in zip(edges[:-1], edges[1:]))


def sun_scenario(latitude: float, month: int | str, *, minutes: float = 10.0, skin_fraction: float = 0.25,
                 skin_type: int | str = 2, hour: float = 12.0,
                 vitamin_d_iu_per_day: float = DEFAULT_ORAL_IU, **scenario: Any) -> Scenario:
    """The model :class:`~mgdlearn.model.Scenario` of a daily sun habit (the hand-off to the model).

    ``sun_iu_per_day`` is the skin estimate of :func:`mgdlearn.sun.sun_iu_per_day` for the chosen
    month; the model's default background input is replaced by it, so the only other vitamin D is
    ``vitamin_d_iu_per_day`` from food and supplements. Other keywords go to ``Scenario``.

    Examples
    --------
    >>> from mgdlearn.model import steady_state
    >>> sc = sun_scenario(42, "December", minutes=15)
    >>> sc.sun_iu_per_day                      # the vitamin D winter
    0.0
    """
    iu = sun_iu_per_day(latitude, month, minutes=minutes, skin_fraction=skin_fraction, skin_type=skin_type, hour=hour)
    return Scenario(vitamin_d_iu_per_day=vitamin_d_iu_per_day, sun_iu_per_day=iu, **scenario)


def seasonal_course(monthly_iu: tuple[float, ...] | list[float], *, vitamin_d_iu_per_day: float = DEFAULT_ORAL_IU,
                    **scenario: Any) -> "pd.DataFrame":
    """Run the teaching model through a year whose skin input changes month by month.

    Parameters
    ----------
    monthly_iu : sequence of 12 floats
        Skin vitamin D (IU/day) in January ... December, kept constant within each month.
    vitamin_d_iu_per_day : float
        Oral vitamin D (food and supplements), IU/day, the same all year.
    **scenario
        Other :class:`~mgdlearn.model.Scenario` fields (``magnesium_mg_per_day`` ...).

    Returns
    -------
    pandas.DataFrame
        Index ``day_of_year`` (1-365); columns ``sun_iu_per_day`` and ``ohd25_nmol_l``. The year
        shown follows a run-in of the last :data:`RUN_IN_MONTHS` months of the year, started at the
        steady state of an input between the yearly mean and the two months before the run-in
        (:data:`RECENT_WEIGHT`), so it is (nearly, within about 1 nmol/L) the year that repeats
        every year.
    """
    import numpy as np
    import pandas as pd

    values = tuple(require_number(v, "monthly skin vitamin D", low=0, high=25_000, unit="IU/day")
                   for v in monthly_iu)
    if len(values) != 12:
        raise InputError(f"monthly_iu needs 12 values (January to December); got {len(values)}.")
    days = np.array(DAYS_IN_MONTH, dtype=float)
    before = slice(10 - RUN_IN_MONTHS, 12 - RUN_IN_MONTHS)  # the two months before the run-in
    start_iu = ((1 - RECENT_WEIGHT) * np.average(values, weights=days)
                + RECENT_WEIGHT * np.average(values[before], weights=days[before]))
    start = Scenario(vitamin_d_iu_per_day=vitamin_d_iu_per_day, sun_iu_per_day=float(start_iu), **scenario)
    months = [(Scenario(vitamin_d_iu_per_day=vitamin_d_iu_per_day, sun_iu_per_day=iu, **scenario), n)
              for iu, n in zip(values, DAYS_IN_MONTH)]
    steps: list[tuple[Scenario, int]] = []
    for month, length in months[12 - RUN_IN_MONTHS:] + months:
        if steps and steps[-1][0] == month:  # the same input as the month before (winter, the cap):
            steps[-1] = (month, steps[-1][1] + length)  # one stretch, the same daily values, less work
        else:
            steps.append((month, length))
    run = simulate_sequence(steps, start=start).df
    year = run.iloc[len(run) - 365:]  # the end of each day of the shown year
    return pd.DataFrame({"sun_iu_per_day": year["sun_iu_per_day"].to_numpy(),
                         "ohd25_nmol_l": year["ohd25_nmol_l"].to_numpy()},
                        index=pd.Index(range(1, 366), name="day_of_year"))


#: Months of run-in before the year :func:`seasonal_course` shows, and how much the input of its
#: start state leans on the two months before the run-in rather than the yearly mean: 25(OH)D
#: (half-life about two weeks) remembers the last months, the adipose store the whole year. With
#: these, 25(OH)D differs from the year that repeats by under 1 nmol/L at every latitude, habit and
#: oral intake tried (tested), with one month of run-in fewer than from the yearly mean.
RUN_IN_MONTHS = 2
RECENT_WEIGHT = 0.7


def compute(latitude: float = 42.0, month: int | str = "July", skin_type: int | str = 2, minutes: float = 10.0,
            skin_fraction: float = 0.25, vitamin_d_iu_per_day: float = DEFAULT_ORAL_IU) -> SunExplorerData:
    """Skin vitamin D for the chosen day and habit, the same habit month by month, and the model year.

    Raises
    ------
    InputError, InputTypeError
        For values outside the ranges of :func:`mgdlearn.sun.sun_estimate` or the model.
    """
    estimate = sun_estimate(latitude, month, minutes=minutes, skin_fraction=skin_fraction, skin_type=skin_type)
    monthly = tuple(sun_estimate(latitude, m, minutes=minutes, skin_fraction=skin_fraction,
                                 skin_type=skin_type).iu for m in range(1, 13))
    oral = require_number(vitamin_d_iu_per_day, "vitamin D from food and supplements", low=0, high=10_000,
                          unit="IU/day")
    course = seasonal_course(monthly, vitamin_d_iu_per_day=oral)
    scenario = sun_scenario(latitude, month, minutes=minutes, skin_fraction=skin_fraction, skin_type=skin_type,
                            vitamin_d_iu_per_day=oral)
    return SunExplorerData(estimate=estimate, monthly_iu=monthly, oral_iu_per_day=oral, course=course,
                           scenario=scenario)


# --------------------------------------------------------------------------------------------
# Sun exposure by latitude, season and skin type
#: Month abbreviations, January first.
MONTH_NAMES: tuple[str, ...] = tuple(m[:3] for m in MONTHS)
#: Most latitudes one figure compares (one line style each).
MAX_LATITUDES = 5


@dataclass(frozen=True)
class SunYear:
    """Vitamin D made by one daily midday exposure, by month and latitude and by skin type.

    Attributes
    ----------
    latitudes : tuple of float
        Latitudes (deg, north positive) of the rows of ``iu_by_month``.
    iu_by_month : tuple of tuple of float
        IU made per exposure on the 15th of each month (12 values per latitude).
    skin_latitude : float
        Latitude of the skin-type comparison.
    skin_months : tuple of str
        The months compared across skin types.
    iu_by_skin_type : tuple of tuple of float
        IU made for skin types I-VI (6 values per month in ``skin_months``).
    minutes, skin_fraction, skin_type, hour : float
        The exposure: minutes in the sun, uncovered fraction of the skin, skin type of the
        latitude panel, solar time.
    """

    latitudes: tuple[float, ...]
    iu_by_month: tuple[tuple[float, ...], ...] = field(metadata={"unit": "IU", "source": "holick2007;webb1988"})
    skin_latitude: float
    skin_months: tuple[str, ...]
    iu_by_skin_type: tuple[tuple[float, ...], ...] = field(
        metadata={"unit": "IU", "source": "holick2007;webb_engelsen2006"})
    minutes: float
    skin_fraction: float
    skin_type: int
    hour: float


def sun_by_latitude(latitudes: Sequence[float] = (25.0, 42.0, 52.0, 60.0), *, minutes: float = 10.0,
                    skin_fraction: float = 0.25, skin_type: int = 2, hour: float = 12.0,
                    skin_latitude: float = 42.0, skin_months: Sequence[str] = ("April", "July")) -> SunYear:
    """Compute the data of :func:`draw_sun_by_latitude` with :func:`mgdlearn.sun.sun_estimate`.

    Parameters
    ----------
    latitudes : sequence of float
        One to :data:`MAX_LATITUDES` latitudes (-90 to 90 deg, north positive).
    minutes, skin_fraction, skin_type, hour
        The daily exposure (see :func:`mgdlearn.sun.sun_estimate`).
    skin_latitude : float
        Latitude of the skin-type comparison.
    skin_months : sequence of str
        One to three months compared across skin types.
    """
    lats = _numbers(latitudes, "latitudes", low=-90, high=90, unit="deg", most=MAX_LATITUDES)
    months = tuple(skin_months) if not isinstance(skin_months, str) else (skin_months,)
    if not 1 <= len(months) <= 3:
        raise InputError(f"skin_months takes 1 to 3 month names such as ('April', 'July'); got {len(months)}.")

    def iu(lat: float, month: int | str, st: int) -> float:
        return sun_estimate(lat, month, minutes=minutes, skin_fraction=skin_fraction, skin_type=st, hour=hour).iu

    first = sun_estimate(lats[0], 1, minutes=minutes, skin_fraction=skin_fraction, skin_type=skin_type, hour=hour)
    by_month = tuple(tuple(iu(lat, m, first.skin_type) for m in range(1, 13)) for lat in lats)
    by_skin = tuple(tuple(iu(skin_latitude, month, st) for st in range(1, 7)) for month in months)
    names = tuple(MONTH_NAMES[sun_estimate(skin_latitude, m, minutes=0).month - 1] for m in months)
    return SunYear(latitudes=lats, iu_by_month=by_month, skin_latitude=float(skin_latitude), skin_months=names,
                   iu_by_skin_type=by_skin, minutes=first.minutes, skin_fraction=first.skin_fraction,
                   skin_type=first.skin_type, hour=first.hour)


def _numbers(values: Sequence[float], name: str, *, low: float, high: float, unit: str, most: int) -> tuple[float, ...]:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise InputTypeError(f"{name} must be a list of numbers ({low:g} to {high:g} {unit}); got {type(values).__name__}.")
    out = tuple(require_number(v, name[:-1] if name.endswith("s") else name, low=low, high=high, unit=unit)
                for v in values)
    if not 1 <= len(out) <= most:
        raise InputError(f"{name} takes 1 to {most} values; got {len(out)}.")
    return out
