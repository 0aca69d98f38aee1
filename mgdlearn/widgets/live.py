"""Live redraws of an explorer's figure: a kept background, and only the data drawn on each move.

Moving a slider changes the data of a figure, rarely its frame (axes, limits, tick labels,
titles, legends). Rendering text is most of matplotlib's drawing time, so a :class:`LiveFigure`
draws the frame once, keeps it as a background image, and on later moves restores it and draws
only the data on top: matplotlib's blitting, on its public API. The data artists are marked
``set_animated(True)`` while the background is drawn (so :meth:`Figure.draw` leaves them out),
the background is kept with ``canvas.copy_from_bbox`` and put back with ``canvas.restore_region``,
and each move draws the data with ``Figure.draw_artist``.

What is drawn on every move and what stays in the background follows simple rules, so the cost of
a move is predictable:

* **Data** - the lines, collections, patches, texts and images of each axes - are drawn on every
  move, unless marked with :func:`mgdlearn.plots.frame.static` (a reference band, a box, a fixed
  label), which puts them into the background.
* **Decorations** - axes titles, the figure's own texts (its title) and legends - are part of the
  background while they stay the same. One that changes is from then on drawn on every move like
  the data (the background is drawn once more without it), so a figure whose title follows a
  slider costs one extra frame, not one per move.
* **The frame** - axes, limits, scales, ticks, labels - is the background. When it changes the
  background is drawn again, or taken from the last few frames if the figure returns to one.

The picture is therefore always that of a full render, up to the stacking order of static and
data artists (data is drawn over the background; unchanged legends are laid back on top). All
that is kept between moves lives in the :class:`LiveFigure` (one per figure), never on the figure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mgdlearn.plots.frame import STATIC, steady_limits
from mgdlearn.plots.png import encode_png
from mgdlearn.plots.style import apply_style

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = ["KEPT_FRAMES", "Frame", "LiveFigure", "layout_of"]

#: Frames remembered per figure besides the current one: sliding back to an earlier frame (an
#: axis that grew and shrinks again) reuses its background instead of drawing it anew.
KEPT_FRAMES = 2


@dataclass
class Frame:
    """One background: the pixels of the frame and of everything that does not move."""

    image: Any                                      # a BufferRegion of the whole figure
    legends: list = field(default_factory=list)     # pixels of each unchanged legend, laid over the data
    titles: list = field(default_factory=list)      # (axes index, slot, position) as Axes.draw placed them
    positions: list = field(default_factory=list)   # where the layout put each axes for this frame
    labels: list = field(default_factory=list)      # ... and the figure's own texts (its title)


class LiveFigure:
    """Live redraws of one figure (see the module docstring).

    Parameters
    ----------
    figure : Figure
        The figure an explorer updates in place. Its layout engine is taken over: it runs when a
        frame is drawn (wider tick labels get their room), not on every move.
    layout : tuple, optional
        A record from :func:`layout_of` (an earlier figure of the same explorer): a frame that
        shows what it was made for takes its places instead of running the layout engine.

    Attributes
    ----------
    signature : tuple
        What the current frame shows (axes, limits, static artists, unchanged decorations).
    frame : Frame or None
        The current background.
    """

    def __init__(self, figure: "Figure", layout: tuple | None = None) -> None:
        self.figure = figure
        self.known_layout = layout
        self.engine = figure.get_layout_engine()
        figure.set_layout_engine("none")  # the layout runs when a frame is drawn, not on every draw
        self.signature: tuple = ()
        self.frame: Frame | None = None
        self.decorations: dict[tuple, tuple] = {}  # decoration slot -> content key when last drawn
        self.moving: set[tuple] = set()            # decoration slots drawn on every move
        self.limits: dict[int, tuple[float, float]] | None = None  # y-limits of the last redraw
        self.frames: dict[tuple, Frame] = {}       # earlier frames: signature -> Frame

    def png(self) -> bytes:
        """PNG bytes of the figure as it is now, drawing only the data over the kept background."""
        fig = self.figure
        canvas = fig.canvas
        with apply_style():
            self.limits = steady_limits(fig, self.limits)
            decorations = _decorations(fig)
            keys = {slot: _content_key(artist) for slot, artist in decorations.items()}
            self.moving |= {slot for slot, key in keys.items()
                            if slot in self.decorations and self.decorations[slot] != key}
            self.decorations = keys
            signature = (_frame_signature(fig),
                         tuple(sorted((slot, key) for slot, key in keys.items() if slot not in self.moving)))
            if signature != self.signature or self.frame is None:
                if self.frame is not None:
                    self.frames[self.signature] = self.frame
                self.frame = self.frames.pop(signature, None)
                if self.frame is None:
                    self.frame = self._draw_frame(decorations)
                else:  # a frame seen before: the axes go back to where its layout put them
                    _place(fig, self.frame.positions, self.frame.labels)
                self.signature = signature
                while len(self.frames) > KEPT_FRAMES:
                    self.frames.pop(next(iter(self.frames)))
            canvas.restore_region(self.frame.image)
            for index, slot, position in self.frame.titles:  # set_title() and clear() reset the place
                _titles(fig.axes[index])[slot].set_position(position)
            moving = [decorations[slot] for slot in decorations if slot in self.moving]
            for artist in (_data_artists(fig) + [a for a in moving if not _is_legend(a)]
                           + [a for a in moving if _is_legend(a)]):
                if artist.get_visible():
                    fig.draw_artist(artist)
            for region in self.frame.legends:  # unchanged legends stay above the data, as in a full render
                canvas.restore_region(region)
            return encode_png(fig, fast=True)

    def _draw_frame(self, decorations: dict[tuple, "Artist"]) -> Frame:
        """Draw the figure (and its layout) without its data and moving decorations; keep the pixels."""
        fig = self.figure
        canvas = fig.canvas
        known = self.known_layout
        if known is not None and known[0] == _layout_key(fig):  # laid out before: the same places
            _place(fig, known[1], known[2])
        elif self.engine is not None:  # place the axes as a full render would: with everything shown
            self.engine.execute(fig)
        left_out = [a for a in _data_artists(fig) if a.get_visible()]
        left_out += [a for slot, a in decorations.items() if slot in self.moving and a.get_visible()]
        for artist in left_out:
            artist.set_animated(True)  # Figure.draw leaves animated artists out (titles are still placed)
        try:
            canvas.draw()
        finally:
            for artist in left_out:
                artist.set_animated(False)
        renderer = canvas.get_renderer()
        legends = [canvas.copy_from_bbox(a.get_window_extent(renderer).padded(1))
                   for slot, a in decorations.items() if _is_legend(a) and slot not in self.moving and a.get_visible()]
        return Frame(image=canvas.copy_from_bbox(fig.bbox), legends=legends, titles=_title_places(fig),
                     positions=[ax.get_position() for ax in fig.axes], labels=_figure_text_places(fig))


def layout_of(fig: "Figure") -> tuple:
    """Where the layout engine put the axes of ``fig`` (just drawn), with what it laid out.

    An explorer keeps this small record when it lets a figure go; a :class:`LiveFigure` given it
    spares the figure drawn anew on the first slider move the layout engine's work (a good part of
    that move), as long as it shows the same frame and decorations.
    """
    return _layout_key(fig), [ax.get_position() for ax in fig.axes], _figure_text_places(fig)


# --------------------------------------------------------------------------------------------
# what a figure holds, on matplotlib's public API
def _data_artists(fig: "Figure") -> list["Artist"]:
    """What every redraw draws anew: the data of each axes (not :data:`STATIC`), by z-order."""
    found: list[Artist] = []
    for ax in fig.axes:
        if ax.get_visible():
            found += [*ax.lines, *ax.collections, *ax.patches, *ax.texts, *ax.images, *ax.artists]
    found = [a for a in found if a.get_gid() != STATIC]
    found.sort(key=lambda a: a.get_zorder())
    return found


def _titles(ax: "Axes") -> list["Text"]:
    """The axes' three title texts (centre, left, right): the texts among its children that are not
    among its own ``texts``."""
    from matplotlib.text import Text

    own = set(map(id, ax.texts))
    return [c for c in ax.get_children() if isinstance(c, Text) and id(c) not in own]


def _decorations(fig: "Figure") -> dict[tuple, "Artist"]:
    """Titles, the figure's texts and legends, by a slot that outlives the artist (``ax.legend()``
    makes a new legend each time, ``ax.clear()`` new titles)."""
    found: dict[tuple, Artist] = {}
    for index, ax in enumerate(fig.axes):
        if not ax.get_visible():
            continue
        for slot, title in enumerate(_titles(ax)):
            if title.get_text():
                found[("title", index, slot)] = title
        legend = ax.get_legend()
        if legend is not None:
            found[("legend", index)] = legend
    for index, legend in enumerate(fig.legends):
        found[("figure legend", index)] = legend
    for index, text in enumerate(fig.texts):
        if text.get_text():
            found[("figure text", index)] = text
    return found


def _content_key(artist: "Artist") -> tuple:
    """What a decoration (a title or a legend) looks like, to notice when it changes."""
    common = (type(artist).__name__, artist.get_visible(), artist.get_alpha())
    if _is_legend(artist):
        return (*common, tuple(t.get_text() for t in artist.get_texts()),
                tuple(str(h.get_color()) if hasattr(h, "get_color") else type(h).__name__
                      for h in artist.legend_handles))
    return (*common, artist.get_text(), str(artist.get_color()), artist.get_fontsize(),
            str(artist.get_fontweight()))


def _is_legend(artist: "Artist") -> bool:
    from matplotlib.legend import Legend

    return isinstance(artist, Legend)


def _frame_signature(fig: "Figure", canvas: bool = True) -> tuple:
    """What the frame shows: the axes, their limits, scales and labels, and the static artists (where
    the layout puts the axes follows from these); with ``canvas``, which canvas it is drawn on."""
    parts: list[Any] = [tuple(fig.get_size_inches()), fig.dpi, id(fig.canvas) if canvas else None]
    for ax in fig.axes:
        parts.append((
            ax.get_visible(), ax.axison, _rounded(ax.get_xlim()), _rounded(ax.get_ylim()),
            ax.get_xscale(), ax.get_yscale(), ax.get_xlabel(), ax.get_ylabel(),
        ))
        parts.append(tuple(((a.get_text(), tuple(a.get_position())) if hasattr(a, "get_text")
                            else id(a) if canvas else type(a).__name__)
                           for a in ax.get_children() if a.get_gid() == STATIC))
    return tuple(parts)


def _rounded(limits: tuple[float, float]) -> tuple[float, ...]:
    """Limits to 9 significant digits: round-off in autoscaling (0.37 vs 0.36999999999999994) is
    far below a pixel and must not count as a new frame."""
    return tuple(float(f"{v:.9g}") for v in limits)


def _layout_key(fig: "Figure") -> tuple:
    """What the layout depends on: the frame, the legends and how tall each title is (not which
    canvas, nor the words of a one-line title)."""
    decorations = []
    for slot, artist in sorted(_decorations(fig).items()):
        if _is_legend(artist):
            decorations.append((slot, _content_key(artist)))
        else:
            decorations.append((slot, artist.get_visible(), artist.get_text().count("\n"), artist.get_fontsize(),
                                str(artist.get_fontweight())))
    return _frame_signature(fig, canvas=False), tuple(decorations)


def _figure_text_places(fig: "Figure") -> list[Any]:
    """Where the figure's own texts (its title) are: the layout engine places them too."""
    return [text.get_position() for text in fig.texts]


def _place(fig: "Figure", positions: list, labels: list) -> None:
    """Put the axes and the figure's own texts where a layout put them."""
    for ax, position in zip(fig.axes, positions):
        ax.set_position(position)
    for text, position in zip(fig.texts, labels):
        text.set_position(position)


def _title_places(fig: "Figure") -> list[tuple[int, int, Any]]:
    """Where Axes.draw placed each title, by axes and slot (clearing an axes makes new titles)."""
    return [(i, slot, title.get_position()) for i, ax in enumerate(fig.axes) for slot, title in enumerate(_titles(ax))]
