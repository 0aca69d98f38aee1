"""Unit conversion and parsing for the quantities the course uses.

Every factor is derived from a constant in :data:`CONSTANTS`, and every constant carries a source
key from :mod:`mgdlearn.bibliography`. Units are registered per *analyte*, because the same unit
pair means different factors for different substances (1 mg/dL of magnesium is not 1 mg/dL of
calcium in mmol/L).

Analytes
--------
``25ohd``           serum 25-hydroxyvitamin D (calcifediol): nmol/L, ng/mL, µg/L
``calcitriol``      serum 1,25-dihydroxyvitamin D: pmol/L, pg/mL, ng/L
``pth``             serum intact parathyroid hormone: pmol/L, pg/mL, ng/L
``vitamin_d``       vitamin D dose: µg, IU, mg; per day: µg/day, IU/day; per week: µg/week, IU/week
``magnesium``       magnesium amount: mg, g, mmol, mEq; per day: mg/day, mmol/day
``serum_mg``        serum magnesium: mmol/L, mg/dL, mg/L, mEq/L
``calcium``         serum calcium: mmol/L, mg/dL, mg/L, mEq/L
``calcium_amount``  calcium amount: mg, g, mmol, mEq; per day: mg/day, mmol/day

Examples
--------
>>> from mgdlearn.units import convert, parse_quantity
>>> round(convert(20, "ng/mL", "nmol/L"), 1)
49.9
>>> round(convert(0.75, "mmol/L", "mg/dL", analyte="serum_mg"), 3)
1.823
>>> parse_quantity("1,000 IU").to("µg")
Quantity(value=25.0, unit='µg', analyte='vitamin_d')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

from mgdlearn.errors import InputError, InputTypeError, require_number

__all__ = [
    "Constant",
    "CONSTANTS",
    "UnitDef",
    "Quantity",
    "convert",
    "parse_quantity",
    "units_for",
    "normalize_unit",
    "analytes",
    "conversion_table",
]


@dataclass(frozen=True)
class Constant:
    """A physical or conventional constant used to build conversion factors.

    Attributes
    ----------
    name : str
        Identifier (``"molar_mass_25ohd"``).
    value : float
        The number.
    unit : str
        Its unit (``"g/mol"``).
    source : str
        Key(s) in :data:`mgdlearn.bibliography.REFERENCES`, separated by ``";"``.
    note : str
        What the number is and how it is used.
    """

    name: str
    value: float
    unit: str
    source: str
    note: str = ""


def _c(name: str, value: float, unit: str, source: str, note: str) -> tuple[str, Constant]:
    return name, Constant(name, value, unit, source, note)


#: The constants every conversion factor is built from (read-only).
CONSTANTS: Mapping[str, Constant] = MappingProxyType(dict([
    _c("molar_mass_25ohd", 400.6, "g/mol", "pubchem",
       "25-hydroxyvitamin D3 (calcifediol, C27H44O2); 1 ng/mL = 1000/400.6 = 2.496 nmol/L"),
    _c("molar_mass_calcitriol", 416.6, "g/mol", "pubchem",
       "1,25-dihydroxyvitamin D3 (calcitriol, C27H44O3); 1 pg/mL = 1000/416.6 = 2.400 pmol/L"),
    _c("molar_mass_pth", 9425.0, "g/mol", "uniprot_pth",
       "intact human PTH(1-84), about 9.4 kDa; 1 pmol/L = 9.43 pg/mL"),
    _c("iu_per_ug_vitamin_d", 40.0, "IU/µg", "iom2011;ods_vitd",
       "vitamin D2 or D3 dose: 1 µg = 40 IU"),
    _c("molar_mass_mg", 24.305, "g/mol", "ciaaw",
       "standard atomic weight of magnesium (conventional value)"),
    _c("molar_mass_ca", 40.078, "g/mol", "ciaaw",
       "standard atomic weight of calcium"),
    _c("charge_mg_ion", 2.0, "eq/mol", "iupac_goldbook",
       "Mg2+ is divalent: 1 mmol = 2 mEq"),
    _c("charge_ca_ion", 2.0, "eq/mol", "iupac_goldbook",
       "Ca2+ is divalent: 1 mmol = 2 mEq"),
]))


@dataclass(frozen=True)
class UnitDef:
    """One unit of one analyte.

    Attributes
    ----------
    analyte : str
        Analyte key (``"25ohd"``).
    unit : str
        Display spelling (``"ng/mL"``).
    factor : float
        How many of the analyte's base unit one of this unit is (``2.496`` nmol/L per ng/mL).
    dimension : str
        ``"concentration"``, ``"amount"`` or ``"amount/day"``; only units of the same dimension
        convert into each other.
    source : str
        Source key(s) of the constants the factor is built from.
    """

    analyte: str
    unit: str
    factor: float
    dimension: str
    source: str


# Analyte key -> (label, base unit). The base unit has factor 1.
_ANALYTES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "25ohd": ("serum 25-hydroxyvitamin D [25(OH)D]", "nmol/L"),
    "calcitriol": ("serum 1,25-dihydroxyvitamin D [calcitriol]", "pmol/L"),
    "pth": ("serum intact parathyroid hormone (PTH)", "pmol/L"),
    "vitamin_d": ("vitamin D dose", "µg"),
    "magnesium": ("magnesium amount", "mmol"),
    "serum_mg": ("serum magnesium", "mmol/L"),
    "calcium": ("serum calcium", "mmol/L"),
    "calcium_amount": ("calcium amount", "mmol"),
})

# Forgiving names for analytes (normalised: lower case, no spaces, "-", "_", "(", ")", ",").
_ANALYTE_ALIASES: Mapping[str, str] = MappingProxyType({
    "25ohd": "25ohd", "25ohd3": "25ohd", "calcifediol": "25ohd", "25hydroxyvitamind": "25ohd",
    "calcidiol": "25ohd",
    "calcitriol": "calcitriol", "125ohd": "calcitriol", "125oh2d": "calcitriol",
    "125dihydroxyvitamind": "calcitriol",
    "pth": "pth", "ipth": "pth", "intactpth": "pth", "parathyroidhormone": "pth",
    "vitamind": "vitamin_d", "vitd": "vitamin_d", "d": "vitamin_d", "d3": "vitamin_d", "d2": "vitamin_d",
    "cholecalciferol": "vitamin_d", "ergocalciferol": "vitamin_d",
    "magnesium": "magnesium", "mg": "magnesium", "magnesiumamount": "magnesium",
    "serummg": "serum_mg", "serummagnesium": "serum_mg", "plasmamagnesium": "serum_mg",
    "calcium": "calcium", "serumcalcium": "calcium", "serumca": "calcium", "ca": "calcium",
    "calciumamount": "calcium_amount",
})


def _build_units() -> dict[str, dict[str, UnitDef]]:
    k = {name: c.value for name, c in CONSTANTS.items()}
    src = {name: c.source for name, c in CONSTANTS.items()}
    table: dict[str, dict[str, UnitDef]] = {a: {} for a in _ANALYTES}

    def add(analyte: str, unit: str, factor: float, dimension: str, source: str) -> None:
        table[analyte][unit] = UnitDef(analyte, unit, factor, dimension, source)

    # 25(OH)D: base nmol/L. 1 ng/mL = 1 µg/L = 1000/M nmol/L.
    f = 1000.0 / k["molar_mass_25ohd"]
    add("25ohd", "nmol/L", 1.0, "concentration", src["molar_mass_25ohd"])
    add("25ohd", "ng/mL", f, "concentration", src["molar_mass_25ohd"])
    add("25ohd", "µg/L", f, "concentration", src["molar_mass_25ohd"])
    # Calcitriol: base pmol/L. 1 pg/mL = 1 ng/L = 1000/M pmol/L.
    f = 1000.0 / k["molar_mass_calcitriol"]
    add("calcitriol", "pmol/L", 1.0, "concentration", src["molar_mass_calcitriol"])
    add("calcitriol", "pg/mL", f, "concentration", src["molar_mass_calcitriol"])
    add("calcitriol", "ng/L", f, "concentration", src["molar_mass_calcitriol"])
    # Intact PTH: base pmol/L. 1 pg/mL = 1 ng/L = 1000/M pmol/L.
    f = 1000.0 / k["molar_mass_pth"]
    add("pth", "pmol/L", 1.0, "concentration", src["molar_mass_pth"])
    add("pth", "pg/mL", f, "concentration", src["molar_mass_pth"])
    add("pth", "ng/L", f, "concentration", src["molar_mass_pth"])
    # Vitamin D dose: base µg.
    iu = 1.0 / k["iu_per_ug_vitamin_d"]
    s = src["iu_per_ug_vitamin_d"]
    add("vitamin_d", "µg", 1.0, "amount", s)
    add("vitamin_d", "IU", iu, "amount", s)
    add("vitamin_d", "mg", 1000.0, "amount", s)
    add("vitamin_d", "µg/day", 1.0, "amount/day", s)
    add("vitamin_d", "IU/day", iu, "amount/day", s)
    add("vitamin_d", "µg/week", 1.0 / 7.0, "amount/day", s)
    add("vitamin_d", "IU/week", iu / 7.0, "amount/day", s)
    # Ions: serum concentration (base mmol/L) and amount (base mmol).
    for _ion, serum, amount, mm, charge in (
        ("magnesium", "serum_mg", "magnesium", "molar_mass_mg", "charge_mg_ion"),
        ("calcium", "calcium", "calcium_amount", "molar_mass_ca", "charge_ca_ion"),
    ):
        m = k[mm]
        both = f"{src[mm]};{src[charge]}"
        add(serum, "mmol/L", 1.0, "concentration", src[mm])
        add(serum, "mg/dL", 10.0 / m, "concentration", src[mm])
        add(serum, "mg/L", 1.0 / m, "concentration", src[mm])
        add(serum, "mEq/L", 1.0 / k[charge], "concentration", both)
        add(amount, "mmol", 1.0, "amount", src[mm])
        add(amount, "mg", 1.0 / m, "amount", src[mm])
        add(amount, "g", 1000.0 / m, "amount", src[mm])
        add(amount, "mEq", 1.0 / k[charge], "amount", both)
        add(amount, "mmol/day", 1.0, "amount/day", src[mm])
        add(amount, "mg/day", 1.0 / m, "amount/day", src[mm])
    return table


@lru_cache(maxsize=1)
def _units() -> Mapping[str, Mapping[str, UnitDef]]:
    return MappingProxyType({a: MappingProxyType(u) for a, u in _build_units().items()})


def _norm_unit(text: str) -> str:
    """Normalise a unit spelling: lower case, ASCII micro, no spaces, "per" -> "/", "mcg" -> "ug"."""
    t = text.strip().lower()
    t = t.replace("\u00b5", "u").replace("\u03bc", "u")  # micro sign and Greek mu
    t = re.sub(r"\s*(?:per|/)\s*", "/", t)
    t = t.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    t = t.replace("i.u.", "iu").replace("mcg", "ug")
    t = re.sub(r"litres?$|liters?$", "l", t)
    t = re.sub(r"/(?:days?|d)$", "/day", t)
    t = re.sub(r"/(?:weeks?|wk|w)$", "/week", t)
    t = re.sub(r"^(\w+)/24h$", r"\1/day", t)
    return t


@lru_cache(maxsize=1)
def _lookup() -> Mapping[str, Mapping[str, UnitDef]]:
    """Analyte -> {normalised spelling -> UnitDef}."""
    out: dict[str, Mapping[str, UnitDef]] = {}
    for analyte, units in _units().items():
        out[analyte] = MappingProxyType({_norm_unit(u): d for u, d in units.items()})
    return MappingProxyType(out)


def analytes() -> tuple[str, ...]:
    """Return the analyte keys the unit registry knows."""
    return tuple(_ANALYTES)


def _analyte_key(analyte: object) -> str:
    if not isinstance(analyte, str):
        raise InputTypeError(
            f"analyte must be text, one of: {', '.join(_ANALYTES)}; got {type(analyte).__name__}.")
    key = re.sub(r"[\s_\-(),\[\]]", "", analyte.lower()).replace("\u00b5", "u")
    if analyte in _ANALYTES:
        return analyte
    if key in _ANALYTE_ALIASES:
        return _ANALYTE_ALIASES[key]
    raise InputError(f"analyte {analyte!r} is not recognised. Choose one of: {', '.join(_ANALYTES)}.")


def units_for(analyte: str) -> tuple[str, ...]:
    """Return the accepted units (display spelling) for ``analyte``."""
    return tuple(_units()[_analyte_key(analyte)])


def normalize_unit(unit: str, analyte: str) -> str:
    """Return the display spelling of ``unit`` for ``analyte`` (``"ng/ml"`` -> ``"ng/mL"``).

    Raises
    ------
    InputError
        If the unit is not one of :func:`units_for` ``(analyte)``; the message lists them.
    """
    return _find(_analyte_key(analyte), _unit_text(unit, "unit"), "unit").unit


def _unit_text(unit: object, what: str) -> str:
    if not isinstance(unit, str):
        raise InputTypeError(f"{what} must be text such as 'nmol/L' or 'IU'; got {type(unit).__name__}.")
    return unit


def _find(analyte: str, unit: str, what: str) -> UnitDef:
    d = _lookup()[analyte].get(_norm_unit(unit))
    if d is None:
        label = _ANALYTES[analyte][0]
        raise InputError(
            f"{what} {unit!r} is not a unit for {label} ({analyte}). "
            f"Accepted units: {', '.join(_units()[analyte])}.")
    return d


def _infer_analyte(from_unit: str, to_unit: str) -> str:
    a, b = _norm_unit(from_unit), _norm_unit(to_unit)
    fits = [an for an, units in _lookup().items()
            if a in units and b in units and units[a].dimension == units[b].dimension]
    if len(fits) == 1:
        return fits[0]
    if not fits:
        known = sorted({u for units in _units().values() for u in units})
        for unit, what in ((from_unit, "from_unit"), (to_unit, "to_unit")):
            if not any(_norm_unit(unit) in units for units in _lookup().values()):
                raise InputError(f"{what} {unit!r} is not a known unit. Accepted units: {', '.join(known)}.")
        raise InputError(
            f"No analyte converts {from_unit!r} to {to_unit!r}. Pass analyte= one of "
            f"{', '.join(_ANALYTES)}; units per analyte: "
            + "; ".join(f"{an}: {', '.join(u)}" for an, u in _units().items()) + ".")
    raise InputError(
        f"{from_unit!r} -> {to_unit!r} depends on the substance: pass analyte= one of {', '.join(fits)}.")


def _factor(from_unit: str, to_unit: str, analyte: str | None) -> tuple[float, str]:
    """Return (factor, analyte key) so that ``value_in_to_unit = value_in_from_unit * factor``."""
    from_unit = _unit_text(from_unit, "from_unit")
    to_unit = _unit_text(to_unit, "to_unit")
    if analyte is not None and not isinstance(analyte, str):
        raise InputTypeError(
            f"analyte must be text, one of: {', '.join(_ANALYTES)}; got {type(analyte).__name__}.")
    return _factor_cached(from_unit, to_unit, analyte)


@lru_cache(maxsize=512)
def _factor_cached(from_unit: str, to_unit: str, analyte: str | None) -> tuple[float, str]:
    key = _infer_analyte(from_unit, to_unit) if analyte is None else _analyte_key(analyte)
    src = _find(key, from_unit, "from_unit")
    dst = _find(key, to_unit, "to_unit")
    if src.dimension != dst.dimension:
        same = [u for u, d in _units()[key].items() if d.dimension == src.dimension]
        raise InputError(
            f"cannot convert {src.unit} ({src.dimension}) to {dst.unit} ({dst.dimension}) for {key}. "
            f"{src.unit} converts to: {', '.join(same)}.")
    return src.factor / dst.factor, key


def convert(value: Any, from_unit: str, to_unit: str, analyte: str | None = None) -> Any:
    """Convert a non-negative value (number or numpy array) from one unit to another.

    Parameters
    ----------
    value : float or numpy.ndarray
        The amount or concentration; must be finite and not negative.
    from_unit, to_unit : str
        Units, spelled forgivingly (``"ng/ml"``, ``"µg"``, ``"mcg"``, ``"iu"``, ``"IU/d"``).
    analyte : str, optional
        One of :func:`analytes` (``"25ohd"``, ``"serum_mg"``, ...). If omitted, it is inferred from
        the units when only one analyte fits (``ng/mL -> nmol/L`` is 25(OH)D); ``mg/dL -> mmol/L``
        needs it (magnesium or calcium).

    Returns
    -------
    float or numpy.ndarray
        The value in ``to_unit``.

    Raises
    ------
    InputError
        Unknown unit or analyte (the message lists the accepted ones), negative, NaN or infinite value.
    InputTypeError
        ``value`` is not a number (``None``, text, bool).
    """
    factor, key = _factor(from_unit, to_unit, analyte)
    if hasattr(value, "dtype") and hasattr(value, "shape"):
        import numpy as np

        arr = np.asarray(value)
        if arr.dtype.kind not in "iuf":
            raise InputTypeError(f"value must be numeric (in {from_unit}); got an array of {arr.dtype}.")
        if not np.all(np.isfinite(arr)):
            raise InputError(f"value contains NaN or infinite entries. Allowed: finite numbers >= 0 {from_unit}.")
        if np.any(arr < 0):
            raise InputError(f"value contains negative entries. Allowed: numbers >= 0 {from_unit}.")
        return arr * factor
    x = require_number(value, f"{_ANALYTES[key][0]} value", low=0.0, unit=from_unit)
    return x * factor


@dataclass(frozen=True)
class Quantity:
    """A number with a unit (and optionally the analyte it measures).

    Attributes
    ----------
    value : float
        The number (finite, not negative).
    unit : str
        Unit as given or as converted to (``"ng/mL"``).
    analyte : str or None
        Analyte key if known (``"25ohd"``); used by :meth:`to` when no analyte is passed.
    """

    value: float
    unit: str
    analyte: str | None = None

    def __post_init__(self) -> None:
        _unit_text(self.unit, "unit")
        x = require_number(self.value, "quantity value", low=0.0, unit=self.unit)
        object.__setattr__(self, "value", x)
        if self.analyte is not None:
            object.__setattr__(self, "analyte", _analyte_key(self.analyte))

    def to(self, unit: str, analyte: str | None = None) -> "Quantity":
        """Return this quantity converted to ``unit`` (see :func:`convert`)."""
        use = analyte if analyte is not None else self.analyte
        factor, key = _factor(self.unit, unit, use)
        return Quantity(self.value * factor, _find(key, unit, "unit").unit, key)

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit}"


_NUMBER = r"(?P<num>[+-]?(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.\d*)?(?:[eE][+-]?\d+)?|[+-]?\.\d+)"
_QUANTITY_RE = re.compile(rf"^\s*{_NUMBER}\s*(?P<unit>[^\W\d_%].*?)?\s*$")


def parse_quantity(text: str, analyte: str | None = None) -> Quantity:
    """Parse text such as ``"20 ng/mL"``, ``"20ng/ml"``, ``"1,000 IU"`` or ``"0.8 mmol/L"``.

    Parameters
    ----------
    text : str
        A non-negative number (thousands may be grouped with commas) followed by a unit.
    analyte : str, optional
        The analyte, needed only where the unit alone is ambiguous (``mmol/L``, ``mg/dL``, ``mg``).

    Returns
    -------
    Quantity
        With the unit in its display spelling and the analyte when it is clear.

    Raises
    ------
    InputTypeError
        ``text`` is not a string.
    InputError
        No number, no unit, an unknown unit, a decimal comma, or a negative value.
    """
    if not isinstance(text, str):
        raise InputTypeError(
            f"parse_quantity needs text such as '20 ng/mL' or '1,000 IU'; got {type(text).__name__}.")
    m = _QUANTITY_RE.match(text)
    example = "e.g. '20 ng/mL', '50 nmol/L', '1,000 IU', '0.8 mmol/L'"
    if m is None:
        if re.match(r"^\s*\d+,\d{1,2}(?!\d)", text):
            raise InputError(f"{text!r}: use a point for decimals (12.5, not 12,5); commas group thousands ({example}).")
        raise InputError(f"{text!r} is not a number followed by a unit ({example}).")
    num, unit = m.group("num"), m.group("unit")
    if not unit:
        raise InputError(f"{text!r} has no unit; write the unit after the number ({example}).")
    value = float(re.sub(r"[,\u202f\u00a0 ]", "", num))
    require_number(value, f"the value in {text!r}", low=0.0, unit=unit.strip())
    if analyte is not None:
        key = _analyte_key(analyte)
        return Quantity(value, _find(key, unit, "unit").unit, key)
    norm = _norm_unit(unit)
    owners = [an for an, units in _lookup().items() if norm in units]
    if not owners:
        known = sorted({u for units in _units().values() for u in units})
        raise InputError(f"{unit.strip()!r} in {text!r} is not a known unit. Accepted units: {', '.join(known)}.")
    display = _lookup()[owners[0]][norm].unit
    return Quantity(value, display, owners[0] if len(owners) == 1 else None)


def conversion_table() -> list[dict[str, object]]:
    """Return every registered unit as rows (analyte, unit, base unit, factor, dimension, source)."""
    rows: list[dict[str, object]] = []
    for analyte, units in _units().items():
        base = _ANALYTES[analyte][1]
        for d in units.values():
            rows.append({"analyte": analyte, "unit": d.unit, "base_unit": base,
                         "factor_to_base": d.factor, "dimension": d.dimension, "source": d.source})
    return rows
