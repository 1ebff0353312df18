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


_TABLE_RELEASE = (
    "Zentrix Bio Reports Phase 1b Data for ZX-101\n\n"
    "DENVER, Colo., May 4, 2026 /PRNewswire/ -- Zentrix Bio, Inc. (Nasdaq: ZTXB) today reported data from its "
    "Phase 1b study of ZX-101 in patients with ovarian cancer. Patients received ZX-101 every three weeks.\n\n"
    "{head}\n|---|---|---|---|\n"
    "| {r1} | 5 mg | 12% | 40% |\n"
    "| {r2} | 10 mg | 31% | 66% |\n"
)


def _table_results(head: str, r1: str = "Cohort 1", r2: str = "Cohort 2") -> set[tuple]:
    text = _TABLE_RELEASE.format(head=head, r1=r1, r2=r2)
    ex = extract(_doc(text))
    return {(r.cohort, r.endpoint, r.value) for r in ex.results if not r.comparator}


def test_a_table_whose_rows_open_with_group_labels_gives_each_group_its_figures():
    # the stub's head names no group ("Dose cohort", "Group / dose") but every row opens with a label
    for head in ("| Dose cohort | Dose | ORR | DCR |", "| Group / dose | Dose | ORR | DCR |"):
        assert _table_results(head) >= {("1", "ORR", 12), ("1", "DCR", 40), ("2", "ORR", 31), ("2", "DCR", 66)}
    assert _table_results("| Treatment | Dose | ORR | DCR |", "Arm A", "Arm B") >= {("A", "ORR", 12), ("B", "DCR", 66)}


def test_a_table_whose_rows_are_not_groups_gives_no_cohort_figures():
    rows = _table_results("| Setting | Dose | ORR | DCR |", "Second line", "Third line")
    assert not any(label in {"1", "2"} for label, _, _ in rows)


def test_a_bullet_set_off_by_two_spaces_keeps_its_wrapped_second_line():
    text = (
        "Zentrix Bio Reports Phase 1 Data\n\n"
        "DENVER, Colo., May 4, 2026 /PRNewswire/ -- Zentrix Bio, Inc. (Nasdaq: ZTXB) today reported data from its "
        "Phase 1 study of ZX-101 in ovarian cancer.\n\n"
        "Part B (expansion at 10 mg)\n"
        "In Part B, 40 patients with platinum-resistant disease received ZX-101 at 10 mg every three weeks. Key\n"
        "findings included:\n\n"
        "  \u2022  An overall response rate of 45%, with a\n"
        "     complete response rate of 15%\n"
        "  \u2022  Median duration of response was 8.1 months\n"
    )
    ex = extract(_doc(text))
    found = {(r.cohort, r.endpoint, r.value) for r in ex.results if not r.comparator}
    assert {("B", "CR", 15), ("B", "mDOR", 8.1)} <= found


def test_two_spaces_after_a_full_stop_are_no_cell_break():
    text = (
        "Zentrix Bio Presents Data\n\n"
        "DENVER, Colo., May 4, 2026 /PRNewswire/ -- Zentrix Bio, Inc. (Nasdaq: ZTXB) today presented data from its\n"
        "Phase 1b study of ZX-101 in patients with ovarian cancer whose disease\n"
        "progressed on platinum therapy.  The poster was presented by Dr. Mara Okonkwo,\n"
        "associate professor of gynecologic oncology at Example Cancer Institute.\n"
    )
    person = next(p for p in extract(_doc(text)).people if p.name == "Mara Okonkwo")
    assert (person.role, person.organization) == ("associate professor of gynecologic oncology", "Example Cancer Institute")
    assert len({s.paragraph for s in segment(_doc(text)) if "Okonkwo" in s.clean or "progressed" in s.clean}) == 1


def test_a_successor_who_remains_with_the_company_keeps_the_title_not_the_place():
    text = (
        "Zentrix Bio Names Chief Medical Officer\n\n"
        "DENVER, Colo., May 4, 2026 /PRNewswire/ -- Zentrix Bio, Inc. today named a chief medical officer. "
        "Dr. Mara Okonkwo succeeds John Hollis, who will remain with the company as senior clinical advisor.\n"
    )
    person = next(p for p in extract(_doc(text)).people if p.name == "John Hollis")
    assert person.role == "senior clinical advisor"
