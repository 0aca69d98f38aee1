"""Lesson 05: the richest magnesium and vitamin D foods per serving, as amounts and as a share of the
RDA (the data of :func:`mgdlearn.experiments.foods.food_ranking`)."""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from mgdlearn.errors import InputTypeError
from mgdlearn.experiments.foods import FoodRanking
from mgdlearn.plots.style import PALETTE, color, new_figure, style_axes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["draw_food_sources"]


def draw_food_sources(data: FoodRanking) -> tuple["Figure", str]:
    """Two bar panels: the richest magnesium and vitamin D foods per serving, as amount and % of RDA.

    Foods the article names are hatched. Returns the figure and a summary.
    """
    if not isinstance(data, FoodRanking):
        raise InputTypeError(f"draw_food_sources needs the FoodRanking from food_ranking(); got {type(data).__name__}.")
    fig, (ax_mg, ax_vd) = new_figure(1, 2, width=10.0, height=0.42 * max(len(data.magnesium), 6) + 1.4)
    panels = ((ax_mg, data.magnesium, data.magnesium_rda, "mg", "magnesium", "Magnesium per serving"),
              (ax_vd, data.vitamin_d, data.vitamin_d_rda, "IU", "vitamin_d", "Vitamin D per serving"))
    for ax, rows, rda_value, unit, series, title in panels:
        y = range(len(rows))
        for i, (_, amount, named) in enumerate(rows):
            ax.barh(i, amount, color=color(series), edgecolor=PALETTE["black"], linewidth=0.5,
                    hatch="//" if named else "")
            ax.text(amount, i, f" {amount:,.0f} {unit} ({100 * amount / rda_value:.0f} %)", va="center", fontsize=7)
        ax.set_yticks(list(y), [textwrap.fill(label, 34) for label, _, _ in rows], fontsize=7)
        ax.invert_yaxis()
        ax.set_xlim(0, max(a for _, a, _ in rows) * 1.45)
        style_axes(ax, title=f"{title}\n(% of the RDA of {rda_value:,.0f} {unit}/day)", xlabel=f"{unit} per serving",
                   ylabel="")
    fig.suptitle(f"Richest foods per serving (hatched: named in the article; RDA of a {data.person})",
                 fontweight="bold")
    return fig, _food_summary(data)


def _food_summary(data: FoodRanking) -> str:
    def listing(rows: tuple[tuple[str, float, bool], ...], unit: str, rda_value: float) -> str:
        return ", ".join(f"{label} {amount:,.0f} {unit} ({100 * amount / rda_value:.0f} %)"
                         for label, amount, _ in rows[:4])
    return (f"Per serving, the richest magnesium foods are {listing(data.magnesium, 'mg', data.magnesium_rda)}; "
            f"the richest vitamin D foods are {listing(data.vitamin_d, 'IU', data.vitamin_d_rda)} "
            f"(percentages of the RDA for a {data.person}: {data.magnesium_rda:,.0f} mg and "
            f"{data.vitamin_d_rda:,.0f} IU per day). Magnesium comes from seeds, nuts, greens and whole grains; "
            "vitamin D from a few fish, fortified foods and UV-exposed mushrooms. Hardly any food is rich in both.")
