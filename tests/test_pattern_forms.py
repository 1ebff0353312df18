"""The faster forms of the costliest patterns (issue 17) find exactly what main's forms found.

Each rewrite only adds a check every match already passes (a word start before a choice of branches that
all opened with one, a space before lookbehinds that all end in one, a capital before PERSON, the element
names' substrings before the radio-element scan), so it must give the same matches, spans and groups:
checked here on the corpus texts and lines, the held-out sets, the examples and invented sentences with
their case-flipped variants.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from trialgraph.extractors import companies, drugs, milestones, people

TESTS = Path(__file__).parent
EXAMPLES = TESTS.parent / "examples"

INVENTED = [
    "Dr. Mara Okonkwo, Chief Medical Officer of Zentrix Bio, said the data were encouraging.",
    "Mara Okonkwo, Zentrix Bio's Chief Executive Officer, will present.",
    "Prof. Dr. Émile Duval-Roux, Head of Clinical Development, Zentrix Bio, and the team agree.",
    "Zentrix's President and CEO Dr. Mara Okonkwo said the first patient was dosed.",
    "Mara Okonkwo is the chief executive officer of Zentrix Bio.",
    "In October, Mara Okonkwo joined Zentrix as Chief Financial Officer.",
    "We welcome Dr. Mara Okonkwo, who joined us in April as CMO; she said that Luis de la Cruz was appointed as CFO.",
    "  * Mara Okonkwo has been named Chief Operating Officer.",
    "The deal with zentrix bio, Inc. closed -- zentrix therapeutics, inc. agreed.",
    "zentrix bio, Inc.",
    "Licensed from orbit pharma ltd. and to nexa biosciences, Ltd. in 2025; by kell therapeutics plc",
    "Zentrix began dosing in the Phase 2 trial; the first patient was dosed and enrollment is now enrolling.",
    "The company initiated the ORBIT study and plans to evaluate ZX-101 in a trial; a pivotal study is also planned.",
    "Zentrix re-initiated the study, started enrolling patients, and moved on to Cohort 3.",
    "lutetium Lu 177 zentrotide and radium Ra 223 dichloride; LEAD-in and Iodine I-131 iobenguane",
]


def _lines() -> list[str]:
    folders = [TESTS.parent.parent / "shared" / "corpus" / f for f in ("seeds", "dev", "train", "real")]
    folders += sorted(TESTS.glob("heldout_*")) + [EXAMPLES]
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            texts.append(text)
            texts.extend(text.splitlines())
    texts += INVENTED + [t.swapcase() for t in INVENTED] + [t.replace("i", "\u0130").replace("s", "\u017f") for t in INVENTED]
    return texts


@pytest.fixture(scope="module")
def lines() -> list[str]:
    found = _lines()
    assert len(found) > 1000, "the corpus beside the repository is missing"
    return found


def _matches(pattern, text: str):
    return [(m.span(), tuple(m.span(i) for i in range(1, len(m.groups()) + 1))) for m in pattern.finditer(text)]


def _main_form(pattern: re.Pattern, *replacements: tuple[str, str]) -> re.Pattern:
    source = pattern.pattern
    for new, old in replacements:
        assert new in source
        source = source.replace(new, old)
    return re.compile(source, pattern.flags)


_UP = (f"(?={people._UP})", "")
_IS_ROLE_ANCHOR = (rf"(?:^[\s*•·-]*|(?<=\s)(?:(?<=[.;]\s)|(?<=\bthat\s)|{people._JOINED_ANCHOR}))",
                   rf"(?:^[\s*•·-]*|(?<=[.;]\s)|(?<=\bthat\s)|{people._JOINED_ANCHOR})")
_LOWER_START = (companies._LOWER_START, "(?:^|(?<=--\\s)|(?<=[.;:]\\s)|" + "|".join(
    rf"(?<=\b{w}\s)" for w in ("with", "by", "from", "and", "of", "to", "for")) + ")")
_MAIN_INITIATION = (
    r"(?<!-)\b(?:begin|began|begun|initiat(?:e|es|ed|ing)|start(?:s|ed|ing)?|commenc(?:e|es|ed|ing)|launch(?:es|ed|ing)?|opened)"
    rf"\s+{milestones._W}{{0,6}}?(?:{milestones._STUDY}|enrol?lment|enrol?ling|dosing|dose\s+escalation)\b"
    r"|\b(?:began|begun|started|initiated|commenced)\s+dosing\b|\bdos(?:ed|ing)\s+(?:of\s+)?(?:the\s+)?first\s+patient"
    r"|\bfirst\s+patient\s+(?:was\s+|has\s+been\s+)?dosed\b|\bmoved\s+on\s+to\s+(?:Cohort|Part|the\s+next|the\s+[\d.]+\s*\S+\s+(?:level|dose))\b"
    r"|\b(?:plans?|intends?|expects?)\s+to\s+(?:run|evaluate|conduct|test)\b(?=[^.;]{0,80}\b(?:study|trial)\b)"
    r"|\b(?:study|trial)\b[^.;]{0,100}?\bis\s+(?:also\s+)?planned\b(?!\s+to)|\bnow\s+enrol?ling\b|\bbegin\s+enrol?ling\b")

CASES = {
    "APPOSITION": lambda: (people.APPOSITION, (_UP,)),
    "OWNER_APPOSITION": lambda: (people.OWNER_APPOSITION, (_UP,)),
    "COMMA_ORG_APPOSITION": lambda: (people.COMMA_ORG_APPOSITION, (_UP,)),
    "APPOSITION_AREAS": lambda: (people.APPOSITION_AREAS, (_UP,)),
    "TITLE_FIRST": lambda: (people.TITLE_FIRST, (_UP,)),
    "IS_ROLE": lambda: (people.IS_ROLE, (_UP, _IS_ROLE_ANCHOR)),
    "LOWER_CASE_NAME_IN_TEXT": lambda: (companies.LOWER_CASE_NAME_IN_TEXT, (_LOWER_START,)),
    "LOWER_CASE_NAME": lambda: (companies.LOWER_CASE_NAME, (_LOWER_START,)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_faster_form_gives_main_forms_matches(name, lines):
    pattern, replacements = CASES[name]()
    main = _main_form(pattern, *replacements)
    assert main.pattern != pattern.pattern
    found = 0
    for text in lines:
        expected = _matches(main, text)
        assert _matches(pattern, text) == expected, text
        found += bool(expected)
    assert found, "no text exercised the pattern"


def test_initiation_event_gives_main_forms_matches(lines):
    pattern = dict(milestones.EVENTS)["initiation"]
    main = re.compile(_MAIN_INITIATION, re.I)
    found = 0
    for text in lines:
        expected = _matches(main, text)
        assert _matches(pattern, text) == expected, text
        found += bool(expected)
    assert found


def test_radio_element_gate_finds_what_the_scan_finds(lines):
    raw = drugs._RADIO_ELEMENT._pattern
    hits = 0
    for text in lines:
        expected = raw.search(text)
        got = drugs._RADIO_ELEMENT.search(text)
        assert (got and got.span()) == (expected and expected.span()), text
        hits += bool(expected)
    assert hits
