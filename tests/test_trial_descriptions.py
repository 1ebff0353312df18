"""Trial lines on unseen releases (issue 13), fourth round: constructions that generalise beyond the tuning sets.
Every name is invented; each case is probed in more than one word order, tense or voice."""
from __future__ import annotations

import pytest

from test_extractors import make_release, run
from test_trial_constructions import trials


@pytest.mark.parametrize("sentence", [
    "We plan a Phase 2 study in diabetic macular edema, MERIDIAN-DME, later this year.",
    "A Phase 2 trial in diabetic macular edema, dubbed MERIDIAN-DME, is due to read out in mid-2026.",
    "Zentrix started a Phase 2 trial in diabetic macular edema, called MERIDIAN-DME, in March.",
    "The company had opened a Phase 2 study of ZX-101 in diabetic macular edema, MERIDIAN-DME, which enrolled 90 adults.",
])
def test_a_name_in_apposition_after_a_singular_studys_population_names_it(sentence):
    found = trials("ZX-101 is an oral drug for retinal disease.", sentence)
    assert ("ZX-101", "2", "MERIDIAN-DME") in found
    assert found[("ZX-101", "2", "MERIDIAN-DME")] == "diabetic macular edema"


@pytest.mark.parametrize("sentence", [
    # a list of diseases, not a name: the word after the comma goes on with "and"
    "Zentrix runs a Phase 2 trial in lupus, SLE and Sjogren's syndrome.",
    # an adjective phrase goes on after the word
    "Zentrix began a Phase 1 study of ZX-101 in patients with solid tumors, KRAS-mutant or not, last year.",
    # an agency after the comma is who said it
    "ZX-101 is being tested in a Phase 2 trial in patients with lupus, FDA said.",
])
def test_what_follows_a_population_after_a_comma_is_not_always_a_name(sentence):
    found = trials("ZX-101 is an oral drug.", sentence)
    assert [key for key in found if key[0] == "ZX-101" and key[2] is not None] == []


@pytest.mark.parametrize("designation", [
    "The drug already holds orphan drug designation from the FDA for Kellan disease, which it received in 2022.",
    "In 2024 the FDA granted orphan drug designation to ZX-101 for Kellan disease.",
])
def test_a_study_of_a_drug_tied_to_its_disease_only_by_a_designation_takes_that_disease(designation):
    found = trials("In the randomized Phase 2 MERIDIAN study, patients who received ZX-101 on top of standard "
                   "chemotherapy lived a median of 11.4 months, compared with 8.1 months for chemotherapy alone.",
                   "The company hopes to begin a Phase 3 trial, to be called MERIDIAN-3, before the end of the year. "
                   + designation)
    assert found[("ZX-101", "2", "MERIDIAN")] == "Kellan disease"
    assert found[("ZX-101", "3", "MERIDIAN-3")] == "Kellan disease"


@pytest.mark.parametrize("second, expected", [
    ("It also holds rare pediatric disease designation from the FDA for Morrow syndrome.", None),
    ("It also holds Fast Track designation from the FDA for relapsed Kellan disease.", "Kellan disease"),
])
def test_designations_tie_the_drug_to_a_disease_only_when_they_are_all_of_it(second, expected):
    found = trials("In the Phase 2 MERIDIAN study, patients who received ZX-101 on top of standard chemotherapy lived "
                   "longer.", "The drug holds orphan drug designation from the FDA for Kellan disease. " + second)
    assert found[("ZX-101", "2", "MERIDIAN")] == expected


def test_phrasings_of_one_disease_outnumbering_a_list_tie_the_drug_to_that_disease():
    found = trials("ZX-101 is being developed for ovarian cancer and other solid tumors.",
                   "Data from ZX-101 in women with platinum-resistant ovarian cancer were strong. Results for ZX-101 in "
                   "platinum-resistant ovarian cancer will be presented at a meeting.",
                   "Zentrix will run the global Phase 2b trial of ZX-101, MERIDIAN-2, from 2027.")
    assert "platinum-resistant ovarian cancer" in found[("ZX-101", "2b", "MERIDIAN-2")]


def test_a_list_of_diseases_as_often_stated_as_one_of_them_ties_the_drug_to_none():
    found = trials("ZX-101 is being developed for ovarian cancer, lung cancer and other solid tumors.",
                   "Data from ZX-101 in women with platinum-resistant ovarian cancer were strong.",
                   "Zentrix will run the global Phase 2b trial of ZX-101, MERIDIAN-2, from 2027.")
    assert found[("ZX-101", "2b", "MERIDIAN-2")] is None


@pytest.mark.parametrize("sentence, people", [
    ("Zentrix is conducting a Phase 1 bridging study of ZX-101 in Japanese healthy volunteers.", "Japanese healthy volunteers"),
    ("Its partner is running a Phase 1 trial of ZX-101 in 40 Chinese healthy subjects.", "Chinese healthy subjects"),
    ("A Phase 1 study of ZX-101 in healthy Korean adults began in May.", "healthy Korean adults"),
])
def test_healthy_people_of_a_named_nationality_are_a_phase_1_studys_population(sentence, people):
    assert trials("ZX-101 is a drug for Kellan disease.", sentence)[("ZX-101", "1", None)] == people


@pytest.mark.parametrize("sentence, name, people", [
    ("MERIDIAN-CO is a randomised, observer-blind Phase 3 trial that enrolled 1,090 adults aged 65 years and older in "
     "the United Kingdom.", "MERIDIAN-CO", "adults aged 65 years and older"),
    ("MERIDIAN-CO follows MERIDIAN-OA, the pivotal Phase 3 efficacy trial in more than 21,000 adults aged 60 years and "
     "older, in which ZX-101 showed efficacy.", "MERIDIAN-OA", "adults aged 60 years and older"),
    ("The Phase 3 MERIDIAN-P trial will enroll about 3,000 infants aged 6 to 12 months in Europe.", "MERIDIAN-P",
     "infants aged 6 to 12 months"),
])
def test_a_vaccine_studys_population_named_by_age_alone_is_its_population(sentence, name, people):
    found = trials("ZX-101 is the company's adjuvanted vaccine.", sentence)
    assert found[("ZX-101", "3", name)] == people


@pytest.mark.parametrize("sentence", [
    "The Phase 2 MERIDIAN and Phase 3 SOLSTICE trials are evaluating ZX-101 in Kellan disease and Morrow syndrome, "
    "respectively.",
    "ZX-101 is being evaluated in the Phase 2 MERIDIAN and Phase 3 SOLSTICE studies in Kellan disease and Morrow "
    "syndrome, respectively.",
    "Zentrix has enrolled the first patients in the Phase 2 MERIDIAN and Phase 3 SOLSTICE trials of ZX-101 for Kellan "
    "disease and Morrow syndrome, respectively.",
])
def test_studies_coordinated_before_a_plural_noun_take_their_own_phase_and_population_respectively(sentence):
    found = trials(sentence)
    assert found == {("ZX-101", "2", "MERIDIAN"): "Kellan disease", ("ZX-101", "3", "SOLSTICE"): "Morrow syndrome"}


@pytest.mark.parametrize("sentence", [
    "ZX-101 met its endpoints in the Phase 3 MERIDIAN-1 and MERIDIAN-2 trials in adults with Kellan disease.",
    "Data from the Phase 3 MERIDIAN-1, MERIDIAN-2 and MERIDIAN-3 studies of ZX-101 in Kellan disease were presented.",
])
def test_names_coordinated_after_one_phase_are_one_study_each_of_that_phase(sentence):
    found = trials(sentence)
    named = {key for key in found if key[2]}
    assert {key[2] for key in named} >= {"MERIDIAN-1", "MERIDIAN-2"} and {key[1] for key in named} == {"3"}
    assert all(found[key] and "Kellan disease" in found[key] for key in named)


def test_phases_coordinated_before_a_plural_noun_take_their_populations_respectively():
    found = trials("ZX-101 is being evaluated in Phase 2 and Phase 3 trials in Kellan disease and Morrow syndrome, "
                   "respectively.")
    assert found == {("ZX-101", "2", None): "Kellan disease", ("ZX-101", "3", None): "Morrow syndrome"}


def test_without_respectively_coordinated_studies_keep_the_whole_population():
    found = trials("The Phase 2 MERIDIAN and Phase 3 SOLSTICE trials are evaluating ZX-101 in Kellan disease.")
    assert found == {("ZX-101", "2", "MERIDIAN"): "Kellan disease", ("ZX-101", "3", "SOLSTICE"): "Kellan disease"}


@pytest.mark.parametrize("sentence", [
    "Shares rose after Zentrix said its Phase 2 study of ZX-101 in Kellan disease succeeded.",
    "Zentrix's Phase 2 trial of ZX-101 in Kellan disease did not meet its goal.",
    "The Phase 2 study of ZX-101 in Kellan disease reported positive results last week.",
    "The Phase 2 study of ZX-101 in Kellan disease posted encouraging data in June.",
    "The company plans a Phase 2 trial of ZX-101 in Kellan disease pending FDA feedback.",
])
def test_a_population_ends_where_the_clauses_verb_begins(sentence):
    assert trials(sentence)[("ZX-101", "2", None)] == "Kellan disease"


def test_a_population_ends_where_and_opens_the_next_studys_phrase():
    found = trials("Zentrix runs the Phase 2 MERIDIAN study of ZX-101 in Kellan disease and the Phase 3 SOLSTICE study "
                   "of ZX-202 in Morrow syndrome.")
    assert found == {("ZX-101", "2", "MERIDIAN"): "Kellan disease", ("ZX-202", "3", "SOLSTICE"): "Morrow syndrome"}


@pytest.mark.parametrize("population", [
    "patients with relapsed or refractory Kellan disease",
    "adults with Kellan disease previously treated with steroids",
    "patients with KRAS-mutated Kellan disease",
])
def test_participles_inside_a_population_do_not_end_it(population):
    found = trials(f"Zentrix began a Phase 2 trial of ZX-101 in {population} in March.")
    assert found[("ZX-101", "2", None)].endswith(population.split(" with ", 1)[1])


OWN_LEAD = "Zentrix Bio, Inc. (NASDAQ: ZTX) today announced an update on ZX-101, its lead product candidate."


@pytest.mark.parametrize("sentence", [
    "ZX-101 beat docetaxel in a head-to-head Phase 3 trial in Kellan disease.",
    "ZX-101 outperformed docetaxel in the Phase 3 MERIDIAN trial in Kellan disease.",
    "In the Phase 3 MERIDIAN trial, ZX-101 was superior to docetaxel in patients with Kellan disease.",
    "Zentrix said ZX-101 beats docetaxel, the standard of care, in a Phase 3 study in Kellan disease.",
])
def test_the_drug_a_study_shows_beaten_is_its_comparator_not_its_drug(sentence):
    found = trials(sentence, lead=OWN_LEAD)
    assert {key[0] for key in found} == {"ZX-101"}


@pytest.mark.parametrize("sentence, expected", [
    ("ZX-101 is being evaluated in two Phase 2 trials: MERIDIAN in Kellan disease and SOLSTICE in Morrow syndrome.",
     {("ZX-101", "2", "MERIDIAN"): "Kellan disease", ("ZX-101", "2", "SOLSTICE"): "Morrow syndrome"}),
    ("ZX-101 is in three Phase 2 trials: MERIDIAN in Kellan disease, SOLSTICE in Morrow syndrome and EQUINOX in "
     "Harlan syndrome.",
     {("ZX-101", "2", "MERIDIAN"): "Kellan disease", ("ZX-101", "2", "SOLSTICE"): "Morrow syndrome",
      ("ZX-101", "2", "EQUINOX"): "Harlan syndrome"}),
    ("Zentrix runs two Phase 3 studies of ZX-101: MERIDIAN-1 in Kellan disease, and MERIDIAN-2 in Morrow syndrome.",
     {("ZX-101", "3", "MERIDIAN-1"): "Kellan disease", ("ZX-101", "3", "MERIDIAN-2"): "Morrow syndrome"}),
])
def test_names_opening_the_items_of_a_list_after_a_plural_study_phrase_are_one_study_each(sentence, expected):
    assert trials(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "ZX-101 and ZX-202 are being tested in Phase 2 trials for Kellan disease and Morrow syndrome, respectively.",
    "Zentrix is running Phase 2 trials of ZX-101 and ZX-202 in Kellan disease and Morrow syndrome, respectively.",
])
def test_drugs_coordinated_with_populations_respectively_take_one_each(sentence):
    assert trials(sentence) == {("ZX-101", "2", None): "Kellan disease", ("ZX-202", "2", None): "Morrow syndrome"}


def _release(headline: str, *paragraphs: str) -> set[tuple]:
    text = make_release(paragraphs[0], *paragraphs[1:], headline=headline,
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    return {(t.drug, t.phase, t.name) for t in run(text, "zentrix-2026-02-02").trials}


@pytest.mark.parametrize("headline", [
    "Zentrix Announces First Patient Dosed in MERIDIAN Trial",
    "Zentrix Bio Completes Enrollment in MERIDIAN Study of ZX-101",
])
def test_a_study_named_only_in_the_headline_is_the_one_study_the_body_describes(headline):
    found = _release(headline, "Zentrix Bio, Inc. (NASDAQ: ZTX) today announced a milestone in its Phase 2 trial "
                               "evaluating ZX-101 in adults with Kellan disease.", "The trial will enroll 120 patients.")
    assert found == {("ZX-101", "2", "MERIDIAN")}


def test_a_headline_name_stays_apart_when_the_body_describes_two_studies_of_the_drug():
    found = _release("Zentrix Announces First Patient Dosed in MERIDIAN Trial",
                     "Zentrix Bio, Inc. (NASDAQ: ZTX) today announced that the first patient has been dosed in its "
                     "Phase 2 trial evaluating ZX-101 in adults with Kellan disease.",
                     "A Phase 1 study of ZX-101 in healthy volunteers was completed in 2025.")
    assert ("ZX-101", "2", "MERIDIAN") not in found and ("ZX-101", "1", "MERIDIAN") not in found


@pytest.mark.parametrize("follow", [
    "That study enrolled 36 adults with Kellan disease across three ascending dose levels and met its primary goal.",
    "This trial enrolled 36 adults with Kellan disease across three dose levels.",
    "The study enrolled 36 adults with Kellan disease across three dose levels.",
])
def test_a_demonstrative_subject_gives_the_last_study_its_population(follow):
    found = trials("ZX-101 is an antisense drug. The drug completed a first-in-human Phase 1 study in 2025 at three centers. "
                   + follow)
    assert found == {("ZX-101", "1", None): "Kellan disease"}


def test_a_reporting_clause_after_a_comma_ends_a_population():
    found = trials("ZX-101 completed a Phase 1 study in adults with Kellan disease in 2025.",
                   "Dr. Mara Okonkwo, who led the Phase 1 study and will lead MERIDIAN, said the local network of "
                   "Kellan disease clinics made the state a natural home for the work.")
    assert found.get(("ZX-101", "1", None)) == "Kellan disease"
    assert len([key for key in found if key[:2] == ("ZX-101", "1")]) == 1


@pytest.mark.parametrize("sentence", [
    "The FDA expanded the label of ZX-101 to include adolescents aged 12 to 17 years with "
    "moderate-to-severe Kellan disease, based on the Phase 3 MERIDIAN-12 study.",
    "Based on the Phase 3 MERIDIAN-12 study, the label now covers children aged 6 through 11 years of age with "
    "moderate-to-severe Kellan disease.",
])
def test_people_of_an_age_range_with_a_disease_are_the_population_without_a_trigger_word(sentence):
    found = trials("ZX-101 is a topical drug.", sentence)
    assert found.get(("ZX-101", "3", "MERIDIAN-12")) in {
        "adolescents aged 12 to 17 years with moderate-to-severe Kellan disease",
        "children aged 6 through 11 years of age with moderate-to-severe Kellan disease"}


@pytest.mark.parametrize("follow", [
    "As of the data cut-off, a total of 96 patients with Kellan disease were enrolled in the dose-expansion stage.",
    "So far 40 participants with Kellan disease have been dosed.",
])
def test_a_count_of_people_with_a_disease_enrolled_right_after_a_study_is_its_population(follow):
    found = trials("ZX-101 is an oral drug for several diseases, including Morrow syndrome. The designation is mainly based "
                   "on a Phase 1/2 clinical study of ZX-101 conducted in China. " + follow)
    assert found.get(("ZX-101", "1/2", None)) == "Kellan disease"


def test_a_count_enrolled_in_another_paragraph_is_not_the_studys_population():
    found = trials("ZX-101 is being tested in a Phase 1/2 clinical study of ZX-101 conducted in China.",
                   "Separately, 96 patients with Kellan disease were enrolled in a registry.")
    assert found.get(("ZX-101", "1/2", None)) != "Kellan disease"


@pytest.mark.parametrize("sentence", [
    "Patients who complete the 52-week treatment period may enroll in ZEN-OLE, an open-label extension that will "
    "follow them for up to two further years.",
    "Participants can roll over into ZEN-OLE, a long-term extension of up to three years.",
])
def test_a_name_in_apposition_to_an_extension_names_a_study_of_its_own(sentence):
    found = trials("Zentrix is running ZEN-2, a Phase 2 trial of ZX-101 in adults with Kellan disease. " + sentence)
    assert ("ZX-101", None, "ZEN-OLE") in found
    assert ("ZX-101", "2", "ZEN-2") in found


def test_a_background_therapy_the_population_keeps_is_not_the_next_sentences_drug():
    found = trials("Zentrix is running ZEN-2, a Phase 2 trial of ZX-101 in adults with Kellan disease. Patients already "
                   "taking ursodiol at a stable dose may continue it. Patients who complete treatment may enroll in "
                   "ZEN-OLE, an open-label extension.")
    assert [key for key in found if key[2] == "ZEN-OLE"] == [("ZX-101", None, "ZEN-OLE")]
