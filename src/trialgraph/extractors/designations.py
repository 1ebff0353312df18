"""Regulatory designations and approvals that a release states as granted or
held, one per (drug, type, agency, indication); intentions and definitions
("plans to apply for", "Fast Track is an FDA program") are not facts."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import lexicons
from ..model import DesignationFact, Evidence, Sentence, Zone
from . import dates
from .context import Context
from .abbreviations import expand
from .memo import per_text
from .trials import partner_of_another, prior_therapy
from .pipeline_rows import Row, footnoted_rows, pipeline_rows
from .prefilter import GateGroup, gate
from .text import indication_after, last_indication, population_words, split_list

NAME = "designations.patterns"

# Programs that belong to one agency: the type names the agency when the sentence does not.
AGENCY_OF_TYPE = {
    "fast_track": "FDA", "breakthrough_therapy": "FDA", "priority_review": "FDA", "rare_pediatric_disease": "FDA",
    "accelerated_approval": "FDA", "rmat": "FDA", "prime": "EMA", "priority_medicine": "EMA",
}
# Programmes of one agency of the US-EU pair, whatever other regulators call theirs (Korea's MFDS runs a "fast track")
ONLY_AGENCY = {"fast_track": "FDA", "rmat": "FDA", "rare_pediatric_disease": "FDA", "prime": "EMA"}
US_EU = frozenset({"FDA", "EMA", "EC"})
QUOTED = re.compile(r"\s*[\"“]")
SUBJECT_FIRST = re.compile(r"^\s*For\s+(?P<ind>[^,]{3,80}),")
# "ZX-101 for the treatment of X has been granted ...": the drug's indication as the subject of the grant
# "ZX-101, an oral therapy for X, has received ...": the same in an apposition
SUBJECT_FOR = re.compile(r"(?:\s+|\s*,\s*(?:an?|the|our|its)\s+[^,;()]{0,80}?\b)(?:for|in)\s+(?:the\s+treatment\s+of\s+)?"
                         r"(?P<ind>[^,;]{3,80}?)\s*,?\s+(?:has|have|was|were)\s+(?:also\s+)?(?:been\s+)?(?:granted|received|awarded|designated)\b")
NAMELY = re.compile(r"\bnamely\s+(?P<ind>[^.;]+?),\s+(?:each|all|both)\b")
FOR_WHICH = re.compile(r",\s+for\s+which\s+[^.;,]{0,80}$")
# "its pipeline includes ZX-1 for A, which has Orphan Drug designation from the FDA, and ZX-2 for B": the
# relative clause's antecedent is the drug, and its indication the list item's
HOLDER_FOR = re.compile(r"\s+(?:for|in)\s+(?:the\s+treatment\s+of\s+)?(?P<ind>[^,;()]{3,80}?)\s*,\s+which\s+"
                        r"(?:(?:has|have)\s+(?:also\s+)?(?:been\s+granted|received)?|holds?|received|carries)\b")

GRANT = re.compile(
    r"\b(?:grant(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|hold(?:s|ing)?|held|has|have|had|obtain(?:s|ed)?|award(?:s|ed)?|"
    r"designated|secur(?:e|es|ed|ing)|earn(?:s|ed)?|accepted|approv(?:e|es|ed|al)|reviewed under|carr(?:y|ies)|"
    r"cleared|was given|were given|bestowed|follow(?:s|ed)?|issued|positive opinion|recommend(?:s|ed)|adopted|"
    # "the EMA admitted X to its PRIME scheme", "X was selected for PRIME"
    r"admit(?:s|ted)|selected|"
    # news verbs: "won orphan drug status", "nabbed a breakthrough tag", "landed Fast Track designation"
    r"w[io]ns?|nabbed|landed|gained|"
    # "X was included by the CDE in the list of Breakthrough Therapy Designations": how China's regulator grants it
    r"(?:was|were|been|be)\s+included)\b",
    re.I,
)
INTENT = re.compile(
    r"\b(?:intends?|intention|plans?|planned|planning|expects?|expected|anticipates?|seek(?:s|ing)?|to seek|apply|applying|applied|"
    r"application for|to request|request(?:ing)?|ask(?:s|ed|ing)?\s+(?:the\s+\S+\s+)?for|submit(?:ting)?|file|filing|eligib(?:le|ility)|potential(?:ly)?|may|might|"
    r"could|would|should|if|whether|hope|aim|goal|support(?:s|ing)?|entitle|voucher|qualif(?:y|ies)|opportunity|pursu(?:e|es|ing))\b",
    re.I,
)
# What a programme is or offers, not what a drug holds: "RMAT designation provides ... priority review".
DEFINITION = re.compile(
    r"\b(?:is (?:an?|the) (?:FDA |EMA )?(?:program|process|pathway|designation that)|is available|allows|provides? for|are eligible|defined as)\b|"
    # "A conditional marketing authorisation is granted to medicines that ...": whom a programme is for
    r"\b(?:is|are|may be|can be)\s+granted\s+to\s+(?:medicines|drugs|products|therapies|treatments|candidates)\s+(?:that|which|for|when)\b|"
    r"\b(?:designation|status|pathway)s?\s+(?:also\s+)?(?:provides?|offers?|enables?|entitles?|allows?|adds?|brings?|"
    r"may|can|is designed|is intended|gives?)\b|"
    # "The Breakthrough Therapy Designation does not guarantee approval": what a grant is not, no new grant
    r"\b(?:designation|status)s?\s+(?:does|do|did)\s+not\s+(?:guarantee|ensure|assure|mean|change)\b", re.I)
APPROVAL = re.compile(r"\b(?:FDA|EMA|EC|agency|Commission|MHRA|PMDA|NMPA|Health Canada)\b[^.;]{0,40}\bapprov(?:ed|al)\b|\bapprov(?:ed|al) (?:of|for|by)\b", re.I)
# Most sentences hold none of these words: skip their scans (prefilter.py).
SUBJECT_FIRST, NAMELY, GRANT, INTENT, DEFINITION, APPROVAL = map(gate, (SUBJECT_FIRST, NAMELY, GRANT, INTENT, DEFINITION, APPROVAL))


def extract_designations(ctx: Context) -> None:
    release_date = ctx.extraction.release.date
    found: dict[tuple, DesignationFact] = {}
    guessed: set[tuple] = set()  # (drug, type, span) of grants whose agency only their type suggested
    read: list[tuple[int, str]] = []  # (paragraph, text) of every sentence so far: the agencies they name
    defined = _defined_types(ctx)
    headline = {s.span for s in ctx.sentences if s.zone is Zone.HEADLINE}
    lead = None  # "X has received the following designations:": what its bullets go on
    rows = pipeline_rows(ctx)
    notes = footnoted_rows(ctx, rows)
    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        bullet = BULLET.match(sentence.text)
        if lead and bullet and sentence.index == lead[0] + 1:
            lead = (sentence.index, lead[1])
            if not ctx.drugs_in(text):
                text = lead[1] + " " + text[bullet.end():]  # the item completes the lead's sentence
        else:
            lead = None
        if text.rstrip().endswith(":") and not bullet and GRANT.search(text) and ctx.drugs_in(text):
            lead = (sentence.index, text.rstrip()[:-1])
        elif text.rstrip().endswith(";") and GRANT.search(text) and ctx.drugs_in(text) and _COLON_LIST.search(text):
            # "... with: * A; " and the list goes on in the next sentences: their items complete this one
            lead = (sentence.index, text[: _COLON_LIST.search(text).end()].rstrip().rstrip(":"))
        read.append((sentence.paragraph, text))
        types = _types_with_defined(text, defined)  # full approvals are not designations (GUIDE.md)
        if not types:
            # sentence gate: no grant here; the agencies it names matter only to a later grant that names
            # none, which looks back for them (`_agency_named_last`)
            continue
        agencies = _agencies(text)
        if DEFINITION.search(text) or re.match(r"\s*(?:If|Should|Once|When)\b", text):
            continue
        regions = _region_agencies(text)
        if not agencies:
            agencies = regions
        elif regions:
            # "orphan drug designations in the U.S. and Europe and PRIME designation from the EMA": a region
            # written right after a grant is that grant's agency, whatever the sentence names elsewhere
            joined = [r for r in regions if _right_after_a_type(text, types, r[0])]
            for region in regions:  # "in the U.S. and Europe": the regions coordinated with it
                if joined and region[0] >= joined[-1][1] and re.fullmatch(r"\s*(?:,\s*and|,|and)\s+(?:the\s+)?",
                                                                          text[joined[-1][1]:region[0]]):
                    joined.append(region)
            agencies = sorted(agencies + [r for r in joined if not any(a[0] < r[1] and r[0] < a[1] for a in agencies)])
        agencies = _with_region_tags(text, types, _with_region_modifiers(text, types, agencies))
        named = bool(agencies)
        implied = {**AGENCY_OF_TYPE, **_implied_agencies(text, types)}
        if not agencies:
            # the agency the paragraph named first in its last sentence naming one; else the one the release
            # named last, for a grant whose paragraph names none
            inherited = _agency_named_last(read, sentence.paragraph) or next(
                (implied[code] for _, _, code in types if code in implied), None) or _agency_named_last(read)
            if not inherited and any(re.match(r"(?i)orphan[- ]drug", text[a:b]) for a, b, _ in types):
                inherited = "FDA"  # "Orphan Drug Designation" is the FDA's term; the EU grants "orphan designation"
            if not inherited:
                continue
            by_type_only = inherited not in {_agency_named_last(read, sentence.paragraph), _agency_named_last(read)}
            agencies = [(0, 0, inherited)]
        row = rows.get(sentence.index) or notes.get(sentence.index)
        listed = sentence.index in rows or _listed_grant(ctx, sentence, text, types)
        stated = _facts_in(ctx, sentence, text, types, agencies, release_date, listed)
        if not named:  # a programme of one agency ("PRIME") is that agency's, whatever the paragraph named before
            stated = [DesignationFact(f.drug, f.type, implied.get(f.type, f.agency), f.evidence, f.indication, f.date)
                      for f in stated]
        else:
            # "orphan designation from the EC in 2023 and an Innovation Passport from the MHRA", "orphan designation
            # in the EU, PRIME and an ILAP Innovation Passport": a programme one agency runs is that agency's,
            # whichever agency stands nearer
            own = _implied_agencies(text, types)
            stated = [DesignationFact(f.drug, f.type, own.get(f.type, f.agency), f.evidence, f.indication, f.date)
                      for f in stated]
            # "Fast Track designation in 2023 and PRIME eligibility from the EMA", "RPD designation ... In December,
            # Japan's ministry designated it ...": a programme only the FDA or only the EMA runs is not another
            # agency's because the sentence names that agency for a neighbour
            stated = [DesignationFact(f.drug, f.type, ONLY_AGENCY[f.type], f.evidence, f.indication, f.date)
                      if f.type in ONLY_AGENCY and f.agency != ONLY_AGENCY[f.type] else f
                      for f in stated]
        if row is not None:
            stated = _with_row_cells(ctx, text, row, stated)
        if QUOTED.match(text):
            # a quotation names grants the release has stated ("Receiving RMAT and PRIME is a signal that
            # regulators see the urgency of treating X"): it is no new grant, and its words no indication
            known = {(f.drug, f.type, f.agency) for f in found.values()}
            stated = [f for f in stated if (f.drug, f.type, f.agency) not in known]
            # "The orphan designation and the IND approval arrive together": a quotation that names no drug speaks
            # of the grant of that type already stated, whatever drug and agency the text around it suggests
            named_here = {d.name for d in ctx.drugs_in(text)}
            known_types = {f.type for f in found.values()}
            stated = [f for f in stated if f.drug in named_here or f.type not in known_types]
        if stated and all(f.indication is None for f in stated):
            stated = _indication_said_next(ctx, sentence, stated)
        if stated and all(f.date is None for f in stated):
            stated = _date_said_next(ctx, sentence, stated, release_date)
        if types and not _types(text):
            # only the release's own short form ("FTD", defined earlier): it points back to the grant
            # already stated, and a new wording of its indication is no new grant
            known = {(f.drug, f.type, f.agency) for f in found.values()}
            stated = [f for f in stated if (f.drug, f.type, f.agency) not in known]
        for fact in stated:
            if not named and by_type_only and fact.type not in ONLY_AGENCY:
                guessed.add((fact.drug, fact.type, fact.evidence.span))
            key = (fact.drug, fact.type, fact.agency, _indication_key(fact.indication))
            if key not in found:
                found[key] = fact
            elif found[key].date is None and fact.date:
                found[key] = fact
            elif found[key].evidence.span in headline and sentence.zone is not Zone.HEADLINE:
                found[key] = fact  # the body states it too: the headline is the restatement
    facts = _with_stated_agencies(list(found.values()), guessed)
    facts = _without_restated_indications(facts)
    # A headline's grant that shares a disease word with the body's only grant of that (drug, type, agency) is
    # that grant in other words ("Breakthrough tag in heavily pretreated myeloma" over the full population)
    body: dict[tuple, list[DesignationFact]] = {}
    for fact in facts:
        if fact.evidence.span not in headline and fact.indication:
            body.setdefault((fact.drug, fact.type, fact.agency), []).append(fact)
    facts = [f for f in facts if f.evidence.span not in headline or not f.indication
             or len(body.get((f.drug, f.type, f.agency), ())) != 1
             or not population_words(body[(f.drug, f.type, f.agency)][0].indication) & population_words(f.indication)]
    # "... and said regulators had granted breakthrough status to an experimental lung cancer drug": a grant whose
    # sentence names neither drug nor indication restates the grant of that type another sentence states for a
    # drug it names; its drug was only a guess from the release around it
    def names_its_drug(fact: DesignationFact) -> bool:
        return any(m.name == fact.drug for m in ctx.drugs_in(fact.evidence.quote))
    stated_for_named = {(f.type, f.agency, f.drug) for f in facts if names_its_drug(f)}
    facts = [f for f in facts if f.indication or names_its_drug(f) or not any(
        (f.type, f.agency) == (type_, agency) and drug != f.drug for type_, agency, drug in stated_for_named)]
    # A restatement without an indication adds nothing when the same grant is stated with one.
    with_indication = {(f.drug, f.type, f.agency) for f in facts if f.indication}
    # ... but its date is that grant's when the release states one such grant and leaves it undated (a pipeline
    # table's row, then "The European Commission granted orphan designation for the indication in July 2025.")
    dated = {(f.drug, f.type, f.agency): f.date for f in facts if not f.indication and f.date}
    counts = Counter((f.drug, f.type, f.agency) for f in facts if f.indication)
    facts = [DesignationFact(f.drug, f.type, f.agency, f.evidence, f.indication, dated[(f.drug, f.type, f.agency)])
             if f.indication and not f.date and counts[(f.drug, f.type, f.agency)] == 1 and (f.drug, f.type, f.agency) in dated
             else f for f in facts]
    facts = [f for f in facts if f.indication or (f.drug, f.type, f.agency) not in with_indication]
    ctx.extraction.designations = _fill_application_indications(facts)


def _with_stated_agencies(facts: list[DesignationFact], guessed: set[tuple]) -> list[DesignationFact]:
    """"* X receives BTD for A and for B" under a headline or over a body that says the NMPA granted them: a
    grant whose agency only its type suggested (Breakthrough Therapy is the FDA's name, and China's) is the
    grant the release states for that drug and type with its agency named."""
    stated: dict[tuple, set[str]] = {}
    for f in facts:
        if (f.drug, f.type, f.evidence.span) not in guessed:
            stated.setdefault((f.drug, f.type), set()).add(f.agency)
    out, seen = [], set()
    for f in facts:
        agencies = stated.get((f.drug, f.type), set())
        if (f.drug, f.type, f.evidence.span) in guessed and len(agencies) == 1 and f.agency not in agencies:
            f = DesignationFact(f.drug, f.type, next(iter(agencies)), f.evidence, f.indication, f.date)
        key = (f.drug, f.type, f.agency, _indication_key(f.indication))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _without_restated_indications(facts: list[DesignationFact]) -> list[DesignationFact]:
    """One grant restated with fewer disease words elsewhere in the release (a headline's
    "Metastatic Pancreatic Cancer", the body's "metastatic pancreatic adenocarcinoma") is the
    same grant, named by its fuller wording: a second grant of one type for a related disease
    names a disease word the first lacks."""
    kept: list[DesignationFact] = []
    for fact in facts:
        words = population_words(fact.indication) if fact.indication else frozenset()
        same = next((n for n, k in enumerate(kept) if words and k.indication
                     and (k.drug, k.type, k.agency) == (fact.drug, fact.type, fact.agency)
                     and population_words(k.indication)
                     and (words <= population_words(k.indication) or population_words(k.indication) <= words)), None)
        if same is None:
            kept.append(fact)
        elif len(words) > len(population_words(kept[same].indication)):
            old = kept[same]  # the fuller wording names the grant; the first statement keeps its date
            kept[same] = DesignationFact(fact.drug, fact.type, fact.agency, fact.evidence, fact.indication, old.date or fact.date)
        elif kept[same].date is None and fact.date:
            # a summary bullet and the body's paragraph state one grant and only the body dates it: the date is the
            # grant's, whichever wording names it
            old = kept[same]
            kept[same] = DesignationFact(old.drug, old.type, old.agency, old.evidence, old.indication, fact.date)
    return kept


# A list item's marker, as the raw text writes it: "* ", "- ", "• ", "1. ".
BULLET = re.compile(r"^\s*(?:[*•·▪‣–-]\s+|\d{1,2}[.)]\s+)")


# "This designation, specifically for the treatment of X, ...": the sentence after a grant names its indication.
_THIS_DESIGNATION = re.compile(r"^\s*(?:This|The|Such)\s+(?:designation|status|grant)\b(?P<rest>.*)$", re.I)


def _indication_said_next(ctx: Context, sentence: Sentence, facts: list[DesignationFact]) -> list[DesignationFact]:
    following = ctx.sentences[sentence.index + 1] if sentence.index + 1 < len(ctx.sentences) else None
    if following is None or following.paragraph != sentence.paragraph and following.zone is not sentence.zone:
        return facts
    said = _THIS_DESIGNATION.match(ctx.text(following))
    if not said or _types(ctx.text(following)) or len({(f.drug, f.type, f.agency) for f in facts}) != 1:
        return facts
    indications = _indications(said.group("rest"), ctx)
    if not indications:
        return facts
    return [DesignationFact(f.drug, f.type, f.agency, f.evidence, indication, f.date) for f in facts for indication in indications]


# "The designation was granted in April 2022.", "The designations were publicly announced by the CDE on July 11,
# 2025": the sentence after a grant dates it (a regulator that lists its grants, as the CDE does, grants them on the
# day it announces them)
_THIS_GRANT_DATED = re.compile(r"^\s*(?:This|The|These|Such|Both)\s+(?:designations?|status)\s+(?:was|were|had been|have been)\s+"
                               r"(?:(?:officially|formally|publicly)\s+)?(?:granted|received|awarded|issued|announced|published)"
                               r"(?:\s+(?:by|from)\s+(?:the\s+)?(?:U\.S\.\s+)?[A-Z][\w.]*)?\s+(?=(?:in|on|during)\s)")


def _date_said_next(ctx: Context, sentence: Sentence, facts: list[DesignationFact], release_date) -> list[DesignationFact]:
    following = ctx.sentences[sentence.index + 1] if sentence.index + 1 < len(ctx.sentences) else None
    if following is None or following.paragraph != sentence.paragraph or len({(f.drug, f.type, f.agency) for f in facts}) != 1:
        return facts
    text = ctx.text(following)
    said = _THIS_GRANT_DATED.match(text)
    # "in 2022" is a date with its preposition, "on March 3, 2022" and "in April 2022" without it
    stated = said and not _types(text) and (dates.ANY_DATE.match(text, said.end())
                                             or dates.ANY_DATE.match(text, text.index(" ", said.end()) + 1))
    date = stated and dates.resolve(stated.group(0), release_date)
    if not date:
        return facts
    return [DesignationFact(f.drug, f.type, f.agency, f.evidence, f.indication, date) for f in facts]


# Priority Review and accelerated approval are granted to an application or an approval, whose
# indication the sentence states before the grant: "approved Brand (inn) for adults with X under
# Priority Review", "accepted the sBLA for Brand as adjuvant treatment of X and granted it Priority Review".
_GRANTED_TO_AN_APPLICATION = frozenset({"priority_review", "accelerated_approval"})
_APPLICATION_OR_APPROVAL = re.compile(r"\b(?:approv(?:ed|es|al)|applications?|s?BLA|s?NDA|MAA|filing|submission)\b", re.I)
_AS_A_TREATMENT = re.compile(r"\bas\s+(?=(?:an?\s+)?(?:adjuvant|neoadjuvant|maintenance|first-line|second-line|treatment|therapy)\b)", re.I)


_GRANT_CLAUSE_END = re.compile(r"(?:,?\s+and)?\s+(?:(?:has|have)\s+been\s+|was\s+|were\s+)?(?:granted|given|awarded|under)\b[^.;]*$", re.I)


def _application_indication(ctx: Context, before: str) -> list[str]:
    # the nearest application that states an indication: "accepted its BLA for X ..., and has granted the application
    # Priority Review" names X after the first mention, none after the grant's own object
    for found in reversed(list(_APPLICATION_OR_APPROVAL.finditer(before))):
        tail = _GRANT_CLAUSE_END.sub("", before[found.end():])  # "... of X and granted it": the grant is no indication
        indication = indication_after(_AS_A_TREATMENT.sub("for ", tail), ctx, populations=False)
        if indication:
            return [expand(indication, ctx.long_forms())]
    return []


def _subject_for(ctx: Context, text: str) -> re.Match | None:
    """"ZX-101 for Wilson disease has been granted ...": only when a drug opens the sentence."""
    drugs = ctx.drugs_in(text)
    opens = drugs and drugs[0].start == len(text) - len(text.lstrip())
    found = SUBJECT_FOR.match(text, drugs[0].end) if opens else None
    return found if found and indication_after("for " + found.group("ind"), ctx, populations=False) else None


def _indication_key(indication: str | None) -> str:
    """"Chronic Lumbar Disc Disease" and "chronic lumbar disc disease (cLDD)" are one indication."""
    return " ".join(re.sub(r"\([^)]*\)", " ", indication or "").lower().split())


# An agency pattern may begin with optional blanks ("\s*Food and Drug
# Administration"): tried from every position of a long blank run, that is
# quadratic. A match never has to start two blanks deep into a run (the
# position one blank in matches whenever a deeper one does), so those
# positions are skipped: same matches, linear time.
_NOT_DEEP_IN_BLANKS = r"(?:(?<!\s\s)|(?!\s))"


@lru_cache(maxsize=None)
def _agency_patterns() -> list[tuple[re.Pattern, str]]:
    # only patterns that can meet blanks get the guard: it hides the literal
    # prefix ("FDA") that makes the others fast to search
    return [(gate(re.compile(_NOT_DEEP_IN_BLANKS + p.pattern, p.flags) if r"\s" in p.pattern else p), code)
            for p, code in lexicons.agencies()]


@lru_cache(maxsize=None)
def _type_patterns() -> list[tuple[re.Pattern, str]]:
    return [(gate(p), code) for p, code in lexicons.designation_types()]


@lru_cache(maxsize=None)
def _implied_agency_patterns() -> list[tuple[re.Pattern, str]]:
    """The type patterns of programmes one agency runs, with that agency ("Innovation Passport": MHRA)."""
    wanted = lexicons.designation_agencies()
    out = []
    for p, _ in lexicons.designation_types():
        raw = p.pattern[len(r"(?<![\w-])(?:"):-len(r")(?![\w-])")]
        if raw in wanted:
            out.append((p, wanted[raw]))
    return out


def _implied_agencies(text: str, types) -> dict[str, str]:
    """type code -> the agency its programme's name implies, for the types found in `text`."""
    found = {}
    for start, end, code in types:
        for pattern, agency in _implied_agency_patterns():
            if pattern.fullmatch(text, start, end):
                found[code] = agency
    return found


@lru_cache(maxsize=None)
def _capitals_only() -> frozenset[int]:
    """Positions in _type_patterns() of the abbreviations that count only in capitals."""
    wanted = lexicons.designation_abbreviations()
    return frozenset(index for index, (p, _) in enumerate(lexicons.designation_types())
                     if p.pattern[len(r"(?<![\w-])(?:"):-len(r")(?![\w-])")] in wanted)


@lru_cache(maxsize=None)
def _groups() -> tuple[GateGroup, GateGroup]:
    """Most sentences name no agency and no designation: one test skips each lexicon."""
    return GateGroup(p for p, _ in _agency_patterns()), GateGroup(p for p, _ in _type_patterns())


def _agency_named_last(read: list[tuple[int, str]], paragraph: int | None = None) -> str | None:
    """The agency the last sentence naming one names: its first of a paragraph's sentences, its last of
    any sentence of the release (`paragraph` None)."""
    for where, text in reversed(read):
        if paragraph is None or where == paragraph:
            agencies = _agencies(text)
            if agencies:
                return agencies[0][2] if paragraph is not None else agencies[-1][2]
    return None


@per_text
def _agencies(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if not _groups()[0].possible(text):
        return spans
    for pattern, code in _agency_patterns():
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e, _ in spans):
                continue
            if code == "EC" and not re.search(r"European Commission", text) and match.group(0) == "EC":
                continue
            spans.append((match.start(), match.end(), code))
    return sorted(spans)


@per_text
def _types(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if not _groups()[1].possible(text):
        return spans
    capitals = _capitals_only()
    for number, (pattern, code) in enumerate(_type_patterns()):
        for match in pattern.finditer(text):
            if any(s <= match.start() < e or match.start() <= s < match.end() for s, e, _ in spans):
                continue
            if number in capitals and not match.group(0).split()[0].rstrip("s").isupper():
                continue
            if code == "prime" and match.group(0)[:5].lower() == "prime" and not match.group(0)[:5].isupper():
                continue  # the EMA scheme is written PRIME; "prime" is a verb
            spans.append((match.start(), match.end(), code))
    # "-" marks a phrase that is no designation (a priority review voucher): it only
    # kept the shorter patterns from matching inside it
    return sorted(span for span in spans if span[2] != "-")


def _type_of(phrase: str) -> str | None:
    for pattern, code in _type_patterns():
        if pattern.fullmatch(phrase):
            return None if code == "-" else code
    return None


def _defined_types(ctx: Context) -> dict[str, str]:
    """Short forms the release defines for a designation ("Fast Track Designation (FTD)"):
    a later bare "FTD" is that designation; where the release defines no such form,
    "FTD" may be a disease and is left alone."""
    found = {}
    for short, long in ctx.abbreviations().items():
        code = _type_of(long) or _type_of(re.sub(r"^(?:the|an?)\s+", "", long, flags=re.I))
        if code and not _types(short):
            found[short] = code
    return found


def _types_with_defined(text: str, defined: dict[str, str]) -> list[tuple[int, int, str]]:
    spans = _types(text)
    if not defined:
        return spans
    extra = []
    for short, code in defined.items():
        for match in re.finditer(r"(?<![\w-])" + re.escape(short) + r"s?(?![\w-])", text):
            if not any(s <= match.start() < e for s, e, _ in spans) and not text[match.end():match.end() + 1] == ")":
                extra.append((match.start(), match.end(), code))
    return sorted(spans + extra) if extra else spans


# A type that qualifies another noun names no designation: "Fast-Track ... grant", "priority review voucher".
_MODIFIES_ANOTHER_NOUN = re.compile(
    r"(?:[\s-]+[A-Z][\w-]*(?:\s+\([A-Z]+\))?){0,6}\s+(?i:grants?|awards?|funding|financing|vouchers?|contracts?)\b|"
    r"\s+\((?:SBIR|STTR)\)|"
    # "discussions with the FDA about an accelerated approval path": a route being discussed, no grant
    r"\s+(?i:path(?:way)?s?|routes?|strateg(?:y|ies))\b|"
    # "the Institute's Fast-Track Small Business Innovation Research program": a funding programme's name
    r"(?:[\s-]+(?!(?:Designation|Status|Review|Therapy|Drug|Disease)\b)[A-Z][\w-]*){2,6}\s+(?i:program(?:me)?)\b")


# "approved by the FDA under the accelerated approval pathway": a pathway a product was approved under is a grant
# (GUIDE.md: "approved under Priority Review" is a line), not a route being discussed; "to seek approval under the
# accelerated approval pathway", "has requested approval under ..." is an approval sought, a route again
_APPROVED_UNDER = re.compile(r"\b(?<!seek )(?<!seeks )(?<!seeking )(?<!sought )(?<!for )(?<!obtain )(?<!pursue )(?<!receive )"
                            r"(?<!request )(?<!requests )(?<!requested )(?<!requesting )"
                            r"(?:approv(?:ed|al)|authori[sz](?:ed|ation))\b(?:[^.;]|(?<=[A-Z])\.){0,70}\bunder\s+(?:the\s+|its\s+|an?\s+)?"
                            r"(?:(?:FDA|agency)['’]s\s+)?$", re.I)


def _groups_of(text: str, types) -> list[list[int]]:
    """"orphan drug and rare pediatric disease designations for X": types joined by
    "and" or a comma share what follows the last of them."""
    groups: list[list[int]] = []
    for index in range(len(types)):
        if groups and _only_joins(text[types[index - 1][1]:types[index][0]]):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _facts_in(ctx: Context, sentence: Sentence, text: str, types, agencies, release_date,
              listed: bool = False) -> list[DesignationFact]:
    facts = []
    drugs = ctx.drugs_in(text)
    previous_indications: list[str] = []
    groups = _groups_of(text, types)
    own_dates = _own_dates(text, types, release_date) if ("," in text or "(" in text) else {}
    respectively = re.search(r"\brespectively\b", text) is not None
    for number, group in enumerate(groups):
        group_end = types[group[-1]][1]
        segment_end = types[groups[number + 1][0]][0] if number + 1 < len(groups) else len(text)
        segment = text[group_end:segment_end]
        indications = None
        closing = _closing_positions(text, types, group, agencies)
        for position, index in enumerate(group):
            start, end, code = types[index]
            context_before = text[max(0, start - 80):start]
            if re.search(r"\b(?:expects?|expected|plans?|intends?|hopes?|aims?|seeks?|anticipates?)\s+to\s+(?:\w+\s+)?(?:receive|obtain|secure|apply|request|seek)\b", context_before):
                continue
            held = re.search(r"\b(?:under|with|of)\s+(?:the|its|a|an)\s+$", context_before)
            clause = _clause_before(context_before)
            if position:
                # "may be eligible for conditional approval and priority review": the verb before a group's first
                # designation governs the ones joined to it
                lead = types[group[0]][0]
                clause = _clause_before(text[max(0, lead - 80):lead])
            # "has applied for": an auxiliary is no grant
            if not held and INTENT.search(clause) and not GRANT.search(re.sub(r"\b(?:has|have|had)\b", " ", clause)):
                continue
            if (re.search(r"\b(?:NDA|BLA|MAA|[Aa]pplication|[Ss]ubmission|filing)\b[^.;]{0,60}\b(?:for|seeking)\s+$",
                          context_before.replace("U.S.", "US"))  # "an NDA to the U.S. FDA for accelerated approval"
                    and not re.search(r"\b(?:accept(?:ed|s)|grant(?:ed|s)|positive opinion (?:on|for))\b[^.;]{0,30}\b(?:NDA|BLA|MAA|[Aa]pplication|[Ss]ubmission)",
                                      context_before)):
                # "submitted a BLA seeking Priority Review"; "accepted the BLA for Priority Review" is a grant, and so is
                # the EMA committee's "positive opinion on the application for orphan designation" (GUIDE.md)
                continue
            if not (GRANT.search(text) or sentence.zone is Zone.HEADLINE or listed):
                continue
            if _MODIFIES_ANOTHER_NOUN.match(text, end) and not _APPROVED_UNDER.search(text, max(0, start - 100), start):
                continue  # "a Fast-Track Small Business Innovation Research grant" is a grant
            granted = _drugs_for(ctx, sentence, drugs, start, group_end, text)
            if not granted:
                continue
            if indications is None:
                indications = _indications(segment, ctx) or _shared_indications(ctx, text, types, groups, number, agencies)
                if indications and all(_SAME_AS_BEFORE.match(i) for i in indications):
                    # "for the same follicular lymphoma population": the population stated before, in full
                    indications = previous_indications[-1:] or _previous_sentence_indication(ctx, sentence, reach=6) or indications
                if not indications and _BACK_REFERENCE.search(segment):
                    indications = previous_indications[-1:] or _previous_sentence_indication(ctx, sentence)
                if not indications:
                    # "... a Phase 2a trial in prurigo nodularis, for which the FDA granted X Fast Track designation":
                    # the relative pronoun stands for the disease its clause follows
                    relative = FOR_WHICH.search(text, 0, start)
                    antecedent = last_indication(text[: relative.start()], ctx) if relative else None
                    indications = [antecedent] if antecedent else None
                if not indications:
                    holder = next((HOLDER_FOR.match(text, d.end) for d in reversed(drugs) if d.end <= start and d.name in granted), None)
                    indications = [holder.group("ind").strip()] if holder else None
                if not indications:
                    before = SUBJECT_FIRST.match(text) or NAMELY.search(text[:start]) or _subject_for(ctx, text)
                    if before:
                        indications = split_list(before.group("ind").strip())
                    elif code in _GRANTED_TO_AN_APPLICATION:
                        indications = _application_indication(ctx, text[:start])
                if not indications and number and previous_indications and not (respectively and len(previous_indications) > 1):
                    indications = _carried_on(ctx, text, types[groups[number - 1][-1]][1], start, group_end, previous_indications)
                if indications:
                    previous_indications = indications
            own = indications
            pairs = None
            if respectively and indications and len(indications) > 1:
                # "orphan drug and fast track designations for A and B, respectively"
                if len(group) == len(indications):
                    own = [indications[position]]
                elif len(granted) == len(indications):
                    pairs = list(zip(granted, indications))
            close = closing[position]
            if close is not None:
                # "Fast Track designation in 2021 and Orphan Drug designation in 2022", "Orphan Drug and
                # Fast Track designations by the FDA and orphan designation by the EC": what is stated
                # between two grants of a list is the run's before it, never the next grant's
                closed = text[types[group[close]][1]:types[group[close + 1]][0]]
                date = own_dates.get(index) or _date_in(closed, release_date) or _date_before(text, start, release_date)
            else:
                date = own_dates.get(index) or _clause_date(text, start, group_end, release_date)
            if respectively and len(group) > 1:
                # "Fast Track and Orphan Drug designations in 2020 and 2021, respectively"
                listed = _DATE_LIST.search(segment)
                stated_dates = [d.group(0) for d in re.finditer(_YEAR_OR_MONTH, listed.group(0))] if listed else []
                if len(stated_dates) == len(group):
                    date = dates.resolve(("in " if stated_dates[position][0].isdigit() else "") + stated_dates[position],
                                         release_date)
            if date is None and _THAT_YEAR.search(text, 0, start):
                date = _year_said_before(ctx, sentence)  # "In 2019, ... Later that year, the EC designated it ..."
            if index not in own_dates and date in own_dates.values():
                date = None  # a neighbour's own date
            if date and release_date and date == release_date[: len(date)] and len(date) == 10:
                date = None  # news of the day: the release date is already on the release
            own_years = _years_after_items(segment, indications or [])
            run_end = types[group[close]][1] if close is not None else end
            next_start = types[group[close + 1]][0] if close is not None else None
            between = [a for a in agencies if next_start is not None and run_end <= a[0] and a[1] <= next_start]
            stated = ([(code, None) for code in dict.fromkeys(a[2] for a in between)] if between
                      else _agencies_for(agencies, start, group_end, segment_end, text, release_date))
            if code == "orphan_drug":
                stated = _with_committee_opinion(text, agencies, stated, release_date)
            for drug, indication in pairs or [(d, i) for d in granted for i in (own or [None])]:
                for agency, agency_date in stated:
                    facts.append(DesignationFact(drug, code, agency, Evidence.of(sentence, NAME), indication=indication,
                                                 date=own_years.get(indication, date if agency_date is None else agency_date or None)))
    return facts


# "Orphan Drug designation from the FDA for X, as well as RMAT designation", "... for X in June 2022, followed by
# Rare Pediatric Disease designation in September 2022": a grant added to the list after the indication was
# stated, naming none of its own, is for the same indication (a new drug or a new clause's subject is not)
_ADDED_GRANT = re.compile(r",\s*(?:and|as\s+well\s+as|followed\s+by|along\s+with|plus)\s+(?:(?:an?|the|its)\s+)?$", re.I)


# "..., and Fast Track designation followed in March 2025": the added grant is the subject of a clause of its own
_OWN_CLAUSE = re.compile(r"\s*(?:designations?|status)?\s*(?:followed|came|arrived|was|were|has|had)\b", re.I)


def _carried_on(ctx: Context, text: str, previous_end: int, start: int, end: int, previous: list[str]) -> list[str] | None:
    between = text[previous_end:start]
    if not _ADDED_GRANT.search(between) or _SENTENCE_END.search(between) or _OWN_CLAUSE.match(text, end):
        return None
    stated = re.search(r"\b(?:for|in)\s", between)
    after = previous_end + (stated.start() if stated else 0)
    if any(after <= d.start < start for d in ctx.drugs_in(text)):
        return None  # "for A, and ZX-2's ...": another drug named after the indication, the grant may be its
    return previous


# A year named by reference to the one the text gave just before: "Later that year", "that same year"
_THAT_YEAR = re.compile(r"\b(?:(?:later|earlier)\s+that\s+year|that\s+same\s+year|the\s+same\s+year)\b", re.I)


def _year_said_before(ctx: Context, sentence: Sentence) -> str | None:
    """The year of the last date the paragraph states before this sentence."""
    for earlier in reversed(ctx.sentences[: sentence.index]):
        if earlier.paragraph != sentence.paragraph:
            return None
        stated = list(dates.ANY_DATE.finditer(ctx.text(earlier)))
        resolved = dates.resolve(stated[-1].group(0), ctx.extraction.release.date) if stated else None
        if resolved:
            return resolved[:4]
    return None


# Where one grant's clause ends and the next one's begins: "In 2014 the FDA granted X orphan
# drug designation for A, and in May 2019 the agency granted it Fast Track": each keeps its date.
# "... for X and the EMA has granted ...": "and" opens a clause with its own subject and verb
_NEW_SUBJECT_AHEAD = (r"(?=(?:the\s+|its\s+)?(?:[\w.'’()-]+\s+){0,6}?(?:has|have|had|was|were|also)\s+(?:\w+\s+)?"
                      r"(?:granted|awarded|issued|received|designated)\b)")
_NEW_SUBJECT = r"\s+and\s+" + _NEW_SUBJECT_AHEAD
# ";", ", and ", or " and " before a date, a new verb or a new subject. The break opens with one
# character class and tests which one it was after it, so the regex engine skips to those characters
# instead of trying every position (the same matches as the plain alternation).
_CLAUSE_BREAK = re.compile(
    r"[;,\s](?:(?<=;)|(?<=,)\s*(?:and|while|but|whereas|whilst|following|after|in addition to)\s+|(?<=\s)\s*and\s+"
    r"(?:(?=(?:in|on|during|by)\s+(?:\w+\s+)?(?:19|20)\d\d)|(?=(?:plans?|expects?|intends?|anticipates?|aims?)\b)|" + _NEW_SUBJECT_AHEAD + "))")


def _closing_positions(text: str, types, group: list[int], agencies) -> list[int | None]:
    """For each grant of a list, the position in the list of the grant whose own agency or date,
    written before the next grant, closes the run the grant belongs to (None: the list's end)."""
    closing: list[int | None] = [None] * len(group)
    nearest = None
    for position in reversed(range(len(group) - 1)):
        end, following = types[group[position]][1], types[group[position + 1]][0]
        if any(end <= a[0] and a[1] <= following for a in agencies) or dates.ANY_DATE.search(text, end, following):
            nearest = position
        closing[position] = nearest
    return closing


def _date_before(text: str, start: int, release_date: str | None) -> str | None:
    clause_start = 0
    for found in _CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = found.end()
    return _date_in(text[clause_start:start], release_date, last=True)


# A bullet is read as one unit, and business updates write two or three sentences in one ("- In April, the
# European Commission granted orphan designation to X for A. The decision followed a positive opinion from the
# EMA's committee in March."): a clause never runs past its sentence's stop. (A stop after a lone capital is an
# abbreviation's, "U.S. FDA"; so are the few after a lower-case letter listed here. An acronym ends its
# sentence: "... for early-onset MLD. In December 2025, ...")
_SENTENCE_END = re.compile(r"(?<![^A-Za-z][A-Z])(?<!\bInc)(?<!\bCo)(?<!\bLtd)(?<!\bCorp)(?<!\bDr)(?<!\bvs)(?<!\bNo)(?<!\bSt)\.\s+(?=[A-Z])")


def _clause_bounds(text: str, start: int, end: int, agencies=()) -> tuple[int, int]:
    """Where the clause holding text[start:end] begins and ends: at a clause break or a sentence's stop."""
    clause_start = 0
    for pattern in (_CLAUSE_BREAK, _SENTENCE_END):
        for found in pattern.finditer(text, 0, start):
            if pattern is _CLAUSE_BREAK and _joins_agencies(text, found, agencies):
                continue  # "The FDA and the European Commission have granted": agencies coordinated as one subject
            clause_start = max(clause_start, found.end())
    ends = [found.start() for found in (_CLAUSE_BREAK.search(text, end), _SENTENCE_END.search(text, end)) if found]
    return clause_start, min(ends, default=len(text))


def _joins_agencies(text: str, found: re.Match, agencies) -> bool:
    return any(a[1] == found.start() for a in agencies) and any(
        re.fullmatch(r"(?:the\s+)?", text[found.end():a[0]]) for a in agencies if a[0] >= found.end())


# "Following a positive opinion from the Committee for Orphan Medicinal Products, the European Commission granted
# orphan designation ...": the EMA committee's opinion is a grant of its own (GUIDE.md), besides the Commission's
_OPINION_FROM = re.compile(r"\bpositive\s+opinion\s+(?:on\s+(?:the\s+)?[\w\s]{0,40}?)?(?:from|of|by)\s+(?:the\s+)?$", re.I)


def _with_committee_opinion(text: str, agencies, stated: list[tuple[str, str | None]],
                            release_date: str | None) -> list[tuple[str, str | None]]:
    if any(code == "EMA" for code, _ in stated):
        return stated
    for start, end, code in agencies:
        if code == "EMA" and _OPINION_FROM.search(text, max(0, start - 60), start):
            _, clause_end = _clause_bounds(text, end, end)
            own = re.split(r"[,;]", text[end:clause_end])[0]  # "... from the COMP in March 2024, ...": the opinion's date
            # "" where the opinion's own date is not stated: the Commission's date is not the committee's
            return [*stated, ("EMA", _date_in(own, release_date) or "")]
    return stated


def _clause_date(text: str, start: int, end: int, release_date: str | None) -> str | None:
    """The date stated in the clause that grants this designation, after it or before it."""
    clause_start, clause_end = _clause_bounds(text, start, end)
    return (_date_in(text[end:clause_end], release_date) or _date_in(text[clause_start:start], release_date, last=True)
            or _fronted_date(text, clause_start, release_date))


# "In March 2025, the NDA for X was accepted by the NMPA and was granted priority review": a date set before the
# sentence's subject dates each predicate coordinated with the first ("and was granted" shares its subject), though
# not a clause with a subject of its own nor one after a semicolon
_FRONTED_DATE = re.compile(r"\s*(?:[*•-]\s+)?(?:In|On|During)\s+(?P<date>[^,;]{3,30}?),\s")


def _fronted_date(text: str, clause_start: int, release_date: str | None) -> str | None:
    fronted = _FRONTED_DATE.match(text)
    if not fronted or not dates.ANY_DATE.fullmatch(fronted.group("date")) or clause_start <= fronted.end():
        return None
    between = text[fronted.end():clause_start]
    if ";" in between or dates.ANY_DATE.search(between) or _SENTENCE_END.search(between):
        return None
    if not (re.search(r"\sand\s+$", between) and re.match(r"(?:was|were|has|have|had)\b", text[clause_start:])):
        return None
    return dates.resolve(fronted.group("date"), release_date)


# "... designation to address this critical need", "in that indication": the indication stated just before
_BACK_REFERENCE = re.compile(
    r"\b(?:same|that|this|these)\s+(?:\w+\s+)?(?:indications?|needs?|diseases?|conditions?|populations?|settings?)\b", re.I)


# "Orphan Drug Designation (ODD) from the U.S. FDA and ...": a grant's abbreviation and its own agency
_OWN_AGENCY = re.compile(
    r"\s*(?:\([A-Z]{2,6}\)\s*)?(?:from|by)\s+(?:the\s+)?(?:U\.S\.\s+|US\s+)?(?:FDA|EMA|EC|MHRA|PMDA|NMPA|Health Canada|"
    r"European Commission|European Medicines Agency|(?:U\.S\.\s+)?Food and Drug Administration)(?:\s*\([A-Z]{2,4}\))?")


# What may stand between two runs of one list of grants besides joins: each run's agency ("(FDA)", "by the FDA,
# the European Commission and Japan's Ministry ...", "from Australia's TGA"), and "designation(s)"
_LIST_FILLER = re.compile(r"(?:\b(?:designations?|status|by|from|of|the|and|as well as|an?|both|each)\b|"
                          r"\b[A-Z][a-z]+['’]s\b|\b[A-Z][\w-]*\b|[\s,()])*")  # capitalised words: an agency's name


def _continues_list(segment: str, start: int, agencies) -> bool:
    """Whether `segment` (at `start` in the sentence) only joins two runs of grants: what it says apart from agencies
    and joins is nothing, so what follows the list's last run is said of every run."""
    blanked = list(segment)
    for a_start, a_end, _ in agencies:
        for i in range(max(a_start, start), min(a_end, start + len(segment))):
            blanked[i - start] = " "
    rest = re.sub(r"\(\s*[A-Z]{2,6}\s*\)", " ", "".join(blanked))
    return _LIST_FILLER.fullmatch(rest) is not None


def _shared_indications(ctx: Context, text: str, types, groups, number: int, agencies) -> list[str]:
    """"RMAT and Orphan Drug designations (FDA), PRIME (EMA) and a PIM designation (MHRA) for X", "orphan drug
    designation by the FDA and the EC, as well as Fast Track designation by the FDA, for X": runs of one list,
    each with its agency, share the indication stated after the last run."""
    for later in range(number, len(groups) - 1):
        start = types[groups[later][-1]][1]
        if not _continues_list(text[start:types[groups[later + 1][0]][0]], start, agencies):
            return []
        last = later + 1
        segment_end = types[groups[last + 1][0]][0] if last + 1 < len(groups) else len(text)
        found = _indications(text[types[groups[last][-1]][1]:segment_end], ctx)
        if found:
            return found
    return []


def _only_joins(segment: str) -> bool:
    stripped = dates.ANY_DATE.sub(" ", _OWN_DATE.sub(",", _OWN_AGENCY.sub(" ", segment)))
    return re.fullmatch(r"[\s,()]*(?:designations?|status)?[\s,()]*(?:and|or|as well as|,)?[\s,]*(?:both\s+)?(?:an?\s+)?", stripped) is not None


# "X received Breakthrough Therapy Designation, in August 2018, as well as Orphan Drug ...", "Orphan
# Drug Designation (2021) and Fast Track Designation (2022)": a date set off by commas or parentheses
# right after one grant is that grant's own, not its neighbours'.
_OWN_DATE = re.compile(r"\s*,\s*(?:in|on)\s+(?P<date>[^,;]{3,30}?)\s*,|\s*\(\s*(?:granted\s+)?(?:in\s+)?(?P<year>[^()]{4,20}?)\s*\)")


def _own_dates(text: str, types, release_date: str | None) -> dict[int, str]:
    own = {}
    for index, (_, end, _) in enumerate(types):
        match = _OWN_DATE.match(text, end)
        stated = match and (match.group("date") or match.group("year"))
        if stated and re.fullmatch(r"(?:19|20)\d{2}", stated):
            own[index] = stated
        elif stated and dates.ANY_DATE.fullmatch(stated):
            own[index] = dates.resolve(stated, release_date)
    return own


_SAME_AS_BEFORE = re.compile(r"(?:the\s+)?same\s+(?:[\w-]+\s+){0,4}?(?:population|indication|setting|patients|disease)s?$", re.I)


def _previous_sentence_indication(ctx: Context, sentence: Sentence, reach: int = 3) -> list[str]:
    """What "this need" or "that indication" points back to: the last indication stated
    in the nearest sentences before."""
    for earlier in reversed(ctx.sentences[max(0, sentence.index - reach): sentence.index]):
        found = last_indication(ctx.text(earlier), ctx)
        if found:
            return [found]
    return []


def _clause_before(text: str) -> str:
    return re.split(r"[.;]|,\s*(?:and|but|while)\s", text)[-1]


# "A and B, both of which received Fast Track designation": the grant covers every drug listed before.
_EACH_OF = re.compile(r"\b(?:both|each|all)(?:\s+of\s+(?:which|them|these))?\b[^.;]{0,60}$", re.I)


# "granted breakthrough therapy status to an experimental lung cancer drug": the grant's recipient left unnamed
_UNNAMED_RECIPIENT = re.compile(r"\s*(?:designations?|status|tags?)?\s*(?:to|for)\s+(?:an?|another)\s+(?:[\w-]+\s+){0,4}?"
                                r"(?:drug|therapy|candidate|medicine|compound|pill|injection|treatment)\b(?!\s+(?:of|for)\b)", re.I)


def _drugs_for(ctx: Context, sentence: Sentence, drugs, position: int, end: int, text: str) -> list[str]:
    if _UNNAMED_RECIPIENT.match(text, end) and not any(d.start >= end for d in drugs):
        return []
    before = [d for d in drugs if d.end <= position]
    if len({d.name for d in before}) > 1 and _EACH_OF.search(text[before[-1].end:position]):
        return list(dict.fromkeys(d.name for d in before))
    listed = _listed_after(drugs, end, text)
    if listed:
        return listed
    subjects = _listed_subjects(before, position, text)
    if subjects:
        return subjects
    # "X in combination with Y", "X plus Y": the designation is X's; "for patients who received prior lines including
    # Z": Z is what the population had before, never the drug granted
    drugs = [d for d in drugs if not partner_of_another(text, d) and not prior_therapy(text, d.start)] or drugs
    drug = _drug_for(ctx, sentence, drugs, position, end, text)
    return [drug] if drug else []


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+)(?:(?:to|for)\s+)?(?:its\s+)?")


_SUBJECT_VERB = re.compile(r"\s*,?\s*(?:(?:have|has|had|were|was|each|both|also|previously|recently|been|now)\s+)*"
                           r"(?:received|been granted|granted|obtained|been awarded|awarded|secured|earned|hold|held)\s+"
                           r"(?:an?\s+|the\s+|FDA\s+|EMA\s+|U\.S\.\s+)*$")


def _listed_subjects(before, position: int, text: str) -> list[str]:
    """"X and Y have received Orphan Drug Designation": the drugs listed as the subject."""
    if len(before) < 2 or not _SUBJECT_VERB.fullmatch(text[before[-1].end:position]):
        return []
    listed = [before[-1]]
    for earlier in reversed(before[:-1]):
        if not _LIST_JOIN.fullmatch(text[earlier.end:listed[0].start]):
            break
        listed.insert(0, earlier)
    names = list(dict.fromkeys(d.name for d in listed))
    return names if len(names) > 1 else []


def _listed_after(drugs, end: int, text: str) -> list[str]:
    """"designation to both X and Y", "designations to X, Y and Z": every drug listed."""
    for number, drug in enumerate(drugs):
        if drug.start >= end and re.fullmatch(r"\s*(?:designations?|status)?(?:\s+(?:from|by)\s+[^,;]{1,70}?)?\s*(?:to|for|of)\s+"
                                              r"(?:the\s+|its\s+)?(?:both\s+)?", text[end:drug.start]):
            listed = [drug]
            for following in drugs[number + 1:]:
                if not _LIST_JOIN.fullmatch(text[listed[-1].end:following.start]):
                    break
                listed.append(following)
            names = list(dict.fromkeys(d.name for d in listed))
            return names if len(names) > 1 else []
    return []


_GRANTED_TO = re.compile(r"\s*(?:designations?|status)?\s*(?i:to|for|of)\s+(?:the\s+|its\s+)?"
                         r"(?:(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s?\s+)?")


def _drug_for(ctx: Context, sentence: Sentence, drugs, position: int, end: int, text: str) -> str | None:
    """The drug granted: "designation to/for X" after the type, else the subject before it."""
    for drug in drugs:
        # "designation to Acme's X", "Fast Track For Acme's X" (a headline in title case): the owner's possessive may come between
        if drug.start >= end and _GRANTED_TO.fullmatch(text, end, drug.start):
            return drug.name
    before = [d for d in drugs if d.end <= position]
    if before:
        return before[-1].name
    if drugs:
        return min(drugs, key=lambda d: (abs(d.start - position), d.start)).name
    # a bullet under a programme's heading ("ZX-2 (anti-TL1A)" over "- Fast Track designation granted in June")
    # is about that programme, not the release's main drug
    return ctx.section_drug(sentence) or ctx.previous_drug(sentence) or ctx.heading_drug(sentence) or ctx.main_drug()


# "for the treatment of patients with: * A; * B; and for * C": a list of indications run into the sentence
_COLON_LIST = re.compile(r"[^.;:]{0,80}?:\s*(?=[*•·▪–-]\s)")
_LIST_ITEM = re.compile(r"\s*;\s*(?:and\s+)?(?:for\s+)?(?=[*•·▪–-]\s)")


def _listed_indications(segment: str, ctx: Context) -> list[str]:
    """The items of a list run into the grant's sentence, after a colon ("with: * A; * B") or
    after the first item ("with A; and for * B"), each with its own indication."""
    head = _COLON_LIST.match(segment)
    if not head and not _LIST_ITEM.search(segment):
        return []
    found = []
    for item in _LIST_ITEM.split(segment[head.end():] if head else segment):
        item = re.sub(r"^[*•·▪–-]\s*", "", item.strip())
        # "Metastatic*RET*-fusion": emphasis marks of pasted text, some already blanked
        item = re.sub(r"(?<=\w)\s*-(?=\w)", "-", re.sub(r"(?<=\w)\*(?=\w)", " ", item).replace("*", ""))
        indication = indication_after("for " + item, ctx, populations=False)
        if indication:
            found.append(expand(re.sub(r"\s+", " ", indication).strip(), ctx.long_forms()))
    return found


# "for two indications: in combination with A for the first-line treatment of X, and as monotherapy for Y": a
# counted list of indications after a colon, its items joined by ", and", each with its own treatment words
_COUNTED_INDICATIONS = re.compile(r"\s*(?:programs?\s+|designations?\s+)?(?:for|in)\s+(?:two|three|four|both)\s+"
                                  r"(?:indications|settings|diseases)\s*:\s*", re.I)


def _counted_indications(segment: str, ctx: Context) -> list[str]:
    head = _COUNTED_INDICATIONS.match(segment)
    if not head:
        return []
    found = []
    for item in re.split(r",?\s+and\s+(?=(?:as|in|for|with)\b)", segment[head.end():]):
        last_for = list(re.finditer(r"\bfor\s+", item))
        indication = indication_after(item[last_for[-1].start():], ctx, populations=False) if last_for else None
        if indication:
            found.append(expand(re.sub(r"\s+", " ", indication).strip(), ctx.long_forms()))
    return found if len(found) > 1 else []


def _indications(segment: str, ctx: Context) -> list[str]:
    counted = _counted_indications(segment, ctx) if ":" in segment else []
    if counted:
        return counted
    listed = _listed_indications(segment, ctx) if ":" in segment or ";" in segment else []
    if len(listed) > 1 or listed and _COLON_LIST.match(segment):
        return listed
    segment = re.split(r"\s+and\s+(?:is|was|has|are|will)\b|,\s*(?:which|while|and (?:is|was|has))\b|;|" + _NEW_SUBJECT, segment)[0]
    drugs = ctx.drugs_in(segment)
    # "... designations from the FDA, and ZX-2 for B": the next item of a list of drugs opens with its own drug
    item = next((d for d in drugs if re.search(r",\s*(?:and\s+)?$", segment[: d.start])), None)
    if item is not None:
        segment = segment[: item.start]
    cleaned = re.sub(r"\s*\((?:19|20)\d{2}\)", "", segment)
    cleaned = _DATE_LIST.sub("", cleaned)
    cleaned = re.sub(r"\s+(?:on|as of|since|effective)\s+(?:" + dates.ANY_DATE.pattern + ")", "", cleaned)
    cleaned = dates.DAY_MONTH.sub("", dates.RELATIVE.sub("", cleaned))  # "for X last month", "on July 4": when, not what
    drugs = ctx.drugs_in(cleaned)
    for mention in reversed(drugs):
        cleaned = cleaned[: mention.start] + " " * (mention.end - mention.start) + cleaned[mention.end:]
    cleaned = re.sub(r"\bas a diagnostic for\b", "for", cleaned)
    cleaned = re.sub(r"\beach for\b", "for", cleaned)
    # "for the treatment of A and, separately, for the treatment of B": the second preposition repeats the first
    # (right after a word: a blanked drug before "and" leaves a run of spaces, "to A and B for X" is no such repeat)
    cleaned = re.sub(r"(?<=\w),? and,? (?:(?:separately|also|additionally|independently),? )?for (?:the treatment of )?",
                     " and ", cleaned)
    phrase = indication_after(cleaned, ctx, populations=False)
    if not phrase:
        return []
    # "for A and CIDP", CIDP defined before: the list is read with its abbreviations spelt out, each item a disease
    phrase = expand(phrase, ctx.long_forms()) or phrase
    return [expand(re.sub(r"\s+", " ", item).strip(), ctx.long_forms()) for item in split_list(phrase) if item.strip()]


_YEAR_OR_MONTH = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
                  r"(?:19|20)\d{2}\b")
# "in 2020", "in March 2020 and June 2021": the dates a grant or a list of grants was made
_DATE_LIST = re.compile(rf"\s+(?:in|during)\s+{_YEAR_OR_MONTH}(?:\s*(?:,\s*and|,|and)\s+{_YEAR_OR_MONTH})*")


def _years_after_items(segment: str, indications: list[str]) -> dict[str, str]:
    """"for multiple myeloma (2014) and for lymphoplasmacytic lymphoma (2020)": each item its own year."""
    if "(" not in segment or len(indications) < 2:
        return {}
    lowered = segment.lower()
    positions = [(lowered.find(item.lower()), item) for item in indications]
    positions = sorted((pos, item) for pos, item in positions if pos >= 0)
    years = {}
    for index, (pos, item) in enumerate(positions):
        stop = positions[index + 1][0] if index + 1 < len(positions) else len(segment)
        found = re.search(r"\(((?:19|20)\d{2})\)", segment[pos + len(item):stop])
        if found:
            years[item] = found.group(1)
    return years


# A date that is a deadline, not when a grant was made: "with a PDUFA date of March 3, 2024".
_DEADLINE_BEFORE = re.compile(r"\b(?:PDUFA|action|goal|target|decision)\b(?:\s+\w+){0,3}\s+(?:date\s+)?(?:of|on|is|by)?\s*$", re.I)


def _date_in(segment: str, release_date: str | None, last: bool = False) -> str | None:
    """The first date stated in `segment`, or with `last` the one nearest its end (before a
    grant, the nearest date is the grant's: "BOSTON, June 1, 2023 -- ... in the fourth quarter
    of 2022 the FDA granted ...")."""
    found = None
    segment = _NESTED_CLAUSE.sub(lambda m: " " * len(m.group(0)), segment)  # ", which entered a trial in 2021,"
    for match in dates.ANY_DATE.finditer(segment):
        before = segment[max(0, match.start() - 40):match.start()]
        if _DEADLINE_BEFORE.search(before) or _OTHER_EVENT_BEFORE.search(before):
            continue
        if last and re.search(r"\btoday\b", segment[match.end():]):
            continue  # "Founded in 2015, Acme today announced that the FDA granted": news of the day
        found = dates.resolve(match.group(0), release_date)
        if not last:
            return found
    return found


# The date of another event written beside a grant: "based on data presented in December 2022",
# "following the IND clearance in March 2021", "since the company's IPO in 2020".
_OTHER_EVENT_BEFORE = re.compile(
    r"\b(?:presented|reported|published|founded|incorporated|entered|initiated|started|began|completed|enrolled|dosed|"
    r"submitted|filed|cleared|clearance|IPO|launched|expected|anticipated|data|results|readout)\b(?:\s+[\w'’-]+){0,4}?\s*$",
    re.I)
_NESTED_CLAUSE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*,")


_REGIONS = r"U\.S\.|US|United States|Americ(?:a|an)|EU|European Union|Europe|European|Japan|Japanese|China|Chinese|UK|U\.K\.|United Kingdom|British|Canada|Canadian"
_AGENCY_JOIN = re.compile(r"\s*(?:,\s*and|,|and|as well as)\s+(?:the\s+)?")
_COORDINATED_AGENCIES = re.compile(
    rf"\bboth\b|(?:\b(?:FDA|EMA|EC|PMDA|NMPA|MHRA)\b|(?<![\w.])(?:{_REGIONS})(?![\w]))[^;]{{0,30}}?(?:\band\b|,)[^;]{{0,20}}?"
    rf"(?:\b(?:FDA|EMA|EC|PMDA|NMPA|MHRA)\b|(?<![\w.])(?:{_REGIONS})(?![\w]))")
# Where a sentence names a region for the agency: "holds Orphan Drug Designation in the U.S. and the EU", "from both
# US and European regulators", "in the United States, the European Union and Japan".
_REGION_AGENCY = (("FDA", r"U\.S\.|US|United States|Americ(?:a|an)"), ("EMA", r"EU|European Union|Europe|European"),
                  ("PMDA", r"Japan|Japanese"), ("NMPA", r"China|Chinese"), ("MHRA", r"UK|U\.K\.|United Kingdom|British"),
                  ("Health Canada", r"Canada|Canadian"))
_ONE_REGION = rf"(?:the\s+)?(?:{_REGIONS})(?![\w])(?!\.?\s+(?:Food|patent|Patent|Securities|dollars?|\$))"
_REGION_PHRASE = re.compile(
    rf"\b(?:in|from|by)\s+(?:both\s+)?(?:(?:regulators|(?:regulatory\s+)?(?:authorities|agencies))\s+in\s+)?"
    rf"{_ONE_REGION}(?:\s*(?:,\s*and|,|and)\s+{_ONE_REGION})*"
    rf"(?:\s+(?:regulators|regulatory\s+(?:authorities|agencies|bodies)|health\s+authorities|agencies|authorities))?")


_NOT_REGULATOR_BEFORE = re.compile(
    r"\b(?:trials?|stud(?:y|ies|ied)|patients|people|subjects|individuals|market(?:ed|s)?|launch(?:ed)?|sites?|centers?|"
    r"approved|sales|revenues?|enrol(?:l)?(?:ed|ing|ment)?|conducted|prevalence|affects?|cases)\b[^,;]{0,25}$", re.I)


# "the U.S. accelerated approval", "EU orphan designation": a region written as the grant's modifier
_REGION_MODIFIER = re.compile(r"(?<![\w.])(?:U\.S\.|US|EU|European|Japanese|Chinese|UK|U\.K\.|Canadian)\s+$")


def _with_region_modifiers(text: str, types, agencies: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    added = []
    for start, _, _ in types:
        found = _REGION_MODIFIER.search(text, max(0, start - 12), start)
        if not found or any(a[0] < found.end() and found.start() < a[1] for a in agencies):
            continue
        words = found.group(0).strip()
        code = next(code for code, pattern in _REGION_AGENCY if re.fullmatch(pattern, words))
        added.append((found.start(), found.start() + len(words), code))
    return sorted(agencies + added) if added else agencies


# "Breakthrough Therapy Designation (CN)", "Orphan Drug Designation (JP)": the region code a results release's
# pipeline list tags each regulatory event with
_REGION_TAG = re.compile(r"(?:\s+(?:designations?|status))?\s*\(\s*(?P<tag>US|U\.S\.|EU|JP|Japan|CN|China|UK)\s*\)")
_TAG_AGENCY = {"US": "FDA", "U.S.": "FDA", "EU": "EMA", "JP": "PMDA", "Japan": "PMDA", "CN": "NMPA", "China": "NMPA", "UK": "MHRA"}


def _with_region_tags(text: str, types, agencies: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    added = []
    for _, end, _ in types:
        found = _REGION_TAG.match(text, end)
        if found and not any(a[0] < found.end() and found.start() < a[1] for a in agencies):
            added.append((found.start("tag"), found.end("tag"), _TAG_AGENCY[found.group("tag")]))
    return sorted(agencies + added) if added else agencies


# "HT-9 - Fast Track designation (US) for X": a list item that names a drug and, after a dash or colon, the
# designation it holds states the grant without a verb
_ITEM_JOIN = re.compile(r"(?:\s*\([^()]*\))?\s*[-:\u2013\u2014]\s*")


def _listed_grant(ctx: Context, sentence: Sentence, text: str, types) -> bool:
    if not BULLET.match(sentence.text) or INTENT.search(text):
        return False
    drugs = ctx.drugs_in(text)
    return bool(drugs and types and _ITEM_JOIN.fullmatch(text, drugs[0].end, types[0][0]))


def _with_row_cells(ctx: Context, text: str, row: Row, facts: list[DesignationFact]) -> list[DesignationFact]:
    """A table row's grant takes the disease of its indication cell, and the agency of its region cell when
    the row names no regulator itself ("Breakthrough Therapy Designation | gastric cancer | China"); a
    footnote's grant ("(2) Orphan drug designation granted by the FDA") is the grant of the row its mark is on."""
    region_agency = None
    if row.region and not _agencies(text.replace(row.region, " ")):
        region_agency = next((code for code, words in _REGION_AGENCY
                              if re.fullmatch(rf"(?:the\s+)?(?:{words})", row.region.strip())), None)
    drug = None if ctx.drugs_in(text) else row.drug
    return [DesignationFact(drug or f.drug, f.type, region_agency or f.agency, f.evidence, f.indication or row.indication, f.date)
            for f in facts]


def _region_agencies(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for phrase in _REGION_PHRASE.finditer(text):
        named = phrase.group(0)
        if _NOT_REGULATOR_BEFORE.search(text, max(0, phrase.start() - 40), phrase.start()):
            continue  # "patients in the United States", "a Phase 2 trial in Japan": where, not whose grant
        if not re.search(r"\b(?:regulators|authorities|agencies|bodies)\b", named) and re.search(r"\b(?:American|European|Japanese|Chinese|British|Canadian)$", named):
            continue  # "in European patients": an adjective names a region's agency only before "regulators"
        for code, words in _REGION_AGENCY:
            found = re.search(rf"(?<![\w.])(?:{words})(?![\w])", named)
            if found:
                spans.append((phrase.start() + found.start(), phrase.start() + found.end(), code))
    return sorted(set(spans))


def _right_after_a_type(text: str, types, position: int) -> bool:
    return any(end <= position and re.fullmatch(r"\s*(?:designations?|status)?\s*(?:(?:in|from|by)\s+(?:both\s+)?(?:the\s+)?)?", text[end:position]) for _, end, _ in types)


def _without_opinions(text: str, agencies: list) -> list:
    kept = [a for a in agencies if not (a[2] == "EMA" and _OPINION_FROM.search(text, max(0, a[0] - 60), a[0]))]
    return kept if kept else agencies


def _agencies_for(agencies, start: int, end: int, segment_end: int, text: str,
                  release_date: str | None) -> list[tuple[str, str | None]]:
    """The agencies that granted the designation at text[start:end], each with the date
    stated beside it when the sentence dates each agency's grant ("by the FDA in
    December 2021 and by the European Commission in April 2022"). An agency named
    after the designation, in its own clause ("... from the FDA and the EMA"), wins over
    one named before it, which wins over one elsewhere in the sentence: another
    designation's agency in the same sentence is not this one's."""
    # "FDA Fast Track designation", "FDA and EMA orphan designations": agencies written as the
    # designation's modifier are its own, whatever the clause names after it
    modifiers, position = [], start
    for agency in reversed([a for a in agencies if a[1] <= start]):
        if not re.fullmatch(r"(?:['’]s)?\s*" if position == start else r"\s*(?:,|/|and|or|,\s*and)\s*", text[agency[1]:position]):
            break
        modifiers.insert(0, agency)
        position = agency[0]
    if modifiers:
        return [(code, None) for code in dict.fromkeys(code for _, _, code in modifiers)]
    clause_start, clause_end = _clause_bounds(text, start, end, agencies)
    clause_end = min(segment_end, clause_end)
    # "PRIME from the EMA and UK Innovation Passport": an agency written as the next grant's modifier is that grant's
    after = [a for a in agencies if end <= a[0] < clause_end
             and not (segment_end < len(text) and re.fullmatch(r"(?:['’]s)?\s*", text[a[1]:segment_end]))]
    before = [a for a in agencies if clause_start <= a[0] and a[1] <= start]
    # "Following a positive opinion from the COMP, the European Commission granted ...": the committee's opinion
    # is a grant of its own, dated apart (_with_committee_opinion), not the Commission's co-grantor
    after, before = (_without_opinions(text, found) for found in (after, before))
    if after:
        chosen, region, nearest = after, text[end:clause_end], after[0]
    elif before:
        chosen, region, nearest = before, text[clause_start:start], before[-1]
    else:
        chosen, region = agencies, text
        nearest = min(agencies, key=lambda a: abs(a[0] - start))
    codes = list(dict.fromkeys(code for _, _, code in chosen))
    # "The FDA and the European Commission have granted ...": the agencies found, joined by "and", grant it together
    joined = all(_AGENCY_JOIN.fullmatch(text, a[1], b[0]) for a, b in zip(chosen, chosen[1:]))
    if len(codes) > 1 and (joined or _COORDINATED_AGENCIES.search(region)):
        spans = [next(a for a in chosen if a[2] == code) for code in codes]
        dated = []
        for number, (_, agency_end, code) in enumerate(spans):
            stop = spans[number + 1][0] if number + 1 < len(spans) else min(agency_end + 40, len(text))
            found = dates.ANY_DATE.search(text[agency_end:stop])
            dated.append((code, dates.resolve(found.group(0), release_date) if found else None))
        if any(date for _, date in dated) and len({date for _, date in dated}) > 1:
            return dated
        return [(code, None) for code in codes]
    return [(nearest[2], None)]


def _fill_application_indications(facts: list[DesignationFact]) -> list[DesignationFact]:
    """Priority review and approvals attach to an application: when the sentence names
    no indication, take the indication the release gives the drug's approval."""
    approved = {}
    for fact in facts:
        if fact.indication and fact.type in ("accelerated_approval", "other"):
            approved.setdefault((fact.drug, fact.agency), fact.indication)
    out = []
    for fact in facts:
        if not fact.indication and fact.type in ("priority_review", "accelerated_approval", "other"):
            indication = approved.get((fact.drug, fact.agency))
            if indication:
                fact = DesignationFact(fact.drug, fact.type, fact.agency, fact.evidence, indication, fact.date)
        out.append(fact)
    seen = set()
    unique = []
    for fact in out:
        key = (fact.drug, fact.type, fact.agency, _indication_key(fact.indication))
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique
