"""Lesson 04 figures: when magnesium runs short.

* :func:`draw_dose_response` -- 25(OH)D, calcitriol and calcium against vitamin D intake at
  adequate and low serum magnesium ("supplements that do not work").
* :func:`draw_pth_response` -- PTH, calcitriol and calcium against serum magnesium at the usual
  calcium intake and in a low-calcium challenge, with Fatemi et al. 1991's depletion result.
* :func:`draw_calcification` -- the vascular-calcification teaching indicator (not a clinical score).
* :func:`draw_rickets_case` -- the rickets case re-enacted: vitamin D alone vs with magnesium.

Every function is pure: data from :mod:`mgdlearn.experiments.deficiency` in, ``(figure, summary)``
out; its ``redraw_*`` twin, given its previous drawing, updates the lines in place when the layout
is the same.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from mgdlearn.experiments.deficiency import CaseRuns, Curves
from mgdlearn.model import Parameters
from mgdlearn.model.scenario import INTAKE_LIMITS
from mgdlearn.observations import Observation, observation
from mgdlearn.plots.frame import Drawing, frame_top, nice_ceiling, static
from mgdlearn.plots.style import PALETTE, color, new_figure, style_axes
from mgdlearn.plots.timecourse import redraw_timecourses
from mgdlearn.reference_values import normal_range, rda, ul

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Panel", "draw_dose_response", "redraw_dose_response", "summarize_dose_response", "draw_pth_response",
           "redraw_pth_response", "summarize_pth_response", "draw_calcification", "redraw_calcification",
           "summarize_calcification", "draw_rickets_case", "redraw_rickets_case", "summarize_rickets_case"]

#: Line colours and styles of the settings in a curve figure (Okabe-Ito; a second cue by dashes).
_SETTING_STYLES = ((PALETTE["blue"], "-"), (PALETTE["vermillion"], "--"), (PALETTE["bluish_green"], "-."))


@dataclass(frozen=True)
class Panel:
    """One panel of a curve figure: which model column, its title and unit, an optional band."""

    column: str
    title: str
    unit: str
    band: tuple[float, float] | None = None
    band_label: str = ""
    frame: tuple[float, float] | None = None  # y-range holding every slider setting (grows if exceeded)


def _range(analyte: str, unit: str) -> tuple[float, float]:
    r = normal_range(analyte, unit)
    return r.low, r.high


def _draw_curves(data: Curves, panels: Sequence[Panel], title: str, drawing: Drawing | None,
                 key: str, legend_loc: str) -> tuple[Drawing, list["Axes"], bool]:
    """Draw (or update in place) one panel per column with one line per setting.

    Each panel keeps its ``frame`` (widened in steady steps only by data outside it) and the
    legend its place, so a slider move redraws only the lines (see :mod:`mgdlearn.widgets.live`).
    Returns the drawing, its axes and whether it was newly built (extras are then to be added).
    """
    layout = (key, tuple(p.column for p in panels), tuple(data.curves))
    new = drawing is None or not drawing.fits(layout)
    if new:
        fig, axs = new_figure(1, len(panels), width=3.3 * len(panels) + 0.4, height=3.4)
        axes = list(getattr(axs, "flat", [axs]))
        for ax, panel in zip(axes, panels):
            for (setting, values), (colour, style) in zip(data.curves.items(), _SETTING_STYLES):
                ax.plot(data.x, values[panel.column], color=colour, linestyle=style, label=data.labels[setting])
            if panel.band is not None:
                static(ax.axhspan(*panel.band, color=PALETTE["bluish_green"], alpha=0.12, lw=0,
                                  label=panel.band_label or None))
            style_axes(ax, title=panel.title, xlabel=f"{data.x_label} ({data.x_unit})", ylabel=panel.unit)
        axes[0].legend(loc=legend_loc, fontsize=7)
        fig.suptitle(title, fontweight="bold")
        drawing = Drawing(fig, layout)
    else:
        axes = list(drawing.figure.axes)
        for ax, panel in zip(axes, panels):
            for line, setting in zip(ax.get_lines(), data.curves):
                line.set_data(data.x, data.curves[setting][panel.column])
        for ax in axes:  # the settings' lines come first in every legend
            if ax.get_legend() is not None:
                for text, setting in zip(ax.get_legend().get_texts(), data.curves):
                    text.set_text(data.labels[setting])
    for ax, panel in zip(axes, panels):
        _frame(ax, [data.curves[setting][panel.column] for setting in data.curves], panel.frame)
    return drawing, axes, new


def _frame(ax: "Axes", values: Sequence["object"], frame: tuple[float, float] | None) -> None:
    """Set the y-limits: ``frame``, widened in steady steps to hold ``values``; without a frame,
    from 0 (or the data's floor, when it is far from 0) to a rounded top."""
    import numpy as np

    low_data = float(min(np.nanmin(v) for v in values))
    high_data = float(max(np.nanmax(v) for v in values))
    if frame is None:
        top = nice_ceiling(high_data * 1.05) if high_data > 0 else 0.1
        ax.set_ylim(0.0 if low_data >= 0 else low_data, max(top, 0.1))
        return
    low, high = frame
    if low_data < low:
        low = 0.0 if low_data >= 0 else low_data
    ax.set_ylim(low, frame_top(high, high_data * 1.05))


def _at(data: Curves, setting: str, column: str, x: float) -> float:
    import numpy as np

    return float(np.interp(x, data.x, data.curves[setting][column]))


def _pct(new: float, old: float) -> str:
    if old == 0:
        return "n/a"
    return f"{(new - old) / old * 100:+.0f} %"


# --------------------------------------------------------------------------------------------
# dose-response
def _rda_ul() -> tuple[float, float]:
    return rda("vitamin_d", 30), float(ul("vitamin_d", 30) or 0.0)


def draw_dose_response(data: Curves) -> tuple["Figure", str]:
    """25(OH)D, calcitriol and ionized calcium against vitamin D intake; ``(figure, summary)``."""
    drawing, summary = redraw_dose_response(data)
    return drawing.figure, summary


def redraw_dose_response(data: Curves, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_dose_response`, updating ``drawing`` (of an earlier call) in place."""
    panels = (
        Panel("ohd25_nmol_l", "25(OH)D (status marker)", "nmol/L", _range("25ohd", "nmol/L"), "IOM adequate range",
              frame=(0.0, 200.0)),
        Panel("calcitriol_pmol_l", "Calcitriol (the hormone)", "pmol/L", _range("calcitriol", "pmol/L"),
              frame=(0.0, 200.0)),
        Panel("ca_ion_mmol_l", "Ionized calcium", "mmol/L", _range("ionized_calcium", "mmol/L"), frame=(0.7, 1.4)),
    )
    title = "Vitamin D dose-response at adequate vs low magnesium (teaching model, steady state)"
    drawing, axes, new = _draw_curves(data, panels, title, drawing, "dose", legend_loc="lower right")
    if new:
        rda, ul = _rda_ul()
        for ax in axes:
            static(ax.axvline(rda, color=color("reference"), lw=1, linestyle=":"),
                   ax.axvline(ul, color=color("reference"), lw=1, linestyle="--"))
        static(axes[0].annotate(" RDA", (rda, 0.98), xycoords=("data", "axes fraction"), fontsize=7, ha="left",
                                va="top"),
               axes[0].annotate("UL ", (ul, 0.98), xycoords=("data", "axes fraction"), fontsize=7, ha="right",
                                va="top"))
    return drawing, summarize_dose_response(data)


def summarize_dose_response(data: Curves) -> str:
    """One paragraph: 25(OH)D at the RDA and UL, the rise over the range, calcitriol and calcium."""
    rda, ul = _rda_ul()
    s = data.settings
    lo, ok = "low", "adequate"
    h = {k: (_at(data, k, "ohd25_nmol_l", rda), _at(data, k, "ohd25_nmol_l", ul)) for k in (ok, lo)}
    rise = {k: float(data.curves[k]["ohd25_nmol_l"][-1] - data.curves[k]["ohd25_nmol_l"][0]) for k in (ok, lo)}
    less = (1 - rise[lo] / rise[ok]) * 100 if rise[ok] else 0.0
    c = {k: (float(min(data.curves[k]["calcitriol_pmol_l"])), float(max(data.curves[k]["calcitriol_pmol_l"])))
         for k in (ok, lo)}
    ca = {k: float(data.curves[k]["ca_ion_mmol_l"][-1]) for k in (ok, lo)}
    low_mg, good_mg = s["low_mg_mmol_l"], s["adequate_mg_mmol_l"]
    return (f"Teaching model at steady state, serum magnesium held at {good_mg:.2f} (adequate) or {low_mg:.2f} "
            f"mmol/L (low); background vitamin D {s['sun_iu_per_day']:.0f} IU/day, body mass {s['body_mass_kg']:.0f} "
            f"kg. At the adult RDA of {rda:.0f} IU/day, 25(OH)D is {h[ok][0]:.0f} nmol/L with adequate and "
            f"{h[lo][0]:.0f} nmol/L with low magnesium; at the UL of {ul:,.0f} IU/day, {h[ok][1]:.0f} vs "
            f"{h[lo][1]:.0f} nmol/L. Over 0-{data.x[-1]:,.0f} IU/day 25(OH)D rises by {rise[ok]:.0f} vs "
            f"{rise[lo]:.0f} nmol/L ({less:.0f} % less at low magnesium). Calcitriol stays between "
            f"{c[ok][0]:.0f} and {c[ok][1]:.0f} pmol/L with adequate magnesium and between {c[lo][0]:.0f} and "
            f"{c[lo][1]:.0f} pmol/L with low magnesium: more vitamin D does not restore it. Ionized calcium at "
            f"the highest intake: {ca[ok]:.2f} vs {ca[lo]:.2f} mmol/L.")


# --------------------------------------------------------------------------------------------
# PTH response
def _fatemi() -> tuple[Observation, Observation]:
    """Fatemi 1991's calcitriol before and after three weeks of magnesium depletion."""
    return observation("fatemi1991_before"), observation("fatemi1991_after")


def _fatemi_scaled(data: Curves) -> tuple[list[float], list[float]]:
    """Fatemi 1991's calcitriol means, scaled so 'before' sits on the model's usual-calcium curve."""
    pts = _fatemi()
    before = pts[0]
    scale = _at(data, "usual", "calcitriol_pmol_l", before.serum_mg_mmol_l) / before.value
    return [o.serum_mg_mmol_l for o in pts], [o.value * scale for o in pts]


def draw_pth_response(data: Curves) -> tuple["Figure", str]:
    """PTH, calcitriol and ionized calcium against serum magnesium; ``(figure, summary)``."""
    drawing, summary = redraw_pth_response(data)
    return drawing.figure, summary


def redraw_pth_response(data: Curves, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_pth_response`, updating ``drawing`` (of an earlier call) in place."""
    panels = (
        Panel("pth_pmol_l", "PTH", "pmol/L", _range("pth", "pmol/L"), "normal range", frame=(0.0, 10.0)),
        Panel("calcitriol_pmol_l", "Calcitriol", "pmol/L", frame=(0.0, 150.0)),
        Panel("ca_ion_mmol_l", "Ionized calcium", "mmol/L", _range("ionized_calcium", "mmol/L"), frame=(0.4, 1.4)),
    )
    title = "PTH response to low calcium, by serum magnesium (teaching model, steady state)"
    drawing, axes, new = _draw_curves(data, panels, title, drawing, "pth", legend_loc="lower right")
    fx, fy = _fatemi_scaled(data)
    if new:
        (fatemi,) = axes[1].plot(fx, fy, "s-", color=PALETTE["black"], ms=5, lw=1,
                                 label="Fatemi 1991 (relative fall, scaled)")
        marks = [ax.axvline(data.marker, color=color("reference"), lw=1, linestyle=":") for ax in axes]
        axes[1].legend(loc="lower right", fontsize=7)
        drawing.handles.update(fatemi=fatemi, marks=marks)
    else:
        drawing.handles["fatemi"].set_data(fx, fy)
        for m in drawing.handles["marks"]:
            m.set_xdata([data.marker, data.marker])
    return drawing, summarize_pth_response(data)


def summarize_pth_response(data: Curves) -> str:
    """One paragraph: the challenge's effect at the chosen and at adequate magnesium, and Fatemi 1991."""
    s = data.settings
    mark, good = s["serum_mg_mmol_l"], s["adequate_mg_mmol_l"]

    def effect(mg: float) -> str:
        p0, p1 = _at(data, "usual", "pth_pmol_l", mg), _at(data, "challenge", "pth_pmol_l", mg)
        c0, c1 = _at(data, "usual", "calcitriol_pmol_l", mg), _at(data, "challenge", "calcitriol_pmol_l", mg)
        a0, a1 = _at(data, "usual", "ca_ion_mmol_l", mg), _at(data, "challenge", "ca_ion_mmol_l", mg)
        return (f"PTH {p0:.1f} \u2192 {p1:.1f} pmol/L (a rise of {p1 - p0:.1f} pmol/L), calcitriol {c0:.0f} \u2192 "
                f"{c1:.0f} pmol/L ({_pct(c1, c0)}), ionized calcium {a0:.2f} \u2192 {a1:.2f} mmol/L")

    lowest = float(data.x[0])
    p_low = _at(data, "challenge", "pth_pmol_l", lowest)
    rise_low = p_low - _at(data, "usual", "pth_pmol_l", lowest)
    before, after = _fatemi()
    c_before = _at(data, "usual", "calcitriol_pmol_l", before.serum_mg_mmol_l)
    c_after = _at(data, "usual", "calcitriol_pmol_l", after.serum_mg_mmol_l)
    fall = (before.value - after.value) / before.value * 100
    return (f"Teaching model at steady state, serum magnesium held fixed. Lowering calcium intake from "
            f"{s['usual_calcium_mg_per_day']:.0f} to {s['calcium_mg_per_day']:.0f} mg/day at serum magnesium "
            f"{mark:.2f} mmol/L: {effect(mark)}. At {good:.2f} mmol/L (adequate): {effect(good)}. At "
            f"{lowest:.2f} mmol/L PTH reaches only {p_low:.1f} pmol/L even in the challenge (a rise of "
            f"{rise_low:.1f} pmol/L). Fatemi 1991 measured "
            f"calcitriol falling {fall:.0f} % when serum magnesium fell from {before.serum_mg_mmol_l:.2f} to "
            f"{after.serum_mg_mmol_l:.2f} mmol/L over three weeks; the "
            f"model gives {_pct(c_after, c_before)} at the usual calcium intake.")


# --------------------------------------------------------------------------------------------
# calcification teaching indicator
def _vc_threshold() -> float:
    return Parameters().vc_ca_threshold_mmol_l


def _ohd25_caution() -> float:
    return INTAKE_LIMITS["ohd25_high_nmol_l"][0]


def draw_calcification(data: Curves) -> tuple["Figure", str]:
    """25(OH)D, ionized calcium and the teaching indicator against vitamin D intake."""
    drawing, summary = redraw_calcification(data)
    return drawing.figure, summary


def redraw_calcification(data: Curves, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_calcification`, updating ``drawing`` (of an earlier call) in place."""
    panels = (
        Panel("ohd25_nmol_l", "25(OH)D", "nmol/L", frame=(0.0, 800.0)),
        Panel("ca_ion_mmol_l", "Ionized calcium", "mmol/L", _range("ionized_calcium", "mmol/L"), "normal range",
              frame=(0.8, 2.0)),
        Panel("vc_indicator", "Teaching indicator (not clinical)", "indicator (dimensionless)", frame=(0.0, 4.0)),
    )
    title = "Vascular-calcification teaching indicator vs vitamin D intake (teaching model)"
    drawing, axes, new = _draw_curves(data, panels, title, drawing, "vc", legend_loc="upper left")
    if new:
        _, ul = _rda_ul()
        static(axes[0].axhline(_ohd25_caution(), color=color("reference"), lw=1, linestyle="--"),
               axes[0].annotate(f"{_ohd25_caution():g} nmol/L: possible harm (IOM)", (0.02, _ohd25_caution()),
                                xycoords=("axes fraction", "data"), fontsize=7, va="bottom"),
               axes[1].axhline(_vc_threshold(), color=color("reference"), lw=1, linestyle="--"),
               axes[1].annotate("indicator threshold", (0.02, _vc_threshold()), xycoords=("axes fraction", "data"),
                                fontsize=7, va="bottom"),
               axes[2].annotate("above the UL", (ul, 0.95), xycoords=("data", "axes fraction"), fontsize=7))
        for ax in axes:
            static(ax.axvspan(ul, float(data.x[-1]), color=PALETTE["orange"], alpha=0.08, lw=0))
    return drawing, summarize_calcification(data)


def _first_above(data: Curves, setting: str) -> float | None:
    values = data.curves[setting]["vc_indicator"]
    for x, v in zip(data.x, values):
        if v > 0:
            return float(x)
    return None


def summarize_calcification(data: Curves) -> str:
    """One paragraph: where the indicator starts, its values at the top dose, and what drives it."""
    s = data.settings
    _, ul = _rda_ul()
    other, good = s["serum_mg_mmol_l"], s["adequate_mg_mmol_l"]
    parts = []
    for key, mg in (("adequate", good), ("other", other)):
        x = _first_above(data, key)
        if x is None:
            parts.append(f"at serum magnesium {mg:.2f} mmol/L it stays at 0 up to {data.x[-1]:,.0f} IU/day")
        else:
            h = _at(data, key, "ohd25_nmol_l", x)
            parts.append(f"at serum magnesium {mg:.2f} mmol/L it first rises above 0 at {x:,.0f} IU/day "
                         f"(25(OH)D {h:.0f} nmol/L)")
    top_ok = float(data.curves["adequate"]["vc_indicator"][-1])
    top_other = float(data.curves["other"]["vc_indicator"][-1])
    ca_ok = float(data.curves["adequate"]["ca_ion_mmol_l"][-1])
    ca_other = float(data.curves["other"]["ca_ion_mmol_l"][-1])
    if top_other > top_ok:
        why = ("Here it is higher at the other magnesium level: the indicator multiplies the calcium excess by "
               f"{good:.2f} / serum Mg, an assumption taken from laboratory studies.")
    elif top_other < top_ok:
        why = ("Here it is lower at the other magnesium level: "
               + ("low magnesium also weakens PTH and calcitriol, so calcium rises less and there is less excess "
                  "to count." if other < good else "the indicator divides by serum magnesium, so more magnesium "
                                                   "shrinks it."))
    else:
        why = "Here both are equal."
    return (f"Teaching indicator, not a clinical score: it counts ionized calcium above {_vc_threshold():.2f} mmol/L "
            f"and scales it by {good:.2f} / serum Mg. With {s['calcium_mg_per_day']:.0f} mg/day calcium, "
            + "; ".join(parts) + f". At {data.x[-1]:,.0f} IU/day it is {top_ok:.2f} vs {top_other:.2f} (ionized "
            f"calcium {ca_ok:.2f} vs {ca_other:.2f} mmol/L). {why} In the model the indicator moves only when "
            f"vitamin D excess pushes calcium up; intakes above {ul:,.0f} IU/day exceed the UL (IOM 2011), so "
            "that part is a thought experiment about toxicity, not a plan.")


# --------------------------------------------------------------------------------------------
# the rickets case
RICKETS_COLUMNS: tuple[str, ...] = ("mg_serum_mmol_l", "ohd25_nmol_l", "calcitriol_pmol_l", "ca_ion_mmol_l",
                                    "pth_pmol_l")


#: Fixed frames of the rickets panels: they hold every run the sliders offer (at most about 0.86
#: mmol/L magnesium, 162 nmol/L 25(OH)D, 104 pmol/L calcitriol, 1.16 mmol/L calcium, 7.7 pmol/L
#: PTH) and the normal ranges, so a move redraws only the lines and moves compare by eye.
RICKETS_YLIMS = {"mg_serum_mmol_l": (0.0, 1.0), "ohd25_nmol_l": (0.0, 200.0), "calcitriol_pmol_l": (0.0, 125.0),
                 "ca_ion_mmol_l": (0.6, 1.4), "pth_pmol_l": (0.0, 20.0)}


def draw_rickets_case(data: CaseRuns) -> tuple["Figure", str]:
    """Time courses of the two treatment runs with the day magnesium starts marked."""
    drawing, summary = redraw_rickets_case(data)
    return drawing.figure, summary


def redraw_rickets_case(data: CaseRuns, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_rickets_case`, updating ``drawing`` (of an earlier call) in place."""
    bands = {"mg_serum_mmol_l": _range("serum_mg", "mmol/L"), "ca_ion_mmol_l": _range("ionized_calcium", "mmol/L"),
             "ohd25_nmol_l": _range("25ohd", "nmol/L"), "pth_pmol_l": _range("pth", "pmol/L")}
    title = "Vitamin-D-resistant rickets re-enacted: vitamin D alone vs with magnesium (teaching model)"
    drawing = redraw_timecourses(data.runs, RICKETS_COLUMNS, title=title, drawing=drawing, bands=bands, ncols=3,
                                 ylims=RICKETS_YLIMS)
    h = drawing.handles
    if "start lines" in h:
        for line in h["start lines"]:
            line.set_xdata([data.mg_start_day, data.mg_start_day])
        h["start label"].set_x(data.mg_start_day)
    else:
        fig = drawing.figure
        h["start lines"] = [ax.axvline(data.mg_start_day, color=color("reference"), lw=1, linestyle=":")
                            for ax in fig.axes if ax.get_visible()]
        h["start label"] = fig.axes[0].annotate(
            " magnesium starts", (data.mg_start_day, 0.98), xycoords=("data", "axes fraction"), fontsize=7, ha="left",
            va="top")
    return drawing, summarize_rickets_case(data)


def summarize_rickets_case(data: CaseRuns) -> str:
    """One paragraph: untreated state, vitamin D alone, and with magnesium (when calcium normalises)."""
    alone, both = data.runs["vitamin D alone"], data.runs["vitamin D + magnesium"]
    low_ca = _range("ionized_calcium", "mmol/L")[0]
    f0 = alone.iloc[0]
    a, b = alone.iloc[-1], both.iloc[-1]
    after = both.loc[both.index >= data.mg_start_day, "ca_ion_mmol_l"]
    normal_days = after[after.round(2) >= low_ca]
    if data.magnesium_mg_per_day == 0:
        when = " No magnesium is added, so both runs are the same."
    else:
        start = int(data.mg_start_day)
        week = min(start + 7, data.days)
        ca0 = float(both["ca_ion_mmol_l"].loc[start])
        ca7 = float(both["ca_ion_mmol_l"].loc[week])
        when = (f" In the {week - start} days after magnesium starts, ionized calcium goes from {ca0:.2f} to "
                f"{ca7:.2f} mmol/L")
        if len(normal_days):
            when += f"; it is in the normal range ({low_ca:.2f} mmol/L or more) from day {int(normal_days.index[0])}."
        else:
            when += f"; it does not reach the normal range ({low_ca:.2f} mmol/L) within {data.days} days."
    note = (" Note: " + " ".join(data.warnings)) if data.warnings else ""
    return (f"Teaching model, an adult-sized ({data.case.body_mass_kg:.0f} kg) re-enactment of the case series, not "
            f"the patients' data. Untreated: serum magnesium {f0['mg_serum_mmol_l']:.2f} mmol/L, 25(OH)D "
            f"{f0['ohd25_nmol_l']:.0f} nmol/L, calcitriol {f0['calcitriol_pmol_l']:.0f} pmol/L, ionized calcium "
            f"{f0['ca_ion_mmol_l']:.2f} mmol/L. With {data.vitamin_d_iu_per_day:,.0f} IU/day vitamin D alone, after "
            f"{data.days} days 25(OH)D is {a['ohd25_nmol_l']:.0f} nmol/L but calcitriol is {a['calcitriol_pmol_l']:.0f} "
            f"pmol/L and ionized calcium {a['ca_ion_mmol_l']:.2f} mmol/L. With {data.magnesium_mg_per_day:.0f} mg/day "
            f"magnesium added from day {data.mg_start_day:.0f}: serum magnesium {b['mg_serum_mmol_l']:.2f} mmol/L, "
            f"25(OH)D {b['ohd25_nmol_l']:.0f} nmol/L, calcitriol {b['calcitriol_pmol_l']:.0f} pmol/L, ionized calcium "
            f"{b['ca_ion_mmol_l']:.2f} mmol/L, PTH {b['pth_pmol_l']:.1f} pmol/L.{when}{note}")
