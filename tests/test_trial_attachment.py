"""Which drug a trial belongs to in a release about several drugs (issue 13): the drug its own
phrase names, else the drug of its clause, else the paragraph's, section's or heading's drug,
else the release's main drug; partners, comparators and a population's prior therapies never.
Every name is invented."""
from __future__ import annotations

import pytest

from test_extractors import make_release, run

LEAD = ("Zentrix Bio, Inc. (NASDAQ: ZTX), a clinical-stage company, today announced an update on its programs "
        "ZX-101, an anti-PD-1 antibody, and ZX-202, an oral kinase inhibitor.")


def trials(*paragraphs: str) -> set[tuple]:
    text = make_release(LEAD, *paragraphs, headline="Zentrix Bio Announces Pipeline Update",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    return {(t.drug, t.phase) for t in run(text, "zentrix-2026-01-05").trials}


@pytest.mark.parametrize("paragraphs", [
    # the drug the trial's own phrase names
    ("ZX-101 is approved in melanoma.", "The company initiated a Phase 2 trial of ZX-202 in gastric cancer."),
    ("ZX-101 is approved in melanoma.", "Enrollment in ZX-202's Phase 2 study in gastric cancer is complete."),
    ("ZX-101 is approved in melanoma.", "The company began a Phase 2 study in gastric cancer with ZX-202."),
    ("A Phase 2 trial of ZX-202 in combination with ZX-101 in gastric cancer is enrolling.",),
    # the drug of the trial's own clause
    ("ZX-101 is approved in melanoma.", "In the Phase 2 study, patients with gastric cancer received ZX-202 once daily."),
    ("ZX-101 is approved in melanoma.",
     "Patients with gastric cancer are enrolling in the Phase 2 HORIZON-7 study, which tests ZX-202 at two doses."),
    ("Results with ZX-101 were strong.", "Zentrix Bio will start a Phase 2 trial next year to evaluate ZX-202 in gastric cancer."),
    # the paragraph's drug, over one another clause names
    ("ZX-202 is an oral kinase inhibitor. Its Phase 2 study in gastric cancer is enrolling, while ZX-101 is approved in melanoma.",),
    ("ZX-101 is approved in melanoma.",
     "ZX-202 is an oral kinase inhibitor. A Phase 2 study in gastric cancer is enrolling, and ZX-101 data are expected in 2027."),
    # a paragraph opening on its study names the drug as the next sentence's subject
    ("ZX-101 is approved in melanoma.", "The Phase 2 HORIZON-7 trial met its primary endpoint. ZX-202 reduced the risk of progression."),
    # the section's drug
    ("ZX-101 is approved in melanoma.", "About ZX-202\n\nZX-202 is an oral kinase inhibitor. A Phase 2 trial in gastric cancer is ongoing."),
])
def test_a_trial_belongs_to_the_drug_its_phrase_clause_or_paragraph_names(paragraphs):
    assert trials(*paragraphs) == {("ZX-202", "2")}


def test_a_therapy_the_population_progressed_on_is_not_the_trials_drug():
    found = trials("ZX-202 is an oral kinase inhibitor. A Phase 2 trial in patients whose cancer progressed on "
                   "ZX-101 is enrolling.")
    assert found == {("ZX-202", "2")}


def test_a_drug_named_as_what_a_candidate_improves_on_is_not_the_trials_drug():
    found = trials("ZX-202 is an oral kinase inhibitor. ZX-202 was designed for once-weekly dosing.",
                   "The company started a Phase 2 trial of a next-generation ZX-101 drug candidate in gastric cancer.")
    assert found == {("ZX-202", "2")}
