"""Trade-press, investor-site and newspaper rewrites of biotech news: constructions found by
the held-out set tests/heldout_rewrites, tested here with invented names."""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.model import Document


def _extract(*paragraphs: str, doc: str = "rewrite-2026-03-18"):
    return extract(Document(doc, f"{doc}.txt", "\n\n".join(paragraphs) + "\n"))


def _listings(*paragraphs: str) -> dict[str, tuple]:
    return {c.name: (c.ticker, c.exchange) for c in _extract(*paragraphs).companies}


@pytest.mark.parametrize("sentence", [
    "The Denver-area biotech (NASDAQ: ZNTX) presented the data on Sunday.",
    "The Oslo-listed company (NYSE: ZNTX) said enrolment was complete.",
    "Shares of the drugmaker (NASDAQ: ZNTX) rose 12% in premarket trading.",
])
def test_a_ticker_after_a_description_is_the_listing_of_the_company_named_before(sentence):
    listings = _listings("Zentrix news", "Zentrix Oncology reported new data for ZX-101 in lung cancer.", sentence)
    assert listings["Zentrix Oncology"] == ("ZNTX", "NASDAQ" if "NASDAQ" in sentence else "NYSE")


def test_whose_shares_ticker_goes_to_the_company_just_named_not_the_first():
    listings = _listings("Regulatory week",
                         "Quorvan Pharma Inc. won approval for QV-311 on Thursday.",
                         "The mood was grimmer at Helvor Therapeutics, whose shares (NASDAQ: HLVR) fell 40% after a rejection.")
    assert listings["Helvor Therapeutics"] == ("HLVR", "NASDAQ")
    assert listings["Quorvan Pharma Inc."] == (None, None)


def test_a_description_without_a_company_named_before_gives_no_listing():
    listings = _listings("Biotech news", "The Denver-area biotech (NASDAQ: ZNTX) presented data for ZX-101.")
    assert all(ticker is None for ticker, _ in listings.values())


def _owners(*paragraphs: str) -> dict[str, str | None]:
    return {d.name: d.company for d in _extract(*paragraphs).drugs}


def test_its_before_a_drug_in_apposition_is_the_company_named_last():
    owners = _owners("Zentrix readout",
                     "Zentrix Oncology, Inc. (NASDAQ: ZNTX) presented data for ZX-101 in lung cancer.",
                     "Zentrix's readout comes weeks after Quorvan Therapeutics reported that its rival antibody, QV-88, "
                     "was moving into a Phase 3 study.")
    assert owners["QV-88"] == "Quorvan Therapeutics"


def test_a_drug_followed_by_its_appositive_belongs_to_the_company_the_sentence_named():
    owners = _owners("FDA week",
                     "Zentrix Oncology, Inc. (NASDAQ: ZNTX) won accelerated approval for ZX-101 in lymphoma.",
                     "Shares of Helvor Therapeutics, Inc. fell after the company disclosed a complete response letter for "
                     "HV-5, its gene therapy for a muscle disease.")
    assert owners["HV-5"] == "Helvor Therapeutics, Inc."


def test_a_lower_case_company_after_the_pronoun_does_not_hand_the_drug_to_the_issuer():
    owners = _owners("FDA week",
                     "Zentrix Oncology, Inc. (NASDAQ: ZNTX) won accelerated approval for ZX-101 in lymphoma.",
                     "- Quorvan Biosciences said the FDA had lifted a clinical hold on its Phase 1 trial of QV-6 in ALS. "
                     "The company still plans to report data by year-end.")
    assert owners["QV-6"] == "Quorvan Biosciences"


def test_the_company_speaking_between_keeps_its_drug_with_the_issuer():
    owners = _owners("Zentrix Bio signs deal",
                     "Zentrix Bio, Inc. (NASDAQ: ZTRX) today announced a licence agreement.",
                     "Telmora Pharma will pay the Company $25 million upfront for rights to its investigational drug "
                     "ZX-101 in Japan, where ZX-101 is in a Phase 2 trial.")
    assert owners["ZX-101"] == "Zentrix Bio, Inc."


def _results(*paragraphs: str) -> set[tuple]:
    return {(r.endpoint, r.value, r.unit, r.comparator) for r in _extract(*paragraphs).results}


def test_a_drug_codes_number_is_not_a_count_of_patients():
    results = _results("Zentrix data", "Zentrix Oncology, Inc. (NASDAQ: ZNTX) reported Phase 3 data for ZX-612 in myeloma.",
                       "In the Phase 3 trial, 19% of patients on ZX-612 achieved a complete response or better.")
    assert ("CR", 612.0, "patients", False) not in results
    assert ("CR", 19.0, "%", False) in results


def test_a_control_arm_figure_after_against_is_a_comparator_for_the_same_endpoint():
    results = _results("Zentrix data", "Zentrix Oncology, Inc. (NASDAQ: ZNTX) reported Phase 3 data for ZX-612 in myeloma.",
                       "In the Phase 3 trial, 19% of patients on ZX-612 achieved a complete response or better, "
                       "against 7% in the control arm.")
    assert ("CR", 7.0, "%", True) in results
    assert ("CR", 7.0, "%", False) not in results


def test_against_a_target_is_no_comparison():
    results = _results("Zentrix data", "Zentrix Oncology, Inc. (NASDAQ: ZNTX) reported Phase 2 data for ZX-612.",
                       "In the Phase 2 trial, the objective response rate was 41%, with activity against 7 KRAS variants.")
    assert {r for r in results if r[0] == "ORR"} == {("ORR", 41.0, "%", False)}


def test_shares_of_a_suffixed_name_is_a_company():
    names = {c.name for c in _extract("Market movers", "Shares of Helvor Therapeutics, Inc. fell 40% on Friday.").companies}
    assert "Helvor Therapeutics, Inc." in names


def _phases_by_cohort(extraction) -> dict[str, set]:
    phase_of = {t.local_id: t.phase for t in extraction.trials}
    out: dict[str, set] = {}
    for r in extraction.results:
        out.setdefault(r.cohort, set()).add(phase_of.get(r.trial))
    return out


def test_findings_after_a_next_step_quote_stay_with_the_trial_that_produced_them():
    extraction = _extract(
        "Zentrix Presents Phase 1b/2 Data for ZX-330",
        "- 34% ORR in second-line patients (Cohort 1)",
        "- Company to advance ZX-330 into a randomized Phase 3 trial in first-line disease",
        "BOSTON, Sept. 15, 2026 /PRNewswire/ -- Zentrix Oncology, Inc. (Nasdaq: ZNTX) today announced updated results "
        "from its ongoing Phase 1b/2 ZEN-1 trial of ZX-330 in patients with pancreatic cancer.",
        "\"We believe these results support moving directly into a Phase 3 study,\" said the CEO.",
        "In Cohort 1, 47 patients had received a median of one prior line of therapy. The confirmed ORR was 34% and "
        "median PFS was 5.8 months.",
        doc="zentrix-2026-09-15")
    phases = _phases_by_cohort(extraction)
    assert phases["1"] == {"1/2"}


def _cohort_results(*paragraphs: str) -> set[tuple]:
    return {(r.cohort, r.endpoint, r.value, r.comparator) for r in _extract(*paragraphs).results}


def test_in_that_group_refers_to_the_part_the_sentence_before_named():
    results = _cohort_results(
        "Zentrix data", "Zentrix Oncology, Inc. (NASDAQ: ZNTX) reported data from the Phase 1/2 ZEN-1 trial of ZX-509.",
        "Part A, the dose-escalation portion, enrolled 26 patients. They had received a median of four prior lines of "
        "treatment. In that group, the confirmed objective response rate was 23%.")
    assert ("A", "ORR", 23.0, False) in results
    assert ("A", "prior_lines", 4.0, False) in results


def test_that_group_does_not_reach_into_another_paragraph():
    results = _cohort_results(
        "Zentrix data", "Zentrix Oncology, Inc. (NASDAQ: ZNTX) reported data from the Phase 1/2 ZEN-1 trial of ZX-509.",
        "Part A, the dose-escalation portion, enrolled 26 patients.",
        "In that group, the confirmed objective response rate was 23%.")
    assert (None, "ORR", 23.0, False) in results


def test_a_benchmark_list_keeps_its_setting_phrase_and_its_second_figure():
    results = _cohort_results(
        "Zentrix data", "Zentrix Oncology, Inc. (NASDAQ: ZNTX) reported Phase 2 data for ZX-509 in lung cancer: the ORR was 41%.",
        "For context, docetaxel produces response rates of roughly 10% to 14% in this population, and a median PFS of "
        "around 4 months.")
    assert (None, "mPFS", 4.0, True) in results
    assert (None, "ORR", 41.0, False) in results


def test_single_agent_chemotherapy_figures_are_benchmarks():
    results = _cohort_results(
        "Zentrix data", "Zentrix Oncology, Inc. (NASDAQ: ZNTX) reported Phase 2 data for ZX-12: the ORR was 36%.",
        "By contrast, single-agent chemotherapy such as weekly paclitaxel typically yields response rates of 10% to 15% "
        "in platinum-resistant disease.")
    assert (None, "ORR", 10.0, True) in results
    assert (None, "ORR", 36.0, False) in results


def test_a_company_name_that_ends_like_an_inn_stem_is_no_drug():
    extraction = _extract("Halvarsen pays $62M for Quorvan's GIST drug as it rebuilds after phase 3 flop",
                          "Halvarsen Biotherapeutics (NASDAQ: HLVB) is licensing QV-2207 from Quorvan Pharma Co., Ltd.")
    assert "Halvarsen" not in {d.name for d in extraction.drugs}


def test_spellings_listed_under_different_tickers_stay_two_companies():
    from trialgraph.resolve import resolve

    first = _extract("Deal news", "Halvarsen Bio is paying Korvalen Pharma Co., Ltd. $62 million for QV-2207.",
                     "Korvalen (KOSDAQ: 298410) has run a Phase 1b study of QV-2207.", doc="deal-2026-03-18")
    second = _extract("Market news", "Orvalen Bio Inc. (NASDAQ: ORVB) is running a Phase 2 trial of its own WEE1 inhibitor, "
                      "OV-7, in uterine serous carcinoma.", "Orvalen stock rose 6% in sympathy.", doc="market-2026-02-24")
    resolution = resolve([first, second])
    assert resolution.company("Orvalen Bio Inc.").label != resolution.company("Korvalen Pharma Co., Ltd.").label


def test_a_code_in_apposition_to_a_companys_medicine_noun_is_its_drug_not_a_trial_name():
    extraction = _extract("Market news",
                          "Quorvan Therapeutics, Inc. (NASDAQ: QRVN) said the FDA granted Fast Track designation to QV-12, "
                          "an oral WEE1 inhibitor.",
                          "Orvalen Bio Inc. (NASDAQ: ORVB) is running a Phase 2 trial of its own WEE1 inhibitor, OV-7, in "
                          "uterine serous carcinoma.")
    assert ("OV-7", "Orvalen Bio Inc.") in {(d.name, d.company) for d in extraction.drugs}
    assert {(t.drug, t.name) for t in extraction.trials if t.phase == "2"} == {("OV-7", None)}


def test_which_also_goes_by_the_inn_is_an_alias():
    extraction = _extract("Deal news", "Halvarsen Bio licensed QV-2207 from Quorvan Pharma Co., Ltd.",
                          "QV-2207, which also goes by the international nonproprietary name tavelitinib, is designed to "
                          "hit secondary KIT mutations.")
    drug = next(d for d in extraction.drugs if d.name == "QV-2207")
    assert "tavelitinib" in {a.name for a in drug.aliases}


def test_a_related_headlines_link_list_yields_no_facts():
    extraction = _extract("Quorvan stock soars",
                          "Shares of Quorvan Therapeutics, Inc. (NASDAQ: QRVN) rose after the FDA granted Fast Track "
                          "designation to QV-12, an oral WEE1 inhibitor.",
                          "**Read More:**",
                          "* [Merrow Pharma plunges after phase 3 miss for MW-40](https://news.example/merrow-miss)",
                          "[See more QRVN analyst ratings](https://news.example/qrvn/forecast)")
    assert "Merrow Pharma" not in {c.name for c in extraction.companies}
    assert "MW-40" not in {d.name for d in extraction.drugs}


def test_a_study_of_a_companys_described_product_studies_that_product():
    extraction = _extract("Myeloma field",
                          "Quorvan Biopharma plc (LSE: QRVB) reported Phase 3 data for QV-612 in multiple myeloma.",
                          "Marlowe Biologics is testing its bispecific SD-44 in a Phase 2 trial, and Tervane Therapeutics "
                          "expects data from a Phase 3 study of its CD38 antibody-drug conjugate VR-808 next year.")
    assert ("VR-808", "3") in {(t.drug, t.phase) for t in extraction.trials}
    assert ("SD-44", "3") not in {(t.drug, t.phase) for t in extraction.trials}


@pytest.mark.parametrize("sentence, indication", [
    ("Quorvan said NR-311 completed a Phase 2b trial in episodic migraine last year.", "episodic migraine"),
])
def test_a_time_phrase_after_the_disease_is_no_part_of_the_indication(sentence, indication):
    extraction = _extract("Quorvan news", "Quorvan Pharma A/S (Nasdaq Copenhagen: QRV) licensed NR-311 to Telmora Co., Ltd.",
                          sentence)
    assert indication in {t.indication for t in extraction.trials}


def test_a_related_topics_list_is_site_furniture():
    extraction = _extract("Quorvan's QV-612 doubles PFS in myeloma",
                          "Quorvan Biopharma plc (LSE: QRVB) reported Phase 3 data for QV-612 in multiple myeloma.",
                          "Related Topics", "Phase III trials of Telmora Pharma's TM-9",
                          "Related Companies", "Telmora Pharma Inc.")
    assert "Telmora Pharma Inc." not in {c.name for c in extraction.companies}


def test_a_generic_name_given_in_a_sentence_of_its_own_is_the_brands_alias():
    extraction = _extract("FDA approves Zentrix's lymphoma antibody",
                          "Zentrix Pharmaceuticals Inc. said the agency granted accelerated approval to Velquora, its "
                          "bispecific antibody, for adults with relapsed or refractory follicular lymphoma. The molecule "
                          "was known as ZX-221 throughout development.")
    names = {d.name: {a.name for a in d.aliases} for d in extraction.drugs}
    assert any({"Velquora", "ZX-221"} <= {name, *aliases} for name, aliases in names.items())


def test_the_same_population_takes_the_population_stated_before():
    extraction = _extract("FDA approves Zentrix's lymphoma antibody",
                          "Zentrix Pharmaceuticals Inc. said the FDA granted accelerated approval to ZX-221 for adults "
                          "with relapsed or refractory follicular lymphoma after two or more lines of systemic therapy.",
                          "ZX-221 had earlier picked up Breakthrough Therapy designation for the same follicular lymphoma "
                          "population in March 2024.", doc="zentrix-2026-04-10")
    btd = [d for d in extraction.designations if d.type == "breakthrough_therapy"]
    assert [d.indication.startswith("relapsed or refractory follicular lymphoma") for d in btd] == [True]
    assert btd[0].date == "2024-03"


def test_admitted_to_prime_is_a_grant():
    extraction = _extract("Regulatory roundup",
                          "In Europe, the EMA admitted Lunora Bio GmbH's LB-30, an oral factor B inhibitor, to its PRIME "
                          "scheme for IgA nephropathy.")
    assert [(d.drug, d.type, d.agency) for d in extraction.designations] == [("LB-30", "prime", "EMA")]


def test_a_news_section_heading_naming_one_company_gives_its_officers_their_company():
    extraction = _extract("FDA approves Zentrix antibody, rejects Quorvan gene therapy",
                          "Zentrix Pharmaceuticals Inc. (NYSE: ZNTX) won accelerated approval for ZX-221.",
                          "**A no for Quorvan**",
                          "Quorvan Therapeutics disclosed a complete response letter for QV-5, its gene therapy.",
                          "\"We will request a Type A meeting,\" CEO Marta Olsen-Vey said on a conference call.")
    assert {p.name: p.organization for p in extraction.people}["Marta Olsen-Vey"] == "Quorvan Therapeutics"


def test_a_study_named_without_a_comma_gets_its_name():
    extraction = _extract("Zentrix data", "Zentrix Oncology, Inc. (NYSE: ZNTX) presented Phase 1/2 data for ZX-509.",
                          "Weeks earlier Quorvan Therapeutics said that its rival antibody, QV-88, was being moved into a "
                          "Phase 3 study named KESTON-3.")
    assert ("QV-88", "3", "KESTON-3") in {(t.drug, t.phase, t.name) for t in extraction.trials}


@pytest.mark.parametrize("sentence, label, value", [
    ("Among Part B patients whose tumors were TROP2-high by the company's assay, the response rate climbed to 52%.",
     "TROP2-high", 52.0),
    ("An exploratory cohort of patients whose tumors harbor KRAS G12V mutations showed an ORR of 12%.", "KRAS G12V", 12.0),
    ("In patients who were refractory to lenalidomide, which made up 71% of the trial, median PFS was 11.2 months.",
     "lenalidomide-refractory", 11.2),
])
def test_a_subgroup_defined_by_its_tumours_or_its_refractoriness_carries_its_figure(sentence, label, value):
    results = _cohort_results("Zentrix data", "Zentrix Oncology, Inc. (NYSE: ZNTX) reported data from the Phase 1/2 ZEN-1 "
                              "trial of ZX-509 in solid tumors.", sentence)
    assert any(cohort == label and v == value for cohort, _, v, _ in results)


def test_a_drug_followed_by_which_has_completed_a_trial_is_that_trials_drug():
    extraction = _extract("Deal news",
                          "Pellora Therapeutics struck an option agreement with Altavir Biologics AG for AV-417, a bispecific "
                          "antibody in a Phase 1 dose-escalation study.",
                          "Pellora will also pick up rights to combine AV-417 with its own PD-1 antibody, PL-11, which has "
                          "completed a Phase 1 trial.")
    assert ("PL-11", "1") in {(t.drug, t.phase) for t in extraction.trials}


@pytest.mark.parametrize("sentence, value", [
    ("Sixty-eight percent responded to treatment, the label says.", 68.0),
    ("Fifteen percent responded to treatment, the label says.", 15.0),
])
def test_a_spelled_out_percentage_opening_a_sentence_is_a_figure(sentence, value):
    results = _cohort_results("FDA approves ZX-221", "Zentrix Pharmaceuticals Inc. (NYSE: ZNTX) won approval for ZX-221 "
                              "based on the Phase 2 ZEN-FL study.", sentence)
    assert (None, "ORR", value, False) in results
