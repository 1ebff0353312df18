"""Drugs: INNs (by stem), standard-of-care agents, code names with drug
context, brands written as "BRAND (inn)", and aliases ("formerly X",
"previously designated X", "INN x", "long form (ABBR)")."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import lexicons
from ..lexicons.drug_names import Hit, lexicon as drug_lexicon
from ..model import DrugAlias, DrugFact, Evidence, Zone
from ..normalize import ascii_punct
from .code_prefixes import code_owner
from .context import Context, name_key
from .literals import Alternation, word_ends
from .memo import per_text
from .territories import regional
from .prefilter import gate

NAME = "drugs.patterns"

# A dose written after a code ("CODE 3.5 mg", "CODE 10 mg/kg") is no tag of the code's name.
_DOSE_AFTER_TAG = r"(?![.,]\d|\s*(?:mg|mcg|\u00b5g|ug|g|mL|ml|kg|mCi|MBq|GBq|IU|units?|%)(?![A-Za-z]))"
# Patterns here open with their first character and test the one before it after it ("[A-Z](?<![\w-][A-Z])"
# rather than "(?<![\w-])[A-Z]"): the same matches, but the regex engine then skips to the characters a
# match can start with instead of trying every position.
CODE = re.compile(
    r"(?P<code>[A-Z](?<![\w/-][A-Z])(?:[a-z]?-\d{2,3}-[A-Z])?[A-Z]{0,5}(?:[- ]?\d{2,6}|\d{2,6})[A-Za-z]?"
    r"(?:[- ][A-Z0-9]{1,3}(?=[\s,.;)])" + _DOSE_AFTER_TAG + r")?)(?![\w-])"
)
ISOTOPE = re.compile(r"^[A-Z][a-z]?-\d{2,3}$")
# A company code may open with letters that are also a meeting, a currency or a disease ("ABC-0921" where ABC
# is a congress, "XYZ-121" where XYZ is a currency). Those words stand before a year, an amount or a short
# number with a space; joined by a hyphen to three or more digits that are no year, the letters head a code.
_PREFIX_CODE = re.compile(
    r"^(?:ASCO|ASH|ESMO|EHA|AACR|SABCS|WCLC|SNMMI|USD|EUR|GBP|SEK|DKK|CHF|CNY|JPY|RMB|HKD|AUD|CAD|NOK|KRW|INR|NZD|"
    r"SGD|TWD|BRL|MM|AML|ALL|CLL|NHL|DLBCL|NSCLC|SCLC|CRC|HCC|RCC|GBM|TNBC|CTCL|PDAC|MTC|PN|NF|WM|LPL|MDS|EQ)"
    r"-(?!(?:19|20)\d\d(?!\d))\d{3,6}[A-Za-z]?$")
MUTATION = re.compile(r"^[A-Z]\d{2,4}[A-Z]$")
NOT_CODE = re.compile(
    r"^(?:COVID|SARS|NCT|CTR|ISRCTN|EUDRACT|ASCO|ASH|ESMO|EHA|AACR|SABCS|WCLC|SNMMI|IDWeek|Q[1-4]|FY|CY|H[12]|"
    r"CD|IL|PD|HER|EGFR|ALK|ROS|KRAS|BRAF|FGFR|HLA|TNF|VEGF|PSMA|TROP|CLDN|DLL|GPRC|BCMA|FLT|IDH|MET|RET|NTRK|"
    r"HPV|HIV|HBV|HCV|CMV|EBV|SEC|FORM|ECOG|GRADE|CTCAE|RECIST|IRB|ICH|GCP|ISO|USD|EUR|GBP|SEK|DKK|CHF|CNY|JPY|"
    r"RMB|HKD|AUD|CAD|NOK|KRW|INR|NZD|SGD|TWD|BRL|"
    r"MM|AML|ALL|CLL|NHL|DLBCL|NSCLC|SCLC|CRC|HCC|RCC|GBM|TNBC|CTCL|PDAC|MTC|PN|NF|WM|LPL|MDS|HSV|RSV|GLP|GIP|EQ|"
    # "Regulation (EU) No 596/2014", "Study No 301": a number's abbreviation before it
    r"NO(?= )|"
    # endpoints with their figure: "(ORR 36%)", "mPFS 7.9 months"
    r"c?ORR|DCR|CBR|m?PFS|m?OS|m?DOR|TTR|CRR|VGPR)[- ]?\d",
    re.I,
)
CUE = re.compile(
    r"\b(?:drugs?|compounds?|candidates?|therap(?:y|ies|eutic)|products?|assets?|agents?|antibod(?:y|ies)|ADCs?|"
    r"conjugates?|inhibitors?|vaccines?|molecules?|radiotherapeutics?|radiopharmaceuticals?|PDCs?|designations?|"
    r"approvals?|[Pp]hase|trials?|stud(?:y|ies)|dos(?:e|es|ing)|treatments?|treated|programs?|pipeline|preclinical|"
    r"formerly|previously|monotherapy|combination|infusions?|administered|investigational|lead|pediatric|oral|"
    r"intravenous(?:ly)?|tablets?|injection|imaging|diagnostic|radiolabeled|CAR-T|cell therapy|gene therapy|"
    # what a drug is made as: "CODE, an antisense oligonucleotide", "CODE, an siRNA", "a bispecific"
    r"oligonucleotides?|antisense|siRNAs?|RNAi|ASOs?|mRNA|peptides?|bispecifics?|biologics?|degraders?|"
    # what a drug does: "CODE targets the hallmarks ...", "CODE inhibits X"
    r"target(?:s|ing)|inhibit(?:s|ing)|block(?:s|ing)|bind(?:s|ing)|disrupt(?:s|ing)|degrad(?:es|ing|er)|modulat(?:es|ing))\b",
    re.I,
)
# "an antibody that binds misfolded TDP-43": what a drug binds, blocks or targets is its target, not a drug
REJECT_BEFORE = re.compile(r"(?:anti-|payload\s+|stud(?:y|ies)\s+|trials?\s+|\bin\s+|\bof\s+patients\s+|"
                           r"\b(?:binds|binding|blocks|blocking|targets|targeting|inhibits|inhibiting)\s+"
                           r"(?:(?:misfolded|aggregated|extracellular|soluble|toxic|pathological|mutant|the)\s+)?)$", re.I)
# a cell therapy's INN may carry a one-letter process suffix, written capital ("x-stemcel-L")
WORD = re.compile(r"(?P<word>[A-Za-z](?<![\w-][A-Za-z])[a-z]{3,}(?:-[a-z]{4}|(?<=cel)-[A-Z])?)(?![\w-])")
ENGLISH = frozenset(
    """peptide peptides nucleotide nucleotides oligonucleotide polypeptide gene genes transgene oncogene concept
    except accept intercept percept april statement tide stat sone person reason season prison comparison
    substitute institute tribute attribute constitute dispute compute lutamide""".split()
)
# A biological's name with the four-letter suffix US labels add ("x-abcd"): biologics' INN endings only, so that
# "peptide-drug" or "glucagon-like" are no such name.
SUFFIXED_INN = re.compile(r"^(?P<base>[a-z]+(?:mab|cept|kin|ase|fusp|grastim|poetin|ermin|leucel|cel|vec))-(?P<suffix>[a-z]{4}|(?<=cel-)[a-z])$")
# "BRAND (inn)", "BrandName(TM) (synthetic inn)": a product and the substance it is
BRAND = re.compile(r"(?<![\w-])(?P<brand>[A-Z][A-Z0-9]{3,}|[A-Z][a-z]+[A-Z][A-Za-z]{2,}|[A-Z][a-z]{3,})(?:[\u00ae\u2122]|\((?:R|TM)\))?"
                   # "BRAND (inn; CODE-1)": the code that may follow the substance is the same drug's (PAREN_ALIAS)
                   r"\s*\(\s*(?:(?:synthetic|recombinant)\s+)?(?P<inner>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
                   r"(?:\s*[;,]\s*(?P<code>[A-Z][A-Z0-9]{0,5}-?\d{2,6}[A-Za-z]?))?\s*\)")
PAREN_ALIAS = re.compile(
    r"\(\s*(?P<kind>INN\s+|formerly(?:\s+known\s+as)?\s+|previously(?:\s+designated|\s+known\s+as)?\s+|also\s+known\s+as\s+|f/k/a\s+"
    # "inn (research code: CODE)", "inn (development code CODE)": how Asian sponsors give the code beside the INN
    r"|(?:(?:research|development|drug|product|project|internal)\s+)?code(?:\s+name)?\s*:?\s+)?"
    r"(?P<inner>[^()]{2,60}?)\s*\)"
)
APPOSITIVE_ALIAS = re.compile(
    r"^,?\s*(?:(?:also|formerly|previously)\s+(?:known\s+as|designated|called)"
    # "Drug, which also goes by the international nonproprietary name x", "Drug, which has been given the INN x"
    r"|(?:which|that)\s+(?:also\s+)?(?:goes\s+by|has\s+been\s+given|was\s+given|carries|bears)\s+(?:the\s+)?"
    r"(?:(?:international\s+)?(?:nonproprietary|non-proprietary|generic)\s+name|INN|USAN))"
    r"\s+(?P<alias>[\w -]{2,40}?)(?=[,.;)]|\s+(?:for|in|is|was|and)\b)")
# News names a product's substance in an apposition: "Brand, the brand name for inn", "inn, sold as Brand"
BRAND_NAME_FOR = re.compile(
    r"(?<![\w-])(?P<brand>[A-Z][a-z]{3,}[a-z0-9]*)[\u00ae\u2122]?,\s+(?:the\s+)?brand\s+name\s+(?:for|of)\s+(?P<inn>[a-z][a-z-]{4,})(?![\w-])"
    r"|(?<![\w-])(?P<inn2>[a-z][a-z-]{4,}),\s+(?:sold|marketed)\s+(?:under\s+the\s+(?:brand\s+)?name\s+|as\s+)"
    r"(?P<brand2>[A-Z][a-z]{3,}[a-z0-9]*)(?![\w-])")
# What BRAND and LONG_FORM must contain, found fast from the "(" they start
# at: most sentences have neither, and the full patterns try every word.
_BRAND_PAREN = re.compile(r"\(\s*[a-z]")
_ABBR_PAREN = re.compile(r"\(\s*[A-Z][A-Z0-9-]{1,10}\s*\)")
# No match starts after a lower-case letter: one would then start at that letter too, earlier, and
# finditer takes the leftmost. Saying so spares the engine its backtracking at every inner letter.
LONG_FORM = re.compile(r"(?<![a-z])(?P<long>(?:[a-z][a-z-]*\s+){1,5}[a-z][a-z-]*)\s*\(\s*(?P<abbr>[A-Z][A-Z0-9-]{1,10})\s*\)")
# Most sentences hold none of these words: skip their scans (prefilter.py).
CUE, REJECT_BEFORE, BRAND, PAREN_ALIAS, APPOSITIVE_ALIAS, LONG_FORM, NOT_CODE = map(
    gate, (CUE, REJECT_BEFORE, BRAND, PAREN_ALIAS, APPOSITIVE_ALIAS, LONG_FORM, NOT_CODE))


@lru_cache(maxsize=65536)  # the same words recur in every sentence; the lexicons never change
def is_inn(word: str) -> bool:
    lower = word.lower()
    if drug_lexicon().is_ordinary_word(lower):
        return False
    if lower in ENGLISH or len(lower) < 6:
        return lower in lexicons.common_drugs()
    if lower in lexicons.common_drugs():
        return True
    base = SUFFIXED_INN.match(lower)
    if base:
        lower = base.group("base")
        if drug_lexicon().entries.get(lower, ("",))[0] == "g":
            return True
    if lower.endswith(lexicons.drug_stems()):
        return True
    return len(lower) >= 8 and lower.endswith(drug_lexicon().inn_suffixes)


# A lower-case word written where an INN stands names a drug no dictionary or stem knows yet (a new INN, an
# invented name): "BRAND (word)", "CODE (word)", "word (CODE)", "its oral SERD word". Only a word that is no
# English word, disease or known name: "(tablets)", "antibody (CODE)", "the drug candidate" are not.
@lru_cache(maxsize=4096)
def unlisted_inn(word: str) -> bool:
    return (len(word) >= 7 and word.isalpha() and word.islower() and not _english_form(word)
            and not is_inn(word) and not drug_lexicon().canonical(word) and not drug_lexicon().is_ordinary_word(word)
            and word not in lexicons.disease_names() and word not in lexicons.field_words())


_INFLECTIONS = ("s", "r", "d", "er", "ed", "ers", "ing")


def _english_form(word: str) -> bool:
    """An English word, one inflected ("degrader"), or a compound ending in one ("chemoimmunotherapy")."""
    english = lexicons.english_words()
    return (word in english or any(word.endswith(end) and word[:-len(end)] in english for end in _INFLECTIONS)
            or any(word[-k:] in english for k in range(7, len(word))))


# "word (CODE-123)": a new INN and its code, unless an article makes the word a common noun ("a bispecific (ZX-1)")
UNLISTED_BEFORE_CODE = re.compile(
    r"(?<![\w-])(?P<inn>[a-z]{7,})\s*\(\s*(?P<code>[A-Z][A-Z0-9]{0,5}-?\d{2,6}[A-Za-z]?)\s*[),;]")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir|[Tt]his|[Tt]hat)\s+$")
# "its KRAS inhibitor word", "the oral SERD word,": a class noun (or a class acronym) and the drug's name after it
UNLISTED_AFTER_CLASS = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir|[Aa]n?)\s+(?:[\w-]+\s+){0,3}?(?:(?i:candidate|drug|therapy|therapeutic|prodrug|"
    r"modulator|inhibitor|antibody|vaccine|compound|molecule|agonist|antagonist|conjugate|medicine|degrader|"
    r"oligonucleotide|siRNA)s?|[A-Z]{2,6})\s+(?P<inn>[a-z]{7,})(?![\w-])"
    r"(?=\s*[,.;:(]|\s+(?:is|was|has|had|in|for|and|plus|with|to|at|will|demonstrated|showed|received)\b)")


# Its gate passes nearly every sentence (an article opens it): scanned once per distinct text.
@per_text
def _unlisted_after_class(text: str) -> list[str]:
    return [match.group("inn") for match in UNLISTED_AFTER_CLASS.finditer(text) if unlisted_inn(match.group("inn"))]


@lru_cache(maxsize=1)
def _regimens():
    """The regimen lexicon's pattern, gated (prefilter.py): most sentences name no regimen."""
    return gate(lexicons.regimens())


# Code names CODE's digit run misses: a segment mixing letters and digits
# ("ABC-D1", "ABC-1D", "ABC-Xy8", "L-ABC47"), three segments ("AB-CDE-1"), or
# a mixed-case prefix ("ABx-104").
WIDE_CODE = re.compile(r"(?P<code>[A-Z](?<![\w/.\]-][A-Z])[A-Za-z]{0,4}(?:-[A-Za-z0-9]{1,6}){1,2})(?![\w-]|\.\d)")
_MIXED_SEGMENT = re.compile(r"-(?:[A-Za-z]+\d|\d+[A-Za-z])[A-Za-z0-9]*")
# A word of five letters or more and a number is how studies are named ("WORDS-2"), not drugs.
STUDY_SHAPE = re.compile(r"^[A-Z][A-Za-z]{4,}-")


def _protocol_of(code: str, drug_code: str) -> bool:
    """`code` is `drug_code`, a hyphen and 2-4 digits (re.fullmatch(re.escape(d) + r"-\\d{2,4}")
    without compiling a pattern per code)."""
    rest = code[len(drug_code) + 1:]
    return code.startswith(drug_code + "-") and 2 <= len(rest) <= 4 and rest.isdecimal()


_WORD_SEGMENT = re.compile(r"[a-z]{3,}\d*|[A-Z][a-z]{3,}")


@lru_cache(maxsize=65536)  # a release names its codes again and again (5 calls in 6 repeat one)
def _wide_code(code: str) -> bool:
    if not re.search(r"\d", code) or sum(c.isupper() for c in code) < 2 or STUDY_SHAPE.match(code):
        return False
    segments = code.split("-")
    if any(_WORD_SEGMENT.fullmatch(s) for s in segments):
        return False  # a word in it: "Brand-semaglutide", "microRNA-10b", a study's "ABC-Breast-02"
    if NOT_CODE.match(segments[0] + "-1"):
        return False  # a virus, receptor or disease prefix: "ABCD-CoV-2"
    if re.fullmatch(r"[A-Z]{3,}\d", segments[-1]) and all(s.isupper() for s in segments):
        return False  # gene symbols joined ("ABC-DEF1"): a fusion, not a drug
    return bool(_MIXED_SEGMENT.search(code) or (len(segments) == 3 and segments[-1].isdigit())
                or re.match(r"^[A-Z]+[a-z][A-Za-z]*-\d{2,}$", code))


def _code_matches(text: str):
    taken = []
    for match in CODE.finditer(text):
        taken.append((match.start(), match.end()))
        yield match
    if "-" in text:
        for match in WIDE_CODE.finditer(text):
            if _wide_code(match.group("code")) and not any(a < match.end() and match.start() < b for a, b in taken):
                yield match


# compiled once: these run on every code of every sentence
_TWO_DIGITS = re.compile(r"\d{2}")
_CODE_LETTERS = re.compile(r"[A-Z]{2}|[A-Z]-\d")
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{3,}\s$")
_CONJUGATE_BEFORE = re.compile(r"\b(?:PDC|ADC)\s$")
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b)")
# A gene or protein symbol (capitals and a number, no hyphen) named as what a drug mimics, binds or blocks
# (or a member of a gene family, "ABCD-A4"), or as the antigen a cell therapy's receptor recognises ("ABCD-A4 expressing
# tumors", "a ABCD-A4 peptide")
_GENE_SYMBOL = re.compile(r"[A-Z]{2,5}(?:-[A-Z]{1,2})?\d{1,3}[A-Z]?")
_SYMBOL_TARGET_AFTER = re.compile(r"(?:\s+|-)(?:analog(?:ue)?s?|agonists?|antagonists?|inhibitors?|receptors?|pathway|signall?ing|"
                           r"express(?:ion|ing|ed)|mutations?|positive|negative|targeting|directed|mutant|mutated|deficien(?:t|cy)|"
                           r"peptides?|antigens?|epitopes?|"
                           # the receptor a cell therapy carries for it ("a ABCD-A4 TCR T-cell therapy", "a CD19 CAR"), the
                           # vehicle a gene therapy is carried in ("the ABC-LK7 capsid"), or what it is ("... is a cancer-testis antigen")
                           r"TCRs?|CARs?|capsids?|vectors?|serotypes?|(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:antigen|protein|gene|receptor))\b", re.I)


@per_text
def _code_candidates(text: str) -> list[re.Match]:
    out = []
    for match in _code_matches(text):
        code = match.group("code")
        if ISOTOPE.match(code) or MUTATION.match(code) or NOT_CODE.match(code) and not _PREFIX_CODE.match(code):
            continue
        if match.re is CODE and (not _TWO_DIGITS.search(code) or not _CODE_LETTERS.search(code)):
            continue
        if _PERCENT_AFTER.match(text, match.end()):
            continue  # "(XYZ 36%)": a figure and its measure, not a code name
        if _GENE_SYMBOL.fullmatch(code) and _SYMBOL_TARGET_AFTER.match(text, match.end()):
            continue  # "an oral FGF21 analogue", "a GPR40 agonist": the molecule a drug mimics or acts on
        before = text[max(0, match.start() - 20):match.start()]
        if REJECT_BEFORE.search(before) or _CAPITALS_BEFORE.search(before) and not _CONJUGATE_BEFORE.search(before):
            continue
        out.append(match)
    return out


@per_text
def _lexicon_hits(text: str) -> list[Hit]:
    return drug_lexicon().find(text)


# A fixed-dose combination is written as INNs joined by "/" ("a/b"); a brand or
# regimen beside a slash ("REGIMEN/Brand", "Brand/prednisone") lists drugs given together.
COMBINATION = re.compile(r"(?<![\w/-])(?P<a>[a-z][a-z-]{4,})\s?/\s?(?P<b>[a-z][a-z-]{4,})(?:\s?/\s?(?P<c>[a-z][a-z-]{4,}))?(?![\w/-])")
TRADEMARK = re.compile(r"[®™]|\((?:R|TM)\)")


# A generic name that is also a word of biology ("insulin", "glucose") is the
# drug only as the object of a treatment phrase ("with insulin", "insulin
# therapy"), not as the head of another noun ("insulin resistance").
COMMON_BEFORE = re.compile(r"\b(?:with|plus|versus|vs\.?|receiving|received|taking|of|or|and)\s+$", re.I)
# A synonym the dictionary lists in lower case ("nitrogen mustard") names a drug where treatments are named around it:
# "steroids, UV therapy, chemotherapy or nitrogen mustard".
TREATMENT_NEAR = re.compile(r"\b(?:treat(?:s|ed|ing|ments?)?|therap(?:y|ies)|chemo(?:therapy)?|(?:cortico)?steroids?|"
                            r"radiation|radiotherapy|drugs?|medicines?|medications?|regimens?)\b", re.I)
COMMON_AFTER = re.compile(r"\s*(?:$|[,.;:)]|(?:and|or|plus|in|for|at|to|therapy|treatment|injections?|tablets?|doses?|monotherapy|infusions?)\b)", re.I)


# A product name the dictionary cannot know (a new brand in capitals, a
# name with an inner capital, a trademark) introduced as a drug by an
# appositive: "NAME(TM), an oral ... modulator", "the company's candidate,
# NAME,", "NAME, the company's novel ... treatment".
_PRODUCT = (r"(?P<name>[A-Z][a-z]{2,5}[ -]\d{3,6}(?![\w-])|[A-Z][A-Z0-9]{3,}|[A-Z]{2,}[A-Z0-9]*-[A-Z]{3,}[A-Z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]{3,}(?=[\u00ae\u2122])"
            # a capitalised word is a product when the appositive says whose it is: "Name, its investigational therapy"
            r"|[A-Z][a-z]{3,}(?=\s*,\s+(?:its|our|the [Cc]ompany's)\s))(?P<mark>[\u00ae\u2122]|\((?:R|TM)\))?")
_DRUG_NOUN = (r"(?:candidate|drug|therapy|therapeutic|treatment|prodrug|modulator|inhibitor|antibody|vaccine|formulation|"
              r"compound|molecule|agonist|antagonist|conjugate|medicine|product|radiotherapeutic|radiopharmaceutical|"
              r"antiviral|antibiotic|antifungal|biologic|biosimilar|analgesic|anticoagulant|antidepressant|antipsychotic)s?\b")
# words of a description of the product itself, not of a disease it treats
_DESCRIPTION_WORD = (r"(?!(?:disease|cancer|tumou?r|condition|disorder|syndrome|infection|which|that|for|with|without|no|in|of|"
                     r"and|or)\b)[\w'-]+")
PRODUCT_BEFORE_NOUN = re.compile(
    r"(?<![\w-])" + _PRODUCT + r"\s*,\s+(?:an?|the|our|its)\s+(?:" + _DESCRIPTION_WORD + r"\s+){0,6}?" + _DRUG_NOUN)
PRODUCT_AFTER_NOUN = re.compile(
    r"\b" + _DRUG_NOUN + r",?\s+(?:\([ivx]+\)\s+)?" + _PRODUCT + r"(?=\s*[,;]|\s+(?:is|has|was)\b)")


# A product launched or approved by name: "the approval and commercial launch of Brand",
# "approval of BRAND(R)". A capitalised word there is the product's brand, unless it
# opens another phrase ("approval of Phase 3 ...", "launch of New ...").
_BRAND_NAME = r"(?P<name>[A-Z][A-Z0-9]{3,}|[A-Z][a-z]{3,}[a-z0-9]*)(?P<mark>[\u00ae\u2122]|\((?:R|TM)\))?(?=[\s,.;:)]|$)"
LAUNCHED = re.compile(
    # "Sales of Brand grew", "Approval of Brand": the sentence may open with the word
    r"\b(?i:approvals?|launch(?:es|ed)?|commerciali[sz]ation|(?:net\s+)?(?:product\s+)?(?:sales|revenues?)|prescriptions)\s+"
    r"(?:of|from)\s+(?:the\s+)?" + _BRAND_NAME +
    # "subject to approval of the Toronto Stock Exchange": the first word of a body that approves, not a brand
    r"(?!\s+(?:[A-Z][\w&-]*\s+){0,3}(?:Exchange|Board|Committee|Agency|Commission|Ministry|Authority|Administration)\b)" +
    # "Brand is indicated for", "Brand was approved in", "Brand, a marketed JAK inhibitor from": what only a product is
    r"|(?:^|(?<=[.;:]\s)|(?<=\band\s)|(?<=\bwith\s)|(?<=\bof\s)|(?<=\bon\s)|(?<=\bto\s)|(?<=\bor\s)|(?<=\bversus\s))" + _BRAND_NAME.replace("?P<name>", "?P<subject>").replace("?P<mark>", "?P<mark2>")
    # "..., and Brand, which is approved in the United States for ...": the same, in a relative clause
    + r"(?=(?:\s*,\s+which)?\s+(?:is|was|are|were|has\s+been|had\s+been)\s+(?:(?:currently|also|now|first|already)\s+)?(?:indicated|approved|marketed|prescribed)\b"
    r"|\s*,\s+an?\s+(?:(?:approved|marketed|commercial|FDA-approved)\s+)(?:[\w-]+\s+){0,3}?" + _DRUG_NOUN
    + r"(?!\s+(?:makers?|compan(?:y|ies)|developers?|firms?|manufacturers?|distributors?)\b))"
    # "Acme markets Brand in the United States for ...": what a company sells where, or for what, is a product
    r"|(?<=\bmarkets\s)" + _BRAND_NAME.replace("?P<name>", "?P<sold>").replace("?P<mark>", "?P<mark3>")
    + r"(?=\s+(?:in|for)\s+(?:the\s+)?(?:United|U\.S|US\b|Europe|EU\b|Japan|China|Canada|treatment|prevention|management))")
_NOT_A_BRAND = frozenset("""phase fast orphan breakthrough priority accelerated conditional marketing new drug drugs biologics
    prescription full expanded emergency regulatory clinical commercial supplemental additional investigational
    european chinese japanese canadian american british health food medicines this these that their its our
    january february march april may june july august september october november december first second
    both each such another""".split())
LAUNCHED = gate(LAUNCHED)
# A case-insensitive alternation tries every position of the text, each character folded:
# gated (prefilter.py), the sentences without one of its words cost a few substring tests.
_LAUNCH_WORDS = gate(re.compile(r"(?i)(?:approvals?|launch(?:es|ed)?|commerciali[sz]ation|sales|revenues?|prescriptions) (?:of|from) |"
                                r" (?:indicated|approved|marketed|prescribed)\b|\bmarkets "))


def _launched_names(text: str) -> list[tuple[int, int, str, bool]]:
    out = []
    for match in LAUNCHED.finditer(text):
        group = next(g for g in ("name", "subject", "sold") if match.group(g))
        name = match.group(group)
        if name.lower() in _NOT_A_BRAND or NOT_CODE.match(name + "-1"):
            continue
        if any(pattern.fullmatch(name) for pattern, _ in lexicons.agencies()):
            continue  # "received approval from the NMPA": the regulator that approves, not a product
        if is_inn(name) or drug_lexicon().canonical(name):
            continue  # the dictionary and the stems find these already
        out.append((match.start(group), match.end(group), name, True))
    return out


# "Abecma and Newbrand", "Newbrand, Keytruda or Opdivo": a name listed with a known brand is a brand.
# one word, not the first word of a longer name ("Brandone and Kestrel Holm Acme's Brandtwo")
_LISTED_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<name>[A-Z][a-z]{3,}[a-z0-9]*|[A-Z][A-Z0-9]{3,})"
                           r"(?![\w'’-]|\s+[A-Z])")
_LISTED_BEFORE = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]{3,}[a-z0-9]*|[A-Z][A-Z0-9]{3,})(?:\s*,\s*|\s+(?:and|or)\s+)$")


def _coordinated_brands(text: str, hits, company_words: frozenset[str]) -> list[tuple[int, int, str]]:
    out = []
    for hit in hits:
        if not hit.is_brand:
            continue
        for match in (_LISTED_AFTER.match(text, hit.end), _LISTED_BEFORE.search(text, max(0, hit.start - 40), hit.start)):
            if not match:
                continue
            name = match.group("name")
            lower = name.lower()
            if re.search(r"[A-Z][\w'’-]*\s+$", text[max(0, match.start("name") - 30):match.start("name")]):
                continue  # the last word of a longer name ("Acme Newname and Brand")
            if (lower in _NOT_A_BRAND or is_inn(name) or drug_lexicon().canonical(name)
                    or lower in lexicons.countries() or lower in lexicons.cities() or lower in lexicons.states()
                    or NOT_CODE.match(name + "-1")):
                continue
            out.append((match.start("name"), match.end("name"), name))
    return out


# "its lead product candidate, Zelvora, is ...", "the company's drug candidate, ABC, ...": a name set off by
# commas right after "candidate" is that candidate, whatever its shape (a plain word, three capitals).
CANDIDATE_APPOSITIVE = gate(re.compile(
    r"\b(?:candidate|asset|compound|investigational (?:drug|therapy|medicine))\s*,\s+(?P<name>[A-Z][a-z]{3,}[a-z0-9]*|[A-Z]{3,}[A-Z0-9]*(?:-\d{1,6})?)"
    r"(?:[\u00ae\u2122]|\((?:R|TM)\))?\s*,"
    # "Kestrel's approved drug Velquora": a possessed drug noun, then its name
    r"|['’]s\s+(?:[a-z-]+\s+){0,3}(?:drug|medicine|therapy|treatment|product|antiviral|antibiotic|vaccine|inhibitor|antibody|injection|pill)\s+"
    r"(?P<owned>[A-Z][a-z]{3,}[a-z0-9]*)(?![\w'’-])(?!\s+[A-Z])"))


# A cell product given with the sponsor's drug: "in combination with huABC-xyz cells", "plus ABC-19x cells".
# The cells' name mixes cases or carries a digit ("huABC-meso", "ABC-19x"); a generic cell type ("CAR-T cells",
# "NK cells", "CD8 T cells") is written in capitals alone and names no product.
CELL_PRODUCT = gate(re.compile(
    r"\b(?:in\s+combination\s+with|combined\s+with|together\s+with|administered\s+with|given\s+with|plus)\s+(?:the\s+)?"
    r"(?P<name>(?=[\w-]*[A-Z]{2})(?=[\w-]*(?:[a-z]|\d))(?![A-Z]{1,4}\d*(?:\+|\s))[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+\s+cells)\b"))


# "In March 2025, the new drug application ...": a word and a number shaped like "Abc 123" that is a date
_MONTH_AND_YEAR = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[ -](?:19|20)\d\d")


# "switched from injectable prophylaxis such as Brandone or Brandtwo": capitalised examples of a kind of treatment
_BRAND_WORD = r"[A-Z][a-z]{3,}[a-z0-9]*(?:[\u00ae\u2122]|\((?:R|TM)\))?(?![\w'’-]|\s+[A-Z])"
TREATMENTS_SUCH_AS = re.compile(
    r"\b(?:prophylaxis|therap(?:y|ies)|treatments?|medicines|medications|drugs|products|injectables|agents|inhibitors|"
    r"antibodies)\s*,?\s+such\s+as\s+(?P<list>" + _BRAND_WORD + r"(?:\s*,\s*" + _BRAND_WORD + r")*(?:\s*,?\s+(?:or|and)\s+"
    + _BRAND_WORD + r")?)")


def _brands_such_as(text: str) -> list[tuple[int, int, str]]:
    out = []
    for match in TREATMENTS_SUCH_AS.finditer(text):
        for word in re.finditer(r"[A-Z][a-z]{3,}[a-z0-9]*", match.group("list")):
            name, lower = word.group(0), word.group(0).lower()
            if (lower in _NOT_A_BRAND or is_inn(name) or drug_lexicon().canonical(name)
                    or lower in lexicons.countries() or lower in lexicons.cities() or NOT_CODE.match(name + "-1")):
                continue
            start = match.start("list") + word.start()
            out.append((start, start + len(name), name))
    return out


def _product_names(text: str, company_words: frozenset[str]) -> list[tuple[int, int, str]]:
    return [(start, end, name) for start, end, name, unless_a_company in _product_candidates(text)
            if not (unless_a_company and name.lower() in company_words)]


# A release's own company words aside, what a sentence names as a product depends on its text alone, and
# sentences recur across releases ("About" paragraphs, standard descriptions): scanned once per text.
@per_text
def _product_candidates(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, name, whether a company's word of that name is no product) in text order."""
    out = _launched_names(text) if _LAUNCH_WORDS.search(text) else []
    if "such as" in text:
        out.extend((start, end, name, True) for start, end, name in _brands_such_as(text))
    for match in CELL_PRODUCT.finditer(text) if " cells" in text else ():
        out.append((match.start("name"), match.end("name"), match.group("name"), False))
    for match in CANDIDATE_APPOSITIVE.finditer(text) if ("," in text or "'" in text or "’" in text) else ():
        group = "name" if match.group("name") else "owned"
        name = match.group(group)
        if (name.lower() not in _NOT_A_BRAND and not NOT_CODE.match(name + "-1")
                and not any(pattern.fullmatch(name) for pattern, _ in lexicons.agencies())):
            out.append((match.start(group), match.end(group), name, True))
    for pattern in (PRODUCT_BEFORE_NOUN, PRODUCT_AFTER_NOUN) if "," in text else ():
        for match in pattern.finditer(text):
            name = match.group("name")
            if not _MONTH_AND_YEAR.fullmatch(name):
                out.append((match.start("name"), match.end("name"), name, True))
    return sorted(out)


# A brand no dictionary knows yet, written with an inner capital or a trademark ("ZenVura", "Zentavir(TM)"):
# a product when the release names it again and again beside what only a medicine has (a treatment,
# an indication, a dose), and never as a platform, study or device ("the Name program" is a drug's programme).
PRODUCT_SHAPE = re.compile(r"(?P<name>[A-Z](?<![\w@.-][A-Z])(?:[a-z]+[A-Z][a-z]{2,}|[a-z]{3,}(?=[\u00ae\u2122]|TM\b|\((?:R|TM)\))))"
                           r"(?:[\u00ae\u2122]|TM\b|\((?:R|TM)\))?(?![\w-])")
_NOT_A_PRODUCT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:platforms?|technolog(?:y|ies)|systems?|devices?|stud(?:y|ies)|trials?|"
    r"conjugates?|assays?|tests?|apps?|network|foundation|conference|symposium|awards?|portal|services?|center|centre|"
    r"Inc|Ltd|Corp|LLC|AG|plc)\b")
_MEDICINE_NEAR = re.compile(r"\b(?:treat(?:s|ed|ing|ment)?|therap(?:y|ies)|indications?|dos(?:e|es|ed|ing)|ointment|gel|tablets?|"
                            r"capsules?|injections?|efficacy|safety profile|drug|medicines?|candidate)\b", re.I)


def _recurring_products(texts, company_words: frozenset[str], company_forms: dict) -> list[tuple[str, object]]:
    from .companies import company_key

    seen: dict[str, list] = {}
    for text, sentence in texts:
        if not PRODUCT_SHAPE.search(text):
            continue
        for match in PRODUCT_SHAPE.finditer(text):
            seen.setdefault(match.group("name"), []).append((text, match, sentence))
    out = []
    for name, mentions in seen.items():
        if len(mentions) < 3 or name.lower() in company_words or company_key(name) in company_forms:
            continue
        if is_inn(name) or drug_lexicon().canonical(name) or name.lower() in _NOT_A_BRAND:
            continue  # the dictionary finds these
        if any(_NOT_A_PRODUCT_AFTER.match(text, match.end()) for text, match, _ in mentions):
            continue
        if sum(1 for text, match, _ in mentions
               if _MEDICINE_NEAR.search(text, max(0, match.start() - 60), match.end() + 60)) < 2:
            continue
        out.append((name, mentions[0][2]))
    return out


# A platform's name joined to an INN names the sponsor's own product
# ("PLATFORMNAME-inn"): a prefix with two capitals, so "Anti-x" is not one.
# A code with a one-digit number ("ZX-5") is written like a gene or target ("IL-6"),
# a study ("ABC-3") or a cohort, so it is a drug only where its own clause says
# medicine: "investigational ZX-5", "dosed with ZX-5", "a Phase 2 trial of ZX-5",
# "ZX-5, an oral ... inhibitor", "ZX-5 3 mg", "ZX-5 received ... designation".
SHORT_CODE = re.compile(r"(?P<code>[A-Z](?<![\w/.-][A-Z])[A-Z]{1,3}-\d)(?![\w/-]|[.,]\d)")
# target and pathway families written the same way ("BCL-2", "CTLA-4", "COX-2")
_TARGET_PREFIX = re.compile(
    r"^(?:ACE|ANG|APO|BCL|BMP|CCR|CDK|COX|CTLA|CXCR|DPP|FGF|GLP|GIP|HIF|HLA|HSP|IGF|JAK|LAG|MMP|NRF|PARP|SGLT|"
    r"SMAD|STAT|TGF|TIM|TLR|TNF|VEGF|WNT)-")
_SHORT_CUE_BEFORE = re.compile(
    r"(?:\binvestigational|\bcandidates?|\bdrugs?|\bcompounds?|\b(?:dosed|treated)\s+with|\btreatment\s+with|"
    r"\badministration\s+of|\bdoses?\s+of|\breceived|\breceiving|"
    # "300 ug/kg of ZX-5", "10 mg of ZX-5": an amount given of it
    r"\d\s*(?:mg|mcg|ug|\u00b5g)(?:/(?:kg|m2))?\s+of|"
    # "granted Orphan Drug Designation to ZX-5", "presented data for ZX-5 in ...": what a grant or a readout is about
    r"\b(?i:designation)\s+(?:to|for)|\bdata\s+(?:for|on)|"
    r"\b[Pp]hase\s+[0-9IV]+[ab]?(?:/[0-9IV]+[ab]?)?\s+(?:clinical\s+)?(?:trial|study)\s+(?:of|evaluating|investigating|testing)|"
    # "its own WEE1 inhibitor, ZX-7": a company's medicine noun, the code in apposition
    r"\b(?:its|their|our)\s+(?:own\s+)?(?:[\w-]+\s+){0,3}?" + _DRUG_NOUN + r",?)\s+$")
_SHORT_CUE_AFTER = re.compile(
    r"(?:\s*,\s+|\s+(?:is|was)\s+)(?:an?|the|our|its)\s+(?:" + _DESCRIPTION_WORD + r"\s+){0,5}?(?:" + _DRUG_NOUN +
    r"|(?:oncolytic\s+)?(?:adeno|herpes\s+|vaccinia\s+)?virus\b|virotherapy\b|gene\s+therapy\b|cell\s+therapy\b"
    # what a drug is made as: "ZX-5, a trispecific T-cell engager", "ZX-5, an oral degrader"
    r"|engagers?\b|(?:bi|tri)specifics?\b|degraders?\b|oligonucleotides?\b)" +
    r"|\s+(?:at\s+)?\d+(?:\.\d+)?\s*(?:mg|mcg|ug|mL)\b"
    r"|\s+(?:has\s+|had\s+)?(?:received|was\s+granted|has\s+been\s+granted)\b[^.;]{0,60}\bdesignation"
    r"|\s+(?:was|were)\s+(?:well\s+tolerated|dosed|administered)\b|\s+(?:monotherapy|tablets?|capsules?|injection|infusions?)\b", re.I)
# what follows a target's name, not a drug's: "IL-6 inhibitors", "BCL-2-positive"
_TARGET_AFTER = re.compile(r"\s+(?:inhibit|antagon|agonis|receptor|pathway|express|positive|negative|mutat|signal|"
                           r"target|blockade|antibod|levels?\b)", re.I)


def _short_codes(text: str) -> list[tuple[str, bool]]:
    """(code, whether this mention's own clause says it is a medicine)."""
    out = []
    for match in SHORT_CODE.finditer(text):
        code = match.group("code")
        if NOT_CODE.match(code) or _TARGET_PREFIX.match(code):
            continue
        start, end = match.span()
        if REJECT_BEFORE.search(text[max(0, start - 20):start]):
            continue
        cued = not _TARGET_AFTER.match(text, end) and bool(
            _SHORT_CUE_BEFORE.search(text[max(0, start - 60):start]) or _SHORT_CUE_AFTER.match(text, end)
            or _INN_IN_PARENS_AFTER(text, end))
        out.append((code, cued))
    return out


PLATFORM_INN = re.compile(r"(?P<prefix>[A-Zn](?<![\w-][A-Zn])(?:(?<=[A-Z])[A-Za-z]*[A-Z][A-Za-z]*|(?<=n)ab))-(?P<inn>[a-z]{5,})(?![\w-])")
# A formulation written before an INN makes another product ("liposomal x").
FORMULATION = re.compile(r"(?:\b(?:nano)?liposomal|\bpegylated(?:\s+liposomal)?|\b(?:albumin|protein)-bound|\bnab-)\s?$", re.I)


# Most sentences hold none of these patterns' literals ("/", "-", a drug noun): skip their scans.
COMBINATION, PLATFORM_INN, PRODUCT_BEFORE_NOUN, PRODUCT_AFTER_NOUN, UNLISTED_BEFORE_CODE, UNLISTED_AFTER_CLASS = map(
    gate, (COMBINATION, PLATFORM_INN, PRODUCT_BEFORE_NOUN, PRODUCT_AFTER_NOUN, UNLISTED_BEFORE_CODE, UNLISTED_AFTER_CLASS))


# "<antibiotic>-resistant Enterococci", "<antibiotic>-resistant Staphylococcus aureus": a drug named
# in an organism's name says what the germ resists, not a drug the release is about.
RESISTANT_GERM = re.compile(
    r"-resistan(?:t|ce)\s+(?:[A-Z][a-z]+\s+)?(?:[A-Za-z]*(?:cocc(?:us|i|al)|bacter[a-z]*|bacill[a-z]*|monas|ella|mycetes|"
    r"Candida|Aspergillus|aureus)|bacteri(?:a|al|um)|germs?|microbes?|organisms?|pathogens?|strains?|superbugs?)\b")


def _names_a_germ(text: str, end: int) -> bool:
    return text.startswith("-resistan", end) and RESISTANT_GERM.match(text, end) is not None


# "bradykinin B2 receptor", "histamine H1 receptor", "angiotensin II receptor": a receptor subtype may come between
_RECEPTOR_OR_CLASS_AFTER = re.compile(r"(?:(?:\s+|-)(?:[A-Z]{1,3}\d{1,2}[A-Za-z]?|I{1,3}|IV))?(?:\s+|-)(?:receptors?|analog(?:ue)?s?)\b", re.I)


def _dictionary_drugs(text: str, sentence, company_words: frozenset[str]) -> list[Hit]:
    """Dictionary hits that read as drugs here: not a word of a company's name
    ("Lilly"), and a generic that is also a common word ("insulin") only with
    a drug cue nearby."""
    out = []
    for hit in _lexicon_hits(text):
        if hit.surface.lower() in company_words or _names_a_germ(text, hit.end):
            continue
        if _RECEPTOR_OR_CLASS_AFTER.match(text, hit.end):
            continue  # "somatostatin receptor-positive", "a somatostatin analogue": the target or a class, not the drug given
        if hit.flag != "b" and (_MEASURED_IN.search(text, max(0, hit.start - 24), hit.start) or _MEASURED_AFTER.match(text, hit.end)):
            continue  # "plasma methylmalonic acid fell by 58%", "serum bilirubin": a substance measured, not one given
        if hit.flag != "b" and " " in hit.surface.strip() and _MEASURED_AS.match(text, hit.end):
            continue  # "an alkaline phosphatase response": a two-word substance measured (an INN alone is the drug given)
        if hit.flag in "cy" and not (COMMON_BEFORE.search(text[max(0, hit.start - 30):hit.start])
                                     and COMMON_AFTER.match(text[hit.end:])):
            continue
        if hit.flag == "y" and not TREATMENT_NEAR.search(text, max(0, hit.start - 100), hit.end + 60):
            continue  # "nitrogen mustard" among treatments, not "white mustard" among foods
        formulation = FORMULATION.search(text[max(0, hit.start - 30):hit.start])
        if formulation and hit.flag != "b":
            start = hit.start - (len(text[max(0, hit.start - 30):hit.start]) - formulation.start())
            surface = text[start:hit.end]
            hit = Hit(start, hit.end, surface, surface.lower(), hit.flag)
        out.append(hit)
    return out


# A radioligand written with its isotope first: "177Lu-PSMA-617", "[177Lu]Lu-ABC-TATE", "225Ac-ABC-123": the
# mass number and element symbol make it a drug whatever the target code after it.
RADIOLIGAND = re.compile(r"[\[\d](?<![\w\]-][\[\d])(?:(?<=\[)\d{2,3}m?[A-Z][a-z]?\][A-Z][a-z]?-|(?<=\d)\d{1,2}m?[A-Z][a-z]?-)"
                         r"(?=[A-Za-z-]*[A-Z]{2})[A-Z][A-Za-z]*(?:-[A-Za-z0-9]+)*(?![\w-])")


# A radiolabelled drug's INN as USAN writes it, element, symbol and mass number before the name: "lutetium Lu 177
# dotatate", "radium Ra 223 dichloride", "iodine I-131 iobenguane"; the whole is the drug's name. Gated: a
# case-blind alternation after \b is tried at every character (0.3 ms per release), the element names'
# substrings in the lower-cased text are not.
_RADIO_ELEMENT = gate(re.compile(r"\b(?:lutetium|gallium|iodine|actinium|yttrium|radium|technetium|copper|indium|lead|thorium|astatine|"
                                 r"samarium|strontium|zirconium|fluorine|terbium|rhenium|holmium)\b", re.I))
RADIOLABELLED_INN = re.compile(_RADIO_ELEMENT.pattern + r"\s+[A-Z][a-z]?[\s-]?\d{2,3}m?\s+(?P<inn>[a-z][a-z]+)(?![\w-])", re.I)


# a given name or a title right before: not a heading's or headline's capitalised function word ("About X", "Data with X")
_GIVEN_NAME_BEFORE = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof)\.?|\b(?!(?:About|With|Without|For|Of|In|On|At|By|From|To|Into|And|Or|"
                                r"Plus|Versus|Via|Using|After|Before|Over|Under|The|An?|Its|Our|Their|New|Phase)\s)[A-Z][a-z]+)\s$")


# the body fluid a substance is measured in, written right before its name
# or the change it shows: "the drug lowered alkaline phosphatase", "alkaline phosphatase reductions", "ferritin levels"
_MEASURED_IN = re.compile(r"\b(?:plasma|serum|blood|urinary|urine|CSF|cerebrospinal\s+fluid|"
                          r"(?:lowered|lowers|lowering|reduced|reduces|reducing|normali[sz]ed|normali[sz]es)(?:\s+(?:the|mean|median))?)\s+$", re.I)
# "an enzyme marker, alkaline phosphatase, fell by 31 percent": a substance whose amount moves by a figure
_MEASURED_AFTER = re.compile(r"\s+(?:levels?|concentrations?|reductions?|elevations?|normali[sz]ation)\b"
                             r"|,?\s+(?:fell|rose|dropped|declined|decreased|increased)\s+(?:by\s+)?(?:about\s+|nearly\s+|over\s+)?\d", re.I)
# "an alkaline phosphatase response at week 52": a two-word substance's response is a laboratory outcome
_MEASURED_AS = re.compile(r"\s+responses?(?!\s+to\b)", re.I)


def _stem_only(word: str) -> bool:
    """Whether a word reads as an INN by its ending alone: no dictionary or common-drug list names it."""
    lower = word.lower()
    return not (lower in lexicons.common_drugs() or drug_lexicon().canonical(word) or lower in drug_lexicon().entries)


# what follows a surname in a bank's, a fund's or an adviser's name
_FIRM_AFTER = re.compile(r"\s+(?:&\s+Co\b|(?:Partners|Capital|Securities|Advisors|Advisers|Associates|Ventures|Holdings|"
                         r"Investments?|Management|Asset|Group|LLP|Bank)\b)")


_SECOND_WORD = re.compile(r" (?P<word>[a-z]{7,})(?=\s*[),;])")
# The INN scheme's second word for glycoproteins and pegylated forms: "epoetin alfa", "interferon beta-1a",
# "x pegol" are one name
_INN_GREEK = re.compile(r" (?:alfa|beta|gamma|delta|epsilon|zeta|theta|kappa|lambda|pegol)(?:-\d?[a-z]?\d?)?(?![\w-])", re.I)


_CSF_OR_5FU = re.compile(r"(?<![\w-])(?:[A-Z]{1,3}-CSF|5-FU)(?![\w-])")


@per_text
def _inn_spans(text: str) -> list[tuple[int, int, str]]:
    """INN words, joining two-word INNs ("sacituzumab govitecan"-style antibody-payload pairs) and isotope tags ("x I-131")."""
    spans: list[tuple[int, int, str]] = []
    # One INN word in ~500: the words are tested in one pass (is_inn is remembered per word) and only a
    # sentence that holds one is walked
    for match in WORD.finditer(text) if any(map(is_inn, WORD.findall(text))) else ():
        word = match.group("word")
        if not is_inn(word):
            continue
        if word[:1].isupper() and _GIVEN_NAME_BEFORE.search(text, 0, match.start()) and _stem_only(word) \
                and not (spans and spans[-1][1] + 1 == match.start()):  # "Xcabtagene Autoleucel": the INN's second word
            continue  # "Margit Halvorsen", "Ms. Halvorsen": a surname that happens to end like an INN stem ("-rsen")
        if word[:1].isupper() and _FIRM_AFTER.match(text, match.end()) and _stem_only(word):
            continue  # "Iversen Partners analyst ...": the surname heads a firm's name
        start, end = match.start(), match.end()
        if spans and spans[-1][1] + 1 == start and text[spans[-1][1]] == " " and (
                word.islower() or word.istitle() and text[spans[-1][0]].isupper()):  # a headline's "Xcabtagene Autoleucel"
            start = spans[-1][0]
            spans.pop()
        second = _SECOND_WORD.match(text, end) if word.islower() and text[:start].rstrip().endswith("(") else None
        if second and unlisted_inn(second.group("word")):
            end = second.end()  # "CODE (x y)": a second word no list knows (a carrier, a payload) is part of the INN
        greek = _INN_GREEK.match(text, end)
        if greek and greek.group(0)[1:2].islower() == word[:1].islower():
            end = greek.end()
        spans.append((start, end, text[start:end]))
    for extra in _CSF_OR_5FU.finditer(text) if "-CSF" in text or "5-FU" in text else ():
        spans.append((extra.start(), extra.end(), extra.group(0)))
    for extra in RADIOLIGAND.finditer(text) if ("[" in text or "-" in text) else ():
        spans.append((extra.start(), extra.end(), extra.group(0)))
    for extra in RADIOLABELLED_INN.finditer(text) if _RADIO_ELEMENT.search(text) else ():
        name = extra.group("inn")
        if is_inn(name) or drug_lexicon().canonical(name):
            spans = [sp for sp in spans if not (extra.start() <= sp[0] and sp[1] <= extra.end())]
            spans.append((extra.start(), extra.end(), extra.group(0)))
    result = []
    for start, end, name in spans:
        isotope = re.match(r"\s+(?P<iso>[A-Z][a-z]?-\d{2,3})(?![\w-])", text[end:])
        if isotope:
            end += isotope.end()
            name = text[start:end]
        result.append((start, end, name))
    return result


def extract_drugs(ctx: Context) -> None:
    forms: Counter[str] = Counter()
    first_seen: dict[str, tuple[int, object]] = {}
    links: list[tuple[str, str, str]] = []  # (form, alias form, relation)
    code_cues: Counter[str] = Counter()
    code_seen: dict[str, int] = {}
    short_cues: Counter[str] = Counter()  # one-digit codes: only a medicine clause admits them

    sentences = [s for s in ctx.sentences if s.zone.states_facts]
    company_words = frozenset(w.lower() for c in ctx.extraction.companies for w in re.findall(r"[A-Za-z]+", c.name))
    by_canonical: dict[str, str] = {}  # dictionary canonical name -> first form seen for it
    ingredients: Counter[str] = Counter()  # mentions of a form only as part of a combination
    for sentence in sentences:
        text = ctx.text(sentence)
        inn_spans = _inn_spans(text)
        # a two-word INN the stems join ("x govitecan") beats a dictionary hit on its first word
        hits = [h for h in _dictionary_drugs(text, sentence, company_words)
                if not any(a <= h.start and h.end <= b and b - a > h.end - h.start for a, b, _ in inn_spans)]
        parts_named = bool(hits or inn_spans) and _PART_WORDS.search(text) is not None  # read only beside a name
        for hit in hits:
            _note(forms, first_seen, hit.surface, sentence)
            if parts_named and _only_a_part(text, hit.start, hit.end):
                ingredients[hit.surface] += 1
            base = SUFFIXED_INN.match(hit.surface.lower())
            if base and len(base.group("suffix")) == 4:  # a biological's four-letter suffix ("x-abcd"): the same drug as x
                links.append((base.group("base"), hit.surface, "inn_suffix"))
                _note(forms, first_seen, base.group("base"), sentence)
            first = by_canonical.setdefault(hit.canonical, hit.surface)
            if first != hit.surface:
                links.append((first, hit.surface, "brand" if hit.is_brand else "inn"))
        for match in _regimens().finditer(text):
            _note(forms, first_seen, match.group(0), sentence)
        for match in PLATFORM_INN.finditer(text) if "-" in text else ():
            inn = match.group("inn")
            if is_inn(inn) or drug_lexicon().canonical(inn):
                _note(forms, first_seen, match.group(0), sentence)
        for start, end, name in _coordinated_brands(text, hits, company_words):
            _note(forms, first_seen, name, sentence)
        for start, end, name in _product_names(text, company_words):
            if not any(a <= start < b for a, b in spans_taken(hits)):
                _note(forms, first_seen, name, sentence)
        for match in COMBINATION.finditer(text):
            parts = [p for p in match.group("a", "b", "c") if p]
            if all(is_inn(p) or drug_lexicon().canonical(p) for p in parts):
                combination = "/".join(parts)
                _note(forms, first_seen, combination, sentence)
                first = by_canonical.setdefault(combination, combination)
                if first != combination:
                    links.append((first, combination, "inn"))
                ingredients.update(parts)
        for hit in hits:
            # "Brand (a tablets; b tablets)": the INNs that follow a combination's brand are its ingredients
            if "/" in hit.canonical and hit.surface.lower() != hit.canonical:
                tail = text[hit.end:hit.end + 100]
                ingredients.update(p for p in hit.canonical.split("/") if re.search(r"(?<![\w/])" + re.escape(p) + r"(?![\w/])", tail, re.I))
        spans = [(h.start, h.end) for h in hits]
        for start, end, name in inn_spans:
            if any(a < end and start < b and end - start <= b - a for a, b in spans) or _names_a_germ(text, end):
                continue  # the dictionary found this name, or a longer one around it
            if name[0].isupper() and name.lower() in company_words and name.lower() not in lexicons.common_drugs():
                continue  # "Zentrixersen pays $62M": a company's name that merely ends like an INN stem
            _note(forms, first_seen, name, sentence)
            if parts_named and _only_a_part(text, start, end):
                ingredients[name] += 1
            base = SUFFIXED_INN.match(name.lower())
            if base and len(base.group("suffix")) == 4:  # a cell therapy's "-L" is part of its one INN, never written without
                links.append((base.group("base"), name, "inn_suffix"))
                _note(forms, first_seen, base.group("base"), sentence)
            isotope = re.match(r"(?P<inn>.+?)\s+[A-Z][a-z]?-\d{2,3}$", name)
            if isotope:
                links.append((isotope.group("inn"), name, "inn"))
        for match in _code_candidates(text):
            code = match.group("code")
            window = text[max(0, match.start() - 60):match.end() + 60]
            code_seen[code] = code_seen.get(code, 0) + 1
            if (CUE.search(window) or sentence.is_heading or sentence.zone is Zone.HEADLINE or _INN_IN_PARENS_AFTER(text, match.end())
                    or _labels_item(text, match.start(), match.end())
                    or _beside_known_drug(text, match.start(), match.end(), hits, inn_spans)):
                code_cues[code] += 1
            if sentence.section and name_key(sentence.section) == name_key(code):
                code_cues[code] += 2
        for code, cued in (_short_codes(text) if "-" in text else ()):
            code_seen[code] = code_seen.get(code, 0) + 1
            short_cues[code] += cued
        for match in (BRAND.finditer(text) if _BRAND_PAREN.search(text) else ()):
            substance = match.group("inner").split()[0]
            # "BRAND(TM) (word; CODE-1)": a trademarked brand, a substance and a code side by side name one drug even
            # when the substance's name carries no known INN ending (the mark is blanked in the folded text)
            marked = sentence.text[match.end("brand"):match.end("brand") + 4].startswith(("\u00ae", "\u2122", "(R)", "(TM)"))
            named_thrice = (marked and match.group("code") and substance == match.group("inner") and len(substance) >= 6
                            and not drug_lexicon().is_ordinary_word(substance))
            unlisted = substance == match.group("inner") and unlisted_inn(substance)
            if (is_inn(substance) or drug_lexicon().canonical(substance) or named_thrice or unlisted) and not is_inn(match.group("brand")):
                brand, inner = match.group("brand"), match.group("inner")
                inner = re.sub(r"\s+(?:tablets?|injection|capsules?)$", "", inner)
                _note(forms, first_seen, brand, sentence)
                _note(forms, first_seen, inner, sentence)
                links.append((inner, brand, "brand"))
                if inner != substance:  # "inn sodium": the salt of the substance named alone elsewhere
                    links.append((substance, inner, "inn"))
        for match in (UNLISTED_BEFORE_CODE.finditer(text) if "(" in text else ()):
            if unlisted_inn(match.group("inn")) and not _DETERMINER_BEFORE.search(text, max(0, match.start() - 8), match.start()):
                _note(forms, first_seen, match.group("inn"), sentence)
                _note(forms, first_seen, match.group("code"), sentence)
                links.append((match.group("code"), match.group("inn"), "inn"))
        for name in _unlisted_after_class(text):
            _note(forms, first_seen, name, sentence)
        for match in (BRAND_NAME_FOR.finditer(text) if "name" in text or " as " in text else ()):
            # "Brand, the brand name for inn", "inn, sold as Brand": the product and its substance, one drug
            substance, brand = match.group("inn") or match.group("inn2"), match.group("brand") or match.group("brand2")
            if (substance in forms or is_inn(substance)) and not drug_lexicon().is_ordinary_word(brand.lower()):
                _note(forms, first_seen, brand, sentence)
                _note(forms, first_seen, substance, sentence)
                links.append((substance, brand, "brand"))
        for match in (LONG_FORM.finditer(text) if _ABBR_PAREN.search(text) else ()):
            abbr = match.group("abbr")
            if abbr.lower() in lexicons.common_drugs():
                long = _trim_long_form(match.group("long"), abbr)
                if long:
                    links.append((abbr, long, "full_name"))
                    _note(forms, first_seen, abbr, sentence)

    for name, sentence in _recurring_products([(ctx.text(s), s) for s in sentences], company_words, ctx.company_forms):
        _note(forms, first_seen, name, sentence)

    accepted_codes = {code for code, cues in code_cues.items() if cues or code_seen[code] >= 3}
    accepted_codes |= {code for code, cues in short_cues.items() if cues}
    accepted_codes -= _study_codes(accepted_codes, [ctx.text(s) for s in sentences], forms)
    accepted_codes -= _payload_codes(accepted_codes, [ctx.text(s) for s in sentences])
    # "galactose-deficient IgA1 (Gd-IgA1)": a code the release spells out in words is a term it abbreviates (a
    # biomarker, an antigen), not a drug's code name, which no such words spell
    defined = ctx.abbreviations()
    accepted_codes = {c for c in accepted_codes if c not in defined or any(is_inn(w) for w in re.findall(r"[a-z]{6,}", defined[c]))}
    # "ZX-101-201": a drug's code and a number is that drug's study protocol, not another drug
    accepted_codes = {c for c in accepted_codes if not any(c != d and _protocol_of(c, d) for d in accepted_codes)}
    # a heading glued to the text after it ("ABC-D1ABC-D1 is ...") is no new code
    accepted_codes = {c for c in accepted_codes
                      if not any(c != d and len(d) >= 4 and c.startswith(d) and c[len(d)].isalnum() for d in accepted_codes)}
    for code in accepted_codes:
        for sentence in sentences:
            if code in ctx.text(sentence):
                _note(forms, first_seen, code, sentence)
                break
        forms[code] += code_seen[code]

    # Aliases written next to a drug name.
    known = {name_key(f) for f in forms}
    for sentence in sentences:
        text = ctx.text(sentence)
        for form in list(forms):
            if form not in text:  # the form is matched literally: no scan can find it
                continue
            for end in word_ends(form, text):
                tail = text[end:]
                paren = PAREN_ALIAS.match(tail.lstrip()) if tail[:2].strip() in ("(", "") or tail.startswith(" (") else None
                if paren:
                    for piece, relation in _alias_pieces(paren):
                        if (_drugish(piece, known) or relation in ("former", "inn") or _short_inn(piece, form)
                                or name_kind(form) == "code" and unlisted_inn(piece)):
                            links.append((form, piece, relation))
                            _note(forms, first_seen, piece, sentence)
                appositive = APPOSITIVE_ALIAS.match(tail)
                if appositive:
                    alias = appositive.group("alias").strip()
                    if _drugish(alias, known):
                        links.append((form, alias, "former" if "former" in tail[:30] or "previous" in tail[:30] else "alias"))
                        _note(forms, first_seen, alias, sentence)

    # "FDA approves Brand ... The generic name is x; the molecule was known as CODE": a name given in a sentence
    # of its own belongs to the drug named last before it in the paragraph
    for index, sentence in enumerate(sentences):
        text = ctx.text(sentence)
        if not _RENAMED_WORDS.search(text):
            continue
        for match in RENAMED.finditer(text):
            alias = match.group("alias")
            if not (_drugish(alias, known) or is_inn(alias) or _CODE_SHAPE.fullmatch(alias)):
                continue
            referent = _last_form(forms, text[:match.start()], alias)
            back = index - 1
            while referent is None and back >= 0 and sentences[back].paragraph == sentence.paragraph:
                referent = _last_form(forms, ctx.text(sentences[back]), alias)
                back -= 1
            if referent:
                links.append((referent, alias, "alias"))
                _note(forms, first_seen, alias, sentence)

    # "Brand, whose active ingredient is x", "a synthetic molecule called x ... Brand": the
    # substance a product is made of is that product, one drug (GUIDE.md: one drug, several names)
    for sentence in sentences:
        text = ctx.text(sentence)
        if not _INGREDIENT_WORDS.search(text):
            continue
        for match in INGREDIENT.finditer(text):
            ingredient = next(g for g in match.group("inn", "inn2", "inn3") if g)
            if ingredient not in forms or name_kind(ingredient) != "inn":
                continue
            products = [f for f in forms if f != ingredient and name_kind(f) != "inn" and f in text
                        and re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", text)]
            if len(products) == 1:
                links.append((products[0], ingredient, "inn"))

    # "ZX-002 7P" beside "ZX-002": a code with a short tag after a blank is a formulation of the
    # drug the bare code names (its peptide count, strength or dosage form), one drug
    for form in forms:
        variant = FORMULATION_TAG.fullmatch(form)
        if variant and variant.group("base") in forms:
            links.append((variant.group("base"), form, "formulation"))
    for part, count in ingredients.items():
        if part in forms and forms[part] <= count:
            del forms[part]
    # "the Phase 2 NAME trial", "NAME, a phase 2 study": a capitalised word the dictionary knows as some brand
    # names the study here, as a code would (news articles name trials in capitals)
    capitals = {f for f in forms if f.isalpha() and f.isupper() and len(f) >= 4}
    for study in _study_codes(capitals, [ctx.text(s) for s in sentences], forms) if capitals else ():
        del forms[study]
    links = [link for link in links if link[0] in forms or link[1] in forms]
    groups = _group(list(forms), links)
    drugs: list[DrugFact] = []
    surface_to_name: dict[str, str] = {}
    # Forms first seen in one sentence share a position: the form itself breaks ties,
    # never set order, so output does not depend on PYTHONHASHSEED.
    for group in sorted(groups, key=lambda g: min((first_seen[f][0], f) for f in g)):
        name = max(group, key=lambda f: (forms[f], -first_seen[f][0], f))
        variant = FORMULATION_TAG.fullmatch(name)
        if variant and variant.group("base") in group:
            name = variant.group("base")  # the drug is named by its code, its formulations are aliases
        relation = {alias: rel for _, alias, rel in links if alias in group}
        aliases = tuple(
            DrugAlias(form, relation.get(form, name_kind(form)))
            for form in sorted(group, key=lambda f: (first_seen[f][0], f))
            if form != name
        )
        sentence = first_seen[name][1]
        drugs.append(DrugFact(name, Evidence.of(sentence, NAME), aliases=aliases))
        for form in group:
            surface_to_name[form] = name
    ctx.extraction.drugs = drugs
    ctx.set_drugs(surface_to_name)


_RENAMED_WORDS = gate(re.compile(r"(?i)generic|known|called|referred"))
RENAMED = re.compile(
    r"\b(?:(?:[Tt]he|[Ii]ts)\s+generic\s+name\s+is|(?:known|sold|marketed)\s+generically\s+as|"
    r"(?:[Tt]he\s+(?:molecule|drug|compound|antibody|candidate|therapy|medicine|product)|[Ii]t)\s+was\s+"
    r"(?:previously\s+|formerly\s+|initially\s+|originally\s+)?(?:known|called|referred\s+to)\s+as)\s+(?P<alias>[A-Za-z][\w-]{2,40})")
_CODE_SHAPE = re.compile(r"[A-Z]{1,5}-?\d{1,6}[A-Za-z]?")


def _last_form(forms, text: str, other: str) -> str | None:
    """The drug form named last in `text`, other than `other`."""
    found = [(m.start(), form) for form in forms if form != other and form in text
             for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text)]
    return max(found)[1] if found else None


# "active ingredient x", "x, the active ingredient of", "a molecule called x": the words that name a
# product's substance, not another drug given with it
_INGREDIENT_WORDS = gate(re.compile(r"(?i)ingredient|called|named"))  # gated: see _LAUNCH_WORDS
INGREDIENT = re.compile(
    r"\bactive\s+(?:pharmaceutical\s+)?ingredient,?\s+(?:is\s+|of\s+\w+\s+is\s+)?(?:(?:synthetic|the)\s+)?(?P<inn>[a-z][a-z-]{3,})"
    r"|(?P<inn2>[a-z][a-z-]{3,}),?\s+(?:is\s+)?the\s+active\s+(?:pharmaceutical\s+)?ingredient\b"
    r"|\b(?:molecule|compound|substance|agent)\s+(?:called|named|known\s+as)\s+(?P<inn3>[a-z][a-z-]{3,})")


FORMULATION_TAG = re.compile(r"(?P<base>[A-Z][A-Za-z]{0,5}-?\d{2,6}[A-Za-z]?) (?=[A-Z0-9]*[A-Z])[A-Z0-9]{1,3}")


def spans_taken(hits: list[Hit]) -> list[tuple[int, int]]:
    return [(h.start, h.end) for h in hits]


_STUDY_BEFORE_PAREN = gate(re.compile(r"\b(?:trial|study)\b[^.;()]{0,120}\(\s*$", re.I))
# "CODE, a phase 1/2, open-label study", "CODE, its Phase 2 trial of X": the words between describe a study, and stop at
# what a drug's appositive says ("CODE, an oral inhibitor, in the ... trial")
_STUDY_AFTER = re.compile(
    r"(?:\s+(?:is|was|will\s+be)|\s*,)\s+(?:an?|its|their|our)\s+(?:(?!(?:in|of|for|with|to|that|which|and)\b|" + _DRUG_NOUN + r")[\w/,-]+\s+){0,8}"
    r"(?:trial|study)\b", re.I)
# "the Phase 2 CODE trial", "the CODE study of drug": the code names the study
_PHASE_BEFORE = re.compile(r"\b[Pp]hase\s+(?:[0-9IV]+[ab]?(?:/[0-9IV]+[ab]?)?)\s+$")
_STUDY_NOUN_AFTER = re.compile(r"\s+(?:clinical\s+)?(?:trial|study)\b(?P<of>\s+(?:of|evaluating|investigating|testing)\s+(?P<drug>[\w-]+))?")
# "a Phase 1 (CODE) trial": a code in parentheses that the study noun follows names the study
_PAREN_BEFORE_STUDY = re.compile(r"\s*\)\s+(?:clinical\s+|pivotal\s+|registrational\s+)?(?:trial|study)\b", re.I)


_STUDY_NOUN_BEFORE = re.compile(r"\b[Pp]hase\s+[0-9IV]+[ab]?(?:/[0-9IV]+[ab]?)?\s+(?:clinical\s+)?(?:trial|study)\s*,\s*$")


def _study_codes(codes: set[str], texts: list[str], forms=()) -> set[str]:
    """Codes the text says are studies, not drugs: "a Phase 2 trial in X
    (CODE)", "CODE is a Phase 2, open-label study", "CODE, a phase 1/2 study",
    "the Phase 2 CODE trial", "the CODE study of <drug>"."""
    studies = set()
    known = {name_key(f) for f in forms}
    for code in codes:
        for text in texts:
            at = text.find(code)
            while at >= 0 and code not in studies:
                end = at + len(code)
                glued = (at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-")) or (end < len(text) and text[end].isalnum())
                paren_study = text[:at].rstrip().endswith("(") and _PAREN_BEFORE_STUDY.match(text, end)
                # "The multinational Phase III trial, CODE, is ...": the code set off after the study noun renames it
                paren_study = paren_study or (_STUDY_NOUN_BEFORE.search(text, max(0, at - 30), at) and text[end:end + 1] == ",")
                noun = _STUDY_NOUN_AFTER.match(text, end)
                named_study = noun and (_PHASE_BEFORE.search(text, max(0, at - 20), at)
                                        or (noun.group("of") and name_key(noun.group("drug")) in known))
                if not glued and (named_study or paren_study or _STUDY_AFTER.match(text, end) or (
                        text[end:end + 3].lstrip().startswith(")") and _STUDY_BEFORE_PAREN.search(text[max(0, at - 140):at]))):
                    studies.add(code)
                at = text.find(code, at + 1)
    return studies


# A conjugate's payload is a molecule, not a drug (GUIDE.md Drugs: not payload classes): "releases CODE
# intracellularly", "the cytotoxic payload CODE", "the payload, a topoisomerase I inhibitor CODE", "CODE
# payload". A code named so, and never where a medicine is given or studied, is no drug.
_PAYLOAD_BEFORE = re.compile(r"(?:\b(?:payloads?|warheads?|linker-payloads?)\b[^.;()]{0,80}|\breleas(?:es|ed|ing|e)\s+(?:the\s+|its\s+)?)$", re.I)
_PAYLOAD_AFTER = re.compile(r"\s*(?:[-\s](?:payloads?|warheads?)\b|,\s+(?:the|its|a|an)\s+(?:[\w-]+\s+){0,3}?(?:payloads?|warheads?)\b)", re.I)
_GIVEN_OR_STUDIED = re.compile(r"\b(?:trials?|stud(?:y|ies)|[Pp]hase|patients|dos(?:e|es|ed|ing)|designations?|approv(?:al|ed)|"
                               r"administered|treated|monotherapy|combination)\b", re.I)


def _payload_codes(codes: set[str], texts: list[str]) -> set[str]:
    payloads = set()
    for code in codes:
        as_payload = False
        for text in texts:
            at = text.find(code)
            while at >= 0:
                end = at + len(code)
                if _PAYLOAD_BEFORE.search(text[max(0, at - 100):at]) or _PAYLOAD_AFTER.match(text, end):
                    as_payload = True
                elif _GIVEN_OR_STUDIED.search(text[max(0, at - 60):end + 60]):
                    break  # given or studied somewhere: a drug
                at = text.find(code, at + 1)
            else:
                continue
            as_payload = False
            break
        if as_payload:
            payloads.add(code)
    return payloads


# A generic named only as what another product is made of or from (GUIDE.md: not the
# ingredients of a combination product): "by combining a, b, and c", "a co-formulation of
# a and b", "an oral x prodrug", "an x analogue".
_MADE_OF_BEFORE = gate(re.compile(
    r"\b(?:combin(?:es|ing)|consist(?:s|ing)\s+of|compos(?:ed|ition)\s+of|compris(?:es|ing)|contain(?:s|ing)|made\s+(?:up\s+)?of|"
    r"co-?formulation\s+of|fixed-dose\s+combination\s+of|cocrystal\s+of|salt\s+of)\s+"
    r"(?:[\w-]+(?:\s+[\w-]+)?,\s+(?:and\s+)?|[\w-]+\s+and\s+)*$", re.I))
_DESCRIBES_AFTER = re.compile(r"\s+(?:prodrugs?|analog(?:ue)?s?|derivatives?|moiet(?:y|ies)|scaffolds?)\b", re.I)


# the words either pattern needs, looked for once per sentence: most sentences have none (gated: see _LAUNCH_WORDS)
_PART_WORDS = gate(re.compile(r"(?i)combin|consist|compos|compris|contain|made|formulation|cocrystal|salt|prodrug|analog|"
                              r"derivative|moiet|scaffold"))


# A business update's bullet opens with the product it is about: "- CODE: The FDA granted ...",
# "CODE (inn): ...". The code labelling its item is a drug as surely as a heading naming it.
_ITEM_LABEL_AFTER = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?:\s")


# "| CODE (inn) | mechanism | disease | Phase II |", "- CODE | mechanism | disease": the code opening a pipeline
# table's row names the drug the row is about, as a label does its item
_ROW_CELL_AFTER = re.compile(r"\s*(?:\([^()|]{1,60}\)\s*)?\|")


def _labels_item(text: str, start: int, end: int) -> bool:
    if text[:start].strip(" -*\u2022\u2013\u2014\t|") or text.count("|") < 2:
        return not text[:start].strip(" -*\u2022\u2013\u2014\t") and _ITEM_LABEL_AFTER.match(text, end) is not None
    return _ITEM_LABEL_AFTER.match(text, end) is not None or _ROW_CELL_AFTER.match(text, end) is not None


def _only_a_part(text: str, start: int, end: int) -> bool:
    return bool(_DESCRIBES_AFTER.match(text, end) or _MADE_OF_BEFORE.search(text, max(0, start - 120), start))


# "CODE plus azacitidine", "venetoclax and CODE", "CODE with or without rituximab": a code given with a drug the
# dictionary or the stems know is a drug too.
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\+|/|\s(?:plus|with|and|or|versus|vs\.?|with\s+or\s+without|"
                     r"in\s+combination\s+with|combined\s+with)\s)\s*(?:low-dose\s+|high-dose\s+)?")


def _beside_known_drug(text: str, start: int, end: int, hits, inn_spans) -> bool:
    for a, b in [(h.start, h.end) for h in hits] + [(a, b) for a, b, _ in inn_spans]:
        if a >= end and _JOINED.fullmatch(text, end, a) or b <= start and _JOINED.fullmatch(text, b, start):
            return True
    return False


def _INN_IN_PARENS_AFTER(text: str, end: int) -> bool:
    """"CODE (inn)": a code name followed by its INN is a drug."""
    inner = re.match(r"\s*\(\s*([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s*[),;]", text[end:end + 60])
    return bool(inner) and (is_inn(inner.group(1).split()[-1]) or unlisted_inn(inner.group(1)))


def _note(forms: Counter, first_seen: dict, form: str, sentence) -> None:
    form = form.strip()
    if not form:
        return
    forms[form] += 1
    if form not in first_seen:
        first_seen[form] = (sentence.span.start, sentence)


def _alias_pieces(paren: re.Match) -> list[tuple[str, str]]:
    kind = (paren.group("kind") or "").strip().lower()
    relation = "inn" if kind.startswith("inn") else "former" if kind.startswith(("formerly", "previously", "f/k/a")) else "alias"
    pieces = []
    for part in re.split(r"[,;]\s*", paren.group("inner")):  # "(short name; CODE)" lists names as "(x, CODE)" does
        sub = re.match(r"(?:formerly(?:\s+known\s+as)?|previously(?:\s+designated|\s+known\s+as)?|also\s+known\s+as)\s+(?P<x>.+)", part)
        if sub:
            pieces.extend((code, "former") for code in _code_pair(sub.group("x").strip()))
        elif part.strip():
            pieces.extend((code, relation) for code in _code_pair(part.strip()))
    return pieces


_CODE = r"[A-Z]{1,5}-?\d{2,6}[A-Za-z]?"


def _code_pair(text: str) -> list[str]:
    """"ABC-264/XY-2870": one drug's two partners' codes, two aliases (a combination joins INNs, not codes)."""
    return text.split("/") if re.fullmatch(rf"{_CODE}(?:/{_CODE})+", text) else [text]


# "zentacabtagene autoleucel (zenta-cel)", "x beremagene geperpavec (B-VEC)": the short form cell and gene
# therapies go by, the INN's first letters and its class ending, names the same drug.
_SHORT_INN = re.compile(r"(?P<head>[a-z]{2,8})-(?P<tail>cel|vec|T|ttp)", re.I)


def _short_inn(piece: str, form: str) -> bool:
    short = _SHORT_INN.fullmatch(piece.strip())
    if not short or " " not in form:
        return False
    first, last = form.lower().split()[0], form.lower().split()[-1]
    return first.startswith(short.group("head").lower()) and last.endswith(short.group("tail").lower()[-1])


def _drugish(text: str, known: set[str]) -> bool:
    if name_key(text) in known:
        return True
    if re.fullmatch(r"[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?(?:\s+[A-Z][a-z]?-\d{2,3})?", text):
        return all(is_inn(w) or w.lower() in lexicons.common_drugs() for w in text.split() if not re.match(r"[A-Z][a-z]?-\d", w)) or is_inn(text.split()[-1])
    return bool(_code_candidates(text)) and len(text) <= 20


def _trim_long_form(long: str, abbr: str) -> str | None:
    words = long.split()
    letters = re.sub(r"[^A-Z]", "", abbr.upper())
    # Keep as many trailing words as the abbreviation has letters (hyphenated words count per part).
    kept: list[str] = []
    count = 0
    for word in reversed(words):
        kept.insert(0, word)
        count += len(word.split("-"))
        if count >= len(letters):
            break
    candidate = " ".join(kept)
    return candidate if candidate[:1].lower() == letters[:1].lower() else None


def _first_most_common(counts: Counter | None) -> str | None:
    # most_common keeps first-seen order among equals: deterministic
    return counts.most_common(1)[0][0] if counts else None


def _group(forms: list[str], links: list[tuple[str, str, str]]) -> list[set[str]]:
    parent = {f: f for f in forms}
    by_key = {}
    for form in forms:
        by_key.setdefault(name_key(form), form)

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Spelling variants of one form ("ABC 123", "ABC-123") are one drug.
    for form in forms:
        canonical = by_key[name_key(form)]
        parent[find(form)] = find(canonical)
    for a, b, _ in links:
        a, b = by_key.get(name_key(a)), by_key.get(name_key(b))
        if a and b:
            parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for form in forms:
        groups.setdefault(find(form), set()).add(form)
    return [g for g in groups.values()]


def name_kind(form: str) -> str:
    """"code", "brand" or "inn": what kind of name a drug form is."""
    if re.search(r"\d", form) and re.search(r"[A-Z]{2}", form):
        return "code"
    if form.isupper() or re.search(r"[a-z][A-Z]", form):
        return "brand"  # capitals, or a capital inside the word: INNs are written in lower case
    if form[:1].isupper() and " " not in form and not is_inn(form) and not drug_lexicon().canonical(form):
        return "brand"  # a capitalised name that is no INN: a product name ("Zentavir")
    return "inn"


# Whose a drug is, as the sentence says: "Company's [up to five words] Drug",
# "Drug, Company's ...", "sold/marketed/developed by Company [...] Drug", "Drug
# is sold by Company", "Drug, a protease inhibitor discovered by Company".
_MARK = r"(?:[\u00ae\u2122]|\((?:R|TM)\))?"
OWNER_VERBS = r"(?:sold|marketed|developed|commercialized|commercialised|manufactured|discovered|owned|licensed)"
# between "Company's" and the drug: a few words of description, none that
# starts another phrase ("Company's therapy, with or without Drug" is not).
_LINK_WORD = r"(?!(?:with|without|or|and|plus|versus|vs|in|to|for|than|as)\b)[\w-]+"
POSSESSIVE_GAP = re.compile(r"(?:'s|(?<=s)')" + _MARK + r"\s+(?:" + _LINK_WORD + r"\s+){0,5}(?:" + _LINK_WORD + r",\s+)?$")
# "Acme is developing [its lead candidate] Drug", "Acme also markets Drug": the subject of a developer's verb.
ACTIVE_GAP = re.compile(r"\s+(?:(?:is|are|has|have)\s+)?(?:also\s+|now\s+|currently\s+)?(?:developing|develops|developed|advancing|advances|"
                        r"commercializ(?:es|ing|ed)|commercialis(?:es|ing|ed)|markets|marketing|discovered|invented)\s+"
                        r"(?:" + _LINK_WORD + r"\s+){0,4}(?:" + _LINK_WORD + r",\s+)?$")
PARTNER_BEFORE = re.compile(r"\b(?:(?:in\s+)?combination\s+with|combined\s+with|together\s+with|administered\s+with|given\s+with|"
                            r"plus|with\s+or\s+without|added\s+to|on\s+top\s+of|background)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$", re.I)
COMPARATOR_BEFORE = re.compile(r"\b(?:compared\s+(?:to|with)|vs\.?|versus|relative\s+to|than)\s+(?:the\s+)?$", re.I)
COMPARATOR_AFTER = re.compile(r"^\s*" + _MARK + r"\s*(?:[\d.]+\s*mg\b[^.;]*?)?(?:control|comparator|alone)\b", re.I)


def _company_pattern(ctx: Context) -> tuple[Alternation | re.Pattern | None, dict[str, str]]:
    """Every way the release writes a company it names, longest first, and
    the company each form stands for."""
    forms: dict[str, str] = {}
    for company in ctx.extraction.companies:
        names = [company.name, *company.short_names]
        bare = re.sub(r",?\s+(?:Inc|Corp|Corporation|Ltd|Limited|plc|AG|SA|S\.A|N\.V|LLC|GmbH|Co)\.?$", "", company.name)
        names.append(bare)
        first = bare.split()[0] if bare.split() else ""
        if len(first) >= 4 and first[0].isupper() and first.lower() not in ("the", "company"):
            names.append(first)
        for name in names:
            forms.setdefault(ascii_punct(name), company.name)
    for division, parent in ctx.divisions.items():
        forms.setdefault(ascii_punct(division), parent)
    if not forms:
        return None, forms
    return _alternation(tuple(sorted(forms, key=lambda f: (-len(f), f)))), forms


def _alternation(forms: tuple[str, ...]) -> Alternation | re.Pattern:
    if all(forms):  # found with str.find: a pattern of one release's names costs more to compile than to run
        return Alternation(forms)
    return re.compile(r"(?<![\w-])(?P<co>" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")


_BY_BEFORE = re.compile(OWNER_VERBS + r"\s+by\s+$")
_SHORT_GAP = re.compile(r"\s[^.;]{0,60}$")
_APPOSITIVE_AFTER = re.compile(r"^" + _MARK + r"(?:/\S+)?\s*,\s+")
# "Brand (inn), a BTK inhibitor marketed by Company": the name in parentheses after a brand (or its closing parenthesis
# after the name itself) comes before the appositive
_PASSIVE_AFTER = re.compile(r"^" + _MARK + r"(?:\s*\([^()]{1,40}\)|\))?(?:\s+(?:is|are|was|were)\s+(?:\w+\s+)?|\s*,\s+an?\s+(?:[\w-]+\s+){0,4})"
                            + OWNER_VERBS + r"\s+by\s+")


# "its lead candidate Drug", "its rival TROP2 ADC, Drug" (the name in apposition, as ACTIVE_GAP allows)
_ITS_BEFORE = re.compile(r"\bits\s+(?:[\w-]+\s+){0,5}(?:" + _LINK_WORD + r",\s+)?$")
_OWNER_BESIDE_AFTER = re.compile(r"^" + _MARK + r"(?:\s*\(|\s*,\s+an?\s+(?:[\w-]+\s+){0,4}from\s+(?:(?:its|our)\s+)?(?:partner\s+)?)")
# "Drug, its one-time gene therapy": the appositive names whose it is
_ITS_APPOSITIVE_AFTER = re.compile(r"^" + _MARK + r"\s*,\s+its\s")
_PORTFOLIO_GAP = re.compile(r"\s+(?:portfolio|pipeline|franchise)\s*,\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}$")
# "the company's $43 billion acquisition of the ADC specialist Acme", "Big acquired Acme", "Acme, now part of Big":
# the release's subject bought the company, and the drugs the text gives that company are the subject's now.
_ACQUISITION_WORDS = re.compile(r"(?i)acqui|purchase|buyout|takeover|now part of")
_ACQUIRER_BEFORE = re.compile(
    r"(?:\b(?P<pron>[Tt]he\s+[Cc]ompany|[Ii]ts|[Oo]ur)|(?P<co>[A-Z][\w&.@-]*(?:\s+[A-Z][\w&.@-]*){0,4}))(?:['’]s)?\s+"
    r"(?:\S+\s+){0,3}?(?:acquisition|purchase|buyout|takeover)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$"
    r"|(?P<co2>[A-Z][\w&.@-]*(?:\s+[A-Z][\w&.@-]*){0,4})\s+(?:has\s+|had\s+)?(?:acquired|bought|purchased)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$")
_ACQUIRER_AFTER = re.compile(r"^,?\s+(?:now\s+part\s+of|(?:which\s+was\s+|was\s+)?acquired\s+by)\s+(?P<co>.+)")


def _acquired_by(ctx: Context, issuer: str, companies, company_forms: dict[str, str]) -> set[str]:
    """Companies the text says the issuer acquired."""
    bought = set()
    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        if not _ACQUISITION_WORDS.search(text):
            continue
        for match in companies.finditer(text):
            target = company_forms[match.group("co")]
            if target == issuer:
                continue
            before, after = text[max(0, match.start() - 120):match.start()], text[match.end():match.end() + 80]
            said = _ACQUIRER_BEFORE.search(before)
            # "its acquisition of": "its" is the company the sentence last named, the issuer when it names none
            if said and said.group("pron"):
                named = [company_forms[m.group("co")] for m in companies.finditer(text[:match.start() - len(before) + said.start()])]
                if named and named[-1] != issuer:
                    said = None
            if said and (said.group("pron") or _ends_with_form(said.group("co") or said.group("co2"), issuer, company_forms)):
                bought.add(target)
            said = _ACQUIRER_AFTER.match(after)
            if said and _starts_with_form(said.group("co"), issuer, company_forms):
                bought.add(target)
    return bought


def _ends_with_form(words: str, company: str, company_forms: dict[str, str]) -> bool:
    return any(words.rstrip().endswith(form) for form, name in company_forms.items() if name == company)


def _starts_with_form(words: str, company: str, company_forms: dict[str, str]) -> bool:
    return any(words.startswith(form) for form, name in company_forms.items() if name == company)


# Out-licensing makes the licensee the drug's developer (GUIDE: company = developer or licensee):
# "Kestrel, to which Acme licensed ZX-1 in 2022", "Acme discovered ZX-1 and exclusively licensed worldwide rights to
# Kestrel", "ZX-1, which Acme licensed to Kestrel"
_LICENSEE_BEFORE = re.compile(r"^\s*,\s+to\s+which\s+(?:[A-Z][\w&.-]*\s+){1,4}(?:has\s+|had\s+)?(?:exclusively\s+)?"
                              r"(?:out-)?licensed\s+(?:(?:the\s+)?(?:exclusive\s+|worldwide\s+|global\s+)*rights\s+to\s+)?$")
_LICENSED_TO_AFTER = re.compile(
    r"^[^.;]{0,50}?\b(?:exclusively\s+)?(?:out-)?licensed\s+(?:(?:its|the|all|exclusive|worldwide|global|commercial|development)\s+)*"
    r"(?:rights\s+(?:to\s+(?:it|the\s+\w+)\s+)?)?to\s+(?:the\s+)?$")
# "ZX-22, an oral CGRP antagonist for migraine, which Acme out-licensed to Kestrel in 2023": the licensor named in a
# relative clause after the drug's appositive
_WHICH_LICENSED_TO_AFTER = re.compile(
    r"^[^.;]{0,120}?\b(?:which|that)\s+(?:[A-Z][\w&.-]*\s+){1,4}(?:has\s+|had\s+)?(?:exclusively\s+)?(?:out-)?licensed\s+"
    r"(?:(?:its|the|all|exclusive|worldwide|global|commercial|development)\s+)*(?:rights\s+)?to\s+(?:the\s+)?$")


def _licensee(text: str, start: int, end: int, companies: Alternation | re.Pattern, forms: dict[str, str],
              other_drugs: tuple[int, ...] = ()) -> str | None:
    before, after = text[max(0, start - 120):start], text[end:end + 180]
    for match in companies.finditer(before):
        if _LICENSEE_BEFORE.match(before[match.end():]):
            return forms[match.group("co")]
    for at, match in enumerate(companies.finditer(after)):
        if at == 0 and _LICENSED_TO_AFTER.match(after[:match.start()]):
            return forms[match.group("co")]
        if any(end < other < end + match.start() for other in other_drugs):
            break
        if _WHICH_LICENSED_TO_AFTER.match(after[:match.start()]):
            return forms[match.group("co")]
    return None


# "Brand (inn), in-licensed from Beta in 2021 for European markets": a licence confined to a territory leaves
# the drug its licensor's
_LICENSOR_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:(?:in-)?licen[sc]ed\s+from|under\s+(?:an?\s+)?(?:exclusive\s+)?licen[sc]e\s+from)"
                             r"\s+(?:the\s+)?$")


def _licensor(text: str, end: int, companies: Alternation | re.Pattern, forms: dict[str, str]) -> str | None:
    after = text[end:end + 120]
    match = next(iter(companies.finditer(after)), None)
    return forms[match.group("co")] if match and _LICENSOR_AFTER.match(after[:match.start()]) else None


# "| Brand (inn) | ... | Partner: Sunvale Therapeutics (originator) |", "originated by Sunvale": the company that
# discovered the one drug a sentence or pipeline row names
_ORIGINATOR_AFTER = re.compile(r"\s*\((?:the\s+)?originator\)")
_ORIGINATOR_BEFORE = re.compile(r"\b(?:[Oo]riginator|[Oo]riginated\s+(?:by|at))\s+(?:the\s+)?$")


def _originator(text: str, companies: Alternation | re.Pattern, forms: dict[str, str]) -> str | None:
    for match in companies.finditer(text):
        if _ORIGINATOR_AFTER.match(text, match.end()) or _ORIGINATOR_BEFORE.search(text, 0, match.start()):
            return forms[match.group("co")]
    return None


def _developer(verb: re.Match, regional_rights: bool) -> bool:
    """Who develops a drug owns it; who sells or licenses it only in one territory does not."""
    return not regional_rights or _DEVELOPER_VERB.search(verb.group()) is not None


_DEVELOPER_VERB = re.compile(r"develop|discover|invent|owned")


def _blank_companies(text: str, companies: Alternation | re.Pattern) -> str:
    for match in companies.finditer(text):
        text = text[:match.start()] + "X" * (match.end() - match.start()) + text[match.end():]
    return text


def _stated_owner(text: str, start: int, end: int, companies: Alternation | re.Pattern, forms: dict[str, str],
                  other_drugs: tuple[int, ...] = (), regional_rights: bool = False) -> str | None:
    """`regional_rights`: the sentence confines a licence or sale to a territory, so the company it says sells,
    markets or licenses the drug there is a regional partner, not whose the drug is."""
    offset = max(0, start - 120)
    before, after = text[offset:start], text[end:end + 120]
    owner = None
    for match in companies.finditer(before):
        gap = before[match.end():]
        if any(offset + match.end() <= at < start for at in other_drugs):
            continue  # "Acme's ZX-101 extends survival over Drug": the possessive owns the first drug after it
        verb = ACTIVE_GAP.match(before, match.end()) or _SHORT_GAP.match(gap) and _BY_BEFORE.search(before, 0, match.start())
        if POSSESSIVE_GAP.match(before, match.end()) or verb and _developer(verb, regional_rights):
            owner = forms[match.group("co")]  # the closest one before the drug wins
    if owner:
        return owner
    pronoun = _ITS_BEFORE.search(before)
    its_at = offset + pronoun.start() if pronoun else (end if _ITS_APPOSITIVE_AFTER.match(after) else None)
    if its_at is not None:
        # "at Acme, where she led the development of its inhibitor Drug", "bought by Acme for its drug Drug",
        # "Acme disclosed a letter for Drug, its gene therapy": "its" is the company the sentence last named
        # before it, unless the issuer speaks in between ("... pay the Company ... for its drug"; a lower-case
        # "the company" after a named one is that one again: "Acme said the company's letter for Drug, its ...")
        named = list(companies.finditer(text[:its_at]))
        if (named and not _ISSUER_BETWEEN.search(text, named[-1].end(), its_at)
                and not any(named[-1].end() <= at < start for at in other_drugs)):
            return forms[named[-1].group("co")]
    appositive = _APPOSITIVE_AFTER.match(after)
    if appositive:
        match = companies.match(after, appositive.end())
        if match and after[match.end():match.end() + 2] == "'s":
            return forms[match.group("co")]
    portfolio = None
    for match in companies.finditer(before):
        if _PORTFOLIO_GAP.match(before, match.end()):
            portfolio = forms[match.group("co")]  # "from the legacy Acme portfolio, the Nectin-targeted Drug"
    if portfolio:
        return portfolio
    # "TRX-5 (Trelliant Therapeutics)", "Drug, a PARP inhibitor from partner Acme": the company set beside the name
    beside = _OWNER_BESIDE_AFTER.match(after)
    if beside:
        match = companies.match(after, beside.end())
        if match and ("(" not in beside.group() or after[match.end():match.end() + 1] == ")"):
            return forms[match.group("co")]
    passive = _PASSIVE_AFTER.match(after)
    if passive and _developer(passive, regional_rights):
        match = companies.match(after, passive.end())
        if match:
            return forms[match.group("co")]
    return None


# the issuer's own voice: its defined term "the Company", "we", "our"; news writes a lower-case "the company" for
# whichever company its item is about ("Acme said ... The company's shares rose")
_ISSUER_PRONOUN = re.compile(r"\b(?:[Tt]he Company|[Ww]e|[Oo]ur|[Uu]s)\b")
_ISSUER_BETWEEN = re.compile(r"\b(?:[Tt]he Company|[Ww]e|[Oo]ur|[Uu]s)\b")


def _item_company(ctx: Context, drug: str, companies, company_forms: dict[str, str]) -> str | None:
    """In a news roundup, a drug first named in a paragraph that never names the release's issuer (nor speaks
    as it: "the Company", "we") belongs to the company that paragraph opens with, the subject of its item."""
    first = next((s for s in ctx.fact_sentences() if any(m.name == drug for m in ctx.drugs_in(ctx.text(s)))), None)
    if first is None:
        return None
    paragraph = [s for s in ctx.fact_sentences() if s.paragraph == first.paragraph]
    named = [company_forms[m.group("co")] for s in paragraph for m in companies.finditer(ctx.text(s))]
    if not named or ctx.issuer in named or any(_ISSUER_PRONOUN.search(ctx.text(s)) for s in paragraph):
        return None
    opening_text = ctx.text(paragraph[0]).lstrip()
    opening = companies.match(opening_text)
    if opening is None:
        # a roundup item may open with a transition before its subject: "Elsewhere, Acme ...", "Over in Europe, Acme ..."
        transition = _ITEM_TRANSITION.match(opening_text)
        opening = companies.match(opening_text, transition.end()) if transition else None
    return company_forms[opening.group("co")] if opening else None


_ITEM_TRANSITION = re.compile(r"[A-Z][a-z]+(?:\s+[A-Za-z]+){0,3},\s+")


# "Drug, its lead product candidate", "Drug, our investigational therapy"
_OWNED_APPOSITIVE = re.compile(_MARK + r"\s*,\s+(?:its|our|the [Cc]ompany's)\s")


def assign_owners(ctx: Context) -> None:
    """A drug is the company's that a sentence says it is ("Company's Drug",
    "Drug is sold by Company"); else the issuer's when the release develops it:
    it has a code name or brand, an "About" section, or designations, trials or
    results of its own. A drug the text names only as a comparator ("compared
    to Drug", "the Drug control arm"), or a marketed drug the dictionary knows
    that the release only uses beside its own, has no owner unless one is stated."""
    from .trials import prior_therapy  # trials imports this module

    companies, company_forms = _company_pattern(ctx)
    stated: dict[str, Counter] = {}
    licensed: dict[str, Counter] = {}  # stated by an out-licensing construction, which outranks the code's letters
    # who sells or licenses a drug in one territory: its owner only when nothing says the drug is anyone else's
    # ("Lipitor is marketed by Zeta Pharma in the US" of a partner's drug, not "In Europe, Brand is marketed by X")
    regional_partner: dict[str, Counter] = {}
    comparator: set[str] = set()
    compared: set[str] = set()  # "versus Drug": a comparator whatever its name; "Drug alone" is one only if no code's
    given: set[str] = set()  # named at least once as other than a therapy the patients had before
    partnered: set[str] = set()  # named at least once as what the sponsor's drug is given with
    subject_mentions: set[str] = set()  # named at least once in any other role
    # the companies named in each sentence that names a drug: a drug only ever named beside one
    # other company, never the issuer ("CMO at Acme, where he oversaw the launch of Brand"), is not the issuer's
    beside: dict[str, set] = {}
    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        mentions = ctx.drugs_in(text)
        if not mentions:
            continue  # sentence gate: everything below is about the drugs a sentence names
        named = {company_forms[m.group("co")] for m in companies.finditer(text)} if companies is not None else set()
        confined = bool(named) and regional(_blank_companies(text, companies))
        originator = _originator(text, companies, company_forms) if len({m.name for m in mentions}) == 1 and named else None
        for mention in mentions:
            beside.setdefault(mention.name, set()).update(named or {None})
            if companies is not None:
                others = tuple(m.start for m in mentions if m.name != mention.name)
                licensee = None if confined else _licensee(text, mention.start, mention.end, companies, company_forms, others)
                if licensee:
                    licensed.setdefault(mention.name, Counter())[licensee] += 1
                owner = (licensee or confined and _licensor(text, mention.end, companies, company_forms)
                         or _stated_owner(text, mention.start, mention.end, companies, company_forms, others, confined)
                         or originator)
                if confined and not owner:
                    partner = (_licensee(text, mention.start, mention.end, companies, company_forms, others)
                               or _stated_owner(text, mention.start, mention.end, companies, company_forms, others))
                    if partner:
                        regional_partner.setdefault(mention.name, Counter())[partner] += 1
                if owner:
                    stated.setdefault(mention.name, Counter())[owner] += 1
            if not prior_therapy(text, mention.start):
                given.add(mention.name)
            before = text[max(0, mention.start - 60):mention.start]
            if COMPARATOR_BEFORE.search(before[-30:]):
                comparator.add(mention.name)
                compared.add(mention.name)
            elif COMPARATOR_AFTER.match(text[mention.end:mention.end + 40]):
                comparator.add(mention.name)
            elif PARTNER_BEFORE.search(before):
                partnered.add(mention.name)
            else:
                subject_mentions.add(mention.name)
    coined = {d.name: code_owner([d.name, *(a.name for a in d.aliases)], company_forms, ctx.issuer)
              for d in ctx.extraction.drugs} if companies is not None else {}
    for name, owner in coined.items():
        if owner and name not in licensed:
            stated[name] = Counter({owner: 1})  # the code's letters name its developer
    if not ctx.issuer:
        ctx.extraction.drugs = [
            DrugFact(d.name, d.evidence, d.aliases, _first_most_common(stated.get(d.name))) for d in ctx.extraction.drugs]
        return
    others_stated = {o for counts in stated.values() for o in counts if o != ctx.issuer}
    bought = _acquired_by(ctx, ctx.issuer, companies, company_forms) if others_stated else set()
    for counts in stated.values():
        for owner in [o for o in counts if o in bought]:
            counts[ctx.issuer] += counts.pop(owner)  # the acquired company's drug is its buyer's now
    subjects = {d.drug for d in ctx.extraction.designations} | {t.drug for t in ctx.extraction.trials}
    subjects |= {r.drug for r in ctx.extraction.results if not r.comparator}
    designated = {d.drug for d in ctx.extraction.designations}
    # a new brand listed among marketed ones ("Abecma and Newbrand") is marketed too
    listed_with_brands = {mention.name for s in ctx.fact_sentences()
                          for _, _, name in _coordinated_brands(ctx.text(s), _lexicon_hits(ctx.text(s)), frozenset())
                          for mention in ctx.drugs_in(name)}
    has_own_code = any(name_kind(n) == "code" for d in ctx.extraction.drugs for n in (d.name, *(a.name for a in d.aliases)))
    sections = {name_key(s.section) for s in ctx.sentences if s.section}
    owned_phrase = re.compile(r"(?:company's|Company's|our|its|lead)\s+(?:\w+\s+){0,4}$"
                              r"|\b(?:[Ww]e|[Tt]he [Cc]ompany)\s+(?:have\s+|has\s+)?(?:developed|discovered|invented|(?:are|is)\s+(?:developing|commercializing|commercialising))\b[^.;]{0,60}$")
    updated = []
    for drug in ctx.extraction.drugs:
        names = [drug.name, *(a.name for a in drug.aliases)]
        has_code = any(name_kind(n) in ("code", "brand") for n in names)
        in_section = any(name_key(n) in sections or any(name_key(n) in s for s in sections) for n in names)
        possessed = any(
            owned_phrase.search(ctx.text(s)[: m.start]) or _OWNED_APPOSITIVE.match(ctx.text(s), m.end)
            for s in ctx.fact_sentences()
            for m in ctx.drugs_in(ctx.text(s))
            if m.name == drug.name
        )
        generic = drug.name.lower() in lexicons.common_drugs()
        # a brand the dictionary knows is a marketed product (DrugBank also lists
        # investigational INNs, which may well be the sponsor's)
        marketed = ((any(drug_lexicon().is_brand(n) for n in names) or drug.name in listed_with_brands)
                    and not any(name_kind(n) == "code" for n in names))
        others = beside.get(drug.name, set())
        if drug.name in stated:
            owner = _first_most_common(stated[drug.name])
        elif (len(others) == 1 and None not in others and ctx.issuer not in others and not (in_section or possessed)
              and all(name_kind(n) != "inn" for n in names)):  # a generic name is everybody's
            owner = next(iter(others))
        elif lexicons.regimens().fullmatch(drug.name):
            owner = None  # a standard chemotherapy regimen is nobody's product
        elif ((drug.name in comparator and not (in_section and has_code)
               and (drug.name in compared or not any(name_kind(n) == "code" for n in names)))
              or (drug.name not in given and not any(name_kind(n) == "code" for n in names))) and not possessed:
            # "randomized to ZX-101 plus Drug or to ZX-101 alone", "ZX-19 alone and with resmetirom": a code-named
            # drug named "alone" is the sponsor's monotherapy arm, no comparator ("versus ZX-5" still is one);
            # "patients who switched from Brand": what they had before is nobody's the text says (a code name is
            # a developer's: "Acme stopped development of ZX-3" is no therapy patients had)
            owner = None
        elif drug.name in partnered and drug.name not in subject_mentions and not (possessed or in_section or any(
                name_kind(n) == "code" for n in names)):
            owner = None  # only ever given with the sponsor's drug, and no code name of its own: a partner's or standard-of-care drug
        elif marketed:
            # a marketed drug studied beside the sponsor's own code-named drug is a partner
            # drug; in a release with no code name (big pharma) the studied drug is the sponsor's
            studied = drug.name in designated or (drug.name in subjects and not has_own_code)
            owner = ctx.issuer if (in_section or possessed or studied) and not generic else None
        else:
            owner = ctx.issuer if (has_code or in_section or possessed or (drug.name in subjects and not generic)) else None
            if owner and companies is not None:
                owner = _item_company(ctx, drug.name, companies, company_forms) or owner
        if owner is None and drug.name in regional_partner:
            owner = _first_most_common(regional_partner[drug.name])
        updated.append(DrugFact(drug.name, drug.evidence, drug.aliases, owner))
    ctx.extraction.drugs = _coformulated(updated)


def _coformulated(drugs: list[DrugFact]) -> list[DrugFact]:
    """An ingredient of a company's co-formulation ("vibostolimab/pembrolizumab, an investigational
    coformulation of vibostolimab and Keytruda") that nothing else gives an owner is that company's too;
    a generic ingredient (gemcitabine) stays nobody's."""
    products = {part.strip().lower(): d.company for d in drugs if d.company and "/" in d.name for part in d.name.split("/")}
    if not products:
        return drugs
    return [DrugFact(d.name, d.evidence, d.aliases, products[d.name.lower()])
            if d.company is None and d.name.lower() in products and d.name.lower() not in lexicons.common_drugs() else d
            for d in drugs]
