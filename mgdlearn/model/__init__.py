"""Teaching model (draft docstring; full version below)."""
from __future__ import annotations

from mgdlearn.model.parameters import CONSTANTS, Parameters, parameter_info
from mgdlearn.model.scenario import Bolus, Scenario, Supplement
from mgdlearn.model.solver import COLUMNS, Result, simulate, steady_state

__all__ = ["Bolus", "COLUMNS", "CONSTANTS", "Parameters", "Result", "Scenario", "Supplement",
           "parameter_info", "simulate", "steady_state"]
