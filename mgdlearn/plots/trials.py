"""Lesson 05: what the magnesium / vitamin D supplement studies found, for whom, next to what vitamin D
alone is expected to do (the findings of :func:`mgdlearn.observations.trial_findings`,
``data/trial_findings.csv``)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from mgdlearn.errors import InputTypeError
from mgdlearn.observations import TrialFinding, trial_findings
from mgdlearn.plots.style import PALETTE, color, new_figure, style_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["draw_trial_effects"]


def draw_trial_effects(findings: Sequence[TrialFinding] | None = None) -> tuple["Figure", str]:
    """Horizontal chart of the change in serum 25(OH)D for each finding, labelled with its population.

    Numbers are bars (with the person-to-person SD as a thin line where reported); direction-only
    findings are arrows without a length claim. Returns the figure and a summary.
    """
    rows = trial_findings() if findings is None else tuple(findings)
    if not rows or not all(isinstance(f, TrialFinding) for f in rows):
        raise InputTypeError("draw_trial_effects needs one or more TrialFinding rows (see mgdlearn.observations.trial_findings()).")
    fig, ax = new_figure(width=9.0, height=0.75 * len(rows) + 1.6)
    colours = {"trial": PALETTE["blue"], "expected": color("comparison"), "direction": PALETTE["vermillion"]}
    numbers = [f.change_ng_ml for f in rows if f.change_ng_ml is not None]
    arrow = 0.45 * (max(numbers) if numbers else 6.0)
    for y, f in enumerate(rows):
        colour = colours.get(f.kind, PALETTE["black"])
        if f.change_ng_ml is not None:
            ax.barh(y, f.change_ng_ml, height=0.55, color=colour, hatch="" if f.kind == "trial" else "//",
                    edgecolor=PALETTE["black"], linewidth=0.5, alpha=0.9 if f.kind == "trial" else 0.5)
            if f.spread_ng_ml:
                ax.errorbar(f.change_ng_ml, y, xerr=f.spread_ng_ml, color=PALETTE["black"], capsize=3, lw=1)
            ax.text(f.change_ng_ml + (f.spread_ng_ml or 0) + 0.3, y,
                    f"{f.change_ng_ml:+.1f} ng/mL ({f.change_nmol_l:+.0f} nmol/L)", va="center", fontsize=8)
        else:
            ax.annotate("", xy=(f.direction * arrow, y), xytext=(0, y),
                        arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.5))
            word = "rose" if f.direction > 0 else "fell" if f.direction < 0 else "no change"
            ax.text(f.direction * arrow + (0.3 if f.direction >= 0 else -0.3), y, f"{word} (direction only)",
                    va="center", ha="left" if f.direction >= 0 else "right", fontsize=8)
    ax.axvline(0, color=PALETTE["black"], lw=0.8)
    ax.set_yticks(range(len(rows)), [f.label for f in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    low = -arrow - 9.0
    high = max([(f.change_ng_ml or 0) + (f.spread_ng_ml or 0) for f in rows] + [arrow]) + 9
    ax.set_xlim(low, high)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=colours["trial"], edgecolor=PALETTE["black"], label="trial arm (mean; whisker ± 1 SD between people)"),
               Patch(facecolor=colours["expected"], hatch="//", alpha=0.5, edgecolor=PALETTE["black"],
                     label="expected from vitamin D alone (dose-response data)"),
               Line2D([], [], color=colours["direction"], lw=2.5, marker=">", label="direction only (no size shown)")]
    ax.legend(handles=handles, loc="lower right", fontsize=7.5)
    style_axes(ax, title="Magnesium, vitamin D and serum 25(OH)D: what studies found, and in whom",
               xlabel="change in serum 25(OH)D over the study (ng/mL)", ylabel="")
    return fig, _trial_summary(rows)


def _trial_summary(rows: Sequence[TrialFinding]) -> str:
    parts = []
    for f in rows:
        who = f.population
        if f.change_ng_ml is not None:
            spread = f" (person-to-person SD {f.spread_ng_ml:.1f} ng/mL)" if f.spread_ng_ml else ""
            verb = "is expected to raise" if f.kind == "expected" else "raised"
            parts.append(f"{f.label.splitlines()[0]}: {f.intervention} {verb} 25(OH)D by "
                         f"{f.change_ng_ml:+.1f} ng/mL ({f.change_nmol_l:+.0f} nmol/L){spread} in {who}")
        else:
            parts.append(f"{f.label.splitlines()[0]}: with {f.intervention}, in {who}, {f.note}")
    return ("; ".join(parts) + ". Only one small trial tested magnesium plus vitamin D against vitamin D "
            "alone, in one population; its rise is about what vitamin D alone does in normal-weight people.")
