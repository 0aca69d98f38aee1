"""Lesson 02: a low-calcium challenge at two magnesium levels.

Two people are compared: one who has lived at the chosen serum magnesium, one at normal magnesium,
both with the usual intakes. After a week at the usual calcium intake (1,000 mg/day, the adult
RDA), dietary calcium drops to the chosen value for the chosen number of days, then returns to
normal. The teaching model gives the responses of PTH (the alarm), calcitriol (the slower
amplifier) and ionized calcium (the controlled quantity), and each gland's response curve (PTH
against ionized calcium, :func:`mgdlearn.model.analysis.gland_pth`), which shows a "muted alarm": at
low magnesium the gland puts out far less PTH at the same calcium.

Examples
--------
>>> from mgdlearn.experiments.pth_challenge import compute
>>> data = compute(serum_mg=0.45, ca_mg_per_day=200, challenge_days=42)
>>> data.pth_at_lowest_ca < data.normal_gland_pth_at_lowest_ca
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

from mgdlearn.errors import InputError, require_number
from mgdlearn.model import Parameters, Result, Scenario, Supplement, simulate
from mgdlearn.model.analysis import gland_pth
from mgdlearn.model.scenario import DEFAULTS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ChallengeData", "COLUMNS", "LIMITS", "LEAD_IN_DAYS", "RECOVERY_DAYS", "CHOSEN", "NORMAL", "compute"]

#: Time-course panels, in order.
COLUMNS: tuple[str, str, str] = ("pth_pmol_l", "calcitriol_pmol_l", "ca_ion_mmol_l")

#: Slider ranges: name -> (low, high, unit).
LIMITS: Mapping[str, tuple[float, float, str]] = {
    "serum_mg": (0.3, 1.1, "mmol/L"),
    "ca_mg_per_day": (0.0, 1_000.0, "mg/day"),
    "challenge_days": (7, 120, "days"),
}

#: Days at the usual intake shown before the challenge, and after it.
LEAD_IN_DAYS, RECOVERY_DAYS = 7, 28

#: Labels of the two runs (fixed, so the figure can be updated in place).
CHOSEN, NORMAL = "chosen magnesium", "normal magnesium"


@dataclass(frozen=True)
class ChallengeData:
    """What :func:`compute` returns and :func:`mgdlearn.plots.pth_challenge.draw_challenge` shows.

    Attributes
    ----------
    serum_mg, normal_mg : float
        Serum magnesium of the chosen and the comparison run (mmol/L).
    ca_mg_per_day, usual_ca_mg_per_day : float
        Calcium intake during the challenge and otherwise (mg/day).
    challenge_start, challenge_end : int
        Days on which the challenge starts and ends.
    runs : mapping of str to DataFrame
        ``{"chosen magnesium": ..., "normal magnesium": ...}``, one row per day.
    gland_ca : ndarray
        Ionized calcium grid of the gland response curves (mmol/L).
    gland : mapping of str to ndarray
        PTH (pmol/L) each run's glands put out along ``gland_ca``.
    lowest_ca_mmol_l, pth_at_lowest_ca : float
        The lowest ionized calcium of the chosen run during the challenge, and the highest PTH its
        gland put out then (pmol/L).
    normal_gland_pth_at_lowest_ca : float
        The PTH a gland with normal magnesium would put out at that calcium (pmol/L).
    """

    serum_mg: float = field(metadata={"unit": "mmol/L", "source": "input"})
    normal_mg: float = field(metadata={"unit": "mmol/L", "source": "ods_mg"})
    ca_mg_per_day: float = field(metadata={"unit": "mg/day", "source": "input"})
    usual_ca_mg_per_day: float = field(metadata={"unit": "mg/day", "source": "iom2011"})
    challenge_start: int = field(metadata={"unit": "day", "source": "input"})
    challenge_end: int = field(metadata={"unit": "day", "source": "input"})
    runs: Mapping[str, "pd.DataFrame"] = field(repr=False)
    gland_ca: Any = field(repr=False)
    gland: Mapping[str, Any] = field(repr=False)
    lowest_ca_mmol_l: float = field(metadata={"unit": "mmol/L"})
    pth_at_lowest_ca: float = field(metadata={"unit": "pmol/L"})
    normal_gland_pth_at_lowest_ca: float = field(metadata={"unit": "pmol/L"})

    def window(self, label: str) -> "pd.DataFrame":
        """The rows of run ``label`` during the challenge."""
        return self.runs[label].loc[self.challenge_start:self.challenge_end]


@lru_cache(maxsize=16)
def _run(level: float, ca: float, usual: float, start: int, end: int) -> Result:
    """One person's challenge run (memoized: the comparison run does not change with serum magnesium).

    The usual intake before and after the challenge is the challenge intake plus a top-up.
    """
    topup = usual - ca
    scenario = Scenario(calcium_mg_per_day=ca, serum_mg_mmol_l=level, schedule=(
        Supplement(calcium_mg_per_day=topup, start_day=0, stop_day=start),
        Supplement(calcium_mg_per_day=topup, start_day=end)))
    return simulate(scenario, days=end + RECOVERY_DAYS, start=Scenario(serum_mg_mmol_l=level))


def compute(serum_mg: float = 0.45, ca_mg_per_day: float = 400.0, challenge_days: int = 42) -> ChallengeData:
    """Run the low-calcium challenge at the chosen and at normal magnesium (pure).

    Parameters
    ----------
    serum_mg : float
        Serum magnesium the person has lived at, 0.3-1.1 mmol/L (normal 0.75-0.95).
    ca_mg_per_day : float
        Calcium intake during the challenge, 0 to just below the usual 1,000 mg/day.
    challenge_days : int
        Length of the challenge, 7-120 days.

    Raises
    ------
    InputError, InputTypeError
        For values outside these ranges, or a "challenge" that does not lower calcium intake.
    """
    import numpy as np

    mg = require_number(serum_mg, "serum magnesium", low=LIMITS["serum_mg"][0], high=LIMITS["serum_mg"][1],
                        unit="mmol/L")
    usual = DEFAULTS["calcium_mg_per_day"][0]
    ca = require_number(ca_mg_per_day, "calcium intake during the challenge", low=0.0, high=LIMITS["ca_mg_per_day"][1],
                        unit="mg/day")
    if ca >= usual:
        raise InputError(f"A low-calcium challenge needs a calcium intake below the usual {usual:,.0f} mg/day "
                         f"(the adult RDA); you chose {ca:,.0f} mg/day. Choose 0 to {usual - 50:,.0f} mg/day.")
    n = require_number(challenge_days, "challenge length", low=LIMITS["challenge_days"][0],
                       high=LIMITS["challenge_days"][1], unit="days")
    if n != int(n):
        raise InputError(f"challenge length must be a whole number of days from {LIMITS['challenge_days'][0]} "
                         f"to {LIMITS['challenge_days'][1]}; got {n:g}.")
    start, end = LEAD_IN_DAYS, LEAD_IN_DAYS + int(n)
    normal = Parameters().mg_ref_mmol_l
    # copies: the memoized runs stay untouched whatever a caller does with the data
    runs = {label: _run(level, ca, usual, start, end).df.copy() for label, level in ((CHOSEN, mg), (NORMAL, normal))}
    gland_ca = np.linspace(0.85, 1.35, 101)
    gland = {CHOSEN: gland_pth(gland_ca, mg), NORMAL: gland_pth(gland_ca, normal)}
    window = runs[CHOSEN].loc[start:end]
    ca_low = float(window["ca_ion_mmol_l"].min())
    return ChallengeData(serum_mg=mg, normal_mg=normal, ca_mg_per_day=ca, usual_ca_mg_per_day=usual,
                         challenge_start=start, challenge_end=end, runs=runs, gland_ca=gland_ca, gland=gland,
                         lowest_ca_mmol_l=ca_low, pth_at_lowest_ca=float(window["pth_pmol_l"].max()),
                         normal_gland_pth_at_lowest_ca=float(gland_pth(ca_low, normal)))
