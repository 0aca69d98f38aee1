"""Lesson 1 explorer: magnesium status x vitamin D intake -> 25(OH)D and calcitriol over time.

Two people are compared: one who has lived at the chosen serum magnesium, one at normal magnesium,
both with the usual intakes (600 IU/day oral vitamin D plus the background from skin). On day 0
both switch to the chosen vitamin D intake (and skin supply), and the teaching model runs for the
chosen number of days. The figure shows the time courses of 25(OH)D and calcitriol and, below
them, the pathway diagram at the end of the chosen run, with arrow widths relative to the
reference adult (normal magnesium, usual intakes).

``compute`` and ``draw`` are pure; :func:`activation_explorer` wires them to sliders.

Examples
--------
>>> from mgdlearn.widgets.activation import compute, draw
>>> data = compute(serum_mg=0.45, vitd_iu_per_day=1000)
>>> fig, summary = draw(data, None)
>>> "25(OH)D" in summary
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.plots.fastpng import frame_top, static
from mgdlearn.plots.pathway import PathwayFluxes, draw_pathway_on, summarize_pathway
from mgdlearn.plots.style import PALETTE, apply_style, style_axes
from mgdlearn.plots.timecourse import RUN_STYLES, quantity, summarize_runs

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from mgdlearn.model import Result
    from mgdlearn.widgets.base import Explorer

__all__ = ["ActivationData", "COLUMNS", "LIMITS", "compute", "draw", "activation_explorer"]

#: The two quantities of the time-course panels.
COLUMNS: tuple[str, str] = ("ohd25_nmol_l", "calcitriol_pmol_l")

#: Slider ranges: name -> (low, high, unit). Inside the model's own input ranges.
LIMITS: Mapping[str, tuple[float, float, str]] = {
    "serum_mg": (0.3, 1.1, "mmol/L"),
    "vitd_iu_per_day": (0.0, 10_000.0, "IU/day"),
    "days": (30, 1_095, "days"),
}

#: Legend labels of the two runs (kept fixed so the figure can be updated in place).
CHOSEN, NORMAL = "chosen magnesium", "normal magnesium"


@dataclass(frozen=True)
class ActivationData:
    """What :func:`compute` returns and :func:`draw` shows.

    Attributes
    ----------
    serum_mg, vitd_iu_per_day, skin_iu_per_day : float
        The setting (mmol/L, IU/day, IU/day).
    normal_mg : float
        Serum magnesium of the comparison run (the model's reference, mmol/L).
    runs : mapping of str to DataFrame
        ``{"chosen magnesium": ..., "normal magnesium": ...}``, one row per day.
    reference, end : PathwayFluxes
        Pathway fluxes of the reference adult (normal magnesium, usual intakes: the width-1 arrows)
        and at the last day of the chosen run.
    warnings : tuple of str
        Intakes above tolerable upper intake levels and notable outputs.
    """

    serum_mg: float = field(metadata={"unit": "mmol/L", "source": "input"})
    vitd_iu_per_day: float = field(metadata={"unit": "IU/day", "source": "input"})
    skin_iu_per_day: float = field(metadata={"unit": "IU/day", "source": "input"})
    normal_mg: float = field(metadata={"unit": "mmol/L", "source": "ods_mg"})
    runs: Mapping[str, "pd.DataFrame"] = field(repr=False)
    reference: PathwayFluxes = field(repr=False)
    end: PathwayFluxes = field(repr=False)
    warnings: tuple[str, ...] = ()


@lru_cache(maxsize=16)
def _run(level: float, vitd_iu_per_day: float, skin_iu_per_day: float, days: int) -> "Result":
    """One person's run (memoized: the comparison run does not change with serum magnesium).

    The person has lived at this magnesium level with the usual intakes (the model's defaults);
    on day 0 the vitamin D intake (and skin supply) change to the chosen ones.
    """
    from mgdlearn.model import Scenario, simulate

    scenario = Scenario(vitamin_d_iu_per_day=vitd_iu_per_day, sun_iu_per_day=skin_iu_per_day, serum_mg_mmol_l=level)
    return simulate(scenario, days=days, start=Scenario(serum_mg_mmol_l=level))


@lru_cache(maxsize=1)
def _reference(normal: float) -> PathwayFluxes:
    from mgdlearn.model import Scenario, steady_state

    return PathwayFluxes.from_row(steady_state(Scenario(serum_mg_mmol_l=normal)), label="The reference adult")


def compute(serum_mg: float = 0.85, vitd_iu_per_day: float = 600.0, skin: bool = True,
            days: int = 365) -> ActivationData:
    """Run the teaching model for the explorer's setting (pure: same input, same output).

    Parameters
    ----------
    serum_mg : float
        Serum magnesium held during the run, 0.3-1.1 mmol/L (normal 0.75-0.95).
    vitd_iu_per_day : float
        Oral vitamin D, food plus supplements, 0-10,000 IU/day (adult RDA 600).
    skin : bool
        Whether the background vitamin D3 from skin and other sources (the model's default,
        ``Scenario().sun_iu_per_day``) continues.
    days : int
        Length of the run, 30-1,095 days.

    Raises
    ------
    InputError, InputTypeError
        For values outside the ranges above (the message names them).
    """
    from mgdlearn.model import Parameters
    from mgdlearn.model.scenario import DEFAULTS

    mg = require_number(serum_mg, "serum magnesium", low=LIMITS["serum_mg"][0], high=LIMITS["serum_mg"][1],
                        unit="mmol/L")
    vd = require_number(vitd_iu_per_day, "vitamin D intake", low=LIMITS["vitd_iu_per_day"][0],
                        high=LIMITS["vitd_iu_per_day"][1], unit="IU/day")
    if not isinstance(skin, bool):
        raise InputTypeError(f"skin must be True (background vitamin D from skin) or False; got {skin!r:.40}.")
    n = require_number(days, "run length", low=LIMITS["days"][0], high=LIMITS["days"][1], unit="days")
    if n != int(n):
        raise InputError(f"run length must be a whole number of days from {LIMITS['days'][0]} to "
                         f"{LIMITS['days'][1]}; got {n:g}.")
    normal = Parameters().mg_ref_mmol_l
    skin_iu = DEFAULTS["sun_iu_per_day"][0] if skin else 0.0
    runs: dict[str, Any] = {}
    warnings: list[str] = []
    for label, level in ((CHOSEN, mg), (NORMAL, normal)):
        result = _run(level, vd, skin_iu, int(n))
        runs[label] = result.df.copy()  # the memoized run stays untouched
        warnings.extend(w for w in result.warnings if w not in warnings)
    reference = _reference(normal)
    end_fluxes = PathwayFluxes.from_row(runs[CHOSEN].iloc[-1], label=f"Day {int(n)}: serum Mg {mg:.2f} mmol/L, "
                                        f"{vd:,.0f} IU/day oral + {skin_iu:,.0f} IU/day skin")
    return ActivationData(serum_mg=mg, vitd_iu_per_day=vd, skin_iu_per_day=skin_iu, normal_mg=normal,
                          runs=runs, reference=reference, end=end_fluxes, warnings=tuple(warnings))


#: Length of the time axis: the run-length slider's maximum.
TIME_AXIS_DAYS = 730
#: Tops of the y-axes: above every setting of the sliders (at most about 126 nmol/L and 99 pmol/L)
#: and the normal ranges; larger values (other inputs, from code) widen the axis.
Y_TOPS: Mapping[str, float] = {"ohd25_nmol_l": 150.0, "calcitriol_pmol_l": 200.0}


def _new_figure() -> "Figure":
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with apply_style():
        fig = Figure(figsize=(9.6, 7.0), layout="constrained")
        FigureCanvasAgg(fig)
        fig.subplot_mosaic([["ohd25_nmol_l", "calcitriol_pmol_l"], ["pathway", "pathway"]],
                           height_ratios=[1.0, 1.35])
    return fig


def _bands() -> dict[str, tuple[float, float]]:
    from mgdlearn.reference_values import normal_range

    h = normal_range("25ohd", "nmol/L")
    c = normal_range("calcitriol", "pmol/L")
    return {"ohd25_nmol_l": (h.low, h.high), "calcitriol_pmol_l": (c.low, c.high)}


def draw(data: ActivationData, fig: "Figure | None" = None) -> tuple["Figure", str]:
    """Draw the time courses and the end-of-run pathway; update ``fig`` in place when given.

    Returns
    -------
    (Figure, str)
        The figure and a one-paragraph summary (start and end values of both runs, the pathway at
        the end, and any intake warnings).
    """
    if not isinstance(data, ActivationData):
        raise InputTypeError(f"draw needs the ActivationData returned by compute(...); got {type(data).__name__}.")
    if fig is None or not getattr(fig, "_mgd_activation", False):
        fig = _new_figure()
        fig._mgd_activation = True  # type: ignore[attr-defined]
        bands = _bands()
        axes = {ax.get_label(): ax for ax in fig.axes}
        for column in COLUMNS:
            ax = axes[column]
            q = quantity(column)
            for label, (colour, style) in zip((CHOSEN, NORMAL), RUN_STYLES):
                ax.plot([], [], color=colour, linestyle=style, label=label)
            low, high = bands[column]
            static(ax.axhspan(low, high, color=PALETTE["bluish_green"], alpha=0.12, lw=0, label="normal range"))
            style_axes(ax, title=f"{q.label} (teaching model)", xlabel="time (days)", ylabel=f"{q.label} ({q.unit})")
        axes[COLUMNS[0]].legend(loc="best")
        fig.suptitle("Magnesium status and vitamin D intake: teaching-model time courses", fontweight="bold")
    axes = {ax.get_label(): ax for ax in fig.axes}
    for column in COLUMNS:
        ax = axes[column]
        top = 0.0
        for line, label in zip(ax.lines, (CHOSEN, NORMAL)):
            df = data.runs[label]
            line.set_data(df.index.to_numpy(), df[column].to_numpy())
            top = max(top, float(df[column].max()))
        # fixed frames (the time axis spans the longest run the slider offers; the y-axes every
        # setting and the normal ranges): a move redraws only the lines, and moves compare by eye
        ax.set_ylim(0, frame_top(Y_TOPS[column], top * 1.05))
        ax.set_xlim(0, max(TIME_AXIS_DAYS, len(data.runs[CHOSEN]) - 1))
    # a fixed title (the setting is on the sliders and in the caption): fewer glyphs per redraw
    # compact: the concentrations are in the time courses above and the ratios in the arrow widths
    # (and both in the caption), so a move renders fewer numbers
    draw_pathway_on(axes["pathway"], data.end, data.reference, compact=True,
                    title="The pathway on the last day of the chosen run (arrow width: flux relative to the "
                          "reference adult)")
    return fig, summarize(data)


def summarize(data: ActivationData) -> str:
    """The explorer's text summary (what a screen reader reads, what nbval compares)."""
    runs = {f"{CHOSEN}, {data.serum_mg:.2f} mmol/L": data.runs[CHOSEN],
            f"{NORMAL}, {data.normal_mg:.2f} mmol/L": data.runs[NORMAL]}
    skin = (f" plus {data.skin_iu_per_day:,.0f} IU/day from skin" if data.skin_iu_per_day
            else " and no vitamin D from skin")
    text = (f"Teaching model, {data.vitd_iu_per_day:,.0f} IU/day oral vitamin D{skin}. "
            + summarize_runs(runs, COLUMNS) + " Pathway at the end, relative to the reference adult: "
            + summarize_pathway(data.end, data.reference))
    if data.warnings:
        text += " Note: " + " ".join(data.warnings)
    return text


def activation_explorer(serum_mg: float = 0.85, vitd_iu_per_day: float = 600.0, skin: bool = True,
                        days: int = 365) -> "Explorer":
    """The lesson 1 explorer: sliders for serum magnesium, vitamin D intake and run length."""
    from mgdlearn.model.scenario import DEFAULTS
    from mgdlearn.widgets.base import Explorer, slider, toggle

    controls = {
        "serum_mg": slider("Serum magnesium", "mmol/L", value=serum_mg, min=LIMITS["serum_mg"][0],
                           max=LIMITS["serum_mg"][1], step=0.05),
        "vitd_iu_per_day": slider("Vitamin D intake, food + supplements", "IU/day", value=vitd_iu_per_day,
                                  min=0, max=4_000, step=100),
        "skin": toggle(f"Background vitamin D from skin ({DEFAULTS['sun_iu_per_day'][0]:,.0f} IU/day)", skin),
        "days": slider("Run length", "days", value=days, min=LIMITS["days"][0], max=TIME_AXIS_DAYS, step=30, integer=True),
    }
    return Explorer("Magnesium status × vitamin D intake", controls, compute, draw,
                    alt="Teaching-model time courses of 25(OH)D and calcitriol for the chosen magnesium level "
                        "and vitamin D intake, compared with normal magnesium, with the activation pathway "
                        "diagram at the end of the run.")
