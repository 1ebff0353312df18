"""Constructions of cell and gene therapy releases (issue 13, heldout_cgt), written anew with invented names:
dose levels abbreviated "DL2", response rates "or better" written with their sign and without a verb, a
second rate whose verb is elided, disease cohorts known by a short form, a partner added to a group's
unnamed drug, a cell therapy's antigen and a gene therapy's capsid (no drugs), an age bound in an
indication, the Commission's "designated X an orphan medicinal product", and a lead whose issuer
descriptor names a field of work rather than the study's population."""
from __future__ import annotations

from test_extractors import ISSUER, announce, designations, drug_named, make_release, results, run

STUDY = "ZX-101 is being evaluated in the open-label Phase 1/2 ZENITH-1 study in relapsed multiple myeloma."


def test_abbreviated_dose_levels_are_the_groups_of_their_findings():
    ex = announce(STUDY, "ZX-101 was given at dose level 1 (DL1) and dose level 2 (DL2) as a single infusion.",
                  "- DL1 (n=8): overall response rate (ORR) of 75%.\n- DL-2 (n=30): ORR of 96%.")
    assert {("ORR", 75.0, "1"), ("ORR", 96.0, "2")} <= {(r[0], r[1], r[4]) for r in results(ex)}
    assert {c.label for c in ex.cohorts} >= {"1", "2"}


def test_a_protein_familys_group_number_is_no_cohort():
    ex = announce(STUDY, "ZX-101 binds G protein-coupled receptor class C group 5 member D on myeloma cells.")
    assert not ex.cohorts


def test_a_response_or_better_with_its_sign_and_without_a_verb():
    ex = announce(STUDY, "In the study, the ORR was 75%; complete response or better (>=CR) in 50% of patients.",
                  "In the expansion, the ORR was 96%, with 81% of patients achieving >=CR.")
    assert {("ORR", 75.0), ("CR", 50.0), ("ORR", 96.0), ("CR", 81.0)} <= {(r[0], r[1]) for r in results(ex)}


def test_a_second_rate_whose_verb_is_elided():
    ex = announce(STUDY, "In the study, the ORR was 81% and the CR rate 57%.")
    assert {("ORR", 81.0), ("CR", 57.0)} <= {(r[0], r[1]) for r in results(ex)}


def test_a_disease_cohort_known_by_the_short_form_defined_in_it():
    ex = announce("ZX-101 is being evaluated in the Phase 2 ZENITH-2 trial in advanced sarcoma.",
                  "In the myxoid/round cell liposarcoma (MRCLS) cohort (n=23), the ORR was 34.8%.")
    assert ("ORR", 34.8, "MRCLS") in {(r[0], r[1], r[4]) for r in results(ex)}


def test_a_partner_added_to_the_groups_unnamed_drug_does_not_own_the_group():
    ex = announce("ZX-101 is being evaluated in the Phase 2 ZENITH-2 trial in advanced melanoma.",
                  "| Cohort | Population | Patients | ORR |\n| Cohort 1 | Melanoma after anti-PD-1 therapy | 88 | 34.1% |\n"
                  "| Cohort 2 | Frontline melanoma, with docetaxel | 24 | 66.7% |")
    groups = {c.label: c.drug for c in ex.cohorts}
    assert groups["2"] == groups["1"] == "ZX-101"


def test_a_cell_therapys_antigen_and_a_gene_therapys_capsid_are_no_drugs():
    ex = announce("ZX-402, a next-generation ABCD-A4 TCR T-cell therapy, is in the Phase 1 ZENITH-4 trial. ABCD-A4 is a "
                  "cancer-testis antigen.", "ZX-101 uses Acme's engineered AAV-ZX9 capsid to deliver its transgene.")
    assert drug_named(ex, "ZX-402") is not None
    assert drug_named(ex, "ABCD-A4") is None and drug_named(ex, "AAV-ZX9") is None


def test_an_age_bound_does_not_split_the_indication():
    ex = announce("The FDA has granted RMAT designation to ZX-101 for the treatment of Zentrix disease in patients 12 years "
                  "of age and older with recurrent vaso-occlusive crises.")
    (found,) = [d for d in designations(ex) if d[0] == "rmat"]
    assert found[2] == "zentrix disease in patients 12 years of age and older with recurrent vaso-occlusive crises"


def test_the_commission_designates_a_drug_an_orphan_medicinal_product():
    ex = announce("ZX-101 is a gene therapy for Zentrix disease. In May 2024, the European Commission designated ZX-101 "
                  "an orphan medicinal product for the treatment of Zentrix disease.")
    assert ("orphan_drug", "EC", "zentrix disease", "2024-05") in designations(ex)


def test_the_issuers_descriptor_is_not_a_named_studys_population():
    ex = run(make_release(
        ISSUER.replace("a clinical-stage biopharmaceutical company,", "a company developing gene therapies for bleeding and "
                       "metabolic disorders,") + " today announced data from its Phase 1/2 ZENITH-1 study of ZX-101 in adults "
        "with Zentrix disease, and completion of enrollment in ZENITH-3, its pivotal Phase 3 trial."))
    trials = {t.name: t.indication for t in ex.trials}
    assert "metabolic" not in (trials.get("ZENITH-3") or "")
