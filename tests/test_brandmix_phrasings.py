"""Phrasings of commercial-stage releases found by the held-out brandmix set (tests/heldout_brandmix),
written anew with invented names: a labelled group's heading with its disease in parentheses, a control
arm's therapy named past "versus", regimens abbreviated in mixed case ("Pd"), trial populations counted
and aged before an abbreviated disease, brand-only products (sold where, listed as examples of a kind of
treatment, approved in a relative clause), a partner's drug "marketed by" its owner, and what is not a
company, a drug, a designation's drug or a cohort: "Today's decision", a hormone named as a receptor's
ligand, a prior therapy named in the indication, and one patient's dose in a study stage."""
from __future__ import annotations

from test_extractors import announce, drug_named, results, same

STUDY = "ZEN-101 is a multicenter, open-label Phase 1/2 study of zelatinib (ACM-101) in advanced solid tumors."


def test_a_labelled_groups_heading_with_its_disease_in_parentheses_labels_the_figures_under_it():
    extraction = announce(STUDY, "Cohort B1 (NSCLC, n=41)\n- Objective response rate: 44%\n- Median PFS: 8.3 months",
                          "Cohort B2 (PDAC, n=37)\n- Objective response rate: 27%\n- Median PFS: 5.6 months")
    found = results(extraction)
    assert {("ORR", 44, None, "%", "B1", False), ("mPFS", 8.3, None, "months", "B1", False),
            ("ORR", 27, None, "%", "B2", False), ("mPFS", 5.6, None, "months", "B2", False)} <= found
    assert not any("NSCLC" in (c.label or "") for c in extraction.cohorts)


def test_a_therapy_named_past_versus_is_the_control_arms_not_the_figure_befores():
    extraction = announce(
        "KES-12 was an open-label Phase 1b/2 study of Kestrova (velnatinib) in mantle cell lymphoma.",
        "ZEN-301 is a randomized Phase 3 trial of zelatinib plus Kestrova versus placebo plus Kestrova.",
        "Results showed an overall response rate of 87% with the combination versus 71% with Kestrova alone.")
    own = [r for r in extraction.results if r.value == 87]
    control = [r for r in extraction.results if r.value == 71]
    assert own and all(same(r.drug, "ACM-101") and not r.comparator for r in own)
    assert control and all(r.comparator and same(r.drug, "ACM-101") for r in control)


def test_a_regimen_abbreviated_in_mixed_case_is_a_control_arm():
    extraction = announce(
        "ZEN-302 randomized 400 patients to zelatinib with pomalidomide and dexamethasone (Pd) or Pd alone.",
        "Median progression-free survival was 15.2 months for zelatinib-Pd and 6.4 months for Pd.")
    found = results(extraction)
    assert ("mPFS", 15.2, None, "months", None, False) in found
    assert ("mPFS", 6.4, None, "months", None, True) in found


def test_a_counted_and_aged_population_with_an_abbreviated_disease_is_the_trials_indication():
    extraction = announce(
        "Hereditary angioedema (HAE) causes recurrent swelling.",
        "ZEN-KIDS is an open-label Phase 3 study of zelatinib in 38 children aged 2 to 11 years with HAE type I or II.",
        lead="results for zelatinib (ACM-101) in hereditary angioedema.")
    trial = next(t for t in extraction.trials if t.name == "ZEN-KIDS")
    assert "children aged 2 to 11 years" in trial.indication and "HAE" in trial.indication


def test_attacks_of_an_abbreviated_disease_after_a_drugs_appositive_are_the_trials_indication():
    extraction = announce(
        "Hereditary angioedema (HAE) causes recurrent swelling.",
        "Acme is also conducting a Phase 2 study of ZX-202, an oral kinin antagonist, for the on-demand treatment of HAE attacks.",
        lead="results for zelatinib (ACM-101) in hereditary angioedema.")
    trial = next(t for t in extraction.trials if same(t.drug, "ZX-202"))
    assert trial.indication and "attacks" in trial.indication


def test_a_days_possessive_is_no_company():
    extraction = announce("Today's decision moves the medicine into the first-line setting.")
    assert not any(c.name.startswith("Today") for c in extraction.companies)


def test_a_hormone_named_as_a_receptor_subtypes_ligand_is_no_drug():
    extraction = announce("ZX-202 is an oral bradykinin B2 receptor antagonist.")
    assert drug_named(extraction, "bradykinin") is None
    assert drug_named(extraction, "ZX-202") is not None


def test_a_prior_therapy_named_in_a_priority_review_sentence_is_not_the_drug_granted():
    extraction = announce(
        "The FDA has accepted the sBLA for zelatinib for adults with relapsed or refractory multiple myeloma who have "
        "received at least two prior lines of therapy, including lenalidomide and a proteasome inhibitor, and has "
        "granted the application Priority Review.")
    granted = {d.drug for d in extraction.designations if d.type == "priority_review"}
    assert granted and not any(same(name, "lenalidomide") for name in granted)


def test_a_brand_and_inn_marketed_by_a_partner_are_the_partners():
    extraction = announce(
        "The combination pairs zelatinib with VORTELLA (ozanitinib), a BTK inhibitor marketed by Kestrel Pharma AG, "
        "in relapsed mantle cell lymphoma.")
    drug = drug_named(extraction, "ozanitinib")
    assert drug is not None and same(drug.company, "Kestrel Pharma AG")


def test_one_patients_dose_in_a_study_stage_makes_no_cohort():
    extraction = announce(
        STUDY, "In Part A, a patient with appendiceal cancer treated at 100 mg twice daily achieved a partial response.")
    assert not any(c.label == "A" for c in extraction.cohorts)


def test_brand_only_products_sold_where_approved_in_a_relative_clause_or_given_as_examples():
    extraction = announce(
        "Acme markets Velquora in the United States for the prevention of hyperuricemia.",
        "Its portfolio includes zelatinib and Dravona, which is approved in the United States for chronic urticaria.",
        "88% of participants who switched from injectable prophylaxis such as Brelvessa or Torladin remained on zelatinib.")
    for brand in ("Velquora", "Dravona"):
        drug = drug_named(extraction, brand)
        assert drug is not None and same(drug.company, "Acme Oncology, Inc."), brand
    for brand in ("Brelvessa", "Torladin"):  # what the patients had before: nobody's the text says
        drug = drug_named(extraction, brand)
        assert drug is not None and drug.company is None, brand


def test_a_rate_that_deepened_to_a_figure_after_a_long_subject_is_a_result():
    extraction = announce(
        "ZEN-3 is a randomized, double-blind Phase 3 trial of zelatinib in 128 patients with tenosynovial giant cell tumor.",
        "In the open-label extension of ZEN-3, the objective response rate among patients originally randomized to "
        "zelatinib had deepened to 71% at week 97.")
    assert ("ORR", 71, None, "%", None, False) in results(extraction)


def test_an_abbreviated_disease_with_its_qualifiers_after_it_is_the_trials_population():
    extraction = announce(
        "Tenosynovial giant cell tumor (TGCT) affects the joints.",
        "ZEN-3 is a randomized, double-blind Phase 3 trial in 128 patients with TGCT not amenable to surgery.",
        lead="results for zelatinib (ACM-101) in tenosynovial giant cell tumor.")
    trial = next(t for t in extraction.trials if t.name == "ZEN-3")
    assert trial.indication and "not amenable to surgery" in trial.indication


def test_a_study_told_through_another_named_study_is_that_studys_drugs():
    extraction = announce(
        "The approval is based on ZEN-301, a randomized Phase 3 trial comparing zelatinib plus KESTROVA\u00ae (velnatinib) "
        "with placebo plus KESTROVA in mantle cell lymphoma.",
        "\u201cWe are pleased that KESTROVA can now be the backbone of a time-limited regimen,\u201d said Ada Brandt, head "
        "of development at Kestrel Pharma AG.",
        "ZEN-301 was preceded by ZEN-101, an open-label Phase 1b/2 study that established the dose of the combination.")
    trial = next(t for t in extraction.trials if t.name == "ZEN-101")
    assert same(trial.drug, "ACM-101")
