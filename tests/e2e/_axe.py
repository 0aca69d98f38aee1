"""axe-core in a real page: inject the engine that ships in the ``axe-playwright-python`` wheel and run it.

Only the WCAG 2.0/2.1 A and AA rules run (``wcag2a``, ``wcag2aa``, ``wcag21a``, ``wcag21aa``). A
result is a list of violations, each with its rule id, impact and the CSS targets of the nodes.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Sequence

from ._support import ARTIFACTS, component_missing

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEVERE = ("serious", "critical")


def axe_script() -> Path:
    """``axe.min.js`` from the installed ``axe-playwright-python`` package (PyPI), never a CDN."""
    try:
        import axe_playwright_python
    except ImportError:
        component_missing("the Python package axe-playwright-python (it ships axe-core)",
                          "run `python -m pip install -e '.[test]'`")
    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    if not path.is_file():
        component_missing(f"axe.min.js in {path.parent}", "reinstall axe-playwright-python")
    return path


def run_axe(page: Any, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core on ``page`` (optionally only inside ``include`` selectors) and return its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    context: Any = {}
    if include:
        context["include"] = [[s] for s in include]
    if exclude:
        context["exclude"] = [[s] for s in exclude]
    result = page.evaluate(
        """async ([context, tags]) => {
            const r = await axe.run(Object.keys(context).length ? context : document,
                                    {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 300),
                                          impact: n.impact}))}));
        }""",
        [context, WCAG_TAGS],
    )
    return list(result)


def severe(violations: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The serious and critical ones."""
    return [v for v in violations if v.get("impact") in SEVERE]


def tally(violations: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Nodes per ``rule (impact)``."""
    counts: Counter[str] = Counter()
    for v in violations:
        counts[f"{v['id']} ({v['impact']})"] += len(v["nodes"])
    return dict(sorted(counts.items()))


def write_report(name: str, report: dict[str, Any]) -> Path:
    """Save a JSON report under ``test-artifacts/`` (the accessibility statement quotes these)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.json"
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    return path


def describe(violations: Iterable[dict[str, Any]]) -> str:
    """A readable list for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {n['target']}: {n['html'][:160]}" for n in v["nodes"][:5]]
    return "\n".join(lines)
