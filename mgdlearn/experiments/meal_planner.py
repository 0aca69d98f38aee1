"""Lesson 05's meal planner: a day's foods, the person and supplements against the reference intakes.

* :func:`compute` turns the chosen foods, the person and supplements into :class:`PlannerData`
  (an :class:`mgdlearn.nutrition.Assessment` plus the bar heights in % of the RDA/AI), drawn by
  :func:`mgdlearn.plots.meal_planner.draw_planner`;
* :func:`simulate_diet` hands the diet to the model for 180 days.

Bad input (negative servings, a pregnant man, an unknown food) raises ``ValueError``/``TypeError``
with a short message. Teaching tool, not dietary advice (:data:`mgdlearn.nutrition.CAVEAT`).

Examples
--------
>>> from mgdlearn.experiments.meal_planner import compute
>>> data = compute([("pumpkin seeds", 1), ("milk", 2)], age_years=30, sex="female")
>>> round(data.bars["magnesium"][0])
68
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

from mgdlearn.model import Result, Scenario, simulate
from mgdlearn.nutrition import Assessment, Person, Supplements, assess, to_scenario

__all__ = ["DEFAULT_MENU", "LIFE_STAGES", "NO_FOOD", "SIM_DAYS", "PlannerData", "compute", "person", "selection",
           "simulate_diet"]

#: A plain day low in magnesium-rich foods, to start from (food, servings).
DEFAULT_MENU: tuple[tuple[str, float], ...] = (
    ("oatmeal", 1.0), ("milk", 1.0), ("banana", 1.0), ("white rice", 2.0), ("chicken breast", 1.0),
    ("broccoli", 1.0),
)
#: Life-stage choices of the widget -> (pregnant, lactating).
LIFE_STAGES: Mapping[str, tuple[bool, bool]] = MappingProxyType({
    "none": (False, False), "pregnant": (True, False), "breastfeeding": (False, True),
})
#: The food choice of an empty row.
NO_FOOD = "(none)"
#: Days the model runs the diet.
SIM_DAYS = 180


@dataclass(frozen=True)
class PlannerData:
    """What the chart shows.

    Attributes
    ----------
    assessment : Assessment
        The day's intake against the person's reference intakes.
    bars : mapping
        Nutrient -> (food, supplements) as % of the RDA/AI (the heights of the stacked bars).
    ul_percent : mapping
        Nutrient -> UL as % of the RDA/AI (``None`` where no UL is set).
    """

    assessment: Assessment
    bars: Mapping[str, tuple[float, float]]
    ul_percent: Mapping[str, float | None]


def selection(foods: Any) -> list[tuple[str, float]]:
    """The (food, servings) rows of ``foods`` (a list of pairs or a mapping), empty rows left out."""
    if isinstance(foods, Mapping):
        items: Iterable[Any] = foods.items()
    else:
        items = foods
    return [(name, servings) for name, servings in items if name and name != NO_FOOD]


def person(age_years: float, sex: str, life_stage: str) -> Person:
    """The :class:`~mgdlearn.nutrition.Person` of the planner's controls (life stage from :data:`LIFE_STAGES`)."""
    if life_stage not in LIFE_STAGES:
        raise ValueError(f"life stage {life_stage!r} is not one of: {', '.join(LIFE_STAGES)}.")
    pregnant, lactating = LIFE_STAGES[life_stage]
    return Person(age_years=age_years, sex=sex, pregnant=pregnant, lactating=lactating)


def compute(foods: Sequence[tuple[str, float]] | Mapping[str, float], age_years: float = 30.0,
            sex: str = "female", life_stage: str = "none", supplement_magnesium_mg: float = 0.0,
            supplement_calcium_mg: float = 0.0, supplement_vitamin_d_iu: float = 0.0) -> PlannerData:
    """Assess the chosen foods and supplements for one person; bar heights in % of the RDA/AI.

    ``foods`` is a list of ``(food name, servings)`` (``"(none)"`` rows are skipped) or a mapping.
    Raises ``ValueError``/``TypeError`` with a helpful message for bad input.
    """
    supplements = Supplements(magnesium_mg=supplement_magnesium_mg, calcium_mg=supplement_calcium_mg,
                              vitamin_d_iu=supplement_vitamin_d_iu)
    a = assess(selection(foods), person(age_years, sex, life_stage), supplements)
    bars = {s.nutrient: (100.0 * s.food / s.rda, 100.0 * s.supplements / s.rda) for s in a.statuses}
    uls = {s.nutrient: (None if s.ul is None else 100.0 * s.ul / s.rda) for s in a.statuses}
    return PlannerData(assessment=a, bars=MappingProxyType(bars), ul_percent=MappingProxyType(uls))


def simulate_diet(foods: Sequence[tuple[str, float]] | Mapping[str, float], sun_iu_per_day: float = 0.0,
                  supplement_magnesium_mg: float = 0.0, supplement_calcium_mg: float = 0.0,
                  supplement_vitamin_d_iu: float = 0.0, days: int = SIM_DAYS) -> Result:
    """Run the model for ``days`` days of this diet (every day), starting from an average adult.

    Returns the :class:`mgdlearn.model.Result`; its ``df`` has ``ohd25_nmol_l`` and
    ``mg_serum_mmol_l`` among its columns.
    """
    supplements = Supplements(magnesium_mg=supplement_magnesium_mg, calcium_mg=supplement_calcium_mg,
                              vitamin_d_iu=supplement_vitamin_d_iu)
    scenario = to_scenario(selection(foods), sun_iu_per_day=sun_iu_per_day, supplements=supplements)
    return simulate(scenario, days=days, start=Scenario())
