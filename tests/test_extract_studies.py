"""Trials and designations on phrasings of real releases, written anew with
invented names (see test_extractors.py for the conventions): where a trial's
population is stated away from its phase, abbreviations the release defines,
and sentences about a programme rather than a grant."""
from __future__ import annotations

import pytest

from trialgraph.extractors.abbreviations import defined_abbreviations, expand
from trialgraph.extractors.text import indication_after

from test_extractors import announce
from trialgraph.extractors.context import name_key


def _trials(extraction):
    return {(t.drug, t.phase): t for t in extraction.trials}


def _designations(extraction):
    return {(d.drug, d.type, d.agency, d.indication) for d in extraction.designations}


def test_population_stated_later_in_the_sentence_is_the_trials_indication():
    ex = announce("The Phase 2 BRIGHT study of ACM-101 enrolled 120 adults with moderate-to-severe plaque psoriasis.")
    assert _trials(ex)[("ACM-101", "2")].indication == "moderate-to-severe plaque psoriasis"


def test_trial_without_population_takes_the_indication_the_release_ties_its_drug_to():
    ex = announce(
        "ACM-101 is being developed for the treatment of ulcerative colitis.",
        "The company dosed the first patient in the Phase 2 study of ACM-101 last week.",
    )
    assert _trials(ex)[("ACM-101", "2")].indication == "ulcerative colitis"


def test_a_defined_abbreviation_is_read_as_its_long_form():
    ex = announce(
        "Chronic lumbar disc disease (cLDD) affects millions.",
        "A Phase 2 trial of ACM-101 in cLDD is ongoing.",
    )
    assert _trials(ex)[("ACM-101", "2")].indication == "Chronic lumbar disc disease (cLDD)"


def test_a_defined_disease_abbreviation_is_not_a_trial_name():
    ex = announce(
        "Respiratory syncytial virus (RSV) causes severe infections in infants.",
        "The Phase 2 RSV study of ACM-101 in infants with RSV infection met its primary endpoint.",
    )
    assert all(t.name != "RSV" for t in ex.trials)


@pytest.mark.parametrize("sentence", [
    "For this patient population, ACM-101 is intended to treat this progressive form of dementia in a Phase 2 study.",
])
def test_an_anaphoric_phrase_is_not_an_indication(sentence):
    assert indication_after("to treat this progressive form of dementia") is None


@pytest.mark.parametrize("tail, expected", [
    ("for the treatment of ALS, which represents a large market", "ALS"),
    ("in NSCLC represents a significant step forward", "NSCLC"),
    ("for knee osteoarthritis appeared first on a news site", "knee osteoarthritis"),
    ("To Treat Chronic Lumbar Disc Disease", "Chronic Lumbar Disc Disease"),
    ("in 40 patients with relapsed multiple myeloma", "relapsed multiple myeloma"),
])
def test_an_indication_ends_where_its_noun_phrase_ends(tail, expected):
    assert indication_after(tail) == expected


def test_a_full_approval_is_not_a_designation():
    ex = announce("The FDA approved zelatinib for adults with relapsed multiple myeloma in 2019.")
    assert ex.designations == []


def test_what_a_programme_provides_is_not_a_designation_the_drug_holds():
    ex = announce(
        "The FDA granted ACM-101 Regenerative Medicine Advanced Therapy designation for knee osteoarthritis.",
        "RMAT designation provides early interactions with the FDA and potential eligibility for "
        "accelerated approval and priority review.",
    )
    types = {d.type for d in ex.designations}
    assert types == {"rmat"}


def test_prime_as_a_verb_is_not_the_ema_scheme():
    ex = announce("ACM-101 is designed to prime the immune system and was granted Fast Track designation by the FDA.")
    assert {d.type for d in ex.designations} == {"fast_track"}


def test_regulators_named_by_region():
    ex = announce("ACM-101 has received Orphan Drug Designation from both US and European regulators.")
    assert {(d.type, d.agency) for d in ex.designations} == {("orphan_drug", "FDA"), ("orphan_drug", "EMA")}


@pytest.mark.parametrize("text, short, long", [
    ("dementia with Lewy bodies (DLB)", "DLB", "dementia with Lewy bodies"),
    ("locally advanced pancreatic cancer (LAPC)", "LAPC", "locally advanced pancreatic cancer"),
    ("aneurysmal subarachnoid hemorrhage (aSAH)", "aSAH", "aneurysmal subarachnoid hemorrhage"),
])
def test_schwartz_hearst_definitions(text, short, long):
    assert defined_abbreviations("Patients with " + text + " were enrolled.")[short] == long


def test_tickers_and_unmatched_parentheses_define_nothing():
    assert defined_abbreviations("Acme Oncology (NASDAQ: ACME) and zelatinib (ACM-101).") == {}


def test_expand_keeps_the_short_form():
    assert expand("cLDD", {"cLDD": "chronic lumbar disc disease"}) == "chronic lumbar disc disease (cLDD)"
    assert expand("chronic lumbar disc disease (cLDD)", {"cLDD": "chronic lumbar disc disease"}) == \
        "chronic lumbar disc disease (cLDD)"


@pytest.mark.parametrize("sentence", [
    "The Phase 2 study evaluates ACM-101 in combination with the PD-1 inhibitor zelumab in non-small cell lung cancer.",
    "The Phase 2 study evaluates ACM-101 plus zelumab in non-small cell lung cancer.",
    "A Phase 2 trial compares ACM-101 versus zelumab in non-small cell lung cancer.",
])
def test_a_combination_partner_or_comparator_does_not_take_the_trial(sentence):
    ex = announce(sentence, lead="an update on ACM-101, its lead candidate, and on zelumab, a marketed antibody.")
    assert {t.drug for t in ex.trials} == {"ACM-101"}


def test_stages_of_a_combined_phase_study_are_one_trial():
    ex = announce(
        "ACM-101 is being evaluated in a Phase 1/2 study in relapsed multiple myeloma.",
        "The Phase 1 dose-escalation portion of the study is complete and the Phase 2 portion has begun.",
    )
    assert [(t.drug, t.phase) for t in ex.trials] == [("ACM-101", "1/2")]


def test_a_list_cut_before_its_next_clause_is_split_into_its_indications():
    ex = announce(
        "In 2018 the FDA granted ACM-101 orphan drug designations for neuroblastoma, rhabdomyosarcoma, "
        "Ewing's sarcoma and osteosarcoma, and the company plans a pediatric study."
    )
    assert {d.indication for d in ex.designations} == {
        "neuroblastoma", "rhabdomyosarcoma", "Ewing's sarcoma", "osteosarcoma"}


def test_each_grant_keeps_the_date_of_its_own_clause():
    ex = announce(
        "In December 2014, the FDA granted ACM-101 orphan drug designation for the treatment of multiple myeloma, "
        "and in May 2019 the agency granted it Fast Track designation in relapsed or refractory multiple myeloma."
    )
    dates = {d.type: d.date for d in ex.designations}
    assert dates == {"orphan_drug": "2014-12", "fast_track": "2019-05"}


@pytest.mark.parametrize("when, expected", [
    ("in the fourth quarter of 2024", "2024"),
    ("in Q3 2023", "2023"),
    ("in late 2019", "2019"),
])
def test_a_part_of_a_year_dates_a_grant_to_that_year(when, expected):
    ex = announce(f"The FDA granted ACM-101 Fast Track designation {when}.")
    assert [d.date for d in ex.designations] == [expected]


def test_both_of_which_grants_every_drug_listed():
    ex = announce(
        "The pipeline includes ACM-101 and ACM-202, both of which received Fast Track designation from the FDA.",
        lead="an update on ACM-101 and ACM-202, its lead candidates.",
    )
    assert {(d.drug, d.type) for d in ex.designations} == {("ACM-101", "fast_track"), ("ACM-202", "fast_track")}


def test_a_headline_for_the_drug_to_treat_the_disease():
    ex = announce("The company is pleased.", headline="FDA Grants Fast Track Designation For ACM-101 To Treat Chronic Lumbar Disc Disease")
    assert [(d.drug, d.indication) for d in ex.designations] == [("ACM-101", "Chronic Lumbar Disc Disease")]


def test_pursuing_a_designation_is_not_holding_it():
    ex = announce("The company is pursuing Fast Track designation for ACM-101 in Canada.")
    assert ex.designations == []


@pytest.mark.parametrize("sentence, dose", [
    ("Patients in Cohort 5 will receive two 15 mCi/m2 doses one week apart.", 30.0),
    ("Patients in Cohort 5 will receive two doses of 15 mCi/m2 one week apart.", 30.0),
    ("Patients in Cohort 5 will receive three 10 mg/kg infusions a week apart.", 30.0),
    ("Patients in Cohort 5 will receive 15 mCi/m2 as a single infusion.", 15.0),
])
def test_a_fractionated_cohort_records_the_total_dose_of_its_cycle(sentence, dose):
    ex = announce("The Phase 1 study of ACM-101 in relapsed multiple myeloma continues. " + sentence)
    assert [(c.label, c.dose) for c in ex.cohorts] == [("5", dose)]


@pytest.mark.parametrize("sentence", [
    "In the intention-to-treat population of the Phase 2 study of ACM-101 the overall response rate was 30%.",
    "Across the efficacy and the safety population of the Phase 2 study of ACM-101 patients had 7 prior lines.",
])
def test_analysis_populations_named_after_a_preposition_are_not_cohorts(sentence):
    ex = announce(sentence)
    assert ex.cohorts == []


@pytest.mark.parametrize("tail, expected", [
    ("in nine participants with knee osteoarthritis", "knee osteoarthritis"),
    ("enrolled 120 adults with type 2 diabetes", "type 2 diabetes"),
    ("in metastatic pancreatic adenocarcinoma, collaborative research carried out by partners", "metastatic pancreatic adenocarcinoma"),
    ("in non-Hodgkin lymphoma, chronic lymphocytic leukemia, and mantle cell lymphoma", "non-Hodgkin lymphoma, chronic lymphocytic leukemia, and mantle cell lymphoma"),
    ("for IV infusion in aneurysmal hemorrhage patients to address significant unmet needs", "aneurysmal hemorrhage"),
])
def test_indication_phrases_of_real_populations(tail, expected):
    assert indication_after(tail) == expected


def test_a_disease_written_between_phase_and_noun_is_the_indication():
    ex = announce("ACM-101 is currently undergoing a Phase II psoriasis trial in Europe.")
    assert _trials(ex)[("ACM-101", "2")].indication == "psoriasis"


def test_a_trial_name_between_phase_and_noun_is_not_an_indication():
    ex = announce("The Phase 2b BRAVO (Blocking Relapse in Advanced Myeloma) study of ACM-101 met its endpoint.")
    trial = _trials(ex)[("ACM-101", "2b")]
    assert trial.name == "BRAVO" and (trial.indication or "").find("BRAVO") < 0


def test_a_page_pasted_into_one_line_is_still_split_into_sentences():
    from trialgraph.model import Document
    from trialgraph.segment import segment

    line = ("Acme Presents Data * * * * *ACM-101 shows activity* BOSTON, March 3, 2021 -- Acme Oncology today "
            "announced data. " + "The overall response rate was 50%. " * 20)
    sentences = segment(Document("pasted", "pasted.txt", "Acme Presents Data\n\n" + line + "\n"))
    assert len(sentences) > 20


def test_a_population_by_age_who_have_the_disease():
    assert indication_after("on treating individuals aged 50 to 85 who have mild-to-moderate Alzheimer's disease") == \
        "mild-to-moderate Alzheimer's disease"


def test_a_named_study_with_a_descriptor_before_its_noun_is_one_trial_across_drugs():
    ex = announce(
        "ACM-101 is an intravenous formulation of zelatinib.",
        "Enrollment in the pivotal Phase 3 BRAVO Safety Trial of ACM-101 in hemorrhagic stroke patients is complete.",
        "The BRAVO study of zelatinib enrolled patients at 20 sites.",
        headline="Acme Reports Pivotal Phase 3 BRAVO Safety Trial Results",
    )
    named = [t for t in ex.trials if t.name == "BRAVO"]
    assert len(named) == 1 and named[0].indication == "hemorrhagic stroke"


@pytest.mark.parametrize("sentence", [
    "The Phase III GLORY study of ACM-101 in myelodysplastic syndrome is enrolling.",
    'Results of a "real-world" study of ACM-101 in cutaneous lymphoma were presented.',
])
def test_phase_numerals_and_quoted_lower_case_phrases_are_not_trial_names(sentence):
    ex = announce(sentence)
    assert {t.name for t in ex.trials} <= {None, "GLORY"}


def test_a_designation_for_a_combination_belongs_to_the_sponsor_drug():
    ex = announce(
        "The FDA granted Orphan Drug Designation to ACM-101 in combination with valaciclovir for the treatment "
        "of pancreatic cancer.",
        lead="an update on ACM-101, its lead candidate given with valaciclovir, a marketed antiviral.",
    )
    assert {d.drug for d in ex.designations} == {"ACM-101"}


@pytest.mark.parametrize("tail", ["for rare diseases", "to treat serious conditions", "in clinical development for cancers"])
def test_phrases_that_name_no_particular_disease_are_not_indications(tail):
    assert indication_after(tail) is None


def test_a_phase_enabling_study_is_not_a_study_of_that_phase():
    ex = announce("Data from the Phase 2b RSVX study of ACM-101 will support a Phase 3-enabling program in RSV infection.")
    assert {t.phase for t in ex.trials} == {"2b"}


def test_a_headline_rounding_a_phase_off_names_the_same_study():
    ex = announce(
        "Enrollment is complete in the Phase 2b BRIGHT study of ACM-101 in plaque psoriasis.",
        headline="Acme Completes Enrollment in Phase 2 Study of ACM-101 in Plaque Psoriasis",
    )
    assert [(t.phase, t.name) for t in ex.trials] == [("2b", "BRIGHT")]


def _disease_sections_release(first_heading: str, second_heading: str) -> str:
    return "\n\n".join([
        "Acme Presents Updated Phase 1/2 Data for ACM-101",
        "BOSTON, March 3, 2021 (GLOBE NEWSWIRE) -- Acme Oncology, Inc. (NASDAQ: ACME) today presented data from "
        "the Phase 1/2 VISTA study of ACM-101 in patients with FL and MZL.",
        first_heading,
        "Among 40 patients with FL, the overall response rate was 61% and median progression-free survival was 14.2 months.",
        second_heading,
        "Among 30 patients with MZL, the overall response rate was 48%.",
        "About Acme Oncology, Inc.\n\nAcme Oncology develops cancer drugs.",
    ]) + "\n"


@pytest.mark.parametrize("first, second", [
    ("Follicular Lymphoma", "Marginal Zone Lymphoma"),
    ("**Follicular Lymphoma**", "**Marginal Zone Lymphoma**"),
])
def test_results_under_a_heading_per_disease_belong_to_that_disease_cohort(first, second):
    from test_extractors import run

    ex = run(_disease_sections_release(first, second))
    cohorts = {(r.endpoint, r.value): r.cohort for r in ex.results}
    assert cohorts == {("ORR", 61.0): "FL", ("mPFS", 14.2): "FL", ("ORR", 48.0): "MZL"}
    assert {c.label for c in ex.cohorts} == {"FL", "MZL"}


def test_one_disease_heading_alone_does_not_make_a_cohort():
    from test_extractors import run

    ex = run(_disease_sections_release("Follicular Lymphoma", "Safety"))
    assert {r.cohort for r in ex.results if r.value == 61.0} == {None}


def test_the_treatment_arm_named_after_the_drug_is_not_a_labelled_cohort():
    ex = announce("In the Phase 3 BRAVO study, the ACM-101 group had fewer strokes than the placebo group.")
    assert ex.cohorts == []


def test_phase_testing_is_a_trial():
    ex = announce("ACM-101 has completed Phase I clinical testing in Australia and is in a Phase II trial in psoriasis.")
    assert {t.phase for t in ex.trials} == {"1", "2"}


def test_plural_trials_for_a_list_of_indications_are_one_study_each():
    ex = announce("In 2023 the company filed IND applications for Phase II clinical trials of ACM-101 for "
                  "bipolar disorder, major depressive disorder and post-traumatic stress disorder.")
    assert sorted(t.indication for t in ex.trials) == [
        "bipolar disorder", "major depressive disorder", "post-traumatic stress disorder"]


def test_a_disease_named_after_a_person_is_an_indication():
    assert indication_after("for the treatment of Alzheimer's.") == "Alzheimer's"


def test_the_drug_refers_to_the_subject_of_the_sentence_before():
    ex = announce(
        "ACM-101 combines two marketed drugs (zelatinib and quorafen) in a new formulation. "
        "The drug has received Orphan Drug Designation from the FDA.",
        lead="an update on ACM-101, its lead candidate.",
    )
    assert {d.drug for d in ex.designations} == {"ACM-101"}


def test_disease_as_a_modifier_is_not_an_indication():
    assert indication_after("for targeting multiple disease pathways simultaneously") is None


@pytest.mark.parametrize("sentence, label", [
    ("The Phase 2 study of ACM-101 showed a 56% objective response rate in patients with KRAS G12D/V mutations.", "KRAS G12D/V"),
    ("Among EGFR L858R-mutant patients, the Phase 2 study of ACM-101 showed an overall response rate of 48%.", "EGFR L858R"),
])
def test_a_subgroup_named_by_a_gene_variant_carries_its_figures(sentence, label):
    ex = announce(sentence)
    assert [(r.cohort, r.value) for r in ex.results] == [(label, float(sentence.split("%")[0].split()[-1]))]
    assert [c.label for c in ex.cohorts] == [label]


def test_two_partners_codes_joined_by_a_slash_are_two_aliases_of_one_drug():
    ex = announce("Acme presented data for its ADC zelatuzumab vedotin (formerly ACM-264/XY-2870) in bladder cancer.",
                  lead="an update on zelatuzumab vedotin, its lead ADC.")
    assert len(ex.drugs) == 1
    drug = ex.drugs[0]
    assert {drug.name, *(a.name for a in drug.aliases)} == {"ACM-264", "XY-2870", "zelatuzumab vedotin"}


def test_an_acronym_the_release_writes_out_without_defining_it_is_read_as_the_disease():
    ex = announce(
        "ACM-101 is developed for amyotrophic lateral sclerosis, Parkinson's disease and multiple sclerosis.",
        "In MS, the company presented Phase 2 extension results demonstrating remyelination.",
    )
    assert _trials(ex)[("ACM-101", "2")].indication == "multiple sclerosis (MS)"


def test_a_trial_name_spelling_a_disease_phrase_stays_a_name():
    ex = announce("The Phase 2b STORM study (Selinexor Treatment of Refractory Myeloma) of ACM-101 read out.")
    assert _trials(ex)[("ACM-101", "2b")].name == "STORM"


def test_plural_studies_without_their_own_population_are_one_line():
    ex = announce(
        "ACM-101 is being developed for chronic lymphocytic leukemia, small lymphocytic lymphoma and mantle cell lymphoma.",
        "Acme is studying ACM-101 in multiple Phase 3 studies.",
    )
    assert [t.phase for t in ex.trials].count("3") == 1


def test_a_study_does_not_take_the_population_of_another_study_of_its_drug():
    ex = announce(
        "ACM-101 is in a Phase 1 study in pediatric solid tumors. ACM-101 was well tolerated in pediatric solid tumors.",
        "In addition to the Phase 1 study, the Phase 2 BRAVO trial of ACM-101 continues to enroll.",
    )
    assert _trials(ex)[("ACM-101", "2")].indication is None
    assert _trials(ex)[("ACM-101", "1")].indication == "pediatric solid tumors"


def test_a_defined_study_acronym_whose_expansion_names_a_disease_stays_a_name():
    ex = announce("In the Zelatinib Treatment Effect in People with Obesity (ZEPO) studies, ACM-101 was compared "
                  "in a Phase 3 ZEPO trial in adults with obesity.")
    assert "ZEPO" in {t.name for t in ex.trials}


def test_a_designation_for_this_need_takes_the_indication_stated_just_before():
    ex = announce(
        "Millions of adults vape. There are no approved treatments indicated as an aid to e-cigarette cessation. "
        "ACM-101 has been granted Breakthrough Therapy designation to address this critical need."
    )
    assert [(d.type, d.indication) for d in ex.designations] == [("breakthrough_therapy", "e-cigarette cessation")]


def test_a_designation_with_no_indication_and_no_back_reference_has_none():
    ex = announce("Millions of adults vape. ACM-101 has been granted Breakthrough Therapy designation by the FDA.")
    assert [(d.type, d.indication) for d in ex.designations] == [("breakthrough_therapy", None)]


def test_plural_trials_for_listed_indications_stay_apart_from_a_study_named_before():
    ex = announce(
        "Acme will run a Phase II trial of ACM-101 in patients with bipolar disorder.",
        "Acme also filed INDs for Phase II clinical trials of ACM-101 for major depressive disorder and "
        "post-traumatic stress disorder.",
    )
    assert sorted(t.indication for t in ex.trials if t.phase == "2") == [
        "bipolar disorder", "major depressive disorder", "post-traumatic stress disorder"]


def test_an_inline_heading_glued_to_the_next_sentence_is_cut_off():
    ex = announce(
        "Acme Starts Phase II Trial of ACM-101 for Plaque PsoriasisOn March 1st, Acme began a Phase II clinical "
        "trial of ACM-101 in adults with plaque psoriasis.")
    assert sorted({t.indication for t in ex.trials if t.phase == "2"}) in (
        ["Plaque Psoriasis", "adults with plaque psoriasis"], ["plaque psoriasis"], ["Plaque Psoriasis"])
    assert all("On" not in (t.indication or "").split() for t in ex.trials)


def test_a_description_with_abbreviations_is_the_named_study_it_restates():
    ex = announce(
        "Acme presented data from the Phase 1/2 HARBOR trial in patients with mantle cell lymphoma and chronic "
        "lymphocytic leukemia.",
        "Mantle cell lymphoma (MCL) and chronic lymphocytic leukemia (CLL) are B-cell cancers.",
        "The Phase 1/2 clinical trial is evaluating ACM-101 in patients previously treated for MCL or CLL.",
    )
    assert [(t.phase, t.name) for t in ex.trials] == [("1/2", "HARBOR")]


def test_the_stages_of_a_combined_phase_study_are_that_study():
    ex = announce(
        "The Phase 1/2 HARBOR trial of ACM-101 enrolls patients with mantle cell lymphoma.",
        "The primary endpoint of the Phase 1 study is the maximum tolerated dose. "
        "The primary endpoint for the Phase 2 study is ORR.",
    )
    assert [(t.phase, t.name) for t in ex.trials] == [("1/2", "HARBOR")]


def test_studies_of_one_drug_in_different_diseases_stay_apart():
    ex = announce(
        "ACM-101 completed a Phase 2 trial in Alzheimer's disease.",
        "Acme will now conduct a Phase 2 clinical trial of ACM-101 in patients with bipolar disorder.",
    )
    assert sorted(t.indication for t in ex.trials) == ["Alzheimer's disease", "bipolar disorder"]


@pytest.mark.parametrize("sentence, name", [
    ("The HARBOR Phase 1/2 clinical trial is evaluating ACM-101 in patients with mantle cell lymphoma.", "HARBOR"),
    ("Approval was based on the Phase 2b ReTide trial of ACM-101 in plaque psoriasis.", "ReTide"),
    ("Acme reported data from the Phase 2 KeyTide-002 trial of ACM-101 in plaque psoriasis.", "KeyTide-002"),
    ("ZXS012 is a new Phase 2, open label study to assess ACM-101 in plaque psoriasis.", "ZXS012"),
    ("The development of ACM-101 started with the phase 1/2 study A-12-M1 in plaque psoriasis.", "A-12-M1"),
])
def test_study_names_in_their_usual_positions_and_cases(sentence, name):
    ex = announce(sentence)
    assert [t.name for t in ex.trials] == [name]


def test_two_registry_numbers_are_two_studies():
    ex = announce(
        "The first-in-human Phase 1 study of ACM-101 (NCT01234567) enrolled nine adults with knee osteoarthritis.",
        "The HARBOR Phase 1b clinical trial (NCT07654321) is a placebo-controlled study of ACM-101.",
        "The HARBOR clinical trial was funded by a grant.",
    )
    assert sorted((t.phase, t.name) for t in ex.trials) == [("1", None), ("1b", "HARBOR")]


def test_a_coformulation_written_with_a_slash_is_the_studied_drug():
    ex = announce(
        "Acme announced results from the Phase 2 HARBOR trial evaluating zelatinib/velotamab, a coformulation of "
        "zelatinib and velotamab, in patients with metastatic melanoma.",
        headline="Acme Announces Findings from Phase 2 HARBOR Trial Evaluating an Investigational Coformulation of "
                 "Zelatinib and Velotamab",
        lead="results for its coformulation zelatinib/velotamab.",
    )
    assert [(t.drug, t.name) for t in ex.trials if t.name] == [("zelatinib/velotamab", "HARBOR")]


@pytest.mark.parametrize("about", [
    "ACM-101, the company's novel ALS treatment, delivered strong results last year.",
    "These outcomes position ACM-101 as one of the most promising ALS therapies in development.",
])
def test_a_disease_written_before_the_word_for_a_therapy_is_the_drugs_indication(about):
    ex = announce(about, "Acme plans a global Phase 3 trial of ACM-101 next year.")
    assert _trials(ex)[("ACM-101", "3")].indication == "ALS"


def test_both_forms_of_a_disease_is_not_a_back_reference():
    assert indication_after("designed to treat both forms of acute bacterial conjunctivitis") == \
        "acute bacterial conjunctivitis"
    assert indication_after("designed to treat both of these conditions") is None


def test_the_body_states_the_population_a_headline_names_in_a_word():
    ex = announce(
        "Acme received clearance to conduct the HARBOR study, a global Phase 3 study of ACM-101 for the treatment of "
        "patients with newly diagnosed higher-risk myelodysplastic syndrome.",
        headline="Acme Begins Enrolling Patients in HARBOR Phase III Trial of ACM-101 for Blood Cancer",
    )
    assert [(t.name, t.indication) for t in ex.trials] == [
        ("HARBOR", "newly diagnosed higher-risk myelodysplastic syndrome")]


@pytest.mark.parametrize("tail", [
    "which showed deep and durable reductions in tumor volume",
    "in Alzheimer's research",
])
def test_a_measure_or_a_field_named_after_a_disease_is_not_an_indication(tail):
    assert indication_after(tail) is None


@pytest.mark.parametrize("tail, expected", [
    ("in Heavily Pretreated Thyroid Cancers September 29, 2019", "Heavily Pretreated Thyroid Cancers"),
    ("for the treatment of*RET*-altered thyroid cancers.", "RET -altered thyroid cancers"),
    ("for higher-risk MDS globally.", "higher-risk MDS"),
    ("in patients with plexiform neurofibromas often face significant challenges", "plexiform neurofibromas"),
])
def test_an_indication_stops_at_a_date_an_adverb_or_markup(tail, expected):
    assert indication_after(tail) == expected


def test_a_study_entitled_by_name_and_its_appositive_with_a_possessive_are_one_study():
    ex = announce(
        "ACM-101 is part of an ongoing phase 2 clinical trial, entitled HARBOR, in pancreatic cancer.",
        "HARBOR, our Phase 2b trial evaluating ACM-101 in metastatic pancreatic cancer, continues to enroll.",
    )
    assert [(t.phase, t.name) for t in ex.trials] == [("2b", "HARBOR")]


def test_a_long_list_of_design_words_between_phase_and_noun_is_read_past():
    ex = announce("ACM-101 is being studied in a Phase 2a, randomized, double-blind, placebo-controlled, multicenter, "
                  "dose-ranging trial in patients with secondary progressive multiple sclerosis.")
    trial = _trials(ex)[("ACM-101", "2")]
    assert trial.indication == "secondary progressive multiple sclerosis"
    assert {"randomized", "double-blind", "multicenter"} <= set(trial.design)


def test_a_clause_after_a_named_study_is_not_its_appositive():
    ex = announce("In addition to the Phase 2 HARBOR trial of ACM-101, the company recently initiated a Phase 1 "
                  "open-label study of ACM-101 in pediatric solid tumors.")
    assert _trials(ex)[("ACM-101", "2")].indication != "pediatric solid tumors"
    assert _trials(ex)[("ACM-101", "1")].indication == "pediatric solid tumors"


def test_a_dosing_schedule_after_the_population_is_not_part_of_it():
    assert indication_after("for relapsed myeloma and select lymphomas with either a one- or two-dose regimen") == \
        "relapsed myeloma and select lymphomas"


def test_trials_spoken_of_in_general_are_not_a_study():
    ex = announce("ACM-101 completed its Phase 1 study in healthy volunteers.",
                  "Acme plans to out-license assets following successful Phase II trials.")
    assert [t.phase for t in ex.trials] == ["1"]


def test_bold_headings_of_a_page_pasted_as_one_line_open_sections():
    from trialgraph.model import Document
    from trialgraph.segment import segment

    body = "The overall response rate was 50% in the study. " * 40
    line = (f"Acme Presents Data BOSTON, March 3, 2021 -- Acme Oncology today announced data. {body}"
            "**About the HARBOR Trial** The HARBOR trial is a Phase 2 study of ACM-101. "
            "**Forward-Looking Statements** This press release contains forward-looking statements.")
    sentences = segment(Document("pasted", "pasted.txt", "Acme Presents Data\n\n" + line + "\n"))
    about = [s for s in sentences if "HARBOR trial is" in s.clean]
    assert about and about[0].zone.value == "about" and about[0].section == "the HARBOR Trial"
    assert [s.zone.value for s in sentences if "contains forward-looking" in s.clean] == ["forward_looking"]


def test_a_completed_study_and_an_ongoing_one_of_the_next_sub_phase_are_two():
    ex = announce("Acme dosed the first patient in the Phase Ib clinical trial of ACM-101 in ulcerative colitis.",
                  "ACM-101 has completed Phase I clinical testing in healthy volunteers.")
    assert sorted(t.phase for t in ex.trials) == ["1", "1b"]


def test_a_phase_said_in_words_and_then_more_precisely_is_one_study():
    ex = announce(
        "The phase two clinical trial of ACM-101, begun in 2023, enrolls patients with agitation in Alzheimer's disease.",
        "ACM-101 is currently undergoing a Phase 2b clinical trial for agitation in dementia due to Alzheimer's disease.",
    )
    assert [t.phase for t in ex.trials] == ["2b"]


def test_a_combination_partner_after_with_is_not_the_studied_drug():
    ex = announce("ACM-101 is being studied as monotherapy in the Phase 2 HARBOR trial and in combination with "
                  "azacitidine.", headline="Acme Reports ACM-101 Data")
    assert [(t.drug, t.name) for t in ex.trials] == [("ACM-101", "HARBOR")]


def test_a_headline_title_casing_a_study_name_is_the_same_study():
    ex = announce("Interim results of the ongoing Phase 3 QUORRA-2 study of ACM-101 in adults with relapsed follicular lymphoma.",
                  headline="Acme Oncology Reports Interim Results from Phase 3 Quorra-2 Study of ACM-101")
    assert [t.name for t in ex.trials] == ["QUORRA-2"]


@pytest.mark.parametrize("tail, expected", [
    # a participle opens a reduced relative clause about the trial, not the population
    ("in metastatic gastric adenocarcinoma (ZX-7) evaluating the safety of ZX-101", "metastatic gastric adenocarcinoma"),
    ("in patients with plaque psoriasis assessing two dose levels", "plaque psoriasis"),
    # "and" before a verb with its object is the subject's next predicate
    ("in non-small cell lung cancer and shares its targeting platform with ZX-202", "non-small cell lung cancer"),
    # "and one Phase 2 study ..." starts the next item of a list of studies
    ("for smoking cessation and one Phase 2 study in vaping cessation", "smoking cessation"),
    # a list of diseases goes on
    ("in patients with ulcerative colitis and Crohn's disease", "ulcerative colitis and Crohn's disease"),
    ("for the treatment of asthma and chronic obstructive pulmonary disease", "asthma and chronic obstructive pulmonary disease"),
])
def test_an_indication_ends_at_a_participle_clause_or_a_new_predicate(tail, expected):
    assert indication_after(tail) == expected


def test_studies_in_the_plural_are_not_a_stage_of_a_combined_phase_study():
    ex = announce("A previously completed Phase 1/2 monotherapy study of ZX-101 enrolled patients with advanced "
                  "non-small cell lung cancer.",
                  "ZX-101 has completed Phase 1b studies in non-small cell lung cancer.")
    assert sorted(t.phase for t in ex.trials) == ["1/2", "1b"]


def test_the_subject_of_a_clause_before_a_semicolon_is_the_studied_drug():
    ex = announce("ACM-101 is the company's lead candidate. ACM-101 met its endpoints.",
                  "ZX-303: The FDA cleared the IND for ZX-303 for the treatment of idiopathic pulmonary fibrosis; "
                  "the company plans to initiate a Phase 1b/2a trial in mid-2025.")
    trial = _trials(ex)[("ZX-303", "1/2")]
    assert trial.indication == "idiopathic pulmonary fibrosis"


def test_a_trial_in_a_sentence_naming_no_drug_studies_the_subject_of_its_paragraph():
    ex = announce("ACM-101 is the company's lead candidate. ACM-101 met its endpoints in a Phase 3 trial in gout.",
                  "ZX-404 showed activity in preclinical models. The company is also conducting a Phase 1 trial "
                  "in pediatric high-grade glioma.")
    assert _trials(ex)[("ZX-404", "1")].indication == "pediatric high-grade glioma"


@pytest.mark.parametrize("tail", [
    "in patients with prurigo nodularis in January 2025",
    "in prurigo nodularis by the first half of 2026",
    "in prurigo nodularis in Q3",
])
def test_an_indication_stops_at_a_month_or_a_quarter(tail):
    assert indication_after(tail) == "prurigo nodularis"


def test_a_population_ends_before_the_next_study_it_lists():
    ex = announce("ACM-101 is also being studied in the Phase 2 HARBOR-2 trial in adults with obesity and in "
                  "HARBOR-CV, a cardiovascular outcomes trial in participants with established cardiovascular disease.")
    by_name = {t.name: t.indication for t in ex.trials}
    assert by_name["HARBOR-2"] == "obesity"
    assert by_name["HARBOR-CV"] == "established cardiovascular disease"


def test_trials_of_no_named_drug_counted_by_a_vague_quantity_are_not_a_study():
    ex = announce("ACM-101 is being studied in a Phase 2 trial in newly diagnosed glioblastoma.",
                  "Other companies have run several Phase 3 trials in glioblastoma, most of which failed.")
    assert [t.phase for t in ex.trials] == ["2"]


@pytest.mark.parametrize("tail, expected", [
    ("in patients 12 years and older with sickle cell disease", "sickle cell disease"),
    ("in adults aged 65 years or older with RSV infection", "RSV infection"),
    ("for the treatment of advanced renal cell carcinoma based on the Phase 3 ZX-1 trial", "advanced renal cell carcinoma"),
])
def test_an_age_bound_is_not_the_population_and_based_on_ends_it(tail, expected):
    assert indication_after(tail) == expected


def test_in_which_opens_a_relative_clause_not_a_population():
    assert indication_after(", in which ZX-101 reduced vaso-occlusive crises by 70%") is None


def test_a_named_study_called_by_its_first_stage_and_by_its_combined_phase_is_the_combined_phase():
    ex = announce("Preliminary data from the HARBOR-7 Phase 1a study of ACM-101 in solid tumors were encouraging.",
                  "ACM-101 is being studied in a Phase 1/2 (HARBOR-7) trial in patients with solid tumors.")
    assert [(t.name, t.phase) for t in ex.trials] == [("HARBOR-7", "1/2")]


def test_populations_each_followed_by_its_phases_in_parentheses_are_one_study_per_phase():
    ex = announce("ACM-101 is currently in ongoing clinical trials in non-small cell lung cancer (NSCLC) (Phase 2), "
                  "pancreatic cancer (Phase 1b), and localized prostate cancer (Phase 2 and Phase 3).")
    assert sorted((t.phase, t.indication) for t in ex.trials) == [
        ("1b", "pancreatic cancer"), ("2", "localized prostate cancer"), ("2", "non-small cell lung cancer"),
        ("3", "localized prostate cancer")]



@pytest.mark.parametrize("tail, expected", [
    ("with plans to initiate Phase 2/3 clinical trials by the first half of 2026, targeting LAPC.", "LAPC"),
    ("for ZX-900, its second candidate, which targets SRC-driven tumors.", "SRC-driven tumors"),
])
def test_a_study_or_drug_targeting_a_disease_names_its_indication(tail, expected):
    assert indication_after(tail) == expected


def test_a_mechanism_target_is_not_an_indication():
    assert indication_after("targeting the IL-31 receptor") is None


def test_phase_3_trials_for_two_subtyped_leukemias_and_a_tumour_are_one_study_each():
    ex = announce("Acme is conducting global registrational Phase 3 trials of ACM-101 for patients with newly "
                  "diagnosed Ph+ ALL and SDH-deficient GIST.")
    assert sorted(t.indication for t in ex.trials) == ["SDH-deficient GIST", "newly diagnosed Ph+ ALL"]


def test_bullets_under_a_heading_naming_a_drug_are_about_that_drug():
    ex = announce(
        "Pipeline Highlights",
        "ZX-210 (oral FXIa inhibitor)",
        "- Enrollment is complete in the Phase 2 ARCADIA study in patients with atrial fibrillation.",
        "ZX-330 (anti-TL1A antibody)",
        "- Announced positive topline results from the Phase 2a trial in ulcerative colitis.",
        "- Plans to start a Phase 2b dose-ranging study in Crohn's disease in early 2026.",
        "Financial Results",
        "- The Phase 1 trial in healthy volunteers was funded by a grant.",
    )
    drugs = {(t.phase, t.indication): t.drug for t in ex.trials}
    assert drugs[("2", "atrial fibrillation")] == "ZX-210"
    assert drugs[("2", "ulcerative colitis")] == "ZX-330"
    assert drugs[("2b", "Crohn's disease")] == "ZX-330"


def test_where_a_drug_is_approved_is_not_its_indication():
    assert indication_after("approved in the EU for adults with moderate to severe chronic hand eczema.") == \
        "moderate to severe chronic hand eczema"


@pytest.mark.parametrize("tail, expected", [
    ("in adults with gout", "gout"),
    ("for the treatment of acne", "acne"),
    ("in children with malaria", "malaria"),
])
def test_common_diseases_named_by_their_heading_are_indications(tail, expected):
    assert indication_after(tail) == expected


@pytest.mark.parametrize("tail", ["in patients with nausea", "for fatigue", "in recurrence"])
def test_signs_and_symptoms_alone_are_not_indications(tail):
    assert indication_after(tail) is None


def test_a_headline_shortening_the_population_is_the_study_the_body_describes():
    ex = announce("The regulator approved the start of a Phase II clinical trial evaluating ACM-101 for the "
                  "treatment of mpox caused by clade I virus infection.",
                  headline="Acme Receives Approval to Begin Phase II Trial of ACM-101 for Treatment of Mpox in Kinshasa")
    assert [t.phase for t in ex.trials] == ["2"]


@pytest.mark.parametrize("sentence, name", [
    ("ACM-101 met its primary endpoint in the Phase 3 Harmony trial in adults with gout.", "Harmony"),
    ("Acme completed the Phase IIb clinical trial, The Sapphire Study, of ACM-101 in conjunctivitis.", "Sapphire"),
])
def test_a_study_named_by_one_capitalised_word(sentence, name):
    assert [t.name for t in announce(sentence).trials] == [name]


@pytest.mark.parametrize("sentence", [
    "ACM-101 met its primary endpoint in the Phase 3 Pivotal trial in adults with gout.",
    "ACM-101 is being studied in the Phase 2 Psoriasis Study in adults.",
    "Results of the Extension Study of ACM-101 in gout were positive.",
])
def test_generic_capitalised_words_are_not_study_names(sentence):
    assert all(t.name is None for t in announce(sentence).trials)


@pytest.mark.parametrize("tail, expected", [
    ("in osteoarthritis in 2019.", "osteoarthritis"),
    ("in adults with gout completed enrollment", "gout"),
    ("in patients with HER2-positive breast cancer met its primary endpoint", "HER2-positive breast cancer"),
])
def test_an_indication_ends_at_a_year_or_the_sentences_past_tense_verb(tail, expected):
    assert indication_after(tail) == expected


@pytest.mark.parametrize("sentence", ["ACM-101 is in a Phase-2 trial in gout.", "ACM-101 is in a PHASE 2 TRIAL in gout."])
def test_a_phase_written_with_a_hyphen_or_in_capitals(sentence):
    assert [(t.phase, t.indication) for t in announce(sentence).trials] == [("2", "gout")]


def test_a_lower_case_phase_in_a_web_address_is_not_a_trial():
    ex = announce("Read more at https://example.com/acme-reports-phase-2-data-in-gout today.")
    assert ex.trials == [] or all(t.phase != "2" for t in ex.trials)


def test_a_new_clause_after_the_study_does_not_give_it_a_population():
    ex = announce("Acme plans to initiate Phase 2/3 clinical trials of ACM-101 in 2026, targeting pancreatic cancer.",
                  "As we prepare for Phase 2/3 trials of ACM-101, our preclinical findings underscore the potential "
                  "to address the complexities of KRAS-driven cancers.")
    assert [(t.phase, t.indication) for t in ex.trials] == [("2/3", "pancreatic cancer")]


def test_a_named_study_defined_with_is_a_and_a_registry_parenthesis_is_one_study_of_the_drug_it_evaluates():
    ex = announce("ZX-101 is Zentrix Bio's lead candidate.",
                  "KEYVIA-204 is a randomized, open-label Phase 3 trial (ClinicalTrials.gov, NCT01234567) evaluating "
                  "ZX-101 in combination with chemotherapy for patients with metastatic squamous NSCLC.")
    assert [(t.drug, t.phase, t.name) for t in ex.trials] == [("ZX-101", "3", "KEYVIA-204")]


def test_two_phase_trials_enumerated_with_one_and_one_are_a_study_each():
    ex = announce("Acme gave an update on its two pivotal Phase II trials: one evaluating ZX-202 in leptomeningeal "
                  "metastases from neuroblastoma, and one evaluating ACM-101 in relapsed high-risk neuroblastoma.")
    assert sorted((t.drug, t.phase, t.indication) for t in ex.trials) == [
        ("ACM-101", "2", "relapsed high-risk neuroblastoma"),
        ("ZX-202", "2", "leptomeningeal metastases from neuroblastoma")]


def test_a_study_named_without_its_phase_is_the_phase_study_of_the_same_population():
    ex = announce("More than 30 patients have enrolled in ACM-101 Study 301.",
                  "Acme's pivotal Phase II trial of ACM-101 enrolls patients with relapsed high-risk neuroblastoma.",
                  "In Study 301, ACM-101 is given to patients with relapsed high-risk neuroblastoma in the bone marrow.")
    assert [(t.phase, t.name) for t in ex.trials] == [("2", "Study 301")]


def test_a_named_study_of_another_population_stays_apart_from_the_phase_study():
    ex = announce("The ORCA-X trial is evaluating long-term exposure to ACM-101 in smokers with nicotine dependence.",
                  "ACM-101 was studied in one Phase 2 study in vaping cessation.")
    assert sorted((t.phase or "", t.name or "") for t in ex.trials) == [("", "ORCA-X"), ("2", "")]


@pytest.mark.parametrize("written, phase", [("Phase \u2162", "3"), ("Phase \u2160b/\u2161", "1/2"), ("Phase \u2161a", "2")])
def test_roman_numerals_written_as_one_character(written, phase):
    ex = announce(f"ACM-101 is being studied in a {written} trial in gout.")
    assert [t.phase for t in ex.trials] == [phase]


@pytest.mark.parametrize("sentence", [
    "ACM-101 was tested in a real-world study, which is known as SUNRISE-RW, in patients with gout.",
    "ACM-101 was tested in a study, dubbed SUNRISE-RW, in patients with gout.",
])
def test_a_study_known_as_or_dubbed_a_name(sentence):
    assert [t.name for t in announce(sentence).trials] == ["SUNRISE-RW"]


def test_a_name_in_apposition_after_the_study_noun():
    ex = announce("The Phase 3 trial, called BRIDGE-1, tested ACM-101 in adults with lupus.",
                  "A second Phase 3 study, BRIDGE-2, is expected to read out in the first half of 2026.")
    assert sorted(t.name for t in ex.trials) == ["BRIDGE-1", "BRIDGE-2"]


def test_a_code_in_parentheses_closing_the_population_names_the_study():
    ex = announce("The Company's Phase Ib/II combination trial in metastatic pancreatic adenocarcinoma (ZX006) "
                  "evaluating ACM-101 with doxorubicin was completed in October 2024.")
    assert [(t.phase, t.name, t.indication) for t in ex.trials] == [("1/2", "ZX006", "metastatic pancreatic adenocarcinoma")]


@pytest.mark.parametrize("sentence, name", [
    ("The Pioneer 6 study of ACM-101 enrolled adults with type 2 diabetes.", "Pioneer 6"),
    ("In Study 301, ACM-101 is given to patients with gout.", "Study 301"),
])
def test_a_word_and_a_number_before_the_noun_name_a_study(sentence, name):
    assert [t.name for t in announce(sentence).trials] == [name]


@pytest.mark.parametrize("sentence", ["The Part 2 study of ACM-101 enrolled adults with gout.",
                                      "The Week 52 study visit of ACM-101 in gout was completed."])
def test_a_part_or_a_week_with_its_number_is_not_a_study_name(sentence):
    assert all(t.name is None for t in announce(sentence).trials)


def test_studies_named_by_a_word_and_a_number_before_their_phase_stay_apart():
    ex = announce("In the Pioneer 1 phase 3a randomized study conducted in 703 patients with type 2 diabetes, "
                  "ZX-101 lowered HbA1c.",
                  "Further, the Pioneer 6 phase 3a randomized study enrolled 1,591 patients.")
    assert sorted((t.name, t.phase) for t in ex.trials) == [("Pioneer 1", "3"), ("Pioneer 6", "3")]


def test_a_single_letter_hyphenated_acronym_names_a_study():
    ex = announce("ACM-101 is one of the investigational treatments assessed in the biomarker-driven Q-STAR trial "
                  "in breast cancer.")
    assert [t.name for t in ex.trials] == ["Q-STAR"]


def test_a_study_noun_far_after_the_phase_belongs_to_another_phrase():
    ex = announce("Acme selected the recommended Phase 2 dose of ACM-101 last year and reported that the earlier trial "
                  "in gout met its goal.")
    assert all(t.phase != "2" for t in ex.trials)


def test_two_phases_coordinated_before_one_noun_are_both_studies():
    ex = announce("ACM-101 is currently being evaluated in both Phase 2 and Phase 1 clinical studies in gout.")
    assert sorted(t.phase for t in ex.trials) == ["1", "2"]


def test_phase_trials_of_two_coordinated_drugs_are_a_study_of_each():
    ex = announce("Analysts compared the data with the Phase 3 trials of dovranumab and kelitrumab, approved in 2023.",
                  headline="Acme Reports ACM-101 Data")
    assert sorted(t.drug for t in ex.trials if t.phase == "3") == ["dovranumab", "kelitrumab"]


# A study family's members are named by a word after the family's name ("<name> Lipids", "<name> Outcomes").
def test_a_word_after_a_study_familys_name_names_the_member_study():
    ex = announce(
        "The Phase 3 ZEPHYR Glucose Trial enrolled 900 adults with type 2 diabetes.",
        "The ZEPHYR outcomes trial of ACM-101 is ongoing and will report in 2028.",
    )
    names = {name_key(t.name) for t in ex.trials if t.drug == "ACM-101" and t.name}
    assert names == {name_key("ZEPHYR Glucose"), name_key("ZEPHYR Outcomes")}
    phases = {name_key(t.name): t.phase for t in ex.trials if t.name}
    assert phases[name_key("ZEPHYR Glucose")] == "3" and phases[name_key("ZEPHYR Outcomes")] is None


@pytest.mark.parametrize("sentence, name", [
    ("The KESTREL-2 Safety Trial of ACM-101 enrolled 120 adults with plaque psoriasis.", "KESTREL-2"),
    ("The Phase 2 KESTREL Psoriasis Trial of ACM-101 enrolled 120 adults.", "KESTREL"),
    ("Results of the KESTREL Pivotal Trial of ACM-101 in plaque psoriasis were positive.", "KESTREL"),
])
def test_a_descriptive_or_disease_word_after_a_study_name_is_not_part_of_it(sentence, name):
    ex = announce(sentence)
    assert {t.name for t in ex.trials} == {name}


def test_a_qualified_name_needs_a_study_name_before_its_word():
    ex = announce("Zentrix Bio will file an IND after its IND Enabling Study of ACM-101 in plaque psoriasis ends.")
    assert not any(t.name and t.name.startswith("IND") for t in ex.trials)


# A combined phase written with a dash ("Phase I–II", as journals write it) or a phase's stages run together ("2a/b")
@pytest.mark.parametrize("written, phase", [
    ("Phase 1-2", "1/2"), ("Phase I\u2013II", "1/2"), ("phase 2\u20133", "2/3"), ("Phase 1b-2", "1/2"),
    ("Phase 2a/b", "2"), ("Phase IIb/III", "2/3"),
])
def test_a_combined_phase_written_with_a_dash_is_one_phase(written, phase):
    ex = announce(f"Zentrix Bio started a {written} trial of ACM-101 in adults with plaque psoriasis.")
    assert [t.phase for t in ex.trials if t.drug == "ACM-101"] == [phase]


def test_a_hyphenated_word_after_a_phase_is_not_a_second_phase():
    ex = announce("Zentrix Bio completed the Phase 3-enabling toxicology study of ACM-101 and started a Phase 2 trial "
                  "in adults with plaque psoriasis.")
    assert [t.phase for t in ex.trials if t.drug == "ACM-101"] == ["2"]


def test_a_named_study_does_not_absorb_an_unnamed_study_of_another_population():
    # words every population shares ("relapsed or refractory") do not make two populations one
    ex = announce(
        "An investigator-initiated Phase 1 study of ACM-101 in relapsed or refractory head and neck cancer has completed enrollment.",
        "ACM-101 is also being evaluated in the Phase 1 KESTREL-2 study in relapsed or refractory pediatric solid tumors.",
    )
    studies = sorted((t.name or "", t.indication) for t in ex.trials if t.drug == "ACM-101")
    assert studies == [("", "relapsed or refractory head and neck cancer"),
                       ("KESTREL-2", "relapsed or refractory pediatric solid tumors")]


def test_a_named_study_still_takes_an_unnamed_mention_of_its_own_population():
    ex = announce(
        "A Phase 2 study of ACM-101 in adults with moderate plaque psoriasis is enrolling.",
        "The Phase 2 KESTREL study enrolls adults with plaque psoriasis at 40 sites.",
    )
    assert [(t.name, t.phase) for t in ex.trials if t.drug == "ACM-101"] == [("KESTREL", "2")]


def test_this_study_takes_the_population_of_the_study_the_sentence_before_described():
    ex = announce(
        "Enrollment is complete in a study testing ACM-101 with radiotherapy in relapsed or refractory head and neck cancer. "
        "Northfield University is running this investigator-initiated Phase 1 study.",
        "ACM-101 is also being evaluated in the Phase 1 KESTREL-2 study in relapsed or refractory pediatric solid tumors.",
    )
    studies = {t.name: t.indication for t in ex.trials if t.drug == "ACM-101" and t.phase == "1"}
    assert studies == {None: "relapsed or refractory head and neck cancer",
                       "KESTREL-2": "relapsed or refractory pediatric solid tumors"}


def test_this_study_does_not_take_a_population_from_another_paragraph_or_a_sentence_without_a_study():
    ex = announce(
        "ACM-101 is being developed for relapsed or refractory head and neck cancer.",
        "ACM-101 reduced tumor size in mice with pancreatic cancer. The company started this Phase 1 study in May.",
    )
    assert [t.indication for t in ex.trials if t.drug == "ACM-101"] != ["pancreatic cancer"]


def test_a_planned_named_study_does_not_absorb_a_completed_study_of_the_same_phase():
    ex = announce(
        "Zentrix Bio previously completed a Phase 1/2 study of ACM-101 as a single agent in advanced non-small cell lung cancer.",
        "Zentrix Bio is planning the Phase 1/2 KESTREL-7 study of ACM-101 with pembrolizumab in first-line non-small cell lung cancer.",
    )
    studies = sorted((t.name or "", t.indication) for t in ex.trials if t.drug == "ACM-101")
    assert studies == [("", "advanced non-small cell lung cancer"),
                       ("KESTREL-7", "first-line non-small cell lung cancer")]


@pytest.mark.parametrize("written", ["ZX101-01/PB-3020-001", "PB-3020-001"])
def test_a_partnered_studys_protocol_codes_name_it(written):
    ex = announce(f"Zentrix Bio will present results from the Phase 1/2 {written} study (NCT01234567) of ACM-101 "
                  "in adults with plaque psoriasis.")
    assert [(t.phase, t.name) for t in ex.trials if t.drug == "ACM-101"] == [("1/2", written)]


def test_a_pipeline_bullet_writes_the_drugs_indication_in_parentheses():
    ex = announce(
        "Pipeline highlights:",
        "* ACM-101 (plaque psoriasis): Phase 2 trial initiated in March.",
        "* ZX-202 (ulcerative colitis): first patient dosed in Phase 1b study.",
    )
    assert {(t.drug, t.phase, t.indication) for t in ex.trials} >= {
        ("ACM-101", "2", "plaque psoriasis"), ("ZX-202", "1b", "ulcerative colitis")}


def test_a_code_in_parentheses_after_a_drug_is_not_its_indication():
    ex = announce("ACM-101 (also known as ZX-5) is in a Phase 2 trial.")
    assert all(t.indication != "also known as ZX-5" for t in ex.trials)


def test_a_name_in_apposition_after_the_study_and_its_drug_names_the_study():
    ex = announce("The registrational study of ACM-101, ZEPHYR, enrolled 300 adults with plaque psoriasis.")
    assert [(t.drug, t.name) for t in ex.trials] == [("ACM-101", "ZEPHYR")]


def test_a_list_of_drugs_after_a_study_is_not_its_name():
    ex = announce("A Phase 2 study of ACM-101, ZX-202 and ZX-303, is planned in plaque psoriasis.")
    assert all(t.name is None for t in ex.trials)


def test_a_population_cut_at_its_length_keeps_no_dangling_word():
    from trialgraph.extractors.text import _cut
    cut = _cut("primary refractory or relapsed high-risk neuroblastoma confined to the bone in young children "
               "aged one to ten and older children")
    assert cut == "primary refractory or relapsed high-risk neuroblastoma confined to the bone in young children aged one"


@pytest.mark.parametrize("sentence, phase", [
    ("Zentrix dosed the first patient in the Phase 1b portion of CALLA-1, a Phase 1 study of ACM-101 in patients with "
     "primary membranous nephropathy.", "1"),
    ("Zentrix started the Phase 2 portion of CALLA-1, a Phase 1/2 study of ACM-101 in patients with IgA nephropathy.", "1/2"),
])
def test_a_named_study_keeps_its_own_phase_not_its_stages(sentence, phase):
    trials = [t for t in announce(sentence).trials if t.name == "CALLA-1"]
    assert [t.phase for t in trials] == [phase]


def test_a_population_ends_where_the_study_it_was_seen_in_is_named():
    extraction = announce("ACM-101 showed a 46.6% confirmed response rate in heavily pretreated Claudin 18.2-positive "
                          "gastric cancer in an ongoing Phase 2 study in China.")
    indications = [t.indication for t in extraction.trials if t.phase == "2"]
    assert indications == ["heavily pretreated Claudin 18.2-positive gastric cancer"]


def test_the_people_a_study_is_of_are_its_population():
    extraction = announce("Zentrix reported positive results for ACM-202 in a Phase 2a challenge study of healthy adults "
                          "infected with respiratory syncytial virus, in which ACM-202 reduced viral load.")
    trials = [t for t in extraction.trials if t.phase == "2"]
    assert len(trials) == 1 and trials[0].indication.lower().startswith("healthy adults infected with")


def test_a_study_in_healthy_volunteers_has_them_as_its_population():
    ex = announce(
        "ZX-101 is being developed for the treatment of moderate-to-severe asthma.",
        "Zentrix Bio plans to begin a first-in-human Phase 1 study of ZX-101 in healthy adult volunteers in the fourth "
        "quarter of 2025, to be followed by a cohort of patients with moderate-to-severe asthma.",
    )
    assert _trials(ex)[("ZX-101", "1")].indication == "healthy adult volunteers"


def test_a_challenge_study_of_healthy_adults_infected_with_a_virus_keeps_the_infection():
    ex = announce("ZX-101 showed antiviral activity in a Phase 2a challenge study of healthy adults infected with influenza.")
    assert "influenza" in _trials(ex)[("ZX-101", "2")].indication


def test_a_stage_in_healthy_volunteers_is_part_of_its_study():
    ex = announce(
        "Zentrix Bio dosed the first patient in the Phase 1b portion of ZEN-1, a Phase 1 study of ZX-101 in patients "
        "with primary membranous nephropathy. The Phase 1a portion in healthy volunteers completed in June.",
    )
    assert [t.phase for t in ex.trials] == ["1"]
    assert ex.trials[0].indication == "primary membranous nephropathy"


def test_a_planned_study_without_a_population_is_about_the_drugs_single_indication():
    # the release's own Phase 1b study is about the disease too: still the drug's one indication
    ex = announce(
        "Zentrix Bio reported data from the Phase 1b/2 KESTREL study of ZX-101 in platinum-resistant ovarian cancer.",
        "Zentrix Bio plans to begin a registrational Phase 3 trial comparing ZX-101 with paclitaxel in 2026.",
        lead="early ZX-101 data in platinum-resistant ovarian cancer.",
    )
    assert _trials(ex)[("ZX-101", "3")].indication == "platinum-resistant ovarian cancer"


def test_the_about_section_retelling_a_programme_gives_its_other_studies_no_population():
    ex = announce(
        "The pivotal Phase 2 KESTREL study evaluates ZX-101 in patients with relapsed refractory multiple myeloma.",
        "About ZX-101",
        "ZX-101 is a peptide-drug conjugate. Its clinical development started with the Phase 1/2 study ZX-01, and "
        "the randomized Phase 3 OSPREY study is planned to serve as the confirmatory study.",
    )
    trials = _trials(ex)
    assert trials[("ZX-101", "2")].indication == "relapsed refractory multiple myeloma"
    assert trials[("ZX-101", "3")].indication is None
    assert trials[("ZX-101", "1/2")].indication is None


def test_a_drug_tied_to_several_indications_gives_a_study_none_of_them():
    ex = announce(
        "ZX-101 is being developed for the treatment of ulcerative colitis, Crohn's disease and psoriasis.",
        "Zentrix Bio plans to start a Phase 3 study of ZX-101 next year.",
    )
    assert _trials(ex)[("ZX-101", "3")].indication is None


def test_a_separate_study_is_not_a_stage_of_the_combined_phase_study():
    ex = announce(
        "The open-label Phase 1/2 trial is evaluating ZX-101 as monotherapy in patients with unresectable "
        "hepatocellular carcinoma.",
        "A separate Phase 1b study combining ZX-101 with a PARP inhibitor from Zentrix Bio is enrolling patients.",
    )
    assert {t.phase for t in ex.trials if "ZX" in t.drug} == {"1/2", "1b"}


def test_the_phase_1_part_of_a_phase_1_2_study_is_that_study():
    ex = announce(
        "The Phase 1/2 trial is evaluating ZX-101 in patients with unresectable hepatocellular carcinoma.",
        "The Phase 1 dose-escalation part of the study enrolled 30 patients.",
    )
    assert [t.phase for t in ex.trials if "ZX" in t.drug] == ["1/2"]


def test_a_vaccines_disease_written_before_the_word_vaccine_is_its_studys_population():
    ex = announce("Zentrix Bio's pipeline also includes ZX-330, a combination RSV and human metapneumovirus (hMPV) "
                  "vaccine candidate in a Phase 1 trial in Australia.")
    assert _trials(ex)[("ZX-330", "1")].indication.startswith("RSV and human metapneumovirus")


def test_a_population_headed_by_a_defined_abbreviation_is_the_named_studys_own():
    ex = announce(
        "ZX-101 failed to beat placebo in a Phase 3 trial in systemic lupus erythematosus (SLE).",
        "The 52-week ZEPHYR-3 study enrolled 614 adults with moderate to severe SLE who were receiving standard therapy. "
        "Patients were randomized to ZX-101 or placebo.",
        lead="topline results for ZX-101, its lead drug candidate.",
    )
    trials = [t for t in ex.trials if t.drug == "ZX-101"]
    assert [(t.phase, t.name) for t in trials] == [("3", "ZEPHYR-3")]
    assert trials[0].indication.startswith("moderate to severe systemic lupus erythematosus")


def test_a_population_ends_before_a_clause_of_time():
    assert indication_after("in lupus before a second trial succeeded and the drug won approval") == "lupus"


def test_a_group_of_patients_is_no_part_of_their_disease():
    ex = announce("Diffuse large B-cell lymphoma (LBCL) is common. In the Phase 3 ZEPHYR-3 study, ZX-101 reduced the "
                  "risk of death in a group of LBCL patients who had failed three lines of therapy.")
    assert _trials(ex)[("ZX-101", "3")].indication == "large B-cell lymphoma (LBCL)"


def test_the_trials_own_sentence_states_its_population_over_the_disease_of_the_drugs_appositive():
    ex = announce(
        "Zentrix Bio completed dosing of the third cohort of its first-in-human Phase 1 trial of ZX-101, a peptide "
        "being developed for amyotrophic lateral sclerosis (ALS).",
        "The placebo-controlled trial, conducted at one site in Perth, is assessing the safety of a single infusion of "
        "ZX-101 in healthy adult volunteers.",
        lead="an update on ZX-101.",
    )
    assert _trials(ex)[("ZX-101", "1")].indication == "healthy adult volunteers"


def test_a_sentence_on_the_trials_endpoint_states_no_population():
    ex = announce(
        "The Phase 2 ZEN-2 trial evaluates ZX-101 in metastatic non-small cell lung cancer.",
        "The trial's primary endpoint is PFS per Response Evaluation Criteria in Solid Tumors v1.1.",
    )
    assert _trials(ex)[("ZX-101", "2")].indication == "metastatic non-small cell lung cancer"


def test_patients_named_by_their_nationality_are_a_population_not_a_place():
    assert indication_after("in Japanese patients with cold agglutinin disease.") == \
        "Japanese patients with cold agglutinin disease"
    assert indication_after("in Japan in patients with cold agglutinin disease.") == "cold agglutinin disease"
