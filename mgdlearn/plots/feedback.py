"""Lesson 2 figures: the calcium - PTH - calcitriol feedback loop and magnesium's effect on PTH.

* :func:`draw_feedback_loop` -- the negative feedback loop as a diagram, with the points where
  magnesium is said to act (PTH secretion, PTH action, CYP27B1).
* :func:`mg_pth_curve` + :func:`draw_mg_pth_curve` -- the biphasic effect of magnesium on PTH
  secretion: an acute fall in magnesium stimulates the gland a little (magnesium is a weak agonist
  of the calcium-sensing receptor), chronic depletion takes its secretory capacity away.

The course model runs in days and contains only the chronic effect; the acute receptor effect is
added here, for this figure only, with an illustrative strength (:class:`MgPthParameters`).

Examples
--------
>>> from mgdlearn.plots.feedback import draw_mg_pth_curve
>>> fig, summary = draw_mg_pth_curve()
>>> "acute" in summary and "chronic" in summary
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.model.analysis import gland_pth
from mgdlearn.observations import observation
from mgdlearn.plots.style import PALETTE, color, linestyle, new_figure, style_axes

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from mgdlearn.model import Parameters

__all__ = ["MgPthParameters", "MgPthCurve", "mg_pth_curve", "draw_mg_pth_curve",
           "draw_feedback_loop", "LOOP_SUMMARY"]


def _p(value: float, unit: str, source: str, description: str, evidence: str) -> Any:
    return field(default=value, metadata={"unit": unit, "source": source, "description": description,
                                          "evidence": evidence})


@dataclass(frozen=True)
class MgPthParameters:
    """Numbers behind the biphasic magnesium - PTH figure (each with unit, source, evidence)."""

    casr_mg_weight: float = _p(
        0.15, "(mmol/L Ca)/(mmol/L Mg)", "vetter2002;fatemi1991",
        "Calcium-equivalent of serum magnesium at the parathyroid calcium-sensing receptor: a fall of "
        "1 mmol/L in magnesium looks to the gland like a fall of 0.15 mmol/L in ionized calcium "
        "(magnesium is the weaker agonist). ILLUSTRATIVE: chosen so that, combined with the model's "
        "chronic secretion factor, PTH is about unchanged at 0.61 mmol/L after three weeks of "
        "depletion, as Fatemi 1991 observed.", "emerging")
    calcium_mmol_l: float = _p(
        1.20, "mmol/L", "peterson2010",
        "Ionized calcium held fixed for the curve (the model's calcium set point).", "established")
    fatemi_mg_mmol_l: float = field(
        default_factory=lambda: observation("fatemi1991_after").serum_mg_mmol_l,
        metadata={"unit": "mmol/L", "source": "observations.csv", "evidence": "established",
                  "description": "Serum magnesium after a 3-week low-magnesium diet (Fatemi 1991); PTH fell or "
                                 "did not change in 20 of 26 volunteers."})
    rude_mg_mmol_l: float = field(
        default_factory=lambda: observation("rude1985").serum_mg_mmol_l,
        metadata={"unit": "mmol/L", "source": "observations.csv", "evidence": "established",
                  "description": "Mean serum magnesium of hypocalcaemic, magnesium-deficient patients with "
                                 "inappropriately low PTH (Rude 1985)."})

    def __post_init__(self) -> None:
        require_number(self.casr_mg_weight, "casr_mg_weight", low=0.0, high=1.0, unit="(mmol/L Ca)/(mmol/L Mg)")
        require_number(self.calcium_mmol_l, "calcium_mmol_l", low=0.5, high=2.0, unit="mmol/L")
        for name in ("fatemi_mg_mmol_l", "rude_mg_mmol_l"):
            require_number(getattr(self, name), name, low=0.1, high=2.0, unit="mmol/L")


@dataclass(frozen=True)
class MgPthCurve:
    """PTH secretion against serum magnesium, relative to normal magnesium at the same calcium.

    Attributes
    ----------
    mg : ndarray
        Serum magnesium (mmol/L).
    acute : ndarray
        Minutes to hours: the receptor effect only (secretory capacity intact).
    capacity : ndarray
        The teaching model's chronic magnesium factor on secretion (capacity alone).
    chronic : ndarray
        Weeks: receptor effect times the remaining capacity.
    normal_mg : float
        Serum magnesium at which all three equal 1 (mmol/L).
    params : MgPthParameters
    """

    mg: Any = field(metadata={"unit": "mmol/L"})
    acute: Any = field(metadata={"unit": "1"})
    capacity: Any = field(metadata={"unit": "1"})
    chronic: Any = field(metadata={"unit": "1"})
    normal_mg: float = field(metadata={"unit": "mmol/L"})
    params: MgPthParameters = field(default_factory=MgPthParameters)

    def at(self, serum_mg_mmol_l: float) -> dict[str, float]:
        """The three curves at one magnesium level (linear interpolation)."""
        import numpy as np

        x = require_number(serum_mg_mmol_l, "serum magnesium", low=float(self.mg[0]), high=float(self.mg[-1]),
                           unit="mmol/L")
        return {k: float(np.interp(x, self.mg, getattr(self, k))) for k in ("acute", "capacity", "chronic")}


def mg_pth_curve(mg_low: float = 0.25, mg_high: float = 1.2, points: int = 96,
                 params: MgPthParameters | None = None, model_params: "Parameters | None" = None) -> MgPthCurve:
    """Compute the biphasic magnesium - PTH curves.

    Parameters
    ----------
    mg_low, mg_high : float
        Range of serum magnesium (mmol/L, within 0.1-2.0, low below high).
    points : int
        Number of points (10-1000).
    params : MgPthParameters, optional
        Strength of the receptor effect and the study markers.
    model_params : mgdlearn.model.Parameters, optional
        The teaching model's physiology (set point, sigmoid, chronic magnesium factor).
    """
    import numpy as np

    from mgdlearn.model import Parameters

    lo = require_number(mg_low, "mg_low", low=0.1, high=2.0, unit="mmol/L")
    hi = require_number(mg_high, "mg_high", low=0.1, high=2.0, unit="mmol/L")
    if hi <= lo:
        raise InputError(f"mg_high ({hi:g}) must be above mg_low ({lo:g}) mmol/L.")
    n = require_number(points, "points", low=10, high=1000)
    params = params if params is not None else MgPthParameters()
    if not isinstance(params, MgPthParameters):
        raise InputTypeError(f"params must be MgPthParameters(...) or None; got {type(params).__name__}.")
    model_params = model_params if model_params is not None else Parameters()
    normal = model_params.mg_ref_mmol_l
    ca0 = params.calcium_mmol_l
    mg = np.linspace(lo, hi, int(n))
    ca_seen = np.clip(ca0 - params.casr_mg_weight * (normal - mg), 0.2, 3.0)
    base = float(gland_pth(ca0, normal, model_params))
    acute = gland_pth(ca_seen, normal, model_params) / base
    capacity = gland_pth(ca0, mg, model_params) / base
    chronic = gland_pth(ca_seen, mg, model_params) / base
    return MgPthCurve(mg=mg, acute=acute, capacity=capacity, chronic=chronic, normal_mg=normal, params=params)


def draw_mg_pth_curve(curve: MgPthCurve | None = None, fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Draw the biphasic curve; return ``(figure, summary)``.

    The normal serum magnesium range is shaded; dotted verticals mark the magnesium levels of
    Fatemi 1991 (3-week depletion) and Rude 1985 (severe deficiency).
    """
    from mgdlearn.reference_values import normal_range

    curve = curve if curve is not None else mg_pth_curve()
    if not isinstance(curve, MgPthCurve):
        raise InputTypeError(f"curve must be an MgPthCurve from mg_pth_curve(); got {type(curve).__name__}.")
    if fig is None:
        fig, ax = new_figure(width=7.2, height=4.5)
    else:
        ax = fig.axes[0]
        ax.clear()
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
    ax.text(mx, my, sign, ha="center", va="center", fontsize=11, fontweight="bold", color=color(series), zorder=5)


def _mg_mark(ax: "Axes", x: float, y: float, text: str) -> None:
    ax.text(x, y, text, ha="center", va="center", fontsize=7, zorder=6,
            bbox=dict(boxstyle="round,pad=0.3", facecolor=color("magnesium"), alpha=0.35,
                      edgecolor=PALETTE["blue"], linewidth=0.8))


def draw_feedback_loop(fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Draw the calcium - PTH - calcitriol negative feedback loop with magnesium's points of action.

    Solid arrows with "+" stimulate, dashed bars with "−" inhibit. Blue "Mg" labels mark where
    magnesium is needed: PTH secretion (established, Fatemi 1991, Rude 1985), the tissues' response
    to PTH (established), and CYP27B1 (supported/emerging, Uwitonze & Razzaque 2018).
    """
    if fig is None:
        fig, ax = new_figure(width=7.6, height=4.4)
    else:
        ax = fig.axes[0]
        ax.clear()
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
