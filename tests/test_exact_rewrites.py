"""Patterns rewritten for speed find exactly what their plain forms found.

Each rewrite (a lookbehind the engine can reject early, a class instead of a
lookbehind, string methods instead of a regex) claims the same matches; these
tests hold the claim on random text over the alphabet the patterns care about."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from trialgraph.extractors import drugs
from trialgraph.extractors.abbreviations import _words_before
from trialgraph import segment


def _texts(alphabet: str, max_size: int = 60):
    return st.text(alphabet=alphabet, max_size=max_size)


@settings(max_examples=400, deadline=None)
@given(_texts("ab .;:()[]\n-"))
def test_words_before_is_the_tail_after_the_last_clause_mark(text):
    assert _words_before(text) == re.search(r"[^.;:()\[\]]*$", text).group(0)


_PLAIN_LONG_FORM = re.compile(r"(?P<long>(?:[a-z][a-z-]*\s+){1,5}[a-z][a-z-]*)\s*\(\s*(?P<abbr>[A-Z][A-Z0-9-]{1,10})\s*\)")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["ab", "c", "-", " ", "  ", "(", ")", "AB", "X1", "mRNA", "-based", "\n", "Q"]), max_size=25))
def test_long_form_lookbehind_keeps_every_match(parts):
    text = "".join(parts)
    assert [(m.span(), m.groupdict()) for m in drugs.LONG_FORM.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in _PLAIN_LONG_FORM.finditer(text)]


def test_long_form_still_starts_inside_a_hyphenated_word():
    # "mRNA-based therapy": no long form can start at "m", so it starts after the hyphen
    match = drugs.LONG_FORM.search("an mRNA-based therapy (MBT)")
    assert match.group("long") == "based therapy" and match.group("abbr") == "MBT"


_PLAIN_GLUED = re.compile(r"(?<=[a-z])(?=(?:On|In|The|This|These|Today|At|As|For|Our|We|Earlier|Last|During|After|Since|With)\s)")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "On", "The", "In", " ", "\n", "X", "Today", "yIn"]), max_size=20),
       st.integers(0, 10), st.integers(0, 40))
def test_glued_heading_cuts_where_the_lookbehind_did(parts, start, end):
    clean = "".join(parts)
    end = min(max(end, start + 1), len(clean))
    if start >= end:
        return
    expected = [m.start() for m in _PLAIN_GLUED.finditer(clean, start + 1, end)]
    bounds = [start, *expected, end]
    want = [(a, b) for a, b in zip(bounds, bounds[1:]) if clean[a:b].strip()] if expected else [(start, end)]
    assert segment._unglue(clean, start, end) == want


@settings(max_examples=600, deadline=None)
@given(_texts("a*_ \n.-", max_size=40))
def test_emphasis_blanked_where_the_plain_substitution_blanked(text):
    from trialgraph import normalize

    assert normalize._blank_emphasis(text) == normalize._EMPHASIS.sub(normalize._blank, text)


@settings(max_examples=300, deadline=None)
@given(_texts("(TMRC)™®©℠ a", max_size=30))
def test_trademark_symbols_blanked_as_by_the_class(text):
    from trialgraph import normalize

    assert normalize._TRADEMARK.sub("#", text) == re.sub(r"\((?:TM|R|C)\)|[™®©℠]", "#", text)


@settings(max_examples=400, deadline=None)
@given(_texts("ABCDEFGa1 -_é", max_size=40))
def test_acronyms_found_as_by_the_word_boundaries(text):
    from trialgraph.extractors import abbreviations

    assert abbreviations._ACRONYM.findall(text) == re.findall(r"\b[A-Z]{2,6}\b", text)


_PLAIN_HUGE_NUMBER = re.compile(r"(?<![\w.])\d{16,}|(?<![\w.])\d+(?:\.\d+)?[eE][+-]?\d{3,}(?!\w)")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["1234567890", "123456", "7", ".", "e", "E+", "-", "999", " ", "x", "١٢"]), max_size=12))
def test_huge_numbers_found_as_by_the_lookbehind_pattern(parts):
    from trialgraph import ingest

    text = "".join(parts)
    assert ingest._HUGE_NUMBER_RE.findall(text) == _PLAIN_HUGE_NUMBER.findall(text)
    found, plain = ingest._HUGE_NUMBER_RE.search(text), _PLAIN_HUGE_NUMBER.search(text)
    assert (found and found.span()) == (plain and plain.span())


@settings(max_examples=600, deadline=None)
@given(_texts("\u00c2\u00df\u00e0\u00ef\u00f0\u00f4\u00f5\u0080\u00bf\u2019\u20aca", max_size=12))
def test_mojibake_found_as_by_the_three_classes(text):
    from trialgraph import ingest

    cont = ingest._CONT
    plain = re.compile(f"[\u00c2-\u00df][{cont}]|[\u00e0-\u00ef][{cont}]{{2}}|[\u00f0-\u00f4][{cont}]{{3}}")
    assert [m.span() for m in ingest._MOJIBAKE_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]
