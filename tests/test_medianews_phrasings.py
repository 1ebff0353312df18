"""Phrasings of medical-news articles that rewrite a release or a congress presentation
(tests/heldout_medianews), written anew with invented names."""
from __future__ import annotations

from test_extractors import run

ARTICLE = "Zentrix Drug Extends Survival in Lung Cancer\n\n{}\n"


def test_the_drug_added_to_a_backbone_is_the_trials_drug_not_the_backbone():
    ex = run(ARTICLE.format(
        "The addition of the oral MET/AXL inhibitor zelvatinib (ZX-101) to docetaxel improved median "
        "progression-free survival to 7.2 months in patients with previously treated non-small cell lung cancer, "
        "according to findings from the phase 3 ZEPHYR-3 trial presented at a congress. The objective response "
        "rate was 34% with the combination."))
    assert {(t.drug, t.phase) for t in ex.trials} == {("ZX-101", "3")}
    # "improved median PFS to 7.2 months": the level the combination reached is its figure (FACTS.md), and the drug's
    assert {(r.drug, r.endpoint, r.value) for r in ex.results} == {("ZX-101", "ORR", 34), ("ZX-101", "mPFS", 7.2)}


def test_adding_a_drug_to_a_backbone_in_a_headline_style_sentence():
    ex = run(ARTICLE.format(
        "Adding zelvatinib to docetaxel produced an objective response rate of 31% in the phase 2 ZEPHYR-2 study."))
    assert {(t.drug, t.phase) for t in ex.trials} == {("zelvatinib", "2")}


def test_a_capitalised_study_name_that_a_dictionary_brand_spells_is_no_drug():
    # "VESTRA" is a brand in the drug dictionary; written as the study's name it is the trial, not a drug
    ex = run(ARTICLE.format(
        "ZX-101 produced an objective response rate of 40% in the phase 2 VESTRA trial.\n\n"
        "VESTRA (NCT01234567) is a single-arm phase 2 study enrolling adults with relapsed lymphoma."))
    assert "VESTRA" not in {d.name for d in ex.drugs}
    assert {(t.drug, t.name) for t in ex.trials} == {("ZX-101", "VESTRA")}


def test_an_arm_defined_by_a_past_therapy_exemplified_is_given_the_studied_drug():
    ex = run(ARTICLE.format(
        "ZX-101 is being studied in the phase 2 ZEPHYR-2 trial. The study enrolled patients into 2 arms: arm A included "
        "patients without prior cell therapy, and arm B included patients who had relapsed after an approved autologous "
        "CAR T-cell product such as axicabtagene ciloleucel or lisocabtagene maraleucel.\n\n"
        "In arm A, the ORR was 76%; in arm B, the ORR was 63%."))
    assert {(c.drug, c.label) for c in ex.cohorts} == {("ZX-101", "A"), ("ZX-101", "B")}
    assert {(r.drug, r.cohort, r.value) for r in ex.results} == {("ZX-101", "A", 76), ("ZX-101", "B", 63)}


def test_an_affiliation_with_a_city_and_a_second_role_still_splits_title_and_institution():
    ex = run(ARTICLE.format(
        '"This fills a gap," said Mara Okonkwo, MD, director of the lymphoma program at Fairhaven Cancer Institute '
        "in Boston and the study's principal investigator."))
    assert {(p.name, p.role, p.organization) for p in ex.people} == {
        ("Mara Okonkwo", "director of the lymphoma program", "Fairhaven Cancer Institute")}
