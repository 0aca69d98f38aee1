"""Lesson 2 explorer: a low-calcium challenge at different magnesium levels.

Two people are compared: one who has lived at the chosen serum magnesium, one at normal magnesium,
both with the usual intakes. After a week at the usual calcium intake (1,000 mg/day, the adult
RDA), dietary calcium drops to the chosen value for the chosen number of days, then returns to
normal. The teaching model gives the responses of PTH (the alarm), calcitriol (the slower
amplifier) and ionized calcium (the controlled quantity); a fourth panel plots PTH against ionized
calcium, with each gland's response curve, which shows a "muted alarm": at low magnesium the gland
puts out far less PTH at the same calcium.

``compute`` and ``draw`` are pure; :func:`pth_challenge_explorer` wires them to sliders.

Examples
--------
>>> from mgdlearn.widgets.pth_challenge import compute, draw
>>> data = compute(serum_mg=0.45, ca_mg_per_day=200, challenge_days=42)
>>> fig, summary = draw(data, None)
>>> "PTH" in summary
True
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

from mgdlearn.errors import InputError, require_number
from mgdlearn.plots.fastpng import static
from mgdlearn.plots.style import PALETTE, new_figure, style_axes
from mgdlearn.plots.timecourse import RUN_STYLES, quantity

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from mgdlearn.widgets.base import Explorer

__all__ = ["ChallengeData", "COLUMNS", "LIMITS", "compute", "draw", "summarize", "pth_challenge_explorer"]

#: Time-course panels, in order.
COLUMNS: tuple[str, str, str] = ("pth_pmol_l", "calcitriol_pmol_l", "ca_ion_mmol_l")

#: Slider ranges: name -> (low, high, unit).
LIMITS: Mapping[str, tuple[float, float, str]] = {
    "serum_mg": (0.3, 1.1, "mmol/L"),
    "ca_mg_per_day": (0.0, 1_000.0, "mg/day"),
    "challenge_days": (7, 120, "days"),
}

#: Days at the usual intake shown before the challenge, and after it.
LEAD_IN_DAYS, RECOVERY_DAYS = 7, 28

#: Legend labels (fixed, so the figure can be updated in place).
CHOSEN, NORMAL = "chosen magnesium", "normal magnesium"

_RANGE_NAMES = {"pth_pmol_l": "pth", "calcitriol_pmol_l": "calcitriol", "ca_ion_mmol_l": "ionized_calcium"}


@dataclass(frozen=True)
class ChallengeData:
    """What :func:`compute` returns and :func:`draw` shows.

    Attributes
    ----------
    serum_mg, normal_mg : float
        Serum magnesium of the chosen and the comparison run (mmol/L).
    ca_mg_per_day, usual_ca_mg_per_day : float
        Calcium intake during the challenge and otherwise (mg/day).
    challenge_start, challenge_end : int
        Days on which the challenge starts and ends.
    runs : mapping of str to DataFrame
        ``{"chosen magnesium": ..., "normal magnesium": ...}``, one row per day.
    gland_ca : ndarray
        Ionized calcium grid of the gland response curves (mmol/L).
    gland : mapping of str to ndarray
        PTH (pmol/L) each run's glands put out along ``gland_ca``.
    """

    serum_mg: float = field(metadata={"unit": "mmol/L", "source": "input"})
    normal_mg: float = field(metadata={"unit": "mmol/L", "source": "ods_mg"})
    ca_mg_per_day: float = field(metadata={"unit": "mg/day", "source": "input"})
    usual_ca_mg_per_day: float = field(metadata={"unit": "mg/day", "source": "iom2011"})
    challenge_start: int = field(metadata={"unit": "day", "source": "input"})
    challenge_end: int = field(metadata={"unit": "day", "source": "input"})
    runs: Mapping[str, "pd.DataFrame"] = field(repr=False)
    gland_ca: Any = field(repr=False)
    gland: Mapping[str, Any] = field(repr=False)


@lru_cache(maxsize=16)
def _run(level: float, ca: float, usual: float, start: int, end: int) -> Any:
    """One person's challenge run (memoized: the comparison run does not change with serum magnesium).

    The usual intake before and after the challenge is the challenge intake plus a top-up.
    """
    from mgdlearn.model import Scenario, Supplement, simulate

    topup = usual - ca
    scenario = Scenario(calcium_mg_per_day=ca, serum_mg_mmol_l=level, schedule=(
        Supplement(calcium_mg_per_day=topup, start_day=0, stop_day=start),
        Supplement(calcium_mg_per_day=topup, start_day=end)))
    return simulate(scenario, days=end + RECOVERY_DAYS, start=Scenario(serum_mg_mmol_l=level))


def compute(serum_mg: float = 0.45, ca_mg_per_day: float = 400.0, challenge_days: int = 42) -> ChallengeData:
    """Run the low-calcium challenge at the chosen and at normal magnesium (pure).

    Parameters
    ----------
    serum_mg : float
        Serum magnesium the person has lived at, 0.3-1.1 mmol/L (normal 0.75-0.95).
    ca_mg_per_day : float
        Calcium intake during the challenge, 0 to just below the usual 1,000 mg/day.
    challenge_days : int
        Length of the challenge, 7-120 days.

    Raises
    ------
    InputError, InputTypeError
        For values outside these ranges, or a "challenge" that does not lower calcium intake.
    """
    import numpy as np

    from mgdlearn.model import Parameters
    from mgdlearn.model.scenario import DEFAULTS
    from mgdlearn.model.analysis import gland_pth

    mg = require_number(serum_mg, "serum magnesium", low=LIMITS["serum_mg"][0], high=LIMITS["serum_mg"][1],
                        unit="mmol/L")
    usual = DEFAULTS["calcium_mg_per_day"][0]
    ca = require_number(ca_mg_per_day, "calcium intake during the challenge", low=0.0, high=LIMITS["ca_mg_per_day"][1],
                        unit="mg/day")
    if ca >= usual:
        raise InputError(f"A low-calcium challenge needs a calcium intake below the usual {usual:,.0f} mg/day "
                         f"(the adult RDA); you chose {ca:,.0f} mg/day. Choose 0 to {usual - 50:,.0f} mg/day.")
    n = require_number(challenge_days, "challenge length", low=LIMITS["challenge_days"][0],
                       high=LIMITS["challenge_days"][1], unit="days")
    if n != int(n):
        raise InputError(f"challenge length must be a whole number of days from {LIMITS['challenge_days'][0]} "
                         f"to {LIMITS['challenge_days'][1]}; got {n:g}.")
    start, end = LEAD_IN_DAYS, LEAD_IN_DAYS + int(n)
    normal = Parameters().mg_ref_mmol_l
    # copies: the memoized runs stay untouched whatever a caller does with the data
    runs = {label: _run(level, ca, usual, start, end).df.copy() for label, level in ((CHOSEN, mg), (NORMAL, normal))}
    gland_ca = np.linspace(0.85, 1.35, 101)
    gland = {CHOSEN: gland_pth(gland_ca, mg), NORMAL: gland_pth(gland_ca, normal)}
    return ChallengeData(serum_mg=mg, normal_mg=normal, ca_mg_per_day=ca, usual_ca_mg_per_day=usual,
                         challenge_start=start, challenge_end=end, runs=runs, gland_ca=gland_ca, gland=gland)


def _bands() -> dict[str, tuple[float, float]]:
    from mgdlearn.reference_values import normal_range

    out = {}
    for column, name in _RANGE_NAMES.items():
        r = normal_range(name, quantity(column).unit)
        out[column] = (r.low, r.high)
    return out


def _build(fig: "Figure | None") -> "Figure":
    if fig is not None and getattr(fig, "_mgd_pth_challenge", False):
        return fig
    fig, axes = new_figure(2, 2, width=9.4, height=6.6)
    fig._mgd_pth_challenge = True  # type: ignore[attr-defined]
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
    fig._mgd_spans = [ax.axvspan(0, 1, color=PALETTE["yellow"], alpha=0.25, lw=0) for ax in flat[:3]]  # type: ignore[attr-defined]
    gl = flat[3]
    for label, (colour, style) in zip((CHOSEN, NORMAL), RUN_STYLES):
        gl.plot([], [], color=colour, linestyle=style, linewidth=1.2, alpha=0.8, label=f"gland response, {label}")
    for label, (colour, _) in zip((CHOSEN, NORMAL), RUN_STYLES):
        gl.plot([], [], color=colour, linestyle="none", marker="o", markersize=3.5, label=f"path during run, {label}")
    gl.set_yscale("log")
    style_axes(gl, title="PTH against calcium: the gland's response", xlabel="ionized calcium (mmol/L)",
               ylabel="PTH (pmol/L, log scale)")
    flat[0].legend(loc="upper right", fontsize=8)
    gl.legend(loc="upper right", fontsize=7)
    fig.suptitle("Low-calcium challenge at two magnesium levels (teaching model; shaded: challenge)",
                 fontweight="bold")
    return fig


def draw(data: ChallengeData, fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Draw the challenge responses; update ``fig`` in place when it came from this function.

    Returns
    -------
    (Figure, str)
        The figure and a one-paragraph summary (baseline and extreme values, and the PTH a gland
        with normal magnesium would put out at the lowest calcium reached).
    """
    from mgdlearn.errors import InputTypeError

    if not isinstance(data, ChallengeData):
        raise InputTypeError(f"draw needs the ChallengeData returned by compute(...); got {type(data).__name__}.")
    fig = _build(fig)
    flat = fig.axes
    for ax, column, span in zip(flat[:3], COLUMNS, fig._mgd_spans):  # type: ignore[attr-defined]
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
    return fig, summarize(data)


#: Fixed frames (they cover the sliders' ranges, so a move redraws only the data, fast, and the
#: eye can compare moves); an extreme setting that leaves them widens the axis in steady steps.
TIME_AXIS_DAYS = LEAD_IN_DAYS + LIMITS["challenge_days"][1] + RECOVERY_DAYS
Y_TOPS = {"pth_pmol_l": 15.0, "calcitriol_pmol_l": 150.0}
CA_AXIS = (0.2, 1.4)
GLAND_CA_AXIS = (0.2, 1.4)
GLAND_PTH_AXIS = (0.01, 100.0)


def _hold_frame(ax: "Axes", column: str, data: ChallengeData) -> None:
    from mgdlearn.plots.fastpng import frame_top

    ax.set_xlim(0, TIME_AXIS_DAYS)
    values = [df[column].to_numpy() for df in data.runs.values()]
    high = max(float(v.max()) for v in values)
    if column == "ca_ion_mmol_l":
        low = min(float(v.min()) for v in values)
        ax.set_ylim(CA_AXIS[0] if low >= CA_AXIS[0] else math.floor(5 * low) / 5, max(CA_AXIS[1], high))
    else:
        ax.set_ylim(0, frame_top(Y_TOPS[column], high))


def _window(data: ChallengeData, label: str) -> "pd.DataFrame":
    df = data.runs[label]
    return df.loc[data.challenge_start:data.challenge_end]


def summarize(data: ChallengeData) -> str:
    """The explorer's text summary (key values and trend)."""
    from mgdlearn.model.analysis import gland_pth

    parts = [f"Teaching model: dietary calcium cut from {data.usual_ca_mg_per_day:,.0f} to {data.ca_mg_per_day:,.0f} "
             f"mg/day for {data.challenge_end - data.challenge_start} days."]
    for label, mg in ((CHOSEN, data.serum_mg), (NORMAL, data.normal_mg)):
        base = data.runs[label].iloc[0]
        win = _window(data, label)
        pth_peak, ct_peak, ca_low = win["pth_pmol_l"].max(), win["calcitriol_pmol_l"].max(), win["ca_ion_mmol_l"].min()
        parts.append(
            f"At serum Mg {mg:.2f} mmol/L ({label}): PTH {base['pth_pmol_l']:.1f} → {pth_peak:.1f} pmol/L "
            f"(×{pth_peak / base['pth_pmol_l']:.1f}), calcitriol {base['calcitriol_pmol_l']:.0f} → {ct_peak:.0f} pmol/L, "
            f"ionized calcium {base['ca_ion_mmol_l']:.2f} → {ca_low:.2f} mmol/L.")
    win = _window(data, CHOSEN)
    ca_low = float(win["ca_ion_mmol_l"].min())
    pth_there = float(win["pth_pmol_l"].max())
    would = float(gland_pth(ca_low, data.normal_mg))
    parts.append(f"At the lowest calcium of the chosen run ({ca_low:.2f} mmol/L) a gland with normal magnesium would "
                 f"put out {would:.1f} pmol/L of PTH; the chosen run's gland put out {pth_there:.1f} pmol/L "
                 f"({100 * pth_there / would:.0f}%).")
    return " ".join(parts)


def pth_challenge_explorer(serum_mg: float = 0.45, ca_mg_per_day: float = 400.0,
                           challenge_days: int = 42) -> "Explorer":
    """The lesson 2 explorer: sliders for serum magnesium, challenge calcium intake and length."""
    from mgdlearn.widgets.base import Explorer, slider

    controls = {
        "serum_mg": slider("Serum magnesium", "mmol/L", value=serum_mg, min=LIMITS["serum_mg"][0],
                           max=LIMITS["serum_mg"][1], step=0.05),
        "ca_mg_per_day": slider("Calcium intake during the challenge", "mg/day", value=ca_mg_per_day,
                                min=0, max=1_000, step=50),
        "challenge_days": slider("Challenge length", "days", value=challenge_days, min=LIMITS["challenge_days"][0],
                                 max=LIMITS["challenge_days"][1], step=7, integer=True),
    }
    return Explorer("Low-calcium challenge at two magnesium levels", controls, compute, draw,
                    alt="Teaching-model responses of PTH, calcitriol and ionized calcium to a period of low "
                        "dietary calcium, at the chosen and at normal magnesium, with PTH plotted against calcium.")
