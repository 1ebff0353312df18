"""Cohorts and results on phrasings of real releases, written anew with invented
names (see test_extractors.py for the conventions): labelled arms, analysis
subgroups inside a disease cohort, comparator arms and benchmarks."""
from __future__ import annotations

import pytest
from test_extractors import announce

TRIAL = "The Phase 2 HARBOR trial of ACM-101 enrolled 255 patients with metastatic melanoma."


def test_a_labelled_arm_is_a_cohort_without_a_dose():
    ex = announce(TRIAL, "Patients were randomly assigned to three study arms: Arm 1: ACM-101 alone.")
    assert "1" in {c.label for c in ex.cohorts}


def test_a_stage_without_a_dose_is_not_a_cohort():
    ex = announce(TRIAL, "Enrollment in Part A is complete.")
    assert "A" not in {c.label for c in ex.cohorts}


def test_a_drug_name_with_a_dose_glued_to_it_is_found():
    from trialgraph.extractors.context import Context
    from trialgraph.model import Document

    ctx = Context.start(Document("d", "d.txt", ""), [])
    ctx.set_drugs({"zelatinib": "zelatinib", "ACM-101": "ACM-101"})
    assert [m.name for m in ctx.drugs_in("zelatinib3.5 mg x 4 weeks (Arm 2; n=24)")] == ["zelatinib"]
    assert ctx.drugs_in("zelatinibum is another word") == []
    assert [m.name for m in ctx.drugs_in("ACM-101 10 mg")] == ["ACM-101"]


def test_an_abbreviation_after_an_endpoint_phrase_takes_the_phrase_median_included():
    from test_extractors import results

    ex = announce(TRIAL, "In this population, the median duration of response (DOR) was 3.8 months.")
    assert ("mDOR", 3.8, None, "months", None, False) in results(ex)


def test_the_rate_of_complete_or_partial_response_is_the_response_rate():
    from test_extractors import results

    ex = announce(TRIAL, "For comparison, the rate of complete or partial response to available treatments is as low "
                         "as 2% to 4%.")
    assert ("ORR", 2, 4, "%", None, True) in results(ex)


# -- comparator figures: the control arm, the standard of care, historic benchmarks ---------------


def test_the_figure_after_versus_is_the_control_arms():
    from test_extractors import results

    ex = announce(TRIAL, "Patients reached a median overall survival of 28.8 months with ACM-101 versus only "
                         "12.5 months in the control group.")
    assert {("mOS", 28.8, None, "months", None, False), ("mOS", 12.5, None, "months", None, True)} <= results(ex)


def test_a_placebo_arm_figure_is_a_comparator_and_the_drug_arm_is_no_cohort():
    from test_extractors import results

    ex = announce(TRIAL, "The ORR was 45% in the ACM-101 arm and 12% in the placebo arm.")
    assert results(ex) == {("ORR", 45, None, "%", None, False), ("ORR", 12, None, "%", None, True)}


def test_a_figure_with_another_drug_is_that_arms():
    from test_extractors import results

    ex = announce(TRIAL, "Median PFS was 9.6 months (95% CI, 7.1-12.0) with ACM-101 and 4.2 months with "
                         "docetaxel (HR 0.45).")
    assert {("mPFS", 9.6, None, "months", None, False), ("mPFS", 4.2, None, "months", None, True)} <= results(ex)


def test_versus_placebo_in_the_trials_description_leaves_the_figure_the_sponsors():
    from test_extractors import results

    ex = announce(TRIAL, "In the randomized trial of ACM-101 versus placebo, the objective response rate was 45%.",
                  "In the randomized, placebo-controlled study, ACM-101 achieved a median PFS of 8.1 months.")
    assert results(ex) == {("ORR", 45, None, "%", None, False), ("mPFS", 8.1, None, "months", None, False)}


def test_a_list_of_standard_of_care_figures_are_all_benchmarks_footnotes_glued_or_not():
    from test_extractors import results

    ex = announce(TRIAL, "As the standard first-line therapy, hypomethylating agents offer an overall response "
                         "rate (ORR) of just 30-40%5, a complete response (CR) rate of 10-17%, and a median "
                         "duration of response of 9-12 months6, 8.")
    assert results(ex) == {("ORR", 30, 40, "%", None, True), ("CR", 10, 17, "%", None, True),
                           ("mDOR", 9, 12, "months", None, True)}


def test_a_historic_figure_before_the_sponsors_own_clause_stays_apart():
    from test_extractors import results

    ex = announce(TRIAL, "Compared with a historical response rate of 20%, the ORR of 41% is encouraging.",
                  "In patients who failed standard chemotherapy, ACM-101 achieved a disease control rate of 60%.")
    assert results(ex) == {("ORR", 20, None, "%", None, True), ("ORR", 41, None, "%", None, False),
                           ("DCR", 60, None, "%", None, False)}


def test_a_survival_benchmark_written_as_a_verb():
    from test_extractors import results

    ex = announce(TRIAL, "For context, published experience suggests that patients who have exhausted available "
                         "options survive a median of only 1.7 to 3.0 months.")
    assert results(ex) == {("mOS", 1.7, 3.0, "months", None, True)}


def test_a_share_of_patients_after_a_rate_is_not_a_second_groups_rate():
    from test_extractors import results

    ex = announce(TRIAL, "The ORR was 45% (95% confidence interval, 24% to 68%), and 30% of responding patients "
                         "had a response lasting six months or longer.",
                  "ACM-101 showed a 41% ORR (N= 24/ 58) in adults and 52% in children (N=29/56).")
    assert results(ex) == {("ORR", 45, None, "%", None, False), ("ORR", 41, None, "%", "adults", False),
                           ("ORR", 52, None, "%", "children", False)}


# -- results tables --------------------------------------------------------------------------------


MARKDOWN_TABLE = (
    "Efficacy data are shown below:\n\n"
    "| **Outcome** | **2L**  **ACM-101 5 mg/kg**  **(n=12)** | **3L+**  **ACM-101 5 mg/kg**  **(n=30)** |\n"
    "| --- | --- | --- |\n"
    "| Confirmed ORRa n (%) | 6 (50) | 9 (30) |\n"
    "| 95% CI | 21.1-78.9 | 14.7-49.4 |\n"
    "| CR n (%) | 1 (8) | 0 |\n"
    "| Median PFSb, months (95% CI) | 6.1 (2.0-NE) | 4.4 (3.1-6.0) |\n"
    "| Median OSb, months (95% CI) | NE (2.5-NE) | 10.2 (8.0-NE) |"
)


def test_a_markdown_results_table_gives_one_result_per_endpoint_and_column():
    from test_extractors import results

    ex = announce(TRIAL, MARKDOWN_TABLE)
    assert results(ex) == {
        ("ORR", 50, None, "%", "2L", False), ("ORR", 30, None, "%", "3L+", False),
        ("CR", 8, None, "%", "2L", False), ("CR", 0, None, "%", "3L+", False),
        ("mPFS", 6.1, None, "months", "2L", False), ("mPFS", 4.4, None, "months", "3L+", False),
        ("mOS", 10.2, None, "months", "3L+", False),
    }


def test_a_table_column_for_placebo_is_the_comparator():
    from test_extractors import results

    table = ("| Endpoint | ACM-101 (n=80) | Placebo (n=40) |\n| :--- | :---: | :---: |\n"
             "| Objective response rate | 35% | 5% |\n| Median PFS | 7.4 months | 3.0 months |")
    ex = announce(TRIAL, table)
    assert results(ex) == {("ORR", 35, None, "%", None, False), ("ORR", 5, None, "%", None, True),
                           ("mPFS", 7.4, None, "months", None, False), ("mPFS", 3.0, None, "months", None, True)}


def test_the_same_figure_in_two_columns_of_one_row_is_two_groups_figure():
    from test_extractors import results

    table = ("End point                     ITT (n=157)   Triple-class refractory (n=119)\n"
             "Median duration of response   5.5 months    5.5 months")
    ex = announce(TRIAL, table)
    assert results(ex) == {("mDOR", 5.5, None, "months", None, False),
                           ("mDOR", 5.5, None, "months", "triple-class refractory", False)}


def test_a_financial_table_gives_no_results():
    ex = announce(TRIAL, "| (in millions) | Q4 2024 | Q4 2023 |\n| --- | --- | --- |\n"
                         "| Net product revenue | 12.1 | 8.0 |\n| Research and development | 45% | 40% |")
    assert ex.results == []


# -- fractionated doses: the dose per cycle is the sum of its fractions ---------------------------


@pytest.mark.parametrize("sentence,dose", [
    ("Patients in Cohort 5 received 15 mCi/m2 administered on Day 1 and Day 15.", 30),
    ("Cohort 5 received 15 mCi/m2 (Day 1 and Day 8).", 30),
    ("Cohort 5 received a fractionated dose of 15 mCi/m2 given twice, one week apart.", 30),
    ("Cohort 5 received 2 x 15 mCi/m2 fractionated doses.", 30),
    ("Cohort 5 received 15 mCi/m2 x 2.", 30),
    ("In Cohort 5, a total of 30 mCi/m2 was split into two doses.", 30),
    ("Cohort 5 received 30 mCi/m2 as two 15 mCi/m2 doses.", 30),
])
def test_a_fractionated_cohort_dose_is_the_total_per_cycle(sentence, dose):
    ex = announce(TRIAL, sentence)
    cohort = next(c for c in ex.cohorts if c.label == "5")
    assert (cohort.dose, cohort.dose_unit, cohort.regimen) == (dose, "mCi/m2", "fractionated")


@pytest.mark.parametrize("sentence", ["Cohort 5 received 10 mg twice daily.", "Cohort 5 received 10 mg x 4 cycles."])
def test_repeated_dosing_is_not_a_fractionated_dose(sentence):
    ex = announce(TRIAL, sentence)
    cohort = next(c for c in ex.cohorts if c.label == "5")
    assert (cohort.dose, cohort.regimen) == (10, "multiple")


# -- shares of patients and their responses -------------------------------------------------------


def test_a_share_of_patients_with_a_response_is_the_rate_of_that_response():
    from test_extractors import results

    ex = announce(TRIAL, "45% of patients achieved an objective response.",
                  "A complete response was seen in 30% of patients, and 25% had a partial response.")
    assert results(ex) == {("ORR", 45, None, "%", None, False), ("CR", 30, None, "%", None, False),
                           ("PR", 25, None, "%", None, False)}


def test_a_count_of_patients_then_its_rate_in_parentheses():
    from test_extractors import results

    ex = announce(TRIAL, "Objective responses were observed in 12 of 20 evaluable patients (60%).",
                  "Partial responses occurred in 5/12 (42%) and stable disease in 4/12 (33%).")
    assert results(ex) == {("ORR", 60, None, "%", None, False), ("PR", 42, None, "%", None, False),
                           ("SD", 33, None, "%", None, False)}


def test_a_landmark_rate_is_not_a_duration_and_counts_may_be_written_in_words():
    from test_extractors import results

    ex = announce(TRIAL, "The 12-month PFS rate was 60%.",
                  "ACM-101 showed an ORR of 38.5%, including two complete responses.")
    assert results(ex) == {("PFS", 60, None, "%", None, False), ("ORR", 38.5, None, "%", None, False),
                           ("CR", 2, None, "patients", None, False)}


@pytest.mark.parametrize("sentence", [
    "ACM-101 reduced the risk of disease progression or death by 47% (HR 0.53; p<0.001).",
    "ACM-101 extended median PFS by 2.4 months compared to docetaxel alone.",
    "The median follow-up was 14.2 months.",
    "Grade 3 or higher adverse events occurred in 12% of patients, and 5% discontinued due to adverse events.",
    "Tumor shrinkage was observed in 70% of patients.",
    "ACM-101 showed a 58% improvement in survival compared to placebo.",
    "One patient achieved a complete response lasting 14 months.",
    "Mean LDL-C was reduced by 55% versus placebo at week 24.",
    "The primary endpoint is progression-free survival at 6 months.",
    "Patients will be followed for 24 months for overall survival.",
])
def test_figures_that_are_not_results(sentence):
    assert announce(TRIAL, sentence).results == []


def test_a_duration_coordinated_with_a_median_is_a_median():
    from test_extractors import results

    ex = announce(TRIAL, "Among all evaluable patients, median overall survival was 13.1 months and DoR was 5.6 months.",
                  "The duration of response was 8.3 months in the expansion phase.")
    assert results(ex) == {("mOS", 13.1, None, "months", None, False), ("mDOR", 5.6, None, "months", None, False),
                           ("DOR", 8.3, None, "months", None, False)}


def test_the_median_number_of_prior_lines_stated_after_its_noun():
    from test_extractors import results

    ex = announce(TRIAL, "Among these patients, the median number of prior lines of systemic therapy was two.",
                  "In the expansion cohort, the mean number of prior therapies was 4.5.")
    assert {("prior_lines", 2, None, "lines", None, False), ("prior_lines", 4.5, None, "lines", None, False)} <= results(ex)


# -- which cohort a figure belongs to ---------------------------------------------------------------


def test_a_figure_belongs_to_the_cohort_of_its_own_clause():
    from test_extractors import results

    ex = announce(TRIAL, "In Cohort A (monotherapy), the ORR was 30%, while in Cohort B (combination with "
                         "docetaxel), the ORR was 45%.",
                  "The ORR was 50% in the NSCLC cohort and 20% in the colorectal cancer cohort.")
    assert results(ex) == {("ORR", 30, None, "%", "A", False), ("ORR", 45, None, "%", "B", False),
                           ("ORR", 50, None, "%", "NSCLC", False), ("ORR", 20, None, "%", "colorectal cancer", False)}
    assert "expansion" not in {c.label for c in announce(TRIAL, "Enrollment in the expansion cohort is complete.").cohorts}


def test_a_threshold_that_defines_a_group_is_not_its_figure():
    from test_extractors import results

    ex = announce(TRIAL, "The ORR among patients with PD-L1 expression of 50% or greater was 60%.",
                  "In patients with a tumor proportion score \u226550%, the ORR was 55%.")
    assert results(ex) == {("ORR", 60, None, "%", None, False), ("ORR", 55, None, "%", None, False)}


def test_doses_respectively_with_the_unit_repeated():
    ex = announce(TRIAL, "Cohorts 1 and 2 received 5 mg/kg and 10 mg/kg, respectively.")
    assert {(c.label, c.dose, c.dose_unit) for c in ex.cohorts} >= {("1", 5, "mg/kg"), ("2", 10, "mg/kg")}


def test_figures_listed_with_respectively_go_to_their_endpoints_or_groups_in_order():
    from test_extractors import results

    assert results(announce(TRIAL, "The ORR and DCR were 40% and 80%, respectively.")) == {
        ("ORR", 40, None, "%", None, False), ("DCR", 80, None, "%", None, False)}
    assert results(announce(TRIAL, "The ORR was 45% and 30% in Cohorts 1 and 2, respectively.")) == {
        ("ORR", 45, None, "%", "1", False), ("ORR", 30, None, "%", "2", False)}
    assert results(announce(TRIAL, "Median PFS was 7.1 and 5.2 months in Cohort 1 and Cohort 2, respectively.")) == {
        ("mPFS", 7.1, None, "months", "1", False), ("mPFS", 5.2, None, "months", "2", False)}
    assert results(announce(TRIAL, "Median age was 62 and 61 years, respectively; 82% and 100% were white.")) == set()


def test_pathologic_and_metabolic_responses_are_not_facts_endpoints():
    from test_extractors import results

    ex = announce(TRIAL, "The pathologic complete response (pCR) rate was 40%.",
                  "The major pathological response rate was 60% and the ORR was 30%.")
    assert results(ex) == {("ORR", 30, None, "%", None, False)}


def test_sub_cohort_labels_with_a_letter_or_digit():
    from test_extractors import results

    ex = announce(TRIAL, "In Cohort 2a, the ORR was 40%.", "Patients in Cohort A1 received 5 mg/kg.")
    assert {"2a", "A1"} <= {c.label for c in ex.cohorts}
    assert ("ORR", 40, None, "%", "2a", False) in results(ex)


@pytest.mark.parametrize("sentence,ours,theirs", [
    ("The ORR was 32% compared to a historical control rate of 10%.", 32, 10),
    ("The objective response rate was 40% (placebo: 5%).", 40, 5),
    ("The ORR was 40% (vs. 5% with placebo).", 40, 5),
    ("ORR was 27% (95% CI: 18-38) vs 14% for docetaxel in an earlier trial.", 27, 14),
])
def test_the_other_side_of_a_comparison_written_after_its_name(sentence, ours, theirs):
    from test_extractors import results

    assert results(announce(TRIAL, sentence)) == {("ORR", ours, None, "%", None, False),
                                                  ("ORR", theirs, None, "%", None, True)}


def test_no_second_figure_after_a_contrast_that_ends_its_clause():
    from test_extractors import results

    ex = announce(TRIAL, "ORR was 45% versus placebo, and median follow-up was 14 months.")
    assert results(ex) == {("ORR", 45, None, "%", None, False)}


def test_existing_therapies_figures_are_benchmarks_and_prognosis_is_no_result():
    from test_extractors import results

    ex = announce(TRIAL, "Existing drugs achieve a response rate of 20%.",
                  "Five-year overall survival is below 10% for these patients.")
    assert results(ex) == {("ORR", 20, None, "%", None, True)}


def test_qualified_figures_keep_their_number():
    from test_extractors import results

    ex = announce(TRIAL, "Median OS has exceeded 20 months.", "Median DOR was greater than 9 months.")
    assert results(ex) == {("mOS", 20, None, "months", None, False), ("mDOR", 9, None, "months", None, False)}


def test_a_prior_therapy_subset_carries_its_own_figures():
    from test_extractors import results

    ex = announce(TRIAL, "In patients treated with both a prior BTK and BCL2 inhibitor, the ORR was 79%, and "
                         "median PFS was 16.8 months.",
                  "The ORR for the 75 evaluable patients was 52%, and for the 68 patients previously treated "
                  "for brain metastases, the ORR was 50%.",
                  "In patients treated with ACM-101, the disease control rate was 80%.")
    assert results(ex) == {
        ("ORR", 79, None, "%", "with prior BTK and BCL2 inhibitor", False),
        ("mPFS", 16.8, None, "months", "with prior BTK and BCL2 inhibitor", False),
        ("ORR", 52, None, "%", None, False),
        ("ORR", 50, None, "%", "previously treated for brain metastases", False),
        ("DCR", 80, None, "%", None, False),
    }


def test_the_major_response_rate_is_the_response_rate():
    from test_extractors import results

    assert results(announce(TRIAL, "The MRR was 68%.")) == {("ORR", 68, None, "%", None, False)}


def test_a_count_with_its_share_then_the_response():
    from test_extractors import results

    assert results(announce(TRIAL, "Eight patients (32%) achieved a partial response.")) == {
        ("PR", 32, None, "%", None, False)}


def test_a_cohort_named_inside_a_count_is_the_counts_cohort():
    from test_extractors import results

    ex = announce(TRIAL, "Each of the three patients treated in Cohort 2 achieved stable disease.")
    assert results(ex) == {("SD", 3, None, "patients", "2", False)}


def test_a_study_given_as_a_single_infusion_doses_each_cohort_once():
    ex = announce("The Phase 1 study of ACM-101 is learning how safe it is when given as a single 30-minute infusion.",
                  "Cohort 2 received 15 mCi/m2 and Cohort 3 is now enrolling at 20 mCi/m2.")
    assert {(c.label, c.dose, c.regimen) for c in ex.cohorts} == {("2", 15, "single"), ("3", 20, "single")}


def test_a_findings_list_writes_endpoint_and_figure_side_by_side():
    from test_extractors import results

    ex = announce(TRIAL, "Key findings: ORR 45%; median PFS 7.2 months; DCR 80%.")
    assert results(ex) == {("ORR", 45, None, "%", None, False), ("mPFS", 7.2, None, "months", None, False),
                           ("DCR", 80, None, "%", None, False)}


def test_the_drugs_own_earlier_figure_is_not_a_comparator():
    from test_extractors import results

    ex = announce(TRIAL, "The ORR was 45%, compared with 30% at the interim analysis.")
    assert results(ex) == {("ORR", 45, None, "%", None, False), ("ORR", 30, None, "%", None, False)}


@pytest.mark.parametrize("sentence,label,dose,unit", [
    ("In the 5-mg cohort, the ORR was 30%.", "5 mg", 5, "mg"),
    ("Patients in the 10 mg/kg Q3W cohort had an ORR of 30%.", "10 mg/kg Q3W", 10, "mg/kg"),
    ("In the 600 mg twice-daily arm, the ORR was 30%.", "600 mg twice-daily", 600, "mg"),
])
def test_a_cohort_named_by_its_dose_and_schedule(sentence, label, dose, unit):
    from test_extractors import results

    ex = announce(TRIAL, sentence)
    assert (label, dose, unit) in {(c.label, c.dose, c.dose_unit) for c in ex.cohorts}
    assert results(ex) == {("ORR", 30, None, "%", label, False)}


def test_line_of_therapy_subgroups_when_the_release_reports_several_lines():
    from test_extractors import results

    ex = announce(TRIAL, "In the second-line setting, the ORR was 33%, and in the third-line setting, the ORR was 21%.")
    assert results(ex) == {("ORR", 33, None, "%", "second-line", False), ("ORR", 21, None, "%", "third-line", False)}
    assert results(announce(TRIAL, "In first-line melanoma, the ORR was 45%.")) == {("ORR", 45, None, "%", None, False)}


def test_a_zero_cell_of_a_count_and_rate_row_is_a_zero_rate():
    from test_extractors import results

    table = ("| Outcome | Treatment-naive (n=14) | Pretreated (n=20) |\n| --- | --- | --- |\n"
             "| ORR n (%) | 7 (50) | 6 (30) |\n| CR n (%) | 2 (14) | 0 |\n| PR n (%) | 0 (0) | 6 (30) |")
    ex = announce(TRIAL, table)
    assert {("CR", 0, None, "%", "pretreated", False), ("PR", 0, None, "%", "treatment-naive", False)} <= results(ex)


@pytest.mark.parametrize("sentence", [
    "Compared with chemotherapy, the ACM-101 triplet extended patients' median survival time by 5.3 months to 13.8 months.",
    "ACM-101 prolonged median overall survival by about 5.3 months to 13.8 months.",
])
def test_a_change_stated_with_the_level_reached_gives_the_level_not_the_difference(sentence):
    from test_extractors import results

    assert results(announce(TRIAL, sentence)) == {("mOS", 13.8, None, "months", None, False)}


@pytest.mark.parametrize("sentence", [
    "The trial enrolled patients who had failed on a median three lines of therapies.",
    "Participants had failed a median of 3 prior lines of treatment.",
    "Patients had progressed on a median of three regimens before enrolment.",
])
def test_prior_lines_stated_as_treatments_failed(sentence):
    from test_extractors import results

    assert results(announce(TRIAL, sentence)) == {("prior_lines", 3, None, "lines", None, False)}


_LINE_TABLE = ("| Outcome | 2L (n=12) | 3L+ (n=30) |\n| --- | --- | --- |\n"
               "| ORR n (%) | 6 (50) | 9 (30) |\n| PR n (%) | 5 (42) | 9 (30) |")


def test_a_dose_stated_once_for_the_section_is_each_cohorts_dose():
    ex = announce(TRIAL, "Patients received ACM-101 5 mg/kg every two weeks (Q2W) until progression of disease.",
                  _LINE_TABLE)
    assert {(c.label, c.dose, c.dose_unit, c.regimen) for c in ex.cohorts} == {
        ("2L", 5, "mg/kg", "multiple"), ("3L+", 5, "mg/kg", "multiple")}


def test_a_dose_in_a_tables_caption_is_each_cohorts_dose():
    ex = announce(TRIAL, "Efficacy of ACM-101 5 mg/kg every three weeks by line of therapy:", _LINE_TABLE)
    assert {(c.label, c.dose, c.dose_unit, c.regimen) for c in ex.cohorts} == {
        ("2L", 5, "mg/kg", "multiple"), ("3L+", 5, "mg/kg", "multiple")}


@pytest.mark.parametrize("methods", [
    "Patients received ACM-101 5 mg/kg or 10 mg/kg every two weeks.",  # two doses: whose is whose is unsaid
    "In Cohort 1, patients received ACM-101 5 mg/kg every two weeks.",  # a cohort states its own dose
])
def test_a_stated_dose_does_not_spread_when_the_section_states_several_or_a_cohort_its_own(methods):
    ex = announce(TRIAL, methods, _LINE_TABLE)
    assert {(c.label, c.dose) for c in ex.cohorts if c.label in ("2L", "3L+")} == {("2L", None), ("3L+", None)}


@pytest.mark.parametrize("sentence,groups", [
    ("ACM-101 showed a 41% ORR (N= 24/ 58) in adults and 52% in children (N=29/56).",
     {("ORR", 41, "adults"), ("ORR", 52, "children")}),
    ("The ORR was 45% in treatment-naive patients and 30% in previously treated patients.",
     {("ORR", 45, "treatment-naive"), ("ORR", 30, "previously treated")}),
    ("The ORR was 41% in adult patients and 52% in pediatric patients.", {("ORR", 41, "adult"), ("ORR", 52, "pediatric")}),
    ("Zentrix Bio reported - 59 percent ORR in kinase-naive KX-mutant melanoma patients - 62 percent ORR in heavily "
     "pretreated KX fusion-positive melanoma patients",
     {("ORR", 59, "kinase-naive KX-mutant melanoma"), ("ORR", 62, "heavily pretreated KX fusion-positive melanoma")}),
])
def test_named_subgroups_with_their_own_figures_are_cohorts(sentence, groups):
    ex = announce(TRIAL, sentence)
    assert {(r.endpoint, r.value, r.cohort) for r in ex.results} == groups
    assert {g for _, _, g in groups} <= {c.label for c in ex.cohorts}


@pytest.mark.parametrize("sentence", [
    "The ORR was 45% in adults with metastatic melanoma.",  # one population: who the trial enrolled
    "The ORR was 45% in all evaluable patients and 30% in 12 patients.",  # who was counted, not a group
])
def test_a_single_population_or_a_count_of_patients_is_no_cohort(sentence):
    ex = announce(TRIAL, sentence)
    assert {r.cohort for r in ex.results} == {None}
    assert ex.cohorts == []


def test_sections_headed_by_the_population_they_report_on_are_cohorts():
    ex = announce(TRIAL, "ZX-101 Data in Previously Treated Patients",
                  "In this analysis of 40 patients, ZX-101 treatment resulted in a 48% ORR.",
                  "ZX-101 Data in Treatment-Na\u00efve Patients",
                  "In this analysis of 22 patients, ZX-101 treatment resulted in a 64% ORR.",
                  "Trial Background", "The trial had a primary endpoint of ORR.")
    assert {(r.value, r.cohort) for r in ex.results} == {(48, "Previously Treated"), (64, "Treatment-Naive")}


def test_a_single_population_heading_still_needs_a_second_group():
    ex = announce(TRIAL, "ZX-101 Data in Previously Treated Patients",
                  "In this analysis of 40 patients, ZX-101 treatment resulted in a 48% ORR.")
    assert {(r.value, r.cohort) for r in ex.results} == {(48, None)}


def test_diseases_set_against_each_other_in_one_statement_are_cohorts():
    ex = announce(TRIAL, "The ORR was 38% in patients with ovarian cancer and 25% in patients with endometrial cancer.")
    assert {(r.value, r.cohort) for r in ex.results} == {(38, "ovarian cancer"), (25, "endometrial cancer")}
    ex = announce(TRIAL, "The ORR was 30% in patients with relapsed or refractory multiple myeloma and 20% in "
                         "patients with relapsed or refractory lymphoma.")
    assert {(r.value, r.cohort) for r in ex.results} == {
        (30, "relapsed or refractory multiple myeloma"), (20, "relapsed or refractory lymphoma")}


def test_the_trials_disease_worded_twice_is_no_pair_of_cohorts():
    ex = announce(TRIAL, "An ORR of 40% was observed in patients with metastatic melanoma.",
                  "The median PFS was 7.1 months in patients with advanced melanoma, and the ORR was 41% in adults.")
    assert {r.cohort for r in ex.results} == {None}


def test_a_cohort_named_in_lower_case_is_a_cohort_through_its_findings():
    ex = announce(TRIAL, "In the adult cohort, the ORR was 41%, and in the pediatric cohort, the ORR was 52%.",
                  "Patients in the safety cohort and a retrospective cohort of 200 patients had an ORR of 30%.",
                  "In the expansion cohort, the ORR was 35%.")
    assert {(r.value, r.cohort) for r in ex.results} == {(41, "adult"), (52, "pediatric"), (30, None), (35, None)}
    assert {c.label for c in ex.cohorts} == {"adult", "pediatric"}


@pytest.mark.parametrize("sentence,groups", [
    ("The ORR was 41% and 52% in adults and children, respectively.", {(41, "adults"), (52, "children")}),
    ("The ORR was 41% and 52% in treatment-naive and previously treated patients, respectively.",
     {(41, "treatment-naive"), (52, "previously treated")}),
    ("The ORR and DCR were 40% and 80%, respectively.", {(40, None), (80, None)}),
])
def test_subgroups_listed_with_respectively_take_their_figures_in_order(sentence, groups):
    assert {(r.value, r.cohort) for r in announce(TRIAL, sentence).results} == groups


def test_two_groups_set_side_by_side_with_versus_are_no_comparison():
    from test_extractors import results

    assert results(announce(TRIAL, "Objective response rates were 41% in adults versus 52% in children.")) == {
        ("ORR", 41, None, "%", "adults", False), ("ORR", 52, None, "%", "children", False)}
    assert results(announce(TRIAL, "The ORR was 45% in treatment-naive patients versus 10% in placebo-treated patients.")) == {
        ("ORR", 45, None, "%", None, False), ("ORR", 10, None, "%", None, True)}


@pytest.mark.parametrize("benchmark", [
    "For reference, fulvestrant has produced response rates of about 5% in this setting.",
    "Fulvestrant alone has produced response rates of about 5% in this setting.",
])
def test_a_figure_for_reference_or_for_another_drug_alone_is_a_comparator(benchmark):
    found = announce("In Cohort A of the Phase 2 trial of ACM-101 in breast cancer, the ORR was 29%. " + benchmark).results
    figures = {(r.value, r.comparator) for r in found if r.endpoint == "ORR"}
    assert figures == {(29.0, False), (5.0, True)}


def test_the_sponsors_drug_alone_is_no_comparator():
    found = announce("In the Phase 2 trial, ACM-101 alone achieved an ORR of 30% in breast cancer.").results
    assert [(r.value, r.comparator) for r in found if r.endpoint == "ORR"] == [(30.0, False)]


def test_two_doses_of_the_drug_set_side_by_side_are_both_its_own_arms():
    from test_extractors import results

    ex = announce(TRIAL, "In the randomized dose-optimization part, the 3.2 mg/kg arm achieved an objective response "
                         "rate of 47%, compared with 31% in the 2.4 mg/kg arm.")
    found = results(ex)
    assert ("ORR", 31, None, "%", "2.4 mg/kg", False) in found
    assert not any(r[5] for r in found)


def test_a_dose_arm_is_not_taken_for_an_own_arm_against_placebo():
    from test_extractors import results

    ex = announce(TRIAL, "The 3.2 mg/kg arm achieved an objective response rate of 47%, compared with 12% in the "
                         "placebo arm.")
    assert ("ORR", 12, None, "%", None, True) in results(ex)


def test_a_comparator_figure_is_set_against_the_drug_its_sentence_gives_the_own_figure():
    ex = announce(TRIAL, "Separately, the FDA approved Corvessa (morlatinib) for metastatic breast cancer, "
                         "supported by a Phase 3 trial in which patients treated with morlatinib achieved a median "
                         "progression-free survival of 11.3 months, compared with 6.4 months for those receiving "
                         "chemotherapy (docetaxel or paclitaxel).")
    by_value = {r.value: r for r in ex.results}
    assert by_value[6.4].comparator and by_value[6.4].drug == by_value[11.3].drug != "ACM-101"


def test_a_dose_named_by_its_rank_is_that_dose_cohort():
    from test_extractors import results

    ex = announce(TRIAL, "Part B randomized 71 patients to 10 mg/kg or 15 mg/kg of ACM-101 every three weeks.",
                  "- In the 15 mg/kg arm, the ORR was 41%.", "- In the 10 mg/kg arm, the ORR was 28%.",
                  "- The median duration of response was 8.2 months at the higher dose and 6.1 months at the lower one.")
    found = results(ex)
    assert {("mDOR", 8.2, None, "months", "15 mg/kg", False), ("mDOR", 6.1, None, "months", "10 mg/kg", False)} <= found


def test_a_ranked_dose_among_three_doses_is_no_cohort_unless_it_is_the_extreme():
    from test_extractors import results

    ex = announce(TRIAL, "- In the 5 mg/kg arm, the ORR was 20%.", "- In the 10 mg/kg arm, the ORR was 30%.",
                  "- In the 15 mg/kg arm, the ORR was 35%.",
                  "- The disease control rate was 70% at the higher dose.",
                  "- The complete response rate was 15% at the highest dose.")
    found = results(ex)
    assert ("DCR", 70, None, "%", None, False) in found and ("CR", 15, None, "%", "15 mg/kg", False) in found


def test_a_subset_named_by_the_therapy_it_resists_as_an_adjective_is_a_cohort():
    from test_extractors import results

    ex = announce(TRIAL, "Among bortezomib-refractory patients, responses were seen in 61.5% of patients treated with "
                         "ACM-101 and 33.0% of those treated with docetaxel.")
    found = results(ex)
    assert ("ORR", 61.5, None, "%", "bortezomib-refractory", False) in found
    assert "bortezomib-refractory" in {c.label for c in ex.cohorts}


def test_a_paragraph_opening_on_a_group_gives_it_the_figures_of_its_later_sentences():
    from test_extractors import results

    ex = announce(TRIAL, "In Part A, which tested ACM-101 alone at doses from 40 mg to 160 mg, 18 patients were "
                         "evaluable. Four patients had partial responses, for an objective response rate of 22%, and "
                         "the disease control rate was 67%. Across both parts, the disease control rate was 61%.",
                  "Part B, which combines ACM-101 with docetaxel, is earlier. Among the first 14 evaluable patients "
                  "in that group, the ORR was 36%.")
    found = results(ex)
    assert {("ORR", 22, None, "%", "A", False), ("DCR", 67, None, "%", "A", False),
            ("ORR", 36, None, "%", "B", False), ("DCR", 61, None, "%", None, False)} <= found


def test_a_share_of_patients_alive_is_a_survival_rate_and_its_control_a_comparator():
    from test_extractors import results

    ex = announce(TRIAL, "At 36 months, 64% of patients randomized to ACM-101 were alive, compared with 48% of those "
                         "randomized to placebo.")
    assert {("OS", 64, None, "%", None, False), ("OS", 48, None, "%", None, True)} <= results(ex)


def test_figures_after_data_from_the_phase_named_alone_are_that_phases_trial():
    ex = announce("ACM-101 has been tested in a phase 1b study in Lyon, and a phase 2 study started late last year.",
                  "Data from the phase 1b, shared at a meeting in January, included 38 patients. The objective response "
                  "rate came in at 29%, the company said.")
    phase_of = {t.local_id: t.phase for t in ex.trials}
    assert [phase_of[r.trial] for r in ex.results if r.value == 29] == ["1b"]


def test_the_high_dose_arm_of_two_arms_labelled_by_dose_is_the_higher_dose():
    ex = announce(TRIAL, "- In the 10 mg/kg arm, the ORR was 28%.", "- In the 15 mg/kg arm, the ORR was 41%.",
                  "The complete response rate was 12% in the high-dose arm.")
    labels = {c.label for c in ex.cohorts}
    assert "15 mg/kg" in labels and "high-dose" not in labels
    assert [r.cohort for r in ex.results if r.value == 12] == ["15 mg/kg"]


@pytest.mark.parametrize("sentence, endpoint, value", [
    ("The PFS rate at 12 months was 40%.", "PFS", 40),
    ("The overall survival rate at 24 months was 62%.", "OS", 62),
    ("Progression-free survival at six months was 55%.", "PFS", 55),
])
def test_a_survival_rate_read_at_a_landmark_is_the_rate_not_the_landmark(sentence, endpoint, value):
    ex = announce(TRIAL, sentence)
    assert [(r.endpoint, r.value, r.unit) for r in ex.results] == [(endpoint, value, "%")]


# -- tumour shrinkage told in plain words (news style) is the response rate ---------------------------


@pytest.mark.parametrize("sentence,expected", [
    ("Tumors shrank by at least 30% in 38% of patients given ACM-101, against 24% of the control group.",
     {("ORR", 38.0, None, "%", None, False), ("ORR", 24.0, None, "%", None, True)}),
    ("In a Phase 2 study, ACM-101 plus carboplatin shrank tumors in 72% of 54 patients with lung cancer.",
     {("ORR", 72.0, None, "%", None, False)}),
    ("In Cohort A, made up of 108 patients, 41% had their tumors shrink by at least 30%.",
     {("ORR", 41.0, None, "%", "A", False)}),
    ("For context, docetaxel typically shrinks tumors in about 13% of patients, according to published figures.",
     {("ORR", 13.0, None, "%", None, True)}),
])
def test_tumours_shrinking_in_a_share_of_patients_is_the_response_rate(sentence, expected):
    from test_extractors import results

    assert expected <= results(announce(TRIAL, sentence))


def test_a_depth_of_shrinkage_is_no_response_rate():
    from test_extractors import results

    found = results(announce(TRIAL, "Tumors shrank by a median of 45% in responding patients, and by 52% in one patient."))
    assert not {r for r in found if r[0] == "ORR"}


# -- a population named as part of a labelled group, or as the subject of its figure's clause --------


def test_subjects_of_their_own_figures_inside_a_part_are_subgroups_of_it():
    from test_extractors import results

    ex = announce(TRIAL, "In a prespecified subgroup analysis of Part B, patients with bulky disease (n=13) had an ORR of 54%, "
                         "and patients with high-risk cytogenetics (n=19) had an ORR of 68%.")
    assert {("ORR", 54.0, None, "%", "bulky disease", False), ("ORR", 68.0, None, "%", "high-risk cytogenetics", False)} <= results(ex)
    assert {"bulky disease", "high-risk cytogenetics"} <= {c.label for c in ex.cohorts}


def test_a_population_in_a_labelled_part_is_that_parts_subset():
    from test_extractors import results

    ex = announce(TRIAL, "In Part B, 54 patients received ACM-101 at 1.6 mg/kg, and the ORR was 61%.",
                  "Among triple-class refractory patients in Part B (n=41), the ORR was 56%.")
    assert ("ORR", 56.0, None, "%", "triple-class refractory", False) in results(ex)
    assert ("ORR", 61.0, None, "%", "B", False) in results(ex)


@pytest.mark.parametrize("sentence", [
    "In Cohort B, in which 64 patients with previously treated melanoma received ACM-101, the ORR was 41%.",
    "Among the first 14 evaluable patients in Cohort B, the ORR was 41%.",
    "In Cohort B, patients with metastatic melanoma (n=64) had an ORR of 41%.",
])
def test_who_was_counted_or_the_trials_own_disease_leaves_the_figure_with_its_cohort(sentence):
    from test_extractors import results

    assert ("ORR", 41.0, None, "%", "B", False) in results(announce(TRIAL, sentence))


def test_a_site_of_spread_is_a_subgroup_without_its_qualifiers():
    from test_extractors import results

    ex = announce(TRIAL, "In treatment-naive patients (n=58), the ORR was 83%.",
                  "Among 21 patients with measurable brain metastases at baseline, the intracranial ORR was 81%.")
    assert ("ORR", 81.0, None, "%", "brain metastases", False) in results(ex)


# -- the group a sentence or a paragraph opens on scopes its later figures --------------------------


def test_a_sentences_opening_group_takes_its_later_figures():
    from test_extractors import results

    ex = announce(TRIAL, "In treatment-naive patients (n=58), the ORR was 83% (95% CI, 71-91), with a complete response rate of 12%.",
                  "In patients previously treated with ipilimumab (n=96), the ORR was 64%.")
    assert {("ORR", 83.0, None, "%", "treatment-naive", False), ("CR", 12.0, None, "%", "treatment-naive", False)} <= results(ex)


def test_figures_for_groups_named_after_them_keep_their_own_groups():
    from test_extractors import results

    ex = announce(TRIAL, "In this study, the ORR was 41% in adults and 52% in children.")
    assert {("ORR", 41.0, None, "%", "adults", False), ("ORR", 52.0, None, "%", "children", False)} <= results(ex)


def test_a_paragraph_opening_on_the_patients_treated_in_a_part_reports_that_part():
    from test_extractors import results

    ex = announce(TRIAL, "Of the 22 evaluable patients treated in Part B at 10 mg/kg every three weeks, six had a confirmed partial "
                         "response, an objective response rate of 27 percent. Disease control was reached in 64 percent of the "
                         "patients and median progression-free survival was 5.6 months.")
    assert {("ORR", 27.0, None, "%", "B", False), ("DCR", 64.0, None, "%", "B", False),
            ("mPFS", 5.6, None, "months", "B", False)} <= results(ex)


# -- counts of responders: the passive count, and a count restating a rate stated elsewhere -----------


def test_responders_counted_in_the_passive_are_a_count():
    from test_extractors import results

    ex = announce(TRIAL, "Partial responses were observed in 4 of 12 patients at the two highest dose levels, and the disease "
                         "control rate across all dose levels was 55%.")
    assert ("PR", 4.0, None, "patients", None, False) in results(ex)


def test_a_count_restating_a_rate_given_elsewhere_gives_no_line():
    from test_extractors import results

    ex = announce(TRIAL, "In Cohort 1, the complete response rate was 7.7% (4/52).",
                  '"Four complete responses in a group of this size are remarkable," said Dr. Mara Okonkwo.')
    found = results(ex)
    assert ("CR", 7.7, None, "%", "1", False) in found
    assert not {r for r in found if r[3] == "patients"}


def test_a_part_with_findings_and_no_dose_of_its_own_takes_its_studys_schedule():
    ex = announce(TRIAL, "ACM-101 was administered subcutaneously every two weeks.",
                  "In Part A, 36 patients were treated at six dose levels ranging from 0.3 mg/kg to 3.0 mg/kg, and the overall "
                  "response rate across all dose levels was 44%.")
    part = next(c for c in ex.cohorts if c.label == "A")
    assert (part.dose, part.regimen) == (None, "multiple")


@pytest.mark.parametrize("sentence,expected", [
    ("The ORR was 45%, including complete responses in 12% of patients.", ("CR", 12.0, None, "%", None, False)),
    ("Very good partial response (VGPR) or better in 62% of patients.", ("VGPR", 62.0, None, "%", None, False)),
])
def test_a_response_in_a_share_of_patients_is_its_rate(sentence, expected):
    from test_extractors import results

    assert expected in results(announce(TRIAL, sentence))


def test_a_duration_after_in_is_no_share_of_patients():
    from test_extractors import results

    found = results(announce(TRIAL, "Complete responses in 12 months of follow-up were durable."))
    assert not {r for r in found if r[0] == "CR"}
