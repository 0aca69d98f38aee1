"""Where a 25(OH)D result falls among the status categories (start page, lesson 01)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mgdlearn.plots.style import PALETTE, apply_style, new_figure, style_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

#: Category colours, light to dark, and hatches so the bands differ without colour too.
_BAND_STYLE = {
    "deficient": (PALETTE["vermillion"], "xx"), "deficiency": (PALETTE["vermillion"], "xx"),
    "inadequate": (PALETTE["orange"], "//"), "insufficiency": (PALETTE["orange"], "//"),
    "adequate": (PALETTE["bluish_green"], ""), "sufficiency": (PALETTE["bluish_green"], ""),
    "high": (PALETTE["reddish_purple"], ".."),
}
_SCHEME_NAMES = {"IOM": "IOM 2011 / NIH ODS", "ES2011": "Endocrine Society 2011"}


def draw_25ohd_status(value: float, unit: str = "ng/mL", scheme: str = "IOM",
                      fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Draw the status bands of ``scheme`` in ``unit`` with a marker at ``value``.

    Returns the figure and a summary naming the value in both units and its category.
    Raises ``ValueError``/``TypeError`` (from :mod:`mgdlearn.reference_values`) for bad input.
    """
    from mgdlearn.plots.fastpng import static
    from mgdlearn.reference_values import bands, classify_25ohd
    from mgdlearn.units import convert

    result = classify_25ohd(value, unit=unit, scheme=scheme)
    other = "nmol/L" if unit == "ng/mL" else "ng/mL"
    other_value = convert(value, unit, other, analyte="25ohd")
    scale = bands("25ohd", scheme=scheme, unit=unit)

    # one frame per unit: a move never redraws the frame; a result beyond it is pinned to the edge
    # and labelled with its value
    top = 80.0 if unit == "ng/mL" else 200.0
    if fig is None or getattr(fig, "_mgd_status", None) != (scheme, unit):
        with apply_style():
            if fig is None:
                fig, ax = new_figure(width=7.0, height=1.9)
            else:
                ax = fig.axes[0]
                ax.clear()
            for band in scale:
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
        fig._mgd_status = (scheme, unit)  # type: ignore[attr-defined]
        fig._mgd_status_marks = (line, marker, beyond)  # type: ignore[attr-defined]
    line, marker, beyond = fig._mgd_status_marks  # type: ignore[attr-defined]
    shown = min(value, 0.99 * top)  # just inside the frame when off the scale
    line.set_xdata([shown, shown])
    marker.set_xdata([shown])
    beyond.set_text(f"{value:g} {unit}, off the scale → " if value > top else "")
    return fig, _summary(value, unit, other_value, other, result, scheme)


def _summary(value: float, unit: str, other_value: float, other: str, result: Any, scheme: str) -> str:
    """The explorer's caption: the value in both units and its category."""
    return (f"{value:g} {unit} of 25(OH)D is {other_value:.1f} {other}: "
            f"'{result.category}' in the {_SCHEME_NAMES.get(scheme, scheme)} scheme "
            f"({result.range_text.split(';')[0]}).")
