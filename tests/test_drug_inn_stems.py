"""INNs no dictionary lists yet, recognised by the WHO stem their name ends with (lexicons/inn_stems.txt)."""
from __future__ import annotations

import pytest

from test_extractors import announce
from trialgraph import lexicons
from trialgraph.extractors.drugs import is_inn
from trialgraph.normalize import name_key


def _stems_file() -> list[str]:
    return lexicons._lines("inn_stems.txt")


@pytest.mark.parametrize("word", [
    "zentaretug",      # -tug: unmodified immunoglobulin
    "velocimig",       # -mig: multi-specific immunoglobulin
    "orlavameran",     # -meran: messenger RNA
    "brexafusp",       # -fusp: fusion protein
    "zoranacopan",     # -copan: complement inhibitor
    "kestrigepant",    # -gepant: CGRP receptor antagonist
    "temazidorexant",  # -orexant: orexin receptor antagonist
    "zelvotemcel",     # -temcel: stem-cell therapy
    "lumaparovec",     # -vec: gene therapy vector
])
def test_a_new_inn_with_a_who_stem_is_an_inn(word):
    assert is_inn(word)


@pytest.mark.parametrize("word", ["vigilant", "carbamate", "cholesterol", "chaperone", "wolverine", "mongrel", "cancel",
                                  "government", "endocrine", "interleukin", "testosterone", "maximus"])
def test_english_words_ending_like_rejected_stems_are_not_inns(word):
    assert not is_inn(word)


def test_the_stem_file_holds_no_stem_the_project_list_already_covers():
    own = lexicons._lines("drug_stems.txt")
    assert not [s for s in _stems_file() if any(s.endswith(o) for o in own)]


def test_no_frequent_english_word_ends_with_a_who_stem():
    wordfreq = pytest.importorskip("wordfreq")
    from trialgraph.lexicons.drug_names import lexicon

    names = lexicon().entries
    stems = tuple(_stems_file())
    clashes = [w for w in wordfreq.top_n_list("en", 200000)
               if len(w) >= 6 and w.isalpha() and w not in names and w.endswith(stems) and wordfreq.zipf_frequency(w, "en") >= 2.0]
    assert clashes == []


def test_a_stem_named_antibody_is_the_drug_its_code_names():
    found = announce("ZX-310 (zentaretug) is studied in a Phase 1 trial in patients with solid tumors.",
                     lead="first patient dosed in the Phase 1 trial of ZX-310 (zentaretug).").drugs
    assert [sorted(name_key(n) for n in (d.name, *(a.name for a in d.aliases))) for d in found] == [["zentaretug", "zx310"]]
