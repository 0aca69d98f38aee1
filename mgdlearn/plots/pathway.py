"""The vitamin D activation pathway as a diagram whose arrows scale with the model's fluxes.

Skin and diet feed vitamin D3 (carried on vitamin D binding protein) to the liver, where CYP2R1
(with a little CYP27A1) makes 25(OH)D; the kidney's CYP27B1 turns 25(OH)D into calcitriol; CYP24A1
inactivates both. A "Mg" badge on each enzyme gives the teaching model's magnesium factor there
(the fraction of full activity left at that serum magnesium).

Each arrow's width is its flux *relative to the same flux in a reference state* (by default the
reference adult of :class:`mgdlearn.model.Scenario`: adequate magnesium, 600 IU/day plus the
background from skin), so a thinner arrow means "less flow than usual". The absolute flux and its
unit are printed next to the arrow.

The numbers come from :class:`mgdlearn.experiments.activation.PathwayFluxes` (read from a model
output row; :func:`~mgdlearn.experiments.activation.pathway_fluxes` gives them at a steady state).

* :func:`draw_pathway` -- one panel per setting, returns ``(figure, summary)``;
  :func:`redraw_pathway` updates an earlier drawing in place.
* :func:`draw_pathway_on` -- draw one panel on a given Axes (used by the lesson 1 explorer); it
  returns the panel's handles, which a later call updates in place.

Examples
--------
>>> from mgdlearn.experiments.activation import pathway_fluxes
>>> from mgdlearn.plots.pathway import draw_pathway
>>> fig, summary = draw_pathway(pathway_fluxes(serum_mg_mmol_l=0.85), pathway_fluxes(serum_mg_mmol_l=0.45))
>>> "CYP27B1" in summary
True
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mgdlearn.errors import InputError, InputTypeError
from mgdlearn.experiments.activation import MAX_RELATIVE, PathwayFluxes, relative_widths
from mgdlearn.plots.frame import Drawing, static
from mgdlearn.plots.style import PALETTE, color, new_figure

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["STEPS", "draw_pathway", "redraw_pathway", "draw_pathway_on", "summarize_pathway"]


@dataclass(frozen=True)
class Step:
    """One arrow of the diagram: which flux it carries and how it is labelled."""

    key: str
    name: str
    unit: str
    decimals: int
    series: str


#: The arrows, in pathway order. ``key`` is the :class:`PathwayFluxes` attribute the arrow carries.
STEPS: tuple[Step, ...] = (
    Step("skin_iu_per_day", "skin (UVB)", "IU/day", 0, "vitamin_d"),
    Step("oral_iu_per_day", "diet and supplements", "IU/day", 0, "vitamin_d"),
    Step("hydroxylation_25", "25-hydroxylation in the liver (CYP2R1)", "nmol/L/day", 2, "ohd25"),
    Step("hydroxylation_1a", "1-alpha-hydroxylation in the kidney (CYP27B1)", "pmol/L/day", 0, "calcitriol"),
    Step("inactivation_25", "CYP24A1 inactivation of 25(OH)D", "nmol/L/day", 2, "comparison"),
    Step("inactivation_calcitriol", "CYP24A1 inactivation of calcitriol", "pmol/L/day", 0, "comparison"),
)

# ---- drawing --------------------------------------------------------------------------------
#: Box centres in the panel's 0-10 x 0-6 coordinates.
_BOX = {
    "skin": (0.95, 5.05), "diet": (0.95, 2.95), "vitd": (3.35, 4.0), "ohd": (6.15, 4.0),
    "calcitriol": (8.95, 4.0), "out": (8.1, 0.7),
}
_BOX_SIZE = {"skin": (1.6, 0.9), "diet": (1.6, 0.9), "vitd": (1.95, 1.05), "ohd": (1.75, 1.05),
             "calcitriol": (1.75, 1.05), "out": (3.3, 0.8)}


def _box(ax: "Axes", key: str, text: str, edge: str, *, with_value: bool = False) -> "Any":
    """A box named ``text``; with ``with_value`` the name moves up and the returned text (empty,
    set on every draw) sits on its own line below it, so a redraw re-renders only the number."""
    from matplotlib.patches import FancyBboxPatch

    (x, y), (w, h) = _BOX[key], _BOX_SIZE[key]
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05,rounding_size=0.15",
                                facecolor="white", edgecolor=edge, linewidth=1.6, zorder=3))
    if not with_value:
        return ax.text(x, y, text, ha="center", va="center", fontsize=8.5, zorder=4)
    ax.text(x, y + 0.17, text, ha="center", va="center", fontsize=8.5, zorder=4)
    return ax.text(x, y - 0.33, "", ha="center", va="center", fontsize=8.5, zorder=4)


def _arrow(ax: "Axes", start: tuple[float, float], end: tuple[float, float], colour: str, *,
           rad: float = 0.0) -> "Any":
    from matplotlib.patches import FancyArrowPatch

    # the ends already sit just off the boxes: no shrinking, which spares a costly path clipping
    # on every redraw
    return ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", color=colour, shrinkA=0, shrinkB=0,
                                        connectionstyle=f"arc3,rad={rad}", zorder=2))


def _set_arrow(arrow: "Any", relative: float) -> None:
    """Give ``arrow`` the width of ``relative`` (1 = the reference flux; a dotted line for no flow)."""
    rel = min(max(relative, 0.0), MAX_RELATIVE)
    if rel < 0.02:  # no flow: a thin dotted line keeps the step visible
        arrow.set_arrowstyle("-|>")
        arrow.set_mutation_scale(8)
        arrow.set_linestyle(":")
        arrow.set_linewidth(1.0)
        arrow.set_alpha(None)
        return
    tail = 0.5 * rel
    head = max(0.9, 1.6 * tail)
    arrow.set_arrowstyle(f"simple,head_length={0.6 + 0.15 * rel:.3f},head_width={head:.3f},tail_width={tail:.3f}")
    arrow.set_mutation_scale(14)
    arrow.set_linestyle("-")
    arrow.set_linewidth(0)
    arrow.set_alpha(0.9)


def _badge(ax: "Axes", x: float, y: float) -> "Any":
    """A fixed magnesium-coloured disc (a round marker) and the text on it that gives the factor."""
    (disc,) = ax.plot([x], [y], marker="o", markersize=25, linestyle="none", color=color("magnesium"), alpha=0.6,
                      markeredgecolor=PALETTE["blue"], markeredgewidth=0.8, zorder=4)
    static(disc)  # only the number changes: a redraw renders the text alone
    return ax.text(x, y, "", ha="center", va="center", fontsize=7, zorder=5)


def _set_badge(badge: "Any", factor: float) -> None:
    badge.set_text(f"Mg\n{100 * factor:.0f}%")


def _flux_text(step: Step, value: float, relative: float, *, ratio: bool = True) -> str:
    """The flux with its unit and, with ``ratio``, its ratio to the reference on a second line."""
    capped = " (capped)" if relative > MAX_RELATIVE else ""
    text = f"{value:,.{step.decimals}f} {step.unit}"
    return f"{text}\n{relative:.2f}× ref{capped}" if ratio else text + capped


#: Where each flux is drawn: (step key, arrow start, arrow end, curvature, colour name, label place).
_FLOWS = (
    ("skin_iu_per_day", (1.8, 4.85), (2.35, 4.25), 0.0, "vitamin_d", (1.05, 5.85)),
    ("oral_iu_per_day", (1.8, 3.15), (2.35, 3.75), 0.0, "vitamin_d", (1.05, 2.1)),
    ("hydroxylation_25", (4.35, 4.0), (5.25, 4.0), 0.0, "ohd25", (4.75, 3.0)),
    ("hydroxylation_1a", (7.05, 4.0), (8.05, 4.0), 0.0, "calcitriol", (7.55, 3.0)),
    ("inactivation_25", (6.15, 3.45), (6.85, 1.12), 0.15, "comparison", (5.15, 2.05)),
    ("inactivation_calcitriol", (8.95, 3.45), (8.85, 1.12), -0.1, "comparison", (9.55, 2.2)),
)
#: The magnesium badges: (flux attribute of the factor, x, y).
_BADGES = (("mg_factor_cyp2r1", 4.75, 4.55), ("mg_factor_cyp27b1", 7.55, 4.55), ("mg_factor_cyp24a1", 5.95, 0.7))


def _build_panel(ax: "Axes", compact: bool) -> dict[str, Any]:
    """The panel's fixed parts (boxes, enzyme names) and handles for everything that changes
    (unless ``compact``, the concentration under each metabolite's name)."""
    ax.clear()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 6.1)
    ax.set_axis_off()
    c_vd, c_h, c_c, c_out = color("vitamin_d"), color("ohd25"), color("calcitriol"), color("comparison")
    _box(ax, "skin", "Skin\n(UVB light)", c_vd)
    _box(ax, "diet", "Diet and\nsupplements", c_vd)
    _box(ax, "out", "CYP24A1 → calcitroic acid\n(excreted in bile and urine)", c_out)
    concentrations = {
        "vitd": _box(ax, "vitd", "Vitamin D3\n(carried on DBP)", c_vd, with_value=not compact),
        "ohd": _box(ax, "ohd", "25(OH)D\n(calcifediol)", c_h, with_value=not compact),
        "calcitriol": _box(ax, "calcitriol", "Calcitriol\n1,25(OH)2D", c_c, with_value=not compact),
    }
    for x, y, name in ((4.75, 5.2, "Liver\nCYP2R1"), (7.55, 5.2, "Kidney\nCYP27B1"), (4.95, 0.7, "CYP24A1")):
        ax.text(x, y, name, ha="center", va="center", fontsize=8, fontweight="bold")
    handles: dict[str, Any] = {"compact": compact, **({} if compact else concentrations)}
    dynamic = set(handles.values())
    static(*(artist for artist in [*ax.texts, *ax.patches] if artist not in dynamic))  # never change
    for key, start, end, rad, colour, (x, y) in _FLOWS:
        handles["arrow " + key] = _arrow(ax, start, end, color(colour), rad=rad)
        handles["text " + key] = ax.text(x, y, "", ha="center", va="center", fontsize=7.5)
    for attr, x, y in _BADGES:
        handles[attr] = _badge(ax, x, y)
    return handles


def draw_pathway_on(ax: "Axes", fluxes: PathwayFluxes, reference: PathwayFluxes | None = None, *,
                    title: str | None = None, compact: bool = False,
                    panel: dict[str, Any] | None = None) -> dict[str, Any]:
    """Draw one pathway panel for ``fluxes`` on ``ax`` (widths relative to ``reference``).

    Without ``panel`` the panel is built (the axes is cleared and its frame hidden); given the
    handles an earlier call returned for the same axes, its arrows and numbers are updated in place,
    which keeps a slider's redraw fast.

    Parameters
    ----------
    ax : Axes
        Target axes.
    fluxes : PathwayFluxes
        What to draw.
    reference : PathwayFluxes, optional
        The state whose fluxes are drawn at width 1 (default: ``fluxes`` itself).
    title : str, optional
        Panel title (default: ``fluxes.label``).
    compact : bool
        Leave out each metabolite's concentration and each flux's ratio to the reference (for a
        figure that shows them elsewhere: the lesson 1 explorer has time courses above the panel,
        the arrow widths show the ratios and its caption gives them; fewer numbers to render on a
        slider move).
    panel : dict, optional
        The handles an earlier call returned for ``ax``.

    Returns
    -------
    dict
        The panel's handles (pass them back to update the panel).
    """
    _check_fluxes(fluxes, "fluxes")
    reference = fluxes if reference is None else _check_fluxes(reference, "reference")
    rel = relative_widths(fluxes, reference)
    by_key = {s.key: s for s in STEPS}
    if panel is None or panel["compact"] != compact or panel["arrow skin_iu_per_day"].axes is not ax:
        panel = _build_panel(ax, compact)
    ax.set_title(fluxes.label if title is None else title, fontsize=9.5)
    if not compact:
        panel["vitd"].set_text(f"{fluxes.vitd_nmol_l:.0f} nmol/L")
        panel["ohd"].set_text(f"{fluxes.ohd25_nmol_l:.0f} nmol/L")
        panel["calcitriol"].set_text(f"{fluxes.calcitriol_pmol_l:.0f} pmol/L")
    for key, *_ in _FLOWS:
        _set_arrow(panel["arrow " + key], rel[key])
        panel["text " + key].set_text(_flux_text(by_key[key], getattr(fluxes, key), rel[key], ratio=not compact))
    for attr, _, _ in _BADGES:
        _set_badge(panel[attr], getattr(fluxes, attr))
    return panel


def _check_fluxes(value: object, name: str) -> PathwayFluxes:
    if not isinstance(value, PathwayFluxes):
        raise InputTypeError(f"{name} must be a PathwayFluxes (from pathway_fluxes(...) or "
                             f"PathwayFluxes.from_row(...)); got {type(value).__name__}.")
    return value


def draw_pathway(*panels: PathwayFluxes, reference: PathwayFluxes | None = None) -> tuple["Figure", str]:
    """Draw the pathway once per setting, side by side; arrow widths relative to ``reference``.

    Parameters
    ----------
    *panels : PathwayFluxes
        One to three settings (for example adequate and low magnesium).
    reference : PathwayFluxes, optional
        The state drawn at width 1 (default: the first panel).

    Returns
    -------
    (Figure, str)
        The figure and a one-paragraph summary with the key fluxes.
    """
    drawing, summary = redraw_pathway(panels, reference)
    return drawing.figure, summary


def redraw_pathway(panels: tuple[PathwayFluxes, ...], reference: PathwayFluxes | None = None,
                   drawing: Drawing | None = None) -> tuple[Drawing, str]:
    """:func:`draw_pathway`, updating ``drawing`` (an earlier call's, with as many panels) in place."""
    if not 1 <= len(panels) <= 3:
        raise InputError(f"draw_pathway shows 1 to 3 panels; got {len(panels)}.")
    for i, p in enumerate(panels):
        _check_fluxes(p, f"panel {i + 1}")
    reference = panels[0] if reference is None else _check_fluxes(reference, "reference")
    if drawing is None or not drawing.fits(("pathway", len(panels))):
        fig, _ = new_figure(1, len(panels), width=5.2 * len(panels), height=3.7)
        drawing = Drawing(fig, ("pathway", len(panels)), {"panels": [None] * len(panels)})
    fig = drawing.figure
    drawing.handles["panels"] = [draw_pathway_on(ax, p, reference, panel=handles)
                                 for ax, p, handles in zip(fig.axes, panels, drawing.handles["panels"])]
    fig.suptitle("Vitamin D activation pathway (teaching model; arrow width = flux relative to "
                 f"{'the first panel' if reference is panels[0] and len(panels) > 1 else 'reference'})",
                 fontweight="bold", fontsize=10.5)
    return drawing, " ".join(summarize_pathway(p, reference) for p in panels)


def summarize_pathway(fluxes: PathwayFluxes, reference: PathwayFluxes | None = None) -> str:
    """One paragraph with the fluxes of ``fluxes`` (and their share of ``reference``'s).

    Example: ``"Serum Mg 0.45 mmol/L ...: liver 25-hydroxylation 1.25 nmol/L/day (37 % of the
    reference); kidney CYP27B1 110 pmol/L/day (51 %) ..."``
    """
    _check_fluxes(fluxes, "fluxes")
    reference = fluxes if reference is None else _check_fluxes(reference, "reference")
    rel = relative_widths(fluxes, reference)
    compare = reference is not fluxes and reference != fluxes

    def part(key: str, what: str) -> str:
        step = next(s for s in STEPS if s.key == key)
        text = f"{what} {getattr(fluxes, key):,.{step.decimals}f} {step.unit}"
        return text + (f" ({100 * rel[key]:.0f}% of the reference)" if compare else "")

    return (f"{fluxes.label}: "
            + "; ".join([part("hydroxylation_25", "liver 25-hydroxylation (CYP2R1)"),
                         part("hydroxylation_1a", "kidney 1-alpha-hydroxylation (CYP27B1)"),
                         part("inactivation_calcitriol", "CYP24A1 inactivation of calcitriol")])
            + f". 25(OH)D {fluxes.ohd25_nmol_l:.0f} nmol/L, calcitriol {fluxes.calcitriol_pmol_l:.0f} pmol/L. "
            f"Magnesium leaves CYP2R1 at {100 * fluxes.mg_factor_cyp2r1:.0f}%, CYP27B1 at "
            f"{100 * fluxes.mg_factor_cyp27b1:.0f}% and CYP24A1 at {100 * fluxes.mg_factor_cyp24a1:.0f}% "
            "of full activity.")
