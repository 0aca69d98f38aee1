"""Fast re-rendering of a figure whose frame has not changed (the slider's hot path).

Moving a slider changes the data of a figure, rarely its frame (axes, limits, tick labels,
titles). Rendering text is most of matplotlib's drawing time, so :func:`live_png` draws the frame
once, keeps it as a background image, and on later calls restores it and draws only the data
artists (lines, patches, collections, annotations, legends) on top - matplotlib's "blitting".
Whenever anything in the frame changes (a limit, a title, a tick label) the frame is drawn again
(or taken from the last few frames, if the figure returns to one), so the picture is always
right; it is only faster when the frame is stable. :func:`encode_png` turns the pixels into a PNG.

The cache lives on the figure itself (one per figure), never in module state.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure

_CACHE_ATTR = "_mgd_live_png"


@dataclass
class _Background:
    signature: tuple = ()
    image: Any = None  # a BufferRegion of the frame without data artists
    seen: int = 0       # consecutive calls with this signature
    limits: dict = None  # type: ignore[assignment]  # y-limits of the last redraw, by axes index
    previous_keys: Any = None  # content keys of the last redraw
    static_keys: Any = None    # content keys of the artists inside ``image``
    titles: Any = ()           # (axes index, slot, position) as placed by the last full draw
    legends: Any = ()          # pixels of each legend, laid over the data on every redraw
    frames: Any = None         # earlier frames: signature -> (image, static_keys, legends, titles)


#: Frames remembered per figure besides the current one: sliding back to an earlier frame (an
#: axis that grew and shrinks again) reuses its background instead of drawing it anew.
KEPT_FRAMES = 3


#: ``artist.set_gid(STATIC)`` marks an artist that never changes between redraws (a box, a label):
#: it is kept in the background image instead of being drawn again on every move.
STATIC = "mgd-static"


def _data_artists(fig: "Figure") -> list["Artist"]:
    """Everything a redraw may change: data, annotations, titles and legends (not ticks or labels)."""
    found: list[Artist] = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        found += [*ax.lines, *ax.collections, *ax.patches, *ax.texts, *ax.images, *ax.artists]
    found = [a for a in found if a.get_gid() != STATIC]
    found.sort(key=lambda a: a.get_zorder())
    titles = [t for t in _titles(fig) if t.get_text()]
    legends = [ax.get_legend() for ax in fig.axes if ax.get_visible() and ax.get_legend() is not None]
    figure_texts = [t for t in fig.texts if t.get_gid() != STATIC]
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle not in figure_texts:
        figure_texts.append(suptitle)
    return found + titles + legends + [*fig.legends, *figure_texts]


_TITLE_SLOTS = ("title", "_left_title", "_right_title")


def _titles(fig: "Figure") -> list["Artist"]:
    return [getattr(ax, slot) for ax in fig.axes if ax.get_visible() for slot in _TITLE_SLOTS]


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


def _frame_signature(fig: "Figure") -> tuple:
    """What the background image shows: the axes, their limits, scales and axis labels."""
    parts: list[Any] = [tuple(fig.get_size_inches()), fig.dpi, id(fig.canvas)]
    for ax in fig.axes:
        parts.append((
            ax.get_visible(), ax.axison, tuple(ax.get_position().bounds), _rounded(ax.get_xlim()),
            _rounded(ax.get_ylim()),
            ax.get_xscale(), ax.get_yscale(), ax.get_xlabel(), ax.get_ylabel(),
        ))
    parts.append(tuple((a.get_text() if hasattr(a, "get_text") else id(a)) for ax in fig.axes
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
    """What an artist looks like, so an unchanged one can stay in the background image."""
    kind = type(artist).__name__
    common = (kind, artist.get_visible(), artist.get_zorder(), artist.get_alpha())
    try:
        if kind == "Legend":
            return (*common, tuple(t.get_text() for t in artist.get_texts()), str(artist._loc),
                    tuple(str(h.get_color()) if hasattr(h, "get_color") else type(h).__name__
                          for h in artist.legend_handles))
        if hasattr(artist, "get_text"):
            return (*common, artist.get_text(), tuple(artist.get_position()), str(artist.get_color()),
                    artist.get_fontsize(), artist.get_rotation(), artist.get_ha(), artist.get_va())
        if hasattr(artist, "get_xydata"):
            return (*common, artist.get_xydata().tobytes(), str(artist.get_color()), artist.get_linestyle(),
                    artist.get_linewidth(), str(artist.get_marker()))
        if hasattr(artist, "get_paths"):  # collections
            return (*common, tuple(p.vertices.tobytes() for p in artist.get_paths()),
                    artist.get_facecolor().tobytes(), artist.get_edgecolor().tobytes())
        if kind == "FancyArrowPatch" and artist._posA_posB is not None:
            # its path is costly to compute (bezier clipping): describe what makes it instead
            return (*common, tuple(map(tuple, artist._posA_posB)), artist.shrinkA, artist.shrinkB,
                    id(artist.patchA), id(artist.patchB),
                    repr(sorted(vars(artist.get_arrowstyle()).items())),
                    repr(sorted(vars(artist.get_connectionstyle()).items())), artist.get_mutation_scale(),
                    str(artist.get_facecolor()), str(artist.get_edgecolor()), artist.get_linewidth(),
                    str(artist.get_linestyle()))
        if hasattr(artist, "get_path"):  # patches
            matrix = artist.get_patch_transform().get_matrix().tobytes() if hasattr(artist, "get_patch_transform") else b""
            return (*common, artist.get_path().vertices.tobytes(), matrix, str(artist.get_facecolor()),
                    str(artist.get_edgecolor()), artist.get_linewidth())
    except Exception:  # an artist we cannot describe is simply redrawn every time
        pass
    return (*common, id(artist))


def live_png(fig: "Figure") -> bytes:
    """PNG bytes of ``fig`` for a live widget, redrawing only what changed since the last call.

    The first call draws the figure in full (with its layout engine) and then fixes the layout,
    so that later calls keep the same axes positions. Artists that look the same as in the
    previous call (titles, labels, boxes, reference lines) go into the background image; the others
    are drawn over it. Legends stay on top as in a full render: a changed legend is drawn last, an
    unchanged one is kept as pixels and laid back over the data. The backgrounds of the last
    :data:`KEPT_FRAMES` frames are kept, so returning to an earlier frame costs no full draw.
    """
    from collections import Counter

    from mgdlearn.plots.style import apply_style

    cache: _Background | None = getattr(fig, _CACHE_ATTR, None)
    canvas = fig.canvas
    with apply_style():
        first = cache is None
        if first:
            canvas.draw()  # the layout engine places the axes once ...
            fig.set_layout_engine("none")  # ... and they keep these positions from now on
            cache = _Background()
            setattr(fig, _CACHE_ATTR, cache)
        cache.limits = steady_limits(fig, cache.limits)
        everything = _data_artists(fig)
        candidates = everything
        keys = [_content_key(a) for a in candidates]
        now = Counter(keys)
        previous, cache.previous_keys = cache.previous_keys, now
        signature = _frame_signature(fig)
        new_frame = signature != cache.signature
        if new_frame:
            _remember_frame(cache)
            kept = cache.frames.pop(signature, None)
            if kept is not None and all(now[k] >= n for k, n in kept[1].items()):
                new_frame = False  # back to a frame drawn before: its background is still good
                cache.signature = signature
                cache.image, cache.static_keys, cache.legends, cache.titles = kept
            else:
                cache.signature, cache.image, cache.static_keys = signature, None, Counter()
                if previous is None:  # nothing to compare with yet: a plain full draw
                    if not (first and not cache.limits):  # (unless the first draw shows this frame)
                        canvas.draw()
                    cache.titles = _title_places(fig)
                    return encode_png(fig, fast=True)
        if cache.image is None or any(now[k] < n for k, n in cache.static_keys.items()):
            # a new background: the frame and the artists that did not change since the last call
            cache.static_keys = now & (previous or Counter())
            static = _take(candidates, keys, cache.static_keys)
            visible = [a.get_visible() for a in everything]
            titles = set(_titles(fig))
            alphas = {a: a.get_alpha() for a in candidates if a in titles and a not in static}
            for artist in candidates:
                if artist in alphas:
                    artist.set_alpha(0.0)  # a hidden title would be placed wrongly by Axes.draw
                elif artist not in static:
                    artist.set_visible(False)
            canvas.draw()
            if new_frame:
                cache.titles = _title_places(fig)
            cache.image = canvas.copy_from_bbox(fig.bbox)
            renderer = canvas.get_renderer()
            cache.legends = [canvas.copy_from_bbox(a.get_window_extent(renderer).padded(1))
                             for a in static if _is_legend(a) and a.get_visible()]
            for artist, was in zip(everything, visible):
                artist.set_visible(was)
            for artist, alpha in alphas.items():
                artist.set_alpha(alpha)
        else:
            static = _take(candidates, keys, cache.static_keys)
        canvas.restore_region(cache.image)
        renderer = canvas.get_renderer()
        for index, slot, position in cache.titles:  # set_title() and clear() reset the place
            getattr(fig.axes[index], slot).set_position(position)
        changed = [a for a in candidates if a not in static]
        for artist in [a for a in changed if not _is_legend(a)] + [a for a in changed if _is_legend(a)]:
            if artist.get_visible():
                artist.draw(renderer)
        for region in cache.legends:  # unchanged legends stay above the data, as in a full render
            canvas.restore_region(region)
        return encode_png(fig, fast=True)


def _remember_frame(cache: _Background) -> None:
    """Keep the current frame's background among the last :data:`KEPT_FRAMES` frames."""
    from collections import OrderedDict

    if cache.frames is None:
        cache.frames = OrderedDict()
    if cache.image is not None:
        cache.frames[cache.signature] = (cache.image, cache.static_keys, cache.legends, cache.titles)
        cache.frames.move_to_end(cache.signature)
        while len(cache.frames) > KEPT_FRAMES:
            cache.frames.popitem(last=False)


def _title_places(fig: "Figure") -> list[tuple[int, str, Any]]:
    """Where Axes.draw placed each title, by axes and slot (clearing an axes makes new titles)."""
    return [(i, slot, getattr(ax, slot).get_position()) for i, ax in enumerate(fig.axes) for slot in _TITLE_SLOTS]


def _is_legend(artist: "Artist") -> bool:
    return type(artist).__name__ == "Legend"


def _take(artists: list["Artist"], keys: list[tuple], wanted: "Counter[tuple]") -> set:
    """The artists whose keys make up the multiset ``wanted`` (first come, first taken)."""
    left = dict(wanted)
    taken = set()
    for artist, key in zip(artists, keys):
        if left.get(key, 0) > 0:
            left[key] -= 1
            taken.add(artist)
    return taken
