"""Lesson 05: the article's magnesium-versus-vitamin D table, rebuilt with numbers and sources.

The text of each row is written once, in ``data/comparison.csv`` (:func:`mgdlearn.observations.
comparison_templates`); its numbers come from :mod:`mgdlearn.reference_values` and food amounts
from :mod:`mgdlearn.nutrition`, so the table always matches the library's data.
:func:`mgdlearn.plots.comparison.comparison_table_bundle` shows it.

Examples
--------
>>> from mgdlearn.experiments.comparison import comparison_rows
>>> [r.feature for r in comparison_rows()][:2]
['Main job', 'Where it sits in the body']
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from mgdlearn.nutrition import find_food
from mgdlearn.observations import comparison_templates
from mgdlearn.reference_values import bands, dri, dri_table, normal_range
from mgdlearn.units import convert

__all__ = ["ComparisonRow", "COMPARISON_FOODS", "comparison_numbers", "comparison_rows"]


@dataclass(frozen=True)
class ComparisonRow:
    """One row of the magnesium-versus-vitamin D comparison.

    Attributes
    ----------
    feature : str
        What is compared (``"Recommended intake"``).
    magnesium, vitamin_d : str
        The facts with numbers for each nutrient.
    together : str
        How the two interact for this feature.
    evidence : str
        Evidence level of the interaction claim (``established`` ... ``claim``), with a short reason.
    source : str
        Bibliography key(s) behind the row's numbers, ``";"``-separated.
    """

    feature: str
    magnesium: str
    vitamin_d: str
    together: str
    evidence: str
    source: str


def _adult_rda_span(nutrient: str) -> tuple[float, float, str]:
    """Lowest and highest adult (19+ years, not pregnant or lactating) RDA, with the sources."""
    rows = [d for d in dri_table(nutrient)
            if d.life_stage == "none" and d.age_band.split("-")[0].split(" ")[0].isdigit()
            and float(d.age_band.split("-")[0].split(" ")[0]) >= 19]
    return min(d.rda for d in rows), max(d.rda for d in rows), ";".join(sorted({d.source for d in rows}))


def _food_text(foods: Sequence[tuple[str, str]], nutrient: str) -> tuple[str, set[str]]:
    """``"pumpkin seeds 156 mg per 1 oz; ..."`` for (food name, label) pairs, and the sources used."""
    parts, sources = [], set()
    for name, label in foods:
        f = find_food(name)
        amount = f"{f.magnesium_mg:g} mg" if nutrient == "magnesium" else f"{f.vitamin_d_iu:,.0f} IU"
        parts.append(f"{label} {amount} per {f.serving}")
        sources.add(str(f.sources.get(nutrient, "")))
    return "; ".join(parts), {s for s in sources if s}


#: Foods listed in the comparison's food row: (name in the food table, label), per nutrient.
COMPARISON_FOODS = {
    "magnesium": (("pumpkin seeds", "pumpkin seeds"), ("almonds", "almonds"), ("spinach", "cooked spinach"),
                  ("black beans", "black beans"), ("avocado", "avocado")),
    "vitamin_d": (("salmon", "farmed salmon"), ("mushrooms_uv", "UV-exposed mushrooms"), ("milk", "fortified milk"),
                  ("egg", "egg"), ("tuna", "canned light tuna")),
}


def comparison_numbers() -> tuple[dict[str, object], dict[str, frozenset[str]]]:
    """The numbers the comparison's text takes from the reference values and the food table, by the
    names ``data/comparison.csv`` uses, and the bibliography keys behind each."""
    def ug(iu: float) -> float:
        return float(convert(iu, "IU", "µg", analyte="vitamin_d"))

    def keys(*sources: str) -> frozenset[str]:
        return frozenset(k for text in sources for k in text.split(";") if k)

    mg_lo, mg_hi, mg_src = _adult_rda_span("magnesium")
    vd_adult, vd_old = dri("vitamin_d", 30), dri("vitamin_d", 75)
    mg_ul, vd_ul = dri("magnesium", 30), dri("vitamin_d", 30)
    serum = normal_range("serum_mg", "mmol/L")
    adequate = next(b for b in bands("25ohd", "IOM", "nmol/L") if b.category == "adequate")
    mg_foods, mg_food_src = _food_text(COMPARISON_FOODS["magnesium"], "magnesium")
    vd_foods, vd_food_src = _food_text(COMPARISON_FOODS["vitamin_d"], "vitamin_d")
    vd_ul_iu = vd_ul.ul or 0.0
    values: dict[str, tuple[object, frozenset[str]]] = {
        "serum_mg_range": (f"{serum.low:g}-{serum.high:g} {serum.unit}", keys(serum.source)),
        "ohd25_adequate": (adequate.range_text, keys(adequate.source)),
        "ohd25_adequate_top": (f"{adequate.high:g} {adequate.unit}", keys(adequate.source)),
        "mg_rda_adult_low": (mg_lo, keys(mg_src)), "mg_rda_adult_high": (mg_hi, keys(mg_src)),
        "vd_rda_adult": (vd_adult.rda, keys(vd_adult.source)), "vd_rda_adult_ug": (ug(vd_adult.rda), keys(vd_adult.source)),
        "vd_rda_71plus": (vd_old.rda, keys(vd_old.source)), "vd_rda_71plus_ug": (ug(vd_old.rda), keys(vd_old.source)),
        "mg_ul": (mg_ul.ul, keys(mg_ul.source)),
        "vd_ul": (vd_ul_iu, keys(vd_ul.source)), "vd_ul_ug": (ug(vd_ul_iu), keys(vd_ul.source)),
        "magnesium_foods": (mg_foods, keys(*mg_food_src)), "vitamin_d_foods": (vd_foods, keys(*vd_food_src)),
    }
    return {k: v for k, (v, _) in values.items()}, {k: src for k, (_, src) in values.items()}


def comparison_rows() -> tuple[ComparisonRow, ...]:
    """The article's magnesium-versus-vitamin D table, row by row, with numbers and sources.

    The text is that of ``data/comparison.csv``; its numbers are read from
    :mod:`mgdlearn.reference_values` and food amounts from :mod:`mgdlearn.nutrition`, so the table
    always matches the library's data.
    """
    numbers, _ = comparison_numbers()
    return tuple(ComparisonRow(t.feature, t.magnesium.format(**numbers), t.vitamin_d.format(**numbers), t.together,
                               t.evidence, t.source) for t in comparison_templates())
