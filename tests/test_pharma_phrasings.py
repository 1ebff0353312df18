"""Phrasings of big-pharma releases and their news rewrites found by the held-out pharma set
(tests/heldout_pharma), written anew with invented names: news attributions of analysts and
executives, and other constructions the tuning corpora did not show."""
from __future__ import annotations

import pytest

from test_extractors import announce, same


def person(ex, name):
    return next((p for p in ex.people if p.name == name), None)


@pytest.mark.parametrize("sentence, name, role, org", [
    ('"The data are clean," said analyst Oskar Rindal of Examplebank Markets, who rates the stock a buy.',
     "Oskar Rindal", "analyst", "Examplebank Markets"),
    ("Kestrel Capital analyst Tom Wendell wrote in a note that prices could fall.", "Tom Wendell", "analyst", "Kestrel Capital"),
    ("Chief Executive Anselm Vogt told analysts on a call that the launch would be funded from cash.",
     "Anselm Vogt", "chief executive", "Acme Oncology, Inc."),
    ("Beatrix Kohlmann, who heads oncology development at Acme, told reporters the trial would start soon.",
     "Beatrix Kohlmann", "head of oncology development", "Acme Oncology, Inc."),
])
def test_news_attributions_name_the_person_their_title_and_firm(sentence, name, role, org):
    found = person(announce(sentence), name)
    assert found is not None and found.role == role and same(found.organization, org)


def test_an_analyst_after_a_sentence_adverb_has_no_firm():
    found = person(announce("Meanwhile analyst Jane Roe said the launch was on track."), "Jane Roe")
    assert found is not None and found.role == "analyst" and found.organization is None


def test_a_plural_analysts_phrase_names_no_person():
    ex = announce("Analysts at Kestrel Securities noted that overall survival data were immature.")
    assert not ex.people


# -- subgroups named by what their patients have, or by a biomarker state ---------------------------

from test_extractors import results  # noqa: E402

PHASE3 = "The randomized Phase 3 BEACON-9 trial compared ACM-101 with docetaxel in 480 patients with NSCLC."


def test_a_prespecified_subgroup_of_patients_with_a_trait_is_labelled_by_the_trait():
    ex = announce(PHASE3, "In the prespecified subgroup of patients with brain metastases, median PFS was 8.4 months.")
    assert ("mPFS", 8.4, None, "months", "brain metastases", False) in results(ex)
    assert not any(c.label == "prespecified" for c in ex.cohorts)


def test_a_biomarker_state_subgroup_is_a_cohort_when_it_carries_a_finding():
    ex = announce(PHASE3, "In the FRα-high subgroup, the objective response rate reached 51%.")
    assert ("ORR", 51, None, "%", "FRα-high", False) in results(ex)


def test_a_subgroup_without_a_finding_is_no_cohort():
    ex = announce(PHASE3, "Enrolment in the PD-L1-high subgroup was completed in March.")
    assert not ex.cohorts


# -- designations: the EMA orphan committee's opinion, and a region written as the grant's modifier ---------


def designations(ex):
    return {(d.drug, d.type, d.agency) for d in ex.designations}


def test_the_orphan_committees_positive_opinion_on_the_application_is_an_ema_orphan_designation():
    ex = announce("The European Medicines Agency's Committee for Orphan Medicinal Products (COMP) issued a positive opinion "
                  "on the application for orphan designation of ACM-101 for the treatment of Duchenne muscular dystrophy.")
    assert ("ACM-101", "orphan_drug", "EMA") in designations(ex)


def test_an_application_for_orphan_designation_alone_is_no_designation():
    ex = announce("Acme submitted an application for orphan designation of ACM-101 for Duchenne muscular dystrophy.")
    assert not ex.designations


def test_a_us_accelerated_approval_beside_an_eu_filing_is_the_fdas():
    ex = announce("- Results support conversion of the 2025 U.S. accelerated approval of ACM-101 to full approval "
                  "and a marketing authorization application in the EU")
    assert designations(ex) == {("ACM-101", "accelerated_approval", "FDA")}


# -- company names in news and partner sentences ------------------------------------------------------


def companies(ex):
    return {c.name for c in ex.companies}


def test_a_dotted_suffix_with_a_lower_case_letter_stays_in_the_name():
    ex = announce("Outside the United States, ACM-101 will be commercialized by Veltra Farma S.p.A. in Europe.")
    assert "Veltra Farma S.p.A." in companies(ex)


def test_news_descriptor_before_a_company_is_not_part_of_its_name():
    ex = announce("Rival Kestrel Pharmaceuticals abandoned its similar drug, zorvistamide, last year after a failed Phase 3 trial.")
    assert "Kestrel Pharmaceuticals" in companies(ex)
    drug = next(d for d in ex.drugs if d.name == "zorvistamide")
    assert same(drug.company, "Kestrel Pharmaceuticals")


def test_a_regulators_name_is_not_a_company():
    ex = announce("The UK Medicines and Healthcare products Regulatory Agency (MHRA) awarded ACM-101 an Innovation Passport.")
    assert companies(ex) == {"Acme Oncology, Inc."}


def test_a_related_coverage_list_names_no_company():
    ex = announce("ACM-101 sales rose 20% in the quarter.", "Related coverage",
                  "- Kestrel Bio shares hit record on royalty outlook")
    assert not any("Kestrel" in name for name in companies(ex))


# -- control arms named by a row label or by the regimen's abbreviation ------------------------------

CONTROLLED = ("The randomized Phase 3 BEACON-9 trial compared ACM-101 with daratumumab, pomalidomide and dexamethasone "
              "(DPd) in 600 patients with multiple myeloma.")


def test_a_row_of_figures_led_by_the_control_arm_is_the_comparators():
    ex = announce(CONTROLLED, "ACM-101: median OS 16.6 months; median PFS 7.9 months; ORR 42.3%",
                  "Chemotherapy: median OS 12.2 months; median PFS 4.1 months; ORR 14.8%")
    got = results(ex)
    assert {("mOS", 16.6, None, "months", None, False), ("ORR", 42.3, None, "%", None, False),
            ("mOS", 12.2, None, "months", None, True), ("mPFS", 4.1, None, "months", None, True),
            ("ORR", 14.8, None, "%", None, True)} <= got


def test_a_cohort_row_is_no_comparator():
    ex = announce(CONTROLLED, "Cohort B: median PFS 6.1 months; ORR 30%")
    assert not any(r.comparator for r in ex.results)


def test_a_figure_with_the_control_regimens_abbreviation_is_the_comparators():
    ex = announce(CONTROLLED, "Median PFS was 16.2 months with ACM-101 and 6.9 months with DPd.")
    got = results(ex)
    assert ("mPFS", 16.2, None, "months", None, False) in got and ("mPFS", 6.9, None, "months", None, True) in got


# -- news paraphrases of a trial's figures -------------------------------------------------------------


def test_living_a_median_of_months_without_the_cancer_worsening_is_median_pfs():
    ex = announce("In the Phase 3 ARCWAY trial, men who took ACM-101 lived a median of 22.8 months without their cancer "
                  "worsening on scans, compared with 16.1 months for those given enzalutamide.")
    got = results(ex)
    assert ("mPFS", 22.8, None, "months", None, False) in got and ("mPFS", 16.1, None, "months", None, True) in got
    assert all(r.drug == "ACM-101" for r in ex.results)


def test_a_drug_a_news_story_measures_against_does_not_count_toward_its_main_drug():
    from trialgraph.extractors import PIPELINE, Context
    from trialgraph.model import Document
    from trialgraph.segment import segment

    text = ("Kestrel prostate cancer drug beats enzalutamide in late-stage trial\n\n"
            "ZURICH, June 2 (Reuters) - Kestrel Pharma AG said on Tuesday its experimental pill zorvutamide kept the disease "
            "in check for longer than the widely used hormone drug enzalutamide in a late-stage study.\n\n"
            "Men who took zorvutamide lived a median of 22.8 months without their cancer worsening, compared with 16.1 "
            "months for those given enzalutamide.\n\nEnzalutamide has been a standard treatment for a decade.\n")
    document = Document("reuters-kestrel-2026-06-02", "reuters-kestrel-2026-06-02.txt", text)
    ctx = Context.start(document, segment(document))
    for _, stage in PIPELINE:
        stage(ctx)
    assert ctx.main_drug() == "zorvutamide"
    assert {r.drug for r in ctx.extraction.results} == {"zorvutamide"}


def test_responses_seen_in_a_share_of_patients_is_the_response_rate():
    ex = announce(CONTROLLED, "Responses were seen in 74.0% of patients treated with ACM-101 and 47.5% of those treated with DPd.")
    got = results(ex)
    assert ("ORR", 74.0, None, "%", None, False) in got and ("ORR", 47.5, None, "%", None, True) in got


def test_complete_responses_seen_in_a_share_stay_complete_responses():
    ex = announce(CONTROLLED, "Complete responses were seen in 21% of patients treated with ACM-101.")
    assert ("CR", 21, None, "%", None, False) in results(ex)


def test_a_grant_to_an_unnamed_drug_restates_the_grant_stated_for_a_named_one():
    from test_extractors import run

    text = ("Kestrel lifts forecast as obesity shot sales top estimates\n\nBy Jane Roe\n\n"
            "Kestrel Pharmaceuticals Inc raised its forecast on Thursday after sales of its weight-loss injection beat "
            "expectations, and said U.S. regulators had granted breakthrough therapy status to an experimental lung cancer drug.\n\n"
            "Analysts expect the injection to take share from semaglutide.\n\n"
            "Kestrel said the Food and Drug Administration had granted breakthrough therapy designation to KST-5521, a pill "
            "that blocks the KRAS G12C mutation, for patients with advanced non-small cell lung cancer.\n")
    ex = run(text, "kestrel-news-2026-07-30")
    assert {(d.drug, d.type) for d in ex.designations} == {("KST-5521", "breakthrough_therapy")}


@pytest.mark.parametrize("sentence", [
    "Zepravo, the brand name for semaglutide, brought in $3.9 billion in the quarter.",
    "Acme said semaglutide, sold as Zepravo, brought in $3.9 billion in the quarter.",
])
def test_a_brand_named_in_apposition_to_its_substance_is_one_drug(sentence):
    drug = next(d for d in announce(sentence).drugs if d.name == "semaglutide")
    assert [a.name for a in drug.aliases] == ["Zepravo"]


def test_a_grant_to_an_unnamed_drug_goes_to_no_drug_named_before_it():
    ex = announce("Sales of its weight-loss injection ACM-101 beat estimates, and Acme said U.S. regulators had granted "
                  "breakthrough therapy status to an experimental lung cancer drug.")
    assert not ex.designations
