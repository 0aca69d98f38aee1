"""Lesson 2 figures: the calcium - PTH - calcitriol feedback loop and magnesium's effect on PTH.

* :func:`draw_feedback_loop` -- the negative feedback loop as a diagram, with the points where
  magnesium is said to act (PTH secretion, PTH action, CYP27B1).
* :func:`draw_mg_pth_curve` -- the biphasic effect of magnesium on PTH secretion
  (:func:`mgdlearn.experiments.feedback.mg_pth_curve`): an acute fall in magnesium stimulates the
  gland a little, chronic depletion takes its secretory capacity away.

Examples
--------
>>> from mgdlearn.plots.feedback import draw_mg_pth_curve
>>> fig, summary = draw_mg_pth_curve()
>>> "acute" in summary and "chronic" in summary
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from mgdlearn.errors import InputTypeError
from mgdlearn.experiments.feedback import MgPthCurve, mg_pth_curve
from mgdlearn.plots.style import PALETTE, color, linestyle, new_figure, style_axes, text_color
from mgdlearn.reference_values import normal_range

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_mg_pth_curve", "summarize_mg_pth_curve", "draw_feedback_loop", "LOOP_SUMMARY"]


def draw_mg_pth_curve(curve: MgPthCurve | None = None) -> tuple["Figure", str]:
    """Draw the biphasic curve; return ``(figure, summary)``.

    The normal serum magnesium range is shaded; dotted verticals mark the magnesium levels of
    Fatemi 1991 (3-week depletion) and Rude 1985 (severe deficiency).
    """
    curve = curve if curve is not None else mg_pth_curve()
    if not isinstance(curve, MgPthCurve):
        raise InputTypeError(f"curve must be an MgPthCurve from mg_pth_curve(); got {type(curve).__name__}.")
    fig, ax = new_figure(width=7.2, height=4.5)
    band = normal_range("serum_mg", "mmol/L")
    ax.axvspan(band.low, band.high, color=PALETTE["bluish_green"], alpha=0.12, lw=0,
               label=f"normal serum Mg ({band.low:g}-{band.high:g} mmol/L)")
    ax.axhline(1.0, color=color("reference"), linestyle=":", linewidth=1.0)
    ax.plot(curve.mg, curve.acute, color=PALETTE["orange"], linestyle="--",
            label="acute (minutes-hours): receptor effect, capacity intact")
    ax.plot(curve.mg, curve.capacity, color=color("comparison"), linestyle=":",
            label="secretory capacity alone (course model)")
    ax.plot(curve.mg, curve.chronic, color=color("pth"), linestyle=linestyle("pth"),
            label="chronic (weeks): receptor effect × capacity")
    p = curve.params
    top = max(float(curve.acute.max()), float(curve.chronic.max()), 1.2) * 1.12
    for x, text in ((p.fatemi_mg_mmol_l, "Fatemi 1991:\n3 weeks low Mg"), (p.rude_mg_mmol_l, "Rude 1985:\nsevere deficiency")):
        ax.axvline(x, color=color("reference"), linestyle=(0, (1, 3)), linewidth=1.0)
        ax.text(x + 0.01, top * 0.97, text, fontsize=7.5, va="top")
    ax.set_xlim(float(curve.mg[0]), float(curve.mg[-1]))
    ax.set_ylim(0, top)
    style_axes(ax, title="Magnesium and PTH secretion: acute stimulation, chronic failure",
               xlabel="serum magnesium (mmol/L)",
               ylabel=f"PTH secretion (× normal, at Ca {p.calcium_mmol_l:.2f} mmol/L)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=7.5)
    return fig, summarize_mg_pth_curve(curve)


def summarize_mg_pth_curve(curve: MgPthCurve) -> str:
    """One paragraph: where the acute curve peaks and what the chronic curve gives at the study levels."""
    import numpy as np

    p = curve.params
    fat, rude = curve.at(p.fatemi_mg_mmol_l), curve.at(p.rude_mg_mmol_l)
    i_peak = int(np.argmax(curve.chronic))
    low_end = curve.at(float(curve.mg[0]))
    return (f"With ionized calcium held at {p.calcium_mmol_l:.2f} mmol/L, the acute receptor effect raises PTH "
            f"secretion as magnesium falls: {fat['acute']:.2f}× normal at {p.fatemi_mg_mmol_l:.2f} mmol/L and "
            f"{rude['acute']:.2f}× at {p.rude_mg_mmol_l:.2f} mmol/L. Chronically, lost secretory capacity wins: "
            f"the chronic curve peaks at only {float(curve.chronic[i_peak]):.2f}× near "
            f"{float(curve.mg[i_peak]):.2f} mmol/L, is {fat['chronic']:.2f}× at {p.fatemi_mg_mmol_l:.2f} mmol/L "
            f"(Fatemi 1991: PTH not raised), falls to {rude['chronic']:.2f}× at {p.rude_mg_mmol_l:.2f} mmol/L "
            f"(Rude 1985: PTH inappropriately low) and to {low_end['chronic']:.2f}× at {float(curve.mg[0]):.2f} "
            "mmol/L. The acute strength is illustrative; the chronic capacity is the teaching model's.")


# ---- the feedback loop diagram ---------------------------------------------------------------
_NODES = {
    "ca": ((1.5, 3.0), "Blood ionized\ncalcium", "calcium"),
    "pth": ((5.0, 5.25), "Parathyroid glands\n(calcium-sensing receptor)\nsecrete PTH", "pth"),
    "kidney": ((8.5, 3.0), "Kidney CYP27B1\nmakes calcitriol", "calcitriol"),
    "gut": ((5.0, 0.75), "Gut absorbs\nmore calcium", "calcitriol"),
    "bone": ((5.0, 3.0), "Bone releases calcium;\nkidney tubule keeps it", "pth"),
}

#: One sentence per arrow, in the order drawn (the figure's summary reads them out).
LOOP_SUMMARY: tuple[str, ...] = (
    "a fall in blood ionized calcium is sensed by the parathyroid glands, which secrete more PTH (calcium "
    "inhibits secretion)",
    "PTH makes bone release calcium and the kidney tubule reabsorb more of it, within minutes to hours",
    "PTH upregulates kidney CYP27B1, so more calcitriol is made over hours to days",
    "calcitriol raises calcium absorption in the gut",
    "more calcium from bone, kidney and gut raises blood calcium, which turns PTH secretion down again",
    "calcitriol also suppresses PTH secretion and its own production",
)


def _loop_box(ax: "Axes", key: str) -> None:
    (x, y), text, series = _NODES[key]
    ax.text(x, y, text, ha="center", va="center", fontsize=8.5, zorder=4,
            bbox=dict(boxstyle="round,pad=0.45", facecolor="white", edgecolor=color(series), linewidth=1.6))


def _loop_arrow(ax: "Axes", a: tuple[float, float], b: tuple[float, float], sign: str, *, rad: float = 0.0,
                series: str = "reference", where: float = 0.5, offset: tuple[float, float] = (0.0, 0.25)) -> None:
    from matplotlib.patches import FancyArrowPatch

    inhibit = sign == "−"
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-[" if inhibit else "-|>", mutation_scale=12,
                                 connectionstyle=f"arc3,rad={rad}", color=color(series), linewidth=1.8,
                                 linestyle="--" if inhibit else "-", zorder=2))
    mx, my = a[0] + (b[0] - a[0]) * where + offset[0], a[1] + (b[1] - a[1]) * where + offset[1]
    ax.text(mx, my, sign, ha="center", va="center", fontsize=11, fontweight="bold", color=text_color(color(series)),
            zorder=5)


def _mg_mark(ax: "Axes", x: float, y: float, text: str) -> None:
    ax.text(x, y, text, ha="center", va="center", fontsize=7, zorder=6,
            bbox=dict(boxstyle="round,pad=0.3", facecolor=color("magnesium"), alpha=0.35,
                      edgecolor=PALETTE["blue"], linewidth=0.8))


def draw_feedback_loop() -> tuple["Figure", str]:
    """Draw the calcium - PTH - calcitriol negative feedback loop with magnesium's points of action.

    Solid arrows with "+" stimulate, dashed bars with "−" inhibit. Blue "Mg" labels mark where
    magnesium is needed: PTH secretion (established, Fatemi 1991, Rude 1985), the tissues' response
    to PTH (established), and CYP27B1 (supported/emerging, Uwitonze & Razzaque 2018).
    """
    fig, ax = new_figure(width=7.6, height=4.4)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 6.2)
    ax.set_axis_off()
    for key in _NODES:
        _loop_box(ax, key)
    _loop_arrow(ax, (1.8, 3.6), (3.6, 5.3), "−", rad=-0.25, series="calcium", offset=(-0.4, 0.25))
    _loop_arrow(ax, (5.0, 4.45), (5.0, 3.55), "+", series="pth", offset=(0.25, 0.0))
    _loop_arrow(ax, (6.7, 5.1), (8.2, 3.65), "+", rad=-0.2, series="pth", offset=(0.35, 0.2))
    _loop_arrow(ax, (8.2, 2.4), (6.1, 0.95), "+", rad=-0.2, series="calcitriol", offset=(0.3, -0.3))
    _loop_arrow(ax, (3.65, 3.0), (2.35, 3.0), "+", series="calcium", offset=(0.0, 0.25))
    _loop_arrow(ax, (3.9, 0.9), (1.75, 2.4), "+", rad=-0.2, series="calcium", offset=(-0.3, -0.3))
    _loop_arrow(ax, (8.8, 3.6), (6.4, 5.5), "−", rad=0.35, series="calcitriol", where=0.55, offset=(0.55, 0.45))
    _mg_mark(ax, 6.55, 4.55, "Mg: secretion")
    _mg_mark(ax, 6.4, 3.7, "Mg: PTH action")
    _mg_mark(ax, 8.5, 2.05, "Mg: CYP27B1 cofactor")
    ax.set_title("The calcium – PTH – calcitriol feedback loop (+ stimulates, − inhibits)")
    summary = ("Negative feedback loop: " + "; ".join(LOOP_SUMMARY) + ". Magnesium is needed for PTH "
               "secretion and for kidney and bone to respond to PTH (established for real depletion), and is "
               "proposed as a cofactor of CYP27B1 (supported to emerging).")
    return fig, summary
