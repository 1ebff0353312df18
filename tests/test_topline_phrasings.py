"""Phrasings of topline and interim readout releases found by the held-out topline set
(tests/heldout_topline), written anew with invented names: a study named by a code-shaped word
in apposition ("ZEN-301, its Phase 2 trial of X"), "No 596/2014" regulation numbers, a paragraph
whose subject is a labelled group, arms named by their regimen ("the X-plus-Y group"), "extended
median OS to N months", an endpoint as a heading with its median after a colon, and the other
group's figure in a "while ..." clause."""
from __future__ import annotations

import pytest

from test_extractors import announce, drug_named, results, run, make_release

STUDY = "ZEN-301 is a randomized Phase 3 trial of zelatinib (ACM-101) versus docetaxel in advanced lung cancer."


# -- what is no drug -----------------------------------------------------------------------------------

def test_a_code_shaped_study_name_in_apposition_with_its_possessive_is_a_study_not_a_drug():
    ex = announce("On June 2, the Company announced results from Cohort A of ZENOR-201, its open-label, multicenter "
                  "Phase 2 trial of ACM-101, in patients with platinum-resistant ovarian cancer.")
    assert drug_named(ex, "ZENOR-201") is None
    assert drug_named(ex, "ACM-101") is not None


def test_a_regulation_number_is_no_drug_code():
    # UK announcements open on the market-abuse notice in capitals, above the headline
    notice = "THIS ANNOUNCEMENT CONTAINS INSIDE INFORMATION FOR THE PURPOSES OF ARTICLE 7 OF REGULATION (EU) NO 596/2014\n\n"
    ex = run(notice + make_release("Acme Oncology plc (LSE: ACM) today announces topline data from its Phase 2 study of ACM-101."))
    assert not any("596" in d.name for d in ex.drugs)


# -- groups ---------------------------------------------------------------------------------------------

def test_a_paragraph_whose_subject_is_a_labelled_group_scopes_its_later_figures():
    ex = announce(STUDY,
                  "Cohort A (n=40) evaluated ACM-101 monotherapy at 2.4 mg/kg every three weeks. As of the data cutoff, "
                  "the confirmed objective response rate was 32% and the disease control rate was 71%.",
                  "Cohort B (n=30) evaluated ACM-101 with bevacizumab. In Cohort B, the confirmed ORR was 44%.")
    found = results(ex)
    assert {("ORR", 32, None, "%", "A", False), ("DCR", 71, None, "%", "A", False), ("ORR", 44, None, "%", "B", False)} <= found
    assert not any(r[4] is None and r[1] in (32, 71) for r in found)


def test_an_arm_named_by_its_regimen_is_no_cohort():
    ex = announce(STUDY, "Median PFS came to 7.3 months in the zelatinib-plus-docetaxel group and 5.9 months in the "
                         "placebo-plus-docetaxel group.")
    assert not ex.cohorts
    found = results(ex)
    assert ("mPFS", 7.3, None, "months", None, False) in found
    assert ("mPFS", 5.9, None, "months", None, True) in found


# -- figures ----------------------------------------------------------------------------------------------

def test_a_verb_that_brings_the_endpoint_to_a_level():
    ex = announce(STUDY, "Zelatinib plus docetaxel extended median OS to 17.2 months, compared with 10.9 months for "
                         "placebo plus docetaxel.")
    found = results(ex)
    assert ("mOS", 17.2, None, "months", None, False) in found
    assert ("mOS", 10.9, None, "months", None, True) in found


def test_an_endpoint_as_a_heading_with_its_median_after_a_colon():
    ex = announce(STUDY, "Key secondary endpoints also favored zelatinib:",
                  "- Progression-free survival by blinded independent central review: median 5.6 months with "
                  "zelatinib and 3.9 months with docetaxel (HR 0.68).")
    found = results(ex)
    assert ("mPFS", 5.6, None, "months", None, False) in found
    assert ("mPFS", 3.9, None, "months", None, True) in found
    assert not any(r[0] == "PFS" for r in found)


def test_the_other_groups_figure_in_a_while_clause_is_the_comparison():
    ex = announce(STUDY, "Among all randomized patients, median OS reached 16.1 months on zelatinib, while the docetaxel "
                         "comparison group had 9.7 months (HR 0.58).")
    found = results(ex)
    assert ("mOS", 16.1, None, "months", None, False) in found
    assert ("mOS", 9.7, None, "months", None, True) in found


# -- a randomized trial's results table pasted without its outer bars ------------------------------------

def test_a_table_without_outer_bars_whose_columns_are_the_drugs_arm_and_an_abbreviated_control():
    ex = announce("ZEN-202 is a randomized Phase 2 trial of zelatinib (ACM-101) added to gemcitabine and "
                  "nab-paclitaxel (GnP) in metastatic pancreatic cancer.",
                  "Endpoint | Zelatinib + GnP (n=60) | GnP alone (n=58)\n"
                  "Median OS, months | 11.9 | 8.7\n"
                  "12-month OS rate | 47% | 31%\n"
                  "Objective response rate | 35% | 23%")
    found = results(ex)
    assert {("mOS", 11.9, None, "months", None, False), ("mOS", 8.7, None, "months", None, True),
            ("OS", 47, None, "%", None, False), ("OS", 31, None, "%", None, True),
            ("ORR", 35, None, "%", None, False), ("ORR", 23, None, "%", None, True)} <= found
    assert not ex.cohorts


def test_a_byline_with_bars_is_no_table():
    ex = announce("By Mara Okonkwo | Oncology | 22 July 2026\nDesk | Markets | Newsletter")
    assert not ex.results


# -- non-oncology remissions and approval routes --------------------------------------------------------

def test_a_remission_of_proteinuria_or_a_clinical_remission_is_no_tumour_response():
    ex = announce("ZEN-203 is a Phase 2b trial of ACM-101 in IgA nephropathy.",
                  "Partial or complete remission of proteinuria was seen in 22% of participants on ACM-101 and 4% on "
                  "placebo. In a colitis cohort, the clinical remission rate was 31%.")
    assert not any(r[0] in ("ORR", "CR", "PR") for r in results(ex))


def test_a_tumour_complete_remission_rate_is_still_a_response():
    ex = announce(STUDY, "The complete remission rate was 41% with ACM-101.")
    assert ("CR", 41, None, "%", None, False) in results(ex)


@pytest.mark.parametrize("sentence", [
    "The company intends to use the proteinuria data to seek approval under the accelerated approval pathway for ACM-101.",
    "The company has requested approval of ACM-101 under the accelerated approval pathway.",
])
def test_approval_sought_under_the_accelerated_approval_pathway_is_no_designation(sentence):
    ex = announce(sentence)
    assert not any(d.type == "accelerated_approval" for d in ex.designations)


def test_approval_granted_under_the_accelerated_approval_pathway_is_a_designation():
    ex = announce("ACM-101 was approved by the FDA under the accelerated approval pathway in 2024.")
    assert any(d.type == "accelerated_approval" for d in ex.designations)


def test_a_code_shaped_term_the_release_spells_out_is_no_drug():
    ex = announce("ZEN-203 is a Phase 2b trial of ACM-101 in IgA nephropathy.",
                  "Levels of galactose-deficient IgA1 (Gd-IgA1), the pathogenic antibody in the disease, dropped by 61% "
                  "with ACM-101. Gd-IgA1 is measured every four weeks.")
    assert drug_named(ex, "Gd-IgA1") is None
    assert drug_named(ex, "ACM-101") is not None


# -- designations ------------------------------------------------------------------------------------------

def test_two_agencies_coordinated_as_the_subject_grant_one_designation_each():
    ex = announce("The FDA and the European Commission have granted orphan drug designation to ACM-101 for the "
                  "treatment of AML.")
    assert {(d.type, d.agency, d.indication) for d in ex.designations} == {
        ("orphan_drug", "FDA", "AML"), ("orphan_drug", "EC", "AML")}


def test_an_agency_in_a_clause_of_its_own_before_the_and_is_not_the_grants():
    ex = announce("The FDA accepted the IND and the EMA has granted orphan designation to ACM-101 for AML.")
    assert {(d.type, d.agency) for d in ex.designations} == {("orphan_drug", "EMA")}
