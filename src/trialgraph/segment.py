"""Split a release into sentences with character spans, each tagged with its zone.

Zones are decided here, once, so that no extractor has to know that
disclaimers and contact blocks state no facts.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .model import Document, Sentence, Span, Zone
from .normalize import clean_markup
from .sentence_spans import sentence_spans

# A wire-service dateline: "MADISON, Wis., Nov. 07, 2017 (GLOBE NEWSWIRE) --",
# "STOCKHOLM -- March 26, 2020 --", "LONDON, 3 March 2023 --".
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
DATE_RE = re.compile(
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
)
# The wire's name may stand between place and date: "WATERTOWN, Mass.--(BUSINESS WIRE)--February 10, 2025".
# Some wires set their name between slashes: "NASHVILLE, TN / ACCESSWIRE / August 5, 2025 /".
_SLASH_WIRE = r"\s+/\s+[A-Za-z ]*(?:WIRE|NEWS|Newswire|Newsfile|NewsFile)[A-Za-z .]*?\s+/\s+"
_WIRE_BETWEEN = rf"(?:\s*(?:--|–|—)?\s*\([A-Za-z ]*(?:WIRE|NEWS|Newswire|Newsfile)[A-Za-z ]*\)\s*(?:--|–|—)?\s*|{_SLASH_WIRE})"
DATELINE_RE = re.compile(
    # "LEIDEN, the Netherlands, 5 May 2026 --": a country may keep its article
    # "Lyon (France), July 30, 2025 -": French releases put the country in parentheses
    rf"^\s*(?P<place>[A-Z][A-Za-z.'’ -]*[A-Za-z.](?:\s*\([A-Z][A-Za-z. ]+\))?(?:,\s*(?:the\s+)?[A-Z][A-Za-z. ]*?){{0,2}}"
    rf"(?:\s+(?:and|&)\s+[A-Z][A-Za-z.'’ -]*(?:,\s*[A-Z][A-Za-z. ]*?)?)?)"
    rf"(?:{_WIRE_BETWEEN}|\s*(?:,|--|–|—|\s-)\s*)(?P<date>{DATE_RE.pattern})"
)
# Pasted texts run the dateline into the headline: "... INDIANAPOLIS,Sept. 29, 2019// --",
# "SAN DIEGO,Nov. 18, 2021/PRNewswire/ --".
EMBEDDED_DATELINE_RE = re.compile(
    rf"(?<![\w,])(?P<place>[A-Z]{{3,}}(?:[ .'-]+[A-Z]{{2,}})*\.?(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)?)"
    # an exchange announcement ends its dateline with a colon: "MELBOURNE, Australia, 9 March 2026: Company ..."
    rf"(?:{_WIRE_BETWEEN}|\s*(?:,|--|–|—|\s-)\s*)(?P<date>{DATE_RE.pattern})(?=\s*(?:/|\(|--|–|—|-\s|:\s))"
)
# A dateline without its date (the date stands above the headline): "RAHWAY, N.J.----Company, ...".
UNDATED_DATELINE_RE = re.compile(
    r"(?<![\w,])(?P<place>[A-Z]{3,}(?:[ .'-]+[A-Z]{2,})*(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)?)"
    rf"(?:{_WIRE_BETWEEN}|\s*(?:--|–|—){{2,}}\s*)(?=[A-Z])"
)
# A news agency's dateline gives the day without the year: "BASEL, Oct 14 (Reuters) -", "LONDON, March 3 -".
AGENCY_DATELINE_RE = re.compile(
    rf"^\s*(?P<place>[A-Z]{{3,}}(?:[ .'-]+[A-Z]{{2,}})*\.?(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)?),\s+"
    rf"(?P<day>{_MONTH}\s+\d{{1,2}})(?:\s*\([A-Z][\w .&-]*\))?\s*(?:-|–|—|--)\s+(?=[A-Z])"
)
# A university or hospital newsroom sets the date in parentheses after the place: "COLUMBUS, Ohio (Feb. 4, 2025) –".
# The place is a city and its state or country; the dash after the parenthesis closes the dateline (a sentence
# split at the state's abbreviation may end at the parenthesis).
PAREN_DATELINE_RE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){{0,2}},\s*(?!(?:Inc|Ltd|LLC|Corp|Co|plc|AG|SA|NV)\b)"
    rf"[A-Z][A-Za-z.]*(?:\s+[A-Z][a-z]+)?)\s*\(\s*(?P<date>{DATE_RE.pattern})\s*\)\s*(?:(?:--|–|—|-)\s+|$)"
)
# The same newsrooms put the date on a line of its own above the place, which one dash closes:
# "LEXINGTON, Ky. — A university physician ...". Capitals, a state or country after the comma.
DASHED_PLACE_RE = re.compile(
    r"^\s*(?P<place>[A-Z]{3,}(?:[ .'-]+[A-Z]{2,})*,\s*(?!(?:Inc|Ltd|LLC|Corp|Co|plc|AG|SA|NV)\b)[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)"
    r"\s+(?:—|–|--|-)\s+(?=[A-Z])"
)
WIRE_RE = re.compile(r"\([A-Za-z ]*(?:WIRE|NEWS|Newsfile)[A-Za-z ]*\)|/PRNewswire/|--|–|—|\s-\s|//", re.I)

FORWARD_HEADING = re.compile(r"forward[- ]looking|safe harbor|cautionary (?:note|statement)", re.I)
FORWARD_OPENING = re.compile(
    r"^(?:This|The)\s+(?:news|press)\s+release\s+(?:contains|includes|may contain)\s+(?:certain\s+)?forward[- ]looking"
    r"|^Statements in this (?:news |press )?release (?:about|that are not)"
    r"|^Certain statements in this (?:announcement|release|press release) are forward[- ]looking"
    r"|^(?:Some|These) statements in this release look to the future",
    re.I,
)
CONTACT_HEADING = re.compile(
    r"^(?:investor|media|press|company)?\s*(?:and media\s+)?(?:relations\s+)?contacts?\s*:?\s*$|^contacts?\b|"
    r"^(?:investors?|media)(?: and media| and investors)?\s*:\s*$|^for (?:further|more) information,? (?:please )?contact|"
    # the London and Sydney exchanges' heading: "Enquiries:", "For further information:"
    r"^(?:(?:media|investor|press)\s+)?(?:enquiries|inquiries)\s*:?\s*$|^for (?:further|more) information\s*:?\s*$",
    re.I,
)
CONTACT_LINE = re.compile(r"^(?:source|SOURCE)\s*:?\s+\S|^This information is information that", re.I)
# GUIDE.md "What yields no facts": sections that run to the next About/contact heading ...
BOILERPLATE_HEADING = re.compile(
    r"^(?:disclaimers?|legal disclaimer|disclosures?|references|sources|footnotes|"
    r"(?:recent|related|more|other|latest) (?:news|headlines|articles|stories|releases|posts|coverage|content|reading)\b.*|"
    r"related (?:companies|topics|tags|content|links|coverage|reading)|read (?:more|next)|see also|"
    r"additional resources|multimedia|note to (?:investors|editors)|tags?|tldr)\s*:?\s*$",
    re.I,
)
# ... and single paragraphs: site and wire footers, bylines, image captions, link lines.
BOILERPLATE_LINE = re.compile(
    r"^(?:(?:view|see) (?:the )?original (?:release|content|version)|to view the (?:full|original) (?:press )?release|"
    r"(?:this|the) (?:post|article|story)\b.{0,80}\b(?:appeared|was published) first|.{0,200}\bappeared first on\b|"
    r"(?:featured |cover |header )?(?:photo|image|picture)s? (?:by|courtesy|credit|source)\b|(?:photo|image) credit|"
    r"by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3},? (?:for )?[A-Z][\w]+(?: [A-Z]\w+)?$|"
    r"!\[[^\]]*\]\([^)]*\)\s*$|\[\d+\]\s+https?://|https?://\S+\s*$|"
    r"--\s*news direct\s*--|embargoed (?:until|for)\b|click here (?:to|for)\b|"
    r"(?:company )?website\s*:?\s*(?:https?://|www\.)|"
    r".{0,80}\bis powered by\b|for more information,? (?:please )?visit\s+(?:https?://|www\.)\S+\s*$|"
    r"(?:share|tweet|email|print)(?: this)? (?:article|story|release)\b|news provided by\b|"
    # "Related: Acme lands $90M | FDA sets new guidance": other headlines run in after a label
    r"(?:related|also read|read more|see also|more news|recommended)(?: (?:news|stories|articles|reading|coverage))?\s*:\s+\S)",
    re.I,
)
# A paragraph that is only a markdown link ("* [Acme's drug wins orphan status](https://...)"): a
# related-headlines list or a "see more" button (matched on the text before its markup is blanked)
LINK_ONLY = re.compile(r"\[[^\]\n]{1,300}\]\((?:https?://|www\.|/)[^)\s]*\)")
# An "About" section about the wire or the publisher, not a company or drug in the news.
PUBLISHER_BLURB = re.compile(
    r"\b(?:news ?wire|wire (?:service|solutions)|news (?:service|agency|platform|network|distribution)|"
    r"communications (?:platform|company|firm|agency)|(?:financial|business) (?:news|media)|media (?:company|platform|network|outlet|brand)|"
    r"press release (?:distribution|syndication)|(?:investor|public) relations (?:firm|agency|platform)|publisher of|"
    r"digital (?:media|marketing|publishing)|content (?:platform|distribution))\b",
    re.I,
)
ABOUT_HEADING = re.compile(r"^about\s+(?P<subject>.+?)\s*:?\s*$", re.I)

BULLET_RE = re.compile(r"^\s*(?:[-*•·▪–]|\d+[.)])\s+")
# Cells are set apart by a tab or a run of spaces; two spaces after a sentence's stop are a typist's
# habit ("... therapy.  The poster was ..."), not a cell break.
TABLE_ROW_RE = re.compile(r"[^\s.!?;:,] {2,}\S|\S\t\S")
# A markdown table's row: its cells' stops ("accepted; granted") end no sentence
MARKDOWN_ROW_RE = re.compile(r"\|[^\n]*\|")


def _looks_like_heading(line: str) -> bool:
    text = line.strip().strip("*_ ").strip()
    if not text:
        return False
    if line.lstrip().startswith("#"):
        return True
    if len(text) > 110 or len(text.split()) > 14:  # the length first: a paragraph is not split into words to say no
        return False
    if TABLE_ROW_RE.search(text) or BULLET_RE.match(line):
        return False
    if text[-1] in ".;,\"”" and not ABOUT_HEADING.match(text) and not re.search(r"\b(?:Inc|Ltd|Corp|Co)\.$", text):
        return False
    return text[0].isupper() or text[0].isdigit()


# A text saved from an e-mail or a plain-text wire feed is hard-wrapped: every line of a
# paragraph is cut near one width, and the cut falls anywhere, before a capital too ("President
# and / Chief Executive Officer", "Dr. Calloway / Brisbane"). Such a text has many long lines and
# almost none far beyond the width; a text laid out one paragraph per line has long lines well
# beyond it, and its line breaks are never treated as wraps.
_WRAP_MIN_LINES = 8
_WRAP_MAX_WIDTH = 130
_WRAP_FILL = 0.7  # a line this full of the width was cut by the wrap, unless it ends a sentence
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)*_]*\s*$")


def _wrap_floor(lines: list[str]) -> int | None:
    """Length from which a line not ending a sentence runs on into the next one; None if the text is not hard-wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 40)
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    width = lengths[int(0.8 * (len(lengths) - 1))]
    return int(width * _WRAP_FILL) if width <= _WRAP_MAX_WIDTH else None


def _wrapped(previous: str, floor: int | None) -> bool:
    """The previous line was cut mid-sentence by a hard wrap."""
    return (
        floor is not None
        and len(previous.rstrip()) >= floor
        and not _SENTENCE_END.search(previous)
        and not _looks_like_heading_markup(previous)
    )


def _looks_like_heading_markup(line: str) -> bool:
    text = line.strip()
    return text.startswith("#") or (text.startswith("**") and text.endswith("**"))


def _blocks(clean: str) -> list[tuple[int, int]]:
    """Line-based units: a paragraph is one line, or a run of wrapped lines."""
    units: list[tuple[int, int]] = []
    pos = 0
    start = None
    end = 0
    lines = clean.split("\n")
    floor = _wrap_floor(lines)
    previous = ""
    for line in lines:
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        stripped = line.strip()
        if not stripped:
            if start is not None:
                units.append((start, end))
                start = None
            continue
        # a bullet's marker is often set off by two spaces ("•  Overall response ..."): that gap is
        # not a cell break, so the item's wrapped second line still belongs to it
        continues = (
            start is not None
            and not BULLET_RE.match(line)
            and not TABLE_ROW_RE.search(stripped)
            and not TABLE_ROW_RE.search(BULLET_RE.sub("", clean[start:end].strip().split("\n")[-1], count=1))
            and (stripped[:1].islower() or _wrapped(previous, floor))
        )
        previous = line
        if continues:
            end = line_end
            continue
        if start is not None:
            units.append((start, end))
        start, end = line_start, line_end
    if start is not None:
        units.append((start, end))
    return units


# A web page pasted as one line keeps its headings only as bold runs between sentences:
# "... 68 patients. **About the BRUIN Trial** The BRUIN trial is ...". In such a line, a bold
# run that stands between sentences and reads as a heading is a paragraph of its own, so
# "About X" sections and disclaimers are found as in a release laid out in lines.
_PASTED_PAGE_CHARS = 1500
_BOLD_RUN = re.compile(r"\*\*[^*\n]{2,120}?\*\*(?:\*\*[^*\n]{1,120}?\*\*)*")  # "**Waldenström****Macroglobulinemia**" is one


def _inline_headings(text: str, clean: str, unit: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = unit
    if end - start < _PASTED_PAGE_CHARS or "**" not in text[start:end]:
        return [unit]
    cuts: list[int] = []
    for run in _BOLD_RUN.finditer(text, start, end):
        before = clean[start:run.start()].rstrip()
        after = clean[run.end():end].lstrip()[:1]
        title = clean[run.start():run.end()].strip()
        # it opens the text, follows a sentence's end ("&quot;" ends in ";"), or follows another heading
        opens = not before or before[-1] in ".!?:;\"')" or (cuts and not clean[cuts[-1]:run.start()].strip())
        if opens and (not after or after.isupper() or after.isdigit() or after == "*") and _looks_like_heading(title):
            cuts += [run.start(), run.end()]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if clean[a:b].strip()]


# A pasted page loses the line break after an "About" heading, and the section's first sentence
# repeats the heading's subject: "About Zentrix Bio Zentrix Bio (NASDAQ: ZTX) is ...". The repeated
# name is where the section's text begins.
_GLUED_ABOUT = re.compile(r"\s*About\s+(?P<subject>[A-Z][^\s(]*(?:\s+[A-Z0-9&][^\s(]*){0,5}?)\s+(?P=subject)(?=[\s,(’'])")


def _glued_about(clean: str, unit: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = unit
    match = _GLUED_ABOUT.match(clean, start, end)
    if not match:
        return [unit]
    cut = match.start("subject") + len(match.group("subject"))
    return [(start, cut), (cut, end)]


_ONE_UNIT_CHARS = 400


def _sentences_in(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = clean[start:end]
    # A table row or a bullet is one unit; a pasted page run into one long line is not, even
    # when its blanked markup leaves a double space that looks like a cell break.
    if len(chunk) <= _ONE_UNIT_CHARS and (BULLET_RE.match(chunk) or TABLE_ROW_RE.search(chunk.strip())
                                          or MARKDOWN_ROW_RE.fullmatch(chunk.strip())):
        spans = []
    else:
        spans = _rejoin_open_parentheses(clean, _rejoin_dotted_suffixes(clean, [(start + s, start + e) for s, e in _syntok_spans(chunk)]))
    if not spans:
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        spans = [(start + left, start + right)]
    return [part for s, e in spans for part in _unglue(clean, s, e)]


# syntok ends a sentence inside a dotted suffix whose letters change case ("Acme S.p.|A. is ..."): the
# sentence that opens with the suffix's last letter and its stop belongs to the one before.
_DOTTED_HEAD = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")
_DOTTED_TAIL = re.compile(r"[A-Za-z]\.(?=\s|$)")


def _rejoin_dotted_suffixes(clean: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for span in spans:
        if joined and span[0] == joined[-1][1] and _DOTTED_TAIL.match(clean, span[0]) \
                and _DOTTED_HEAD.search(clean, joined[-1][0], joined[-1][1]):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _rejoin_open_parentheses(clean: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A semicolon inside parentheses ends no sentence: "Acme (TSE: 4587; President and CEO: Jane Roe) today ..."."""
    joined: list[tuple[int, int]] = []
    for span in spans:
        if joined and clean[joined[-1][0]:joined[-1][1]].rstrip().endswith(";") \
                and clean.count("(", *joined[-1]) > clean.count(")", *joined[-1]):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


# Pasted pages lose the line break after an inline heading: "... for Bipolar DisorderOn August 6th,
# the company ...", "Clinical Program OverviewThis strategic ...". A lower-case letter followed,
# without a space, by a word that opens sentences is such a seam: nothing else writes "rOn " or "yThe ".
# The pattern finds the opening word and the letter before it is tested after: a pattern that opens
# with literal words lets the regex engine skip to their capitals, where one led by a lookbehind
# (r"(?<=[a-z])(?=(?:On|...)\s)") is tried at every character.
_SENTENCE_OPENER = re.compile(
    r"(?:On|In|The|This|These|Today|At|As|For|Our|We|Earlier|Last|During|After|Since|With)(?=\s)")


def _unglue(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [m.start() for m in _SENTENCE_OPENER.finditer(clean, start + 1, end) if "a" <= clean[m.start() - 1] <= "z"]
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if clean[a:b].strip()]


# Boilerplate paragraphs ("About ...", forward-looking statements, contacts)
# recur verbatim across one issuer's releases: sentence offsets of a
# paragraph depend on its text alone. Long paragraphs are not remembered, so
# the cache's memory stays bounded.
_CACHED_CHUNK_CHARS = 4000


def _syntok_spans(chunk: str) -> tuple[tuple[int, int], ...]:
    """Sentences as syntok finds them (sentence_spans.py)."""
    return _remembered_spans(chunk) if len(chunk) <= _CACHED_CHUNK_CHARS else sentence_spans(chunk)


_remembered_spans = lru_cache(maxsize=4096)(sentence_spans)


def find_dateline(clean: str, units: list[tuple[int, int]]) -> int | None:
    """Index of the unit that opens with the dateline, if any."""
    for index, (start, end) in enumerate(units[:40]):
        text = clean[start:end]
        match = DATELINE_RE.match(text)
        if match and (WIRE_RE.search(text[match.end():match.end() + 60]) or re.search(_SLASH_WIRE, match.group(0))):
            return index
        if PAREN_DATELINE_RE.match(text):
            return index
    for index, (start, end) in enumerate(units[:10]):
        if EMBEDDED_DATELINE_RE.search(clean[start:end][:4000]):
            return index
    for index, (start, end) in enumerate(units[:10]):
        if UNDATED_DATELINE_RE.search(clean[start:end][:4000]) or AGENCY_DATELINE_RE.match(clean[start:end]) \
                or DASHED_PLACE_RE.match(clean[start:end]):
            return index
    return None


def segment(document: Document) -> list[Sentence]:
    clean = clean_markup(document.text)
    units = [part for unit in _blocks(clean) for inline in _inline_headings(document.text, clean, unit)
             for part in _glued_about(clean, inline)]
    dateline_index = find_dateline(clean, units)
    sentences: list[Sentence] = []
    zone = Zone.HEADLINE if dateline_index is not None else Zone.BODY
    section: str | None = None
    for index, (start, end) in enumerate(units):
        raw = clean[start:end].strip()
        heading = _looks_like_heading(clean[start:end])
        if index == dateline_index:
            zone = Zone.BODY
        elif dateline_index is None and index == 0:
            zone = Zone.HEADLINE
        elif dateline_index is None and index == 1:
            zone = Zone.BODY
        if zone is not Zone.HEADLINE or dateline_index is None:
            zone, section = _next_zone(zone, section, raw, heading, index == dateline_index)
        this_zone = Zone.DATELINE if index == dateline_index else zone
        if this_zone is not Zone.DATELINE and (BOILERPLATE_LINE.match(raw.strip("#*_> "))
                                              or LINK_ONLY.fullmatch(document.text[start:end].strip().lstrip("#*_>-•· ").rstrip("*_ "))):
            this_zone = Zone.BOILERPLATE  # this paragraph only: a byline or caption does not end the body
        spans = _sentences_in(clean, start, end)
        first = spans[0][0]
        for s, e in spans:
            sentences.append(
                Sentence(
                    doc_id=document.doc_id,
                    index=len(sentences),
                    span=Span(s, e),
                    text=document.text[s:e],
                    # a line break inside a paragraph is a wrap: patterns read "Fast\nTrack" as "Fast Track"
                    clean=clean[s:e].replace("\n", " "),
                    zone=this_zone if this_zone is not Zone.DATELINE or s == first else Zone.BODY,
                    paragraph=index,
                    section=section if zone is Zone.ABOUT else None,
                    is_heading=heading and this_zone is not Zone.DATELINE,
                )
            )
    return _publisher_blurbs_to_boilerplate(sentences)


def _publisher_blurbs_to_boilerplate(sentences: list[Sentence]) -> list[Sentence]:
    """An "About" section whose first paragraph describes a wire or publisher states no facts."""
    first_paragraph: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        if sentence.zone is Zone.ABOUT and sentence.section and not sentence.is_heading:
            para = first_paragraph.setdefault(sentence.section, [])
            if not para or para[0].paragraph == sentence.paragraph:
                para.append(sentence)
    blurbs = {
        section for section, para in first_paragraph.items()
        if PUBLISHER_BLURB.search(" ".join(s.clean for s in para)[:600])
    }
    if not blurbs:
        return sentences
    return [
        replace(s, zone=Zone.BOILERPLATE) if s.zone is Zone.ABOUT and s.section in blurbs else s
        for s in sentences
    ]


def _next_zone(zone: Zone, section: str | None, text: str, heading: bool, is_dateline: bool) -> tuple[Zone, str | None]:
    if is_dateline:
        return Zone.BODY, None
    if heading and BOILERPLATE_HEADING.match(text.strip("#*_ ")):
        return Zone.BOILERPLATE, None
    if heading:
        about = ABOUT_HEADING.match(text.lstrip("# ").strip())
        if about and not FORWARD_HEADING.search(text):
            return Zone.ABOUT, about.group("subject").strip(" *_:")
        if FORWARD_HEADING.search(text):
            return Zone.FORWARD_LOOKING, None
        if CONTACT_HEADING.search(text.strip("# *_")):
            return Zone.CONTACTS, None
        if zone in (Zone.FORWARD_LOOKING, Zone.CONTACTS, Zone.BOILERPLATE):
            return zone, None
        return Zone.BODY if zone is not Zone.ABOUT else Zone.ABOUT, section
    if FORWARD_OPENING.search(text):
        return Zone.FORWARD_LOOKING, None
    if CONTACT_LINE.search(text) or CONTACT_HEADING.search(text):
        return Zone.CONTACTS, None
    return zone, section
