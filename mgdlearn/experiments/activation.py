"""Lesson 01: magnesium status x vitamin D intake -> 25(OH)D and calcitriol, and the pathway's fluxes.

Two people are compared: one who has lived at the chosen serum magnesium, one at normal magnesium,
both with the usual intakes (600 IU/day oral vitamin D plus the background from skin). On day 0
both switch to the chosen vitamin D intake (and skin supply), and the teaching model runs for the
chosen number of days. :func:`compute` returns both time courses and the pathway's fluxes at the
end of the chosen run, relative to the reference adult (normal magnesium, usual intakes).

:class:`PathwayFluxes` holds what one pathway diagram shows (:mod:`mgdlearn.plots.pathway`):
inputs, the enzyme fluxes and the magnesium factors, read from a model output row.

Examples
--------
>>> from mgdlearn.experiments.activation import compute, pathway_fluxes
>>> data = compute(serum_mg=0.45, vitd_iu_per_day=1000)
>>> data.end.calcitriol_pmol_l < data.reference.calcitriol_pmol_l
True
>>> round(pathway_fluxes(serum_mg_mmol_l=0.85).mg_factor_cyp27b1, 2)
1.0
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

from mgdlearn.errors import InputError, InputTypeError, require_number
from mgdlearn.model import Parameters, Result, Scenario, simulate, steady_state
from mgdlearn.model.scenario import DEFAULTS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["PathwayFluxes", "FLUX_KEYS", "MAX_RELATIVE", "pathway_fluxes", "relative_widths", "default_label",
           "ActivationData", "COLUMNS", "LIMITS", "CHOSEN", "NORMAL", "compute"]


def _out(unit: str, meaning: str) -> Any:
    """A field holding a model output (a computed value, not a cited constant)."""
    return field(metadata={"unit": unit, "meaning": meaning})


@dataclass(frozen=True)
class PathwayFluxes:
    """What one pathway panel shows: inputs, fluxes, concentrations and magnesium factors.

    Build it from a model output row with :meth:`from_row` (a row of ``simulate(...).df`` or a
    ``steady_state(...)`` series); the values are model outputs, not measured data.
    """

    label: str = field(metadata={"meaning": "panel heading"})
    serum_mg_mmol_l: float = _out("mmol/L", "serum magnesium")
    oral_iu_per_day: float = _out("IU/day", "vitamin D from food and supplements")
    skin_iu_per_day: float = _out("IU/day", "vitamin D3 from skin and other background sources")
    vitd_nmol_l: float = _out("nmol/L", "serum vitamin D3")
    ohd25_nmol_l: float = _out("nmol/L", "serum 25(OH)D")
    calcitriol_pmol_l: float = _out("pmol/L", "serum calcitriol")
    hydroxylation_25: float = _out("nmol/L/day", "25(OH)D made in the liver (CYP2R1 + CYP27A1)")
    hydroxylation_1a: float = _out("pmol/L/day", "calcitriol made by kidney CYP27B1")
    inactivation_25: float = _out("nmol/L/day", "25(OH)D inactivated by CYP24A1")
    inactivation_calcitriol: float = _out("pmol/L/day", "calcitriol inactivated by CYP24A1")
    mg_factor_cyp2r1: float = _out("1", "magnesium factor on the 25-hydroxylases")
    mg_factor_cyp27b1: float = _out("1", "magnesium factor on CYP27B1")
    mg_factor_cyp24a1: float = _out("1", "magnesium factor on CYP24A1")

    @classmethod
    def from_row(cls, row: Mapping[str, float], label: str | None = None) -> "PathwayFluxes":
        """Read the fluxes from one model output row (``Result.df.iloc[i]``, ``Result.final`` or
        :func:`mgdlearn.model.steady_state`).

        Raises
        ------
        InputTypeError
            If ``row`` is not a mapping of model output columns.
        InputError
            If a needed column is missing (the message names it).
        """
        if not hasattr(row, "__getitem__") or isinstance(row, (str, bytes)):
            raise InputTypeError("row must be one row of model output (a pandas Series or mapping of the "
                                 f"columns of mgdlearn.model.COLUMNS); got {type(row).__name__}.")
        needed = ("mg_serum_mmol_l", "vitamin_d_iu_per_day", "sun_iu_per_day", "vitd_nmol_l", "ohd25_nmol_l",
                  "calcitriol_pmol_l", "flux_cyp2r1", "flux_cyp27a1", "flux_cyp27b1", "flux_cyp24a1_25",
                  "flux_cyp24a1_calcitriol", "mg_factor_cyp2r1", "mg_factor_cyp27b1", "mg_factor_cyp24a1")
        values: dict[str, float] = {}
        for name in needed:
            try:
                values[name] = float(row[name])
            except (KeyError, IndexError):
                raise InputError(f"row has no column {name!r}; pass a row of mgdlearn.model output "
                                 "(simulate(...).df.iloc[i] or steady_state(...)).") from None
        mg, oral, skin = values["mg_serum_mmol_l"], values["vitamin_d_iu_per_day"], values["sun_iu_per_day"]
        return cls(
            label=label if label is not None else default_label(mg, oral, skin),
            serum_mg_mmol_l=mg,
            oral_iu_per_day=oral,
            skin_iu_per_day=skin,
            vitd_nmol_l=values["vitd_nmol_l"],
            ohd25_nmol_l=values["ohd25_nmol_l"],
            calcitriol_pmol_l=values["calcitriol_pmol_l"],
            hydroxylation_25=values["flux_cyp2r1"] + values["flux_cyp27a1"],
            hydroxylation_1a=values["flux_cyp27b1"],
            inactivation_25=values["flux_cyp24a1_25"],
            inactivation_calcitriol=values["flux_cyp24a1_calcitriol"],
            mg_factor_cyp2r1=values["mg_factor_cyp2r1"],
            mg_factor_cyp27b1=values["mg_factor_cyp27b1"],
            mg_factor_cyp24a1=values["mg_factor_cyp24a1"],
        )


def default_label(serum_mg_mmol_l: float, oral_iu_per_day: float, skin_iu_per_day: float) -> str:
    """Panel heading such as ``"Serum Mg 0.45 mmol/L · 600 IU/day oral + 1,500 IU/day skin"``."""
    return (f"Serum Mg {serum_mg_mmol_l:.2f} mmol/L · {oral_iu_per_day:,.0f} IU/day oral"
            f" + {skin_iu_per_day:,.0f} IU/day skin")


#: The fluxes an arrow of the diagram carries (attributes of :class:`PathwayFluxes`), in pathway order.
FLUX_KEYS: tuple[str, ...] = ("skin_iu_per_day", "oral_iu_per_day", "hydroxylation_25", "hydroxylation_1a",
                              "inactivation_25", "inactivation_calcitriol")

#: Largest drawn width, in multiples of the reference width (wider flows are capped, and say so).
MAX_RELATIVE = 3.0


def pathway_fluxes(serum_mg_mmol_l: float = 0.85, vitamin_d_iu_per_day: float = 600.0,
                   sun_iu_per_day: float = 1500.0, *, label: str | None = None) -> PathwayFluxes:
    """Fluxes at the teaching model's steady state for one setting.

    Parameters
    ----------
    serum_mg_mmol_l : float
        Serum magnesium held at this value (0.2-1.5 mmol/L; normal 0.75-0.95).
    vitamin_d_iu_per_day : float
        Oral vitamin D, food plus supplements (0-50,000 IU/day; the adult RDA is 600).
    sun_iu_per_day : float
        Vitamin D3 from skin and other background sources (0-25,000 IU/day).
    label : str, optional
        Panel heading (default: the setting in words).

    Raises
    ------
    ValueError, TypeError
        For values outside the model's ranges (the message gives the allowed range).
    """
    scenario = Scenario(vitamin_d_iu_per_day=vitamin_d_iu_per_day, sun_iu_per_day=sun_iu_per_day,
                        serum_mg_mmol_l=serum_mg_mmol_l)
    return PathwayFluxes.from_row(steady_state(scenario), label)


def relative_widths(fluxes: PathwayFluxes, reference: PathwayFluxes) -> dict[str, float]:
    """Each flux of :data:`FLUX_KEYS` divided by the same flux in ``reference`` (what an arrow's
    width shows).

    A flux whose reference is zero gets 1 if it is also zero in ``fluxes`` and :data:`MAX_RELATIVE`
    otherwise.
    """
    out: dict[str, float] = {}
    for key in FLUX_KEYS:
        value, ref = getattr(fluxes, key), getattr(reference, key)
        if ref > 0:
            out[key] = value / ref
        else:
            out[key] = 1.0 if value <= 0 else MAX_RELATIVE
    return out


# --------------------------------------------------------------------------------------------
# the explorer
#: The two quantities of the time-course panels.
COLUMNS: tuple[str, str] = ("ohd25_nmol_l", "calcitriol_pmol_l")

#: Slider ranges: name -> (low, high, unit). Inside the model's own input ranges.
LIMITS: Mapping[str, tuple[float, float, str]] = {
    "serum_mg": (0.3, 1.1, "mmol/L"),
    "vitd_iu_per_day": (0.0, 10_000.0, "IU/day"),
    "days": (30, 1_095, "days"),
}

#: Labels of the two runs (kept fixed so the figure can be updated in place).
CHOSEN, NORMAL = "chosen magnesium", "normal magnesium"


@dataclass(frozen=True)
class ActivationData:
    """What :func:`compute` returns and :func:`mgdlearn.plots.activation.draw_activation` shows.

    Attributes
    ----------
    serum_mg, vitd_iu_per_day, skin_iu_per_day : float
        The setting (mmol/L, IU/day, IU/day).
    normal_mg : float
        Serum magnesium of the comparison run (the model's reference, mmol/L).
    runs : mapping of str to DataFrame
        ``{"chosen magnesium": ..., "normal magnesium": ...}``, one row per day.
    reference, end : PathwayFluxes
        Pathway fluxes of the reference adult (normal magnesium, usual intakes: the width-1 arrows)
        and at the last day of the chosen run.
    warnings : tuple of str
        Intakes above tolerable upper intake levels and notable outputs.
    """

    serum_mg: float = field(metadata={"unit": "mmol/L", "source": "input"})
    vitd_iu_per_day: float = field(metadata={"unit": "IU/day", "source": "input"})
    skin_iu_per_day: float = field(metadata={"unit": "IU/day", "source": "input"})
    normal_mg: float = field(metadata={"unit": "mmol/L", "source": "ods_mg"})
    runs: Mapping[str, "pd.DataFrame"] = field(repr=False)
    reference: PathwayFluxes = field(repr=False)
    end: PathwayFluxes = field(repr=False)
    warnings: tuple[str, ...] = ()


@lru_cache(maxsize=16)
def _run(level: float, vitd_iu_per_day: float, skin_iu_per_day: float, days: int) -> Result:
    """One person's run (memoized: the comparison run does not change with serum magnesium).

    The person has lived at this magnesium level with the usual intakes (the model's defaults);
    on day 0 the vitamin D intake (and skin supply) change to the chosen ones.
    """
    scenario = Scenario(vitamin_d_iu_per_day=vitd_iu_per_day, sun_iu_per_day=skin_iu_per_day, serum_mg_mmol_l=level)
    return simulate(scenario, days=days, start=Scenario(serum_mg_mmol_l=level))


@lru_cache(maxsize=1)
def _reference(normal: float) -> PathwayFluxes:
    return PathwayFluxes.from_row(steady_state(Scenario(serum_mg_mmol_l=normal)), label="The reference adult")


def compute(serum_mg: float = 0.85, vitd_iu_per_day: float = 600.0, skin: bool = True,
            days: int = 365) -> ActivationData:
    """Run the teaching model for the explorer's setting (pure: same input, same output).

    Parameters
    ----------
    serum_mg : float
        Serum magnesium held during the run, 0.3-1.1 mmol/L (normal 0.75-0.95).
    vitd_iu_per_day : float
        Oral vitamin D, food plus supplements, 0-10,000 IU/day (adult RDA 600).
    skin : bool
        Whether the background vitamin D3 from skin and other sources (the model's default,
        ``Scenario().sun_iu_per_day``) continues.
    days : int
        Length of the run, 30-1,095 days.

    Raises
    ------
    InputError, InputTypeError
        For values outside the ranges above (the message names them).
    """
    mg = require_number(serum_mg, "serum magnesium", low=LIMITS["serum_mg"][0], high=LIMITS["serum_mg"][1],
                        unit="mmol/L")
    vd = require_number(vitd_iu_per_day, "vitamin D intake", low=LIMITS["vitd_iu_per_day"][0],
                        high=LIMITS["vitd_iu_per_day"][1], unit="IU/day")
    if not isinstance(skin, bool):
        raise InputTypeError(f"skin must be True (background vitamin D from skin) or False; got {skin!r:.40}.")
    n = require_number(days, "run length", low=LIMITS["days"][0], high=LIMITS["days"][1], unit="days")
    if n != int(n):
        raise InputError(f"run length must be a whole number of days from {LIMITS['days'][0]} to "
                         f"{LIMITS['days'][1]}; got {n:g}.")
    normal = Parameters().mg_ref_mmol_l
    skin_iu = DEFAULTS["sun_iu_per_day"][0] if skin else 0.0
    runs: dict[str, Any] = {}
    warnings: list[str] = []
    for label, level in ((CHOSEN, mg), (NORMAL, normal)):
        result = _run(level, vd, skin_iu, int(n))
        runs[label] = result.df.copy()  # the memoized run stays untouched
        warnings.extend(w for w in result.warnings if w not in warnings)
    reference = _reference(normal)
    end_fluxes = PathwayFluxes.from_row(runs[CHOSEN].iloc[-1], label=f"Day {int(n)}: serum Mg {mg:.2f} mmol/L, "
                                        f"{vd:,.0f} IU/day oral + {skin_iu:,.0f} IU/day skin")
    return ActivationData(serum_mg=mg, vitd_iu_per_day=vd, skin_iu_per_day=skin_iu, normal_mg=normal,
                          runs=runs, reference=reference, end=end_fluxes, warnings=tuple(warnings))
