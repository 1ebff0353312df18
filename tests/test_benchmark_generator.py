"""The benchmark's release generator is deterministic and its releases
exercise the real extractors: most facts it writes come back out."""
from __future__ import annotations

from collections import Counter

from trialgraph.extractors import extract
from trialgraph.model import Document

from generated import GENERATOR as GEN


def test_same_seed_same_releases_other_seed_other_releases():
    first, again, other = GEN.generate(30, seed=3), GEN.generate(30, seed=3), GEN.generate(30, seed=4)
    assert [(g.doc_id, g.text) for g in first] == [(g.doc_id, g.text) for g in again]
    assert [g.text for g in first] != [g.text for g in other]
    assert len({g.doc_id for g in first}) == 30


def test_releases_are_varied():
    releases = GEN.generate(200, seed=1)
    headlines = {tuple(g.text.split("\n", 1)[0].split()[1:3]) for g in releases}  # verb and object: the kind
    kinds = Counter(f[0] for g in releases for f in g.facts)
    assert len(headlines) >= 4
    assert {"designation", "trial", "cohort", "result"} <= set(kinds)
    assert len({f[1] for g in releases for f in g.facts if f[0] == "company"}) >= 10
    assert any("formerly" in g.text for g in releases)  # renamed drugs
    assert any(" said " in g.text and any(n in g.text for _, n in GEN.FIRST) for g in releases)  # nicknames


def test_extractors_recover_most_generated_facts():
    found = total = 0
    missed = Counter()
    for item in GEN.generate(50, seed=11):
        extraction = extract(Document(item.doc_id, f"{item.doc_id}.txt", item.text))
        got = GEN.stated(extraction)
        for fact in item.facts:
            total += 1
            if fact in got:
                found += 1
            else:
                missed[fact[0]] += 1
    assert total > 300
    assert found / total >= 0.8, missed
