"""Running every cell of a lesson twice in one kernel works: no errors, no duplicated figures, no
stale state (the second pass shows exactly what the first showed)."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("0*.ipynb"))
_MODEL_ID = re.compile(r"[0-9a-f]{32}")


def _shown(outputs: list) -> list[tuple]:
    """What a cell showed, as comparable text (widget model ids and PNG bytes left out)."""
    seen = []
    for out in outputs:
        data = out.get("data", {})
        text = out.get("text") or data.get("text/plain", "")
        seen.append((out["output_type"], tuple(sorted(data)), _MODEL_ID.sub("ID", "".join(text))))
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_running_all_cells_twice_in_one_kernel_shows_the_same(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    passes = []
    with client.setup_kernel():
        for _ in range(2):
            for index, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    cell.outputs = []
                    client.execute_cell(cell, index)  # raises on an error
            passes.append([_shown(copy.deepcopy(c.outputs)) for c in nb.cells if c.cell_type == "code"])
    assert passes[0] == passes[1]
