"""Phrasings of operational-milestone releases (IND clearance, first patient dosed, a safety committee clearing a
dose level, a hold lifted, a protocol amendment, a cooperative-group trial, a trial-in-progress poster), written anew
with invented names; the classes heldout_ops found (tests/gold_heldout_ops/NOTES.md)."""
from __future__ import annotations

import pytest
from test_extractors import announce, results

TRIAL = "The Phase 1 ZEN-1 trial of ACM-101 is enrolling patients with advanced solid tumors."


def test_a_count_of_n_of_m_patients_after_a_cohort_label_is_no_second_cohort_and_is_the_cohorts_count():
    ex = announce(TRIAL, "In Cohort B, 7 of 15 evaluable patients had a confirmed partial response and the disease "
                         "control rate was 93%.")
    assert {c.label for c in ex.cohorts} == {"B"}
    assert results(ex) == {("PR", 7, None, "patients", "B", False), ("DCR", 93, None, "%", "B", False)}


def test_a_pooled_figure_before_a_colon_is_not_the_cohort_its_elaboration_names():
    ex = announce(TRIAL, "Cohort 3 received 1.6 mg/kg.",
                  "Across the first three cohorts, the disease control rate was 64% (7 of 11 patients): two patients, "
                  "both treated in Cohort 3, achieved a confirmed partial response.")
    assert ("DCR", 64, None, "%", None, False) in results(ex)


def test_a_sentence_opening_on_the_control_arm_of_another_trial_gives_a_comparator():
    ex = announce("The randomized Phase 2 ZEN-2 trial compares ACM-101 plus docetaxel with docetaxel alone in "
                  "metastatic prostate cancer.",
                  "In the docetaxel control arm of a recent trial with a similar population, median progression-free "
                  "survival was approximately 5 months.")
    assert results(ex) == {("mPFS", 5, None, "months", None, True)}
    assert not ex.cohorts  # "a similar population" describes, it labels no group


def test_a_calendar_year_is_no_drug_code():
    ex = announce(TRIAL, "- First sites in Korea activated; Part B combination arm on track to open in Q4 CY2026")
    assert not any(d.name.upper().startswith(("CY", "FY")) for d in ex.drugs)


def test_a_substance_the_drug_lowers_is_measured_not_given():
    ex = announce("In the Phase 2a study of ACM-101 in primary biliary cholangitis, ACM-101 lowered alkaline "
                  "phosphatase at all doses, and the largest alkaline phosphatase reductions came at 100 mg.")
    assert not any("phosphatase" in d.name.lower() for d in ex.drugs)


def test_a_ticker_after_the_place_a_partner_sits_in_is_the_partners():
    ex = announce(TRIAL, "ACM-101 was discovered by Kestrel Zentrix Co., Ltd., a clinical-stage company based in "
                         "Suzhou, China (HKEX: 2719), which keeps the rights in Greater China.")
    listed = {c.name: (c.ticker, c.exchange) for c in ex.companies}
    assert listed.get("Kestrel Zentrix Co., Ltd.") == ("2719", "HKEX")
    assert "China" not in listed


def test_a_studys_possessive_after_an_employer_is_no_company():
    ex = announce(TRIAL, '"We are glad enrolment can resume," said Mara Okonkwo, M.D., Director of the Epilepsy '
                         "Program at Lakemont Children's Hospital and ZEN-1's lead investigator.")
    assert {c.name for c in ex.companies} == {"Acme Oncology, Inc."}
    person = next(p for p in ex.people if p.name == "Mara Okonkwo")
    assert (person.role, person.organization) == ("director of the epilepsy program", "Lakemont Children's Hospital")


@pytest.mark.parametrize("line, role, org", [
    ("Presenter: Hannah Roe, MBChB, nephrologist, Westmarch Royal Infirmary, Leeds, UK",
     "nephrologist", "Westmarch Royal Infirmary"),
    ("Presenter: Hannah Roe, M.D., hepatologist, Example University Hospital",
     "hepatologist", "Example University Hospital"),
])
def test_a_presenter_line_with_a_specialists_title_names_a_person(line, role, org):
    ex = announce(TRIAL, "The design of ZEN-1 will be presented as a trial-in-progress poster.", line)
    person = next(p for p in ex.people if p.name == "Hannah Roe")
    assert (person.role, person.organization) == (role, org)


def test_a_sentence_opening_on_title_and_organisation_then_the_name():
    ex = announce(TRIAL, 'Managing Director and CEO of Acme, Dr Mara Okonkwo, said: "The committee cleared the next '
                         'dose level."')
    person = next(p for p in ex.people if p.name == "Mara Okonkwo")
    assert (person.role, person.organization) == ("managing director and ceo", "Acme Oncology, Inc.")


def test_a_study_chair_who_leads_a_program_at_a_university_works_there():
    ex = announce(TRIAL, '"The trial will answer the question," said Olu Adeyemi, M.D., the study chair, who leads '
                         "the genitourinary program at Lakeshore University Cancer Institute in Chicago.")
    person = next(p for p in ex.people if p.name == "Olu Adeyemi")
    assert person.organization == "Lakeshore University Cancer Institute"


def test_an_investigator_initiated_study_at_a_site_led_by_a_doctor_gives_the_site():
    ex = announce(TRIAL, "An investigator-initiated Phase 1b study at the Calder Valley Cancer Center, led by Dr. "
                         "Miguel Arrieta, is evaluating ACM-101 with enzalutamide in men with prostate cancer.")
    person = next(p for p in ex.people if p.name == "Miguel Arrieta")
    assert person.organization == "Calder Valley Cancer Center"


def test_a_span_of_time_written_in_words_is_no_population():
    ex = announce("Acme completed enrolment in CRESTLINE, the randomized Phase 3 trial of ACM-101 in adults with IgA "
                  "nephropathy (IgAN).",
                  '"Enrolling a global Phase 3 trial of this size in fourteen months reflects how much nephrologists '
                  'want new options for IgAN," said Mara Okonkwo, Chief Executive Officer of Acme.')
    assert not any("months" in (t.indication or "") for t in ex.trials)


def test_healthy_volunteers_of_two_descriptions_are_a_studys_population():
    ex = announce(TRIAL, "Kestrel has also completed a Phase 1 study of ACM-101 in healthy Japanese and Caucasian "
                         "volunteers.")
    assert "healthy Japanese and Caucasian volunteers" in {t.indication for t in ex.trials}


def test_dosing_every_eight_weeks_is_a_multiple_regimen():
    ex = announce("ZEN-1 is an open-label Phase 1/2 study in which participants receive ACM-101 by intrathecal "
                  "injection every eight weeks.", "Cohort 1 (10 mg) and Cohort 2 (20 mg) have completed dosing.")
    assert {(c.label, c.dose, c.regimen) for c in ex.cohorts} == {("1", 10, "multiple"), ("2", 20, "multiple")}


def test_a_cohort_named_in_an_aside_about_some_patients_is_not_the_next_figures():
    ex = announce(TRIAL, "Cohort 3 received 1.6 mg/kg.",
                  "Of 11 evaluable patients, two patients, both treated in Cohort 3, achieved a confirmed partial "
                  "response, and five had stable disease.")
    found = results(ex)
    assert ("SD", 5, None, "patients", None, False) in found


def test_a_partial_response_count_with_the_response_rate_stated_gives_the_rate_only():
    ex = announce(TRIAL, "In Cohort B, 4 of 9 patients achieved a confirmed partial response (ORR 44%).")
    assert results(ex) == {("ORR", 44, None, "%", "B", False)}
    ex = announce(TRIAL, "In Cohort A, the objective response rate was 29%, including two complete responses.")
    assert results(ex) == {("ORR", 29, None, "%", "A", False), ("CR", 2, None, "patients", "A", False)}
