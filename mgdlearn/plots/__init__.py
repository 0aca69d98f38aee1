"""Course figures. :mod:`mgdlearn.plots.style` holds the one course style, :mod:`mgdlearn.plots.png`
the PNG encoder and :mod:`mgdlearn.plots.frame` the frame helpers; the other modules of this package
draw the data of :mod:`mgdlearn.experiments` (each returns the figure and a text summary)."""
from mgdlearn.plots.style import (
    PALETTE,
    SERIES,
    apply_style,
    color,
    figure_bundle,
    figure_png,
    linestyle,
    new_figure,
    show_figure,
    style_axes,
)

__all__ = [
    "PALETTE", "SERIES", "apply_style", "color", "figure_bundle", "figure_png", "linestyle",
    "new_figure", "show_figure", "style_axes",
]
