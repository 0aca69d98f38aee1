"""Every number in mgdlearn traces to a source in mgdlearn.bibliography.

Checked generically, so modules added later are covered without editing this file:

(a) every data CSV under ``mgdlearn/data`` has a ``source`` column, filled on every row, whose keys
    (``";"``-separated) exist in ``REFERENCES``; other ``*_source`` columns, where filled, too.
    JSON data files: every object holding a number has (or inherits) a valid ``source``.
(b) every module of the package is imported (discovered with :mod:`pkgutil`) and its dataclasses
    are checked: a field whose metadata names a ``source`` cites existing keys and states a
    ``unit``; in a parameter set (a dataclass with sourced fields, or named ``*Parameters`` /
    ``*Params``) every numeric default is sourced and the class is frozen. Allowed instead of a
    key: ``"see <field>"`` (per-record sources held in that field), ``"<file>.csv"`` (a data file
    under ``mgdlearn/data``, checked by (a)) and ``"input"`` (a value the student chooses). A
    dataclass that cites nothing is an input or display record: its defaults are examples. Module-level tables of
    records with a ``source`` attribute (and ``*CONSTANTS`` tables of tuples) cite existing keys.
(c) the unit registry's constants and conversion rows are sourced.

The checkers are plain functions, and the tests at the end prove that they catch bad input.
"""
from __future__ import annotations

import csv
import dataclasses
import importlib
import json
import numbers
import pkgutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Iterable

import pytest

import mgdlearn
from mgdlearn.bibliography import REFERENCES

PACKAGE_DIR = Path(mgdlearn.__file__).parent
DATA_DIR = PACKAGE_DIR / "data"


# ---- checkers ------------------------------------------------------------------------------
def source_keys(text: object) -> list[str]:
    """Split ``"a;b"`` into keys (empty list for empty or non-text)."""
    if not isinstance(text, str):
        return []
    return [k.strip() for k in text.split(";") if k.strip()]


def key_problems(text: object, where: str, *, required: bool = True) -> list[str]:
    """Problems with one source cell/field: empty (if required), or keys not in REFERENCES."""
    keys = source_keys(text)
    if not keys:
        return [f"{where}: no source"] if required else []
    return [f"{where}: unknown reference key {k!r}" for k in keys if k not in REFERENCES]


def csv_source_problems(path: Path) -> list[str]:
    """Check one CSV: a filled ``source`` column with known keys; filled ``*_source`` cells known."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        columns = reader.fieldnames or []
        rows = list(reader)
    if "source" not in columns:
        return [f"{path.name}: no 'source' column (columns: {', '.join(columns)})"]
    if not rows:
        return [f"{path.name}: no rows"]
    problems: list[str] = []
    extra = [c for c in columns if c.endswith("_source")]
    for i, row in enumerate(rows, start=2):  # line 1 is the header
        problems += key_problems(row["source"], f"{path.name} line {i} column source")
        for col in extra:
            problems += key_problems(row[col], f"{path.name} line {i} column {col}", required=False)
    return problems


def json_source_problems(node: Any, where: str, inherited: str = "") -> list[str]:
    """Every JSON object that holds a number needs a valid ``source`` (its own or an ancestor's)."""
    problems: list[str] = []
    if isinstance(node, dict):
        own = node.get("source", "")
        if own:
            problems += key_problems(own, where)
        src = own or inherited
        has_number = any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in node.values())
        if has_number and not src:
            problems.append(f"{where}: numbers without a source")
        for k, v in node.items():
            problems += json_source_problems(v, f"{where}.{k}", src)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            problems += json_source_problems(v, f"{where}[{i}]", inherited)
    return problems


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


#: ``metadata["source"]`` values that declare a user-chosen input rather than a cited number.
INPUT_MARKERS = frozenset({"input", "user input"})


def _pointer(text: object) -> str | None:
    """``"see sources"`` -> ``"sources"`` (a per-record source field); otherwise None."""
    if isinstance(text, str) and text.startswith("see "):
        return text[4:].strip()
    return None


def _cites_a_key(text: object) -> bool:
    """True if ``text`` is meant as reference key(s), not a marker, pointer or data file."""
    if not isinstance(text, str) or not source_keys(text) or _pointer(text) is not None:
        return False
    return text.strip() not in INPUT_MARKERS and not text.strip().endswith((".csv", ".json"))


def record_source_problems(rec: object, where: str) -> list[str]:
    """A dataclass instance: its ``source`` attribute and every field a ``"see X"`` points to."""
    problems: list[str] = []
    targets = {"source"} if hasattr(rec, "source") else set()
    for f in dataclasses.fields(rec):  # type: ignore[arg-type]
        pointer = _pointer(f.metadata.get("source"))
        if pointer is not None and hasattr(rec, pointer):
            targets.add(pointer)
    for attr in sorted(targets):
        value = getattr(rec, attr)
        if isinstance(value, Mapping):
            for k, v in value.items():
                problems += key_problems(v, f"{where}.{attr}[{k!r}]")
        else:
            problems += key_problems(value, f"{where}.{attr}")
    return problems


def dataclass_source_problems(cls: type) -> list[str]:
    """Check the field metadata of one dataclass (see the module docstring, rule b)."""
    problems: list[str] = []
    fields = dataclasses.fields(cls)
    name = cls.__qualname__
    sourced = [f for f in fields if _cites_a_key(f.metadata.get("source"))]
    is_parameter_set = bool(sourced) or cls.__name__.endswith(("Parameters", "Params"))
    for f in fields:
        has_default = f.default is not dataclasses.MISSING
        pointer = _pointer(f.metadata.get("source"))
        if pointer is not None:
            # A per-record source: ``"see sources"`` names the field that holds each record's keys.
            if pointer not in {g.name for g in fields}:
                problems.append(f"{name}.{f.name}: metadata source points to missing field {pointer!r}")
            if "unit" not in f.metadata:
                problems.append(f"{name}.{f.name}: metadata has a source but no unit")
        elif "source" in f.metadata:
            src = f.metadata["source"]
            if isinstance(src, str) and src.strip() in INPUT_MARKERS:
                pass  # a value the student chooses: its default is an example, not a claim
            elif isinstance(src, str) and src.strip().endswith((".csv", ".json")):
                if not (DATA_DIR / src.strip()).is_file():
                    problems.append(f"{name}.{f.name}: metadata source names a missing data file {src!r}")
            else:
                # Empty is fine for run-time values (no default) and in input records (classes that
                # cite nothing); in a parameter set every numeric default needs a key.
                required = has_default and _is_number(f.default) and is_parameter_set
                problems += key_problems(src, f"{name}.{f.name}", required=required)
            if "unit" not in f.metadata:
                problems.append(f"{name}.{f.name}: metadata has a source but no unit")
        elif is_parameter_set and has_default and _is_number(f.default):
            problems.append(f"{name}.{f.name} = {f.default!r}: numeric default without metadata source")
    if is_parameter_set and not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        problems.append(f"{name}: a parameter set must be a frozen dataclass")
    return problems


def _records(value: object) -> Iterable[object]:
    """The value itself and, one or two levels down, the items of mappings and sequences."""
    yield value
    children: Iterable[object] = ()
    if isinstance(value, Mapping):
        children = value.values()
    elif isinstance(value, (tuple, list, frozenset, set)):
        children = value
    for child in children:
        yield child
        if isinstance(child, (tuple, list)) and child and dataclasses.is_dataclass(child[0]):
            yield from child


def table_source_problems(module_name: str, global_name: str, value: object) -> list[str]:
    """Module-level records with a ``source`` attribute, and ``*CONSTANTS`` tables of tuples."""
    problems: list[str] = []
    where = f"{module_name}.{global_name}"
    for rec in _records(value):
        if dataclasses.is_dataclass(rec) and not isinstance(rec, type):
            problems += record_source_problems(rec, f"{where}: {type(rec).__name__}")
    if global_name.upper().endswith("CONSTANTS") and isinstance(value, Mapping):
        for k, row in value.items():
            if isinstance(row, tuple):
                cited = [x for x in row if isinstance(x, str) and source_keys(x)
                         and all(s in REFERENCES for s in source_keys(x))]
                if not cited:
                    problems.append(f"{where}[{k!r}]: no element is a known reference key: {row!r:.80}")
    return problems


def module_source_problems(module: Any) -> list[str]:
    """All problems in one imported module: its dataclasses and its module-level tables."""
    problems: list[str] = []
    for gname, obj in vars(module).items():
        if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__:
            problems += dataclass_source_problems(obj)
        elif not gname.startswith("__") and not isinstance(obj, type) and not callable(obj):
            problems += table_source_problems(module.__name__, gname, obj)
    return problems


def _discover_modules() -> list[str]:
    names = {"mgdlearn"}
    for info in pkgutil.walk_packages(mgdlearn.__path__, "mgdlearn.", onerror=lambda name: None):
        if not info.name.endswith("__main__"):
            names.add(info.name)
    return sorted(names)


MODULES = _discover_modules()
CSV_FILES = sorted(DATA_DIR.glob("*.csv"))
JSON_FILES = sorted(DATA_DIR.glob("*.json"))


# ---- (a) data files ------------------------------------------------------------------------
@pytest.mark.parametrize("path", CSV_FILES, ids=lambda p: p.name)
def test_every_data_csv_row_cites_known_references(path):
    assert csv_source_problems(path) == []


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: p.name)
def test_every_number_in_json_data_cites_known_references(path):
    assert json_source_problems(json.loads(path.read_text(encoding="utf-8")), path.name) == []


def test_the_reference_data_files_exist():
    names = {p.name for p in CSV_FILES}
    assert {"dri.csv", "reference_ranges.csv", "status_categories.csv", "foods.csv", "ods_tables.csv",
            "observations.csv", "trial_findings.csv", "comparison.csv"} <= names


# ---- (b) modules and their dataclasses -----------------------------------------------------
def test_module_discovery_finds_the_package_modules():
    assert {"mgdlearn.units", "mgdlearn.reference_values", "mgdlearn.bibliography", "mgdlearn.errors"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_every_module_imports_and_its_numbers_cite_known_references(name):
    module = importlib.import_module(name)
    assert module_source_problems(module) == []


# ---- (c) the unit registry -----------------------------------------------------------------
def test_unit_constants_and_conversion_rows_are_sourced():
    from mgdlearn.units import CONSTANTS, conversion_table

    problems = [p for c in CONSTANTS.values() for p in key_problems(c.source, f"units.CONSTANTS[{c.name}]")]
    rows = conversion_table()
    assert rows
    for row in rows:
        problems += key_problems(row["source"], f"units row {row['analyte']} {row['unit']}")
    assert problems == []


# ---- the checkers catch what they should ---------------------------------------------------
def test_csv_checker_catches_missing_empty_and_unknown_sources(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("x,source,x_source\n1,iom2011;ods_mg,\n2,ciaaw,pubchem\n", encoding="utf-8")
    assert csv_source_problems(good) == []
    no_column = tmp_path / "no_column.csv"
    no_column.write_text("x,y\n1,2\n", encoding="utf-8")
    assert "no 'source' column" in csv_source_problems(no_column)[0]
    bad = tmp_path / "bad.csv"
    bad.write_text("x,source,x_source\n1,,\n2,iom2011;nosuch,\n3,ciaaw,typo\n", encoding="utf-8")
    problems = csv_source_problems(bad)
    assert len(problems) == 3
    assert "line 2 column source: no source" in problems[0]
    assert "'nosuch'" in problems[1] and "'typo'" in problems[2]


def test_json_checker_catches_numbers_without_source():
    assert json_source_problems({"source": "iom2011", "items": [{"rda": 600}]}, "f") == []
    assert json_source_problems([{"rda": 600}], "f") == ["f[0]: numbers without a source"]
    assert "unknown reference key 'x'" in json_source_problems({"source": "x", "v": 1}, "f")[0]


def test_dataclass_checker_catches_unsourced_and_unknown_sources():
    @dataclasses.dataclass(frozen=True)
    class GoodParameters:
        rate: float = dataclasses.field(default=0.046, metadata={"unit": "1/day", "source": "jones2014"})
        label: str = "x"

    @dataclasses.dataclass(frozen=True)
    class BadParameters:
        rate: float = dataclasses.field(default=0.046, metadata={"unit": "1/day", "source": "nosuch2099"})
        slope: float = 0.7
        volume: float = dataclasses.field(default=1.0, metadata={"source": "heaney2003"})

    @dataclasses.dataclass(frozen=True)
    class Record:  # per-record sources
        value: float = dataclasses.field(metadata={"unit": "mg", "source": "see sources"})
        sources: tuple = ()
        wrong: float = dataclasses.field(default=0.0, metadata={"unit": "mg", "source": "see nothing"})

    @dataclasses.dataclass(frozen=True)
    class Inputs:  # cites nothing: an input record, example defaults allowed
        dose: float = dataclasses.field(default=600.0, metadata={"unit": "IU/day", "source": ""})
        amount: float = dataclasses.field(default=0.0, metadata={"unit": "mg", "source": "foods.csv"})

    @dataclasses.dataclass(frozen=True)
    class MixedParameters:  # a parameter set: an empty source is flagged, "input" is not
        k: float = dataclasses.field(default=1.0, metadata={"unit": "1", "source": "heaney2003"})
        dose: float = dataclasses.field(default=600.0, metadata={"unit": "IU/day", "source": "input"})
        rate: float = dataclasses.field(default=0.5, metadata={"unit": "1/day", "source": ""})
        table: float = dataclasses.field(default=0.0, metadata={"unit": "mg", "source": "nosuch.csv"})

    assert dataclass_source_problems(Inputs) == []
    assert dataclass_source_problems(MixedParameters) == [
        f"{MixedParameters.__qualname__}.rate: no source",
        f"{MixedParameters.__qualname__}.table: metadata source names a missing data file 'nosuch.csv'"]

    @dataclasses.dataclass
    class MutableParams:
        k: float = dataclasses.field(default=1.0, metadata={"unit": "1", "source": "heaney2003"})

    @dataclasses.dataclass(frozen=True)
    class Display:  # not a parameter set: numeric defaults allowed
        width: int = 600

    assert dataclass_source_problems(GoodParameters) == []
    assert dataclass_source_problems(Display) == []
    problems = dataclass_source_problems(BadParameters)
    assert any("unknown reference key 'nosuch2099'" in p for p in problems)
    assert any("slope = 0.7: numeric default without metadata source" in p for p in problems)
    assert any("volume: metadata has a source but no unit" in p for p in problems)
    assert dataclass_source_problems(Record) == [
        f"{Record.__qualname__}.wrong: metadata source points to missing field 'nothing'"]
    assert dataclass_source_problems(MutableParams) == [
        f"{MutableParams.__qualname__}: a parameter set must be a frozen dataclass"]


def test_table_checker_catches_bad_records_and_constant_tuples():
    from mgdlearn.units import Constant

    good = {"a": Constant("a", 1.0, "g/mol", "ciaaw")}
    bad = {"a": Constant("a", 1.0, "g/mol", "nosuch")}
    assert table_source_problems("m", "TABLE", good) == []
    assert "unknown reference key 'nosuch'" in table_source_problems("m", "TABLE", bad)[0]
    assert table_source_problems("m", "CONSTANTS", {"k": (2.0, "1", "ciaaw", "text")}) == []

    @dataclasses.dataclass(frozen=True)
    class Food:
        mg: float = dataclasses.field(metadata={"unit": "mg", "source": "see sources"})
        sources: Mapping = dataclasses.field(default_factory=dict)

    assert table_source_problems("m", "FOODS", (Food(1.0, {"mg": "ods_mg"}),)) == []
    assert "sources['mg']: unknown reference key 'odsmg'" in table_source_problems(
        "m", "FOODS", (Food(1.0, {"mg": "odsmg"}),))[0]
    assert "no element is a known reference key" in table_source_problems(
        "m", "CONSTANTS", {"k": (2.0, "1", "made up", "text")})[0]
