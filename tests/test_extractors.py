"""Tests for trialgraph.extractors: one hand-built release in, facts out.

In the style of spaCy's tests: each test builds a sentence or a short
paragraph by hand, runs the whole per-release pipeline (`extract`) over it
and asserts the facts FACTS.md says it states; parametrised tables cover
the phrasings one rule must handle. Every company, drug and person below is
invented (Acme Oncology, zelatinib, ACM-101, Jane Roe ...): none comes from
the shared corpus, so these tests never learn its answers.

A test marked `xfail(strict=True)` states the CORRECT expectation from
FACTS.md for a phrasing the extractor still gets wrong; it turns into a
failure (and must be unmarked) once the extractor is fixed.
"""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.model import Document, Extraction
from trialgraph.normalize import name_key

DATELINE = "BOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- "
ISSUER = "Acme Oncology, Inc. (NASDAQ: ACME), a clinical-stage biopharmaceutical company,"
ABOUT_COMPANY = (
    "About Acme Oncology, Inc.\n\n"
    "Acme Oncology is a clinical-stage company developing targeted cancer drugs. "
    "For more information, please visit www.acme-oncology.example."
)
FORWARD_LOOKING = (
    "Forward-Looking Statements\n\n"
    "This press release contains forward-looking statements, including statements about zelatinib. "
    "Such statements are subject to risks and uncertainties that may cause actual results to differ materially."
)
CONTACTS = "Contacts\n\nMedia: Sam Poe, Poe Communications, +1 617 555 0100"


def make_release(
    lead: str,
    *paragraphs: str,
    headline: str = "Acme Oncology Announces Clinical Update",
    dateline: str = DATELINE,
    about: str = ABOUT_COMPANY,
    forward_looking: str = FORWARD_LOOKING,
    contacts: str = CONTACTS,
) -> str:
    """A release laid out as wire services write them: headline, dateline
    paragraph, body paragraphs, About section, disclaimer, contacts."""
    blocks = [headline, dateline + lead, *paragraphs, about, forward_looking, contacts]
    return "\n\n".join(block for block in blocks if block) + "\n"


def run(text: str, doc_id: str = "acme-2021-03-03") -> Extraction:
    return extract(Document(doc_id, doc_id + ".txt", text))


def announce(*paragraphs: str, lead: str | None = None, **kwargs) -> Extraction:
    """A release whose lead is the issuer's standard opening plus `lead`."""
    opening = f"{ISSUER} today announced {lead or 'a clinical update on zelatinib (ACM-101), its lead drug candidate.'}"
    return run(make_release(opening, *paragraphs, **kwargs))


def same(a: str | None, b: str | None) -> bool:
    """Names compare as FACTS.md compares them: case, spaces and punctuation ignored."""
    return a is not None and b is not None and name_key(a) == name_key(b)


def drug_named(extraction: Extraction, name: str):
    for drug in extraction.drugs:
        if same(drug.name, name) or any(same(alias.name, name) for alias in drug.aliases):
            return drug
    return None


def is_drug(extraction: Extraction, written: str | None, name: str) -> bool:
    """Whether a fact's in-release drug name `written` is the drug also known as `name`."""
    drug = drug_named(extraction, name)
    return drug is not None and same(written, drug.name)


def designations(extraction: Extraction) -> set[tuple]:
    return {(d.type, d.agency, (d.indication or "").lower() or None, d.date) for d in extraction.designations}


def results(extraction: Extraction) -> set[tuple]:
    return {(r.endpoint, r.value, r.value_high, r.unit, r.cohort, r.comparator) for r in extraction.results}


# -- release: date and place -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dateline,date,location",
    [
        ("MADISON, Wis., Nov. 07, 2017 (GLOBE NEWSWIRE) -- ", "2017-11-07", "Madison, WI"),
        ("BOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- ", "2021-03-03", "Boston, MA"),
        ("SAN DIEGO, Calif., Jan. 9, 2019 /PRNewswire/ -- ", "2019-01-09", "San Diego, CA"),
        ("STOCKHOLM -- March 26, 2020 -- ", "2020-03-26", "Stockholm, Sweden"),
        ("LONDON, 3 March 2023 -- ", "2023-03-03", "London, United Kingdom"),
        ("MELBOURNE, Australia, 9 March 2026: ", "2026-03-09", "Melbourne, Australia"),
        ("MADISON, Wisconsin, Sept. 12, 2016 (BUSINESS WIRE) -- ", "2016-09-12", "Madison, WI"),
    ],
)
def test_release_dateline(dateline, date, location):
    extraction = run(make_release(f"{ISSUER} today announced a corporate update.", dateline=dateline))
    assert extraction.release.date == date
    assert extraction.release.location == location
    assert extraction.release.headline == "Acme Oncology Announces Clinical Update"


def test_release_without_dateline_has_no_place():
    text = "Acme Oncology Announces Clinical Update\n\nAcme Oncology, Inc. said it had opened a new laboratory.\n"
    extraction = run(text, "acme-news")  # no date in the file name either (FACTS.md: it would be the date)
    assert extraction.release.location is None
    assert extraction.release.date is None
    assert any("dateline" in warning for warning in extraction.warnings)


# -- companies ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "listing,ticker,exchange",
    [
        ("(NASDAQ: ACME)", "ACME", "NASDAQ"),
        ("(Nasdaq:ACME)", "ACME", "NASDAQ"),
        ("(Nasdaq: acme)", "ACME", "NASDAQ"),
        ("(NYSE MKT: ACM)", "ACM", "NYSE American"),
        ("(NYSE American: ACM)", "ACM", "NYSE American"),
        ("(NYSE: ACM)", "ACM", "NYSE"),
        ("(TSX: ACM)", "ACM", "TSX"),
        ("(ASX: ACM)", "ACM", "ASX"),
        ("(Nasdaq Stockholm: ACME)", "ACME", "NASDAQ Stockholm"),
        ("(TSX: ACM, NASDAQ: ACMX)", "ACM", "TSX"),  # two listings: the one named first
        # a ';' inside the listing parenthetical ends no sentence (segment._rejoin_open_parentheses)
        ("(TSX: ACM; NASDAQ: ACMX)", "ACM", "TSX"),
    ],
)
def test_company_ticker_and_exchange(listing, ticker, exchange):
    extraction = run(make_release(f"Acme Oncology, Inc. {listing}, a clinical-stage company, today announced a corporate update."))
    acme = [c for c in extraction.companies if same(c.name, "Acme Oncology, Inc.")]
    assert len(acme) == 1
    assert (acme[0].ticker, acme[0].exchange) == (ticker, exchange)
    assert acme[0].is_issuer


def test_company_longest_form_and_website_from_about_section():
    extraction = announce()
    acme = next(c for c in extraction.companies if same(c.name, "Acme Oncology, Inc."))
    assert acme.name == "Acme Oncology, Inc."
    assert acme.website == "www.acme-oncology.example"


def test_partner_company_and_agency():
    extraction = announce(
        "Acme entered into a license agreement with Zenith Therapeutics Ltd. for zelatinib in Japan. "
        "The U.S. Food and Drug Administration (FDA) has cleared the investigational new drug application.",
    )
    names = {name_key(c.name) for c in extraction.companies}
    assert name_key("Zenith Therapeutics Ltd.") in names
    assert not any("fooddrug" in n or n == "fda" for n in names)


# -- people ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,name,role",
    [
        ('"We are pleased," said Jane Roe, M.D., chief medical officer of Acme.', "Jane Roe", "chief medical officer"),
        ('"We are pleased," said Jane Roe, Ph.D., Chief Executive Officer of Acme.', "Jane Roe", "chief executive officer"),
        ('Jane Roe, CEO of Acme, added: "We are pleased."', "Jane Roe", "ceo"),
        ('"We are pleased," said Dr. Jane Roe, President and CEO of Acme Oncology.', "Jane Roe", "president and ceo"),
        ('Jane Roe, M.D., chief medical officer of Acme, said, "We are pleased."', "Jane Roe", "chief medical officer"),
    ],
)
def test_person_from_quote_attribution(sentence, name, role):
    extraction = announce(sentence)
    people = {p.name: p for p in extraction.people}
    assert name in people, people
    assert people[name].role == role
    assert same(people[name].organization, "Acme Oncology, Inc.")


def test_person_at_an_institution():
    extraction = announce(
        '"The responses are encouraging," said Alan Poe, M.D., professor of medicine at the Northfield Cancer Center.'
    )
    alan = next(p for p in extraction.people if p.name == "Alan Poe")
    assert alan.role == "professor of medicine"
    assert alan.organization == "Northfield Cancer Center"
    assert not any(same(c.name, "Northfield Cancer Center") for c in extraction.companies)


def test_contacts_are_not_people():
    extraction = announce(
        contacts="Contacts\n\nInvestor Relations: Sam Poe, Chief Financial Officer, Acme Oncology, Inc.\n"
        "Media: Kim Doe, said Kim Doe, media director of Poe Communications",
    )
    assert not {p.name for p in extraction.people} & {"Sam Poe", "Kim Doe"}


# -- drugs -------------------------------------------------------------------------------------------


def test_drug_by_inn_stem_and_code_name_are_one_drug():
    extraction = announce("Zelatinib is an oral kinase inhibitor.")
    drug = drug_named(extraction, "zelatinib")
    assert drug is not None
    assert drug is drug_named(extraction, "ACM-101")
    assert same(drug.company, "Acme Oncology, Inc.")
    assert len(extraction.drugs) == 1


@pytest.mark.parametrize(
    "sentence,names",
    [
        ("ZELTRA (zelatinib) is approved for osteosarcoma.", {"ZELTRA", "zelatinib"}),
        ("Zelatinib (formerly ACM-101) is an oral kinase inhibitor.", {"zelatinib", "ACM-101"}),
        ("Velotamab (formerly known as ACM-202) is an antibody.", {"velotamab", "ACM-202"}),
        ("Velotamab, formerly known as ACM-202, is an antibody.", {"velotamab", "ACM-202"}),
        ("ACM-303 (INN rovatinib) is an oral kinase inhibitor.", {"ACM-303", "rovatinib"}),
    ],
)
def test_drug_aliases_are_one_drug(sentence, names):
    extraction = run(make_release(f"{ISSUER} today announced a clinical update. {sentence}"))
    assert len(extraction.drugs) == 1, extraction.drugs
    (drug,) = extraction.drugs
    assert {name_key(n) for n in (drug.name, *(a.name for a in drug.aliases))} == {name_key(n) for n in names}
    assert same(drug.company, "Acme Oncology, Inc.")


def test_brand_code_and_inn_of_one_drug():
    extraction = announce("ZELTRA (zelatinib) is approved for osteosarcoma. ZELTRA is sold as tablets.")
    assert len(extraction.drugs) == 1
    (drug,) = extraction.drugs
    relations = {name_key(a.name): a.relation for a in drug.aliases}
    assert {name_key(drug.name), *relations} == {"zeltra", "zelatinib", "acm101"}
    assert relations.get("zeltra", "brand") == "brand"  # when the brand is not the name, it is filed as a brand


def test_comparator_and_standard_of_care_drugs_have_no_owner():
    extraction = announce("Zelatinib is being studied in combination with docetaxel and compared with cyclophosphamide.")
    for name in ("docetaxel", "cyclophosphamide"):
        drug = drug_named(extraction, name)
        assert drug is not None, name
        assert drug.company is None
    assert same(drug_named(extraction, "zelatinib").company, "Acme Oncology, Inc.")


@pytest.mark.parametrize("word", ["COVID-19", "NCT01234567", "HER2", "CD20", "Q3 2021", "Phase 2"])
def test_not_drugs(word):
    extraction = announce(f"The update covers {word} and zelatinib dosing.")
    assert drug_named(extraction, word) is None


# -- designations ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,type_",
    [
        ("the FDA has granted Orphan Drug Designation to zelatinib for the treatment of neuroblastoma.", "orphan_drug"),
        ("the FDA has granted Fast Track designation to zelatinib for the treatment of neuroblastoma.", "fast_track"),
        ("the FDA has granted Rare Pediatric Disease Designation to zelatinib for neuroblastoma.", "rare_pediatric_disease"),
        ("the FDA has granted Breakthrough Therapy Designation to zelatinib for neuroblastoma.", "breakthrough_therapy"),
        ("zelatinib has received orphan drug status from the FDA for neuroblastoma.", "orphan_drug"),
    ],
)
def test_designation_types(sentence, type_):
    extraction = announce(lead=sentence)
    assert designations(extraction) == {(type_, "FDA", "neuroblastoma", None)}
    assert all(is_drug(extraction, d.drug, "zelatinib") for d in extraction.designations)


def test_designation_list_expands_to_one_fact_per_type_and_indication():
    extraction = announce(
        lead="the FDA has granted zelatinib orphan drug and rare pediatric disease designations for "
        "neuroblastoma, osteosarcoma and Ewing's sarcoma."
    )
    expected = {
        (type_, "FDA", indication, None)
        for type_ in ("orphan_drug", "rare_pediatric_disease")
        for indication in ("neuroblastoma", "osteosarcoma", "ewing's sarcoma")
    }
    assert designations(extraction) == expected
    assert len(extraction.designations) == 6


@pytest.mark.parametrize(
    "sentence,date",
    [
        ("In December 2014, the FDA granted zelatinib Orphan Drug Designation for neuroblastoma.", "2014-12"),
        ("The FDA granted zelatinib Orphan Drug Designation for neuroblastoma in December 2014.", "2014-12"),
        ("In 2018, the FDA granted zelatinib Orphan Drug Designation for neuroblastoma.", "2018"),
        ("On May 15, 2019, the FDA granted zelatinib Orphan Drug Designation for neuroblastoma.", "2019-05-15"),
        ("Last month the FDA granted zelatinib Orphan Drug Designation for neuroblastoma.", "2021-02"),
        ("Zelatinib received Orphan Drug Designation for neuroblastoma from the FDA last month.", "2021-02"),
        ("Earlier this year the FDA granted zelatinib Orphan Drug Designation for neuroblastoma.", "2021"),
    ],
)
def test_designation_dates_at_stated_precision(sentence, date):
    extraction = announce(sentence)  # release of 2021-03-03
    assert designations(extraction) == {("orphan_drug", "FDA", "neuroblastoma", date)}


def test_last_month_in_january_is_december_of_previous_year():
    extraction = announce(
        "Zelatinib received Orphan Drug Designation for neuroblastoma from the FDA last month.",
        dateline="BOSTON, Mass., January 12, 2021 (GLOBE NEWSWIRE) -- ",
    )
    assert designations(extraction) == {("orphan_drug", "FDA", "neuroblastoma", "2020-12")}


def test_designation_announced_today_has_no_date():
    extraction = announce(lead="that on March 3, 2021 the FDA granted Orphan Drug Designation to zelatinib for neuroblastoma.")
    assert designations(extraction) == {("orphan_drug", "FDA", "neuroblastoma", None)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme intends to apply for Breakthrough Therapy Designation for zelatinib in neuroblastoma.",
        "Acme plans to seek Fast Track designation for zelatinib in neuroblastoma.",
        "Acme has applied for orphan drug designation for zelatinib in neuroblastoma.",
        "Acme expects to receive Fast Track designation for zelatinib from the FDA in neuroblastoma.",
        "Zelatinib may be eligible for Rare Pediatric Disease Designation for neuroblastoma.",
        "Fast Track is an FDA program that facilitates the development of drugs for serious conditions.",
        "Orphan Drug Designation is available for drugs that treat rare diseases affecting fewer than 200,000 people.",
        "If zelatinib is approved for neuroblastoma, Acme may receive a priority review voucher from the FDA.",
    ],
)
def test_intentions_and_definitions_are_not_designations(sentence):
    extraction = announce(sentence)
    assert extraction.designations == []


def test_two_agencies_give_two_facts():
    extraction = announce("Zelatinib has been granted orphan drug designation for neuroblastoma by both the FDA and the EMA.")
    assert designations(extraction) == {
        ("orphan_drug", "FDA", "neuroblastoma", None),
        ("orphan_drug", "EMA", "neuroblastoma", None),
    }


def test_designation_in_about_section_counts():
    extraction = announce(
        about="About Zelatinib\n\nZelatinib is an oral kinase inhibitor. "
        "In December 2014, the FDA granted zelatinib Fast Track designation for the treatment of osteosarcoma.",
    )
    assert designations(extraction) == {("fast_track", "FDA", "osteosarcoma", "2014-12")}


# -- trials ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written,phase",
    [
        ("Phase I", "1"),
        ("Phase 1", "1"),
        ("Phase 1a", "1"),
        ("Phase Ib", "1b"),
        ("Phase 1b", "1b"),
        ("Phase 1a/1b", "1"),
        ("Phase 1/1b", "1"),
        ("Phase 1b/2", "1/2"),
        ("Phase I/II", "1/2"),
        ("Phase 2a", "2"),
        ("Phase IIb", "2b"),
        ("Phase 2/3", "2/3"),
        ("Phase III", "3"),
        ("Phase 4", "4"),
    ],
)
def test_trial_phase_normalisation(written, phase):
    extraction = announce(f"Zelatinib is being evaluated in a {written} clinical study in patients with relapsed neuroblastoma.")
    assert [(t.phase, t.indication) for t in extraction.trials] == [(phase, "relapsed neuroblastoma")]
    assert is_drug(extraction, extraction.trials[0].drug, "zelatinib")


@pytest.mark.parametrize(
    "sentence,name",
    [
        ("Zelatinib is being evaluated in the Phase 2b HARBOR study in patients with osteosarcoma.", "HARBOR"),
        ("Zelatinib is being evaluated in HARBOR, a Phase 2b study in patients with osteosarcoma.", "HARBOR"),
        ("Zelatinib is being evaluated in the HARBOR-2 trial, a Phase 2b study in patients with osteosarcoma.", "HARBOR-2"),
    ],
)
def test_trial_names(sentence, name):
    extraction = announce(sentence)
    assert [(t.name, t.phase) for t in extraction.trials] == [(name, "2b")]
    assert extraction.trials[0].indication == "osteosarcoma"


def test_trial_design_words_and_registry_id():
    extraction = announce(
        "Zelatinib is being evaluated in the HARBOR study (NCT01234567), a randomized, double-blind, "
        "placebo-controlled, multicenter Phase 3 trial in patients with osteosarcoma."
    )
    (trial,) = extraction.trials
    assert trial.phase == "3"
    assert trial.name == "HARBOR"
    assert set(trial.design) == {"randomized", "double-blind", "placebo-controlled", "multicenter"}
    assert trial.registry_ids == ("NCT01234567",)


def test_open_label_dose_escalation_design():
    extraction = announce("Zelatinib is being evaluated in an open-label, dose-escalation Phase 1 study in patients with osteosarcoma.")
    (trial,) = extraction.trials
    assert set(trial.design) == {"open-label", "dose-escalation"}


def test_mentions_of_one_trial_merge():
    extraction = announce(
        "Zelatinib is being evaluated in the Phase 2b HARBOR study in patients with osteosarcoma.",
        "Enrollment in the HARBOR study is complete. The Phase 2b study enrolled 60 patients.",
    )
    assert [(t.name, t.phase) for t in extraction.trials] == [("HARBOR", "2b")]


# -- cohorts -----------------------------------------------------------------------------------------


TRIAL = "Zelatinib is being evaluated in a Phase 1 dose-escalation study in patients with relapsed multiple myeloma."


@pytest.mark.parametrize(
    "sentence,label,dose,unit,regimen",
    [
        (
            "Patients in Cohort 5 received a 40 mCi/m2 fractionated dose (20 mCi/m2 dose on day 1 and day 8).",
            "5", 40.0, "mCi/m2", "fractionated",
        ),
        (
            "Patients in Cohort 4 received two doses of 15 mCi/m2, one week apart, for a combined dose of 30 mCi/m2.",
            "4", 30.0, "mCi/m2", "fractionated",
        ),
        ("Cohort 2 received a single dose of 25 mCi/m2.", "2", 25.0, "mCi/m2", "single"),
        ("Patients in Cohort 6 received 18.75 mCi/m2 on days 1 and 8.", "6", 37.5, "mCi/m2", "fractionated"),
        ("Cohort 3 was dosed at 1.5 mg/kg.", "3", 1.5, "mg/kg", None),
    ],
)
def test_cohort_dose(sentence, label, dose, unit, regimen):
    extraction = announce(TRIAL, sentence)
    cohorts = {c.label: c for c in extraction.cohorts}
    assert label in cohorts, extraction.cohorts
    cohort = cohorts[label]
    assert (cohort.dose, cohort.dose_unit, cohort.regimen) == (dose, unit, regimen)
    assert is_drug(extraction, cohort.drug, "zelatinib")
    assert cohort.trial == extraction.trials[0].local_id


def test_cohorts_given_doses_respectively():
    extraction = announce(TRIAL, "Cohorts 1 through 3 were given single doses of 10, 20 and 30 mg/kg, respectively.")
    assert [(c.label, c.dose, c.dose_unit, c.regimen) for c in extraction.cohorts] == [
        ("1", 10.0, "mg/kg", "single"),
        ("2", 20.0, "mg/kg", "single"),
        ("3", 30.0, "mg/kg", "single"),
    ]


@pytest.mark.parametrize(
    "sentence,label",
    [
        ("Enrollment in the 1.5 mg/kg cohort is complete.", "1.5 mg/kg"),
        ("Enrollment in the DLBCL cohort is complete.", "DLBCL"),
        ("Enrollment in the third cohort is complete.", "3"),
        ("Enrollment in Part A is complete and Part B received 2 mg/kg.", "B"),
    ],
)
def test_cohort_labels(sentence, label):
    extraction = announce(TRIAL, sentence)
    assert label in {c.label for c in extraction.cohorts}


def test_unlabelled_dose_group_is_not_a_cohort():
    extraction = announce(TRIAL, "Patients who received 20 mg/kg tolerated zelatinib well.")
    assert extraction.cohorts == []


# -- results -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,result",
    [
        ("In the study, zelatinib achieved an ORR of 45%.", ("ORR", 45.0, None, "%", None, False)),
        ("The overall response rate was 45 percent.", ("ORR", 45.0, None, "%", None, False)),
        ("Zelatinib showed a 50% partial response rate.", ("PR", 50.0, None, "%", None, False)),
        ("The disease control rate was 80%.", ("DCR", 80.0, None, "%", None, False)),
        ("Patients achieved a median overall survival of 12.5 months.", ("mOS", 12.5, None, "months", None, False)),
        ("Median progression-free survival was 6.1 months.", ("mPFS", 6.1, None, "months", None, False)),
        ("Median duration of response was 11.9 - 18.6 months.", ("mDOR", 11.9, 18.6, "months", None, False)),
        ("Patients had received a median of 5 prior lines of therapy.", ("prior_lines", 5.0, None, "lines", None, False)),
        ("Three patients achieved a partial response.", ("PR", 3.0, None, "patients", None, False)),
    ],
)
def test_result_phrasings(sentence, result):
    extraction = announce(TRIAL, sentence)
    assert results(extraction) == {result}
    assert all(is_drug(extraction, r.drug, "zelatinib") for r in extraction.results)
    assert all(r.trial == extraction.trials[0].local_id for r in extraction.results)


def test_comparator_range():
    extraction = announce(
        TRIAL,
        "Zelatinib patients reached a median overall survival of 12.5 months; for comparison, median overall survival "
        "with available therapies ranges from 5.0 - 7.5 months.",
    )
    assert results(extraction) == {
        ("mOS", 12.5, None, "months", None, False),
        ("mOS", 5.0, 7.5, "months", None, True),
    }
    comparator = next(r for r in extraction.results if r.comparator)
    assert comparator.cohort is None


def test_control_arm_figure_is_a_comparator():
    extraction = announce(
        TRIAL, "The median overall survival was 12.5 months, compared with 6.0 months in the control arm."
    )
    assert results(extraction) == {
        ("mOS", 12.5, None, "months", None, False),
        ("mOS", 6.0, None, "months", None, True),
    }


def test_median_abbreviated_endpoint_is_a_median():
    extraction = announce(TRIAL, "Median PFS was 8.2 months.")
    assert results(extraction) == {("mPFS", 8.2, None, "months", None, False)}


def test_result_for_a_cohort():
    extraction = announce(TRIAL, "Cohort 5 received 40 mg/kg. The ORR in Cohort 5 was 60%.")
    assert ("ORR", 60.0, None, "%", "5", False) in results(extraction)


def test_results_for_two_cohorts_in_one_sentence():
    extraction = announce(TRIAL, "Median overall survival was 11.9 months for Cohort 1 and 4.9 months for Cohort 2.")
    assert results(extraction) == {
        ("mOS", 11.9, None, "months", "1", False),
        ("mOS", 4.9, None, "months", "2", False),
    }
    assert {c.label for c in extraction.cohorts} == {"1", "2"}


@pytest.mark.parametrize(
    "sentence",
    [
        "One patient had a 48% reduction in tumor burden.",
        "One patient achieved a partial response lasting 14 months.",
        "A single patient had stable disease for 9 months.",
    ],
)
def test_single_patient_anecdote_is_not_a_result(sentence):
    extraction = announce(TRIAL, sentence)
    assert extraction.results == []


def test_response_definition_is_not_a_result():
    extraction = announce(TRIAL, "The protocol defines a partial response as a 50% reduction in tumor size.")
    assert extraction.results == []


# -- zones: disclaimers and contact blocks state no facts ----------------------------------------------


FORWARD_WITH_FIGURES = (
    "Forward-Looking Statements\n\n"
    "This press release contains forward-looking statements. Zelatinib may achieve an ORR of 80% in the Phase 3 "
    "HARBOR-3 trial in patients with osteosarcoma, and the FDA has granted Breakthrough Therapy designation to "
    "ACM-909 for osteosarcoma. Dr. Kim Doe, chief executive officer of Zenith Therapeutics Ltd. (NYSE: ZNTH), said "
    "Cohort 9 received 90 mg/kg."
)
CONTACTS_WITH_FIGURES = (
    "Contacts\n\n"
    "Investor Relations: Sam Poe, chief financial officer of Acme Oncology, Inc.\n"
    "Zelatinib achieved an ORR of 70% in the Phase 3 HARBOR-3 trial in patients with osteosarcoma, said Sam Poe, "
    "chief financial officer of Zenith Therapeutics Ltd. (NYSE: ZNTH). The FDA has granted Orphan Drug Designation "
    "to ACM-909 for osteosarcoma."
)


@pytest.mark.parametrize("section", ["forward_looking", "contacts"])
def test_disclaimer_and_contacts_state_no_facts(section):
    sections = {"forward_looking": FORWARD_WITH_FIGURES, "contacts": CONTACTS_WITH_FIGURES}
    baseline = announce()
    extraction = announce(**{section: sections[section]})
    assert extraction.results == []
    assert extraction.designations == []
    assert extraction.trials == []
    assert extraction.cohorts == []
    assert {p.name for p in extraction.people} == set()
    assert [c.name for c in extraction.companies] == [c.name for c in baseline.companies]
    assert drug_named(extraction, "ACM-909") is None
    zones = set(extraction.zones.values())
    assert section in zones


@pytest.mark.parametrize("section", ["forward_looking", "contacts"])
def test_same_statements_in_the_body_do_state_facts(section):
    """Control for the test above: the figures are extractable, only their zone silences them."""
    text = {"forward_looking": FORWARD_WITH_FIGURES, "contacts": CONTACTS_WITH_FIGURES}[section]
    body = text.split("\n\n", 1)[1].replace("This press release contains forward-looking statements. ", "")
    extraction = announce(body)
    assert extraction.results and extraction.designations and extraction.trials
    assert drug_named(extraction, "ACM-909") is not None


def test_facts_carry_their_evidence():
    extraction = announce(TRIAL, "In the study, zelatinib achieved an ORR of 45%.")
    (result,) = extraction.results
    text = extraction.document.text
    assert text[result.evidence.span.start:result.evidence.span.end] == result.evidence.quote
    assert "ORR of 45%" in result.evidence.quote
    assert result.evidence.extractor == "results.patterns"
    assert extraction.zones[result.evidence.span] == "body"
