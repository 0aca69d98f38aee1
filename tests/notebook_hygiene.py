"""Mechanical rules every committed course notebook follows (used by test_notebook_hygiene.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from book.build import PENDING_LINKS as _PENDING_LINKS

ROOT = Path(__file__).resolve().parents[1]
MAX_OUTPUT_BYTES = 1_000_000
_LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")


def course_notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks students open: ``lessons/*.ipynb`` and ``exercises/*.ipynb``."""
    return sorted((root / "lessons").glob("*.ipynb")) + sorted((root / "exercises").glob("*.ipynb"))


def hygiene_problems(path: Path) -> list[str]:
    """Every hygiene rule ``path`` breaks, as readable sentences (empty when it is clean)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    spec = nb.get("metadata", {}).get("kernelspec", {})
    if spec.get("name") != "python3":
        problems.append(f"kernelspec is {spec.get('name')!r}, expected 'python3'")
    cells = nb.get("cells", [])
    if not cells or cells[0].get("cell_type") != "markdown" or not _source(cells[0]).lstrip().startswith("# "):
        problems.append("the first cell is not a markdown H1 title ('# ...')")
    expected = 1
    for index, cell in enumerate(cells):
        if not cell.get("id"):
            problems.append(f"cell {index} has no id")
        if cell.get("cell_type") != "code" or not _source(cell).strip():
            continue
        count = cell.get("execution_count")
        if count != expected:
            problems.append(f"cell {index}: execution count {count}, expected {expected} "
                            "(run the notebook top to bottom: make notebooks)")
            break
        expected += 1
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"cell {index} has an error output ({output.get('ename')})")
            elif output.get("output_type") == "stream" and "Traceback" in "".join(output.get("text", "")):
                problems.append(f"cell {index} prints a traceback")
            size = len(json.dumps(output))
            if size > MAX_OUTPUT_BYTES:
                problems.append(f"cell {index} has an output of {size / 1e6:.1f} MB (limit 1 MB)")
    return problems


#: Links allowed to be broken for now (a notebook another branch of wave 2 adds or renames): one
#: list, shared with the book build, which shows them as text until their target exists.
PENDING_LINKS = _PENDING_LINKS


def links(path: Path) -> list[str]:
    """Every relative link (to a file) in the markdown cells of a notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        for match in _LINK.finditer(_source(cell)):
            target = match.group(1) or match.group(2)
            parsed = urlparse(target)
            if parsed.scheme or target.startswith("#") or target.startswith("mailto:"):
                continue
            if unquote(parsed.path):
                found.append(target)
    return found


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def broken_links(path: Path, *, pending: dict[tuple[str, str], str] | None = None) -> list[str]:
    """Relative links in markdown cells that point at files that do not exist (less :data:`PENDING_LINKS`)."""
    allowed = PENDING_LINKS if pending is None else pending
    return [t for t in links(path) if not (path.parent / unquote(urlparse(t).path)).exists()
            and (_rel(path), t) not in allowed]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src
