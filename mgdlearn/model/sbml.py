"""Export the teaching model to SBML Level 3 (for COPASI, tellurium, libRoadRunner ...).

The equations come from the same table the solver compiles (:mod:`mgdlearn.model.equations`):
each parameter field, unit constant and person input becomes a constant SBML parameter (with its
unit, source and description in the notes), each derived constant an initial assignment, each
algebraic quantity an assignment rule and each state a rate rule. A scenario's schedule becomes
SBML events: supplements set the intakes on their start and stop days, a bolus adds to the gut
vitamin D3 on its day. python-libsbml is imported only here, when you export.

Examples
--------
>>> from mgdlearn.model import Scenario, to_sbml
>>> xml = to_sbml(Scenario(vitamin_d_iu_per_day=2000))   # path="mgd.xml" also writes a file for COPASI
>>> xml.lstrip().startswith("<?xml") and "<sbml" in xml
True
"""
from __future__ import annotations

import html
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgdlearn.bibliography import REFERENCES as _refs
from mgdlearn.bibliography import cite
from mgdlearn.model.equations import ALGEBRAIC, DERIVED, INTAKES, ODES, PERSON, STATE_TABLE
from mgdlearn.model.parameters import CONSTANTS
from mgdlearn.model.parameters import Parameters as _Parameters
from mgdlearn.model.solver import _check_params, _check_scenario, _intake_tuple, _rates, _start_state

if TYPE_CHECKING:  # pragma: no cover
    from mgdlearn.model.parameters import Parameters
    from mgdlearn.model.scenario import Scenario
    from mgdlearn.model.solver import Result

#: SBML unit definitions for the units the model uses: unit string -> (id, [(kind, exponent, scale,
#: multiplier)]). Units not listed (IU, RU/mL, mg^2/dL^2 ...) are written in the notes only.
_UNITS: dict[str, tuple[str, list[tuple[str, float, int, float]]]] = {
    "day": ("day", [("second", 1, 0, 86400.0)]),
    "1/day": ("per_day", [("second", -1, 0, 86400.0)]),
    "1": ("dimensionless", []),
    "L": ("litre", [("litre", 1, 0, 1.0)]),
    "L/day": ("litre_per_day", [("litre", 1, 0, 1.0), ("second", -1, 0, 86400.0)]),
    "kg": ("kilogram", [("kilogram", 1, 0, 1.0)]),
    "mmol/L": ("mmol_per_l", [("mole", 1, -3, 1.0), ("litre", -1, 0, 1.0)]),
    "nmol/L": ("nmol_per_l", [("mole", 1, -9, 1.0), ("litre", -1, 0, 1.0)]),
    "pmol/L": ("pmol_per_l", [("mole", 1, -12, 1.0), ("litre", -1, 0, 1.0)]),
    "mmol/day": ("mmol_per_day", [("mole", 1, -3, 1.0), ("second", -1, 0, 86400.0)]),
    "mmol": ("mmol", [("mole", 1, -3, 1.0)]),
    "pmol/L/day": ("pmol_per_l_per_day", [("mole", 1, -12, 1.0), ("litre", -1, 0, 1.0), ("second", -1, 0, 86400.0)]),
    "nmol/L/day": ("nmol_per_l_per_day", [("mole", 1, -9, 1.0), ("litre", -1, 0, 1.0), ("second", -1, 0, 86400.0)]),
    "mg/day": ("mg_per_day", [("gram", 1, -3, 1.0), ("second", -1, 0, 86400.0)]),
}


def _unit_of(text: str) -> str | None:
    return _UNITS[text][0] if text in _UNITS else None


def _notes(*paragraphs: str) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
    return f'<body xmlns="http://www.w3.org/1999/xhtml">{body}</body>'


def to_sbml(scenario: "Scenario", *, days: int | None = None, start: "Scenario | Result | None" = None,
            params: "Parameters | None" = None, path: "str | Path | None" = None) -> str:
    """Write the model for ``scenario`` as an SBML Level 3 Version 2 document.

    Parameters
    ----------
    scenario : Scenario
        Intakes, person and schedule (supplements and boluses become SBML events).
    days : int, optional
        Only events before this day are written (default: all).
    start : Scenario, Result or None
        Initial state as in :func:`mgdlearn.model.simulate` (default: the steady state of the
        scenario's day-0 intakes).
    params : Parameters, optional
        Physiology; default ``Parameters()``.
    path : str or Path, optional
        Also write the document to this file.

    Returns
    -------
    str
        The SBML document (XML).

    Raises
    ------
    ImportError
        If python-libsbml is not installed (``pip install python-libsbml``).
    """
    try:
        import libsbml
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_sbml needs python-libsbml: pip install python-libsbml") from exc

    scenario = _check_scenario(scenario)
    params = _check_params(params)
    y0 = _start_state(scenario, start, params)
    if scenario.serum_mg_mmol_l is not None:
        y0[7] = scenario.serum_mg_mmol_l
    rates = _rates(params, scenario)

    doc = libsbml.SBMLDocument(3, 2)
    model = doc.createModel()
    model.setId("mgdlearn_teaching_model")
    model.setName("mgdlearn: magnesium - vitamin D - PTH - calcium - phosphate teaching model")
    model.setNotes(_notes(
        "A teaching model, not a dosing tool: semi-quantitative, calibrated to published kinetics and a few "
        "human studies (see docs/model.md of mgdlearn).",
        "Time unit: day. Generated by mgdlearn.model.to_sbml from the same equation table the Python solver uses.",
        f"Scenario: {scenario!r}"))
    for _text, (uid, parts) in _UNITS.items():
        if uid in ("dimensionless", "litre", "kilogram"):  # predefined in SBML
            continue
        ud = model.createUnitDefinition()
        ud.setId(uid)
        for kind, exponent, scale, multiplier in parts:
            u = ud.createUnit()
            u.setKind(libsbml.UnitKind_forName(kind))
            u.setExponent(exponent)
            u.setScale(scale)
            u.setMultiplier(multiplier)
    model.setTimeUnits("day")

    def add_parameter(pid: str, value: float | None, unit: str, constant: bool, *notes: str) -> Any:
        par = model.createParameter()
        par.setId(pid)
        par.setConstant(constant)
        if value is not None:
            par.setValue(float(value))
        uid = _unit_of(unit)
        if uid is not None:
            par.setUnits(uid)
        par.setNotes(_notes(f"unit: {unit}", *notes))
        return par

    def formula(expr: str, where: str) -> Any:
        ast = libsbml.parseL3Formula(expr)
        if ast is None:  # pragma: no cover - the table is tested
            raise ValueError(f"{where}: libsbml cannot parse {expr!r}: {libsbml.getLastParseL3Error()}")
        return ast

    def described_by(element: Any, keys: str) -> None:
        """MIRIAM annotation: the element is described by the sources' DOIs or web pages."""
        urls = [cite(k).url for k in keys.split(";") if k in _refs and cite(k).url]
        if not urls:
            return
        element.setMetaId(f"meta_{element.getId()}")
        term = libsbml.CVTerm(libsbml.BIOLOGICAL_QUALIFIER)
        term.setBiologicalQualifierType(libsbml.BQB_IS_DESCRIBED_BY)
        for url in urls:
            term.addResource(url.replace("https://doi.org/", "http://identifiers.org/doi/"))
        element.addCVTerm(term)

    for f in fields(_Parameters):
        meta = f.metadata
        ref = cite(meta["source"].split(";")[0])
        par = add_parameter(f.name, getattr(params, f.name), meta["unit"], True, meta["description"],
                            f"source: {meta['source']} ({ref.short}); evidence: {meta['evidence']}")
        par.setSBOTerm(2)           # SBO:0000002 quantitative systems description parameter
        described_by(par, meta["source"])
    for name, (value, unit, source, description) in CONSTANTS.items():
        add_parameter(name, value, unit, True, description, f"source: {source}")
    for name, (unit, meaning) in PERSON.items():
        add_parameter(name, rates.values[name], unit, True, meaning, "person / scenario input")
    for name, expr, unit in DERIVED:
        add_parameter(name, rates.values[name], unit, True, f"derived: {expr}")
        ia = model.createInitialAssignment()
        ia.setSymbol(name)
        ia.setMath(formula(expr, name))
    for (sym, unit), value in zip(INTAKES, _intake_tuple(scenario, 0.0)):
        add_parameter(sym, value, unit, False, "daily intake in effect (changed by events)")
    for (column, sym, unit), value in zip(STATE_TABLE, y0):
        add_parameter(sym, max(float(value), 0.0), unit.split(" ")[0], False, f"state (output column {column}): {unit}")
    for name, expr, unit in ALGEBRAIC:
        add_parameter(name, None, unit, False, "algebraic quantity")
        rule = model.createAssignmentRule()
        rule.setVariable(name)
        rule.setMath(formula(expr, name))
    for sym, expr in ODES:
        rule = model.createRateRule()
        rule.setVariable(sym)
        rule.setMath(formula(expr, f"d{sym}/dt"))

    # events: intake changes and boluses
    limit = float("inf") if days is None else float(days)
    intake_syms = [s for s, _ in INTAKES]
    for i, day in enumerate(d for d in scenario.change_days() if 0.0 < d < limit):
        ev = model.createEvent()
        ev.setId(f"intakes_change_{i + 1}")
        ev.setUseValuesFromTriggerTime(True)
        trig = ev.createTrigger()
        trig.setInitialValue(False)
        trig.setPersistent(True)
        trig.setMath(formula(f"time >= {day!r}", ev.getId()))
        for sym, value in zip(intake_syms, _intake_tuple(scenario, day)):
            ea = ev.createEventAssignment()
            ea.setVariable(sym)
            ea.setMath(formula(repr(float(value)), sym))
    gut = model.getParameter("gut_d3")
    for i, bolus in enumerate(b for b in scenario.boluses if b.day < limit):
        if bolus.day == 0.0:
            gut.setValue(gut.getValue() + bolus.vitamin_d_iu * rates.iu_to_gut)
            continue
        ev = model.createEvent()
        ev.setId(f"bolus_{i + 1}")
        ev.setUseValuesFromTriggerTime(True)
        trig = ev.createTrigger()
        trig.setInitialValue(False)
        trig.setPersistent(True)
        trig.setMath(formula(f"time >= {bolus.day!r}", ev.getId()))
        ea = ev.createEventAssignment()
        ea.setVariable("gut_d3")
        ea.setMath(formula(f"gut_d3 + {bolus.vitamin_d_iu!r} * iu_to_gut", "bolus"))
    xml = libsbml.writeSBMLToString(doc)
    if path is not None:
        Path(path).write_text(xml, encoding="utf-8")
    return xml


def check_sbml(xml: str) -> list[str]:
    """Errors libsbml finds in ``xml`` (consistency checks without units); empty if valid."""
    import libsbml

    doc = libsbml.readSBMLFromString(xml)
    doc.setConsistencyChecks(libsbml.LIBSBML_CAT_UNITS_CONSISTENCY, False)
    doc.checkConsistency()
    return [doc.getError(i).getMessage() for i in range(doc.getNumErrors())
            if doc.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR]



__all__ = ["check_sbml", "to_sbml"]
