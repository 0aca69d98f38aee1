"""Audit every course figure for WCAG 2.1 contrast and for information carried by colour alone.

Usage::

    .venv/bin/python scripts/a11y_figure_audit.py            # a Markdown report on stdout
    .venv/bin/python scripts/a11y_figure_audit.py --json F   # also the raw findings

The figures are the ones the course shows: every figure a lesson notebook passes to
``show_figure`` (its code cells are run here, outside Jupyter) and the first frame of every
registered explorer (``mgdlearn.widgets.EXPLORERS``). For each figure it checks, against the axes'
background (white in the course style):

- text (titles, labels, ticks, annotations, legends): contrast at least 4.5:1 (WCAG 1.4.3; at the
  course's 80 dpi no figure text reaches the 24 px "large text" size);
- data lines, markers and bars: at least 3:1 (WCAG 1.4.11, non-text contrast);
- colour alone (WCAG 1.4.1): two data lines in one axes that differ only in colour (same line
  style and marker; horizontal and vertical reference marks, which carry direct labels, left out),
  or bars of several colours without hatching, are listed for a human to check for direct labels
  (category names on the axis, text next to the line).

Shaded reference bands (translucent fills) are reported separately: they are named in a legend or
by a direct label, and their edges are not drawn, so they are listed, not failed.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour (components 0..1)."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: Any, bg: Any = (1.0, 1.0, 1.0)) -> float:
    """WCAG contrast ratio of ``fg`` on ``bg`` (matplotlib colours; alpha blended onto ``bg``)."""
    from matplotlib.colors import to_rgba

    f, b = to_rgba(fg), to_rgba(bg)
    blended = tuple(f[3] * f[i] + (1 - f[3]) * b[i] for i in range(3))
    hi, lo = sorted((luminance(blended), luminance(b[:3])), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def lesson_figures() -> list[tuple[str, Any]]:
    """(label, Figure) for every figure the lesson notebooks show, in order."""
    import mgdlearn.plots.style as style

    captured: list[Any] = []
    original = style.figure_bundle

    def capture(fig: Any, alt: str, caption: str | None = None, *, live: bool = False) -> dict[str, str]:
        captured.append((alt, fig))
        return original(fig, alt, caption, live=live)

    style.figure_bundle = capture  # show_figure looks it up at call time
    out: list[tuple[str, Any]] = []
    try:
        for path in sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            namespace: dict[str, Any] = {"__name__": "__audit__"}
            for cell in nb["cells"]:
                if cell["cell_type"] != "code":
                    continue
                src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                before = len(captured)
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(src, f"{path.name}", "exec"), namespace)  # noqa: S102 - the course's own cells
                out += [(f"{path.stem}: {alt[:70]}", fig) for alt, fig in captured[before:]]
    finally:
        style.figure_bundle = original
    return out


def explorer_figures() -> list[tuple[str, Any]]:
    """(label, Figure) of each registered explorer at its default setting."""
    from mgdlearn.widgets import EXPLORERS, load_explorer

    out = []
    for name in EXPLORERS:
        explorer = load_explorer(name)
        explorer.widget()
        if hasattr(explorer, "selection"):
            explorer.refresh()
        else:
            explorer.render()
        if explorer.figure is not None:
            out.append((f"explorer {name}", explorer.figure))
    return out


def audit(label: str, fig: Any) -> dict[str, Any]:
    """Findings for one figure."""
    from matplotlib.colors import to_hex, to_rgba
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text

    fig.canvas.draw()
    found: dict[str, Any] = {"figure": label, "text": [], "lines": [], "bars": [], "bands": [], "colour_alone": []}
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_bbox_patch()
        bg = box.get_facecolor() if box is not None else (1, 1, 1, 1)
        if to_rgba(bg)[3] == 0:
            bg = (1, 1, 1, 1)
        ratio = contrast(text.get_color(), bg)
        if ratio < 4.5:
            found["text"].append({"text": text.get_text()[:40], "color": to_hex(text.get_color()), "ratio": round(ratio, 2)})
    for ax in fig.axes:
        bg = ax.get_facecolor()
        styled: dict[tuple[Any, Any], set[str]] = {}
        for line in ax.get_lines():
            x = line.get_xdata()
            if not line.get_visible() or len(x) < 2 or line.get_label().startswith("_child") and line.get_linewidth() < 1:
                continue
            colour = to_hex(line.get_color())
            ratio = contrast(line.get_color(), bg)
            if colour not in ("#000000",) and ratio < 3:
                found["lines"].append({"axes": ax.get_title()[:40], "label": line.get_label()[:30], "color": colour,
                                       "ratio": round(ratio, 2)})
            y = line.get_ydata()
            reference = len(set(map(float, x))) == 1 or len(set(map(float, y))) == 1  # axvline/axhline marks
            if not reference:  # reference marks carry a direct label ("RDA", "UL") in the course figures
                key = (str(line.get_linestyle()), str(line.get_marker()))
                styled.setdefault(key, set()).add(colour)
        for key, colours in styled.items():
            if len(colours) > 1:
                found["colour_alone"].append({"axes": ax.get_title()[:40], "style": key, "colours": sorted(colours)})
        bar_colours = set()
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and patch.get_visible() and patch.get_height() and patch.get_width():
                face = to_rgba(patch.get_facecolor())
                if face[3] < 0.6:
                    found["bands"].append({"axes": ax.get_title()[:40], "color": to_hex(face, keep_alpha=True)})
                    continue
                bar_colours.add((to_hex(face), patch.get_hatch() or ""))
                ratio = contrast(face, bg)
                edge = contrast(patch.get_edgecolor(), bg) if to_rgba(patch.get_edgecolor())[3] > 0 else 0
                if max(ratio, edge) < 3:
                    found["bars"].append({"axes": ax.get_title()[:40], "color": to_hex(face), "ratio": round(ratio, 2)})
        if len({c for c, _ in bar_colours}) > 1 and not any(h for _, h in bar_colours):
            found["colour_alone"].append({"axes": ax.get_title()[:40], "style": "bars",
                                          "colours": sorted({c for c, _ in bar_colours})})
        for coll in ax.collections:
            faces = coll.get_facecolor()
            if len(faces) and faces[0][3] < 0.6:
                found["bands"].append({"axes": ax.get_title()[:40], "color": to_hex(faces[0], keep_alpha=True)})
    found["bars"] = [dict(t) for t in {tuple(sorted(b.items())) for b in found["bars"]}]
    found["bands"] = [dict(t) for t in {tuple(sorted(b.items())) for b in found["bands"]}]
    return found


def palette_table() -> list[str]:
    from mgdlearn.plots.style import PALETTE, SERIES

    rows = ["| colour | hex | contrast on white | as a line (3:1) | as text (4.5:1) |", "|---|---|---|---|---|"]
    for name, hexcode in {**PALETTE, **{f"series {k}": v[0] for k, v in SERIES.items()}}.items():
        r = contrast(hexcode)
        rows.append(f"| {name} | `{hexcode}` | {r:.2f} | {'pass' if r >= 3 else 'FAIL'} | {'pass' if r >= 4.5 else 'fail'} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    import matplotlib

    matplotlib.use("Agg")
    os.environ.setdefault("MGDLEARN_PROGRESS", str(Path(tempfile.mkdtemp()) / "progress.json"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write the raw findings here")
    args = parser.parse_args(argv)
    figures = lesson_figures() + explorer_figures()
    findings = [audit(label, fig) for label, fig in figures]
    lines = ["## Course palette on white", "", *palette_table(), "",
             f"## Figures ({len(findings)}: {len(figures) - len(explorer_figures())} lesson figures and the explorers' first frames)", ""]
    for f in findings:
        issues = [k for k in ("text", "lines", "bars", "colour_alone") if f[k]]
        lines.append(f"- **{f['figure']}**: " + ("no finding" if not issues else
                     "; ".join(f"{k}: {json.dumps(f[k], ensure_ascii=False)}" for k in issues))
                     + (f" (bands: {len(f['bands'])})" if f["bands"] else ""))
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(findings, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
