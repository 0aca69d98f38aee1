"""Live redraws (mgdlearn.widgets.live): fast when only the data change, and always the same picture as a
full render."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from mgdlearn.plots.frame import steady_limits
from mgdlearn.plots.style import apply_style, figure_png, new_figure, style_axes
from mgdlearn.widgets import EXPLORERS, load_explorer
from mgdlearn.widgets.live import LiveFigure


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)


def _full(fig) -> np.ndarray:
    with apply_style():  # as every course render is drawn (figure_png, LiveFigure.png)
        fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba(), dtype=float)[..., :3]


def _figure():
    fig, ax = new_figure()
    x = np.linspace(0, 10, 50)
    (line,) = ax.plot(x, 50 + 0 * x, label="run")
    ax.legend()
    style_axes(ax, title="Test", xlabel="day", ylabel="nmol/L")
    return fig, ax, line, x


def test_a_data_only_change_is_drawn_from_the_cached_frame_and_matches_a_full_render():
    fig, ax, line, x = _figure()
    live = LiveFigure(fig)
    live.png()
    frame = live.frame
    line.set_ydata(52 + 0 * x)
    live.png()                       # same frame again: the background is kept
    line.set_ydata(54 + np.sin(x))
    fast = _pixels(live.png())       # drawn from the cached frame
    assert live.frame is frame
    assert np.abs(fast - _full(fig)).mean() < 0.5


def test_the_live_state_lives_beside_the_figure_and_data_artists_are_drawn_again_in_a_full_render():
    fig, ax, line, x = _figure()
    live = LiveFigure(fig)
    live.png()
    assert not any(name.startswith("_mgd") for name in vars(fig)), "nothing hangs on the figure"
    assert not line.get_animated(), "animated only while the background is drawn"


def test_a_frame_change_redraws_the_frame():
    fig, ax, line, x = _figure()
    live = LiveFigure(fig)
    live.png()
    live.png()
    before = live.signature
    ax.set_xlabel("week")            # part of the frame
    line.set_ydata(52 + 0 * x)
    png = live.png()
    assert live.signature != before
    assert np.abs(_pixels(png) - _full(fig)).mean() < 0.5
    assert _differing_pixels(_pixels(live.png()), _full(fig)) < 20


def test_sliding_back_to_an_earlier_frame_reuses_its_background_and_is_still_right(monkeypatch):
    fig, ax, line, x = _figure()
    live = LiveFigure(fig)
    for top in (60, 60, 100, 100):     # frame A, then frame B
        ax.set_ylim(0, top, auto=None)
        line.set_ydata(40 + top / 10 + 0 * x)
        live.png()
    draws = []
    monkeypatch.setattr(fig.canvas, "draw", lambda *a, **k: draws.append(1))
    ax.set_ylim(0, 60, auto=None)      # back to frame A, data moved: no new background drawn
    line.set_ydata(47 + 0 * x)
    png = live.png()
    monkeypatch.undo()
    assert draws == []
    assert _differing_pixels(_pixels(png), _full(fig)) < 20


def test_steady_limits_round_outwards_and_only_grow_while_the_data_fill_the_frame():
    fig, ax, line, x = _figure()
    ax.set_ylim(41.3, 58.9, auto=None)
    used = steady_limits(fig)
    low, high = used[0]
    assert low <= 41.3 and high >= 58.9 and (low, high) == ax.get_ylim()
    ax.set_ylim(45, 60, auto=None)
    assert steady_limits(fig, used)[0] == (min(low, 40.0), max(high, 60.0))


def _differing_pixels(a: np.ndarray, b: np.ndarray) -> int:
    return int((np.abs(a - b).sum(axis=-1) > 30).sum())


def test_changing_titles_and_annotations_are_drawn_where_a_full_render_puts_them():
    fig, axes = new_figure(1, 2)
    live = LiveFigure(fig)
    x = np.linspace(0, 1, 20)
    lines = [ax.plot(x, x)[0] for ax in axes]
    axes[1].set_axis_off()
    for step in range(4):
        for ax, line in zip(axes, lines):
            ax.set_title(f"Day {365 + step}: value {step * 1.5:.1f}")
            line.set_ydata(x * (1 + step / 10))
        for t in list(axes[1].texts):
            t.remove()
        axes[1].text(0.5, 0.5, f"{step} nmol/L")
        fast = _pixels(live.png())
    assert live.frame is not None
    assert _differing_pixels(fast, _full(fig)) < 20



@pytest.mark.parametrize("name", list(EXPLORERS))
def test_every_explorers_live_redraw_matches_a_full_render(name):
    explorer = load_explorer(name)
    explorer.widget()
    control = next(c for c in explorer.controls.values() if hasattr(c, "step"))
    for _ in range(3):
        value = control.value + control.step if control.value + control.step <= control.max else control.min
        control.value = type(control.value)(value)
        if getattr(explorer, "state", None) is not None and explorer.state.error:
            control.value = type(control.value)(value + control.step)
    fig = explorer.figure
    fast = _pixels(explorer.live.png())
    # Data drawn over an unchanged reference line (instead of under it) may differ in a few
    # pixels; a misplaced title or label differs in thousands.
    limit = 0.006 * fast.shape[0] * fast.shape[1]
    assert _differing_pixels(fast, _full(fig)) < limit, f"{name}: the live picture differs from a full render"


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_the_first_move_reuses_the_first_pictures_layout_and_places_things_as_a_fresh_layout(name, monkeypatch):
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    explorer = load_explorer(name)
    explorer.widget()                      # the first picture: laid out, then the figure is let go
    runs = []
    execute = ConstrainedLayoutEngine.execute
    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", lambda self, fig: runs.append(1) or execute(self, fig))
    control = next(c for c in explorer.controls.values() if hasattr(c, "step"))
    control.value = type(control.value)(control.value + control.step if control.value + control.step <= control.max
                                        else control.value - control.step)  # the figure is drawn anew
    assert runs == [], "the layout of the first picture is reused, not computed again"
    monkeypatch.undo()
    fresh = explorer.draw(explorer.state.data, None)[0].figure  # drawn and laid out from scratch
    figure_png(fresh)
    # every axes and the figure title where a fresh layout puts them, to within a pixel (the
    # layout also measures data-dependent labels, which may move things by a fraction of one)
    assert _places(explorer.figure) == pytest.approx(_places(fresh), abs=1.0)


def _places(fig) -> list[float]:
    """Where the axes and the figure's own texts (its title) are, in pixels."""
    width, height = fig.canvas.get_width_height()
    places = [v * s for ax in fig.axes for v, s in zip(ax.get_position().bounds, (width, height, width, height))]
    for text in fig.texts:
        x, y = text.get_position()
        places += [x * width, y * height]
    return places


@pytest.mark.parametrize("name", EXPLORERS)
def test_every_sliders_extremes_keep_the_explorers_frame(name):
    """Fixed frames: moving any one slider to its ends keeps the axes, their limits and the static
    artists (a new frame costs a full draw, 100-250 ms, and moves compare by eye)."""
    explorer = load_explorer(name)
    explorer.widget()
    sliders = [c for c in explorer.controls.values() if hasattr(c, "step")]
    first = sliders[0]
    first.value = type(first.value)(first.value + first.step if first.value + first.step <= first.max
                                    else first.value - first.step)
    frame = explorer.live.signature[0]
    for control in sliders:
        default = control.value
        for value in (control.min, control.max):
            control.value = value
            assert explorer.live.signature[0] == frame, \
                f"{name}: moving {control.description} to {value} changed the frame"
        control.value = default
