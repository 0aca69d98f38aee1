"""One course style for every figure: colour-blind-safe colours, alt text, deterministic output.

Figures are built with :class:`matplotlib.figure.Figure` directly (not ``pyplot``), so nothing
is shown twice when a cell runs again and no global figure state builds up in a student's kernel.
:func:`show_figure` displays a figure together with its alt text.

Examples
--------
>>> from mgdlearn.plots.style import new_figure, show_figure, color
>>> fig, ax = new_figure()
>>> _ = ax.plot([0, 1], [0, 1], color=color("ohd25"))
>>> show_figure(fig, alt="A rising line.")          # doctest: +SKIP
"""
from __future__ import annotations

import base64
import html
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from mgdlearn.plots.png import encode_png

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Okabe & Ito's colour-universal-design palette (``okabe2008``): distinguishable with the
#: common forms of colour-vision deficiency and in greyscale when paired with line styles.
#: Orange and sky blue are darkened (same hue, 80 % and 85 % of the original RGB: #E69F00 and
#: #56B4E9 have 2.25:1 and 2.31:1 on white) so that lines, markers and bars in them reach the 3:1
#: of WCAG 2.1 SC 1.4.11; yellow only ever shades translucent bands. Text in a palette colour goes
#: through :func:`text_color` (4.5:1, SC 1.4.3). Ratios: docs/accessibility.md.
PALETTE: Mapping[str, str] = MappingProxyType({
    "black": "#000000",
    "orange": "#B87F00",
    "sky_blue": "#4999C6",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
})
PALETTE_SOURCE = "okabe2008"

#: One colour and one line style per quantity, used in every lesson so a student learns them once.
#: Line styles make series distinguishable without colour as well.
SERIES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "vitamin_d": (PALETTE["orange"], "-"),
    "ohd25": (PALETTE["blue"], "-"),
    "calcitriol": (PALETTE["vermillion"], "--"),
    "pth": (PALETTE["reddish_purple"], "-."),
    "calcium": (PALETTE["bluish_green"], ":"),
    "magnesium": (PALETTE["sky_blue"], (0, (5, 1, 1, 1))),  # dash-dot-dot
    "reference": (PALETTE["black"], ":"),
    "comparison": ("#7F7F7F", "--"),
})

#: Matplotlib settings of the course style (applied only inside :func:`apply_style`).
STYLE: Mapping[str, Any] = MappingProxyType({
    "figure.dpi": 80,
    "savefig.dpi": 80,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,  # grid under the data (bars hide it), also in live redraws
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "legend.fontsize": 9,
    "lines.linewidth": 2.0,
    "svg.hashsalt": "mgdlearn",
    "path.simplify": True,
    # unhinted glyphs render about a third faster (text is most of a live redraw) and look the same
    # at screen resolution
    "text.hinting": "no_hinting",
})


def color(series: str) -> str:
    """Return the course colour of a quantity (``"ohd25"``, ``"calcitriol"``, ``"pth"`` ...)."""
    return _series(series)[0]


def contrast_ratio(foreground: str, background: str = "#FFFFFF") -> float:
    """WCAG 2.1 contrast ratio of two opaque colours (``"#RRGGBB"`` or any matplotlib colour)."""
    from matplotlib.colors import to_rgb

    def luminance(c: str) -> float:
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in to_rgb(c)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_color(colour: str, minimum: float = 4.5) -> str:
    """``colour`` darkened in steps of 5 % (same hue) until text in it has ``minimum`` contrast on
    white (WCAG 2.1 SC 1.4.3: 4.5:1 for the course's small figure text)."""
    from matplotlib.colors import to_hex, to_rgb

    rgb = to_rgb(colour)
    k = 1.0
    while contrast_ratio(to_hex(tuple(c * k for c in rgb))) < minimum and k > 0:
        k = round(k - 0.05, 2)
    return to_hex(tuple(c * max(k, 0) for c in rgb)).upper()


def linestyle(series: str) -> Any:
    """Return the course line style of a quantity (see :data:`SERIES`)."""
    return _series(series)[1]


def _series(series: str) -> tuple[str, Any]:
    try:
        return SERIES[series]
    except KeyError:
        raise ValueError(f"Unknown series {series!r}; known: {', '.join(SERIES)}.") from None


@contextmanager
def apply_style() -> Iterator[None]:
    """Context manager that applies the course style to figures created inside it."""
    import matplotlib

    with matplotlib.rc_context(dict(STYLE)):
        yield


def new_figure(nrows: int = 1, ncols: int = 1, *, width: float = 7.0, height: float = 3.2,
               sharex: bool = False) -> tuple["Figure", Any]:
    """Create a course-styled figure without pyplot.

    Returns
    -------
    fig, axes
        ``axes`` is a single Axes for a 1x1 grid, otherwise an array as from ``subplots``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with apply_style():
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, sharex=sharex, squeeze=True)
    return fig, axes


def style_axes(ax: "Axes", *, title: str, xlabel: str, ylabel: str) -> None:
    """Give ``ax`` a title and unit-bearing axis labels (every course figure has all three)."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def figure_png(fig: "Figure") -> bytes:
    """Render ``fig`` to PNG bytes (course DPI, no metadata, so output is repeatable; the pixel buffer
    is freed afterwards)."""
    with apply_style():
        fig.set_dpi(STYLE["savefig.dpi"])
        fig.canvas.draw()
        png = encode_png(fig)
    _release_renderer(fig)
    return png


def _release_renderer(fig: "Figure") -> None:
    """Free the figure's pixel buffer (about 1 MB) once its PNG exists: a lesson keeps many shown
    figures alive, and a hub runs many kernels. The figure gets a fresh canvas (matplotlib's public
    way: a canvas attaches itself to its figure), whose buffer is made on the next draw."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)


def check_alt(alt: object) -> str:
    """``alt`` if it is real alt text; every course figure needs a sentence saying what it shows."""
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("Every course figure needs alt text: a sentence saying what it shows.")
    return alt


def png_bundle(png: bytes, alt: str, caption: str | None = None, *, with_png: bool = True) -> dict[str, str]:
    """The MIME bundle of a figure's PNG, with its alt text and an optional visible caption.

    ``text/html`` is an ``<img>`` with real ``alt`` text (read by screen readers) inside a
    ``<figure>`` whose visible ``<figcaption>`` is ``caption``; ``image/png`` (left out with
    ``with_png=False``: a widget shows the HTML, and each redraw then sends the picture once, not
    twice) serves renderers without HTML (GitHub, PDF export); ``text/plain`` is the alt text and
    caption as words.
    """
    alt = check_alt(alt)
    b64 = base64.b64encode(png).decode("ascii")
    img = f'<img src="data:image/png;base64,{b64}" alt="{html.escape(alt, quote=True)}" />'
    text = alt
    if caption:
        img = (f'<figure style="margin:0">{img}'
               f'<figcaption style="max-width:44em">{html.escape(caption)}</figcaption></figure>')
        text = f"{alt}\n{caption}"
    if not with_png:
        return {"text/html": img, "text/plain": text}
    return {"text/html": img, "image/png": b64, "text/plain": text}


def figure_bundle(fig: "Figure", alt: str, caption: str | None = None) -> dict[str, str]:
    """The MIME bundle that :func:`show_figure` displays (:func:`png_bundle` of a full render)."""
    return png_bundle(figure_png(fig), check_alt(alt), caption)


def show_figure(fig: "Figure", alt: str, caption: str | None = None) -> None:
    """Display ``fig`` with its alt text (and an optional visible caption) in a notebook."""
    from IPython.display import display

    display(figure_bundle(fig, alt, caption), raw=True)
