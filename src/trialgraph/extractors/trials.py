"""Clinical trials: phase, name, design, indication and drug, merged within a
release so that every trial the release names appears once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from ..model import Evidence, Sentence, TrialFact
from .context import Context
from .drugs import _protocol_of
from .prefilter import GateGroup, gate
from .abbreviations import best_long_form, expand
from .pipeline_rows import Row, pipeline_rows
from .text import DISEASE_ACRONYM, HEALTHY_PEOPLE, indication_after, names_disease, population_words, similarity, split_list

NAME = "trials.patterns"

# A combined phase is written with a slash or a dash ("Phase 1/2", "Phase I–II", "Phase 2-3"); "Phase 2a/b"
# runs the letters of one phase; "Phase 1b/Phase 2" writes the second phase out (see _continued_phase).
PHASE = re.compile(
    r"\b(?:[Pp]hase\s*|[Pp]hase-|PHASE[\s-]*)(?P<p>(?:IV|I{1,3}|[1-4\u2160-\u2163])[abAB]?"
    r"(?:\s*[/\u2013]\s*(?:IV|I{1,3}|[1-4\u2160-\u2163])[abAB]?|-(?:IV|I{1,3}|[1-4])[abAB]?(?![\w-])|/[abAB])?"
    r"|(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our)(?=\s))(?!\w|/(?!\s*(?:[Rr]andomi[sz]ed\s+|[Oo]pen-[Ll]abel\s+)?(?:[Pp]hase|PHASE)))"
)
TRIAL_NOUN = re.compile(r"\b(?:stud(?:y|ies)|trials?|program|portion|testing|extension)\b", re.I)
# News writes one study's phase as its stage: "a late-stage trial called X", "ended a mid-stage study of Y" (GUIDE
# reads them as Phase 3 and Phase 2). An early-stage study may be Phase 1 or 1/2 and stays unphased; plural trials
# ("to continue development in late-stage trials") are a programme's future, not a study. A headline's "drug beats
# Y in late-stage trial" compresses a study the body names with its phase: only the body's stage words are read.
STAGE_AS_PHASE = re.compile(r"\b(?P<p>[Mm]id|[Ll]ate)-stage(?=\s+(?:clinical\s+)?(?:[A-Z][A-Za-z]*-?\d*[A-Za-z]?\s+)?"
                            r"(?:study|trial)\b(?!s))")
# Study names: acronyms ("BRUIN", "CLOVER-1"), hyphenated codes ("ACE-Breast-03", "O-12-M1"), names
# in mixed case ("ReNeu", "KeyVibe-002", "CORALreef"), "Study 201" and short quoted names.
# A study two partners run is known by both their protocol codes ("ZX101-01/PB-3020-001"); a drug code with a
# protocol number ("PB-3020-001") names a study.
_PROTOCOL_CODE = r"(?:[A-Z][A-Z0-9]*\d[A-Z0-9]*(?:-[A-Za-z0-9]+)*|[A-Z]{2,}-\d+-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)"
TRIAL_NAME = (rf"(?:{_PROTOCOL_CODE}/(?={_PROTOCOL_CODE}))?"
              r"(?:[A-Z]{2,}-\d+-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|[A-Z][A-Z0-9]{2,}(?:-[A-Za-z0-9]+)*|[A-Z]-[A-Z]{3,}(?:-[A-Za-z0-9]+)*|[A-Z][A-Za-z]*-[A-Z][A-Za-z0-9-]*\d|[A-Z]-\d+(?:-[A-Z0-9]+)+|"
              r"[A-Z][a-z]+[A-Z][A-Za-z]*(?:-\d+)?|[A-Z]{3,}[a-z]+(?:-\d+)?|[A-Z][a-z]{3,}-\d{1,3}[A-Za-z]?|"
              r"Study\s+\d+(?:-\d+)?|\"[^\"]{1,20}\")")
# "the Pioneer 6 study": a word and a number, only where a study noun or phase follows
WORD_NUMBER_NAME = r"[A-Z][A-Za-z]{2,} \d{1,3}[a-z]?"
# A study family's member is named by a word after the family's name: "the ZEPHYR Lipids Trial",
# "the ZEPHYR Outcomes trial" (cardiovascular outcomes trials are conventionally "<name> Outcomes");
# the word is the name's unless it describes any study ("STRIVE Safety Trial") or names a population.
# "the X study arms", "X trial sites": the study noun modifies another noun; X names no study
_MODIFIER_NOUN = r"(?!\s+(?:arms?|sites?|drugs?|populations?|participants|protocols?|designs?)\b)"
NAMED_BEFORE_NOUN = re.compile(rf"(?<![\w-])(?P<name>(?:{TRIAL_NAME}|{WORD_NUMBER_NAME})(?P<qualifier>\s+(?:[A-Z][a-z]{{2,}}|[Oo]utcomes|OUTCOMES))?)(?:\s*\([^()]{{1,80}}\))?\s+(?:(?:[Cc]linical|[Pp]ivotal|[Rr]egistrational|[Cc]onfirmatory|[Ss]afety|[Ee]fficacy|[Ee]xtension|[Oo]utcomes?|[Ll]ong-[Tt]erm|[Oo]pen-[Ll]abel|[Ff]ollow-[Uu]p|[Bb]asket|[Uu]mbrella|[Pp]latform|[Dd]ose-(?:[Ee]scalation|[Ff]inding|[Rr]anging|[Ee]xpansion|[Oo]ptimi[sz]ation)|[Ff]irst-in-[Hh]uman|[Pp]roof-of-[Cc]oncept)\s+){{0,2}}(?:[Ss]tud(?:y|ies)|[Tt]rials?)\b{_MODIFIER_NOUN}")
NOUN_THEN_NAME = re.compile(
    # "a Phase 3 study named NAME" (no comma before the naming verb, as news writes it); "a Phase 3 trial, to be called NAME"
    rf"\b(?:stud(?:y|ies)|trials?)(?:\s*\(\s*|\s+(?:(?:entitled|named|called|known as|dubbed)\s+)?|,\s*(?:(?:which|that)\s+is\s+|to\s+be\s+)?(?:entitled|named|called|known as|dubbed|or)\s+)"
    rf"(?P<name>{TRIAL_NAME})(?![\w-])")
# "A second Phase 3 study, BRIDGE-2, is expected ...", "the registrational study of X, BRIDGE, enrolled ...":
# the name in apposition after the noun (and its drug)
NOUN_COMMA_NAME = re.compile(
    rf"\b(?:stud(?:y|ies)|trials?)(?:\s+(?:of|with|evaluating|testing)\s+[^,;.()]{{1,40}})?,\s+(?P<name>{TRIAL_NAME})"
    rf"(?=\s*,|\s+(?:is|was|will|has|had|enrolled|met|showed)\b)")
# "a Phase 2 study in X, ZEN-2, later this year", "A Phase 2 trial in X, dubbed ZEN-SKIN, is due": the name in
# apposition after the study's own population (a description, then what it is called); the name closes the phrase
POPULATION_COMMA_NAME = re.compile(
    rf"\b(?:stud(?:y|ies)|trials?)\s+(?:in|of|for|with|evaluating|testing)\s+[^,;:.()]{{3,80}}?,\s*"
    rf"(?:(?:which\s+is\s+|to\s+be\s+)?(?:entitled|named|called|known\s+as|dubbed)\s+)?(?P<name>{TRIAL_NAME})(?![\w-])"
    rf"(?=\s*(?:[,;.)]|$)|\s+(?:is|was|will|has|had|are|were|later|earlier|next|this|in\s+(?:20\d\d|the\s+(?:first|second|third|fourth)))\b)")
# "HORIZON-3, the programme includes HORIZON-1, a Phase III trial": the appositive belongs to the name nearest it,
# so its words do not run over another name that opens an appositive of its own
# "NAME (NCT0...) is a Phase 3 study": a registry number between the name and its description
NAME_APPOSITIVE = re.compile(rf"(?<![\w-])(?P<name>{TRIAL_NAME})\s*(?:\([^()]{{1,40}}\)\s*)?(?:,|\s(?:is|was)\b)\s*(?:a|an|the|our|its|their)\s+"
                             rf"(?:(?!(?:{TRIAL_NAME})\s*,\s*(?:a|an|the|our|its|their)\s)[\w'/-]+[,\s]+){{0,8}}?(?:[Pp]hase\s*\S+\s+)?"
                             # "ZEN-OLE, an open-label extension that will follow them": an extension is a study of its own
                             r"(?:stud(?:y|ies)|trials?|(?<=open-label )extension|(?<=long-term )extension)\b")
# "The BRUIN Phase 1/2 clinical trial", "the DONATELLO Phase 1b study"
NAME_BEFORE_PHASE = re.compile(
    rf"(?<![\w-])(?P<name>{TRIAL_NAME}|{WORD_NUMBER_NAME})\s+[Pp]hase\s*\S+\s+(?:[\w-]+\s+){{0,3}}?(?:[Ss]tud(?:y|ies)|[Tt]rials?)\b")
# "TIDEWATER-2 Phase III, platinum-resistant ovarian cancer: met ...", "KEEL-3 Phase III did not meet ...": a results
# release's list item writes the study's name and phase with no study noun
NAME_PHASE_ITEM = re.compile(
    rf"(?<![\w-])(?P<name>{TRIAL_NAME})\s+[Pp]hase\s*(?:IV|I{{1,3}}|[1-4])[abAB]?(?:/(?:IV|I{{1,3}}|[1-4])[abAB]?)?"
    r"(?=\s*[,:;]|\s+(?:did|met|has|was|is|showed|achieved|missed|failed)\b)")
# "Phase III OSPREY-2 did not meet its primary endpoint": the same with the phase first
PHASE_NAME_ITEM = re.compile(
    rf"\b[Pp]hase\s*(?:IV|I{{1,3}}|[1-4])[abAB]?(?:/(?:IV|I{{1,3}}|[1-4])[abAB]?)?\s+(?P<name>{TRIAL_NAME})"
    r"(?=\s*[,:;]|\s+(?:did|met|has|was|is|showed|achieved|missed|failed)\b)")
# "a Phase 1/2 (NAME) trial": the name in parentheses before the noun
PAREN_NAME = re.compile(rf"\(\s*(?P<name>{TRIAL_NAME})\s*\)\s+(?:[\w-]+\s+){{0,2}}?(?:[Ss]tud(?:y|ies)|[Tt]rials?)\b{_MODIFIER_NOUN}")
# A study named by one capitalised word: "the Phase 3 Harmony trial", "The Emerald Study" (both words
# capitalised, as a title is written); generic words of study descriptions are not names.
WORD_NAME_AFTER_PHASE = re.compile(r"\b[Pp]hase\s*[\dIV][\w/]*\s+(?P<name>[A-Z][a-z]{3,})\s+(?:[Cc]linical\s+)?(?:[Ss]tud(?:y|ies)|[Tt]rials?)\b")
TITLED_WORD_NAME = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][a-z]{3,})\s+(?:Study|Trial)\b")
_GENERIC_STUDY_WORD = re.compile(
    r"(?:Clinical|Pivotal|Registrational|Confirmatory|Global|Safety|Efficacy|Extension|Outcomes?|Expansion|Pilot|"
    r"Observational|Interventional|Comparative|Adjuvant|Neoadjuvant|Maintenance|Monotherapy|Combination|Company|"
    r"Registration|Bridging|Feasibility|Exploratory|Dose|Dosing|Human|Healthy|Lead|Key|Landmark|Large|Small|"
    r"Ongoing|Completed|Planned|Upcoming|Positive|Previous|Prior|Current|First|Second|Third|Final|Initial|"
    r"Additional|Proposed|Potential|Planned|Original|Entire|Whole|Same|Other|Main|Parent|Pediatric|Paediatric|"
    r"Adult|Long|Short|Open|Blinded|Randomized|Randomised|Controlled|Placebo|Phase|Part|Cohort|Study|Trial)", re.I)
# "the Phase Ib/II combination trial in metastatic pancreatic adenocarcinoma (ZX006)": a code in parentheses
# closing the study's population names the study
PAREN_AFTER_POPULATION = re.compile(
    rf"\b(?:stud(?:y|ies)|trials?)\s+(?:in|of|for)\s+[^.;()]{{3,160}}?\s\(\s*(?P<name>{TRIAL_NAME})\s*\)")
STUDY_NUMBER = re.compile(r"(?<![\w-])(?P<name>Study\s+\d+(?:-\d+)?)(?![\w-])")
PLURAL_PHASE = re.compile(r"\b(?:two|three|both)\s+(?:\w+\s+){0,2}[Pp]hase\s*(?P<p>(?:IV|I{1,3}|[1-4])[abAB]?)\s+(?:clinical\s+)?(?:trials|studies)\b")
ORDINAL_TRIAL = re.compile(r"^\s*The (?:first|second|third|other)(?: one)? is an? [^.]*?(?P<noun>\b(?:study|trial))\b")
REGISTRY = re.compile(r"\b(?:NCT\d{8}|CTR\d{6,}|\d{4}-\d{6}-\d{2}|ISRCTN\d+)\b")
NOT_TRIAL_NAME = re.compile(
    r"^(?:ClinicalTrials|FDA|EMA|NDA|BLA|MAA|IND|ORR|DCR|CBR|DLT|MTD|RP2D|IDMC|DMC|IRC|BICR|ITT|RRMM|CNS|NCI|SBIR|SPORE|PDC|PDCs|"
    r"ADC|ADCs|HER2|ASCO|ASH|EHA|ESMO|AACR|SABCS|COVID|NCT|CTR|PFS|OS|DOR|PET|MRI|CT|US|USA|EU|UK|IV|SC|IMWG|"
    r"NASDAQ|NYSE|GLOBE|NEWSWIRE|PRNEWSWIRE|BUSINESS|WIRE|SINE|XPO1|EBRT|INN|CEO|CMO|CFO|THE|AND|FOR|RPDD|SoC|"
    r"MM|AML|ALL|CLL|NHL|DLBCL|NSCLC|SCLC|PDAC|LPL|WM|MTC|CTCL|HCC|RCC|TNBC|GIST|MDS|CRC|ET|PV|MF|ES-SCLC)$"
)
PHASE_NORMAL = {
    "1": "1", "i": "1", "1a": "1", "ia": "1", "1b": "1b", "ib": "1b", "2": "2", "ii": "2", "2a": "2", "iia": "2",
    "2b": "2b", "iib": "2b", "3": "3", "iii": "3", "3a": "3", "3b": "3", "iiia": "3", "iiib": "3", "4": "4", "iv": "4",
    "one": "1", "two": "2", "three": "3", "four": "4", "mid": "2", "late": "3",
}
# Roman numerals written as one character ("Phase Ⅲ", as Chinese and Japanese releases write them)
PHASE_NORMAL.update({numeral + suffix: PHASE_NORMAL[str(value) + suffix] for value, numeral in enumerate("\u2170\u2171\u2172\u2173", 1)
                     for suffix in ("", "a", "b") if str(value) + suffix in PHASE_NORMAL})
# Most sentences hold none of these words: skip their scans (prefilter.py).
(PHASE, TRIAL_NOUN, NAMED_BEFORE_NOUN, NOUN_THEN_NAME, NAME_APPOSITIVE, NAME_BEFORE_PHASE, PAREN_NAME, STUDY_NUMBER,
 PLURAL_PHASE, REGISTRY, WORD_NAME_AFTER_PHASE, TITLED_WORD_NAME, NOUN_COMMA_NAME, PAREN_AFTER_POPULATION, NAME_PHASE_ITEM,
 PHASE_NAME_ITEM, POPULATION_COMMA_NAME, STAGE_AS_PHASE) = map(
    gate, (PHASE, TRIAL_NOUN, NAMED_BEFORE_NOUN, NOUN_THEN_NAME, NAME_APPOSITIVE, NAME_BEFORE_PHASE, PAREN_NAME,
           STUDY_NUMBER, PLURAL_PHASE, REGISTRY, WORD_NAME_AFTER_PHASE, TITLED_WORD_NAME, NOUN_COMMA_NAME,
           PAREN_AFTER_POPULATION, NAME_PHASE_ITEM, PHASE_NAME_ITEM, POPULATION_COMMA_NAME, STAGE_AS_PHASE))


@lru_cache(maxsize=None)
def _designs() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((gate(pattern), code) for pattern, code in lexicons.designs())


def normalize_phase(raw: str) -> str | None:
    parts = [p.strip().lower() for p in re.split(r"[/\u2013-]", raw)]
    if len(parts) == 2 and parts[1] in ("a", "b"):  # "2a/b": one phase's stages
        parts[1] = parts[0].rstrip("ab") + parts[1]
    phases = [PHASE_NORMAL.get(p) for p in parts]
    if None in phases:
        return None
    if len(phases) == 1:
        return phases[0]
    low, high = phases[0], phases[-1]
    if low.rstrip("ab") == high.rstrip("ab"):
        return low.rstrip("ab") if low.rstrip("ab") == "1" else low.rstrip("ab")
    return f"{low.rstrip('ab')}/{high.rstrip('ab')}"


@dataclass
class _Mention:
    sentence: Sentence
    start: int
    end: int
    phase: str | None = None
    name: str | None = None
    drug: str | None = None
    attached: bool = False  # the drug is the object of the mention's own phrase ("trial evaluating X")
    indication: str | None = None
    design: list[str] = field(default_factory=list)
    registry: list[str] = field(default_factory=list)
    plural: bool = False  # "Phase 2 trials of X for A, B and C": one study per indication
    status: str | None = None  # "completed" or "active", when the words before the mention say
    definite: bool = False  # "the Phase 3 trial", "this study": a study the text has named already
    co_drugs: list[str] = field(default_factory=list)  # "Phase 3 trials of A and B": the trials of B
    stage: bool = False  # "the Phase 1b portion of X-1": a stage's phase, not the study's
    separate: bool = False  # "a separate Phase 1b study", "another Phase 1 trial": a study the text introduces anew
    distinct: bool = False  # "its own Phase 3 trial", "a second Phase 2 study": not one the text described before
    regimen: str | None = None  # "monotherapy" or "combination", when the mention's own words say which
    extension: bool = False  # "the ZEN-OLE extension study": named, phaseless, and never the stage of a phased study
    own: bool = False  # "complementing the Company's own ZEN-1 study": named as the sponsor's, not a study told of before
    by_description: bool = False  # the population is the disease an appositive gave the drug ("X, a peptide for ALS")
    coordinated: bool = False  # one of several studies a phrase coordinates ("the Phase 2 ZEN-1 and Phase 3 ZEN-3 trials")


def extract_trials(ctx: Context) -> None:
    mentions: list[_Mention] = []
    plural_phase: tuple[int, str] | None = None
    previous: Sentence | None = None
    rows = pipeline_rows(ctx)
    for sentence in ctx.fact_sentences():
        row = rows.get(sentence.index)
        found = _row_mentions(sentence, row) if row and (row.phase or row.filed) else _mentions_in(ctx, sentence)
        text = ctx.text(sentence)
        if previous is not None and previous.paragraph == sentence.paragraph:
            _population_of_antecedent(ctx, text, ctx.text(previous), found)
        previous = sentence
        ordinal = ORDINAL_TRIAL.match(text)
        if not found and ordinal and plural_phase and plural_phase[0] == sentence.paragraph:
            mention = _Mention(sentence, ordinal.start("noun"), ordinal.end("noun"), phase=plural_phase[1])
            _describe(ctx, sentence, text, mention)
            found = [mention]
        plural = PLURAL_PHASE.search(text)
        if plural:
            plural_phase = (sentence.paragraph, normalize_phase(plural.group("p")))
        if not found and mentions:
            _population_of_the_study(ctx, text, mentions[-1], sentence)
        mentions.extend(found)
    trials: list[_Mention] = []
    members: list[list[_Mention]] = []
    for mention in mentions:
        target = _merge_target(mention, trials, ctx.long_forms())
        if target is None:
            trials.append(mention)
            members.append([mention])
        else:
            index = trials.index(target)
            members[index].append(mention)
            _absorb(target, mention, ctx.long_forms())
    _name_phaseless_studies(trials, members, ctx.long_forms())
    _phase_of_named_study(trials, members, ctx.long_forms())
    _fill_indications(ctx, trials, members)
    names = [t.name for t in trials if t.name]
    for trial in trials:
        trial.indication = _before_next_drug(ctx, _before_study_names(trial.indication, names))
    facts = []
    mentions_of: list[tuple[str, list[_Mention]]] = []
    for number, (trial, group) in enumerate(zip(trials, members), 1):
        if trial.drug is None or _names_a_family(trial, names):
            continue
        # "Phase 2 trials of X for A, B and C" are three studies; a singular study of A and B is one
        indications = split_list(trial.indication) if trial.indication and trial.plural and not trial.name else [trial.indication]
        others = list(dict.fromkeys(d for m in group for d in m.co_drugs if d != trial.drug))
        # "X and Y are in Phase 2 trials for A and B, respectively": one population per drug, in order
        respective = (dict(zip([trial.drug] + others, indications)) if others and len(indications) == 1 + len(others)
                      and re.search(r",\s*respectively\b", ctx.text(trial.sentence)) else {})
        if respective:
            indications = [respective[trial.drug]]
        for part, indication in enumerate(indications):
            local_id = f"t{number}" if part == 0 else f"t{number}.{part}"
            facts.append(
                TrialFact(
                    local_id=local_id,
                    drug=trial.drug,
                    evidence=Evidence.of(trial.sentence, NAME),
                    phase=trial.phase,
                    indication=expand(indication, ctx.long_forms()),
                    name=trial.name,
                    design=tuple(dict.fromkeys(d for m in group for d in m.design)),
                    registry_ids=tuple(dict.fromkeys(r for m in group for r in m.registry)),
                )
            )
        for part, other in enumerate(others, 1):
            facts.append(TrialFact(local_id=f"t{number}.d{part}", drug=other, evidence=Evidence.of(trial.sentence, NAME),
                                   phase=trial.phase, indication=expand(respective.get(other, trial.indication), ctx.long_forms()),
                                   name=trial.name, design=(), registry_ids=()))
        mentions_of.append((f"t{number}", group))
    ctx.extraction.trials = facts
    ctx.trial_mentions = [(m.sentence.index, m.start, m.end, local_id) for local_id, group in mentions_of for m in group]
    ctx.trial_mentions = sorted(set(ctx.trial_mentions) | set(_name_mentions(ctx, facts)))


def _names_a_family(trial: _Mention, names: list[str]) -> bool:
    """"With both VANGUARD studies fully enrolled" beside VANGUARD-CD and VANGUARD-UC: a phaseless name that
    heads two or more of the release's study names is their family, not a study of its own."""
    if not trial.name or trial.phase is not None:
        return False
    head = trial.name.casefold() + "-"
    return sum(1 for name in set(names) if name.casefold().startswith(head)) >= 2


def _row_mentions(sentence: Sentence, row: Row) -> list[_Mention]:
    """A pipeline table's row is one study of its drug in its indication, at the phase its cells or its
    heading give; a filed or approved product's row is none."""
    phase = normalize_phase(re.sub(r"\s+", "", row.phase)) if row.phase and not row.filed else None
    if phase is None:
        return []
    return [_Mention(sentence, 0, len(sentence.text), phase=phase, name=row.study, drug=row.drug, attached=True,
                     indication=row.indication)]


def _name_mentions(ctx: Context, facts: list[TrialFact]) -> list[tuple[int, int, int, str]]:
    """Every place a named study is written again without its phase ("Updated ACE-1 Results" over the figures,
    "patients treated in ACE-1"): what follows is about that study, not the one described last."""
    named = [(fact.name, fact.local_id) for fact in facts if fact.name and "." not in fact.local_id]
    found = []
    for sentence in ctx.fact_sentences() if named else ():
        text = ctx.text(sentence)
        for name, local_id in named:
            if name in text:  # a plain test spares most scans
                found.extend((sentence.index, m.start(), m.end(), local_id)
                             for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text))
    return found


# "... a study testing X in head and neck cancer has been completed. The University runs this investigator-
# initiated Phase 1 study": a demonstrative points to the study the sentence before described, and its population.
_DEMONSTRATIVE = re.compile(r"\b(?:this|that)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _population_of_antecedent(ctx: Context, text: str, before: str, found: list[_Mention]) -> None:
    for mention in found:
        if mention.indication or mention.name or not _DEMONSTRATIVE.search(text[max(0, mention.start - 50):mention.start]):
            continue
        noun = TRIAL_NOUN.search(before)
        if noun and len(PHASE.findall(before)) <= 1:
            mention.indication = indication_after(before[noun.end():], ctx)


# "The placebo-controlled trial, conducted at ..., is assessing ... in healthy adult volunteers": a sentence whose
# subject is "the trial" (or "that study", pointing back) speaks of the study the release named last
_THE_STUDY = re.compile(r"^\s*(?:The|That|This)\s+(?:(?!of\b)[\w-]+\s+){0,3}?(?:study|trial)(?=,|\s+(?:is|was|will|has|enroll|evaluat|assess)\w*\b)")


# "... a Phase 1/2 study conducted in China. As of the cut-off, a total of 96 patients with X were enrolled": a count of
# people with a disease said to be enrolled (treated, dosed) right after a study is told of is that study's population
_COUNTED_ENROLLED = re.compile(r"\b\d[\d,]*\s+(?:patients|participants|adults|subjects|people)\s+with\s+[^.;:]{3,120}?\s+"
                               r"(?:were|have\s+been|had\s+been)\s+(?:enrolled|treated|dosed|randomi[sz]ed)\b")


def _population_of_the_study(ctx: Context, text: str, last: _Mention, sentence: Sentence) -> None:
    """The population a sentence about "the trial" states is the last named study's, over the disease an appositive
    gave its drug ("a Phase 1 trial of X, a peptide being developed for ALS")."""
    if last.indication and not last.by_description:
        return
    if not _THE_STUDY.match(text):
        counted = _COUNTED_ENROLLED.search(text) if sentence.paragraph == last.sentence.paragraph else None
        if not counted:
            return
        text = text[counted.start():]
    if any(mention.name != last.drug for mention in ctx.drugs_in(text)):
        return  # another drug's sentence
    found = indication_after(text, ctx, window=len(text))
    if found:
        last.indication, last.by_description = found, False


# One test for all the patterns below: most sentences name no trial.
_ANY_MENTION = GateGroup((NAMED_BEFORE_NOUN, NOUN_THEN_NAME, NOUN_COMMA_NAME, PAREN_AFTER_POPULATION, POPULATION_COMMA_NAME, NAME_APPOSITIVE, NAME_BEFORE_PHASE, PAREN_NAME, STUDY_NUMBER,
                          PHASE, STAGE_AS_PHASE))


def _mentions_in(ctx: Context, sentence: Sentence) -> list[_Mention]:
    text = ctx.text(sentence)
    found: list[_Mention] = []
    if not _ANY_MENTION.possible(text):
        return found
    names: list[tuple[int, int, str]] = []
    if sentence.zone.value != "headline":  # a headline capitalises every word: no word there is a name by its case
        for pattern in (WORD_NAME_AFTER_PHASE, TITLED_WORD_NAME):
            for match in pattern.finditer(text):
                name = match.group("name")
                if not _GENERIC_STUDY_WORD.fullmatch(name) and not _design_words().fullmatch(" " + name) \
                        and not names_disease(name) and _valid_name(ctx, name):
                    names.append((match.start("name"), match.end("name"), name))
    closing: set[tuple[int, int, str]] = set()  # names closing their study's own phrase, however long
    for pattern in (NAMED_BEFORE_NOUN, NOUN_THEN_NAME, NOUN_COMMA_NAME, NAME_APPOSITIVE, NAME_BEFORE_PHASE, PAREN_NAME,
                    PAREN_AFTER_POPULATION, POPULATION_COMMA_NAME, STUDY_NUMBER, NAME_PHASE_ITEM, PHASE_NAME_ITEM):
        for match in pattern.finditer(text):
            name = match.group("name").strip('"')
            if pattern is NAMED_BEFORE_NOUN and match.group("qualifier"):
                family = name[: match.start("qualifier") - match.start("name")]
                if not _valid_name(ctx, family):
                    continue
                if not _names_member(match.group("qualifier")):
                    name = family
            if pattern in (PAREN_NAME, PAREN_AFTER_POPULATION) and (
                    match.group("name").startswith('"') or _defines_term(ctx, name)
                    or _spelt_before(text[:match.start("name")], name)):
                continue  # 'glucagon-like peptide-1 ("GLP-1") study': the parentheses define a term
            if pattern in (PAREN_AFTER_POPULATION, POPULATION_COMMA_NAME) and _valid_name(ctx, name):
                closing.add((match.start("name"), match.end("name"), name))
            if _valid_name(ctx, name):
                names.append((match.start("name"), match.end("name"), name))
    # "the Phase 1 (A) and Phase 2 (B) trials"; "the Phase II trial of X (Study ZX-201)"
    for match in (*PHASE_THEN_PAREN_NAME.finditer(text), *STUDY_CODE_IN_PARENTHESES.finditer(text)):
        if _valid_name(ctx, match.group("name")) and not any(n[0] == match.start("name") for n in names):
            names.append((match.start("name"), match.end("name"), match.group("name")))
    listed_phases = _phases_after_listed_populations(text)
    populations: dict[int, str] = {}
    for start, stop, phase, population in listed_phases:
        mention = _Mention(sentence, start, stop, phase=phase)
        populations[id(mention)] = population
        found.append(mention)
    consumed = 0  # the second phase of "Phase 1b/Phase 2" is part of the first's
    stages = () if sentence.zone.value == "headline" or sentence.is_heading else tuple(STAGE_AS_PHASE.finditer(text))
    for match in sorted((*PHASE.finditer(text), *stages), key=lambda m: m.start()):
        if match.start() < consumed or any(start <= match.start() < stop for start, stop, _, _ in listed_phases):
            continue
        continued = _continued_phase(text, match)
        if continued:
            consumed = continued[1]
            match = _Span(match.start(), continued[1], match.group("p"))
        # "a Phase 2a, randomized, double-blind, placebo-controlled, multicenter, dose-ranging trial":
        # the list of design words is read past, however long
        skip = _design_run(text, match.end())
        after = text[match.end():skip + 70]
        if _ENABLING.match(after):  # "a Phase 3-enabling study" prepares a phase; it is not one
            continue
        if _PHASE_DOSE.match(after):  # "at the recommended Phase 2 dose in the expansion portion": a dose, not a study
            continue
        before_noun = _names_before_plural(ctx, text, match)
        first_phase = (continued[0] if continued else normalize_phase(match.group("p"))) if before_noun else None
        if first_phase:  # "the Phase 2 ZEN-1 and Phase 3 ZEN-3 trials": one study per name, each with its own phase
            end = before_noun[-1][1]
            consumed = max(consumed, end)
            for number, (start, stop, name, own_phase) in enumerate(before_noun):
                found.append(_Mention(sentence, match.start() if number == 0 else start, end, phase=own_phase or first_phase,
                                      name=name, coordinated=True))
            names = [n for n in names if n[2] not in {b[2] for b in before_noun}]
            continue
        noun = TRIAL_NOUN.search(after)
        if (not noun or noun.start() > skip - match.end() + 30) and sentence.zone.value != "headline" and not sentence.is_heading:
            # "delivered Phase 2b results", "positive topline Phase 3 data": findings of a study of that phase (a
            # headline's or heading's "Phase 1a Data" announces the study the text describes)
            noun = _FINDINGS_NOUN.match(after, skip - match.end()) or noun
        near_name = [n for n in names if _belongs(text, match, n) or (n in closing and _closes(text, match, n))]
        if not noun and not near_name:
            continue
        if noun and re.search(r"[.;:]", after[: noun.start()]) and not near_name:
            continue
        # "the Phase 3 dose was selected and the trial ...": a study noun five words on is another phrase's
        if noun and not near_name and len(_PARENTHESIS.sub(" ", after[skip - match.end():noun.start()]).split()) >= 5:
            continue
        phase = continued[0] if continued else normalize_phase(match.group("p"))
        if phase is None:
            continue
        listed = _listed_names(text, match, noun, names)
        if listed:  # "four Phase 3 trials: the A study of X ...; the B study in ...": the list head is not a study
            for start, stop, name in listed:
                found.append(_Mention(sentence, start, stop, phase=phase, name=name))
            names = [n for n in names if n not in listed]
            continue
        coordinated = _coordinated_names(ctx, text, match, noun)
        if coordinated:  # "ZEN-1 and ZEN-2, two Phase 3 trials of X in Y": one study per name, both so described
            end = max(match.end() + noun.end(), coordinated[-1][1])  # names after the noun: the phrase ends with them
            for start, stop, name in coordinated:
                found.append(_Mention(sentence, min(start, match.start()), end, phase=phase, name=name))
            names = [n for n in names if n[2] not in {c[2] for c in coordinated}]
            continue
        each = _each_one(text, match, noun)
        if each:  # "two Phase II trials: one evaluating A in X, and one evaluating B in Y": the list head is not a study
            for start, stop, population in each:
                mention = _Mention(sentence, start, stop, phase=phase)
                populations[id(mention)] = population
                found.append(mention)
            continue
        end = match.end() + (noun.end() if noun else 0)
        mention = _Mention(sentence, match.start(), end, phase=phase,
                           plural=bool(noun) and noun.group(0).lower() in ("trials", "studies"),
                           stage=bool(noun) and noun.group(0).lower() == "portion")
        if near_name:
            closest = min(near_name, key=lambda n: min(abs(n[0] - match.end()), abs(match.start() - n[1])))
            mention.name = closest[2]
            names = [n for n in names if n != closest]
            mention.start, mention.end = min(mention.start, closest[0]), max(mention.end, closest[1])
        found.append(mention)
    for start, end, name in names:
        if any(m.name == name for m in found):
            continue
        found.append(_Mention(sentence, start, end, name=name))
    named = {m.name for m in found if m.name}
    for mention in found:
        if mention.name is None:
            # "the Phase 2 portion of QUARTZ-1, a Phase 1/2 study of X": the appositive describes the study just named
            before = _APPOSITIVE_OF_NAME.search(text, max(0, mention.start - 80), mention.start)
            if before and before.group("name") in named:
                mention.name = before.group("name")
            # "the Phase 2 portion of the open-label, multicenter Phase 1/2 QUARTZ study": the stage of the study named after
            of_study = _STAGE_OF_NAMED.match(text, mention.end) if mention.stage and mention.name is None else None
            if of_study and of_study.group("name") in named:
                mention.name = of_study.group("name")
        _describe(ctx, sentence, text, mention)
        mention.indication = populations.get(id(mention), mention.indication)
    _respectively(text, found)
    # "a roadmap to out-license assets following successful Phase II trials": trials of no
    # drug, no population and no name are a kind of study spoken of, not a study
    # "Other companies have run several Phase 3 trials in glioblastoma": trials of no named drug, counted
    # by a vague quantifier, are a field's history, not the release's study
    drugless = not ctx.drugs_in(text)
    return [m for m in found if not (m.plural and not m.name and drugless and (
        not m.indication or _VAGUE_QUANTITY.search(text[max(0, m.start - 40):m.start])))
            and not (m.name and m.phase is None and _follows_untreated(text, m))]


def _respectively(text: str, found: list[_Mention]) -> None:
    """"The Phase 2 ZEN-1 and Phase 3 ZEN-3 trials evaluate X in A and B, respectively", "Phase 2 and Phase 3 trials in A
    and B, respectively": the studies coordinated share one list of populations, one item each, in order."""
    if "respectively" not in text:
        return
    groups: dict[str, list[_Mention]] = {}
    for mention in found:
        if mention.indication and (mention.plural or mention.coordinated):
            groups.setdefault(mention.indication, []).append(mention)
    for indication, group in groups.items():
        parts = split_list(indication)
        last = max(m.end for m in group)
        if len(group) > 1 and len(parts) == len(group) and re.search(r"^[^.;]*,\s*respectively\b", text[last:]):
            for mention, part in zip(sorted(group, key=lambda m: m.start), parts):
                mention.indication, mention.plural = part, False


# "DECODE-X, a prospective natural history study", "the ABC Registry", "its natural history study, ABC-NH": a study
# that follows patients without giving them a drug is no trial of one (GUIDE.md Trials: a study of a drug)
_UNTREATED_STUDY = r"(?:natural[- ]history|registry|disease[- ]registry|observational\s+registry)"
_UNTREATED_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:an?|the|its|our)\s+(?:[\w-]+\s+){0,5}?" + _UNTREATED_STUDY +
                              r"|\s+" + _UNTREATED_STUDY + r")\b", re.I)
_UNTREATED_BEFORE = re.compile(_UNTREATED_STUDY + r"\s+(?:study|studies|cohort|program(?:me)?)?\s*,?\s*(?:called\s+|named\s+|known\s+as\s+)?$",
                               re.I)


def _follows_untreated(text: str, mention: _Mention) -> bool:
    at = text.find(mention.name, max(0, mention.start - 5))
    if at < 0:
        return False
    end = at + len(mention.name)
    return bool(_UNTREATED_AFTER.match(text, end) or _UNTREATED_BEFORE.search(text, max(0, at - 60), at))


# "ZEN-1 and ZEN-2, two Phase 3 trials": names coordinated before an appositive that counts the studies
# "ZEN-1 and ZEN-2 are identical 16-week, randomised Phase 3 trials": the names as the subject the plural describes
_COORDINATED_NAMES = re.compile(rf"(?<![\w-])(?P<names>{TRIAL_NAME}(?:\s*,\s*{TRIAL_NAME})*\s*,?\s+and\s+{TRIAL_NAME})"
                                r"(?:\s*,\s*(?:the\s+)?(?:two|three|four|both)\s+(?:[\w-]+\s+){0,3}"
                                r"|\s+(?:are|were)\s+(?:both\s+|two\s+|three\s+|identical\s+|similar\s+|parallel\s+)*"
                                r"(?:[\w-]+,?\s+){0,6})$")


# "two replicate Phase 3 trials (of X), ZEN-1 and ZEN-2, in ...": the names in apposition after the plural noun
_NAMES_AFTER_PLURAL = re.compile(rf"(?:\s+(?:of|with|evaluating|testing)\s+[^,;.()]{{1,40}})?\s*,\s*(?P<names>{TRIAL_NAME}(?:\s*,\s*{TRIAL_NAME})*\s*,?\s+and\s+{TRIAL_NAME})(?![\w-])")


# "the Phase 3 ZEN-1 and ZEN-2 trials", "the Phase 2 ZEN-1 and Phase 3 ZEN-3 studies": names coordinated between a
# phase and the plural noun they share, each name perhaps with its own phase
_NAME_WITH_PHASE = (r"(?:[Pp]hase\s*(?P<p@>(?:IV|I{1,3}|[1-4])[abAB]?(?:/(?:IV|I{1,3}|[1-4])[abAB]?)?)\s+)?(?P<n@>"
                    + TRIAL_NAME + ")")
_NAMES_BEFORE_PLURAL = re.compile(
    r"\s+" + _NAME_WITH_PHASE.replace("@", "0") + r"(?:\s*,\s*" + _NAME_WITH_PHASE.replace("@", "1") + r")?(?:\s*,\s*"
    + _NAME_WITH_PHASE.replace("@", "2") + r")?\s*,?\s+(?:and|or)\s+" + _NAME_WITH_PHASE.replace("@", "3")
    + r"\s+(?:(?:clinical|pivotal|registrational|confirmatory)\s+)?(?:trials|studies)\b")


def _names_before_plural(ctx: Context, text: str, phase: re.Match) -> list[tuple[int, int, str, str | None]]:
    """The studies "the Phase 2 ZEN-1 and Phase 3 ZEN-3 trials" coordinates, with the phase each name is given."""
    coordinated = _NAMES_BEFORE_PLURAL.match(text, phase.end())
    if not coordinated:
        return []
    listed = [(coordinated.start(f"n{i}"), coordinated.end(), coordinated.group(f"n{i}"),
               normalize_phase(coordinated.group(f"p{i}")) if coordinated.group(f"p{i}") else None)
              for i in range(4) if coordinated.group(f"n{i}")]
    if not all(_valid_name(ctx, name) for _, _, name, _ in listed):
        return []
    return listed


def _coordinated_names(ctx: Context, text: str, phase: re.Match, noun: re.Match | None) -> list[tuple[int, int, str]]:
    if not noun or noun.group(0).lower() not in ("trials", "studies"):
        return []
    coordinated = (_COORDINATED_NAMES.search(text, max(0, phase.start() - 160), phase.start())
                   or _NAMES_AFTER_PLURAL.match(text, phase.end() + noun.end()))
    if not coordinated:
        return []
    listed = [(m.start() + coordinated.start("names"), m.end() + coordinated.start("names"), m.group(0))
              for m in re.finditer(TRIAL_NAME, coordinated.group("names"))]
    if len(listed) < 2 or not all(_valid_name(ctx, name) for _, _, name in listed):
        return []
    return listed


_STAGE_OF_NAMED = re.compile(rf"\s+of\s+(?:the\s+|its\s+)?(?:[\w/-]+,?\s+){{0,6}}?(?P<name>{TRIAL_NAME})\s+(?:clinical\s+)?(?:stud(?:y|ies)|trials?)\b")
_APPOSITIVE_OF_NAME = re.compile(rf"(?<![\w-])(?P<name>{TRIAL_NAME})\s*,\s*(?:a|an)\s+(?:[\w-]+,?\s+){{0,4}}$")


# "Phase 1b/Phase 2", "Phase Ib/Randomized Phase II", "Phase 2/Phase 3": one study's combined phase, the second
# phase written out with its own word; "Phase 1 and 2 trial", "Phase I to II study" only before a singular noun
# ("the Phase 2 and Phase 3 trials" are two studies)
_PHASE_CONTINUED = re.compile(
    r"\s*(?:(?P<slash>[/\u2013-])|\b(?:and|to)\b)\s*(?:(?:[Rr]andomi[sz]ed|[Oo]pen-[Ll]abel|[Ee]xpansion)\s+)?(?:[Pp]hase\s*|PHASE\s*)?"
    r"(?P<p>(?:IV|I{1,3}|[1-4])[abAB]?)(?![\w/])")
_SINGULAR_NOUN_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:study|trial)\b(?!s)", re.I)


@dataclass(frozen=True)
class _Span:
    """A phase phrase longer than one PHASE match ("Phase 1b/Phase 2"), read as a match is."""
    begin: int
    finish: int
    phase: str

    def start(self, group: int | str = 0) -> int:
        return self.begin

    def end(self, group: int | str = 0) -> int:
        return self.finish

    def group(self, name: int | str = 0) -> str:
        return self.phase


def _continued_phase(text: str, match: re.Match) -> tuple[str, int] | None:
    """The combined phase and where it ends, when a second phase continues `match`'s."""
    more = _PHASE_CONTINUED.match(text, match.end())
    if not more or (not more.group("slash") and not _SINGULAR_NOUN_AFTER.match(text, more.end())):
        return None
    low, high = normalize_phase(match.group("p")), normalize_phase(more.group("p"))
    if not low or not high or "/" in low or "/" in high or low.rstrip("ab") >= high.rstrip("ab"):
        return None
    return normalize_phase(f"{low}/{high}"), more.end()


STUDY_CODE_IN_PARENTHESES = gate(re.compile(
    rf"\(\s*(?:[Ss]tudy|[Tt]rial|[Pp]rotocol)(?:\s+(?:[Nn]o\.|[Nn]umber|[Cc]ode))?:?\s+(?P<name>{_PROTOCOL_CODE})\s*[),;]"))
PHASE_THEN_PAREN_NAME = gate(re.compile(
    rf"\b[Pp]hase\s*[\dIV][\w/]*\s*\(\s*(?P<name>{TRIAL_NAME})\s*\)(?=[^.;]{{0,60}}?\b(?:[Tt]rials?|[Ss]tud(?:y|ies))\b)"))


def _names_member(qualifier: str) -> bool:
    word = qualifier.strip()
    if word.casefold() == "outcomes":
        return True
    return not (_GENERIC_STUDY_WORD.fullmatch(word) or _design_words().fullmatch(" " + word) or names_disease(word)
                or _REPORT_WORD.fullmatch(word))


# words of a headline's report about a study, not of its name ("ZEPHYR Topline Trial Results")
_REPORT_WORD = re.compile(r"(?:Topline|Interim|Data|Results?|Readout|Update|Primary|Secondary|Full|Late|Early|Global|"
                          r"Pivotal|New|Novel|Enrolling|Enrollment|Recruitment|Enabling|Ready)", re.I)


_VAGUE_QUANTITY = re.compile(r"\b(?:several|many|numerous|various|other|previous|prior|earlier|past|most|some|"
                             r"countless|dozens of|hundreds of)\s+(?:[\w-]+\s+){0,3}$", re.I)


_PHASES_ONLY = re.compile(r"\(\s*(?:[Pp]hases?\s*[\dIV][\w/]*(?:\s*(?:,|and|or|&)\s*(?:[Pp]hase\s*)?[\dIV][\w/]*)*)\s*\)")


def _phases_after_listed_populations(text: str) -> list[tuple[int, int, str, str]]:
    """"in clinical trials in A (Phase 2), B (Phase 2) and C (Phase 2 and Phase 3)": each population
    followed by its phases in parentheses is a study of each phase. Returns (start, end, phase, population)."""
    if "(" not in text:
        return []
    found: list[tuple[int, int, str, str]] = []
    boundary = None
    for paren in _PHASES_ONLY.finditer(text):
        if boundary is None:
            noun = None
            for noun in TRIAL_NOUN.finditer(text, 0, paren.start()):
                pass
            if noun is None or not re.match(r"\s+(?:in|for)\s", text[noun.end():]):
                continue
            boundary = noun.end()
        population = re.sub(r"\([^()]*\)", " ", text[boundary:paren.start()])
        population = re.sub(r"^[\s,;]*(?:(?:and|or|as well as|in|for)\s+)*", "", population)
        population = " ".join(population.split()).strip(" ,")
        boundary = paren.end()
        if not population or len(population.split()) > 10 or not names_disease(population):
            continue
        for phase in PHASE.finditer(re.sub(r"(?<=[,&d]) (?=[\dIV])", " Phase ", paren.group(0))):
            normal = normalize_phase(phase.group("p"))
            if normal:
                found.append((paren.start(), paren.end(), normal, population))
    return found


def _name_phaseless_studies(trials: list[_Mention], members: list[list[_Mention]], long_forms: dict[str, str]) -> None:
    """"Study 201" named without its phase and "one (Phase II trial) evaluating X in Y" described
    by phase only are one study when they are the drug's only such pair and state one population
    (a name alone may be any study of its drug, so both must state it)."""
    for named in [t for t in trials if t.name and t.phase is None and not t.extension]:
        if named.indication:
            matches = [t for t in trials if t.drug == named.drug and not t.name and t.phase and t.indication
                       and not _other_registration(t, named)
                       and _same_population(t.indication, named.indication, long_forms) >= 0.5]
        elif all(m.sentence.zone.value == "headline" for m in members[trials.index(named)]):
            # "First Patient Dosed in ZEN Trial" over "dosed in its Phase 2 trial of X in Y": a headline names the
            # study the body describes, when the body describes one study of the drug and names none
            matches = [t for t in trials if t.drug == named.drug and t is not named and t.phase]
            if any(t.name for t in matches):
                continue
        else:
            continue
        if len(matches) != 1:
            continue
        index = trials.index(matches[0])
        named.phase = matches[0].phase
        members[trials.index(named)].extend(members.pop(index))
        trials.pop(index)


_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+[\s,]+){0,3}$")
# An indefinite article introduces a study ("a separate Phase 1b study combining X with Y", "is running a US Phase 1b
# study"): not a stage of the release's Phase 1/2 study, which a definite phrase points back to ("the Phase 1 part")
_SEPARATE = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+[\s,]+){0,3}$")
# "plans to open its own global Phase 3 trial", "a second Phase 3 study": the words say the study is not one named before
# "the Phase 1 monotherapy study", "a Phase 1b/2 study of X plus Y": what the study gives, in its own words; a
# monotherapy study is no stage of a combination study (nor the reverse)
_MONOTHERAPY = re.compile(r"\b(?:monotherapy|single[- ]agent)\b", re.I)
_COMBINATION_WORD = re.compile(r"\bcombination\b", re.I)
_COMBINATION = re.compile(r"\s*(?:of|evaluating|testing|with)\s+[^\s,]+(?:\s+\([^()]*\))?\s+(?:plus|in combination with|combined with|together with)\s", re.I)
_OWN_BEFORE = re.compile(r"\b(?:its|their|our|the\s+[Cc]ompany['’]s|[A-Z][\w-]*['’]s)\s+own\s+(?:[\w-]+\s+){0,2}$")
_BRIDGING = re.compile(r"\bbridging\s+(?:stud(?:y|ies)|trials?)\b", re.I)
_DISTINCT = re.compile(r"\b(?:(?:its|their|our)\s+own|another|a\s+(?:separate|second|third|different|further|additional))\s+"
                       r"(?:[\w-]+[\s,]+){0,3}$", re.I)


def _phase_of_named_study(trials: list[_Mention], members: list[list[_Mention]], long_forms: dict[str, str]) -> None:
    """"The ZEN-7 trial of X enrolled 300 patients ... The Phase 3 trial met its primary endpoint": a study
    named without its phase, then spoken of as "the Phase N trial" (a definite phrase refers back to a study
    the text has named), is one study when it is the drug's only such pair."""
    for named in [t for t in trials if t.name and t.phase is None and not t.extension]:
        if sum(1 for t in trials if t.name and t.phase is None and t.drug == named.drug) != 1:
            continue
        group = members[trials.index(named)]
        first = min(m.sentence.index for m in group)
        matches = [t for t in trials if t.drug == named.drug and not t.name and t.phase and not t.plural
                   and all(m.definite and m.sentence.index > first for m in members[trials.index(t)])
                   and _compatible(t, named, long_forms) and {t.status, named.status} != {"completed", "active"}]
        if len(matches) != 1:
            continue
        index = trials.index(matches[0])
        named.phase = matches[0].phase
        named.indication = named.indication or matches[0].indication
        members[trials.index(named)].extend(members.pop(index))
        trials.pop(index)


def _before_study_names(indication: str | None, names: list[str]) -> str | None:
    """A population never holds a study's name: "adults with obesity and in SOLSTICE-CVOT, a
    cardiovascular outcomes trial" ends before the next study it lists."""
    if not indication or not names:
        return indication
    cut = min((m.start() for name in names for m in [re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", indication)] if m),
              default=None)
    if cut is None:
        return indication
    kept = re.sub(r"(?:[\s,]+(?:and|or|in|for|of|with|the|as well as))+\s*$", "", indication[:cut].rstrip(" ,(")).strip(" ,")
    return kept if names_disease(kept) else None


def _before_next_drug(ctx: Context, indication: str | None) -> str | None:
    """A population ends where "and" opens the clause of another drug: "lupus and ZX-404 began a Phase 3 study"."""
    if not indication or " and " not in indication:
        return indication
    for drug in ctx.drugs_in(indication):
        if re.search(r"\s+and\s+$", indication[:drug.start]):
            kept = re.sub(r"\s+and\s+$", "", indication[:drug.start]).strip(" ,")
            return kept if names_disease(kept) else indication
    return indication


_ONE_OF_THEM = re.compile(r"\b(?P<q>one|another|the other|the second|the first)\s+(?:evaluating|of|in|testing|investigating|studying|assessing)\s")


def _each_one(text: str, phase: re.Match, noun: re.Match | None) -> list[tuple[int, int, str | None]]:
    """The studies a plural phase phrase enumerates with "one ... and one ...": (start, end, population)."""
    if not noun or noun.group(0).lower() not in ("trials", "studies"):
        return []
    after = phase.end() + noun.end()
    if not re.match(r"\s*[:,]?\s*(?:one|the first)\b", text[after:]):
        return []
    ones = list(_ONE_OF_THEM.finditer(text, after))
    if len(ones) < 2:
        return []
    found = []
    for one, following in zip(ones, ones[1:] + [None]):
        stop = following.start() if following else len(text)
        found.append((one.start(), one.end("q"), indication_after(text[one.end("q"):stop])))
    return found


def _listed_names(text: str, phase: re.Match, noun: re.Match | None, names: list[tuple[int, int, str]]):
    """The study names listed after a colon that closes a plural phase phrase ("three
    registrational Phase 3 trials: the A study ...; the B study ..."): each is a study of that phase."""
    if not noun or noun.group(0).lower() not in ("trials", "studies"):
        return []
    colon = phase.end() + noun.end()
    if not re.match(r"\s*:", text[colon:]):
        # "two Phase 3 studies of X: ZEN-1 in A, and ZEN-2 in B": the drug they share may come before the colon
        of_drug = re.match(r"\s+(?:of|with|evaluating|testing)\s+[^:;.()]{1,40}?(?=:)", text[colon:])
        if not of_drug:
            return []
        colon += of_drug.end()
    listed = [n for n in names if n[0] > colon]
    if listed:
        return listed
    # "two Phase 2 trials: ZEN-A in X and ZEN-B in Y": names opening the items of the list, each with its population
    items = [(m.start("name"), m.end("name"), m.group("name")) for m in _LIST_ITEM_NAME.finditer(text, colon)]
    return items if len(items) > 1 and all(_valid_name_shape(name) for _, _, name in items) else []


_LIST_ITEM_NAME = re.compile(rf"(?:[:;,]\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?P<name>{TRIAL_NAME})(?![\w-])\s+"
                             r"(?:(?:study|trial)\s+)?(?:in|for|of|evaluating|testing|with)\s")


def _valid_name_shape(name: str) -> bool:
    return not NOT_TRIAL_NAME.match(name) and not re.fullmatch(r"[A-Z]{1,2}\d?|(?:NCT|CTR|ISRCTN)\d+", name)


@lru_cache(maxsize=None)
def _design_words() -> re.Pattern:
    words = "|".join(f"(?:{pattern.pattern})" for pattern, _ in lexicons.designs())
    # "a Phase 1 single and multiple ascending dose study": dose designs the ontology has no term for are read past too
    return re.compile(rf"(?:[\s,]+(?:and\s+)?(?:{words}|dose-ranging|prospective|exploratory|clinical|"
                      rf"(?:single|multiple)[- ]ascending[- ]doses?|single-?\s+(?:and|&)(?=\s+multiple\b))\b)+", re.I)


def _design_run(text: str, start: int) -> int:
    """Where a list of design words right after `start` ends (`start` when there is none)."""
    run = _design_words().match(text, start)
    return run.end() if run else start


_FINDINGS_NOUN = re.compile(r"\s+(?:(?:clinical|topline|top-line|interim|final|efficacy|safety|positive)\s+){0,2}"
                            r"(?:results|data|readouts?|read-outs?|findings)\b", re.I)
# "the recommended Phase 2 dose", "the Phase 3 doses": a dose chosen for a phase ("Phase 1 dose-finding study" and
# "Phase 1a dose escalation study" are studies)
_PHASE_DOSE = re.compile(r"\s*dos(?:e|es|ing)\b(?![-\w])"
                         r"(?!\s+(?:escalation|escalating|expansion|finding|ranging|optimi[sz]ation|exploration|response)\b)", re.I)
_ENABLING = re.compile(r"[\s-]*(?:enabling|ready|readiness)\b", re.I)


def _closes(text: str, phase: re.Match, name: tuple[int, int, str]) -> bool:
    """The parenthesised name closes this phase's own study phrase: no other phase or sentence break between."""
    between = text[phase.end():name[0]]
    return name[0] >= phase.end() and len(between) <= 140 and not PHASE.search(between) and not re.search(r"[.;]", between)


def _belongs(text: str, phase: re.Match, name: tuple[int, int, str]) -> bool:
    """A trial name belongs to a phase when it stands in the same noun phrase:
    "Phase 2b STORM study", "phase 1/2 study O-12-M1", "SEAL, a ... Phase 2/3 study"."""
    start, end, _ = name
    if start >= phase.end():
        between = text[phase.end():start]
        return len(between) <= 40 and not PHASE.search(between) and not re.search(r"[.;]|\band\b", between)
    between = text[end:phase.start()]
    if not between.strip() or re.fullmatch(r"\s*(?:[Tt]rial|[Ss]tudy)?\s*\(\s*", between):
        return True  # "the ZEN Phase 1/2 trial", "the ZEN trial (Phase 3)"
    # "SEAL, a ... Phase 2/3 study", "KEYVIA-204 is a randomized, open-label Phase 3 trial"
    return len(between) <= 90 and not PHASE.search(between) and re.match(
        r"\s*(?:trial|study)?\s*(?:\([^)]*\))?\s*(?:,|\s(?:is|was))\s*(?:a|an|the|our|its|their)\b", between) is not None


_STUDY_WORDS = re.compile(r"\b(?:treatment|study|studies|trial|effect|efficacy|safety|evaluat\w*|assess\w*|outcomes?|"
                          r"investigat\w*|program|versus|vs)\b", re.I)


def _valid_name(ctx: Context, name: str) -> bool:
    if NOT_TRIAL_NAME.match(name) or name in ctx.drug_forms.values():
        return False
    from .context import name_key

    if name_key(name) in ctx.drug_forms or name_key(name) in ctx.company_forms:
        return False
    defined = ctx.abbreviations().get(name)
    if defined and names_disease(defined) and not _STUDY_WORDS.search(defined):
        return False  # "respiratory syncytial virus (RSV)" names a disease; "Treatment Effect in People with obesity (STEP)" a study
    if defined and _ORGANISATION_END.search(defined):
        return False  # "Example Oncology Trials Network (EOTN)": the group that runs studies, no study
    if re.fullmatch(r"(?:(?:Study|Trial)-|(?:Covid|Type|Phase|Part|Cohort|Arm|Day|Week|Month|Year|Grade|Stage|Class|Level|"
                    r"Dose|Wave|Round|Step|Module|Group|Section|Table|Figure|Portion|Line|Visit|Lot|Batch|Site|Center|"
                    r"Centre|Patient|Subject)[- ])\d+[A-Za-z]?", name, re.I):
        return False  # "Covid-19", "Part-2", "Day-28": a word with a number, not a study's name
    if re.search(r"-(?:enabling|ready|readiness|related|based|like|driven|naive|positive|negative|altered|mutated|mutant|"
                 r"rearranged|amplified|deficient|expressing|high|low)$", name, re.I):
        # "IND-enabling studies", "COVID-related trials", "a basket study (FGFR2-altered cancers)": a compound
        # adjective, not a study's name
        return False
    if re.fullmatch(r"(?:IND|CTA|IMPD|NDA|BLA|MAA)-enabling|GLP(?:-compliant)?", name, re.I):
        return False  # "IND-enabling studies": preclinical work named for the filing it prepares, no clinical study
    if re.fullmatch(r"(?:I{1,3}|IV|V)-?[ABab]?|[a-z][\w -]*", name):
        return False  # a phase numeral ("Phase III" read as a name) or a quoted lower-case phrase ("real-world")
    return not re.fullmatch(r"[A-Z]{1,2}\d?|(?:NCT|CTR|ISRCTN)\d+", name)


# The head noun of an organisation's name: a cooperative group, a network, an institution
_ORGANISATION_END = re.compile(r"\b(?:Network|Group|Consortium|Alliance|Institute|Foundation|Society|Association|Center|Centre|"
                               r"Hospital|University|College|Agency|Council|Organi[sz]ation|Cooperative|Committee)$")


def _spelt_before(before: str, name: str) -> bool:
    """'a proof-of-concept (PoC) trial': the words before the parenthesis spell the name out, and they
    describe a kind of study, not a study ("the Zentrix Evaluation of Neoplasms (ZEN) trial" names one)."""
    words = before.rstrip(" (").split()[-len(name) - 2:]
    long = best_long_form(name, " ".join(words))
    return bool(long) and not re.search(r"\b(?:stud(?:y|ies)|trials?|evaluat\w*|assess\w*|investigat\w*)\b", long, re.I) \
        and (long[0].islower() or "-" in long)


def _defines_term(ctx: Context, name: str) -> bool:
    defined = ctx.abbreviations().get(name)
    return bool(defined) and not _STUDY_WORDS.search(defined)


_SPEECH_OPENS = re.compile(r"[:,]\s*[\"\u201c]")


def _describe(ctx: Context, sentence: Sentence, text: str, mention: _Mention) -> None:
    window_start = max(0, mention.start - 90)
    before = text[window_start:mention.start]
    before = re.split(r"[.;:]\s|\bwhich\b|\bwhile\b", before)[-1]
    noun_phrase = before + text[mention.start:mention.end]
    appositive = re.match(r"\s*,\s*(?:a|an|the)\s+([^.;]{0,120}?(?:stud(?:y|ies)|trials?))", text[mention.end:])
    if appositive and re.search(r"\b(?:a|an|the)\s", appositive.group(1)):
        appositive = None  # ", the company recently initiated a Phase 1 study": a clause, not a noun phrase
    if appositive:
        noun_phrase += " " + appositive.group(1)
    mention.design = [code for pattern, code in _designs() if pattern.search(noun_phrase)]
    if "placebo-controlled" in mention.design or "active-controlled" in mention.design:
        mention.design = [d for d in mention.design if d != "controlled"]
    mention.registry = REGISTRY.findall(text[mention.start:mention.end + 60])
    mention.regimen = ("monotherapy" if _MONOTHERAPY.search(noun_phrase) else
                       "combination" if _COMBINATION.match(text, mention.end) or _COMBINATION_WORD.search(noun_phrase) else None)
    tail_start = mention.end + (appositive.end() if appositive else 0)
    tail = text[tail_start:tail_start + 400]  # a long combination and comparator clause may come before the population
    # ", our findings underscore ... cancers": a new clause with its own subject is not the study's population
    new_clause = _NEW_CLAUSE.search(tail)
    if new_clause:
        tail = tail[: new_clause.start()]
    # "principal investigator of the Phase 1b study, added: “For women whose ...": speech opened after the
    # attribution is the speaker's, not the study's description
    speech = _SPEECH_OPENS.search(tail)
    if speech:
        tail = tail[: speech.start()]
    next_phase = PHASE.search(tail)
    mention.indication = _named_before_noun(text[mention.start:mention.end]) or indication_after(
        tail[: next_phase.start()] if next_phase else tail, ctx)
    mention.by_description = bool(mention.indication and _DRUG_APPOSITIVE.match(tail))
    if mention.indication is None and TRIAL_NOUN.search(text, mention.start, mention.end):
        # "the Phase II ZEN-1 basket study (FGFR2-altered gastric cancer, 9 mg once daily) showed ...": the
        # population in parentheses right after the study noun
        inside = _PAREN_AFTER_NOUN.match(text, mention.end)
        first = inside.group("inside").split(",")[0].strip() if inside else ""
        if first and names_disease(first) and not ctx.drugs_in(first) and not REGISTRY.search(first):
            mention.indication = first
    if mention.indication is None:
        # "a Phase 2a challenge study of healthy adults infected with X": the people a study is "of" are its population
        of_people = _STUDY_OF_PEOPLE.match(tail)
        if of_people and TRIAL_NOUN.search(text, mention.start, mention.end):
            mention.indication = indication_after(" in " + tail[of_people.end():], ctx)
    if mention.indication is None and mention.name:
        # "the Phase Ib/II trial in metastatic X (ZX006)": the population the name in parentheses closes
        noun = TRIAL_NOUN.search(text, mention.start, mention.end)
        if noun and noun.end() < mention.end:
            mention.indication = indication_after(text[noun.end():mention.end], ctx)
    if mention.indication is None and mention.name:
        # "Efficacy was evaluated ... in patients with X: the pivotal Phase 2 Study 201 ..."
        # (after the lead's reporting verb: the issuer's descriptor before it, "a company developing therapies for X",
        # names the company's field, not the study's population)
        mention.indication = indication_after(text[_after_reporting_verb(text, mention.start): mention.start].rstrip(" (\"'"), ctx)
    if mention.indication is None:
        mention.indication = _population_as_subject(text, mention, ctx)
    mention.drug, mention.attached = _drug_for(ctx, sentence, text, mention)
    if mention.plural:
        mention.co_drugs = _coordinated_drugs(ctx, text, mention)
    # "ZX7 is a new Phase 2 study": the status word may stand between a study's name and its phase
    phase = PHASE.search(text, mention.start, mention.end) if mention.name else None
    mention.status = _status(text[max(0, mention.start - 60):mention.start]) or (
        _status(text[mention.start:phase.start()]) if phase and phase.start() > mention.start else None)
    mention.definite = bool(_DEFINITE.search(text[max(0, mention.start - 60):mention.start]))
    mention.separate = not mention.name and bool(_SEPARATE.search(text[max(0, mention.start - 60):mention.start]))
    # (a bridging study repeats a study in another country's patients: it is never the study it bridges from)
    mention.distinct = not mention.name and bool(_DISTINCT.search(text[max(0, mention.start - 60):mention.start])
                                                 or _BRIDGING.search(text, mention.start, mention.end))
    mention.own = bool(mention.name and _OWN_BEFORE.search(text, max(0, mention.start - 40), mention.start))
    # "the ZEN-OLE open-label extension study": a study of its own that patients of another roll over into
    # ("A 52-week open-label extension trial, ZEN-EXT, is ongoing": the noun may come before the name)
    mention.extension = bool(mention.name and mention.phase is None and (
        _EXTENSION.search(text, mention.start, mention.end + 40)
        or _EXTENSION_BEFORE.search(text, max(0, mention.start - 60), mention.start)))


_PAREN_AFTER_NOUN = re.compile(r"\s*\((?P<inside>[^()]{3,160})\)")
# the reporting verb right after the comma that closes the issuer's descriptor: "Acme, a company developing ..., today
# announced"
_REPORTING_VERB = re.compile(r",\s*(?:today\s+)?(?:announced|reported|presented|provided|shared)\b")


def _after_reporting_verb(text: str, end: int) -> int:
    """Where the words after the lead's last reporting verb before `end` begin ("Acme, a company developing
    therapies for X, today announced ..."): the issuer's descriptor before it names the company's field of
    work, not a study's population."""
    reported = None
    for reported in _REPORTING_VERB.finditer(text, 0, end):
        pass
    return reported.end() if reported else 0
_PEOPLE = r"(?:adults|patients|volunteers|children|participants|subjects|people|women|men|infants|adolescents)"
# "In the Phase 3 ZEN trial, men with X who took ZX-1 lived ...": the study opens the sentence as a place, and the
# people its clause goes on about are the study's population
_IN_THE_STUDY_OPENING = re.compile(r"\s*(?:In|Across)\s+(?:the|its|our|their|this)?\s*[^,;:.]*$")
_PEOPLE_SUBJECT = re.compile(rf"\s*,\s*(?=(?:\d[\d,]*\s+)?(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+with\b)", re.I)
# "41 patients with X had been treated in ZEN-1": people treated in a study, as the subject of a passive verb
_TREATED_IN = re.compile(rf"(?:^|[,;:]\s|\b(?:and|while|when|after|as)\s)(?P<people>(?:\d[\d,]*\s+)?(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+"
                         r"with\s[^,;:.]{3,120}?)\s+(?:had|have|has|were|was|are|is)\s+(?:been\s+|being\s+)?"
                         r"(?:treated|enrolled|dosed|randomi[sz]ed)\s+(?:in|into|on)\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w-]+\s+){0,4}$",
                         re.I)


def _population_as_subject(text: str, mention: _Mention, ctx: Context) -> str | None:
    """A study's population stated as the subject of the clause about it rather than after it: "In the Phase 3
    ZEN trial, men with X who took ZX-1 lived ...", "41 patients with X had been treated in ZEN-1"."""
    if _IN_THE_STUDY_OPENING.fullmatch(text, 0, mention.start):
        people = _PEOPLE_SUBJECT.match(text, mention.end)
        if people:
            return indication_after(" in " + text[people.end():], ctx)
    treated = _TREATED_IN.search(text[max(0, mention.start - 200):mention.start])
    if treated:
        return indication_after(" in " + treated.group("people"), ctx)
    return None


# "trial of X, a neuroprotective peptide being developed for ALS": what follows describes the drug, not the study
_DRUG_APPOSITIVE = re.compile(r"\s*(?:of|with|evaluating|testing)\s+[^\s,]+(?:\s+\([^()]*\))?\s*,\s*(?:a|an|its|their|our)\s")
_STUDY_OF_PEOPLE = re.compile(r"\s+of\s+(?=(?:\d+\s+)?(?:[\w-]+\s+){0,2}?(?:adults|patients|volunteers|children|participants|subjects|people|women|men|infants)\b)", re.I)


# ", our findings underscore ...": a new clause; ", its oral KAT6 inhibitor, in patients with X": an appositive
# naming the drug again (a possessive noun phrase closed by a comma), after which the population goes on
_NEW_CLAUSE = re.compile(r",\s+(?:(?:we|they|it|he|she)\s|(?:our|its|their|his|her)\s(?![^,.;]{0,60},))")
_MODIFIERS = re.compile(
    r"\b(?:clinical|pivotal|registrational|confirmatory|global|multi-?center|multi-?national|international|"
    r"randomi[sz]ed|double-blind(?:ed)?|single-blind|open-label|placebo-controlled|controlled|dose-(?:escalation|ranging|finding)|"
    r"proof-of-concept|first-in-human|ongoing|planned|potential|new|its|their|the|an?|of)\b", re.I)


def _named_before_noun(phrase: str) -> str | None:
    """"a Phase II psoriasis trial": the disease written between the phase and the noun."""
    phase = PHASE.search(phrase)
    noun = TRIAL_NOUN.search(phrase, phase.end()) if phase else None
    if not phase or not noun:
        return None
    between = re.sub(r"\([^)]*\)", " ", phrase[phase.end():noun.start()])
    if any(re.fullmatch(r"[A-Z][A-Z0-9-]{2,}", word) and not DISEASE_ACRONYM.fullmatch(word) for word in between.split()):
        return None  # "the Phase 2b STORM study": a name, not a population
    between = _MODIFIERS.sub(" ", between)
    between = " ".join(between.split()).strip(" ,-")
    return between if between and len(between.split()) <= 6 and names_disease(between) else None


_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_PRODUCT_NOUN = (r"(?:candidate|drug|therapy|therapeutic|inhibitor|antibody|conjugate|bispecific|ADC|vaccine|agonist|antagonist|"
                 r"degrader|molecule|compound|modulator|medicine)s?")
ATTACHED = re.compile(r"^[^.;]{0,30}?\b(?:of|for|with|evaluating|testing|investigating|studying|assessing)\s+(?:the\s+|oral\s+|intravenous\s+|its\s+)?"
                      # "a Phase 3 study of its CD38 antibody-drug conjugate X": the sponsor's product described, then named
                      r"(?:(?<=its\s)(?:own\s+)?(?:[\w-]+\s+){0,3}?" + _PRODUCT_NOUN + r",?\s+)?$")
# "a Phase 2 study in gastric cancer with X": "with" right after the study's own phrase gives its drug; after
# another drug's name it gives a partner ("X in combination with Y"), which partner_of_another already tells
_STUDY_WITH = re.compile(r"^(?![^.;,]*\b(?:and|or|combination|combined|plus|together|along|versus|compared|co-?administered)\b)"
                         r"[^.;,]{0,40}?\bwith\s+(?:the\s+|oral\s+|intravenous\s+|its\s+)?$", re.I)
_WITH_OR_WITHOUT = re.compile(r"\s*(?:,\s*)?(?:with or without|plus or minus|\u00b1|\+/-)\s*(?:the\s+)?", re.I)
# "patients whose cancer progressed on X", "previously treated with X": a therapy of the population's past
PRIOR_THERAPY = re.compile(r"\b(?:progress\w*|relaps\w*|fail\w*|refractory|resistant|intolerant|exposed|naive|na\u00efve|"
                            r"pre-?treated|previously\s+treated|prior|after|following|post)\s+(?:(?:on|to|with|after)\s+)?"
                            r"(?:(?:a|an|the|their|prior)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# "relapsed after an approved CAR T-cell product such as X", "progressed on a CDK4/6 inhibitor, including X": the
# class of a past therapy, then its examples
_PRIOR_CLASS_EXAMPLE = re.compile(r"\b(?:progress\w*|relaps\w*|fail\w*|refractory|resistant|intolerant|exposed|"
                                  r"pre-?treated|previously\s+treated|prior|after|following)\b[^.;,()]{0,70}?"
                                  r"(?:,\s*)?\b(?:such\s+as|including|like)\s+$", re.I)


# "after lymphodepletion with X", "conditioning with X", "premedication with X": a regimen that readies patients
# for a cell or gene therapy (or protects them from it), not the therapy a study is of
_PREPARATORY = re.compile(r"\b(?:lymphodeplet\w*|conditioning|pre-?conditioning|premedicat\w*|pre-?medicat\w*|bridging|"
                          r"myeloablat\w*|prophyla\w*|immunosuppress\w*)\s+(?:[\w-]+\s+){0,2}?(?:with|of|using|by)\s+"
                          r"(?:[\w-]+\s+(?:and|or|plus)\s+|[\w-]+,\s+)*$", re.I)


def preparatory(text: str, start: int, floor: int = 0) -> bool:
    """Whether the drug named at `start` is given to prepare patients for the study drug, not studied itself."""
    return bool(_PREPARATORY.search(text[max(floor, start - 80):start]))


# "have withdrawn from enzyme replacement therapy with X", "discontinued their X infusions", "weaned off X": a therapy
# the patients stopped (because the study drug replaced it)
# "switched from injectable prophylaxis such as X or Y": the therapy they left
_STOPPED_THERAPY = re.compile(r"\b(?:withdr[ae]wn?|weaned|came|come|taken)\s+(?:off|from)\s+(?:[\w-]+\s+){0,4}?(?:with\s+)?$"
                              r"|\bswitch(?:ed|ing|es)?\s+from\s+(?:[\w-]+\s+){0,6}?$"
                              r"|\b(?:discontinu|stopp)\w*\s+(?:(?:their|all|the)\s+)?(?:[\w-]+\s+){0,3}?(?:with\s+)?$", re.I)


def prior_therapy(text: str, start: int, floor: int = 0) -> bool:
    """Whether the drug named at `start` is a therapy the population had before, not one it is given."""
    return bool(PRIOR_THERAPY.search(text[max(floor, start - 40):start])
                or _PRIOR_CLASS_EXAMPLE.search(text, max(floor, start - 110), start)
                or _STOPPED_THERAPY.search(text, max(floor, start - 70), start))


# "a next-generation X therapeutic drug candidate", "an oral X formulation": a drug X named as
# what another product is made from or improves on, not the product
_MODIFIES_PRODUCT = re.compile(r"[\s-]+(?:based\b|therapeutics?\b|drug\b|candidates?\b|formulations?\b|analogu?es?\b|"
                               r"derivatives?\b|prodrugs?\b|salts?\b|class\b)", re.I)
# Where one clause of a sentence ends and another, with its own subject, begins: "the Phase 2 study is enrolling,
# and X data are expected", "Its Phase 2 study is enrolling, while X is approved", "...; X reduced the risk".
_CLAUSE_BREAK = re.compile(r";|:\s|,\s+(?:and|but|while|whereas|although|though|yet)\s|\s(?:while|whereas|but)\s")


_STUDY_NAME = re.compile(rf"(?<![\w-])(?:{TRIAL_NAME})(?![\w-])")


def _drug_of_related_study(ctx: Context, sentence: Sentence, text: str, mention: _Mention) -> str | None:
    """For a named study, the drug of another study the sentence names, as the earlier sentence that names it with a
    drug gives it: the first drug there that is no partner, comparator or prior therapy. (An unnamed mention's "data
    from ZEN-1" is ZEN-1 itself, no other study.)"""
    others = {m.group(0) for m in _STUDY_NAME.finditer(text) if m.group(0) != mention.name
              and not ctx.drugs_in(m.group(0)) and not (mention.start <= m.start() < mention.end)}
    for name in others:
        # where the release introduces it as a study: "ZEN-3, a randomized Phase 3 trial", "the ZEN-3 study" (a gene
        # or meeting written in capitals is named so nowhere)
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?:\s*\([^()]*\))?(?:,\s+(?:a|an|the)\s+[^.;]{{0,80}}?|"
                             rf"\s+(?:[\w-]+\s+){{0,2}}?)(?:stud(?:y|ies)|trials?)\b")
        for earlier in ctx.sentences[: sentence.index]:
            if not earlier.zone.states_facts:
                continue
            said = ctx.text(earlier)
            if not pattern.search(said):
                continue
            drugs = ctx.drugs_in(said)
            leading = [d for d in drugs if not _partner_in(said, d, drugs) and not prior_therapy(said, d.start)
                       and not _COMPARED_WITH.search(said, max(0, d.start - 40), d.start)]
            if leading:
                return leading[0].name
    return None


def _drug_for(ctx: Context, sentence: Sentence, text: str, mention: _Mention) -> tuple[str | None, bool]:
    """The drug a trial studies, and whether the mention's own phrase names it. In order: the
    drug the mention's own phrase names ("study of X", "X's Phase 2 study", "X ... is being
    evaluated in a Phase 2 trial"), else a drug named in the mention's own clause (the
    sentence's subject or the object of its verb: "the trial will evaluate X"), else the
    paragraph's, section's or heading's drug, else one named in another clause of the sentence,
    else the release's main drug. A combination partner or a comparator is never the trial's drug."""
    own_protocol = _protocol_drug(ctx, mention.name)
    if own_protocol:
        return own_protocol, True  # "the ZX-11-102 Phase 2 trial": a drug's code and a number is that drug's study
    drugs = ctx.drugs_in(text)
    # "... with its own antibody, ZX-11, which has completed a Phase 1 trial": the relative clause's antecedent,
    # partner or not, is what the trial studied
    antecedent = [d for d in drugs if d.end <= mention.start and _RELATIVE_TO_TRIAL.fullmatch(text, d.end, mention.start)]
    if antecedent:
        return antecedent[-1].name, True
    partners = {d.name for d in drugs if _partner_in(text, d, drugs)}
    # "X with Acme's SERD Y (ynib)": the partner's other names and later mentions are the partner still
    leading = [d for d in drugs if d.name not in partners]
    for drug in drugs:
        if drug.start < mention.end:
            continue
        if _inside_parenthesis(text, mention.end, drug.start):
            continue  # "the ZEN study (Zentrix Evaluation of ...) of X": a name spelt out, not the study's object
        between = _PARENTHESIS.sub("", text[mention.end:drug.start])
        if preparatory(text, drug.start, mention.end):
            break  # "infused in the Phase 2 portion after lymphodepletion with X": X readies patients for the study drug
        # "a Phase 3 trial (ClinicalTrials.gov, NCT...) evaluating X": a parenthesis does not detach X
        if (drug in leading and ATTACHED.match(between)) or _STUDY_WITH.match(between):
            # "a trial of Y with or without X": the drug added or left out, X, is the one studied
            added = [d for d in drugs if d.start >= drug.end and _WITH_OR_WITHOUT.fullmatch(text[drug.end:d.start])]
            return (added[0] if added else drug).name, True
        break  # only the first drug after the mention can be its phrase's object
    # "The drug is also being tested together with Y in a Phase 2 study": a sentence naming only a partner
    # studies the drug its subject stands for, found as when the sentence names none
    # "We will carry the 2 mg insert into two trials against Y, and we plan a Phase 2 study in DME": a sentence whose
    # only drug is set against an unnamed one ("against", "versus", "compared with") names no drug it studies
    only_partners = bool(drugs) and not leading and (bool(_STANDS_FOR_DRUG.match(text)) or all(
        _COMPARED_WITH.search(text, max(0, d.start - 40), d.start) for d in drugs))
    drugs = [] if only_partners else (leading or drugs)
    # the sponsor's own candidate over a marketed drug it is formulated from or compared with
    own = _owned(ctx)
    drugs = [d for d in drugs if d.name in own] or drugs
    before = [d for d in drugs if d.end <= mention.start and not re.search(r"[;]", text[d.end:mention.start])]
    # "... would start a Phase 3 trial of X, and that the company expected results from the ZEN study, which
    # compares Y with Z": a drug of an earlier clause yields to one the study's own clause names after it
    own_clause = [d for d in before if not _CLAUSE_BREAK.search(text, d.end, mention.start)]
    if before and not own_clause:
        after_in_clause = [d for d in leading if d.start >= mention.end and not _CLAUSE_BREAK.search(text, mention.end, d.start)
                           and not _inside_parenthesis(text, mention.end, d.start) and not prior_therapy(text, d.start, mention.end)]
        if after_in_clause:
            return after_in_clause[0].name, False
    if before:
        return before[-1].name, False
    inside = [d for d in drugs if mention.start <= d.start < mention.end]
    if inside:
        return inside[0].name, False
    # "ZX-3: the FDA cleared the IND for ZX-3; the company plans a Phase 1 trial": the subject of the clause
    # before the semicolon
    if drugs and drugs[0].end <= mention.start:
        return drugs[0].name, False
    # "Patients enrolled in the Phase 2 study received X": the clause's drug; not a therapy its population had
    # before ("progressed on X"), nor one named as what another product is made from ("a next-generation X candidate")
    after = [d for d in leading if d.start >= mention.end and (not own or d.name in own)
             and not _inside_parenthesis(text, mention.end, d.start)
             and not _NEXT_PREDICATE.search(text, mention.end, d.start)
             and not prior_therapy(text, d.start, mention.end)
             and not _MODIFIES_PRODUCT.match(text, d.end)]
    same_clause = [d for d in after if not _CLAUSE_BREAK.search(text[mention.end:d.start])]
    if same_clause:
        return same_clause[0].name, False
    # "ZEN-3 was preceded by ZEN-1, an open-label Phase 1b/2 study": a study told through another the release has
    # named with its drug is that drug's, not the one a quote before it happened to name
    related = None if drugs or not mention.name else _drug_of_related_study(ctx, sentence, text, mention)
    if related:
        return related, False
    paragraph_subject = ctx.previous_drug(sentence)
    heading = None if paragraph_subject else ctx.heading_drug(sentence)
    return (paragraph_subject or ctx.section_drug(sentence) or heading or (after[0].name if after else None)
            or _next_drug_in_paragraph(ctx, sentence) or _drug_under_heading(ctx, sentence)
            or _previous_paragraph_drug(ctx, sentence) or ctx.main_drug()), False


def _drug_under_heading(ctx: Context, sentence: Sentence) -> str | None:
    """"Clinical Data from the Phase I/II Study in China" over a paragraph on X's study: a heading that names
    no drug is about the drug the text under it opens on, not the one the section before ended on."""
    if not sentence.is_heading or sentence.index + 1 >= len(ctx.sentences):
        return None
    following = ctx.sentences[sentence.index + 1]
    drugs = ctx.drugs_in(ctx.text(following)) if not following.is_heading else []
    return drugs[0].name if drugs else None


def _protocol_drug(ctx: Context, name: str | None) -> str | None:
    """The drug whose code, a hyphen and a number make up the study's name ("ZX-11-102")."""
    if not name or "-" not in name:
        return None
    for drug in ctx.extraction.drugs:
        if any(_protocol_of(name, known) for known in (drug.name, *(a.name for a in drug.aliases))):
            return drug.name
    return None


# "We finished enrolling our first Phase 3 study ahead of plan, began our first patient study with X": a comma and a
# past-tense verb with its object open the subject's next predicate, about another study and its drug
_NEXT_PREDICATE = re.compile(r",\s+(?:(?:also|then|and)\s+)?(?:[a-z]{3,}ed|began|took|gave|saw|made|won|met|led|ran|brought|"
                             r"kept|built)\s+(?:our|its|their|his|her|the|a|an|two|three|first)\b")


_RELATIVE_TO_TRIAL = re.compile(r"\s*,\s+(?:which|that)\s+(?:has\s+|had\s+|have\s+)?(?:already\s+|also\s+|recently\s+)?"
                                r"(?:completed|finished|entered|is\s+in|was\s+in|is\s+being\s+tested\s+in|began|started)\s+"
                                r"(?:an?\s+|the\s+|its\s+)?")
_STANDS_FOR_DRUG = re.compile(r"\s*(?:The\s+(?:drug|candidate|therapy|compound|antibody|molecule|medicine|treatment|asset)|It)\b")
_COMPARING = re.compile(r"\b(?:versus|vs\.?|compared|against|combination|combined|together|plus|standard|control|placebo|it|them|"
                        r"beat|beats|beating|outperform(?:s|ed|ing)?|superior|non-?inferior|than)\b|\+",
                        re.I)


_COMPARED_WITH = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:to|with)|against)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$", re.I)


_SUBJECT_OF_VERB = re.compile(r"(?:\s*\([^()]*\))?\s+(?:is|are|was|were|has|have|had|will|would|remains?|entered|"
                              r"began|moved|advanced|completed|started|met|showed)\b")


def _partner_in(text: str, drug, drugs) -> bool:
    """A partner or comparator of the trial's drug: "with", "and" or "or" make one only after another drug or
    a pronoun for it ("patients with gastric cancer received X" names no partner)."""
    if not partner_of_another(text, drug):
        return False
    if _SUBJECT_OF_VERB.match(text, drug.end) and re.search(r"\band\s+$", text[:drug.start]) and not any(
            re.fullmatch(r"\s*,?\s*(?:and|or)\s*", text[d.end:drug.start]) for d in drugs if d.end <= drug.start):
        # "A is in a Phase 2 trial and B is in a Phase 3 study": B heads a clause of its own ("A and B are each
        # being evaluated" coordinates two subjects of one verb)
        return False
    before = text[max(0, drug.start - 60):drug.start]
    return bool(_COMPARING.search(before)) or any(drug.start - 60 <= d.end <= drug.start for d in drugs if d is not drug)


def _inside_parenthesis(text: str, start: int, position: int) -> bool:
    between = text[start:position]
    return between.count("(") > between.count(")")


def _previous_paragraph_drug(ctx: Context, sentence: Sentence) -> str | None:
    """"X carries RMAT designation ... / The pivotal data came from the Phase 1/2 ZEN study in boys": a paragraph
    naming no drug goes on about the one drug the paragraph just before it names, rather than the release's main
    drug (a news story turns from one company's drug to another's)."""
    if sentence.zone.value != "body":
        return None
    earlier = [s for s in ctx.sentences[:sentence.index] if s.paragraph == sentence.paragraph - 1
               and s.zone == sentence.zone and not s.is_heading]
    names = {d.name for s in earlier for d in ctx.drugs_in(ctx.text(s))}
    # a partner or comparator named there ("cleared in combination with Y") is not what the story went on about
    partners = any(partner_of_another(ctx.text(s), d) for s in earlier for d in ctx.drugs_in(ctx.text(s)))
    return next(iter(names)) if len(names) == 1 and not partners else None


def _next_drug_in_paragraph(ctx: Context, sentence: Sentence) -> str | None:
    """"The Phase 3 trial met its primary endpoint. X reduced the risk of ...": a paragraph that opens
    on its study names the study's drug as the subject of a sentence after (its first words)."""
    for later in ctx.sentences[sentence.index + 1:]:
        if later.paragraph != sentence.paragraph:
            break
        text = ctx.text(later)
        drugs = ctx.drugs_in(text)
        if drugs:
            first = drugs[0]
            opening = text[:first.start]
            subject = len(opening.split()) <= 3 and not PRIOR_THERAPY.search(opening) and not partner_of_another(text, first)
            return first.name if subject else None
    return None


def _coordinated_drugs(ctx: Context, text: str, mention: _Mention) -> list[str]:
    """"the Phase 3 trials of A and B", "A and B are each in Phase 1 trials": the drugs coordinated with the
    trial's own drug, in its phrase or as the subject of its clause, each have their trials."""
    attached = mention.attached
    drugs = [d for d in ctx.drugs_in(text) if (d.start >= mention.end if attached else d.end <= mention.start)]
    first = next((i for i, d in enumerate(drugs) if d.name == mention.drug), None)
    if first is None:
        return []
    chain = [drugs[first]]
    for previous, drug in zip(drugs[first:], drugs[first + 1:]):
        if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[previous.end:drug.start]):
            break
        chain.append(drug)
    if not attached and re.search(r"[,;:]", text[chain[-1].end:mention.start]):
        return []  # "Following data on A and B, the company began Phase 2 trials": not the clause's subject
    return list(dict.fromkeys(d.name for d in chain[1:] if d.name != mention.drug))


# "X in combination with (the PD-1 inhibitor) Y", "X plus Y", "X versus Y": Y is a partner or a comparator.
_PARTNER_BEFORE = re.compile(
    # "with Pemberly's oral SERD X": a possessive owner is a word of the partner's description
    # "X beat Y in a head-to-head trial", "X outperformed Y", "X kept the disease in check longer than Y": the drug
    # beaten is the comparator
    r"\b(?:with|plus|versus|vs\.?|compared (?:to|with)|against|or|and|beat|beats|beating|outperform(?:s|ed|ing)?|"
    r"(?:[a-z]+er|more|less)\s+than|"
    r"(?:superior|non-?inferior)\s+to)\s+(?:an?\s+|the\s+)?(?:[\w'\u2019-]+[\s,]+){0,4}?$|\+\s*$",
    re.I,
)


# "the addition of X to Y", "adding X to Y", "X added to Y": Y is the backbone X joins, not the drug studied.
_ADDED_TO = re.compile(r"\b(?:addition\s+of|adding|added)\b[^.;:]{1,100}?\bto\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}$", re.I)


_CLAUSE_STOP = re.compile(r"[;:]|(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\bDr)(?<!\bNo)(?<!\bvs)\.")


def partner_of_another(text: str, drug) -> bool:
    """Whether the drug mention is another drug's combination partner or comparator."""
    if _ADDED_TO.search(text, max(0, drug.start - 140), drug.start):
        return True
    before = text[max(0, drug.start - 60):drug.start]
    if re.search(r"\b(?:of|for|evaluating|testing|investigating|studying|assessing)\s+(?:the\s+)?$", before):
        # "a Phase 2 trial, or NAME, of X", "and one evaluating X": the object of the study is its drug, not a conjunct
        return False
    # a stop ends the clause the partner's "with" must share with the drug; the period of "Inc." or "Co." does not
    return bool(_PARTNER_BEFORE.search(before)) and not _CLAUSE_STOP.search(before)


def _owned(ctx: Context) -> frozenset[str]:
    return frozenset(d.name for d in ctx.extraction.drugs if d.company)


_EXTENSION = re.compile(r"\b(?:extension|roll-?over|long-term\s+follow-up)\s+(?:stud(?:y|ies)|trials?)\b", re.I)
_EXTENSION_BEFORE = re.compile(r"\b(?:extension|roll-?over|long-term\s+follow-up)\s+(?:study|trial)\s*,?\s*"
                               r"(?:called\s+|named\s+|known\s+as\s+)?$", re.I)


def _merge_target(mention: _Mention, trials: list[_Mention], long_forms: dict[str, str]) -> _Mention | None:
    if mention.plural and not mention.name and mention.indication and len(split_list(mention.indication)) > 1:
        return None  # "trials of X for A, B and C" are studies of their own, one per indication
    same_drug = [t for t in trials if t.drug == mention.drug]
    section = (mention.sentence.section or "").lower()
    for trial in same_drug:  # "About the BRUIN Phase 1/2 Trial": its "Phase 1 study" is that trial's stage
        if trial.name and trial.name.lower() in section and not (mention.name and not _same_name(mention.name, trial.name)) and (
                mention.phase is None or _same_study_phase(trial.phase, mention.phase)
                or _more_precise(trial.phase, mention.phase) or _more_precise(mention.phase, trial.phase)):
            return trial
    if mention.name:
        for trial in trials:  # one name is one study, whichever drug a sentence names near it
            if _same_name(trial.name, mention.name):
                return trial
        for trial in (same_drug if not (mention.extension or mention.own) else ()):
            if trial.distinct and trial.indication and mention.indication \
                    and _same_population(trial.indication, mention.indication, long_forms) < 0.9:
                continue  # "its own Phase 3 trial in X", "a Phase 3 bridging study in Y": not the named study told of elsewhere
            if trial.name is None and (trial.phase == mention.phase or mention.phase is None
                                       or _more_precise(mention.phase, trial.phase)) and trial.phase and _compatible(trial, mention, long_forms) \
                    and {trial.status, mention.status} != {"completed", "active"}:  # a completed study is not a planned one
                return trial
        return None
    candidates = [t for t in same_drug if t.phase == mention.phase or mention.phase is None
                  # "a phase 2 trial of X in Y" said anew beside the named phase 2b study: another study
                  or (_more_precise(t.phase, mention.phase) and not (mention.separate and t.name and mention.indication)) or (not t.name and _more_precise(mention.phase, t.phase))
                  # a stage of a combined-phase study is one study: "studies" in the plural are several, not its stage
                  or (not t.name and not mention.plural and not mention.separate and _same_study_phase(t.phase, mention.phase))
                  # "the Phase 1 study" with nothing of its own: a stage of the release's Phase 1/2 study
                  or (not mention.indication and not mention.plural and not mention.separate and "/" in (t.phase or "")
                      and _same_study_phase(t.phase, mention.phase))]
    candidates = [t for t in candidates if not _other_registration(t, mention)
                  and {t.status, mention.status} != {"completed", "active"}
                  and {t.regimen, mention.regimen} != {"monotherapy", "combination"}]
    # an exact phase first; a study known by its name alone last ("the Phase 2 portion of the Phase 1/2 ZEN study"
    # is ZEN's stage, not the phaseless ZEN-LTE extension named in the same sentence)
    candidates.sort(key=lambda t: (t.phase != mention.phase, t.phase is None and mention.phase is not None))
    if not candidates:
        return None
    # "The Phase 1a portion in healthy volunteers completed": a stage's own population does not make it another study
    if mention.indication and not mention.stage:
        scored = [(_same_population(mention.indication, t.indication or "", long_forms), t) for t in candidates]
        best = max(scored, key=lambda x: x[0])
        # a study the words set apart is the one before only when it is written for the very same population
        if best[0] >= (0.9 if mention.distinct else 0.5):
            return best[1]
        # a headline shortens the population ("for MPox in the DRC"): sharing a word of it is enough
        if best[0] > 0 and best[1].sentence.zone.value == "headline" and sum(1 for x in scored if x[0] > 0) == 1:
            return best[1]
        # the About section restates a study by its disease alone ("ALC-1, in a Phase II/III trial for DMD" after
        # "ASCEND, a Phase II/III trial in boys aged 4 to 10 with DMD amenable to exon skipping"): one study
        if mention.sentence.zone.value == "about":
            words = _specific_words(mention.indication, long_forms)
            within = [t for t in candidates if t.phase == mention.phase and words
                      and words <= _specific_words(t.indication or "", long_forms)]
            if len(within) == 1:
                return within[0]
        # "DELTA-1 and DELTA-2 are Phase 3 trials ... partner X started a Phase 3 trial of D in Japanese patients with
        # Y": a study introduced anew with its own population is not a named study whose population went unsaid
        unscored = [t for t in candidates if not t.indication and not (mention.separate and t.name)]
        return unscored[0] if unscored else None
    return candidates[0]


def _same_name(a: str | None, b: str | None) -> bool:
    """A headline title-cases a study's name ("Zephyr-1" for "ZEPHYR-1"): still one name."""
    return bool(a and b and a.casefold() == b.casefold())


def _usual_form(a: str, b: str) -> str:
    """Of two spellings of one name, the one with more capitals: headlines title-case acronyms."""
    caps = lambda name: sum(c.isupper() for c in name)
    return a if caps(a) >= caps(b) else b


def _same_population(a: str, b: str, long_forms: dict[str, str]) -> float:
    """How surely two descriptions name one population: the overlap of their specific
    words, abbreviations read as their long forms ("patients
    previously treated for MCL or CLL/SLL" and "mantle cell lymphoma, chronic lymphocytic
    leukemia" are one population; "bipolar disorder" and "Alzheimer's disease" are not)."""
    wa, wb = _specific_words(a, long_forms), _specific_words(b, long_forms)
    if not wa or not wb:
        return similarity(a, b)
    return max(2 * len(wa & wb) / (len(wa) + len(wb)), similarity(a, b))


def _specific_words(phrase: str, long_forms: dict[str, str]) -> frozenset[str]:
    words = set(population_words(phrase))
    for short in re.findall(r"[A-Za-z][A-Za-z0-9]*", phrase):
        if short in long_forms:
            words |= population_words(long_forms[short])
    return frozenset(words)


# the status word governs the mention: "completed (its) Phase I testing", not "completed enrollment in the"
_GOVERNED = r"\s+(?:(?:its|a|an|the|two|three|both|our|their|of)\s+)?(?:[\w-]+\s+){0,2}$"
# "previous Phase IIA studies", "an earlier Phase 1 trial": a study run before the one the release plans
_COMPLETED = re.compile(rf"\b(?:completed|concluded|finished|conclusion of|previous|prior|earlier){_GOVERNED}", re.I)
_ACTIVE = re.compile(rf"\b(?:ongoing|undergoing|initiated|initiating|initiate|planned|planning|upcoming|dosed|enrolling|recruiting|new|"
                     rf"started|starting|launched|launching|"
                     rf"to (?:begin|start|conduct|launch)|"
                     rf"(?:dosed|dosing of|enrolled|randomi[sz]ed) (?:the|its|their) first (?:patient|subject|participant)s? in|"
                     rf"first (?:patient|subject|participant)s? (?:was |were |has been )?(?:dosed|enrolled|randomi[sz]ed) in)"
                     rf"{_GOVERNED}", re.I)


_ENROLMENT_DONE = re.compile(rf"\b(?:completed|concluded|finished|closed)\s+(?:the\s+)?(?:enrol(?:l?ment|ling)|recruit(?:ment|ing)|"
                             rf"randomi[sz]ation)(?:\s+(?:in|of|for|into))?{_GOVERNED}", re.I)


def _status(before: str) -> str | None:
    """"completed Phase I testing" and "undergoing Phase Ib trials" are two studies."""
    if _ENROLMENT_DONE.search(before):
        return "active"  # "completed enrollment in X", "finished enrolling our Phase 3 study": the study goes on
    if _COMPLETED.search(before):
        return "completed"
    if _ACTIVE.search(before):
        return "active"
    return None


def _other_registration(trial: _Mention, mention: _Mention) -> bool:
    """Two registry numbers ("NCT02790723", "NCT05835895") are two studies."""
    return bool(trial.registry and mention.registry and not set(trial.registry) & set(mention.registry))


def _more_precise(known: str | None, stated: str | None) -> bool:
    """"Phase 2" said of a study the release also calls "Phase 2b" (a headline rounding off)."""
    return bool(known and stated and "/" not in known and known != stated and known.rstrip("ab") == stated)


def _same_study_phase(a: str | None, b: str | None) -> bool:
    """Phases one study can be named by: equal, or a stage of a combined phase
    ("the Phase 1 dose-escalation" and "the Phase 2 expansion" of a Phase 1/2 study)."""
    if a == b:
        return True
    if not a or not b:
        return False
    for combined, stage in ((a, b), (b, a)):
        if "/" in combined and "/" not in stage and stage.rstrip("ab") in combined.split("/"):
            return True
    return False


def _compatible(trial: _Mention, mention: _Mention, long_forms: dict[str, str]) -> bool:
    if _other_registration(trial, mention):
        return False
    if not trial.indication or not mention.indication:
        return True
    # "relapsed or refractory head and neck cancer" and "relapsed or refractory solid tumors": words every
    # population shares do not make two populations one; "SLE" is "systemic lupus erythematosus" where defined
    specific = _specific_words(trial.indication, long_forms), _specific_words(mention.indication, long_forms)
    if (mention.definite or trial.sentence.zone.value == "headline") and not specific[0] and specific[1]:
        # "a Phase I trial in advanced solid tumors ... The Phase I study (ZX-101-01) enrolled 52 patients with X": the
        # definite restatement says which patients the generic first mention covered; so does the body's named study
        # of the drug and phase a headline announced in generic words ("a Phase 3 trial in first-line metastatic
        # disease", then "ZEN-3, a Phase 3 trial of X in first-line metastatic Y")
        return True
    if any(specific) and not specific[0] & specific[1]:
        return False
    return _same_population(trial.indication, mention.indication, long_forms) >= 0.3


_PART_OF = re.compile(r"\b(?:Part|Cohort|Arm|Stage)\s+[A-Z0-9]{1,3}\s+of\s+(?:the\s+)?$")


def _absorb(target: _Mention, mention: _Mention, long_forms: dict[str, str]) -> None:
    if mention.attached and not target.attached and target.name and _same_name(target.name, mention.name):
        # a headline's "Trial Evaluating a Coformulation of A and B" guessed; "the trial evaluating A/B" says
        target.drug, target.attached = mention.drug, True
    if target.name and mention.name and _same_name(target.name, mention.name):
        target.name = _usual_form(target.name, mention.name)
    target.name = target.name or mention.name
    target.status = target.status or mention.status  # a study said once to be completed is not a planned one
    target.regimen = target.regimen or mention.regimen
    target.registry = list(dict.fromkeys(target.registry + mention.registry))
    # a named study called "Phase 1a" in one place and "Phase 1/2" in another is the Phase 1/2 study
    combined = mention.phase and "/" in mention.phase and "/" not in (target.phase or "/") and (
        not target.name or _same_study_phase(mention.phase, target.phase))
    # "the Phase 1b portion of CALLA-1, a Phase 1 study": the study's own phase wins over its stage's
    own_phase = target.stage and not mention.stage and mention.phase and _same_name(target.name, mention.name)
    if target.phase is None or (_more_precise(mention.phase, target.phase) and not mention.stage) or combined or own_phase:
        target.phase = mention.phase  # "the Phase 2 portion" of a Phase 1/2 study: the study's phase
        target.stage = mention.stage and target.stage
    about_this = mention.sentence.section and target.name and target.name.lower() in mention.sentence.section.lower()
    # a headline names the population in a word or two ("for Blood Cancer"); the body states it
    from_headline = target.sentence.zone.value == "headline" and mention.sentence.zone.value != "headline"
    # "advanced solid tumors" then "platinum-resistant ovarian cancer": the specific statement says who was studied
    generic = bool(target.indication and mention.indication and not population_words(target.indication)
                   and population_words(mention.indication))
    # "failed in a phase 3 trial in SLE ... The OCTAVE-3 study enrolled adults with moderate to severe SLE": the
    # study's own sentence narrows the population the summary gave; so does a named study's later, fuller statement
    # ("ZEN-3 trial in bronchiectasis" in a highlight, then "... in adults with non-cystic fibrosis bronchiectasis")
    narrower = bool(target.indication and mention.indication and mention.name and
                    _specific_words(target.indication, long_forms) < _specific_words(mention.indication, long_forms))
    # "data from Part B of the ZEN-1 study in mesothelioma", then "ZEN-1 is a Phase 1/2 study in advanced solid tumors":
    # the first population is one part's, the study's own statement says whom the study enrols
    of_a_part = bool(mention.indication and mention.phase and not mention.stage and
                     _PART_OF.search(target.sentence.clean, max(0, target.start - 40), target.start))
    if not target.indication or (mention.indication and (about_this or from_headline or generic or narrower or of_a_part)):
        target.indication = mention.indication
    if from_headline and mention.indication:
        target.sentence = mention.sentence


def _fill_indications(ctx: Context, trials: list[_Mention], members: list[list[_Mention]]) -> None:
    """A trial whose own phrase names no population takes one stated elsewhere in a
    sentence that mentions it ("... the Phase 2 study enrolled 130 adults with X"),
    else the indication the release ties its drug to (GUIDE: "when the text ties the
    drug to a single indication, that indication")."""
    by_drug: dict[str, str | None] = {}
    for trial, group in zip(trials, members):
        if trial.indication or trial.drug is None:
            continue
        trial.plural = False  # a population found elsewhere is not a list of this phrase's studies
        for mention in group:
            text = ctx.text(mention.sentence)
            if len(PHASE.findall(text)) > 1:
                # a sentence naming several studies: its populations may be the others', but an opening frame
                # speaks of them all ("Among the other myeloma assets in development, A is ... and B ...")
                frame = _OPENING_FRAME.match(text)
                found = disease_before_therapy(frame.group(0)) if frame else None
                if found:
                    trial.indication = found
                    break
                continue
            # "X, the company's novel ALS treatment, delivered Phase 2b results": the disease its therapy is named for
            # (not in the issuer's descriptor before the lead's reporting verb;
            # "ended a mid-stage study of its experimental Alzheimer's drug, X": the disease the studied drug is named for)
            opening = _after_reporting_verb(text, mention.start)
            of_drug = _STUDY_OF.match(text, mention.end)
            found = (indication_after(text[opening:], ctx, window=len(text)) or disease_before_therapy(text[opening:mention.start])
                     or (disease_before_therapy(text[of_drug.end():of_drug.end() + 60]) if of_drug else None))
            if found:
                trial.indication = found
                break
        else:
            treated = ((_treated_in_named(ctx, trial.name) if trial.name else None) or _population_rested_on(ctx, group)
                       or _designation_rested_on(ctx, trial.drug, group))
            if treated:
                trial.indication = treated
                continue
            if trial.drug not in by_drug:
                by_drug[trial.drug] = _single_indication(ctx, trial.drug)
            indication = by_drug[trial.drug]
            if not indication:
                continue
            # A study without a population beside another of the drug's about its disease is about it too in the
            # body, where the release's own studies are ("a registrational Phase 3 trial" after the Phase 1b study in
            # X), but may be another population where:
            #  - the About section retells the drug's programme ("Its clinical development started with the Phase 1/2
            #    study O-1, and the Phase 3 study OCEAN is planned");
            #  - the study is a Phase 1 one whose sentences speak of what is measured in healthy volunteers
            #    (pharmacokinetics, bioavailability, food effect); a bridging or combination Phase 1 study is in patients;
            #  - a study known by its name alone may be of anything, unless the release designates the drug for X or
            #    ties it to X in a sentence about no study ("the lack of a treatment for X makes Y promising"), or it is
            #    an extension study, which enrols the patients of the drug's other studies ("A 52-week open-label
            #    extension trial, ZEN-EXT, is ongoing");
            #  - an age bounds the population ("pediatric solid tumors"): the drug's other study need not be in children.
            doubtful = (all(m.sentence.zone.value == "about" for m in group)
                        or (trial.phase == "1" and any(_VOLUNTEER_MEASURE.search(ctx.text(m.sentence)) for m in group))
                        or (trial.phase is None and not any(m.extension for m in group)
                            and not _designated_for(ctx, trial.drug, indication)
                            and not _tied_outside_studies(ctx, trial.drug, indication))
                        or _AGE_BOUND.search(indication))
            if doubtful and any(other is not trial and other.drug == trial.drug and other.indication
                                and _one_disease(indication, other.indication, ctx.long_forms()) for other in trials):
                continue
            trial.indication = indication


# What a Phase 1 study measures when it is run in healthy volunteers rather than in patients.
_VOLUNTEER_MEASURE = re.compile(r"\b(?:pharmacokinetic|pharmacodynamic|bioavailab|bioequivalen|food[- ]effect|drug-drug|"
                                r"healthy|volunteers?\b|mass[- ]balance|QT\b)", re.I)


_STUDY_OF = re.compile(r"\s+(?:of|evaluating|testing)\s+")
_OPENING_FRAME = re.compile(r"^\s*(?:Among|Of|Beyond|Besides|Like)\s+[^,;:.]{3,80}?(?=,)")


# "Z is approved for adults with X. The approval was based on the Phase 2 ZEN trial, in which ...": the study an
# approval or a filing rests on enrolled the population the approval or the filing is for
_RESTS_ON = re.compile(r"\b(?:approval|application|filing|submission|s?NDA|s?BLA|MAA)\s+(?:is|was|were|has\s+been)\s+"
                       r"(?:mainly\s+|primarily\s+|largely\s+)?(?:based|supported)\s+(?:on|by)\b[^.;:]*$")
_APPROVED_FOR = re.compile(r"\b(?:approved|seeking\s+approval|approval)\b[^.;:]{0,80}?\b(?=for\s)")


def _population_rested_on(ctx: Context, group: list[_Mention]) -> str | None:
    for mention in group:
        if not _RESTS_ON.search(ctx.text(mention.sentence), 0, mention.start):
            continue
        for earlier in reversed(ctx.sentences[: mention.sentence.index]):
            if earlier.paragraph != mention.sentence.paragraph:
                break
            text = ctx.text(earlier)
            approved = _APPROVED_FOR.search(text)
            if approved:
                return indication_after(text[approved.end():], ctx)
    return None


# "The NPC designation is supported by the Phase 3 X-301 study": the study a designation rests on enrolled the
# population the designation is for; the words before "designation" may name which of the drug's designations
_DESIGNATION_RESTS_ON = re.compile(r"\bThe\s+(?P<which>[^.;:]{0,60}?)\s*designations?\s+(?:is|was|were|has\s+been)\s+"
                                   r"(?:mainly\s+|primarily\s+|largely\s+)?(?:based|supported)\s+(?:on|by)\b[^.;:]*$", re.I)


def _designation_rested_on(ctx: Context, drug: str, group: list[_Mention]) -> str | None:
    designated = list(dict.fromkeys(d.indication for d in ctx.extraction.designations if d.drug == drug and d.indication))
    if not designated:
        return None
    long_forms = ctx.long_forms()
    for mention in group:
        rests = _DESIGNATION_RESTS_ON.search(ctx.text(mention.sentence), 0, mention.start)
        if not rests:
            continue
        which = rests.group("which")
        named = [d for d in designated if _one_disease(which, d, long_forms)] if _specific_words(which, long_forms) else []
        if len(named) == 1:
            return named[0]
        if len(designated) == 1:
            return designated[0]
    return None


def _treated_in_named(ctx: Context, name: str) -> str | None:
    """"41 patients with X had been treated in ZEN-1": a later sentence naming the study alone, with no study noun,
    states who it treated."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        for match in pattern.finditer(text):
            treated = _TREATED_IN.search(text[max(0, match.start() - 200):match.start()])
            if treated:
                return indication_after(" in " + treated.group("people"), ctx)
    return None


def _designated_for(ctx: Context, drug: str, indication: str) -> bool:
    return any(d.drug == drug and d.indication and _same_population(d.indication, indication, ctx.long_forms()) >= 0.5
               for d in ctx.extraction.designations)


_AGE_BOUND = re.compile(r"\b(?:pa?ediatric|children|childhood|adolescents?|infants?|neonat\w*|juvenile|elderly|older adults)\b", re.I)


def _single_indication(ctx: Context, drug: str) -> str | None:
    """GUIDE.md: "when the text ties the drug to a single indication, that indication": the indication most often
    stated right after the drug's name, unless it is a list ("X for A, B and C")."""
    counts = _tied_indications(ctx, drug)
    long_forms = ctx.long_forms()
    if not counts:
        # "X holds orphan drug designation for Y": a designation ties its drug to its disease, when all of them
        # are one disease (a release may speak of its drug only through "the drug" and its studies)
        designated = list(dict.fromkeys(d.indication for d in ctx.extraction.designations if d.drug == drug and d.indication))
        if designated and len(split_list(designated[0])) == 1 and all(
                _one_disease(designated[0], other, long_forms) for other in designated[1:]):
            return designated[0]
        return None
    indication = max(counts, key=lambda phrase: counts[phrase])  # first stated wins a tie (dicts keep order)
    if len(split_list(indication)) == 1:
        return indication
    # "X in ovarian cancer and other solid tumors" once, "X in platinum-resistant ovarian cancer" twice in other
    # words: phrasings of one disease that together outnumber the list tie the drug to that disease
    singles = {phrase: n for phrase, n in counts.items() if len(split_list(phrase)) == 1}
    if singles and sum(singles.values()) > sum(counts.values()) - sum(singles.values()) and all(
            _one_disease(a, b, long_forms) for a in singles for b in singles if a is not b):
        return max(singles, key=lambda phrase: singles[phrase])
    return None


def _one_disease(a: str, b: str, long_forms: dict[str, str]) -> bool:
    """"RRMM" and "relapsed refractory multiple myeloma", "multiple myeloma" and "adults with relapsed or refractory
    multiple myeloma who have received ...": one disease (the specific words of one hold the other's)."""
    a, b = expand(a, long_forms), expand(b, long_forms)
    wa, wb = _specific_words(a, long_forms), _specific_words(b, long_forms)
    return bool(wa and wb and (wa <= wb or wb <= wa)) or _same_population(a, b, long_forms) >= 0.5


def _tied_outside_studies(ctx: Context, drug: str, indication: str) -> bool:
    long_forms = ctx.long_forms()
    return any(_one_disease(indication, tied, long_forms) for tied in _tied_indications(ctx, drug, outside_studies=True))


def _tied_indications(ctx: Context, drug: str, outside_studies: bool = False) -> dict[str, int]:
    """The indications stated right after the drug's name in the release ("X for the treatment of Y",
    "X to treat Y", "X in patients with Y"), with how often each is; `outside_studies`: only in sentences that
    mention no study (a study's population ties the drug to it only through that study)."""
    counts: dict[str, int] = {}
    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        if outside_studies and (PHASE.search(text) or TRIAL_NOUN.search(text)):
            continue
        for mention in ctx.drugs_in(text):
            if mention.name != drug:
                continue
            found = indication_after(text[mention.end:], ctx, window=120) or disease_before_therapy(
                text[mention.end:mention.end + 90]) or _disease_in_parentheses(text[mention.end:mention.end + 90])
            if found and not HEALTHY_PEOPLE.match(found):
                counts[found] = counts.get(found, 0) + 1
    return counts


def _disease_in_parentheses(text: str) -> str | None:
    """"ACM-101 (plaque psoriasis): Phase 2 trial initiated": a pipeline list writes the drug's indication in
    parentheses after its name."""
    paren = re.match(r"\s*\(([^()]{3,80})\)", text)
    if not paren:
        return None
    inner = paren.group(1).strip()
    return inner if names_disease(inner) and not _GENERIC.fullmatch(inner) else None


# "X, the company's novel ALS treatment", "X ... as one of the most promising ALS therapies", "an RSV vaccine":
# a disease written before the word for a therapy is what the drug treats.
_THERAPY_NOUN = re.compile(r"\b(?:treatments?|therap(?:y|ies)|drugs?|medicines?|vaccines?|candidates?|assets?)\b", re.I)
_NOT_DISEASE_WORD = re.compile(
    r"(?:a|an|the|its|their|our|his|her|one|of|among|other|several|many|some|most|more|novel|new|promising|potential(?:ly)?|investigational|"
    r"innovative|first-in-class|best-in-class|disease-modifying|oral|intranasal|topical|injectable|effective|"
    r"approved|leading|lead|experimental|breakthrough|targeted|only|first|late-stage|clinical-stage|"
    r"next-generation|[\w-]+'s)$", re.I)


def disease_before_therapy(text: str) -> str | None:
    # "an RSV and human metapneumovirus (hMPV) vaccine candidate": an abbreviation in parentheses is no boundary
    text = re.sub(r"\s*\([^()]*\)", "", text)
    noun = _THERAPY_NOUN.search(text)
    if not noun:
        return None
    words = re.split(r"\s+", text[: noun.start()].strip())[-4:]
    kept: list[str] = []
    for word in reversed(words):
        if not word or re.search(r"[,.;:()]", word) or (_NOT_DISEASE_WORD.fullmatch(word) and not (
                word.endswith("'s") and names_disease(word))):
            break
        kept.insert(0, word)
    phrase = " ".join(kept)
    return phrase if phrase and names_disease(phrase) and not _GENERIC.fullmatch(phrase) else None


_GENERIC = re.compile(r"(?:rare\s+)?(?:diseases?|disorders?|conditions?|cancers?|tumou?rs?)", re.I)
