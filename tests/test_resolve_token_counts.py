"""Counting company first words for the canonical name (resolve._TokenCounts)
gives what findall(r"\bTOKEN\b") gives, and reads the corpus once for all the
tokens rather than once per token (that grew with companies x texts)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from trialgraph.resolve import _TokenCounts

ALPHABET = "ab'’-. _é1\n"


def _findall_count(texts, token):
    pattern = re.compile(r"\b" + re.escape(token) + r"\b")
    return sum(len(pattern.findall(text)) for text in texts)


@settings(max_examples=400, deadline=None)
@given(texts=st.lists(st.text(ALPHABET, max_size=30), max_size=5),
       tokens=st.lists(st.text(ALPHABET, min_size=1, max_size=6), min_size=1, max_size=6))
def test_counts_are_findall_counts(texts, tokens):
    counts = _TokenCounts(texts, candidates=tokens[::2])
    assert [counts.count(t) for t in tokens] == [_findall_count(texts, t) for t in tokens]


def test_hand_picked_cases():
    texts = ["Acme's drug; Acme’s; Acme's.", "xAcme's Acme'sx a-a-a Acme. Acme.b", "Acme's"]
    for token, expected in [("Acme's", 3), ("a-a", 1), ("Acme.", 1), ("'s", 4), ("Acme", 7)]:
        assert _TokenCounts(texts, candidates=["Acme's"]).count(token) == expected == _findall_count(texts, token)


class _CountingTexts(list):
    def __init__(self, items):
        super().__init__(items)
        self.passes = 0

    def __iter__(self):
        self.passes += 1
        return super().__iter__()


def test_one_pass_over_the_texts_for_all_candidates():
    texts = _CountingTexts([f"Name{i}'s trial and Name{i}'s drug" for i in range(50)])
    tokens = [f"Name{i}'s" for i in range(50)]
    counts = _TokenCounts(texts, candidates=tokens)
    assert [counts.count(t) for t in tokens] == [2] * 50
    assert texts.passes == 1
