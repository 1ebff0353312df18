"""Constructions of non-oncology releases (issue 13, heldout_ta), written anew with invented names: labelled
groups given a background, rescue or lead-in therapy besides their own drug, a range of cohorts written with the
noun repeated, and a group whose name opens with words describing how it is run."""
from __future__ import annotations

from test_extractors import announce


def cohorts(ex):
    return {c.label: (c.drug, c.dose, c.dose_unit) for c in ex.cohorts}


def test_a_background_therapy_the_group_is_already_receiving_is_not_its_drug():
    ex = announce("In the Phase 1b ZENITH-2 study, Cohort 1 received ZX-101 at 10 mg/kg every four weeks. "
                  "A second, open-label cohort (Cohort 2) enrolled 12 participants already receiving donepezil, who "
                  "received ZX-101 at 10 mg/kg every four weeks in addition to their usual therapy.",
                  lead="results from ZENITH-2, its Phase 1b study of ZX-101, an anti-tau antibody.")
    assert {label: drug for label, (drug, _, _) in cohorts(ex).items()} == {"1": "ZX-101", "2": "ZX-101"}
    assert {t.drug for t in ex.trials} == {"ZX-101"}


def test_a_rescue_or_supplemental_therapy_in_the_groups_words_is_not_its_drug():
    ex = announce("The Phase 2 ZENITH-3 trial randomized 90 patients. Arm 1 received a single 1 mg ZX-101 implant and "
                  "Arm 2 received a single 2 mg implant, with supplemental ranibizumab allowed if needed.",
                  lead="results from ZENITH-3, its Phase 2 trial of ZX-101, a sustained-release implant.")
    assert all(drug == "ZX-101" for drug, _, _ in cohorts(ex).values())
    assert {t.drug for t in ex.trials} == {"ZX-101"}


def test_a_therapy_given_in_addition_leaves_the_group_with_the_studys_drug():
    ex = announce("In the Phase 2 ZENITH-4 study of ZX-101 in lupus, a separate open-label lupus nephritis cohort of "
                  "30 patients received 300 mg every 12 weeks in addition to mycophenolate mofetil.")
    assert cohorts(ex) == {"lupus nephritis": ("ZX-101", 300.0, "mg")}
    assert {t.drug for t in ex.trials} == {"ZX-101"}


def test_a_range_of_cohorts_with_the_noun_repeated_takes_the_doses_respectively():
    ex = announce("In the Phase 1b ZENITH-5 study, Cohort 1 through Cohort 4 received ZX-101 at 3, 10, 30 and "
                  "60 mg/kg, respectively, every four weeks.")
    assert cohorts(ex) == {"1": ("ZX-101", 3.0, "mg/kg"), "2": ("ZX-101", 10.0, "mg/kg"),
                           "3": ("ZX-101", 30.0, "mg/kg"), "4": ("ZX-101", 60.0, "mg/kg")}


def company_names(ex):
    return {c.name for c in ex.companies}


def test_a_firm_running_a_trial_as_contract_research_organisation_is_no_company():
    ex = announce("The Phase 2 ZENITH-6 trial was funded in part by a government grant and run by Morrow Clinical "
                  "Research Ltd as contract research organisation.")
    assert not any("Morrow" in name for name in company_names(ex))


def test_a_firm_manufacturing_under_contract_is_no_company():
    ex = announce("Clinical supply for the Phase 2 ZENITH-7 study was manufactured under contract by Kettle Biologics "
                  "Limited.")
    assert not any("Kettle" in name for name in company_names(ex))


def test_the_role_word_opening_a_heading_is_not_part_of_the_partners_name():
    ex = announce("Partner Veltro Pharma's Phase 3 VELA-1 study of ACM-101 met its primary endpoint.",
                  "Acme out-licensed ACM-101 to Veltro Pharma in 2023.")
    assert not any(name.startswith("Partner") for name in company_names(ex))


def test_czech_and_french_corporate_suffixes_end_a_company_name():
    ex = announce("Acme licensed ACM-202 from Castelroux Gene Therapies SAS in 2022 and out-licensed ACM-303 to "
                  "Brnovia Pharma a.s. in 2023.")
    assert {"Castelroux Gene Therapies SAS", "Brnovia Pharma a.s."} <= company_names(ex)


def test_an_exchange_announcements_dateline_ends_with_a_colon():
    from test_extractors import run
    text = ("ASX ANNOUNCEMENT\n\n3 March 2025\n\nAcme reports Phase 2 results for ACM-101\n\nHighlights\n\n"
            "• ACM-101 met its primary endpoint\n\n• Phase 3 planned for 2026\n\n"
            "PERTH, Australia, 4 March 2025: Acme Oncology Limited (ASX: ACM) is pleased to report results from "
            "its Phase 2 trial of ACM-101.\n")
    release = run(text, "acme-2025-03-03").release
    assert (release.date, release.location) == ("2025-03-04", "Perth, Australia")


def people(ex):
    return {p.name: (p.role, p.organization) for p in ex.people}


def test_a_town_after_the_institution_and_a_second_title_leave_the_first_title_and_its_institution():
    ex = announce('Dr Mara Okonkwo, Consultant in Infectious Diseases at Example Royal Hospital, Bristol, and chief '
                  'investigator of ZENITH-8, commented: "A one-dose treatment makes adherence a non-issue."')
    assert people(ex)["Mara Okonkwo"] == ("consultant in infectious diseases", "Example Royal Hospital")


def test_the_unit_after_an_institutions_possessive_is_not_the_organisation():
    ex = announce('"We were encouraged," said Dr. Mara Okonkwo, a rheumatologist at Example Medical Center\'s lupus '
                  'program who led ZENITH-9.')
    assert people(ex)["Mara Okonkwo"] == ("rheumatologist", "Example Medical Center")


def test_a_person_listed_under_enquiries_is_a_contact():
    from test_extractors import make_release, run
    text = make_release("Acme Oncology plc (LSE: ACME) announces results.",
                        '"Good data," said Jane Roe, Chief Executive Officer of Acme.',
                        "This announcement contains inside information for the purposes of Article 7 of the UK Market "
                        "Abuse Regulation.",
                        "Enquiries:\nAcme Oncology plc\nJane Roe, Chief Executive Officer\nTom Poe, Chief Financial "
                        "Officer\n+44 20 0000 0000", "Notes to Editors", contacts="")
    assert set(people(run(text))) == {"Jane Roe"}


def test_a_companys_board_after_its_possessive_stays_in_the_title():
    ex = announce('"A decisive moment," said Dr. Mara Okonkwo, chairman of Acme\'s board of directors.')
    assert people(ex)["Mara Okonkwo"][0].endswith("board of directors")


def test_a_dose_named_arm_with_a_labelled_arms_dose_is_that_arm():
    ex = announce("The Phase 2 ZENITH-3 trial randomized 90 patients. Arm 1 received a single 1 mg ZX-101 implant and "
                  "Arm 2 received a single 2 mg implant. 80% of eyes in the 2 mg arm needed no further injection.",
                  lead="results from ZENITH-3, its Phase 2 trial of ZX-101, a sustained-release implant.")
    assert set(cohorts(ex)) == {"1", "2"}


def test_a_named_population_given_an_arms_dose_leaves_the_dose_named_arm():
    ex = announce("In the Phase 2b ZENITH-4 study of ZX-101, 300 patients were randomized to 50 mg, 150 mg or 450 mg "
                  "every 12 weeks or placebo. The 450 mg arm reached 49%. The study also ran a separate lupus nephritis cohort of 30 "
                  "patients received 450 mg every 12 weeks.")
    assert {"450 mg", "lupus nephritis"} <= set(cohorts(ex))


def test_a_news_story_states_the_listing_as_an_event():
    ex = announce("Shares of Zentrix Bio, which went public on Nasdaq in 2024 under the ticker ZNTX, fell 11% in "
                  "premarket trading.", lead="results of ZX-101.")
    zentrix = next(c for c in ex.companies if c.name.startswith("Zentrix"))
    assert (zentrix.ticker, zentrix.exchange) == ("ZNTX", "NASDAQ")


def test_what_an_antibody_binds_is_its_target_not_a_drug():
    ex = announce("ACM-101 is a humanized antibody that binds misfolded TDP-43 outside motor neurons.")
    assert not any(d.name == "TDP-43" for d in ex.drugs)


def test_a_grant_in_a_relative_clause_takes_the_disease_its_clause_follows():
    ex = announce("ACM-101 is also being studied in ZENITH-10, an ongoing Phase 2a trial in prurigo nodularis, for "
                  "which the FDA granted ACM-101 Fast Track designation in January 2025.")
    assert [(d.type, d.indication, d.date) for d in ex.designations] == [("fast_track", "prurigo nodularis", "2025-01")]


def test_a_groups_dose_after_an_appositive_describing_it_is_its_dose():
    ex = announce("The Phase 3 ZENITH-11 trial includes Cohort B, an open-label cohort of about 40 participants with "
                  "SOD1 mutations who will receive ZX-101 30 mg/kg every four weeks.",
                  lead="plans for ZENITH-11, its Phase 3 trial of ZX-101.")
    assert cohorts(ex)["B"][1:] == (30.0, "mg/kg")


def test_a_stage_randomized_to_several_doses_takes_none_of_them():
    ex = announce("In Part A of the Phase 2b ZENITH-12 trial, 248 adults were randomized to ZX-101 150 mg every four "
                  "weeks, 300 mg every four weeks or placebo. Part B, an open-label adolescent cohort, enrolled 42 "
                  "patients who received ZX-101 150 mg every four weeks.",
                  lead="results from ZENITH-12, its Phase 2b trial of ZX-101.")
    found = cohorts(ex)
    assert found["B"][1:] == (150.0, "mg")
    assert found.get("A", (None, None, None))[1] is None


def test_a_trial_in_a_sentence_naming_only_the_comparator_studies_the_sponsors_drug():
    ex = announce('"We will carry the 2 mg implant into two global Phase 3 non-inferiority trials against ranibizumab, '
                  'and we plan a Phase 2 study in diabetic macular edema later this year," said Jane Roe, Chief '
                  'Medical Officer of Acme.', lead="results from its Phase 2 trial of ACM-101, an intravitreal implant.")
    assert not any(t.drug == "ranibizumab" for t in ex.trials)
    assert any(t.drug == "ACM-101" and t.phase == "2" and "macular" in (t.indication or "") for t in ex.trials)


def test_two_arms_named_by_their_doses_in_one_phrase_are_two_groups():
    ex = announce("In the Phase 2b ZENITH-13 trial, ALSFRS-R decline slowed by 35% in the 30 mg/kg arm. The 3 mg/kg "
                  "and 10 mg/kg arms slowed decline by 12% and 24%, respectively.",
                  lead="results from ZENITH-13, its Phase 2b trial of ZX-101 in ALS.")
    assert {"3 mg/kg", "10 mg/kg", "30 mg/kg"} <= set(cohorts(ex))
