"""A release saved from an e-mail or a plain-text feed is hard-wrapped: lines are cut near one
width wherever the width falls, before a capital letter too. A paragraph is the run of its lines."""
from __future__ import annotations

from trialgraph.extractors import extract
from trialgraph.model import Document
from trialgraph.segment import segment

_FILLER = (
    "Zentrix Bio is a clinical-stage biotechnology company focused on small-molecule\n"
    "therapies for rare kidney diseases and has built a pipeline of oral candidates that\n"
    "it develops from discovery through proof of concept in its own laboratories and\n"
    "with academic partners across North America and Europe over several years now.\n"
)

WRAPPED = (
    "Zentrix Bio Announces Fast Track Designation for ZX-101\n\n"
    "DENVER, Colo., May 4, 2026 /PRNewswire/ -- Zentrix Bio, Inc. (Nasdaq: ZTXB), a clinical-stage\n"
    "company, today announced that the U.S. Food and Drug Administration granted ZX-101 Fast\n"
    "Track designation in March 2026 for the treatment of focal segmental glomerulosclerosis.\n\n"
    "\"We are pleased with this decision and look forward to the next steps,\" said Dr. Mara\n"
    "Okonkwo, Ph.D., co-founder of the company and its current President and Chief\n"
    "Executive Officer.\n\n"
    "Trial Update\n"
    "The Phase 2 trial of ZX-101 is enrolling patients at sites in the United States.\n\n"
    "About Zentrix Bio\n" + _FILLER
)


def _doc(text: str) -> Document:
    return Document("zentrix-bio-2026-05-04", "zentrix-bio-2026-05-04.txt", text)


def test_a_line_cut_before_a_capital_runs_on_into_the_next_line():
    ex = extract(_doc(WRAPPED))
    person = next(p for p in ex.people if p.name.endswith("Okonkwo"))
    assert person.name == "Mara Okonkwo"
    assert (person.role or "").endswith("president and chief executive officer")
    designation = next(d for d in ex.designations if d.type == "fast_track")
    assert designation.date == "2026-03"
    assert "glomerulosclerosis" in (designation.indication or "")


def test_a_short_heading_line_and_a_sentence_end_still_close_the_paragraph():
    sentences = segment(_doc(WRAPPED))
    heading = next(s for s in sentences if s.clean.strip() == "Trial Update")
    assert heading.is_heading
    opening = next(s for s in sentences if "Phase 2 trial" in s.clean)
    assert opening.paragraph == heading.paragraph + 1


def test_a_text_laid_out_one_paragraph_per_line_keeps_its_line_breaks():
    long_line = "Zentrix Bio develops oral candidates for rare kidney diseases in its own laboratories " * 3
    text = (
        "Zentrix Bio Names a Chief Medical Officer\n"
        f"DENVER, Colo., May 4, 2026 /PRNewswire/ -- {long_line}\n"
        + "".join(f"{long_line}and partners\nZentrix Bio works with partners in paragraph {i}.\n" for i in range(6))
    )
    sentences = segment(_doc(text))
    starts = [s for s in sentences if s.clean.startswith("Zentrix Bio works with partners")]
    assert len(starts) == 6
    assert all(s.paragraph != t.paragraph for s, t in zip(starts, starts[1:]))
