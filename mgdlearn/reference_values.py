"""Reference ranges, status categories and dietary reference intakes (DRIs).

The numbers live in small CSV files under ``mgdlearn/data/`` (each row with a ``source`` key from
:mod:`mgdlearn.bibliography`) and are read with the :mod:`csv` module on first use, so importing this
module stays cheap.

* ``status_categories.csv``: 25(OH)D status (IOM 2011 / NIH ODS, and the Endocrine Society 2011
  cut-offs as an alternative), serum magnesium (NIH ODS normal range; CTCAE v5 grades).
* ``reference_ranges.csv``: normal ranges of 25(OH)D, serum magnesium, calcitriol, intact PTH,
  total and ionized calcium.
* ``dri.csv``: RDA/AI and UL of magnesium, vitamin D and calcium by age band, sex, pregnancy and
  lactation. The magnesium UL applies to supplements and medicines only, not to food.
* ``ods_tables.csv``: the NIH ODS fact sheets' tables of selected food sources of magnesium,
  vitamin D and calcium, each row matched to a food of :mod:`mgdlearn.nutrition` and marked with
  how it was checked (:func:`ods_table`).

These are population reference values for teaching, not advice for any person.

Examples
--------
>>> from mgdlearn.reference_values import classify_25ohd, rda, ul
>>> classify_25ohd("20 ng/mL").category
'adequate'
>>> classify_25ohd(20, "ng/mL", scheme="Endocrine Society").category
'insufficiency'
>>> rda("magnesium", 35, "female"), ul("magnesium", 35, "female")
(320.0, 350.0)
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.units import Quantity, _analyte_key, conversion_table, convert, normalize_unit, parse_quantity, units_for

__all__ = [
    "Classification",
    "Band",
    "Range",
    "DRI",
    "classify_25ohd",
    "classify_serum_mg",
    "bands",
    "normal_range",
    "dri",
    "dri_table",
    "rda",
    "ul",
    "NUTRIENTS",
    "SCHEMES",
    "OdsFoodRow",
    "ODS_TABLE_COPIES",
    "ODS_ROW_STATUS",
    "ODS_TABLE_GAPS",
    "ods_table",
    "read_ods_table",
]

_DATA = Path(__file__).with_name("data")

#: Analyte -> scheme key -> human label. The first scheme is the default.
SCHEMES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "25ohd": MappingProxyType({"IOM": "IOM 2011 / NIH ODS", "ES2011": "Endocrine Society 2011"}),
    "serum_mg": MappingProxyType({"ODS": "NIH ODS normal range", "CTCAE": "CTCAE v5.0 grades"}),
})

_SCHEME_ALIASES: Mapping[str, str] = MappingProxyType({
    "iom": "IOM", "iom2011": "IOM", "ods": "IOM", "nihods": "IOM", "nih": "IOM",
    "es2011": "ES2011", "es": "ES2011", "endocrine": "ES2011", "endocrinesociety": "ES2011",
    "endocrinesociety2011": "ES2011", "holick2011": "ES2011",
    "ctcae": "CTCAE", "ctcae5": "CTCAE", "ctcaev5": "CTCAE", "ctcaev50": "CTCAE",
})

#: Nutrient key -> label, for :func:`dri`.
NUTRIENTS: Mapping[str, str] = MappingProxyType({
    "magnesium": "magnesium", "vitamin_d": "vitamin D", "calcium": "calcium",
})

_NUTRIENT_ALIASES: Mapping[str, str] = MappingProxyType({
    "magnesium": "magnesium", "mg": "magnesium",
    "vitamind": "vitamin_d", "d": "vitamin_d", "vitd": "vitamin_d", "vitamind3": "vitamin_d",
    "vitamind2": "vitamin_d", "d3": "vitamin_d", "calciferol": "vitamin_d",
    "cholecalciferol": "vitamin_d",
    "calcium": "calcium", "ca": "calcium",
})

_SEXES: Mapping[str, str] = MappingProxyType({
    "female": "female", "f": "female", "woman": "female", "girl": "female",
    "male": "male", "m": "male", "man": "male", "boy": "male",
})

# Analytes of normal_range() that convert with another analyte's units.
_CONVERT_AS: Mapping[str, str] = MappingProxyType({"ionized_calcium": "calcium"})

_AGE_MAX = 120.0


# --------------------------------------------------------------------------------------------
# Public result types
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Classification:
    """The status category a measured value falls into.

    Attributes
    ----------
    value : float
        The value classified, in ``unit``.
    unit : str
        Unit of ``value`` (display spelling).
    category : str
        Category name (``"adequate"``, ``"grade 2 hypomagnesemia"``).
    description : str
        What the category means, in one or two sentences.
    range_text : str
        The category's bounds (``"50 to 125 nmol/L"``), in the unit the comparison used.
    scheme : str
        Human label of the scheme (``"IOM 2011 / NIH ODS"``).
    source : str
        Reference key(s), ``";"``-separated.
    grade : int or None
        Severity grade where the scheme has grades (CTCAE), else ``None``.
    """

    value: float
    unit: str
    category: str
    description: str
    range_text: str
    scheme: str
    source: str
    grade: int | None = None

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit}: {self.category} ({self.range_text}; {self.scheme})"


@dataclass(frozen=True)
class Band:
    """One category of a scheme with its bounds (for tables and shaded plot bands).

    ``low``/``high`` are ``0``/``inf`` for open ends; ``low_inclusive``/``high_inclusive`` say
    whether the bound belongs to the band.
    """

    category: str
    low: float
    high: float
    unit: str
    low_inclusive: bool
    high_inclusive: bool
    description: str
    source: str
    grade: int | None = None

    def contains(self, value: float) -> bool:
        """Return True if ``value`` (in :attr:`unit`) lies in this band."""
        above = value >= self.low if self.low_inclusive else value > self.low
        below = value <= self.high if self.high_inclusive else value < self.high
        return above and below

    @property
    def range_text(self) -> str:
        """The bounds as text, such as ``"30 to < 50 nmol/L"`` or ``"> 125 nmol/L"``."""
        u = self.unit
        if math.isinf(self.high):
            return f"{'≥' if self.low_inclusive else '>'} {self.low:g} {u}"
        if self.low == 0 and self.low_inclusive:
            return f"{'≤' if self.high_inclusive else '<'} {self.high:g} {u}"
        lo = f"{self.low:g}" if self.low_inclusive else f"> {self.low:g}"
        hi = f"{self.high:g}" if self.high_inclusive else f"< {self.high:g}"
        return f"{lo} to {hi} {u}"


@dataclass(frozen=True)
class Range:
    """A normal (reference) range.

    Attributes
    ----------
    low, high : float
        Bounds, inclusive.
    unit : str
        Unit of the bounds.
    source : str
        Reference key(s), ``";"``-separated.
    analyte : str
        Analyte key (``"pth"``).
    population : str
        Who the range is for (``"adults"``).
    note : str
        Caveats (laboratory and method differences).
    """

    low: float
    high: float
    unit: str
    source: str
    analyte: str = ""
    population: str = ""
    note: str = ""

    def contains(self, value: float) -> bool:
        """Return True if ``low <= value <= high`` (``value`` in :attr:`unit`)."""
        return self.low <= value <= self.high

    def __str__(self) -> str:
        return f"{self.low:g}-{self.high:g} {self.unit}"


@dataclass(frozen=True)
class DRI:
    """Dietary reference intake of one nutrient for one life-stage group.

    Attributes
    ----------
    nutrient : str
        ``"magnesium"``, ``"vitamin_d"`` or ``"calcium"``.
    rda : float
        Recommended Dietary Allowance, or Adequate Intake where ``kind == "AI"`` (infants), in
        :attr:`unit`.
    kind : str
        ``"RDA"`` or ``"AI"``.
    ul : float or None
        Tolerable Upper Intake Level in :attr:`unit`; ``None`` where none is set.
    unit : str
        ``"mg/day"`` (magnesium, calcium) or ``"IU/day"`` (vitamin D).
    ul_applies_to : str
        ``"supplements and medicines only"`` (magnesium) or ``"total intake"``.
    age_band : str
        The DRI age band (``"31-50 years"``).
    sex : str
        ``"female"``, ``"male"`` or ``"any"`` (children).
    life_stage : str
        ``"none"``, ``"pregnancy"`` or ``"lactation"``.
    source : str
        Reference key(s), ``";"``-separated.
    rda_ug, ul_ug : float or None
        Vitamin D only: the same values in µg/day as the source tables print them
        (``ul_ug`` is rounded there: 38 and 63 µg).
    note : str
        Caveats.
    """

    nutrient: str
    rda: float
    kind: str
    ul: float | None
    unit: str
    ul_applies_to: str
    age_band: str
    sex: str
    life_stage: str
    source: str
    rda_ug: float | None = None
    ul_ug: float | None = None
    note: str = ""

    def __str__(self) -> str:
        who = f"{self.sex}, {self.age_band}" + ("" if self.life_stage == "none" else f", {self.life_stage}")
        ul = "no UL set" if self.ul is None else f"UL {self.ul:g} {self.unit} ({self.ul_applies_to})"
        return f"{NUTRIENTS[self.nutrient]} ({who}): {self.kind} {self.rda:g} {self.unit}; {ul}"


# --------------------------------------------------------------------------------------------
# Loading (cached, read-only)
# --------------------------------------------------------------------------------------------
def _read_csv(name: str) -> tuple[dict[str, str], ...]:
    with open(_DATA / name, newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


def _opt_float(text: str) -> float | None:
    return float(text) if text.strip() else None


@lru_cache(maxsize=1)
def _bands() -> Mapping[tuple[str, str, str], tuple[Band, ...]]:
    """(analyte, scheme, unit) -> bands in ascending order."""
    out: dict[tuple[str, str, str], list[Band]] = {}
    for row in _read_csv("status_categories.csv"):
        high = _opt_float(row["high"])
        band = Band(
            category=row["category"],
            low=float(row["low"]),
            high=math.inf if high is None else high,
            unit=row["unit"],
            low_inclusive=row["low_op"] == ">=",
            high_inclusive=row["high_op"] == "<=",
            description=row["description"],
            source=row["source"],
            grade=int(row["grade"]) if row["grade"].strip() else None,
        )
        out.setdefault((row["analyte"], row["scheme"], row["unit"]), []).append(band)
    return MappingProxyType({k: tuple(sorted(v, key=lambda b: b.low)) for k, v in out.items()})


@lru_cache(maxsize=1)
def _ranges() -> Mapping[str, tuple[Range, ...]]:
    """analyte -> ranges (first row is the primary unit)."""
    out: dict[str, list[Range]] = {}
    for row in _read_csv("reference_ranges.csv"):
        out.setdefault(row["analyte"], []).append(Range(
            low=float(row["low"]), high=float(row["high"]), unit=row["unit"], source=row["source"],
            analyte=row["analyte"], population=row["population"], note=row["note"]))
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


@lru_cache(maxsize=1)
def _dri_rows() -> tuple[tuple[float, float, DRI], ...]:
    """(age_low, age_high, DRI) for every row of dri.csv."""
    rows = []
    for row in _read_csv("dri.csv"):
        rows.append((float(row["age_low"]), float(row["age_high"]), DRI(
            nutrient=row["nutrient"], rda=float(row["rda"]), kind=row["kind"],
            ul=_opt_float(row["ul"]), unit=row["unit"], ul_applies_to=row["ul_applies_to"],
            age_band=row["age_band"], sex=row["sex"], life_stage=row["life_stage"],
            source=row["source"], rda_ug=_opt_float(row["rda_ug"]), ul_ug=_opt_float(row["ul_ug"]),
            note=row["note"])))
    return tuple(rows)


# --------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------
def _squash(text: str) -> str:
    return re.sub(r"[\s_\-.(),/]", "", text.lower())


def _scheme_key(analyte: str, scheme: object) -> str:
    options = SCHEMES[analyte]
    if not isinstance(scheme, str):
        raise InputTypeError(f"scheme must be text, one of: {', '.join(options)}; got {type(scheme).__name__}.")
    if scheme in options:
        return scheme
    key = _SCHEME_ALIASES.get(_squash(scheme), scheme.strip().upper())
    if key not in options:
        labels = "; ".join(f"{k!r} ({v})" for k, v in options.items())
        raise InputError(f"scheme {scheme!r} is not available for {analyte}. Choose one of: {labels}.")
    return key


def _value_and_unit(value: object, unit: object, analyte: str, name: str) -> tuple[float, str]:
    """Accept a number with ``unit``, a string such as ``"20 ng/mL"`` or a Quantity."""
    if isinstance(value, str):
        q = parse_quantity(value, analyte=analyte)
        value, unit = q.value, q.unit
    elif isinstance(value, Quantity):
        value, unit = value.value, value.unit
    if not isinstance(unit, str):
        raise InputTypeError(f"unit must be text, one of: {', '.join(units_for(analyte))}; got {type(unit).__name__}.")
    unit = normalize_unit(unit, analyte)
    x = require_number(value, name, low=0.0, unit=unit)
    return x, unit


def bands(analyte: str = "25ohd", scheme: str | None = None, unit: str | None = None) -> tuple[Band, ...]:
    """Return the categories of a classification scheme, lowest first.

    Parameters
    ----------
    analyte : str
        ``"25ohd"`` or ``"serum_mg"``.
    scheme : str, optional
        A key of :data:`SCHEMES` ``[analyte]`` (or an alias such as ``"Endocrine Society"``);
        default the first (IOM for 25(OH)D, ODS for magnesium).
    unit : str, optional
        Unit of the bounds. Units the source states are returned as stated; others are converted.
    """
    if not isinstance(analyte, str) or analyte not in SCHEMES:
        raise InputError(f"analyte {analyte!r} has no status categories. Choose one of: {', '.join(SCHEMES)}.")
    key = next(iter(SCHEMES[analyte])) if scheme is None else _scheme_key(analyte, scheme)
    table = _bands()
    stated = [u for (a, s, u) in table if a == analyte and s == key]
    if unit is None:
        return table[(analyte, key, stated[0])]
    unit = normalize_unit(unit, analyte)
    if unit in stated:
        return table[(analyte, key, unit)]
    base = table[(analyte, key, stated[0])]
    f = convert(1.0, stated[0], unit, analyte=analyte)
    return tuple(Band(b.category, b.low * f, b.high * f, unit, b.low_inclusive, b.high_inclusive,
                      b.description, b.source, b.grade) for b in base)


def _classify(analyte: str, value: object, unit: object, scheme: object, name: str) -> Classification:
    key = _scheme_key(analyte, scheme)
    x, unit_ = _value_and_unit(value, unit, analyte, name)
    table = _bands()
    stated = [u for (a, s, u) in table if a == analyte and s == key]
    if unit_ in stated:
        compare_unit, y = unit_, x
    else:
        compare_unit = stated[0]
        y = convert(x, unit_, compare_unit, analyte=analyte)
    for band in table[(analyte, key, compare_unit)]:
        if band.contains(y):
            return Classification(value=x, unit=unit_, category=band.category,
                                  description=band.description, range_text=band.range_text,
                                  scheme=SCHEMES[analyte][key], source=band.source, grade=band.grade)
    raise RuntimeError(f"bands of {analyte}/{key} do not cover {y} {compare_unit}")  # pragma: no cover


def classify_25ohd(value: float | str, unit: str = "nmol/L", scheme: str = "IOM") -> Classification:
    """Classify a serum 25(OH)D concentration.

    Parameters
    ----------
    value : float or str
        The concentration (``50``), or text with its unit (``"20 ng/mL"``; then ``unit`` is ignored).
    unit : str
        ``"nmol/L"`` (default), ``"ng/mL"`` or ``"µg/L"``.
    scheme : str
        ``"IOM"`` (IOM 2011 / NIH ODS: deficient < 30, inadequate 30 to < 50, adequate 50-125,
        high > 125 nmol/L) or ``"ES2011"`` (Endocrine Society 2011: deficiency < 20, insufficiency
        20 to < 30, sufficiency >= 30 ng/mL; its 2024 guideline no longer endorses a sufficiency
        threshold). Aliases: ``"ODS"``, ``"Endocrine Society"``, ``"ES"``.

    Raises
    ------
    InputError, InputTypeError
        For negative, NaN, infinite or non-numeric values, unknown units or schemes.
    """
    return _classify("25ohd", value, unit, scheme, "25(OH)D")


def classify_serum_mg(value: float | str, unit: str = "mmol/L", scheme: str = "ODS") -> Classification:
    """Classify a serum magnesium concentration.

    Parameters
    ----------
    value : float or str
        The concentration (``0.8``), or text with its unit (``"1.9 mg/dL"``).
    unit : str
        ``"mmol/L"`` (default), ``"mg/dL"``, ``"mg/L"`` or ``"mEq/L"``.
    scheme : str
        ``"ODS"`` (normal 0.75-0.95 mmol/L, hypomagnesemia below, severe below 0.5 mmol/L) or
        ``"CTCAE"`` (CTCAE v5.0 grades 1-4 of hypo- and hypermagnesemia).
    """
    return _classify("serum_mg", value, unit, scheme, "serum magnesium")


def normal_range(analyte: str, unit: str | None = None) -> Range:
    """Return the normal range of ``analyte``.

    Parameters
    ----------
    analyte : str
        ``"25ohd"`` (the IOM adequate range), ``"serum_mg"``, ``"calcitriol"``, ``"pth"``,
        ``"calcium"`` (total) or ``"ionized_calcium"``.
    unit : str, optional
        Unit of the bounds; units the source states are returned as stated, others converted.
    """
    table = _ranges()
    if not isinstance(analyte, str):
        raise InputTypeError(f"analyte must be text, one of: {', '.join(table)}; got {type(analyte).__name__}.")
    key = analyte.strip()
    if key not in table:
        try:
            key = _analyte_key(analyte)
        except (InputError, InputTypeError):
            key = ""
        if key not in table:
            raise InputError(f"no normal range for {analyte!r}. Choose one of: {', '.join(table)}.")
    rows = table[key]
    if unit is None:
        return rows[0]
    conv = _CONVERT_AS.get(key, key)
    unit = normalize_unit(unit, conv)
    for r in rows:
        if r.unit == unit:
            return r
    r = rows[0]
    f = convert(1.0, r.unit, unit, analyte=conv)
    return Range(r.low * f, r.high * f, unit, f"{r.source};{_unit_sources(conv, r.unit, unit)}",
                 r.analyte, r.population, r.note)


def _unit_sources(analyte: str, a: str, b: str) -> str:
    keys: list[str] = []
    for row in conversion_table():
        if row["analyte"] == analyte and row["unit"] in (a, b):
            for k in str(row["source"]).split(";"):
                if k not in keys:
                    keys.append(k)
    return ";".join(keys)


# --------------------------------------------------------------------------------------------
# Dietary reference intakes
# --------------------------------------------------------------------------------------------
def nutrient_key(nutrient: object) -> str:
    """The table key of a nutrient name: ``"magnesium"``, ``"vitamin_d"`` or ``"calcium"`` (``"Mg"``, ``"vitamin D"``, ``"Ca"`` ...)."""
    if not isinstance(nutrient, str):
        raise InputTypeError(
            f"nutrient must be text: 'magnesium' ('Mg'), 'vitamin_d' ('vitamin D', 'D') or 'calcium' ('Ca'); "
            f"got {type(nutrient).__name__}.")
    key = _NUTRIENT_ALIASES.get(_squash(nutrient))
    if key is None:
        raise InputError(
            f"nutrient {nutrient!r} is not recognised. Choose one of: 'magnesium' ('Mg'), "
            f"'vitamin_d' ('vitamin D', 'D'), 'calcium' ('Ca').")
    return key


def _sex_key(sex: object) -> str:
    if not isinstance(sex, str):
        raise InputTypeError(f"sex must be text, 'female' or 'male'; got {type(sex).__name__}.")
    key = _SEXES.get(sex.strip().lower())
    if key is None:
        raise InputError(f"sex {sex!r} is not recognised. Choose 'female' or 'male' (DRIs are set by sex from 9 years).")
    return key


def dri(nutrient: str, age_years: float, sex: str = "female", *, pregnant: bool = False,
        lactating: bool = False) -> DRI:
    """Return the dietary reference intake (RDA or AI, and UL) for one person's life-stage group.

    Parameters
    ----------
    nutrient : str
        ``"magnesium"`` (``"Mg"``), ``"vitamin_d"`` (``"vitamin D"``, ``"D"``) or ``"calcium"`` (``"Ca"``).
    age_years : float
        Age in years, 0 to 120 (infants as fractions: 0.5 is 6 months).
    sex : str
        ``"female"`` or ``"male"`` (ignored below 9 years, where the DRIs do not differ).
    pregnant, lactating : bool
        Pregnancy or lactation values (females aged 14-50 only; not both at once).

    Raises
    ------
    InputError
        Unknown nutrient or sex, age outside 0-120, pregnancy/lactation outside females 14-50.
    InputTypeError
        Non-numeric age, non-text nutrient/sex, non-bool flags.
    """
    key = nutrient_key(nutrient)
    age = require_number(age_years, "age", low=0.0, high=_AGE_MAX, unit="years")
    who = _sex_key(sex)
    for flag, name in ((pregnant, "pregnant"), (lactating, "lactating")):
        if not isinstance(flag, bool):
            raise InputTypeError(f"{name} must be True or False; got {type(flag).__name__}.")
    if pregnant and lactating:
        raise InputError("choose pregnant=True or lactating=True, not both (the DRIs give separate values).")
    stage = "pregnancy" if pregnant else "lactation" if lactating else "none"
    if stage != "none" and (who != "female" or not 14 <= age < 51):
        raise InputError(
            f"{stage} values exist only for females aged 14-50 years; got {who}, {age:g} years. "
            "Use sex='female' and an age from 14 to 50, or drop the flag.")
    for low, high, entry in _dri_rows():
        if (entry.nutrient == key and low <= age < high and entry.life_stage == stage
                and entry.sex in ("any", who)):
            return entry
    raise RuntimeError(f"dri.csv has no row for {key}, {age}, {who}, {stage}")  # pragma: no cover


def rda(nutrient: str, age_years: float, sex: str = "female", *, pregnant: bool = False,
        lactating: bool = False) -> float:
    """Return the RDA (or AI for infants) in mg/day (magnesium, calcium) or IU/day (vitamin D).

    See :func:`dri` for the parameters.
    """
    return dri(nutrient, age_years, sex, pregnant=pregnant, lactating=lactating).rda


def ul(nutrient: str, age_years: float, sex: str = "female", *, pregnant: bool = False,
       lactating: bool = False) -> float | None:
    """Return the Tolerable Upper Intake Level, or ``None`` where none is set (magnesium in infants).

    The magnesium UL applies to supplements and medicines only, not to food. See :func:`dri`.
    """
    return dri(nutrient, age_years, sex, pregnant=pregnant, lactating=lactating).ul


def dri_table(nutrient: str | None = None) -> tuple[DRI, ...]:
    """Return every DRI row (of one nutrient, or all), in the order of ``dri.csv``."""
    key = None if nutrient is None else nutrient_key(nutrient)
    return tuple(e for _, _, e in _dri_rows() if key is None or e.nutrient == key)


# --------------------------------------------------------------------------------------------
# The NIH ODS fact sheets' tables of food sources ("the official list")
# --------------------------------------------------------------------------------------------
#: Where the rows of ``ods_tables.csv`` were checked (its ``checked_against`` column). None of them is
#: the fact sheet itself: no primary copy of the three ODS pages was found in the stored public
#: material the course was checked against, so every row says which copies agree with it.
ODS_TABLE_COPIES: Mapping[str, str] = MappingProxyType({
    "facts.md": "the course's fact file (shared/science/facts.md, section 6), compiled from the fact sheets",
    "gh-react-mg": "a public GitHub React component listing the magnesium table as % of a 400 mg DV "
                   "(mg = 4 x value)",
    "magnitop": "https://magnitop.in/magnesium-rich-foods (mg and % DV; the stored copy ends after raisins)",
    "gh-react-vitd": "a public GitHub React page transcribing the vitamin D table (µg, IU and % DV)",
    "healthbuilding007": "https://healthbuilding007.com/2025/03/to-get-vitamin-d-from-food-there-are.html "
                         "(µg and IU; foods renamed)",
    "procon2022": "https://milk.procon.org/comparison-of-calcium-content-in-select-foods/ (accessed 25 July 2022; "
                  "ODS rows merged with the Dietary Guidelines table; the stored copy ends at spinach)",
    "burbank": "http://burbank.com/story/what-foods-are-good-sources-of-calcium/812016 (an older revision, in prose)",
    "askdrjames2012": "https://askdrjames.com/2012/07/10/calcium-part-2-where-can-i-get-calcium-from-food/ "
                      "(2012, an older revision with ranges)",
})

#: Row status of ``ods_tables.csv`` -> what it means.
ODS_ROW_STATUS: Mapping[str, str] = MappingProxyType({
    "copies agree": "two or more independent copies give this food, serving and value",
    "one copy": "one copy gives it; no second copy was found",
    "older revisions only": "copies of older revisions give it; the newest copy found does not list it",
    "copies disagree": "copies give different values; the note says which is kept and why",
    "no copy found": "kept from the course's earlier food table; no public copy was found",
})

#: What is known to be missing from each table of ``ods_tables.csv``.
ODS_TABLE_GAPS: Mapping[str, str] = MappingProxyType({
    "magnesium": "",
    "vitamin_d": "",
    "calcium": ("the copies found are of different revisions and cut off, so the fact sheet's table probably "
                "has rows that are missing here; the rows kept are those a copy (or the earlier food table) gives"),
})

_ODS_COLUMNS = ("nutrient", "rank", "food", "serving", "value", "value_high", "unit", "value_iu", "value_iu_high",
                "revision", "food_id", "serving_g", "serving_g_source", "status", "checked_against", "source", "note")
_ODS_UNIT_STEP: Mapping[str, float] = MappingProxyType({"mg": 1.0, "µg": 0.1, "IU": 1.0})


def _printed(low: str, high: str, unit: str) -> str:
    """``"1360", "", "IU"`` -> ``"1,360 IU"``; ``"24", "27", "mg"`` -> ``"24-27 mg"``."""
    def num(text: str) -> str:
        return f"{int(text):,}" if text.isdigit() else text
    return f"{num(low)}{'-' + num(high) if high else ''} {unit}"


def _decimal_step(text: str, unit: str) -> float:
    """The rounding step of a number as printed (``"16.2"`` -> 0.1), at most the unit's usual step."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return min(10.0 ** -decimals, _ODS_UNIT_STEP[unit])


@dataclass(frozen=True)
class OdsFoodRow:
    """One row of an NIH ODS health-professional fact sheet's table of selected food sources.

    Attributes
    ----------
    nutrient : str
        ``"magnesium"``, ``"vitamin_d"`` or ``"calcium"``.
    rank : int
        Position in the fact sheet's table (1 = first row).
    food, serving : str
        The food and serving as the fact sheet names them.
    value, value_high : float
        Amount per serving (``value_high`` only where the fact sheet gives a range, such as 24-27 mg).
    unit : str
        ``"mg"`` or ``"µg"``.
    value_iu, value_iu_high : float or None
        Vitamin D only: the fact sheet's IU column.
    step, step_iu : float
        The rounding of the printed numbers (1 mg, 0.1 µg, 1 IU; 0.1 IU for "1.7").
    revision : str
        The fact sheet's revision date, ``""`` where no copy gave it.
    food_ids : tuple of str
        The food(s) of :func:`mgdlearn.nutrition.foods` this row is matched to (``food_id`` column,
        ``";"``-separated where one row covers several foods, such as soy and almond milk).
    serving_g : float or None
        Grams in the fact sheet's serving where it differs from the food table's serving.
    status : str
        How well the row is checked (a key of :data:`ODS_ROW_STATUS`).
    checked_against : tuple of str
        Keys of :data:`ODS_TABLE_COPIES` that give this row.
    source : str
        Reference key of the fact sheet (``"ods_mg"``, ``"ods_vitd"``, ``"ods_ca"``).
    printed : str
        The amount as the fact sheet prints it (``"16.2 µg (645 IU)"``).
    note : str
        Caveats (a serving converted to grams, copies that disagree).
    """

    nutrient: str
    rank: int
    food: str
    serving: str
    value: float = field(metadata={"unit": "see unit", "source": "see source"})
    value_high: float = field(metadata={"unit": "see unit", "source": "see source"})
    unit: str
    value_iu: float | None = field(metadata={"unit": "IU", "source": "see source"})
    value_iu_high: float | None = field(metadata={"unit": "IU", "source": "see source"})
    step: float
    step_iu: float
    revision: str
    food_ids: tuple[str, ...]
    serving_g: float | None = field(metadata={"unit": "g", "source": "see serving_g_source"})
    serving_g_source: str
    status: str
    checked_against: tuple[str, ...]
    source: str
    printed: str
    note: str = ""

    @property
    def label(self) -> str:
        """Food and serving as one phrase (``"Trout (rainbow), farmed, cooked, 3 ounces"``)."""
        words = set(re.findall(r"\w+", self.food.lower()))
        if set(re.findall(r"\w+", self.serving.lower())) <= words:
            return self.food
        return f"{self.food}, {self.serving}"

    @property
    def amount_text(self) -> str:
        """The fact sheet's amount as printed (``"16.2 µg (645 IU)"``, ``"24-27 mg"``)."""
        return self.printed

    def agrees(self, amount: float, amount_iu: float | None = None, *, rel_tol: float = 0.0) -> bool:
        """True if ``amount`` (in :attr:`unit`) rounds to the fact sheet's value (or range).

        For vitamin D an ``amount_iu`` that rounds to the IU column also agrees (the fact sheet
        prints 0 µg but 1.7 IU for ground beef). ``rel_tol`` widens the band for amounts scaled
        to another serving weight.
        """
        def within(x: float, low: float, high: float, step: float) -> bool:
            return low - step / 2 - rel_tol * high - 1e-9 <= x <= high + step / 2 + rel_tol * high + 1e-9
        if within(amount, self.value, self.value_high, self.step):
            return True
        return (amount_iu is not None and self.value_iu is not None
                and within(amount_iu, self.value_iu, self.value_iu_high or self.value_iu, self.step_iu))

    def __str__(self) -> str:
        return f"{self.label}: {self.amount_text} ({self.source})"


def read_ods_table(path: str | Path) -> tuple[OdsFoodRow, ...]:
    """Read a copy of ``ods_tables.csv`` (the shipped one is read by :func:`ods_table`).

    Raises
    ------
    InputError
        If a column is missing or a row holds a value that is not a number, naming the line.
    """
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in _ODS_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{Path(path).name} lacks the columns {', '.join(missing)}.")
        rows = list(reader)
    out = []
    for line, row in enumerate(rows, start=2):
        try:
            unit = row["unit"]
            if unit not in ("mg", "µg"):
                raise ValueError(f"unit {unit!r} (use 'mg' or 'µg')")
            value = float(row["value"])
            value_iu = _opt_float(row["value_iu"])
            out.append(OdsFoodRow(
                nutrient=nutrient_key(row["nutrient"]), rank=int(row["rank"]), food=row["food"],
                serving=row["serving"], value=value, value_high=_opt_float(row["value_high"]) or value,
                unit=unit, value_iu=value_iu, value_iu_high=_opt_float(row["value_iu_high"]),
                step=_decimal_step(row["value"], unit),
                step_iu=_decimal_step(row["value_iu"], "IU") if value_iu is not None else 1.0,
                revision=row["revision"],
                food_ids=tuple(k.strip() for k in row["food_id"].split(";") if k.strip()), serving_g=_opt_float(row["serving_g"]),
                serving_g_source=row["serving_g_source"], status=row["status"],
                checked_against=tuple(k for k in row["checked_against"].split(";") if k),
                source=row["source"], note=row["note"],
                printed=_printed(row["value"], row["value_high"], unit)
                + (f" ({_printed(row['value_iu'], row['value_iu_high'], 'IU')})" if value_iu is not None else "")))
        except (ValueError, InputError) as exc:
            raise InputError(f"{Path(path).name} line {line} ({row.get('food', '')!r}): {exc}") from None
    return tuple(out)


@lru_cache(maxsize=1)
def _ods_rows() -> tuple[OdsFoodRow, ...]:
    return read_ods_table(_DATA / "ods_tables.csv")


def ods_table(nutrient: str | None = None) -> tuple[OdsFoodRow, ...]:
    """The NIH ODS fact sheet's table of selected food sources of ``nutrient`` (or all three), in order.

    ``nutrient`` is ``"magnesium"``, ``"vitamin_d"`` or ``"calcium"`` (``"Mg"``, ``"vitamin D"``,
    ``"Ca"`` ...). Each row names its fact sheet (``source``), the food of the course's food table it
    matches (``food_ids``) and how it was checked (``status``, ``checked_against``).
    :func:`mgdlearn.nutrition.official_list` puts each row next to the food finder's value.

    Examples
    --------
    >>> from mgdlearn.reference_values import ods_table
    >>> print(ods_table("vitamin D")[1])
    Trout (rainbow), farmed, cooked, 3 ounces: 16.2 µg (645 IU) (ods_vitd)
    """
    key = None if nutrient is None else nutrient_key(nutrient)
    return tuple(r for r in _ods_rows() if key is None or r.nutrient == key)
