"""Re-execute course notebooks in place so their stored outputs match the library.

Usage::

    python scripts/run_notebooks.py                 # every notebook in lessons/ and exercises/
    python scripts/run_notebooks.py lessons/01_activation_pathway.ipynb

Each notebook runs top to bottom in a fresh ``python3`` kernel from its own folder, exactly as
nbval does in CI. No timings or widget model ids are stored, so re-running an unchanged notebook
leaves it byte-for-byte the same. Saved progress goes to a throw-away file, so authoring never touches a real
student's progress and outputs stay deterministic.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("lessons", "exercises")


def course_notebooks(root: Path = ROOT) -> list[Path]:
    """All committed course notebooks (lessons and student exercise notebooks)."""
    found: list[Path] = []
    for folder in FOLDERS:
        found.extend(sorted((root / folder).glob("*.ipynb")))
    return found


def execute(path: Path, timeout: int = 300) -> float:
    """Execute ``path`` in place; return the seconds it took."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False, store_widget_state=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    elapsed = time.perf_counter() - start
    nb.metadata.pop("widgets", None)  # random model ids: the live widgets are rebuilt when run
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # timestamps
    nbformat.validator.normalize(nb)
    nbformat.write(nb, path)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all)")
    args = parser.parse_args(argv)
    paths = args.notebooks or course_notebooks()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MGDLEARN_PROGRESS"] = str(Path(tmp) / "progress.json")
        os.environ.setdefault("PYTHONHASHSEED", "0")
        for path in paths:
            seconds = execute(path.resolve())
            print(f"{seconds:6.1f} s  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
