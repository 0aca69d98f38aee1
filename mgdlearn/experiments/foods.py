"""Lesson 05: the foods richest in magnesium and in vitamin D per serving, against the RDA.

Examples
--------
>>> from mgdlearn.experiments.foods import food_ranking
>>> ranking = food_ranking(n=3)
>>> ranking.magnesium[0][0]
'Pumpkin seeds, roasted (1 oz)'
"""
from __future__ import annotations

from dataclasses import dataclass, field

from mgdlearn.errors import InputTypeError, require_number
from mgdlearn.nutrition import Person, foods

__all__ = ["FoodRanking", "food_ranking"]


@dataclass(frozen=True)
class FoodRanking:
    """The foods richest in magnesium and in vitamin D per serving, with the reference intakes.

    Attributes
    ----------
    magnesium, vitamin_d : tuple of (label, amount, named_in_article)
        Label ``"Pumpkin seeds, roasted (1 oz)"``, amount per serving (mg; IU) and whether the
        article names the food.
    magnesium_rda, vitamin_d_rda : float
        RDA of the person compared with (mg/day; IU/day).
    person : str
        Who the RDA is for (``"female, 40 years"``).
    source : str
        Sources of the food amounts and reference intakes.
    """

    magnesium: tuple[tuple[str, float, bool], ...] = field(metadata={"unit": "mg/serving", "source": "ods_mg;usda_fdc"})
    vitamin_d: tuple[tuple[str, float, bool], ...] = field(metadata={"unit": "IU/serving", "source": "ods_vitd;usda_fdc"})
    magnesium_rda: float = field(metadata={"unit": "mg/day", "source": "ods_mg;iom1997"})
    vitamin_d_rda: float = field(metadata={"unit": "IU/day", "source": "ods_vitd;iom2011"})
    person: str
    source: str


def food_ranking(n: int = 8, age_years: float = 40.0, sex: str = "female") -> FoodRanking:
    """The ``n`` (3-15) foods of :func:`mgdlearn.nutrition.foods` richest in each nutrient per serving."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise InputTypeError(f"n must be a whole number from 3 to 15; got {type(n).__name__}.")
    count = int(require_number(n, "n", low=3, high=15))
    person = Person(age_years=age_years, sex=sex)
    table = foods()

    def top(column: str) -> tuple[tuple[str, float, bool], ...]:
        best = table.sort_values([column, "name"], ascending=[False, True]).head(count)
        return tuple((f"{r.name} ({r.serving})", float(getattr(r, column)), bool(r.named_in_article))
                     for r in best.itertuples())

    mg_dri, vd_dri = person.dri("magnesium"), person.dri("vitamin_d")
    return FoodRanking(magnesium=top("magnesium_mg_per_serving"), vitamin_d=top("vitd_iu_per_serving"),
                       magnesium_rda=float(mg_dri.rda), vitamin_d_rda=float(vd_dri.rda), person=person.describe(),
                       source=f"ods_mg;ods_vitd;usda_fdc;{mg_dri.source};{vd_dri.source}")
