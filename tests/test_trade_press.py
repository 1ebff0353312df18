"""Trade-press rewrites and short news items (third person, no dateline, roundups): the
constructions found by the held-out set tests/heldout_news, with invented names."""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.model import Document


def _extract(*paragraphs: str, doc: str = "news-2025-03-18"):
    return extract(Document(doc, f"{doc}.txt", "\n\n".join(paragraphs) + "\n"))


@pytest.mark.parametrize("sentence, name", [
    ("Perth-based Zentrix Therapeutics Ltd (ASX: ZTX) has completed dosing of the third cohort.", "Zentrix Therapeutics Ltd"),
    ("San Francisco-based Zentrix Bio said ZX-101 met its primary endpoint.", "Zentrix Bio"),
    ("Tokyo-listed Zentrix Pharmaceutical Co., Ltd. (TSE: 4599) presented new data.", "Zentrix Pharmaceutical Co., Ltd."),
    ("Helvor AG licensed ZX-101 from Japan's Zentrix Pharma in 2021.", "Zentrix Pharma"),
    ("China's Zentrix Biopharmaceutical Co., Ltd. (HKEX: 2981) obtained rights to ZX-101.", "Zentrix Biopharmaceutical Co., Ltd."),
])
def test_a_place_before_a_company_name_is_no_part_of_it(sentence, name):
    names = {c.name for c in _extract("Zentrix news in brief", sentence).companies}
    assert name in names
    assert not any(n != name and n.endswith(name) for n in names)


@pytest.mark.parametrize("dateline, location", [
    ("BASEL, Oct 14 - Swiss drugmaker Helvor AG said on Tuesday that ZX-101 failed.", "Basel, Switzerland"),
    ("LONDON, March 3 (Newsdesk) - Zentrix plc said ZX-101 met its goal.", "London, United Kingdom"),
])
def test_a_news_agency_dateline_without_its_year_takes_the_archive_year(dateline, location):
    release = _extract("Helvor drug misses goal", dateline, "Shares fell 14%.", doc="helvor-2025-10-14").release
    assert release.location == location
    assert release.date == ("2025-10-14" if "Oct" in dateline else "2025-03-03")


def test_a_capitalised_opening_without_a_day_is_no_dateline():
    release = _extract("Helvor drug misses goal", "FDA, EMA - regulators agree on ZX-101.", doc="helvor-2025-10-14").release
    assert release.location is None and release.date == "2025-10-14"


def _people(*paragraphs: str):
    return {p.name: (p.role, p.organization) for p in _extract(*paragraphs).people}


@pytest.mark.parametrize("sentence, name, role", [
    ("Mara Okonkwo, M.D., Ph.D., has been named chief medical officer.", "Mara Okonkwo", "chief medical officer"),
    ("Tomas Varga will join as chief financial officer.", "Tomas Varga", "chief financial officer"),
    ("Ingrid Holm has stepped down as president and chief executive officer.", "Ingrid Holm",
     "president and chief executive officer"),
    ("Lena Fischer, Ph.D., has joined the venture firm as a venture partner.", "Lena Fischer", "venture partner"),
])
def test_appointment_verbs_of_personnel_news_give_the_title(sentence, name, role):
    assert _people("Zentrix Bio taps new leaders", "Zentrix Bio", sentence)[name][0] == role


def test_a_roundup_items_heading_names_the_company_of_its_bare_titles():
    people = _people("Chutes & Ladders: Zentrix Bio, Quorvan Therapeutics",
                     "Zentrix Bio names CMO", "Zentrix Bio", "Mara Okonkwo has been named chief medical officer.",
                     "Quorvan Therapeutics adds CFO", "Quorvan Therapeutics", "Tomas Varga will join as chief financial officer.")
    assert people["Mara Okonkwo"] == ("chief medical officer", "Zentrix Bio")
    assert people["Tomas Varga"] == ("chief financial officer", "Quorvan Therapeutics")


def test_a_title_before_the_name_wins_over_the_post_the_person_will_take():
    people = _people("Acme buys Zentrix", "Acme Pharma plc agreed to buy Zentrix Bio.",
                     "Its co-founder and CEO, Dr. Mara Okonkwo, will join Acme as head of its rare disease unit.")
    assert people["Mara Okonkwo"][0] == "co-founder and ceo"


def _owners(*paragraphs: str):
    return {d.name: d.company for d in _extract(*paragraphs).drugs}


def test_a_possessive_owns_the_first_drug_after_it_not_a_comparator_further_on():
    owners = _owners("Zentrix's ZX-101 extends survival over docetaxel",
                     "Zentrix Pharma Co., Ltd. (TSE: 4599) presented results of ZX-101 in lung cancer.")
    assert owners["ZX-101"] == "Zentrix Pharma Co., Ltd."
    assert owners["docetaxel"] is None


@pytest.mark.parametrize("sentence, drug, owner", [
    ("She joins Zentrix from Quorvan Pharmaceuticals, where she led the late-stage development of its KRAS inhibitor "
     "fendravimab.", "fendravimab", "Quorvan Pharmaceuticals"),
    ("He was CFO of Telmora Therapeutics, which was acquired by Borvex Pharma for its psoriasis drug tirzavimab.",
     "tirzavimab", "Borvex Pharma"),
])
def test_its_before_a_drug_is_the_company_the_sentence_last_named(sentence, drug, owner):
    owners = _owners("Zentrix Bio names new CMO", "Zentrix Bio, Inc. (NASDAQ: ZTRX) develops ZX-101.", sentence)
    assert owners[drug] == owner


def _trials(*paragraphs: str):
    return [(t.drug, t.phase, t.name) for t in _extract(*paragraphs).trials]


def test_ind_enabling_studies_are_no_trial():
    trials = _trials("Zentrix news", "Zentrix Bio, Inc. (NASDAQ: ZTRX) is also developing ZX-808, a gene therapy for "
                     "Wilson disease, which is currently in IND-enabling studies.")
    assert not any(name and "enabling" in name.lower() for _, _, name in trials)


def test_a_sentence_naming_only_the_partner_studies_the_drug_it_stands_for():
    trials = _trials("Zentrix drug misses goal",
                     "Zentrix Bio, Inc. (NASDAQ: ZTRX) said ZX-101 failed the Phase 3 ALDER-9 trial in gastric cancer.",
                     "The drug is also being tested together with ramucirumab in a Phase 2 study in second-line gastric "
                     "cancer, which will continue.")
    assert ("ZX-101", "2", None) in trials
    assert not any(drug == "ramucirumab" for drug, _, _ in trials)


def test_a_headline_clipping_the_last_word_of_the_name_is_its_short_form():
    names = [c.name for c in _extract(
        "Zentrix Biopharma in-licenses rights to ZX-101",
        "Zentrix Biopharmaceutical Co., Ltd. (HKEX: 2981) has obtained exclusive rights to ZX-101.").companies]
    assert names == ["Zentrix Biopharmaceutical Co., Ltd."]


def test_a_contract_manufacturing_partner_is_no_company():
    names = {c.name for c in _extract(
        "Zentrix news", "Zentrix Bio AB (Nasdaq Stockholm: ZTX) develops ZX-101.",
        "Zentrix manufactures ZX-101 through its contract development and manufacturing partner Quorvan Biologics B.V. "
        "in Leiden.").companies}
    assert "Quorvan Biologics B.V." not in names


def test_a_news_digest_title_is_no_company():
    names = {c.name for c in _extract("The Daily Biotech Pulse: Orphan Tag For Zentrix",
                                      "Zentrix Bio Inc (NASDAQ: ZTRX) said the FDA granted Orphan Drug Designation to ZX-101.").companies}
    assert not any("Daily" in n for n in names)


def _designations(*paragraphs: str):
    return [(d.drug, d.type, d.agency, d.indication) for d in _extract(*paragraphs).designations]


def test_an_accelerated_approval_path_under_discussion_is_no_designation():
    designations = _designations("Zentrix jumps on ZX-101 data",
                                 "Zentrix Bio (NASDAQ:ZTRX) reported data for ZX-101 in ovarian cancer.",
                                 "CEO Mara Okonkwo said the company was in discussions with the FDA about an "
                                 "accelerated approval path.")
    assert not any(t == "accelerated_approval" for _, t, _, _ in designations)


def test_a_headline_grant_in_fewer_words_is_the_bodys_grant():
    designations = _designations(
        "Zentrix's ZX-101 wins FDA Breakthrough Therapy tag in heavily pretreated myeloma",
        "BOSTON, MA - March 3, 2025 - Zentrix Bio, Inc. (NASDAQ: ZTRX) said the FDA has granted Breakthrough Therapy "
        "designation to ZX-101 for adults with relapsed or refractory multiple myeloma who have received at least four "
        "prior lines of therapy.")
    assert [t for _, t, _, _ in designations] == ["breakthrough_therapy"]
    assert "relapsed or refractory multiple myeloma" in designations[0][3]


@pytest.mark.parametrize("sentence", [
    "Zentrix Bio Inc (NASDAQ: ZTRX) said the FDA granted Orphan Drug Designation to ZX-5, its oncolytic adenovirus, "
    "for the treatment of glioblastoma.",
    "Privately held Zentrix Bio presented dose-expansion data for ZX-5 in gastric cancer from its Phase 1 study.",
])
def test_a_one_digit_code_is_a_drug_where_a_grant_or_a_readout_is_about_it(sentence):
    assert "ZX-5" in {d.name for d in _extract("Zentrix news in brief", sentence).drugs}


@pytest.mark.parametrize("sentence", [
    "Zentrix Bio presented data for IL-6 levels in the trial.",
    "The designation for BCL-2 inhibitors is common.",
])
def test_a_one_digit_target_stays_no_drug(sentence):
    assert not {d.name for d in _extract("Zentrix news in brief", sentence).drugs} & {"IL-6", "BCL-2"}


@pytest.mark.parametrize("phrase, regimen", [
    ("12 patients received 3 mg/kg once monthly", "multiple"),
    ("patients received 2 mg once a week", "multiple"),
    ("a single intravenous infusion of 4 mg/kg", "single"),
    ("4 mg/kg given once", "single"),
])
def test_regimen_words(phrase, regimen):
    from trialgraph.extractors.cohorts import regimen_of

    assert regimen_of(phrase) == regimen


def test_a_study_of_a_single_infusion_doses_its_cohorts_once():
    cohorts = {c.label: c.regimen for c in _extract(
        "Zentrix completes dosing of third cohort",
        "Perth-based Zentrix Therapeutics Ltd (ASX: ZTX) is assessing the safety of a single intravenous infusion of "
        "ZX-101 in healthy adult volunteers in a Phase 1 trial.",
        "Cohort 1 received 0.5 mg/kg and Cohort 2 received 1.5 mg/kg.").cohorts}
    assert cohorts["1"] == cohorts["2"] == "single"


@pytest.mark.parametrize("sentence, population", [
    ("The Phase 3 ZEPHYR trial is comparing ZX-101 with burosumab in children aged one to 12 years with XLH.",
     "children aged one to 12 years with"),
    ("The decision was based on the ongoing Phase 2 ZEPHYR study of ZX-101 in patients aged six years and older with PH1.",
     "patients aged six years and older with"),
])
def test_an_age_qualified_population_is_the_trials_indication(sentence, population):
    trials = _extract("Zentrix news", "Zentrix Bio AB (Nasdaq Stockholm: ZTX) develops ZX-101 for primary hyperoxaluria "
                      "type 1 (PH1) and X-linked hypophosphatemia (XLH).", sentence).trials
    assert any((t.indication or "").startswith(population) for t in trials)


def test_a_roundup_items_drug_belongs_to_the_company_its_paragraph_opens_with():
    owners = _owners("The Daily Pulse: Orphan Tag For Zentrix, Quorvan Licenses Asia Rights",
                     "Zentrix Biosciences Inc (NASDAQ: ZTRX) said the FDA granted Orphan Drug Designation to ZX-101 "
                     "for the treatment of glioblastoma.",
                     "Quorvan Pharma A/S (Nasdaq Copenhagen: QRV) has licensed the rights to develop and commercialize "
                     "QV-311 in Japan to Telmora Co., Ltd. for $25 million upfront. QV-311 completed a Phase 2b trial in "
                     "episodic migraine last year.")
    assert owners["ZX-101"] == "Zentrix Biosciences Inc"
    assert owners["QV-311"] == "Quorvan Pharma A/S"


def test_a_paragraph_speaking_as_the_company_keeps_its_drug_with_the_issuer():
    owners = _owners("Zentrix Bio signs deal",
                     "Zentrix Bio, Inc. (NASDAQ: ZTRX) today announced a licence agreement.",
                     "Telmora Pharma will pay the Company $25 million upfront for rights to its investigational drug "
                     "ZX-101 in Japan, where ZX-101 is in a Phase 2 trial.")
    assert owners["ZX-101"] == "Zentrix Bio, Inc."


def test_a_headline_list_gives_each_designation_to_the_drug_after_it():
    designations = _designations(
        "The Daily Pulse: Orphan Tag For Zentrix's ZX-101, Fast Track For Quorvan's Kelvatinib",
        "Zentrix Biosciences Inc (NASDAQ: ZTRX) said the FDA granted Orphan Drug Designation to ZX-101 for glioblastoma.",
        "The FDA has granted Fast Track designation to Quorvan Therapeutics Inc's (NASDAQ: QRVN) kelvatinib (QV-902) for "
        "adults with HER2 exon 20-mutant non-small cell lung cancer.")
    pairs = {(drug, kind) for drug, kind, _, _ in designations}
    assert ("ZX-101", "fast_track") not in pairs
    assert ("ZX-101", "orphan_drug") in pairs


def test_a_grant_to_a_companys_drug_goes_to_that_drug_not_an_earlier_one():
    designations = _designations("Zentrix news",
                                 "Following ZX-101 data, the FDA granted Fast Track designation to Quorvan's QV-902 for "
                                 "non-small cell lung cancer.")
    assert [(drug, kind) for drug, kind, _, _ in designations] == [("QV-902", "fast_track")]


def test_a_former_post_of_a_company_names_that_company():
    names = {c.name for c in _extract("Zentrix adds CFO", "Zentrix Bio, Inc. (NASDAQ: ZTRX) named Tomas Varga CFO.",
                                      "Varga was previously CFO of Quorvan Therapeutics, which was acquired by Telmora "
                                      "Pharma last year.").companies}
    assert {"Quorvan Therapeutics", "Telmora Pharma"} <= names


@pytest.mark.parametrize("sentence, label, dose, unit", [
    ("In the expansion, 41 patients received ZX-101 at 2.4 mg/kg every three weeks (Cohort B); the ORR was 39%.",
     "B", 2.4, "mg/kg"),
    ("Among 34 patients treated at the recommended Phase 2 dose of 800 ug/kg once weekly (Arm A), the ORR was 71%.",
     "A", 800, "ug/kg"),
])
def test_a_label_in_parentheses_after_its_dose_takes_that_dose(sentence, label, dose, unit):
    cohorts = {c.label: c for c in _extract("Zentrix data", "Zentrix Bio (NASDAQ:ZTRX) reported data from the Phase 1b "
                                            "ZEN-1 study of ZX-101 in ovarian cancer.", sentence).cohorts}
    assert (cohorts[label].dose, cohorts[label].dose_unit, cohorts[label].regimen) == (dose, unit, "multiple")


def test_a_comparator_figure_in_a_brief_is_compared_with_its_paragraphs_drug():
    results = _extract(
        "Conference briefs: Zentrix and Quorvan report data",
        "1. Quorvan's QV-330 extends survival",
        "Quorvan Pharmaceutical Co., Ltd. (TSE: 4599) presented results of the Phase 3 SOLACE trial of QV-330 in "
        "previously treated lung cancer. Median overall survival was 22.4 months with QV-330.",
        "2. Zentrix combination doubles response rate",
        "Zentrix Therapeutics (NASDAQ: ZTRX) reported results from the randomised Phase 2 KALEIDO trial of ZX-15 in head "
        "and neck cancer. In Arm A, 46 patients received ZX-15 plus pembrolizumab; in Arm B, 45 patients received "
        "pembrolizumab alone. The objective response rate was 48% in Arm A versus 25% in the control arm.").results
    comparators = [(r.drug, r.value) for r in results if r.comparator]
    assert comparators == [("ZX-15", 25)]
