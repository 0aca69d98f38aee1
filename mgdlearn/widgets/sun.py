"""Sun explorer: latitude, month, skin type, minutes and uncovered skin -> vitamin D made in the skin.

The estimate comes from :func:`mgdlearn.sun.sun_estimate` (good to about a factor of 2). The
hand-off to the model repeats the same daily habit through a year, month by month, on top of the
oral vitamin D from food and supplements, and runs :func:`mgdlearn.model.simulate` to show what the
*teaching model* does with it: 25(OH)D rising and falling with the seasons, a few weeks behind the
sun because 25(OH)D has a half-life of about two weeks.

Pure pieces (tested directly): :func:`sun_scenario` (the hand-off), :func:`seasonal_course`,
:func:`compute` and :func:`draw`. :func:`sun_explorer` wraps them in an
:class:`mgdlearn.widgets.base.Explorer`.

Examples
--------
>>> from mgdlearn.widgets.sun import compute, draw
>>> data = compute(latitude=42, month="July", skin_type=2, minutes=10, skin_fraction=0.25)
>>> round(data.estimate.iu, -2)
2600.0
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mgdlearn.errors import InputError, require_number
from mgdlearn.plots.fastpng import frame_top, static

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from mgdlearn.model import Scenario
    from mgdlearn.sun import SunEstimate

__all__ = ["MONTHS", "SKIN_TYPES", "SunExplorerData", "sun_scenario", "seasonal_course", "compute", "draw", "summarize",
           "sun_explorer"]

MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December")
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

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

    estimate: "SunEstimate"
    monthly_iu: tuple[float, ...] = field(metadata={"unit": "IU/day", "source": "holick2007;webb1988"})
    oral_iu_per_day: float = field(metadata={"unit": "IU/day", "source": ""})
    course: "pd.DataFrame" = field(repr=False, compare=False)
    scenario: "Scenario" = field(repr=False)

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
        edges = np.cumsum((0,) + _DAYS_IN_MONTH)
        return tuple(float(values[a:b].mean()) for a, b in zip(edges[:-1], edges[1:]))


def sun_scenario(latitude: float, month: int | str, *, minutes: float = 10.0, skin_fraction: float = 0.25,
                 skin_type: int | str = 2, hour: float = 12.0,
                 vitamin_d_iu_per_day: float = DEFAULT_ORAL_IU, **scenario: Any) -> "Scenario":
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
    from mgdlearn.model import Scenario
    from mgdlearn.sun import sun_iu_per_day

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

    from mgdlearn.model import Scenario, simulate_sequence

    values = tuple(require_number(v, "monthly skin vitamin D", low=0, high=25_000, unit="IU/day")
                   for v in monthly_iu)
    if len(values) != 12:
        raise InputError(f"monthly_iu needs 12 values (January to December); got {len(values)}.")
    days = np.array(_DAYS_IN_MONTH, dtype=float)
    before = slice(10 - RUN_IN_MONTHS, 12 - RUN_IN_MONTHS)  # the two months before the run-in
    start_iu = ((1 - RECENT_WEIGHT) * np.average(values, weights=days)
                + RECENT_WEIGHT * np.average(values[before], weights=days[before]))
    start = Scenario(vitamin_d_iu_per_day=vitamin_d_iu_per_day, sun_iu_per_day=float(start_iu), **scenario)
    months = [(Scenario(vitamin_d_iu_per_day=vitamin_d_iu_per_day, sun_iu_per_day=iu, **scenario), n)
              for iu, n in zip(values, _DAYS_IN_MONTH)]
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
    from mgdlearn.sun import sun_estimate

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


def draw(data: SunExplorerData, fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Left: skin vitamin D by month (chosen month highlighted). Right: the model's 25(OH)D year.

    Updates ``fig`` in place when it was drawn by this function before.
    """
    if not isinstance(data, SunExplorerData):
        from mgdlearn.errors import InputTypeError

        raise InputTypeError(f"draw needs the SunExplorerData from compute(); got {type(data).__name__}.")
    import numpy as np

    from mgdlearn.plots.style import PALETTE, color, new_figure, style_axes

    est = data.estimate
    chosen = est.month - 1
    heights = np.array(data.monthly_iu)
    colours = [PALETTE["orange"] if i == chosen else PALETTE["sky_blue"] for i in range(12)]
    x_days = data.course.index.to_numpy()
    y_ohd = data.course["ohd25_nmol_l"].to_numpy()
    # a fixed title: the habit is on the sliders and in the caption, and a redraw renders no text
    sun_title = "Vitamin D made in the skin, month by month"
    if fig is not None and getattr(fig, "_mgd_sun_explorer", False):
        ax_sun, ax_ohd = fig.axes[0], fig.axes[1]
        for bar, h, c in zip(ax_sun.patches, _bar_heights(heights), colours):
            bar.set_height(h)
            bar.set_facecolor(c)
            bar.set_hatch("//" if c == PALETTE["orange"] else "")
        line, marker = (next(ln for ln in ax_ohd.lines if ln.get_gid() == gid) for gid in ("ohd25", "chosen"))
        line.set_data(x_days, y_ohd)
        mid = _mid_day(chosen)
        marker.set_data([mid], [float(np.interp(mid, x_days, y_ohd))])
        ax_ohd.set_ylim(0, frame_top(OHD25_AXIS_TOP, float(y_ohd.max()) * 1.15))
    else:
        fig, (ax_sun, ax_ohd) = new_figure(1, 2, width=9.6, height=3.6)
        ax_sun.bar(np.arange(1, 13), _bar_heights(heights), bottom=_BAR_FLOOR, color=colours,
                   edgecolor=PALETTE["black"], linewidth=0.5)
        for bar, c in zip(ax_sun.patches, colours):
            bar.set_hatch("//" if c == PALETTE["orange"] else "")
        ax_sun.set_xticks(np.arange(1, 13), [m[0] for m in MONTHS])
        ax_sun.set_yscale("log")
        ax_sun.set_ylim(*SUN_AXIS)
        style_axes(ax_sun, title=sun_title, xlabel="month (same habit every day; chosen month hatched)",
                   ylabel="vitamin D made (IU per day, log scale)")
        adequate, deficient = _landmarks()
        static(ax_ohd.axhspan(adequate.low, adequate.high, color=PALETTE["bluish_green"], alpha=0.12, lw=0,
                              label=f"{adequate.category} ({adequate.range_text})"),
               ax_ohd.axhline(deficient.high, color=color("reference"), linestyle=":", lw=1.2,
                              label=f"{deficient.category} below {deficient.high:g} {deficient.unit}"))
        ax_ohd.plot(x_days, y_ohd, color=color("ohd25"), linestyle="-", label="25(OH)D (teaching model)", gid="ohd25")
        mid = _mid_day(chosen)
        ax_ohd.plot([mid], [float(np.interp(mid, x_days, y_ohd))], marker="o", color=PALETTE["orange"],
                    markeredgecolor=PALETTE["black"], markersize=8, linestyle="none", label="chosen month", gid="chosen")
        starts = np.cumsum((1,) + _DAYS_IN_MONTH[:-1])
        ax_ohd.set_xticks(starts, [m[0] for m in MONTHS])
        ax_ohd.set_xlim(1, 365)
        ax_ohd.set_ylim(0, frame_top(OHD25_AXIS_TOP, float(y_ohd.max()) * 1.15))
        ax_ohd.legend(loc="upper left", fontsize=7)
        style_axes(ax_ohd, title="Hand-off: the model's 25(OH)D year",
                   xlabel="month (day of year)", ylabel="serum 25(OH)D (nmol/L)")
        fig.suptitle("Sun explorer: skin vitamin D (estimate, ±2x) and what the model makes of it",
                     fontweight="bold")
        fig._mgd_sun_explorer = True  # type: ignore[attr-defined]
    return fig, summarize(data)


#: Fixed frames, so a slider move redraws only the data (fast) and moves compare by eye. Skin
#: production spans 0 to the sun model's cap of 16,000 IU/day over the sliders, hence a log axis
#: (a month without a bar makes less than 10 IU/day: the vitamin D winter); 25(OH)D stays below
#: 250 nmol/L for every setting (about 240 at the most sun and 4,000 IU/day oral).
SUN_AXIS = (10.0, 30_000.0)
OHD25_AXIS_TOP = 250.0
_BAR_FLOOR = 1.0


def _bar_heights(heights: "np.ndarray") -> "np.ndarray":
    """Bar heights above the log axis' floor (a bar of 0 IU/day stays below the axis)."""
    import numpy as np

    return np.maximum(np.asarray(heights, dtype=float) - _BAR_FLOOR, 0.0)


def _landmarks() -> tuple[Any, Any]:
    """The IOM 'adequate' and 'deficient' 25(OH)D bands in nmol/L, from :mod:`mgdlearn.reference_values`."""
    from mgdlearn.reference_values import bands

    by_name = {b.category: b for b in bands("25ohd", "IOM", "nmol/L")}
    return by_name["adequate"], by_name["deficient"]


def _mid_day(month_index: int) -> float:
    return float(sum(_DAYS_IN_MONTH[:month_index]) + 15)


def summarize(data: SunExplorerData) -> str:
    """One paragraph: the chosen exposure, the months without synthesis, and the model's year."""
    est = data.estimate
    none = [MONTHS[i][:3] for i, v in enumerate(data.monthly_iu) if v < 1.0]
    if len(none) == 12:
        winter = "makes almost no vitamin D in any month"
    elif none:
        winter = (f"makes almost nothing in {len(none)} month(s) ({', '.join(none)}) and up to "
                  f"{max(data.monthly_iu):,.0f} IU/day in the best month")
    else:
        winter = f"makes some vitamin D in every month, up to {max(data.monthly_iu):,.0f} IU/day in the best month"
    lo, lo_month, hi, hi_month = data.ohd25_range
    sunniest = max(range(12), key=lambda i: data.monthly_iu[i])
    if abs(hi - lo) < 1.0:
        course = f"the teaching model's 25(OH)D stays near {hi:.0f} nmol/L all year"
    else:
        course = (f"the teaching model's 25(OH)D swings from {lo:.0f} nmol/L ({lo_month}) to {hi:.0f} nmol/L "
                  f"({hi_month})")
        lag = (MONTHS.index(hi_month) - sunniest) % 12
        if max(data.monthly_iu) > 0 and 0 < lag <= 3:
            course += (f", peaking {lag} month(s) after the sunniest month ({MONTHS[sunniest]}) because "
                       "25(OH)D takes weeks to follow its input")
    return (f"{est.summary()} Repeated every day, the same habit {winter}. With {data.oral_iu_per_day:,.0f} IU/day from "
            f"food and supplements, {course}. Real seasonal swings are usually smaller (body stores, varying "
            "habits); this is a teaching model, not a prediction for any person.")


def sun_explorer(*, latitude: float = 42.0, month: str = "July", skin_type: int = 2, minutes: float = 10.0,
                 skin_fraction: float = 0.25, vitamin_d_iu_per_day: float = DEFAULT_ORAL_IU) -> Any:
    """The sun explorer widget (an :class:`~mgdlearn.widgets.base.Explorer`; display it in a notebook)."""
    from mgdlearn.widgets.base import Explorer, dropdown, slider

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
    return Explorer("Sun explorer: how much vitamin D does the skin make?", controls, compute, draw,
                    alt=("Left: bar chart of vitamin D made in the skin for each month with the chosen habit, "
                         "chosen month hatched. Right: the teaching model's serum 25(OH)D through the year with "
                         "the adequate band shaded."))
