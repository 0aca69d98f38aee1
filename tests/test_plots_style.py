"""The course figure style: colour-blind-safe colours, alt text, repeatable output."""
from __future__ import annotations

import base64

import numpy as np
import pandas as pd
import pytest

from mgdlearn.plots import style
from mgdlearn.plots.course_map import LEARNING_PATH, draw_course_map
from mgdlearn.plots.timecourse import draw_timecourses, redraw_timecourses, summarize_runs


def test_palette_is_okabe_ito_and_cited():
    from mgdlearn.bibliography import cite

    # Okabe-Ito, with orange (#E69F00) and sky blue (#56B4E9) darkened to 80 % and 85 % for contrast
    assert set(style.PALETTE.values()) == {
        "#000000", "#B87F00", "#4999C6", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    assert cite(style.PALETTE_SOURCE).year == 2008


def test_lines_in_course_colours_and_text_through_text_color_meet_wcag_contrast_on_white():
    # WCAG 2.1: 3:1 for graphics that carry information (1.4.11), 4.5:1 for text (1.4.3)
    for name, colour in style.PALETTE.items():
        if name != "yellow":  # yellow only shades translucent bands
            assert style.contrast_ratio(colour) >= 3.0, name
        assert style.contrast_ratio(style.text_color(colour)) >= 4.5, name
    for colour, _ in style.SERIES.values():
        assert style.contrast_ratio(colour) >= 3.0
    assert style.contrast_ratio("#777777") == pytest.approx(4.48, abs=0.01)  # the WCAG worked value
    assert style.text_color("#0072B2") == "#0072B2", "a colour that passes is kept"


def test_every_series_has_a_distinct_colour_and_line_style():
    pairs = [(c, str(ls)) for c, ls in style.SERIES.values()]
    assert len(set(pairs)) == len(pairs)
    with pytest.raises(ValueError, match="known:"):
        style.color("no-such-series")


def test_figure_bundle_carries_alt_text_caption_and_png():
    fig, ax = style.new_figure()
    ax.plot([0, 1], [1, 2])
    bundle = style.figure_bundle(fig, alt="Two points <rising>", caption="It rises from 1 to 2.")
    png = base64.b64decode(bundle["image/png"])
    assert png.startswith(b"\x89PNG")
    assert 'alt="Two points &lt;rising&gt;"' in bundle["text/html"]
    assert "<figcaption" in bundle["text/html"] and "It rises from 1 to 2." in bundle["text/html"]
    assert bundle["text/plain"] == "Two points <rising>\nIt rises from 1 to 2."


def test_figure_without_alt_text_is_refused():
    fig, _ = style.new_figure()
    with pytest.raises(ValueError, match="alt text"):
        style.figure_bundle(fig, alt="  ")


def test_png_output_is_repeatable():
    fig, ax = style.new_figure()
    ax.plot(np.arange(10), np.arange(10) ** 2)
    assert style.figure_png(fig) == style.figure_png(fig)


def test_new_figure_does_not_touch_pyplot_state():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    style.new_figure()
    assert plt.get_fignums() == before


def _run(level):
    days = np.arange(0, 31)
    return pd.DataFrame({"ohd25_nmol_l": level + 0.5 * days, "pth_pmol_l": 3.5 + 0 * days}, index=days)


def test_timecourse_panels_are_titled_with_units_and_update_in_place():
    runs = {"low Mg": _run(40), "adequate Mg": _run(60)}
    fig = draw_timecourses(runs, ["ohd25_nmol_l", "pth_pmol_l"], title="Test")
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == ["25(OH)D", "PTH"]
    assert [ax.get_ylabel() for ax in fig.axes[:2]] == ["nmol/L", "pmol/L"]
    drawing = redraw_timecourses(runs, ["ohd25_nmol_l", "pth_pmol_l"], title="Test")
    first = drawing.figure.axes[0].lines[0].get_ydata().copy()
    again = redraw_timecourses({"low Mg": _run(20), "adequate Mg": _run(60)},
                               ["ohd25_nmol_l", "pth_pmol_l"], title="Test", drawing=drawing)
    assert again is drawing
    assert not np.allclose(drawing.figure.axes[0].lines[0].get_ydata(), first)


def test_timecourse_summary_states_start_end_and_trend():
    text = summarize_runs({"low Mg": _run(40)}, ["ohd25_nmol_l", "pth_pmol_l"])
    assert text == "Over 30 days: 25(OH)D rose from 40 to 55 nmol/L (low Mg). PTH stayed at 3.5 pmol/L (low Mg)."


def test_course_map_names_every_lesson():
    fig, text = draw_course_map()
    assert fig.axes[0].get_title()
    for stop in LEARNING_PATH:
        assert stop.number in text
