"""Lesson 05's sun figures: skin vitamin D by latitude, season and skin type, and the sun explorer's
picture (the data of :mod:`mgdlearn.experiments.sun`).

* :func:`draw_sun_by_latitude` -- IU per exposure by month for several latitudes, and by skin type;
* :func:`draw_sun_explorer` (:func:`redraw_sun_explorer` in place) -- skin vitamin D by month for one
  habit, and the model's 25(OH)D year.

Examples
--------
>>> from mgdlearn.experiments.sun import sun_by_latitude
>>> from mgdlearn.plots.sun import draw_sun_by_latitude
>>> fig, summary = draw_sun_by_latitude(sun_by_latitude((42, 60)))
>>> "vitamin D winter" in summary
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mgdlearn.errors import InputTypeError
from mgdlearn.experiments.sun import DAYS_IN_MONTH, MONTH_NAMES, MONTHS, SunExplorerData, SunYear
from mgdlearn.plots.frame import Drawing, frame_top, static
from mgdlearn.plots.style import PALETTE, color, new_figure, style_axes
from mgdlearn.plots.timecourse import RUN_STYLES
from mgdlearn.reference_values import bands

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from matplotlib.figure import Figure

__all__ = ["draw_sun_by_latitude", "draw_sun_explorer", "redraw_sun_explorer", "summarize_sun_explorer",
           "SUN_AXIS", "OHD25_AXIS_TOP"]

_ROMAN = ("I", "II", "III", "IV", "V", "VI")


# --------------------------------------------------------------------------------------------
# by latitude, season and skin type
def _lat_text(lat: float) -> str:
    return f"{abs(lat):g}° {'N' if lat >= 0 else 'S'}"


def draw_sun_by_latitude(data: SunYear) -> tuple["Figure", str]:
    """Two panels: IU per exposure by month for each latitude; IU by skin type in chosen months.

    Returns the figure and a summary naming the vitamin D winter months of each latitude and the
    range across skin types.
    """
    if not isinstance(data, SunYear):
        raise InputTypeError(f"draw_sun_by_latitude needs the SunYear from sun_by_latitude(); got {type(data).__name__}.")
    import numpy as np

    fig, (ax_m, ax_s) = new_figure(1, 2, width=9.2, height=3.6)
    months = np.arange(1, 13)
    for (lat, values), (colour, style) in zip(zip(data.latitudes, data.iu_by_month), RUN_STYLES):
        ax_m.plot(months, values, color=colour, linestyle=style, marker="o", markersize=3,
                  label=_lat_text(lat))
    ax_m.set_xticks(months, [m[0] for m in MONTH_NAMES])
    ax_m.legend(loc="upper center", fontsize=8, ncols=len(data.latitudes))
    peak = max(max(v) for v in data.iu_by_month)
    ax_m.set_ylim(0, max(peak, 100.0) * 1.25)
    style_axes(ax_m, title=f"Through the year, skin type {_ROMAN[data.skin_type - 1]}", xlabel="month (15th)",
               ylabel="vitamin D made (IU per day)")

    width = 0.8 / len(data.skin_months)
    x = np.arange(6)
    bar_colours = (PALETTE["sky_blue"], PALETTE["orange"], PALETTE["bluish_green"])
    hatches = ("//", "", "..")
    for i, (month, values) in enumerate(zip(data.skin_months, data.iu_by_skin_type)):
        ax_s.bar(x + (i - (len(data.skin_months) - 1) / 2) * width, values, width=width,
                 color=bar_colours[i], hatch=hatches[i], edgecolor=PALETTE["black"], linewidth=0.5,
                 label=month)
    ax_s.set_xticks(x, _ROMAN)
    ax_s.legend(loc="upper right", fontsize=8)
    style_axes(ax_s, title=f"By skin type at {_lat_text(data.skin_latitude)}, same exposure",
               xlabel="Fitzpatrick skin type (I lightest, VI darkest)", ylabel="vitamin D made (IU per day)")
    fig.suptitle(f"Skin vitamin D from {data.minutes:g} min of sun at {data.hour:g} h solar time on "
                 f"{data.skin_fraction:.0%} of the skin (estimate, ±2x)", fontweight="bold")
    return fig, _sun_summary(data)


def _sun_summary(data: SunYear) -> str:
    parts = []
    for lat, values in zip(data.latitudes, data.iu_by_month):
        none = [MONTH_NAMES[i] for i, v in enumerate(values) if v < 1.0]
        peak = max(values)
        winter = (f"almost none in {_month_span(none)}" if none else "some in every month")
        parts.append(f"at {_lat_text(lat)} up to {peak:,.0f} IU, {winter}")
    skin = []
    for month, values in zip(data.skin_months, data.iu_by_skin_type):
        skin.append(f"{month}: {values[0]:,.0f} IU for type I down to {values[-1]:,.0f} IU for type VI")
    return (f"The same {data.minutes:g} minutes of midday sun on {data.skin_fraction:.0%} of the skin makes "
            + "; ".join(parts) + ". The closer to the poles, the longer the 'vitamin D winter' when the sun is "
            f"too low to make any. At {_lat_text(data.skin_latitude)}, darker skin makes less from the same "
            f"minutes ({'; '.join(skin)}). A teaching estimate, good to about a factor of 2.")


def _month_span(names: list[str]) -> str:
    """'Nov-Feb' style text for a list of month abbreviations (wrapping over the new year)."""
    idx = sorted(MONTH_NAMES.index(n) for n in names)
    if len(idx) == 12:
        return "every month"
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 11:
        runs[0] = runs.pop() + runs[0]
    return ", ".join(MONTH_NAMES[r[0]] if len(r) == 1 else f"{MONTH_NAMES[r[0]]}-{MONTH_NAMES[r[-1]]}"
                     for r in runs)


# --------------------------------------------------------------------------------------------
# the sun explorer
def draw_sun_explorer(data: SunExplorerData) -> tuple["Figure", str]:
    """Left: skin vitamin D by month (chosen month highlighted). Right: the model's 25(OH)D year."""
    drawing, summary = redraw_sun_explorer(data)
    return drawing.figure, summary


def redraw_sun_explorer(data: SunExplorerData, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_sun_explorer`, updating ``drawing`` (of an earlier call) in place."""
    if not isinstance(data, SunExplorerData):
        raise InputTypeError(f"draw needs the SunExplorerData from compute(); got {type(data).__name__}.")
    import numpy as np

    est = data.estimate
    chosen = est.month - 1
    heights = np.array(data.monthly_iu)
    colours = [PALETTE["orange"] if i == chosen else PALETTE["sky_blue"] for i in range(12)]
    x_days = data.course.index.to_numpy()
    y_ohd = data.course["ohd25_nmol_l"].to_numpy()
    # a fixed title: the habit is on the sliders and in the caption, and a redraw renders no text
    sun_title = "Vitamin D made in the skin, month by month"
    if drawing is not None and drawing.fits("sun explorer"):
        fig = drawing.figure
        ax_sun, ax_ohd = fig.axes[0], fig.axes[1]
        for bar, h, c in zip(ax_sun.patches, _bar_heights(heights), colours):
            bar.set_height(h)
            bar.set_facecolor(c)
            bar.set_hatch("//" if c == PALETTE["orange"] else "")
        line, marker = drawing.handles["ohd25"], drawing.handles["chosen"]
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
        (line,) = ax_ohd.plot(x_days, y_ohd, color=color("ohd25"), linestyle="-", label="25(OH)D (teaching model)")
        mid = _mid_day(chosen)
        (marker,) = ax_ohd.plot([mid], [float(np.interp(mid, x_days, y_ohd))], marker="o", color=PALETTE["orange"],
                                markeredgecolor=PALETTE["black"], markersize=8, linestyle="none", label="chosen month")
        starts = np.cumsum((1,) + DAYS_IN_MONTH[:-1])
        ax_ohd.set_xticks(starts, [m[0] for m in MONTHS])
        ax_ohd.set_xlim(1, 365)
        ax_ohd.set_ylim(0, frame_top(OHD25_AXIS_TOP, float(y_ohd.max()) * 1.15))
        ax_ohd.legend(loc="upper left", fontsize=7)
        style_axes(ax_ohd, title="Hand-off: the model's 25(OH)D year",
                   xlabel="month (day of year)", ylabel="serum 25(OH)D (nmol/L)")
        fig.suptitle("Sun explorer: skin vitamin D (estimate, ±2x) and what the model makes of it",
                     fontweight="bold")
        drawing = Drawing(fig, "sun explorer", {"ohd25": line, "chosen": marker})
    return drawing, summarize_sun_explorer(data)


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
    by_name = {b.category: b for b in bands("25ohd", "IOM", "nmol/L")}
    return by_name["adequate"], by_name["deficient"]


def _mid_day(month_index: int) -> float:
    return float(sum(DAYS_IN_MONTH[:month_index]) + 15)


def summarize_sun_explorer(data: SunExplorerData) -> str:
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
