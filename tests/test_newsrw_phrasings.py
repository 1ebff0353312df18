"""Financial and trade-media rewrites of clinical news (market briefs, weekly roundups, analyst-note
summaries, explainers): constructions found by the held-out set tests/heldout_newsrw, tested here
with invented names."""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.model import Document


def _extract(*paragraphs: str, doc: str = "newsrw-2026-01-09"):
    return extract(Document(doc, f"{doc}.txt", "\n\n".join(paragraphs) + "\n"))


def _drug_names(*paragraphs: str) -> set[str]:
    return {d.name for d in _extract(*paragraphs).drugs}


@pytest.mark.parametrize("sentence", [
    "At the top dose, patients received 300 ug/kg of ZX-5 weekly.",
    "Zentrix's ZX-5, a trispecific T-cell engager, is in a Phase 1 study.",
])
def test_a_one_digit_code_given_as_an_amount_or_described_as_an_engager_is_a_drug(sentence):
    assert "ZX-5" in _drug_names("Zentrix data", "Zentrix Bio presented data at a meeting.", sentence)


def test_an_amount_of_a_target_is_still_no_drug():
    assert "IL-6" not in _drug_names("Zentrix data", "Zentrix Bio said ZX-101 lowered IL-6 in the Phase 2 trial.",
                                     "Patients had 10 mg of IL-6 antibody.")


def _owners(*paragraphs: str) -> dict[str, str | None]:
    return {d.name: d.company for d in _extract(*paragraphs).drugs}


@pytest.mark.parametrize("opening", ["Over in Europe, ", "Also this week, ", "Elsewhere, "])
def test_a_roundup_item_opening_with_a_transition_gives_its_drug_to_the_company_it_names(opening):
    owners = _owners("The week in biotech",
                     "Zentrix Oncology, Inc. (NASDAQ: ZNTX) said the FDA granted Fast Track designation to ZX-101.",
                     opening + "Quorvan Pharma AB said the EMA admitted QV-12 to its PRIME scheme for liver cancer. "
                     "QV-12 is being studied in a Phase 2 trial. The company's shares rose 18%.")
    assert owners["QV-12"] == "Quorvan Pharma AB"
    assert owners["ZX-101"] == "Zentrix Oncology, Inc."


def test_a_bare_company_name_ending_in_neuro_is_a_company():
    names = {c.name for c in _extract("Local biotech",
                                      "Zentrix Bio raised $48 million for ZX-101.",
                                      "Edina-based Quorvan Neuro is running a Phase 1b trial of its oral drug QV-7.").companies}
    assert "Quorvan Neuro" in names


def test_a_heading_word_before_partnership_is_no_company():
    names = {c.name for c in _extract("Zentrix news",
                                      "Zentrix Bio said ZX-101 received Breakthrough Therapy designation.",
                                      "Overseas partnership",
                                      "Zentrix granted Quorvan Therapeutics, Inc. an exclusive license to ZX-101.").companies}
    assert "Overseas" not in names and "Quorvan Therapeutics, Inc." in names


def _designations(*paragraphs: str) -> set[tuple]:
    return {(d.drug, d.type, d.agency, d.date) for d in _extract(*paragraphs).designations}


def test_news_verbs_of_a_grant_and_an_object_between_designated_and_orphan():
    found = _designations("Explainer: ZX-101",
                          "ZX-101 is an oral pill for bile-duct cancer developed by Zentrix Bio.",
                          "Zentrix won orphan drug designation from the FDA for cholangiocarcinoma in June 2018.",
                          "In 2019, the European Commission designated the drug an orphan medicinal product for biliary tract cancer.")
    assert ("ZX-101", "orphan_drug", "FDA", "2018-06") in found
    assert any(d[:3] == ("ZX-101", "orphan_drug", "EC") for d in found)


def test_asking_for_accelerated_approval_is_no_designation():
    found = _designations("Explainer: ZX-101",
                          "Zentrix Bio filed its application for ZX-101 in lung cancer.",
                          "The company has asked for accelerated approval based on the Phase 2 study of ZX-101.")
    assert not any(d[1] == "accelerated_approval" for d in found)


def test_last_month_name_resolves_to_the_last_such_month_before_the_release():
    found = _designations("Explainer: ZX-101",
                          "The FDA accepted the application for ZX-101 last October with Priority Review.")
    assert ("ZX-101", "priority_review", "FDA", "2025-10") in found


def test_a_share_of_patients_that_responded_is_the_response_rate():
    results = _extract("Zentrix data",
                       "Zentrix Bio said ZX-101 met its goal in the Phase 3 ZEN-3 trial in ovarian cancer.",
                       "The earlier single-arm Phase 2 study, ZEN-2, in which 32% of patients responded, supported it.").results
    assert any(r.endpoint == "ORR" and r.value == 32 for r in results)


def test_a_surname_heading_a_firm_name_is_no_drug():
    assert _drug_names("Zentrix stock",
                       "Zentrix Bio said ZX-101 shrank tumors in the Phase 2 trial.",
                       "Iversen Partners analyst Mara Okonkwo raised her price target.") == {"ZX-101"}


def test_a_market_quote_gives_the_ticker_written_after_the_name():
    companies = {c.name: c.ticker for c in _extract(
        "Zentrix stock soars",
        "Shares of Zentrix Biosciences Inc. ZNTX jumped 41% after ZX-101 shrank tumors in the Phase 2 trial.").companies}
    assert companies["Zentrix Biosciences Inc."] == "ZNTX"


def _results(*paragraphs: str) -> set[tuple]:
    return {(r.drug, r.cohort, r.endpoint, r.value, r.comparator) for r in _extract(*paragraphs).results}


def test_a_paragraph_opening_at_a_dose_level_scopes_its_figures():
    found = _results("Zentrix data",
                     "Zentrix Bio's ZX-101 is in a Phase 1 dose-escalation study in myeloma.",
                     "At dose level 5, the highest tested, patients received 300 ug/kg of ZX-101 weekly. "
                     "Among the 19 patients treated at that dose, 79% responded.")
    assert ("ZX-101", "5", "ORR", 79, False) in found


def test_responses_that_lasted_a_median_give_the_median_duration_of_response():
    found = _results("Zentrix data",
                     "In the Phase 2 ZEN-2 study of ZX-101, responses lasted a median of 9.1 months.")
    assert ("ZX-101", None, "mDOR", 9.1, False) in found


def test_a_rivals_unnamed_product_figure_is_not_the_sponsors():
    paragraphs = ("Zentrix analysts",
                  "Zentrix Bio Inc. (NYSE: ZNTX) said ZX-101 met its goal in the Phase 3 ZEN-3 trial, with an "
                  "objective response rate of 38%.",
                  "Analysts noted that Quorvan Pharmaceuticals Inc.'s competing conjugate QV-20 is under FDA review.",
                  "Quorvan's drug showed an overall response rate of 34% in its own pivotal trial last year.")
    found = _results(*paragraphs)
    assert ("QV-20", None, "ORR", 34, False) in found
    assert not any(r[0] == "ZX-101" and r[3] == 34 for r in found)
    unnamed = _results(*paragraphs[:2], "Quorvan's drug showed an overall response rate of 34% in its own trial.")
    assert not any(r[3] == 34 for r in unnamed)


def test_later_that_year_dates_a_grant_by_the_year_said_before():
    found = _designations("Explainer: ZX-101",
                          "In 2019, Zentrix Bio licensed worldwide rights to ZX-101, an oral pill for bile-duct cancer. "
                          "Later that year, the European Commission designated the drug an orphan medicinal product "
                          "for biliary tract cancer.")
    assert ("ZX-101", "orphan_drug", "EC", "2019") in found
