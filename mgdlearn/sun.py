"""Skin vitamin D synthesis: a teaching estimate of ``sun_iu_per_day`` for the model.

How the estimate is built (each step is an approximation, each number is in :data:`CONSTANTS`
with its source):

1. **Sun height.** Solar declination from the day of the year (Cooper 1969) and the solar
   elevation from latitude, declination and the hour angle (``hour`` is local *solar* time: 12
   is solar noon, when the sun is highest).
2. **UV index.** Clear-sky UV index from the solar elevation and the ozone column with
   Madronich's analytic formula, ``UVI = 12.5 * cos(SZA)**2.42 * (ozone/300 DU)**-1.23``
   (Madronich 2007). A measured UV index (clouds, altitude, snow) can be passed instead.
3. **Erythemal dose.** One UV index unit is 25 mW/m2 of erythemally weighted irradiance (WHO
   2002), so ``minutes`` of exposure give a dose in J/m2, expressed as a fraction of the minimal
   erythemal dose (MED) of the person's Fitzpatrick skin type (typical MEDs used by Webb and
   Engelsen 2006). Darker skin needs more UV for the same fraction of its MED.
4. **Vitamin D per MED.** Holick (2007): a whole-body exposure to 1 MED yields roughly
   10,000-25,000 IU, and about 1/4 MED on about 1/4 of the body is about 1,000 IU, which fixes
   16,000 IU per whole-body MED. Production grows with the exposed skin fraction and, up to about
   1 MED, with the dose; beyond that previtamin D is photo-degraded, so more sun adds nothing (and
   burns).
5. **Vitamin D winter.** UVB below 315 nm, which makes previtamin D, is absorbed by ozone far more
   than erythemal UV when the sun is low. Webb et al. (1988) found no previtamin D synthesis in
   Boston (42 deg N) from November to February and in Edmonton (52 deg N) from October to March.
   The estimate multiplies by a factor that is 0 below 35 deg solar elevation and rises linearly
   to 1 at 45 deg; these two angles were chosen to reproduce Webb's months (a calibration, not a
   measurement).

Uncertainty: treat every result as good to about a factor of 2 either way (:data:`CONSTANTS`
``uncertainty_factor``). Individual MEDs vary within a skin type, clothing, posture (a standing
body receives less UV than a horizontal surface), clouds, aerosols, altitude, age (less
7-dehydrocholesterol in older skin) and body fat all change the yield, and "IU made in the skin"
is only roughly comparable to IU swallowed. It is a teaching estimate, not advice on how long to
stay in the sun: sunburn raises skin-cancer risk.

Examples
--------
>>> from mgdlearn.sun import sun_iu_per_day
>>> sun_iu_per_day(42, "December", minutes=60)    # Boston in winter: the vitamin D winter
0.0
>>> round(sun_iu_per_day(42, "July", minutes=4, skin_type=2, skin_fraction=0.25), -2)  # ~1/4 MED
1000.0
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.units import Constant

__all__ = [
    "SunConstant",
    "CONSTANTS",
    "MED_J_PER_M2",
    "SunEstimate",
    "solar_declination_deg",
    "solar_elevation_deg",
    "clear_sky_uv_index",
    "vitamin_d_factor",
    "sun_estimate",
    "sun_iu_per_day",
    "minutes_for_med_fraction",
]


#: One number of the estimate: the same sourced-constant record as :class:`mgdlearn.units.Constant`.
SunConstant = Constant


def _c(name: str, value: float, unit: str, source: str, note: str) -> tuple[str, SunConstant]:
    return name, SunConstant(name, value, unit, source, note)


#: Every number of the estimate, with unit and source.
CONSTANTS: Mapping[str, SunConstant] = MappingProxyType(dict([
    _c("declination_amplitude", 23.45, "deg", "cooper1969",
       "declination = 23.45 deg * sin(360 deg * (284 + day of year) / 365)"),
    _c("declination_day_offset", 284.0, "days", "cooper1969", "phase of the declination formula"),
    _c("days_per_year", 365.0, "days", "cooper1969", "period of the declination formula"),
    _c("uvi_clear_sky_coefficient", 12.5, "UVI", "madronich2007", "UVI = 12.5 * mu0**2.42 * (ozone/300)**-1.23"),
    _c("uvi_mu0_exponent", 2.42, "1", "madronich2007", "exponent of the cosine of the solar zenith angle"),
    _c("uvi_ozone_exponent", -1.23, "1", "madronich2007", "exponent of the relative ozone column"),
    _c("ozone_reference", 300.0, "DU", "madronich2007", "reference ozone column of the formula"),
    _c("erythemal_irradiance_per_uvi", 0.025, "W/m2", "who2002_uvi",
       "1 UV index unit = 25 mW/m2 of erythemally weighted irradiance"),
    _c("iu_per_whole_body_med", 16000.0, "IU", "holick2007",
       "1/4 MED on 1/4 of the body ~ 1,000 IU => 16,000 IU per MED on the whole body "
       "(Holick's range for 1 whole-body MED: 10,000-25,000 IU)"),
    _c("max_med_fraction_per_day", 1.0, "MED", "holick2007",
       "beyond about 1 MED previtamin D is photo-degraded: more exposure makes no more vitamin D"),
    _c("winter_elevation_none", 35.0, "deg", "webb1988",
       "solar elevation below which no previtamin D is made (calibrated to Webb 1988: 42 N Nov-Feb, 52 N Oct-Mar)"),
    _c("winter_elevation_full", 45.0, "deg", "webb1988",
       "solar elevation above which the vitamin D-effective share of UV is taken as full (calibration)"),
    *[_c(f"med_skin_type_{t}", med, "J/m2", "webb_engelsen2006;fitzpatrick1988",
         f"typical minimal erythemal dose of Fitzpatrick skin type {t} (individuals vary)")
      for t, med in ((1, 200.0), (2, 250.0), (3, 350.0), (4, 450.0), (5, 600.0), (6, 1000.0))],
    _c("uncertainty_factor", 2.0, "1", "holick2007;webb_engelsen2006",
       "the estimate is good to about a factor of 2 either way (MED and IU-per-MED ranges, geometry, clouds)"),
]))

#: Fitzpatrick skin type -> typical minimal erythemal dose (J/m2, erythemally weighted), taken from
#: the ``med_skin_type_N`` entries of :data:`CONSTANTS`. Individuals vary within a type.
MED_J_PER_M2: Mapping[int, float] = MappingProxyType(
    {t: CONSTANTS[f"med_skin_type_{t}"].value for t in range(1, 7)})
MED_SOURCE = "webb_engelsen2006;fitzpatrick1988"

_SKIN_TYPE_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _k(name: str) -> float:
    return CONSTANTS[name].value


@dataclass(frozen=True)
class SunEstimate:
    """Result of :func:`sun_estimate`.

    Attributes
    ----------
    iu : float
        Vitamin D made in the skin by this exposure (IU; the model's ``sun_iu_per_day`` if it is
        repeated daily).
    low_iu, high_iu : float
        The range given the stated uncertainty (``iu`` divided and multiplied by 2).
    solar_elevation_deg : float
        Sun height above the horizon at the exposure time (negative: below the horizon).
    uv_index : float
        Clear-sky UV index from the formula, or the UV index that was passed in.
    med_fraction : float
        Erythemal dose received as a fraction of the skin type's MED (1 or more: sunburn).
    vitamin_d_factor : float
        0-1 factor for the vitamin D-effective share of the UV (0 in the vitamin D winter).
    minutes, skin_fraction, skin_type, latitude_deg, month, day, hour
        The inputs, as validated.
    """

    iu: float = field(metadata={"unit": "IU", "source": "holick2007"})
    low_iu: float = field(metadata={"unit": "IU", "source": "holick2007;webb_engelsen2006"})
    high_iu: float = field(metadata={"unit": "IU", "source": "holick2007;webb_engelsen2006"})
    solar_elevation_deg: float = field(metadata={"unit": "deg", "source": "cooper1969"})
    uv_index: float = field(metadata={"unit": "UVI", "source": "madronich2007"})
    med_fraction: float = field(metadata={"unit": "MED", "source": "webb_engelsen2006"})
    vitamin_d_factor: float = field(metadata={"unit": "1", "source": "webb1988"})
    minutes: float = field(metadata={"unit": "min", "source": "input"})
    skin_fraction: float = field(metadata={"unit": "1", "source": "input"})
    skin_type: int = field(metadata={"unit": "Fitzpatrick type", "source": "fitzpatrick1988"})
    latitude_deg: float = field(metadata={"unit": "deg", "source": "input"})
    month: int = field(metadata={"unit": "1-12", "source": "input"})
    day: int = field(metadata={"unit": "day of month", "source": "input"})
    hour: float = field(metadata={"unit": "h (solar time)", "source": "input"})

    @property
    def vitamin_d_winter(self) -> bool:
        """True when the sun is too low to make vitamin D at this time."""
        return self.vitamin_d_factor == 0.0

    def summary(self) -> str:
        """One paragraph in words: inputs, result, its range and the caveats."""
        where = f"{abs(self.latitude_deg):g} deg {'N' if self.latitude_deg >= 0 else 'S'}"
        when = f"{_MONTHS[self.month - 1].capitalize()} {self.day}, {self.hour:g} h solar time"
        who = (f"skin type {_SKIN_TYPE_NAMES[self.skin_type]}, {self.skin_fraction:.0%} of the skin "
               f"uncovered for {self.minutes:g} min")
        if self.solar_elevation_deg <= 0:
            return f"At {where}, {when}, the sun is below the horizon: no vitamin D is made."
        text = (f"At {where}, {when} (sun {self.solar_elevation_deg:.0f} deg high, UV index "
                f"{self.uv_index:.1f}), {who}: ")
        if self.vitamin_d_winter:
            return text + ("the sun is too low for the UVB that makes vitamin D (the 'vitamin D winter', "
                           "Webb et al. 1988): about 0 IU.")
        text += (f"about {self.iu:,.0f} IU (plausible range {self.low_iu:,.0f}-{self.high_iu:,.0f} IU). "
                 f"The dose is {self.med_fraction:.2f} of a minimal erythemal dose")
        if self.med_fraction >= 1.0:
            text += ": enough to burn, and no more vitamin D than 1 MED gives"
        return text + ". A teaching estimate, good to about a factor of 2."


def _month(month: object) -> int:
    if isinstance(month, str):
        key = month.strip().lower()
        for i, name in enumerate(_MONTHS, start=1):
            if key and (key == name or (len(key) >= 3 and name.startswith(key))):
                return i
        raise InputError(f"month {month!r} is not recognised. Allowed: 1-12 or a month name such as 'July'.")
    if isinstance(month, bool) or not isinstance(month, (int, float)):
        raise InputTypeError(f"month must be a whole number 1-12 or a month name; got {type(month).__name__}.")
    m = require_number(month, "month", low=1, high=12)
    if m != int(m):
        raise InputError(f"month = {m:g} is not a whole number. Allowed: 1-12 (1 = January) or a month name.")
    return int(m)


def _skin_type(skin_type: object) -> int:
    if isinstance(skin_type, str):
        roman = {v: k for k, v in _SKIN_TYPE_NAMES.items()}
        key = skin_type.strip().upper()
        if key in roman:
            return roman[key]
        if key in {"1", "2", "3", "4", "5", "6"}:
            return int(key)
        raise InputError(f"skin type {skin_type!r} is not recognised. Allowed: 1-6 or I-VI (Fitzpatrick).")
    if isinstance(skin_type, bool) or not isinstance(skin_type, (int, float)):
        raise InputTypeError(
            f"skin type must be a whole number 1-6 (Fitzpatrick I-VI); got {type(skin_type).__name__}.")
    s = require_number(skin_type, "skin type", low=1, high=6, unit="")
    if s != int(s):
        raise InputError(f"skin type = {s:g} is not a whole number. Allowed: 1, 2, 3, 4, 5 or 6 (Fitzpatrick I-VI).")
    return int(s)


def _day(day: object, month: int) -> int:
    d = require_number(day, "day of the month", low=1, high=_DAYS_IN_MONTH[month - 1])
    if d != int(d):
        raise InputError(f"day of the month = {d:g} is not a whole number.")
    return int(d)


def day_of_year(month: int | str, day: int = 15) -> int:
    """Day of the year (1-365, non-leap year) of ``day`` in ``month``."""
    m = _month(month)
    return sum(_DAYS_IN_MONTH[: m - 1]) + _day(day, m)


def solar_declination_deg(day_of_year: int) -> float:
    """Solar declination (deg) on ``day_of_year`` (1-365), Cooper's (1969) formula."""
    n = require_number(day_of_year, "day of the year", low=1, high=366)
    amp, off, per = _k("declination_amplitude"), _k("declination_day_offset"), _k("days_per_year")
    return amp * math.sin(math.radians(360.0 * (off + n) / per))


def solar_elevation_deg(latitude_deg: float, month: int | str, *, day: int = 15, hour: float = 12.0) -> float:
    """Sun height above the horizon (deg) at ``latitude_deg`` on ``day`` of ``month`` at solar ``hour``.

    Negative values mean the sun is below the horizon.
    """
    lat = require_number(latitude_deg, "latitude", low=-90, high=90, unit="deg")
    h = require_number(hour, "hour (solar time)", low=0, high=24, unit="h")
    decl = solar_declination_deg(day_of_year(month, day))
    hour_angle = math.radians(15.0 * (h - 12.0))
    phi, delta = math.radians(lat), math.radians(decl)
    sin_el = math.sin(phi) * math.sin(delta) + math.cos(phi) * math.cos(delta) * math.cos(hour_angle)
    return math.degrees(math.asin(max(-1.0, min(1.0, sin_el))))


def clear_sky_uv_index(elevation_deg: float, ozone_du: float = 300.0) -> float:
    """Clear-sky UV index for a solar elevation (deg) and ozone column (DU), Madronich (2007)."""
    el = require_number(elevation_deg, "solar elevation", low=-90, high=90, unit="deg")
    oz = require_number(ozone_du, "ozone column", low=100, high=600, unit="DU")
    if el <= 0:
        return 0.0
    mu0 = math.sin(math.radians(el))
    return (_k("uvi_clear_sky_coefficient") * mu0 ** _k("uvi_mu0_exponent")
            * (oz / _k("ozone_reference")) ** _k("uvi_ozone_exponent"))


def vitamin_d_factor(elevation_deg: float) -> float:
    """Share (0-1) of the erythemal UV that still makes vitamin D at this solar elevation.

    0 below 35 deg, 1 above 45 deg, linear in between: a calibration that reproduces the
    vitamin D winter observed by Webb et al. (1988).
    """
    el = require_number(elevation_deg, "solar elevation", low=-90, high=90, unit="deg")
    lo, hi = _k("winter_elevation_none"), _k("winter_elevation_full")
    return min(1.0, max(0.0, (el - lo) / (hi - lo)))


def _uv_index(uv_index: float | None, elevation: float, ozone_du: float) -> float:
    if uv_index is None:
        return clear_sky_uv_index(elevation, ozone_du)
    return require_number(uv_index, "UV index", low=0, high=20)


def sun_estimate(latitude_deg: float, month: int | str, *, minutes: float = 15.0, skin_fraction: float = 0.25,
                 skin_type: int | str = 2, hour: float = 12.0, day: int = 15, uv_index: float | None = None,
                 ozone_du: float = 300.0) -> SunEstimate:
    """Estimate the vitamin D made in the skin by one sun exposure.

    Parameters
    ----------
    latitude_deg : float
        Latitude, -90 to 90 (north positive).
    month : int or str
        1-12 or a month name (``"July"``, ``"jul"``).
    minutes : float
        Time in the sun, 0-600 min.
    skin_fraction : float
        Fraction of the body surface uncovered, 0-1 (face and hands ~0.1; face, arms and hands
        ~0.25; in a swimsuit ~0.8).
    skin_type : int or str
        Fitzpatrick skin type 1-6 (or ``"I"``-``"VI"``).
    hour : float
        Local solar time of the exposure, 0-24 (12 = solar noon).
    day : int
        Day of the month.
    uv_index : float, optional
        A measured or forecast UV index (0-20) instead of the clear-sky formula.
    ozone_du : float
        Ozone column (100-600 DU) for the clear-sky formula.

    Returns
    -------
    SunEstimate
        The IU made, its factor-2 range, the UV index, sun height and MED fraction.
    """
    lat = require_number(latitude_deg, "latitude", low=-90, high=90, unit="deg")
    m = _month(month)
    d = _day(day, m)
    h = require_number(hour, "hour (solar time)", low=0, high=24, unit="h")
    mins = require_number(minutes, "minutes in the sun", low=0, high=600, unit="min")
    frac = require_number(skin_fraction, "uncovered skin fraction", low=0, high=1)
    st = _skin_type(skin_type)
    elevation = solar_elevation_deg(lat, m, day=d, hour=h)
    uvi = _uv_index(uv_index, elevation, ozone_du)
    if elevation <= 0:
        uvi = 0.0
    dose = uvi * _k("erythemal_irradiance_per_uvi") * mins * 60.0  # J/m2 erythemal
    med_fraction = dose / MED_J_PER_M2[st]
    factor = vitamin_d_factor(elevation) if elevation > 0 else 0.0
    effective = min(med_fraction, _k("max_med_fraction_per_day")) * factor
    iu = _k("iu_per_whole_body_med") * frac * effective
    u = _k("uncertainty_factor")
    return SunEstimate(iu=iu, low_iu=iu / u, high_iu=iu * u, solar_elevation_deg=elevation, uv_index=uvi,
                       med_fraction=med_fraction, vitamin_d_factor=factor, minutes=mins, skin_fraction=frac,
                       skin_type=st, latitude_deg=lat, month=m, day=d, hour=h)


def sun_iu_per_day(latitude_deg: float, month: int | str, *, minutes: float = 15.0, skin_fraction: float = 0.25,
                   skin_type: int | str = 2, hour: float = 12.0, day: int = 15, uv_index: float | None = None,
                   ozone_du: float = 300.0) -> float:
    """Vitamin D (IU) made by a daily sun exposure: the model's ``sun_iu_per_day``.

    Same parameters as :func:`sun_estimate`; returns only ``iu`` (good to about a factor of 2).
    """
    return sun_estimate(latitude_deg, month, minutes=minutes, skin_fraction=skin_fraction, skin_type=skin_type,
                        hour=hour, day=day, uv_index=uv_index, ozone_du=ozone_du).iu


def minutes_for_med_fraction(med_fraction: float, latitude_deg: float, month: int | str, *,
                             skin_type: int | str = 2, hour: float = 12.0, day: int = 15,
                             uv_index: float | None = None, ozone_du: float = 300.0) -> float:
    """Minutes of sun that give ``med_fraction`` of the skin type's MED (``inf`` if the sun is down).

    Holick's rule of thumb for about 1,000 IU is ``med_fraction=0.25`` on a quarter of the body.
    """
    target = require_number(med_fraction, "fraction of a minimal erythemal dose", low=0, high=10, unit="MED")
    lat = require_number(latitude_deg, "latitude", low=-90, high=90, unit="deg")
    m = _month(month)
    d = _day(day, m)
    st = _skin_type(skin_type)
    elevation = solar_elevation_deg(lat, m, day=d, hour=hour)
    uvi = _uv_index(uv_index, elevation, ozone_du) if elevation > 0 else 0.0
    rate = uvi * _k("erythemal_irradiance_per_uvi") * 60.0 / MED_J_PER_M2[st]  # MED per minute
    if target == 0:
        return 0.0
    return math.inf if rate <= 0 else target / rate
