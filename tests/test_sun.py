"""Skin vitamin D estimate: vitamin D winter, Holick's rule of thumb, monotone behaviour, bad input."""
from __future__ import annotations

import math

import pytest

from mgdlearn.bibliography import REFERENCES
from mgdlearn.sun import (
    CONSTANTS,
    MED_J_PER_M2,
    MED_SOURCE,
    clear_sky_uv_index,
    minutes_for_med_fraction,
    solar_elevation_deg,
    sun_estimate,
    sun_iu_per_day,
)

HOUR = dict(minutes=60, skin_fraction=0.25, skin_type=2, hour=12.0)


@pytest.mark.parametrize("month", [11, 12, 1, 2])
def test_no_vitamin_d_at_42_north_from_november_to_february(month):
    """Webb et al. 1988, Boston: no previtamin D synthesis November-February."""
    est = sun_estimate(42.2, month, **HOUR)
    assert est.iu == 0.0 and est.vitamin_d_winter
    assert "vitamin D winter" in est.summary()


@pytest.mark.parametrize("month", [4, 5, 6, 7, 8, 9])
def test_vitamin_d_is_made_at_42_north_from_april_to_september(month):
    assert sun_iu_per_day(42.2, month, **HOUR) > 1000


def test_edmonton_52_north_has_essentially_none_from_october_to_march():
    summer = sun_iu_per_day(52.0, 7, **HOUR)
    for month in (10, 11, 12, 1, 2, 3):
        assert sun_iu_per_day(52.0, month, **HOUR) < 0.05 * summer, month
    for month in (4, 5, 6, 7, 8):
        assert sun_iu_per_day(52.0, month, **HOUR) > 0.5 * summer, month


def test_southern_hemisphere_seasons_are_reversed():
    assert sun_iu_per_day(-42.0, 7, **HOUR) == 0.0
    assert sun_iu_per_day(-42.0, 1, **HOUR) > 1000


def test_quarter_med_on_quarter_of_the_body_in_summer_gives_about_1000_iu():
    """Holick 2007: ~1/4 MED on ~1/4 of the body ~ 1,000 IU; the time it takes is a few minutes."""
    minutes = minutes_for_med_fraction(0.25, 42.2, 7, skin_type=2)
    assert 2 <= minutes <= 15
    est = sun_estimate(42.2, 7, minutes=minutes, skin_fraction=0.25, skin_type=2)
    assert est.med_fraction == pytest.approx(0.25)
    assert 800 <= est.iu <= 1250


def test_boston_summer_noon_matches_published_exposure_times_within_the_uncertainty():
    """Terushkin et al. 2010: Boston, noon, skin type III, 25.5 % of the body: 400 IU in 3-8 min (April-October)."""
    per_minute = sun_iu_per_day(42.2, 7, minutes=1, skin_fraction=0.255, skin_type=3)
    minutes = 400 / per_minute
    assert 3 / 2 <= minutes <= 8 * 2  # the stated factor-2 uncertainty


def test_darker_skin_makes_less_vitamin_d_in_the_same_time():
    values = [sun_iu_per_day(35, 6, minutes=5, skin_type=t) for t in range(1, 7)]
    assert all(a > b for a, b in zip(values, values[1:]))


def test_more_time_and_more_skin_make_more_until_one_med():
    short = sun_iu_per_day(40, 6, minutes=2)
    longer = sun_iu_per_day(40, 6, minutes=4)
    assert longer == pytest.approx(2 * short)
    assert sun_iu_per_day(40, 6, minutes=4, skin_fraction=0.5) == pytest.approx(2 * longer)
    capped = sun_iu_per_day(40, 6, minutes=120, skin_fraction=1.0)
    assert capped == pytest.approx(CONSTANTS["iu_per_whole_body_med"].value)
    assert sun_iu_per_day(40, 6, minutes=240, skin_fraction=1.0) == pytest.approx(capped)
    assert "enough to burn" in sun_estimate(40, 6, minutes=120).summary()


def test_noon_beats_morning_and_night_makes_nothing():
    noon = sun_iu_per_day(40, 6, minutes=5, hour=12)
    morning = sun_iu_per_day(40, 6, minutes=5, hour=9)
    assert noon > morning > 0
    assert sun_iu_per_day(40, 6, minutes=30, hour=0) == 0.0
    assert "below the horizon" in sun_estimate(40, 6, hour=0).summary()


def test_solar_geometry_and_uv_index_are_sensible():
    assert solar_elevation_deg(0, 3, day=21) == pytest.approx(90, abs=2)        # equinox, equator
    assert solar_elevation_deg(42, 6, day=21) == pytest.approx(90 - 42 + 23.45, abs=0.5)
    assert 9 < clear_sky_uv_index(70) < 12
    assert clear_sky_uv_index(-5) == 0.0
    assert clear_sky_uv_index(60, ozone_du=400) < clear_sky_uv_index(60, ozone_du=300)


def test_a_measured_uv_index_replaces_the_clear_sky_value():
    cloudy = sun_estimate(42, 7, minutes=10, uv_index=3)
    assert cloudy.uv_index == 3
    assert cloudy.iu < sun_estimate(42, 7, minutes=10).iu
    assert sun_iu_per_day(42, 7, minutes=10, uv_index=0) == 0.0


def test_result_states_a_factor_two_uncertainty():
    est = sun_estimate(42, "July", minutes=4)
    assert est.low_iu == pytest.approx(est.iu / 2) and est.high_iu == pytest.approx(est.iu * 2)
    assert "factor of 2" in est.summary()


def test_month_and_skin_type_accept_names_and_roman_numerals():
    assert sun_iu_per_day(42, "jul", skin_type="II") == sun_iu_per_day(42, 7, skin_type=2)
    assert sun_iu_per_day(42, "July", skin_type="2") == sun_iu_per_day(42, 7, skin_type=2)


@pytest.mark.parametrize("kwargs, error, pattern", [
    (dict(latitude_deg=91, month=7), ValueError, "-90 to 90"),
    (dict(latitude_deg=-90.5, month=7), ValueError, "-90 to 90"),
    (dict(latitude_deg="42", month=7), TypeError, "latitude must be a number"),
    (dict(latitude_deg=math.nan, month=7), ValueError, "NaN"),
    (dict(latitude_deg=42, month=13), ValueError, "1 to 12"),
    (dict(latitude_deg=42, month=0), ValueError, "1 to 12"),
    (dict(latitude_deg=42, month=6.5), ValueError, "whole number"),
    (dict(latitude_deg=42, month="Smarch"), ValueError, "month name"),
    (dict(latitude_deg=42, month=None), TypeError, "month must be"),
    (dict(latitude_deg=42, month=7, skin_type=7), ValueError, "1 to 6"),
    (dict(latitude_deg=42, month=7, skin_type=2.5), ValueError, "whole number"),
    (dict(latitude_deg=42, month=7, skin_type="VII"), ValueError, "I-VI"),
    (dict(latitude_deg=42, month=7, skin_type=[2]), TypeError, "skin type must be"),
    (dict(latitude_deg=42, month=7, minutes=-5), ValueError, "minutes in the sun"),
    (dict(latitude_deg=42, month=7, minutes=math.nan), ValueError, "NaN"),
    (dict(latitude_deg=42, month=7, skin_fraction=1.5), ValueError, "0 to 1"),
    (dict(latitude_deg=42, month=7, hour=25), ValueError, "0 to 24"),
    (dict(latitude_deg=42, month=2, day=30), ValueError, "1 to 28"),
    (dict(latitude_deg=42, month=7, uv_index=-1), ValueError, "UV index"),
])
def test_bad_input_raises_a_helpful_error(kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        sun_estimate(**kwargs)


def test_every_constant_cites_the_bibliography():
    for c in CONSTANTS.values():
        assert c.unit and all(k in REFERENCES for k in c.source.split(";")), c.name
    assert all(k in REFERENCES for k in MED_SOURCE.split(";"))
    assert sorted(MED_J_PER_M2) == [1, 2, 3, 4, 5, 6]
    assert all(a < b for a, b in zip(list(MED_J_PER_M2.values()), list(MED_J_PER_M2.values())[1:]))
