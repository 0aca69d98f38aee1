"""The bibliography: look-ups, suggestions for typos, printing, and complete entries."""
from __future__ import annotations

import ast
import collections
import inspect
import re

import pytest

import mgdlearn.bibliography as refs
from mgdlearn.bibliography import REFERENCES, Reference, bibliography, cite, print_bibliography


def test_cite_returns_the_entry_with_a_short_label():
    r = cite("heaney2003")
    assert isinstance(r, Reference) and r.key == "heaney2003"
    assert r.year == 2003 and "Heaney" in r.authors
    assert r.short == "Heaney et al. 2003"
    assert cite("holick2007").short == "Holick 2007"


def test_reference_prints_as_a_citation():
    text = str(cite("iom2011"))
    assert text.startswith("Institute of Medicine (2011). Dietary Reference Intakes for Calcium and Vitamin D.")
    assert text.endswith("https://doi.org/10.17226/13050")


def test_unknown_key_suggests_the_closest_keys():
    with pytest.raises(ValueError) as err:
        cite("heaney203")
    msg = str(err.value)
    assert "Unknown reference key 'heaney203'" in msg
    assert re.search(r"Did you mean [^?]*\bheaney2003\b", msg)
    assert "Known keys:" in msg and "iom2011" in msg


def test_key_that_is_not_text_is_a_type_error():
    with pytest.raises(TypeError, match="string such as 'heaney2003'"):
        cite(2003)  # type: ignore[arg-type]


def test_bibliography_lists_every_key_once_sorted():
    lines = bibliography().splitlines()
    keys = [re.match(r"\[([^\]]+)\] ", line).group(1) for line in lines]
    assert keys == sorted(REFERENCES)


def test_bibliography_of_chosen_keys_and_unknown_keys():
    lines = bibliography(["iom2011", "holick2011", "iom2011"]).splitlines()
    assert [line.split("]")[0] for line in lines] == ["[holick2011", "[iom2011"]
    with pytest.raises(ValueError, match="Unknown reference key 'nosuch'"):
        bibliography(["nosuch"])


def test_print_bibliography_prints_all_entries(capsys):
    print_bibliography()
    out = capsys.readouterr().out
    assert out == bibliography() + "\n"
    for key in REFERENCES:
        assert f"[{key}] " in out


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_every_entry_is_complete(key):
    r = REFERENCES[key]
    assert r.key == key
    assert re.fullmatch(r"[a-z][a-z0-9_]*", key), "keys are lower-case identifiers"
    assert r.authors.strip() and r.title.strip() and r.venue.strip()
    assert isinstance(r.year, int) and 1900 <= r.year <= 2030
    assert r.url == "" or r.url.startswith("https://")


def test_no_key_is_defined_twice():
    """dict() keeps the last of two equal keys silently; parallel appends must not collide."""
    tree = ast.parse(inspect.getsource(refs))
    keys = [node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_r"
            and node.args and isinstance(node.args[0], ast.Constant)]
    dupes = [k for k, n in collections.Counter(keys).items() if n > 1]
    assert dupes == []
    assert len(keys) == len(REFERENCES)


def test_bibliography_is_read_only():
    with pytest.raises(TypeError):
        REFERENCES["x"] = REFERENCES["iom2011"]  # type: ignore[index]


def test_short_labels_handle_corporate_authors_and_particles():
    assert cite("iom2011").short == "Institute of Medicine 2011"
    assert cite("debaaij2015").short == "de Baaij et al. 2015"
    assert cite("ods_mg").short.startswith("NIH Office of Dietary Supplements")
