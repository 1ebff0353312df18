"""Phrasings of the genres the shared corpora hold least of (quarterly business
updates with a pipeline section, big-pharma results releases, news rewrites),
written anew with invented names. Each test names the construction it covers;
tests/data/genres/ holds three whole invented releases of these genres."""
from __future__ import annotations

from pathlib import Path

import pytest

from trialgraph.extractors import extract
from trialgraph.extractors.text import indication_after, names_disease
from trialgraph.model import Document
from trialgraph.segment import Zone, segment

from test_extractors import announce, is_drug

GENRES = Path(__file__).parent / "data" / "genres"


def _trial(extraction, name):
    found = [t for t in extraction.trials if t.name == name]
    assert len(found) == 1, [(t.name, t.phase, t.drug) for t in extraction.trials]
    return found[0]


@pytest.mark.parametrize("sentence, name, phase", [
    ("Dosing continues in the Phase 1/2 (TIDEWAY) trial of ACM-204 in patients with follicular lymphoma.", "TIDEWAY", "1/2"),
    ("ACM-204 is being studied in a Phase 1 (ORCHID-201) trial in patients with follicular lymphoma.", "ORCHID-201", "1"),
    ("The company initiated a Phase 2 trial, or CASCADE-1, of ACM-204 for follicular lymphoma.", "CASCADE-1", "2"),
    ("In the Phase 3 Meridia-2 study, ACM-204 extended survival in follicular lymphoma.", "Meridia-2", "3"),
])
def test_a_study_name_in_parentheses_apposition_or_title_case_is_the_trials_name(sentence, name, phase):
    ex = announce(sentence, lead="an update on ACM-204, its lead candidate.")
    trial = _trial(ex, name)
    assert trial.phase == phase and is_drug(ex, trial.drug, "ACM-204")


def test_the_drug_after_of_in_a_name_apposition_is_the_studied_drug_not_a_partner():
    ex = announce(
        "Zelatinib (ACM-101) completed its Phase 3 HALCYON-2 trial in mantle cell lymphoma.",
        "The company initiated a Phase 2 trial, or CASCADE-1, of ACM-310 in combination with rituximab "
        "for marginal zone lymphoma.",
    )
    assert is_drug(ex, _trial(ex, "CASCADE-1").drug, "ACM-310")


def test_a_study_for_a_drug_is_that_drugs_study():
    ex = announce(
        "Zelatinib (ACM-101) is in a Phase 2 trial in mantle cell lymphoma.",
        "The company is also conducting a Phase 1a dose escalation study for ACM-900, its second candidate, "
        "in advanced solid tumors.",
    )
    trials = {(t.drug, t.phase) for t in ex.trials}
    assert any(is_drug(ex, drug, "ACM-900") and phase == "1" for drug, phase in trials), trials


def test_each_study_listed_after_a_plural_phase_phrase_takes_its_phase():
    ex = announce(
        "The company is conducting three registrational Phase 3 trials: the HALCYON-2 study of zelatinib in "
        "relapsed mantle cell lymphoma; the HALCYON-3 study in previously untreated mantle cell lymphoma; "
        "and the HALCYON-4 study in chronic lymphocytic leukemia.",
    )
    for name in ("HALCYON-2", "HALCYON-3", "HALCYON-4"):
        assert _trial(ex, name).phase == "3"
    assert _trial(ex, "HALCYON-4").indication == "chronic lymphocytic leukemia"


@pytest.mark.parametrize("sentence", [
    "The glucagon-like peptide-1 (GLP-1) study arms enrolled 40 patients with obesity.",
    "The Phase 2 STRIDE study sites enrolled 40 patients with obesity.",
])
def test_a_defined_term_or_a_study_noun_modifying_another_noun_names_no_study(sentence):
    ex = announce(sentence)
    assert not [t for t in ex.trials if t.name in ("GLP-1", "STRIDE")]


@pytest.mark.parametrize("word, disease", [
    ("IgA nephropathy", True), ("diabetic retinopathy", True), ("chemotherapy-induced neutropenia", True),
    ("hemophilia A", True), ("fibromyalgia", True), ("macular degeneration", True), ("CML", True),
    ("sympathy", False), ("nostalgia", False), ("telepathy", False),
])
def test_medical_word_endings_name_a_condition(word, disease):
    assert names_disease(word) is disease


@pytest.mark.parametrize("tail, expected", [
    (" in advanced solid tumors in early 2027.", "advanced solid tumors"),
    (" in IgA nephropathy next year.", "IgA nephropathy"),
    (" in IgA nephropathy later this year.", "IgA nephropathy"),
])
def test_a_time_after_the_population_ends_it(tail, expected):
    assert indication_after(tail) == expected


def test_an_about_heading_glued_to_its_first_sentence_opens_an_about_section():
    text = (
        "Acme Oncology Starts Phase 3 Trial\n\n"
        "BOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- Acme Oncology today announced a trial start.\n\n"
        "References:\n\n1. Roe J, et al. A review. J Clin Oncol. 2020;1:1-2.\n\n"
        "About Acme Oncology Acme Oncology (NASDAQ: ACME) is a clinical-stage company. The company is "
        "conducting a Phase 3 trial, or ORBIT-2, of ACM-550 for chronic myeloid leukemia.\n"
    )
    sentences = segment(Document("acme-2021-03-03", "acme-2021-03-03.txt", text))
    about = [s for s in sentences if "ORBIT-2" in s.clean]
    assert about and about[0].zone is Zone.ABOUT and about[0].section == "Acme Oncology"
    ex = extract(Document("acme-2021-03-03", "acme-2021-03-03.txt", text))
    assert _trial(ex, "ORBIT-2").phase == "3"


def _release(name: str):
    return extract(Document(name, name + ".txt", (GENRES / f"{name}.txt").read_text()))


def test_quarterly_update_pipeline_section_gives_each_study_its_drug_phase_and_name():
    ex = _release("quarterly-update")
    expected = {
        "HALCYON-2": ("velorinib", "3"), "HALCYON-3": ("velorinib", "3"), "HALCYON-4": ("velorinib", "3"),
        "TIDEWAY": ("VNT-204", "1/2"), "CASCADE-1": ("VNT-310", "2"),
    }
    for name, (drug, phase) in expected.items():
        trial = _trial(ex, name)
        assert is_drug(ex, trial.drug, drug) and trial.phase == phase, (name, trial.drug, trial.phase)
    unnamed = [t for t in ex.trials if t.name is None]
    assert [(t.phase, t.indication) for t in unnamed if is_drug(ex, t.drug, "VNT-450")] == [("1", "advanced solid tumors")]


def test_news_rewrite_and_results_release_name_their_title_case_studies():
    rewrite = _release("news-rewrite")
    assert _trial(rewrite, "Meridia-2").phase == "2"
    assert {t.indication for t in rewrite.trials} == {"IgA nephropathy"}
    results = _release("pharma-results")
    assert is_drug(results, _trial(results, "Aurelia-3").drug, "KST-882")
    assert _trial(results, "ORBITAL-5").phase == "3"


def test_a_population_after_of_patients_with_is_the_indication_not_the_measure_before_it():
    assert indication_after(" in the urine of patients with IgA nephropathy compared with placebo") == "IgA nephropathy"
