"""A trial whose own phrase states no population (issue 13): GUIDE.md Trials, "when the text ties the drug
to a single indication, that indication". Every name is invented."""
from __future__ import annotations

from test_extractors import make_release, run

LEAD = ("Zentrix Bio, Inc. (NASDAQ: ZTX), a clinical-stage company, today announced an update on ZX-101 "
        "for the treatment of cutaneous T-cell lymphoma.")


def trials(*paragraphs: str) -> dict[tuple, str | None]:
    text = make_release(LEAD, *paragraphs, headline="Zentrix Bio Announces ZX-101 Update",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    return {(t.drug, t.phase, t.name): t.indication for t in run(text, "zentrix-2026-01-05").trials}


def test_a_named_study_takes_the_disease_the_release_ties_its_drug_to():
    found = trials("The Phase 3 HORIZON-7 trial of ZX-101 in cutaneous T-cell lymphoma met its primary endpoint.",
                   "Beyond traditional trials, the study, which is known as RW-ZEN-MF-01, includes scenarios for at-home use.",
                   "ZX-101 has been granted Orphan Drug Designation by the FDA for cutaneous T-cell lymphoma.")
    assert found[("ZX-101", "3", "HORIZON-7")] == "cutaneous T-cell lymphoma"
    assert found[("ZX-101", None, "RW-ZEN-MF-01")] == "cutaneous T-cell lymphoma"


def test_a_named_study_beside_another_in_the_disease_does_not_take_it_without_a_designation():
    # the drug is tied to the disease only through its other study: the named one may be about anything
    text = make_release("Zentrix Bio today announced an update on ZX-101.",
                        "The Phase 3 HORIZON-7 trial of ZX-101 in cutaneous T-cell lymphoma met its primary endpoint.",
                        "Beyond traditional trials, the study, which is known as RW-ZEN-MF-01, includes scenarios for "
                        "at-home use.",
                        headline="Zentrix Bio Announces ZX-101 Update",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    found = {t.name: t.indication for t in run(text, "zentrix-2026-01-05").trials}
    assert found["HORIZON-7"] == "cutaneous T-cell lymphoma"
    assert found["RW-ZEN-MF-01"] is None


def test_an_unnamed_study_beside_one_in_the_drugs_disease_stays_without_population():
    # a population-less Phase 1 study next to the Phase 3 study in the disease is another study (often healthy volunteers)
    found = trials("The Phase 3 HORIZON-7 trial of ZX-101 in cutaneous T-cell lymphoma met its primary endpoint.",
                   "A Phase 1 study of ZX-101 measured its pharmacokinetics.",
                   "ZX-101 for the treatment of cutaneous T-cell lymphoma is dosed twice weekly.")
    assert found[("ZX-101", "1", None)] is None


def test_a_named_study_of_a_drug_tied_to_several_diseases_stays_without_population():
    text = make_release("Zentrix Bio today announced an update on ZX-101 for the treatment of psoriasis, eczema "
                        "and alopecia.",
                        "The Phase 3 HORIZON-7 trial of ZX-101 in psoriasis met its primary endpoint.",
                        "ZX-101 has been granted Orphan Drug Designation by the FDA for psoriasis.",
                        "Beyond traditional trials, the study, which is known as RW-ZEN-MF-01, includes scenarios for "
                        "at-home use.",
                        "ZX-101 for the treatment of psoriasis, eczema and alopecia is dosed twice weekly.",
                        headline="Zentrix Bio Announces ZX-101 Update",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    found = {t.name: t.indication for t in run(text, "zentrix-2026-01-05").trials}
    assert found["HORIZON-7"] == "psoriasis"
    assert found["RW-ZEN-MF-01"] is None


def _population(*paragraphs: str) -> dict[str | None, str | None]:
    text = make_release("Zentrix Bio, Inc. (NASDAQ: ZTX) today announced an update on ZX-101.", *paragraphs,
                        headline="Zentrix Bio Announces ZX-101 Update",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    return {t.name: t.indication for t in run(text, "zentrix-2026-01-05").trials}


def test_people_who_open_the_clause_after_an_in_the_study_phrase_are_its_population():
    found = _population("In the Phase 3 QUELLARO trial, men with metastatic castration-resistant prostate cancer who "
                        "took ZX-101 lived a median of 20.1 months without progression.")
    assert found["QUELLARO"] == "men with metastatic castration-resistant prostate cancer"


def test_people_treated_in_a_study_named_alone_are_its_population():
    found = _population("Zentrix Bio also reported updated results from the ongoing QUELLARO-1 Phase 1 trial of ZX-101.",
                        "As of the data cutoff, 37 patients with advanced gastric cancer had been treated in QUELLARO-1 "
                        "across five dose levels.")
    assert found["QUELLARO-1"] == "advanced gastric cancer"


def test_people_treated_with_another_drug_do_not_become_a_studys_population():
    # "treated with" is a prior therapy, not the study the people were treated in
    found = _population("Zentrix Bio also reported updated results from the ongoing QUELLARO-1 Phase 1 trial of ZX-101.",
                        "Patients with advanced gastric cancer had been treated with chemotherapy before QUELLARO-1 "
                        "opened.")
    assert found["QUELLARO-1"] is None


def test_names_coordinated_before_a_counted_appositive_are_one_study_each():
    found = _population("Zentrix Bio initiated ZORVEX-1 and ZORVEX-2, two Phase 3 trials of ZX-101, its oral "
                        "JAK1 inhibitor, in adults with moderate ulcerative colitis.")
    assert found == {"ZORVEX-1": "moderate ulcerative colitis",
                     "ZORVEX-2": "moderate ulcerative colitis"}


def test_a_headline_study_in_generic_words_is_the_bodys_named_study_of_that_phase():
    text = make_release("Zentrix Bio, Inc. (NASDAQ: ZTX) today announced updated results for ZX-101.",
                        "Zentrix Bio plans to initiate ZORVEX-3, a global, randomized Phase 3 trial of ZX-101 in "
                        "first-line metastatic KRAS G12D-mutant colorectal cancer, in 2027.",
                        headline="Zentrix Bio Presents ZX-101 Data\n\n- *Company to advance ZX-101 into a randomized "
                                 "Phase 3 trial in first-line metastatic disease*",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    found = [(t.phase, t.name) for t in run(text, "zentrix-2026-01-05").trials]
    assert found == [("3", "ZORVEX-3")]


def test_a_named_studys_fuller_later_statement_narrows_the_population_a_highlight_gave():
    found = _population("Highlights:",
                        "- ZX-101: Phase III ZORVEX trial in bronchiectasis met its primary endpoint",
                        "ZX-101 met the primary endpoint in the Phase III ZORVEX trial versus placebo in adults with "
                        "non-cystic fibrosis bronchiectasis.")
    assert found["ZORVEX"] == "non-cystic fibrosis bronchiectasis"


def test_a_study_a_designation_rests_on_takes_the_indication_of_the_designation_it_names():
    # "The <disease> designation is supported by <study>": of the drug's two designations, the one the words name
    text = make_release("Zentrix Bio, Inc. (NASDAQ: ZTX) today announced that ZX-101 received two Breakthrough Therapy "
                        "Designations from the FDA: for first-line biliary tract cancer (BTC) and for recurrent "
                        "endometrial cancer.",
                        "The BTC designation is supported by ZORVEX-3, a randomized, double-blind Phase 3 study "
                        "comparing ZX-101 plus chemotherapy with placebo plus chemotherapy. The endometrial cancer "
                        "designation is supported by a single-arm Phase 2 study in which the ORR was 31%.",
                        headline="Zentrix Bio Receives Two Breakthrough Therapy Designations for ZX-101",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    extraction = run(text, "zentrix-2026-01-05")
    designated = {d.indication for d in extraction.designations}
    found = {(t.phase, t.name): t.indication for t in extraction.trials}
    biliary = next(d for d in designated if "biliary" in d)
    endometrial = next(d for d in designated if "endometrial" in d)
    assert found[("3", "ZORVEX-3")] == biliary
    assert found[("2", None)] == endometrial


def test_a_designation_named_by_its_type_rests_on_a_study_of_the_drugs_designated_disease():
    text = make_release("Zentrix Bio, Inc. (NASDAQ: ZTX) today announced that the FDA granted Breakthrough Therapy "
                        "Designation to ZX-101 for relapsed or refractory Waldenstrom macroglobulinemia.",
                        "The Breakthrough Therapy Designation was based on data from the Phase 1b ZORVEX-1 study, "
                        "which will be presented at an upcoming medical meeting.",
                        "ZX-101 is also being developed for chronic lymphocytic leukemia. The company expects to "
                        "file ZX-101 for chronic lymphocytic leukemia in 2027.",
                        headline="Zentrix Bio Receives Breakthrough Therapy Designation for ZX-101",
                        about="About Zentrix Bio\n\nZentrix Bio is a biotechnology company.")
    extraction = run(text, "zentrix-2026-01-05")
    found = {t.name: t.indication for t in extraction.trials}
    assert found["ZORVEX-1"] == "relapsed or refractory Waldenstrom macroglobulinemia"
