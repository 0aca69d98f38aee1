"""Published observations the course shows next to the teaching model.

The numbers live in CSV files under ``mgdlearn/data/`` (every row with a ``source`` key from
:mod:`mgdlearn.bibliography`), read with the :mod:`csv` module on first use:

* ``observations.csv``: measured human values at a known serum magnesium (Fatemi 1991's
  depletion study, Rude 1985's patients), by id (:func:`observation`, :func:`observations`);
* ``trial_findings.csv``: what the magnesium / vitamin D supplement studies found, and for whom
  (:func:`trial_findings`);
* ``comparison.csv``: the article's magnesium-versus-vitamin D table as text, with ``{names}`` where
  the numbers come from the reference values and food data (:func:`comparison_templates`;
  :mod:`mgdlearn.experiments.comparison` fills them in).

Examples
--------
>>> from mgdlearn.observations import observation
>>> before, after = observation("fatemi1991_before"), observation("fatemi1991_after")
>>> round((after.value - before.value) / before.value * 100)
-22
>>> after.serum_mg_mmol_l, after.unit
(0.61, 'pmol/L')
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from mgdlearn.errors import InputError
from mgdlearn.units import convert

__all__ = ["Observation", "observation", "observations", "TrialFinding", "trial_findings", "ComparisonTemplate",
           "comparison_templates"]

_DATA = Path(__file__).with_name("data")


def _read_csv(name: str) -> tuple[dict[str, str], ...]:
    with open(_DATA / name, newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


# --------------------------------------------------------------------------------------------
# measured values at a known serum magnesium
@dataclass(frozen=True)
class Observation:
    """A measured result the figures show next to the model (a row of ``observations.csv``).

    Attributes
    ----------
    id : str
        Row id (``"fatemi1991_after"``).
    label : str
        Short label (``"Fatemi 1991, after 3 weeks"``).
    serum_mg_mmol_l : float
        Serum magnesium of the group (mmol/L).
    quantity : str
        Model output column the value compares with (``"calcitriol_pmol_l"``).
    value : float
        The measured value, in ``unit``.
    unit : str
        Unit of ``value`` (that of the ``quantity`` column).
    source : str
        Bibliography key.
    note : str
        What the number is (mean, group, ...).
    """

    id: str
    label: str
    serum_mg_mmol_l: float = field(metadata={"unit": "mmol/L", "source": "see source"})
    quantity: str = ""
    value: float = field(default=0.0, metadata={"unit": "see unit", "source": "see source"})
    unit: str = ""
    source: str = ""
    note: str = ""


@lru_cache(maxsize=1)
def _observations() -> tuple[Observation, ...]:
    return tuple(Observation(id=r["id"], label=r["label"], serum_mg_mmol_l=float(r["serum_mg_mmol_l"]),
                             quantity=r["quantity"], value=float(r["value"]), unit=r["unit"], source=r["source"],
                             note=r["note"]) for r in _read_csv("observations.csv"))


def observations(source: str | None = None) -> tuple[Observation, ...]:
    """Every observation, in the order of ``observations.csv`` (or those of one bibliography key)."""
    return tuple(o for o in _observations() if source is None or o.source == source)


def observation(id: str) -> Observation:
    """The observation with this id (a row of ``observations.csv``)."""
    for o in _observations():
        if o.id == id:
            return o
    raise InputError(f"No observation {id!r}; known: {', '.join(o.id for o in _observations())}.")


# --------------------------------------------------------------------------------------------
# what the trials found
@dataclass(frozen=True)
class TrialFinding:
    """One result about magnesium, vitamin D and serum 25(OH)D, with who was studied.

    Attributes
    ----------
    id : str
        Row id of ``trial_findings.csv``.
    label : str
        Short row label (``"Cheung 2022: Mg + D3"``; may hold a line break).
    kind : str
        ``"trial"`` (a randomised trial arm), ``"expected"`` (what vitamin D alone is expected to do,
        from dose-response data) or ``"direction"`` (a trial that reports a direction, shown without
        a number here).
    intervention : str
        What was given, how much and for how long.
    population : str
        Who took part (and how many).
    change_ng_ml : float or None
        Mean change of serum 25(OH)D in ng/mL (``None`` for direction-only findings); a change the
        source gives in nmol/L is converted and rounded to 0.1 ng/mL.
    spread_ng_ml : float or None
        Standard deviation of the individual changes (spread between people, not the
        uncertainty of the mean), where reported.
    direction : int
        +1 rise, -1 fall, 0 no change.
    evidence : str
        ``established``, ``supported``, ``emerging`` or ``claim`` (scale of the course fact base).
    note : str
        What else the study found, or how the number was derived.
    source : str
        Bibliography key(s), ``";"``-separated.
    """

    id: str
    label: str
    kind: str
    intervention: str
    population: str
    change_ng_ml: float | None = field(metadata={"unit": "ng/mL", "source": "see source"})
    spread_ng_ml: float | None = field(metadata={"unit": "ng/mL", "source": "see source"})
    direction: int
    evidence: str
    note: str
    source: str

    @property
    def change_nmol_l(self) -> float | None:
        """The mean change in nmol/L."""
        return None if self.change_ng_ml is None else self.change_ng_ml * _nmol_per_ng()


def _nmol_per_ng() -> float:
    """nmol/L in 1 ng/mL of 25(OH)D, from :mod:`mgdlearn.units` (which cites the molar mass)."""
    return float(convert(1.0, "ng/mL", "nmol/L", analyte="25ohd"))


def _change_ng_ml(value: str, unit: str) -> float | None:
    if not value.strip():
        return None
    if unit == "ng/mL":
        return float(value)
    return round(float(convert(float(value), unit, "ng/mL", analyte="25ohd")), 1)


@lru_cache(maxsize=1)
def trial_findings() -> tuple[TrialFinding, ...]:
    """The findings of ``trial_findings.csv``, in order (what :func:`mgdlearn.plots.trials.draw_trial_effects` shows)."""
    return tuple(TrialFinding(
        id=r["id"], label=r["label"], kind=r["kind"], intervention=r["intervention"], population=r["population"],
        change_ng_ml=_change_ng_ml(r["change"], r["change_unit"]),
        spread_ng_ml=float(r["spread_ng_ml"]) if r["spread_ng_ml"].strip() else None,
        direction=int(r["direction"]), evidence=r["evidence"], note=r["note"], source=r["source"])
        for r in _read_csv("trial_findings.csv"))


# --------------------------------------------------------------------------------------------
# the article's comparison table
@dataclass(frozen=True)
class ComparisonTemplate:
    """One row of the article's magnesium-versus-vitamin D table, as written in ``comparison.csv``.

    ``magnesium`` and ``vitamin_d`` may hold ``{name}`` fields (:meth:`str.format`) for numbers read
    from the reference values and the food table; ``source`` lists every key behind the row.
    """

    feature: str
    magnesium: str
    vitamin_d: str
    together: str
    evidence: str
    source: str


@lru_cache(maxsize=1)
def comparison_templates() -> tuple[ComparisonTemplate, ...]:
    """The rows of ``comparison.csv``, in order."""
    return tuple(ComparisonTemplate(**row) for row in _read_csv("comparison.csv"))
