"""literals.py finds what the equivalent regular expressions find, in the same order."""
from __future__ import annotations

import random
import re

import pytest

from trialgraph.extractors.literals import Alternation, has_word, word_ends

ALPHABET = ["Zentrix", "Zen", "Bio", "ZX-101", "ZX", "101", "-", "_", " ", " ", ",", "'s", "é", "²", "Ⅳ", "a", "(", ")"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 25))) for _ in range(count)]


def _pattern(names) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?P<co>" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@pytest.mark.parametrize("name", ["Zentrix", "Zen", "ZX-101", "101", "é", "Zentrix Bio", ""])
def test_word_ends_are_res_match_ends(name):
    for text in _texts(3000, seed=5):
        expected = [m.end() for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text)]
        assert list(word_ends(name, text)) == expected, text
        assert has_word(name, text) == bool(expected)


@pytest.mark.parametrize("names", [("Zentrix Bio", "Zentrix", "Zen"), ("Zen", "Zentrix"), ("ZX-101", "ZX", "Bio"),
                                   ("Bio",)])
def test_alternation_finds_what_the_pattern_finds(names):
    alternation, pattern = Alternation(names), _pattern(names)
    for text in _texts(3000, seed=9):
        assert [(m.group("co"), m.start(), m.end()) for m in alternation.finditer(text)] == \
               [(m.group("co"), m.start(), m.end()) for m in pattern.finditer(text)], text
        for pos in range(len(text) + 2):
            ours, theirs = alternation.match(text, pos), pattern.match(text, pos)
            assert (ours and (ours.group("co"), ours.end())) == (theirs and (theirs.group("co"), theirs.end())), \
                (text, pos)


def test_an_empty_name_is_refused():
    with pytest.raises(ValueError):
        Alternation(("Zentrix", ""))
