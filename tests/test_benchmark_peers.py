"""The latency benchmark's peer baselines move the same sliders in a real kernel, with the same
figures: interactive_output showing a new figure as plt.show() does, and ipympl's draw_idle."""
from __future__ import annotations

import importlib.util
import json

import nbformat
import pytest
from nbclient import NotebookClient

from benchmarks.moves import PEERS, walk

pytestmark = pytest.mark.slow


def _run(code: str) -> dict:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(code)]
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs if o.get("output_type") == "stream")
    return json.loads(text.strip().splitlines()[-1])


@pytest.mark.parametrize("peer", PEERS)
def test_a_peer_moves_every_slider_and_sends_a_picture_each_time(peer):
    if peer == "ipympl" and importlib.util.find_spec("ipympl") is None:
        pytest.skip("ipympl comes with the bench extra")
    result = _run(f"""
import json
from IPython import get_ipython
from benchmarks.moves import measure_peer
sent = []
kernel = get_ipython().kernel
send = kernel.session.send
def spy(stream, msg_or_type, content=None, *args, **kwargs):
    kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type.get("msg_type")
    body = content if content is not None else (msg_or_type.get("content", {{}}) if isinstance(msg_or_type, dict) else {{}})
    if kind == "display_data" and "image/png" in body.get("data", {{}}):
        sent.append("png")
    if kind == "comm_msg" and kwargs.get("buffers"):
        sent.append("binary")
    return send(stream, msg_or_type, content, *args, **kwargs)
kernel.session.send = spy
result = measure_peer("status (00)", {peer!r}, moves=2)
kernel.session.send = send
print(json.dumps({{**result, "pictures": len(sent)}}))
""")
    assert result["sliders"] == 1 and len(result["times_ms"]) == 2
    assert all(t > 0 for t in result["times_ms"])
    assert result["pictures"] >= 3, "every move sends a picture (the first one too)"


def test_the_walk_never_visits_a_value_twice():
    positions = walk(20, 10, 15, seed=3)
    assert len(positions) == len(set(positions)) == 15 and 10 not in positions
