"""mgdlearn: the helper library behind the magnesium and vitamin D course.

The public API is named here. Submodules load on first use (PEP 562), so ``import mgdlearn``
stays cheap on a hub that runs many kernels at once (it imports nothing but :mod:`importlib`).

Modules
-------
units        unit conversion and parsing of strings such as ``"20 ng/mL"``
reference_values  reference ranges, status categories and dietary reference intakes
bibliography      the bibliography every number cites
observations  measured values and trial findings the figures show (data/*.csv)
model        the teaching model of the Mg - vitamin D - PTH - calcium axis
nutrition    food data, intake calculator, Ca:Mg ratio, gap closing
sun          skin vitamin D synthesis estimate
experiments  what each explorer computes (data classes and pure compute)
plots        course figure style and the lessons' figures
widgets      the interactive explorers
exercises    answer checking with feedback; ``mgdlearn.progress()`` shows how far you are
progress_store  saved progress (storage only)
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it
_API: dict[str, str] = {
    # units
    "convert": "units",
    "parse_quantity": "units",
    "Quantity": "units",
    # reference values
    "classify_25ohd": "reference_values",
    "classify_serum_mg": "reference_values",
    "rda": "reference_values",
    "ul": "reference_values",
    "dri": "reference_values",
    "normal_range": "reference_values",
    "ods_table": "reference_values",
    # bibliography
    "cite": "bibliography",
    "print_bibliography": "bibliography",
    # model
    "Scenario": "model",
    "simulate": "model",
    "simulate_sequence": "model",
    "steady_state": "model",
    "steady_state_sweep": "model",
    "Parameters": "model",
    "Supplement": "model",
    "Bolus": "model",
    # nutrition and sunlight
    "find_food": "nutrition",
    "assess": "nutrition",
    "close_gap": "nutrition",
    "official_list": "nutrition",
    "print_official_list": "nutrition",
    "sun_iu_per_day": "sun",
    # exercises and progress
    "check": "exercises",
    "progress": "exercises.summary",
}

_SUBMODULES = {
    "units", "reference_values", "bibliography", "observations", "model", "nutrition", "sun", "experiments",
    "plots", "widgets", "exercises", "progress_store", "cli",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str) -> object:
    if name in _API:
        module = importlib.import_module(f"{__name__}.{_API[name]}")
        return getattr(module, name)
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'mgdlearn' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | _SUBMODULES)


def _friendly_errors_in_notebooks() -> None:
    import sys

    if "IPython" in sys.modules:  # only inside IPython; costs nothing elsewhere
        # lazy: `import mgdlearn` loads nothing but importlib outside IPython (budget 4)
        from mgdlearn.errors import install_friendly_errors

        install_friendly_errors()


_friendly_errors_in_notebooks()
