"""The regex prefilter (extractors/prefilter.py) must never skip a text a
pattern matches: gated scans find exactly what plain scans find."""
from __future__ import annotations

import random
import re

import pytest

from trialgraph import lexicons
from trialgraph.extractors import (
    cohorts,
    companies,
    dates,
    designations,
    drugs,
    milestones,
    people,
    periods,
    results,
    text,
    trials,
)
from trialgraph.extractors.prefilter import Gated, GateGroup, gate, needles
from trialgraph.ingest import read_document
from trialgraph.normalize import ascii_punct
from trialgraph.segment import segment

MODULES = (cohorts, companies, dates, designations, drugs, milestones, people, periods, results, text, trials)


def _gated_patterns() -> list[Gated]:
    found: list[Gated] = []
    for module in MODULES:
        for value in vars(module).values():
            if isinstance(value, Gated):
                found.append(value)
    found += [p for _, p in milestones.EVENTS]
    found += [p for p, _ in results._endpoints()]
    found += [p for p, _ in designations._agency_patterns()]
    found += [p for p, _ in designations._type_patterns()]
    found += [p for p, _ in trials._designs()]
    return found


def _sentences(shared) -> list[str]:
    out = []
    for folder in ("seeds", "dev", "real"):
        for path in sorted((shared / "corpus" / folder).glob("*.txt")):
            out += [ascii_punct(s.clean) for s in segment(read_document(path))]
    return out


def _mutations(texts: list[str], seed: int = 7) -> list[str]:
    """Corpus sentences with letters case-flipped, words cut and a few non-ASCII letters."""
    rng = random.Random(seed)
    out = []
    for t in texts:
        if not t:
            continue
        chars = list(t)
        for _ in range(3):
            i = rng.randrange(len(chars))
            chars[i] = chars[i].swapcase()
        out.append("".join(chars))
        out.append(t[rng.randrange(len(t)):])
        out.append(t.replace("s", "ſ", 1).replace("k", "\u212a", 1))  # fold to s and k under re.I
    return out


def test_needles_of_simple_patterns():
    assert needles(re.compile(r"\bfoo(?:bar|baz)s?\b", re.I)) == ((frozenset({"foobar", "foobaz"}),), True)
    assert needles(re.compile(r"(?<![\w-])FDA(?![\w-])")) == ((frozenset({"FDA"}),), False)
    assert needles(re.compile(r"\d+\s*(?:%|percent)")) == ((frozenset({"%", "percent"}),), False)
    # several necessary words: each must be present, the most selective first
    assert needles(re.compile(r"said,? [A-Z]\w+ of (?:the )?board")) == (
        (frozenset({" of board", " of the board"}), frozenset({"said ", "said, "})), False)
    # nothing every match must contain
    assert needles(re.compile(r"[A-Z]\d+")) is None
    assert needles(re.compile(r"(?:abc)?\d")) is None
    assert needles(re.compile(r"abc|\d")) is None
    # a local case switch folds the whole pattern: what the case-sensitive part needs is in the lower-cased text too
    assert needles(re.compile(r"x(?i:abc)")) == ((frozenset({"xabc"}),), True)
    assert needles(re.compile(r"(?i)x(?-i:Abc)")) == ((frozenset({"xabc"}),), True)
    switched = gate(re.compile(r"Acme (?i:renamed)"))
    assert switched.search("Acme RENAMED").group(0) == "Acme RENAMED"
    assert switched.search("ACME renamed") is None and switched.search("Acme was not") is None


def test_gated_scan_skips_only_texts_without_a_needle():
    pattern = gate(re.compile(r"\bphase\s+\d", re.I))
    assert pattern.search("a Phase 2 trial").group(0) == "Phase 2"
    assert pattern.search("a trial") is None
    assert list(pattern.finditer("no such word")) == []
    assert pattern.sub("X", "no such word") == "no such word"
    assert pattern.findall("PHASE 1 and phase 3") == ["PHASE 1", "phase 3"]
    assert pattern.pattern == r"\bphase\s+\d" and pattern.flags & re.I
    both = gate(re.compile(r"\bsaid\b.*\bboard\b"))
    assert both.search("he said so") is None and both.search("the board met") is None
    assert both.search("he said the board met") is not None


def test_case_insensitive_gate_scans_non_ascii_text():
    # under re.I "s" matches LATIN SMALL LETTER LONG S: lower-casing would miss it
    pattern = gate(re.compile(r"\bstudy\b", re.I))
    assert pattern.search("a ſtudy") is not None
    assert pattern.search("a \u212aey study") is not None


def test_every_gated_extractor_pattern_finds_what_the_plain_pattern_finds(shared):
    texts = _sentences(shared)
    texts += _mutations(texts)
    rng = random.Random(3)
    patterns = _gated_patterns()
    assert len(patterns) > 80
    for pattern in patterns:
        plain = pattern._pattern
        # texts made of the needles themselves exercise the positive side
        extra = []
        if pattern._needles:
            for needle in (n for group in pattern._needles for n in group):
                extra.append(f"{needle} {needle.upper()} 2020 12 ")
                extra.append(f"Phase 2 ({needle}) of 3.5 mg/kg in 2019: {needle}")
        for t in texts + extra + [rng.choice(texts) + " " + e for e in extra]:
            expected = [m.span() for m in plain.finditer(t)]
            assert [m.span() for m in pattern.finditer(t)] == expected, (plain.pattern, t)
            if expected:
                assert pattern.possible(t)


def _groups() -> list[tuple[GateGroup, list]]:
    """Each lexicon or stage-wide gate with the patterns it stands for."""
    return [
        (designations._groups()[0], [p for p, _ in designations._agency_patterns()]),
        (designations._groups()[1], [p for p, _ in designations._type_patterns()]),
        (results._any_endpoint(), [p for p, _ in results._endpoints()]),
        (milestones._ANY_EVENT, [p for _, p in milestones.EVENTS]),
        (trials._ANY_MENTION, [trials.NAMED_BEFORE_NOUN, trials.NOUN_THEN_NAME, trials.NAME_APPOSITIVE,
                               trials.STUDY_NUMBER, trials.PHASE]),
    ]


def test_a_group_gate_closes_only_when_none_of_its_patterns_matches(shared):
    texts = _sentences(shared)
    texts += _mutations(texts)
    for group, patterns in _groups():
        closed = 0
        for t in texts:
            if not group.possible(t):
                closed += 1
                assert not any(p._pattern.search(t) for p in patterns), t
        assert closed > 0  # the gate does skip sentences


def test_a_group_with_an_unfilterable_pattern_never_closes():
    group = GateGroup([re.compile(r"FDA"), re.compile(r"[A-Z]\d")])
    assert group.possible("nothing here")
    assert not GateGroup([re.compile(r"FDA"), re.compile(r"phase", re.I)]).possible("nothing here")
    assert GateGroup([re.compile(r"phase", re.I)]).possible("PHASE")


@pytest.mark.parametrize("source", [lexicons.endpoints, lexicons.designation_types, lexicons.designs, lexicons.agencies])
def test_every_lexicon_pattern_gets_needles(source):
    # lexicon phrasings are words: each should be filterable, or the scan is slow again
    assert all(needles(p) is not None for p, _ in source())


def test_remembered_helpers_hand_out_fresh_lists():
    from trialgraph.extractors import memo
    from trialgraph.extractors.memo import per_text

    calls = []

    @per_text
    def words(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    first = words("a b")
    first.append("mutated")
    assert words("a b") == ["a", "b"]
    assert calls == ["a b"]  # computed once
    long = "x " * memo.MAX_CHARS
    assert words(long) == words(long)
    assert calls.count(long) == 2  # long texts are never kept: memory stays bounded


def test_extraction_is_the_same_with_cold_and_warm_caches(shared):
    from trialgraph.extractors import extract
    from trialgraph.extractors import memo

    paths = sorted((shared / "corpus" / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "dev").glob("*.txt"))[:20]
    documents = [read_document(p) for p in paths]
    warm_forward = [repr(extract(d)) for d in documents]
    warm_backward = [repr(extract(d)) for d in reversed(documents)][::-1]
    assert warm_forward == warm_backward
    for module in MODULES + (memo,):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    cold = [repr(extract(d)) for d in documents]
    assert cold == warm_forward
