"""The word walk of DrugNames finds exactly what its reference pattern finds."""
import random

import pytest

from trialgraph.extractors.drug_names import DrugNames

FORMS = ["ZX-101", "zentrimab", "Zentrimab Pegol", "ZX101 XR", "zentrimab/velocimab", "QR 7.5", "Velo", "VELOCIMAB",
         "ab", "Zentrix-cel"]
PIECES = ["ZX", "zx", "Zx", "101", "10", "1011", "-", " ", "  ", "/", " / ", "zentrimab", "ZENTRIMAB", "pegol", "Pegol",
          "velocimab", "Velo", "velo", "xr", "XR", "QR", "7.5", "7", ".", "5", "mg", "MG", " mg", "mCi", "ab", "AB",
          "cel", "_", ",", "(", ")", "a", "e", "\t", "3.5 mg", "s"]
RARE = ["é", "ſ", "K", "İ", "ı"]  # non-ASCII: re.IGNORECASE folds "ſ" to "s", "K" to "k"


def _random_text(rng: random.Random, forms: list[str]) -> str:
    pieces = []
    for _ in range(rng.randint(1, 25)):
        roll = rng.random()
        if roll < 0.3:  # a form as written, upper- or lower-cased, or cut short
            form = rng.choice(forms)
            pieces.append(rng.choice([form, form.upper(), form.lower(), form[: rng.randint(1, len(form))]]))
        else:
            pieces.append(rng.choice(RARE) if roll < 0.33 else rng.choice(PIECES))
    return "".join(pieces)


def _spans(names: DrugNames, text: str) -> list[tuple[int, int]]:
    return list(names.spans(text))


def _reference(names: DrugNames, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in names.pattern.finditer(text)]


@pytest.mark.parametrize("seed", range(8))
def test_walk_matches_pattern_on_random_text(seed):
    rng = random.Random(seed)
    for _ in range(400):
        forms = rng.sample(FORMS, rng.randint(1, 5))
        names = DrugNames({f: f for f in forms})
        text = _random_text(rng, forms)
        assert _spans(names, text) == _reference(names, text), (forms, text)


@pytest.mark.parametrize("text, expected", [
    ("Zentrix Bio doses ZX 101 and zx-101 and ZX101.", ["ZX 101", "zx-101", "ZX101"]),
    ("ZX-1011 and ZX-101-2 are not ZX-101", ["ZX-101"]),  # a longer code is another drug
    ("zentrimab pegol and Zentrimab", ["zentrimab pegol", "Zentrimab"]),  # the longest form first
    ("given as zentrimab / velocimab", ["zentrimab / velocimab"]),
    ("Velo3.5 mg daily; Velo3 was dropped", ["Velo"]),  # a dose glued to a name ends it
])
def test_walk_finds_forms_as_words(text, expected):
    names = DrugNames({f: f for f in FORMS})
    assert [text[s:e] for s, e in _spans(names, text)] == expected
    assert _spans(names, text) == _reference(names, text)


def test_non_ascii_text_is_walked_unless_a_letter_folds_to_ascii():
    names = DrugNames({"Velo": "Velo", "Sika": "Sika"})
    assert _spans(names, "Vélo and VELO, naïve") == [(9, 13)]
    assert names._pattern is None  # é folds to no ASCII letter: walked
    assert _spans(names, "\u017fi\u212aa and Sika") == _reference(names, "\u017fi\u212aa and Sika") == [(0, 4), (9, 13)]


def test_the_list_of_characters_folding_to_ascii_is_complete():
    import re
    import sys

    from trialgraph.extractors.drug_names import _FOLDS_TO_ASCII

    letter = re.compile("[a-z]", re.I)
    folding = {c for c in map(chr, range(128, sys.maxunicode + 1))
               if len(c.lower()) != 1 or c.lower().isascii() or letter.match(c)}
    assert folding == set(_FOLDS_TO_ASCII)


def test_a_form_without_letters_or_digits_falls_back_to_the_pattern():
    names = DrugNames({"®": "x", "Velo": "Velo"})
    assert _spans(names, "Velo") == _reference(names, "Velo")


def test_walk_matches_pattern_on_every_text_extraction_asks_about(shared, monkeypatch):
    """Every (release forms, text) pair a corpus build looks up, checked against the pattern."""
    from trialgraph.extractors import extract
    from trialgraph.ingest import read_document

    walk = DrugNames.spans
    checked = []

    def compared(self, text):
        found = list(walk(self, text))
        assert found == _reference(self, text), (self.forms, text)
        checked.append(bool(found))
        return iter(found)

    monkeypatch.setattr(DrugNames, "spans", compared)
    for folder in ("seeds", "dev", "real"):
        for path in sorted((shared / "corpus" / folder).glob("*.txt")):
            extract(read_document(path))
    assert sum(checked) > 100  # the corpus names its drugs: the comparison saw real matches
