"""Lesson 05's meal planner chart: % of the RDA/AI per nutrient (food and supplements stacked), the
RDA line at 100 % and the upper limits, and the diet's run in the model (the data of
:mod:`mgdlearn.experiments.meal_planner`).

Examples
--------
>>> from mgdlearn.experiments.meal_planner import DEFAULT_MENU, compute
>>> from mgdlearn.plots.meal_planner import draw_planner
>>> fig, summary = draw_planner(compute(DEFAULT_MENU, age_years=40, sex="female"))
>>> "Ca:Mg ratio" in fig.axes[0].get_title()
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mgdlearn.experiments.meal_planner import PlannerData
from mgdlearn.model import Result
from mgdlearn.nutrition import NUTRIENTS
from mgdlearn.plots.frame import Drawing, static
from mgdlearn.plots.style import PALETTE, apply_style, color, new_figure, style_axes, text_color
from mgdlearn.plots.timecourse import redraw_timecourses, summarize_runs
from mgdlearn.reference_values import normal_range

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["PLANNER_TOP", "draw_planner", "redraw_planner", "draw_diet_run", "redraw_diet_run"]

_LABELS = {"magnesium": "Magnesium", "calcium": "Calcium", "vitamin_d": "Vitamin D"}


def draw_planner(data: PlannerData) -> "tuple[Figure, str]":
    """Bar chart of % of RDA/AI per nutrient (food + supplements), with RDA and UL marks.

    Returns the figure and a summary paragraph (totals, status, Ca:Mg ratio).
    """
    drawing, summary = redraw_planner(data)
    return drawing.figure, summary


def redraw_planner(data: PlannerData, drawing: Drawing | None = None) -> "tuple[Drawing, str]":
    """:func:`draw_planner`, updating ``drawing`` (of an earlier call) in place: the bars change
    height, the labels and UL marks are drawn anew, and the frame (0 to :data:`PLANNER_TOP` %) stays."""
    a = data.assessment
    keys = list(NUTRIENTS)
    xs = list(range(len(keys)))
    food = [data.bars[k][0] for k in keys]
    supp = [data.bars[k][1] for k in keys]
    with apply_style():
        if drawing is None or not drawing.fits("planner"):
            fig, ax = new_figure(width=7.0, height=3.4)
            colours = [color("vitamin_d" if k == "vitamin_d" else k) for k in keys]
            ax.bar(xs, food, color=colours, width=0.6, edgecolor=PALETTE["black"], linewidth=0.5, label="from food")
            ax.bar(xs, supp, bottom=food, color=colours, width=0.6, alpha=0.45, hatch="//",
                   edgecolor=PALETTE["black"], linewidth=0.5, label="from supplements")
            static(ax.axhline(100, color=PALETTE["black"], linestyle=":", linewidth=1.2, label="RDA / AI (100 %)"))
            ax.set_xticks(xs, [_LABELS[k] for k in keys])
            ax.set_ylim(0, PLANNER_TOP)
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
            drawing = Drawing(fig, "planner", {"marks": []})  # the labels and marks of the last call
        ax = drawing.figure.axes[0]
        for bar, f in zip(ax.patches[:3], food):
            bar.set_height(f)
        for bar, f, extra in zip(ax.patches[3:6], food, supp):
            bar.set_y(f)
            bar.set_height(extra)
        for artist in drawing.handles["marks"]:
            artist.remove()
        drawing.handles["marks"] = _marks(ax, data, keys, [f + extra for f, extra in zip(food, supp)])
        ratio = "Ca:Mg ratio undefined (no magnesium)" if a.ratio is None else (
            f"Ca:Mg ratio {a.ratio.ratio:.1f} ({a.ratio.band})")
        style_axes(ax, title=f"A day's intake against the reference values\n{ratio}", xlabel="",
                   ylabel="% of RDA / AI")
    return drawing, a.summary()


#: Top of the chart's y-axis (% of RDA/AI). The frame never changes, so moves compare by eye and
#: redraw quickly; a bar or an upper limit above it is labelled "off scale" with its value.
PLANNER_TOP = 300.0


def _marks(ax: Any, data: PlannerData, keys: list[str], heights: list[float]) -> list[Any]:
    """Draw the UL marks and the total above each bar (``heights`` in % of RDA/AI); return the artists."""
    a = data.assessment
    top = PLANNER_TOP
    drawn = []
    for x, (k, height) in enumerate(zip(keys, heights)):
        st = a.status(k)
        ul = data.ul_percent[k]
        unit = st.unit.replace("/day", "")
        if ul is not None:
            if st.ul_applies_to.startswith("supplements"):
                # the magnesium UL limits supplements only: its mark sits that far above the food
                level, label = data.bars[k][0] + ul, f"supplement UL {st.ul:,.0f} {unit}"
            else:
                level, label = ul, f"UL {st.ul:,.0f} {unit}"
            if level <= 0.95 * top:
                drawn.append(ax.hlines(level, x - 0.3, x + 0.3, color=PALETTE["vermillion"], linestyle="--",
                                       linewidth=2))
                drawn.append(ax.annotate(label, (x, level), xytext=(0, 2), textcoords="offset points",
                                         ha="center", fontsize=8, color=text_color(PALETTE["vermillion"])))
            else:
                drawn.append(ax.annotate(f"{label} (off scale, {level:,.0f} %)", (x, top), xytext=(0, -10),
                                         textcoords="offset points", ha="center", fontsize=8,
                                         color=text_color(PALETTE["vermillion"]),
                                         bbox=dict(boxstyle="round,pad=0.2", facecolor="white", lw=0)))
        total = f"{st.total:,.0f} {unit}"
        if height <= 0.9 * top:
            drawn.append(ax.annotate(total, (x, height), xytext=(0, 3), textcoords="offset points", ha="center",
                                     fontsize=9))
        else:  # inside the clipped bar, below the upper-limit label
            drawn.append(ax.annotate(f"{total} ({height:,.0f} %)", (x, top), xytext=(0, -24),
                                     textcoords="offset points", ha="center", fontsize=9,
                                     bbox=dict(boxstyle="round,pad=0.2", facecolor="white", lw=0)))
    return drawn


def draw_diet_run(result: Result) -> "tuple[Figure, str]":
    """Two panels, 25(OH)D and serum magnesium over the run, with their cut-offs; and a summary."""
    drawing, summary = redraw_diet_run(result)
    return drawing.figure, summary


def redraw_diet_run(result: Result, drawing: Drawing | None = None) -> "tuple[Drawing, str]":
    """:func:`draw_diet_run`, updating ``drawing`` (of an earlier call) in place."""
    df = result.df
    runs = {"this diet": df}
    columns = ["ohd25_nmol_l", "mg_serum_mmol_l"]
    adequate, normal = normal_range("25ohd", "nmol/L"), normal_range("serum_mg", "mmol/L")
    drawing = redraw_timecourses(runs, columns, title=f"What this diet would do over {int(df.index[-1])} days (model)",
                                 drawing=drawing, bands={"ohd25_nmol_l": (adequate.low, adequate.high),
                                                         "mg_serum_mmol_l": (normal.low, normal.high)})
    if "cut-offs" not in drawing.handles:
        drawing.handles["cut-offs"] = [ax.axhline(cut, color=PALETTE["black"], linestyle=":", linewidth=1)
                                       for ax, cut in zip(drawing.figure.axes, (adequate.low, normal.low))]
    summary = (summarize_runs(runs, columns) + f" Shaded: 25(OH)D {adequate.low:g}-{adequate.high:g} {adequate.unit} "
               f"(adequate, IOM 2011) and serum magnesium {normal.low:g}-{normal.high:g} {normal.unit} (normal, NIH ODS). "
               "A teaching model, not a prediction for a person.")
    return drawing, summary
