"""Labelled groups and their attributes (issue 13), written anew with invented names: groups defined by
who is in them dosed on the study's stated schedule, groups labelled by a dose level, a stage's dose carried
to the cohorts it lists, and named analysis subgroups that carry their own figures."""
from __future__ import annotations

import pytest

from test_extractors import announce, results

STUDY = "ZX-101 is being evaluated in the open-label Phase 1/2 ZENITH-1 study in children with Zentrix syndrome."


@pytest.mark.parametrize("schedule,regimen", [
    ("All cohorts receive the same single dose of ZX-101.", "single"),
    ("ZX-101 is given by a single intravenous infusion.", "single"),
    ("ZX-101 is given intravenously once weekly.", "multiple"),
    ("Participants take daily doses of ZX-101.", "multiple"),
])
def test_a_group_defined_by_who_is_in_it_takes_the_studys_schedule(schedule, regimen):
    ex = announce(STUDY, f"The study enrolls patients into Cohort 1 (ages 6-12) and Cohort 2 (ages 2-5). {schedule}",
                  "In Cohort 1 (n=8), the objective response rate was 25%.")
    cohorts = {c.label: c for c in ex.cohorts}
    assert cohorts["1"].dose is None and cohorts["1"].regimen == regimen
    assert cohorts["2"].regimen == regimen


def test_a_group_without_a_stated_schedule_keeps_no_regimen():
    ex = announce(STUDY, "The study enrolls patients into Cohort 1 (ages 6-12) and Cohort 2 (ages 2-5).",
                  "In Cohort 1 (n=8), the objective response rate was 25%.")
    assert {c.label: c.regimen for c in ex.cohorts} == {"1": None, "2": None}


def test_another_studys_schedule_in_the_same_release_is_not_the_groups():
    ex = announce("Zentrix Bio reported results from the randomised Phase 2 ZENITH-2 trial of ZX-101. In Arm A, 40 patients "
                  "received ZX-101 plus ZX-900; in Arm B, 41 patients received ZX-900 alone.",
                  "Separately, Morrow Bio presented data for MB-7 from its Phase 1 MORROW-1 study. The company selected "
                  "2.0 mg/kg, given every three weeks, as its recommended dose.")
    assert {c.label: c.regimen for c in ex.cohorts if c.label in ("A", "B")} == {"A": None, "B": None}


def test_a_stage_that_lists_its_cohorts_gives_them_its_dose_and_is_no_cohort():
    ex = announce("ZENITH-1 is a two-part Phase 1/2 trial. Part 1 enrolled 30 patients across five dose levels from "
                  "100 mg to 600 mg once daily. Part 2 is evaluating ZX-101 at the recommended Phase 2 dose of 400 mg "
                  "taken orally once daily in three expansion cohorts:",
                  "- Cohort A: lung cancer, ZX-101 alone;\n- Cohort B: colorectal cancer, ZX-101 400 mg plus ZX-900;\n"
                  "- Cohort C: pancreatic cancer, ZX-101 alone.",
                  "In Cohort A (n=40), the objective response rate was 41%.")
    cohorts = {c.label: (c.dose, c.dose_unit, c.regimen) for c in ex.cohorts}
    assert cohorts == {label: (400.0, "mg", "multiple") for label in "ABC"}


def test_a_partners_dose_in_a_groups_own_sentence_does_not_hide_the_sections_dose():
    ex = announce("In the Phase 2 portion of ZENITH-3, patients received ZX-101 0.8 mg/kg subcutaneously every two "
                  "weeks. Patients were enrolled into Cohort 1 (no prior therapy) or Cohort 2 (prior therapy). A third "
                  "group, Arm C, is evaluating ZX-101 0.8 mg/kg every two weeks together with ZX-900 2 mg daily.",
                  "Results\n\nIn Cohort 1, the objective response rate was 74%. In Cohort 2, the objective response "
                  "rate was 61%.")
    cohorts = {c.label: (c.dose, c.dose_unit) for c in ex.cohorts}
    assert cohorts["1"] == cohorts["2"] == cohorts["C"] == (0.8, "mg/kg")


def test_groups_labelled_by_their_place_among_the_doses_are_cohorts_with_their_doses():
    ex = announce("ZENITH-4 enrolled 90 patients who were randomized 1:1:1 to the low-dose cohort (5 mg once daily), "
                  "the high-dose cohort (15 mg once daily) or placebo for eight weeks.",
                  "The objective response rate was 52% in the high-dose cohort and 40% in the low-dose cohort, "
                  "compared with 9% on placebo.")
    cohorts = {c.label: (c.dose, c.dose_unit, c.regimen) for c in ex.cohorts}
    assert cohorts == {"low-dose": (5.0, "mg", "multiple"), "high-dose": (15.0, "mg", "multiple")}
    assert results(ex) == {("ORR", 52.0, None, "%", "high-dose", False), ("ORR", 40.0, None, "%", "low-dose", False),
                           ("ORR", 9.0, None, "%", None, True)}


def test_lower_dose_levels_in_passing_are_no_cohort():
    ex = announce(STUDY, "Activity has already been seen at lower dose levels and in the higher dose groups.")
    assert ex.cohorts == []


@pytest.mark.parametrize("sentence,label", [
    ("In the subgroup of patients with brain metastases (n=17), the objective response rate was 41.2%.", "brain metastases"),
    ("In a prespecified subgroup of patients with KRAS-mutated tumors (n = 88), the objective response rate was 41.2%.",
     "KRAS-mutated"),
])
def test_a_subgroup_named_by_what_its_patients_have_carries_its_figure(sentence, label):
    ex = announce(STUDY, "Among 58 patients who received 160 mg of ZX-101 once daily, the objective response rate was 46.6%. "
                  + sentence)
    assert results(ex) == {("ORR", 46.6, None, "%", None, False), ("ORR", 41.2, None, "%", label, False)}
    assert [(c.label, c.dose, c.regimen) for c in ex.cohorts] == [(label, 160.0, "multiple")]


def test_a_subgroup_described_by_its_history_or_without_a_figure_is_no_cohort():
    ex = announce(STUDY, "In a subgroup of 12 patients who had received prior therapy, the objective response rate was 30%. "
                  "A subgroup of patients with liver metastases is being enrolled.")
    assert ex.cohorts == [] and results(ex) == {("ORR", 30.0, None, "%", None, False)}


def test_the_fourth_and_final_cohort_is_cohort_4():
    ex = announce(STUDY, "Cohort 3 received 4 mg/kg. The fourth and final cohort is expected to receive 8 mg/kg in March.")
    assert {c.label: c.dose for c in ex.cohorts} == {"3": 4.0, "4": 8.0}


def test_a_later_versus_pair_keeps_the_groups_of_the_first():
    ex = announce("In Arm A, 46 patients received ZX-101 plus ZX-900; in Arm B, 45 patients received ZX-900 alone. The "
                  "objective response rate was 48% in Arm A versus 25% in Arm B, and median progression-free survival "
                  "was 7.9 months versus 4.1 months.")
    own = {(r.endpoint, r.value, r.cohort) for r in ex.results if not r.comparator}
    assert own == {("ORR", 48.0, "A"), ("mPFS", 7.9, "A")}


def test_prior_systemic_therapies_are_prior_lines():
    ex = announce(STUDY, "As of the data cutoff, 41 patients had been treated; the median number of prior systemic "
                  "therapies was 2 (range, 1-3).")
    assert ("prior_lines", 2.0, None, "lines", None, False) in results(ex)


def test_responders_counted_without_a_rate_are_an_orr_count_of_their_group():
    ex = announce("ZX-101 is being evaluated in a Phase 1/2 study. Part B is expanding the 10 mg/kg dose in 30 patients.",
                  "- In the first 14 patients of Part B, 10 patients achieved a response and median time to response "
                  "was 3.1 weeks.")
    assert ("ORR", 10.0, None, "patients", "B", False) in results(ex)


def test_a_rate_stated_beside_the_count_wins():
    ex = announce(STUDY, "Of 20 patients, 10 patients achieved a response, an objective response rate of 50%.")
    assert {r for r in results(ex) if r[0] == "ORR"} == {("ORR", 50.0, None, "%", None, False)}


def test_a_benchmark_is_not_compared_with_a_therapy_the_patients_had_before():
    ex = announce(STUDY, "ZX-101 produced an objective response rate of 35%.",
                  "Patients had received a median of four prior regimens, and 62% had received prior bevacizumab. "
                  "Single-agent chemotherapy, the current standard, has produced response rates of 10% to 15% in "
                  "historical trials.", lead="a clinical update on ZX-101, its lead drug candidate.")
    benchmark = [r for r in ex.results if r.comparator]
    assert [(r.drug, r.value, r.value_high) for r in benchmark] == [("ZX-101", 10.0, 15.0)]


@pytest.mark.parametrize("sentence,expected", [
    ("At 24 months, the survival rate was 71.4% in ZX-101 treated patients compared to only 16.7% in the control group.",
     {("OS", 71.4, None, "%", None, False), ("OS", 16.7, None, "%", None, True)}),
    ("The five-year survival rate of high-risk patients remains at 16-24%, an urgent unmet need.", set()),
    ("The progression-free survival rate was 40%.", {("PFS", 40.0, None, "%", None, False)}),
    ("The event-free survival rate was 40%.", set()),
])
def test_a_survival_rate_is_overall_survival_unless_it_is_the_diseases_prognosis(sentence, expected):
    assert results(announce(STUDY, sentence)) == expected


def test_a_count_of_patients_after_a_cohort_number_is_no_second_cohort():
    from trialgraph.extractors.cohorts import cohort_mentions

    assert [m.label for m in cohort_mentions("In Cohort 2, 29 treatment-naive patients received ACM-101.")] == ["2"]
    assert [m.label for m in cohort_mentions("Cohorts 1, 2 and 3 enrolled 40 patients.")] == ["1", "2", "3"]
    assert [m.label for m in cohort_mentions("Enrollment is complete in Cohorts 3 through 5.")] == ["3", "4", "5"]


def test_a_dose_and_schedule_followed_by_in_and_a_group_are_that_groups():
    ex = announce("The Phase 2 HARBOR trial of ACM-101 enrolled 120 patients with metastatic melanoma.",
                  "As of the cutoff, 47 patients had received ACM-101 at the recommended Phase 2 dose of 600 mg "
                         "twice daily in Cohort 1. The objective response rate was 34% in Cohort 1.",
                  "Patients received 5 mg in Cohort 2 and 10 mg in Cohort 3; the ORR was 20% in Cohort 2 and 30% in "
                  "Cohort 3.")
    doses = {c.label: (c.dose, c.dose_unit) for c in ex.cohorts}
    assert doses["1"] == (600, "mg") and doses["2"] == (5, "mg") and doses["3"] == (10, "mg")
