"""Licensing, option, M&A and R&D-day releases and their trade-press coverage: constructions found by
the held-out set tests/heldout_deals, tested here with invented names."""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.extractors.text import indication_after
from trialgraph.model import Document

DATELINE = "BOSTON, March 18, 2026 /PRNewswire/ -- Zentrix Bio, Inc. (NASDAQ: ZNTX) today announced news about ZX-101."


def _extract(*paragraphs: str, doc: str = "zentrix-2026-03-18", dateline: bool = True):
    text = "\n\n".join(((DATELINE,) if dateline else ()) + paragraphs) + "\n"
    return extract(Document(doc, f"{doc}.txt", text))


def _people(*paragraphs: str) -> dict[str, tuple]:
    return {p.name: (p.role, p.organization) for p in _extract(*paragraphs).people}


def _companies(*paragraphs: str, dateline: bool = True) -> dict[str, tuple]:
    return {c.name: (c.ticker, c.exchange) for c in _extract(*paragraphs, dateline=dateline).companies}


@pytest.mark.parametrize("sentence, role, org", [
    ('"It works," said Elena Varga, M.D., a medical oncologist at Hospital Universitario de Montalba and lead '
     'investigator of ZEN-1.', "medical oncologist", "Hospital Universitario de Montalba"),
    ('"It works," said Elena Varga, a professor at Institut de Recherche Montalba and principal investigator of ZEN-1.',
     "professor", "Institut de Recherche Montalba"),
])
def test_a_title_at_an_institution_with_particles_then_a_second_title(sentence, role, org):
    assert _people(sentence)["Elena Varga"] == (role, org)


@pytest.mark.parametrize("sentence", [
    "The upfront is in line with recent deals, said Tomas Lindqvist, an analyst at Harwick Securities, in a note to clients.",
    "The upfront is in line with recent deals, said Tomas Lindqvist, an analyst at Harwick Securities, in a research report.",
])
def test_the_medium_of_an_analyst_quote_is_no_part_of_the_title(sentence):
    assert _people(sentence)["Tomas Lindqvist"] == ("analyst", "Harwick Securities")


def test_the_last_word_of_a_title_before_a_name_is_not_a_first_name():
    people = _people("Chief Medical Officer Hélène Marchand-Olsen, M.D., presented updated data from ZEN-2.")
    assert list(people) == ["Hélène Marchand-Olsen"]
    assert people["Hélène Marchand-Olsen"][0] == "chief medical officer"


@pytest.mark.parametrize("heading", [
    "Korvex Pharma to Acquire Zentrix Bio, Adding a Late-Stage Antibody",
    "Korvex Pharma Exercises Option to License Zentrix's ADC ZX-101",
    "- Complements Zentrix's marketed inhibitor portfolio",
])
def test_a_headline_verb_before_a_company_is_no_part_of_its_name(heading):
    names = _companies(heading, "Korvex Pharma AG (SIX: KRVX) and Zentrix Bio, Inc. (NASDAQ: ZNTX) signed an agreement.",
                       dateline=False)
    assert not any(name.split()[0] in ("Acquire", "License", "Complements") for name in names)


def test_a_possessive_inside_a_hospital_name_names_no_company():
    names = _companies('"This matters," said Ana Ruiz, an oncologist at Northgate Women\'s Hospital and investigator '
                       "of the Phase 1b study.")
    assert not any("Northgate" in name for name in names)


def test_a_merger_subsidiary_is_no_company():
    names = _companies("Under the agreement, a wholly owned subsidiary of Korvex, Falcon Merger Sub, Inc., will commence "
                       "a tender offer for all shares of Zentrix.")
    assert "Falcon Merger Sub, Inc." not in names


def test_a_code_listing_after_a_market_is_the_listing_of_the_company_that_trades_there():
    listings = _companies("Korvex Bio licensed ZX-101 from Tianhe Biologics last week.",
                          "Tianhe Biologics, which trades on Shanghai's STAR Market (688321.SS), will receive royalties.",
                          dateline=False)
    assert listings["Tianhe Biologics"] == ("688321", "SSE")
    assert not any("Market" in name for name in listings)


def test_a_description_opening_a_sentence_refers_to_the_last_sentence_s_subject():
    listings = _companies("Korvex Bio is paying Tianhe Biologics $150 million upfront for ZX-101.",
                          "The Boston-area biotech (Nasdaq: KRVX) will also pay $75 million in near-term milestones.",
                          dateline=False)
    assert listings["Korvex Bio"] == ("KRVX", "NASDAQ")
    assert listings["Tianhe Biologics"] == (None, None)


def test_a_related_headlines_line_names_no_company():
    names = _companies("Korvex Bio licensed ZX-101 to Zentrix Bio.",
                       "Related: Hollow Creek Bio lands $90M for obesity drug | FDA sets new guidance", dateline=False)
    assert "Hollow Creek Bio" not in names


def test_stages_named_together_share_the_dose_that_follows():
    cohorts = {c.label: (c.dose, c.dose_unit) for c in _extract(
        "ZEN-2 is a Phase 1b/2 study of ZX-101 in patients with advanced solid tumors.",
        "In Parts B and C, ZX-101 will be given at 240 mg once daily in 28-day cycles.").cohorts}
    assert cohorts == {"B": (240.0, "mg"), "C": (240.0, "mg")}


def test_modifiers_before_the_disease_noun_are_one_population():
    tail = " in patients with FGFR2b-overexpressing, HER2-negative, locally advanced or metastatic gastric adenocarcinoma."
    assert indication_after(tail) == "FGFR2b-overexpressing, HER2-negative, locally advanced or metastatic gastric adenocarcinoma"


def test_a_population_after_a_long_combination_and_comparator_clause():
    trials = _extract("Zentrix is conducting ZEN-3, a global, randomized, open-label Phase 3 trial of ZX-101 in combination "
                      "with nivolumab and chemotherapy (oxaliplatin plus capecitabine) versus nivolumab plus chemotherapy "
                      "alone as first-line treatment for patients with HER2-negative, locally advanced or metastatic "
                      "gastric or gastroesophageal junction (GEJ) adenocarcinoma.").trials
    assert trials[0].indication.endswith("gastroesophageal junction adenocarcinoma")


def test_a_new_clause_after_and_the_ends_the_population():
    tail = " in 54 patients with previously untreated squamous lung cancer, and the disease control rate was 94%."
    assert indication_after(tail) == "previously untreated squamous lung cancer"


@pytest.mark.parametrize("sentence, label", [
    ("In the MSI-H endometrial cancer cohort, the objective response rate was 40%.", "MSI-H endometrial cancer"),
    ("In the study's KRAS G12C colorectal cancer expansion cohort, the disease control rate was 41%.",
     "KRAS G12C colorectal cancer"),
    ("In that study's colorectal cancer expansion cohort, the disease control rate was 41%.", "colorectal cancer"),
])
def test_a_disease_cohort_keeps_its_biomarker_and_drops_the_study_s_possessive(sentence, label):
    from trialgraph.extractors.cohorts import cohort_mentions

    assert [(m.label, m.kind) for m in cohort_mentions(sentence)] == [(label, "named")]


def test_a_capitalised_word_before_no_disease_names_no_cohort():
    from trialgraph.extractors.cohorts import cohort_mentions

    assert cohort_mentions("In the ZX-101 expansion cohort, the objective response rate was 40%.") == []


def test_its_own_phase_3_is_another_study_than_the_partner_s():
    trials = _extract("Tianhe is already running a Phase 3 trial of ZX-101 in China in patients with EGFR-mutant NSCLC "
                      "after an EGFR tyrosine kinase inhibitor.",
                      "Zentrix plans to open its own global Phase 3 trial of ZX-101 in first-line squamous NSCLC in 2027.").trials
    assert sorted(t.indication for t in trials if t.phase == "3") == ["EGFR-mutant NSCLC", "first-line squamous NSCLC"]


def test_a_partner_s_bridging_study_is_not_the_named_pivotal_study():
    trials = _extract("Rights in Japan were licensed to Okada Pharma Co., Ltd., which is conducting a Phase 3 bridging study "
                      "of ZX-101 in Japanese patients with familial chylomicronemia syndrome.",
                      "Approval was based on ZEN-FCS, a randomized, double-blind Phase 3 trial of ZX-101 in 66 adults with "
                      "genetically confirmed familial chylomicronemia syndrome.").trials
    assert sorted((t.name or "", t.indication) for t in trials) == [
        ("", "Japanese patients with familial chylomicronemia syndrome"),
        ("ZEN-FCS", "genetically confirmed familial chylomicronemia syndrome")]


def test_a_monotherapy_study_cited_is_no_stage_of_the_combination_study():
    extraction = _extract("Zentrix will sponsor ZEN-2, a Phase 1b/2 study of ZX-101 plus sorvelimab in patients with "
                          "hepatocellular carcinoma.",
                          "The design of ZEN-2 builds on the Phase 1 monotherapy study of ZX-101 conducted by Korvex in Europe.")
    assert sorted((t.phase, t.name) for t in extraction.trials) == [("1", None), ("1/2", "ZEN-2")]


def test_a_second_readout_of_a_named_study_is_that_study():
    trials = _extract("With a second positive Phase 3 readout for ZX-101, we are entering 2027 with momentum.",
                      "The Phase 3 ZEN-2 study comparing ZX-101 plus chemotherapy with docetaxel in previously untreated "
                      "metastatic squamous NSCLC met its primary endpoint.").trials
    assert [(t.phase, t.name) for t in trials] == [("3", "ZEN-2")]


@pytest.mark.parametrize("joint", ["and, separately, for the treatment of", "and for the treatment of"])
def test_a_designation_for_a_and_again_for_b_is_two_lines(joint):
    designations = _extract(f"ZX-101 has received Orphan Drug designation from the FDA for the treatment of myasthenia gravis "
                            f"{joint} chronic inflammatory demyelinating polyneuropathy.").designations
    assert sorted(d.indication for d in designations) == ["chronic inflammatory demyelinating polyneuropathy",
                                                          "myasthenia gravis"]


def test_a_designation_list_item_given_as_a_defined_abbreviation_is_its_own_line():
    designations = _extract("ZX-101 is in development for chronic inflammatory demyelinating polyneuropathy (CIDP).",
                            "ZX-101 has received Orphan Drug designation from the FDA for the treatment of myasthenia gravis "
                            "and, separately, for the treatment of CIDP.").designations
    assert sorted(d.indication for d in designations) == [
        "chronic inflammatory demyelinating polyneuropathy (CIDP)", "myasthenia gravis"]
