"""The course book in a real Chromium: every page opens, links resolve, images have alt text,
search works, concept checks answer in the page, and axe-core finds no serious or critical
WCAG 2.1 A/AA violation on any page.

The book is built from this checkout into a temporary folder (about ten seconds), or taken from
``$MGDLEARN_BOOK_DIR`` (CI points it at the ``make book`` output). It is served from 127.0.0.1; the
page may fetch nothing else (every other request is refused and reported).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from ._axe import describe, run_axe, severe, tally, write_report
from ._support import ARTIFACTS, REPO_ROOT, RUNNING_AS_ROOT, component_missing, require_module

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


class BookSite:
    """A built book served over HTTP on 127.0.0.1."""

    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port = root, port
        self.built_offline = False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def url(self, rel: str) -> str:
        return urljoin(self.base, rel)

    def pages(self) -> list[str]:
        """Every HTML page of the book (relative paths), the generated index pages included."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html")
                      if "_static" not in p.parts and "_sources" not in p.parts)

    def file_for(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.netloc != f"127.0.0.1:{self.port}":
            return None
        path = self.root / unquote(parts.path).lstrip("/")
        return path / "index.html" if path.is_dir() else path


def _offline_runner() -> list[str] | None:
    """``unshare -n`` (a new network namespace: no network at all) when this user may make one: as
    root directly, as a plain user inside a user namespace of its own (``unshare -r -n``)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    command = [unshare, "-n"] if RUNNING_AS_ROOT else [unshare, "-r", "-n"]
    probe = subprocess.run([*command, "true"], capture_output=True)
    return command if probe.returncode == 0 else None


@pytest.fixture(scope="module")
def book_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BookSite]:
    """The book, built now from this checkout (with the network cut off where possible), or
    ``$MGDLEARN_BOOK_DIR``; served by a thread of this process."""
    given = os.environ.get("MGDLEARN_BOOK_DIR")
    offline = False
    if given:
        root = Path(given).resolve()
        assert (root / "index.html").is_file(), f"MGDLEARN_BOOK_DIR={given} holds no built book (run `make book`)"
    else:
        require_module("myst_nb", '-e ".[book]"')
        tmp = tmp_path_factory.mktemp("book")
        root = tmp / "html"
        runner = _offline_runner()
        cmd = [sys.executable, "-m", "book.build", "html", "--out", str(root), "--src", str(tmp / "src")]
        done = subprocess.run((runner or []) + cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"the book did not build:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        offline = runner is not None
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        site = BookSite(root, server.server_address[1])
        site.built_offline = offline
        yield site
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def book_page(page: Any, book_site: BookSite) -> Any:
    """A page that may load only from the book's server; anything else is refused and recorded."""
    refused: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(book_site.base) or url.startswith("data:"):
            r.continue_()
        else:
            refused.append(url)
            r.abort()

    page.route("**/*", route)
    page.refused_requests = refused
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    page.failed_responses = failed
    return page


def _figure_outputs() -> int:
    """Figures (image outputs) stored in the course's notebooks: each must appear in the book."""
    import json

    from book.build import notebooks

    count = 0
    for rel in notebooks(REPO_ROOT):
        for cell in json.loads((REPO_ROOT / rel).read_text(encoding="utf-8"))["cells"]:
            count += sum("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
    return count


def _open(page: Any, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else '?'}"


# ------------------------------------------------------------------------------------------
def test_the_book_builds_with_the_network_cut_off(book_site: BookSite) -> None:
    """Sphinx, the theme and the quiz vendoring need nothing from the network (``unshare -n``)."""
    if os.environ.get("MGDLEARN_BOOK_DIR"):
        pytest.skip("MGDLEARN_BOOK_DIR gives a ready book; unset it to build (offline) here")
    if not book_site.built_offline:
        component_missing("a network namespace for an offline build (`unshare -n`, or `unshare -r -n` as a plain user)",
                          "run the tests on Linux with util-linux's unshare and user namespaces enabled")
    assert (book_site.root / "index.html").is_file() and (book_site.root / "searchindex.js").is_file()


def test_every_page_opens_with_alt_text_and_working_internal_links(book_page: Any, book_site: BookSite) -> None:
    pages = book_site.pages()
    lessons = [p for p in pages if p.startswith("lessons/0")]
    exercises = [p for p in pages if p.startswith("exercises/0")]
    assert len(lessons) == 6 and len(exercises) == 6, f"lessons {lessons}, exercises {exercises}"
    for rel in ("docs/instructors.html", "docs/model.html", "bibliography.html", "docs/accessibility.html"):
        assert rel in pages, f"the book lacks {rel}"

    broken: list[str] = []
    anchors: dict[Path, set[str]] = {}
    images = 0
    for rel in pages:
        url = book_site.url(rel)
        _open(book_page, url)
        info = book_page.evaluate(
            """() => ({
                imgs: [...document.images].map(i => ({src: i.currentSrc.slice(0, 80), alt: (i.getAttribute('alt') || '').trim(),
                                                      ok: i.complete && i.naturalWidth > 0})),
                links: [...document.querySelectorAll('a[href]')].map(a => a.href),
                ids: [...document.querySelectorAll('[id]')].map(e => e.id),
            })"""
        )
        anchors[book_site.root / rel] = set(info["ids"])
        for img in info["imgs"]:
            images += 1
            assert img["alt"], f"{rel}: an image without alt text ({img['src']})"
            assert img["ok"], f"{rel}: an image that does not load ({img['src']})"
        for href in info["links"]:
            target = book_site.file_for(href)
            if target is None:
                continue  # external (Binder, DOIs): not followed
            if not target.is_file():
                broken.append(f"{rel} -> {href}")
                continue
            fragment = urlsplit(href).fragment
            if fragment and target.suffix == ".html":
                if target not in anchors:
                    _ids = book_page.evaluate("""async (u) => { const t = await (await fetch(u)).text();
                        return [...new DOMParser().parseFromString(t, 'text/html').querySelectorAll('[id]')].map(e => e.id); }""",
                                              href.split("#")[0])
                    anchors[target] = set(_ids)
                if unquote(fragment) not in anchors[target]:
                    broken.append(f"{rel} -> {href} (no #{fragment})")
    assert not broken, "broken internal links:\n" + "\n".join(broken[:40])
    assert images >= _figure_outputs(), f"{images} images in the book, {_figure_outputs()} figures in the notebooks"
    assert book_page.refused_requests == [], f"the book fetched from outside: {book_page.refused_requests[:10]}"
    assert book_page.failed_responses == [], f"missing files: {book_page.failed_responses[:10]}"


def test_lesson_pages_show_figures_with_captions_and_explorer_launch_notes(book_page: Any, book_site: BookSite) -> None:
    _open(book_page, book_site.url("lessons/01_activation_pathway.html"))
    figures = book_page.evaluate(
        """() => [...document.querySelectorAll('figure')].filter(f => f.querySelector('img')).map(f => ({
             alt: f.querySelector('img').alt, caption: (f.querySelector('figcaption') || {}).textContent || ''}))"""
    )
    assert len(figures) >= 2, figures
    assert all(f["alt"].strip() and f["caption"].strip() for f in figures), figures
    note = book_page.locator(".mgdlearn-explorer-note").first
    assert "needs a running" in (note.text_content() or "")
    binder = note.locator("a", has_text="Binder").first.get_attribute("href") or ""
    assert binder.startswith("https://mybinder.org/v2/gh/") and "01_activation_pathway.ipynb" in unquote(binder)
    # the disclaimer is on every page (footer)
    assert "not medical advice" in (book_page.locator(".mgdlearn-disclaimer").first.text_content() or "").lower()


def test_search_finds_cyp27b1(book_page: Any, book_site: BookSite) -> None:
    _open(book_page, book_site.url("search.html?q=CYP27B1"))
    results = book_page.locator("#search-results ul.search li")
    results.first.wait_for(state="attached", timeout=30_000)
    found = [a.get_attribute("href") or "" for a in book_page.locator("#search-results ul.search li a").all()]
    assert any("01_activation_pathway" in h for h in found), f"search for CYP27B1 found {found}"


def _quiz(page: Any, exercise_id: str) -> Any:
    quiz = page.locator(f".mgdlearn-quiz[data-exercise='{exercise_id}']")
    quiz.locator(".Quiz").first.wait_for(state="visible", timeout=30_000)
    return quiz


def _normalise(text: str) -> str:
    return " ".join(text.split())


def test_concept_checks_answered_in_the_page_give_the_checkers_feedback(
    book_page: Any, book_site: BookSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MGDLEARN_PROGRESS", str(tmp_path / "progress.json"))
    from mgdlearn.exercises import check_result

    _open(book_page, book_site.url("lessons/01_activation_pathway.html"))
    source = (book_site.root / "lessons/01_activation_pathway.html").read_text(encoding="utf-8")
    right = check_result("L1.1", "b")
    assert right.correct and right.message not in source and right.explanation not in source, \
        "the right answer's feedback is readable in the page source"
    quiz = _quiz(book_page, "L1.1")
    live = quiz.locator("[role=status][aria-live=polite]")
    for key in ("c", "b"):  # a typical mistake first, then the right answer
        expected = check_result("L1.1", key)
        # keyboard, as a reader without a mouse would: focus the option's radio button and select it
        radio = quiz.locator("label.MCButton", has_text=f"{key})").locator("input[type=radio]")
        radio.focus()
        book_page.keyboard.press("Space")
        feedback = quiz.locator(".Feedback")
        book_page.wait_for_function("(el) => el.textContent.trim().length > 0", arg=feedback.element_handle())
        shown = _normalise(feedback.text_content() or "")
        assert _normalise(expected.message) in shown, f"option {key}: {shown!r} lacks {expected.message!r}"
        assert ("Correct." in shown) == expected.correct, shown
        if expected.correct:
            assert _normalise(expected.explanation) in shown
        book_page.wait_for_function("([l, f]) => l.textContent === f.textContent",
                                    arg=[live.element_handle(), feedback.element_handle()])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    quiz.screenshot(path=str(ARTIFACTS / "book-quiz-L1.1.png"))

    numeric = _quiz(book_page, "L1.2")
    box = numeric.locator("input.Input-text")
    label = numeric.locator(f"label[for='{box.get_attribute('id')}']")
    assert "nmol/L" in (label.text_content() or ""), "the number box's label names the unit"
    for typed in ("8.01", "70", "49.9"):  # divided by the factor, too high, then right
        expected = check_result("L1.2", float(typed))
        box.click()
        box.type(typed)
        box.press("Enter")
        feedback = numeric.locator(".Feedback")
        book_page.wait_for_function("(el) => el.style.display !== 'none' && el.textContent.trim().length > 0",
                                    arg=feedback.element_handle())
        shown = _normalise(feedback.text_content() or "")
        assert _normalise(expected.message) in shown, f"{typed}: {shown!r} lacks {expected.message!r}"
        assert ("Correct." in shown) == expected.correct, shown


def test_axe_finds_no_serious_or_critical_violation_on_any_book_page(book_page: Any, book_site: BookSite) -> None:
    report: dict[str, Any] = {"pages": {}, "totals": {}}
    failures: list[str] = []
    for rel in book_site.pages():
        _open(book_page, book_site.url(rel))
        book_page.wait_for_timeout(100)  # let the quiz script draw
        violations = run_axe(book_page)
        report["pages"][rel] = {"violations": tally(violations), "details": violations}
        for key, n in tally(violations).items():
            report["totals"][key] = report["totals"].get(key, 0) + n
        bad = severe(violations)
        if rel.startswith("lessons/0"):  # the theme's dark mode too (a reader can switch to it)
            book_page.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
            book_page.wait_for_timeout(600)  # the theme's colour transitions
            dark = run_axe(book_page)
            report["pages"][rel]["dark_mode"] = tally(dark)
            bad += severe(dark)
        if bad:
            failures.append(f"{rel}:\n{describe(bad)}")
    write_report("axe-book", report)
    assert not failures, "serious/critical axe violations (see test-artifacts/axe-book.json):\n" + "\n".join(failures[:10])
