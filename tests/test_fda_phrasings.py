"""Phrasings of regulatory-action releases found by the held-out fda set (tests/heldout_fda),
written anew with invented names: results tables whose top-left cell is empty, listings written
as newswire codes or on two exchanges, findings listed under a lead-in that names their group,
biomarker populations joined by a slash, control arms named by a regimen's abbreviation, an
endpoint not reached on the drug's side of a comparison, and "(inn; CODE)" parentheticals."""
from __future__ import annotations

import pytest

from test_extractors import announce, drug_named, make_release, results, run, same

STUDY = "ZEN-201 is an open-label Phase 1b/2 study of zelatinib (ACM-101) with Cohort 1 and Cohort 3."


# -- tables whose column heads stand over an empty stub cell ------------------------------------------

def test_a_table_with_an_empty_top_left_cell_reads_its_heads_as_the_columns_groups():
    table = ("                                   Cohort 1      Cohort 3\n"
             "                                   (N=60)        (N=21)\n"
             "  Objective response rate, %       58            33\n"
             "  Median duration of response, months   11.2     7.5")
    found = results(announce(STUDY, table))
    assert {("ORR", 58, None, "%", "1", False), ("ORR", 33, None, "%", "3", False),
            ("mDOR", 11.2, None, "months", "1", False), ("mDOR", 7.5, None, "months", "3", False)} <= found
    assert not any(r[4] in ("58", "33") for r in found)  # the first body row is no header


def test_a_table_with_a_full_header_row_still_takes_its_first_row_as_the_header():
    table = ("Endpoint      Cohort 1      Cohort 3\n"
             "ORR, %        40            25")
    found = results(announce(STUDY, table))
    assert {("ORR", 40, None, "%", "1", False), ("ORR", 25, None, "%", "3", False)} <= found


# -- listings -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("listing, ticker, exchange", [
    ("(LSE/NYSE: ACM)", "ACM", "LSE"),  # one ticker on two exchanges: the first named
    ("(ACME.O)", "ACME", "NASDAQ"),  # newswire instrument codes for US listings
    ("(ACME.N)", "ACME", "NYSE"),
])
def test_listings_on_two_exchanges_and_newswire_codes(listing, ticker, exchange):
    extraction = run(make_release(f"Acme Oncology, Inc. {listing}, a clinical-stage company, today announced a corporate update."))
    acme = [c for c in extraction.companies if same(c.name, "Acme Oncology, Inc.")]
    assert len(acme) == 1 and (acme[0].ticker, acme[0].exchange) == (ticker, exchange)


def test_a_newswire_code_after_a_possessive_lists_the_company():
    text = ("US FDA approves Acme drug\n\nMarch 3 (Reuters) - The U.S. Food and Drug Administration on Tuesday approved "
            "Acme Oncology Inc's (ACME.O) drug zelatinib for a form of lung cancer.\n")
    acme = [c for c in run(text, "reuters-acme-2021-03-03").companies if same(c.name, "Acme Oncology Inc")]
    assert acme and (acme[0].ticker, acme[0].exchange) == ("ACME", "NASDAQ")


def test_a_review_programme_is_no_company():
    ex = announce("The FDA reviewed the application under its Real-Time Oncology Review program.")
    assert not any("Real-Time" in c.name for c in ex.companies)


# -- a list's lead-in names the group its findings belong to --------------------------------------------

LYMPHOMA = ("ZEN-101 is a pivotal Phase 1/2 study of zelatinib. In the FL cohort of the expansion part (n=80), patients "
            "had received a median of three prior lines of therapy.")


def test_findings_listed_under_a_lead_in_that_points_back_to_a_cohort_are_that_cohorts():
    found = results(announce(LYMPHOMA, "Among these patients, zelatinib achieved:\n\n- an overall response rate of 71.0%\n\n"
                                       "- a median progression-free survival of 14.2 months"))
    assert {("ORR", 71.0, None, "%", "FL", False), ("mPFS", 14.2, None, "months", "FL", False)} <= found


def test_a_lead_in_that_names_no_group_leaves_the_findings_without_one():
    found = results(announce("ZEN-101 is a pivotal Phase 2 study of zelatinib.",
                             "In the study, zelatinib achieved:\n\n- an overall response rate of 44%"))
    assert ("ORR", 44, None, "%", None, False) in found


# -- populations, control arms and endpoints not reached -------------------------------------------------

PHASE3 = "The randomized Phase 3 ZEN-3 trial compared zelatinib plus chemotherapy with placebo plus chemotherapy."


def test_a_biomarker_pair_joined_by_a_slash_names_one_population():
    found = results(announce(PHASE3, "In the pMMR/MSS population, median PFS was 10.2 months versus 8.1 months (HR 0.76)."))
    assert ("mPFS", 10.2, None, "months", "pMMR/MSS", False) in found


def test_a_figure_set_against_an_endpoint_not_reached_is_the_other_arms():
    found = results(announce(PHASE3, "Median PFS was not reached with zelatinib compared with 6.9 months with placebo plus "
                                     "chemotherapy (HR 0.30)."))
    assert ("mPFS", 6.9, None, "months", None, True) in found


def test_an_arm_named_by_the_abbreviation_of_other_drugs_is_the_control_arm():
    found = results(announce("The randomized Phase 3 ZEN-3 trial compared zelatinib with daratumumab, pomalidomide "
                             "and dexamethasone (DPd).",
                             "The overall response rate was 74% in the zelatinib arm and 39% in the DPd arm."))
    assert ("ORR", 74, None, "%", None, False) in found and ("ORR", 39, None, "%", None, True) in found


# -- "(inn; CODE)" ----------------------------------------------------------------------------------------

def test_an_inn_and_a_code_separated_by_a_semicolon_are_one_drugs_names():
    ex = announce("The FDA approved ZELTRA (zelatinib; ACM-101) for adults with lung cancer.")
    drug = drug_named(ex, "zelatinib")
    assert drug is not None and drug_named(ex, "ACM-101") is drug and drug_named(ex, "ZELTRA") is drug


# -- designations, trials and groups in releases about several drugs ------------------------------------

def test_priority_review_granted_to_the_application_takes_the_indication_the_application_states():
    from test_extractors import announce as _announce
    ex = _announce("The FDA has accepted the New Drug Application (NDA) for zelatinib (ACM-101) for the treatment of adults "
                   "with tenosynovial giant cell tumor, and granted the application Priority Review.")
    found = [d for d in ex.designations if d.type == "priority_review"]
    assert found and found[0].indication and "tenosynovial giant cell tumor" in found[0].indication


def test_a_study_named_by_a_drugs_code_and_a_number_is_that_drugs():
    ex = announce("Separately, the FDA granted Breakthrough Therapy Designation to zelatinib in combination with ACM-330, "
                  "Acme's investigational antibody, for metastatic colorectal cancer.",
                  "The designation was based on the ACM-330-102 Phase 2 trial.")
    trial = next(t for t in ex.trials if t.name == "ACM-330-102")
    assert same(trial.drug, "ACM-330")


# -- names, dates and endpoints of news and milestone lists -----------------------------------------------

def test_a_share_that_had_an_overall_response_is_the_response_rate():
    found = results(announce("ZEN-2 is a Phase 2 study of zelatinib.",
                             "In ZEN-2, 21% of 104 patients achieved a complete remission and 47% had an overall response."))
    assert ("CR", 21, None, "%", None, False) in found and ("ORR", 47, None, "%", None, False) in found


def test_a_best_overall_response_is_the_response_it_names():
    found = results(announce("ZEN-2 is a Phase 2 study of zelatinib.",
                             "Of the 40 patients, 45% had a best overall response of partial response."))
    assert ("PR", 45, None, "%", None, False) in found


def test_a_subsidiarys_seat_in_parentheses_is_part_of_the_company_name():
    ex = announce("Acme in-licensed global rights to zelatinib from Qiyuan Pharmaceutical (Suzhou) Co., Ltd. in 2022.")
    assert any(c.name == "Qiyuan Pharmaceutical (Suzhou) Co., Ltd." for c in ex.companies)


def test_a_milestone_list_item_labelled_by_a_quarter_dates_its_designation_to_the_year():
    ex = announce("2025 Milestones",
                  "- Third quarter of 2025: China's National Medical Products Administration (NMPA) granted Breakthrough "
                  "Therapy Designation to zelatinib for KRAS G12C-mutated colorectal cancer.")
    found = [d for d in ex.designations if d.agency == "NMPA"]
    assert found and found[0].date == "2025"


@pytest.mark.parametrize("org", ["Clínica Universitaria del Norte", "Istituto di Ricerca Oncologica"])
def test_an_institution_named_in_another_language_is_the_persons_organisation(org):
    ex = announce(f'"We saw responses," said Tomás Echeverría, M.D., thoracic medical oncologist at {org} and a lead '
                  "investigator of the trial.")
    found = next(p for p in ex.people if p.name == "Tomás Echeverría")
    assert found.role == "thoracic medical oncologist" and found.organization == org


def test_a_brand_after_a_companys_possessed_class_noun_is_that_companys_drug():
    ex = announce("The drug will compete with Kestrel Bio's menin inhibitor Velquora, which was approved last year.")
    drug = drug_named(ex, "Velquora")
    assert drug is not None and same(drug.company, "Kestrel Bio")


def test_a_sentence_saying_whom_a_programme_is_granted_to_grants_nothing():
    ex = announce("A conditional marketing authorisation is granted to medicines that address an unmet medical need when "
                  "the benefit of immediate availability outweighs the risk.")
    assert not ex.designations


def test_a_brand_a_substance_and_a_code_in_one_parenthesis_are_one_drug_without_a_known_inn_ending():
    ex = announce("ZELTRAVO\u2122 (ravoquilant; ACM-205) in IgA nephropathy",
                  "- October 2, 2025: The FDA granted accelerated approval to ZELTRAVO for adults with primary IgA nephropathy.")
    drug = drug_named(ex, "ACM-205")
    assert drug is not None and drug_named(ex, "ZELTRAVO") is drug and drug_named(ex, "ravoquilant") is drug
    assert any(same(d.drug, drug.name) and d.type == "accelerated_approval" for d in ex.designations)


def test_a_capitalised_word_and_a_common_word_in_parentheses_are_no_drug():
    ex = announce("The PROGRAM (overview; ACM-205) slide deck is on our website.")
    assert all(drug_named(ex, word) is None for word in ("PROGRAM", "overview"))  # no trademark: no brand


def test_an_approval_for_a_population_built_on_an_abbreviated_disease_keeps_that_population():
    ex = announce("Zelatinib is being developed for primary IgA nephropathy (IgAN).",
                  "The FDA granted accelerated approval to zelatinib to reduce proteinuria in adults with primary IgAN at "
                  "risk of rapid disease progression.")
    found = [d for d in ex.designations if d.type == "accelerated_approval"]
    assert found and found[0].indication and "at risk of rapid disease progression" in found[0].indication


def test_prior_lines_qualified_by_the_kind_of_therapy():
    found = results(announce("ZEN-2 is a Phase 2 study of zelatinib.",
                             "In ZEN-2, patients had received a median of two prior systemic therapies."))
    assert ("prior_lines", 2, None, "lines", None, False) in found
