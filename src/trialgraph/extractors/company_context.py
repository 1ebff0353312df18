"""Companies named without a corporate suffix, found by the grammar around
them rather than by a list of names: partners and counterparties ("a
collaboration with X", "licensed from X", "sold by X"), possessives of a
product or deal ("X's eight-week treatment", "X's 2021 deal"), lists after
"companies such as", and former employers in a career line ("Chief Medical
Officer at X").

A candidate must look like a proper name (capitalised words, no sentence
break) and must not be a place, an agency, a person with a title, or an
organisation the lexicons say is no drug company.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from .prefilter import gate
from .text import DISEASE_WORD

# A proper name: one to four capitalised words ("Kestrel Nordic", "AcmeVie", "KSB", "Loxo@Acme").
_WORD = r"(?:St|Mt|Ft)\.(?=\s+[A-Z])|[A-Z][\w@&'’.-]*[\w]|[A-Z]"  # "St. Jude": the abbreviation's period ends no name
_NAME = rf"(?P<name>(?:{_WORD})(?:\s+(?:{_WORD})){{0,3}})"
_LIST = rf"(?P<list>(?:{_WORD})(?:\s+(?:{_WORD})){{0,3}}(?:\s*,\s*(?:and\s+)?(?:{_WORD})(?:\s+(?:{_WORD})){{0,3}})*(?:,?\s+(?:and|or)\s+(?:{_WORD})(?:\s+(?:{_WORD})){{0,3}})?)"

COUNTERPARTY = re.compile(
    r"\b(?:(?:collaboration|partnership|agreement|alliance|deal|license|licensing|joint venture|merger|co-development|"
    r"co-promotion)\s+with|(?:partnered|partnering|partners|teamed up|teams up)\s+with|"
    # "Acme's partner Kestrel", "its licensee Kestrel", "development partner Kestrel"
    r"(?:['’]s|\b(?i:its|our|development|commercial(?:ization)?|commercialisation|regional))\s+(?:partner|licensee|licensor|co-developer)|"
    r"(?:sold|marketed|developed|manufactured|acquired|licensed|owned|commercialized|"
    r"commercialised|discovered|distributed|in-licensed|invented)\s+by|licen[cs]es?\s+(?:it\s+)?from|"
    r"(?:licensed|in-licensed|acquired|sublicensed)\s+from|(?:licensed|out-licensed|sublicensed)\s+to|"
    # "out-licensed ZX-1 to Kestrel", "sold its rights in ZX-1 to Kestrel", "milestone payments from Kestrel"
    r"(?:out-licensed|licensed|sublicensed|sold)\s+(?:its\s+|the\s+|all\s+)?(?:[\w-]+\s+){1,4}?to|"
    r"(?:co-)?sponsored\s+by)"
    rf"\s+(?:the\s+)?{_NAME}"
)
# "milestone payments from Kestrel": the payer, a name that ends there ("royalties from HCV products" names none)
PAYER = re.compile(rf"\b(?:payments?|upfront|milestones?|royalt(?:y|ies)|fees?)\s+from\s+(?:the\s+)?{_NAME}"
                   r"(?=\s*(?:[,.;)]|$)|\s+(?:in|for|under|upon|of|and|on|if|as|to|at|when|based|through|over|during)\b)")
# "Acme granted Kestrel an exclusive license", "Kestrel will receive exclusive rights", "Kestrel, which holds the
# rights to", "Kestrel exercised its option", "Kestrel, Acme's partner in China": the other side of a licence.
LICENSEE = tuple(re.compile(p) for p in (
    rf"\bgranted\s+{_NAME}\s+(?:an?\s+|the\s+)?(?:(?:exclusive|worldwide|global|non-exclusive|royalty-bearing)\s+)*"
    r"(?:licen[cs]e|rights|option|sublicense)\b",
    rf"(?<![\w.]){_NAME}\s+(?:will\s+|shall\s+)?(?:receive|receives|received|obtain|obtains|obtained|gains?|gained)\s+"
    r"(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:rights|licen[cs]e)\b",
    rf"(?<![\w.]){_NAME},\s+which\s+(?:holds|owns|has|retains|acquired)\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}rights\b",
    rf"(?<![\w.]){_NAME}\s+(?:has\s+)?exercised\s+its\s+(?:[a-z-]+\s+)?option\b",
    rf"(?<![\w.]){_NAME},\s+(?:[A-Z][\w-]*['’]s|its|our|the\s+company['’]s)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:partner|licensee|licensor|collaborator|co-developer)\b",
))
# "Acme and Kestrel will co-develop", "co-commercialized by Acme and Kestrel": both sides of a shared drug.
_SECOND = rf"(?P<second>(?:{_WORD})(?:\s+(?:{_WORD})){{0,3}})"
CO_PARTIES = tuple(re.compile(p) for p in (
    rf"(?<![\w.]){_NAME}\s+and\s+{_SECOND}\s+(?:will\s+|to\s+|have\s+agreed\s+to\s+|plan\s+to\s+)?"
    r"(?:jointly\s+)?co-(?:develop|commerciali[sz]e|promote|market)",
    rf"\bco-(?:developed|commerciali[sz]ed|promoted|marketed)\s+by\s+{_NAME}\s+and\s+{_SECOND}",
))
# "Kelvara, a privately held biotechnology company": an appositive that says what the name is.
COMPANY_APPOSITIVE = re.compile(
    rf"(?<![\w.]){_NAME},\s+(?:a|an)\s+(?:[\w-]+\s+){{0,4}}?(?:biotechnology|biotech|biopharmaceutical|biopharma|pharmaceutical|"
    r"pharma|life sciences|drug development|gene therapy|cell therapy|radiopharmaceutical|vaccine|therapeutics)\s+company\b")
SPIN_OUT = re.compile(rf"\b(?:a|an)\s+{_NAME}\s+(?:spin-?out|spin-?off|subsidiary|affiliate)\b")
POSSESSIVE = re.compile(
    rf"(?<![\w.])(?<!Dr\. )(?<!Mr\. )(?<!Ms\. )(?<!Mrs\. ){_NAME}['’]s\s+(?P<between>(?:[\w-]+\s+){{0,3}}?)"
    r"(?:deal|partnership|collaboration|acquisition|drug|drugs|treatment|therapy|therapies|medicine|medicines|vaccine|"
    r"blockbuster|franchise|portfolio|pipeline|injection|tablets?|product|products|antibody|ADC|inhibitor|"
    # "Acme's Zenith 1 phase 3a randomized study": a sponsor's phased study
    r"(?:[\w-]+\s+){0,3}?[Pp]hase\s+[0-9IV]+[ab]?(?:/[0-9IV]+[ab]?)?\s+(?:[\w-]+\s+){0,3}?(?:study|studies|trials?))\b"
)
# "Acme's Brandname", "Acme Sciences' Brandname": the owner of a product the drug dictionary knows.
PRODUCT_OWNER = re.compile(
    rf"(?<![\w.])(?<!Dr\. )(?<!Mr\. )(?<!Ms\. )(?<!Mrs\. ){_NAME}(?:['’]s|(?<=s)['’])\s+(?P<product>[A-Z][A-Za-z]{{3,}})\b")
# "the acquisition of Acme", "its purchase of the ADC specialist Acme": the company bought.
ACQUIRED = re.compile(
    r"\b(?:acquisition|purchase|buyout|takeover)\s+of\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?"
    rf"(?:specialist|company|firm|biotech|biotechnology company|developer|maker|drugmaker|startup)\s+)?{_NAME}")
# "Acme holds rights to commercialize ...", "Acme holds the exclusive rights": the subject holds a product's rights.
RIGHTS_HOLDER = re.compile(rf"(?<![\w.]){_NAME}\s+(?:holds|owns|retains|has|acquired)\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}rights\b")
# "Acme licensed ...", "Acme acquired ...": the subject of a deal verb.
DEAL_SUBJECT = re.compile(rf"(?<![\w.])(?<!Dr\. ){_NAME}\s+(?:licensed|in-licensed|acquired|partnered)\s+(?:with\s+)?(?:[a-z]|[A-Z][\w-]*['’]s\b)")
# "Acme's 2020 Beta partnership": a company named as one side of a deal.
DEAL_PARTY = re.compile(rf"(?<![\w.]){_NAME}\s+(?:partnership|collaboration|alliance|licensing deal|licensing agreement)\b")
# "companies such as A, B and C", "leading pharmaceutical companies, such as A, B, and C", "partners
# include A and B", "partnerships with A, B and C": every member of a list whose head says drug companies.
COMPANIES_SUCH_AS = re.compile(
    r"\b(?:(?:companies|firms|players|drugmakers|pharmas|biotechs|biopharmas|partners|collaborators|licensees)"
    r",?\s+(?:like|such as|including|includes?|as|among them|notably)\s+"
    r"|(?:partnerships|collaborations|alliances|agreements|deals)\s+with\s+(?:the\s+)?"
    rf"(?=(?:{_WORD})(?:\s+(?:{_WORD})){{0,3}}(?:\s*,\s*|\s+and\s+)(?:{_WORD}))){_LIST}"
)
GUIDANCE_AFTER = re.compile(r"\s+(?:guidelines?|recommendations?|protocols?|algorithms?|standards?|landscape|paradigm|options?)\b")
# "X, a nonprofit health system", "X, a national patient advocacy organization", "X, the academic medical center":
# an appositive that says the name is a care provider, a charity, a public body or a school (GUIDE.md "Companies").
NOT_A_COMPANY_APPOSITIVE = re.compile(
    r"\s*,\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,3}?(?:non-?profit|not-for-profit|charit(?:y|able)|philanthropic|"
    r"health\s+(?:care\s+)?system|hospital|academic\s+medical\s+cent(?:er|re)|medical\s+cent(?:er|re)|cancer\s+cent(?:er|re)|"
    r"(?:patient\s+)?advocacy|foundation|university|research\s+institute|institute|government(?:al)?|public\s+health|"
    r"agency|regulator|professional\s+society|medical\s+society|trade\s+(?:group|association)|registry|biobank)\b", re.I)
ACADEMIC_HEAD = re.compile(r"\b(?:academic|institutional|university|hospital|non-?profit|patient|advocacy|government|public)"
                           r"\s+(?:[\w-]+\s+)?(?:and\s+[\w-]+\s+)?$|\bresearch\s+$", re.I)
FORMER_EMPLOYER = re.compile(
    r"\b(?:Officer|President|Head|Director|Chair(?:man|woman)?|Founder|Vice President|VP|Scientist|Lead|Manager)\b"
    rf"[^.;:]{{0,60}}?\s+at\s+(?:both\s+)?{_LIST}"
)
# A person's present other posts: "he also serves as a Non-Executive Director at A Ltd, and B Limited". Such an
# organisation is a company only when its name says it develops drugs (GUIDE.md: drug companies); former
# employers ("previously served as ... at X") stay companies.
OTHER_POST_BEFORE = gate(re.compile(
    r"\b(?:serves|serving|sits|acts|holds)\s+(?:also\s+)?(?:as\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:director|member|chair\w*|advis[oe]r|trustee|mentor|partner|board seats?|positions?)\s+(?:at|of|on|for|with)\s+[^.;]{0,140}$",
    re.I))
DRUG_MAKER_WORD = re.compile(
    r"\b(?:Therapeutics|Pharmaceuticals?|Pharma|Biosciences?|Biotherapeutics|Biotech|Biotechnology|Biopharma|"
    r"Biopharmaceuticals?|Biologics|Bio|Oncology|Medicines|Sciences|Laboratories|Labs|Genetics|Genomics|Biomedical|"
    r"Immunotherapeutics|Vaccines|Biologicals)\b")
COUNTERPARTY, SPIN_OUT, POSSESSIVE, DEAL_SUBJECT, DEAL_PARTY, COMPANIES_SUCH_AS, FORMER_EMPLOYER, COMPANY_APPOSITIVE = map(
    gate, (COUNTERPARTY, SPIN_OUT, POSSESSIVE, DEAL_SUBJECT, DEAL_PARTY, COMPANIES_SUCH_AS, FORMER_EMPLOYER, COMPANY_APPOSITIVE))
PRODUCT_OWNER, RIGHTS_HOLDER, ACQUIRED = map(gate, (PRODUCT_OWNER, RIGHTS_HOLDER, ACQUIRED))
LICENSEE, CO_PARTIES = (tuple(map(gate, patterns)) for patterns in ((*LICENSEE, PAYER), CO_PARTIES))

_GENERIC_FIRST = re.compile(
    r"^(?:The|This|That|These|Those|Its|Our|Their|His|Her|Each|Both|All|Any|Some|Such|Other|Other|New|Company|Phase|"
    r"Cohort|Arm|Part|Stage|Table|Figure|Section|Appendix|Schedule|Exhibit|"
    r"Dr|Mr|Ms|Mrs|Prof|Professor|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|I|We|You|They|He|She|It)\b"
)
_TITLE_WORD = re.compile(r"\b(?:Officer|President|Director|Head|Chair|Professor|Inhibitor|Disease|Syndrome|Cancer|Study|Trial)\b")


@lru_cache(maxsize=4096)
def context_names(text: str) -> tuple[str, ...]:
    """Proper names the grammar of this sentence marks as companies: the text alone decides."""
    found: list[str] = []
    for pattern in (COUNTERPARTY, SPIN_OUT, POSSESSIVE, DEAL_SUBJECT, DEAL_PARTY, COMPANY_APPOSITIVE):
        for match in pattern.finditer(text):
            if pattern is POSSESSIVE and DISEASE_WORD.search(match.group("between") + " " + text[match.end():match.end() + 1]):
                continue  # "Alzheimer's disease treatment": an eponym, not an owner
            if pattern is POSSESSIVE and GUIDANCE_AFTER.match(text, match.end()):
                continue  # "the Society's treatment guidelines": a body that advises, not an owner
            if pattern is POSSESSIVE and _institution_after(text, match.end("name")):
                continue
            if pattern is POSSESSIVE and _TIME_WORDS.fullmatch(match.group("name")):
                continue  # "Today's decision moves the medicine": a day's possessive, no owner
            if pattern is DEAL_PARTY and _opening_common_word(text, match):
                continue  # "Overseas partnership", "Research collaboration": a heading's words capitalised by their place, no firm
            found.append(match.group("name"))
    if "'" in text or "’" in text:
        for match in PRODUCT_OWNER.finditer(text):
            if _is_product(match.group("product")) and not _institution_after(text, match.end("name")):
                found.append(match.group("name"))
    found.extend(match.group("name") for match in RIGHTS_HOLDER.finditer(text))
    found.extend(match.group("name") for pattern in LICENSEE for match in pattern.finditer(text))
    found.extend(name for pattern in CO_PARTIES for match in pattern.finditer(text) for name in match.group("name", "second"))
    found.extend(match.group("name") for match in ACQUIRED.finditer(text) if not _is_drug(match.group("name")))
    for pattern in (COMPANIES_SUCH_AS, FORMER_EMPLOYER):
        position = 0
        while (match := pattern.search(text, position)) is not None:
            # the next search starts inside this match: "... Officer at A and Head of Research at B"
            position = match.start() + 1
            if pattern is COMPANIES_SUCH_AS and ACADEMIC_HEAD.search(text, max(0, match.start() - 40), match.start()):
                continue  # "academic partners such as A and B", "research collaborations with A and B": institutions
            # a list member the drug dictionary knows is a product ("companies such as Brand makers")
            listed = [name for name in _split_list(match.group("list")) if not _is_drug(name)]
            if pattern is FORMER_EMPLOYER and re.search(r"['’]s$", match.group("list")) and re.match(r"\s+[a-z]", text[match.end():]):
                # "Director of X at Example Hospital and ZEN-1's lead investigator": the last name owns a second
                # title (a study's, a board's), it is no employer listed after "at"
                listed = listed[:-1]
            if OTHER_POST_BEFORE.search(text, max(0, match.start() - 60), match.end() - len(match.group("list"))):
                listed = [name for name in listed if DRUG_MAKER_WORD.search(name)]  # a person's other board seats
            found.extend(listed)
    return tuple(dict.fromkeys(name for name in (_clean(n) for n in found)
                               if name and plausible(name) and not says_not_a_company(text, name)))


# Words for a time, whose possessive ("Today's approval", "Last year's launch") owns nothing
_TIME_WORDS = re.compile(r"(?:Today|Tomorrow|Yesterday|Tonight|(?:This|Last|Next)\s+(?:year|quarter|month|week)|"
                         r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)")


_POSSESSIVE_WORD = re.compile(r"['’]s\s+(?P<word>[A-Z][\w-]*)")


def _institution_after(text: str, end: int) -> bool:
    """"Example Children's Hospital", "Example Women's Health Center": the possessive is inside an
    institution's own name, which owns nothing."""
    word = _POSSESSIVE_WORD.match(text, end)
    return word is not None and word.group("word") in lexicons.not_company_words()


def says_not_a_company(text: str, name: str) -> bool:
    """Whether an appositive right after the name says what it is, and that is no company."""
    at = text.find(name)
    return at >= 0 and NOT_A_COMPANY_APPOSITIVE.match(text, at + len(name)) is not None


def _is_product(word: str) -> bool:
    from ..lexicons.drug_names import lexicon

    return lexicon().is_brand(word)


def _is_drug(name: str) -> bool:
    from ..lexicons.drug_names import lexicon

    return lexicon().canonical(name.split()[0]) is not None


def _split_list(text: str) -> list[str]:
    return [part for part in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text) if part]


def _clean(name: str) -> str:
    from .companies import HEADLINE_VERB, strip_place

    name = strip_place(re.sub(r"['’]s$", "", name.strip(" ,.'’")))
    words = name.split()
    for index in range(len(words) - 1, -1, -1):
        if re.fullmatch(r"From|With|For|And|Of|In|To|On|At|By|As|The|Into|Over|Than", words[index]):
            words = words[index + 1:]  # a title-case heading: "Data From Acme" names Acme
            break
    if len(words) > 1 and re.fullmatch(r"[A-Z][a-z]+ing", words[0]):
        words = words[1:]  # a sentence opening with a gerund: "Expanding Acme's pipeline"
    elif len(words) > 1 and re.fullmatch(HEADLINE_VERB, words[0]):
        words = words[1:]  # a title-case headline or bullet: "Option to License Acme's ADC", "Complements Acme's"
    if len(words) > 1 and re.fullmatch(r"Partners?|Licensee|Licensor|Collaborator|Rival|Competitor|Drugmaker", words[0]):
        words = words[1:]  # a heading or sentence opening with the firm's role: "Partner Acme Pharma's Phase 3 study"
    return " ".join(words)


def _opening_common_word(text: str, match: re.Match) -> bool:
    """The sentence or bullet opens with one English word before the deal noun: a heading ("Overseas partnership")."""
    name = match.group("name")
    opens = not text[: match.start("name")].strip(" \t*•·-")
    return opens and " " not in name and name.lower() in lexicons.english_words()


def plausible(name: str) -> bool:
    from .companies import NOT_COMPANY

    if _GENERIC_FIRST.match(name) or NOT_COMPANY.search(name) or _TITLE_WORD.search(name):
        return False
    if name.lower() in lexicons.disease_eponyms():
        return False
    if len(name) < 2 or (name.isupper() and len(name.split()) > 1):
        return False
    if re.fullmatch(r"[A-Z]{1,6}[- ]?\d{2,6}[A-Za-z]?", name):
        return False  # a drug's code name: "ABC-101's Phase 2 study"
    lower = name.lower()
    if (lower in lexicons.states() or lower in lexicons.cities() or lower in lexicons.countries() or lower in lexicons.regions()
            or lower in lexicons.world_regions()):
        return False
    return not any(pattern.fullmatch(name) for pattern, _ in lexicons.agencies())
