"""Phrasings of university, hospital and cooperative-group releases found by the held-out academic set
(tests/heldout_academic), written anew with invented names: a newsroom's dateline with its date in
parentheses or on a line above, titles held "in" a college and dotted degrees, a specialist's title
before the name or in an apposition, a cooperative group known by its acronym, a sponsor's drug named
"alone" for a monotherapy arm, an endpoint glossed in parentheses, an add-on drug a cohort "also
received", and a rewrite's plain words for prior lines and median progression-free survival."""
from __future__ import annotations

import pytest
from test_extractors import ABOUT_COMPANY, ISSUER, announce, make_release, results, run


@pytest.mark.parametrize("dateline,location", [
    ("DAYTON, Ohio (Feb. 4, 2025) – ", "Dayton, OH"),
    ("SPOKANE, Wash. (Feb. 4, 2025) — ", "Spokane, WA"),
    ("Eugene, Ore. (Feb. 4, 2025) - ", "Eugene, OR"),
])
def test_a_newsroom_dateline_with_its_date_in_parentheses(dateline, location):
    extraction = run(make_release("Researchers at Example University enrolled a first patient.", dateline=dateline))
    assert (extraction.release.date, extraction.release.location) == ("2025-02-04", location)


def test_a_place_closed_by_one_dash_under_a_date_line():
    text = ("Example University awarded grant\n\nSept. 9, 2025\n\n"
            "LEXINGTON, Ky. — An Example University physician has received a grant.\n")
    extraction = run(text, "example-2025-09-09")
    assert (extraction.release.date, extraction.release.location) == ("2025-09-09", "Lexington, KY")


def test_a_headline_with_a_dash_and_no_place_is_no_dateline():
    text = "Example Day — A Look Back\n\nAcme Oncology, Inc. opened a laboratory.\n"
    assert run(text, "acme-news").release.location is None


@pytest.mark.parametrize("sentence,name,role,organization", [
    ('"We are ready," said Mara Okonkwo, MD, associate professor of surgery in the Example University College of '
     'Medicine and principal investigator of the study.', "Mara Okonkwo", "associate professor of surgery",
     "Example University College of Medicine"),
    ("Jonas Veldt, Ph.D., professor of biostatistics in the Example College of Public Health, will lead the analysis.",
     "Jonas Veldt", "professor of biostatistics", "Example College of Public Health"),
    ("Lina Corrado, M.D., M.P.H., a hepatologist at Example HealthCare and associate professor of medicine, will lead it.",
     "Lina Corrado", "hepatologist", "Example HealthCare"),
])
def test_a_title_held_in_a_college_and_dotted_degrees(sentence, name, role, organization):
    [person] = [p for p in announce(sentence).people if p.name == name]
    assert (person.role, person.organization) == (role, organization)


def test_a_department_in_which_one_works_is_no_organisation():
    ex = announce("Mara Okonkwo, M.D., professor in the Department of Surgery at Example University, said the data were clear.")
    [person] = [p for p in ex.people if p.name == "Mara Okonkwo"]
    assert person.organization == "Example University"


@pytest.mark.parametrize("sentence,role", [
    ("The trial was led by Example Hospital hematologist-oncologist Dr. Mara Okonkwo, who presented it.", "hematologist-oncologist"),
    ("Co-investigators include Jonas Veldt, M.D., a radiologist who directs the imaging core.", "radiologist"),
])
def test_a_specialists_title_before_the_name_or_without_an_organisation(sentence, role):
    [person] = [p for p in announce(sentence).people if p.name in ("Mara Okonkwo", "Jonas Veldt")]
    assert person.role == role


def test_a_cooperative_groups_acronym_is_neither_company_nor_study():
    ex = announce("The Example Oncology Trials Network (EOTN) ran the Phase 3 HARBOR trial of ACM-101 in prostate cancer.",
                  "Acme provided ACM-101 under an agreement with EOTN.")
    assert "EOTN" not in {c.name for c in ex.companies}
    assert {t.name for t in ex.trials} == {"HARBOR"}


def test_the_sponsors_drug_named_alone_for_its_monotherapy_arm_stays_its_own():
    about = "About ACM-101\n\nACM-101 is an antibody in development for ovarian cancer.\n\n" + ABOUT_COMPANY
    text = make_release(f"{ISSUER} today announced a Phase 2 trial of ACM-101 in ovarian cancer.",
                        "Patients will be randomized to ACM-101 plus pembrolizumab or to a higher dose of ACM-101 alone.",
                        about=about)
    [drug] = [d for d in run(text).drugs if d.name == "ACM-101"]
    assert drug.company == "Acme Oncology, Inc."


@pytest.mark.parametrize("sentence", [
    "The overall response rate (partial response or better) was 66% (27 of 41 patients).",
    "The ORR (CR + PR) was 66%.",
])
def test_an_endpoint_glossed_in_parentheses_is_the_endpoint_before(sentence):
    ex = announce("The Phase 2 HARBOR trial of ACM-101 enrolled 41 patients with myeloma.", sentence)
    assert ("ORR", 66.0, None, "%", None, False) in results(ex)
    assert not any(r[0] in ("PR", "CR") for r in results(ex))


def test_an_add_on_drug_a_cohort_also_received_is_not_its_drug():
    ex = announce("The Phase 2 HARBOR trial tested zelatinib (ACM-101) with dexamethasone in myeloma.",
                  "In the first cohort, 19 patients took zelatinib and dexamethasone. "
                  "In the second cohort, 22 patients also received daratumumab.",
                  "In the second cohort, which added daratumumab, 73% of patients responded.")
    assert {c.label: c.drug for c in ex.cohorts}.get("2") in ("ACM-101", "zelatinib")
    assert all(t.drug != "daratumumab" for t in ex.trials)


def test_a_rewrites_plain_words_for_prior_lines_and_median_pfs():
    ex = announce("The Phase 2 HARBOR trial of zelatinib (ACM-101) enrolled 41 patients with myeloma.",
                  "Patients had tried a median of five earlier treatments.",
                  "Half of the patients lived at least 11.2 months without their cancer getting worse.")
    found = results(ex)
    assert ("prior_lines", 5.0, None, "lines", None, False) in found
    assert ("mPFS", 11.2, None, "months", None, False) in found


def test_a_marker_whose_amount_fell_by_a_figure_is_no_drug():
    ex = announce("In a pilot, an enzyme marker of liver injury, alkaline phosphatase, fell by 31 percent.")
    assert all(d.name.lower() != "alkaline phosphatase" for d in ex.drugs)


def test_a_dose_taken_three_times_a_week_is_repeated():
    from trialgraph.extractors.cohorts import regimen_of

    assert regimen_of("zelatinib 20 mg by mouth three times a week") == "multiple"
    ex = announce("The Phase 2 HARBOR trial of zelatinib (ACM-101) in myeloma gives the pill three times a week.",
                  "Cohort 1 received zelatinib with dexamethasone; Cohort 2 received the same regimen with daratumumab.")
    assert {c.label: c.regimen for c in ex.cohorts} == {"1": "multiple", "2": "multiple"}


def test_a_study_team_list_gives_its_lead_in_institution_to_its_bullets():
    ex = announce("The study team at the Example University Cancer Center:\n\n"
                  "- Mara Okonkwo, MD, assistant professor of pathology, who leads the biomarker work\n\n"
                  "- Jonas Veldt, MS, biostatistician",
                  "Lina Corrado, PhD, chief scientific officer of Acme Oncology, said the data were clear.")
    people = {p.name: (p.role, p.organization) for p in ex.people}
    assert people["Mara Okonkwo"] == ("assistant professor of pathology", "Example University Cancer Center")
    assert people["Jonas Veldt"] == ("biostatistician", "Example University Cancer Center")
    assert people["Lina Corrado"][1] != "Example University Cancer Center"


def test_the_sponsors_own_named_study_is_not_the_academic_study_before_it():
    ex = announce("Two academic studies now evaluate ACM-101 in ovarian cancer, complementing the Company's own ZENITH-1 study.",
                  "The first patient was dosed in an investigator-initiated Phase 1b/2 trial of ACM-101 with pembrolizumab "
                  "in women with platinum-resistant ovarian cancer.",
                  "ACM-101 is also evaluated as monotherapy in ZENITH-1, the Company's Phase 1 dose-escalation study in "
                  "patients with advanced solid tumors.")
    trials = {(t.phase, t.name) for t in ex.trials}
    assert ("1", "ZENITH-1") in trials and ("1/2", None) in trials


def test_a_bullet_that_tells_a_move_is_no_roster_title():
    ex = announce("- Mara Okonkwo, Ph.D., was promoted to Chief Scientific Officer.")
    [person] = [p for p in ex.people if p.name == "Mara Okonkwo"]
    assert not (person.role or "").startswith("was ") and "chief scientific officer" in (person.role or "")
