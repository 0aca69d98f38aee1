"""Lesson 02's explorer figure: PTH, calcitriol and ionized calcium through a low-calcium challenge
at two magnesium levels, and PTH against calcium with each gland's response curve (the data of
:mod:`mgdlearn.experiments.pth_challenge`).

Examples
--------
>>> from mgdlearn.experiments.pth_challenge import compute
>>> from mgdlearn.plots.pth_challenge import draw_challenge
>>> fig, summary = draw_challenge(compute(serum_mg=0.45, ca_mg_per_day=200, challenge_days=42))
>>> "PTH" in summary
True
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from mgdlearn.errors import InputTypeError
from mgdlearn.experiments.pth_challenge import (
    CHOSEN,
    COLUMNS,
    LEAD_IN_DAYS,
    LIMITS,
    NORMAL,
    RECOVERY_DAYS,
    ChallengeData,
)
from mgdlearn.plots.frame import Drawing, frame_top, static
from mgdlearn.plots.style import PALETTE, new_figure, style_axes
from mgdlearn.plots.timecourse import RUN_STYLES, quantity
from mgdlearn.reference_values import normal_range

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_challenge", "redraw_challenge", "summarize_challenge"]

_RANGE_NAMES = {"pth_pmol_l": "pth", "calcitriol_pmol_l": "calcitriol", "ca_ion_mmol_l": "ionized_calcium"}

#: Fixed frames (they cover the sliders' ranges, so a move redraws only the data, fast, and the
#: eye can compare moves); an extreme setting that leaves them widens the axis in steady steps.
TIME_AXIS_DAYS = LEAD_IN_DAYS + LIMITS["challenge_days"][1] + RECOVERY_DAYS
Y_TOPS = {"pth_pmol_l": 15.0, "calcitriol_pmol_l": 150.0}
CA_AXIS = (0.2, 1.4)
GLAND_CA_AXIS = (0.2, 1.4)
GLAND_PTH_AXIS = (0.01, 100.0)


def _bands() -> dict[str, tuple[float, float]]:
    out = {}
    for column, name in _RANGE_NAMES.items():
        r = normal_range(name, quantity(column).unit)
        out[column] = (r.low, r.high)
    return out


def _build() -> Drawing:
    fig, axes = new_figure(2, 2, width=9.4, height=6.6)
    bands = _bands()
    flat = list(axes.flat)
    for ax, column in zip(flat, COLUMNS):
        q = quantity(column)
        for label, (colour, style) in zip((CHOSEN, NORMAL), RUN_STYLES):
            ax.plot([], [], color=colour, linestyle=style, label=label)
        low, high = bands[column]
        static(ax.axhspan(low, high, color=PALETTE["bluish_green"], alpha=0.12, lw=0, label="normal range"))
        style_axes(ax, title=q.label, xlabel="time (days)", ylabel=f"{q.label} ({q.unit})")
    # the challenge period, moved on every draw
    spans = [ax.axvspan(0, 1, color=PALETTE["yellow"], alpha=0.25, lw=0) for ax in flat[:3]]
    gl = flat[3]
    for label, (colour, style) in zip((CHOSEN, NORMAL), RUN_STYLES):
        gl.plot([], [], color=colour, linestyle=style, linewidth=1.2, alpha=0.8, label=f"gland response, {label}")
    # circles and squares: the two runs differ by marker shape, not by colour alone
    for label, (colour, _), marker in zip((CHOSEN, NORMAL), RUN_STYLES, ("o", "s")):
        gl.plot([], [], color=colour, linestyle="none", marker=marker, markersize=3.5, label=f"path during run, {label}")
    gl.set_yscale("log")
    style_axes(gl, title="PTH against calcium: the gland's response", xlabel="ionized calcium (mmol/L)",
               ylabel="PTH (pmol/L, log scale)")
    flat[0].legend(loc="upper right", fontsize=8)
    gl.legend(loc="upper right", fontsize=7)
    fig.suptitle("Low-calcium challenge at two magnesium levels (teaching model; shaded: challenge)",
                 fontweight="bold")
    return Drawing(fig, "pth challenge", {"spans": spans})


def draw_challenge(data: ChallengeData) -> tuple["Figure", str]:
    """Draw the challenge responses.

    Returns
    -------
    (Figure, str)
        The figure and a one-paragraph summary (baseline and extreme values, and the PTH a gland
        with normal magnesium would put out at the lowest calcium reached).
    """
    drawing, summary = redraw_challenge(data)
    return drawing.figure, summary


def redraw_challenge(data: ChallengeData, drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_challenge`, updating ``drawing`` (of an earlier call) in place."""
    if not isinstance(data, ChallengeData):
        raise InputTypeError(f"draw needs the ChallengeData returned by compute(...); got {type(data).__name__}.")
    if drawing is None or not drawing.fits("pth challenge"):
        drawing = _build()
    flat = drawing.figure.axes
    for ax, column, span in zip(flat[:3], COLUMNS, drawing.handles["spans"]):
        for line, label in zip(ax.lines, (CHOSEN, NORMAL)):
            df = data.runs[label]
            line.set_data(df.index.to_numpy(), df[column].to_numpy())
        span.set_x(data.challenge_start)
        span.set_width(data.challenge_end - data.challenge_start)
        _hold_frame(ax, column, data)
    gl = flat[3]
    curves, paths = gl.lines[:2], gl.lines[2:4]
    for line, label in zip(curves, (CHOSEN, NORMAL)):
        line.set_data(data.gland_ca, data.gland[label])
    for line, label in zip(paths, (CHOSEN, NORMAL)):
        df = data.runs[label]
        line.set_data(df["ca_ion_mmol_l"].to_numpy(), df["pth_pmol_l"].to_numpy())
    low = min(float(df["ca_ion_mmol_l"].min()) for df in data.runs.values())
    gl.set_xlim(GLAND_CA_AXIS[0] if low >= GLAND_CA_AXIS[0] else math.floor(5 * low) / 5, GLAND_CA_AXIS[1])
    gl.set_ylim(*GLAND_PTH_AXIS)
    return drawing, summarize_challenge(data)


def _hold_frame(ax: "Axes", column: str, data: ChallengeData) -> None:
    ax.set_xlim(0, TIME_AXIS_DAYS)
    values = [df[column].to_numpy() for df in data.runs.values()]
    high = max(float(v.max()) for v in values)
    if column == "ca_ion_mmol_l":
        low = min(float(v.min()) for v in values)
        ax.set_ylim(CA_AXIS[0] if low >= CA_AXIS[0] else math.floor(5 * low) / 5, max(CA_AXIS[1], high))
    else:
        ax.set_ylim(0, frame_top(Y_TOPS[column], high))


def summarize_challenge(data: ChallengeData) -> str:
    """The explorer's text summary (key values and trend)."""
    parts = [f"Teaching model: dietary calcium cut from {data.usual_ca_mg_per_day:,.0f} to {data.ca_mg_per_day:,.0f} "
             f"mg/day for {data.challenge_end - data.challenge_start} days."]
    for label, mg in ((CHOSEN, data.serum_mg), (NORMAL, data.normal_mg)):
        base = data.runs[label].iloc[0]
        win = data.window(label)
        pth_peak, ct_peak, ca_low = win["pth_pmol_l"].max(), win["calcitriol_pmol_l"].max(), win["ca_ion_mmol_l"].min()
        parts.append(
            f"At serum Mg {mg:.2f} mmol/L ({label}): PTH {base['pth_pmol_l']:.1f} → {pth_peak:.1f} pmol/L "
            f"(×{pth_peak / base['pth_pmol_l']:.1f}), calcitriol {base['calcitriol_pmol_l']:.0f} → {ct_peak:.0f} pmol/L, "
            f"ionized calcium {base['ca_ion_mmol_l']:.2f} → {ca_low:.2f} mmol/L.")
    ca_low, pth_there, would = data.lowest_ca_mmol_l, data.pth_at_lowest_ca, data.normal_gland_pth_at_lowest_ca
    parts.append(f"At the lowest calcium of the chosen run ({ca_low:.2f} mmol/L) a gland with normal magnesium would "
                 f"put out {would:.1f} pmol/L of PTH; the chosen run's gland put out {pth_there:.1f} pmol/L "
                 f"({100 * pth_there / would:.0f}%).")
    return " ".join(parts)
