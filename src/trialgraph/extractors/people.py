"""People named in the body with their role and organisation:
quote attributions, appositions, appointments and "role NAME" phrases."""
from __future__ import annotations

import re

from .. import lexicons
from ..model import Evidence, PersonFact, Sentence
from .context import Context
from .memo import per_text
from .prefilter import gate

NAME = "people.patterns"



def _letters(upper: bool) -> str:
    """One case's letters, ASCII and Latin accented: names are written "José Núñez", "Søren Østergaard"."""
    accented = "".join(chr(c) for c in range(0xC0, 0x250) if (chr(c).isupper() if upper else chr(c).islower()))
    return f"[{'A-Z' if upper else 'a-z'}{accented}]"


_UP, _LOW = _letters(True), _letters(False)
# "DeAngelo", "McNeil", "O'Neill": a capital inside the word after a prefix
# Lower-case runs are taken whole (possessive): what follows a name's word is never a lower-case letter
# (a hyphen, an apostrophe, whitespace or the end of the name), so giving letters back only costs time.
_PART = (rf"{_UP}{_LOW}++(?:[-'’]{_UP}?{_LOW}++)*|{_UP}['’]{_UP}{_LOW}++|(?:Mc|Mac|O['’]|De|Di|Da|Du|La|Le|Van|Von)[A-Z]{_LOW}++")
# Lower-case particles before a surname: "Mara van der Berg", "Luis de la Cruz"
_PARTICLES = r"(?:(?:van|von|der|den|de|del|della|di|da|du|la|le|ten|ter|dos|das|bin|ben|al|el)\s+){0,3}"
_SURNAMES = rf"(?:\s+{_PARTICLES}(?:{_PART})){{1,2}}"
# Titles and honorifics before the name, one or more: "Prof. Dr.", "Professor Sir", "Dame". Every form opens
# with a capital: the lookahead fails at once where the regex would try each honorific and name form (a pattern
# led by PERSON is tried at every character of its sentence).
PERSON = (rf"(?={_UP})(?:(?:Dr|Mr|Ms|Mrs|Prof|Professor|Sir|Dame|Lord|Lady)\.?\s+)*(?P<name>(?:[A-Z]\.?\s+(?={_PART}))?(?:{_PART})"
          rf"(?:\s+[A-Z]\.?(?=\s))*{_SURNAMES})(?![\w'’-])")
# Degrees, and generational suffixes that are no part of the formal name ("Jr.", "III")
DEGREES = r"(?:,?\s*(?:Jr\.?|Sr\.?|III|II|IV|M\.?D\.?|Ph\.?D\.?|MBA|M\.?B\.?A\.?|M\.?P\.?H\.?|M\.?S\.?c?|MS|R\.?N\.?|PharmD|Pharm\.D\.|FRCP|FRCPC|FACP|DVM|J\.D\.|JD|CPA|Esq\.)(?![A-Za-z]))*"
SPEECH = r"(?:said|says|emphasized|emphasised|added|adds|commented|comments|noted|notes|stated|states|explained|explains|continued|concluded|remarked)"
ROLE_WORDS = re.compile(
    r"\b(?:chief|officer|president|ceo|cfo|coo|cmo|cso|cbo|cto|founder|co-founder|chair(?:man|woman|person)?|director|"
    r"investigator|head|vice|vp|svp|evp|professor|lead author|author|principal|manager|partner|member|board|"
    r"chairman|executive|scientist|physician|oncologist|hematologist|attending|fellow|dean|leader|global head|"
    # a medical specialist's title names the specialty: "nephrologist", "hepatologist", "rheumatologist"
    r"academician|researcher|surgeon|[a-z]+ologist|psychiatrist|pediatrician|paediatrician|clinician|analyst|"
    r"(?:bio)?statistician|pharmacist)\b",
    re.I,
)
NOT_A_NAME = re.compile(
    r"^(?:Lord|Lady|Sir|Dame|Baron|Baroness|Rev|Reverend|Hon|Honorable|The|This|That|These|Those|Phase|Cohort|Study|Trial|About|In|On|At|For|With|From|Data|Patients|Overall|"
    r"Median|Fast|Orphan|Breakthrough|Rare|Priority|Accelerated|Food|Drug|New|United|European|Securities|Forward|"
    r"Investor|Media|Contact|Contacts|Source|Nasdaq|NASDAQ|Both|Each|All|Our|Its|Their|His|Her|Independent|"
    r"Clinical|Chief|President|Director|Vice|Professor|Principal|Lead|Head|Founder|Chairman|Global|Senior|Executive|"
    r"Dose|Part|Arm|Day|Week|Month|Year|Grade|Type|Stage|Lymphoma|Myeloma|Cancer|Tumor|Multiple|Diffuse|Acute|"
    r"Chronic|Small|Non|Mount|Memorial|University|Hospital|Center|Institute|Oncology|Therapeutics|Biosciences|"
    r"Pharmaceuticals|Biopharma|"
    # the last word of a title written before the name ("Chief Medical Officer Jane Roe"): never a first name
    r"Officer|Chairwoman|Chairperson|Analyst|Investigator|Scientist|Secretary|Treasurer|Counsel)\b"
)
# "Hospital Universitario del Norte", "Istituto di Ricerca": the particles of names in other languages
# "... at Example Hospital, Bristol", "at Example Center's lupus program": the town after a comma and an institution's
# unit after its possessive are not the organisation's name ("chairman of Acme's board" keeps its board)
ORG_TAIL = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.@-]*(?:\s+(?:[A-Z][\w'’&.@-]*|of|for|and|de|(?:del|della|di|da|do|des|du)(?=\s+[A-Z])|&|/))*)"
                     r"(?:(?:" + "|".join(rf"(?<={word}['’]s)" for word in ("Center", "Centre", "Hospital", "University",
                                                                         "Institute", "Clinic", "College", "School"))
                     + r")(?:\s+[a-z][\w-]*){1,3})?"
                     r"(?:\s+in\s+[A-Z][\w .]*(?:,\s*[A-Z][\w .]*)?|,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
                     # "... at Example Institute in Boston and the study's lead author": a second role after the first
                     r"(?:\s*,?\s+and\s+(?:the|a|an)\s+[\w'’ -]+)?\s*$")
# "Example University College of Medicine", "Example College of Public Health": a school's field is part of its name
INSTITUTION_HEAD = re.compile(r"^(?P<org>.*?\b(?:Center|Centre|Hospital|Institute|Clinic|(?:School|College) of (?:Public Health|"
                              r"Medicine|Pharmacy|Nursing|Dentistry|Veterinary Medicine)|College|Foundation|Health)\b)")

# Credentials the degree list does not know, stop included ("MHSc.", "FMedSci."): two capitals or more in one
# short word, never a title's acronym ("CEO").
LOOSE_CREDENTIALS = (r"(?:\s*,\s*(?!(?:CEO|CFO|COO|CMO|CSO|CTO|CBO|CCO|SVP|EVP|VP)\b)(?=[A-Za-z]*[A-Z][a-z]*[A-Z])"
                     r"[A-Z][A-Za-z]{1,7}\.?(?=\s*,))*")
# The title ends at a sentence's full stop, not at the stop of an initial ("R.J. Example Center").
ATTRIBUTION_AFTER = re.compile(rf"\b{SPEECH}\s*,?\s*{PERSON}{DEGREES}{LOOSE_CREDENTIALS}\s*,\s*(?P<role>[^\"“”]+?)\s*(?:(?<![^A-Za-z][A-Z])\.(?!['’]s\b)|[\"“”]|$)")
ATTRIBUTION_AFTER_BARE = re.compile(rf"\b{SPEECH}\s*,?\s*{PERSON}{DEGREES}\s*(?:[.,\"“”]|$)")
ATTRIBUTION_BEFORE = re.compile(rf"(?:^|[\"”.]\s*|(?<!\s)\s)\s*{PERSON}{DEGREES}\s*,\s*(?P<role>[^\"“”]+?)\s*,\s*{SPEECH}\b")
# "Jane Roe, MD, Chief Medical Officer, Acme: "..."": a heading-like attribution closed by a colon before the quote
ATTRIBUTION_COLON = re.compile(rf"(?:^|(?<=[\s*]))(?:(?i:quote from|comment from)\s+)?{PERSON}{DEGREES}\s*,\s*(?P<role>(?!{SPEECH}\b)[^\s\"“”:;][^\"“”:;]*?)\s*:\**\s*[\"“]")
APPOSITION = re.compile(rf"{PERSON}{DEGREES}\s*,\s*(?:(?:today|now|currently|then)\s+)?(?:an?\s+|the\s+)?(?P<role>(?!\s*(?:will|would)\b)[^,;\"“”]*?(?i:{ROLE_WORDS.pattern})[^,;\"“”]*?\s+(?:of|at)\s+[^,;\"“”]+?)(?=[,;.\"“”]|$)")
OWNER_APPOSITION = re.compile(
    rf"{PERSON}{DEGREES}\s*,\s*(?P<role>(?:the\s+)?(?:[A-Z][\w&.@-]*\s+){{0,3}}[A-Z][\w&.@-]*(?:['’]s|s['’])\s+[^,;\"“”]*?(?i:{ROLE_WORDS.pattern})"
    rf"[^,;\"“”]*?)(?=\s*[,;]|\s*$)")
COMMA_ORG_APPOSITION = re.compile(
    rf"{PERSON}{DEGREES}\s*,\s*(?P<role>[^,;\"“”]*?(?i:{ROLE_WORDS.pattern})[^,;\"“”]*?,\s+(?:The\s+)?[A-Z][\w'’&.@-]*"
    rf"(?:\s+[A-Z][\w'’&.@-]*){{0,4}})\s*,\s+(?=[a-z])")
# A title holding a list of disease areas ("Group Lead for Breast Cancer, Colorectal Cancer and Melanoma at X"):
# kept only when every listed item names a disease, and after the other patterns.
APPOSITION_AREAS = re.compile(
    rf"{PERSON}{DEGREES}{LOOSE_CREDENTIALS}\s*,\s*(?:an?\s+|the\s+)?(?P<role>[^,;\"“”]*?(?i:{ROLE_WORDS.pattern})[^,;\"“”]*?"
    r"(?P<areas>(?:,\s+(?:and\s+)?[A-Z][a-z][^,;\"“”]{0,40}?)+)\s+(?:of|at)\s+[^,;\"“”]+?)(?=[,;.\"“”]|$)")
APPOINTED = re.compile(
    # "welcomed industry veteran Jane Roe as ...": lower-case words describing the person may come between
    rf"\b(?i:named|names|appoint(?:s|ed)?|appointment of|elected|promoted|promotion of|hired|welcomes?(?: back)?|welcomed)\s+(?:[a-z-]+\s+){{0,3}}?{PERSON}{DEGREES}\s*,?\s+"
    r"(?i:as\s+|to\s+(?=[A-Z]))?(?i:(?:its|the|our|a)\s+)?(?i:new\s+)?(?P<role>(?i:(?:[A-Za-z-]+\s+){0,6}?(?:officer|president|ceo|cfo|coo|cmo|"
    r"chair(?:man|woman)?|director|head|secretary|counsel)(?:\s+and\s+(?:[A-Za-z-]+\s+){0,3}?(?:officer|secretary|director|"
    r"president|chair(?:man|woman)?|head))?))"
)
# "CEO Jane Roe", "Chief Medical Officer Jane Roe": a capitalised title right before the name.
_TITLE = (r"(?:CEO|CFO|COO|CMO|CSO|CTO|CBO|President|Chairman|Chairwoman|Chair|Founder|Co-[Ff]ounder|Managing\s+Director|Chief\s+Executive(?!\s+Officer)|"
          r"(?:Executive\s+|Senior\s+)?Vice\s+President|Chief (?:[A-Z][a-z]+ ){1,3}Officer)")
# "Acme's President and CEO Jane Roe": titles joined by "and" or commas, the organisation's possessive before them
TITLE_FIRST = re.compile(
    rf"(?:(?P<owner>[A-Z][\w&.@-]*(?:\s+[A-Z][\w&.@-]*){{0,3}}?)(?:['’]s|(?<=s)['’])\s+)?"
    rf"(?<![\w-])(?P<role>{_TITLE}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_TITLE})*)\s+{PERSON}(?!\s*(?:,\s*)?(?:Inc|Corp|Ltd|LLC)\b)"
)
# "replacing Jane Roe", "taking over from Jane Roe, who continues to be a Director and the Chairman of the Board"
SUCCEEDED = re.compile(
    rf"\b(?:replacing|replaces|succeeding|succeeds|taking over from|takes over from|resignation of|departure of|"
    rf"retirement of)\s+(?:(?:its|the|our)\s+(?P<role_before>[^,;]{{0,80}}?),\s+)?{PERSON}{DEGREES}"
    r"(?:\s*,\s*who\s+(?:continues to be|continues as|remains|will remain|is|will serve as|serves as|(?:has\s+|had\s+)?served as)\s+"
    # "who will remain with the company as senior advisor": where he stays is not his title
    r"(?:(?<=remain\s)(?:with|at)\s+(?:the\s+company|us|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+as\s+)?"
    r"(?:a\s+|an\s+|the\s+|our\s+)?(?P<role>[A-Za-z ,-]+?(?:\s+and\s+(?:the\s+)?[A-Za-z -]+?)?)"
    r"(?=\s+(?:since|from|until|through)\b|[.;]|$))?"
)
JOB_TITLE_AFTER = re.compile(
    rf"{DEGREES}\s*,\s*(?:[A-Z][A-Za-z.]{{1,7}}\s*,\s*)*(?:an?\s+|the\s+)(?P<title>[^,;\"“”]*?(?i:{ROLE_WORDS.pattern})[^,;\"“”]*?)(?=[,;.\"“”]|$)"
)
# "led by Dr. Jane Roe at Example University": the title alone marks a person, an "at/of" gives the organisation.
DR_TITLED = re.compile(
    rf"\b(?P<title>Dr\.?|Prof\.|Professor)\s+(?P<name>(?:{_PART})(?:\s+[A-Z]\.?(?=\s))*{_SURNAMES})(?![\w'’-])"
    # the organisation stops where the next titled person of a list begins ("..., and Dr. Jane Roe of Y")
    r"(?:(?:\s+(?:of|at)\s+(?:the\s+)?|\s*\(\s*)(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:(?!(?:Dr|Prof|Professor|Mr|Ms|Mrs)\b)[A-Z][\w'’&.-]*"
    r"|of|for|and(?!\s+(?:Dr|Prof|Professor|Mr|Ms|Mrs)\b)|&))*))?"
)
# "The study's lead investigator, Dr. Jane Roe of X, presented": a lower-case title, a comma, the name.
ROLE_COMMA_NAME = re.compile(
    rf"(?P<role>\b(?:(?:principal|lead|senior|co-?|chief|study|trial|coordinating)\s+)*(?:investigator|author|scientist))\s*,\s*{PERSON}"
    rf"(?P<after>{{DEGREES}}(?:,?\s+(?:of|at)\s+(?:the\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of))*)?)".replace("{DEGREES}", DEGREES))
# "In October, Jane Roe joined Acme as CFO", "we welcome Dr. Jane Roe, who joined us in April as CMO": an
# opening date phrase or a welcome before the name (a lookahead keeps these anchors to the joining verb)
_JOINED_ANCHOR = (r"(?:(?<=,\s)|(?<=\bwelcome\s)|(?<=\bwelcomed\s))(?=(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][^,;.]{0,60}?"
                  r",?\s+(?:who\s+)?(?:has\s+|had\s+)?joined\s)")
# "Jane Roe is the chief executive officer of Acme": the name, a copula, the title.
IS_ROLE = re.compile(
    # (the anchors after "^" all look back at a space: one (?<=\s) first fails at most characters at once)
    rf"(?:^[\s*•·-]*|(?<=\s)(?:(?<=[.;]\s)|(?<=\bthat\s)|{_JOINED_ANCHOR})){PERSON}{DEGREES},?\s+(?:who\s+(?=(?:has\s+|had\s+)?joined\b))?(?:is|was|serves\s+as|has\s+served\s+as|will\s+serve\s+as|will\s+become|(?:has|have|had)\s+been\s+(?:appointed|named|promoted\s+to|elected)(?:\s+as)?|(?:was|is)\s+(?:appointed|named|promoted\s+to|elected)(?:\s+as)?|appointed(?:\s+as)?|(?:has\s+|will\s+)?join(?:ed|s)?\s+(?:\w+\s+){{0,3}}as|(?:has\s+|will\s+)?(?:stepped|steps|step)\s+down\s+as|(?:has\s+)?(?:resigned|retired)\s+as)\s+(?:the\s+|a\s+|an\s+|our\s+|its\s+)?"
    rf"(?P<role>[^,;.\"“”]*?(?i:{ROLE_WORDS.pattern})[^,;.\"“”]*?)(?=[,;.\"“”]|$)")
# "Jane Roe, who heads clinical development at Acme, told reporters": news writes the title as a verb.
WHO_HEADS = re.compile(
    rf"{PERSON}{DEGREES}\s*,\s*who\s+(?:heads|leads|runs|directs)\s+(?P<function>(?:the\s+|its\s+)?[a-z][\w&-]*(?:\s+[a-z&][\w&-]*){{0,4}}?)"
    rf"\s+(?:at|for)\s+(?P<org>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){{0,4}})")
# "Example Securities analyst Jane Roe": news names the analyst's firm as the title's modifier.
FIRM_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<firm>(?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*)\s+$")
_NOT_A_FIRM = frozenset("But And Meanwhile However Also Yet Still The A An One Another Said Says Wrote Writes Some Other".split())
# "According to Jane Roe, Acme's chief executive, the results ...": the attribution opens the sentence.
ACCORDING_TO = re.compile(
    rf"\b(?i:according to|as noted by|in the words of)\s+{PERSON}{DEGREES}\s*,\s*(?P<role>[^,;\"“”]*?(?i:{ROLE_WORDS.pattern})[^,;\"“”]*?)\s*(?=,)")
# "Acme's President and CEO, Jane Roe, commented": the title, then the name between commas, then speech.
TITLE_COMMA_NAME = re.compile(
    # "Acme Chief Executive Officer and Managing Director, Ms. Jane Roe, added": the company's name may stand bare
    # "from its Chief Executive Officer, Dr. Jane Roe, together with ...": the owner may be a lower-case "its"
    rf"(?P<role>(?:(?:[A-Z][\w&.-]*\s+){{0,3}}?[A-Z][\w&.-]*(?:['’]s|s['’])|(?<![\w-])(?:Its|Their|its|their)"
    rf"|(?:^|(?<=[.\"”]\s))(?:[A-Z][\w&.-]*\s+){{0,2}}?[A-Z][\w&.-]*(?=\s+(?:Chief|President|CEO|Founder|Chair|Managing\s+Director|Executive\s+Chair)))\s+(?:[A-Za-z-]+\s+){{0,6}}?(?i:officer|president|ceo|cfo|coo|cmo|"
    rf"cso|chair(?:man|woman)?|director|founder|head|investigator))\s*,\s*{PERSON}{DEGREES}\s*,\s*(?:{SPEECH}\b|[a-z])"
)
# "Managing Director and CEO of Acme, Dr Jane Roe, said:": a sentence opening on the title and its organisation
_OPENING_TITLE = r"(?:Officer|President|CEO|CFO|COO|CMO|CSO|Director|Chair(?:man|woman|person)?|Founder|Head)"
TITLE_OF_ORG_COMMA_NAME = re.compile(
    rf"(?:^|(?<=[.\"”]\s))(?P<role>(?:[A-Z][\w&-]*\s+){{0,5}}?{_OPENING_TITLE}(?:\s+(?:and|&)\s+(?:[A-Z][\w&-]*\s+){{0,4}}?{_OPENING_TITLE})?"
    rf"\s+of\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,4}})\s*,\s*{PERSON}{DEGREES}\s*,\s*{SPEECH}\b")
# "Jane Roe, Chief Medical Officer, and John Doe, CFO, will present": an apposition made of job titles alone
_JOB = (r"(?:(?:Interim\s+|Acting\s+)?(?:Co-)?[Ff]ounder|(?:Interim\s+|Acting\s+)?President|(?:Interim\s+|Acting\s+)?Chief\s+(?:[A-Z][a-z]+\s+){1,3}Officer|"
        r"CEO|CFO|COO|CMO|CSO|CTO|CBO|CCO|CDO|(?:Executive\s+|Non-Executive\s+)?Chair(?:man|woman|person)?(?:\s+of\s+the\s+Board)?|"
        r"(?:Executive\s+|Senior\s+)?Vice\s+President(?:\s+(?:of|for)\s+[A-Z][\w&]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w&]*){0,3})?|"
        r"General\s+Counsel|Corporate\s+Secretary|(?:Global\s+)?Head\s+of\s+[A-Z][\w&]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w&]*){0,3})")
TITLE_APPOSITION = re.compile(
    rf"{PERSON}{DEGREES}\s*,\s*(?P<role>{_JOB}(?:\s*(?:,\s*(?:and\s+)?|&|and)\s*{_JOB})*)\s*(?=,\s*(?:and\s+)?[a-z]|,\s*and\s|[;.]|\s+and\s|$)")
# "..., said Acme Chief Executive Officer, Jane Roe.": the verb, the title, a comma, the name closing the sentence.
SPEECH_TITLE_COMMA_NAME = re.compile(
    rf"\b{SPEECH}\s+(?P<role>(?:(?:the|our|its)\s+)?(?:[A-Z][\w&.@-]*\s+){{0,4}}?(?:[\w&.@-]+(?:['’]s|s['’])\s+)?(?:[A-Za-z&-]+\s+){{0,6}}?"
    rf"(?i:officer|president|ceo|cfo|coo|cmo|cso|chair(?:man|woman|person)?|director|founder|head|investigator|executive))"
    rf"\s*,\s*{PERSON}{DEGREES}\s*(?=[.,;\"“”]|$)")
# "Jane Roe, MD (Example University Hospital)": a degree marks a person; parentheses give the organisation.
DEGREE_ANCHORED = re.compile(
    rf"(?:(?<=[\s(])|^){PERSON}(?P<degrees>,?\s*(?:M\.?D\.?|Ph\.?D\.?|PharmD|Pharm\.D\.|MBBS|DPhil|D\.?O\.|DVM|FRCP|MPH)(?![\w])"
    r"(?:,?\s*(?:M\.?D\.?|Ph\.?D\.?|MBA|MPH|MSc|MS|PharmD|[A-Z]{2,6})(?![\w.]))*)\s*(?:\((?P<org>[A-Z][^()]{2,80})\))?"
)
# "Dr. Jane Roe, a director since 2018, will retire": a title held since a date, without its organisation
SINCE_APPOSITION = re.compile(
    rf"{PERSON}{DEGREES}\s*,\s*(?:an?\s+|the\s+)?(?P<role>[^,;\"“”]*?(?i:{ROLE_WORDS.pattern})[^,;\"“”]*?)"
    r"\s+since\s+(?:[A-Z][a-z]+\s+)?\d{4}\s*,")
# "Jane Roe, M.D., a radiologist who directs the imaging core": a specialist's title, no organisation after it
SPECIALIST_APPOSITION = re.compile(
    rf"{PERSON}{DEGREES}\s*,\s*an?\s+(?P<role>(?:[a-z-]+\s+){{0,2}}(?:[a-z]+ologist(?:-[a-z]+ologist)?|surgeon|pediatrician|"
    r"psychiatrist|pharmacist|(?:bio)?statistician))(?=\s+(?:who|whose|with)\b|\s*[,;.]|$)")
# A roster line of an advisory board: "Jane Roe, M.D., Ph.D. - Professor of Neurology, Example University (Chair)"
ROSTER_LINE = re.compile(
    rf"^[\s*•·-]*{PERSON}{DEGREES}\s+[-–—]\s+(?P<role>[^;()\"“”]*?(?i:{ROLE_WORDS.pattern})[^;()\"“”]*?)\s*(?=\(|$)")
# A bullet of a study-team list: "- Jane Roe, MS, biostatistician", "- Jane Roe, MD, assistant professor of pathology"
ROSTER_BULLET = re.compile(
    rf"^\s*[-*•·]\s+{PERSON}{DEGREES}{LOOSE_CREDENTIALS}\s*,\s*(?!(?:was|were|is|are|has|have|had|will|would|who|which|joined|joins|became|becomes|serves|served|leads|led)\b)"
    rf"(?P<role>(?=[a-z])[^,;()\"“”]*?(?i:{ROLE_WORDS.pattern})[^,;()\"“”]*?)\s*(?=[,;.]|$)")
# A meeting abstract's labelled presenter line: "Presenter: Jane Roe, M.D., Associate Professor, Department of
# Medicine, Example Cancer Institute" (title first, then the unit and institution, comma by comma)
PRESENTER_LINE = re.compile(
    rf"^[\s*\u2022\u00b7-]*(?i:presenter|presenting author|presented by|speaker|lead author|first author)s?\s*:\s*{PERSON}{DEGREES}{LOOSE_CREDENTIALS}"
    rf"\s*,\s*(?P<role>[^;\"\u201c\u201d]*?(?i:{ROLE_WORDS.pattern})[^;\"\u201c\u201d]*?)\s*\.?\s*$")
# "appointed Jane Roe and John Q. Doe, CPA, as independent directors": two people share one plural title; one
# pattern per place in the pair, since a pattern names one person
_OTHER_PERSON = PERSON.replace("(?P<name>", "(?:")
_SHARED_TITLE = (r"\s*,?\s+as\s+(?:its\s+|the\s+|our\s+)?(?:new\s+)?(?P<pair>)(?P<role>(?:[A-Za-z-]+\s+){0,3}?"
                 r"(?i:directors|officers|members|co-chairs|co-presidents)(?:\s+of\s+(?:the|its)\s+[Bb]oard)?)\b")
_PAIR_VERB = r"\b(?i:named|appoint(?:s|ed)?|appointment of|elected|welcomed)\s+"
FIRST_OF_PAIR = re.compile(rf"{_PAIR_VERB}{PERSON}{DEGREES}\s+and\s+{_OTHER_PERSON}{DEGREES}{_SHARED_TITLE}")
SECOND_OF_PAIR = re.compile(rf"{_PAIR_VERB}{_OTHER_PERSON}{DEGREES}\s+and\s+{PERSON}{DEGREES}{_SHARED_TITLE}")
# "Example Hospital hematologist-oncologist Dr. Jane Roe": a specialist's title written before the name, as news does
ROLE_BEFORE = re.compile(rf"(?P<role>\b(?:former\s+)?(?:[a-z-]+\s+){{0,5}}(?:officer|president|investigator|director|chair(?:man|woman)?|founder|author|ceo|cmo|cfo|chief executive|analyst"
                         rf"|[a-z]+ologist(?:-[a-z]+ologist)?|surgeon|pediatrician|psychiatrist)\b)\s+{PERSON}(?P<after>{DEGREES}(?:,?\s+(?:of|at)\s+(?:the\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of))*)?)")
# "Kiri Pharma Co., Ltd. (TSE: 4587, President and CEO: Taro Yamada)": Japanese releases name the chief
# executive inside the listing's parentheses, title before a colon, of the company written before them
LISTING_OFFICER = re.compile(rf"\([A-Z][\w ]{{1,30}}:\s*[A-Z0-9.]{{1,8}}\s*[;,]\s*(?P<owner>)"
                             rf"(?P<role>[A-Z][A-Za-z&. ]{{1,60}}(?:,\s*[A-Z][A-Za-z&. ]{{1,40}})?)\s*:\s*{PERSON}")
OF_INSTITUTION = re.compile(r"\s*,?\s+(?:of|at|from)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.@-]*(?:\s+(?:[A-Z][\w'’&.@-]*|of|for|&))*)")
# FACTS.md: contacts are not people of the release; pasted pages run the contact block into the text.
CONTACT_AFTER = re.compile(r"[^.;\"“”]{0,80}?(?:\+?\d[\d ().-]{8,}\d|[\w.+-]+@[\w-]+\.\w)")
# Most sentences hold none of these words: skip their scans (prefilter.py).
(ROLE_WORDS, NOT_A_NAME, ORG_TAIL, INSTITUTION_HEAD, ATTRIBUTION_AFTER, ATTRIBUTION_AFTER_BARE, ATTRIBUTION_BEFORE,
 APPOSITION, APPOINTED, ROLE_BEFORE, TITLE_FIRST, SUCCEEDED, DEGREE_ANCHORED, DR_TITLED, TITLE_COMMA_NAME, ACCORDING_TO,
 ROLE_COMMA_NAME, IS_ROLE) = map(gate, (
    ROLE_WORDS, NOT_A_NAME, ORG_TAIL, INSTITUTION_HEAD, ATTRIBUTION_AFTER, ATTRIBUTION_AFTER_BARE, ATTRIBUTION_BEFORE,
    APPOSITION, APPOINTED, ROLE_BEFORE, TITLE_FIRST, SUCCEEDED, DEGREE_ANCHORED, DR_TITLED, TITLE_COMMA_NAME, ACCORDING_TO,
    ROLE_COMMA_NAME, IS_ROLE))
OWNER_APPOSITION, COMMA_ORG_APPOSITION, ATTRIBUTION_COLON, SPEECH_TITLE_COMMA_NAME, TITLE_APPOSITION = map(
    gate, (OWNER_APPOSITION, COMMA_ORG_APPOSITION, ATTRIBUTION_COLON, SPEECH_TITLE_COMMA_NAME, TITLE_APPOSITION))
SINCE_APPOSITION, ROSTER_LINE, FIRST_OF_PAIR, SECOND_OF_PAIR, PRESENTER_LINE, TITLE_OF_ORG_COMMA_NAME, LISTING_OFFICER = map(
    gate, (SINCE_APPOSITION, ROSTER_LINE, FIRST_OF_PAIR, SECOND_OF_PAIR, PRESENTER_LINE, TITLE_OF_ORG_COMMA_NAME, LISTING_OFFICER))
SPECIALIST_APPOSITION, ROSTER_BULLET = gate(SPECIALIST_APPOSITION), gate(ROSTER_BULLET)
APPOSITION_AREAS, WHO_HEADS = gate(APPOSITION_AREAS), gate(WHO_HEADS)


# "St. Aldric's Hospital", "Mt. Sinai": the abbreviation's period ends no title or organisation, so it
# is read as a letter while roles are parsed, and given back after
# gated (prefilter.py): both run on every sentence, and few hold "St." or a quote; scanned, each costs
# more than all the person patterns' gates together
_PLACE_ABBREVIATION = gate(re.compile(r"\b(St|Mt|Ft)\.(?=\s+[A-Z])"))
_ABBREVIATION_KEPT = re.compile(r"\b(St|Mt|Ft|st|mt|ft)_(?=\s)")
# 'Katherine ("Kate") Ellery', 'Robert "Bob" Roe': a quoted nickname inside the name is blanked (same length,
# so spans hold) and the formal name is read (FACTS.md)
_NICKNAME = gate(re.compile(r"(?<=[a-z])\s+(?:\(\s*[\"“][A-Z][a-z]+[\"”]\s*\)|[\"“][A-Z][a-z]+[\"”])(?=\s+[A-Z])"))


def extract_people(ctx: Context) -> None:
    people: dict[str, PersonFact] = {}
    order: list[str] = []
    subject = None
    previous = None
    listed_at = None  # the institution a list's lead-in names: "The study team at Example Cancer Center:"
    for sentence in ctx.fact_sentences():
        listed_at = _list_institution(ctx.text(sentence), listed_at)
        text = _PLACE_ABBREVIATION.sub("\\1_", ctx.text(sentence))
        text = _NICKNAME.sub(lambda nickname: " " * len(nickname.group(0)), text)
        if sentence.is_heading:
            subject = heading_company(ctx.text(sentence), ctx)
        signed, previous = _signature(ctx, previous, sentence), sentence
        for match, name in signed + _candidates(text):
            if name in ctx.drug_forms.values() or _is_company(ctx, name) or CONTACT_AFTER.match(text, match.end()):
                continue
            role, org = (_ABBREVIATION_KEPT.sub("\\1.", part) if part else part for part in _role_and_org(match, ctx, subject))
            if org is None and listed_at and _BULLET.match(text):
                org = listed_at  # a member of the lead-in's team, the bullet naming no institution of its own
            key = person_key(name)
            fact = PersonFact(name, Evidence.of(sentence, NAME), role=role, organization=org)
            if key not in people:
                people[key] = fact
                order.append(key)
            elif not people[key].role and role:
                old = people[key]
                people[key] = PersonFact(old.name, old.evidence, role=role, organization=org or old.organization)
    ctx.extraction.people = [people[k] for k in order]


_BULLET = re.compile(r"\s*[-*•·]\s")
LIST_LEAD_IN = re.compile(r"\b(?:at|of)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|&))*)\s*(?:include|includes|are)?\s*:\s*$")


def _list_institution(text: str, current: str | None) -> str | None:
    """The institution a list's lead-in names, kept over the list's bullets: "The study team at Example Cancer
    Center:", "Investigators at Example University include:"; a paragraph that is no bullet ends the list."""
    if _BULLET.match(text):
        return current
    lead = LIST_LEAD_IN.search(text) if text.rstrip().endswith(":") else None
    return lead.group("org") if lead and INSTITUTION_WORD.search(lead.group("org")) else None


# A letter or statement signed off in the body: the name on one line, the job title alone on the next
# ("Dr Jane Roe" / "Chief Executive Officer", "Sir John Doe" / "Chair"), the issuer's officer.
SIGNATURE_NAME = re.compile(rf"\s*{PERSON}{DEGREES}\s*")
SIGNATURE_TITLE = re.compile(rf"\s*(?P<role>{_JOB}(?:\s*(?:,\s*(?:and\s+)?|&|and)\s*{_JOB})*)\s*")


def _signature(ctx: Context, previous: Sentence | None, sentence: Sentence) -> list[tuple[re.Match, str]]:
    if previous is None or not (sentence.is_heading and previous.is_heading) or previous.index != sentence.index - 1:
        return []
    title = SIGNATURE_TITLE.fullmatch(ctx.text(sentence))
    signer = title and SIGNATURE_NAME.fullmatch(ctx.text(previous))
    name = clean_person_name(signer.group("name")) if signer else None
    return [(title, name)] if name else []


# Every pattern below names a person: a capitalised word, whitespace (initials, particles) and another
# capital, which most sentences lack. This is what PERSON and DR_TITLED's name need at least, so a
# sentence without it is not scanned by any of them (tests/test_extract_entities.py checks each
# pattern holds one of them).
_NAME_SHAPE = re.compile(rf"{_UP}[\w'’.-]*(?:\s+[A-Z]\.?)*\s+{_PARTICLES}{_UP}")
_NAMED_PATTERNS = (ROSTER_LINE, PRESENTER_LINE, FIRST_OF_PAIR, SECOND_OF_PAIR, ATTRIBUTION_AFTER, ATTRIBUTION_BEFORE, ATTRIBUTION_COLON, APPOSITION, OWNER_APPOSITION, COMMA_ORG_APPOSITION, APPOINTED, ROLE_BEFORE, TITLE_FIRST, SUCCEEDED,
                   TITLE_COMMA_NAME, TITLE_OF_ORG_COMMA_NAME, SPEECH_TITLE_COMMA_NAME, ACCORDING_TO, TITLE_APPOSITION, ROLE_COMMA_NAME, IS_ROLE, SINCE_APPOSITION,
                   SPECIALIST_APPOSITION, ROSTER_BULLET, ATTRIBUTION_AFTER_BARE, DEGREE_ANCHORED,
                   DR_TITLED, WHO_HEADS, LISTING_OFFICER)


@per_text
def _candidates(text: str) -> list[tuple[re.Match, str]]:
    """(match, cleaned name) for every person pattern match, in pattern order: the text alone decides."""
    found = []
    if not _NAME_SHAPE.search(text):
        return found
    for pattern in _NAMED_PATTERNS:
        for match in pattern.finditer(text):
            name = clean_person_name(match.group("name"))
            if name:
                found.append((match, name))
    if "," in text and ROLE_WORDS.search(text):
        from .text import names_disease

        for match in APPOSITION_AREAS.finditer(text):
            name = clean_person_name(match.group("name"))
            items = re.split(r",\s+(?:and\s+)?|\s+and\s+", match.group("areas").strip(", "))
            if name and all(names_disease(item) for item in items if item):
                found.append((match, name))  # a role found before for this name stands
    return found


def heading_company(text: str, ctx: Context) -> str | None:
    """The company a heading consists of, as news roundups head each item ("Acme Bio" above its paragraph)."""
    from .companies import company_key

    if len(text) > 80:
        return None
    whole = ctx.company_forms.get(company_key(text.strip(" #*:")))
    if whole:
        return whole
    if ctx.extraction.release.location is not None:
        return None  # a release's section ("Licence agreement with Partner") is still the issuer's
    # "A no for Acme", "An early yes for Acme": a news article's section heading that names one company
    named = {company.name for company in ctx.extraction.companies
             for form in _heading_forms(company.name)
             if re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text)}
    return next(iter(named)) if len(named) == 1 else None


def _heading_forms(name: str) -> list[str]:
    bare = re.sub(r",?\s+(?:Inc|Corp|Corporation|Ltd|Limited|plc|AG|SA|N\.V|LLC|GmbH|Co)\.?$", "", name)
    first = bare.split()[0] if bare.split() else ""
    return [f for f in {name, bare, first} if len(f) >= 4 and f[0].isupper()]


def _role_and_org(match: re.Match, ctx: Context, subject: str | None = None) -> tuple[str | None, str | None]:
    groups = match.groupdict()
    if groups.get("function"):
        return "head of " + re.sub(r"^(?:the|its)\s+", "", groups["function"]), _clean_org(groups["org"], ctx)
    role = groups.get("role") or groups.get("role_before")
    if not role:
        stated = groups.get("org")  # "Jane Roe, MD (Example University Hospital)"
        if not stated:
            # "Investigators include Jane Roe, M.D., of Example University Hospital, and ..."
            tail = OF_INSTITUTION.match(match.string, match.end())
            if tail and _is_organisation(tail.group("org"), ctx) and not ROLE_WORDS.search(tail.group("org")):
                stated = tail.group("org")
        if stated and _UNIT_OF_INSTITUTION.match(stated):
            # "Dr. Jane Roe of the Division of Hematology, Example Hospital, Turin": the unit's institution follows it
            following = FOLLOWING_ORG.match(match.string, match.end())
            place = following and following.group("org").lower() in {**lexicons.cities(), **lexicons.countries()}
            if following and not place and (INSTITUTION_WORD.search(following.group("org")) or len(following.group("org").split()) > 2):
                stated = following.group("org")
        if not stated:
            # "a Phase 1b study at Example Cancer Center, led by Dr. Jane Roe": the study's site, named before its leader
            site = SITE_BEFORE.search(match.string, 0, match.start())
            stated = site.group("org") if site else None
        # "Professor Jane Roe": the title before the name is the only job title stated
        title = "professor" if (groups.get("title") or "").startswith("Prof") else None
        return title, (_clean_org(stated, ctx) if stated else None)
    role = re.sub(r"\s+", " ", role).strip(" ,")
    if "pair" in groups:
        role = re.sub(r"(?i)\b(director|officer|member|co-chair|co-president)s\b", r"\1", role)  # each holds one title
    role = re.split(r":(?![^()]*\))", role)[0].strip(" ,")  # "Quote from Jane Roe, CEO of Acme: ...": the colon opens the quote
    role = re.sub(rf"\s+{SPEECH}$", "", role)  # "CEO of Acme said": the verb closes the attribution
    role = re.sub(rf"^{SPEECH}\s+", "", role)  # "said lead author Jane Roe": the verb opens it
    if "after" in groups and re.search(r"\b(?:author|investigator)\b", role, re.I):
        # "lead study author Jane Roe, MD, an associate professor of cardiology at X": a study function
        # before the name, the job title after it (GUIDE.md: role is the first job title)
        title = JOB_TITLE_AFTER.match(match.string, match.end())
        if title:
            role, org = _split_role(title.group("title").strip(), None)
            role = re.sub(r"^(?:the|an?)\s+", "", role.strip(" ,"), flags=re.I).lower()
            return role or None, _clean_org(org, ctx) if org else None
    # Credentials the degree list does not know ("FMedSci", "MHCM") stand before the title: two or
    # more capitals in one short word.
    role = CREDENTIALS.sub("", role)
    if not role or CREDENTIAL.fullmatch(role):
        return None, None
    if not ROLE_WORDS.search(role) and _names_organisation(role, ctx):
        return None, _clean_org(role, ctx)  # "said Jane Roe, Ph.D., Acme Bio": an organisation, no title
    role = re.sub(r"^(?:who|which)\s+(?:continues to be|continues as|remains|is|was|will be|serves as|will serve as|"
                  r"has served as|became)\s+", "", role)  # "Jane Roe, who continues to be a Director"
    # "professor of biostatistics in the Example College of Public Health": a title held "in" an institution is held
    # "at" it (a department or division "in" which one works is no organisation: it stays in the title)
    role = IN_INSTITUTION.sub(" at ", role)
    end = ROLE_END.search(role)
    # "the ZEN-1 study chair, who leads the oncology program at Example University": the clause names the employer
    leads_at = WHO_LEADS_AT.match(role, end.start()) if end and end.start() > 0 else None
    role = role[: end.start()] if end and end.start() > 0 else role
    other = SECOND_EMPLOYER.search(role)
    if other and re.search(r"\s(?:of|at)\s+(?:the\s+)?[A-Z]", role[: other.start()]):
        role = role[: other.start()]  # "Founder of Acme, and Managing Partner of Kestrel Capital": the first employer
    second = SECOND_TITLE.match(role)
    if second and ROLE_WORDS.search(role[second.end(1):]):
        role = second.group(1)  # "a professor at Example University and lead investigator": the first title
    role = re.sub(r"\s*\([^()]*\)", "", role)  # 'Chief Financial Officer ("CFO")'
    role = SUFFIX_AFTER_COMMA.sub(r" \g<suffix>", role)  # "Chief Development Officer, Acme Bio, Inc."
    # "the Company's chief medical officer", "our CEO": the issuer's title
    own = re.match(r"(?:the\s+[Cc]ompany['’]s|[Oo]ur|[Ii]ts)\s+(?=\S)", role)
    owner = None
    if own and ROLE_WORDS.search(role[own.end():]):
        role, owner = role[own.end():], ctx.issuer
    stated_org = leads_at.group("org") if leads_at and not ORG_TAIL.search(role) else None
    leading = None if stated_org else re.match(r"(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][^,;]*?)(?:\s+in\s+[A-Z][\w .]*)?(?:,\s*|$)", role)
    if leading and INSTITUTION_WORD.search(leading.group("org")):
        # "Jane Roe, M.D., of Example Hospital in Boston, the lead author": the organisation comes first
        stated_org, role = leading.group("org"), role[leading.end():] or ""
        if not role:
            return None, _clean_org(stated_org, ctx)
    if not stated_org:
        stated_org, role = _company_before_title(role, ctx)
    segments = re.split(r"\s*,\s*(?:and\s+)?", role)
    for index, segment in (enumerate(segments[1:], start=1) if not stated_org else ()):
        if re.match(r"(?:The\s+)?[A-Z]", segment) and INSTITUTION_WORD.search(segment) and not ROLE_WORDS.search(segment):
            if FUNCTION_NOT_ORG.match(segment) and any(INSTITUTION_WORD.search(later) for later in segments[index + 1:]):
                continue  # "Professor and Chair, Department of Medicine, Example University": the university
            # "Professor of Pediatrics, Example University, and lead investigator": title, then its institution
            stated_org = re.sub(r"^The\s+", "", segment)
            # "Associate Professor, Department of Medicine, Example Institute": a member's title, without its unit;
            # "Professor and Chair, Department of Medicine, ...": the unit a chair, head or director leads is the title's
            leads = _HEADS_UNIT.search(segments[0])
            role = ", ".join(part for part in segments[:index] if leads or not _UNIT_OF_INSTITUTION.match(part))
            break
    if not stated_org and groups.get("owner") and not re.fullmatch(r"(?:The\s+)?Company", groups["owner"]):
        stated_org = re.sub(r"^The\s+", "", groups["owner"])  # "Kelvara Pharma AG's CEO Jane Roe"
    if not stated_org and "owner" in groups and not groups.get("owner"):
        stated_org = _company_written_before(match.string[: match.start("role")], ctx)  # "said Kelvara CEO Jane Roe"
    comma_org = None if stated_org else re.search(r",\s+(?P<org>[A-Z][\w'’&.@-]*(?:\s+[A-Z][\w'’&.@-]*){0,4})\s*$", role)
    if comma_org and re.search(r"\sat\s+(?:the\s+)?[A-Z]", role[: comma_org.start()]):
        comma_org = None  # "consultant at Example Hospital, Bristol": the title's "at" names the organisation
    if comma_org and not ROLE_WORDS.search(comma_org.group("org")) and not FUNCTION_NOT_ORG.match(comma_org.group("org")) \
            and comma_org.group("org").lower() not in lexicons.countries():  # "... at Example Hospital in Lyon, France": a place
        stated_org, role = comma_org.group("org"), role[: comma_org.start()]  # "chief medical officer, Acme"
    # an organisation already stated keeps the title's own "of" phrase ("Chief of Movement Disorders, Example Center")
    role, org = (role, None) if stated_org and not groups.get("after") else _split_role(role, groups.get("after"))
    if not org and not stated_org and "after" in groups and re.fullmatch(r"(?:[a-z-]+\s+)?analyst", role.strip()):
        firm = FIRM_BEFORE.search(match.string, 0, match.start("role"))
        if firm and firm.group("firm").split()[0] not in _NOT_A_FIRM:
            stated_org = firm.group("firm")  # "Example Securities analyst Jane Roe"
    if not org and not stated_org and len(segments) > 1:
        # "associate professor of medicine, director of the Example University Cancer Center Program"
        later = re.search(r"\b(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|&))*)",
                          ", ".join(segments[1:]))
        if later and INSTITUTION_WORD.search(later.group("org")):
            org = later.group("org")
            role = segments[0]
    if org and not _is_organisation(org, ctx):
        role, org = role + " of " + org if not role.endswith(org) else role, None  # "Chair of the Department of X"
    org = stated_org or org or owner or _following_institution(match)
    role = re.sub(r"^(?:the|an?|its|our)\s+", "", role.strip(" ,"), flags=re.I).lower() or None
    if org:
        org = _clean_org(org, ctx)
    elif role and CORPORATE_TITLE.search(role) and not ACADEMIC_TITLE.search(role):
        # a corporate title without an organisation: the company of the roundup item it stands in, else the issuer's
        org = subject or ctx.issuer
    elif role and ACADEMIC_TITLE.search(role):
        site = SITE_BEFORE.search(match.string, 0, match.start())
        org = _clean_org(site.group("org"), ctx) if site else None
    if role and not ROLE_WORDS.search(role):
        role = None if len(role.split()) > 8 else role
    return role, org


def _company_written_before(text: str, ctx: Context) -> str | None:
    from .companies import company_key

    words = text.split()
    for size in range(min(5, len(words)), 0, -1):
        head = " ".join(words[-size:])
        if head[:1].isupper() and company_key(head) in ctx.company_forms:
            return head
    return None


_TITLE_OPENER = re.compile(r"Managing|Executive|Non-Executive|Senior|Deputy|Interim|Acting|General")


def _company_before_title(role: str, ctx: Context) -> tuple[str | None, str]:
    """"Acme Bio co-founder and chief scientific officer", "Example Health hematology oncologist": a
    company the release names or an institution, written before the title as its modifier, is the
    organisation, not part of the title."""
    from .companies import company_key

    words = role.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        head, rest = " ".join(words[:size]), " ".join(words[size:])
        # "Acme Bio co-founder", "Acme President & CEO": the title opens lower case or with a title word
        # ("Acme Managing Director and CEO": a title may open with a word that qualifies the title word)
        opens_title = words[size][:1].islower() or ROLE_WORDS.match(words[size]) or _TITLE_OPENER.fullmatch(words[size])
        if not all(w[:1].isupper() for w in words[:size]) or not opens_title:
            continue
        named = company_key(head) in ctx.company_forms or INSTITUTION_WORD.search(words[size - 1])
        if named and ROLE_WORDS.search(rest.split(",")[0]):
            return head, rest
    return None, role


def _split_role(role: str, after: str | None) -> tuple[str, str | None]:
    """(title, organisation) from "Acme's chief medical officer", "professor of neurology at Example
    University" or a ROLE_BEFORE match's tail ("... of Example University")."""
    owner = re.match(r"(?P<org>[A-Z][\w&@.-]*(?:\s+[A-Z][\w&@.-]*){0,3}?)(?:['’]s|(?<=s)['’])\s+(?P<role>.+)$", role)
    if owner and ROLE_WORDS.search(owner.group("role")):
        return owner.group("role"), owner.group("org")
    if after:
        tail = ORG_TAIL.search(after)
        return role, (tail.group("org") if tail else None)
    tail = ORG_TAIL.search(role)
    if not tail:
        return role, None
    if FUNCTION_NOT_ORG.match(tail.group("org")):
        # "chair of the Board of Directors of Acme": the function ends where a last "of" names an organisation
        inner = list(re.finditer(r"\s+(?:of|at)\s+(?:the\s+)?(?=[A-Z])", tail.group("org")))
        last = tail.group("org")[inner[-1].end():] if inner else ""
        if last and not FUNCTION_NOT_ORG.match(last):
            return role[: tail.start("org") + inner[-1].start()], last
        return role, None  # "head of R&D": a function, part of the title
    org = re.sub(r"['’]s$", "", tail.group("org"))  # "Example Center's lupus program": the centre
    if ROLE_WORDS.search(role[: tail.start()] or ""):
        return role[: tail.start()], org
    return role[tail.end():] or role[: tail.start()], org


INSTITUTION_WORD = re.compile(
    r"\b(?:University|Universit[àäé]|Universidad|Universitari[ao]|Universitätsklinikum|College|School|Institute|Institut|Instituto|"
    r"Istituto|Center|Centre|Hospital|Hospitals|H[ôo]pital|Ospedale|Klinikum|Cl[íi]nica|Clinic|Infirmary|Foundation|"
    r"Health|Healthcare|Medicine|Network|Society|Association|Council|Academy|Laborator(?:y|ies)|Department|NHS|Trust)\b"
)
# "Jane Roe, MD, Chair of Leukemia, Example University Cancer Center (EUCC), said": the next comma segment
FOLLOWING_ORG = re.compile(r"\s*,\s*(?P<org>(?:The\s+)?[A-Z][^,;\"“”()]{2,90}?)(?=\s*(?:\(|,|;|\.|\"|“|”|$))")


def _names_organisation(text: str, ctx: Context) -> bool:
    from .companies import company_key

    return company_key(text) in ctx.company_forms or bool(re.fullmatch(rf"(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|&))*", text)
                                                          and INSTITUTION_WORD.search(text))


def _is_organisation(org: str, ctx: Context) -> bool:
    from .companies import company_key

    return (len(org.split()) > 1 or bool(INSTITUTION_WORD.search(org)) or company_key(org) in ctx.company_forms
            or any(key.startswith(company_key(org)) for key in ctx.company_forms)
            or any(pattern.fullmatch(org) for pattern, _ in lexicons.agencies()))  # "director of ... of the FDA"


def _following_institution(match: re.Match) -> str | None:
    following = FOLLOWING_ORG.match(match.string, match.end())
    if following and INSTITUTION_WORD.search(following.group("org")) and not ROLE_WORDS.search(following.group("org")):
        return re.sub(r"^The\s+", "", following.group("org").strip())
    return None


# "conducted at Example Clinical Research in Melbourne, where Dr. Jane Roe is Principal Investigator", "at Example
# Medical Center under an investigator IND held by Dr. Jane Roe, Associate Professor": the study's site, named before
# the investigator in the same clause, is where an academic title is held
SITE_BEFORE = re.compile(r"\bat\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|&))*)"
                         r"(?:\s+in\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:,\s*[A-Z][\w.-]*)?)?"
                         r"\s*,?\s+(?:where|under\s+[^,;.\"“”]{0,40}?\bby|led\s+by)\s+(?:(?:Dr|Prof|Professor)\.?\s+)?$")
IN_INSTITUTION = re.compile(
    r"\s+in\s+(?=the\s+(?!(?:Department|Division|Section|Unit|Service|Program|Laboratory|Lab)\b)[A-Z][\w'’&.-]*"
    r"(?:\s+(?:[A-Z][\w'’&.-]*|of|for|&)){0,6}?\s+(?:University|College|School|Institute|Hospital|Center|Centre|Clinic)\b)")
CORPORATE_TITLE = re.compile(
    r"\b(?:chief|ceo|cmo|cfo|coo|cso|cbo|cco|president|vp|svp|evp|founder|chair|head|director|manager|officer|"
    r"secretary|counsel|treasurer|controller)", re.I)
ACADEMIC_TITLE = re.compile(r"\b(?:professor|investigator|author|physician|clinician|fellow|dean|researcher|scientist at)\b", re.I)
_HEADS_UNIT = re.compile(r"\b(?:chair|chairman|chairwoman|head|chief|director|leader|lead)\b", re.I)
_UNIT_OF_INSTITUTION = re.compile(r"(?:Department|Division|Section|Unit|Service)\s+of\b")
FUNCTION_NOT_ORG = re.compile(
    r"(?:R&D|Research|Development|Clinical|Medical|Medicine|Operations|Finance|Business|Regulatory|Commercial|"
    r"Manufacturing|Strategy|Science|Sciences|Discovery|Translational|Technical|Quality|Corporate|Investor|Product|"
    r"Programs?|Marketing|Legal|the Board|Board|Directors|Scientific|Advisory|Audit|Compensation|Committee|Department|Division|Section|Unit|Oncology|Neurology|Cardiology|Radiology|Hematology)\b"
)


def _clean_org(org: str, ctx: Context) -> str:
    inner = re.search(r"\s+(?:at|of)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.@-]*(?:\s+(?:[A-Z][\w'’&.@-]*|of|for|&))*)$", org)
    if FUNCTION_NOT_ORG.match(org) and inner and INSTITUTION_WORD.search(inner.group("org")) \
            and not FUNCTION_NOT_ORG.match(inner.group("org")):
        org = inner.group("org")  # "Department of Medicine at Example University": the university
    org = re.sub(r"['’]s?\s+(?=[a-z]).*$", "", org)  # "Acme's board of directors" -> "Acme"; "Women's Hospital" stays
    org = re.sub(r"\s+(?:and|in)\s*$", "", org.strip(" ,."))
    head = INSTITUTION_HEAD.match(org)
    if head and " " in head.group("org") and not re.search(r"\b(?:University|Institute)\b", org[head.end():]):
        org = head.group("org")
    from .companies import company_key

    known = ctx.company_forms.get(company_key(org))
    if known or INSTITUTION_WORD.search(org):
        return known or org
    from ..resolve import _similar_company

    # "Zentrrix Bio, Inc." in an attribution, "Zentrix Bio, Inc." elsewhere: a misspelling
    return next((form for form in sorted(set(ctx.company_forms.values())) if _similar_company(org, form)), org)


_ORGANISATION_WORDS = frozenset(lexicons.not_company_words()) | {
    "Cancer", "Medical", "Therapeutics", "Pharmaceuticals", "Pharma", "Biosciences", "Oncology", "Biotech", "Health",
    "Healthcare", "Sciences", "Laboratories", "Inc", "Corp", "Ltd", "LLC",
    "Team", "Leadership", "Management"}  # "Acme Strengthens Leadership Team, Expands Board ...": a headline's phrase
CREDENTIAL = re.compile(r"(?!(?:CEO|CFO|COO|CMO|CSO|CTO|CBO|CCO|SVP|EVP|VP)\b)(?=[A-Za-z.]*[A-Z][a-z.]*[A-Z])[A-Z][A-Za-z.]{1,7}")
# A second apposition or a clause ends the first title: "..., speaking about ...", "... and a member of ..."
# "..., a partner of Acme" describes the organisation; "..., in a statement" the occasion.
ROLE_END = re.compile(r",?\s+(?:and\s+(?:a|an|the)\s+(?=[a-z]+\s+of\b)|(?:who|which|whose|where)\b|from\s+(?:her|his|their)\s+|[a-z]+ing\s+(?:about|on|at|the|to)\b)|,\s+(?=[a-z]+ing\b)"
                      r"|,\s+(?:a|an)\s+(?=[a-z])|,\s+(?:in|during|at)\s+(?:a|an|the|its|today['’]s)\s+(?:[a-z-]+\s+){0,2}?"
                      r"(?:statement|release|press release|interview|call|conference call|webcast|presentation|event|note|report|e-?mail|letter|memo|filing)\b")
WHO_LEADS_AT = re.compile(r",?\s+who\s+(?:leads|heads|directs|runs|chairs)\s+[^,;]*?\s+at\s+(?:the\s+)?"
                          r"(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|&))*)")
# A title held at a named organisation, then "and" another title: the first one stands alone.
# An institution's name may hold the particles of its language ("Hospital Universitario de Example").
SECOND_TITLE = re.compile(r"(.+?\sat\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|&|de|del|della|di|du|des|la|le|y|und|für))*?"
                          r"(?:\s+in\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:,\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?)?)"
                          # its city set off by commas, as datelines write it: "at Example Hospital, Sydney, and ..."
                          r"(?:,\s*(?!(?:Inc|Ltd|LLC|Corp|Co|plc|AG|SA|SE|NV|GmbH|AB|ASA|LP)\b)[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?"
                          # "... and the study's lead investigator", "... and ZEN-1's lead investigator"
                          r",?\s+and\s+(?:the\s+|a\s+|an\s+|[A-Z][\w-]*['’]s\s+(?=[a-z]))?"
                          r"(?=[a-z]|(?:Director|Professor|Chief|Head|Chair|Principal|Lead|Member|Founder|Co-|Vice|Senior)\b)")
SUFFIX_AFTER_COMMA = re.compile(r",\s*(?P<suffix>Inc|Ltd|LLC|Corp|Co|plc|AG|SA|SE|NV|N\.V|GmbH|AB|ASA|S\.A|S\.p\.A|B\.V|L\.P|LP)\.?(?=\s*(?:,|$)|['’]s\s)")
# ", and Managing Partner of Kestrel Capital": a second title with its own organisation
SECOND_EMPLOYER = re.compile(r",\s+and\s+(?=(?:[A-Z][\w-]*\s+){1,4}(?:of|at)\s+(?:the\s+)?[A-Z])")
CREDENTIALS = re.compile(rf"^(?:{CREDENTIAL.pattern}\s*,\s*)+")
TRAILING_TITLE = re.compile(r"(?:\s+(?:President|Chief|Chairman|Chair|Director|Founder|Head|Vice|Senior|Executive|Professor|CEO|CFO|COO|CMO|As|And|Of|At))+$")


def clean_person_name(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip()
    if NOT_A_NAME.match(name):
        return None
    name = TRAILING_TITLE.sub("", name)  # "Jane Roe President and CEO": the title is not the surname
    parts = name.split()
    if any(part in _ORGANISATION_WORDS for part in parts):
        return None  # "Example University", "Example Cancer Center": an institution, not a person
    if len(parts) < 2 or any(p.isupper() and len(p) > 2 for p in parts):
        return None
    return name


def _is_company(ctx: Context, name: str) -> bool:
    from .companies import company_key

    return company_key(name) in ctx.company_forms or company_key(name.split()[0]) in ctx.company_forms


def person_key(name: str) -> str:
    """Formal name without middle initials: "Robert T. Smith" -> "robert smith"."""
    parts = [p for i, p in enumerate(name.split()) if not re.fullmatch(r"[A-Z]\." if i == 0 else r"[A-Z]\.?", p)]
    return " ".join(parts).lower()
