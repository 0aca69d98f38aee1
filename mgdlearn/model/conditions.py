"""Causes of magnesium loss as scenario inputs: ``Scenario(conditions=("ppi", "thiazide"))``.

The table lives once, in ``mgdlearn/data/mg_loss_conditions.csv``: one row per condition with its
mechanism, the model effect (a factor on active intestinal uptake, a factor on the renal magnesium
threshold, extra gut loss), the basis of that size and its sources. Several conditions combine
(factors multiply, losses add).

Examples
--------
>>> from mgdlearn.model.conditions import CONDITIONS, condition_effects
>>> sorted(CONDITIONS)[:3]
['alcohol_use_disorder', 'chronic_diarrhoea', 'loop_diuretic']
>>> round(condition_effects(("loop_diuretic", "thiazide"))["cond_mg_threshold"], 3)
0.855
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Iterable, Mapping

from mgdlearn.errors import InputError, InputTypeError


@dataclass(frozen=True)
class Condition:
    """One cause of magnesium loss (a row of ``mg_loss_conditions.csv``)."""

    name: str
    label: str
    mechanism: str
    gut_transcellular_factor: float
    renal_threshold_factor: float
    gut_loss_mmol_per_day: float
    size_basis: str
    source: str
    evidence: str


@lru_cache(maxsize=1)
def _load() -> Mapping[str, Condition]:
    text = resources.files("mgdlearn").joinpath("data/mg_loss_conditions.csv").read_text(encoding="utf-8")
    rows = {}
    for row in csv.DictReader(text.splitlines()):
        rows[row["name"]] = Condition(
            name=row["name"], label=row["label"], mechanism=row["mechanism"],
            gut_transcellular_factor=float(row["gut_transcellular_factor"]),
            renal_threshold_factor=float(row["renal_threshold_factor"]),
            gut_loss_mmol_per_day=float(row["gut_loss_mmol_per_day"]),
            size_basis=row["size_basis"], source=row["source"], evidence=row["evidence"])
    return MappingProxyType(rows)


class _Conditions(Mapping[str, Condition]):
    """Read-only view of the table, loaded on first use."""

    def __getitem__(self, key: str) -> Condition:
        return _load()[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(_load())

    def __len__(self) -> int:
        return len(_load())


#: name -> :class:`Condition`, the allowed values of ``Scenario(conditions=...)``.
CONDITIONS: Mapping[str, Condition] = _Conditions()


def check_conditions(value: object) -> tuple[str, ...]:
    """Validate ``Scenario.conditions``: a tuple (or list) of names from :data:`CONDITIONS`.

    Returns the names sorted and without repeats (a condition counts once).
    """
    allowed = ", ".join(repr(n) for n in sorted(CONDITIONS))
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, Iterable) or isinstance(value, (bytes, Mapping)):
        raise InputTypeError(f"conditions must be a tuple of names; got {type(value).__name__}. "
                             f"Allowed names: {allowed}.")
    names = []
    for item in value:
        if not isinstance(item, str):
            raise InputTypeError(f"conditions must hold names (strings); got {type(item).__name__} {item!r:.40}. "
                                 f"Allowed names: {allowed}.")
        key = item.strip().lower()
        if key not in CONDITIONS:
            raise InputError(f"unknown condition {item!r}. Allowed names: {allowed}.")
        names.append(key)
    return tuple(sorted(set(names)))


def condition_effects(names: Iterable[str]) -> dict[str, float]:
    """Combined model effects of the named conditions (factors multiply, losses add)."""
    transcellular, threshold, loss = 1.0, 1.0, 0.0
    for name in names:
        c = CONDITIONS[name]
        transcellular *= c.gut_transcellular_factor
        threshold *= c.renal_threshold_factor
        loss += c.gut_loss_mmol_per_day
    return {"cond_mg_transcellular": transcellular, "cond_mg_threshold": threshold, "cond_mg_gut_loss": loss}


__all__ = ["CONDITIONS", "Condition", "check_conditions", "condition_effects"]
