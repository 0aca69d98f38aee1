"""Warnings of the teaching model: intakes above upper levels and dangerous values, each with its
value, threshold and source.

A :class:`ModelWarning` is a string (its message), so ``" ".join(result.warnings)`` and ``w in
warnings`` keep working, and it also carries ``kind``, ``value``, ``threshold``, ``unit`` and
``source`` for explorers and lessons that show them. The thresholds of the danger flags live once,
in ``mgdlearn/data/danger_thresholds.csv`` (kind, output column, direction, threshold, unit, what
it means, source).

Examples
--------
>>> from mgdlearn.model.dangers import ModelWarning
>>> w = ModelWarning("Serum magnesium 0.40 mmol/L is below 0.5 mmol/L.", kind="severe_hypomagnesaemia",
...                  value=0.40, threshold=0.5, unit="mmol/L", source="ctcae5")
>>> str(w), w.kind, w.threshold
('Serum magnesium 0.40 mmol/L is below 0.5 mmol/L.', 'severe_hypomagnesaemia', 0.5)
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from mgdlearn.bibliography import cite

#: How each model column is named in a warning.
_WHAT = {"mg_serum_mmol_l": "Serum magnesium", "ca_ion_mmol_l": "Ionized calcium", "ohd25_nmol_l": "25(OH)D",
         "ca_x_p_mg2_dl2": "The calcium x phosphate product"}


class ModelWarning(str):
    """A warning message (a ``str``) that also names what it measures.

    Attributes
    ----------
    kind : str
        What it flags (``"severe_hypomagnesaemia"``, ``"vitamin_d_ul"`` ...).
    value : float or None
        The value reached (the lowest or highest in a run), in ``unit``.
    threshold : float or None
        The threshold crossed, in ``unit``.
    unit : str
    source : str
        Bibliography key(s) of the threshold, ``";"``-separated.
    """

    kind: str
    value: float | None
    threshold: float | None
    unit: str
    source: str

    def __new__(cls, message: str, *, kind: str, value: float | None = None, threshold: float | None = None,
                unit: str = "", source: str = "") -> "ModelWarning":
        self = super().__new__(cls, message)
        for name, v in (("kind", kind), ("value", value), ("threshold", threshold), ("unit", unit),
                        ("source", source)):
            object.__setattr__(self, name, v)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("ModelWarning is read-only")

    def __reduce__(self) -> tuple:
        return (_rebuild, (str(self), self.kind, self.value, self.threshold, self.unit, self.source))

    @property
    def message(self) -> str:
        """The message as a plain string."""
        return str.__str__(self)

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain dictionary (for tables)."""
        return {"kind": self.kind, "value": self.value, "threshold": self.threshold, "unit": self.unit,
                "source": self.source, "message": self.message}


def _rebuild(message: str, kind: str, value: Any, threshold: Any, unit: str, source: str) -> ModelWarning:
    return ModelWarning(message, kind=kind, value=value, threshold=threshold, unit=unit, source=source)


@dataclass(frozen=True)
class DangerThreshold:
    """One row of ``danger_thresholds.csv``."""

    kind: str
    column: str
    direction: str
    threshold: float
    unit: str
    label: str
    risk: str
    source: str


@lru_cache(maxsize=1)
def danger_thresholds() -> tuple[DangerThreshold, ...]:
    """The danger flags' thresholds, from ``mgdlearn/data/danger_thresholds.csv``."""
    text = resources.files("mgdlearn").joinpath("data/danger_thresholds.csv").read_text(encoding="utf-8")
    return tuple(DangerThreshold(kind=r["kind"], column=r["column"], direction=r["direction"],
                                 threshold=float(r["threshold"]), unit=r["unit"], label=r["label"],
                                 risk=r["risk"], source=r["source"])
                 for r in csv.DictReader(text.splitlines()))


def _cite(keys: str) -> str:
    return "; ".join(cite(k).short for k in keys.split(";") if k)


def output_warnings(extremes: Mapping[str, tuple[float, float]], *, steady: bool = False) -> list[ModelWarning]:
    """Danger flags for a run (or a steady state) from each column's (lowest, highest) value."""
    out: list[ModelWarning] = []
    verb_low, verb_high = ("is", "is") if steady else ("falls to", "reaches")
    for t in danger_thresholds():
        if t.column not in extremes:
            continue
        low, high = extremes[t.column]
        value = low if t.direction == "below" else high
        if not math.isfinite(value):
            continue
        crossed = value < t.threshold if t.direction == "below" else value > t.threshold
        if not crossed:
            continue
        digits = 0 if t.unit in ("nmol/L", "mg^2/dL^2") else 2
        verb = verb_low if t.direction == "below" else verb_high
        message = (f"{_WHAT.get(t.column, t.column)} {verb} {value:.{digits}f} {t.unit}, {t.direction} "
                   f"{t.threshold:g} {t.unit}: {t.label}; {t.risk} ({_cite(t.source)}). A teaching model: "
                   "real values need a doctor and a laboratory.")
        out.append(ModelWarning(message, kind=t.kind, value=float(value), threshold=t.threshold, unit=t.unit,
                                source=t.source))
    return out


__all__ = ["DangerThreshold", "ModelWarning", "danger_thresholds", "output_warnings"]
