"""Unit conversion and parsing: the factors lessons rely on, forgiving spellings, clear errors."""
from __future__ import annotations

import dataclasses
import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgdlearn.errors import InputError, InputTypeError
from mgdlearn.units import (
    CONSTANTS,
    Quantity,
    analytes,
    conversion_table,
    convert,
    normalize_unit,
    parse_quantity,
    units_for,
)


# ---- the factors of facts.md section 3 -----------------------------------------------------
@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "analyte", "expected", "rel"),
    [
        (1, "ng/mL", "nmol/L", "25ohd", 2.496, 1e-3),
        (20, "ng/mL", "nmol/L", None, 49.92, 1e-3),
        (50, "nmol/L", "ng/mL", "25ohd", 20.03, 1e-3),
        (1, "pg/mL", "pmol/L", "calcitriol", 2.4, 1e-3),
        (48, "pmol/L", "pg/mL", "calcitriol", 20.0, 1e-3),
        (1, "pmol/L", "pg/mL", "pth", 9.43, 1e-3),
        (65, "pg/mL", "pmol/L", "pth", 6.9, 2e-3),
        (1, "µg", "IU", None, 40.0, 1e-12),
        (1000, "IU", "µg", None, 25.0, 1e-12),
        (600, "IU/day", "µg/day", None, 15.0, 1e-12),
        (50000, "IU/week", "IU/day", None, 7142.857, 1e-6),
        (24.305, "mg", "mmol", "magnesium", 1.0, 1e-12),
        (1, "mmol", "mEq", "magnesium", 2.0, 1e-12),
        (350, "mg/day", "mmol/day", "magnesium", 14.40, 1e-3),
        (1, "mmol/L", "mg/dL", "serum_mg", 2.431, 1e-3),
        (1, "mmol/L", "mEq/L", "serum_mg", 2.0, 1e-12),
        (0.75, "mmol/L", "mg/dL", "serum_mg", 1.82, 2e-3),
        (1, "mmol/L", "mg/dL", "calcium", 4.008, 1e-3),
        (1, "mmol/L", "mEq/L", "calcium", 2.0, 1e-12),
        (10.2, "mg/dL", "mmol/L", "calcium", 2.545, 1e-3),
        (40.078, "mg", "mmol", "calcium_amount", 1.0, 1e-12),
    ],
)
def test_conversion_factors_match_the_fact_base(value, from_unit, to_unit, analyte, expected, rel):
    assert convert(value, from_unit, to_unit, analyte=analyte) == pytest.approx(expected, rel=rel)


def test_same_unit_returns_the_value_unchanged():
    assert convert(37.5, "nmol/L", "nmol/L", analyte="25ohd") == 37.5


def test_zero_converts_to_zero():
    assert convert(0, "IU", "µg") == 0.0


@pytest.mark.parametrize("spelling", ["ng/mL", "ng/ml", "NG/ML", " ng / mL ", "ng per mL"])
def test_25ohd_units_are_spelled_forgivingly(spelling):
    assert convert(20, spelling, "nmol/l") == pytest.approx(49.92, rel=1e-3)


@pytest.mark.parametrize("micro", ["µg", "μg", "ug", "mcg", "MCG"])  # micro sign U+00B5 and Greek mu U+03BC
def test_both_micro_signs_mcg_and_ug_mean_microgram(micro):
    assert convert(10, micro, "IU") == pytest.approx(400.0)


@pytest.mark.parametrize("iu", ["IU", "iu", "I.U."])
def test_international_units_any_case(iu):
    assert convert(400, iu, "µg") == pytest.approx(10.0)


@pytest.mark.parametrize("per_day", ["IU/day", "IU/d", "iu per day", "IU/24h"])
def test_per_day_spellings(per_day):
    assert convert(800, per_day, "mcg/day") == pytest.approx(20.0)


def test_normalize_unit_returns_the_display_spelling():
    assert normalize_unit("ng/ml", "25ohd") == "ng/mL"
    assert normalize_unit("mcg", "vitamin D") == "µg"
    assert normalize_unit("meq/l", "serum magnesium") == "mEq/L"


def test_analyte_names_are_forgiving():
    assert convert(1, "mmol/L", "mg/dL", analyte="serum magnesium") == pytest.approx(2.431, rel=1e-3)
    assert convert(1, "pg/mL", "pmol/L", analyte="1,25(OH)2D") == pytest.approx(2.4, rel=1e-3)
    assert convert(1, "ng/mL", "nmol/L", analyte="25(OH)D") == pytest.approx(2.496, rel=1e-3)


def test_numpy_arrays_convert_elementwise():
    out = convert(np.array([10.0, 20.0, 30.0]), "ng/mL", "nmol/L")
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out, [24.96, 49.92, 74.89], rtol=1e-3)


def test_every_unit_is_listed_per_analyte():
    assert set(analytes()) >= {"25ohd", "calcitriol", "pth", "vitamin_d", "magnesium", "serum_mg",
                               "calcium", "calcium_amount"}
    assert set(units_for("25ohd")) == {"nmol/L", "ng/mL", "µg/L"}
    assert {"mmol/L", "mg/dL", "mEq/L"} <= set(units_for("serum_mg"))


# ---- round trips (property) ----------------------------------------------------------------
_PAIRS = [(row["analyte"], row["unit"], other["unit"])
          for row in conversion_table() for other in conversion_table()
          if row["analyte"] == other["analyte"] and row["dimension"] == other["dimension"]]


@settings(max_examples=150, deadline=None)
@given(pair=st.sampled_from(_PAIRS), x=st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_any_conversion_round_trips(pair, x):
    analyte, a, b = pair
    back = convert(convert(x, a, b, analyte=analyte), b, a, analyte=analyte)
    assert back == pytest.approx(x, rel=1e-12, abs=1e-12)


# ---- errors name what is accepted ----------------------------------------------------------
def test_unknown_unit_for_an_analyte_lists_the_accepted_units():
    with pytest.raises(InputError) as err:
        convert(20, "ng/dL", "nmol/L", analyte="25ohd")
    msg = str(err.value)
    assert "ng/dL" in msg and "nmol/L" in msg and "ng/mL" in msg and "µg/L" in msg


def test_unknown_unit_without_analyte_lists_all_known_units():
    with pytest.raises(ValueError, match=r"furlong.*Accepted units: .*nmol/L"):
        convert(1, "furlong", "nmol/L")


def test_unit_pair_shared_by_two_analytes_asks_for_the_analyte():
    with pytest.raises(InputError, match=r"serum_mg.*calcium"):
        convert(2.0, "mg/dL", "mmol/L")
    with pytest.raises(InputError, match=r"calcitriol.*pth"):
        convert(30, "pg/mL", "pmol/L")


def test_amount_and_daily_rate_do_not_convert_into_each_other():
    with pytest.raises(InputError, match=r"IU/day.*converts to: .*µg"):
        convert(400, "IU", "IU/day", analyte="vitamin_d")


def test_unknown_analyte_lists_the_analytes():
    with pytest.raises(InputError, match=r"zinc.*25ohd.*serum_mg"):
        convert(1, "mg", "mmol", analyte="zinc")


@pytest.mark.parametrize(
    ("value", "exc", "words"),
    [
        (-1.0, ValueError, "at least 0"),
        (math.nan, ValueError, "NaN"),
        (math.inf, ValueError, "infinite"),
        ("20", TypeError, "must be a number"),
        (None, TypeError, "None"),
        (True, TypeError, "must be a number"),
        ([20], TypeError, "must be a number"),
    ],
)
def test_bad_values_raise_with_what_is_allowed(value, exc, words):
    with pytest.raises(exc) as err:
        convert(value, "ng/mL", "nmol/L")
    assert words in str(err.value)
    assert "allowed" in str(err.value).lower()


def test_bad_array_values_raise():
    with pytest.raises(InputError, match="negative"):
        convert(np.array([1.0, -2.0]), "IU", "µg")
    with pytest.raises(InputError, match="NaN or infinite"):
        convert(np.array([1.0, np.nan]), "IU", "µg")


def test_unit_that_is_not_text_is_a_type_error():
    with pytest.raises(TypeError, match="text"):
        convert(1, None, "nmol/L")


# ---- parsing -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit", "analyte"),
    [
        ("20 ng/mL", 20.0, "ng/mL", "25ohd"),
        ("20ng/ml", 20.0, "ng/mL", "25ohd"),
        ("1,000 IU", 1000.0, "IU", "vitamin_d"),
        ("50 nmol/L", 50.0, "nmol/L", "25ohd"),
        ("  0.8 mmol/L ", 0.8, "mmol/L", None),
        ("1e3 IU", 1000.0, "IU", "vitamin_d"),
        ("10 000 IU", 10000.0, "IU", "vitamin_d"),
        (".5 mcg", 0.5, "µg", "vitamin_d"),
        ("2 μg/d", 2.0, "µg/day", "vitamin_d"),
        ("15 pg/mL", 15.0, "pg/mL", None),
    ],
)
def test_parse_quantity_reads_common_writings(text, value, unit, analyte):
    q = parse_quantity(text)
    assert q == Quantity(value, unit, analyte)


def test_parsed_quantity_converts():
    q = parse_quantity("20 ng/mL").to("nmol/L")
    assert q.unit == "nmol/L" and q.analyte == "25ohd"
    assert q.value == pytest.approx(49.92, rel=1e-3)
    assert parse_quantity("1,000 IU").to("µg").value == pytest.approx(25.0)


def test_ambiguous_quantity_needs_an_analyte_to_convert():
    q = parse_quantity("0.8 mmol/L")
    with pytest.raises(InputError, match="serum_mg"):
        q.to("mg/dL")
    assert q.to("mg/dL", analyte="serum_mg").value == pytest.approx(1.944, rel=1e-3)
    assert parse_quantity("0.8 mmol/L", analyte="serum_mg").analyte == "serum_mg"


def test_quantity_is_frozen_and_prints_readably():
    q = parse_quantity("20 ng/mL")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 30  # type: ignore[misc]
    assert str(q) == "20 ng/mL"


def test_quantity_validates_what_it_holds():
    assert Quantity(20, "ng/mL", "25(OH)D") == Quantity(20.0, "ng/mL", "25ohd")
    with pytest.raises(InputError, match="at least 0"):
        Quantity(-1, "nmol/L")
    with pytest.raises(InputTypeError, match="must be a number"):
        Quantity("20", "nmol/L")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="text such as 'nmol/L'"):
        Quantity(20, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "not a number followed by a unit"),
        ("abc", "not a number followed by a unit"),
        ("twenty ng/mL", "not a number followed by a unit"),
        ("20", "has no unit"),
        ("12,5 ng/mL", "use a point for decimals"),
        ("-5 nmol/L", "at least 0"),
        ("20 furlongs", "Accepted units"),
        ("20 ng/dL", "Accepted units"),
    ],
)
def test_parse_quantity_rejects_garbage_with_an_example(text, words):
    with pytest.raises(ValueError) as err:
        parse_quantity(text)
    assert words in str(err.value)


def test_parse_quantity_with_a_unit_of_another_analyte_lists_that_analytes_units():
    with pytest.raises(InputError, match=r"Accepted units: nmol/L, ng/mL, µg/L"):
        parse_quantity("20 IU", analyte="25ohd")


@pytest.mark.parametrize("bad", [None, 20, 20.0, b"20 ng/mL"])
def test_parse_quantity_needs_text(bad):
    with pytest.raises(InputTypeError, match="needs text such as '20 ng/mL'"):
        parse_quantity(bad)


# ---- sources and cost ----------------------------------------------------------------------
def test_every_constant_and_conversion_row_cites_the_bibliography():
    from mgdlearn.bibliography import REFERENCES

    for c in CONSTANTS.values():
        assert c.source and all(k in REFERENCES for k in c.source.split(";")), c
    for row in conversion_table():
        assert row["source"] and all(k in REFERENCES for k in str(row["source"]).split(";")), row


def test_molar_masses_are_the_sourced_values():
    assert CONSTANTS["molar_mass_25ohd"].value == 400.6
    assert CONSTANTS["molar_mass_calcitriol"].value == 416.6
    assert CONSTANTS["molar_mass_mg"].value == 24.305
    assert CONSTANTS["molar_mass_ca"].value == 40.078
    assert CONSTANTS["iu_per_ug_vitamin_d"].value == 40.0


def test_units_and_reference_import_without_numpy_or_pandas():
    code = (
        "import sys, mgdlearn.units as u, mgdlearn.reference_values as r\n"
        "u.convert(20, 'ng/mL', 'nmol/L'); u.parse_quantity('1,000 IU').to('µg')\n"
        "r.classify_25ohd('20 ng/mL'); r.dri('magnesium', 30, 'male'); r.normal_range('pth', 'pmol/L')\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'scipy', 'matplotlib') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
