"""Cohorts and results on phrasings of real releases, written anew with invented
names (see test_extractors.py for the conventions): labelled arms, analysis
subgroups inside a disease cohort, comparator arms and benchmarks."""
from __future__ import annotations

from test_extractors import announce

TRIAL = "The Phase 2 HARBOR trial of ACM-101 enrolled 255 patients with metastatic melanoma."


def test_a_labelled_arm_is_a_cohort_without_a_dose():
    ex = announce(TRIAL, "Patients were randomly assigned to three study arms: Arm 1: ACM-101 alone.")
    assert "1" in {c.label for c in ex.cohorts}


def test_a_stage_without_a_dose_is_not_a_cohort():
    ex = announce(TRIAL, "Enrollment in Part A is complete.")
    assert "A" not in {c.label for c in ex.cohorts}


def test_a_drug_name_with_a_dose_glued_to_it_is_found():
    from trialgraph.extractors.context import Context
    from trialgraph.model import Document

    ctx = Context.start(Document("d", "d.txt", ""), [])
    ctx.set_drugs({"zelatinib": "zelatinib", "ACM-101": "ACM-101"})
    assert [m.name for m in ctx.drugs_in("zelatinib3.5 mg x 4 weeks (Arm 2; n=24)")] == ["zelatinib"]
    assert ctx.drugs_in("zelatinibum is another word") == []
    assert [m.name for m in ctx.drugs_in("ACM-101 10 mg")] == ["ACM-101"]


def test_an_abbreviation_after_an_endpoint_phrase_takes_the_phrase_median_included():
    from test_extractors import results

    ex = announce(TRIAL, "In this population, the median duration of response (DOR) was 3.8 months.")
    assert ("mDOR", 3.8, None, "months", None, False) in results(ex)


def test_the_rate_of_complete_or_partial_response_is_the_response_rate():
    from test_extractors import results

    ex = announce(TRIAL, "For comparison, the rate of complete or partial response to available treatments is as low "
                         "as 2% to 4%.")
    assert ("ORR", 2, 4, "%", None, True) in results(ex)
