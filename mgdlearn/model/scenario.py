"""What a person takes in, and when: :class:`Scenario`, :class:`Supplement`, :class:`Bolus`.

A scenario is validated when it is created, so a widget can build one from slider values and
catch ``ValueError``/``TypeError`` to show the message. The allowed ranges are generous enough for
teaching (far above any sensible intake) but refuse absurd values. Intakes above the tolerable
upper intake level (UL) are allowed and reported in ``Result.warnings``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Union

from mgdlearn import reference_values
from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.model.conditions import check_conditions
from mgdlearn.model.dangers import ModelWarning

#: Allowed input ranges: name -> (low, high, unit, source of the default / reason for the range).
RANGES: Mapping[str, tuple[float, float, str]] = MappingProxyType({
    "vitamin_d_iu_per_day": (0.0, 50_000.0, "IU/day"),
    "sun_iu_per_day": (0.0, 25_000.0, "IU/day"),
    "magnesium_mg_per_day": (0.0, 1_500.0, "mg/day"),
    "calcium_mg_per_day": (0.0, 4_000.0, "mg/day"),
    "serum_mg_mmol_l": (0.2, 1.5, "mmol/L"),
    "body_mass_kg": (30.0, 250.0, "kg"),
    "day": (0.0, 3_650.0, "day"),
    "bolus_iu": (0.0, 600_000.0, "IU"),
    "phosphorus_mg_per_day": (0.0, 4_000.0, "mg/day"),
    "egfr_ml_min": (5.0, 150.0, "mL/min/1.73 m2"),
})

def _intake_limits() -> Mapping[str, tuple[float, str, str, str]]:
    """The thresholds of :data:`INTAKE_LIMITS`, read from the reference values (``data/dri.csv``,
    ``data/status_categories.csv``) so they are written down once."""
    adult = reference_values.dri("magnesium", 30)
    highest_mg_rda = max((reference_values.dri("magnesium", age, sex) for age in (19, 31, 51) for sex in ("female", "male")),
                         key=lambda d: d.rda)
    vitamin_d, calcium_young, calcium_old = (reference_values.dri("vitamin_d", 30), reference_values.dri("calcium", 30),
                                             reference_values.dri("calcium", 60))
    high = next(b for b in reference_values.bands("25ohd", "IOM", "nmol/L") if b.category == "high")
    return MappingProxyType({
        "vitamin_d_ul": (float(vitamin_d.ul or 0.0), vitamin_d.unit, vitamin_d.source,
                         "UL for vitamin D from 9 years of age (100 ug/day), pregnancy and lactation included"),
        "magnesium_supplement_ul": (float(adult.ul or 0.0), adult.unit, adult.source,
                                    "UL for magnesium from supplements and medicines (not food), 9 years and older"),
        "magnesium_rda_max": (highest_mg_rda.rda, highest_mg_rda.unit, highest_mg_rda.source,
                              "highest adult magnesium RDA (men 31+)"),
        "calcium_ul_51plus": (float(calcium_old.ul or 0.0), calcium_old.unit, calcium_old.source,
                              "UL for calcium, adults 51 years and older"),
        "calcium_ul_19_50": (float(calcium_young.ul or 0.0), calcium_young.unit, calcium_young.source,
                             "UL for calcium, adults 19-50 years"),
        "ohd25_high_nmol_l": (high.low, high.unit, high.source,
                              "25(OH)D above which IOM 2011 notes possible adverse effects"),
    })


#: Intake thresholds behind ``Result.warnings``: name -> (value, unit, source, meaning).
INTAKE_LIMITS: Mapping[str, tuple[float, str, str, str]] = _intake_limits()

#: Defaults of :class:`Scenario`: name -> (value, source, why).
DEFAULTS: Mapping[str, tuple[float, str, str]] = MappingProxyType({
    "vitamin_d_iu_per_day": (600.0, "iom2011", "adult RDA (15 ug/day)"),
    "sun_iu_per_day": (1_500.0, "heaney2013",
                       "skin synthesis plus unrecorded sources; all-source basal input 778-2667 IU/day"),
    "magnesium_mg_per_day": (350.0, "ods_mg", "adequate adult intake (RDA 310-420 mg/day)"),
    "calcium_mg_per_day": (1_000.0, "iom2011", "adult RDA 19-50 years"),
    "body_mass_kg": (70.0, "ekwaru2014", "normal-weight adult"),
    "phosphorus_mg_per_day": (1_000.0, "iom1997", "a usual adult diet, above the RDA of 700 mg/day (UL 4,000 mg/day)"),
    "egfr_ml_min": (100.0, "kdigo2012", "normal kidney function (KDIGO G1: 90 or more)"),
})


def _input(name: str) -> Any:
    """A Scenario field: a value the student chooses (default from :data:`DEFAULTS`)."""
    return field(default=DEFAULTS[name][0], metadata={"unit": RANGES[name][2], "source": "input",
                                                      "default_source": DEFAULTS[name][1]})


def _check(value: object, name: str, key: str | None = None) -> float:
    low, high, unit = RANGES[key or name]
    return require_number(value, name, low=low, high=high, unit=unit)


#: Event days are rounded to this resolution (about a tenth of a second), so no stretch of a run
#: between two events is too short for the solver.
DAY_RESOLUTION = 1e-6


def _check_day(value: object, name: str) -> float:
    return round(_check(value, name, "day") / DAY_RESOLUTION) * DAY_RESOLUTION


@dataclass(frozen=True)
class Supplement:
    """A daily supplement taken from ``start_day`` until ``stop_day`` (exclusive).

    Amounts add to the scenario's baseline intakes while the supplement is taken.

    Parameters
    ----------
    vitamin_d_iu_per_day, magnesium_mg_per_day, calcium_mg_per_day : float
        Extra daily intake (IU/day, mg/day of elemental Mg, mg/day of elemental Ca).
    start_day : float
        First day taken (0-3650). Day 0 is the start of the run. Days are rounded to 1e-6 day.
    stop_day : float or None
        Day the supplement stops (after ``start_day``, up to 3650); ``None`` = never.

    Examples
    --------
    >>> Supplement(vitamin_d_iu_per_day=2000, start_day=30, stop_day=120)
    Supplement(vitamin_d_iu_per_day=2000.0, magnesium_mg_per_day=0.0, calcium_mg_per_day=0.0, start_day=30.0, stop_day=120.0)
    """

    vitamin_d_iu_per_day: float = 0.0
    magnesium_mg_per_day: float = 0.0
    calcium_mg_per_day: float = 0.0
    start_day: float = 0.0
    stop_day: float | None = None

    def __post_init__(self) -> None:
        for name in ("vitamin_d_iu_per_day", "magnesium_mg_per_day", "calcium_mg_per_day"):
            object.__setattr__(self, name, _check(getattr(self, name), f"Supplement {name}", name))
        object.__setattr__(self, "start_day", _check_day(self.start_day, "Supplement start_day"))
        if self.stop_day is not None:
            stop = _check_day(self.stop_day, "Supplement stop_day")
            if stop <= self.start_day:
                raise InputError(f"Supplement stop_day ({stop:g}) must be after start_day "
                                 f"({self.start_day:g}), or None to keep taking it.")
            object.__setattr__(self, "stop_day", stop)

    def active(self, day: float) -> bool:
        """Whether the supplement is taken on ``day``."""
        return self.start_day <= day and (self.stop_day is None or day < self.stop_day)


@dataclass(frozen=True)
class Bolus:
    """A single large oral dose of vitamin D3 on ``day`` (for example 100,000 IU).

    Parameters
    ----------
    vitamin_d_iu : float
        Dose in IU (0-600,000).
    day : float
        Day taken (0-3650), rounded to 1e-6 day.
    """

    vitamin_d_iu: float
    day: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "vitamin_d_iu", _check(self.vitamin_d_iu, "Bolus vitamin_d_iu", "bolus_iu"))
        object.__setattr__(self, "day", _check_day(self.day, "Bolus day"))


Event = Union[Supplement, Bolus]


@dataclass(frozen=True)
class Intakes:
    """Daily intakes in effect during one stretch of a run (internal, also used by tests)."""

    vitamin_d_iu_per_day: float
    sun_iu_per_day: float
    magnesium_mg_per_day: float
    calcium_mg_per_day: float
    phosphorus_mg_per_day: float = DEFAULTS["phosphorus_mg_per_day"][0]


@dataclass(frozen=True)
class Scenario:
    """A person's intakes (and optional schedule of changes) for the teaching model.

    Parameters
    ----------
    vitamin_d_iu_per_day : float
        Oral vitamin D (food and supplements), 0-50,000 IU/day. Default 600 (adult RDA).
    sun_iu_per_day : float
        Vitamin D3 made in skin plus other unrecorded inputs, 0-25,000 IU/day. Default 1500
        (Heaney 2013: all-source basal input 778-2667 IU/day). Set 0 for "no sun".
    magnesium_mg_per_day : float
        Total elemental magnesium intake (food and supplements), 0-1,500 mg/day. Default 350.
    calcium_mg_per_day : float
        Total elemental calcium intake, 0-4,000 mg/day. Default 1000.
    serum_mg_mmol_l : float or None
        ``None`` (default): serum magnesium follows intake. A number (0.2-1.5 mmol/L) clamps
        serum magnesium at that value, a "what if" experiment.
    body_mass_kg : float
        Body mass, 30-250 kg. Default 70. A larger mass dilutes vitamin D (obesity blunts the
        response).
    schedule : tuple of Supplement and Bolus
        Changes during a run: supplements started and stopped on given days, single boluses.
    phosphorus_mg_per_day : float
        Dietary phosphorus, 0-4,000 mg/day. Default 1000 (a usual diet; RDA 700).
    egfr_ml_min : float
        Kidney function (estimated glomerular filtration rate), 5-150 mL/min/1.73 m2. Default 100.
        It scales the filtration of magnesium, calcium and phosphate and the kidney's CYP27B1.
    conditions : tuple of str
        Causes of magnesium loss, names from :data:`mgdlearn.model.conditions.CONDITIONS`
        (``"ppi"``, ``"loop_diuretic"``, ``"thiazide"``, ``"alcohol_use_disorder"``,
        ``"uncontrolled_diabetes"``, ``"chronic_diarrhoea"``); default none.

    Examples
    --------
    >>> sc = Scenario(vitamin_d_iu_per_day=2000, sun_iu_per_day=0, magnesium_mg_per_day=150)
    >>> sc.intakes_on(0).magnesium_mg_per_day
    150.0
    """

    vitamin_d_iu_per_day: float = _input("vitamin_d_iu_per_day")
    sun_iu_per_day: float = _input("sun_iu_per_day")
    magnesium_mg_per_day: float = _input("magnesium_mg_per_day")
    calcium_mg_per_day: float = _input("calcium_mg_per_day")
    serum_mg_mmol_l: float | None = field(default=None, metadata={"unit": "mmol/L", "source": "input"})
    body_mass_kg: float = _input("body_mass_kg")
    schedule: tuple[Event, ...] = field(default=())
    phosphorus_mg_per_day: float = _input("phosphorus_mg_per_day")
    egfr_ml_min: float = _input("egfr_ml_min")
    conditions: tuple[str, ...] = field(default=(), metadata={"unit": "", "source": "mg_loss_conditions.csv"})

    def __post_init__(self) -> None:
        for name in ("vitamin_d_iu_per_day", "sun_iu_per_day", "magnesium_mg_per_day",
                     "calcium_mg_per_day", "body_mass_kg", "phosphorus_mg_per_day", "egfr_ml_min"):
            object.__setattr__(self, name, _check(getattr(self, name), name))
        object.__setattr__(self, "conditions", check_conditions(self.conditions))
        if self.serum_mg_mmol_l is not None:
            object.__setattr__(self, "serum_mg_mmol_l", _check(self.serum_mg_mmol_l, "serum_mg_mmol_l"))
        schedule = self.schedule
        if isinstance(schedule, (Supplement, Bolus)):
            schedule = (schedule,)
        if isinstance(schedule, (str, bytes)) or not isinstance(schedule, Iterable):
            raise InputTypeError("schedule must be a tuple or list of Supplement(...) and Bolus(...) "
                                 f"events; got {type(schedule).__name__}.")
        schedule = tuple(schedule)
        for event in schedule:
            if not isinstance(event, (Supplement, Bolus)):
                raise InputTypeError("schedule may only hold Supplement(...) and Bolus(...) events; got "
                                     f"{type(event).__name__}.")
        object.__setattr__(self, "schedule", schedule)
        # Totals (baseline + overlapping supplements) must stay in the allowed ranges.
        for day in self.change_days():
            totals = self.intakes_on(day)
            for name in ("vitamin_d_iu_per_day", "magnesium_mg_per_day", "calcium_mg_per_day"):
                low, high, unit = RANGES[name]
                value = getattr(totals, name)
                if value > high:
                    raise InputError(f"total {name} (baseline + supplements) = {value:g} {unit} on day "
                                     f"{day:g} is outside the allowed range: {low:g} to {high:g} {unit}.")

    @property
    def supplements(self) -> tuple[Supplement, ...]:
        """The supplements of the schedule."""
        return tuple(e for e in self.schedule if isinstance(e, Supplement))

    @property
    def boluses(self) -> tuple[Bolus, ...]:
        """The boluses of the schedule, in order of day."""
        return tuple(sorted((e for e in self.schedule if isinstance(e, Bolus)), key=lambda b: b.day))

    def change_days(self) -> tuple[float, ...]:
        """Sorted days on which an intake changes (always including day 0)."""
        days = {0.0}
        for s in self.supplements:
            days.add(s.start_day)
            if s.stop_day is not None:
                days.add(s.stop_day)
        return tuple(sorted(days))

    def intakes_on(self, day: float) -> Intakes:
        """Daily intakes in effect on ``day`` (baseline plus active supplements; no boluses)."""
        vd, mg, ca = self.vitamin_d_iu_per_day, self.magnesium_mg_per_day, self.calcium_mg_per_day
        for s in self.supplements:
            if s.active(day):
                vd += s.vitamin_d_iu_per_day
                mg += s.magnesium_mg_per_day
                ca += s.calcium_mg_per_day
        return Intakes(vd, self.sun_iu_per_day, mg, ca, self.phosphorus_mg_per_day)

    def intake_warnings(self, days: float = math.inf) -> tuple[ModelWarning, ...]:
        """Warnings (messages) for intakes above tolerable upper intake levels during the first ``days``."""
        out: list[ModelWarning] = []
        vd_ul = INTAKE_LIMITS["vitamin_d_ul"][0]
        mg_ul = INTAKE_LIMITS["magnesium_supplement_ul"][0]
        mg_total = mg_ul + INTAKE_LIMITS["magnesium_rda_max"][0]
        ca_ul, ca_ul_young = INTAKE_LIMITS["calcium_ul_51plus"][0], INTAKE_LIMITS["calcium_ul_19_50"][0]
        peak_vd = max(self.intakes_on(d).vitamin_d_iu_per_day for d in self.change_days() if d < days)
        peak_mg = max(self.intakes_on(d).magnesium_mg_per_day for d in self.change_days() if d < days)
        peak_ca = max(self.intakes_on(d).calcium_mg_per_day for d in self.change_days() if d < days)
        def add(message: str, kind: str, value: float, threshold: float, unit: str, source: str) -> None:
            out.append(ModelWarning(message, kind=kind, value=value, threshold=threshold, unit=unit, source=source))

        if peak_vd > vd_ul:
            add(f"Vitamin D intake reaches {peak_vd:,.0f} IU/day, above the tolerable upper intake "
                f"level (UL) of {vd_ul:,.0f} IU/day for ages 9+ (IOM 2011). Modelled for teaching only.",
                "vitamin_d_ul", peak_vd, vd_ul, "IU/day", "iom2011")
        supp_mg = max((s.magnesium_mg_per_day for s in self.supplements
                       if s.start_day < days), default=0.0)
        if supp_mg > mg_ul:
            add(f"A magnesium supplement of {supp_mg:,.0f} mg/day is above the UL of {mg_ul:,.0f} "
                "mg/day for supplemental magnesium (ages 9+, IOM 1997); high doses cause diarrhoea.",
                "magnesium_supplement_ul", supp_mg, mg_ul, "mg/day", "iom1997")
        if peak_mg > mg_total:
            add(f"Total magnesium intake reaches {peak_mg:,.0f} mg/day. The UL ({mg_ul:,.0f} mg/day) "
                "applies to supplements only, not food, but a total above "
                f"{mg_total:,.0f} mg/day (highest RDA + supplemental UL) needs supplements above the UL.",
                "magnesium_total", peak_mg, mg_total, "mg/day", "iom1997;ods_mg")
        if peak_ca > ca_ul:
            add(f"Calcium intake reaches {peak_ca:,.0f} mg/day, above the UL of {ca_ul:,.0f} mg/day "
                f"for adults 51+ ({ca_ul_young:,.0f} mg/day at 19-50; IOM 2011).",
                "calcium_ul", peak_ca, ca_ul, "mg/day", "iom2011")
        for b in self.boluses:
            if b.day < days and b.vitamin_d_iu > vd_ul:
                add(f"A single dose of {b.vitamin_d_iu:,.0f} IU on day {b.day:g} equals "
                    f"{b.vitamin_d_iu / vd_ul:,.1f} days at the vitamin D UL of {vd_ul:,.0f} IU/day.",
                    "vitamin_d_bolus", b.vitamin_d_iu, vd_ul, "IU", "iom2011")
        return tuple(out)


__all__ = ["Bolus", "DAY_RESOLUTION", "DEFAULTS", "Event", "INTAKE_LIMITS", "Intakes", "RANGES", "Scenario", "Supplement"]
