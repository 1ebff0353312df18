"""ascii_punct returns an ASCII text as it is: it folds only characters outside ASCII."""
from trialgraph.normalize import _DASHES, ascii_punct


def test_only_characters_outside_ascii_are_folded():
    assert all(code > 127 for code in _DASHES)


def test_ascii_text_is_its_own_folding_and_other_text_is_folded():
    plain = "Zentrix Bio's ZX-101 -- a Phase 2 \"study\" (5 mg/m2)"
    assert ascii_punct(plain) == plain
    assert ascii_punct("ZX\u2013101 \u201cstudy\u201d 5 mg/m\u00b2, 3 \u00b5g") == 'ZX-101 "study" 5 mg/m2, 3 ug'
    assert len(ascii_punct("caf\u00e9 \u2014 x")) == len("caf\u00e9 \u2014 x")
