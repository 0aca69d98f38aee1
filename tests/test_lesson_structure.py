"""Every lesson has the parts a student relies on (issue 5's "every lesson has" list)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mgdlearn.widgets import EXPLORERS

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("0[1-5]_*.ipynb"))


def _cells(path: Path) -> tuple[str, list[str]]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    return markdown, code


def test_there_are_five_lessons():
    assert [p.name[:2] for p in LESSONS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_objectives_summary_checks_references_and_evidence_calls(path):
    markdown, code = _cells(path)
    assert re.search(r"(?i)learning objectives|you will be able to|by the end", markdown)
    for heading in ("## Summary", "## Check your understanding", "## References"):
        assert heading in markdown, f"{path.name} lacks {heading}"
    assert markdown.count("**Evidence check:**") >= 1
    assert len(re.findall(r'check\("L\d\.\d+"', "\n".join(code))) >= 2, "at least two inline concept checks"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_links_to_its_neighbours_and_its_exercises(path):
    markdown, _ = _cells(path)
    number = int(path.name[:2])
    links = re.findall(r"\]\(([^)]+)\)", markdown)
    assert any(link.startswith("../exercises/") for link in links)
    if number > 1:
        assert any(link.startswith(f"0{number - 1}_") for link in links), "link to the previous lesson"
    if number < 5:
        assert any(link.startswith(f"0{number + 1}_") for link in links), "link to the next lesson"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_shows_an_explorer_and_static_figures_with_short_code_cells(path):
    _, code = _cells(path)
    source = "\n".join(code)
    factories = {spec.split(":")[1] for spec in EXPLORERS.values()}
    assert any(f + "(" in source for f in factories), "an interactive explorer"
    assert "show_figure(" in source or "show_comparison_table(" in source, "a static figure"
    assert "plt." not in source and "pyplot" not in source, "figures come from mgdlearn.plots"
    longest = max(len([line for line in c.splitlines() if line.strip()]) for c in code)
    assert longest <= 8, f"student-facing code cells stay short (longest has {longest} lines)"
