"""The learning path of the course as a figure (shown on the start page)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mgdlearn.plots.style import PALETTE, new_figure, text_color

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Stop:
    """One stop on the learning path."""

    number: str
    title: str
    pillar: str  # "start", "pathway", "loop", "deficiency", "balance", "capstone"


#: The course's lessons in order, with the pillar each belongs to.
LEARNING_PATH: tuple[Stop, ...] = (
    Stop("00", "Start here", "start"),
    Stop("01", "The activation\npathway", "pathway"),
    Stop("02", "Magnesium beyond\nactivation", "pathway"),
    Stop("03", "The bidirectional\nloop", "loop"),
    Stop("04", "When magnesium\nruns short", "deficiency"),
    Stop("05", "Keeping both\nin balance", "balance"),
    Stop("08", "Case studies\n(capstone)", "capstone"),
)

_PILLAR_COLOURS = {
    "start": PALETTE["black"],
    "pathway": PALETTE["blue"],
    "loop": PALETTE["bluish_green"],
    "deficiency": PALETTE["vermillion"],
    "balance": PALETTE["orange"],
    "capstone": PALETTE["reddish_purple"],
}
_PILLAR_NAMES = {
    "pathway": "activation pathway",
    "loop": "bidirectional loop",
    "deficiency": "consequences of deficiency",
    "balance": "keeping both adequate",
    "capstone": "apply it all",
}


def draw_course_map() -> tuple["Figure", str]:
    """Draw the learning path; return the figure and a text description of it."""
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

    fig, ax = new_figure(width=9.0, height=2.3)
    ax.set_axis_off()
    ax.set_xlim(-0.1, len(LEARNING_PATH) - 0.1)
    ax.set_ylim(-0.35, 1.0)
    for i, stop in enumerate(LEARNING_PATH):
        colour = _PILLAR_COLOURS[stop.pillar]
        box = FancyBboxPatch((i + 0.02, 0.2), 0.8, 0.6, boxstyle="round,pad=0.02",
                             facecolor="white", edgecolor=colour, linewidth=2.5,
                             linestyle="--" if stop.pillar == "capstone" else "-")
        ax.add_patch(box)
        ax.text(i + 0.42, 0.66, stop.number, ha="center", va="center", fontsize=12,
                fontweight="bold", color=text_color(colour))
        ax.text(i + 0.42, 0.4, stop.title, ha="center", va="center", fontsize=7)
        if i:
            ax.add_patch(FancyArrowPatch((i - 0.16, 0.5), (i + 0.02, 0.5), arrowstyle="-|>",
                                         mutation_scale=12, color=PALETTE["black"]))
    handles = [Patch(facecolor="white", edgecolor=_PILLAR_COLOURS[p], linewidth=2, label=name)
               for p, name in _PILLAR_NAMES.items()]
    ax.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=8,
              bbox_to_anchor=(0.5, -0.12), handlelength=1.2, columnspacing=1.2)
    ax.set_title("Your learning path: each lesson has an exercise notebook")
    text = ("The learning path runs left to right: "
            + ", then ".join(f"{s.number} {s.title.replace(chr(10), ' ')}" for s in LEARNING_PATH)
            + ". Lessons 01 and 02 cover the activation pathway, 03 the bidirectional loop, "
              "04 the consequences of magnesium deficiency and 05 how to keep both nutrients "
              "adequate; the two case studies apply everything.")
    return fig, text
