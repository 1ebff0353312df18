"""Phrasings of small-cap newswire releases found by the held-out smallcap set (tests/heldout_smallcap),
written anew with invented names: slash-delimited wire datelines, Singapore/Australian company
suffixes, shared disease heads, benchmarks whose own sentence names the comparator, groups set
"against" another drug, and figures under a study's name written again without its phase."""
from __future__ import annotations

import pytest
from test_extractors import ISSUER, announce, designations, make_release, results, run


@pytest.mark.parametrize("dateline,date,location", [
    ("AUSTIN, TX / ACCESSWIRE / May 4, 2026 / ", "2026-05-04", "Austin, TX"),
    ("VANCOUVER, BC / ACCESSWIRE / June 17, 2025 / ", "2025-06-17", "Vancouver, Canada"),
    ("TORONTO, ON / Newsfile Corp. / March 2, 2026 / ", "2026-03-02", "Toronto, Canada"),
])
def test_a_wire_named_between_slashes_still_dates_and_places_the_release(dateline, date, location):
    ex = run(make_release(f"{ISSUER} today announced a clinical update on ACM-101.", dateline=dateline),
             "acme-2020-01-01")
    assert (ex.release.date, ex.release.location) == (date, location)


@pytest.mark.parametrize("suffix", ["Pte. Ltd.", "Pty Ltd", "Pty. Ltd.", "Sdn. Bhd."])
def test_a_private_company_suffix_of_two_words_is_kept_whole(suffix):
    ex = announce("Acme Oncology has entered into a license agreement with Kestrel Biopharma "
                  f"{suffix} (\"Kestrel\"), a specialty pharmaceutical company, for ACM-101 in Asia.")
    assert f"Kestrel Biopharma {suffix}" in {c.name for c in ex.companies}


def test_named_modifiers_sharing_a_plural_disease_noun_are_one_designation_each():
    ex = announce("In May 2024, the FDA granted Orphan Drug Designation to ACM-101 for the treatment of "
                  "Duchenne and Becker muscular dystrophies.")
    assert {("orphan_drug", "FDA", "duchenne muscular dystrophy", "2024-05"),
            ("orphan_drug", "FDA", "becker muscular dystrophy", "2024-05")} <= designations(ex)


@pytest.mark.parametrize("phrase", ["head and neck cancers", "Head and Neck Cancers"])
def test_parts_or_a_title_cased_heading_are_not_split_into_diseases(phrase):
    from trialgraph.extractors.text import split_list

    assert split_list(phrase) == [phrase]


TRIAL = "The Phase 2 HARBOR trial of ACM-101 enrolled 255 patients with metastatic melanoma."


def test_a_benchmark_whose_sentence_names_the_comparator_is_compared_with_the_sponsors_drug():
    ex = announce(TRIAL, "The objective response rate was 41%.",
                  "\"Dacarbazine remains the standard option for most patients. Dacarbazine monotherapy has "
                  "historically produced response rates of roughly 10% to 14% in this setting,\" said Jane Roe.")
    benchmark = [r for r in ex.results if r.comparator]
    assert [(r.drug, r.value, r.value_high) for r in benchmark] == [("ACM-101", 10, 14)]


def test_a_group_set_against_another_drug_is_not_that_drugs_group():
    ex = announce("The Phase 2 HARBOR trial of ACM-101 tested two schedules:",
                  "- Part A: 3.7 GBq every eight weeks. The ORR was 31%.",
                  "- Part B: 7.4 GBq per cycle. The ORR was 42%.",
                  "A Phase 3 trial of the Part B schedule against everolimus will start in 2027.")
    assert {r.drug for r in ex.results if not r.comparator} == {"ACM-101"}
    assert "everolimus" not in {t.drug for t in ex.trials}


def test_figures_under_a_studys_name_written_again_belong_to_that_study():
    ex = announce("The first patient has been dosed in ACE-2, a Phase 1b/2 trial of ACM-101 with dacarbazine, and the "
                  "Company reported updated results from the ongoing ACE-1 Phase 1 monotherapy trial.",
                  "ACE-2 Trial Design",
                  "ACE-2 is an open-label study in patients with metastatic melanoma.",
                  "Updated ACE-1 Results",
                  "As of the data cutoff, 41 patients had been treated in ACE-1. The objective response rate was 27%.")
    phase_of = {t.local_id: t.phase for t in ex.trials}
    assert [phase_of[r.trial] for r in ex.results if r.endpoint == "ORR"] == ["1"]


# -- people: board and management news ---------------------------------------------------------------


def people(ex) -> dict[str, tuple]:
    return {p.name: (p.role, p.organization) for p in ex.people}


ISSUER_NAME = "Acme Oncology, Inc."


@pytest.mark.parametrize("paragraph,name,role,organization", [
    ('"We are pleased," said Acme Managing Director and CEO Dr Jane Roe.', "Jane Roe", "managing director and ceo", ISSUER_NAME),
    ("* Professor Jane Roe appointed Chair of the Scientific Advisory Board", "Jane Roe",
     "chair of the scientific advisory board", ISSUER_NAME),
    ("Mr. Doe succeeds Jane Roe, who served as Interim Chief Financial Officer since 2023 and will remain as an advisor.",
     "Jane Roe", "interim chief financial officer", ISSUER_NAME),
    ("Jane Roe, Ph.D., the Company's Chief Scientific Officer, was named to lead the new group.", "Jane Roe",
     "chief scientific officer", ISSUER_NAME),
    ("Dr. Jane Roe, a director since 2018, will retire from the Board at the annual meeting.", "Jane Roe", "director",
     ISSUER_NAME),
    ("Jane Roe, M.D. - Chief of Movement Disorders, Example Medical Center", "Jane Roe", "chief of movement disorders",
     "Example Medical Center"),
    ("Jane Roe, Ph.D. - Director, Institute for Rare Muscle Disease, Valencia, Spain", "Jane Roe", "director",
     "Institute for Rare Muscle Disease"),
    ('"These data guide the next trial," said Dr. Jane Roe, Head of Nuclear Medicine at Example Hospital in Lyon, France, '
     "and coordinating investigator of the study.", "Jane Roe", "head of nuclear medicine", "Example Hospital"),
    ('The Company announced the promotion of Katherine ("Kate") Roe to President and Chief Operating Officer.',
     "Katherine Roe", "president and chief operating officer", ISSUER_NAME),
])
def test_board_and_management_constructions_give_the_title_and_organisation(paragraph, name, role, organization):
    assert people(announce(paragraph)).get(name) == (role, organization)


def test_two_people_appointed_to_one_plural_title_each_hold_it():
    found = people(announce("The Company has appointed Jane Roe and John Q. Doe, CPA, as independent directors."))
    assert found.get("Jane Roe") == ("independent director", ISSUER_NAME)
    assert found.get("John Q. Doe") == ("independent director", ISSUER_NAME)


# -- what is not a company or a drug -----------------------------------------------------------------


def test_a_hospital_named_in_its_own_language_is_no_company():
    ex = announce('"The data are clear," said Dr. Jane Roe, Head of Nuclear Medicine at Hôpital Saint-Example in Lyon.')
    assert "Hôpital Saint-Example" not in {c.name for c in ex.companies}
    assert people(ex).get("Jane Roe") == ("head of nuclear medicine", "Hôpital Saint-Example")


def test_the_body_that_approves_a_financing_is_no_brand():
    ex = announce("The offering is expected to close on October 30, subject to approval of the Toronto Stock Exchange.")
    assert "Toronto" not in {d.name for d in ex.drugs}


@pytest.mark.parametrize("phrase", ["somatostatin receptor-positive tumours", "a somatostatin analogue"])
def test_a_hormone_named_as_a_target_or_a_class_is_not_a_drug_given(phrase):
    ex = announce(f"The Phase 2 HARBOR trial of ACM-101 enrolled patients with {phrase}.")
    assert "somatostatin" not in {d.name for d in ex.drugs}


def test_a_surname_ending_like_an_antisense_stem_is_no_drug():
    ex = announce("The Company has appointed Margit Ekkersen and John Roe as independent directors. "
                  "Ms. Ekkersen previously served on the board of a rare-disease company.")
    assert "Ekkersen" not in {d.name for d in ex.drugs}


def test_a_headings_capitalised_function_word_is_no_given_name_before_an_inn():
    from trialgraph.extractors.drugs import _inn_spans
    # "About Zelvotamab" heads the drug's section: "About" is no given name, so the INN there is still a drug word;
    # "Ms. Ekkersen" and "Margit Ekkersen" stay surnames
    found = {name for _, _, name in _inn_spans("About Zelvotamab\n\nMargit Ekkersen spoke.")}
    assert "Zelvotamab" in found and "Ekkersen" not in found



def test_a_study_in_healthy_volunteers_is_its_own_study_with_that_population():
    ex = announce("The first patient has been dosed in an investigator-initiated Phase 1b study of ACM-101 in adults with "
                  "Becker muscular dystrophy.",
                  "ACM-101 was well tolerated in a Phase 1 study in 64 healthy adult volunteers that was completed in 2024.")
    assert {(t.phase, t.indication) for t in ex.trials} == {("1b", "Becker muscular dystrophy"), ("1", "healthy adult volunteers")}


def test_a_portion_in_healthy_volunteers_stays_a_stage_of_its_study():
    ex = announce("The first patient was dosed in the Phase 1b portion of ACE-1, a Phase 1 study of ACM-101 in patients with "
                  "membranous nephropathy. The Phase 1a portion in healthy volunteers completed in June.")
    assert [t.phase for t in ex.trials] == ["1"]


@pytest.mark.parametrize("sentence,role,organization", [
    ("The trial is being conducted at Example Clinical Research in Melbourne, where Dr. Jane Roe is Principal Investigator.",
     "principal investigator", "Example Clinical Research"),
    ("The study is conducted at Example University Medical Center under an investigator IND held by Dr. Jane Roe, "
     "Associate Professor of Neurology, who leads the study.", "associate professor of neurology",
     "Example University Medical Center"),
])
def test_the_site_named_before_an_investigator_is_where_the_academic_title_is_held(sentence, role, organization):
    assert people(announce(sentence)).get("Jane Roe") == (role, organization)


def test_a_cohorts_own_single_dose_wins_over_the_releases_usual_schedule():
    ex = announce("The Phase 1 ACE-1 trial of ACM-101 will assess multiple ascending doses given once daily for 14 days.",
                  "Cohort 2 is planned at 75 mg.", "The second cohort will receive a single 75 mg dose of ACM-101.")
    assert [(c.label, c.dose, c.regimen) for c in ex.cohorts] == [("2", 75, "single")]


def test_a_title_cased_headline_phrase_is_no_person():
    ex = announce("The Company named Jane Roe its Chief Medical Officer.",
                  headline="Acme Strengthens Leadership Team, Expands Board and Forms Advisory Board Ahead of Data")
    assert {p.name for p in ex.people} == {"Jane Roe"}
