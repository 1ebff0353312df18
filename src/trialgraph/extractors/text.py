"""Phrase-level helpers: indications after a preposition, list splitting,
and token similarity for merging mentions of one trial or indication."""
from __future__ import annotations

import re
from functools import lru_cache

from .memo import per_text_value
from .prefilter import gate

DISEASE_ABBREVIATIONS = {
    "r/r": "relapsed refractory", "rrmm": "relapsed refractory multiple myeloma", "mm": "multiple myeloma",
    "nhl": "non hodgkin lymphoma", "aml": "acute myeloid leukemia", "all": "acute lymphoblastic leukemia",
    "cll": "chronic lymphocytic leukemia", "dlbcl": "diffuse large b cell lymphoma",
    "nsclc": "non small cell lung cancer", "sclc": "small cell lung cancer", "mds": "myelodysplastic syndromes",
    "mcrpc": "metastatic castration resistant prostate cancer", "hcc": "hepatocellular carcinoma",
    "wm": "waldenstrom macroglobulinemia", "lpl": "lymphoplasmacytic lymphoma", "gist": "gastrointestinal stromal tumor",
    "tnbc": "triple negative breast cancer", "crc": "colorectal cancer", "rcc": "renal cell carcinoma",
    "pdac": "pancreatic ductal adenocarcinoma", "gbm": "glioblastoma", "mtc": "medullary thyroid cancer",
    "ctcl": "cutaneous t cell lymphoma",
}
STOP_TOKENS = {
    "and", "or", "with", "in", "of", "the", "a", "an", "patients", "patient", "select", "selected", "for",
    "treatment", "who", "have", "to", "as",
}
DISEASE_WORD = re.compile(
    r"(?:cancer|carcinoma|lymphoma|leukemia|leukaemia|myeloma|sarcoma|tumou?r|glioma|glioblastoma|neuroblastoma|"
    r"blastoma|melanoma|malignanc|metasta|disease|syndrome|neoplasm|mesothelioma|macroglobulinemia|adenocarcinoma|"
    r"infection|fibrosis|diabetes|arthritis|dystrophy|atrophy|deficiency|failure|disorder|itis\b|osis\b|iasis\b|emia\b|"
    r"\bMM\b|\bAML\b|\bCLL\b|\bNHL\b|\bDLBCL\b|\bNSCLC\b|\bR/R\b|\bRRMM\b|\bLPL\b|\bWM\b|\bMDS\b|\bPDAC\b|\bHCC\b|"
    r"\bCTCL\b|NF1|\bPN\b|prior (?:lines?|therap|treatment|regimen)|"
    # further disease heads and common disease abbreviations (general vocabulary)
    r"dementia|ha?emorrhage|obesity|\bpain\b|cessation|addiction|dependence|depressi(?:on|ve)|schizophreni|epilep|"
    r"seizure|migraine|autism|asthma|hypertension|cholesterol|\bstroke|injur(?:y|ies)|ulcer|lesion|wound|"
    r"vir(?:us|al)\b|palsy|lupus|eczema|\bCrohn|"
    # medical word-endings and heads that name a condition in any organ: nephropathy, neutropenia,
    # paraplegia, fibromyalgia, hemophilia, macular degeneration, angioedema, renal insufficiency
    r"\b(?!(?:sym|anti|tele)path|nostalg)\w{3,}(?:pathy|pathies|penia|plegia|algia|philia)\b|edema\b|pneumonia|sepsis|influenza|\bCOVID|"
    r"degeneration|insufficiency|dysfunction|fibrillation|pruritus|alopecia|"
    # tumour names: neurofibroma, ependymoma, glaucoma ("-oma"), but not diploma or aroma
    r"\b(?!(?:dipl|ar|oklah|s|st|c)omas?\b)\w{2,}omas?\b)",
    re.I,
)
# Disease abbreviations common in releases; case matters ("AD" is a disease, "ad" is not).
DISEASE_ACRONYM = re.compile(
    r"\b(?:COPD|GVHD|aGVHD|ALS|RSV|HIV|HBV|HCV|MS|SPMS|PPMS|OA|UC|IBD|NASH|MASH|DMD|SMA|PTSD|MDD|ASCVD|CVD|AD|DLB|"
    r"cLDD|LAPC|MCL|SLL|MZL|HNSCC|SCCHN|mCRC|CML|GIST|IPF|PAH)\b|"
    # "ALL" is a disease only where a subtype marks it: "Ph+ ALL", "B-ALL"
    r"(?:\bPh\+\s*|\b[BT]-)ALL\b"
)
_STOP = re.compile(
    r"(?<!\d)\.|\.(?!\d)|[;:\"$]|(?<!\s)\s+-\s|(?<!\s)\s+and\s+(?:a|an|in\s+a|one|two|three|four|five)\s+|"
    # "X and shares its ...": "and" joining a verb with its object to the subject is a new predicate, not a list item
    r"(?<!\s)\s+and\s+[a-z]{3,}s\s+(?:its|their|his|her|the|a|an)\s|"
    # a participle after the population opens a reduced relative clause: "in X evaluating the safety of Y"
    r"(?<!\s)\s+(?:evaluating|assessing|investigating|examining|exploring|comparing|studying|measuring)\b|"
    r",\s*and\s+(?=[A-Z])|,\s*(?:as well as|which|who|whose|where|including|and (?:is|was|the|a|in)|a |an |the |to |in which|that|said\b|says\b|"
    r"with|while|after|each|respectively|among|compared)|"
    r"(?<!\s)\s+(?:to (?:evaluate|assess|determine|compare|support|be|receive|treat|address|improve|reduce|prevent|provide|enable|meet|fill|explore|investigate|demonstrate|confirm|help)|that|which|where|is|was|were|are|will|has|had|have|"
    r"at (?:up to|\d+|roughly|approximately|a |the |sites)|"
    # the meeting a headline's data are shown at is no part of the population: "in X at ASCO GI 2026", "in X at
    # San Antonio Breast Cancer Symposium"; upper case only, so that "patients at high risk of X" goes on
    r"(?-i:at (?:[A-Z]{2,}\b|(?:\d{4}\s+)?(?:[A-Z][\w&'.-]*\s+){1,8}?(?:Meeting|Congress|Symposium|Conference|Summit|Forum|Workshop)s?\b))|"
    r"following|before|until|based (?:on|upon)|by (?:the|a|an|both)|under|conducted|being|presented|published|supported|"
    r"funded|designed|since|between|announced|enrolling|enrolled|who|whose|as (?:a|an|the|part|well)|from (?:the|a|an)|"
    r"in (?:combination|addition|the (?:United|U\.S\.|US|EU|first|second)|China|Europe|Japan|\d+)|"
    # the study the population was seen in ends it: "in X in an ongoing Phase 2 study", "in X in the ZX-1 trial"
    r"in (?:(?:a|an|the|its|our|this|their)\s+)?(?:[\w-]+\s+){0,3}?(?:[Pp]hase\b|stud(?:y|ies)\b|trials?\b)|"
    # a time after the population ends it: "in X in early 2027", "in X next year", "in X later this year"
    r"in (?:early|mid|late)\b|(?:next|later this|this) (?:year|quarter|month)|"
    r"(?:in|by|during) (?:(?:the )?(?:first|second|third|fourth) (?:quarter|half)|[1-4]Q|Q[1-4]|[12]H|H[12]|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"on (?:the|a|an)|when|if|showed|demonstrated|achieved|after (?:a|an|the|its|two|one)|than|versus|vs\.?|"
    r"compared|because|so|but|among|plus|together|alongside|once|twice|during|through|across|using|given|administered|"
    r"with (?:either|or without|a single|one|two|multiple)|"
    r"and (?:is|was|are|were|has|have|will|to|the (?:company|Company))|and (?:in|at) (?:a|the)|"
    # "... of X in A and the Phase 3 ZEN study of Y in B": "and" opens the next study's own phrase
    r"and (?:(?:a|an|the|its|our|their)\s+)?(?:[\w-]+\s+){0,3}?(?:[Pp]hase\b|stud(?:y|ies)\b|trials?\b)|"
    # a finite verb after the population: "in X did not meet its goal", "in X reported positive results",
    # "in X expanded into a Phase 2 portion" (a past tense taking an object or a particle), "in X succeeded"
    r"(?:did|does|do)\s+not|succeeded|pending|[a-z]{3,}ed\s+(?:its|their|into|positive|negative|encouraging|mixed|"
    r"promising|strong|robust|favorable|favourable|no)\b|"
    # "... for X and EMA orphan designation for Y": an agency after "and" opens another grant
    r"and (?:the )?(?:U\.S\. )?(?:FDA|EMA|European Commission|European Medicines Agency|MHRA|PMDA|NMPA|Health Canada)|"
    # "... for X and plans to start a trial": the sentence's subject goes on with another verb
    r"and (?:plans?|expects?|intends?|anticipates?|continues?|remains?|aims?|looks?|received|receives|announced|reported|"
    r"expanded|initiated|completed|dosed|enrolled|launched)|"
    # a verb after the noun phrase ends it: "X represents a significant...", "X appeared first on..."
    r"represents?|remains?|continues?|completed|met|missed|failed|reached|reduced|improved|delivered|began|started|"
    r"affects?|causes?|leads?|results?|accounts?|appeared|marks?|underscores?|"
    r"highlights?|supports?|provides?|offers?|means|suggests?|indicates?|shows?|can|could|may|might|would|should|"
    r"potentially|currently|today|often|usually|typically|frequently|commonly|generally|affecting|impacting|resulting|leading|causing|representing|characterized)\b",
    re.I,
)
_LEAD = re.compile(
    r"^(?:(?:\d[\d,]*\s+|(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?)\s+)?"
    r"(?:heavily\s+|highly\s+)?(?:pre-?treated\s+)?(?:adult\s+|pediatric\s+|paediatric\s+|older\s+)?(?:patients|adults|people|subjects|participants|"
    r"children(?:\s+and\s+(?:adolescents|young adults))?|individuals)(?:\s+aged\s+\d+\s*(?:to|-)\s*\d+|"
    r"\s+(?:aged\s+)?\d+\s+(?:years|months)(?:\s+of\s+age)?\s+(?:and|or)\s+(?:older|over|above))?\s+"
    r"(?:with|who have|who had|suffering from|diagnosed with)\s+|the\s+treatment\s+of\s+|"
    r"(?:the\s+)?(?:field|area|space|complexities|landscape)\s+of\s+|(?:a|the)\s+(?:sub)?(?:group|set)\s+of\s+|(?:both\s+)?(?:forms?|types?|kinds?)\s+of\s+|both\s+|"
    r"treatment\s+of\s+|the\s+)+",
    re.I,
)
# Most sentences hold none of these words: skip their scans (prefilter.py).
DISEASE_WORD, DISEASE_ACRONYM, _STOP, _LEAD = map(gate, (DISEASE_WORD, DISEASE_ACRONYM, _STOP, _LEAD))


@per_text_value  # asked of the same candidate names and phrases again and again (3 in 4 calls repeat one)
def names_disease(text: str) -> bool:
    return bool(DISEASE_WORD.search(text) or DISEASE_ACRONYM.search(text) or _eponym().search(text)
                or _in_disease_dictionary(text))


_DICTIONARY_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


def _in_disease_dictionary(text: str) -> bool:
    """A disease without a disease word in its name ("myasthenia gravis", "hemophilia A"):
    any run of up to four words the public disease dictionary lists."""
    from .. import lexicons

    names = lexicons.disease_names()
    words = _DICTIONARY_WORD.findall(text.lower())
    return any(" ".join(words[i:i + n]) in names for i in range(len(words)) for n in range(1, 5) if i + n <= len(words))


@lru_cache(maxsize=None)
def _eponym() -> re.Pattern:
    """A disease named after a person, in the possessive ("Alzheimer's", "Crohn's")."""
    from .. import lexicons

    names = sorted(lexicons.disease_eponyms(), key=len, reverse=True)
    return gate(re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?:'s|’s)\b", re.I))


# What introduces a population or an indication: "in X", "for (the treatment of) X",
# "to treat X", "patients with X", "X suffering from Y".
_TRIGGER_WORDS = r"in|for|enroll?(?:s|ing)?|treating|targets|targeting|to (?:treat|address|prevent)|treatment of|as an aid (?:to|in)"
_TRIGGER = re.compile(rf"\b(?:{_TRIGGER_WORDS})\s+", re.I)
_POPULATION_TRIGGER = re.compile(
    rf"\b(?:{_TRIGGER_WORDS}|"
    r"(?:patients|participants|adults|people|subjects|individuals|children|those)(?:\s+aged\s+\d+\s*(?:to|-)\s*\d+|"
    r"\s+(?:aged\s+)?\d+\s+(?:years|months)(?:\s+of\s+age)?\s+(?:and|or)\s+(?:older|over|above))?\s+"
    r"(?:with|who have|who had|suffering from|diagnosed with|living with|at risk (?:of|for)))\s+",
    re.I,
)


# Phrases that name no particular disease: "for rare diseases", "to treat serious conditions".
_GENERIC_INDICATION = re.compile(
    r"(?:(?:rare|serious|life-threatening|severe|unmet|many|various|other|these|such|all)\s+)*"
    r"(?:diseases?|disorders?|conditions?|cancers?|tumou?rs?|illness(?:es)?|indications?|infections?)", re.I)
# "disease" qualifying another noun names no disease: "multiple disease pathways", "disease-modifying".
_DISEASE_AS_MODIFIER = re.compile(
    r"\bdiseases?[- ](?:pathways?|progression|modif\w*|burden|activity|course|states?|areas?|models?|mechanisms?|biology)\b", re.I)
# A phrase whose head is a measure, a field or a market names no disease, whatever modifies it:
# "reductions in tumor volume", "a leader in Alzheimer's research".
_NOT_A_DISEASE_HEAD = re.compile(
    r"\b(?:research|market|markets|space|field|community|awareness|volume|size|burden|shrinkage|pathways?|models?|"
    r"biology|mechanisms?|microenvironment|markers?|biomarkers?|samples?|tissues?|programs?|programmes?)$", re.I)
# "both" points back only standing alone ("for both", "both of them"); "for both X and Y" names X and Y.
_ANAPHORA = re.compile(r"(?:this|these|that|those|such|both(?=\s*(?:[,.;)]|$|of\s+(?:them|these|those|which)\b|(?:indications?|diseases?|conditions?)\b))|its|their|our|his|her)\b", re.I)


# A study's participants who have no disease ("healthy adult volunteers", "healthy Japanese subjects", "Japanese healthy
# volunteers" of a bridging study); not a challenge
# study's "healthy adults infected with X", whose population is the infection's.
HEALTHY_PEOPLE = re.compile(
    r"(?:[A-Za-z]+(?:ese|ian|ean|an|ish)\s+)?(?:(?:adult|elderly|older|young|male|female)\s+)?healthy\s+(?:[\w-]+\s+){0,3}?"
    r"(?:volunteers|subjects|participants|adults|individuals|people|men|women)\b(?!\s+(?:infected|challenged|exposed|with|who)\b)",
    re.I)


_COUNTED_HEALTHY = re.compile(r"(?:(?:up to|approximately|about|roughly|around|more than)\s+)?(?:\d[\d,]*\s+)?(?P<people>"
                              + HEALTHY_PEOPLE.pattern + ")", re.I)


# A vaccine's or a prevention study's participants, named by their age alone: "in more than 21,000 adults aged 60 years and
# older", "enrolled 1,090 adults aged 65 years and older"; with a disease after them ("... with X") the disease rules.
_AGED_PEOPLE = re.compile(
    r"\b(?:in|of|enroll(?:ed|s|ing)?|recruit(?:ed|s|ing)?|randomi[sz](?:ed|es|ing))\s+"
    r"(?:(?:up to|approximately|about|roughly|around|more than|over|nearly)\s+)?(?:\d[\d,]*\s+)?"
    r"(?P<people>(?:(?:healthy|older|elderly|pregnant)\s+)?(?:adults|people|participants|individuals|infants|children|adolescents|"
    r"women|men|toddlers|volunteers)\s+aged\s+(?:\d+|six|twelve|eighteen)(?:\s*(?:to|-|through|and)\s*\d+)?\s+(?:years|months|weeks)"
    r"(?:\s+of\s+age)?(?:\s+(?:and|or)\s+(?:older|over|above|younger|under|below))?)"
    r"(?!\s+(?:with|who|living|suffering|diagnosed|at\s+risk)\b)", re.I)

# ("a reduction of at least 50% in seizure frequency": the size of the change may stand between)
_MEASURE_BEFORE = re.compile(r"\b(?:reductions?|decreases?|increases?|improvements?|changes?|differences?|declines?|"
                             r"rises?|drops?|gains?|shifts?|differ(?:s|ed|ing)?|var(?:y|ies|ied|ying))(?:\s+(?:of|by)\s+(?:(?:at\s+least|up\s+to|about|approximately|"
                             r"more\s+than|over|nearly)\s+)?\d[\d.,]*\s*(?:%|percent|points?))?\s*$", re.I)


_PLACE_WORDS = re.compile(r"(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,3})(?=\s*(?:[,.;)]|and\b|or\b|in\b|at\b|$))")


def _names_a_place(rest: str) -> bool:
    """Whether `rest` opens with a country, region or city ("the PRC", "Korea and Taiwan", "mainland China")."""
    from .. import lexicons

    match = _PLACE_WORDS.match(re.sub(r"^(?:mainland|Greater)\s+", "", rest))
    if not match:
        return False
    place = match.group("place").lower().rstrip(".")
    return any(place in places for places in (lexicons.countries(), lexicons.cities(), lexicons.regions()))


_WHERE = re.compile(r"\s+(?:in|at|across)\s+(?=\S)")
_SITES = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|multiple|several)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:cent(?:er|re)s|sites|hospitals|institutions|countries)\b")


def _without_sites(candidate: str | None) -> str | None:
    """"uHCC in Taiwan, Korea and the United States", "uHCC at two medical centers": where a study runs
    ends its population."""
    if not candidate:
        return candidate
    for where in _WHERE.finditer(candidate):
        rest = candidate[where.end():]
        if _names_a_place(rest) or _SITES.match(rest):
            return candidate[: where.start()].rstrip(" ,") or None
    return candidate


def indication_after(tail: str, ctx=None, window: int = 200, populations: bool = True) -> str | None:
    """The indication introduced by 'in', 'for' or 'to treat' near the start of `tail`;
    with `populations`, also by 'patients with' (a trial's population)."""
    tail = re.sub(r"\s*\([^()]*\)", lambda m: " " * len(m.group(0)), tail)
    tail = tail.replace("*", " ")  # emphasis markers left in pasted text: "treatment of*RET*-altered cancers"
    trigger = _POPULATION_TRIGGER if populations else _TRIGGER
    for match in trigger.finditer(tail[:window]):
        if _MEASURE_BEFORE.search(tail, 0, match.start()):
            continue  # "reductions in viral load": what changed, not who was treated
        rest = tail[match.end():].lstrip()
        if trigger.match(rest):  # "for X to treat Y": the next trigger introduces the indication
            continue
        if re.match(r"(?:clinical\s+)?development\b", rest, re.I):  # "in clinical development for the treatment of X"
            continue
        if re.match(r"(?:which|whom|whose|what)\b", rest, re.I):
            continue  # "the LUMEN study, in which X reduced crises": a relative clause, not a population
        if _ANAPHORA.match(rest.lstrip(" ,")):  # "to treat this progressive form of X" points back; the antecedent is the indication
            continue
        if re.match(r"(?:in|for)\s|(?:a|an|the|its|their)?\s*(?:[Pp]hase\b|[\w-]+\s+(?:stud(?:y|ies)|trials?)\b)", rest):
            continue
        # "a Phase 1 trial in (up to) 64 healthy adult volunteers": people without the disease are the population
        healthy = _COUNTED_HEALTHY.match(rest) if populations else None
        if healthy:
            return healthy.group("people")
        whose = _PEOPLE_WHOSE.match(rest) if populations else None
        if whose and names_disease(whose.group("clause")):
            # "in men whose cancer no longer responds to hormone therapy": the relative clause is the population
            return re.sub(r"\s+", " ", whose.group(0)).strip()
        if _SPAN_OF_TIME.match(rest):
            continue  # "enrolling a Phase 3 trial in fourteen months": how long, not who
        if _names_a_place(rest):
            continue  # "a Phase II study in the PRC in patients with X", "in Korea and Taiwan": where, not who
        if re.match(r"(?:combination|addition|\d|the (?:United|U\.S\.|US|EU|European Union|UK|first|second|third|fourth|clinic)|(?:China|Europe|Japan|Australia)\b|"
                    r"children|up to|approximately|roughly|more than|partnership|collaboration|[A-Z][a-z]+ \d{4}|"
                    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)", rest):
            # "children with X", "children aged one to 12 years with X": a population, ages and all
            if not re.match(r"children\s+(?:and\s+adolescents\s+)?(?:aged\s+[\w\s.-]{1,40}?\s+)?with\b", rest):
                continue
        candidate = _without_sites(_cut(rest))
        alone = candidate and (not populations or not re.match(r"\s*(?:,\s*[A-Z][A-Za-z0-9-]*[A-Z]|/|and\b|or\b)",
                                                               rest[len(candidate):]))
        if alone and _defined_disease(candidate, ctx):
            # "for HAE", "a Phase 3 trial in HAE", defined earlier as "hereditary angioedema (HAE)"; as a trial's
            # population only alone ("for DPN, CIPN and IBS" names the drug's indications, not one study's)
            return candidate
        # "patients with advanced ccRCC previously treated with immunotherapy": a population built on a disease the
        # release abbreviated, named before the words that qualify it (alone, as above, for a trial's population)
        if candidate and (names_disease(_DISEASE_AS_MODIFIER.sub(" ", candidate)) or _ends_with_defined_disease(candidate, ctx)
                          or (alone and _holds_defined_disease(candidate, ctx))
                          or (populations and _opens_with_defined_disease(candidate, ctx))
                          # "sqNSCLC patients previously treated with X": the release's abbreviation heads the population
                          or _defined_disease(candidate.split()[0], ctx) and re.match(r"\S+\s+(?:patients|adults|subjects|participants)\b", candidate)) \
                and not _GENERIC_INDICATION.fullmatch(candidate) \
                and not _NOT_A_DISEASE_HEAD.search(candidate):
            inner = re.match(r"(.+?)\s+(?:in|of (?:patients|adults|people|subjects|participants) with|for the treatment of|to treat"
                             + ("" if populations else "|for") + r")\s+(.+)$", candidate)
            if inner and not names_disease(inner.group(1)) and names_disease(inner.group(2)):
                # "IV infusion in aneurysmal hemorrhage", "protein in the urine of patients with IgA
                # nephropathy", "(a designation for) new treatment options for X": the population follows
                return inner.group(2)
            return candidate
    aged = _AGED_PEOPLE.search(tail, 0, window) if populations else None
    if aged:
        return aged.group("people")
    # "(a label expanded) to include adolescents aged 12 to 17 years with X": no trigger word before the people; the
    # population is the people, ages and all, with their disease
    aged = _AGED_WITH.search(tail, 0, window) if populations else None
    candidate = _cut(tail[aged.end():]) if aged else None
    # "in 38 children aged 2 to 11 years with HAE type I or II": the disease may be one the release abbreviated
    if candidate and (names_disease(candidate) or _holds_defined_disease(candidate, ctx)) \
            and not _GENERIC_INDICATION.fullmatch(candidate):
        return re.sub(r"\s+", " ", aged.group("people")) + " " + candidate
    return None


_AGED_WITH = re.compile(r"\b(?P<people>(?:patients|participants|adults|people|subjects|individuals|children|adolescents|infants)"
                        r"\s+aged\s+\d+\s*(?:to|-|through)\s*\d+\s+(?:years|months)(?:\s+of\s+age)?\s+with)\s+", re.I)


# A span of time written in words: "in fourteen months", "in under two years", "in a few weeks"
_SPAN_OF_TIME = re.compile(
    r"(?:(?:less\s+than|under|just|only|about|roughly|nearly|some)\s+)?(?:a|an|a\s+few|several|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"twenty-\w+|thirty|thirty-\w+|forty|fifty|sixty)\s+(?:days?|weeks?|months?|years?|quarters?)\b", re.I)


# People named by a relative clause on their disease, up to the clause's end (a comma, a parenthesis, a study or a
# time): "patients whose myeloma relapsed after lenalidomide", "men whose cancer has spread".
_PEOPLE_WHOSE = re.compile(
    r"(?:(?:up to|approximately|about|more than)\s+)?(?:\d[\d,]*\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:patients|adults|people|men|women|children|adolescents|participants|subjects|individuals)\s+whose\s+"
    r"(?P<clause>(?:(?!\s(?:in|at)\s+(?:(?:a|an|the|its|our|their|this)\s+)?(?:[\w-]+\s+){0,3}?(?:[Pp]hase|stud(?:y|ies)|trials?)\b"
    r"|\s(?:according|with\s+data|next|later|by|during|in\s+(?:early|mid|late|\d{4}|(?:the\s+)?(?:first|second|third|fourth)\s+"
    r"(?:quarter|half)|January|February|March|April|May|June|July|August|September|October|November|December))\b)"
    r"[^,;:.()\"])+)", re.I)


def _ends_with_defined_disease(candidate: str, ctx) -> bool:
    """"patients aged six years and older with PH1", "moderate to severe SLE": a population whose head is a disease
    the release abbreviated."""
    # "the on-demand treatment of HAE attacks": episodes of the disease are still the disease
    last = re.search(r"\s([A-Za-z][A-Za-z0-9-]{1,9})(?:\s+(?:attacks|flares|exacerbations|crises|episodes))?$", candidate)
    return bool(last) and _defined_disease(last.group(1), ctx)


def _opens_with_defined_disease(candidate: str, ctx) -> bool:
    """"patients with TGCT not amenable to surgery": a population whose disease, abbreviated by the release, comes
    first and only its qualifiers after it (not a list of several: "DPN, CIPN and IBS")."""
    first = re.match(r"([A-Za-z][A-Za-z0-9-]{1,9})\s+(?!and\b|or\b)[a-z]", candidate)
    return bool(first) and _defined_disease(first.group(1), ctx)


def _holds_defined_disease(candidate: str, ctx) -> bool:
    """"adults with primary IgAN at risk of rapid disease progression": a population built on a disease the
    release abbreviated, named before the words that qualify it."""
    return ctx is not None and any(_defined_disease(word, ctx) for word in re.findall(r"[A-Za-z][A-Za-z0-9-]{1,9}", candidate)
                                   if any(c.isupper() for c in word[1:]))


def _defined_disease(candidate: str, ctx) -> bool:
    """An abbreviation the release defines as a disease's name."""
    if ctx is None or not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]{1,9}", candidate):
        return False
    long = ctx.abbreviations().get(candidate)
    return bool(long) and names_disease(long)


def last_indication(text: str, ctx=None) -> str | None:
    """The last indication a sentence states (the one a following "this need" is nearest to)."""
    found = None
    for match in _TRIGGER.finditer(text):
        candidate = indication_after(text[match.start():], ctx, window=len(match.group(0)) + 1, populations=False)
        if candidate:
            found = candidate
    return found


@per_text_value  # the text after a trigger word: its population phrase is asked for again by later stages
def _cut(text: str) -> str | None:
    text = _LEAD.sub("", text)
    stop = _STOP.search(text)
    # (", and the disease control rate was 94%": a determiner after "and" opens a new clause, no list item)
    while stop and stop.group(0).startswith(",") and stop.group(0).rstrip().endswith("and") \
            and text[stop.end():stop.end() + 1].islower() and not re.match(r"(?:the|a|an|its|their|this|these)\s", text[stop.end():]):
        stop = _STOP.search(text, stop.end())  # "A, B, and c": a list with its serial comma goes on
    phrase = text[: stop.start()] if stop else text[:160]
    date = _DATE_IN_PHRASE.search(phrase)
    if date:  # a headline run into its dateline: "... Thyroid Cancers September 29, 2019"
        phrase = phrase[: date.start()]
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,-")
    # a list cut before its next clause keeps no dangling conjunction: "A, B and C, and" -> "A, B and C"
    phrase = re.sub(r"(?:[\s,]+(?:and|or|as well as|and/or))+$", "", phrase, flags=re.I)
    phrase = re.sub(r"^(?:(?:for|in|of|with)\s+)+", "", phrase, flags=re.I).strip(" ,-")
    phrase = re.sub(r"\s+(?:for|in|among)\s+(?:patients|adults|people|subjects)$", "", phrase, flags=re.I)
    phrase = re.sub(r"(?<=\w)\s+(?:patients|subjects|participants)$", "", phrase, flags=re.I)
    phrase = re.sub(r"\s+(?:globally|worldwide|nationally|internationally|alone)$", "", phrase, flags=re.I)
    # "... in myeloma phase 3" (a headline), "... ovarian cancer last October": no part of the disease
    phrase = re.sub(r"\s+phase\s+(?:[0-9]|iv|i{1,3})[ab]?(?:/\S+)?(?:\s+(?:trials?|stud(?:y|ies)|data|results?|readout))?$", "",
                    phrase, flags=re.I)
    phrase = re.sub(r"\s+(?:last|this|next|earlier\s+this|later\s+this)\s+(?:year|month|week|quarter|spring|summer|fall|autumn|"
                    r"winter|January|February|March|April|May|June|July|August|September|October|November|December)$", "", phrase)
    phrase = _disease_list_prefix(phrase)
    # a phrase cut where a study's name begins ("lung cancer in the HORIZON-3 trial") keeps no dangling words
    # (and no conjunction left dangling before them: "X and the" cut before "Phase 3 ..." -> "X")
    phrase = re.sub(r"(?:,?\s+(?:in|of|for|with|to|at|on|the|a|an|and|or))+$", "", phrase)  # lower case: "hemophilia A" stays
    words = phrase.split()
    if len(words) > 16:  # a phrase cut at its length keeps no dangling word: "... confined to the bone or"
        phrase = re.sub(r"(?:[\s,]+(?:and|or|to|the|of|in|with|as|such as|including))+$", "",
                        " ".join(words[:16]).rstrip(" ,"), flags=re.I)
    return phrase or None


_DATE_IN_PHRASE = re.compile(
    r"\s(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")
_APPOSITIVE_START = re.compile(r"\s*(?:(?:two|three|four|five|both|all|each|one|a|an|the|which|these|those)\b|\d)", re.I)


# A plural disease noun that ends a list of modifiers is every item's head (an elliptical coordination).
_SHARED_HEAD = re.compile(r"^\s*(?:and|or)\s+[\w' -]*\b(?:cancers|tumou?rs|carcinomas|lymphomas|leuka?emias|sarcomas|neoplasms|malignancies)$", re.I)


# A receptor or gene state written before its disease: "ER+", "HER2-negative", "KRAS G12C-mutated", "PD-L1 high"
_STATUS_MODIFIER = re.compile(r"[A-Z][\w/.-]*(?:\s+[A-Z]\d+[A-Z]?)?(?:[+\u2212-]|[- ](?:positive|negative|low|high|mutated|mutant|"
                              r"amplified|altered|expressing|deficient|proficient|wild-type|null))")


# A stage or course written before its disease and set off by a comma: "unresectable, SSTR-positive ... tumours",
# "locally advanced, HER2-positive breast cancer", "well-differentiated, ..."
_STAGE_ADJECTIVE = re.compile(r"(?:[a-z]+ly\s+|well-|poorly-|moderately-)?[a-z]+(?:able|ible|ated|ed|ic|ive|ant|ent|ory)")


_STATE = (r"(?:[\w/+.]+-)?(?:negative|positive|overexpressing|expressing|mutated|mutant|low|high|amplified|altered|rearranged|"
          r"deficient|proficient|wild-type|naive|naïve|resistant|refractory|sensitive|ineligible|intolerant)|relapsed|recurrent|"
          r"unresectable|inoperable|advanced|locally advanced|metastatic|previously treated|untreated|treatment-naive|high-risk")
_MODIFIER_ONLY = re.compile(rf"\s*(?:{_STATE})(?:\s*(?:,|or|and|/)\s*(?:{_STATE}))*\s*", re.I)


def _disease_list_prefix(phrase: str) -> str:
    """Comma-separated parts stay while each names a disease: "metastatic pancreatic
    adenocarcinoma, collaborative research activities ..." ends at the comma."""
    if "," not in phrase:
        return phrase
    parts = phrase.split(",")
    if _SHARED_HEAD.search(parts[-1]) and all(0 < len(p.split()) <= 4 and not _APPOSITIVE_START.match(p) for p in parts):
        return phrase  # "ovarian, fallopian tube, and primary peritoneal cancers": the items share the last one's noun
    # "FGFR2b-overexpressing, HER2-negative, locally advanced gastric cancer": comma-separated modifiers before the
    # disease noun are one item with it
    head = next((i for i, part in enumerate(parts) if names_disease(part)), None)
    if head and all(_MODIFIER_ONLY.fullmatch(part) for part in parts[:head]):
        parts = [",".join(parts[: head + 1])] + parts[head + 1:]
    kept = [parts[0]]
    for part in parts[1:]:
        if (_STATUS_MODIFIER.fullmatch(kept[-1].strip()) or _STAGE_ADJECTIVE.fullmatch(kept[-1].strip())) \
                and not _APPOSITIVE_START.match(part) \
                and (_STATUS_MODIFIER.fullmatch(part.strip()) or names_disease(part)):
            kept.append(part)  # "ER+, HER2-negative, ESR1-mutated breast cancer": receptor and gene states modify the disease after them
            continue
        if not names_disease(part) or _APPOSITIVE_START.match(part):
            break  # "A and B, two inherited retinal diseases": an appositive about the list, not an item
        kept.append(part)
    return ",".join(kept).strip(" ,")


def tokens(text: str) -> set[str]:
    text = (text or "").lower().replace("'s", "").replace("’s", "")
    for short, full in DISEASE_ABBREVIATIONS.items():
        if short in text:  # the substitution below cannot apply otherwise
            text = re.sub(r"(?<![a-z0-9])" + re.escape(short) + r"(?![a-z0-9])", full, text)
    words = re.findall(r"[a-z0-9]+", text)
    return {w.rstrip("s") if len(w) > 3 else w for w in words} - STOP_TOKENS


def similarity(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


# Words every population shares; two descriptions of one population must share another.
GENERIC_POPULATION = frozenset({
    "relapsed", "refractory", "r", "advanced", "metastatic", "select", "other", "high", "risk", "grade", "stage",
    "line", "prior", "therapy", "cancer", "tumor", "tumour", "disease", "adult", "including", "previously",
    "treated", "progressive", "recurrent", "locally", "early", "late", "first", "second", "third", "solid",
    "malignant", "range", "children", "adolescent", "pediatric", "paediatric", "young",
})


@lru_cache(maxsize=1 << 16)
def population_words(indication: str | None) -> frozenset[str]:
    """A population's specific words: "relapsed or refractory multiple myeloma" -> {multiple, myeloma}."""
    return frozenset(tokens(indication or "")) - GENERIC_POPULATION


def split_list(phrase: str) -> list[str]:
    """'neuroblastoma, rhabdomyosarcoma, Ewing's sarcoma and osteosarcoma' -> four items,
    but 'relapsed or refractory multiple myeloma' stays whole."""
    # "CLN3 disease, also called juvenile Batten disease": a second name for the same disease is no list item
    parts = [p.strip() for p in re.split(r",(?!\s*(?:also\s+|commonly\s+|formerly\s+)?(?:called|known\s+as|referred\s+to\s+as)\b)\s*"
                                         # "patients 12 years of age and older with X": an age bound, no second item
                                         r"(?:and\s+|or\s+)?|\s+and\s+(?!(?:older|over|above|up|younger|under)\b)(?:in\s+|for\s+)?|;\s*",
                                         phrase) if p.strip()]
    if len(parts) <= 1:
        return [phrase]
    if all(names_disease(p) for p in parts):
        return parts
    return _shared_head(parts) or [phrase]


_PLURAL_HEAD = re.compile(r"(?:ies|[^s]s)$")


def _shared_head(parts: list[str]) -> list[str] | None:
    """'Duchenne and Becker muscular dystrophies', 'Hodgkin and non-Hodgkin lymphomas': named modifiers sharing
    the plural disease noun of the last item are one disease each. Lower-case modifiers ('head and neck
    cancers', 'pediatric and adult cancers') name parts or populations of one disease, and stay whole."""
    *firsts, last = parts
    width = len(firsts[0].split())
    words = last.split()
    if len(words) <= width or not _PLURAL_HEAD.search(words[-1]) or any(len(f.split()) != width for f in firsts):
        return None
    if not " ".join(words[width:]).islower():
        return None  # "Head and Neck Cancers": a title-cased heading tells no modifier from a disease word
    modifiers = [*firsts, " ".join(words[:width])]
    if not all(re.match(r"(?:non-)?[A-Z]", m) and not names_disease(m) for m in modifiers):
        return None
    head = " ".join(words[width:])
    head = re.sub(r"ies$", "y", head) if head.endswith("ies") else head[:-1]
    items = [f"{m} {head}" for m in modifiers]
    return items if all(names_disease(i) for i in items) else None
