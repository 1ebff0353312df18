"""Phrasings of rare-disease and cell/gene-therapy releases found by the held-out rare set
(tests/heldout_rare), written anew with invented names: cell-therapy INNs with a process
suffix, names listed in a parenthesis with semicolons, antigens a receptor recognises,
designations from several agencies in one sentence."""
from __future__ import annotations

from test_extractors import announce, drug_named, same


# -- drug names -------------------------------------------------------------------------------------

def test_a_cell_therapy_inn_with_a_one_letter_suffix_is_one_drug_with_its_code():
    ex = announce(lead="that its pivotal Phase 3 study of torvastemcel-K (ACM-07) in children with acute "
                       "graft-versus-host disease met its primary endpoint.")
    drug = drug_named(ex, "ACM-07")
    assert drug is not None and drug_named(ex, "torvastemcel-K") is drug
    assert drug_named(ex, "torvastemcel") in (None, drug) and not any(same(d.name, "torvastemcel") for d in ex.drugs)


def test_names_listed_with_a_semicolon_in_a_parenthesis_are_one_drug():
    ex = announce(lead="results for melvatresgene autoleucel (melva-cel; ACM-45), its engineered T-cell therapy.")
    drug = drug_named(ex, "ACM-45")
    assert drug is not None and drug_named(ex, "melva-cel") is drug and drug_named(ex, "melvatresgene autoleucel") is drug
    assert not any(";" in a.name for d in ex.drugs for a in d.aliases)


def test_the_antigen_a_receptor_recognises_is_no_drug():
    ex = announce("ACM-45 is an autologous T-cell therapy that recognizes a PRAX-B7 peptide presented by HLA-A*02. "
                  "The Phase 2 ORION-2 trial enrolled patients with PRAX-B7 expressing synovial sarcoma.",
                  lead="results for ACM-45, its engineered T-cell therapy.")
    assert drug_named(ex, "ACM-45") is not None
    assert drug_named(ex, "PRAX-B7") is None


# -- the drug a study is of -------------------------------------------------------------------------

from test_extractors import is_drug, results  # noqa: E402


def test_a_lymphodepleting_regimen_is_not_the_drug_a_study_stage_is_of():
    ex = announce("The company reported results from the Phase 2 portion of ORCA-7, a Phase 1/2 study of ACM-19 in "
                  "relapsed T-cell leukemia.",
                  "- 40 patients were infused in the Phase 2 portion, after lymphodepletion with fludarabine and "
                  "cyclophosphamide. The overall response rate was 85%.",
                  lead="results for ACM-19, its CAR-T cell therapy.")
    assert all(is_drug(ex, t.drug, "ACM-19") for t in ex.trials)
    assert all(is_drug(ex, r.drug, "ACM-19") for r in ex.results) and ("ORR", 85, None, "%", None, False) in results(ex)


# -- designations from several agencies in one sentence ---------------------------------------------

from test_extractors import designations  # noqa: E402


def test_runs_of_a_list_each_with_its_agency_share_the_indication_after_the_last():
    ex = announce("ACM-101 has received RMAT and Orphan Drug designations (FDA), PRIME (EMA) and a Promising Innovative "
                  "Medicine designation (MHRA) for the treatment of desmoid tumors.")
    found = designations(ex)
    for type_, agency in (("rmat", "FDA"), ("orphan_drug", "FDA"), ("prime", "EMA"), ("other", "MHRA")):
        assert (type_, agency, "desmoid tumors", None) in found


def test_an_agency_list_and_a_second_run_share_the_indication():
    ex = announce("ACM-101 has been granted orphan drug designation by the FDA, the European Commission and Japan's "
                  "Ministry of Health, Labour and Welfare, as well as Fast Track designation by the FDA, for the "
                  "treatment of propionic acidemia.")
    found = designations(ex)
    for agency in ("FDA", "EC", "PMDA"):
        assert ("orphan_drug", agency, "propionic acidemia", None) in found
    assert ("fast_track", "FDA", "propionic acidemia", None) in found


def test_a_region_written_before_the_next_grant_is_that_grants_agency():
    ex = announce(headline="Acme Oncology Receives PRIME Eligibility from EMA and UK Innovation Passport for ACM-101")
    found = {(t, a) for t, a, _, _ in designations(ex)}
    assert ("prime", "EMA") in found and ("other", "MHRA") in found and ("prime", "MHRA") not in found


def test_a_programme_one_agency_runs_is_that_agencys_beside_another_region():
    ex = announce("ACM-101 holds orphan designation in the European Union, PRIME and an ILAP Innovation Passport.")
    found = {(t, a) for t, a, _, _ in designations(ex)}
    assert ("other", "MHRA") in found and ("other", "EMA") not in found


# -- studies ------------------------------------------------------------------------------------------

def test_a_natural_history_study_or_registry_is_no_trial():
    ex = announce("Results were compared with those of untreated patients from ORBIT-NH, a prospective natural history "
                  "study that Acme has run since 2020, and from the Acme Outcomes Registry.",
                  lead="results for ACM-101 from the Phase 1/2 ZEN-4 study.")
    names = {t.name for t in ex.trials}
    assert "ZEN-4" in names and "ORBIT-NH" not in names


def test_a_registry_number_between_a_study_name_and_its_description_keeps_them_one_study():
    ex = announce("ZEN-3 (NCT01234567) is a pivotal, open-label, single-arm Phase 3 study evaluating ACM-101 in 28 "
                  "patients with Crigler-Najjar syndrome.")
    phase3 = [t for t in ex.trials if t.phase == "3"]
    assert len(phase3) == 1 and phase3[0].name == "ZEN-3"
    assert not any(t.name == "ZEN-3" and t.phase is None for t in ex.trials)


# -- results read at a visit, and published benchmarks ----------------------------------------------

STUDY = "The pivotal Phase 3 ZEN-P study of ACM-101 enrolled 53 children with steroid-refractory acute GVHD."


def test_a_rate_read_at_a_numbered_day_is_the_endpoints_figure():
    ex = announce(STUDY, "Complete response at Day 28 was seen in 41.5% of children.",
                  "* Cohort A (grade C/D disease, n=31): Day-28 ORR 64.5%; OS at Day 100 71.0%")
    found = results(ex)
    assert ("CR", 41.5, None, "%", None, False) in found
    assert ("OS", 71.0, None, "%", "A", False) in found


def test_published_response_rates_of_another_therapy_are_a_comparator():
    ex = announce(STUDY, "Among children treated with ruxolitinib after steroid failure, published Day-28 response "
                         "rates are approximately 45% to 50%.")
    assert ("ORR", 45, 50, "%", None, True) in results(ex)


def test_a_therapy_the_patients_stopped_is_not_what_the_study_is_of():
    ex = announce("ACM-204 for Fabry disease",
                  "- Updated data from the Phase 1/2 ZEN-FD trial were presented in February. All six patients in "
                  "Cohort 3 have withdrawn from enzyme replacement therapy with agalsidase beta and remain off therapy.",
                  lead="an update on ACM-204, its gene therapy for Fabry disease.")
    trial = next(t for t in ex.trials if t.name == "ZEN-FD")
    assert is_drug(ex, trial.drug, "ACM-204")


def test_approval_under_the_accelerated_approval_pathway_is_a_grant():
    ex = announce("ACM-101 was approved by the U.S. Food and Drug Administration (FDA) under the accelerated approval "
                  "pathway in March 2020 for patients with Duchenne muscular dystrophy.")
    assert ("accelerated_approval", "FDA", "duchenne muscular dystrophy", "2020-03") in designations(ex)


def test_a_pathway_only_discussed_is_no_grant():
    ex = announce("Acme discussed an accelerated approval pathway for ACM-101 with the FDA.")
    assert not ex.designations


def test_an_orphan_regenerative_medicine_product_is_an_orphan_designation():
    ex = announce("In December 2020, Japan's Ministry of Health, Labour and Welfare designated ACM-101 as an orphan "
                  "regenerative medicine product.")
    assert ("orphan_drug", "PMDA", None, "2020-12") in designations(ex)


def test_a_programme_only_the_fda_runs_keeps_the_fda_beside_another_agency():
    ex = announce("- Last month, the FDA granted Rare Pediatric Disease designation to ACM-101 for early-onset MLD. "
                  "In December 2020, Japan's Ministry of Health, Labour and Welfare designated ACM-101 as an orphan "
                  "regenerative medicine product.")
    found = {(t, a) for t, a, _, _ in designations(ex)}
    assert ("rare_pediatric_disease", "FDA") in found and ("rare_pediatric_disease", "PMDA") not in found


def test_a_headlines_title_case_two_word_inn_is_one_name():
    ex = announce(headline="Acme Oncology Announces Data for Belocabtagene Autoleucel in T-Cell Leukemia",
                  lead="data for belocabtagene autoleucel (belo-cel, ACM-19), its CAR-T cell therapy.")
    assert not any(same(d.name, "Belocabtagene") for d in ex.drugs)
    assert drug_named(ex, "Belocabtagene Autoleucel") is drug_named(ex, "ACM-19") is not None


def test_a_substance_measured_in_plasma_is_no_drug():
    ex = announce("Plasma methylmalonic acid fell by a mean of 58% from baseline, and serum bilirubin was unchanged.")
    assert drug_named(ex, "methylmalonic acid") is None and drug_named(ex, "bilirubin") is None


def test_what_a_designation_does_not_guarantee_is_no_grant():
    ex = announce("The NMPA granted Breakthrough Therapy Designation to ACM-101 for T-cell leukemia.",
                  "The Breakthrough Therapy Designation does not guarantee approval.")
    assert {(t, a) for t, a, _, _ in designations(ex)} == {("breakthrough_therapy", "NMPA")}


def test_a_named_extension_study_is_a_study_of_its_own_without_a_phase():
    ex = announce("The filing rests on the Phase 3 ZEN trial in 57 patients with Alexander disease and on long-term "
                  "data from the ZEN-OLE open-label extension study.",
                  "ACM-101 was also studied in a Phase 1/2 dose-escalation study in children and adults with "
                  "Alexander disease.")
    by_name = {t.name: t.phase for t in ex.trials}
    assert by_name.get("ZEN-OLE", "missing") is None and by_name.get("ZEN") == "3"
    assert any(t.phase == "1/2" and t.name is None for t in ex.trials)


def test_the_stage_of_a_study_named_after_it_is_that_study():
    ex = announce("The application is supported by the Phase 2 portion of the open-label, multicenter Phase 1/2 "
                  "ZEN-LIFT study of ACM-101, and by data from the ZEN-LIFT-LTE extension study.")
    assert {(t.name, t.phase) for t in ex.trials} == {("ZEN-LIFT", "1/2"), ("ZEN-LIFT-LTE", None)}


def test_priority_review_granted_to_the_application_takes_the_applications_indication():
    ex = announce("The FDA has accepted its Biologics License Application for ACM-101 for the treatment of "
                  "methylmalonic acidemia, and has granted the application Priority Review.")
    assert ("priority_review", "FDA", "methylmalonic acidemia", None) in designations(ex)


def test_a_second_count_the_same_verb_governs_is_a_count_too():
    ex = announce(STUDY, "In Part B (n=15), the overall response rate was 80.0%, with 7 patients achieving a complete "
                         "response and 5 a partial response.")
    found = results(ex)
    assert ("CR", 7, None, "patients", "B", False) in found and ("PR", 5, None, "patients", "B", False) in found
    assert ("ORR", 80.0, None, "%", "B", False) in found
