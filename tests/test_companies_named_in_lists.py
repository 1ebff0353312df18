"""Companies named without a suffix as members of a list whose head says drug companies or
partners, or as the other side of a licence; ticker codes with an exchange suffix; divisions
written as the parent's name and a unit word (GUIDE.md "Companies")."""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.model import Document

BODY = "Zentrix Bio, Inc. (NASDAQ: ZTRX) today announced an update on ZX-101."


def _release(*paragraphs: str) -> str:
    return "\n\n".join(["Zentrix Bio Announces Update", f"BOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- {BODY}",
                        *paragraphs]) + "\n"


def _companies(text: str):
    extraction = extract(Document("zentrix-2021-03-03", "zentrix-2021-03-03.txt", text))
    return {c.name: c for c in extraction.companies}


@pytest.mark.parametrize("sentence, members", [
    ("Zentrix has global partnerships with leading companies such as Acmevia, Borvex, Quorvan and Telmora.",
     {"Acmevia", "Borvex", "Quorvan", "Telmora"}),
    ("Zentrix entered into partnerships with numerous leading biotechnology and pharmaceutical companies, such as "
     "Borvex, Quorvan Labs, and Telmora, in addition to research relationships with Northgate University.",
     {"Borvex", "Quorvan Labs", "Telmora"}),
    ("Our partners include Borvex and Quorvan.", {"Borvex", "Quorvan"}),
    ("Zentrix has collaborations with Borvex, Quorvan and Telmora.", {"Borvex", "Quorvan", "Telmora"}),
    ("ZX-101 is licensed to Quorvan Labs in Japan.", {"Quorvan Labs"}),
])
def test_members_of_a_company_list_are_companies(sentence, members):
    assert members <= set(_companies(_release(sentence)))


@pytest.mark.parametrize("sentence, not_company", [
    ("Zentrix has partnerships with Europe and Asia distributors.", "Europe"),
    ("Zentrix has partnerships with Northgate University and Eastfield Cancer Center.", "Northgate University"),
    ("Zentrix has partnerships with the FDA and Health Canada.", "FDA"),
    ("Marketed drugs from companies such as Keytruda and Opdivo makers were compared.", "Keytruda"),
    ("ZX-101 is licensed to Quorvan in Greater China and Southeast Asia.", "Greater China"),
])
def test_places_agencies_institutions_and_products_in_a_list_are_not_companies(sentence, not_company):
    assert not_company not in _companies(_release(sentence))


@pytest.mark.parametrize("sentence, name, ticker, exchange", [
    ("Zentrix is a subsidiary of Quorvan Pharmaceutical (002422.SZ), which develops drugs.", "Quorvan Pharmaceutical", "002422", "SZSE"),
    ("Quorvan Labs（2511.HK）develops ZX-202.", "Quorvan Labs", "2511", "HKEX"),
    ("Quorvan Labs (600196.SS) develops ZX-202.", "Quorvan Labs", "600196", "SSE"),
    ("Quorvan Pharmaceutical Co., Ltd. (4568.T) develops ZX-202.", "Quorvan Pharmaceutical Co., Ltd.", "4568", "TSE"),
    ("Quorvan Pharmaceutical Co., Ltd. (TSE: 4568) develops ZX-202.", "Quorvan Pharmaceutical Co., Ltd.", "4568", "TSE"),
    ("Quorvan Holding AG (SIX: QRV) develops ZX-202.", "Quorvan Holding AG", "QRV", "SIX"),
    ("Quorvan SA (Euronext Paris: ALQRV) develops ZX-202.", "Quorvan SA", "ALQRV", "Euronext Paris"),
    ("Quorvan plc (QRV.L) develops ZX-202.", "Quorvan plc", "QRV", "LSE"),
])
def test_listings_written_with_an_exchange_or_a_market_suffix(sentence, name, ticker, exchange):
    company = _companies(_release(sentence))[name]
    assert (company.ticker, company.exchange) == (ticker, exchange)


@pytest.mark.parametrize("sentence", [
    "Quorvan Labs (N.V.) develops ZX-202.",       # a corporate suffix in parentheses
    "Quorvan Labs (QRV.T) develops ZX-202.",      # Tokyo codes are numbers
    "Quorvan Labs (2511.ZZ) develops ZX-202.",    # a suffix that names no exchange
])
def test_parentheses_that_are_no_listing_give_no_ticker(sentence):
    company = _companies(_release(sentence)).get("Quorvan Labs")
    assert company is None or company.ticker is None


def test_a_parents_name_and_a_therapeutic_area_is_the_parents_unit():
    text = ("Quorvan Announces Data for ZX-101\n\n"
            "Quorvan Labs and Company today announced data for ZX-101. \"We are pleased,\" said Mara Okonkwo, "
            "president of Quorvan Oncology.\n\nAbout Quorvan Oncology\n\nFor 50 years, Quorvan has developed cancer medicines such as ZX-101.\n")
    extraction = extract(Document("quorvan-news-2021-03-03", "quorvan-news-2021-03-03.txt", text))
    assert [c.name for c in extraction.companies] == ["Quorvan Labs and Company"]
    assert {d.name: d.company for d in extraction.drugs}["ZX-101"] == "Quorvan Labs and Company"
    people = {p.name: p.organization for p in extraction.people}
    assert people["Mara Okonkwo"] == "Quorvan Oncology"


@pytest.mark.parametrize("sentence, kept", [
    ("Zentrix Pharmaceutical, its parent, owns ZX-101.", "Zentrix Pharmaceutical"),   # a company word: a sister company
    ("Borvex Oncology licensed ZX-101 from Zentrix.", "Borvex Oncology"),               # no company named Borvex
    # a party to a deal, not only a person's workplace: a subsidiary that develops drugs stays a company
    ("Zentrix Oncology licensed ZX-101 from Borvex. Mara Okonkwo is president of Zentrix Oncology.", "Zentrix Oncology"),
])
def test_sister_companies_and_unrelated_oncology_firms_stay_companies(sentence, kept):
    assert kept in _companies(_release(sentence))


@pytest.mark.parametrize("sentence", [
    "Zentrix works with academic partners such as Westfarber and Lakeside Oncology.",
    "Zentrix has research collaborations with Westfarber, Lakeside and Eastvale.",
    "Zentrix works with patient advocacy partners such as Westfarber and Lakeside.",
])
def test_a_list_headed_by_academic_or_advocacy_partners_names_no_companies(sentence):
    assert "Westfarber" not in _companies(_release(sentence))


@pytest.mark.parametrize("sentence, not_company", [
    ("Quorvan Securities LLC and Borvex & Co. are acting as joint book-running managers for the offering.", "Borvex & Co."),
    ("Telmora LLC acted as lead book-running manager.", "Telmora LLC"),
    ("The study was conducted by Quorvan Health Sciences on behalf of Zentrix.", "Quorvan Health Sciences"),
])
def test_banks_and_service_firms_named_by_their_role_are_not_companies(sentence, not_company):
    assert not_company not in _companies(_release(sentence))


def test_a_unit_written_after_a_persons_title_is_the_parents():
    found = _companies(_release("Mara Okonkwo, Senior Vice President, Zentrix Oncology, said the data were encouraging."))
    assert "Zentrix Oncology" not in found and "Zentrix Bio, Inc." in found


@pytest.mark.parametrize("sentence, not_company", [
    ("Westbrook's treatment guidelines recommend ZX-101.", "Westbrook"),
    ("The trial is conducted in partnership with Westbrook Health, a nonprofit health system.", "Westbrook Health"),
    ("Zentrix's partnership with Carevale, a national nonprofit, supports patients.", "Carevale"),
    ("Zentrix has a collaboration with Lakeside, an academic medical center in Ohio.", "Lakeside"),
    ("Zentrix has a research collaboration with Westbrook Biobank.", "Westbrook Biobank"),
    ("Westbrook Care LLC, a nonprofit health system, runs the trial sites.", "Westbrook Care LLC"),
])
def test_advisory_bodies_care_providers_and_charities_are_not_companies(sentence, not_company):
    assert not_company not in _companies(_release(sentence))


@pytest.mark.parametrize("sentence, company", [
    ("Zentrix's partnership with Quorvan, a clinical-stage biotechnology company, covers ZX-202.", "Quorvan"),
    ("Westbrook's phase 2 trial of ZX-202 enrolled 40 patients.", "Westbrook"),
])
def test_partners_described_as_companies_stay_companies(sentence, company):
    assert company in _companies(_release(sentence))


@pytest.mark.parametrize("sentence", [
    "Zentrix and Quorvan will co-develop ZX-101.",
    "Quorvan will receive exclusive rights to ZX-101 in Japan.",
    "Zentrix will be eligible to receive milestone payments from Quorvan.",
    "Zentrix granted Quorvan an exclusive license to ZX-101.",
    "Zentrix has out-licensed ZX-101 to Quorvan.",
    "Quorvan, Zentrix's partner in China, filed the application.",
    "The trial is sponsored by Quorvan.",
    "Quorvan exercised its option to license ZX-101.",
    "Quorvan, which holds the rights to ZX-101 in Europe, reported sales.",
    "Zentrix sold its rights in ZX-101 to Quorvan in 2020.",
    "The drug is co-commercialized by Zentrix and Quorvan in the US.",
])
def test_the_other_side_of_a_licence_or_a_shared_drug_is_a_company(sentence):
    assert "Quorvan" in _companies(_release(sentence))


@pytest.mark.parametrize("sentence, not_company", [
    ("A portion of Zentrix's royalties from HCV products funds its operations.", "HCV"),
    ("Zentrix receives payments from Medicare for ZX-101.", "Medicare"),
    ("Zentrix licensed ZX-101 rights to Europe and Asia distributors.", "Europe"),
    ("Zentrix licensed the rights to Cohort B investigators.", "Cohort B"),
    ("Patients were randomly assigned patients to Arm B of the study.", "Arm B"),
])
def test_payment_and_licence_phrases_that_name_no_company(sentence, not_company):
    assert not_company not in _companies(_release(sentence))


def test_a_trade_name_in_parentheses_is_the_legal_name():
    found = _companies(_release("In 2022, Zentrix licensed the exclusive rights to QVD (the tradename of Quorvan & Co., "
                                "Inc., Rahway, NJ, USA) to develop ZX-101."))
    assert "QVD" not in found and any(name.startswith("Quorvan & Co.") for name in found)


@pytest.mark.parametrize("sentence, not_company", [
    ("Zentrix is a leader in Precision Oncology and Targeted Therapeutics.", "Precision Oncology"),
    ("Zentrix is a leader in Precision Oncology and Targeted Therapeutics.", "Targeted Therapeutics"),
    ("Zentrix Bio is headquartered in Cambridge, with Research Labs in Basel.", "Research Labs"),
    ("The results appear in The Lancet Oncology.", "Lancet Oncology"),
])
def test_fields_of_medicine_and_journals_are_not_companies(sentence, not_company):
    assert not_company not in _companies(_release(sentence))


@pytest.mark.parametrize("sentence, company", [
    ("Zentrix partnered with Precision Therapeutics, Inc. on ZX-202.", "Precision Therapeutics, Inc."),
    ("Zentrix partnered with Quorvan Oncology on ZX-202.", "Quorvan Oncology"),
])
def test_suffixed_or_proper_names_with_an_industry_word_stay_companies(sentence, company):
    assert company in _companies(_release(sentence))
