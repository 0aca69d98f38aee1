"""Lesson 03 figures: the calcitriol -> magnesium-absorption loop.

* :func:`draw_loop_runs` -- a year of serum Mg, calcitriol and magnesium absorbed, loop on vs off.
* :func:`draw_loop_plane` -- the phase plane (serum Mg vs calcitriol) with the loop's two arrows as
  curves, their crossing point, the path after an intake change, and the loop gain by intake.

Both are pure: they take the data of :mod:`mgdlearn.experiments.loop` and return ``(figure,
summary)``; their ``redraw_*`` twins, given the drawing of a previous call, update it in place.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from mgdlearn.experiments.loop import LoopPlane, LoopRuns
from mgdlearn.plots.frame import Drawing, frame_top, static
from mgdlearn.plots.style import PALETTE, color, linestyle, new_figure, style_axes
from mgdlearn.plots.timecourse import redraw_timecourses
from mgdlearn.reference_values import normal_range

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["RUN_COLUMNS", "draw_loop_runs", "redraw_loop_runs", "summarize_loop_runs", "draw_loop_plane",
           "redraw_loop_plane", "summarize_loop_plane"]

#: The model outputs shown by :func:`draw_loop_runs`, one panel each.
RUN_COLUMNS: tuple[str, ...] = ("mg_serum_mmol_l", "calcitriol_pmol_l", "mg_absorbed_mg_per_day")


#: Fixed frames of the run panels: they hold every run the sliders offer (25-600 mg/day
#: magnesium, 0-4,000 IU/day vitamin D, any loop strength), so a move redraws only the lines
#: (fast) and moves can be compared by eye.
RUN_YLIMS = {"mg_serum_mmol_l": (0.3, 1.0), "calcitriol_pmol_l": (0.0, 100.0),
             "mg_absorbed_mg_per_day": (0.0, 300.0)}
#: Top of the loop-gain axis: above the gain at the strongest loop the slider offers.
GAIN_AXIS_TOP = 0.5
#: Top of the phase plane's calcitriol axis: above the curves for every setting of the sliders.
PLANE_CALCITRIOL_TOP = 200.0


def _mg_band() -> tuple[float, float]:
    r = normal_range("serum_mg", "mmol/L")
    return r.low, r.high


def draw_loop_runs(data: LoopRuns) -> tuple["Figure", str]:
    """Time courses of the loop-on and loop-off runs; returns ``(figure, summary)``."""
    drawing, summary = redraw_loop_runs(data)
    return drawing.figure, summary


def redraw_loop_runs(data: LoopRuns, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_loop_runs`, updating ``drawing`` (of an earlier call) in place."""
    # a fixed title (the intakes are on the sliders and in the caption): a move renders no text
    title = (f"Intakes change on day 0 (from {data.start_magnesium_mg_per_day:.0f} mg/day magnesium): loop on vs "
             "off (teaching model)")
    drawing = redraw_timecourses(data.runs, RUN_COLUMNS, title=title, drawing=drawing,
                                 bands={"mg_serum_mmol_l": _mg_band()}, ylims=RUN_YLIMS)
    return drawing, summarize_loop_runs(data)


def summarize_loop_runs(data: LoopRuns) -> str:
    """One paragraph: start and end values with the loop on and off, and what the loop adds."""
    on, off = data.runs["loop on"], data.runs["loop off"]
    m0 = float(on["mg_serum_mmol_l"].iloc[0])
    m_on, m_off = float(on["mg_serum_mmol_l"].iloc[-1]), float(off["mg_serum_mmol_l"].iloc[-1])
    c_on, c_off = float(on["calcitriol_pmol_l"].iloc[-1]), float(off["calcitriol_pmol_l"].iloc[-1])
    a_on, a_off = float(on["mg_absorbed_mg_per_day"].iloc[-1]), float(off["mg_absorbed_mg_per_day"].iloc[-1])
    shown = "on" if data.loop_on else "off"
    text = (f"Teaching model, loop {shown} (the other setting is drawn for comparison). From day 0 the "
            f"intakes are {data.magnesium_mg_per_day:.0f} mg/day magnesium and "
            f"{data.vitamin_d_iu_per_day:.0f} IU/day vitamin D (before: {data.start_magnesium_mg_per_day:.0f} "
            f"mg/day and {data.start_vitamin_d_iu_per_day:.0f} IU/day); loop strength "
            f"{data.loop_strength:.2f}. After {data.days} days serum magnesium is {m_on:.3f} mmol/L with "
            f"the loop on and {m_off:.3f} mmol/L with it off (start {m0:.3f}); calcitriol {c_on:.0f} vs "
            f"{c_off:.0f} pmol/L; magnesium absorbed {a_on:.0f} vs {a_off:.0f} mg/day.")
    change_off, change_on = m_off - m0, m_on - m0
    if abs(change_off) < 5e-4:
        return text + " Serum magnesium hardly moves, so the loop has nothing to amplify."
    extra = (abs(change_on) - abs(change_off)) / abs(change_off) * 100.0
    if abs(extra) < 0.5:
        return text + " The loop changes the result by less than 1 %."
    direction = "fall" if change_off < 0 else "rise"
    bigger = "larger" if extra > 0 else "smaller"
    return text + (f" The loop makes the {direction} in serum magnesium {abs(extra):.0f} % {bigger}: "
                   "positive feedback, but a small one.")


# --------------------------------------------------------------------------------------------
def draw_loop_plane(data: LoopPlane) -> tuple["Figure", str]:
    """Phase plane of the loop and loop gain by magnesium intake; returns ``(figure, summary)``."""
    drawing, summary = redraw_loop_plane(data)
    return drawing.figure, summary


def redraw_loop_plane(data: LoopPlane, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_loop_plane`, updating ``drawing`` (of an earlier call) in place."""
    m_op, c_op = data.operating_point
    if drawing is not None and drawing.fits("loop plane"):
        fig = drawing.figure
        ax, gx = fig.axes[0], fig.axes[1]
        art = drawing.handles
        art["f"].set_data(data.mg_grid, data.calcitriol_of_mg)
        art["g"].set_data(data.mg_of_calcitriol, data.calcitriol_grid)
        art["off"].set_xdata([data.mg_loop_off, data.mg_loop_off])
        art["path"].set_data(data.trajectory["mg_serum_mmol_l"].to_numpy(),
                             data.trajectory["calcitriol_pmol_l"].to_numpy())
        art["start"].set_data([data.start_point[0]], [data.start_point[1]])
        art["op"].set_data([m_op], [c_op])
        art["gain"].set_data(data.gain_intakes, data.gain_by_intake)
        art["here"].set_data([data.magnesium_mg_per_day], [data.gain])
        _limits(ax, gx, data)
        return drawing, summarize_loop_plane(data)

    fig, (ax, gx) = new_figure(1, 2, width=9.6, height=3.8)
    low, high = _mg_band()
    static(ax.axvspan(low, high, color=PALETTE["bluish_green"], alpha=0.10, lw=0, label="normal serum Mg"))
    art = {}
    (art["f"],) = ax.plot(data.mg_grid, data.calcitriol_of_mg, color=color("calcitriol"),
                          linestyle=linestyle("calcitriol"), label="Mg \u2192 calcitriol (enzymes)")
    (art["g"],) = ax.plot(data.mg_of_calcitriol, data.calcitriol_grid, color=color("magnesium"),
                          linestyle="-", label="calcitriol \u2192 Mg (gut), loop on")
    art["off"] = ax.axvline(data.mg_loop_off, color=color("comparison"), linestyle=linestyle("comparison"),
                            lw=1.5, label="Mg balance, loop off")
    (art["path"],) = ax.plot(data.trajectory["mg_serum_mmol_l"].to_numpy(),
                             data.trajectory["calcitriol_pmol_l"].to_numpy(), color=PALETTE["black"],
                             lw=1.0, linestyle=":", label="path over the year")
    (art["start"],) = ax.plot([data.start_point[0]], [data.start_point[1]], "o", mfc="white",
                              mec=PALETTE["black"], ms=6, label="start (reference adult)")
    (art["op"],) = ax.plot([m_op], [c_op], "o", color=PALETTE["black"], ms=6, label="steady state (crossing)")
    style_axes(ax, title="Phase plane: the loop's two arrows", xlabel="serum magnesium (mmol/L)",
               ylabel="calcitriol (pmol/L)")
    ax.legend(loc="upper left", fontsize=7)

    (art["gain"],) = gx.plot(data.gain_intakes, data.gain_by_intake, color=color("magnesium"),
                             linestyle=linestyle("magnesium"), marker=".", label="loop gain")
    (art["here"],) = gx.plot([data.magnesium_mg_per_day], [data.gain], "o", color=PALETTE["black"],
                             label="chosen intake")
    style_axes(gx, title="Loop gain by magnesium intake", xlabel="magnesium intake (mg/day)",
               ylabel="loop gain g (dimensionless)")
    gx.legend(loc="upper right", fontsize=7)
    # a fixed title (the intake is on the slider, marked on the right panel and in the caption)
    fig.suptitle("The magnesium\u2013calcitriol loop (teaching model)", fontweight="bold")
    _limits(ax, gx, data)
    return Drawing(fig, "loop plane", art), summarize_loop_plane(data)


def _limits(ax: "Axes", gx: "Axes", data: LoopPlane) -> None:
    """Axis limits (steady frames; the gain axis widens only for extreme settings)."""
    import numpy as np

    ax.set_xlim(float(data.mg_grid[0]), float(data.mg_grid[-1]))
    ax.set_ylim(0.0, frame_top(PLANE_CALCITRIOL_TOP, float(np.nanmax(data.calcitriol_grid))))
    gx.set_xlim(0.0, float(data.gain_intakes[-1]) * 1.05)
    gx.set_ylim(0.0, frame_top(GAIN_AXIS_TOP, float(np.nanmax(data.gain_by_intake))))


def summarize_loop_plane(data: LoopPlane) -> str:
    """One paragraph: the crossing point, both slopes, the loop gain and its range over intakes."""
    m_op, c_op = data.operating_point
    g_lo, g_hi = float(min(data.gain_by_intake)), float(max(data.gain_by_intake))
    amp = (data.amplification - 1.0) * 100.0
    return (f"Teaching model, magnesium intake {data.magnesium_mg_per_day:.0f} mg/day, vitamin D "
            f"{data.vitamin_d_iu_per_day:.0f} IU/day, loop strength {data.loop_strength:.2f}. The two curves "
            f"cross at serum magnesium {m_op:.3f} mmol/L and calcitriol {c_op:.0f} pmol/L (with the loop off "
            f"magnesium would settle at {data.mg_loop_off:.3f} mmol/L). Near the crossing, 1 % more serum "
            f"magnesium gives {data.sensitivity_calcitriol_to_mg:.2f} % more calcitriol, and 1 % more calcitriol "
            f"gives {data.sensitivity_mg_to_calcitriol:.3f} % more serum magnesium, so the loop gain is "
            f"{data.gain:.3f} and the loop enlarges any push by about {amp:.1f} %. Across intakes of "
            f"{data.gain_intakes[0]:.0f}-{data.gain_intakes[-1]:.0f} mg/day the loop gain stays between "
            f"{g_lo:.3f} and {g_hi:.3f}: {_verdict(g_hi)}")


def _verdict(gain: float) -> str:
    if gain >= 1.0:
        return "at or above 1, where positive feedback would run away (the model never gets there)."
    if gain >= 0.5:
        return "below 1, so the feedback still settles, but it amplifies pushes strongly."
    return "far below 1, so this positive feedback settles instead of running away."
