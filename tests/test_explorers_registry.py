"""Every explorer the lessons show is registered, builds with its defaults and draws without error."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from mgdlearn.widgets import EXPLORERS, load_explorer

ROOT = Path(__file__).resolve().parents[1]


def _lesson_code() -> str:
    code = []
    for path in sorted((ROOT / "lessons").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        code += ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    return "\n".join(code)


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_explorer_builds_and_draws_with_its_defaults(name):
    explorer = load_explorer(name)
    widget = explorer.widget()
    assert widget.children, "the widget has controls and an output"
    state = explorer.render()
    assert state.error is None
    assert explorer.figure is not None


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_every_registered_explorer_appears_in_a_lesson(name):
    factory = EXPLORERS[name].split(":")[1]
    assert factory in _lesson_code(), f"{factory} is registered but no lesson shows it"


def test_unknown_explorer_names_the_known_ones():
    with pytest.raises(ValueError, match="known: status"):
        load_explorer("nope")
