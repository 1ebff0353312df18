"""Answers an analyst reads off the seed and dev releases, checked against
what the texts say (issue 13, item 5): the pipeline of one drug lists each
study once however the releases describe it, each designation appears once
with the date the text states, and dose-response orders cohorts by the
total dose of a cycle."""
from __future__ import annotations

import csv
import io
import shutil

import pytest
from click.testing import CliRunner

from trialgraph.cli import main
from trialgraph.pipeline import build, serialize_trig

DRUG = "CLR 131"


@pytest.fixture(scope="module")
def graph(shared, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds-dev")
    for corpus in ("seeds", "dev"):
        for path in sorted((shared / "corpus" / corpus).glob("*.txt")):
            shutil.copy(path, folder / path.name)
    out = folder.parent / "seeds-dev.trig"
    out.write_bytes(serialize_trig(build(sorted(folder.iterdir()), validate=False).assembly))
    return out


def rows(graph, name, **params):
    args = ["query", name, str(graph), "--format", "csv"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def test_pipeline_lists_each_study_of_the_drug_once(graph):
    trials = [r for r in rows(graph, "pipeline") if r["drug_name"] == DRUG]
    by_phase: dict[str, list[dict]] = {}
    for row in trials:
        by_phase.setdefault(row["phase"], []).append(row)
    # one Phase 2 study, whatever the releases called it ("the Phase 2 study in MM and other
    # hematologic malignancies", "a Phase 2 study in ... B-cell malignancies", CLOVER-1)
    assert [r["trial_name"] for r in by_phase["2"]] == ["CLOVER-1"]
    phase_1 = by_phase["1"]
    assert len({r["trial"] for r in phase_1}) == len(phase_1)
    assert sum(r["trial_name"] == "CLOVER-2" for r in phase_1) == 1
    # the dose-escalation study in myeloma, the head-and-neck study and CLOVER-2 stay apart
    # (a fourth, the earlier Phase 1 in advanced solid tumours, is a study of its own too)
    indications = " | ".join(r["indication"].lower() for r in phase_1)
    assert "multiple myeloma" in indications and "head and neck" in indications
    assert len(phase_1) <= 4


def test_designations_appear_once_with_the_date_the_text_states(graph):
    found = rows(graph, "designations", drug=DRUG)
    keys = [(r["type"], r["agency"], r["indication"].lower()) for r in found]
    assert len(keys) == len(set(keys))
    orphan_myeloma = [r for r in found if r["type"] == "orphan_drug" and r["agency"] == "FDA"
                      and r["indication"].lower() == "multiple myeloma"]
    assert [r["date"] for r in orphan_myeloma] == ["2014-12"]
    # eligibility for a programme and what a designation provides are not grants
    assert {r["type"] for r in found} <= {"orphan_drug", "fast_track", "rare_pediatric_disease"}
    assert all(r["indication"] for r in found)


def test_dose_response_orders_cohorts_by_the_total_dose_of_a_cycle(graph):
    found = rows(graph, "dose-response", drug=DRUG)
    cohorts = {}
    for row in found:
        if row["phase"] == "1" and row["dose"]:
            cohorts.setdefault(row["cohort"], (float(row["dose"]), row["regimen"]))
    assert cohorts["5"] == (31.25, "fractionated")  # two 15.625 mCi/m2 doses one week apart
    doses = [dose for dose, _ in dict.fromkeys(
        (float(r["dose"]), r["regimen"]) for r in found if r["phase"] == "1" and r["dose"])]
    assert doses == sorted(doses)
