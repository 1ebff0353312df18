"""Trial lines on unseen releases (issue 13), fourth round: constructions that generalise beyond the tuning sets.
Every name is invented; each case is probed in more than one word order, tense or voice."""
from __future__ import annotations

import pytest

from test_trial_constructions import trials


@pytest.mark.parametrize("sentence", [
    "We plan a Phase 2 study in diabetic macular edema, MERIDIAN-DME, later this year.",
    "A Phase 2 trial in diabetic macular edema, dubbed MERIDIAN-DME, is due to read out in mid-2026.",
    "Zentrix started a Phase 2 trial in diabetic macular edema, called MERIDIAN-DME, in March.",
    "The company had opened a Phase 2 study of ZX-101 in diabetic macular edema, MERIDIAN-DME, which enrolled 90 adults.",
])
def test_a_name_in_apposition_after_a_singular_studys_population_names_it(sentence):
    found = trials("ZX-101 is an oral drug for retinal disease.", sentence)
    assert ("ZX-101", "2", "MERIDIAN-DME") in found
    assert found[("ZX-101", "2", "MERIDIAN-DME")] == "diabetic macular edema"


@pytest.mark.parametrize("sentence", [
    # a list of diseases, not a name: the word after the comma goes on with "and"
    "Zentrix runs a Phase 2 trial in lupus, SLE and Sjogren's syndrome.",
    # an adjective phrase goes on after the word
    "Zentrix began a Phase 1 study of ZX-101 in patients with solid tumors, KRAS-mutant or not, last year.",
    # an agency after the comma is who said it
    "ZX-101 is being tested in a Phase 2 trial in patients with lupus, FDA said.",
])
def test_what_follows_a_population_after_a_comma_is_not_always_a_name(sentence):
    found = trials("ZX-101 is an oral drug.", sentence)
    assert [key for key in found if key[0] == "ZX-101" and key[2] is not None] == []
