"""Phrasings of company results releases found by the held-out pharmaq set (tests/heldout_pharmaq),
written anew with invented names: pipeline tables and pipe-separated lists under a phase heading, R&D-event
table rows whose designation, disease and region stand in cells, list items that name a designation with a
region code and no verb, a pair of figures that writes its unit once ("16.1 vs. 12.0 months"), a study
named with its phase and no study noun, and a news item labelled by another of the sponsor's drugs."""
from __future__ import annotations

from test_extractors import announce, drug_named, results

from trialgraph.model import Document
from trialgraph.segment import segment

PIPELINE_TABLE = (
    "| Programme | Mechanism | Indication | Stage | Study | Next milestone |\n"
    "| --- | --- | --- | --- | --- | --- |\n"
    "| ZX-101 (zentrimab) | anti-IL-99 mAb | Crohn's disease | Phase III | ZENITH-CD | Topline 2026 |\n"
    "| ZX-101 (zentrimab) | anti-IL-99 mAb | Ulcerative colitis | Phase III | ZENITH-UC | Topline 2027 |\n"
    "| ZX-204 | oral JAK inhibitor | Psoriatic arthritis | Phase II | – | First patient dosed |\n"
    "| ZX-330 | siRNA | IgA nephropathy | Registration | – | Filing accepted |"
)


def _drug(ex, written: str) -> str:
    """The canonical name of the drug written `written` in the release."""
    drug = drug_named(ex, written)
    return drug.name if drug else written


def _trials(ex) -> set[tuple]:
    return {(_drug(ex, t.drug), t.phase, t.indication, t.name) for t in ex.trials}


def test_a_pipeline_tables_rows_are_studies_at_the_phase_of_their_stage_cell():
    ex = announce("Pipeline update at June 30:", PIPELINE_TABLE)
    found = _trials(ex)
    assert (_drug(ex, "ZX-101"), "3", "Crohn's disease", "ZENITH-CD") in found
    assert (_drug(ex, "ZX-101"), "3", "Ulcerative colitis", "ZENITH-UC") in found
    assert (_drug(ex, "ZX-204"), "2", "Psoriatic arthritis", None) in found
    assert not any(_drug(ex, t.drug) == _drug(ex, "ZX-330") for t in ex.trials)  # a filing is no study


def test_a_pipe_separated_list_takes_the_phase_of_its_heading():
    listing = "\n".join([
        "Phase 3",
        "- ZX-101 (zentrimab) | FLT9 inhibitor | Newly diagnosed acute myeloid leukemia | Global | ZENITH study",
        "Phase 1",
        "- ZX-560 | KRAS G12D inhibitor | KRAS G12D-mutated solid tumors | Japan, US",
        "Filed",
        "- ZX-330 | siRNA | IgA nephropathy | China | NDA accepted March 2026",
    ])
    ex = announce("Development pipeline (as of May 1, 2026):", listing)
    found = _trials(ex)
    assert (_drug(ex, "ZX-101"), "3", "Newly diagnosed acute myeloid leukemia", "ZENITH") in found
    assert (_drug(ex, "ZX-560"), "1", "KRAS G12D-mutated solid tumors", None) in found
    assert not any(_drug(ex, t.drug) == _drug(ex, "ZX-330") for t in ex.trials)


def test_an_event_tables_designation_takes_the_disease_and_region_of_its_cells():
    table = (
        "| Compound | Event | Indication | Region |\n"
        "| --- | --- | --- | --- |\n"
        "| ZX-402 (zenotinib) | Breakthrough Therapy Designation | FGFR9-altered gastric cancer | China |\n"
        "| ZX-255 | Supplemental BLA accepted; Priority Review granted | Primary biliary cholangitis | US |"
    )
    ex = announce("Key R&D events in the quarter", table)
    found = {(_drug(ex, d.drug), d.type, d.agency, d.indication) for d in ex.designations}
    assert (_drug(ex, "ZX-402"), "breakthrough_therapy", "NMPA", "FGFR9-altered gastric cancer") in found
    assert (_drug(ex, "ZX-255"), "priority_review", "FDA", "Primary biliary cholangitis") in found


def test_a_markdown_rows_semicolon_ends_no_sentence():
    text = "Headline\n\n| ZX-1 | BLA accepted; Priority Review granted | X | US |\n"
    sentences = segment(Document("d", "d.txt", text))
    assert [s.text for s in sentences if "|" in s.text] == ["| ZX-1 | BLA accepted; Priority Review granted | X | US |"]


def test_a_list_item_with_a_region_code_states_a_designation_without_a_verb():
    items = "\n".join([
        "- ZX-705 (zenolisib) - Breakthrough Therapy Designation (CN) for ESR9-mutated breast cancer.",
        "- ZX-903 - Orphan Drug Designation (JP) for Pompe disease; Phase I/II trial ongoing.",
    ])
    ex = announce("Pipeline highlights", items)
    found = {(_drug(ex, d.drug), d.type, d.agency, d.indication) for d in ex.designations}
    assert (_drug(ex, "ZX-705"), "breakthrough_therapy", "NMPA", "ESR9-mutated breast cancer") in found
    assert (_drug(ex, "ZX-903"), "orphan_drug", "PMDA", "Pompe disease") in found


def test_a_list_item_that_plans_a_designation_states_none():
    ex = announce("Pipeline highlights", "- ZX-903 - plans to request Fast Track designation (US) for Pompe disease.")
    assert not ex.designations


def test_a_pair_that_writes_its_unit_once_gives_both_figures():
    ex = announce("In the Phase 3 ZENITH-2 trial of ACM-101 in gastric cancer, median OS was 16.1 vs. 12.0 months "
                  "with docetaxel.")
    assert ("mOS", 16.1, None, "months", None, False) in results(ex)
    assert ("mOS", 12.0, None, "months", None, True) in results(ex)


def test_a_drug_code_before_versus_is_no_figure():
    ex = announce("Median overall survival was 28.8 months with ACM-101 versus 12.5 months in the control group.")
    assert {r.value for r in ex.results} == {28.8, 12.5}


def test_a_study_named_with_its_phase_and_no_study_noun():
    ex = announce("Oncology pipeline highlights",
                  "- ACM-101 - ZENITH-2 Phase III, platinum-resistant ovarian cancer: met its primary endpoint.\n"
                  "- ACM-202 - Phase III ZENITH-COPD did not meet its primary endpoint.")
    names = {(_drug(ex, t.drug), t.phase, t.name) for t in ex.trials}
    assert (_drug(ex, "ACM-101"), "3", "ZENITH-2") in names
    assert (_drug(ex, "ACM-202"), "3", "ZENITH-COPD") in names


def test_a_biomarker_adjective_in_parentheses_names_no_study():
    ex = announce("Data from Cohort B of the Phase II ZENITH-1 basket study (FGFR9-altered gastric cancer) were presented.")
    assert {t.name for t in ex.trials} == {"ZENITH-1"}


def test_a_news_item_labelled_by_a_studied_drug_reports_that_drugs_figures():
    ex = announce(
        "The Phase 3 ZENITH-3 study of ACM-101 in lung cancer met its primary endpoint.",
        "- ACM-402: data from Cohort B of the Phase II ZENITH-1 study in gastric cancer showed an ORR of 33%.")
    [result] = [r for r in ex.results if r.value == 33]
    assert not result.comparator and result.cohort == "B"


def test_a_comparison_without_a_drug_is_set_against_its_own_figures_drug():
    ex = announce("In the Phase 3 ZENITH-3 study, ACM-101 plus pembrolizumab was compared with pembrolizumab alone "
                  "in lung cancer.",
                  "Median PFS was 14.2 months with the combination versus 8.3 months with pembrolizumab alone. "
                  "The objective response rate was 52.4% compared with 38.9%.")
    [control] = [r for r in ex.results if r.value == 38.9]
    assert control.comparator
    [own] = [r for r in ex.results if r.value == 52.4]
    assert control.drug == own.drug


def test_a_tables_footnote_grants_the_designation_to_the_row_its_mark_is_on():
    table = (
        "| Programme | Indication | Stage | Study |\n"
        "| --- | --- | --- | --- |\n"
        "| ZX-101 (zentrimab) | Crohn's disease | Phase III | ZENITH-CD |\n"
        "| ZX-318 (zenosiran) | C9 glomerulopathy (2) | Phase Ib | – |"
    )
    note = "(2) Orphan drug designation granted by the FDA (2024) and by the European Commission (March 2025)."
    ex = announce("Pipeline at June 30:", table, note)
    found = {(_drug(ex, d.drug), d.type, d.agency, d.indication, d.date) for d in ex.designations}
    assert found == {(_drug(ex, "ZX-318"), "orphan_drug", "FDA", "C9 glomerulopathy", "2024"),
                     (_drug(ex, "ZX-318"), "orphan_drug", "EC", "C9 glomerulopathy", "2025-03")}


def test_a_drug_included_in_chinas_breakthrough_list_holds_the_designation():
    ex = announce("ZX-301 was included by the Center for Drug Evaluation (CDE) in the list of Breakthrough Therapy "
                  "Designations for KRAS G12D-mutated pancreatic cancer.")
    assert {(d.type, d.agency, d.indication) for d in ex.designations} == {
        ("breakthrough_therapy", "NMPA", "KRAS G12D-mutated pancreatic cancer")}



def test_names_that_a_plural_study_noun_describes_as_their_predicate_are_one_study_each():
    ex = announce("ZENITH-1 and ZENITH-2 are identical 16-week, randomised, double-blind Phase 3 trials of ACM-101 "
                  "that together enrolled 1,012 adults.",
                  "In Japan, a partner started a Phase 3 trial of ACM-101 in Japanese patients with chronic hand eczema.")
    found = {(t.phase, t.name) for t in ex.trials}
    assert {("3", "ZENITH-1"), ("3", "ZENITH-2"), ("3", None)} <= found
    [japanese] = [t for t in ex.trials if t.name is None]
    assert "Japanese" in japanese.indication


def test_a_name_in_parentheses_after_a_long_comparison_names_the_study():
    ex = announce("A Phase 3 study of ACM-101 plus carboplatin and paclitaxel versus tislelizumab plus the same "
                  "chemotherapy in first-line squamous lung cancer (ZENITH-Lung02) completed enrollment.")
    assert {t.name for t in ex.trials} == {"ZENITH-Lung02"}


def test_a_japanese_listing_parenthesis_names_the_chief_executive_and_keeps_the_ticker():
    from test_extractors import make_release, run

    lead = ('Kiri Pharma Co., Ltd. (TSE: 4587; President and Representative Director, CEO: Taro Yamada; "Kiri") '
            "today announced its results for fiscal 2025.")
    ex = run(make_release(lead, dateline="OSAKA, Japan, May 13, 2026 - "))
    assert ("Taro Yamada", "president and representative director, ceo", "Kiri Pharma Co., Ltd.") in {
        (p.name, p.role, p.organization) for p in ex.people}
    assert ("Kiri Pharma Co., Ltd.", "4587", "TSE") in {(c.name, c.ticker, c.exchange) for c in ex.companies}


def test_a_semicolon_inside_parentheses_ends_no_sentence():
    text = "Headline\n\nKiri Pharma (TSE: 4587; CEO: Taro Yamada) today announced results. The year was good.\n"
    assert [s.text for s in segment(Document("d", "d.txt", text))][1:] == [
        "Kiri Pharma (TSE: 4587; CEO: Taro Yamada) today announced results.", "The year was good."]


def test_a_month_and_year_before_the_drug_noun_is_no_product():
    ex = announce("In March 2025, the new drug application (NDA) for ACM-101 in lung cancer was accepted.")
    assert not any("2025" in d.name for d in ex.drugs)


def test_the_family_name_of_two_named_studies_is_no_study():
    ex = announce("ACM-101 is in the Phase 3 ZENITH-CD study in Crohn's disease and the Phase 3 ZENITH-UC study in "
                  "ulcerative colitis.", "With both ZENITH studies fully enrolled, a filing is planned for 2026.")
    assert {t.name for t in ex.trials} == {"ZENITH-CD", "ZENITH-UC"}


def test_a_population_in_parentheses_after_the_study_noun():
    ex = announce("Data from the Phase II ZENITH-1 basket study (FGFR9-altered gastric cancer, 9 mg once daily) "
                  "were presented.")
    [trial] = ex.trials
    assert trial.indication == "FGFR9-altered gastric cancer"


def test_a_dateline_with_its_country_in_parentheses():
    from test_extractors import ISSUER, make_release, run

    ex = run(make_release(ISSUER + " today published its half-year results.", dateline="Lyon (France), July 30, 2025 - "))
    assert (ex.release.date, ex.release.location) == ("2025-07-30", "Lyon, France")


def test_a_table_whose_cells_tabs_separate_is_read_as_a_pipe_table():
    table = ("Candidate\t\tTarget\t\tIndication\t\t\tStage\n"
             "ZX-101\t\tFRa\t\tPlatinum-resistant ovarian cancer\tPhase 2\n"
             "ZX-101\t\tFRa\t\tEndometrial cancer\t\tPhase 1b\n"
             "ZX-330\t\tB7-H9\t\tSolid tumours\t\t\tPreclinical")
    ex = announce("Pipeline overview", table)
    found = _trials(ex)
    assert (_drug(ex, "ZX-101"), "1b", "Endometrial cancer", None) in found
    assert (_drug(ex, "ZX-101"), "2", "Platinum-resistant ovarian cancer", None) in found
    assert not any(_drug(ex, t.drug) == _drug(ex, "ZX-330") for t in ex.trials)  # preclinical: no study


def test_a_tabbed_financial_table_is_no_pipeline():
    table = ("\t\t\tThree Months Ended September 30,\t\tNine Months Ended September 30,\n"
             "Research and development\t$\t48,311\t$\t36,902\n"
             "General and administrative\t\t11,870\t\t9,455")
    ex = announce("ZX-101 is in a Phase 2 study in gastric cancer. Financial results:", table)
    assert {t.phase for t in ex.trials} == {"2"}
