"""Companies: names with corporate designators, tickers and exchanges, short
forms the release defines ("Ambrx"), website and headquarters."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from ..model import CompanyFact, Evidence, Zone
from .company_context import DRUG_MAKER_WORD, NOT_A_COMPANY_APPOSITIVE, OTHER_POST_BEFORE, context_names
from .context import Context, name_key
from .memo import per_text
from .prefilter import gate

SUFFIX = (
    r"(?:and\s+Company|Inc\.?|Incorporated|Corp\.?|Corporation|Co\.,?\s+Ltd\.?|Co\.|Company|(?:Pte|Pty)\.?\s+(?:Ltd\.?|Limited)|Sdn\.?\s+Bhd\.?|Ltd\.?|Limited|LLC|L\.L\.C\.|"
    r"L\.P\.|LP|plc|PLC|AG|S\.A\.S\.|SAS|SA|S\.A\.|SE|N\.V\.|NV|B\.V\.|AB|A/S|ASA|GmbH|KGaA|S\.p\.A\.|S\.r\.l\.|Srl|"
    # Czech, Slovak and Finnish forms: "Example Pharma a.s.", "Example Oy"
    r"a\.s\.|Oyj|Oy|K\.K\.|Holdings)"
)
INDUSTRY = (
    r"(?:Therapeutics|Pharmaceuticals?|Pharma|Biosciences?|Biotherapeutics|Biotech|Biotechnology|Biopharma|"
    r"Biopharmaceuticals?|Biologics|Bio|Oncology|Medicines|Sciences|Laboratories|Labs|Genetics|Genomics|"
    r"Biomedical|Healthcare|Health|Immunotherapeutics|Vaccines|Biologicals|Therapeutic|International)"
)
BARE_INDUSTRY = (
    r"(?:Therapeutics|Pharmaceuticals?|Pharma|Biosciences?|Biotherapeutics|Biotech|Biotechnology|Biopharma|"
    r"Biopharmaceuticals?|Biologics|Bio|Oncology|Medicines|Sciences|Laboratories|Labs|Genetics|Genomics|"
    r"Biomedical|Immunotherapeutics|Vaccines|Biologicals|International|Neuro|Pharm)"
)
# A word is taken whole (atomic): what follows one is whitespace or a comma, never a character it could
# give back, so retrying its shorter ends only cost time.
_TOKEN = r"(?:(?>[A-Z][\w'’&.-]*[\w.])|[A-Z]|&)"
_NAME_CORE = rf"{_TOKEN}(?:\s+{_TOKEN})*"
NAME_WITH_SUFFIX = re.compile(
    # "Acme Pharmaceutical (Suzhou) Co., Ltd.": a subsidiary's seat in parentheses before its suffix
    rf"(?:(?<![\w-])|(?<=--))(?P<name>{_NAME_CORE}(?:,?\s+{INDUSTRY})*(?:\s+\([A-Z][a-z]+(?:\s[A-Z][a-z]+)?\))?(?:,?\s+{SUFFIX})+(?:\s+\(publ\))?|{_NAME_CORE}\s+{BARE_INDUSTRY}(?:\s+{BARE_INDUSTRY})*)(?![\w-])"
)
EXCHANGE_NAMES = sorted(lexicons.exchanges(), key=len, reverse=True)
_EXCHANGES = "|".join(re.escape(e) for e in EXCHANGE_NAMES)
# A defined term may share the parenthetical with the listing, before or after it:
# '("Acme" or the "Company"; HKEX: 1234)', '(TSE: 4567, "Acme")'.
_DEFINED_TERMS = r"(?:the\s+)?\"[^\"()]{1,40}\"(?:\s+or\s+(?:the\s+)?\"[^\"()]{1,40}\")*"
TICKER = re.compile(
    # "(Nasdaq: ACME, ACMEW)": a second ticker (warrants, units) of the same listing
    r"\((?:" + _DEFINED_TERMS + r"\s*[;,]\s*)?"
    # "(LSE/NYSE: ABC)": one ticker on two exchanges, the first named wins (FACTS.md)
    r"(?P<listing>(?:(?:" + _EXCHANGES + r")(?:\s*/\s*(?:" + _EXCHANGES + r"))*\s*:\s*\"?[A-Z0-9.]{1,8}\"?"
    r"(?:\s*,\s*[A-Z0-9.]{1,8}(?=\s*[,;)]))*[;,\s]*)+)"
    # "(TSE: 4587, President and CEO: Taro Yamada, "Kiri")": the chief executive named beside the listing
    r"(?:[A-Z][A-Za-z&. ]{1,60}(?:,\s*[A-Z][A-Za-z&. ]{1,40})?\s*:\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}[;,\s]*)?"
    r"(?:" + _DEFINED_TERMS + r")?\)",
    re.I,
)
LISTING_PART = re.compile(r"(?P<exchange>" + _EXCHANGES + r")(?:\s*/\s*(?:" + _EXCHANGES + r"))*\s*:\s*\"?(?P<ticker>[A-Z0-9.]{1,8})", re.I)
LISTED_ON = re.compile(
    r"listed on (?:the )?(?P<exchange>" + "|".join(re.escape(e) for e in EXCHANGE_NAMES) + r")(?: under the (?:ticker|symbol)(?: symbol)?| \()\s*\"?(?P<ticker>[A-Z0-9]{2,8})",
    re.I,
)
# news states a listing as an event: "went public on Nasdaq in 2024 under the ticker ACME"
NEWS_LISTING = gate(re.compile(
    r"\b(?:went\s+public|listed|debuted|began\s+trading|trades|is\s+traded)\s+on\s+(?:the\s+)?(?P<exchange>(?i:"
    + "|".join(re.escape(e) for e in EXCHANGE_NAMES) + r"))(?:\s+in\s+(?:\w+\s+)?\d{4})?,?\s+under\s+the\s+(?:ticker|symbol)"
    r"(?:\s+symbol)?\s+\"?(?P<ticker>[A-Z][A-Z0-9]{1,7})\b"))  # gated (prefilter.py): read in every sentence, named in few
DEFINED_SHORT = re.compile(r"^\s*[(（](?:the\s+)?(?:\"Company\"\s+or\s+)?\"(?P<short>[A-Z][\w-]+(?: [A-Z][\w-]+){0,2})\"")
# "Acme Bio（2511.HK）", "Acme Pharma (002422.SZ)", "Acme (4568.T)", "Acme (ACME.L)": a listing written as a
# market-data code, its suffix naming the exchange (GUIDE.md: "2511.HK" is ticker 2511, exchange HKEX).
# The Asian markets' suffixes take numeric codes, the others letters: "(N.V.)" or "(U.S.)" are no listing.
CODE_LISTING = re.compile(r"[(（]\s*(?P<ticker>\d{4,6}|\d{3}[A-Z]|[A-Z][A-Z0-9]{1,5}(?:-[A-Z])?)\.(?P<suffix>[A-Z]{1,2})\s*[)）]")
_NUMERIC_SUFFIXES = frozenset({"HK", "SZ", "SS", "SH", "T", "KS", "KQ"})
NOT_COMPANY = re.compile(r"\b(?:" + "|".join(map(re.escape, lexicons.not_company_words())) + r")\b")
# A name that continues into a non-company word ("... Healthcare Conference") or hangs off
# "of"/"for" after a capitalised word ("Society of Medical Oncology") is a fragment of another name.
FRAGMENT_AFTER = re.compile(r"^\s+(?:[A-Z][\w'&-]*\s+){0,2}(?:" + "|".join(map(re.escape, lexicons.not_company_words())) + r")\b")
# ("CFO of Acme Therapeutics" is a post at a company, not a fragment; a spelt-out title before "of" stays one,
# so that a misspelt name after it is resolved through the people extractor, not made a company)
# ("Shares of Acme Inc." in market news opens a sentence; the name is whole)
FRAGMENT_BEFORE = re.compile(r"\b(?!(?:CEO|CFO|COO|CMO|CSO|CTO|CBO|CCO|Shares|Stock)\b)"
                             r"[A-Z][\w'&-]*\s+(?:of|for|de)\s+(?:the\s+)?$")
# Journals and news outlets carry industry words ("... Oncology", "... Biotech") but publish (GUIDE.md).
PUBLICATION_BEFORE = gate(re.compile(
    r"\b(?:published|publication|appear(?:s|ed)?|featured|covered)\s+(?:online\s+)?(?:in|by)\s+"
    r"(?:the\s+)?(?:journal\s+|(?:latest|current|[A-Z][a-z]+)\s+issue\s+of\s+(?:the\s+)?)?(?:(?:[A-Z][\w&-]*|and)\s+(?:and\s+)?)*?$"
    r"|\b(?:journal|newsletter|magazine|publisher|trade publication)\s+$", re.I))
# Firms that serve a deal rather than develop drugs (GUIDE.md: advisers, banks, PR/IR firms):
# "advised by X", "X acted as financial advisor", "X, the company's legal counsel".
_SERVICE = (r"(?:financial|legal|investor relations|IR|public relations|PR|strategic|exclusive|lead|sole|joint)?\s*(?:advis[oe]rs?|counsel|"
            r"placement agents?|underwriters?|book-?runners?|(?:lead\s+)?book-?running\s+managers?|co-?managers?|lead\s+managers?|"
            r"sales\s+agents?|auditors?|transfer agents?)")
SERVICE_BEFORE = gate(re.compile(r"\b(?:advised by|(?:engaged|retained|appointed|hired)|" + _SERVICE + r"(?:\s+to\s+\w+)?,?)\s+$", re.I))
# "A and B are acting as joint book-running managers": every firm the role's subject names
_CO_NAMED = r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,4})*"
SERVICE_AFTER = gate(re.compile(r"^(?:\s*(?:,\s*(?:the\s+|its\s+|our\s+|the company's\s+)?|\s+(?:is\s+|are\s+)?(?:acted|acting|served|serving|serves|acts)\s+as\s+(?:the\s+|an?\s+)?(?:\w+\s+)?)"
                                r"|" + _CO_NAMED + r"\s+(?:are\s+|were\s+|have\s+)?(?:acted|acting|served|serving|serve|act)\s+as\s+(?:the\s+|an?\s+)?(?:\w+\s+)?)"
                                + _SERVICE + r"\b", re.I))
# Firms named for a service to a trial or a product (GUIDE.md: CROs and CDMOs doing services only):
# "X, a contract research organization", "the CRO X", "X for bioanalysis", "X to manufacture ...".
_SUPPLIER = (r"(?:contract\s+(?:research|development(?:\s+and\s+manufacturing)?|manufacturing)\s+organi[sz]ations?|"
             r"CROs?|CDMOs?|CMOs?|(?:laboratory|lab|testing|analytical|bioanalytical|clinical\s+supply|logistics|"
             r"manufacturing|service|technology)\s+(?:services\s+)?(?:providers?|vendors?|suppliers?|partners?)|vendors?|suppliers?)")
# "its contract development and manufacturing partner X": up to three words describe the service
# "manufactured under contract by X": a firm paid for a service
SUPPLIER_BEFORE = gate(re.compile(r"\b(?:the|its|our|a|an)\s+(?:\w+\s+){0,3}" + _SUPPLIER + r",?\s+$"
                                  r"|\bunder\s+contract\s+(?:by|with|from)\s+$"))
SUPPLIER_AFTER = gate(re.compile(
    r"^\.?(?:\s*,\s*(?:the|its|our|an?)\s+(?:[\w-]+\s+){0,3}" + _SUPPLIER + r"\b"
    r"|\s+as\s+(?:the\s+|its\s+|our\s+|an?\s+)?(?:[\w-]+\s+){0,2}" + _SUPPLIER + r"\b"  # "run by X as contract research organisation"
    r"|\s+on\s+behalf\s+of\b"  # "conducted by X on behalf of Acme": X serves Acme
    r"|\s+(?:for|to\s+(?:provide|perform|conduct|run|supply|manufacture))\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:bioanaly|analy|assay|testing|sequencing|manufactur|fill|packag|labell?ing|distribution|logistics|"
    r"central\s+lab|(?:site\s+)?monitoring|data\s+management|pharmacovigilance|sample))"))
# An event named with its place and month or its year ("BIO International in Boston (June)",
# "Example Bio Europe Spring in Milan (March)", "Example Summit 2025") is a meeting, not a company.
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
EVENT_AFTER = re.compile(r"^(?:\s+20\d\d\b|(?:\s+[A-Z][\w-]*){0,2}\s+(?:in\s+[A-Z][a-z]+(?:,\s+[A-Z][\w.]+)?\s*(?:\(\s*" + _MONTH + r"|,?\s+(?:on|from)\s+" + _MONTH + r")))")


def serves_or_hosts(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is written as a supplier of a service or as an event."""
    tail = text[end:end + 120]
    if re.match(r"(?:(?:[Tt]he|[Ii]ts|[Oo]ur)\s+)?(?:CRO|CDMO|CMO)s?\s", text[start:end]):
        return True  # "the CRO Example Research Ltd.": the role word ran into the name
    # an event carries no corporate suffix: "Example Bio, Inc. in Boston on June 3" is a company
    event = EVENT_AFTER.match(tail) and not re.search(rf"\s{SUFFIX}\.?$", text[start:end])
    return bool(SUPPLIER_AFTER.match(tail) or event or SUPPLIER_BEFORE.search(text[max(0, start - 60):start]))


# "the holding company for A, B and C (together, the "Group")", "its subsidiaries include A and B":
# members of one group are that group, not companies of their own (GUIDE.md, subsidiaries that do
# not develop drugs); a subsidiary named with a drug role ("the trademark owner of X") is found
# through that role elsewhere.
GROUP_MEMBER_BEFORE = gate(re.compile(
    r"\b(?:holding company (?:for|of)|subsidiaries (?:include|including|are|comprise)|subsidiaries,?\s+(?:namely|such as))"
    r"[^;()]{0,200}$", re.I))
# "Acme Bio, Inc., formerly Old Name Inc.": the old name is the same company, not another one.
FORMERLY = re.compile(r"\b(?:(?:formerly|previously)(?:\s+(?:known|named|called|operating|operated|trading)(?:\s+as)?)?|(?:operating|operated|trading|doing business) as|f/k/a|d/b/a)\s+$", re.I)
# A title-case headline or bullet puts a deal verb right before the company it acts on ("Acme to Acquire
# Kestrel Bio", "Option to License Kestrel's ADC", "- Complements Kestrel's portfolio"). Only forms that no
# drug company's name opens with.
HEADLINE_VERB = (r"(?:Acquires?|Licen[cs]es?|In-[Ll]icen[cs]es?|Buys?|Sells?|Joins?|Regains?|Divests?|Exercises?|Enters|Signs|"
                 r"Completes|Announces|Receives|Grants|Expands|Strengthens|Welcomes|Extends|Agrees|Brings|Secures|Gains|"
                 r"Adds|Complements|Closes|Reports|Presents|Selects|Returns|Terminates)")
LEADING_NOISE = re.compile(
    r"^(?:(?:The|This|That|These|A|An|In|At|By|For|With|Under|Both|Neither|Nor|Either|Its|Our|Partner|[A-Z][a-z]+ing|Today|UPDATE|About|Source|SOURCE|"
    r"Shares|Clinical-stage|Commercial-stage|Late-stage|And|As|From|Between|Subsidiary|Former|Formerly|"
    r"Global|Leading|Biopharmaceutical|Biotech|Biotechnology|Pharmaceutical|Company|Copyright|Dr|Mr|Ms|"
    # news describes a company before naming it: "Rival Acme Pharmaceuticals", "Drugmaker Acme Bio"
    r"Rival|Rivals|Competitor|Fellow|Drugmaker|Drugmakers|" + HEADLINE_VERB + r")\b[.:]?\s+)+"
)
WEBSITE = re.compile(r"\b(?:https?://)?(?P<site>www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
HEADQUARTERS = re.compile(r"\b(?:headquartered|based) in (?:the )?(?P<place>[A-Z][\w .'-]*?(?:, [A-Z][\w .'-]*?)?)(?:[,.;]| area| that| and| whose| with|$)")
# Most sentences hold none of these words: skip their scans (prefilter.py).
NAME_WITH_SUFFIX, TICKER, LISTING_PART, LISTED_ON, NOT_COMPANY, LEADING_NOISE, WEBSITE, HEADQUARTERS, CODE_LISTING = map(
    gate, (NAME_WITH_SUFFIX, TICKER, LISTING_PART, LISTED_ON, NOT_COMPANY, LEADING_NOISE, WEBSITE, HEADQUARTERS, CODE_LISTING))

NAME = "companies.patterns"
CONTEXT = "companies.context"


def _known_form(name: str, found: dict) -> bool:
    """A short form of a company already found ("Acme" for "Acme Oncology, Inc.")."""
    key = company_key(name)
    return not key or any(other.startswith(key) or key.startswith(other) or (len(key) >= 6 and key in other)
                          for other in found)


def extract_companies(ctx: Context) -> None:
    found: dict[str, CompanyFact] = {}
    order: list[str] = []

    def add(fact: CompanyFact) -> None:
        key = company_key(fact.name)
        if not key:
            return
        if key not in found:
            found[key] = fact
            order.append(key)
            return
        old = found[key]
        found[key] = CompanyFact(
            name=max((old.name, fact.name), key=lambda n: (len(n), n)),
            evidence=old.evidence,
            short_names=tuple(dict.fromkeys(old.short_names + fact.short_names)),
            ticker=old.ticker or fact.ticker,
            exchange=old.exchange or fact.exchange,
            website=old.website or fact.website,
            headquarters=old.headquarters or fact.headquarters,
            is_issuer=old.is_issuer or fact.is_issuer,
        )

    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        for name, short, ticker, exchange in _listed_names(text):
            add(CompanyFact(name, Evidence.of(sentence, NAME), short_names=short, ticker=ticker,
                            exchange=exchange, is_issuer=sentence.zone is Zone.DATELINE))
        for name, short in _suffixed_names(text):
            add(CompanyFact(name, Evidence.of(sentence, NAME), short_names=short))
        listed = LISTED_ON.search(text)
        if listed and sentence.section:
            subject = _company_for(sentence.section, found, order)
            if subject:
                exchange = lexicons.exchanges().get(re.sub(r"\s+", " ", listed.group("exchange")).lower())
                add(CompanyFact(found[subject].name, Evidence.of(sentence, NAME), ticker=listed.group("ticker"), exchange=exchange))
    for sentence in ctx.fact_sentences():
        text = ctx.text(sentence)
        for name in context_names(text):
            at = text.find(name)
            if at >= 0 and serves_or_hosts(text, at, at + len(name)):
                continue
            spelt_out = ctx.abbreviations().get(name)
            if spelt_out and NOT_COMPANY.search(spelt_out):
                continue  # "an agreement with LOTN", defined as "Example Oncology Trials Network (LOTN)": a network, no firm
            if not _known_form(name, found):
                add(CompanyFact(name, Evidence.of(sentence, CONTEXT)))
    for sentence in ctx.fact_sentences():
        flash = FLASH_TICKER.search(ctx.text(sentence))
        runs = re.finditer(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}", ctx.text(sentence)[: flash.start()]) if flash else ()
        subject = next((key for key in (_company_for(run.group(0), found, order) for run in runs) if key), None)
        if subject and not found[subject].ticker:
            add(CompanyFact(found[subject].name, Evidence.of(sentence, NAME), ticker=flash.group("ticker")))
        for quote in (SHARES_QUOTE.finditer(ctx.text(sentence)) if "hares of" in ctx.text(sentence) else ()):
            # "Shares of Acme Bio Inc. ACMB jumped 41%": market news writes the ticker right after the name
            subject = _company_for(quote.group("name"), found, order)
            if subject and not found[subject].ticker and found[subject].name == quote.group("name"):
                add(CompanyFact(found[subject].name, Evidence.of(sentence, NAME), ticker=quote.group("ticker")))
        went = NEWS_LISTING.search(ctx.text(sentence))
        if went:
            # "Shares of Acme, which went public on Nasdaq in 2024 under the ticker ACME, fell": the nearest company
            # named before the listing
            runs = list(re.finditer(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}", ctx.text(sentence)[: went.start()]))
            subject = next((key for key in (_company_for(run.group(0), found, order) for run in reversed(runs)) if key), None)
            if subject and not found[subject].ticker:
                exchange = lexicons.exchanges().get(re.sub(r"\s+", " ", went.group("exchange")).lower())
                add(CompanyFact(found[subject].name, Evidence.of(sentence, NAME), ticker=went.group("ticker"), exchange=exchange))
    _attach_anaphoric_listings(ctx, found, order, add)
    _attach_site_and_headquarters(ctx, found, order, add)
    _drop_glued_headings(found, order)
    for sentence in ctx.fact_sentences():
        for old_name, new_name in _renames(ctx.text(sentence)):
            _fold_old_name(old_name, new_name, found, order, add, Evidence.of(sentence, NAME))
    _fold_clipped_forms(found, order)
    companies = [found[key] for key in order]
    companies, ctx.divisions = _fold_divisions(companies, [ctx.text(s) for s in ctx.fact_sentences()])
    issuer = next((c for c in companies if c.is_issuer), None)
    # "Acme Inc. (NYSE: ACM) and Zentrix Co., Ltd. (HKEX: 1234) today announced": a joint release has one issuer
    # (a release has at most one), the company its dateline names first; the other is a party to the news
    companies = [_with(c, is_issuer=False) if c.is_issuer and c is not issuer else c for c in companies]
    if issuer is None:
        dateline = [c for c in companies if any(s.zone is Zone.DATELINE and s.span == c.evidence.span for s in ctx.sentences)]
        issuer = dateline[0] if dateline else _subject_company(ctx, companies)
        if issuer is not None:
            companies[companies.index(issuer)] = _with(issuer, is_issuer=True)
            issuer = companies[[c.name for c in companies].index(issuer.name)]
    if issuer is not None and not issuer.ticker:
        code = _hong_kong_stock_code(ctx.document.text)
        if code:
            issuer = _with(issuer, ticker=code, exchange="HKEX")
            companies = [issuer if c.name == issuer.name else c for c in companies]
    ctx.issuer = issuer.name if issuer else None
    ctx.extraction.companies = companies
    for company in companies:
        for form in (company.name, *company.short_names, _first_word(company.name)):
            if form:
                ctx.company_forms.setdefault(company_key(form), company.name)


# "X, the oncology unit of Parent", "X is a division of Parent", "X, Parent's oncology business":
# a business unit, which the gold files under its parent (GUIDE.md: a subsidiary written
# only as a company of its own stays one)
_UNIT = r"(?:unit|division|business(?:\s+unit)?|segment|arm|franchise)"
DIVISION_OF = re.compile(r"^,?\s+(?:(?:is|was|are)\s+)?(?:the|a|an)\s+(?:[\w&-]+\s+){0,3}?" + _UNIT + r"\s+of\s+(?:the\s+)?(?P<parent>[A-Z][^,.;()]{1,60})")
DIVISION_OF_POSSESSIVE = re.compile(r"^,?\s+(?P<parent>[A-Z][\w&@.-]*(?:\s+[A-Z][\w&@.-]*){0,4})(?:'s|’s)\s+(?:[\w&-]+\s+){0,3}?" + _UNIT + r"(?!\s+(?:partners?|development|model|plan)\b)\b")


# "Acme Oncology" beside "Big Acme and Company": a parent's name and a therapeutic area, with no suffix
# or listing of its own, is the parent's business unit (GUIDE.md: a division is no company line; it stays
# a person's organization). Company words ("Acme Pharmaceutical", "Acme Bio") may name a sister company.
AREA_UNIT = re.compile(r"^(?P<parent>.+?)\s+(?:Oncology|Immunology|Neuroscience|Hematology|Haematology|Vaccines|"
                       r"Consumer Health(?:care)?|Animal Health|Rare Diseases?|Biosimilars|Generics)$")


# where a unit is named only as the place a person works or as an "About" heading, never as a party
_UNIT_MENTION_BEFORE = re.compile(r"(?:\bAbout\s+(?:\W{0,2})|\b(?:of|at)\s+(?:the\s+)?"
                                  r"|\b(?:President|Officer|Director|Head|Lead|Manager|Chair(?:man|woman)?|VP|Scientist|Founder)\s*,\s*)$")


def _parent_by_name(company: CompanyFact, others: list[CompanyFact], texts: list[str]) -> CompanyFact | None:
    unit = AREA_UNIT.match(company.name)
    if unit is None or company.is_issuer:
        return None
    for text in texts:
        at = text.find(company.name)
        while at >= 0:
            if not _UNIT_MENTION_BEFORE.search(text[max(0, at - 20):at]):
                return None  # a party to something ("Acme Oncology licensed ..."): it stays a company
            at = text.find(company.name, at + 1)
    key = company_key(unit.group("parent"))
    for other in others:
        words = [w for w in re.findall(r"[A-Z][\w&@'’-]*", other.name) if len(w) >= 4]
        forms = (other.name, *other.short_names, *words)
        if company_key(other.name) != company_key(company.name) and any(company_key(f) == key for f in forms):
            return other
    return None


def _fold_divisions(companies: list[CompanyFact], texts: list[str]) -> tuple[list[CompanyFact], dict[str, str]]:
    """Companies the text calls a unit or division of another company it names: (the rest, division -> parent)."""
    divisions: dict[str, str] = {}
    kept = list(companies)
    for company in companies:
        if company.ticker:
            continue
        parent = _parent_by_name(company, [c for c in kept if c is not company], texts)
        if parent is not None:
            divisions[company.name] = parent.name
            kept.remove(company)
            continue
        for text in texts:
            at = text.find(company.name)
            if at < 0:
                continue
            tail = text[at + len(company.name):at + len(company.name) + 140]
            said = DIVISION_OF.match(tail) or DIVISION_OF_POSSESSIVE.match(tail)
            parent = _named_company(said.group("parent"), [c for c in kept if c is not company]) if said else None
            if parent is not None:
                divisions[company.name] = parent.name
                kept.remove(company)
                if company.is_issuer:
                    kept[kept.index(parent)] = _with(parent, is_issuer=True)
                break
    return kept, divisions


def _named_company(words: str, companies: list[CompanyFact]) -> CompanyFact | None:
    key = company_key(words)
    for company in companies:
        forms = (company.name, *company.short_names, _first_word(company.name) or "")
        if any(company_key(f) and (key.startswith(company_key(f)) or company_key(f).startswith(key)) for f in forms):
            return company
    return None


def _subject_company(ctx: Context, companies: list[CompanyFact]) -> CompanyFact | None:
    """Without a dateline, the release is about the company its headline names, else the one
    listed with a ticker, else the one it names first (not the first a pattern happened to find)."""
    if not companies:
        return None
    texts = [(s.zone is Zone.HEADLINE, ctx.text(s)) for s in ctx.sentences if s.zone.states_facts]

    def rank(company: CompanyFact) -> tuple:
        forms = [f for f in (company.name, *company.short_names, _first_word(company.name)) if f and len(f) > 2]
        first = next((n for n, (_, text) in enumerate(texts) if any(_names(text, f) for f in forms)), len(texts))
        in_headline = any(headline and any(_names(text, f) for f in forms) for headline, text in texts)
        return (not in_headline, company.ticker is None, first)

    return min(companies, key=rank)


def _names(text: str, form: str) -> bool:
    at = text.find(form)
    return at >= 0 and (at == 0 or not text[at - 1].isalnum()) and not text[at + len(form):at + len(form) + 1].isalnum()


@per_text
def _listed_names(text: str) -> list[tuple[str, tuple[str, ...], str, str | None]]:
    """(name, short names, ticker, exchange) before each "(NASDAQ: XYZ)": the text alone decides."""
    found = []
    for match in TICKER.finditer(text):
        name, short = _name_before(text, match.start())
        if not name:
            continue
        if name.lower() in lexicons.exchanges() or MARKET_NAME.search(name):  # "listed on the Tokyo Stock Exchange (TSE: 4567)"
            continue
        if _is_place(name):  # "Acme, a company based in Suzhou, China (HKEX: 1234)": the place is no company
            continue
        part = LISTING_PART.search(match.group("listing"))
        exchange = lexicons.exchanges().get(re.sub(r"\s+", " ", part.group("exchange")).lower())
        found.append((match.start(), name, short, part.group("ticker").upper(), exchange))
    for match in CODE_LISTING.finditer(text):
        ticker, suffix = match.group("ticker", "suffix")
        exchange = lexicons.exchange_suffixes().get(suffix)
        if exchange is None or ticker[0].isdigit() != (suffix in _NUMERIC_SUFFIXES):
            continue
        name, short = _name_before(text, match.start())
        if name and not MARKET_NAME.search(name):
            found.append((match.start(), name, short, ticker, exchange))
    return [listing[1:] for listing in sorted(found, key=lambda listing: listing[0])]  # the first listing named wins


# A name some companies write in lower case ("acme bio, inc."): lower-case words that end in
# an industry word and a corporate suffix, after a sentence start, a dateline or a
# preposition (never the words of the sentence around it).
_LOWER_WORD = r"(?!(?:the|a|an|and|or|of|with|by|to|for|from|at|in|on|its|our|their|this|that|today|announced|said)\b)[a-z][a-z0-9&-]*"
# (every lookbehind ends in a space: one (?<=\s) first fails at most characters before the nine are tried)
_LOWER_START = (r"(?:^|(?<=\s)(?:(?<=--\s)|(?<=[.;:]\s)|" + "|".join(rf"(?<=\b{w}\s)" for w in ("with", "by", "from", "and", "of", "to", "for"))
                + "))")
LOWER_CASE_NAME = gate(re.compile(
    rf"{_LOWER_START}(?P<name>(?:{_LOWER_WORD}\s+){{0,2}}(?:{BARE_INDUSTRY}|{BARE_INDUSTRY.lower()})"
    rf"(?:,?\s+(?:Inc\.?|inc\.|Ltd\.?|ltd\.|Corp\.?|corp\.|LLC|llc|plc|AG|GmbH))?)\s*$"))
LOWER_CASE_NAME_IN_TEXT = gate(re.compile(
    rf"{_LOWER_START}(?P<name>(?:{_LOWER_WORD}\s+){{1,2}}(?:{BARE_INDUSTRY}|{BARE_INDUSTRY.lower()}),?\s+"
    r"(?:Inc\.|inc\.|Ltd\.|ltd\.|Corp\.|corp\.|LLC|llc|plc|GmbH))(?![\w-])"))


@per_text
def _suffixed_names(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, defined short name) for each "Name Inc."-style name: the text alone decides."""
    found = []
    for match in LOWER_CASE_NAME_IN_TEXT.finditer(text):
        found.append((match.group("name").rstrip(" ,"), ()))
    for match in NAME_WITH_SUFFIX.finditer(text):
        name = clean_company_name(match.group("name"))
        if not name or NOT_COMPANY.search(name) or _is_industry_only(name):
            continue
        if _HEADLINE_PHRASE.search(name) and not re.search(rf"\b{SUFFIX}$", name):
            continue  # "Acme to Present Data From Three Oncology Programs": a title-cased headline's words, no name
        tail = text[match.end():]
        before = text[max(0, match.start() - 40):match.start()]
        if FRAGMENT_AFTER.match(tail[:60]) or FRAGMENT_BEFORE.search(before) or FORMERLY.search(before):
            continue
        if SERVICE_BEFORE.search(before) or SERVICE_AFTER.match(tail[:80]) or GROUP_MEMBER_BEFORE.search(text[:match.start()]):
            continue
        if serves_or_hosts(text, match.start(), match.end()):
            continue
        if _inside_agency_name(text, match.start(), match.end()):
            continue  # "the UK Medicines and Healthcare products Regulatory Agency": a regulator's name, cut short
        if OTHER_POST_BEFORE.search(text, max(0, match.start() - 160), match.start()) and not DRUG_MAKER_WORD.search(name):
            continue  # "He also serves as a Director at Example Media Ltd and Example Security Limited": no drug company
        if NOT_A_COMPANY_APPOSITIVE.match(tail):
            continue  # "Example Health LLC, a nonprofit health system": the appositive says what it is
        if PUBLICATION_BEFORE.search(before):
            continue  # "published in Example Oncology", "covered by Example Biotech": a journal or a publisher
        short_match = DEFINED_SHORT.match(tail)
        found.append((name, (short_match.group("short"),) if short_match else ()))
    return found


# A capitalised preposition inside a name without a suffix: the run is a title-cased headline's phrase
_HEADLINE_PHRASE = re.compile(r"\s(?:From|With|Into|Across|Through|Using|Via)\s")


def _inside_agency_name(text: str, start: int, end: int) -> bool:
    """Whether a regulator's full name (agencies.tsv) runs through text[start:end] and past its end."""
    if "Agency" not in text and "Administration" not in text and "Committee" not in text:
        return False
    return any(found.start() < end < found.end() and found.start() >= start - 20
               for pattern, _ in _full_agency_names() for found in pattern.finditer(text))


@lru_cache(maxsize=1)
def _full_agency_names() -> list[tuple[re.Pattern, str]]:
    return [(pattern, code) for pattern, code in lexicons.agencies() if " " in pattern.pattern]


_RUN = r"[A-Z][\w&@.'’-]*(?:\s+[A-Z][\w&@.'’-]*){0,4}?"
# Market-news flashes end with the issuer's ticker: "*Acme Oncology 1Q Loss $22.3M >ACME" (no exchange given).
FLASH_TICKER = gate(re.compile(r"\s>(?P<ticker>[A-Z]{1,5})\s*$"))  # gated: most sentences hold no ">"
# Market news quotes a share price with the ticker after the company's full name: "Shares of Acme Bio Inc. ACMB rose".
SHARES_QUOTE = re.compile(rf"\b[Ss]hares\s+of\s+(?P<name>{_RUN}\s+(?:Inc\.|Corp\.|Co\.|Ltd\.|plc|N\.V\.|AG|SA|AB|ASA))\s+"
                          r"(?P<ticker>[A-Z]{2,5})(?=\s+[a-z])")
# A company that renames itself is one company: "Oldco Announces Rebrand to Newco", "Oldco changed its name to Newco".
# "Acme ("Acme") is the trading name of Acme Holdings plc": one company under two names.
TRADING_NAME = gate(re.compile(  # gated (prefilter.py): most sentences name no trading name
    rf"(?P<new>{_RUN})\s*(?:\([^()]*\)\s*)?,?\s+(?:is|was|are)\s+(?:the\s+)?(?:trading|brand|business)\s+name\s+(?:of|for)\s+"
    rf"(?P<old>{_RUN}(?:,?\s+{SUFFIX})?)(?![\w-])"))
# "MSD (the tradename of Acme & Co., Inc.)": a trade name, written before the legal name it stands for.
TRADE_NAME_PAREN = re.compile(
    rf"(?P<old>{_RUN})\s*\(\s*(?:the|a|its)\s+(?:trade\s*name|trading\s+name|brand\s+name|business\s+name)\s+(?:of|for|used\s+by)\s+"
    rf"(?P<new>{_RUN}(?:,?\s+{SUFFIX})?)(?![\w-])")
RENAMED = gate(re.compile(  # gated like TRADING_NAME: a rename's words are in few sentences
    rf"(?P<old>{_RUN}(?:,?\s+{SUFFIX})?)\s+(?:(?i:announces|completes|unveils|has|have)\s+)?(?:(?i:its)\s+)?(?:"
    r"(?i:rebrand(?:ing|s|ed)?|name change|corporate name change|renamed|changed its (?:corporate )?name)\s+(?i:itself\s+)?"
    rf"(?i:to|as))\s+(?P<new>{_RUN[:-1]})"
))


@per_text
def _renames(text: str) -> list[tuple[str, str]]:
    found = []
    for match in TRADING_NAME.finditer(text):
        old, new = clean_company_name(match.group("old")), clean_company_name(match.group("new"))
        if old and new and company_key(old) != company_key(new):
            found.append((old, new))
    for match in TRADE_NAME_PAREN.finditer(text) if "name" in text else ():
        old, new = clean_company_name(match.group("old")), clean_company_name(match.group("new"))
        if old and new and company_key(old) != company_key(new):
            found.append((old, new))
    for match in RENAMED.finditer(text):
        old, new = clean_company_name(match.group("old")), clean_company_name(match.group("new"))
        if old and new and company_key(old) != company_key(new):
            found.append((old, new))
    return found


def _fold_old_name(old: str, new: str, found: dict, order: list[str], add, evidence: Evidence) -> None:
    """The old name becomes a short form of the new one, not a company of its own."""
    old_key = company_key(old)
    add(CompanyFact(new, evidence, short_names=(old,)))
    for key in list(order):
        if key == old_key or (found[key].name.startswith(old) and key != company_key(new)):
            order.remove(key)
            del found[key]


# Pasted pages glue a heading to the next line: "Path ForwardAcme Biologics", "FDAAcme Biologics".
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _drop_glued_headings(found: dict, order: list[str]) -> None:
    """A name whose tail, cut at a case change inside a word, is another company the release
    names is that company with a heading glued on: drop it. Camel-case names ("NeuroAcme")
    stay, because their tail is no company of their own."""
    for key in list(order):
        name = found[key].name
        words = name.split()
        # "Acme Bio Pipeline Overview Acme Bio": a heading between two mentions of one company
        if any(company_key(" ".join(words[:n])) in found and company_key(" ".join(words[m:])) in found
               and company_key(" ".join(words[m:])) != key for n in range(1, len(words)) for m in range(n + 1, len(words))):
            order.remove(key)
            del found[key]
            continue
        for cut in _GLUE.finditer(name):
            tail = company_key(name[cut.start():])
            if tail and tail != key and any(other == tail or other.startswith(tail) for other in found if other != key):
                order.remove(key)
                del found[key]
                break


def _fold_clipped_forms(found: dict, order: list[str]) -> None:
    """"Acme Biopharma" in a headline beside "Acme Biopharmaceutical Co., Ltd." in the text: a name that
    clips the last word of a fuller one the text gives ("Biopharma" for "Biopharmaceutical") is its short form."""
    for key in list(order):
        short = found[key]
        words = short.name.split()
        if len(words) < 2 or short.ticker or re.search(rf"\s{SUFFIX}\.?$", short.name):
            continue
        for other_key in order:
            other = found[other_key]
            long_words = other.name.replace(",", " ").split()
            # "Jiangsu Acme Pharmaceutical Co., Ltd." is "Acme Pharmaceutical" in a headline: Chinese registered
            # names open with the province or city of registration, which the company drops when it speaks of itself
            placed = len(long_words) > len(words) and _is_place(long_words[0]) and not _is_place(words[0])
            if placed:
                long_words = long_words[1:]
            if other_key == key or len(long_words) < len(words) or long_words[:len(words) - 1] != words[:-1]:
                continue
            last, long_last = words[-1].lower(), long_words[len(words) - 1].lower()
            if (long_last != last or placed) and long_last.startswith(last) and len(last) >= 4:
                found[other_key] = _with(other, short_names=tuple(dict.fromkeys(other.short_names + (short.name,))),
                                         is_issuer=other.is_issuer or short.is_issuer)
                order.remove(key)
                del found[key]
                break


# An HKEX filing's header: the issuer's name, its incorporation, then "(Stock Code: 2617)", under the exchange's
# standard disclaimer, which names The Stock Exchange of Hong Kong Limited
_STOCK_CODE = re.compile(r"^\s*[(（]\s*Stock\s+[Cc]ode\s*[:：]\s*(?P<code>\d{4,5})\s*[)）]\s*$", re.M)
_HONG_KONG_EXCHANGE = re.compile(r"\bStock Exchange of Hong Kong\b|\bHKEX\b")


def _hong_kong_stock_code(text: str) -> str | None:
    code = _STOCK_CODE.search(text[:3000])
    return code.group("code") if code and _HONG_KONG_EXCHANGE.search(text[: code.start()]) else None


def _with(company: CompanyFact, **changes) -> CompanyFact:
    values = {f: getattr(company, f) for f in company.__dataclass_fields__}
    values.update(changes)
    return CompanyFact(**values)


def _attach_site_and_headquarters(ctx, found, order, add) -> None:
    for sentence in ctx.sentences:
        if sentence.zone not in (Zone.ABOUT, Zone.BODY, Zone.DATELINE):
            continue
        text = ctx.text(sentence)
        subject = _company_for(sentence.section or "", found, order) if sentence.section else None
        if subject is None and sentence.zone is Zone.ABOUT:
            continue
        site = WEBSITE.search(text)
        if site and subject:
            add(CompanyFact(found[subject].name, Evidence.of(sentence, NAME), website=site.group("site").lower()))
        hq = HEADQUARTERS.search(text)
        if hq and subject:
            add(CompanyFact(found[subject].name, Evidence.of(sentence, NAME), headquarters=hq.group("place").strip()))


# Trade press lists a company it has just named under a description: "The Boston-area biotech (NYSE: ACME)",
# "The London-listed company (LSE: ACME)", "Acme Oncology, whose shares (NASDAQ: ACME) fell".
ANAPHORIC_LISTING = re.compile(
    r"(?:\b(?:[Tt]he|[Ii]ts)\s+(?:[\w.,'’&-]+\s+){0,3}?(?:company|biotech|biotechnology\s+company|biopharma|drugmaker|"
    r"drug\s+developer|developer|firm|startup|start-up)|\b(?:[Ww]hose|[Ii]ts|[Tt]he\s+company's)\s+(?:shares|stock))\s*$")


# "Acme, which trades on Shanghai's STAR Market (688512.SS)": the name before the listing is the market's.
MARKET_NAME = re.compile(r"\b(?:Market|Board|Exchange|Bourse)$")
MARKET_BEFORE = re.compile(r"\b(?:trades|traded|trading|is listed|listed|quoted)\s+on\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,5}?$")


def _market_listing(text: str, name: str | None, end: int) -> bool:
    """Whether the name before a listing at `end` is a market a company named before "trades on"."""
    at = text.rfind(name, 0, end) if name and MARKET_NAME.search(name) else -1
    return at >= 0 and MARKET_BEFORE.search(text, max(0, at - 80), at) is not None


def _anaphoric_listings(text: str) -> list[tuple[int, str, str | None]]:
    """(position, ticker, exchange) of each listing given after a description or a market, not a name."""
    listings = []
    for m in TICKER.finditer(text):
        name = _name_before(text, m.start())[0]
        if (name is None and ANAPHORIC_LISTING.search(text, max(0, m.start() - 80), m.start())) or _market_listing(text, name, m.start()) \
                or (name is not None and _is_place(name)):  # a description closing on where the company sits
            part = LISTING_PART.search(m.group("listing"))
            listings.append((m.start(), part.group("ticker").upper(),
                             lexicons.exchanges().get(re.sub(r"\s+", " ", part.group("exchange")).lower())))
    for m in CODE_LISTING.finditer(text):
        name = _name_before(text, m.start())[0]
        exchange = lexicons.exchange_suffixes().get(m.group("suffix"))
        if exchange and _market_listing(text, name, m.start()):
            listings.append((m.start(), m.group("ticker"), exchange))
    return listings


def _attach_anaphoric_listings(ctx: Context, found, order, add) -> None:
    """A ticker given after a description ("The Boston-area biotech (NASDAQ: ACME)") or a market, not a
    name, is the listing of a company named before it: the one just named in the same sentence ("Acme,
    whose shares (NASDAQ: ACME)", "Acme, which trades on the STAR Market (688512.SS)"), else the company
    the last sentence naming one opened with (its subject; a counterparty often closes that sentence)."""
    if not found:
        return
    forms: dict[str, str] = {}
    for key in order:
        company = found[key]
        bare = re.sub(rf",?\s+{SUFFIX}\.?$", "", company.name)
        for form in (company.name, bare, *company.short_names, _first_word(bare)):
            if form and len(form) > 2:
                forms.setdefault(form, key)
    pattern = None
    texts = [ctx.text(sentence) for sentence in ctx.fact_sentences()]
    for index, sentence in enumerate(ctx.fact_sentences()):
        text = texts[index]
        # Sentence gate: a sentence without a listing adds nothing; the company it names first matters
        # only to a later listing with no name before it, which looks back for it (`_subject_before`).
        if not may_hold_listing(text):
            continue
        listings = _anaphoric_listings(text)
        if not listings:
            continue
        if pattern is None:
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
        events = sorted([(m.start(), forms[m.group(0)], None) for m in pattern.finditer(text)]
                        + [(at, None, (ticker, exchange)) for at, ticker, exchange in listings], key=lambda e: e[0])
        last = None
        for _, key, listing in events:
            if key is not None:
                last = key
                continue
            owner = last or _subject_before(pattern, forms, texts, index)
            if owner is not None and not found[owner].ticker:
                add(CompanyFact(found[owner].name, Evidence.of(sentence, NAME), ticker=listing[0], exchange=listing[1]))


def may_hold_listing(text: str) -> bool:
    """Sentence gate of `_attach_anaphoric_listings`: TICKER and CODE_LISTING open with a parenthesis."""
    return "(" in text or "（" in text


def _subject_before(pattern: re.Pattern, forms: dict[str, str], texts: list[str], index: int) -> str | None:
    """The company the nearest earlier sentence naming one names first: the subject a listing after a
    description refers to ("Acme ... . The Boston-area biotech (NASDAQ: ACME)")."""
    for text in reversed(texts[:index]):
        first = pattern.search(text)
        if first:
            return forms[first.group(0)]
    return None


def _company_for(section: str, found, order) -> str | None:
    key = company_key(section)
    first = name_key(_first_word(section) or "")
    for candidate in order:
        if candidate == key or (first and company_key(found[candidate].name).startswith(first)):
            return candidate
        if any(name_key(s) == name_key(section) for s in found[candidate].short_names):
            return candidate
    return None


def _name_before(text: str, end: int) -> tuple[str | None, tuple[str, ...]]:
    """The company name that ends right before a ticker parenthetical."""
    prefix = text[max(0, end - 160):end]
    shorts = tuple(re.findall(r"\"([A-Z][\w-]+)\"", prefix[-60:]))
    prefix = re.sub(r"(?:\s*\([^()]*\))+\s*$", "", prefix)
    # "approved Acme Pharma Inc's (ACME.O) drug": newswires put the listing after the possessive
    prefix = re.sub(r"(?<=[a-z.])['\u2019]s?$", "", prefix.rstrip())
    match = re.search(rf"({_NAME_CORE}(?:,?\s+{INDUSTRY})*(?:,?\s+{SUFFIX})*(?:\s+\(publ\))?)\s*$", prefix)
    if not match:
        lower = LOWER_CASE_NAME.search(prefix)
        return (lower.group("name"), ()) if lower else (None, ())
    name = clean_company_name(match.group(1))
    return (name or None), tuple(s for s in shorts if s != "Company")


# Trade press opens a name with where the company sits or trades: "Perth-based Acme Ltd",
# "Tokyo-listed Acme Pharma", "San Francisco-headquartered Acme". The place is no part of the name.
PLACE_MODIFIER = re.compile(r"^(?:[A-Z][\w.'’]*\s+){0,2}[A-Z][\w.'’]*-(?:based|headquartered|listed|registered)\s+(?=[A-Z])")
# "Japan's Acme Pharma", "South Korea's Acme", "the U.K.'s Acme": a place's possessive before the name
PLACE_POSSESSIVE = re.compile(r"^(?:[Tt]he\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}?)['’]s\s+(?=[A-Z])")


def strip_place(name: str) -> str:
    """The name without a leading place descriptor ("Boston-based", "China's")."""
    name = PLACE_MODIFIER.sub("", name)
    possessive = PLACE_POSSESSIVE.match(name)
    if possessive and _is_place(possessive.group("place")):
        name = name[possessive.end():]
    return name


def _is_place(words: str) -> bool:
    lower = words.lower().rstrip(".")
    return any(lower in places or lower + "." in places for places in (
        lexicons.countries(), lexicons.cities(), lexicons.states(), lexicons.regions(), lexicons.world_regions()))


def clean_company_name(name: str) -> str:
    # "Article. Acme Media Inc.": a word ending a sentence is not part of the name after it
    name = re.split(r"(?<=[A-Za-z]{3}[.!?])(?<!Pte\.)(?<!Pty\.)(?<!Sdn\.)\s+(?=[A-Z])", name.strip())[-1]  # "Pte. Ltd." is one suffix
    # "Alzheimer's Disease Acme Neuro, Inc.": a heading about a disease runs into the name
    name = re.split(r"\b(?:Disease|Diseases|Disorder|Disorders|Syndrome|Cancer|Cancers)\s+(?=[A-Z])", name)[-1]
    name = strip_place(LEADING_NOISE.sub("", name.strip()))
    name = re.sub(r"\s+\(publ\)$", "", name)
    name = re.sub(r"\s+", " ", name).strip(" ,")
    if not re.search(r"[a-z]", name) and len(name) > 12:
        return ""  # an all-capitals run is a headline, not a name
    return name


def _is_industry_only(name: str) -> bool:
    if re.fullmatch(rf"(?:{INDUSTRY}|{SUFFIX})(?:[ ,]+(?:{INDUSTRY}|{SUFFIX}))*", name) is not None:
        return True
    # "Precision Oncology", "Research Labs": a field of science and an industry word, with no suffix, is a phrase
    field = re.fullmatch(rf"(?P<words>[\w'’-]+(?:\s+[\w'’-]+)*?)\s+{BARE_INDUSTRY}(?:\s+{BARE_INDUSTRY})*", name)
    return field is not None and all(w.lower() in lexicons.field_words() for w in field.group("words").split())


_SUFFIX_WORDS = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "lp", "plc", "ag",
    "sa", "se", "nv", "bv", "ab", "as", "asa", "gmbh", "spa", "kk", "holdings", "publ", "pte", "pty", "sdn", "bhd",
}


@lru_cache(maxsize=65536)  # asked again and again of the same few names (7 calls in 8 repeat one)
def company_key(name: str) -> str:
    """Name without corporate suffixes, for matching forms of one company."""
    words = re.findall(r"[a-z0-9]+", name.lower().replace("’", "'").replace("'", ""))
    while words and words[-1] in _SUFFIX_WORDS:
        words.pop()
        if words and words[-1] == "and":  # "Acme and Company" is Acme
            words.pop()
    return "".join(words)


def _first_word(name: str) -> str | None:
    first = name.split()[0].strip(",") if name.split() else ""
    return first if len(first) >= 4 and first[0].isupper() else None
