"""Time-course figures of model runs: one panel per quantity, one line per run.

Used by every explorer that shows :func:`mgdlearn.model.simulate` results. :func:`draw_timecourses`
draws a figure; :func:`redraw_timecourses` given its previous :class:`~mgdlearn.plots.frame.Drawing`
updates the lines in place (fast enough for a slider) when the panels and runs are the same, and
otherwise draws a new figure.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping, Sequence

from mgdlearn.plots.frame import Drawing, frame_top, static
from mgdlearn.plots.style import PALETTE, new_figure, style_axes

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Quantity:
    """How a model output column is labelled in figures and summaries."""

    column: str
    label: str
    unit: str
    decimals: int = 0


QUANTITIES: Mapping[str, Quantity] = MappingProxyType({q.column: q for q in [
    Quantity("vitd_nmol_l", "Vitamin D3 (serum)", "nmol/L", 0),
    Quantity("ohd25_nmol_l", "25(OH)D", "nmol/L", 0),
    Quantity("calcitriol_pmol_l", "Calcitriol, 1,25(OH)2D", "pmol/L", 0),
    Quantity("pth_pmol_l", "PTH", "pmol/L", 1),
    Quantity("ca_ion_mmol_l", "Ionized calcium", "mmol/L", 2),
    Quantity("mg_serum_mmol_l", "Serum magnesium", "mmol/L", 2),
    Quantity("mg_absorbed_mg_per_day", "Magnesium absorbed", "mg/day", 0),
    Quantity("mg_fractional_absorption", "Fractional Mg absorption", "fraction", 2),
    Quantity("ca_absorbed_mg_per_day", "Calcium absorbed", "mg/day", 0),
]})

#: Colours and line styles for up to five runs in one figure (Okabe-Ito, plus dashes).
RUN_STYLES: tuple[tuple[str, str], ...] = (
    (PALETTE["blue"], "-"),
    (PALETTE["vermillion"], "--"),
    (PALETTE["bluish_green"], "-."),
    (PALETTE["reddish_purple"], ":"),
    (PALETTE["orange"], (0, (5, 1, 1, 1))),
)


def quantity(column: str) -> Quantity:
    """The label and unit of a model output column (falls back to the column name)."""
    return QUANTITIES.get(column, Quantity(column, column.replace("_", " "), ""))


def draw_timecourses(
    runs: Mapping[str, "pd.DataFrame"],
    columns: Sequence[str],
    *,
    title: str,
    bands: Mapping[str, tuple[float, float]] | None = None,
    ncols: int | None = None,
    ylims: Mapping[str, tuple[float, float]] | None = None,
) -> "Figure":
    """Plot ``columns`` of each run in ``runs`` (label -> DataFrame indexed by day); return the figure.

    Parameters
    ----------
    runs : mapping of str to DataFrame
        Up to five runs; the label appears in the legend.
    columns : sequence of str
        Model output columns, one panel each.
    title : str
        Figure title.
    bands : mapping of column to (low, high), optional
        Normal ranges to shade, with their units those of the column.
    ncols : int, optional
        Panels per row (default: up to 3).
    ylims : mapping of column to (low, high), optional
        Fixed y-limits for those panels (an explorer's frame that holds still while a slider
        moves); data above ``high`` widen the axis to a steady step.
    """
    return redraw_timecourses(runs, columns, title=title, bands=bands, ncols=ncols, ylims=ylims).figure


def redraw_timecourses(
    runs: Mapping[str, "pd.DataFrame"],
    columns: Sequence[str],
    *,
    title: str,
    drawing: Drawing | None = None,
    bands: Mapping[str, tuple[float, float]] | None = None,
    ncols: int | None = None,
    ylims: Mapping[str, tuple[float, float]] | None = None,
) -> Drawing:
    """:func:`draw_timecourses`, updating ``drawing`` (of an earlier call) in place when its panels and
    runs are the same."""
    if not runs:
        raise ValueError("draw_timecourses needs at least one run.")
    if len(runs) > len(RUN_STYLES):
        raise ValueError(f"At most {len(RUN_STYLES)} runs fit one figure; got {len(runs)}.")
    labels = list(runs)
    layout = ("timecourses", tuple(columns), tuple(labels))
    if drawing is not None and drawing.fits(layout):
        fig = drawing.figure
        for ax, column in zip(fig.axes, columns):
            for line, label in zip(ax.lines, labels):
                df = runs[label]
                line.set_data(df.index.to_numpy(), df[column].to_numpy())
            if ylims and column in ylims:  # a fixed frame: no need to measure every artist again
                first = min(float(df.index[0]) for df in runs.values())
                last = max(float(df.index[-1]) for df in runs.values())
                margin = ax.margins()[0] * (last - first)
                if ax.get_xlim() != (first - margin, last + margin):  # shared x: setting one sets all
                    ax.set_xlim(first - margin, last + margin)
            else:
                ax.relim()
                ax.autoscale_view()
                _keep_zero_visible(ax)
            _fixed_ylim(ax, column, ylims, runs)
        return drawing

    n = len(columns)
    ncols = ncols or min(n, 3)
    nrows = -(-n // ncols)
    fig, axes = new_figure(nrows, ncols, width=3.3 * ncols + 0.6, height=2.6 * nrows + 0.5, sharex=True)
    flat = list(getattr(axes, "flat", [axes]))
    for ax, column in zip(flat, columns):
        q = quantity(column)
        for (label, df), (colour, style) in zip(runs.items(), RUN_STYLES):
            ax.plot(df.index.to_numpy(), df[column].to_numpy(), color=colour, linestyle=style, label=label)
        if bands and column in bands:
            low, high = bands[column]
            static(ax.axhspan(low, high, color=PALETTE["bluish_green"], alpha=0.12, lw=0))
        style_axes(ax, title=q.label, xlabel="day", ylabel=q.unit)
        _keep_zero_visible(ax)
        _fixed_ylim(ax, column, ylims, runs)
    for ax in flat[n:]:
        ax.set_visible(False)
    if len(labels) > 1:
        flat[0].legend(loc="best")
    fig.suptitle(title, fontweight="bold")
    return Drawing(fig, layout)


def _fixed_ylim(ax, column: str, ylims: Mapping[str, tuple[float, float]] | None,  # noqa: ANN001
                runs: Mapping[str, "pd.DataFrame"]) -> None:
    if not ylims or column not in ylims:
        return
    low, high = ylims[column]
    top = max(float(df[column].max()) for df in runs.values())
    ax.set_ylim(low, frame_top(high, top))


def _keep_zero_visible(ax) -> None:  # noqa: ANN001 - matplotlib Axes
    low, high = ax.get_ylim()
    if low > 0 and low < 0.5 * high:
        ax.set_ylim(0, high)


def summarize_runs(runs: Mapping[str, "pd.DataFrame"], columns: Sequence[str]) -> str:
    """One paragraph: each quantity at the start and the end of each run.

    Example: ``"Over 365 days: 25(OH)D went from 62 to 41 nmol/L (low Mg) and stayed at 62
    nmol/L (adequate Mg)."``
    """
    days = max(int(df.index[-1]) for df in runs.values())
    parts = []
    for column in columns:
        q = quantity(column)
        pieces = []
        for label, df in runs.items():
            start, end = float(df[column].iloc[0]), float(df[column].iloc[-1])
            pieces.append(f"{_trend(start, end, q)} ({label})")
        parts.append(f"{q.label} " + "; ".join(pieces))
    return f"Over {days} days: " + ". ".join(parts) + "."


def _trend(start: float, end: float, q: Quantity) -> str:
    fmt = f"{{:.{q.decimals}f}}"
    s, e = fmt.format(start), fmt.format(end)
    unit = f" {q.unit}" if q.unit and q.unit != "fraction" else ""
    if s == e:
        return f"stayed at {e}{unit}"
    verb = "rose" if end > start else "fell"
    return f"{verb} from {s} to {e}{unit}"
