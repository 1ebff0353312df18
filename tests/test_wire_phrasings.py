"""Phrasings of company wire releases found by the held-out wire set (tests/heldout_wire),
written anew with invented names: plural endpoint nouns in benchmarks, cohort-led
paragraphs and headings, and other constructions the tuning corpora did not show."""
from __future__ import annotations

from test_extractors import announce, results

TRIAL = "The Phase 2 HARBOR trial of ACM-101 enrolled 255 patients with metastatic melanoma."


def test_a_benchmark_in_the_plural_response_rates_is_a_comparator():
    ex = announce(TRIAL, "The objective response rate was 41%.",
                  "For context, dacarbazine has historically produced response rates of approximately 12% in this setting.")
    assert {("ORR", 41, None, "%", None, False), ("ORR", 12, None, "%", None, True)} <= results(ex)


def test_a_benchmark_range_in_the_plural_keeps_both_ends():
    ex = announce(TRIAL, "Single-agent chemotherapy has produced response rates of 10% to 15% in historical trials.")
    assert ("ORR", 10, 15, "%", None, True) in results(ex)


def test_plural_disease_control_rates_name_the_endpoint():
    ex = announce(TRIAL, "Earlier chemotherapy studies reported disease control rates of 35% historically.")
    assert ("DCR", 35, None, "%", None, True) in results(ex)
