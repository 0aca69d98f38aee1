"""Where a 25(OH)D result falls among the status categories (start page, lesson 01).

Examples
--------
>>> from mgdlearn.experiments.status import compute
>>> data = compute(20, unit="ng/mL")
>>> data.classification.category, round(data.other_value, 1), data.other_unit
('adequate', 49.9, 'nmol/L')
"""
from __future__ import annotations

from dataclasses import dataclass

from mgdlearn.reference_values import Band, Classification, bands, classify_25ohd
from mgdlearn.units import convert

__all__ = ["StatusData", "compute"]


@dataclass(frozen=True)
class StatusData:
    """A 25(OH)D result, its category and the bands of its scheme.

    Attributes
    ----------
    value, unit : float, str
        The result as given (``20``, ``"ng/mL"``).
    scheme : str
        ``"IOM"`` or ``"ES2011"`` (see :func:`mgdlearn.reference_values.classify_25ohd`).
    other_value, other_unit : float, str
        The same result in the other unit.
    classification : Classification
    bands : tuple of Band
        The scheme's categories in ``unit``.
    """

    value: float
    unit: str
    scheme: str
    other_value: float
    other_unit: str
    classification: Classification
    bands: tuple[Band, ...]


def compute(value: float, unit: str = "ng/mL", scheme: str = "IOM") -> StatusData:
    """Classify ``value`` (in ``unit``) in ``scheme``; raises ``ValueError``/``TypeError`` for bad input
    (from :mod:`mgdlearn.reference_values`)."""
    result = classify_25ohd(value, unit=unit, scheme=scheme)
    other = "nmol/L" if unit == "ng/mL" else "ng/mL"
    return StatusData(value=value, unit=unit, scheme=scheme, other_value=float(convert(value, unit, other, analyte="25ohd")),
                      other_unit=other, classification=result, bands=bands("25ohd", scheme=scheme, unit=unit))
