"""docs/model.md stays in step with the code: its parameter table lists every field of
``Parameters`` with the current default, unit and source, and it states the limitations."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from mgdlearn.model import COLUMNS, Parameters

DOC = Path(__file__).resolve().parents[1] / "docs" / "model.md"
ROW = re.compile(r"^\| `(?P<name>\w+)` \| (?P<value>[^|]+) \| (?P<unit>[^|]+) \| (?P<source>[^|]+) \|")


@pytest.fixture(scope="module")
def doc_rows() -> dict[str, dict[str, str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            rows[m["name"]] = {k: v.strip() for k, v in m.groupdict().items()}
    return rows


def test_parameter_table_lists_every_field_with_its_current_value_unit_and_source(doc_rows):
    p = Parameters()
    for f in dataclasses.fields(Parameters):
        assert f.name in doc_rows, f"docs/model.md has no row for {f.name}"
        row = doc_rows[f.name]
        assert float(row["value"]) == pytest.approx(getattr(p, f.name), rel=1e-5), f.name
        assert row["unit"] == f.metadata["unit"], f.name
        assert row["source"] == f.metadata["source"], f.name


def test_doc_names_only_real_parameters_and_output_columns():
    text = DOC.read_text(encoding="utf-8")
    from mgdlearn.model import CONDITIONS

    names = {f.name for f in dataclasses.fields(Parameters)} | set(COLUMNS) | set(CONDITIONS)
    cited = set(re.findall(r"`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`", text))
    import mgdlearn.model

    functions = set(mgdlearn.model.__all__) | {"solve_ivp"}  # the model's API, and scipy's integrator
    symbols = ("f_",)          # the magnesium factors of the equations, f_25, f_sec ...
    unknown = {c for c in cited if c not in names | functions and not c.startswith(symbols)}
    assert not unknown, f"docs/model.md names unknown fields or columns: {sorted(unknown)}"


def test_doc_says_teaching_model_not_a_dosing_tool_and_lists_limitations():
    text = DOC.read_text(encoding="utf-8")
    assert "not a dosing tool" in text
    assert "## Limitations" in text
    assert "## Calibration targets" in text
