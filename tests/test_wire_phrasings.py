"""Phrasings of company wire releases found by the held-out wire set (tests/heldout_wire),
written anew with invented names: plural endpoint nouns in benchmarks, cohort-led
paragraphs and headings, and other constructions the tuning corpora did not show."""
from __future__ import annotations

from test_extractors import announce, results

TRIAL = "The Phase 2 HARBOR trial of ACM-101 enrolled 255 patients with metastatic melanoma."


def test_a_benchmark_in_the_plural_response_rates_is_a_comparator():
    ex = announce(TRIAL, "The objective response rate was 41%.",
                  "For context, dacarbazine has historically produced response rates of approximately 12% in this setting.")
    assert {("ORR", 41, None, "%", None, False), ("ORR", 12, None, "%", None, True)} <= results(ex)


def test_a_benchmark_range_in_the_plural_keeps_both_ends():
    ex = announce(TRIAL, "Single-agent chemotherapy has produced response rates of 10% to 15% in historical trials.")
    assert ("ORR", 10, 15, "%", None, True) in results(ex)


def test_plural_disease_control_rates_name_the_endpoint():
    ex = announce(TRIAL, "Earlier chemotherapy studies reported disease control rates of 35% historically.")
    assert ("DCR", 35, None, "%", None, True) in results(ex)


# -- a group's label leading its block of findings --------------------------------------------------


def test_a_cohort_heading_scopes_the_findings_listed_under_it():
    ex = announce(TRIAL, "Cohort A (n=40 evaluable):", "- Confirmed ORR was 45%", "- Disease control rate was 80%",
                  "Cohort B (n=22 evaluable):", "- ORR was 27%")
    got = results(ex)
    assert {("ORR", 45, None, "%", "A", False), ("DCR", 80, None, "%", "A", False),
            ("ORR", 27, None, "%", "B", False)} <= got


def test_a_paragraph_opened_by_a_cohort_label_scopes_that_paragraph_only():
    ex = announce(TRIAL, "Cohort 1 (n=62): The overall response rate was 74%. Median progression-free survival was 14.2 months.",
                  "Cohort 2 (n=41): The overall response rate was 61%.",
                  "Across all patients, the disease control rate was 90%.")
    got = results(ex)
    assert {("ORR", 74, None, "%", "1", False), ("mPFS", 14.2, None, "months", "1", False),
            ("ORR", 61, None, "%", "2", False), ("DCR", 90, None, "%", None, False)} <= got


def test_a_cohort_headings_scope_ends_at_the_first_prose_paragraph_after_its_list():
    ex = announce(TRIAL, "Arm B (n=30):", "- ORR was 30%", "- DCR was 70%",
                  "Overall, the median duration of response was 9.1 months.")
    got = results(ex)
    assert ("ORR", 30, None, "%", "B", False) in got
    assert ("mDOR", 9.1, None, "months", None, False) in got


# -- figures that are not results, and labels that are not groups ------------------------------------


def test_a_follow_up_time_after_not_reached_is_no_result():
    ex = announce(TRIAL, "Median duration of response had not been reached at a median follow-up of 7.4 months.",
                  "Median PFS was not reached after 11 months of follow-up.")
    assert not {r for r in results(ex) if r[0] in ("mDOR", "mPFS")}


def test_a_figure_after_its_follow_up_time_is_still_found():
    ex = announce(TRIAL, "At a median follow-up of 13.5 months, median progression-free survival was 14.2 months.")
    assert ("mPFS", 14.2, None, "months", None, False) in results(ex)


def test_in_this_group_points_back_and_names_no_cohort():
    ex = announce(TRIAL, "Median progression-free survival in this group was 5.6 months.")
    assert ("mPFS", 5.6, None, "months", None, False) in results(ex)
    assert not ex.cohorts


# -- "St." inside an organisation's name ------------------------------------------------------------


def test_a_saint_abbreviation_keeps_the_hospital_whole():
    from test_extractors import same

    ex = announce(TRIAL, '"We agree," said Mara Okonkwo, M.D., a neurologist at St. Aldric Medical Center.')
    person = next(p for p in ex.people if p.name == "Mara Okonkwo")
    assert person.role == "neurologist" and same(person.organization, "St. Aldric Medical Center")
    assert not [c for c in ex.companies if same(c.name, "St")]


# -- trials -----------------------------------------------------------------------------------------


def test_a_possessive_appositive_after_the_drug_does_not_end_the_trials_population():
    ex = announce(lead="that the first patient has been dosed in HALO-201, a Phase 1b/2 clinical trial evaluating "
                       "ACM-101, its oral KAT6 inhibitor, in combination with fulvestrant, in patients with "
                       "metastatic breast cancer.",
                  headline="Acme Oncology Doses First Patient in HALO-201, a Phase 1b/2 Trial of ACM-101 in Combination "
                           "with Endocrine Therapy for Metastatic Breast Cancer")
    trials = [t for t in ex.trials if t.drug == "ACM-101"]
    assert len(trials) == 1
    assert trials[0].name == "HALO-201" and trials[0].phase == "1/2"
    assert "metastatic breast cancer" in trials[0].indication


def test_each_named_study_in_a_list_of_appositives_is_its_own_trial():
    ex = announce("Beyond HARBOR-3, the programme includes HARBOR-1, a Phase III trial of ACM-101 monotherapy versus "
                  "dacarbazine in the first-line setting, and HARBOR-4, a Phase II study combining ACM-101 with ACM-220.")
    names = {t.name for t in ex.trials if t.drug == "ACM-101"}
    assert {"HARBOR-1", "HARBOR-4"} <= names
    assert next(t.phase for t in ex.trials if t.name == "HARBOR-1") == "3"


def test_a_population_cut_where_a_study_name_begins_keeps_no_dangling_words():
    from trialgraph.extractors.text import indication_after

    assert indication_after("in first-line metastatic melanoma in the ") == "first-line metastatic melanoma"


def test_an_appositive_after_a_named_stage_describes_the_named_study():
    ex = announce(lead="results from the Phase 2 portion of HARBOR-1, a Phase 1/2 study of ACM-101 in patients with "
                       "relapsed or refractory multiple myeloma.")
    trials = [t for t in ex.trials if t.drug == "ACM-101"]
    assert [(t.name, t.phase) for t in trials] == [("HARBOR-1", "1/2")]


def test_the_about_section_restating_a_named_study_by_its_disease_is_the_same_study():
    about = ("About Acme Oncology, Inc.\n\nAcme Oncology develops oligonucleotide medicines. Its pipeline includes "
             "ACM-101, in a Phase II/III trial for Duchenne muscular dystrophy.")
    ex = announce("Acme dosed the first boys in ASCEND-5, a Phase II/III, randomized, placebo-controlled trial of ACM-101 in "
                  "ambulatory boys aged 4 to 10 years with Duchenne muscular dystrophy (DMD) amenable to exon 44 skipping.",
                  about=about)
    trials = [t for t in ex.trials if t.drug == "ACM-101"]
    assert [(t.name, t.phase) for t in trials] == [("ASCEND-5", "2/3")]


def test_ind_enabling_studies_name_no_study():
    ex = announce("Acme completed IND-enabling studies of ACM-305 and expects to begin a Phase 1 trial in 2026.")
    assert not [t for t in ex.trials if t.name and "enabling" in t.name.lower()]


# -- a joint release ---------------------------------------------------------------------------------


def test_a_joint_release_has_one_issuer_the_company_named_first():
    from test_extractors import run

    text = ("Acme and Zentrix Enter License Agreement\n\n"
            "NEW YORK and SHANGHAI, Nov. 4, 2025 (GLOBE NEWSWIRE) -- Acme Oncology, Inc. (NYSE: ACME) and Zentrix Bio "
            "Co., Ltd. (HKEX: 3921) today announced an exclusive license agreement for ZX-0417.\n")
    ex = run(text)
    issuers = [c.name for c in ex.companies if c.is_issuer]
    assert issuers == ["Acme Oncology, Inc."]
    assert {"Acme Oncology, Inc.", "Zentrix Bio Co., Ltd."} <= {c.name for c in ex.companies}


# -- cohort labels ----------------------------------------------------------------------------------


def test_a_descriptive_cohort_with_its_label_in_parentheses_is_known_by_the_label():
    ex = announce(TRIAL, "Confirmed ORR was 41% in the melanoma expansion cohort (Cohort A) at the recommended dose.")
    assert ("ORR", 41, None, "%", "A", False) in results(ex)
    assert {c.label for c in ex.cohorts} == {"A"}


def test_a_dose_level_with_a_letter_suffix_is_its_own_cohort():
    ex = announce(TRIAL, "A fractionated cohort, dose level 3F, received 1.2 mg/kg on Days 1 and 8 of each cycle.",
                  "In the dose level 3F cohort, 4 of 11 evaluable patients responded (ORR 36%).")
    cohort = next(c for c in ex.cohorts if c.label == "3F")
    assert (cohort.dose, cohort.dose_unit, cohort.regimen) == (2.4, "mg/kg", "fractionated")
    assert ("ORR", 36, None, "%", "3F", False) in results(ex)


def test_a_subgroup_named_with_a_number_keeps_its_whole_name():
    ex = announce(TRIAL, "In the exon 19 deletion subgroup, median PFS reached 27.6 months.",
                  "In the exon 21 insertion subgroup, median PFS reached 19.1 months.")
    assert ("mPFS", 27.6, None, "months", "exon 19 deletion", False) in results(ex)


def test_an_endpoint_and_its_figure_in_parentheses_is_no_code_name():
    from test_extractors import drug_named

    ex = announce(TRIAL, "In the dose level 3F cohort, 4 of 11 evaluable patients responded (ORR 36%).")
    assert drug_named(ex, "ORR 36") is None


# -- populations with a decimal in a biomarker -----------------------------------------------------


def test_a_decimal_inside_a_biomarker_does_not_end_the_population():
    from trialgraph.extractors.text import indication_after

    assert indication_after("for the treatment of Claudin 18.2-positive gastric adenocarcinoma.") == \
        "Claudin 18.2-positive gastric adenocarcinoma"
    assert indication_after("in patients with melanoma. 2.5 mg was given") == "melanoma"


def test_a_designation_for_a_biomarker_population_with_a_decimal_keeps_its_indication():
    ex = announce("In March 2025, the NMPA granted Breakthrough Therapy Designation to ACM-101 for the treatment of "
                  "CLDN18.2-positive gastric cancer.")
    designation = next(d for d in ex.designations if d.agency == "NMPA")
    assert designation.indication == "CLDN18.2-positive gastric cancer"


def test_a_capital_letter_ending_a_disease_name_is_no_dangling_article():
    from trialgraph.extractors.text import indication_after

    assert indication_after("for the treatment of hemophilia A and other bleeding disorders.").startswith("hemophilia A")


def test_a_line_of_therapy_cohort_scopes_every_figure_of_its_sentence():
    ex = announce(TRIAL, "In the third-line-or-later (3L+) cohort (n=58), the confirmed ORR was 46.6% and median "
                         "progression-free survival was 6.2 months.",
                  "In the second-line cohort (n=31), the confirmed ORR was 58.1%.")
    got = results(ex)
    assert {("ORR", 46.6, None, "%", "3L+", False), ("mPFS", 6.2, None, "months", "3L+", False),
            ("ORR", 58.1, None, "%", "second-line", False)} <= got


def test_the_span_of_a_stages_dose_levels_is_no_cohort_dose():
    ex = announce(TRIAL, "Part 1, the dose-escalation portion, enrolled 38 patients across five dose levels from 100 mg "
                         "to 600 mg once daily and is complete.")
    assert "1" not in {c.label for c in ex.cohorts}


def test_a_single_dose_after_a_part_still_makes_it_a_cohort():
    from trialgraph.extractors.cohorts import dose_in

    assert dose_in("received 400 mg once daily") == (400.0, "mg", "multiple", None)
    assert dose_in("across dose levels from 100 mg to 600 mg") is None


# -- out-licensed drugs ------------------------------------------------------------------------------


def test_an_out_licensed_drug_is_its_licensees():
    from test_extractors import drug_named

    ex = announce("Kestrel Pharmaceuticals plc reported that its Phase 2 trial of ZX-5150 met its primary endpoint. "
                  "Acme discovered ZX-5150 and exclusively licensed worldwide rights to Kestrel Pharmaceuticals plc in 2023.",
                  "Rennick Pharma GmbH, to which Acme licensed ZX-118 in 2022, initiated a Phase 2a trial.")
    assert drug_named(ex, "ZX-5150").company == "Kestrel Pharmaceuticals plc"
    assert drug_named(ex, "ZX-118").company == "Rennick Pharma GmbH"
    assert drug_named(ex, "ACM-101").company == "Acme Oncology, Inc."


def test_a_second_subgroup_said_with_it_was_keeps_its_own_figures():
    ex = announce(TRIAL, "In the exon 19 deletion subgroup, median PFS reached 27.6 months with ACM-101 versus 15.2 months "
                         "with placebo, and in patients with the L858R substitution it was 22.0 months versus 11.1 months.")
    got = results(ex)
    assert {("mPFS", 27.6, None, "months", "exon 19 deletion", False), ("mPFS", 22.0, None, "months", "L858R", False),
            ("mPFS", 15.2, None, "months", None, True), ("mPFS", 11.1, None, "months", None, True)} <= got


def test_the_definite_restatement_of_a_generic_first_mention_is_the_same_study():
    ex = announce(lead="results from the dose-escalation part of its first-in-human Phase I trial of ACM-101 in patients "
                       "with advanced solid tumors.",
                  *("The open-label, multicenter Phase I study (ACM-101-101) enrolled 52 patients with platinum-resistant "
                    "ovarian cancer or endometrial cancer.",))
    trials = [t for t in ex.trials if t.drug == "ACM-101" and t.phase == "1"]
    assert len(trials) == 1 and trials[0].name == "ACM-101-101"
    assert "ovarian cancer" in trials[0].indication


def test_once_monthly_dosing_is_a_repeated_regimen():
    from trialgraph.extractors.cohorts import regimen_of

    assert regimen_of("Cohort 3 (6 mg/kg once monthly)") == "multiple"
    assert regimen_of("once a month") == "multiple"
    assert regimen_of("given as a single infusion") == "single"
