"""Lesson 05: the article's magnesium-versus-vitamin D table as HTML and text (the rows of
:func:`mgdlearn.experiments.comparison.comparison_rows`)."""
from __future__ import annotations

import html
import re
from typing import Sequence

from mgdlearn.bibliography import cite
from mgdlearn.errors import InputTypeError
from mgdlearn.experiments.comparison import ComparisonRow, comparison_rows

__all__ = ["comparison_table_bundle", "show_comparison_table"]


def _author_year(key: str) -> str:
    """Author-year label that also reads well for organisations (``"Institute of Medicine 2011"``)."""
    ref = cite(key)
    first = ref.authors.split(",")[0].strip()
    person = re.match(r"^(.*\S)\s+[A-Z]{1,4}$", first)
    if person is None:
        return f"{first} {ref.year}"
    many = "," in ref.authors
    return f"{person.group(1)}{' et al.' if many else ''} {ref.year}"


_TABLE_HEADERS = ("Feature", "Magnesium", "Vitamin D", "Together", "Evidence", "Sources")


def comparison_table_bundle(rows: Sequence[ComparisonRow] | None = None) -> dict[str, str]:
    """The comparison as a MIME bundle: an HTML table and a plain-text version (for nbval and PDF)."""
    rows = comparison_rows() if rows is None else tuple(rows)
    if not rows or not all(isinstance(r, ComparisonRow) for r in rows):
        raise InputTypeError("comparison_table_bundle needs ComparisonRow rows (see comparison_rows()).")
    def cells(r: ComparisonRow) -> tuple[str, ...]:
        refs = ", ".join(_author_year(k) for k in dict.fromkeys(r.source.split(";")) if k)
        return (r.feature, r.magnesium, r.vitamin_d, r.together, r.evidence, refs)

    e = html.escape
    head = "".join(f'<th style="text-align:left;vertical-align:top">{e(h)}</th>' for h in _TABLE_HEADERS)
    body = "".join("<tr>" + "".join(f'<td style="text-align:left;vertical-align:top">{e(c)}</td>'
                                    for c in cells(r)) + "</tr>" for r in rows)
    table = (f'<table style="font-size:0.9em;max-width:60em"><caption style="caption-side:top;text-align:left">'
             f"<strong>Magnesium and vitamin D compared, with numbers</strong></caption>"
             f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    text = ["Magnesium and vitamin D compared, with numbers"]
    for r in rows:
        c = cells(r)
        text.append(f"- {c[0]}. Magnesium: {c[1]} Vitamin D: {c[2]} Together: {c[3]} "
                    f"Evidence: {c[4]}. Sources: {c[5]}.")
    return {"text/html": table, "text/plain": "\n".join(text)}


def show_comparison_table(rows: Sequence[ComparisonRow] | None = None) -> None:
    """Display :func:`comparison_table_bundle` in a notebook."""
    from IPython.display import display

    display(comparison_table_bundle(rows), raw=True)
