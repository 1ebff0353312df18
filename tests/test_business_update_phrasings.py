"""Quarterly, half-year and annual business updates (issue 13), written anew with invented names: bullets of
two sentences, programme headings over their bullets, several programmes' headline bullets, letters signed in
the body, pipeline lists in About sections, and the ways these updates count patients and name partners."""
from __future__ import annotations

from test_extractors import announce, drug_named, results, run, make_release, ISSUER


def _designations(ex):
    return {(d.drug, d.type, d.agency, d.indication) for d in ex.designations}


def test_each_sentence_of_a_bullet_is_read_on_its_own():
    ex = announce("Significant events during the period\n"
                  "- In April, the European Commission granted orphan designation to ACM-330 for the treatment of "
                  "uveal melanoma. The decision followed a positive opinion from the Committee for Orphan Medicinal "
                  "Products of the European Medicines Agency in March.")
    assert ("ACM-330", "orphan_drug", "EC", "uveal melanoma") in _designations(ex)


def test_a_bullet_under_a_programme_heading_is_about_that_programme():
    ex = announce("Operational highlights\n\nACM-602 (zentamab)\n"
                  "- Positive data from the ZENITH-OV Phase 2 study of ACM-602 in ovarian cancer\n"
                  "- Fast Track designation granted by the US FDA in June 2020 for platinum-resistant ovarian cancer\n\n"
                  "ACM-118\n- Phase 1b study of ACM-118 in myelofibrosis completed enrolment\n"
                  "- Orphan Drug Designation for myelofibrosis granted by the FDA in February 2020",
                  lead="its annual results.")
    found = {(d.drug, d.type) for d in ex.designations}
    assert ("ACM-602", "fast_track") in found and ("ACM-118", "orphan_drug") in found
    assert ("ACM-118", "fast_track") not in found


def test_a_benchmark_in_a_programme_bullet_is_compared_with_the_programmes_drug():
    ex = announce("Pipeline Update\n\nACM-101 - Primary Biliary Cholangitis\n"
                  "- CLARA, the Phase 2b trial of ACM-101 in 150 patients, completed enrollment.\n\n"
                  "ACM-205 - Non-Small Cell Lung Cancer\n"
                  "- Interim data from the Phase 1/2 trial of ACM-205 in combination with docetaxel were presented.\n"
                  "- Among 25 evaluable patients, the objective response rate was 36% and median progression-free "
                  "survival was 6.9 months. Docetaxel alone has historically produced a median progression-free "
                  "survival of approximately 4 months in this setting.", lead="its third quarter results.")
    by_drug = {(r.drug, r.endpoint, r.value, r.comparator) for r in ex.results}
    assert ("ACM-205", "mPFS", 4.0, True) in by_drug
    assert not any(drug == "ACM-101" for drug, *_ in by_drug)


def test_a_headline_bullet_naming_its_drug_gives_that_drugs_trial():
    text = make_release(
        f"{ISSUER} today reported third quarter results.",
        "Pipeline Update\n\nACM-101 - Liver Disease\n- CLARA, the Phase 2b trial of ACM-101 in 150 patients, "
        "completed enrollment.\n\nACM-205 - Lung Cancer\n- Interim data from the Phase 1/2 trial of ACM-205 were "
        "presented. The objective response rate was 36% among 25 patients.",
        headline="Acme Oncology Reports Third Quarter Results\n\n- ACM-205 shows 36% response rate in lung cancer")
    ex = run(text)
    assert {(r.drug, r.endpoint, r.value) for r in ex.results} == {("ACM-205", "ORR", 36.0)}


def test_a_letter_signed_in_the_body_gives_the_signers_title():
    ex = announce("On behalf of the Board I thank our shareholders for their support.\n\nSir John Marlow\nChair",
                  "Our pipeline progressed during the year.\n\nDr Jane Roe\nChief Executive Officer\n\nFinancial review\n\n"
                  "Research and development costs rose.", lead="its annual results.")
    people = {p.name: (p.role, p.organization) for p in ex.people}
    assert people["John Marlow"] == ("chair", "Acme Oncology, Inc.")
    assert people["Jane Roe"] == ("chief executive officer", "Acme Oncology, Inc.")


def test_titles_before_and_after_the_name_in_update_letters():
    ex = announce("Acme Managing Director and Chief Executive Officer, Dr Rohan Vale, said: \"A quarter of execution.\"",
                  "I am pleased to welcome Dr. Mara Okonkwo, who joined us in April as Chief Medical Officer.",
                  "In October, Priya Lanner joined Acme as Chief Financial Officer.",
                  lead="a letter to shareholders from its Chief Executive Officer, Dr. Tom Ashby, together with its results.")
    roles = {p.name: p.role for p in ex.people}
    assert roles["Tom Ashby"] == "chief executive officer"
    assert roles["Mara Okonkwo"] == "chief medical officer"
    assert roles["Priya Lanner"] == "chief financial officer"
    assert roles["Rohan Vale"] == "managing director and chief executive officer"


def test_a_designation_in_a_pipeline_list_keeps_its_own_items_indication():
    ex = announce("Its pipeline includes ACM-201 for glioblastoma, ACM-330 for Rett syndrome, which has Orphan Drug and "
                  "Rare Pediatric Disease designations from the FDA, and ACM-115 for treatment-resistant depression.")
    assert _designations(ex) == {("ACM-330", "orphan_drug", "FDA", "Rett syndrome"),
                                 ("ACM-330", "rare_pediatric_disease", "FDA", "Rett syndrome")}


def test_a_combination_partner_is_not_what_the_next_sentence_is_about():
    ex = announce("ACM-118 is an oral inhibitor that we are developing for myelofibrosis. In the Phase 1b study, the "
                  "combination with ruxolitinib reduced spleen volume. These data supported the orphan designation we "
                  "received from the European Medicines Agency.")
    assert {(d.drug, d.agency) for d in ex.designations} == {("ACM-118", "EMA")}


def test_coordinated_ascending_dose_designs_before_the_study_noun():
    ex = announce("ACM-07 previously completed a Phase 1 single and multiple ascending dose study in 48 healthy "
                  "volunteers, in which it was well tolerated at all dose levels.")
    assert [(t.drug, t.phase, t.indication) for t in ex.trials] == [("ACM-07", "1", "healthy volunteers")]


def test_a_study_part_population_gives_way_to_the_studys_own_statement():
    ex = announce("Updated data from Part B of the ZENITH-1 study with ACM-214 in mesothelioma were presented in June.",
                  "ZENITH-1 is an open-label, multicentre Phase I/II study in patients with advanced solid tumours.")
    assert [(t.name, t.phase, t.indication) for t in ex.trials] == [("ZENITH-1", "1/2", "advanced solid tumours")]


def test_calendar_year_tokens_and_section_words_are_not_names():
    ex = announce("Upcoming milestones\n* Completion of ACM-19 dose escalation - 1H CY2026",
                  "Research collaboration\n\nThe Company signed a research collaboration with Morrow Biosciences Pty Ltd "
                  "to test ACM-19 in preclinical models.")
    assert drug_named(ex, "CY2026") is None
    assert {c.name for c in ex.companies} >= {"Morrow Biosciences Pty Ltd"}
    assert "Research" not in {c.name for c in ex.companies}


def test_stable_disease_or_better_counts_disease_control():
    ex = announce("The Phase 1 trial of ACM-19 is enrolling. Of the 14 patients evaluable across Cohorts 1 to 4, six "
                  "had stable disease or better at the first scan, a disease control rate of 43%.")
    assert results(ex) == {("DCR", 43.0, None, "%", None, False)}


def test_a_laboratory_value_read_as_an_outcome_is_no_drug():
    ex = announce("In the open-label extension of the Phase 2 study of ACM-101, 71% of patients achieved an alkaline "
                  "phosphatase response at week 52.")
    assert drug_named(ex, "alkaline phosphatase") is None


def test_the_orphan_committees_opinion_is_a_grant_beside_the_commissions():
    ex = announce("The European Commission granted orphan designation to ACM-330 for uveal melanoma in May 2020, following a "
                  "positive opinion from the Committee for Orphan Medicinal Products in March 2020.",
                  "Following a positive opinion from the Committee for Orphan Medicinal Products, the European Commission "
                  "granted orphan designation to ACM-440 for mesothelioma in June 2020.")
    found = {(d.drug, d.agency, d.date) for d in ex.designations}
    assert found == {("ACM-330", "EC", "2020-05"), ("ACM-330", "EMA", "2020-03"),
                     ("ACM-440", "EC", "2020-06"), ("ACM-440", "EMA", None)}
