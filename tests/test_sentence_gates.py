"""Sentence gates (extractors/sentence_gates.py) must be exact: a stage that skips
the sentences its gate closes gives the same extraction, fact for fact and
evidence for evidence, as the stage run over every sentence; and a gate never
closes on a sentence its stage's patterns match."""
from __future__ import annotations

import dataclasses
import importlib
import random
from pathlib import Path

import pytest

from trialgraph import pipeline
from trialgraph.extractors import cohorts, results
from trialgraph.extractors.sentence_gates import GATES
from trialgraph.ingest import read_document
from trialgraph.normalize import ascii_punct
from trialgraph.segment import segment

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Invented sentences that name a group, state a figure or both, in the phrasings the stages read
INVENTED = [
    "In Cohort 3, the ORR was 45% (9 of 20 patients).",
    "Cohorts 1 through 4 enrolled 40 participants.",
    "The third cohort received ZX-101 at 2 mg/kg.",
    "Arm 2 and Parts B and C completed enrolment; Group A is ongoing.",
    "Patients in the 1.5 mg/kg cohort and the 3 mg/kg and 10 mg/kg arms tolerated ZX-101.",
    "The DLBCL cohort and the FL and MZL cohorts opened at dose level 2.",
    "Dose-Level 4 and the second-line (2L) cohort, the high-dose arm and the colorectal cancer cohort.",
    "A prespecified subgroup of patients with brain metastases (n=17) and the HER2-low subset.",
    "In the intention-to-treat population (patients) the median PFS was 7.2 months.",
    "ARM B AND THE LOW-DOSE GROUP",
    "The 37.5 mCi/m2 fractionated dose was safe.",
    "Forty-five percent of patients responded; ORR was 30-40% (95% CI, 22-51).",
    "The median PFS was 7.1 and 5.2 Months, respectively.",
    "At 24 months, 81% of patients were alive, compared with 69%.",
    "Patients had received a median of three prior lines of therapy.",
    "Seven patients achieved a complete response and 5 a partial response.",
    "There were 4 complete responses and 2 partial responses.",
    "Of the responders, >=50% reduction was seen, defined as a 50% drop, in 12 weeks.",
    "The ORR was 50 (n = 12) % in the pharma-sponsored arm.",
    "Zentrix Bio, a pharmaceutical partner, reported no findings today.",
    "Dr. Mara Okonkwo, Chief Medical Officer of Zentrix Bio, said the participants were dosed.",
]


def _sentences(shared) -> list[str]:
    out = []
    folders = [shared / "corpus" / f for f in ("seeds", "dev", "train", "real")] + [EXAMPLES]
    for folder in folders:
        for path in sorted(folder.glob("*.*")):
            if path.suffix in (".txt", ".md"):
                out += [ascii_punct(s.clean) for s in segment(read_document(path))]
    return out


def _variants(texts: list[str], seed: int = 11) -> list[str]:
    """Case flipped, cut, glued to punctuation and given non-ASCII letters: the gates' edges."""
    rng = random.Random(seed)
    out = []
    for t in texts:
        if not t:
            continue
        out += [t.upper(), t.lower(), t[rng.randrange(len(t)):], "(" + t.replace(" ", "-", 2),
                t.replace("s", "\u017f", 1).replace("k", "\u212a", 1), t.replace(" ", ")", 1)]
    return out


@pytest.fixture(scope="module")
def sentences(shared) -> list[str]:
    texts = _sentences(shared) + INVENTED
    return texts + _variants(texts)


def test_every_gate_is_registered_and_callable():
    for module, name in GATES:
        gate = getattr(importlib.import_module(module), name)
        assert gate("") in (True, False)


def test_the_group_gate_opens_whenever_a_group_pattern_matches(sentences):
    patterns = [cohorts.COHORT_NUMBER, cohorts.ORDINAL_COHORT, cohorts.DOSE_LEVEL, cohorts.DOSE_COHORT,
                cohorts.DOSE_PAIR_COHORTS, cohorts.NAMED_COHORT, cohorts.NAMED_COHORTS, cohorts.LINE_COHORT,
                cohorts.DOSE_WORD_COHORT, cohorts.DISEASE_COHORT, cohorts.SUBGROUP_OF, cohorts.MARKER_SUBGROUP,
                cohorts.POPULATION]
    closed = 0
    for t in sentences:
        if not cohorts.names_group_word(t):
            closed += 1
            assert not any(getattr(p, "_pattern", p).search(t) for p in patterns), t
            assert not cohorts.may_name_group(t) or cohorts.DOSE.search(t), t
    assert closed > len(sentences) // 2  # it does close on most sentences


def test_the_figure_gate_opens_whenever_a_figure_is_read(sentences):
    closed = 0
    for t in sentences:
        masked = results._masked(t)
        assert masked == results._masked_text(t)  # the unmasked shortcut changes nothing
        if not results.may_state_figures(masked):
            closed += 1
            assert not results._values(masked), t
            assert not results._respectively(masked, [], [])[0], t
    assert closed > len(sentences) // 2


def _extract(folder: Path) -> list[str]:
    for module in ("cohorts", "results", "people", "trials", "companies", "drugs"):
        for value in vars(importlib.import_module(f"trialgraph.extractors.{module}")).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()  # both runs start cold: neither reads what the other remembered
    extractions = pipeline.extract_files(pipeline.collect([folder]).files, workers=1).extractions
    return ["\n".join(f"{f.name}={getattr(e, f.name)!r}" for f in dataclasses.fields(e) if f.name != "document")
            for e in extractions]


@pytest.mark.parametrize("folder", ["examples", "seeds", "dev", "real", "heldout_conf", "heldout_rare"])
def test_stages_give_the_same_facts_and_evidence_with_and_without_their_gates(folder, shared, monkeypatch):
    path = EXAMPLES if folder == "examples" else (
        Path(__file__).parent / folder if folder.startswith("heldout") else shared / "corpus" / folder)
    gated = _extract(path)
    for module, name in GATES:
        monkeypatch.setattr(importlib.import_module(module), name, lambda text: True)
    assert _extract(path) == gated


def _extract_text(text: str):
    from trialgraph.extractors import extract
    from trialgraph.model import Document

    return extract(Document("zentrix-2026-03-18", "zentrix-2026-03-18.txt", text))


def test_a_listing_after_a_description_looks_back_past_sentences_without_one():
    # the sentences between name no listing: skipped, the subject is looked up when the listing needs it
    text = ("Korvex Bio is paying Tianhe Biologics $150 million upfront for ZX-101. The payment is due in May. "
            "It closes the year's largest deal. The Boston-area biotech (Nasdaq: KRVX) will also pay milestones.\n")
    listings = {c.name: c.ticker for c in _extract_text(text).companies}
    assert listings["Korvex Bio"] == "KRVX" and listings["Tianhe Biologics"] is None
    later = text.replace("It closes", "Tianhe Biologics runs the trials and closes")
    listings = {c.name: c.ticker for c in _extract_text(later).companies}
    assert listings["Tianhe Biologics"] == "KRVX" and listings["Korvex Bio"] is None


def test_a_grant_naming_no_agency_takes_the_paragraph_s_last_named_one_past_sentences_without_grants():
    text = ("Zentrix Bio Announces Regulatory Update for ZX-101\n\nBOSTON, June 1, 2023 /PRNewswire/ -- "
            "Zentrix Bio, Inc. met the EMA and the FDA in May. The meeting went well. ZX-101 was granted "
            "orphan designation for ulcerative colitis.\n")
    found = {(d.drug, d.type, d.agency) for d in _extract_text(text).designations}
    assert found == {("ZX-101", "orphan_drug", "EMA")}
