"""Fast re-rendering of a figure whose frame has not changed (the slider's hot path).

Moving a slider changes the data of a figure, rarely its frame (axes, limits, tick labels,
titles, legends). Rendering text is most of matplotlib's drawing time, so :func:`live_png` draws
the frame once, keeps it as a background image, and on later calls restores it and draws only the
data on top - matplotlib's "blitting". :func:`encode_png` turns the pixels into a PNG.

What is drawn on every call and what stays in the background is decided by simple rules, so the
cost of a move is predictable:

* **Data** - the lines, collections, patches, texts and images of each axes, and the figure's
  texts - are drawn on every call, unless marked with :func:`static` (a reference band, a box,
  a fixed label), which puts them into the background.
* **Decorations** - titles, the figure title and legends - are part of the background while they
  stay the same. One that changes is from then on drawn on every call like the data (the
  background is drawn once more without it), so a figure whose title follows a slider costs one
  extra frame, not one per move.
* **The frame** - axes, limits, scales, ticks, labels - is the background. When it changes the
  background is drawn again, or taken from the last few frames if the figure returns to one.

The picture is therefore always that of a full render, up to the stacking order of static and
data artists (data is drawn over the background; unchanged legends are laid back on top).
The cache lives on the figure itself (one per figure), never in module state.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure

_CACHE_ATTR = "_mgd_live_png"

#: ``artist.set_gid(STATIC)`` (or :func:`static`) marks an artist that never changes between
#: redraws (a box, a reference line, a fixed label): it is kept in the background image instead of
#: being drawn again on every move.
STATIC = "mgd-static"

#: Frames remembered per figure besides the current one: sliding back to an earlier frame (an
#: axis that grew and shrinks again) reuses its background instead of drawing it anew.
KEPT_FRAMES = 2


def static(*artists: "Artist") -> None:
    """Mark ``artists`` as never changing: live redraws keep them in the background image."""
    for artist in artists:
        artist.set_gid(STATIC)


@dataclass
class _Frame:
    """One background: the pixels of the frame and of everything that does not move."""

    image: Any                               # a BufferRegion of the whole figure
    legends: list = field(default_factory=list)   # pixels of each unchanged legend, laid over the data
    titles: list = field(default_factory=list)    # (axes index, slot, position) as Axes.draw placed them
    positions: list = field(default_factory=list)  # where the layout put each axes for this frame
    labels: list = field(default_factory=list)     # ... and the figure title and labels


@dataclass
class _Live:
    """What :func:`live_png` keeps on a figure between calls."""

    signature: tuple = ()
    frame: _Frame | None = None
    decorations: dict = field(default_factory=dict)  # decoration slot -> content key when last drawn
    moving: set = field(default_factory=set)         # decoration slots drawn on every call
    limits: dict | None = None                       # y-limits of the last redraw, by axes index
    frames: dict = field(default_factory=dict)       # earlier frames: signature -> _Frame
    engine: Any = None                               # the figure's layout engine, run for each new frame


def _data_artists(fig: "Figure") -> list["Artist"]:
    """What every redraw draws anew: the data of each axes and the figure's texts (not :data:`STATIC`)."""
    found: list[Artist] = []
    for ax in fig.axes:
        if ax.get_visible():
            found += [*ax.lines, *ax.collections, *ax.patches, *ax.texts, *ax.images, *ax.artists]
    suptitle = getattr(fig, "_suptitle", None)
    found += [t for t in fig.texts if t is not suptitle]
    found = [a for a in found if a.get_gid() != STATIC]
    found.sort(key=lambda a: a.get_zorder())
    return found


_TITLE_SLOTS = ("title", "_left_title", "_right_title")


def _decorations(fig: "Figure") -> dict[tuple, "Artist"]:
    """Titles, the figure title and legends, by a slot that outlives the artist (``ax.legend()``
    makes a new legend each time, ``ax.clear()`` new titles)."""
    found: dict[tuple, Artist] = {}
    for index, ax in enumerate(fig.axes):
        if not ax.get_visible():
            continue
        for slot in _TITLE_SLOTS:
            title = getattr(ax, slot)
            if title.get_text():
                found[("title", index, slot)] = title
        legend = ax.get_legend()
        if legend is not None:
            found[("legend", index)] = legend
    for index, legend in enumerate(fig.legends):
        found[("figure legend", index)] = legend
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        found[("suptitle",)] = suptitle
    return found


def _nice_step(span: float) -> float:
    import math

    raw = span / 2.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover


def nice_ceiling(value: float) -> float:
    """Round ``value`` up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten.

    Explorers use it for data-dependent axis limits, so that a small slider move keeps the frame
    (and the redraw stays fast, see :func:`live_png`) while the data still fill the axes.
    """
    import math

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
    import math

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


def _frame_signature(fig: "Figure", canvas: bool = True) -> tuple:
    """What the frame shows: the axes, their limits, scales and labels, and the static artists (where
    the layout puts the axes follows from these, see :class:`_Frame`); with ``canvas``, which
    canvas it is drawn on."""
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


def encode_png(fig: "Figure", *, fast: bool = False) -> bytes:
    """The figure's drawn canvas as a PNG: RGBA rows without a row filter, no metadata.

    Pillow's encoder tries every PNG row filter on every row, which costs more than the redraw
    itself on a slider move; line art compresses about as well unfiltered. The rows are copied
    from the canvas as they are (RGBA: one contiguous copy per band of rows, where dropping alpha
    would cost a strided copy three times as slow), a band at a time, so buffers stay small.

    ``fast=True`` (live redraws) deflates with Intel's ISA-L (the ``isal`` package, about 5x faster
    than zlib at level 1, output about 10 % larger) when it is installed; ``fast=False`` (figures
    stored in notebooks) uses zlib, whose output is the same on every machine.
    """
    import struct
    import zlib

    import numpy as np

    width, height = fig.canvas.get_width_height(physical=True)
    rgba = np.asarray(fig.canvas.buffer_rgba()).reshape(height, 4 * width)
    compressor = _deflater(fast)
    parts = []
    rows = np.zeros((min(height, _BAND), 1 + 4 * width), dtype=np.uint8)  # filter byte 0 ("none") per row
    for top in range(0, height, _BAND):
        band = rgba[top:top + _BAND]
        rows[:len(band), 1:] = band
        parts.append(compressor.compress(rows[:len(band)]))
    parts.append(compressor.flush())

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")


#: Rows deflated at a time by :func:`encode_png`.
_BAND = 64


def _deflater(fast: bool) -> Any:
    """A level-1 deflate compressor: ISA-L's when ``fast`` and installed, else zlib's."""
    if fast:
        try:
            from isal import isal_zlib
        except ImportError:  # pragma: no cover - isal has wheels for the usual platforms
            pass
        else:
            return isal_zlib.compressobj(1)
    import zlib

    return zlib.compressobj(1)


def _content_key(artist: "Artist") -> tuple:
    """What a decoration (a title or a legend) looks like, to notice when it changes."""
    common = (type(artist).__name__, artist.get_visible(), artist.get_alpha())
    if _is_legend(artist):
        return (*common, tuple(t.get_text() for t in artist.get_texts()), str(artist._loc),
                tuple(str(h.get_color()) if hasattr(h, "get_color") else type(h).__name__
                      for h in artist.legend_handles))
    return (*common, artist.get_text(), str(artist.get_color()), artist.get_fontsize(),
            str(artist.get_fontweight()))


def live_png(fig: "Figure") -> bytes:
    """PNG bytes of ``fig`` for a live widget, drawing only the data over a kept background.

    The figure's layout engine places the axes whenever the frame is drawn (wider tick labels
    get their room); between frames the axes keep their places. See the module docstring for what
    is redrawn when.
    """
    from mgdlearn.plots.style import apply_style

    live: _Live | None = getattr(fig, _CACHE_ATTR, None)
    canvas = fig.canvas
    with apply_style():
        if live is None:
            live = _Live(engine=fig.get_layout_engine())
            setattr(fig, _CACHE_ATTR, live)
            fig.set_layout_engine("none")  # the layout runs when a frame is drawn, not on every draw
        live.limits = steady_limits(fig, live.limits)
        decorations = _decorations(fig)
        keys = {slot: _content_key(artist) for slot, artist in decorations.items()}
        live.moving |= {slot for slot, key in keys.items()
                        if slot in live.decorations and live.decorations[slot] != key}
        live.decorations = keys
        signature = (_frame_signature(fig),
                     tuple(sorted((slot, key) for slot, key in keys.items() if slot not in live.moving)))
        if signature != live.signature or live.frame is None:
            if live.frame is not None:
                live.frames[live.signature] = live.frame
            live.frame = live.frames.pop(signature, None)
            if live.frame is None:
                live.frame = _draw_frame(fig, live.engine, decorations, live.moving)
            else:  # a frame seen before: the axes go back to where its layout put them
                _place(fig, live.frame.positions, live.frame.labels)
            live.signature = signature
            while len(live.frames) > KEPT_FRAMES:
                live.frames.pop(next(iter(live.frames)))
        canvas.restore_region(live.frame.image)
        renderer = canvas.get_renderer()
        for index, slot, position in live.frame.titles:  # set_title() and clear() reset the place
            getattr(fig.axes[index], slot).set_position(position)
        moving = [decorations[slot] for slot in decorations if slot in live.moving]
        for artist in _data_artists(fig) + [a for a in moving if not _is_legend(a)] + [a for a in moving if _is_legend(a)]:
            if artist.get_visible():
                artist.draw(renderer)
        for region in live.frame.legends:  # unchanged legends stay above the data, as in a full render
            canvas.restore_region(region)
        return encode_png(fig, fast=True)


def layout_of(fig: "Figure") -> tuple:
    """Where the layout engine put the axes of ``fig`` (just drawn), with what it laid out.

    An explorer keeps this small record when it lets a figure go; :func:`reuse_layout` then spares
    the figure drawn anew on the first slider move the layout engine's work (a good part of that
    move), as long as it shows the same frame and decorations.
    """
    return _layout_key(fig), [ax.get_position() for ax in fig.axes], _figure_label_places(fig)


#: The figure's own labels, which the layout engine places too.
_FIGURE_LABELS = ("_suptitle", "_supxlabel", "_supylabel")


def _figure_label_places(fig: "Figure") -> list[tuple[str, Any]]:
    return [(name, getattr(fig, name).get_position()) for name in _FIGURE_LABELS if getattr(fig, name, None) is not None]


def _place(fig: "Figure", positions: list, labels: list) -> None:
    """Put the axes and the figure's own labels where a layout put them."""
    for ax, position in zip(fig.axes, positions):
        ax.set_position(position)
    for name, position in labels:
        getattr(fig, name).set_position(position)


def reuse_layout(fig: "Figure", layout: tuple | None) -> None:
    """Let live redraws of ``fig`` take the axes positions of ``layout`` (from :func:`layout_of`)
    instead of running the layout engine, whenever ``fig`` shows what that layout was made for."""
    fig._mgd_known_layout = layout  # type: ignore[attr-defined]


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


def _draw_frame(fig: "Figure", engine: Any, decorations: dict[tuple, "Artist"], moving: set) -> _Frame:
    """Draw the figure (and its layout) without its data and moving decorations; keep the pixels."""
    canvas = fig.canvas
    known = getattr(fig, "_mgd_known_layout", None)
    if known is not None and known[0] == _layout_key(fig):  # laid out before: the same places
        _place(fig, known[1], known[2])
    elif engine is not None:  # place the axes as a full render would: with everything visible
        engine.execute(fig)
    hidden = [a for a in _data_artists(fig) if a.get_visible()]
    hidden += [a for slot, a in decorations.items() if slot in moving and _is_legend(a) and a.get_visible()]
    titles = [a for slot, a in decorations.items() if slot in moving and not _is_legend(a)]
    alphas = [t.get_alpha() for t in titles]
    for artist in hidden:
        artist.set_visible(False)
    for title in titles:
        title.set_alpha(0.0)  # a hidden title would be placed wrongly by Axes.draw
    try:
        canvas.draw()
    finally:
        for artist in hidden:
            artist.set_visible(True)
        for title, alpha in zip(titles, alphas):
            title.set_alpha(alpha)
    renderer = canvas.get_renderer()
    legends = [canvas.copy_from_bbox(a.get_window_extent(renderer).padded(1))
               for slot, a in decorations.items() if _is_legend(a) and slot not in moving and a.get_visible()]
    return _Frame(image=canvas.copy_from_bbox(fig.bbox), legends=legends, titles=_title_places(fig),
                  positions=[ax.get_position() for ax in fig.axes], labels=_figure_label_places(fig))


def _title_places(fig: "Figure") -> list[tuple[int, str, Any]]:
    """Where Axes.draw placed each title, by axes and slot (clearing an axes makes new titles)."""
    return [(i, slot, getattr(ax, slot).get_position()) for i, ax in enumerate(fig.axes) for slot in _TITLE_SLOTS]


def _is_legend(artist: "Artist") -> bool:
    return type(artist).__name__ == "Legend"
