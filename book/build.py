"""Build the course book: stage the sources, run Sphinx (MyST-NB, sphinx-book-theme), print a PDF.

Usage (from the repository root; ``make book`` and ``make book-pdf`` call these)::

    python -m book.build html [--out _build/book]         # the book, one page per notebook
    python -m book.build pdf  [--out _build/book.pdf]     # single-page build -> Chromium print-to-PDF

Nothing is executed and nothing is fetched: the committed, executed notebooks are copied into a
staging folder (``_build/book-src``) and adapted for a page without a kernel, then Sphinx renders
them with ``nb_execution_mode = "off"``. The adaptations:

- each explorer's widget output becomes a note with **launch** links (Binder, and the hub's
  nbgitpuller link when ``MGDLEARN_HUB_URL`` is set); the explorer's stored static frame, which
  every lesson shows right after it, stays as it is;
- each lesson concept check (``check("L1.1", None)``) becomes an in-page quiz in jupyterquiz's
  JSON format (``book/quizzes.py``); its code cell is hidden;
- every notebook page starts with the same launch links.

The jupyterquiz JavaScript and CSS are copied from the installed jupyterquiz package (PyPI) into
the build, never loaded from a CDN.
"""
from __future__ import annotations

import argparse
import copy
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
BUILD = ROOT / "_build"
HUB_ENV = "MGDLEARN_HUB_URL"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: A lesson concept check cell, as lessons write it (students replace None).
CHECK_CELL = re.compile(r"""^\s*check\(\s*["'](L\d+\.\d+)["']\s*,\s*None\s*\)\s*;?\s*$""", re.MULTILINE)
#: Pages of the book besides the notebooks, in navigation order (repository paths).
DOCS = ("docs/instructors.md", "docs/model.md", "lessons/README.md", "exercises/README.md",
        "docs/architecture.md", "docs/accessibility.md")


# --------------------------------------------------------------------------------------------
# launch links
# --------------------------------------------------------------------------------------------
def binder_url(path: str) -> str:
    """mybinder.org link that opens ``path`` (repository-relative) in JupyterLab."""
    from mgdlearn.cli import DEFAULT_REPO

    m = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+?)(?:\.git)?/?", DEFAULT_REPO)
    if m is None:
        raise ValueError(f"the course repository {DEFAULT_REPO!r} is not on GitHub; Binder needs owner/name")
    return f"https://mybinder.org/v2/gh/{m.group(1)}/{m.group(2)}/main?urlpath={quote('lab/tree/' + path, safe='')}"


def hub_url(path: str) -> str | None:
    """The hub's nbgitpuller link for ``path`` when ``MGDLEARN_HUB_URL`` is set, else ``None``."""
    hub = os.environ.get(HUB_ENV, "").strip()
    if not hub:
        return None
    from mgdlearn.cli import nbgitpuller_link

    return nbgitpuller_link(hub, path=path)


def launch_html(path: str) -> str:
    """Links that open ``path`` where it runs (Binder; the hub when configured)."""
    links = [f'<a class="mgdlearn-launch-link" href="{html.escape(binder_url(path))}">Launch on Binder</a>']
    hub = hub_url(path)
    if hub:
        links.append(f'<a class="mgdlearn-launch-link" href="{html.escape(hub)}">Open on the course JupyterHub</a>')
    return " · ".join(links)


# --------------------------------------------------------------------------------------------
# notebooks
# --------------------------------------------------------------------------------------------
def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _html_output(text_html: str, text_plain: str) -> dict[str, Any]:
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/html": text_html, "text/plain": text_plain}}


def _has_figure(cell: dict[str, Any]) -> bool:
    return any("<img" in "".join(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", []))


def explorer_note(path: str, frame_follows: bool) -> str:
    """The note that stands for an explorer's live widget in the book."""
    frame = ("The figure below shows it at one representative setting. " if frame_follows
             else "This page cannot draw it. ")
    return ('<div class="mgdlearn-explorer-note admonition note" role="note">'
            '<p class="admonition-title">Interactive explorer</p>'
            f"<p>The sliders and menus of this explorer re-run the course's model, which needs a running "
            f"Python kernel. {frame}To move them yourself, open this lesson where it runs: {launch_html(path)}.</p>"
            "</div>")


#: Links to notebooks that another branch of the current wave adds or renames
#: (notes/wave2-conventions.md §1): (notebook, link) -> why. While the target is missing, the book
#: shows the link's text without the link (Sphinx would fail the build on it) and the notebook
#: hygiene test tolerates it; tests/test_notebook_hygiene.py fails as soon as an entry is no longer
#: needed, so each one is removed at the merge that settles it.
PENDING_LINKS: dict[tuple[str, str], str] = {
    ("exercises/08_case_studies.ipynb", "../lessons/07_vitamin_d_excess_and_the_kidney.ipynb"):
        "the case studies come after lesson 07, which is written on the lesson-07 branch (issue 15)",
    ("lessons/05_keeping_both_in_balance.ipynb", "../exercises/06_case_study.ipynb"):
        "the old case study moved to exercises/08_case_studies.ipynb; lesson 05 belongs to the lessons-B "
        "branch, which points its Next link at lesson 06",
}
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def _unlink_pending(text: str, path: str) -> str:
    """``[text](link)`` -> ``text`` for each pending link of ``path`` whose target is still missing."""
    def plain(m: re.Match[str]) -> str:
        link = m.group(2)
        missing = not (ROOT / path).parent.joinpath(link).exists()
        return m.group(1) if (path, link) in PENDING_LINKS and missing else m.group(0)

    return _MD_LINK.sub(plain, text)


def adapt_notebook(nb: dict[str, Any], path: str) -> dict[str, Any]:
    """The notebook ``nb`` (repository path ``path``) as the book shows it (a new dict)."""
    nb = copy.deepcopy(nb)
    cells = nb["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "markdown" and any(p == path for p, _ in PENDING_LINKS):
            cell["source"] = _unlink_pending(_source(cell), path)
        if cell["cell_type"] != "code":
            continue
        outputs = cell.get("outputs", [])
        if any(WIDGET_MIME in o.get("data", {}) for o in outputs):
            follows = next((c for c in cells[i + 1:] if c["cell_type"] == "code"), None)
            frame = follows is not None and _has_figure(follows) and cells.index(follows) <= i + 2
            cell["outputs"] = [o for o in outputs if WIDGET_MIME not in o.get("data", {})]
            cell["outputs"].append(_html_output(explorer_note(path, frame), "Interactive explorer (needs a kernel)."))
        m = CHECK_CELL.search(_source(cell))
        if m:
            from book.quizzes import quiz_html

            cell["outputs"] = [_html_output(quiz_html(m.group(1), launch=launch_html(path)),
                                            f"Concept check {m.group(1)}")]
            if CHECK_CELL.fullmatch(_source(cell).strip()):  # only the call: the quiz takes its place
                tags = cell.setdefault("metadata", {}).setdefault("tags", [])
                if "remove-input" not in tags:
                    tags.append("remove-input")
    launch = {"cell_type": "markdown", "metadata": {}, "id": "mgdlearn-book-launch",
              "source": f'<p class="mgdlearn-launch">Run this notebook yourself: {launch_html(path)}</p>'}
    cells.insert(1 if cells and cells[0]["cell_type"] == "markdown" else 0, launch)
    return nb


# --------------------------------------------------------------------------------------------
# staging
# --------------------------------------------------------------------------------------------
def bibliography_page() -> str:
    """The bibliography as a MyST page, from ``mgdlearn.bibliography.REFERENCES``."""
    from mgdlearn.bibliography import REFERENCES

    lines = ["# Bibliography", "",
             "Every number in the course's library carries one of these keys "
             "(`mgdlearn.print_bibliography()` prints the same list in a notebook).", ""]
    for key in sorted(REFERENCES):
        ref = REFERENCES[key]
        text = f"{ref.authors} ({ref.year}). {ref.title}. {ref.venue}."
        link = f" <{ref.url}>" if ref.url else ""
        lines.append(f"- **[{key}]** {_md_escape(text)}{link}")
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def notebooks(root: Path = ROOT) -> list[str]:
    """Repository paths of the book's notebooks, in lesson order (lessons, then exercises)."""
    found = sorted((root / "lessons").glob("[0-9][0-9]_*.ipynb")) + sorted((root / "exercises").glob("[0-9][0-9]_*.ipynb"))
    return [p.relative_to(root).as_posix() for p in found]


def vendor_jupyterquiz(dest: Path) -> Path:
    """Copy jupyterquiz's JavaScript (concatenated, as its own ``display_quiz`` does) and CSS into ``dest``."""
    import importlib.resources

    import jupyterquiz

    package = importlib.resources.files("jupyterquiz")
    js_dir = package.joinpath("js")
    parts = [f"/* jupyterquiz {jupyterquiz.__version__} (MIT licence, John M. Shea), copied from its PyPI package "
             "by book/build.py; the quiz loader is mgdlearn-quiz.js */"]
    for item in sorted(js_dir.iterdir(), key=lambda x: x.name):
        if item.name.endswith(".js"):
            parts.append(f"/* --- {item.name} --- */\n" + item.read_text(encoding="utf-8"))
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "jupyterquiz.js").write_text("\n".join(parts), encoding="utf-8")
    (dest / "styles.css").write_text(package.joinpath("styles.css").read_text(encoding="utf-8"), encoding="utf-8")
    return dest


def stage(dest: Path = BUILD / "book-src", root: Path = ROOT) -> Path:
    """Write the book's Sphinx source tree into ``dest`` (replaced) and return it."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(BOOK / "conf.py", dest / "conf.py")
    shutil.copytree(BOOK / "_static", dest / "_static")
    vendor_jupyterquiz(dest / "_static" / "jupyterquiz")
    for page in (BOOK / "pages").glob("*.md"):
        shutil.copy2(page, dest / page.name)
    (dest / "bibliography.md").write_text(bibliography_page(), encoding="utf-8")
    for rel in DOCS:
        if (root / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / rel, dest / rel)
    for rel in notebooks(root):
        nb = json.loads((root / rel).read_text(encoding="utf-8"))
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_text(json.dumps(adapt_notebook(nb, rel), ensure_ascii=False, indent=1), encoding="utf-8")
    return dest


def sphinx(src: Path, out: Path, builder: str = "html") -> None:
    """Run Sphinx on ``src`` into ``out``; any warning fails the build (broken links, missing pages)."""
    from sphinx.cmd.build import build_main

    if out.exists():
        shutil.rmtree(out)
    doctrees = out.parent / f".doctrees-{out.name}"
    status = build_main(["-b", builder, "-W", "--keep-going", "-q", "-d", str(doctrees), str(src), str(out)])
    if status != 0:
        raise SystemExit(f"sphinx-build ({builder}) failed with status {status}; see the warnings above")


def chromium_path() -> str:
    """Debian's Chromium (``$MGDLEARN_CHROMIUM`` overrides)."""
    path = os.environ.get("MGDLEARN_CHROMIUM", "/usr/bin/chromium")
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        raise SystemExit(f"Chromium not found at {path}: install it (`sudo apt-get install chromium`, or "
                         "`bash scripts/install_e2e_deps.sh`) or set MGDLEARN_CHROMIUM")
    return path


def print_pdf(single: Path, pdf: Path) -> Path:
    """Print ``single/index.html`` (a single-page build) to ``pdf`` with headless Chromium."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    if pdf.exists():
        pdf.unlink()
    cmd = [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
           "--run-all-compositor-stages-before-draw", "--virtual-time-budget=20000",
           "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (single / "index.html").as_uri()]
    subprocess.run(cmd, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   timeout=300)
    if not pdf.is_file() or pdf.stat().st_size < 10_000:
        raise SystemExit(f"Chromium did not write a PDF at {pdf}")
    return pdf


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m book.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("html", "pdf", "stage"), help="the book (html), its PDF, or the sources only")
    parser.add_argument("--out", type=Path, help="output folder (html) or file (pdf)")
    parser.add_argument("--src", type=Path, default=BUILD / "book-src", help="staging folder (replaced)")
    args = parser.parse_args(argv)
    src = stage(args.src)
    if args.what == "stage":
        print(src)
    elif args.what == "html":
        out = args.out or BUILD / "book"
        sphinx(src, out, "html")
        print(f"book: {out / 'index.html'}")
    else:
        single = args.src.parent / "book-single"
        sphinx(src, single, "singlehtml")
        pdf = print_pdf(single, args.out or BUILD / "book.pdf")
        print(f"book PDF: {pdf} ({pdf.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
