"""Frames that hold still, and the handles of a drawn figure.

A slider move changes the data of a figure, rarely its frame (axes, limits, tick labels, titles,
legends); a live redraw (:mod:`mgdlearn.widgets.live`) keeps the frame as a background image and
draws only the data, so the plot modules keep their frames still with these helpers:

* :func:`static` marks artists that never change (a reference band, a box, a fixed label): they go
  into the background instead of being drawn on every move;
* :func:`frame_top` and :func:`nice_ceiling` give data-dependent axis limits in steady steps;
* :func:`steady_limits` rounds autoscaled limits outwards, for the few axes left to autoscaling;
* :class:`Drawing` is what every redraw function returns: the figure, what it was built for and the
  artists a later redraw updates in place (never attributes on the Figure).

Examples
--------
>>> from mgdlearn.plots.frame import frame_top, nice_ceiling
>>> nice_ceiling(212.0), frame_top(250.0, 212.0), frame_top(250.0, 260.0)
(250.0, 250.0, 300.0)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Hashable

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure

__all__ = ["STATIC", "Drawing", "static", "nice_ceiling", "frame_top", "steady_limits"]

#: ``artist.set_gid(STATIC)`` (or :func:`static`) marks an artist that never changes between
#: redraws (a box, a reference line, a fixed label): it is kept in the background image instead of
#: being drawn again on every move.
STATIC = "mgd-static"


def static(*artists: "Artist") -> None:
    """Mark ``artists`` as never changing: live redraws keep them in the background image."""
    for artist in artists:
        artist.set_gid(STATIC)


@dataclass(eq=False)
class Drawing:
    """A drawn figure and the handles a later redraw needs to update it in place.

    Attributes
    ----------
    figure : Figure
        The matplotlib figure.
    layout : hashable
        What the figure was built for (panels, settings): a redraw whose data need another layout
        builds a new figure instead of updating this one.
    handles : dict
        The artists a redraw updates, by name (lines, marks, texts).
    """

    figure: "Figure"
    layout: Hashable = None
    handles: dict[str, Any] = field(default_factory=dict)

    def fits(self, layout: Hashable) -> bool:
        """Whether this drawing was built for ``layout`` (and can be updated in place)."""
        return self.layout == layout


def _nice_step(span: float) -> float:
    raw = span / 2.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover


def nice_ceiling(value: float) -> float:
    """Round ``value`` up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten.

    Explorers use it for data-dependent axis limits, so that a small slider move keeps the frame
    (and the redraw stays fast) while the data still fill the axes.
    """
    if not (math.isfinite(value) and value > 0):
        return value
    magnitude = 10 ** math.floor(math.log10(value))
    for factor in (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if factor * magnitude >= value * (1 - 1e-12):
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover


def frame_top(fixed: float, data_max: float) -> float:
    """The top of an explorer's fixed frame: ``fixed`` while the data stay below it, else the data's
    :func:`nice_ceiling` (so an extreme setting widens the frame in steady steps)."""
    return fixed if data_max <= fixed else nice_ceiling(data_max)


def steady_limits(fig: "Figure", previous: dict[int, tuple[float, float]] | None = None) -> dict[int, tuple[float, float]]:
    """Round autoscaled y-limits outwards to coarse steps, so that small moves keep the same frame.

    Only axes still under autoscaling are touched; limits an explorer set itself stay as they are.
    With ``previous`` (the limits of the last redraw) the frame only grows while the data still
    fill at least a quarter of it, so sliding back and forth does not re-frame the plot each time.
    Returns the limits used, by axes index.
    """
    used: dict[int, tuple[float, float]] = {}
    for index, ax in enumerate(fig.axes):
        if not ax.get_visible() or not ax.get_autoscaley_on() or ax.get_yscale() not in ("linear", "log"):
            continue
        low, high = ax.get_ylim()
        if ax.get_yscale() == "log":
            if not (low > 0 and high > low):
                continue
            new_low, new_high = 10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high))
        else:
            span = max(high - low, 0.1 * max(abs(low), abs(high)))
            if not (math.isfinite(span) and span > 0):
                continue
            step = _nice_step(span)
            new_low = math.floor(low / step) * step
            new_high = math.ceil(high / step) * step
            if low >= 0 > new_low:
                new_low = 0.0
        if previous and index in previous:
            old_low, old_high = previous[index]
            union = (min(old_low, new_low), max(old_high, new_high))
            if (new_high - new_low) >= 0.25 * (union[1] - union[0]):
                new_low, new_high = union
        ax.set_ylim(new_low, new_high, auto=None)
        used[index] = (new_low, new_high)
    return used
