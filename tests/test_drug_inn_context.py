"""A lower-case name no dictionary or stem knows is a drug where an INN is written: "BRAND (x)", "CODE (x)",
"x (CODE)", "its KRAS inhibitor x"; an English word in those places is not (extractors/drugs.py unlisted_inn)."""
from __future__ import annotations

import pytest

from test_extractors import announce
from trialgraph.extractors.drugs import unlisted_inn
from trialgraph.normalize import name_key

LEAD = "an update on its pipeline."


def groups(*paragraphs: str) -> list[set[str]]:
    return [{name_key(n) for n in (d.name, *(a.name for a in d.aliases))} for d in announce(*paragraphs, lead=LEAD).drugs]


@pytest.mark.parametrize("paragraph, names", [
    ("The FDA accepted the New Drug Application for ZX-417 (quorvadelan) in patients with myelofibrosis.", {"zx417", "quorvadelan"}),
    ("The FDA accepted the New Drug Application for quorvadelan (ZX-417) in patients with myelofibrosis.", {"zx417", "quorvadelan"}),
    ("ZENTRAVA (quorvadelan) is approved in the United States for adults with myelofibrosis.", {"zentrava", "quorvadelan"}),
    ("ZX-418 (velmomeran quenalipid) is studied in a Phase 2 trial in patients with propionic acidemia.", {"zx418", "velmomeranquenalipid"}),
])
def test_a_new_name_in_the_inn_position_is_the_drug(paragraph, names):
    assert names in groups(paragraph)


def test_a_new_name_after_a_class_noun_is_a_drug():
    found = groups("Zentrix Bio is developing its oral SERD pelzorestan, which is studied in a Phase 2 trial in "
                   "patients with breast cancer.")
    assert {"pelzorestan"} in found


@pytest.mark.parametrize("paragraph", [
    "ZX-419 (monotherapy) was studied in a Phase 2 trial in patients with myelofibrosis.",
    "Patients received a bispecific (ZX-420) in a Phase 1 trial.",
    "ZX-421 is an oral BTK degrader, for the treatment of lymphoma in a Phase 1 trial.",
    "Patients who failed chemoimmunotherapy (ABC24) were enrolled in a Phase 2 trial of ZX-422.",
])
def test_an_english_word_in_the_inn_position_is_no_drug(paragraph):
    named = set().union(*groups(paragraph))
    assert not named & {"monotherapy", "bispecific", "degrader", "chemoimmunotherapy"}


@pytest.mark.parametrize("word, expected", [
    ("quorvadelan", True), ("tablets", False), ("placebo", False), ("degrader", False), ("chemoimmunotherapy", False),
    ("myelofibrosis", False), ("pembrolizumab", False),  # a dictionary drug is found by the dictionary, not this cue
    ("zentaretug", False),  # a stem names it already
])
def test_unlisted_inn(word, expected):
    assert unlisted_inn(word) is expected


def test_english_word_list_matches_its_generator():
    pytest.importorskip("wordfreq")
    from importlib import resources

    from trialgraph.tools import gen_english_words

    shipped = resources.files("trialgraph.lexicons").joinpath("english_words.txt.gz").read_bytes()
    assert gen_english_words.render(gen_english_words.build_words()) == shipped
