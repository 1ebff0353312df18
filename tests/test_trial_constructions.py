"""Trial lines lost on unseen releases (issue 13), one construction per test: the population's grammar, the
drug of the trial's own clause. Every name is invented; each case is probed in more than one word order or voice."""
from __future__ import annotations

import pytest

from test_extractors import make_release, run

LEAD = "Zentrix Bio, Inc. (NASDAQ: ZTX), a clinical-stage company, today announced an update on its programs."


def trials(*paragraphs: str, lead: str = LEAD) -> dict[tuple, str | None]:
    text = make_release(lead, *paragraphs, headline="Zentrix Bio Announces Pipeline Update",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    return {(t.drug, t.phase, t.name): t.indication for t in run(text, "zentrix-2026-01-05").trials}


@pytest.mark.parametrize("tie", [
    "ZX-101 is a gene therapy for Kellan disease, also called juvenile Morrow disease.",
    "Zentrix Bio's only clinical drug, ZX-101, is a gene therapy for Kellan disease, also known as juvenile Morrow disease.",
    "ZX-101, a gene therapy for Kellan disease, commonly referred to as juvenile Morrow disease, is given once.",
])
def test_a_disease_with_a_second_name_is_one_indication_not_a_list(tie):
    found = trials(tie, "The first children received ZX-101 in a Phase 1/2 study. The trial, called ZENITH, plans to "
                        "enroll up to 18 children between 4 and 12 years old.")
    indication = found[("ZX-101", "1/2", "ZENITH")]
    assert indication is not None and indication.startswith("Kellan disease")


@pytest.mark.parametrize("phase1", [
    "Its partner Kobe Yakuhin retains rights in Japan, where it is running a bridging Phase 1 study.",
    "A Phase 1 study of ZX-101 given together with zentaxel began in Europe last month.",
    "Separately, Kobe Yakuhin has started a phase 1 trial of ZX-101 in Japan.",
])
def test_a_population_less_phase_1_study_in_patients_takes_the_drugs_single_indication(phase1):
    found = trials("The Phase 3 HORIZON-7 trial of ZX-101 in relapsed multiple myeloma met its primary endpoint.", phase1,
                   "ZX-101 for the treatment of relapsed multiple myeloma is dosed once weekly.",
                   lead="Zentrix Bio, Inc. (NASDAQ: ZTX) today announced an update on ZX-101 for the treatment of "
                        "relapsed multiple myeloma.")
    assert found[("ZX-101", "1", None)] == "relapsed multiple myeloma"


@pytest.mark.parametrize("phase1", [
    "A Phase 1 study of ZX-101 measured its bioavailability.",
    "A Phase 1 trial assessed the food effect on ZX-101 exposure.",
    "ZX-101 was well tolerated in a Phase 1 study in which volunteers received single doses.",
])
def test_a_phase_1_study_of_what_is_measured_in_volunteers_takes_no_disease(phase1):
    found = trials("The Phase 3 HORIZON-7 trial of ZX-101 in relapsed multiple myeloma met its primary endpoint.", phase1,
                   "ZX-101 for the treatment of relapsed multiple myeloma is dosed once weekly.",
                   lead="Zentrix Bio, Inc. (NASDAQ: ZTX) today announced an update on ZX-101 for the treatment of "
                        "relapsed multiple myeloma.")
    assert found[("ZX-101", "1", None)] is None


@pytest.mark.parametrize("tie", [
    "There is no approved treatment for cutaneous T-cell lymphoma, which makes ZX-101 a potential solution for "
    "cutaneous T-cell lymphoma.",
    "Analysts see ZX-101 as a potential solution for cutaneous T-cell lymphoma.",
])
def test_a_study_known_by_its_name_takes_the_disease_the_release_ties_its_drug_to_outside_any_study(tie):
    found = trials("The Phase 3 HORIZON-7 trial of ZX-101 in cutaneous T-cell lymphoma met its primary endpoint.",
                   "Regulators asked for a second confirmatory study, HORIZON-8, which is now underway.", tie,
                   lead="Zentrix Bio, Inc. (NASDAQ: ZTX) today announced an update on ZX-101.")
    assert found[("ZX-101", None, "HORIZON-8")] == "cutaneous T-cell lymphoma"


@pytest.mark.parametrize("sentence, population", [
    ("Zentrix Bio is also testing ZX-101 with zentaxel in a mid-stage (Phase 2) trial in men whose cancer no longer "
     "responds to hormone therapy, with data expected in 2027.", "men whose cancer no longer responds to hormone therapy"),
    ("The company started a Phase 2 trial of ZX-101 in 40 patients whose myeloma relapsed after lenalidomide in "
     "March 2026.", "40 patients whose myeloma relapsed after lenalidomide"),
    ("A Phase 2 study of ZX-101 is enrolling patients whose disease progressed on a prior kinase inhibitor.",
     "patients whose disease progressed on a prior kinase inhibitor"),
])
def test_people_named_by_a_relative_clause_on_their_disease_are_the_population(sentence, population):
    assert trials(sentence)[("ZX-101", "2", None)] == population


def test_a_relative_clause_on_no_disease_is_no_population():
    found = trials("A Phase 2 study of ZX-101 is enrolling adults whose daily routines include shift work.")
    assert found[("ZX-101", "2", None)] is None


@pytest.mark.parametrize("paragraph", [
    # a bullet is one unit: the study of "the combination" shares it with the partner's description
    "- Entered a clinical collaboration with Kobe Pharma, Inc. to evaluate ZX-101 with Kobe's oral SERD KB-210 "
    "(kobestrant). Zentrix Bio will sponsor a Phase 1b study of the combination in advanced breast cancer; Kobe will "
    "supply KB-210.",
    "Under an agreement with Kobe Pharma, Inc., Zentrix Bio will evaluate ZX-101 with Kobe Pharma's oral SERD KB-210 "
    "in a Phase 1b study in advanced breast cancer.",
    "Zentrix Bio plans a Phase 1b study in advanced breast cancer to test ZX-101 together with Kobe's KB-210 "
    "(kobestrant), which Kobe Pharma Co. will supply.",
])
def test_a_partner_described_by_its_owner_is_not_the_combination_studys_drug(paragraph):
    found = trials(paragraph, lead="Zentrix Bio, Inc. (NASDAQ: ZTX), a clinical-stage company, today announced an "
                                   "update on ZX-101, its oral CDK inhibitor.")
    assert {(drug, phase) for drug, phase, _ in found} == {("ZX-101", "1b")}


@pytest.mark.parametrize("sentence, population", [
    ("ZENITH is a randomised, placebo-controlled study that will enrol up to 72 healthy adult volunteers.",
     "healthy adult volunteers"),
    ("ZENITH, a randomised study, enrols adults with moderate-to-severe Kellan syndrome at 20 sites in Australia.",
     "moderate-to-severe Kellan syndrome"),
])
def test_the_british_enrol_introduces_a_named_studys_population(sentence, population):
    found = trials("The first participants have been dosed in ZENITH, the Company's Phase 1 trial of ZX-101, its lead "
                   "candidate for idiopathic pulmonary fibrosis.", sentence)
    assert found[("ZX-101", "1", "ZENITH")] == population


LEAD_TWO = ("Zentrix Bio, Inc. (NASDAQ: ZTX), a clinical-stage company, today reported second-quarter results and an update "
            "on ZX-101 and ZX-202.")


@pytest.mark.parametrize("quote", [
    '"We finished enrolling our first Phase 3 study ahead of plan, began our first patient study with ZX-202, and '
    'strengthened our balance sheet," said the chief executive.',
    '"This quarter we completed enrollment in our Phase 3 trial, dosed the first participants with ZX-202 and '
    'extended our cash runway," said the chief executive.',
])
def test_a_study_in_one_predicate_does_not_take_the_drug_of_the_next(quote):
    found = trials(quote, "Zentrix Bio completed enrollment in ZENITH-3, the global Phase 3 study of ZX-101 in "
                          "moderate-to-severe plaque psoriasis.", lead=LEAD_TWO)
    assert {(drug, phase, name) for drug, phase, name in found} == {("ZX-101", "3", "ZENITH-3")}


def test_a_study_whose_enrollment_completed_is_the_ongoing_study_not_a_finished_one():
    found = trials("Zentrix Bio completed enrollment in the Phase 3 trial of ZX-101 in plaque psoriasis.",
                   "The Phase 3 trial of ZX-101 in plaque psoriasis is ongoing, with data expected in 2027.")
    assert list(found) == [("ZX-101", "3", None)]


def test_a_completed_study_and_a_started_one_of_one_phase_stay_two():
    text = make_release(LEAD, "Zentrix Bio completed a Phase 2 trial of ZX-101 in plaque psoriasis in 2024.",
                        "Zentrix Bio initiated a new Phase 2 trial of ZX-101 in plaque psoriasis in March.")
    found = [(t.drug, t.phase) for t in run(text, "zentrix-2026-01-05").trials]
    assert found == [("ZX-101", "2"), ("ZX-101", "2")]


@pytest.mark.parametrize("sentence", [
    "Among the other lupus assets in late-stage development, Kobe Pharma is testing its antibody ZX-303 in a Phase 2 "
    "trial, and Orla Bio expects data from a Phase 3 study of its oral drug ZX-404 next year.",
    "Of the other lupus drugs in the clinic, ZX-303 is in a Phase 2 trial and ZX-404 has entered a Phase 3 study.",
])
def test_an_opening_frame_gives_its_disease_to_every_study_of_the_sentence(sentence):
    found = trials(sentence)
    assert found[("ZX-303", "2", None)] == "lupus" and found[("ZX-404", "3", None)] == "lupus"


def test_an_opening_frame_without_a_disease_gives_none():
    found = trials("Among other things, ZX-303 entered a Phase 2 trial and ZX-404 began a Phase 3 study.")
    assert found[("ZX-303", "2", None)] is None and found[("ZX-404", "3", None)] is None


@pytest.mark.parametrize("sentence", [
    "ZX-303 is in a Phase 2 trial in lupus, and ZX-404 is in a Phase 3 study in psoriasis.",
    "ZX-303 entered a Phase 2 trial in lupus, and ZX-404 began a Phase 3 study in psoriasis.",
    "ZX-303 entered a Phase 2 trial in lupus and ZX-404 began a Phase 3 study in psoriasis.",
])
def test_a_drug_that_heads_its_own_clause_is_not_the_partner_of_the_drug_before(sentence):
    assert trials(sentence) == {("ZX-303", "2", None): "lupus", ("ZX-404", "3", None): "psoriasis"}


def test_drugs_coordinated_as_one_trials_object_stay_one_trial():
    assert list(trials("A Phase 2 trial of ZX-303 and ZX-404 in lupus is enrolling.")) == [("ZX-303", "2", None)]


@pytest.mark.parametrize("quote", [
    'Dr. Mara Okonkwo, principal investigator of the Phase 1b study, added: "For women whose disease has stopped '
    'responding to platinum, these responses are meaningful."',
    "Dr. Mara Okonkwo, an investigator in the Phase 1b study, said, \u201cPatients whose cancer returned after "
    "platinum have few options.\u201d",
])
def test_speech_after_the_attribution_gives_the_study_no_population(quote):
    found = trials("Zentrix Bio is running a Phase 1b study of ZX-101 in platinum-resistant ovarian cancer.", quote)
    assert [key for key in found if key[1] == "1b"] == [("ZX-101", "1b", None)]
    assert found[("ZX-101", "1b", None)] == "platinum-resistant ovarian cancer"


@pytest.mark.parametrize("paragraph", [
    "Zentrix Bio plans to begin two replicate Phase 3 trials of ZX-101, ZEN-1 and ZEN-2, in patients with "
    "moderate-to-severe atopic dermatitis.",
    "ZX-101 is an antibody for moderate-to-severe atopic dermatitis. Zentrix Bio plans to begin two Phase 3 trials, "
    "ZEN-1 and ZEN-2, in 2026.",
    "ZEN-1 and ZEN-2, two Phase 3 trials of ZX-101 in moderate-to-severe atopic dermatitis, began in 2025.",
])
def test_names_in_apposition_to_a_plural_study_noun_are_one_study_each(paragraph):
    found = trials(paragraph)
    assert {key for key in found if key[1] == "3"} == {("ZX-101", "3", "ZEN-1"), ("ZX-101", "3", "ZEN-2")}
    assert all("atopic dermatitis" in (found[key] or "") for key in found if key[1] == "3")


NEWS_LEAD = "Zentrix Bio, Inc. (NASDAQ: ZTX) said on Monday it would report data at a medical meeting."


@pytest.mark.parametrize("sentence, phase, name", [
    ("The approval is based on the mid-stage ZENITH-2 study, in which 30% of patients responded.", "2", "ZENITH-2"),
    ("The company is also testing ZX-101 in newly diagnosed patients in a late-stage trial called ZENITH-3.", "3", "ZENITH-3"),
    ("Zentrix Bio ended a mid-stage study of ZX-101 in Kellan disease after an interim look.", "2", None),
    ("ZX-101 failed to extend survival in gastric cancer in a late-stage clinical trial, the company said.", "3", None),
])
def test_news_writes_a_studys_phase_as_its_stage(sentence, phase, name):
    found = trials("ZX-101 is an oral inhibitor being developed for gastric cancer.", sentence, lead=NEWS_LEAD)
    assert any(key[0] == "ZX-101" and key[1] == phase and key[2] == name for key in found), found


@pytest.mark.parametrize("sentence", [
    "Zentrix Bio plans to take ZX-101 into late-stage trials next year.",  # a programme's future, not a study
    "ZX-101 is also in an early-stage study in gastric cancer.",  # early-stage: Phase 1 or 1/2, not said which
])
def test_stage_words_that_name_no_phase(sentence):
    found = trials("ZX-101 is an oral inhibitor being developed for gastric cancer.", sentence, lead=NEWS_LEAD)
    assert not any(key[1] in ("2", "3") for key in found), found


def test_a_headline_stage_word_adds_no_study_beside_the_bodys():
    text = make_release("Zentrix Bio, Inc. (NASDAQ: ZTX) said its drug ZX-101 shrank tumors in half of patients in the "
                        "Phase 1/2 ZENITH study in gastric cancer.",
                        headline="Zentrix Bio drug shrinks tumors in mid-stage study")
    found = {(t.drug, t.phase) for t in run(text, "zentrix-2026-01-05").trials}
    assert found == {("ZX-101", "1/2")}


@pytest.mark.parametrize("sentence", [
    "ZX-101 kept the disease in check for six months longer than the widely used drug zentamide in a late-stage study.",
    "ZX-101 helped patients live longer than zentamide did in a Phase 3 study, the company said.",
])
def test_the_drug_a_comparative_beats_is_the_comparator(sentence):
    found = trials("ZX-101 is an oral inhibitor being developed for prostate cancer.", sentence, lead=NEWS_LEAD)
    assert {key[0] for key in found} == {"ZX-101"}, found


def test_a_study_of_a_drug_named_for_its_disease_takes_that_disease():
    found = trials("Zentrix Bio also said it had ended a Phase 2 study of its experimental Kellan disease drug, ZX-202, "
                   "after an interim look.", lead=NEWS_LEAD)
    assert found[("ZX-202", "2", None)] == "Kellan disease"


@pytest.mark.parametrize("sentence", [
    "Zentrix Bio plans to start ZENITH-3, a global, randomised Phase 3 trial of ZX-101 versus cabozantinib in patients "
    "with advanced ccRCC previously treated with immunotherapy, in 2027.",
    "The Phase 3 ZENITH-3 trial of ZX-101 will enroll adults with metastatic ccRCC after prior immunotherapy.",
])
def test_a_population_built_on_an_abbreviated_disease_keeps_its_qualifiers(sentence):
    found = trials("ZX-101 is being studied in patients with advanced clear cell renal cell carcinoma (ccRCC).", sentence)
    indication = found[("ZX-101", "3", "ZENITH-3")]
    assert indication and "ccRCC" in indication and "immunotherapy" in indication, indication


def test_an_abbreviated_disease_listed_with_others_is_no_single_study_population():
    found = trials("Its lead candidate, ZX-101, an oral CB2 agonist, is being developed for diabetic peripheral neuropathy "
                   "(DPN), chemotherapy-induced peripheral neuropathy (CIPN), and irritable bowel syndrome (IBS). Having "
                   "completed its Phase 1 single ascending dose study of ZX-101, the company is ready for Phase 2.")
    assert found[("ZX-101", "1", None)] is None


@pytest.mark.parametrize("sentence, name", [
    ("ZX-101 was studied in the Phase 1/2 ZX-101-101 dose-escalation study in adults with Kellan disease.", "ZX-101-101"),
    ("The Phase 1 ZENITH-1 first-in-human trial of ZX-101 enrolled adults with Kellan disease.", "ZENITH-1"),
    ("The ZX-101 dose-escalation study, a Phase 1 trial in Kellan disease, is ongoing.", None),  # the drug's study
])
def test_a_name_before_a_design_word_and_the_study_noun_names_the_study(sentence, name):
    found = trials("ZX-101 is an antisense oligonucleotide for Kellan disease.", sentence)
    assert [key[2] for key in found if key[0] == "ZX-101" and key[1] in ("1", "1/2")] == [name], found


@pytest.mark.parametrize("extension", [
    "A 52-week open-label extension trial, ZENITH-EXT, is ongoing.",
    "Patients who complete either study may roll over into the long-term extension study called ZENITH-OLE.",
])
def test_an_extension_study_named_after_its_noun_enrols_the_drugs_patients(extension):
    found = trials("Both pivotal trials of ZX-101 cream in adults with chronic hand eczema, ZENITH-1 and ZENITH-2, met "
                   "their primary endpoints. ZENITH-1 and ZENITH-2 are identical Phase 3 trials. " + extension)
    names = {key[2]: indication for key, indication in found.items() if key[0] == "ZX-101"}
    extension_name = next(name for name in names if name and name.endswith(("EXT", "OLE")))
    assert names[extension_name] and "chronic hand eczema" in names[extension_name], found


@pytest.mark.parametrize("paragraph", [
    "Zentrova (ZX-101) is approved in the United States for the treatment of adults with locally advanced or "
    "metastatic urothelial carcinoma with susceptible FGFR9 alterations. The approval was based on the single-arm "
    "Phase 2 ZENITH trial, in which the objective response rate was 36%.",
    "The FDA accepted Zentrix Bio's supplemental New Drug Application seeking approval of ZX-101 for focal seizures in "
    "children aged 4 to 11 years. The FDA assigned a target action date of June 19, 2026. The application is supported "
    "by the open-label Phase 2 ZENITH study, in which 61% of children had a reduction of at least 50% in seizure "
    "frequency.",
])
def test_a_study_an_approval_rests_on_enrolled_the_approvals_population(paragraph):
    found = trials("ZX-101 is also in the Phase 3 ZENITH-PC study in metastatic castration-resistant prostate cancer.",
                   paragraph)
    indication = found[("ZX-101", "2", "ZENITH")]
    assert indication and ("urothelial carcinoma" in indication or "focal seizures" in indication), found
    assert "seizure frequency" != indication
