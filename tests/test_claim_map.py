"""lessons/README.md maps every claim of the source article to the lesson section that teaches it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "seed" / "magnesium-and-vitamin-d.txt"
MAP = ROOT / "lessons" / "README.md"
LESSONS = {int(p.name[:2]): p for p in (ROOT / "lessons").glob("0*.ipynb")}
# Sentences that make no claim: headings, bullet titles, table headers, connectives.
NO_CLAIM = re.compile(r"^(- .*:|Here are some steps.*|Note:|Conclusion:|Magnesium vs\.|Vitamin D:|A Comparison)$")


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in MAP.read_text(encoding="utf-8").splitlines():
        m = re.match(r'^\| (\d+) \| "(.+)" \| (.+?) \| (.+) \|$', line)
        if m:
            rows.append((m.group(2), m.group(3), m.group(4)))
    return rows


def _article_sentences() -> list[str]:
    sentences = []
    for line in ARTICLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("|---"):
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")][1:]
            sentences += [c for c in cells if c.endswith(".")]  # header cells have no full stop
            continue
        if not line.endswith((".", ":", "!", "?")) and len(line.split()) < 10:
            continue  # a heading
        sentences += re.split(r"(?<=[.!?:])\s+(?=[A-Z'-])", line)
    return [s for s in sentences if not NO_CLAIM.match(s)]


def _headings(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [line[3:].strip() for c in nb["cells"] if c["cell_type"] == "markdown"
            for line in "".join(c["source"]).splitlines() if line.startswith("## ")]


def test_the_map_lists_many_claims_each_with_a_place_and_an_evidence_note():
    rows = _rows()
    assert len(rows) >= 50
    assert all(place and evidence for _, place, evidence in rows)


@pytest.mark.parametrize("phrase, place, _evidence", _rows())
def test_every_mapped_section_exists(phrase, place, _evidence):
    for lesson, section in re.findall(r"L(\d) (§\d+|Summary)", place):
        path = LESSONS[int(lesson)]
        headings = _headings(path)
        if section == "Summary":
            assert "Summary" in headings or any("advice" in h for h in headings), path.name
        else:
            number = section[1:]
            assert any(re.match(rf"{number}\s*[·.]", h) for h in headings), f"{path.name} has no section {section}"
    assert re.findall(r"L\d (?:§\d+|Summary)", place), f"no lesson section named for {phrase!r}"


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article (shared/seed) is not beside this checkout")
def test_every_quoted_phrase_is_the_articles_wording():
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    missing = [phrase for phrase, _, _ in _rows() if phrase not in text]
    assert missing == []


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article (shared/seed) is not beside this checkout")
def test_every_claim_of_the_article_is_mapped():
    phrases = [phrase for phrase, _, _ in _rows()]
    uncovered = [s for s in _article_sentences() if not any(p in s for p in phrases)]
    assert uncovered == []
