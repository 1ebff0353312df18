"""Development milestones: what a release promises ("expects to report topline
data in the first half of 2020") and what it says was done ("initiated Cohort 7").

A milestone is an event word (report data, begin a study, complete enrollment,
submit an NDA, ...) whose tense decides its status: a future marker near it
("expects", "plans to", "on track to") makes it planned, a past one ("began",
"had been enrolled") achieved. Only fact-stating zones are read: the
forward-looking-statements disclaimer lists topics, not promises. Data readouts,
regulatory decisions and launches are kept only when planned: a release that
reports data states results, which the results stage already records.
"""
from __future__ import annotations

import re

from ..model import Evidence, MilestoneFact, Sentence
from .context import Context
from .periods import TimeMention, time_mentions
from .memo import per_text
from .prefilter import GateGroup, gate

_W = r"(?:[\w/().,'-]+\s+)"  # one word of filler between an event verb and its object
_APPLICATION = (r"(?:s?NDAs?|BLAs?|MAAs?|INDs?|CTAs?|(?:new drug|biologics license|marketing authori[sz]ation)\s+applications?"
                r"|(?:an?\s+|the\s+|its\s+)?applications?|(?:conditional\s+)?marketing\s+(?:approval|authori[sz]ation)"
                r"|(?:Breakthrough Therapy|Fast Track|Orphan Drug|Priority Review|RMAT|PRIME)\s+(?:Designation|designation|status))")
_STUDY = r"(?:study|studies|trial|trials|cohort|cohorts|part|portion|arm|extension)"

EVENTS: tuple[tuple[str, re.Pattern], ...] = tuple((kind, gate(re.compile(pattern, re.I))) for kind, pattern in (
    ("enrollment_completion",
     rf"\bcomplet\w*\s+(?:of\s+)?(?:patient\s+|the\s+)?enrol?lment\b|\benrol?lment\b\s+{_W}{{0,10}}?(?:was\s+|is\s+|has\s+been\s+)?complet\w*"
     rf"|\bfully\s+enrol?led\b|\bfull\s+enrol?lment\b|\b(?:all|the\s+remaining|remaining)\s+(?:\d+\s+)?{_W}{{0,8}}?patients\b(?:\s+{_W}{{0,8}}?)"
     rf"(?:to\s+be|had\s+been|have\s+been|has\s+been|were|are)\s+enrol?led\b"),
    ("completion",
     rf"\bcomplet(?:ed|es|ing|e)\s+(?:the\s+|its\s+|enrol?lment\s+in\s+)?(?:\w+\s+)?(?:cohort|part|portion|stage)\b"
     rf"|\b(?:Part|portion|stage)\s+{_W}{{0,14}}?(?:has\s+been|was|is|had\s+been)\s+(?:completed|finished)\b|\bPart\s+[A-Z]\s+is\s+finished\b"),
    # every branch opens at a word start: one \b before the choice fails inside words at once, where nine
    # branches each opening with \b were tried at every character (0.25 us each, the costliest event)
    ("initiation",
     rf"\b(?:(?<!-)(?:begin|began|begun|initiat(?:e|es|ed|ing)|start(?:s|ed|ing)?|commenc(?:e|es|ed|ing)|launch(?:es|ed|ing)?|opened)"
     rf"\s+{_W}{{0,6}}?(?:{_STUDY}|enrol?lment|enrol?ling|dosing|dose\s+escalation)\b"
     rf"|(?:began|begun|started|initiated|commenced)\s+dosing\b|dos(?:ed|ing)\s+(?:of\s+)?(?:the\s+)?first\s+patient"
     rf"|first\s+patient\s+(?:was\s+|has\s+been\s+)?dosed\b|moved\s+on\s+to\s+(?:Cohort|Part|the\s+next|the\s+[\d.]+\s*\S+\s+(?:level|dose))\b"
     rf"|(?:plans?|intends?|expects?)\s+to\s+(?:run|evaluate|conduct|test)\b(?=[^.;]{{0,80}}\b(?:study|trial)\b)"
     rf"|(?:study|trial)\b[^.;]{{0,100}}?\bis\s+(?:also\s+)?planned\b(?!\s+to)|now\s+enrol?ling\b|begin\s+enrol?ling\b)"),
    ("regulatory_submission",
     rf"\b(?:submi(?:t|ts|tted|tting|ssion\s+of)|fil(?:e|es|ed|ing)|appl(?:y|ies|ied)\s+for|seek(?:s|ing)?|request(?:s|ed|ing)?)"
     rf"\s+{_W}{{0,5}}?{_APPLICATION}\b|\b(?:s?NDA|BLA|MAA|{_APPLICATION})\s+(?:submissions?|filings?)\b"
     rf"|\b(?:submit|file)\b(?=\s+(?:it\s+|them\s+)?to\s+(?:the\s+)?(?:U\.S\.\s+)?(?:FDA|EMA|NMPA|PMDA|agency|Food))"
     rf"|\baccepted\s+{_W}{{0,4}}?{_APPLICATION}\b"),
    ("regulatory_decision",
     r"\bPDUFA\b|\b(?:target\s+)?action\s+date\b|\b(?:approval|regulatory)\s+decision\b|\bdecision\s+on\s+(?:the\s+)?(?:application|approval)\b"),
    ("data_readout",
     rf"\b(?:report(?:s|ing)?|present(?:s|ing)?|announc(?:e|es|ing)|provid(?:e|es|ing)|releas(?:e|ing)|shar(?:e|es|ing)|disclos(?:e|es|ing))"
     rf"\s+{_W}{{0,4}}?(?:data|results?|update|readout)\b"
     rf"|\b(?:data|results?|readout)\b[^.;]{{0,60}}?\b(?:is|are)\s+(?:now\s+)?(?:expected|anticipated|planned|scheduled)\b"
     rf"|\b(?:anticipates?|expects?)\s+{_W}{{0,3}}?(?:data|results?|readout)\b|\bwait(?:ing)?\s+for\s+{_W}{{0,2}}?(?:data|results?)\b"),
    ("other",
     r"\b(?:commercial\s+)?launch\b(?!\s+(?:of\s+)?(?:a|the|its)\s+\w*\s*(?:study|trial))|\b(?:commercially\s+)?available\s+(?:in|to|through)\b"
     r"|\brequest\s+a\s+meeting\b"),
))
# Kinds a release only ever promises: once done, they are results, approvals or sales.
PLANNED_ONLY = {"data_readout", "regulatory_decision", "other"}

FUTURE = re.compile(
    r"\b(?:expects?|expected|expecting|anticipates?|anticipated|anticipating|plans?|planned|planning|intends?|intention"
    r"|will|shall|aims?|targets?|targeting|look(?:s|ing)?\s+forward|on\s+track|scheduled|slated|to\s+be|prepar(?:es|ing)"
    r"|goal|wait(?:ing)?\s+for|seeks?|upcoming|coming|would|next|focus(?:ed|es)?(?:\s+is)?\s+on)\b",
    re.I,
)
PAST = re.compile(
    r"\b(?:completed|initiated|began|begun|started|commenced|launched|opened|dosed|submitted|filed|applied|accepted"
    r"|had\s+been|has\s+been|have\s+been|moved\s+on|reached|finished|now\s+enrol?ling|is\s+enrol?ling|recently)\b",
    re.I,
)
# "Launch in the United States expected on or before ...": a passive promise after the event.
FUTURE_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:is|are)?\s*(?:expected|anticipated|planned|scheduled)\b", re.I)
PASSIVE_FUTURE = re.compile(r"\b(?:to|will|would|shall)\s+be\s+(?:\w+\s+)?\w+(?:ed|en)\b", re.I)
# "had expected activity to emerge only at 60 mCi/m2": a past expectation, not a promise.
STALE = re.compile(r"\bhad\s+(?:been\s+)?(?:expected|anticipated|planned)\b", re.I)
COHORT = re.compile(
    r"\bCohorts?\s+(?P<n>\d+|[A-Z])\b|\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+cohort\b"
    r"|\bthe\s+(?P<name>[A-Z][\w/-]*)\s+cohort\b"
)
ORDINALS = {w: str(i) for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}
PART = re.compile(r"\bPart\s+[A-Z]\b")
PHASE_STUDY = re.compile(r"\b[Pp]hase\s+(?:[1-4]|I{1,3}V?)[ab]?(?:/(?:[1-4]|I{1,3}))?\s+(?:\w+\s+){0,2}?(?:study|trial)\b")
APPLICATION_NAME = re.compile(r"\b(?:s?NDA|BLA|MAA|IND|CTA)\b|\b(?:New Drug|Biologics License|Marketing Authori[sz]ation) Application\b"
                              r"|\b(?:Breakthrough Therapy|Fast Track|Orphan Drug) Designation\b|\bmarketing (?:approval|authori[sz]ation)\b", re.I)
# Most sentences hold none of these words: skip their scans (prefilter.py).
FUTURE, PAST, FUTURE_AFTER, PASSIVE_FUTURE, STALE, COHORT, PART, PHASE_STUDY, APPLICATION_NAME = map(
    gate, (FUTURE, PAST, FUTURE_AFTER, PASSIVE_FUTURE, STALE, COHORT, PART, PHASE_STUDY, APPLICATION_NAME))
_ANY_EVENT = GateGroup(pattern for _, pattern in EVENTS)  # one test: many sentences state no event
_WINDOW = 90  # characters around an event word in which tense markers and subjects count


def extract_milestones(ctx: Context) -> None:
    released = ctx.extraction.release.date
    for sentence in ctx.fact_sentences():
        seen: set[tuple] = set()
        for fact in _sentence_milestones(ctx, sentence):
            key = (fact.kind, fact.status, fact.trial, fact.cohort, fact.subject)
            # A "plan" dated wholly before the release is history retold
            # ("the panel voted in favor of waiting for the results"), not a promise.
            stale = fact.status == "planned" and fact.period and released and fact.period.end < released
            if key not in seen and not stale:
                seen.add(key)
                ctx.extraction.milestones.append(fact)


def _sentence_milestones(ctx: Context, sentence: Sentence):
    text = ctx.text(sentence)
    times: list[TimeMention] | None = None  # read only when the sentence states a milestone
    for kind, match, status in _events(text):
        if times is None:
            times = time_mentions(text, ctx.extraction.release.date)
        yield _milestone(ctx, sentence, text, match, kind, status, times)


@per_text
def _events(text: str) -> list[tuple[str, re.Match, str]]:
    """(kind, event words, status) for every event the sentence states: its text alone decides."""
    found: list[tuple[str, re.Match, str]] = []
    taken: list[tuple[int, int]] = []
    if not _ANY_EVENT.possible(text):
        return found
    for kind, pattern in EVENTS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue  # an earlier (more specific) kind already claimed these words
            status = _status(text, match)
            if status is None or (status == "achieved" and kind in PLANNED_ONLY):
                continue
            taken.append((match.start(), match.end()))
            found.append((kind, match, status))
    return found


def _status(text: str, match: re.Match) -> str | None:
    before = text[max(0, match.start() - _WINDOW):match.start()]
    clause = re.split(r"[;:]|\bbut\b|\bwhile\b", before)[-1]
    inside, after = match.group(0), text[match.end():match.end() + 30]
    if STALE.search(clause + inside):
        return None
    future = [m.end() for m in FUTURE.finditer(clause)] + [len(clause) for _ in FUTURE.finditer(inside + " " + after[:12])]
    if FUTURE_AFTER.search(text[match.end():]):
        future.append(len(clause))
    past = [m.end() for m in PAST.finditer(clause)] + [len(clause) + 1 for _ in PAST.finditer(inside)]
    if PASSIVE_FUTURE.search(inside + after):  # "enrollment expected to be completed in Q3"
        return "planned"
    if not future and not past:
        return None
    if past and (not future or max(past) > max(future)):
        return "achieved"
    return "planned"


def _milestone(ctx: Context, sentence: Sentence, text: str, match: re.Match, kind: str, status: str,
               times: list[TimeMention]) -> MilestoneFact:
    cohort = _nearest(COHORT, text, match)
    cohort_label = None
    if cohort is not None and kind in ("initiation", "completion", "data_readout", "enrollment_completion"):
        cohort_label = cohort.group("n") or ORDINALS.get((cohort.group("ord") or "").lower()) or cohort.group("name")
    trial = _trial(ctx, sentence, match.start(), cohort_label)
    drug = _drug(ctx, sentence, text, match.start(), trial)
    time = _time(times, match)
    return MilestoneFact(
        kind=kind, status=status, evidence=Evidence.of(sentence, "milestones"), drug=drug, trial=trial,
        cohort=cohort_label, subject=_subject(text, match, kind, cohort_label),
        period=time.period if time else None, time_text=time.text if time else None,
    )


def _nearest(pattern: re.Pattern, text: str, match: re.Match) -> re.Match | None:
    """The mention of `pattern` closest to the event words, within the window."""
    best = None
    for m in pattern.finditer(text):
        distance = max(m.start() - match.end(), match.start() - m.end(), 0)
        if distance <= _WINDOW // 2 and (best is None or distance < best[0]):
            best = (distance, m)
    return best[1] if best else None


def _trial(ctx: Context, sentence: Sentence, position: int, cohort: str | None) -> str | None:
    if cohort is not None:
        for fact in ctx.extraction.cohorts:
            if fact.label == cohort and fact.trial:
                return fact.trial
    mentions = _trial_mentions(ctx)
    same = [(abs(start - position), trial) for index, start, trial in mentions if index == sentence.index]
    if same:
        return min(same)[1]
    # A promise about "the program" or "additional data" leans on the trial the
    # paragraph has just named; beyond the paragraph it would be a guess.
    earlier = [(index, start, trial) for index, start, trial in mentions
               if index < sentence.index and ctx.sentences[index].paragraph == sentence.paragraph]
    return max(earlier)[2] if earlier else None


def _trial_mentions(ctx: Context) -> list[tuple[int, int, str]]:
    """(sentence index, start, trial id): the trials stage's mentions plus every
    sentence that writes a trial's name, which that stage records only once."""
    found = {(index, start, trial) for index, start, _, trial in ctx.trial_mentions}
    names = [(fact.name, fact.local_id) for fact in ctx.extraction.trials if fact.name]
    for name, trial in names:
        pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
        for sentence in ctx.sentences:
            text = ctx.text(sentence)
            if name not in text:  # the pattern holds the name literally: a plain test spares most scans
                continue
            for match in pattern.finditer(text):
                found.add((sentence.index, match.start(), trial))
    return sorted(found)


def _drug(ctx: Context, sentence: Sentence, text: str, position: int, trial: str | None) -> str | None:
    if trial is not None:  # the trials stage already decided whose trial it is
        for fact in ctx.extraction.trials:
            if fact.local_id == trial:
                return fact.drug
    mentions = ctx.drugs_in(text)
    if mentions:
        return min(mentions, key=lambda m: abs(m.start - position)).name
    return ctx.section_drug(sentence) or ctx.previous_drug(sentence) or ctx.main_drug()


def _time(times: list[TimeMention], match: re.Match) -> TimeMention | None:
    """The time expression of the event: the first after it, else the last before it."""
    after = [t for t in times if t.start >= match.start()]
    if after:
        return after[0]
    before = [t for t in times if t.end <= match.start() and match.start() - t.end <= _WINDOW]
    return before[-1] if before else None


def _subject(text: str, match: re.Match, kind: str, cohort: str | None) -> str | None:
    if cohort is not None:
        return f"Cohort {cohort}"
    if kind == "regulatory_submission":
        found = _nearest(APPLICATION_NAME, text, match)
        return found.group(0) if found else None
    for pattern in (PART, PHASE_STUDY):
        found = _nearest(pattern, text, match)
        if found:
            return found.group(0)
    return None
