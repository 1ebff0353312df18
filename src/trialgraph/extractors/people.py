"""People named in the body with their role and organisation:
quote attributions, appositions, appointments and "role NAME" phrases."""
from __future__ import annotations

import re

from ..model import Evidence, PersonFact
from .context import Context
from .memo import per_text
from .prefilter import gate

NAME = "people.patterns"

_PART = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]'[A-Z][a-z]+|(?:Mc|Mac|O')[A-Z][a-z]+"
PERSON = rf"(?:(?:Dr|Mr|Ms|Mrs|Prof|Professor)\.?\s+)?(?P<name>(?:{_PART})(?:\s+[A-Z]\.)*(?:\s+(?:{_PART})){{1,2}})"
DEGREES = r"(?:,?\s*(?:M\.?D\.?|Ph\.?D\.?|MBA|M\.?B\.?A\.?|MPH|M\.?S\.?c?|MS|R\.?N\.?|PharmD|Pharm\.D\.|FRCP|FRCPC|FACP|DVM|J\.D\.|JD|CPA|Esq\.)(?![A-Za-z]))*"
SPEECH = r"(?:said|says|added|adds|commented|comments|noted|notes|stated|states|explained|explains|continued|concluded|remarked)"
ROLE_WORDS = re.compile(
    r"\b(?:chief|officer|president|ceo|cfo|coo|cmo|cso|cbo|cto|founder|co-founder|chair(?:man|woman|person)?|director|"
    r"investigator|head|vice|vp|svp|evp|professor|lead author|author|principal|manager|partner|member|board|"
    r"chairman|executive|scientist|physician|oncologist|hematologist|attending|fellow|dean|leader|global head)\b",
    re.I,
)
NOT_A_NAME = re.compile(
    r"^(?:The|This|That|These|Those|Phase|Cohort|Study|Trial|About|In|On|At|For|With|From|Data|Patients|Overall|"
    r"Median|Fast|Orphan|Breakthrough|Rare|Priority|Accelerated|Food|Drug|New|United|European|Securities|Forward|"
    r"Investor|Media|Contact|Contacts|Source|Nasdaq|NASDAQ|Both|Each|All|Our|Its|Their|His|Her|Independent|"
    r"Clinical|Chief|President|Director|Vice|Professor|Principal|Lead|Head|Founder|Chairman|Global|Senior|Executive|"
    r"Dose|Part|Arm|Day|Week|Month|Year|Grade|Type|Stage|Lymphoma|Myeloma|Cancer|Tumor|Multiple|Diffuse|Acute|"
    r"Chronic|Small|Non|Mount|Memorial|University|Hospital|Center|Institute|Oncology|Therapeutics|Biosciences|"
    r"Pharmaceuticals|Biopharma|Moderna|Novartis|Janssen|Merck|Lilly|Pfizer|Roche|Genentech|Amgen|Sanofi|Bayer)\b"
)
ORG_TAIL = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|for|and|de|&))*)(?:\s+in\s+[A-Z][\w .]*)?\s*$")
INSTITUTION_HEAD = re.compile(r"^(?P<org>.*?\b(?:Center|Centre|Hospital|Institute|Clinic|School of Medicine|College|Foundation|Health)\b)")

ATTRIBUTION_AFTER = re.compile(rf"\b{SPEECH}\s*,?\s+{PERSON}{DEGREES}\s*,\s*(?P<role>[^\"“”]+?)\s*(?:[.\"“”]|$)")
ATTRIBUTION_AFTER_BARE = re.compile(rf"\b{SPEECH}\s*,?\s+{PERSON}{DEGREES}\s*(?:[.,\"“”]|$)")
ATTRIBUTION_BEFORE = re.compile(rf"(?:^|[\"”.]\s*|(?<!\s)\s)\s*{PERSON}{DEGREES}\s*,\s*(?P<role>[^\"“”]+?)\s*,\s*{SPEECH}\b")
APPOSITION = re.compile(rf"{PERSON}{DEGREES}\s*,\s*(?:(?:today|now|currently|then)\s+)?(?:an?\s+|the\s+)?(?P<role>[^,;\"“”]*?{ROLE_WORDS.pattern}[^,;\"“”]*?\s+(?:of|at)\s+[^,;\"“”]+?)(?=[,;.\"“”]|$)")
APPOINTED = re.compile(rf"\b(?:named|appoint(?:s|ed)?|elected|promoted)\s+{PERSON}{DEGREES}\s+(?:as\s+)?(?:its\s+|the\s+)?(?P<role>(?:[A-Za-z-]+\s+){{0,6}}?(?:officer|president|ceo|chair(?:man)?|director|head))", re.I)
ROLE_BEFORE = re.compile(rf"(?P<role>\b(?:former\s+)?(?:[a-z-]+\s+){{0,5}}(?:officer|president|investigator|director|chair(?:man|woman)?|founder|author|ceo|cmo|cfo)\b)\s+{PERSON}(?P<after>{DEGREES}(?:\s+(?:of|at)\s+(?:the\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of))*)?)")
# Most sentences hold none of these words: skip their scans (prefilter.py).
(ROLE_WORDS, NOT_A_NAME, ORG_TAIL, INSTITUTION_HEAD, ATTRIBUTION_AFTER, ATTRIBUTION_AFTER_BARE, ATTRIBUTION_BEFORE,
 APPOSITION, APPOINTED, ROLE_BEFORE) = map(gate, (
    ROLE_WORDS, NOT_A_NAME, ORG_TAIL, INSTITUTION_HEAD, ATTRIBUTION_AFTER, ATTRIBUTION_AFTER_BARE, ATTRIBUTION_BEFORE,
    APPOSITION, APPOINTED, ROLE_BEFORE))


def extract_people(ctx: Context) -> None:
    people: dict[str, PersonFact] = {}
    order: list[str] = []
    for sentence in ctx.fact_sentences():
        for match, name in _candidates(ctx.text(sentence)):
            if name in ctx.drug_forms.values() or _is_company(ctx, name):
                continue
            role, org = _role_and_org(match, ctx)
            key = person_key(name)
            fact = PersonFact(name, Evidence.of(sentence, NAME), role=role, organization=org)
            if key not in people:
                people[key] = fact
                order.append(key)
            elif not people[key].role and role:
                old = people[key]
                people[key] = PersonFact(old.name, old.evidence, role=role, organization=org or old.organization)
    ctx.extraction.people = [people[k] for k in order]


@per_text
def _candidates(text: str) -> list[tuple[re.Match, str]]:
    """(match, cleaned name) for every person pattern match, in pattern order: the text alone decides."""
    found = []
    for pattern in (ATTRIBUTION_AFTER, ATTRIBUTION_BEFORE, APPOSITION, APPOINTED, ROLE_BEFORE, ATTRIBUTION_AFTER_BARE):
        for match in pattern.finditer(text):
            name = clean_person_name(match.group("name"))
            if name:
                found.append((match, name))
    return found


def _role_and_org(match: re.Match, ctx: Context) -> tuple[str | None, str | None]:
    groups = match.groupdict()
    role = groups.get("role")
    if not role:
        return None, None
    role = re.sub(r"\s+", " ", role).strip(" ,")
    org = None
    if "after" in groups and groups.get("after"):
        tail = ORG_TAIL.search(groups["after"])
        org = tail.group("org") if tail else None
    else:
        tail = ORG_TAIL.search(role)
        if tail and ROLE_WORDS.search(role[: tail.start()] or ""):
            org = tail.group("org")
            role = role[: tail.start()]
        elif tail and not ROLE_WORDS.search(role[: tail.start()]):
            org = tail.group("org")
            rest = role[tail.end():]
            role = rest or role[: tail.start()]
    role = re.sub(r"^(?:the|an?|its|our)\s+", "", role.strip(" ,"), flags=re.I).lower() or None
    if org:
        org = _clean_org(org, ctx)
    elif role and re.search(r"\b(?:chief|ceo|cmo|cfo|coo|president|founder|chair)", role):
        org = ctx.issuer
    if role and not ROLE_WORDS.search(role):
        role = None if len(role.split()) > 8 else role
    return role, org


def _clean_org(org: str, ctx: Context) -> str:
    org = re.sub(r"'s?\s.*$", "", org)  # "Acme's board of directors" -> "Acme"
    org = re.sub(r"\s+(?:and|in)\s*$", "", org.strip(" ,."))
    head = INSTITUTION_HEAD.match(org)
    if head and not re.search(r"\b(?:University|Institute)\b", org[head.end():]):
        org = head.group("org")
    from .companies import company_key

    return ctx.company_forms.get(company_key(org), org)


def clean_person_name(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip()
    if NOT_A_NAME.match(name):
        return None
    parts = name.split()
    if len(parts) < 2 or any(p.isupper() and len(p) > 2 for p in parts):
        return None
    return name


def _is_company(ctx: Context, name: str) -> bool:
    from .companies import company_key

    return company_key(name) in ctx.company_forms or company_key(name.split()[0]) in ctx.company_forms


def person_key(name: str) -> str:
    """Formal name without middle initials: "Robert T. Smith" -> "robert smith"."""
    parts = [p for p in name.split() if not re.fullmatch(r"[A-Z]\.", p)]
    return " ".join(parts).lower()
