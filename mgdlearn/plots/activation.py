"""Lesson 01's explorer figure: 25(OH)D and calcitriol over time at two magnesium levels, and the
pathway at the end of the chosen run (the data of :mod:`mgdlearn.experiments.activation`).

Examples
--------
>>> from mgdlearn.experiments.activation import compute
>>> from mgdlearn.plots.activation import draw_activation
>>> fig, summary = draw_activation(compute(serum_mg=0.45, vitd_iu_per_day=1000))
>>> "25(OH)D" in summary
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from mgdlearn.errors import InputTypeError
from mgdlearn.experiments.activation import CHOSEN, COLUMNS, NORMAL, ActivationData
from mgdlearn.plots.frame import Drawing, frame_top, static
from mgdlearn.plots.pathway import draw_pathway_on, summarize_pathway
from mgdlearn.plots.style import PALETTE, apply_style, style_axes
from mgdlearn.plots.timecourse import RUN_STYLES, quantity, summarize_runs
from mgdlearn.reference_values import normal_range

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["TIME_AXIS_DAYS", "Y_TOPS", "draw_activation", "redraw_activation", "summarize_activation"]

#: Length of the time axis: the run-length slider's maximum.
TIME_AXIS_DAYS = 730
#: Tops of the y-axes: above every setting of the sliders (at most about 126 nmol/L and 99 pmol/L)
#: and the normal ranges; larger values (other inputs, from code) widen the axis.
Y_TOPS: Mapping[str, float] = {"ohd25_nmol_l": 150.0, "calcitriol_pmol_l": 200.0}


def _new_figure() -> "Figure":
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with apply_style():
        fig = Figure(figsize=(9.6, 7.0), layout="constrained")
        FigureCanvasAgg(fig)
        fig.subplot_mosaic([["ohd25_nmol_l", "calcitriol_pmol_l"], ["pathway", "pathway"]],
                           height_ratios=[1.0, 1.35])
    return fig


def _bands() -> dict[str, tuple[float, float]]:
    h = normal_range("25ohd", "nmol/L")
    c = normal_range("calcitriol", "pmol/L")
    return {"ohd25_nmol_l": (h.low, h.high), "calcitriol_pmol_l": (c.low, c.high)}


def draw_activation(data: ActivationData) -> tuple["Figure", str]:
    """Draw the time courses and the end-of-run pathway.

    Returns
    -------
    (Figure, str)
        The figure and a one-paragraph summary (start and end values of both runs, the pathway at
        the end, and any intake warnings).
    """
    drawing, summary = redraw_activation(data)
    return drawing.figure, summary


def redraw_activation(data: ActivationData, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_activation`, updating ``drawing`` (of an earlier call) in place."""
    if not isinstance(data, ActivationData):
        raise InputTypeError(f"draw needs the ActivationData returned by compute(...); got {type(data).__name__}.")
    if drawing is None or not drawing.fits("activation"):
        fig = _new_figure()
        bands = _bands()
        axes = {ax.get_label(): ax for ax in fig.axes}
        for column in COLUMNS:
            ax = axes[column]
            q = quantity(column)
            for label, (colour, style) in zip((CHOSEN, NORMAL), RUN_STYLES):
                ax.plot([], [], color=colour, linestyle=style, label=label)
            low, high = bands[column]
            static(ax.axhspan(low, high, color=PALETTE["bluish_green"], alpha=0.12, lw=0, label="normal range"))
            style_axes(ax, title=f"{q.label} (teaching model)", xlabel="time (days)", ylabel=f"{q.label} ({q.unit})")
        axes[COLUMNS[0]].legend(loc="best")
        fig.suptitle("Magnesium status and vitamin D intake: teaching-model time courses", fontweight="bold")
        drawing = Drawing(fig, "activation", {"axes": axes, "pathway": None})
    axes = drawing.handles["axes"]
    for column in COLUMNS:
        ax = axes[column]
        top = 0.0
        for line, label in zip(ax.lines, (CHOSEN, NORMAL)):
            df = data.runs[label]
            line.set_data(df.index.to_numpy(), df[column].to_numpy())
            top = max(top, float(df[column].max()))
        # fixed frames (the time axis spans the longest run the slider offers; the y-axes every
        # setting and the normal ranges): a move redraws only the lines, and moves compare by eye
        ax.set_ylim(0, frame_top(Y_TOPS[column], top * 1.05))
        ax.set_xlim(0, max(TIME_AXIS_DAYS, len(data.runs[CHOSEN]) - 1))
    # a fixed title (the setting is on the sliders and in the caption): fewer glyphs per redraw
    # compact: the concentrations are in the time courses above and the ratios in the arrow widths
    # (and both in the caption), so a move renders fewer numbers
    drawing.handles["pathway"] = draw_pathway_on(
        axes["pathway"], data.end, data.reference, compact=True, panel=drawing.handles["pathway"],
        title="The pathway on the last day of the chosen run (arrow width: flux relative to the reference adult)")
    return drawing, summarize_activation(data)


def summarize_activation(data: ActivationData) -> str:
    """The explorer's text summary (what a screen reader reads, what nbval compares)."""
    runs = {f"{CHOSEN}, {data.serum_mg:.2f} mmol/L": data.runs[CHOSEN],
            f"{NORMAL}, {data.normal_mg:.2f} mmol/L": data.runs[NORMAL]}
    skin = (f" plus {data.skin_iu_per_day:,.0f} IU/day from skin" if data.skin_iu_per_day
            else " and no vitamin D from skin")
    text = (f"Teaching model, {data.vitd_iu_per_day:,.0f} IU/day oral vitamin D{skin}. "
            + summarize_runs(runs, COLUMNS) + " Pathway at the end, relative to the reference adult: "
            + summarize_pathway(data.end, data.reference))
    if data.warnings:
        text += " Note: " + " ".join(data.warnings)
    return text
