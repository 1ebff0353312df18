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
    ("A Phase 2 trial of zentaxel with or without ZX-202 in gastric cancer is enrolling.",),
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


@pytest.mark.parametrize("sentence", [
    "A Phase 2 trial versus zentaxel in gastric cancer began.",
    "The Phase 2 trial compared it with zentaxel in gastric cancer.",
    "The Phase 2 trial randomized patients with gastric cancer to it or to standard-of-care zentaxel.",
])
def test_a_comparator_alone_in_the_trials_sentence_is_not_its_drug(sentence):
    assert trials("ZX-101 is approved in melanoma.", "ZX-202 is an oral kinase inhibitor. " + sentence) == {("ZX-202", "2")}


def test_a_therapy_the_population_progressed_on_is_not_the_trials_drug():
    found = trials("ZX-202 is an oral kinase inhibitor. A Phase 2 trial in patients whose cancer progressed on "
                   "ZX-101 is enrolling.")
    assert found == {("ZX-202", "2")}


def test_a_drug_named_as_what_a_candidate_improves_on_is_not_the_trials_drug():
    found = trials("ZX-202 is an oral kinase inhibitor. ZX-202 was designed for once-weekly dosing.",
                   "The company started a Phase 2 trial of a next-generation ZX-101 drug candidate in gastric cancer.")
    assert found == {("ZX-202", "2")}


@pytest.mark.parametrize("written, phase", [
    ("Phase 1b/Phase 2", "1/2"),
    ("Phase Ib/Randomized Phase II", "1/2"),
    ("Phase 2/Phase 3", "2/3"),
    ("Phase 1 and 2", "1/2"),
    ("Phase I to II", "1/2"),
    ("Phase Ib/II", "1/2"),
    ("Phase 1b/2a", "1/2"),
    ("Phase IIb", "2b"),
    ("phase 2/3", "2/3"),
    ("Phase Two", "2"),
    ("phase-2b", "2b"),
    ("Phase III-B", "3"),
])
def test_a_combined_phase_written_out_twice_is_one_studys_phase(written, phase):
    assert trials(f"A {written} trial of ZX-202 in gastric cancer began.") == {("ZX-202", phase)}


def test_two_phases_before_a_plural_noun_are_two_studies():
    assert trials("ZX-202 completed Phase 1 and Phase 2 trials in gastric cancer.") == {("ZX-202", "1"), ("ZX-202", "2")}


def test_a_study_named_before_a_phase_written_out_twice_keeps_its_name():
    text = make_release(LEAD, "ZX-202 completed a Phase Ib/II combination trial in metastatic gastric cancer (ZX006).",
                        "ZX007 is a new Phase Ib/Randomized Phase II, open label study to assess ZX-202 in lung cancer.",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    found = {(t.name, t.phase) for t in run(text, "zentrix-2026-01-05").trials}
    assert found == {("ZX006", "1/2"), ("ZX007", "1/2")}


def _cohorts(*paragraphs: str):
    text = make_release(LEAD, *paragraphs, headline="Zentrix Bio Announces Pipeline Update",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    extraction = run(text, "zentrix-2026-01-05")
    drug_of = {t.local_id: t.drug for t in extraction.trials}
    return {(t.drug, t.name) for t in extraction.trials}, {c.label: drug_of[c.trial] for c in extraction.cohorts}


@pytest.mark.parametrize("sentence", [
    "The Phase 1 HORIZON-7 study enrolled Cohort 1 (ZX-202 10 mg) and Cohort 2 (ZX-101 20 mg).",
    "In the Phase 1 HORIZON-7 trial of ZX-202, Cohort 1 received ZX-202 plus ZX-101 and Cohort 2 received ZX-101.",
    "The Phase 1 HORIZON-7 study has two arms.\n\nZX-202 10 mg daily for 4 weeks (Arm 1; n=24)\n\n"
    "ZX-101 20 mg daily for 4 weeks (Arm 2; n=25)",
    "The Phase 1 HORIZON-7 study has two arms. Arm 1: ZX-202 10 mg daily; Arm 2: ZX-101 20 mg daily.",
])
def test_a_group_naming_its_own_drug_belongs_to_that_drugs_line_of_the_trial(sentence):
    trials, cohorts = _cohorts(sentence)
    assert trials == {("ZX-202", "HORIZON-7"), ("ZX-101", "HORIZON-7")}
    assert cohorts == {"1": "ZX-202", "2": "ZX-101"}


def test_a_control_group_adds_no_line_and_its_drug_is_not_the_trials():
    trials, cohorts = _cohorts("The Phase 2 HORIZON-7 trial compares ZX-202 (Arm A) with ZX-101 (Arm B, control).")
    assert trials == {("ZX-202", "HORIZON-7")}
    assert cohorts == {"A": "ZX-202", "B": "ZX-202"}


def test_a_therapy_a_group_had_before_is_not_its_drug():
    trials, cohorts = _cohorts("The Phase 2 HORIZON-7 trial of ZX-202 enrolled Cohort A, patients previously treated "
                               "with ZX-101, and Cohort B, ZX-101-naive patients.")
    assert trials == {("ZX-202", "HORIZON-7")}
    assert cohorts == {"A": "ZX-202", "B": "ZX-202"}


def test_findings_of_a_phase_name_a_study_of_that_phase():
    found = trials("ZX-202, the company's novel gastric cancer treatment, delivered positive Phase 2b results.",
                   "A global Phase 3 trial of ZX-202 in gastric cancer is set to begin in 2027.")
    assert found == {("ZX-202", "2b"), ("ZX-202", "3")}


def test_a_headlines_phase_data_is_the_study_the_body_describes():
    text = make_release(LEAD, "The Phase 1 HORIZON-7 study of ZX-202 enrolled 30 patients with gastric cancer.",
                        headline="Zentrix Bio Presents Phase 1 Data for ZX-202",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    assert [(t.drug, t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials] == [("ZX-202", "1", "HORIZON-7")]


def test_a_phase_in_parentheses_after_a_studys_name_is_its_phase():
    text = make_release(LEAD, "The HORIZON-7 trial (Phase 3) of ZX-202 in gastric cancer began.",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    assert [(t.drug, t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials] == [("ZX-202", "3", "HORIZON-7")]


def test_a_name_in_apposition_after_a_verb_names_the_study_it_describes():
    text = make_release(LEAD, "ZX-202 is an oral kinase inhibitor. The company now plans to run HORIZON-Gastric-03, a Phase 2 "
                        "trial of about 30 patients with gastric cancer. ZX-202 is also one of the drugs assessed in the "
                        "platform Z-PLAT trial in breast cancer.",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    found = {(t.drug, t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials}
    assert found == {("ZX-202", "2", "HORIZON-Gastric-03"), ("ZX-202", None, "Z-PLAT")}


def test_a_study_said_once_to_be_over_is_not_the_one_the_release_plans():
    found = run(make_release(
        LEAD, "ZX-202 succeeded in a Phase 2 trial in gastric cancer. Previous Phase 2 studies of ZX-202 in gastric "
              "cancer patients showed a benign safety profile.",
        "Zentrix Bio will initiate a Phase 2 clinical trial of ZX-202 in gastric cancer next year.",
        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company."), "zentrix-2026-01-05").trials
    assert [(t.drug, t.phase) for t in found] == [("ZX-202", "2"), ("ZX-202", "2")]


def test_a_kind_of_study_abbreviated_in_parentheses_is_not_its_name():
    text = make_release(LEAD, "ZX-202 is being evaluated in a Phase 2 proof-of-concept (PoC) clinical trial in gastric cancer.",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    assert [(t.drug, t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials] == [("ZX-202", "2", None)]


def test_drugs_coordinated_as_the_subject_of_plural_trials_each_have_their_trials():
    assert trials("ZX-202 and ZX-101 are each being evaluated in Phase 1 trials in solid tumors.") == {
        ("ZX-202", "1"), ("ZX-101", "1")}


@pytest.mark.parametrize("paragraphs", [
    ("The HORIZON-7 trial of ZX-202 enrolled 300 patients with gastric cancer.",
     "The Phase 3 trial met its primary endpoint of overall survival."),
    ("ZX-202 met the primary endpoint in the HORIZON-7 study.",
     "About HORIZON-7\n\nThe Phase 3, randomized study enrolled 300 patients with gastric cancer."),
])
def test_a_named_study_spoken_of_later_as_the_phase_n_trial_is_one_study(paragraphs):
    text = make_release(LEAD, *paragraphs, about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    assert [(t.drug, t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials] == [("ZX-202", "3", "HORIZON-7")]


def test_a_new_study_of_another_phase_is_not_the_named_one():
    text = make_release(LEAD, "The HORIZON-7 trial of ZX-202 met its primary endpoint.",
                        "Zentrix also began a Phase 1 trial of ZX-202 in melanoma.",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    assert {(t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials} == {(None, "HORIZON-7"), ("1", None)}


@pytest.mark.parametrize("sentence, labels", [
    ("the HER2-low cohort showed an ORR of 40%.", {"HER2-low"}),
    ("the 2L cohort showed an ORR of 40% and the 3L+ cohort an ORR of 30%.", {"2L", "3L+"}),
    ("the gastric cancer expansion cohort showed an ORR of 40%.", {"gastric cancer"}),
])
def test_groups_named_by_a_biomarker_a_line_of_therapy_or_a_disease_are_cohorts(sentence, labels):
    text = make_release(LEAD, "In the Phase 1 HORIZON-7 trial of ZX-202, " + sentence,
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    extraction = run(text, "zentrix-2026-01-05")
    assert {c.label for c in extraction.cohorts} == labels
    assert {r.cohort for r in extraction.results} == labels


def test_a_new_named_study_is_not_a_completed_one_of_the_same_phase():
    text = make_release(LEAD, "ZX007 is a new Phase 2 open label study to assess ZX-202 in combination with zentaxel in "
                              "lung cancer, currently in the planning stage.",
                        "An article reported results from a previously completed Phase 2 clinical study of ZX-202 as a "
                        "single agent in patients with advanced lung cancer.",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    found = [(t.drug, t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials]
    assert sorted(found, key=str) == [("ZX-202", "2", "ZX007"), ("ZX-202", "2", None)]


def test_a_name_in_parentheses_after_each_phase_of_a_plural_phrase_is_that_phases_study():
    text = make_release(LEAD, "Data from the Phase 1 (HORIZON-1) and Phase 2 (HORIZON-2) trials of ZX-202 support the "
                              "Phase 3 HORIZON-3 trial.", about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    assert {(t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials} == {
        ("1", "HORIZON-1"), ("2", "HORIZON-2"), ("3", "HORIZON-3")}


def test_a_protocol_code_in_parentheses_names_the_study():
    text = make_release(LEAD, "The randomized Phase II clinical trial of ZX-202 (Study ZX202-201) in gastric cancer met its "
                              "primary endpoint.", about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    assert [(t.drug, t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials] == [("ZX-202", "2", "ZX202-201")]


def test_the_paragraphs_subject_comes_before_the_sections_drug():
    assert trials("About ZX-101\n\nZX-101 is an antibody approved in melanoma. ZX-202, its successor, is an oral drug. "
                  "Its Phase 2 trial in gastric cancer is enrolling.") == {("ZX-202", "2")}


def test_a_paragraph_naming_no_drug_goes_on_about_the_one_drug_of_the_paragraph_before():
    from test_extractors import make_release, run
    text = make_release(
        "Zentrix Bio, Inc. (NASDAQ: ZTX) said the FDA approved ZX-101 for adults with follicular lymphoma.",
        "ZX-101 was studied in ZORVEX-FL, a Phase 2 trial in relapsed follicular lymphoma.",
        "Shares of Quillamar Therapeutics fell after the company disclosed a complete response letter for OV-77, "
        "its gene therapy for Menkes disease.",
        "The pivotal data came from the phase 1/2 TRAVANTE study in boys under five years old.",
        headline="Zentrix Bio Wins Approval for ZX-101", about="")
    found = {t.name: t.drug for t in run(text, "zentrix-2026-01-05").trials}
    assert found["TRAVANTE"] == "OV-77"
    assert found["ZORVEX-FL"] == "ZX-101"


def test_a_partner_named_in_the_paragraph_before_does_not_take_the_study():
    from test_extractors import make_release, run
    text = make_release(
        "Zentrix Bio, Inc. (NASDAQ: ZTX) said the FDA approved ZX-101 for adults with multiple myeloma.",
        "The approval covers use in combination with dexamethasone.",
        "The approval rests on the Phase 2b TRAVANTE study.",
        headline="Zentrix Bio Wins Approval for ZX-101", about="")
    found = {t.name: t.drug for t in run(text, "zentrix-2026-01-05").trials}
    assert found["TRAVANTE"] == "ZX-101"


def test_a_study_in_a_later_clause_takes_the_drug_its_own_clause_names_after_it():
    from test_extractors import make_release, run
    text = make_release(
        "Zentrix Bio, Inc. (NASDAQ: ZTX) reported second-quarter sales of Zentoraz, the brand name for zelatide.",
        "The chief executive said Zentrix Bio would start a Phase 3 trial of ZX-55 in lung cancer next year, and that "
        "the company expected results from the Phase 3 ZORVEX-4 study, which compares Zentoraz head-to-head with "
        "semaglutide in adults with obesity, in 2027.",
        headline="Zentrix Bio Sales Rise", about="")
    found = {(t.drug, t.name) for t in run(text, "zentrix-2026-01-05").trials}
    assert ("ZX-55", None) in found
    assert ("zelatide", "ZORVEX-4") in found


def test_a_study_said_anew_with_its_own_population_is_not_the_named_study_of_a_finer_phase():
    from test_extractors import make_release, run
    text = make_release(
        "Zentrix Bio, Inc. (NASDAQ: ZTX) said ZX-101 failed in a phase 3 trial in systemic sclerosis.",
        "The company had pinned its hopes on ZX-101 after a phase 2b study, ZORVEX, showed a clear benefit in 2023.",
        "The company also has a phase 2 trial of ZX-101 in morphea and a phase 1 study of ZX-24 in psoriasis.",
        headline="Zentrix Bio Trial Misses", about="")
    found = {(t.phase, t.name): t.indication for t in run(text, "zentrix-2026-01-05").trials if t.drug == "ZX-101"}
    assert found[("2", None)] == "morphea"
    assert ("2b", "ZORVEX") in found
