"""Whose a drug is in releases about several companies: licensing deals, acquisitions, news items and
partnered programmes. Invented names throughout."""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.extractors.code_prefixes import code_owner
from trialgraph.model import Document


def _owners(text: str, doc_id: str = "nordhaven-2025-03-04") -> dict[str, object]:
    return {d.name: d.company for d in extract(Document(doc_id, doc_id + ".txt", text)).drugs}


# -- the code's letters abbreviate the company that coined it ---------------------------------------------------


def test_an_in_licensed_drug_named_by_its_licensors_code_is_the_licensors():
    text = ("Nordhaven Pharma Licenses Respiratory Antibody\n\n"
            "SHANGHAI, March 4, 2025 -- Nordhaven Pharma Co., Ltd. (HKEX: 2999) has obtained exclusive rights to develop "
            "and commercialise TRV-310 in mainland China from Tarvell Bio, a privately held company.\n\n"
            "TRV-310 is a bispecific antibody in a global Phase 2b study in asthma.\n")
    assert _owners(text)["TRV-310"] == "Tarvell Bio"


def test_a_target_company_drug_in_a_pending_deal_stays_with_the_target():
    text = ("Quellmoor to buy Brisk Bio\n\n"
            "LONDON, Jan. 27, 2025 -- Quellmoor Pharmaceuticals plc (LSE: QLM) has agreed to buy Brisk Bio for $600 million, "
            "landing BB-88, a once-weekly peptide in Phase 3 development for X-linked hypophosphatemia.\n\n"
            "BB-88 holds Orphan Drug designation from the FDA.\n")
    assert _owners(text)["BB-88"] == "Brisk Bio"


def test_a_code_with_a_place_word_before_the_company_name_still_abbreviates_it():
    assert code_owner(["LQ-118"], {"Wuxing Lanqi Biopharma Co., Ltd.": "Wuxing Lanqi Biopharma Co., Ltd.",
                                   "Ardent Oncology": "Ardent Oncology, Inc."}, None) == "Wuxing Lanqi Biopharma Co., Ltd."


def test_a_renamed_drug_carrying_both_codes_is_the_renaming_issuers():
    forms = {"Halvmoor Biotherapeutics": "Halvmoor Biotherapeutics, Inc.", "Kestrin Pharmaceuticals": "Kestrin Pharmaceuticals Co., Ltd."}
    assert code_owner(["HVB-4410", "KP-218"], forms, "Halvmoor Biotherapeutics, Inc.") == "Halvmoor Biotherapeutics, Inc."
    assert code_owner(["HVB-4410", "KP-218"], forms, None) is None


@pytest.mark.parametrize("code", ["ZX-101", "ACM-7", "XQ-5"])
def test_a_code_abbreviating_no_named_company_says_nothing(code):
    assert code_owner([code], {"Borvex Bio": "Borvex Bio, Inc."}, "Borvex Bio, Inc.") is None


def test_the_code_outranks_the_company_a_news_item_opens_with():
    text = ("Deals roundup\n\n"
            "Quintara Therapeutics struck an option-and-license agreement with Altvane Biologics AG for ALV-417, a "
            "bispecific antibody. Quintara is paying $15 million upfront.\n\n"
            "ALV-417 entered the clinic in 2025.\n")
    assert _owners(text, "deals-roundup-2026-03-18")["ALV-417"] == "Altvane Biologics AG"


# -- out-licensing still makes the licensee the developer -------------------------------------------------------


def test_a_drug_out_licensed_in_a_relative_clause_is_the_licensees_even_against_its_code():
    text = ("Zentrix Cognition Reports Results\n\n"
            "BOSTON, Jan. 8, 2025 -- Zentrix Cognition, Inc. (NYSE American: ZXC) today reported results from the Phase 2 trial of ZX-301 in migraine prevention.\n\n"
            "ZX-22 is an oral CGRP receptor antagonist for the acute treatment of migraine. ZX-22 (orvamepant) is an oral "
            "small-molecule antagonist for migraine, which Zentrix out-licensed to Ostrel Pharma a.s. in 2023 for "
            "worldwide development and commercialization.\n")
    owners = _owners(text, "zentrix-cognition-2025-01-08")
    assert owners["ZX-22"] == "Ostrel Pharma a.s."
    assert owners["ZX-301"] == "Zentrix Cognition, Inc."


# -- rights confined to a territory make a regional partner, not the owner ------------------------------------

_ISSUER = ("Fjordhaven Pharma Reports Third Quarter 2025 Results\n\n"
           "COPENHAGEN, Nov. 6, 2025 -- Fjordhaven Pharma A/S (Nasdaq Copenhagen: FJH) today reported results for the "
           "third quarter of 2025. Fjordhaven develops and commercializes treatments for skin diseases.\n\n")


@pytest.mark.parametrize("sentence, drug, owner", [
    ("In North America, dalocitinib is licensed to Brightwell Pharmaceuticals, Inc., which plans to file in 2026.",
     "dalocitinib", "Fjordhaven Pharma A/S"),
    ("In Europe, orvatinib is marketed by Haldane Pharma GmbH under a license agreement signed in 2023.",
     "orvatinib", "Fjordhaven Pharma A/S"),
    ("Royalty revenue came from Ostrel Health, Inc.; Ostrel Health commercializes velratinib in Canada.",
     "velratinib", "Fjordhaven Pharma A/S"),
    ("Dermavo (tralovimab), in-licensed from Corvish Laboratories in 2021 for European markets, received a positive "
     "CHMP opinion.", "tralovimab", "Corvish Laboratories"),
    ("Livora (pelorabart) is approved in China. Livora is developed by Harrowby Biologics Ltd.; Fjordhaven "
     "commercialises it in Europe and China.", "pelorabart", "Harrowby Biologics Ltd."),
])
def test_rights_in_one_territory_leave_the_drug_with_its_developer(sentence, drug, owner):
    text = _ISSUER + f"{sentence}\n\nThe Phase 3 trial of {drug} in chronic hand eczema met its primary endpoint.\n"
    assert _owners(text, "fjordhaven-pharma-2025-11-06")[drug] == owner


def test_a_licence_for_the_world_outside_one_region_is_the_licensees():
    text = _ISSUER + ("Trelvo (inzadeprazan), licensed from Hoshiba Kagaku Co., Ltd. for markets outside Asia, met its "
                      "primary endpoint in the Phase III PRISM-EE trial in erosive oesophagitis.\n")
    assert _owners(text, "fjordhaven-pharma-2025-11-06")["inzadeprazan"] == "Fjordhaven Pharma A/S"


def test_a_trial_abroad_is_no_territory_of_the_licence():
    text = _ISSUER + "Rennick Pharma GmbH, to which Fjordhaven licensed ALC-118 in 2022, initiated a Phase 2a trial in Europe.\n"
    assert _owners(text, "fjordhaven-pharma-2025-11-06")["ALC-118"] == "Rennick Pharma GmbH"


# -- "Drug alone": the sponsor's monotherapy arm when the drug has a code name ---------------------------------


def test_a_code_named_drug_given_alone_is_still_the_sponsors():
    text = ("Tallowmere Reports Obesity Data\n\n"
            "MELBOURNE, Australia, 12 February 2026 -- Tallowmere Therapeutics Limited (ASX: TLW) today reported topline "
            "results from SUMMIT-2, its Phase 2 study in adults with obesity.\n\n"
            "SUMMIT-MASH, a Phase 1b/2a study of QZ-19 alone and in combination with resmetirom in adults with MASH, "
            "completed enrolment in January. The Phase 1 study compared ZR-3 plus QZ-19 with pembrolizumab alone.\n")
    owners = _owners(text, "tallowmere-2026-02-12")
    assert owners["QZ-19"] == "Tallowmere Therapeutics Limited"
    assert owners.get("pembrolizumab", None) is None


# -- the company set beside a drug's name ------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, drug, owner", [
    ("Separately, the agency granted fast track designation to TRX-5 (Trellmont Therapeutics), an oral GLP-1 receptor "
     "agonist, for obesity.", "TRX-5", "Trellmont Therapeutics"),
    ("A Phase 1b study combining ZX-417 with tislemparib, a PARP inhibitor from partner Harrowby Pharmaceuticals, is "
     "planned to begin later this year.", "tislemparib", "Harrowby Pharmaceuticals"),
])
def test_a_company_set_beside_the_drug_owns_it(sentence, drug, owner):
    text = ("FDA roundup\n\nWASHINGTON, Aug. 14, 2025 -- The FDA granted breakthrough therapy designation to ZX-417 of "
            f"Zentrix Oncology for melanoma.\n\n{sentence}\n")
    assert _owners(text, "fda-roundup-2025-08-14")[drug] == owner


def test_a_parenthesis_that_only_opens_with_a_company_name_is_no_owner():
    text = ("Zentrix Oncology Reports Data\n\nBOSTON, Aug. 14, 2025 -- Zentrix Oncology, Inc. (Nasdaq: ZXO) today reported "
            "data from the Phase 2 trial of ZX-417 (Zentrix Oncology study ZX-417-201) and docetaxel (Borvex Bio sites).\n")
    assert _owners(text, "zentrix-2025-08-14").get("docetaxel") is None


def test_the_company_running_its_named_phase_3_study_of_a_drug_owns_it():
    text = _ISSUER + ("TRELLIX (ferrovatide) injection: net product revenue of $23.4 million.\n\n"
                      "Ferrovatide. Harrowby Bio ASA completed enrollment in its Phase 3 AURORA-T study of ferrovatide in "
                      "non-transfusion-dependent beta-thalassemia. Fjordhaven holds U.S. commercial rights.\n")
    assert _owners(text, "fjordhaven-pharma-2025-11-06")["ferrovatide"] == "Harrowby Bio ASA"


@pytest.mark.parametrize("row", [
    "| Pravora (ritazenib) | orexin 2 receptor agonist | Idiopathic hypersomnia | Phase III | Sunmoor Therapeutics (originator) |",
    "- Pravora (ritazenib), originated by Sunmoor Therapeutics, is in Phase III for idiopathic hypersomnia.",
])
def test_the_originator_named_in_a_drugs_row_owns_it(row):
    text = _ISSUER + "| Programme | Mechanism | Indication | Stage | Partner |\n| --- | --- | --- | --- | --- |\n" + row + "\n"
    assert _owners(text, "fjordhaven-pharma-2025-11-06")["ritazenib"] == "Sunmoor Therapeutics"


def test_a_company_named_pharm_owns_the_drug_its_code_abbreviates():
    text = ("Jinzhou licenses antibody\n\nBEIJING, July 8, 2025 -- China's Jinzhou Biopharmaceutical Co., Ltd. (HKEX: 2981) "
            "said today it will add sites.\n\nThe transaction follows Jinzhou's collaboration last year with South Korea's "
            "Hanbit Pharm on HBT-044, an inhaled JAK inhibitor for chronic obstructive pulmonary disease.\n")
    ex = extract(Document("jinzhou-2025-07-08", "jinzhou-2025-07-08.txt", text))
    assert "Hanbit Pharm" in {c.name for c in ex.companies}
    assert {d.name: d.company for d in ex.drugs}["HBT-044"] == "Hanbit Pharm"


def test_an_ingredient_of_a_companys_coformulation_is_that_companys():
    from trialgraph.extractors.drugs import _coformulated
    from trialgraph.model import DrugFact, Evidence, Span

    evidence = Evidence("zentrix-2023-12-07", Span(0, 1), "x", "drugs")
    found = _coformulated([DrugFact("vibrelimab/pembrolizumab", evidence, (), "Zentrix"), DrugFact("vibrelimab", evidence),
                           DrugFact("gemcitabine/nab-paclitaxel", evidence, (), "Borvex Bio"), DrugFact("gemcitabine", evidence),
                           DrugFact("docetaxel", evidence)])
    assert {d.name: d.company for d in found} == {"vibrelimab/pembrolizumab": "Zentrix", "vibrelimab": "Zentrix",
                                                  "gemcitabine/nab-paclitaxel": "Borvex Bio", "gemcitabine": None,
                                                  "docetaxel": None}
