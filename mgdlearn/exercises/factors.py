"""Conversion factors for the exercises, read from :mod:`mgdlearn.units` (which cites their sources).

Exercise sources name them as ``factors.<function>()`` in answers and typical-mistake formulas, so
no factor is typed into an exercise.
"""
from __future__ import annotations

from functools import lru_cache
from mgdlearn.units import convert as _convert


__all__ = ["nmol_per_ng_25ohd", "pmol_per_pg_calcitriol", "iu_per_ug_vitamin_d", "mmol_per_mg_dl_serum_mg",
           "mmol_per_mg_dl_calcium", "pg_per_pmol_pth", "convert"]


def convert(value: float, from_unit: str, to_unit: str, analyte: str) -> float:
    """:func:`mgdlearn.units.convert` for one number."""
    return float(_convert(value, from_unit, to_unit, analyte=analyte))


@lru_cache(maxsize=None)
def nmol_per_ng_25ohd() -> float:
    """nmol/L in 1 ng/mL of 25(OH)D (about 2.496; pubchem)."""
    return convert(1.0, "ng/mL", "nmol/L", "25ohd")


@lru_cache(maxsize=None)
def pmol_per_pg_calcitriol() -> float:
    """pmol/L in 1 pg/mL of calcitriol (about 2.400; pubchem)."""
    return convert(1.0, "pg/mL", "pmol/L", "calcitriol")


@lru_cache(maxsize=None)
def iu_per_ug_vitamin_d() -> float:
    """IU in 1 µg of vitamin D (40; iom2011)."""
    return convert(1.0, "µg", "IU", "vitamin_d")


@lru_cache(maxsize=None)
def mmol_per_mg_dl_serum_mg() -> float:
    """mmol/L in 1 mg/dL of serum magnesium (about 0.411; ciaaw)."""
    return convert(1.0, "mg/dL", "mmol/L", "serum_mg")


@lru_cache(maxsize=None)
def mmol_per_mg_dl_calcium() -> float:
    """mmol/L in 1 mg/dL of serum calcium (about 0.2495; ciaaw)."""
    return convert(1.0, "mg/dL", "mmol/L", "calcium")


@lru_cache(maxsize=None)
def pg_per_pmol_pth() -> float:
    """pg/mL in 1 pmol/L of intact PTH (about 9.43)."""
    return convert(1.0, "pmol/L", "pg/mL", "pth")
