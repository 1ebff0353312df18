"""Labelled patient groups ("Cohort 3", "the first cohort", "the DLBCL cohort",
"the 1.5 mg/kg cohort", "the triple-class refractory population") and the
dose, unit and regimen each received, fractionated doses summed per cycle."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import CohortFact, Evidence, Sentence, Zone
from .context import Context, name_key
from .memo import per_text
from .prefilter import gate
from .text import names_disease
from .trials import prior_therapy

NAME = "cohorts.patterns"

ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10",
}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}
UNIT = r"(?:mCi/m2|mCi|mg/kg|mg/m2|ug/kg|mcg/kg|ug/m2|MBq/kg|GBq|mg)(?![\w/])"
DOSE = re.compile(rf"(?<!\d)(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>{UNIT})")
# "Cohort 3", "Cohorts 1 through 4", "Cohort B", and sub-cohorts "Cohort 2a", "Cohort A1"
COHORT_NUMBER = re.compile(r"\b[Cc]ohorts?\s+(?P<first>\d+[a-z]?|[A-Z]\d?)\b(?![.,]\d)(?P<more>(?:\s*(?:,|and|through|to|-)\s*(?:[Cc]ohort\s+)?(?:\d+[a-z]?|[A-Z]\d?)\b(?!\.\d|\d|\s*(?:%|percent|months?|weeks?|days?|mg|mCi)|"
    # "In Cohort 2, 29 treatment-naive patients received ...", "In Cohort B, 7 of 15 evaluable patients had ...": a count
    # of the cohort's patients, not a second cohort
    r"(?:(?<=,\s\d)|(?<=,\s\d\d))(?:\s+of\s+\d+)?\s+(?:[a-z][\w-]*\s+)?(?:patients|participants|subjects|people|adults|children|men|women)\b))*)")
# "the third cohort", "the fourth and final cohort"
ORDINAL_COHORT = re.compile(r"\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                            r"\s+(?:and\s+(?:final|last)\s+)?cohort\b", re.I)
# "dose level 3F" (a variant of level 3, e.g. fractionated), "Arm 2b"
# "Parts B and C", "Arms 1, 2 and 3", "dose levels 4 and 5": one plural word, each group named after it
_STAGE_LABEL = r"(?:\d+[A-Za-z]?|[A-Z]\d?)\b"
# "DL2", "DL-3": the dose level's usual abbreviation in dose-escalation reports, written without a space;
# "receptor class C group 5 member D": a protein family's name, no group of patients
DOSE_LEVEL = re.compile(r"\b(?:(?P<word>[Dd]ose[- ][Ll]evel|[Aa]rm|[Pp]art|[Gg]roup)(?:\s+(?P<label>" + _STAGE_LABEL + r")(?!\s+member\b)|s\s+(?P<first>"
                        + _STAGE_LABEL + r")(?P<more>(?:\s*,\s*" + _STAGE_LABEL + r")*\s*,?\s+(?:and|or)\s+" + _STAGE_LABEL + r"))"
                        r"|DL-?(?P<abbreviated>\d{1,2}[A-Za-z]?)\b)")
# "the DLBCL cohort", "the KRAS G12C arm", and groups named by a biomarker state or a line of therapy ("the HER2-low
# cohort", "the 2L cohort", "the 3L+ cohort")
NAMED_COHORT = re.compile(
    r"\b(?:the|a|an|its)\s+(?P<label>[A-Z][\w/-]*[A-Z0-9](?:\s+[A-Z][\w/-]*)?"
    r"|[A-Z][A-Z0-9]+-(?:low|high|positive|negative|mutant|mutated|amplified|expressing|altered|wild-type)|[1-9]L\+?)"
    r"\s+(?:cohort|arm|group)\b")
# "the FL and MZL cohorts", "both the CLL and RT arms": labelled groups coordinated before one plural noun
NAMED_COHORTS = re.compile(
    r"\b(?:the|both(?:\s+the)?)\s+(?P<first>[A-Z][\w/-]*[A-Z0-9])((?:\s*,\s*[A-Z][\w/-]*[A-Z0-9])*)\s*,?\s+and\s+"
    r"(?P<last>[A-Z][\w/-]*[A-Z0-9])\s+(?:cohorts|arms|groups)\b")
# "the second-line cohort", "the third-line-or-later (3L+) cohort": a cohort named by its line of therapy, known by the
# short form the release defines for it
LINE_COHORT = re.compile(
    r"\b(?:the|a|an|its)\s+(?P<long>(?:first|second|third|fourth|later)[- ]line(?:[- ](?:or|and)[- ](?:later|beyond)|\+)?)"
    r"(?:\s*\(\s*(?P<short>[1-9]L\+?)\s*\))?\s+(?:cohort|arm|group)\b", re.I)
# "the colorectal cancer cohort": a cohort named by its disease in lower case (checked against the disease lexicons)
# (after "the study's", and with a biomarker written before the disease: "the MSI-H endometrial cancer cohort",
# "that study's KRAS G12C colorectal cancer expansion cohort")
DISEASE_COHORT = re.compile(r"\b(?:the|a|an|its|[\w-]+['’]s)\s+(?P<label>(?P<marker>(?:[A-Z][\w/+-]*\s+){0,2})"
                            r"[a-z][\w'/-]*(?:\s+[a-z][\w'/-]*){0,3}?)\s+(?:cohort|arm)\b")
# "the non-small cell lung cancer (NSCLC) cohort": a disease cohort known by the short form the release defines in it
ABBREVIATED_DISEASE_COHORT = re.compile(
    r"\b(?:the|a|an|its)\s+(?P<long>[a-z][\w'/-]*(?:\s+[a-z][\w'/-]*){0,5}?)\s+\(\s*(?P<short>[A-Z][A-Za-z0-9/+-]{1,11})\s*\)"
    r"\s+(?:(?:expansion|dose-expansion)\s+)?(?:cohort|arm)\b")
# "the 1.5 mg/kg cohort", "the 5-mg cohort", "the 10 mg/kg Q3W cohort", "the 600 mg twice-daily arm"
DOSE_COHORT = re.compile(
    rf"(?<!\d)(?P<label>\d+(?:\.\d+)?(?:\s*|-){UNIT}(?:\s+(?:Q\d?[DW]|QD|BID|TID|QW|QOD|(?:once|twice)[- ]daily|daily|weekly))?)"
    r"\s+(?:dose\s+)?(?:cohort|arm|group|dose level)\b")
# "The 3 mg/kg and 10 mg/kg arms slowed decline": two groups each named by its dose
DOSE_PAIR_COHORTS = re.compile(
    rf"(?<![\d.])(?P<first>\d+(?:\.\d+)?\s*{UNIT})\s*(?:,\s*|\s+and\s+|,\s+and\s+)(?P<second>\d+(?:\.\d+)?\s*{UNIT})"
    r"\s+(?:dose\s+)?(?:cohorts|arms|groups)\b")
# "the low-dose cohort (10 mg once daily)", "the high-dose arm": a group labelled by its place among the study's doses
DOSE_WORD_COHORT = re.compile(
    r"\b(?:the|a|an|its|each)\s+(?P<label>(?:low|high|mid|middle|medium|intermediate)[- ]dose)\s+(?:cohort|arm|group)\b", re.I)
POPULATION = re.compile(
    # a label starts a word: "the ESR1-mutated subgroup" is not a "mutated" one; "the dMMR/MSI-H population": a biomarker
    # pair joined by a slash is one group's name
    r"(?<![\w-])(?:the\s+)?(?P<label>[a-z][\w-]*(?:/[\w-]+)?(?:\s+(?:[a-z][\w-]*|\d+[a-z]?)){0,2}?)\s+(?:population|subgroup|sub-group|group|patients\)|disease\s+group)\b"
)
# "in the subgroup of patients with brain metastases (n=17)", "a prespecified subgroup of patients with PIK3CA-mutated
# tumors": an analysis subgroup named by what its patients have
SUBGROUP_OF = re.compile(
    r"\b(?:sub-?groups?|subsets?)\s+of\s+(?:\d+\s+)?(?:patients|participants|subjects)\s+with\s+"
    r"(?P<label>[\w/+-]+(?:\s+(?!(?:who|which|that|treated|receiving|in|at|on|and|or|of|the)\b)[\w/+-]+){0,4}?)"
    r"(?:\s+(?:tumou?rs|disease))?(?=\s*(?:\(|,|;|:|\.(?:\s|$)|$)|\s+(?:who|which|that|treated|receiving|in|at|on)\b)")
# "the FRα-high subgroup", "the PD-L1-positive population", "the prespecified ESR1-mutated subgroup": a subgroup
# named by a biomarker state
MARKER_SUBGROUP = re.compile(
    r"\b(?:the|a|an|its)\s+(?:(?:pre-?specified|pre-?defined|exploratory|post[- ]hoc)\s+)?"
    r"(?P<label>[A-Z][\w/-]*?[- ](?:low|high|positive|negative|mutant|mutated|amplified|expressing|"
    r"altered|wild-type))\s+(?:sub-?group|subset|population)\b")
NOT_POPULATION = re.compile(
    r"^(?:intention-to-treat|intent-to-treat|itt|modified intention-to-treat|modified intent-to-treat|safety|efficacy|"
    r"evaluable|efficacy-evaluable|overall|study|trial|total|entire|whole|control|placebo|treatment|patient|this|that|"
    r"same|similar|comparable|matched|different|general|historical|age|target|pediatric|adult|broader|broad|small|large|per-protocol|dose|randomized|combination|"
    r"response-evaluable|all|approved|supporting|the|prespecified|pre-specified|predefined|pre-defined|exploratory)(?:\s|$)"
)
# A randomised trial's arm named by its treatment: "the X monotherapy group", "the chemotherapy alone group"
_TREATMENT_ARM = re.compile(r"(?:^|\s)(?:monotherapy|combination|alone|chemotherapy|placebo|vehicle)$|\splus\s")
# Most sentences hold none of these words: skip their scans (prefilter.py).
DOSE, COHORT_NUMBER, ORDINAL_COHORT, DOSE_LEVEL, NAMED_COHORT, DISEASE_COHORT, DOSE_COHORT, POPULATION, NOT_POPULATION = map(
    gate, (DOSE, COHORT_NUMBER, ORDINAL_COHORT, DOSE_LEVEL, NAMED_COHORT, DISEASE_COHORT, DOSE_COHORT, POPULATION, NOT_POPULATION))
LINE_COHORT, DOSE_WORD_COHORT, SUBGROUP_OF, MARKER_SUBGROUP = gate(LINE_COHORT), gate(DOSE_WORD_COHORT), gate(SUBGROUP_OF), gate(MARKER_SUBGROUP)
ABBREVIATED_DISEASE_COHORT = gate(ABBREVIATED_DISEASE_COHORT)
DOSE_PAIR_COHORTS = gate(DOSE_PAIR_COHORTS)


# Words that describe a cohort study or which cohort, rather than name a group of the trial
_NOT_NAMED_COHORT = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last|final|new|latest|initial|"
    r"retrospective|prospective|historical|historic|external|natural|real-world|observational|national|"
    r"each|every|any|another|other|this|that|one|two|three|four|five|same|current|ongoing|completed|planned|"
    r"additional|separate|larger|largest|small|smaller|single|full|initiation|case|when|"
    # trial stages (GUIDE.md: no line for a stage without a dose)
    r"expansion|escalation|dose-escalation|dose-expansion|run-in|lead-in|extension|portion|stage)\b|\d", re.I)


_RUN_AS = re.compile(r"^(?:(?:separate|additional|dedicated|parallel|independent|exploratory|open-label|single-arm|"
                     r"non-randomi[sz]ed|randomi[sz]ed|blinded|double-blind)\s+)+", re.I)
_LABEL_AFTER = re.compile(r"\s*\(\s*")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_NAMED_AFTER = re.compile(r"\s+of\s+(?:\d+\s+)?(?:patients|participants|subjects)\s+with\s")
# Words that point back to a group already named rather than name one
_POINTING = re.compile(r"\b(?:this|that|these|those|such|which|whose|its|their)\b", re.I)


@dataclass(frozen=True)
class CohortMention:
    label: str
    start: int
    end: int
    kind: str  # "number", "named", "dose", "population", "part", "arm"


# The group nouns every pattern of `cohort_mentions` ends or opens with, as whole words where the
# pattern has them so ("pharma" holds no arm, "participants" no part): COHORT_NUMBER, ORDINAL_COHORT,
# NAMED_COHORT(S), LINE_COHORT, DOSE_WORD_COHORT, DISEASE_COHORT: cohort(s)/arm(s)/group(s) after a
# boundary; DOSE_LEVEL: "dose level", "Arm 2", "Parts B and C", "Group A"; DOSE_COHORT and
# DOSE_PAIR_COHORTS: cohort/arm/group/"dose level"; POPULATION, SUBGROUP_OF, MARKER_SUBGROUP:
# population, (sub-)group, subset, "patients)". A pattern given another noun must add it here.
_ARM_WORD = re.compile(r"arm(?<!\warm)s?\b")  # opening with its letters: the engine skips to "arm"
_PART_WORD = re.compile(r"part(?<!\wpart)s?\s")
_DL_WORD = re.compile(r"\bDL-?\d")


def names_group_word(text: str) -> bool:
    """False when no pattern of `cohort_mentions` can match: the text holds none of their group nouns."""
    if not text.isascii():
        return True  # Unicode case folding: the lower-case tests below would not be exact
    t = text.lower()
    return ("cohort" in t or "group" in t or "population" in t or "subset" in t or "patients)" in t
            or "dose level" in t or "dose-level" in t or ("dl" in t and _DL_WORD.search(text) is not None) or ("arm" in t and _ARM_WORD.search(t) is not None)
            or ("part" in t and _PART_WORD.search(t) is not None))


def may_name_group(text: str) -> bool:
    """Sentence gate of `extract_cohorts`: False when the sentence names no group (`names_group_word`)
    and carries no dose over from the sentence before (`_carried_cohort`: "The 2 mg dose ..." opens
    with a determiner and a figure, and holds a DOSE). Without a mention or a carried one the loop
    adds nothing: `_respectively` and `_nearest_doses` assign doses to mentions only."""
    return names_group_word(text) or bool(_CARRIED_OPENING.match(text) and DOSE.search(text))


_ONE_PATIENT = re.compile(r"\b(?:a|one|another|a single)\s+(?:[\w-]+\s+){0,3}?(?:patient|participant|subject)\b(?!s)", re.I)
_CARRIED_OPENING = re.compile(r"\s*(?:The|This|That)\s+\d")  # what `_carried_cohort` needs the sentence to open with


@per_text
def cohort_mentions(text: str) -> list[CohortMention]:
    found: list[CohortMention] = []
    if not names_group_word(text):
        return found
    for match in COHORT_NUMBER.finditer(text):
        labels = _expand(match.group("first"), match.group("more"))
        for label in labels:
            found.append(CohortMention(label, match.start(), match.end(), "number"))
    for match in ORDINAL_COHORT.finditer(text):
        found.append(CohortMention(ORDINALS[match.group("ord").lower()], match.start(), match.end(), "number"))
    for match in DOSE_LEVEL.finditer(text):
        # "Arm 2", "Group B": a labelled group of patients; "Part A", "dose level 2": a stage, a cohort only with a dose
        kind = "arm" if (match.group("word") or "").lower() in ("arm", "group") else "part"
        label = match.group("label") or match.group("abbreviated")
        labels = [label] if label else re.findall(_STAGE_LABEL, match.group("first") + " " + match.group("more"))
        for label in labels:
            found.append(CohortMention(label, match.start(), match.end(), kind))
    for match in DOSE_COHORT.finditer(text):
        label = re.sub(r"\s+", " ", match.group("label"))
        label = re.sub(rf"^(\d+(?:\.\d+)?)-?\s*(?={UNIT})", r"\1 ", label)  # "5-mg", "5mg" -> "5 mg"
        found.append(CohortMention(label, match.start(), match.end(), "dose"))
    for match in DOSE_PAIR_COHORTS.finditer(text):
        for part in ("first", "second"):
            label = re.sub(r"\s+", " ", re.sub(rf"^(\d+(?:\.\d+)?)\s*(?={UNIT})", r"\1 ", match.group(part)))
            found.append(CohortMention(label, match.start(part), match.end(part), "dose"))
    for match in NAMED_COHORT.finditer(text):
        label = match.group("label")
        if re.fullmatch(r"(?:Phase|Cohort|Part|Arm|Study|Dose)\b.*|[A-Z][a-z]+", label):
            continue
        found.append(CohortMention(label, match.start("label"), match.end(), "named"))
    for match in NAMED_COHORTS.finditer(text) if " and " in text else ():
        labels = [match.group("first"), *re.findall(r"[A-Z][\w/-]*[A-Z0-9]", match.group(2)), match.group("last")]
        for label in labels:
            found.append(CohortMention(label, match.start(), match.end(), "named"))
    for match in LINE_COHORT.finditer(text):
        label = match.group("short") or match.group("long")
        found.append(CohortMention(label, match.start("long"), match.end(), "named"))
    for match in DOSE_WORD_COHORT.finditer(text):
        found.append(CohortMention(match.group("label").lower().replace(" ", "-"), match.start("label"), match.end(), "named"))
    for match in DISEASE_COHORT.finditer(text):
        # "the gastric cancer expansion cohort": the stage word is not the group's label
        label = re.sub(r"(?:\s+(?:dose-)?(?:expansion|escalation))+$", "", match.group("label"))
        label = re.sub(r"^[\w-]+['’]s\s+", "", label)  # "the study's colorectal cancer cohort": the owner is no label
        # "a separate open-label lupus nephritis cohort": words describing how the group is run are not its name
        label = _RUN_AS.sub("", label)
        if re.match(r"(?:safety|efficacy|overall|entire|whole|control|placebo|treatment)\b|\S+[- ]dose$", label):
            continue  # "the low-dose cohort" is labelled above
        if names_disease(label):
            found.append(CohortMention(label, match.start("label"), match.end(), "named"))
        elif match.group("marker"):
            continue  # "the ZX-101 expansion cohort": a capitalised word before no disease is a drug's or a study's
        elif (match.group(0).endswith("cohort") and not _NOT_NAMED_COHORT.search(label)
              and (not NOT_POPULATION.match(label) or re.match(r"(?:adult|pediatric|paediatric|combination)\b", label))):
            # "the adult cohort", "the expansion cohort": named in lower case, a cohort when it has findings
            found.append(CohortMention(label, match.start("label"), match.end(), "population"))
    for match in ABBREVIATED_DISEASE_COHORT.finditer(text):
        if names_disease(match.group("long")):
            found.append(CohortMention(match.group("short"), match.start("long"), match.end(), "named"))
    for match in SUBGROUP_OF.finditer(text):
        found.append(CohortMention(match.group("label"), match.start("label"), match.end("label"), "population"))
    for match in POPULATION.finditer(text):
        if _NAMED_AFTER.match(text, match.end()):
            continue  # "a prespecified subgroup of patients with ...": its name follows (above)
        # "... and the safety population", "in the intention-to-treat population": the words
        # before the article belong to the sentence, not to the group's name
        label = re.sub(r"^(?:(?:and|or|in|of|for|to|with|from|among|across|within|the|a|an)\s+)+", "",
                       match.group("label").strip())
        if NOT_POPULATION.match(label) or len(label) < 5 or _POINTING.search(label):
            continue  # "survival in this group": the group was named before, these words do not name it
        if _TREATMENT_ARM.search(label):
            continue  # "the lenvatinib monotherapy group": an arm named by what it receives carries no label (FACTS.md)
        found.append(CohortMention(label, match.start("label"), match.end(), "population"))
    for match in MARKER_SUBGROUP.finditer(text):
        # populations: a cohort only through the findings the subgroup carries
        found.append(CohortMention(match.group("label"), match.start("label"), match.end(), "population"))
    # "the lung cancer expansion cohort (Cohort A)": one group, known by the label the release goes on using
    labelled = [m for m in found if m.kind in ("number", "arm", "part")]
    found = [m for m in found if m.kind not in ("named", "population")
             or not any(_LABEL_AFTER.fullmatch(text, m.end, other.start) for other in labelled)]
    # "the ESR1-mutated subgroup (n=71 across Arms A and B)": groups named in the parenthesis after a group's name say
    # where its patients came from; they are not the figure's
    asides = [(paren.start(), paren.end()) for m in found if m.kind in ("named", "population")
              for paren in [_ASIDE.match(text, m.end)] if paren]
    found = [m for m in found if not any(start < m.start < end for start, end in asides)]
    found.sort(key=lambda m: (m.start, m.label))
    unique: list[CohortMention] = []
    for mention in found:
        if any(u.start <= mention.start < u.end and u.label != mention.label and u.kind != mention.kind for u in unique):
            continue
        if mention.kind in ("named", "population") and any(
                u.start <= mention.start and mention.end <= u.end and mention.end - mention.start < u.end - u.start
                for u in unique):
            continue  # "wild-type" inside "the ESR1 wild-type subgroup": the longer name is the group's
        unique.append(mention)
    return unique


MAX_COHORT_RANGE = 50


def _expand(first: str, more: str) -> list[str]:
    labels = [first]
    if not more:
        return labels
    # "Cohort 1 through Cohort 4": the repeated noun is no label
    tokens = re.findall(r"through|to|-|\d+[a-z]?|[A-Z]\d?", re.sub(r"[Cc]ohort\s", " ", more))
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in ("through", "to", "-") and i + 1 < len(tokens) and labels[-1].isdigit() and tokens[i + 1].isdigit():
            low, high = labels[-1], tokens[i + 1]
            # "cohorts 1 through 4": expand; an implausible range (huge or
            # thousands of digits) keeps its ends only, never a billion labels
            if len(low) <= 3 and len(high) <= 3 and int(high) - int(low) <= MAX_COHORT_RANGE:
                labels.extend(str(n) for n in range(int(low) + 1, int(high) + 1))
            else:
                labels.append(high)
            i += 2
            continue
        if token not in ("through", "to", "-"):
            labels.append(token)
        i += 1
    return labels


def regimen_of(text: str) -> str | None:
    if re.search(r"fractionat|split|two (?:[\d.]+ ?\S+ )?(?:doses|administrations|infusions)|one week apart|day 1 and day 8|days? 1 and 8|"
                 r"two fractionated", text, re.I):
        return "fractionated"
    # "once monthly", "once a week": a schedule of repeated doses, not a single one
    if re.search(r"\bsingle\b|\bone-time\b|\bonce\b(?! every| weekly| daily| monthly| a (?:day|week|month)| per )", text, re.I):
        return "single"
    if re.search(r"once every|every (?:\w+ )?(?:weeks?|days|months?)|cycles?|once (?:weekly|daily|monthly)|once a (?:day|week|month)|"
                 r"repeat(?:ed)? dos|multi-dose|weekly|daily|monthly|twice|thrice|"
                 # "20 mg by mouth three times a week": a schedule of repeated doses
                 r"(?:two|three|four|five|\d)\s+times\s+(?:a|per|each)\s+(?:day|week|month)", text, re.I):
        return "multiple"
    return None


def dose_in(text: str) -> tuple[float, str, str | None, str | None] | None:
    """The per-cycle dose stated in `text`: value, unit, regimen, schedule."""
    total = re.search(rf"(?:combined|total|cumulative) dose of\s+(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>{UNIT})", text)
    if total:
        return float(total.group("value")), _unit(total.group("unit")), "fractionated", None
    match = DOSE.search(text)
    if not match:
        return None
    if _RANGE_BEFORE.search(text, max(0, match.start() - 30), match.start()) or _RANGE_AFTER.match(text, match.end()):
        return None  # "five dose levels from 100 mg to 600 mg": the span of a stage's levels, no group's dose
    value, unit = float(match.group("value")), _unit(match.group("unit"))
    after = text[match.end():match.end() + 60]
    days = _ON_DAYS.match(after)
    if days:
        count = len(re.findall(r"\d+", days.group("days")))
        return value * count, unit, "fractionated", "days " + re.sub(r"\s+", " ", days.group("days").lower())
    before = text[max(0, match.start() - 30):match.start()]
    # "2 x 18.75 mCi/m2", "18.75 mCi/m2 x 2", "18.75 mCi/m2 given twice": the fraction and how many
    times = re.search(r"(?<![\d.])(?P<n>[2-6])\s*[x\u00d7]\s*$", before) or _TIMES_AFTER.match(after)
    if times and not re.search(r"combined|total", text):
        count = 2 if times.groupdict().get("word") else int(times.group("n"))
        return value * count, unit, "fractionated", None
    # "two doses of 15.625 mCi/m2", "two 15.625 mCi/m2 doses": a fractionated cycle, summed
    count = _FRACTIONS_OF.search(before)
    if count and (count.group("of") or _FRACTION_NOUN.match(after)) and not re.search(r"combined|total", text):
        number = count.group("n").lower()
        times = NUMBER_WORDS.get(number) or int(number)
        if 1 < times <= 10:
            return value * times, unit, "fractionated", None
    return value, unit, regimen_of(text[max(0, match.start() - 40):match.end() + 40]), None


_RANGE_BEFORE = re.compile(r"\b(?:from|between|ranging from|range of)\s+$", re.I)
_RANGE_AFTER = re.compile(rf"\s*(?:to|through|-|\u2013)\s*\d+(?:\.\d+)?\s*{UNIT}")
_ON_DAYS = re.compile(
    r"\s*(?:dose\s+)?(?:(?:given|administered|delivered|infused)\s+)?(?:on\s+)?\(?\s*days?\s+"
    r"(?P<days>\d+(?:\s*(?:,|and|&)\s*(?:day\s+)?\d+)+)", re.I)
_TIMES_AFTER = re.compile(
    r"\s*(?:\(\s*)?(?:[x\u00d7]\s*(?P<n>[2-6])\b(?!\s*(?:cycles?|weeks?|days?|months?))|"
    r"(?:(?:given|administered|delivered|infused)\s+)?(?P<word>twice)\b(?!\s*(?:daily|a\s+(?:day|week)|weekly|per|every|each)))", re.I)
_FRACTIONS_OF = re.compile(
    r"\b(?P<n>two|three|four|five|six|\d)\s+(?P<of>(?:separate\s+|equal\s+)?(?:doses|infusions|administrations|fractions|injections)\s+of\s+)?$", re.I)
_FRACTION_NOUN = re.compile(r"\s*(?:doses|infusions|administrations|fractions|injections)\b", re.I)


def _unit(raw: str) -> str:
    return {"mcg/kg": "ug/kg"}.get(raw, raw)


def extract_cohorts(ctx: Context) -> None:
    cohorts: dict[str, CohortFact] = {}
    order: list[str] = []
    arms: dict[str, tuple[str, bool]] = {}  # label -> the drug the group's own words name, and whether it is a control
    doc_regimen = _document_regimen(ctx)
    study_regimen = study_regimens(ctx)
    stages: list[tuple[int, tuple]] = []  # a stage's sentence and the dose it gives the groups it lists
    named_in: dict[str, list[int]] = {}  # label -> the sentences that name the group
    dose_named: set[str] = set()  # groups known only by their dose ("the 2 mg arm")
    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        if not may_name_group(text):
            continue
        mentions = cohort_mentions(text)
        for mention in mentions:
            named_in.setdefault(mention.label, []).append(sentence.index)
        for mention in mentions:
            if mention.kind != "population" and mention.label not in arms:
                own = own_drug(ctx, text, mention, mentions)
                if own:
                    arms[mention.label] = own
        assigned = _respectively(text, mentions) or _nearest_doses(text, mentions)
        if not mentions and DOSE.search(text):
            carried = _carried_cohort(ctx, sentence, cohorts)
            if carried:
                assigned = {carried: dose_in(text)}
                mentions = [CohortMention(carried, 0, 0, "number")]
        for mention in mentions:
            if mention.kind == "population":
                continue  # populations become cohorts only through the results they carry
            if mention.kind == "named" and ctx.names_treatment(mention.label):
                continue  # "the ACM-101 group" is the treatment arm of a controlled trial, not a labelled cohort
            dose = assigned.get(mention.label)
            if mention.kind == "dose":
                dose_named.add(mention.label)
            if mention.kind == "dose" and dose is None:
                value = DOSE.search(mention.label)
                dose = (float(value.group("value")), _unit(value.group("unit")), None, None)
            if mention.kind == "part" and (dose is None or _ONE_PATIENT.search(text)):
                continue  # "In Part A, a patient treated at 100 mg had a response": one patient's dose, not the stage's
            if mention.kind == "part" and _lists_groups(text, mention, mentions):
                stages.append((sentence.index, dose))
                continue
            _add(ctx, cohorts, order, sentence, mention, dose, doc_regimen, study_regimen)
    _give_stage_doses(ctx, cohorts, stages, named_in, doc_regimen)
    ctx.extraction.cohorts = [replace(cohorts[label], drug=arms[label][0]) if label in arms else cohorts[label]
                              for label in order]
    _trials_of_arm_drugs(ctx, arms)
    _drop_dose_names_of_labelled_groups(ctx, dose_named)


def _drop_dose_names_of_labelled_groups(ctx: Context, dose_named: set[str]) -> None:
    """"Arm 2 received a single 2 mg insert ... 80% of eyes in the 2 mg arm": a group named by its dose where a group
    labelled by number or letter in the same study and drug has that dose is that group, known by its label (a
    named population given the same dose, "the lupus nephritis cohort", is another group)."""
    def study(cohort):
        return (cohort.trial or "").split(".a")[0], cohort.drug, cohort.dose, cohort.dose_unit

    labelled = {study(c) for c in ctx.extraction.cohorts
                if re.fullmatch(r"\d+[a-z]?|[A-Z]\d?", c.label) and c.dose is not None}  # "Arm 2", "Cohort B"
    ctx.extraction.cohorts = [c for c in ctx.extraction.cohorts if c.label not in dose_named or study(c) not in labelled]


# "Part 2 is evaluating ZX-101 at 400 mg daily in three expansion cohorts:", "Part B enrolled Cohorts 3 and 4": the
# stage holds labelled groups, so it is no group itself, and the dose it states is theirs.
_GROUPS_WORD = re.compile(r"\b(?:cohorts|arms|groups)\b", re.I)


def _lists_groups(text: str, mention: CohortMention, mentions: list[CohortMention]) -> bool:
    later = [m for m in mentions if m.start >= mention.end]
    end = re.search(r"[.;]\s", text[mention.end:])
    stop = mention.end + end.start() if end else len(text)
    return (bool(_GROUPS_WORD.search(text, mention.end, stop))
            or any(m.kind in ("number", "arm") and m.start < stop for m in later))


def _give_stage_doses(ctx: Context, cohorts: dict, stages: list[tuple[int, tuple]], named_in: dict[str, list[int]],
                      doc_regimen: str | None) -> None:
    """Each group without a dose of its own that is named after a stage's dose in the same section takes it."""
    for index, (value, unit, regimen, schedule) in stages:
        _, end = _section_of(ctx, index)
        for label, cohort in cohorts.items():
            if cohort.dose is None and any(index < where < end for where in named_in.get(label, ())):
                cohorts[label] = replace(cohort, dose=value, dose_unit=unit, regimen=regimen or doc_regimen,
                                         schedule=schedule)


# "Arm 2 (ZX-202 10 mg)", "Cohort B received ZX-101", "ZX-303 3 mg daily (Arm 4; n=25)", "the ZX-303 control arm 4": a
# group whose own words name a drug is that drug's, whatever the trial's; "control", "placebo" and "comparator"
# mark a group the sponsor's drugs are compared with.
_CONTROL = re.compile(r"\b(?:control|placebo|comparator|standard[- ]of[- ]care|reference)\b", re.I)
_LABEL_IN_PARENTHESES = re.compile(r"\(\s*$")
# "the ZX-1 control study arm 4": the words a group's noun phrase puts between its drug and its label
_NOUN_PHRASE_END = re.compile(r"^[\s\u00ae\u2122]*(?:(?:control|study|treatment|monotherapy|combination|active|experimental|"
                              r"comparator|placebo|reference|dosing|dose|expansion|escalation)\s+){0,3}$", re.I)
_PRIOR_USE = re.compile(r"^[\s-]*(?:pre-?treated|refractory|resistant|naive|na\u00efve|exposed|experienced|intolerant)\b", re.I)
# "the Part B schedule against everolimus": "against" sets the group beside another drug, as "versus" does
_COMPARED = re.compile(r"\b(?:versus|vs\.?|compared (?:to|with)|than|relative to|against)\s+(?:the\s+)?$", re.I)


# "Cohort 5 enrolled participants already receiving Y, who received X", "Arm 2 received an X insert, with supplemental Y
# allowed", "patients received 450 mg in addition to Y": a background, rescue or lead-in therapy the group also gets
# is not the drug the group is labelled for
# ("Cohort 2 also received Y": the add-on partner, the study's own drug being the group's too)
_BACKGROUND = re.compile(r"\b(?:already\s+(?:receiving|taking|on|treated\s+with)|stable|background|on\s+top\s+of|"
                         r"also\s+(?:received|receive|receives|receiving|got|gets|took|takes|given)|(?:which|that)\s+(?:also\s+)?add(?:ed|s)?|"
                         r"in\s+addition\s+to|alongside|supplemental|rescue|loading\s+(?:doses?|injections?|infusions?)\s+of)"
                         r"\s+(?:(?:their|the|a|an|its|with)\s+)?(?:[\w-]+\s+){0,2}$", re.I)


# The words that add a partner to a drug the group's words leave unnamed: "with", "plus", "in combination with"
_ADDED_PARTNER = re.compile(r"\b(?:with|plus|(?:in\s+)?combination\s+with|combined\s+with|added\s+to)\s+(?:the\s+)?$", re.I)


def own_drug(ctx: Context, text: str, mention: CohortMention, mentions: list[CohortMention]) -> tuple[str, bool] | None:
    """The drug a labelled group's own words name, and whether the group is a control: the drug its label
    annotates in parentheses ("X 3 mg daily (Arm 2)"), else the first drug in the words after its label up to
    the next group or clause ("Cohort 3 received X plus Y": X), else the drug of the noun phrase its label
    ends ("the X control arm 4")."""
    others = [m for m in mentions if m.label != mention.label]
    following = min((m.start for m in others if m.start >= mention.end), default=len(text))
    own = re.match(r"\s*[:\u2013\u2014-]\s*", text[mention.end:following])  # "Arm 1: X 10 mg", "Arm B - X"
    begin = mention.end + (own.end() if own else 0)
    clause = re.search(r"[.;]\s|:\s(?=\S)", text[begin:following])
    stop = begin + clause.start() if clause else following
    preceding = max((m.end for m in others if m.end <= mention.start), default=0)
    # a therapy the group had before ("patients previously treated with X", "X-naive") is not its drug
    drugs = _given_drugs(text, ctx.drugs_in(text))
    before = [d for d in drugs if preceding <= d.start and d.end <= mention.start
              and not re.search(r"[.;]\s", text[d.end:mention.start])]
    if before and _LABEL_IN_PARENTHESES.search(text[preceding:mention.start]):
        drug = before[0] if preceding == 0 else before[-1]
        closing = text.find(")", mention.end)
        group = text[mention.end:closing + 40 if closing >= 0 else mention.end + 40]
        # "(Arm 4; n=25)(Study Control Arm)", "(Arm B, control)"
        return drug.name, bool(_CONTROL.search(re.match(r"[^()]*\)?(?:\s*\([^()]*\))?", group).group(0)))
    after = [d for d in drugs if mention.end <= d.start < stop and not _COMPARED.search(text[mention.end:d.start])
             and not _BACKGROUND.search(text, max(mention.end, d.start - 60), d.start)]
    if after and _ADDED_PARTNER.search(text, max(mention.end, after[0].start - 40), after[0].start):
        return None  # "Cohort 2: frontline melanoma, with ZX-900": the partner added to the study's own drug
    if after:
        return after[0].name, bool(_CONTROL.search(text[mention.end:stop]))
    if before and _NOUN_PHRASE_END.match(text[before[-1].end:mention.start]):
        return before[-1].name, bool(_CONTROL.search(text[before[-1].end:mention.start]))
    return None


def _given_drugs(text: str, found) -> list:
    """The drugs a group is given: not a therapy it had before ("patients previously treated with X", "X-naive",
    "relapsed after a product such as X or Y", the Y coordinated with such an X)."""
    given, previous_prior = [], None
    for drug in found:
        prior = (prior_therapy(text, drug.start) or bool(_PRIOR_USE.match(text, drug.end))
                 or (previous_prior is not None and re.fullmatch(r"\s*,?\s*(?:or|and)\s+", text[previous_prior.end:drug.start]) is not None))
        previous_prior = drug if prior else None
        if not prior:
            given.append(drug)
    return given


def _trials_of_arm_drugs(ctx: Context, arms: dict[str, tuple[str, bool]]) -> None:
    """A multi-arm study whose arms name their own drugs studies each experimental arm's drug: one trial line
    per drug; a trial first given its control arm's drug takes the first experimental drug instead."""
    if not arms:
        return
    by_trial: dict[str, tuple[list[str], set[str]]] = {}
    for cohort in ctx.extraction.cohorts:
        if cohort.trial and cohort.label in arms:
            drug, control = arms[cohort.label]
            experimental, controls = by_trial.setdefault(cohort.trial, ([], set()))
            if control:
                controls.add(drug)
            elif drug not in experimental:
                experimental.append(drug)
    trials = []
    for trial in ctx.extraction.trials:
        experimental, controls = by_trial.get(trial.local_id, ([], set()))
        drugs = [d for d in experimental if d not in controls]
        if trial.drug in controls and drugs:  # the trial was first given its control arm's drug
            trial = replace(trial, drug=drugs[0])
        trials.append(trial)
        others = [d for d in drugs if d != trial.drug]
        trials.extend(replace(trial, drug=drug, local_id=f"{trial.local_id}.a{index}") for index, drug in enumerate(others, 1))
    ctx.extraction.trials = trials
    # a group belongs to the trial line of its own drug (a control group stays with the trial's first line)
    line_of = {(t.local_id.split(".a")[0], t.drug): t.local_id for t in trials}
    ctx.extraction.cohorts = [
        replace(c, trial=line_of.get((c.trial, c.drug), c.trial)) if c.trial and c.label in arms else c
        for c in ctx.extraction.cohorts]


def _add(ctx, cohorts, order, sentence: Sentence, mention: CohortMention, dose, doc_regimen, study_regimen) -> None:
    label = mention.label
    trial = trial_for(ctx, sentence, mention.start)
    value = unit = regimen = schedule = stated = None
    if dose:
        value, unit, stated, schedule = dose
        regimen = stated or doc_regimen
    elif mention.kind in ("number", "arm"):
        # "Cohort 1 (ages 6-12), Cohort 2 (ages 2-5) ... All cohorts receive the same single dose": a group labelled by
        # number or letter and defined by who is in it is dosed on the schedule the release states for its study
        regimen = study_regimen(trial)
    existing = cohorts.get(label)
    if existing is None:
        cohorts[label] = CohortFact(label, _drug_of(ctx, trial, sentence), Evidence.of(sentence, NAME), trial=trial,
                                    dose=value, dose_unit=unit, regimen=regimen, schedule=schedule)
        order.append(label)
    elif existing.dose is None and value is not None:
        cohorts[label] = CohortFact(label, existing.drug, Evidence.of(sentence, NAME), trial=existing.trial or trial,
                                    dose=value, dose_unit=unit, regimen=regimen, schedule=schedule)
    elif stated and existing.regimen == doc_regimen != stated and (existing.dose, existing.dose_unit) == (value, unit):
        # "Cohort 2 is planned at 75 mg" took the release's usual schedule; "... will receive a single 75 mg dose"
        # says the group's own
        cohorts[label] = replace(existing, regimen=stated)


def _respectively(text: str, mentions: list[CohortMention]) -> dict[str, tuple] | None:
    if "respectively" not in text:
        return None
    labels = [m.label for m in mentions if m.kind == "number"]
    # "5, 10 and 20 mg/kg" or "5 mg/kg and 10 mg/kg", respectively
    numbers = re.search(rf"(?P<list>\d+(?:\.\d+)?(?:\s*{UNIT})?(?:\s*(?:,\s*and|,|and)\s*\d+(?:\.\d+)?(?:\s*{UNIT})?)+?)\s*(?P<unit>{UNIT})", text)
    if not numbers:
        return None
    values = [float(v) for v in re.findall(r"(?<![\w.])\d+(?:\.\d+)?", re.sub(UNIT, " ", numbers.group("list")))]
    if len(values) != len(labels):
        return None
    regimen = regimen_of(text)
    return {label: (value, _unit(numbers.group("unit")), regimen, None) for label, value in zip(labels, values)}


def _nearest_doses(text: str, mentions: list[CohortMention]) -> dict[str, tuple]:
    assigned: dict[str, tuple] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, mention in enumerate(ordered):
        if mention.kind in ("dose", "population"):
            continue
        given_in = re.search(rf"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>{UNIT})\s+(?:dose\s+)?(?:given|administered|received)\s+(?:in|to|by)\s+(?:the\s+)?$",
                             text[max(0, mention.start - 60):mention.start])
        if given_in:
            assigned[mention.label] = dose_in(given_in.group(0))
            continue
        # "47 patients received X at 600 mg twice daily in Cohort 1", "5 mg in Cohort 1 and 10 mg in Cohort 2": a dose and
        # its schedule, then the group that got it
        given_before = re.search(rf"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>{UNIT})(?:\s+(?:once|twice|three\s+times)\s+(?:daily|"
                                 rf"weekly|a\s+day|a\s+week)|\s+(?:daily|weekly|every\s+\w+\s+weeks?))?\s+in\s+(?:the\s+)?$",
                                 text[max(0, mention.start - 80):mention.start])
        if given_before:
            assigned[mention.label] = dose_in(given_before.group(0))
            continue
        # "received X at 2.4 mg/kg every three weeks (Cohort B)": the label in parentheses after its dose
        labelled = re.search(rf"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>{UNIT})[^().;,\d]{{0,40}}\(\s*$",
                             text[max(0, mention.start - 80):mention.start])
        if labelled:
            assigned[mention.label] = dose_in(labelled.group(0).rstrip(" ("))
            continue
        # "Parts B and C ... 240 mg": groups named together in one span share what follows it; "Cohort B, an open-label
        # cohort of 40 participants who will receive X 30 mg/kg": a population word describing the group does not end it
        end = next((later.start for later in ordered[index + 1:] if later.start > mention.start and later.kind != "population"), len(text))
        window = text[mention.end:end]
        if re.match(r"\s*(?:and|,)\s*$", window):
            continue
        if _RANDOMIZED_TO.search(window, 0, DOSE.search(window).start() if DOSE.search(window) else 0):
            continue  # "In Part A, 248 adults were randomized to 150 mg, 300 mg or placebo": a stage of several doses
        if DOSE.search(window) and not re.search(r"\b(?:higher|lower|greater|more) than\b", window[: DOSE.search(window).start()]):
            assigned[mention.label] = dose_in(window)
    return assigned


_RANDOMIZED_TO = re.compile(r"\brandomi[sz]ed\b")


def _carried_cohort(ctx: Context, sentence: Sentence, cohorts: dict) -> str | None:
    """"The 37.5 mCi/m2 fractionated dose was safe" right after a sentence about Cohort 6."""
    if sentence.index == 0 or not _CARRIED_OPENING.match(ctx.text(sentence)):
        return None
    previous = ctx.sentences[sentence.index - 1]
    labels = {m.label for m in cohort_mentions(ctx.text(previous)) if m.kind == "number"}
    if len(labels) == 1:
        label = labels.pop()
        if label not in cohorts or cohorts[label].dose is None:
            return label
    return None


def _document_regimen(ctx: Context) -> str | None:
    """How the study doses every cohort, when the release says it once: repeated cycles, or
    "given as a single 30-minute infusion"."""
    single = False
    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        if _REPEATED_DOSING.search(text):
            return "multiple"
        single = single or bool(_SINGLE_ADMINISTRATION.search(text))
    return "single" if single else None


def study_regimens(ctx: Context):
    """How each study doses its patients, as the sentences about it say (a digest of several studies keeps each
    study's schedule to itself); the sentences are read once, when a group that states no dose first asks."""
    found: dict[str | None, str] | None = None

    def regimen(trial: str | None) -> str | None:
        nonlocal found
        if found is None:
            found = {}
            for sentence in ctx.fact_sentences():
                text = ctx.text(sentence)
                if _REPEATED_DOSING.search(text):
                    found[trial_for(ctx, sentence, 0)] = "multiple"
                elif _SINGLE_ADMINISTRATION.search(text):
                    found.setdefault(trial_for(ctx, sentence, 0), "single")
        return found.get(trial)
    return regimen


# "every three months", "10 mg once daily", "twice-daily": a schedule of doses, not one administration
_REPEATED_DOSING = gate(re.compile(r"\bgiven\b[^.]{0,40}\bonce every\b|\bevery (?:two|three|four|five|six|seven|eight|nine|ten|twelve|\d+) (?:weeks|months)\b|\bcycles?\b"
                                   r"|\b(?:once|twice|three times)[- ](?:daily|weekly)\b|\b(?:once|twice|three times|four times) (?:a|per) (?:day|week)\b"
                                   r"|\b(?:daily|weekly) dos(?:es|ing)\b|\bQ[1-4]W\b|\bx\s*\d+\s*(?:days|weeks) followed by\b"))
_SINGLE_ADMINISTRATION = gate(re.compile(  # gated (prefilter.py): asked of every sentence, rarely there
    r"\b(?:given|administered|delivered) as a single\b|\b(?:as|of|by|to) a single (?:[\w-]+ ){0,2}(?:infusion|injection|dose|administration)\b"
    r"|\bthe same single (?:[\w-]+ ){0,2}(?:infusion|injection|dose)\b", re.I))


# How a methods sentence or a table caption gives every patient the same dose: "Patients received
# ZX-101 5 mg/kg every two weeks", "were treated with ZX-101 at 200 mg once daily", "at a dose of".
_DOSING_VERB = re.compile(
    r"\b(?:received|receive|receiving|were\s+(?:treated|dosed|given|administered)|administered|given|dosed|"
    r"at\s+(?:a|the)\s+(?:\w+\s+)?dose\s+of)\b", re.I)


def apply_stated_dose(ctx: Context) -> None:
    """A dose stated once for a section ("Patients received ZX-101 5 mg/kg every two weeks (Q2W)"
    above a table by line of therapy) is the dose of each cohort reported in that section, when no
    cohort states its own: every patient got it. Two doses stated in a section leave each cohort's dose
    unknown; a sentence naming its own group states that group's doses, not the section's."""
    cohorts = ctx.extraction.cohorts
    if not cohorts:
        return
    index_of = {s.span.start: s.index for s in ctx.sentences}
    doses: dict[tuple[int, int], tuple | None] = {}
    for position, cohort in enumerate(cohorts):
        index = index_of.get(cohort.evidence.span.start)
        if index is None or cohort.dose is not None:
            continue
        section = _section_of(ctx, index)
        if section not in doses:
            doses[section] = _section_dose(ctx, *section)
        dose = doses[section]
        if dose is not None:
            value, unit, regimen, schedule = dose
            cohorts[position] = replace(cohort, dose=value, dose_unit=unit, regimen=regimen or _document_regimen(ctx),
                                        schedule=schedule)


def _section_of(ctx: Context, index: int) -> tuple[int, int]:
    """The sentences between the headings around sentence `index` (same zone), as a range."""
    zone = ctx.sentences[index].zone
    start = index
    while start > 0 and ctx.sentences[start - 1].zone == zone and not ctx.sentences[start].is_heading:
        start -= 1
    end = index + 1
    while end < len(ctx.sentences) and ctx.sentences[end].zone == zone and not ctx.sentences[end].is_heading:
        end += 1
    return start, end


_LABELLED = ("number", "arm", "part", "dose")


def _section_dose(ctx: Context, start: int, end: int) -> tuple | None:
    found = None
    stated: set[tuple[float, str]] = set()
    for sentence in ctx.sentences[start:end]:
        if not sentence.zone.states_facts:
            continue
        text = ctx.text(sentence)
        doses = list(DOSE.finditer(text))
        if not doses or any(m.kind in _LABELLED for m in cohort_mentions(text)):
            continue  # "A third group, Arm C, is evaluating ZX-101 with ZX-202 2 mg daily": that group's doses
        stated |= {(float(m.group("value")), _unit(m.group("unit"))) for m in doses}
        verb = _DOSING_VERB.search(text, 0, doses[0].start())
        if found is None and verb and doses[0].start() - verb.end() <= 60:
            found = dose_in(text[verb.start():])
        elif found is None and re.search(r":\s*$|^\s*\|", text):
            found = dose_in(text)  # a caption or a table's header: "ZX-101 5 mg/kg Q2W (n=11)"
    return found if found is not None and len(stated) == 1 else None


_NEXT_STEP_BEFORE = re.compile(
    r"\b(?:(?:moving|move|advance|advancing|progress|progressing|transition|transitioning)\s+(?:\w+\s+){0,3}?into|"
    r"(?:plans?|planning|expects?|intends?|aims?)\s+to\s+(?:initiate|start|begin|launch|open|run|conduct))\s+(?:a|an|the|its)?\s*(?:[\w-]+\s+){0,3}$",
    re.I)


def trial_for(ctx: Context, sentence: Sentence, position: int) -> str | None:
    """The trial a statement at `position` of `sentence` is about: one named in the
    sentence, else the nearest one named before it, else the first the body names (a
    headline's findings bullet comes before the lead paragraph that names their trial, and
    a later bullet may announce the next trial), else the first of the release."""
    same = [(abs(start - position), trial) for index, start, _, trial in ctx.trial_mentions if index == sentence.index]
    if same:
        return min(same)[1]
    earlier = [(index, start, trial) for index, start, _, trial in ctx.trial_mentions if index < sentence.index]
    # "... support moving directly into a Phase 3 study": a next step, not the trial the findings after it are from
    earlier = [m for m in earlier if not _NEXT_STEP_BEFORE.search(ctx.text(ctx.sentences[m[0]]), max(0, m[1] - 60), m[1])] or earlier
    if earlier and not (sentence.zone is Zone.HEADLINE and all(ctx.sentences[index].zone is Zone.HEADLINE for index, _, _ in earlier)):
        return max(earlier)[2]
    in_body = [(index, start, trial) for index, start, _, trial in ctx.trial_mentions if ctx.sentences[index].zone is not Zone.HEADLINE]
    if in_body:
        return min(in_body)[2]
    return ctx.extraction.trials[0].local_id if ctx.extraction.trials else None


def _drug_of(ctx: Context, trial: str | None, sentence: Sentence) -> str | None:
    for fact in ctx.extraction.trials:
        if fact.local_id == trial:
            return fact.drug
    return ctx.section_drug(sentence) or ctx.main_drug()


def number(text: str) -> float | None:
    text = text.strip().lower()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None
