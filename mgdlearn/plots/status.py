"""Where a 25(OH)D result falls among the status categories (start page, lesson 01)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mgdlearn.errors import InputTypeError
from mgdlearn.experiments.status import StatusData
from mgdlearn.plots.frame import Drawing, static
from mgdlearn.plots.style import PALETTE, apply_style, new_figure, style_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["draw_25ohd_status", "redraw_25ohd_status", "summarize_25ohd_status"]

#: Category colours, light to dark, and hatches so the bands differ without colour too.
_BAND_STYLE = {
    "deficient": (PALETTE["vermillion"], "xx"), "deficiency": (PALETTE["vermillion"], "xx"),
    "inadequate": (PALETTE["orange"], "//"), "insufficiency": (PALETTE["orange"], "//"),
    "adequate": (PALETTE["bluish_green"], ""), "sufficiency": (PALETTE["bluish_green"], ""),
    "high": (PALETTE["reddish_purple"], ".."),
}
_SCHEME_NAMES = {"IOM": "IOM 2011 / NIH ODS", "ES2011": "Endocrine Society 2011"}


def draw_25ohd_status(data: StatusData) -> tuple["Figure", str]:
    """Draw the status bands of the result's scheme and unit with a marker at the result.

    Returns the figure and a summary naming the value in both units and its category.
    """
    drawing, summary = redraw_25ohd_status(data)
    return drawing.figure, summary


def redraw_25ohd_status(data: StatusData, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_25ohd_status`, updating ``drawing`` (of an earlier call) in place."""
    if not isinstance(data, StatusData):
        raise InputTypeError(f"the status figure needs the StatusData of experiments.status.compute(); "
                             f"got {type(data).__name__}.")
    value, unit, scheme = data.value, data.unit, data.scheme
    # one frame per unit: a move never redraws the frame; a result beyond it is pinned to the edge
    # and labelled with its value
    top = 80.0 if unit == "ng/mL" else 200.0
    if drawing is None or not drawing.fits((scheme, unit)):
        with apply_style():
            if drawing is None:
                fig, ax = new_figure(width=7.0, height=1.9)
            else:
                fig = drawing.figure
                ax = fig.axes[0]
                ax.clear()
            for band in data.bands:
                high = min(band.high, top)
                colour, hatch = _BAND_STYLE.get(band.category, (PALETTE["sky_blue"], ""))
                static(ax.axvspan(band.low, high, color=colour, alpha=0.25, hatch=hatch, lw=0),
                       ax.text((band.low + high) / 2, 0.8, band.category, ha="center", va="center", fontsize=8))
            line = ax.axvline(value, color=PALETTE["black"], lw=2.5)
            (marker,) = ax.plot([value], [0.35], marker="v", color=PALETTE["black"], markersize=10)
            beyond = ax.text(top, 0.35, "", ha="right", va="center", fontsize=8,
                             bbox=dict(boxstyle="round,pad=0.2", facecolor="white", lw=0))
            ax.set_xlim(0, top)
            ax.set_ylim(0, 1)
            ax.set_yticks([])
            ax.grid(False)
            style_axes(ax, title=f"25(OH)D status ({_SCHEME_NAMES.get(scheme, scheme)})",
                       xlabel=f"serum 25(OH)D ({unit})", ylabel="")
        drawing = Drawing(fig, (scheme, unit), {"line": line, "marker": marker, "beyond": beyond})
    h = drawing.handles
    shown = min(value, 0.99 * top)  # just inside the frame when off the scale
    h["line"].set_xdata([shown, shown])
    h["marker"].set_xdata([shown])
    h["beyond"].set_text(f"{value:g} {unit}, off the scale → " if value > top else "")
    return drawing, summarize_25ohd_status(data)


def summarize_25ohd_status(data: StatusData) -> str:
    """The explorer's caption: the value in both units and its category."""
    result = data.classification
    return (f"{data.value:g} {data.unit} of 25(OH)D is {data.other_value:.1f} {data.other_unit}: "
            f"'{result.category}' in the {_SCHEME_NAMES.get(data.scheme, data.scheme)} scheme "
            f"({result.range_text.split(';')[0]}).")
