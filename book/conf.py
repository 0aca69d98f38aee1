"""Sphinx configuration of the course book (``make book``; see ``book/README.md``).

The sources are staged by ``book/build.py`` into ``_build/book-src`` (the committed, executed
notebooks with explorer and concept-check outputs adapted for a page without a kernel); this file
is used from its place with ``sphinx-build -c book``. Notebooks are never executed here
(``nb_execution_mode = "off"``), and nothing is fetched from the network: the theme, the quiz
JavaScript (vendored from the jupyterquiz package at build time) and the search index are local.
"""
from __future__ import annotations

project = "mgdlearn · Magnesium and vitamin D"
author = "The mgdlearn team"
copyright = "the mgdlearn team, MIT licence"  # noqa: A001 - Sphinx's name
language = "en"

extensions = ["myst_nb"]
nb_execution_mode = "off"          # the committed outputs are the product; never re-run here
nb_merge_streams = True
# A figure from show_figure carries text/html (an <img> with alt text and a <figcaption>),
# image/png and text/plain: HTML first, so the alt text and the caption reach the page.
nb_mime_priority_overrides = [
    ("html", "text/html", 0),
    ("singlehtml", "text/html", 0),
]
nb_ipywidgets_js = {}              # no widget manager from a CDN: explorers are shown as stored frames
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

exclude_patterns = ["**.ipynb_checkpoints", "_build"]
master_doc = "index"

html_theme = "sphinx_book_theme"
html_title = "Magnesium and vitamin D"
html_static_path = ["_static"]
html_css_files = ["mgdlearn-book.css", "jupyterquiz/styles.css"]
html_js_files = ["jupyterquiz/jupyterquiz.js", "mgdlearn-quiz.js"]
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
# Pygments colours that meet WCAG AA on the light background (shipped by pydata-sphinx-theme).
pygments_style = "a11y-high-contrast-light"
pygments_dark_style = "a11y-high-contrast-dark"

_DISCLAIMER = (
    "<p class='mgdlearn-disclaimer'><strong>Education, not medical advice.</strong> The course's "
    "model is a semi-quantitative teaching model, not a dosing tool; the only intake numbers it "
    "gives are the official reference values (Institute of Medicine / NIH Office of Dietary "
    "Supplements). Ask a health professional before changing your diet or supplements.</p>"
)
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
    "extra_footer": _DISCLAIMER,
    "show_toc_level": 2,
    "search_bar_text": "Search the course…",
}
html_context = {"default_mode": "light"}
