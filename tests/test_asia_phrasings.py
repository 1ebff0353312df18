"""Phrasings of releases by Asian sponsors written in English, found by the held-out asia set
(tests/heldout_asia), written anew with invented names: national regulators other than the FDA,
Hong Kong filings' quoted defined terms, registered names that open with a province, codes given as
"(research code: X)", studies run "in the PRC", and randomised arms named by their treatment."""
from __future__ import annotations

import pytest

from test_extractors import announce, designations, make_release, run, same


# -- regulators -----------------------------------------------------------------------------------------


def test_korea_s_ministry_grants_its_own_orphan_designation():
    ex = announce("Korea's Ministry of Food and Drug Safety (MFDS) has designated ACM-101 as an orphan drug for the "
                  "treatment of Zentrix cholangiopathy.")
    assert designations(ex) == {("orphan_drug", "MFDS", "zentrix cholangiopathy", None)}


def test_taiwan_s_food_and_drug_administration_is_not_the_fda():
    ex = announce("The Taiwan Food and Drug Administration granted ACM-101 orphan drug designation for Zentrix "
                  "cholangiopathy in May 2024.")
    assert {d[1] for d in designations(ex)} == {"TFDA"}


def test_approval_from_a_regulator_names_no_product():
    ex = announce("The Company has received approval from the NMPA for its investigational new drug application for "
                  "ACM-305 to conduct a Phase I clinical trial in advanced solid tumours.")
    assert not any(same(d.name, "NMPA") for d in ex.drugs)


def test_a_programme_s_benefits_joined_to_an_eligibility_are_no_grants():
    ex = announce("The Breakthrough Therapy Designation was granted to ACM-101 by the NMPA for Zentrix lung cancer.",
                  "Drugs included in the procedure benefit from enhanced communication with the regulator and may be "
                  "eligible for conditional approval and priority review at the time of the marketing application.")
    assert {d[0] for d in designations(ex)} == {"breakthrough_therapy"}


def test_a_quotation_on_the_designation_speaks_of_the_grant_already_stated():
    ex = announce("The MFDS has designated ACM-101 as an orphan drug for the treatment of Zentrix cholangiopathy.",
                  "\u201cPatients have few options after gemcitabine and cisplatin,\u201d said Dr. Park Ji-hoon, "
                  "Chief Executive Officer. \u201cThe orphan designation and the IND approval arrive together.\u201d")
    assert {(d.drug, d.agency) for d in ex.designations} == {("ACM-101", "MFDS")}


def test_a_headline_bullet_takes_the_agency_the_body_names_for_the_same_grant():
    text = make_release(
        "The Center for Drug Evaluation (CDE) of China's National Medical Products Administration (NMPA) has "
        "included ACM-101 in its list of Breakthrough Therapy programs for recurrent Zentrix carcinoma.",
        headline="Acme Oncology Announces Breakthrough Therapy Designation for ACM-101\n\n"
                 "* ACM-101 receives BTD for recurrent Zentrix carcinoma")
    assert {d.agency for d in run(text).designations} == {"NMPA"}


# -- names -----------------------------------------------------------------------------------------------


def test_a_glycoprotein_inn_keeps_its_greek_second_word():
    ex = announce("ACM-101 (zentafusp alfa) is being studied in a Phase 2 trial in Zentrix carcinoma.")
    drug = next(d for d in ex.drugs if same(d.name, "ACM-101") or same(d.name, "zentafusp alfa"))
    assert {same(n, "zentafusp alfa") for n in (drug.name, *(a.name for a in drug.aliases))} >= {True}
    assert not any(same(d.name, "zentafusp") for d in ex.drugs)


@pytest.mark.parametrize("cue", ["research code: ", "development code: ", "code name "])
def test_a_code_given_as_research_code_is_the_same_drug(cue):
    ex = announce(f"The NMPA granted zentamig ({cue}ACM-217), a bispecific antibody, Breakthrough Therapy "
                  "Designation for Zentrix lung cancer.")
    names = [{d.name, *(a.name for a in d.aliases)} for d in ex.drugs]
    assert any("zentamig" in n and "ACM-217" in n for n in names)


def test_a_registered_name_opening_with_its_province_is_one_company_with_its_short_form():
    text = make_release(
        'Jiangsu Zentrix Pharmaceutical Co., Ltd. ("Zentrix", SSE: 688999; HKEX: 9999), an innovation-driven '
        'pharmaceutical group, today announced a series of regulatory milestones.',
        headline="Zentrix Pharmaceutical Announces Two NMPA Breakthrough Therapy Designations for ZX-1101, Priority "
                 "Review for ZX-0902", about="")
    companies = run(text).companies
    assert [(c.name, c.ticker) for c in companies] == [("Jiangsu Zentrix Pharmaceutical Co., Ltd.", "688999")]


def test_a_taipei_exchange_listing_gives_its_exchange():
    companies = run(make_release("Zentrix BioPharma Co., Ltd. (TPEx: 6999) today announced results.")).companies
    assert [(c.ticker, c.exchange) for c in companies if same(c.name, "Zentrix BioPharma Co., Ltd.")] == [("6999", "TPEx")]


def test_a_study_code_set_off_after_the_study_noun_is_no_drug():
    ex = announce("The multinational Phase III trial, ZX-HCC-301, is a double-blind study that plans to enroll "
                  "approximately 520 patients with Zentrix carcinoma, comparing ACM-101 plus lenvatinib with placebo "
                  "plus lenvatinib.")
    assert not any(same(d.name, "ZX-HCC-301") for d in ex.drugs)


# -- trials and cohorts ----------------------------------------------------------------------------------


def test_a_hong_kong_quoted_abbreviation_and_a_place_before_the_population():
    ex = announce('The NMPA granted ACM-101 Breakthrough Therapy Designation for squamous non-small cell lung cancer '
                  '("sqNSCLC").',
                  "The inclusion was supported by ACM-101-201, an open-label Phase II clinical study of ACM-101 in the "
                  "PRC in sqNSCLC patients previously treated with platinum-based chemotherapy.")
    trial = next(t for t in ex.trials if t.phase == "2")
    assert "previously treated with platinum-based chemotherapy" in trial.indication
    assert "PRC" not in trial.indication


def test_where_a_study_runs_ends_its_population():
    ex = announce("ACM-101 is also being studied in an investigator-initiated Phase I/II study in combination with "
                  "atezolizumab in patients with Zentrix carcinoma at two medical centers in Taiwan.")
    trial = next(t for t in ex.trials if t.phase == "1/2")
    assert trial.indication.lower().startswith("zentrix carcinoma") and "Taiwan" not in trial.indication


def test_what_cohorts_differ_in_is_no_population():
    ex = announce("ZX-ORBIT is a multicenter, open-label Phase 2 study of ACM-101 being conducted at 24 sites in Japan.",
                  "The study enrolled patients whose disease recurred within six months of their last platinum-containing "
                  "regimen into two cohorts that differ in the number of prior regimens.")
    assert all("number of" not in (t.indication or "") for t in ex.trials)


def test_an_arm_named_by_its_treatment_is_no_cohort():
    ex = announce("ZX-201 randomized 88 patients to ACM-101 plus lenvatinib or lenvatinib alone in a Phase II trial.",
                  "Objective response rate was 34.1% in the ACM-101 combination group versus 18.6% in the lenvatinib "
                  "monotherapy group.")
    assert not ex.cohorts
    assert all(r.cohort is None for r in ex.results)


def test_a_heading_naming_no_drug_is_about_the_drug_under_it():
    text = make_release(
        "Acme Oncology, Inc. (NASDAQ: ACME) today announced a license agreement for ACM-706.",
        "Acme will also have an option to license ACM-815, a preclinical radioconjugate.",
        "Clinical Data from the Phase I/II Study in China",
        "The agreement follows data from ACM-706-CN-101, a Phase I/II study of ACM-706 in patients with relapsed "
        "Zentrix lung cancer.")
    assert {(t.drug, t.phase) for t in run(text).trials} == {("ACM-706", "1/2")}


def test_an_hkex_filing_header_gives_the_issuer_its_stock_code():
    text = ("Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no responsibility "
            "for the contents of this announcement.\n\nZENTRIX BIOLOGICS CO., LTD.\n(A joint stock company incorporated "
            "in the People's Republic of China with limited liability)\n(Stock Code: 2999)\n\nVOLUNTARY ANNOUNCEMENT\n\n"
            "This announcement is made by Zentrix Biologics Co., Ltd. (the \"Company\") on a voluntary basis. The board "
            "of directors of the Company is pleased to announce that ZX-217 was granted Breakthrough Therapy "
            "Designation by the NMPA.\n")
    companies = run(text).companies
    assert [(c.ticker, c.exchange) for c in companies if same(c.name, "Zentrix Biologics Co., Ltd.")] == [("2999", "HKEX")]
