"""Labelled groups and their attributes (issue 13), written anew with invented names: groups defined by
who is in them dosed on the study's stated schedule, groups labelled by a dose level, a stage's dose carried
to the cohorts it lists, and named analysis subgroups that carry their own figures."""
from __future__ import annotations

import pytest

from test_extractors import announce, results

STUDY = "ZX-101 is being evaluated in the open-label Phase 1/2 ZENITH-1 study in children with Zentrix syndrome."


@pytest.mark.parametrize("schedule,regimen", [
    ("All cohorts receive the same single dose of ZX-101.", "single"),
    ("ZX-101 is given by a single intravenous infusion.", "single"),
    ("ZX-101 is given intravenously once weekly.", "multiple"),
    ("Participants take daily doses of ZX-101.", "multiple"),
])
def test_a_group_defined_by_who_is_in_it_takes_the_studys_schedule(schedule, regimen):
    ex = announce(STUDY, f"The study enrolls patients into Cohort 1 (ages 6-12) and Cohort 2 (ages 2-5). {schedule}",
                  "In Cohort 1 (n=8), the objective response rate was 25%.")
    cohorts = {c.label: c for c in ex.cohorts}
    assert cohorts["1"].dose is None and cohorts["1"].regimen == regimen
    assert cohorts["2"].regimen == regimen


def test_a_group_without_a_stated_schedule_keeps_no_regimen():
    ex = announce(STUDY, "The study enrolls patients into Cohort 1 (ages 6-12) and Cohort 2 (ages 2-5).",
                  "In Cohort 1 (n=8), the objective response rate was 25%.")
    assert {c.label: c.regimen for c in ex.cohorts} == {"1": None, "2": None}
