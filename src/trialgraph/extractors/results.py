"""Efficacy results: an endpoint, a value or range with its unit, the cohort or
trial it belongs to, and whether it is a comparator figure quoted for contrast.
Figures about single patients and definitions of response are not results."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from .. import lexicons
from ..model import CohortFact, Evidence, ResultFact, Sentence
from .cohorts import DOSE, NOT_POPULATION, CohortMention, apply_stated_dose, cohort_mentions, number, study_regimens, trial_for
from ..normalize import ascii_punct
from .context import Context, name_key
from .literals import has_word
from .memo import per_text, per_text_value
from .prefilter import GateGroup, gate
from .text import names_disease
from .trials import normalize_phase, prior_therapy

NAME = "results.patterns"
TABLE = "results.table"

NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# A unit may carry a footnote marker glued to it ("9-12 months6", "30-40%5"): the word
# ends where the letters end.
# "\d(?<!\d\d)" is "(?<!\d)\d" with the digit first: the regex engine skips to digits instead of trying every position.
VALUE = re.compile(
    r"(?P<v>\d(?<!\d\d)\d*(?:\.\d+)?)(?:\s*%?\s*(?:-|to)\s*(?P<v2>\d+(?:\.\d+)?))?(?:\s*|-)(?P<unit>%|percent\b|per cent\b|(?:months?|weeks?|days?|years?)(?![^\W\d_]))"
)
LINK = re.compile(
    r"^(?:\s*(?:\([^)]*\)|,))*\s*(?:\S+\s+){0,16}?(?:was|were|is|are|of|at|reached|has reached|stands at|stood at|came to|"
    r"averaged|reaching|rose to|increased to|improved to|climbed to|jumped to|deepened to|grew to|remained|remains|ranges from|ranged from|range of|as low as|"
    r"of only|totaled|totalled|showed|achieved|demonstrated|to date|:|=|(?:has|have|had)\s+(?:[a-z]+ly\s+)?been|currently stands at|"
    r"of approximately|approximately|only|measured|observed|exceeded|exceeds|surpassed|surpasses|"
    # the passive with its population: "complete responses were achieved in 50% of patients"
    r"(?:achieved|observed|seen|reported|noted)\s+in)\s*(?:at\s+|of\s+|approximately\s+|only\s+|a\s+|an\s+|"
    # a qualifier, dropped with the figure kept (GUIDE.md): "response rates below 2%", "has been about 1.9 months"
    r"(?:about|around|roughly|nearly|almost|just|below|under|above|over|(?:less|fewer|more)\s+than|at\s+least|up\s+to)\s+)*$"
    r"|^\s*(?:below|under|above|over|(?:less|fewer|more)\s+than|at\s+least|up\s+to)\s+$",
    re.I,
)
# Words that make a figure one quoted for comparison, when they stand in the figure's own
# stretch of the sentence (from the figure before it): historic benchmarks, the standard of
# care, the control or placebo arm. "placebo-controlled" describes the trial, not a figure.
COMPARATOR = re.compile(
    r"for (?:comparison|context|reference)|(?:by|in) comparison\b|historic(?:al)?|(?<!exhausted )(?:currently available|available|existing|current) (?:treatments|therapies|options|drugs|medicines)|"
    r"\bstandard(?:[- ]of[- ]care|(?: [\w-]+){0,2} (?:chemotherapy|therapy|therapies|treatments?|regimens?))|\bSoC\b|"
    r"approved (?:\w+ )?(?:line )?therapies|published (?:[\w-]+ ){0,2}?(?:experience|data|literature|series|studies|reports|results|rates?)\b|"
    r"benchmark|in (?:separate|prior|previous|earlier|past|other) (?:trials|studies)",
    re.I,
)
# The control or placebo arm names a figure's group only within its clause: "in the trial of
# X versus placebo, the response rate was 45%" is X's figure.
CONTROL_ARM = re.compile(
    r"(?:\b(?:control|comparison|comparator) (?:arm|group|cohort|patients)|\b(?:in|on|for|with|receiving) (?:the )?control\b|\bplacebo\b(?![- ]controlled))(?=[^,;]*$)",
    re.I)
# "In the docetaxel control arm of a similar trial, median PFS was 5 months": a sentence opening on the control arm
# is about it up to its first figure, past the comma that closes the opening phrase
CONTROL_ARM_OPENING = re.compile(
    r"^\W*(?:In|For|Among|Across)\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?(?:control|placebo|comparator)\s+(?:arms?|groups?|cohorts?)\b",
    re.I)
# "versus", "compared with": the figure after them is the comparison's other side, when it
# follows within the same clause ("28.8 months versus only 12.5 months"); "compared to
# placebo, X achieved ..." sets a trial's design, not a figure.
CONTRAST = re.compile(
    r"\b(?:versus|vs\.?|compared? (?:with|to)(?! (?:prior|previous|earlier|other|the first|baseline|interim))|"
    r"compares? (?:\w+ )?(?:with|to)|relative to|as opposed to|against(?=\s+(?:only\s+|just\s+)?$))(?=[^,;:]{0,60}$)",
    re.I,
)
# What follows a figure and says whose it is: "12.5 months in the control group", "3.1 months
# for placebo", "20% historically reported".
COMPARATOR_TAIL = re.compile(
    r"^[^.;,]{0,30}?\b(?:(?:in|for|with|on|among|of|from)\s+(?:the\s+|a\s+|an\s+)?(?:patients\s+(?:receiving|treated with|on|given)\s+)?"
    r"(?:placebo|control|comparator|standard|SoC\b|historical|chemotherapy)|historically|previously reported|reported (?:for|with|in))",
    re.I,
)
SINGLE_PATIENT = re.compile(r"\b(?:one|a|single|1) (?:patient|subject|participant)\b|\bone of (?:the|them|these)\b", re.I)
PRIOR_LINES = re.compile(
    # "a median of two prior systemic therapies": the kind of therapy may qualify the noun
    # ("a median of five earlier treatments": a rewrite's plain words for the prior lines)
    rf"\b(?:an?\s+)?(?P<stat>average|mean|median)\s+(?:number\s+)?of\s+(?P<v>{NUM})\s+(?:prior|previous|earlier)\s+(?:(?:systemic|anti-?cancer|cancer)\s+)?"
    rf"(?:lines?(?:\s+of\s+(?:therapy|treatment))?|treatments?|therapies|regimens)"
    # "who had failed (on) a median (of) three lines of therapy": the verb says the lines came before
    rf"|\b(?:failed|failing|progressed\s+(?:on|after)|relapsed\s+after|exhausted)\s+(?:on\s+)?(?:an?\s+)?(?:average|mean|median)\s+(?:of\s+)?"
    rf"(?P<v3>{NUM})\s+(?:prior\s+|previous\s+)?(?:lines?\b|regimens\b|therapies\b|treatments\b)"
    # "the median number of prior lines of CLL therapy was two", "... of prior systemic therapies was 2"
    rf"|\b(?:average|mean|median)\s+number\s+of\s+prior\s+(?:lines?(?:\s+of\s+(?:[\w/-]+\s+){{0,2}}?(?:therapy|treatment))?"
    rf"|(?:systemic\s+|anticancer\s+|anti-cancer\s+)?(?:treatments?|therapies|regimens))"
    rf"\s+(?:was|were|is)\s+(?P<v2>{NUM})\b",
    re.I,
)
# "six had stable disease or better": disease control counted, not stable disease
_OR_BETTER = r"(?!\s+or\s+(?:better|(?:an?\s+)?(?:partial\s+|complete\s+|objective\s+)?response))"
COUNT = re.compile(
    rf"\b(?:(?:each|all)\s+of\s+the\s+|all\s+)?(?<![\w-])(?P<n>{NUM})\s+(?:of\s+(?:the\s+)?{NUM}\s+(?:(?:response-|efficacy-)?evaluable\s+)?)?(?:patients?\s+)?(?:(?:treated|enrolled|evaluable)\s+(?:in\s+\w+\s+\d+\s+)?)?(?:achieved|had|experienced|showed|reached|achieving|having|experiencing|showing|reaching)\s+(?:a\s+|an\s+)?(?:(?:un)?confirmed\s+)?(?P<ep>stable disease{_OR_BETTER}|complete responses?|partial responses?|very good partial responses?|minimal responses?"
    # "10 patients achieved a response", "7 of 15 evaluable patients had a confirmed partial response": responders
    # counted, no rate given
    r"|(?:objective\s+|overall\s+)?responses?\b(?!\s+rate))",
    re.I,
)
_COUNT_ELLIPSIS = re.compile(rf",?\s+and\s+(?P<n>{NUM})\s+(?:patients?\s+)?(?:a\s+|an\s+)?(?P<ep>stable disease|complete responses?|"
                             r"partial responses?|very good partial responses?|minimal responses?)\b", re.I)
COUNT_LIST = re.compile(rf"(?<![\d.])\b(?P<n>{NUM})\s+(?:confirmed\s+)?(?P<ep>stringent complete responses|complete responses|very good partial responses|partial responses|minimal responses)\b", re.I)
# "Partial responses were observed in 4 of 12 patients": responders counted in the passive, no rate given
COUNT_PASSIVE = re.compile(
    rf"\b(?:(?:un)?confirmed\s+)?(?P<ep>complete responses|partial responses|very good partial responses|minimal responses|"
    rf"(?:objective\s+|overall\s+)?responses)\s+(?:were|have\s+been)\s+(?:observed|seen|reported|achieved|confirmed)\s+in\s+"
    rf"(?P<n>{NUM})\s+(?:of|out\s+of)\s+(?:the\s+)?{NUM}\s+(?:[\w-]+\s+)?(?:patients|participants|subjects)\b", re.I)
DEFINED = re.compile(r",\s*defined as [^,]+,", re.I)
CI = re.compile(r"\((?:[^()]*\b(?:range|CI|confidence interval|interquartile)\b[^()]*)\)", re.I)
# Most sentences hold none of these words: skip their scans (prefilter.py).
VALUE, LINK, COMPARATOR, CONTROL_ARM, CONTROL_ARM_OPENING, CONTRAST, COMPARATOR_TAIL, SINGLE_PATIENT, PRIOR_LINES, COUNT, COUNT_LIST, DEFINED, CI = map(
    gate, (VALUE, LINK, COMPARATOR, CONTROL_ARM, CONTROL_ARM_OPENING, CONTRAST, COMPARATOR_TAIL, SINGLE_PATIENT, PRIOR_LINES, COUNT, COUNT_LIST, DEFINED, CI))
COUNT_PASSIVE = gate(COUNT_PASSIVE)


@lru_cache(maxsize=None)
def _endpoints() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((gate(pattern), code) for pattern, code in lexicons.endpoints())


@lru_cache(maxsize=None)
def _any_endpoint() -> GateGroup:
    """One test for the whole lexicon: many sentences name no endpoint."""
    return GateGroup(pattern for pattern, _ in _endpoints())


# Responses FACTS.md does not list, though they contain a listed one's words: pathologic
# (surgical specimen), metabolic (PET), cytogenetic and molecular responses.
NOT_ENDPOINT = gate(re.compile(
    r"\b(?:(?:patholog(?:ic|ical)|metabolic|cytogenetic|molecular)\s+(?:complete|partial|major)?\s*(?:response|remission)s?(?:\s+rate)?"
    r"(?:\s*\((?:pCR|MPR|CMR|CCyR|MMR)\))?|pCR|MPR|CMR|CCyR|MMR"
    # outside oncology a remission is a measure's or symptoms' ("partial or complete remission of proteinuria",
    # "clinical remission" in colitis), not a tumour response
    r"|(?:(?:partial|complete)\s+(?:or\s+(?:partial|complete)\s+)?)?remissions?\s+of\s+(?:proteinuria|albuminuria|symptoms|depressi\w+|(?:[\w-]+\s+)?disease activity)"
    r"|(?:clinical|endoscopic|histolog(?:ic|ical)|(?:cortico)?steroid-free|symptomatic|mucosal|renal|proteinuria)\s+remissions?(?:\s+rates?)?)\b", re.I))


def endpoint_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if not _any_endpoint().possible(text):
        return spans
    excluded = [(m.start(), m.end()) for m in NOT_ENDPOINT.finditer(text)]
    for pattern, code in _endpoints():
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in excluded):
                continue
            if any(s <= match.start() < e or match.start() <= s < match.end() for s, e, _ in spans):
                continue
            spans.append((match.start(), match.end(), code))
    spans.sort()
    # "the median duration of response (DOR) was 3.8 months": the abbreviation in parentheses
    # is the phrase before it, which says more ("median"); it names no endpoint of its own
    return [span for index, span in enumerate(spans) if not (index and _glosses_endpoint_before(text, spans, index))]


def _glosses_endpoint_before(text: str, spans: list[tuple[int, int, str]], index: int) -> bool:
    """A parenthesis right after an endpoint that spells it out or defines it, without a figure: "(DOR)",
    "overall response rate (partial response or better) was 66%", "ORR (CR + PR)"."""
    opening = text.rfind("(", 0, spans[index][0])
    if opening < 0 or ")" in text[opening:spans[index][0]]:
        return False
    before = [span for span in spans[:index] if span[1] <= opening]
    if not before or not re.fullmatch(r"\s*", text[before[-1][1]:opening]):
        return False
    closing = text.find(")", spans[index][1])
    return 0 <= closing - opening <= 60 and not re.search(r"\d", text[opening:closing])


def _unit(raw: str, endpoint: str) -> str | None:
    raw = raw.lower()
    if raw in ("%", "percent", "per cent"):
        return "%"
    if raw.startswith("month"):
        return "months"
    if raw.startswith("week"):
        return "weeks"
    if raw.startswith("day"):
        return "days"
    if raw.startswith("year"):
        return None  # years are ages and follow-up here, never an endpoint unit of FACTS.md
    return None


RATE_ENDPOINTS = {"ORR", "CR", "VGPR", "PR", "MR", "SD", "PD", "DCR", "CBR"}


def _compatible(endpoint: str, unit: str) -> bool:
    if unit == "%":
        return endpoint in RATE_ENDPOINTS or endpoint in ("OS", "PFS")
    return endpoint not in RATE_ENDPOINTS


_DEFINES = re.compile(r"d(?<!\wd)efines?\b")  # "\bdefines?\b", opening with its letter: a fast scan for "d"


def extract_results(ctx: Context) -> None:
    results: list[ResultFact] = []
    subgroups: dict[str, str] = {}  # label -> "subgroup" or "disease subgroup"
    previous: tuple[int, list[CohortMention]] | None = None  # (paragraph, cohort mentions) of the sentence before
    for sentence in ctx.fact_sentences():
        text = _masked(ctx.text(sentence))
        if _DEFINES.search(text):
            continue
        if not may_state_figures(text):
            # no figure here: the sentence only names groups a next "in that group" may point back to,
            # worked out if one does
            previous = (sentence.paragraph, _Later(ctx, sentence, text, previous))
            continue
        mentions = _group_mentions(ctx, sentence, text, previous)
        previous = (sentence.paragraph, mentions)
        figures, labels = _values(text), {}
        opening = _paragraph_opening(ctx, sentence) if figures else None
        if "respectively" in text:
            figures, labels = _respectively(text, figures, mentions)
        own_drug = None  # the drug of the sentence's last own figure: the one a comparator figure after it is set against
        lead = _opening_subgroup(text) if figures and not mentions else None
        for start, end, endpoint, value, high, unit in figures:
            if SINGLE_PATIENT.search(text[max(0, start - 80):start]) and unit != "%":
                continue
            if SINGLE_PATIENT.search(text[max(0, start - 40):start]):
                continue
            comparator = _is_comparator(ctx, text, start, end) or bool(
                opening and ":" in opening and _control_row(ctx, opening, len(opening)))
            if not comparator and endpoint in ("OS", "PFS") and unit == "%" and _PROGNOSIS.search(text[max(0, start - 60):start]):
                continue  # "five-year overall survival is below 10%": the disease's prognosis, not a result
            own = [labels[start]] if start in labels else mentions
            result = _result(ctx, sentence, text, own, start, end, endpoint, value, high, unit, comparator, subgroups, own_drug)
            if result is not None and lead is not None and result.cohort is None and not comparator and lead.end <= start:
                # "In treatment-naive patients (n=58), the ORR was 83%, with a complete response rate of 12%": the group
                # the sentence opens on is every later figure's that names no group of its own
                result = replace(result, cohort=lead.label, population=lead.label)
                subgroups[lead.label] = lead.kind
            if result is not None and not comparator:
                own_drug = result.drug
            results.append(result)
    results = _several_subgroups([r for r in results if r is not None], subgroups)
    results.extend(_table_results(ctx))
    results = _one_label_per_group(_in_cohort_sections(ctx, _in_disease_sections(ctx, results)))
    results = _dose_words_as_doses(ctx, results)
    ctx.extraction.results = _dedupe(results)
    _add_population_cohorts(ctx)
    apply_stated_dose(ctx)


def _group_mentions(ctx: Context, sentence: Sentence, text: str, previous) -> list[CohortMention]:
    """The groups a sentence's figures may belong to: those it names, the one "in that group" points back
    to (`previous`: the paragraph and mentions of the sentence before), or a dose named by its rank."""
    # "45% in the ACM-101 arm": a controlled trial's treatment arm, not a labelled cohort
    mentions = [m for m in cohort_mentions(text) if not (m.kind in ("named", "population") and ctx.names_treatment(m.label))]
    if not mentions and previous and previous[0] == sentence.paragraph:
        anaphor = _THAT_GROUP.search(text)
        earlier = previous[1].mentions() if anaphor and isinstance(previous[1], _Later) else previous[1]
        if anaphor and earlier:  # "Part A enrolled 26 patients. In that group, the ORR was 23%": the group just named
            group = "group" if anaphor.group("group") else "they"
            mentions = [replace(earlier[-1], start=anaphor.start(group), end=anaphor.end(group))]
    if not mentions:
        mentions = _ranked_doses(ctx, text)
    return mentions


class _Later:
    """The group mentions of a sentence the loop skipped, worked out when a next sentence asks for them."""

    __slots__ = ("_args", "_mentions")

    def __init__(self, ctx: Context, sentence: Sentence, text: str, previous) -> None:
        self._args = (ctx, sentence, text, previous)
        self._mentions: list[CohortMention] | None = None

    def mentions(self) -> list[CohortMention]:
        if self._mentions is None:
            self._mentions = _group_mentions(*self._args)
            self._args = None
        return self._mentions


def may_state_figures(text: str) -> bool:
    """Sentence gate of `extract_results` (the masked text): False when the sentence can give no figure,
    so the loop skips it. A figure comes from `_values` (VALUE, "alive" for _SHARE_ALIVE, PRIOR_LINES,
    COUNT, COUNT_LIST, COUNT_PASSIVE) or `_respectively` (its _FIGURE_LIST needs "respectively" after it); every other
    step needs a figure. A pattern added to `_values` must be added here (tests/test_sentence_gates.py)."""
    return bool("respectively" in text or "alive" in text or VALUE.search(text) or PRIOR_LINES.possible(text)
                or COUNT.possible(text) or COUNT_LIST.possible(text) or COUNT_PASSIVE.possible(text))


# A heading run into its first sentence, as pasted pages keep them: "Mantle Cell Lymphoma ** As of ..."
_INLINE_HEADING = re.compile(r"^\W*(?P<heading>[A-Z][^.:]{3,120}?)(?:\s*\*\*\s+|\s+\*\*)[A-Z]")
# A heading naming the population its section reports on: "ZX-101 Data in Previously Treated
# Patients", "Results in Treatment-Naive Patients", "Efficacy among Adults"
_POPULATION_HEADING = re.compile(
    r"^(?:(?:[\w/+-]+\s+){0,3}?(?:Data|Results|Efficacy|Outcomes|Findings)\s+)?(?:in|among)\s+(?:the\s+)?"
    r"(?P<group>.+?)(?:\s+(?:[Pp]atients|[Pp]articipants|[Ss]ubjects|[Pp]opulation|[Cc]ohort))?$")


def _in_disease_sections(ctx: Context, results: list[ResultFact]) -> list[ResultFact]:
    """A release that reports one trial disease by disease, under a heading per disease
    ("Mantle Cell Lymphoma", "Richter Transformation"), reports each section's figures for
    that disease's cohort, labelled as the release abbreviates it (MCL, RT)."""
    if not results:
        return results  # most releases state no figure: no section to read
    sections = _disease_sections(ctx)
    if len(set(sections.values())) < 2:
        return results
    out = []
    for result in results:
        label = sections.get(result.evidence.span.start)
        if label and not result.comparator:
            if result.cohort is None:
                result = replace(result, cohort=label)
            elif result.cohort.startswith(_PRIOR_LABELS):
                # a prior-therapy subset of the section's disease cohort: "WM with prior ..."
                result = replace(result, cohort=f"{label} {result.cohort}", population=f"{label} {result.cohort}")
        out.append(result)
    return out


# A group's label leading its own block: a heading "Cohort A (n=44 evaluable):" over a list of
# findings, or a paragraph opened by "Arm 2 (n=18): ..." or "Cohort 1 - ...".
_COHORT_LEAD = re.compile(
    r"^[\s*#_\-\u2022]*(?P<lead>(?:[Cc]ohort|[Aa]rm|[Pp]art|[Gg]roup|[Dd]ose [Ll]evel)\s+[A-Z0-9]{1,3}[a-z]?|DL-?\d{1,2})\b"
    r"\s*(?:\([^()]*\)\s*)?(?:[:\u2013\u2014]|-\s|$)")


# "In Part A, which tested X alone, 18 patients were evaluable; "At dose level 5, ..." in news. ... the disease control rate was 67%": a paragraph
# that opens on a group, its count in parentheses or not ("In Cohort B (n=25 evaluable), ..."), tells whose figures
# its later sentences give
# The group may also be the opening sentence's subject, said to be what the paragraph reports on: "Cohort A (n=41)
# evaluated X at 2.4 mg/kg. ... the ORR was 32%".
_PARAGRAPH_LEAD = re.compile(
    r"^\W*(?:(?:In|Among|For|At)\s+(?:the\s+)?(?P<lead>(?:[Cc]ohort|[Aa]rm|[Pp]art|[Gg]roup|[Dd]ose [Ll]evel)\s+[A-Z0-9]{1,3}[a-z]?)\b\s*(?:\([^()]*\)\s*)?,"
    r"|(?:The\s+)?(?P<subject>(?:[Cc]ohort|[Aa]rm|[Pp]art|[Gg]roup|[Dd]ose [Ll]evel)\s+[A-Z0-9]{1,3}[a-z]?)\b\s*(?:\([^()]*\)\s*)?"
    r"(?:evaluated|enrolled|included|tested|studied|explored|investigated|assessed|comprised|consisted\s+of|treated)\b"
    # "Of the 22 evaluable patients treated in Part B at the recommended dose, six had ...": the group its patients were in
    r"|(?:Of|Among|In)\s+(?:the\s+)?\d+\s+(?:[\w-]+\s+){0,3}?(?:patients|participants|subjects)\s+(?:treated|enrolled|dosed)\s+in\s+(?:the\s+)?"
    r"(?P<counted>(?:[Cc]ohort|[Aa]rm|[Pp]art|[Gg]roup|[Dd]ose [Ll]evel)\s+[A-Z0-9]{1,3}[a-z]?)\b)")
# a sentence about more than the paragraph's group: "across both parts", "in all patients", "overall"
_BEYOND_GROUP = re.compile(r"\b(?:both|either|all|each|every|overall|across|pooled|combined|total)\b", re.I)
_LIST_LEAD_IN = re.compile(r":\s*$")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf]|\d+[.)])\s")


def _in_cohort_sections(ctx: Context, results: list[ResultFact]) -> list[ResultFact]:
    """Figures under a group's label: a heading that is only the label scopes the sentences up to
    the next heading; a paragraph that opens with the label and a colon, or with "In <label>,", scopes that
    paragraph (its sentences about more than the group aside). Figures there that name no group of their own are that group's."""
    if not results:
        return results
    scope: dict[int, str] = {}
    known = {c.label for c in ctx.extraction.cohorts}
    list_label = None
    heading_label, under_heading = None, 0
    paragraph, paragraph_label, lead_label = None, None, None
    for sentence in ctx.sentences:
        if sentence.zone.value != "body":
            heading_label = paragraph_label = lead_label = list_label = None
            continue
        lead = _COHORT_LEAD.match(sentence.text)
        label = None
        if lead:
            mentions = cohort_mentions(lead.group("lead"))
            label = mentions[0].label if mentions else None
        if sentence.is_heading or (sentence.paragraph != paragraph and _LIST_LEAD_IN.search(sentence.text)
                                   and not _BULLET.match(sentence.text)):
            if not label:  # "Key efficacy findings in Part B (n=47):" over a list: the one group it names is the items'
                named = {m.label for m in cohort_mentions(sentence.text) if m.kind in (*_OWN_ARM_KINDS, "arm")}
                label = named.pop() if len(named) == 1 else None
            heading_label, under_heading = label, 0
            if not sentence.is_heading:
                paragraph, paragraph_label, lead_label = sentence.paragraph, None, None
        elif sentence.paragraph != paragraph:
            opening = None if label else _PARAGRAPH_LEAD.match(sentence.text)
            paragraph, paragraph_label = sentence.paragraph, label
            mentions = cohort_mentions(opening.group("lead") or opening.group("subject") or opening.group("counted")) if opening else []
            lead_label = mentions[0].label if mentions else None
            # a heading's block is its first paragraph and the list items that follow it
            under_heading += 1
            if under_heading > 1 and not _BULLET.match(sentence.text):
                heading_label = None
        if not _BULLET.match(sentence.text):
            list_label = _list_lead_label(ctx, sentence, known) if sentence.text.rstrip().endswith(":") else None
        current = paragraph_label or heading_label or list_label
        if not current and lead_label and not _BEYOND_GROUP.search(sentence.text):
            current = lead_label
        if current:
            scope[sentence.span.start] = current
    if not scope:
        return results
    return [replace(r, cohort=scope[r.evidence.span.start])
            if r.cohort is None and not r.comparator and r.evidence.span.start in scope else r
            for r in results]


# "Among these patients, X achieved:": the lead-in points back to the group the sentence before named
_POINTS_BACK = re.compile(r"\b(?:these|those)\s+(?:patients|participants|subjects)\b|\bth(?:is|at)\s+(?:cohort|group|arm|population)\b", re.I)


def _list_lead_label(ctx: Context, sentence: Sentence, known: set[str]) -> str | None:
    """The one known group a list's lead-in ("In the FL cohort, X achieved:") names, or the one the
    sentence before names when the lead-in points back to it ("Among these patients, X achieved:")."""
    labels = {m.label for m in cohort_mentions(ctx.text(sentence)) if m.label in known}
    if not labels and _POINTS_BACK.search(sentence.text) and sentence.index > 0:
        before = ctx.sentences[sentence.index - 1]
        labels = {m.label for m in cohort_mentions(ctx.text(before)) if m.label in known}
    return labels.pop() if len(labels) == 1 else None


def _disease_sections(ctx: Context) -> dict[int, str]:
    """Sentence start -> the disease heading it stands under."""
    short_of = {long.lower(): short for short, long in ctx.abbreviations().items()}
    current: str | None = None
    found: dict[int, str] = {}
    for sentence in ctx.sentences:
        if sentence.zone.value not in ("body",):
            current = None
            continue
        heading = None
        if sentence.is_heading and len(sentence.text.split()) <= 8:
            heading = sentence.text.strip(" #*_:")
        else:
            inline = _INLINE_HEADING.match(sentence.text)
            if inline:
                heading = inline.group("heading")
        if heading is not None:
            heading = re.sub(r"\s+(?=-)", "", " ".join(heading.replace("*", " ").split()))
            population = _POPULATION_HEADING.match(heading)
            lead = _COHORT_LEAD.match(heading)
            if lead:
                # "Cohort B1 (NSCLC, n=41)": a labelled group's heading, its disease an aside; the group is its label
                mentions = cohort_mentions(lead.group("lead"))
                current = mentions[0].label if mentions else None
            elif population and not _NOT_GROUP.search(population.group("group")):
                current = folded(_short_label(population.group("group"), short_of, ctx.document.text))
            elif ctx.drugs_in(ascii_punct(heading)):
                current = None  # "ZX-3 in colorectal cancer": a programme's heading over its news, not a group of patients
            else:
                label = _short_label(heading, short_of, ctx.document.text)
                current = label if names_disease(heading) or label != heading else None
        if current:
            found[sentence.span.start] = current
    return found


def _short_label(heading: str, short_of: dict[str, str], text: str) -> str:
    """The heading as the release abbreviates it: a defined short form, or the initials of
    its words when the release writes them ("Mantle Cell Lymphoma" -> MCL)."""
    shorts = []
    for part in (p.strip() for p in heading.split("/")):
        short = short_of.get(part.lower())
        if short is None:
            initials = "".join(word[0] for word in re.findall(r"[^\W\d_][\w'-]*", part)).upper()
            if len(initials) >= 2 and has_word(initials, text):
                short = initials
        shorts.append(short)
    return "/".join(shorts) if all(shorts) else heading


# A threshold that defines a group, not a figure it reached: "PD-L1 expression of 50% or greater",
# "TPS >=1%", "adverse events (>25%)"
THRESHOLD = gate(re.compile(
    r"(?:[\u2265\u2264]|[<>]=?)\s*\d+(?:\.\d+)?\s*%|\b\d+(?:\.\d+)?\s*%\s+or\s+(?:greater|higher|more|above|less|lower|below)\b", re.I))


_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# "Sixty-eight percent responded": news style spells out a number that opens a sentence
SPELLED_PERCENT = re.compile(
    r"\b(?P<number>(?P<tens>" + "|".join(_TENS) + r")(?:-(?P<unit>" + "|".join(_UNITS[1:]) + r"))?|(?P<teen>"
    + "|".join(_TEENS) + r"))(?=\s+percent\b)", re.I)


def _spelled_percent(match: re.Match) -> str:
    if match.group("teen"):
        value = _TEENS[match.group("teen").lower()]
    else:
        value = _TENS[match.group("tens").lower()] + (_UNITS.index(match.group("unit").lower()) if match.group("unit") else 0)
    return str(value).ljust(len(match.group(0)))  # the same length: offsets stay the release's


def _masked(text: str) -> str:
    """The text with thresholds, definitions, intervals and group sizes blanked and spelled percentages
    written as figures (offsets kept). Most sentences hold nothing to mask: they are returned as they are."""
    if ("ercent" in text or "=" in text or THRESHOLD.possible(text) or DEFINED.possible(text)
            or CI.possible(text)):  # the masks below need one of these (the last `re.sub` an "=")
        return _masked_text(text)
    return text


@per_text_value
def _masked_text(text: str) -> str:
    if "ercent" in text:
        text = SPELLED_PERCENT.sub(_spelled_percent, text)
    text = THRESHOLD.sub(lambda m: " " * len(m.group(0)), text)
    text = DEFINED.sub(lambda m: " " * len(m.group(0)), text)
    text = CI.sub(lambda m: " " * len(m.group(0)), text)
    return re.sub(r"\(n\s*=\s*\d+\)|\bn\s*=\s*\d+", lambda m: " " * len(m.group(0)), text)


# After a benchmark figure, the next one continues the list ("an ORR of 30-40%, a CR rate of
# 10-17%, and a median DOR of 9-12 months") or starts the sponsor's own clause (", the ORR of
# 41% is ..."): only a list continues the benchmark.
# ("10% to 14% in this population, and a median PFS of 4 months": the setting said once for the list)
_LIST_GO_ON = re.compile(r"\S{0,3}(?:\s+(?:in|among|for)\s+(?:this|these|that|such|the)\s+[\w-]+(?:\s+[\w-]+)?)?"
                         r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:(?:a|an)\s|(?<=and )|(?<=or ))", re.I)


def _benchmark_cue(ctx: Context, text: str, start: int) -> bool:
    """A benchmark word ("historical", "standard of care", "for comparison") before the figure,
    with nothing between them that makes the figure the sponsor's: its drug ("in patients
    who failed standard chemotherapy, ACM-101 achieved ...") or a new clause after a figure."""
    window_start = max(0, start - 240)
    cue = None
    for cue in COMPARATOR.finditer(text, window_start, start):
        pass
    if cue is None:
        return False
    between = text[cue.end():start]
    main = ctx.main_drug()
    if any(m.name == main for m in ctx.drugs_in(between)):
        return False
    if re.search(r"\b(?:while|whereas|but|however|in contrast|by contrast)\b", between, re.I):
        return False
    for figure in VALUE.finditer(between):
        if not _LIST_GO_ON.match(between, figure.end()):
            return False
    return True


_PROGNOSIS = re.compile(r"\b(?:is|are|remains?)\s+(?:at\s+|only\s+|just\s+|about\s+|approximately\s+|below\s+|under\s+|less than\s+|around\s+)*$", re.I)


_EARLIER_LOOK = re.compile(
    r"[^.;,]{0,20}?\b(?:in|at|from|as of)\s+(?:the\s+)?(?:prior|previous|earlier|interim|last|primary|first)\s+"
    r"(?:data|analysis|analyses|cut|cutoff|update|readout|report)", re.I)


# "docetaxel alone has produced response rates of about 10%": another drug given on its own is
# the benchmark the sponsor's drug is set against, when it is the subject of the figure's clause
_ALONE_SUBJECT = re.compile(r"\s+(?:alone|monotherapy)\b(?=[^.;,]*$)", re.I)


# "single-agent chemotherapy such as paclitaxel typically yields response rates of 10%": the same, said before it
_ALONE_BEFORE = re.compile(r"\b(?:single[- ]agent|monotherapy\s+with)\s+(?:[\w-]+\s+){0,4}$", re.I)


def _another_drug_alone(ctx: Context, own: str) -> bool:
    mentions = ctx.drugs_in(own)
    main = ctx.main_drug()
    if not mentions or main is None or any(m.name == main for m in mentions):
        return False
    return bool(_ALONE_SUBJECT.match(own, mentions[-1].end) or _ALONE_BEFORE.search(own, 0, mentions[0].start))


# "Chemotherapy: median OS 12.2 months; ORR 14.8%": a row of figures led by the arm it reports on
_ROW_LABEL = re.compile(r"^\s*(?:[-*•]\s*)?(?P<label>[A-Za-z][\w ,'’/+-]{1,40}?)\s*:\s")
_CONTROL_LABEL = re.compile(r"\b(?:placebo|control|chemotherapy|standard[- ]of[- ]care|SoC|comparator|investigator['’]s choice|"
                            r"best supportive care)\b", re.I)
# "6.9 months with DPd", "41.2% in the Pd arm": a regimen the release abbreviates after listing its drugs
_WITH_ABBREVIATION = re.compile(r"[^.;,]{0,20}?\b(?:(?:with|for|on)\s+(?P<abbr>[A-Z][A-Za-z0-9-]{1,8})(?![\w-])"
                                r"|in\s+the\s+(?P<arm>[A-Z][A-Za-z0-9-]{1,8})\s+(?:arm|group)\b)")


def _control_row(ctx: Context, text: str, start: int) -> bool:
    row = _ROW_LABEL.match(text)
    if not row or start < row.end() or cohort_mentions(row.group("label")):
        return False
    if _CONTROL_LABEL.search(row.group("label")):
        return True
    main = ctx.main_drug()
    named = ctx.drugs_in(row.group("label"))
    # "- ZX-2: data from Cohort B of the Phase II ZEN-1 study showed ...": a drug the release runs a study of
    # labels its own news item, not a control arm
    studied = {t.drug for t in ctx.extraction.trials}
    return bool(main and named and all(d.name != main and d.name not in studied for d in named))


def _paragraph_opening(ctx: Context, sentence: Sentence) -> str | None:
    """The first sentence of the paragraph `sentence` continues ("Chemotherapy: median OS ...; | ORR 14.8%")."""
    if sentence.index == 0:
        return None
    first = sentence
    while first.index > 0 and ctx.sentences[first.index - 1].paragraph == sentence.paragraph:
        first = ctx.sentences[first.index - 1]
    return ctx.text(first) if first is not sentence else None


def _other_regimen_after(ctx: Context, text: str, end: int) -> bool:
    found = _WITH_ABBREVIATION.match(text, end)
    long = ctx.long_forms().get(found.group("abbr") or found.group("arm")) if found else None
    if not long:
        return False
    main, named = ctx.main_drug(), ctx.drugs_in(long)
    return bool(main and named and all(d.name != main for d in named))


def _is_comparator(ctx: Context, text: str, start: int, end: int) -> bool:
    """Whether the figure at start:end is quoted for comparison. Only the figure's own stretch
    counts: from the figure before it (or the sentence start) to the next figure, so that in
    "28.8 months versus 12.5 months in the control group" only the second is the control's."""
    if ":" in text and _control_row(ctx, text, start):
        return True
    before = [m.end() for m in VALUE.finditer(text, 0, start)]
    own = text[max(before[-1] if before else 0, start - 160):start]
    following = VALUE.search(text, end)
    tail = text[end:following.start() if following else len(text)]
    if _EARLIER_LOOK.match(tail):
        return False  # "45%, compared with 30% at the interim analysis": the drug's own earlier figure
    if before and _group_after(ctx, text, end) and _group_after(ctx, text, before[-1]):
        return False  # "41% in adults versus 52% in children": two groups of the trial, set side by side
    if before and _labelled_arms_side_by_side(text, before[-1], end):
        return False  # "45% in the 5.4 mg/kg arm, compared with 36% in the 4.0 mg/kg arm": two of the drug's own arms
    if before and _named_groups_side_by_side(text, before[-1], end):
        return False  # "7.3 months in the ESR1-mutated subgroup, versus 3.7 months in the ESR1 wild-type subgroup"
    if CONTRAST.search(own) or CONTROL_ARM.search(own):
        return True
    if not before and CONTROL_ARM_OPENING.match(text):
        return True
    if _benchmark_cue(ctx, text, start):
        return True
    if COMPARATOR_TAIL.match(tail):
        return True
    if _another_drug_alone(ctx, own):
        return True
    if _other_regimen_after(ctx, text, end):
        return True
    # "10.1 months with docetaxel": a drug other than the one the figure is about
    main = ctx.main_drug()
    drugs = [m for m in ctx.drugs_in(text) if end <= m.start <= end + 40]
    if drugs and main and drugs[0].name != main:
        return bool(re.fullmatch(r"[^.;,]{0,20}?\b(?:with|for|on|in patients (?:receiving|treated with))\s+(?:\w+\s+)?",
                                 text[end:drugs[0].start]))
    return False


# "6.9 months at the higher dose and 5.2 months at the lower one": a dose arm named by its rank among the trial's doses
_RANKED_DOSE = re.compile(r"\b(?:at|on|in|with|for|among)\s+(?:the\s+|patients\s+(?:on|at|given)\s+the\s+)?"
                          r"(?P<rank>higher|highest|lower|lowest)\s+(?P<noun>dose(?:\s+(?:level|arm|group|cohort))?|one)\b", re.I)


def _ranked_doses(ctx: Context, text: str) -> list[CohortMention]:
    """The dose cohorts a sentence names by rank ("the higher dose", "the lowest one"), when the release's dose
    cohorts of one unit leave no doubt which: two doses for "higher"/"lower", any number for "highest"/"lowest"."""
    if "er " not in text and "est " not in text:
        return []
    found = []
    for match in _RANKED_DOSE.finditer(text):
        if match.group("noun").lower() == "one" and "dose" not in text[: match.start()].lower():
            continue  # "the lower one" stands for a dose only after one was named
        # the cohorts labelled by their dose ("8 mg/kg"), not a stage that was given one ("Part B")
        doses = {(c.dose, c.dose_unit): c.label for c in ctx.extraction.cohorts if c.dose is not None and c.label[:1].isdigit()}
        if len({unit for _, unit in doses}) != 1:
            return []
        rank = match.group("rank").lower()
        if len(doses) < 2 or (rank in ("higher", "lower") and len(doses) != 2):
            continue  # "the higher dose" among three doses says not which
        ordered = [doses[key] for key in sorted(doses)]
        label = ordered[-1] if rank.startswith("high") else ordered[0]
        found.append(CohortMention(label, match.start("rank"), match.end(), "dose"))
    return found


def _dose_words_as_doses(ctx: Context, results: list[ResultFact]) -> list[ResultFact]:
    """"The high-dose arm" of a release whose two dose arms are labelled by their doses ("6 mg/kg or 8 mg/kg") is the
    higher of them, not a third group: its results take that label and it gives no cohort of its own."""
    doses = {(c.dose, c.dose_unit): c.label for c in ctx.extraction.cohorts if c.dose is not None and c.label[:1].isdigit()}
    if len(doses) != 2 or len({unit for _, unit in doses}) != 1:
        return results
    low, high = (doses[key] for key in sorted(doses))
    same = {"high-dose": high, "low-dose": low}
    if not any(c.label.lower() in same and c.dose is None for c in ctx.extraction.cohorts):
        return results
    ctx.extraction.cohorts = [c for c in ctx.extraction.cohorts if not (c.label.lower() in same and c.dose is None)]
    return [replace(r, cohort=same.get((r.cohort or "").lower(), r.cohort)) for r in results]


# What ties a figure to the labelled group after it: "36% in the 4.0 mg/kg arm", "7.1 months for Cohort 2"
_GROUP_GAP = re.compile(r"[^.;,]{0,25}?\b(?:for|in|from|at|among|with)\s+(?:the\s+)?(?:\w+\s+)?")
# Labels that name one of the drug's own groups: a dose, a numbered cohort, a stage; never a control arm
_OWN_ARM_KINDS = ("dose", "number", "part")


def _labelled_arms_side_by_side(text: str, previous_end: int, end: int) -> bool:
    """Whether the figure ending at `end` belongs to a dose or numbered group of the drug's own, named right after
    it, set against another such group named before the figure before it: "The 5.4 mg/kg arm achieved an ORR of 45%,
    compared with 36% in the 4.0 mg/kg arm" compares two doses of one drug, so neither figure is a comparator."""
    mentions = [m for m in cohort_mentions(text) if m.kind in _OWN_ARM_KINDS]
    after = next((m for m in mentions if m.start >= end and _GROUP_GAP.fullmatch(text, end, m.start)), None)
    if after is None:
        return False
    return any(m.end <= previous_end and m.label != after.label for m in mentions)


# "... and 30% of responding patients had ...": a share of patients, not a second group's figure
_OF_PATIENTS = re.compile(
    r"\s*of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:patients|participants|subjects|responders|children|adults|people|individuals)\b", re.I)
_SHARE_OF_PATIENTS = re.compile(_OF_PATIENTS.pattern + r"\s+", re.I)
# What stands between a response and the share of patients it was seen in, without a verb: "CR in", "complete response
# or better (>=CR) in"
_IN_SHARE = re.compile(r"\)?(?:\s+or\s+better)?\s*(?:\([^()]*\)\s*)?(?:\s+or\s+better)?\s*in\s+"
                       r"(?:(?:about|around|approximately|roughly|nearly|almost|over|more\s+than)\s+)?", re.I)
# What joins a second group's figure to the figure before it, for the same endpoint:
# "11.9 months for Cohort 1 and 4.9 months for Cohort 2", "28.8 months versus only 12.5 months
# in the control group", "45% (ACM-101) vs. 12% (placebo)".
_CHAINED = re.compile(
    r"(?:\([^()]*\)|\.\d|[^.;()]){0,80}?"
    # "..., and in patients with X it was 22.0 months": the pronoun stands for the endpoint just given;
    # "16.1 months on X, while the comparison group had 9.7 months": the other group, the subject of its own clause
    r"(?:(?:\band|,|\b(?:it|this|that)\s+(?:was|is|reached)|\b(?:while|whereas)\s+(?:[^\d\s.;,()]+\s+){1,6}?(?:had|reached|showed|achieved))"
    r"(?:\s+(?:only|just|approximately|about|around|roughly|nearly|a|an|the|of))*"
    # after "versus"/"compared with" the other side may be named first: "compared to a historical control rate of 10%"
    r"|(?:\bversus|\bvs\.?|\bcompared? (?:with|to)|\bcompares? (?:\w+ )?(?:with|to)|\brelative to|\bas opposed to|\bagainst(?=\s*(?:only\s+|just\s+)?$))"
    r"(?:\s+(?!(?:was|were|is|are|had|has)\b)[^\d\s.;,()]+){0,5}?)\s*"
    # "40% (placebo: 5%)", "(vs. 5% with placebo)"
    r"|\s*\(\s*(?:(?:vs\.?|versus)\s*|[\w -]{1,30}?\s*[:=]\s*)",
    re.I,
)


# A share of patients and the response they had: "45% of patients achieved an objective
# response", "and 25% had a partial response", "eight patients (32%) achieved a partial response"
_SHARE_HAD = re.compile(
    r"\s*\)?\s*(?:of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,3}?(?:patients|participants|subjects)\s+"
    # "19% of patients on Drug achieved ...": the arm they were on
    r"(?:(?:on|receiving|treated\s+with|given|in)\s+(?:the\s+)?[\w-]+(?:\s+(?:arm|group|cohort))?\s+)?)?"
    # "with 81% of patients achieving a CR": the participle of a clause tacked on to the figure before
    r"(?:had|achieved|experienced|showed|attained|reached|demonstrated|having|achieving|experiencing|attaining|reaching)"
    # "... achieving >=CR": a response "or better" written with its sign
    r"\s+(?:an?\s+|a\s+best\s+(?:overall\s+)?response\s+of\s+)?(?:(?:>=|\u2265)\s*)?",
    re.I)


_COUNT_THEN_RATE = re.compile(
    r"\b(?:in|among|of)\s+(?P<n>\d+)\s+(?:of|out of|/)\s+(?P<m>\d+)\s+(?:[\w-]+\s+){0,3}?(?:patients|participants|subjects)\s*\($"
    r"|\b\d+\s*/\s*\d+\s*\($", re.I)


# A change stated with the level it reached: "extended median survival by 5.3 months to 13.8 months",
# "raised the ORR by 12% to 45%". The figure after "by" is a difference between arms (no result).
_CHANGED_BY_TO = re.compile(
    r"[^\d.;]{0,40}?\bby\s+(?:approximately\s+|about\s+|nearly\s+|almost\s+|more than\s+)?\d+(?:\.\d+)?\s*"
    r"(?:%|percent|months?|weeks?|days?)\s+to\s+(?:approximately\s+|about\s+|nearly\s+)?", re.I)


# A duration coordinated with a median one is a median too ("median OS was 13.1 months and DoR was 5.6 months")
_MEDIAN_OF = {"DOR": "mDOR", "PFS": "mPFS", "OS": "mOS"}
_MEDIAN_LEAD = re.compile(r"[^\d.;:]{0,80}:\s*(?:a\s+|the\s+)?median\s+(?:of\s+)?", re.I)
_MEDIANS = frozenset(_MEDIAN_OF.values())


_GROUP_AFTER_FIGURE = re.compile(r"[^.;,]{0,20}?\b(?:in|among|for)\s+(?:the\s+)?$")


def _named_groups_side_by_side(text: str, previous_end: int, end: int) -> bool:
    """Two subgroups the trial names, the earlier figure's before it and this figure's right after it: the
    figures compare the drug's own patients, not the drug with a control."""
    mentions = [m for m in cohort_mentions(text) if m.kind in ("population", "named") and not _CONTROL_LABEL.search(m.label)]
    after = [m for m in mentions if end < m.start <= end + 40 and _GROUP_AFTER_FIGURE.match(text[end:m.start])]
    earlier = [m for m in mentions if m.end <= previous_end]
    return bool(after and earlier and name_key(after[0].label) != name_key(earlier[-1].label))


def _chained(text: str, endpoints, last, match) -> bool:
    """Whether the figure `match` continues the last one's endpoint for another group."""
    end, endpoint = last
    start = max(end, endpoint[1]) if endpoint[0] >= end else end  # "41% ORR (...) in adults and 52% ..."
    if any(start <= e[0] < match.start() for e in endpoints):
        return False
    return bool(_CHAINED.fullmatch(text, start, match.start()) and not VALUE.search(text, start, match.start())
                and not _OF_PATIENTS.match(text, match.end()))


_NUMBER = r"(?<![\d.\w])\d+(?:\.\d+)?"
_UNIT_WORD = r"(?:%|percent\b|months?\b|weeks?\b|days?\b)"
# "45% and 30%", "7.1 and 5.2 months", "40%, 55% and 80%": figures listed for a "respectively"
_FIGURE_LIST = re.compile(rf"{_NUMBER}(?:\s*{_UNIT_WORD})?(?:\s*(?:,\s*and|,|and)\s+{_NUMBER}(?:\s*{_UNIT_WORD})?)+", re.I)
_ENDPOINT_JOIN = re.compile(r"\s*(?:,\s*and|,|and)\s*(?:the\s+)?", re.I)


def _respectively(text: str, figures: list, mentions: list[CohortMention]):
    """Figures listed with "respectively" go, in order, to the endpoints ("the ORR and DCR were 40%
    and 80%, respectively") or the groups ("45% and 30% in Cohorts 1 and 2, respectively") listed
    with them. Returns the figures and, by figure start, the cohort each belongs to."""
    bound = {f[0]: f for f in figures}
    endpoints = endpoint_spans(text)
    out = list(figures)
    labels: dict[int, CohortMention] = {}
    carried: list[CohortMention] = []  # the groups of the list before, for a list that goes on from its "respectively"
    for found in _FIGURE_LIST.finditer(text):
        tail = text[found.end():found.end() + 120]
        own = re.match(r"[^.;]*?\brespectively\b", tail) is not None
        if not own and not (carried and _GOES_ON_FROM_RESPECTIVELY.search(text, 0, found.start())):
            carried = []
            continue
        items = [(m.start(), m.end(), float(m.group(0))) for m in re.finditer(_NUMBER, found.group(0))]
        items = [(found.start() + a, found.start() + b, v) for a, b, v in items]
        unit_match = re.search(rf"{_UNIT_WORD}\s*$", found.group(0), re.I)
        if unit_match is None:
            continue
        # the endpoints listed before the figures: "The ORR and DCR were"
        listed = _listed_endpoints(text, endpoints, found.start())
        first = next((bound[a] for a, _, _ in items if a in bound), None)
        if first is None:  # "median PFS was 7.1 and 5.2 months": no figure carried its own unit
            if not listed or not LINK.search(text[listed[-1][1]:found.start()]):
                continue
            code = listed[-1][2]
            first = (0, 0, code, 0, None, _unit(unit_match.group(0).strip(), code))
        unit = first[5]
        if unit is None:
            continue
        codes = [e[2] for e in listed] if len(listed) == len(items) else [first[2]] * len(items)
        groups = [m for m in mentions if found.end() <= m.start and re.match(r"[^.;]*?\brespectively", text[m.end:])]
        if len(groups) != len(items):
            groups = _listed_subgroups(text, found.end()) or groups
        if len(groups) != len(items):
            groups = _coordinated_before(mentions, found.start(), len(items)) or (carried if not own else groups)
        carried = groups if len(groups) == len(items) else []
        kept = [f for f in out if not any(a <= f[0] < b for a, b, _ in items)]
        new = []
        for index, (a, b, value) in enumerate(items):
            if not _compatible(codes[index], unit):
                new = []
                break
            new.append((a, b, codes[index], value, None, unit))
            if len(groups) == len(items):
                labels[a] = groups[index]
        if new:
            out = kept + new
    return sorted(out), labels


# "..., respectively, with complete response rates of 67% and 48%": a second list the first one's "respectively" governs
_GOES_ON_FROM_RESPECTIVELY = re.compile(r"\brespectively\s*,\s*(?:with|and)\s+[^.;]*$")


def _coordinated_before(mentions: list[CohortMention], start: int, count: int) -> list[CohortMention]:
    """The groups named together before a "respectively" list: "In the FL and MZL cohorts, ... 89% and 76%,
    respectively" (one coordination names them all, so they share its span)."""
    before = [m for m in mentions if m.end <= start]
    if not before:
        return []
    last = before[-1]
    together = [m for m in before if (m.start, m.end) == (last.start, last.end)]
    return together if len(together) == count else []


_GROUP_LIST = re.compile(r"\s*(?:[A-Za-z][\w-]*\s+){0,2}?(?:in|among|for)\s+(?:the\s+)?(?P<list>[^.;()]{3,160}?),?\s+respectively", re.I)


def _listed_subgroups(text: str, end: int) -> list[CohortMention]:
    """The groups a "respectively" list names: "in adults and children", "in treatment-naive and
    previously treated patients" (the last item's noun is every item's)."""
    listed = _GROUP_LIST.match(text, end)
    if listed is None:
        return []
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group("list")) if i.strip()]
    noun = re.search(rf"\s{_GROUP_NOUN}$", items[-1], re.I) if items else None
    out = []
    for item in items:
        phrase = item if re.search(rf"(?:^|\s){_GROUP_NOUN}$|^{_LINE}$", item, re.I) or noun is None else item + noun.group(0)
        mention = _subgroup_mention(_SUBGROUP.match("in " + phrase))
        if mention is None or mention.end != len(phrase) + 3:
            return []
        out.append(CohortMention(mention.label, listed.start("list"), listed.end("list"), mention.kind))
    return out


def _listed_endpoints(text: str, endpoints, before: int) -> list:
    """The run of endpoints joined by "and"/commas that ends nearest before `before`."""
    prior = [e for e in endpoints if e[1] <= before and not re.search(r"[.;]", text[e[1]:before])]
    run = prior[-1:]
    for e in reversed(prior[:-1]):
        if _ENDPOINT_JOIN.fullmatch(text, e[1], run[0][0]):
            run.insert(0, e)
        else:
            break
    return run


# The first figure of a pair that writes its unit once, after the second: "16.1 vs. 12.0 months", "9.4 versus 3.9 months"
_BARE_LEFT = re.compile(r"(?<![\w.\-/])(?P<v>\d+(?:\.\d+)?)\s*(?:vs\.?|versus)\s+(?:only\s+)?$")


# A follow-up time is how long patients were watched, never an endpoint's value (GUIDE.md):
# "a median follow-up of 7.4 months", "after 11 months of follow-up".
_FOLLOW_UP_BEFORE = re.compile(
    r"\bfollow(?:ed)?[- ]?up(?:\s+(?:time|period|duration))?(?:\s+(?:of|was|is|for|:))?"
    r"\s*(?:approximately\s+|about\s+|nearly\s+|more than\s+)?$", re.I)
_FOLLOW_UP_AFTER = re.compile(r"\s*(?:of|median)\s+(?:median\s+)?follow(?:ed)?[- ]?up\b", re.I)


_SHARE_ALIVE = re.compile(
    r"(?<![\d.])(?P<v>\d+(?:\.\d+)?)\s?(?P<u>%|percent)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:patients|participants|subjects|people|those|men|women|children)\b[^.;%]{0,60}?\b(?:were|was|remained|are|remain)\s+alive\b"
    r"(?:[^.;%\d]{0,20}?\b(?:versus|vs\.?|compared\s+(?:with|to)|against)\s+(?P<v2>\d+(?:\.\d+)?)\s?(?P<u2>%|percent))?", re.I)


# An endpoint not reached on one side of a comparison: the figure after "versus" is the other side's value
_NOT_REACHED_VERSUS = re.compile(
    r"\s*(?:was|were|is|has|had)?\s*(?:not\s+(?:yet\s+)?(?:been\s+)?reached|not\s+estimable)\b[^.;:%]{0,60}?"
    r"\b(?:versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:only\s+|just\s+)?", re.I)


# "the PFS rate at 12 months", "overall survival at two years": the time a survival rate is read at
_LANDMARK_BEFORE = re.compile(r"\s+(?:rates?\s+)?(?:at|after)\s+", re.I)
_LANDMARK_THEN = re.compile(r"\s+(?:rates?\s+)?(?:at|after)\s+(?:\d+(?:\.\d+)?|one|two|three|four|five|six|twelve)[\s-]*"
                            r"(?:months?|years?|weeks?)\s*(?:,\s*)?(?:was|were|is|of|reached|stood\s+at)\s+", re.I)


# A rate read at a numbered visit: "at Day 28", "by Week 24" (the figure may follow with no verb in a findings list)
_DAY_LANDMARK = re.compile(r"\s+(?:rates?\s+)?(?:at|by|on)\s+(?:[Dd]ay|[Ww]eek|[Mm]onth)[\s-]\d{1,3}\s*(?:,\s*)?"
                           r"(?:(?:was|were|is|of|reached|stood\s+at|in|:)\s+)?(?:approximately\s+|about\s+)?")


@per_text
def _values(text: str):
    """(start, end, endpoint, value, value_high, unit) for every figure tied to an endpoint."""
    endpoints = endpoint_spans(text)
    out = []
    used_values: set[int] = set()
    last = None  # (end, endpoint span) of the last figure tied to an endpoint
    for match in VALUE.finditer(text):
        if _FOLLOW_UP_BEFORE.search(text, max(0, match.start() - 50), match.start()) or _FOLLOW_UP_AFTER.match(text, match.end()):
            continue  # "not reached at a median follow-up of 7.4 months": how long patients were followed
        value, high = float(match.group("v")), match.group("v2")
        # "Median OS 16.1 vs. 12.0 months": the pair shares the unit written after its second figure
        left = _BARE_LEFT.search(text, max(0, match.start() - 24), match.start()) if "v" in text[max(0, match.start() - 12):match.start()] else None
        anchor = left.start() if left else match.start()
        before = [e for e in endpoints if e[1] <= anchor]
        after = [e for e in endpoints if e[0] >= match.end()]
        chosen = None
        # "50% partial response rate", "10 months of mOS", "26.2-month mOS"
        if after and re.fullmatch(r"\s*(?:of\s+)?(?:the\s+)?(?:ongoing\s+)?", text[match.end():after[0][0]]):
            if match.group("unit").lower().startswith("month") and (
                    after[0][2] in ("PFS", "OS") or (after[0][2] == "DOR" and re.match(r"\s*rates?\b", text[after[0][1]:]))):
                continue  # "12-month PFS rate", "6-month duration of response rate": a landmark, not a duration
            chosen = after[0]
        elif after and _SHARE_HAD.fullmatch(text, match.end(), after[0][0]):
            chosen = after[0]  # "45% of patients achieved an objective response", "25% had a partial response"
        elif after and text.startswith("respond", after[0][0]) and _SHARE_OF_PATIENTS.fullmatch(text, match.end(), after[0][0]):
            chosen = after[0]  # "32% of patients responded": the share is the response rate
        elif before:
            gap = text[before[-1][1]:anchor]
            if before[-1][2] in ("PFS", "OS") and _LANDMARK_THEN.fullmatch(gap):
                chosen = before[-1]  # "the PFS rate at 12 months was 40%": the rate at a landmark, not its time
            elif match.group("unit") in ("%", "percent") and _DAY_LANDMARK.fullmatch(gap):
                chosen = before[-1]  # "complete response at Day 28 in 41% of children", "OS at Day 100 71%"
            elif LINK.search(gap) and not VALUE.search(gap[:-1] if gap else gap):
                chosen = before[-1]
            elif before[-1][2] in _MEDIAN_OF and _MEDIAN_LEAD.fullmatch(gap):
                # "Progression-free survival by central review: median 5.6 months with X": the endpoint as a heading, its median after
                chosen = (before[-1][0], before[-1][1], _MEDIAN_OF[before[-1][2]])
            elif match.group("unit") in ("%", "percent") and _IN_SHARE.fullmatch(gap) and (
                    _OF_PATIENTS.match(text, match.end()) or re.fullmatch(r"\W*", text[match.end():])):
                # "complete response (CR) in 50% of patients", "- VGPR or better in 62%" (a findings item's end): a
                # findings list's rate, written without a verb
                chosen = before[-1]
            elif _CHANGED_BY_TO.fullmatch(gap):
                chosen = before[-1]  # "extended median survival by 5.3 months to 13.8 months": the level reached
            elif _NOT_REACHED_VERSUS.fullmatch(gap) and not VALUE.search(gap):
                chosen = before[-1]  # "median PFS was not reached with X compared with 7.7 months with placebo": the other side's
            elif re.search(r"\d", gap) is None and len(gap) < 40 and re.search(r"\b(?:and|,)\s*$", gap) is None:
                # "ORR of 45%", "median PFS 7.2 months" (a findings list writes them side by side)
                # "extended median OS to 17.2 months": the level a verb before the endpoint brought it to
                # "responses were seen in about 40%": a qualifier before the figure is dropped (GUIDE.md), the link kept
                chosen = before[-1] if re.search(r"\b(?:of|at|was|is|to)\b", gap) or _QUALIFIED_GAP.fullmatch(gap) else None
            elif _COUNT_THEN_RATE.search(gap) and not re.search(r"[.;]", gap):
                chosen = before[-1]  # "responses were observed in 12 of 20 patients (60%)"
        if chosen is None and before and last and _chained(text, endpoints, last, match):
            # the same endpoint for a second group: "11.9 months for Cohort 1 and 4.9 months
            # for Cohort 2", "28.8 months versus only 12.5 months in the control group",
            # "19% achieved a complete response, against 7% in the control arm"
            chosen = last[1]
        if chosen is None:
            continue
        if chosen[2] in ("PFS", "OS") and _LANDMARK_BEFORE.fullmatch(text, chosen[1], match.start()):
            continue  # "progression-free survival (rate) at 6 months": a landmark, not a duration
        unit = _unit(match.group("unit"), chosen[2])
        if unit is None or not _compatible(chosen[2], unit):
            continue
        if unit == "%" and value > 100:
            continue
        if (chosen[2] in _MEDIAN_OF and unit != "%" and out and out[-1][2] in _MEDIANS
                and re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", text[out[-1][1]:chosen[0]])):
            # "median overall survival was 13.1 months and DoR was 5.6 months": one "median" governs both
            chosen = (chosen[0], chosen[1], _MEDIAN_OF[chosen[2]])
        used_values.add(match.start())
        last = (match.end(), chosen)
        if left:
            out.append((left.start("v"), left.end("v"), chosen[2], float(left.group("v")), None, unit))
        out.append((match.start(), match.end(), chosen[2], value, float(high) if high else None, unit))
    if "alive" in text:
        # "At 24 months, 81% of patients randomized to X were alive, compared with 69% of those randomized to Y": a
        # survival rate written as the share of patients alive, and the share it is set against
        for match in _SHARE_ALIVE.finditer(text):
            for group in ("v", "v2"):
                if match.group(group) and match.start(group) not in used_values:
                    out.append((match.start(group), match.end("u" + group[1:]), "OS", float(match.group(group)), None, "%"))
    for match in PRIOR_LINES.finditer(text):
        value = number(match.group("v") or match.group("v2") or match.group("v3"))
        if value is not None:
            out.append((match.start(), match.end(), "prior_lines", value, None, "lines"))
    for pattern in (COUNT, COUNT_LIST, COUNT_PASSIVE):
        for match in pattern.finditer(text):
            # "7 patients achieving a complete response and 5 a partial response": the verb governs the second count too
            second = _COUNT_ELLIPSIS.match(text, match.end()) if pattern is COUNT else None
            for found in (match, second) if second else (match,):
                value = number(found.group("n"))
                if value is None or value == 1:
                    continue
                endpoint = _endpoint_code(found.group("ep")) or _RESPONDERS.get(found.group("ep").lower().split()[0])
                if endpoint:
                    out.append((found.start(), found.end(), endpoint, value, None, "patients"))
    # "10 patients achieved a response, an objective response rate of 50%": a stated rate wins over its count
    rates = {figure[2] for figure in out if figure[5] == "%"}
    counted = {figure[2] for figure in out if figure[5] == "patients"}
    if "ORR" in rates and counted == {"PR"}:
        # "4 of 9 patients achieved a confirmed partial response (ORR 44%)": partial responses the only ones counted,
        # the response rate is their rate; "7 complete and 5 partial responses (ORR 80%)" counts parts of it
        rates.add("PR")
    return [figure for figure in out if figure[5] != "patients" or figure[2] not in rates]


# Nothing but a qualifier between an endpoint ending in its link ("... in") and its figure
_QUALIFIED_GAP = re.compile(r"\s+(?:(?:about|around|approximately|roughly|nearly|almost|just|only|over|more\s+than)\s+)?", re.I)


_RESPONDERS = {"response": "ORR", "responses": "ORR", "objective": "ORR", "overall": "ORR"}


def _endpoint_code(phrase: str) -> str | None:
    for pattern, code in _endpoints():
        if pattern.search(phrase):
            return code
    return None


# "In that group, the ORR was 23%", "among the first 14 evaluable patients in that cohort": a group
# the sentence before named
_THAT_GROUP = re.compile(
    r"\b(?:[Ii]n|[Aa]mong|[Ff]or|[Ff]rom)\s+(?:the\s+)?(?:(?:first|last|\d+|evaluable|treated|enrolled)\s+){0,4}"
    r"(?:(?:patients|participants|subjects)\s+(?:in\s+)?)?(?P<group>(?:that|this)\s+(?:group|cohort|arm|part|portion|stage))\b"
    # "They had received a median of four prior lines": the patients of the group just named
    r"|^\W*(?P<they>They|These patients|Those patients)\s+(?:had|were|have)\b")


def _result(ctx, sentence, text, mentions, start, end, endpoint, value, high, unit, comparator,
            subgroups: dict[str, str], own_drug: str | None = None) -> ResultFact | None:
    drug = None
    trial = cohort = None
    if not comparator:
        cohort = _cohort_for(text, mentions, start, end)
        variant = _biomarker_subgroup(text, start)
        if variant and cohort and cohort.end <= variant.start and variant.end <= start:
            cohort = variant  # "in the exon 19 subgroup, A ..., and in patients with the L858R substitution it was B": the nearer group
        if cohort is not None and cohort.kind not in _POPULATION_KINDS:
            cohort = _subset_of(ctx, text, cohort, start, end) or cohort
        cohort = cohort or variant or _prior_therapy_subgroup(text, start) or _subgroup(text, start, end)
        if cohort is not None and cohort.kind in _SUBGROUP_KINDS:
            subgroups[cohort.label] = cohort.kind
        trial = _trial_for_result(ctx, sentence, start, cohort)
    drugs = ctx.drugs_in(text)
    if not comparator:
        # "a response rate of 87% with the combination versus 71% with Y alone": Y is the control arm's therapy, named
        # past the comparison, not the drug the figure before it is about
        drugs = [d for d in drugs if not (d.start >= end and _COMPARISON_BETWEEN.search(text, end, d.start))]
    rival = None if comparator or drugs else _another_companys_drug(ctx, text[:start])
    if rival is not None:
        # "Rival's drug showed a response rate of 34% in its own pivotal trial": the figure of the drug that company
        # owns if the text names it, and never the release's own drug nor one of its trials
        return ResultFact(rival, endpoint, value, unit, Evidence.of(sentence, NAME), value_high=high) if rival else None
    trial_fact = next((t for t in ctx.extraction.trials if t.local_id == trial), None)
    if not comparator and trial_fact is not None:
        trial_fact = _trial_of_named_drug(ctx, text, drugs, trial_fact)
        trial = trial_fact.local_id
    drug = trial_fact.drug if trial_fact else None
    if drug is None:
        # a comparator figure is compared with the drug its paragraph is about, not the release's main one
        # (a news brief covers several companies' drugs, one paragraph each)
        if comparator:
            main = ctx.main_drug()
            if own_drug and (not drugs or any(d.name == own_drug for d in drugs)):
                # "patients treated with X achieved a median PFS of 11.3 months, compared with 6.4 months for those
                # receiving chemotherapy": the other side of a figure the sentence gives its own named drug, or
                # of its own figure where it names no drug ("The ORR was 52.4% compared with 38.9%")
                drug = own_drug
            elif main and any(d.name == main for d in drugs):
                # "men who took X lived a median of 22.8 months ..., compared with 16.1 months for those given Y": a
                # comparator figure in a sentence that names the release's drug is compared with that drug
                drug = main
            else:
                # "Docetaxel remains the standard ... Docetaxel alone has produced response rates of 10%": the
                # therapy the figure's own sentence names is the benchmark, not the drug it is compared with
                benchmark = {m.name for m in drugs} - {main}
                drug = next((d for d in (ctx.section_drug(sentence), _compared_with(ctx, sentence), ctx.heading_drug(sentence))
                             if d and d not in benchmark), None) or main
        else:
            drug = (drugs[0].name if drugs else None) or ctx.section_drug(sentence) or ctx.heading_drug(sentence) or ctx.main_drug()
    if drug is None:
        return None
    population = cohort.label if cohort and cohort.kind in _POPULATION_KINDS else None
    return ResultFact(drug, endpoint, value, unit, Evidence.of(sentence, NAME), trial=trial,
                      cohort=cohort.label if cohort else None, value_high=high, comparator=comparator,
                      population=population)


_COMPARISON_BETWEEN = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to)|relative\s+to|against)\s", re.I)


# "Acme's drug", "Acme's competing conjugate": another company's product, named by its owner only
_OWNERS_PRODUCT = re.compile(r"(?P<co>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s+(?:own\s+|rival\s+|competing\s+)?"
                             r"(?:drug|candidate|therapy|medicine|product|conjugate|antibody|treatment)\b")


def _another_companys_drug(ctx: Context, before: str) -> str | None:
    """For a figure whose subject is another company's unnamed product: that company's drug as the text names it
    elsewhere ("Acme Inc.'s competing conjugate ZX-20"), "" when it names none; None when the subject is no such product."""
    owner = None
    for match in _OWNERS_PRODUCT.finditer(before):
        co = match.group("co")
        company = next((c.name for c in ctx.extraction.companies if c.name.startswith(co)), None)
        owner = (co, company) if company and company != ctx.issuer else None
    if owner is None:
        return None
    possessive = re.compile(re.escape(owner[0]) + r"[\w\s.,&]{0,30}?['’]s\s+(?:[\w-]+\s+){0,3}$")
    named = {m.name for s in ctx.fact_sentences() for m in ctx.drugs_in(ctx.text(s))
             if possessive.search(ctx.text(s), max(0, m.start - 80), m.start)}
    return named.pop() if len(named) == 1 else ""


def _trial_of_named_drug(ctx: Context, text: str, drugs, trial_fact):
    """A figure whose sentence names the drug it is about belongs to that drug's trial, not to the
    nearest trial named before it: a multi-programme update's headline bullets ("- ZX-2 plus docetaxel
    shows 36% response rate") come before the body names any trial, and each names its own drug."""
    given = [m.name for m in drugs if not prior_therapy(text, m.start)]
    if not given or trial_fact.drug in given:
        return trial_fact
    own = [t for t in ctx.extraction.trials if t.drug == given[0]]
    return own[0] if len(own) == 1 else trial_fact


def _compared_with(ctx: Context, sentence: Sentence) -> str | None:
    """The drug a benchmark is compared with: the first drug the paragraph's nearest earlier sentence gives its
    patients, not a therapy they had before ("62% had received prior X. Chemotherapy has produced response rates
    of 10% to 15%": not X)."""
    for earlier in reversed(ctx.sentences[: sentence.index]):
        if earlier.paragraph != sentence.paragraph:
            break
        text = ctx.text(earlier)
        given = [m for m in ctx.drugs_in(text) if not prior_therapy(text, m.start)]
        if given:
            return given[0].name
    return None


# "in patients with KRAS G12D/V mutations", "among EGFR L858R-mutant patients": a subgroup named
# by a gene and its variants carries its own figures (GUIDE.md: named analysis subgroups).
_BIOMARKER = re.compile(
    r"\b(?:[Pp]atients|[Pp]articipants|[Ss]ubjects|[Tt]hose)\s+with\s+(?P<a>[A-Z][A-Z0-9]{2,}\s+[A-Z]\d{2,4}[A-Z]?(?:/[A-Z]\w*)*)"
    r"(?:[\s-]+(?:mutations?|mutant|mutated|alterations?|positive))"
    # "in patients with the L858R substitution": the variant alone, its gene said before
    r"|\b(?:[Pp]atients|[Pp]articipants|[Ss]ubjects|[Tt]hose)\s+with\s+(?:an?\s+|the\s+)?(?P<c>[A-Z]\d{2,4}[A-Z](?:/[A-Z]\w*)*)"
    r"[\s-]+(?:substitutions?|mutations?|point mutations?)\b"
    r"|\b[Aa]mong\s+(?P<b>[A-Z][A-Z0-9]{2,}\s+[A-Z]\d{2,4}[A-Z]?(?:/[A-Z]\w*)*)[\s-]+(?:mutant|mutated|positive)\b"
    # "patients whose tumors were TROP2-high", "patients whose tumors harbor KRAS G12V mutations"
    r"|\bwhose\s+(?:tumou?rs?|cancers?|disease)\s+(?:were|was|are|is|harbou?r(?:ed|s)?|had|has|have|carr(?:y|ied|ies)|expressed)\s+"
    r"(?P<d>[A-Z][A-Z0-9]{2,}\s+[A-Z]\d{2,4}[A-Z]?(?:/[A-Z]\w*)*(?=[\s-]+(?:mutations?|mutant|alterations?))"
    r"|[A-Z][A-Za-z0-9]{1,7}(?:-[A-Z0-9]+)?-(?:high|low|positive|negative)\b)")


def _biomarker_subgroup(text: str, start: int) -> CohortMention | None:
    found = None
    for match in _BIOMARKER.finditer(text):
        if abs(match.start() - start) <= 160:
            label = match.group("a") or match.group("b") or match.group("c") or match.group("d")
            found = CohortMention(label, match.start(), match.end(), "population")
    return found


# "In patients treated with both a prior BTK and BCL2 inhibitor, the ORR was 79%", "for the 68
# patients previously treated for RT, the ORR was 50%": an analysis subset by prior therapy,
# which carries its own figures (GUIDE.md: named analysis subgroups), labelled "with prior X".
_PRIOR_SUBSET = re.compile(
    r"\b(?:[Ii]n|[Ff]or|[Aa]mong)\s+(?:the\s+)?(?:\d+\s+)?(?:[\w-]+\s+){0,2}?patients\s+(?:who\s+(?:had\s+|were\s+)?)?"
    r"(?:previously\s+)?(?P<verb>treated with|received|treated for|exposed to|pretreated with)\s+"
    r"(?:both\s+)?(?:an?\s+|the\s+)?(?:prior\s+|previous\s+)?(?P<x>[^,;.()]{2,80}?)\s*,")
_PRIOR_LABELS = ("with prior ", "previously treated for ")


# "In patients who were refractory to lenalidomide, median PFS was ...": labelled "lenalidomide-refractory"
_REFRACTORY_SUBSET = re.compile(
    r"\b(?:[Ii]n|[Ff]or|[Aa]mong)\s+(?:the\s+)?(?:\d+\s+)?(?:[\w-]+\s+){0,2}?(?:patients|participants)\s+(?:who\s+(?:were|are)\s+)?"
    r"(?P<state>refractory|resistant)\s+to\s+(?P<x>[a-z][\w-]{3,})\b"
    # "Among lenalidomide-refractory patients, responses were seen in 74%": the same subset, its state as an adjective
    r"|\b(?:[Ii]n|[Ff]or|[Aa]mong)\s+(?:the\s+)?(?:\d+\s+)?(?P<x2>[a-z][a-z]{3,})-(?P<state2>refractory|resistant)\s+"
    r"(?:patients|participants)\b")


def _prior_therapy_subgroup(text: str, start: int) -> CohortMention | None:
    found = None
    for match in _REFRACTORY_SUBSET.finditer(text, 0, start):
        x, state = match.group("x") or match.group("x2"), match.group("state") or match.group("state2")
        found = CohortMention(f"{x}-{state}", match.start(), match.end(), "population")
    for match in _PRIOR_SUBSET.finditer(text, 0, start):
        if not re.search(r"\b(?:prior|previous(?:ly)?|pretreated)\b", match.group(0), re.I):
            continue  # "in patients treated with ACM-101": the trial's own treatment, not a subset
        therapy = re.sub(r"\b(?:an?|the|both)\s+", "", match.group("x")).strip()
        label = ("previously treated for " if match.group("verb") == "treated for" else "with prior ") + therapy
        found = CohortMention(label, match.start(), match.end(), "population")
    return found


# A named analysis subgroup a figure is reported for (GUIDE.md: "third-line"; "adults" and
# "children"): a line of therapy ("in the third-line setting", "among 3L+ patients") or a group
# of people ("41% in adults and 52% in children", "in treatment-naive patients"). Such a group is
# a cohort only when the release reports figures for more than one (_several_subgroups): one
# population alone is just who the trial enrolled.
_LINE = r"(?:(?:first|second|third|fourth|fifth|later|2nd|3rd|4th)[- ]line(?:\+|\s+or\s+later|\s+and\s+(?:later|beyond))?|[1-5]L\+?)"
_GROUP_NOUN = r"(?:adults|children|adolescents|infants|patients|participants|subjects)"
_SUBGROUP = re.compile(
    rf"\b(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?(?:(?:patients\s+(?:treated\s+)?(?:in|with|receiving|as)\s+(?:the\s+)?)?"
    rf"(?P<label>{_LINE})(?!\w)\s*(?:setting|patients|population|cohort|subgroup|treatment|therapy|participants)?"
    # "in patients with ovarian cancer": the group is its disease
    rf"|(?:patients|participants|subjects)\s+with\s+(?P<disease>(?:[\w/+'-]+\s+){{0,5}}?[\w/+'-]+)"
    rf"(?=\s*(?:[(,;.]|$|and\b|who\b|were\b|was\b|versus\b|vs\b|compared\b|treated\b))"
    rf"|(?P<group>(?:[\w/+-]+\s+){{0,6}}?{_GROUP_NOUN})(?![\w-]))", re.I)
_ANY_LINE = gate(re.compile(rf"(?<![\w-]){_LINE}(?!\w)", re.I))  # gated (prefilter.py): scans whole releases
# Words before "patients" that say which were counted, not which group: "all evaluable patients"
_NOT_GROUP = re.compile(
    r"^(?:all|these|those|such|both|each|most|many|some|other|remaining|evaluable|treated|enrolled|dosed|"
    r"randomi[sz]ed|assessable|our|its|their|of|and|or|with|who|were|was|had|\d+)(?:\s|$)|\s(?:of|and|or|with|who|were|was|had)\s", re.I)
# What may stand between a figure and the group after it: its endpoint, a count in parentheses
_FIGURE_TAIL = re.compile(r"\s*(?:[A-Za-z][\w-]*\s+){0,3}?(?:\([^()]*\)\s*)?(?=(?:in|among|for)\s)", re.I)


# "In treatment-naive patients (n=58), ...", "Among patients with X, ...": a sentence opening on a group, up to its comma
_OPENING = re.compile(r"\W*(?=(?:In|Among|For)\s)")


def _opening_subgroup(text: str) -> CohortMention | None:
    opening = _OPENING.match(text)
    match = _SUBGROUP.match(text, opening.end()) if opening else None
    mention = _subgroup_mention(match)
    if mention is None or not re.match(r"\s*(?:\(\s*\)|\s)*,", text[mention.end:]):
        return None
    return mention


def _clause_start(text: str, start: int) -> int:
    """Where the clause of the figure at `start` opens: after the figure before it, a semicolon, or a dash between
    bullets run together ("... patients - 56 percent ORR")."""
    previous = [m.end() for m in VALUE.finditer(text, 0, start)]
    return max([previous[-1] if previous else 0] + [m.end() for m in re.finditer(r";|\s[-\u2013\u2014]\s", text[:start])])


def _subgroup(text: str, start: int, end: int) -> CohortMention | None:
    clause_start = _clause_start(text, start)
    found = None
    for match in _SUBGROUP.finditer(text, clause_start, start):
        found = _subgroup_mention(match) or found
    for match in _SUBJECT_SUBGROUP.finditer(text, clause_start, start):
        found = _subject_mention(match) or found
    tail = _FIGURE_TAIL.match(text, end)
    after = _subgroup_mention(_SUBGROUP.match(text, tail.end())) if tail else None
    if after is None:
        after = _subgroup_mention(_SUBGROUP.match(text, end + len(re.match(r"\s*", text[end:]).group(0))))
    return after or found


def _group_after(ctx: Context, text: str, end: int) -> CohortMention | None:
    """The trial's own group named right after a figure ("52% in children"), not a control arm,
    another drug's patients or a disease."""
    tail = _FIGURE_TAIL.match(text, end)
    mention = _subgroup_mention(_SUBGROUP.match(text, tail.end())) if tail else None
    if mention is None or mention.kind != "subgroup" or ctx.drugs_in(mention.label):
        return None
    if re.search(r"placebo|control|chemotherapy|standard|comparator|historical|SoC\b", mention.label, re.I):
        return None
    return mention


def _subgroup_mention(match: re.Match | None) -> CohortMention | None:
    if match is None:
        return None
    if match.group("label"):
        return CohortMention(match.group("label"), match.start(), match.end(), "subgroup")
    if match.group("disease"):
        disease = _trimmed(folded(" ".join(match.group("disease").split())))
        if not names_disease(disease) or _NOT_GROUP.match(disease):  # "relapsed or refractory myeloma" keeps its "or"
            return None
        return CohortMention(disease, match.start(), match.end(), _disease_kind(disease))
    group = folded(" ".join(match.group("group").split()))
    label = re.sub(r"\s+(?:patients|participants|subjects)$", "", group, flags=re.I)
    if (label.lower() in ("patients", "participants", "subjects") or _NOT_GROUP.search(label)
            or (NOT_POPULATION.match(label.lower()) and not re.match(r"(?:adult|pediatric|paediatric)\b", label, re.I))):
        return None  # "in 12 patients", "among all evaluable patients": who was counted, no group
    return CohortMention(label, match.start(), match.end(), "subgroup")


# "patients with extramedullary disease (n=13) had an ORR of 54%", "and patients with high-risk cytogenetics had ...": a
# group named as the subject of its own figure's clause (the count in parentheses is masked to blanks)
_SUBJECT_SUBGROUP = re.compile(
    r"(?:^|[,;:]\s*(?:and\s+|while\s+|whereas\s+|but\s+)?|\b(?:and|while|whereas)\s+)(?:the\s+)?(?:\d+\s+)?"
    r"(?:patients|participants|subjects)\s+with\s+(?P<label>[\w/+'-]+(?:\s+[\w/+'-]+){0,3}?)\s*"
    r"(?:\(\s*n\s*=\s*\d+\s*\)\s*)?(?:had|achieved|showed|experienced|reached|attained)\b", re.I)
# Words a group's name is said with that are no part of it: "measurable brain metastases at baseline" is "brain metastases"
_LABEL_QUALIFIERS = re.compile(r"^(?:(?:measurable|active|untreated|treated|stable|known|symptomatic|asymptomatic|evaluable)\s+)+"
                               r"|\s+at\s+(?:baseline|screening|(?:study\s+)?(?:entry|enrol(?:l)?ment))$", re.I)
# A site the cancer spread to names a subset of the trial's patients, never the trial's disease: "brain metastases"
_SPREAD_SITE = re.compile(r"\bmetastas[ie]s$", re.I)
# The kinds of group a figure's population phrase names; "subset" is a population named inside a labelled group
# ("Among triple-class refractory patients in Part B"), reported whatever else the release reports
_SUBGROUP_KINDS = ("subgroup", "disease subgroup", "subset")
_POPULATION_KINDS = ("population", *_SUBGROUP_KINDS)


def _trimmed(label: str) -> str:
    return _LABEL_QUALIFIERS.sub("", label).strip() or label


def _disease_kind(disease: str) -> str:
    return "subgroup" if _SPREAD_SITE.search(disease) else "disease subgroup"


def _subject_mention(match: re.Match) -> CohortMention | None:
    label = _trimmed(folded(" ".join(match.group("label").split())))
    if _NOT_GROUP.search(label) or NOT_POPULATION.match(label.lower()) or re.search(r"\d", label):
        return None
    kind = _disease_kind(label) if names_disease(label) else "subgroup"
    return CohortMention(label, match.start("label"), match.end("label"), kind)


# What joins a population to the labelled group it is part of: "triple-class refractory patients in Part B"
_PART_OF = re.compile(r"\s+(?:in|of|from|within)\s+(?:the\s+)?", re.I)


def _subset_of(ctx: Context, text: str, group: CohortMention, start: int, end: int) -> CohortMention | None:
    """A population named as part of the labelled group a figure belongs to, which the figure is then about: "Among
    triple-class refractory patients in Part B (n=41), the ORR was 56%", "In a subgroup analysis of Part B, patients
    with extramedullary disease had an ORR of 54%" (the subject of the figure's own clause). Not the trial's own
    disease ("In Part B, patients with RRMM had ..."), nor who was counted ("the first 14 patients in Cohort 2")."""
    subjects = [m for m in _SUBJECT_SUBGROUP.finditer(text, group.end, start) if m.start() >= _clause_start(text, start)]
    subgroup = _subject_mention(subjects[-1]) if subjects else None
    if subgroup is None:
        subgroup = _subgroup(text, start, end)
        if subgroup is None or _PART_OF.fullmatch(text, subgroup.end, group.start) is None:
            return None
    if subgroup.kind not in _SUBGROUP_KINDS or _COUNTED.search(subgroup.label) or _names_trial_disease(ctx, subgroup.label):
        return None
    return replace(subgroup, kind="subset")


# Words that say which patients were counted rather than name a group: "the first 14", "in which 29"
_COUNTED = re.compile(r"\d|\b(?:which|whom|that|first|last|initial|evaluable|heavily|all|these|those)\b", re.I)


def _names_trial_disease(ctx: Context, label: str) -> bool:
    """Whether a group's label is the disease a trial of the release enrolls (its words all in a trial's indication)."""
    long = ctx.abbreviations().get(label, label)
    words = set(re.findall(r"[a-z0-9]+", long.lower()))
    for trial in ctx.extraction.trials:
        indication = (trial.indication or "").lower()
        for short, full in ctx.abbreviations().items():
            if short.lower() in indication.split():
                indication += " " + full.lower()
        if words and words <= set(re.findall(r"[a-z0-9]+", indication)):
            return True
    return False


def folded(label: str) -> str:
    """A label without accents: "naïve" and "naive" name one group."""
    return label if label.isascii() else unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()


def _several_subgroups(results: list[ResultFact], subgroups: dict[str, str]) -> list[ResultFact]:
    """Subgroup figures keep their group only when the release reports more than one group. A
    disease is set against another in one statement ("38% in patients with ovarian cancer and 25%
    in patients with endometrial cancer"): apart, two wordings may name the trial's one disease."""
    by_statement: dict = {}
    for r in results:
        if subgroups.get(r.cohort) == "disease subgroup":
            by_statement.setdefault(r.evidence.span, set()).add(name_key(r.cohort))
    contrasted = {key for keys in by_statement.values() if len(keys) >= 2 for key in keys}

    def eligible(label: str) -> bool:
        return subgroups[label] != "disease subgroup" or name_key(label) in contrasted
    reported = {name_key(r.cohort) for r in results if r.cohort in subgroups and eligible(r.cohort)}
    # "In treatment-naive patients, ... In patients previously treated with X, ...": a prior-therapy subset is the other group
    reported |= {name_key(r.cohort) for r in results if r.cohort and r.cohort.startswith(_PRIOR_LABELS)}

    def kept(label: str) -> bool:
        # a population named inside a labelled group is a subset of it, whatever else the release reports
        return subgroups[label] == "subset" or (len(reported) >= 2 and eligible(label))
    return [r if r.cohort not in subgroups or kept(r.cohort) else replace(r, cohort=None, population=None)
            for r in results]


_PAIR_LEFT = re.compile(r"(?:\s*(?:months?|weeks?|days?|%|percent))?\s*,?\s*(?:versus|vs\.?|compared (?:with|to))\s", re.I)


def _cohort_for(text: str, mentions: list[CohortMention], start: int, end: int) -> CohortMention | None:
    if not mentions:
        return None
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if inside:  # "each of the four patients treated in Cohort 3 achieved stable disease"
        return inside[0]
    # "45% in Cohort B"; not across a clause: "the ORR was 30%, while in Cohort B ..."
    following = [m for m in mentions if m.start >= end and re.fullmatch(r"[^.;,]{0,25}?\b(?:for|in|from|at|among)\s+(?:the\s+)?(?:\w+\s+)?", text[end:m.start])]
    if following:
        return following[0]
    if _PAIR_LEFT.match(text, end):
        # "48% in Arm A versus 25% in Arm B, and median PFS was 7.9 months versus 4.1 months": a later pair keeps
        # the order of the first, so its left figure is the group that stood left of "versus" before
        lefts = [m for m in mentions if m.end <= start and _PAIR_LEFT.match(text, m.end)]
        if lefts:
            return lefts[-1]
    preceding = [m for m in mentions if m.end <= start]
    if preceding:
        candidate = preceding[-1]
        if any((m.start, m.end) == (candidate.start, candidate.end) and m.label != candidate.label for m in preceding):
            return None  # "In the FL and MZL cohorts, ... the DCR was 95%": a figure for groups named together is no one group's
        between = text[candidate.end:start]
        if _ASIDE_OPENING.search(text, 0, candidate.start) and re.match(r"[^,;()]*,", between):
            return None  # "two patients, both treated in Cohort 3, had a PR, and five had SD": the aside is the two's
        if not re.search(r"\b(?:intention-to-treat|intent-to-treat|ITT)\b", between):
            return candidate
        return None
    after = [m for m in mentions if m.start >= end and m.start - end < 60]
    if after and _NEW_CLAUSE_AFTER.search(text, end, after[0].start):
        return None  # "the DCR across all patients was 95%, and no patient in Cohort 3 has progressed": another clause's group
    return after[0] if after else None


# a comma aside about the people just counted: "two patients, both treated in Cohort 3, ..."
_ASIDE_OPENING = re.compile(r",\s*(?:both|all|each|all\s+of\s+them|including|of\s+whom)\s+[^,;()]*$")
_NEW_CLAUSE_AFTER = re.compile(r",\s+(?:and|but|while|whereas|although)\b|[;:]")


# "Data from the phase 1b, shared at a meeting in January, included 38 patients": the study a paragraph's figures come
# from, named by its phase alone
_DATA_FROM_PHASE = re.compile(
    r"\b(?:[Dd]ata|[Rr]esults|[Ff]indings|[Rr]eadout)\s+(?:from|of)\s+(?:the|its|this|that)\s+[Pp]hase\s+"
    r"(?P<phase>[0-9IV]+[ab]?(?:\s*[/-]\s*[0-9IV]*[ab]?)?)(?![\w/-])")


def _trial_for_result(ctx, sentence, start, cohort) -> str | None:
    if cohort is not None:
        for fact in ctx.extraction.cohorts:
            if fact.label == cohort.label and fact.trial:
                return fact.trial
    if any(index == sentence.index for index, _, _, _ in ctx.trial_mentions):
        return trial_for(ctx, sentence, start)  # a trial the sentence names itself
    return _trial_by_phase(ctx, sentence) or trial_for(ctx, sentence, start)


def _trial_by_phase(ctx, sentence) -> str | None:
    """The one trial of the phase the sentence or the one before it in its paragraph says its data come from."""
    for index in (sentence.index, sentence.index - 1):
        if index < 0 or ctx.sentences[index].paragraph != sentence.paragraph:
            break
        found = _DATA_FROM_PHASE.search(ctx.text(ctx.sentences[index]))
        if found:
            phase = normalize_phase(found.group("phase").replace(" ", ""))
            of_phase = [t.local_id for t in ctx.extraction.trials if phase and t.phase == phase]
            return of_phase[0] if len(of_phase) == 1 else None
    return None


def _table_results(ctx: Context) -> list[ResultFact]:
    results: list[ResultFact] = []
    rows: list[Sentence] = []
    for sentence in ctx.fact_sentences() + [None]:
        if sentence is not None and _is_row(ctx.text(sentence)):
            rows.append(sentence)
            continue
        if len(rows) >= 2:
            results.extend(_parse_table(ctx, rows, _stubless_header(ctx, rows[0])))
        rows = []
    return results


def _stubless_header(ctx: Context, first: Sentence) -> list[str] | None:
    """Column heads over an empty top-left cell: "Cohort 1   Cohort 3" (and "(N=105)   (N=43)"
    stacked under it) right above rows that open with their endpoint: one cell short of every
    row, so the row scan does not take them; the first row is then a body row, not the header."""
    width = len(_cells(ctx.text(first)))
    stacked: list[list[str]] = []
    index = first.index - 1
    while index >= 0 and len(stacked) < 2:
        cells = _cells(ctx.text(ctx.sentences[index]))
        if len(cells) != width - 1 or len(cells) < 2 or ctx.sentences[index].zone != first.zone:
            break
        stacked.insert(0, cells)
        index -= 1
    if not stacked:
        return None
    return [""] + [" ".join(column) for column in zip(*stacked)]


_CELL_BREAK = re.compile(r"\s(?:\s+|(?<=\t))")  # "\s{2,}|\t", opening with whitespace: a fast scan for it


# A table pasted without its outer bars: "Median OS, months | 11.9 | 8.7"
_INNER_BARS = re.compile(r"\S \| \S.* \| \S")


def _is_row(text: str) -> bool:
    text = text.strip()
    if text.startswith("|"):  # a markdown table row: "| ORR | 45% | 12% |"
        return text.count("|") >= 3
    return len(_CELL_BREAK.split(text)) >= 3 or bool(_INNER_BARS.search(text))


def _cells(text: str) -> list[str]:
    text = text.strip()
    if text.startswith("|") or _INNER_BARS.search(text):
        # stacked header lines stay apart by their runs of spaces: "UC 2L   sac-TMT 5 mg/kg   (n=11)"
        return [c.strip(" *") for c in text.strip("|").split("|")]
    return [c.strip(" *") for c in re.split(r"\s{2,}|\t", text)]


# A row whose label gives the unit its cells leave out: "CR n (%)" with cells "1 (9)", "Median
# PFS, months (95% CI)" with cells "5.8 (1.7-NE)".
_COUNT_AND_RATE = re.compile(r"\bn\s*\(\s*%\s*\)", re.I)
_ROW_UNIT = re.compile(r",\s*(?P<unit>months|weeks|days|%)(?:\s*\(|\s*$)", re.I)
_LEADING = re.compile(r"^(?P<v>\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(?P<v2>\d+(?:\.\d+)?))?(?=\s*(?:\(|$))")
_PERCENT_IN_PARENS = re.compile(r"^\d+\s*\(\s*(?P<v>\d+(?:\.\d+)?)\s*%?\s*\)$")


def _cell_value(label: str, cell: str, endpoint: str) -> tuple[float, float | None, str] | None:
    """A cell's figure for the row's endpoint: (value, value_high, unit)."""
    if _COUNT_AND_RATE.search(label):
        rate = _PERCENT_IN_PARENS.match(cell)  # "5 (45)": the rate wins over the count
        if rate is None and re.fullmatch(r"0(?:\.0+)?", cell.strip()):
            return (0.0, None, "%") if _compatible(endpoint, "%") else None  # "0": no patient, a 0 % rate
        return (float(rate.group("v")), None, "%") if rate and _compatible(endpoint, "%") else None
    found = VALUE.search(cell)
    if found:
        unit = _unit(found.group("unit"), endpoint)
        high = found.group("v2")
        if unit and _compatible(endpoint, unit):
            return float(found.group("v")), float(high) if high else None, unit
        return None
    stated = _ROW_UNIT.search(label)
    leading = _LEADING.match(cell)
    if stated and leading:
        unit = _unit(stated.group("unit"), endpoint)
        high = leading.group("v2")
        if unit and _compatible(endpoint, unit):
            return float(leading.group("v")), float(high) if high else None, unit
    return None


def _parse_table(ctx: Context, rows: list[Sentence], header: list[str] | None = None) -> list[ResultFact]:
    if header is None:
        header, rows = _cells(ctx.text(rows[0])), rows[1:]
    body = [r for r in rows if not re.fullmatch(r"[-=:\s|]+", ctx.text(r))]
    out: list[ResultFact] = []
    # rows by group: the stub's head names the groups ("Cohort", "Dose cohort", "Treatment arm"),
    # or every row opens with a group's label ("Cohort 1", "Arm B") under a head that names none
    by_cohort = re.search(r"(?:^|\s)(?:cohort|arm|dose level|group|part)s?\b", header[0], re.I) or (
        body and all(_row_group(_cells(ctx.text(row))[0]) for row in body))
    for row in body:
        cells = [" ".join(c.split()) for c in _cells(ctx.text(row))]
        if len(cells) != len(header):
            continue
        if by_cohort:
            label = _row_group(cells[0]) or cells[0]
            for head, cell in zip(header[1:], cells[1:]):
                head = " ".join(head.split())
                endpoint = _endpoint_code(head)
                figure = _cell_value(head, cell, endpoint) if endpoint else None
                if figure:
                    out.append(_table_fact(ctx, row, endpoint, figure, label))
        else:
            # a footnote letter flattened onto an abbreviation: "Confirmed ORRa", "Median PFSb"
            cells[0] = re.sub(r"(?<=[A-Z])[a-z](?=[\s,]|$)", "", cells[0])
            endpoint = _endpoint_code(cells[0])
            if not endpoint:
                continue
            for head, cell in zip(header[1:], cells[1:]):
                figure = _cell_value(cells[0], cell, endpoint)
                if figure:
                    label, comparator = _column_group(ctx, head)
                    out.append(_table_fact(ctx, row, endpoint, figure, label, comparator))
    return [r for r in out if r is not None]


def _row_group(stub: str) -> str | None:
    """The label of the group a row's stub names alone: "Cohort 1" is "1", "Arm B" is "B"."""
    labelled = {m.label for m in cohort_mentions(stub) if m.kind in ("number", "arm", "part")}
    return labelled.pop() if len(labelled) == 1 else None


def _column_group(ctx: Context, header: str) -> tuple[str | None, bool]:
    """A column's group and whether it is the comparison arm: "Placebo (n=40)", "Docetaxel", "GnP alone"
    (a regimen the release abbreviates); a column that names only the drug's regimen ("X + GnP (n=62)") is the
    drug's arm, with no group label."""
    if CONTROL_ARM.search(header) or COMPARATOR.search(header):
        return None, True
    main = ctx.main_drug()
    names = ctx.drugs_in(header)
    regimens = [ctx.drugs_in(ctx.long_forms()[word]) for word in re.findall(r"[A-Za-z][\w-]*", header)
                if word in ctx.long_forms()]
    named = {m.name for m in names} | {m.name for found in regimens for m in found}
    if named and main not in named:
        return None, True
    if main in named and _ONLY_TREATMENT.fullmatch(_without_drugs(ctx, header)):
        return None, False
    # the treatment and its dose say which drug, not which group: "UC 2L | sac-TMT 5 mg/kg | (n=11)"
    for mention in reversed(names):
        header = header[:mention.start] + " " + header[mention.end:]
    labelled = {m.label for m in cohort_mentions(header) if m.kind in ("number", "arm", "part")}
    if len(labelled) == 1:  # "Arm A (200 mg)": the group's label, whatever dose it states beside it
        return labelled.pop(), False
    parts = [p for p in re.split(r"\s{2,}", header.strip()) if p and not DOSE.search(p)]
    line = _ANY_LINE.search(" ".join(parts[:1]))
    if line:  # "UC 2L": the line of therapy is what sets the column's patients apart
        return line.group(0), False
    labelled = [m for m in cohort_mentions(" ".join(parts[:1])) if m.kind in ("number", "arm", "part")]
    if len(labelled) == 1:  # "Cohort 1 (N=105)": the group's label, as the text names it elsewhere
        return labelled[0].label, False
    return _population_label(" ".join(" ".join(parts[:1]).split())), False


# What is left of a column head that names only a treatment once its drugs are taken out: "+ GnP (n=62)"
_ONLY_TREATMENT = re.compile(r"(?:\s|[+/&,]|\([^()]*\)|\b(?:plus|and|with|alone|monotherapy|combination|arm|group)\b)*", re.I)


def _without_drugs(ctx: Context, header: str) -> str:
    """The column head without its drug names and the regimens it abbreviates."""
    for mention in reversed(ctx.drugs_in(header)):
        header = header[:mention.start] + " " + header[mention.end:]
    return " ".join(word for word in header.split() if word not in ctx.long_forms() or not ctx.drugs_in(ctx.long_forms()[word]))


def _population_label(header: str) -> str | None:
    label = re.sub(r"\(.*?\)", "", header).strip()
    if not label or re.fullmatch(r"(?:ITT|mITT|intention[- ]to[- ]treat|intent[- ]to[- ]treat|overall|all patients|total|safety)(?: population)?", label, re.I):
        return None
    return label.lower()


def _table_fact(ctx, row: Sentence, endpoint, figure, label, comparator=False) -> ResultFact | None:
    value, high, unit = figure
    trial = None if comparator else trial_for(ctx, row, 0)
    if label and label.isdigit():
        for fact in ctx.extraction.cohorts:
            if fact.label == label and fact.trial:
                trial = fact.trial
    trial_fact = next((t for t in ctx.extraction.trials if t.local_id == trial), None)
    drug = trial_fact.drug if trial_fact else ctx.main_drug()
    if drug is None:
        return None
    return ResultFact(drug, endpoint, value, unit, Evidence.of(row, TABLE), trial=trial, cohort=label,
                      value_high=high, comparator=comparator,
                      population=label if label and not label.isdigit() else None)


def _one_label_per_group(results: list[ResultFact]) -> list[ResultFact]:
    """A group named twice in different case ("treatment-naive patients" in a summary bullet,
    "Treatment-Naive Patients" in a heading) is one group: the first wording names it."""
    first: dict[str, str] = {}
    out = []
    for result in results:
        if result.cohort:
            label = first.setdefault(name_key(result.cohort), result.cohort)
            if label != result.cohort:
                result = replace(result, cohort=label, population=label if result.population else None)
        out.append(result)
    return out


def _dedupe(results: list[ResultFact]) -> list[ResultFact]:
    seen = set()
    unique = []
    for result in results:
        key = (result.drug, result.trial, result.cohort, result.endpoint, result.value, result.value_high, result.unit, result.comparator)
        if key in seen:
            continue
        seen.add(key)
        unique.append(result)
    # A headline figure restated without its cohort is the same result; the same figure twice in
    # one statement (a table row: "5.5 months  4.4 months  5.5 months") is two groups' figure.
    with_cohort: dict[tuple, set] = {}
    for r in unique:
        if r.cohort:
            with_cohort.setdefault((r.drug, r.endpoint, r.value, r.unit), set()).add(r.evidence.span)
    # "Complete response: 7.7% (4/52)" ... "Four complete responses in a cohort of this size": a stated rate wins over
    # its count (GUIDE.md), also where the release counts the responders in another sentence
    # (a count that names no group restates the rate of the group the release reports it for)
    rated = {key for r in unique if r.unit == "%"
             for key in ((r.drug, r.cohort, r.endpoint, r.comparator), (r.drug, None, r.endpoint, r.comparator))}
    return [r for r in unique if (r.cohort or r.comparator
            or not (with_cohort.get((r.drug, r.endpoint, r.value, r.unit), set()) - {r.evidence.span}))
            and not (r.unit == "patients" and (r.drug, r.cohort, r.endpoint, r.comparator) in rated)]


def _add_population_cohorts(ctx: Context) -> None:
    """Populations ("triple-class refractory") become cohorts when results are reported for them."""
    known = {c.label for c in ctx.extraction.cohorts}
    regimen_of = study_regimens(ctx)
    for result in ctx.extraction.results:
        if result.cohort and result.cohort not in known:
            known.add(result.cohort)
            dose = DOSE.search(result.cohort)
            # "Part A (dose escalation)" with findings and no one dose of its own is dosed on its study's schedule
            regimen = regimen_of(result.trial) if not dose and _LABELLED.fullmatch(result.cohort) else None
            ctx.extraction.cohorts.append(
                CohortFact(result.cohort, result.drug, result.evidence, trial=result.trial,
                           dose=float(dose.group("value")) if dose else None, dose_unit=dose.group("unit") if dose else None,
                           regimen=regimen)
            )


_LABELLED = re.compile(r"\d+[a-z]?|[A-Z]\d?")  # "Part A", "Cohort 2a": a group labelled by letter or number
