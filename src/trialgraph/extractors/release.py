"""The release itself: date and place from the dateline, and the headline."""
from __future__ import annotations

import re
from datetime import date as date_type

from .. import lexicons
from ..model import Evidence, ReleaseFact, Zone
from ..segment import (AGENCY_DATELINE_RE, DASHED_PLACE_RE, DATELINE_RE, EMBEDDED_DATELINE_RE, PAREN_DATELINE_RE,
                       UNDATED_DATELINE_RE)
from .context import Context
from .dates import FULL_DATE, parse_full

NAME = "release.dateline"


def extract_release(ctx: Context) -> None:
    date = location = None
    evidence = None
    paragraph = _dateline_paragraph(ctx)
    for number, sentence in enumerate(paragraph):
        text = ctx.text(sentence)
        following = number + 1
        while following < len(paragraph) and following <= number + 3 and _ABBREVIATION_END.search(text.rstrip()):
            # "CAMBRIDGE, Mass." | "& BOSTON--(BUSINESS WIRE)--Feb." | "3, 2023--": sentences split at abbreviations
            text = text.rstrip() + " " + ctx.text(paragraph[following]).lstrip()
            following += 1
        match = DATELINE_RE.match(text) or PAREN_DATELINE_RE.match(text) or EMBEDDED_DATELINE_RE.search(text)
        if match:
            date = parse_full(match.group("date"))
            location = normalize_place(match.group("place"))
            evidence = Evidence.of(sentence, NAME)
            break
        agency = AGENCY_DATELINE_RE.match(text) if number == 0 else None
        if agency:
            # the year the agency leaves out is the archive's: the file name's date (FACTS.md)
            filed = file_name_date(ctx.document.name)
            date = parse_full(f"{agency.group('day')}, {filed[:4]}") if filed else None
            location = normalize_place(agency.group("place"))
            evidence = Evidence.of(sentence, NAME)
            break
        undated = UNDATED_DATELINE_RE.search(text) or (DASHED_PLACE_RE.match(text) if number == 0 else None)
        if undated and location is None:
            location = normalize_place(undated.group("place"))
            evidence = Evidence.of(sentence, NAME)
    if date is None:
        # Releases without a wire dateline often carry a date line above the headline.
        for sentence in ctx.sentences[:6]:
            text = ctx.text(sentence).strip()
            match = FULL_DATE.search(text)
            if match and len(text) <= len(match.group(0)) + 25 and sentence.zone is Zone.HEADLINE:
                date = parse_full(match.group(0))
                evidence = evidence or Evidence.of(sentence, "release.date_line")
                break
    if date is None:
        # FACTS.md: a text without a dateline (a news archive's copy) takes the date in its file name.
        date = file_name_date(ctx.document.name)
        if date:
            ctx.extraction.warnings.append(f"no dateline found: release date {date} taken from the file name")
    headline = next(
        (
            s.text.strip(" #*")
            for s in ctx.sentences
            if s.zone is Zone.HEADLINE and not FULL_DATE.fullmatch(ctx.text(s).strip()) and len(s.text.strip()) > 12
        ),
        None,
    )
    if headline is None and ctx.sentences:
        headline = ctx.sentences[0].text.strip(" #*")[:300]
    if date is None and location is None:
        ctx.extraction.warnings.append("no dateline found: release date and place left empty")
    ctx.extraction.release = ReleaseFact(ctx.document.doc_id, date, location, headline, evidence)


_ABBREVIATION_END = re.compile(r"(?:\b[A-Z][a-z]{1,4}|\b(?:[A-Z]\.){1,3}[A-Z]?)\.?$")
# "news-2025-02-13.txt"; "news-2025-02-13-2.txt" is an archive's second item of that day.
FILE_NAME_DATE = re.compile(r"(?<!\d)(?P<date>(?:19|20)\d{2}-[01]\d-[0-3]\d)(?:-\d{1,2})?(?:\.\w+)?$")


def file_name_date(name: str) -> str | None:
    """'news-item-2025-02-11.txt' -> '2025-02-11' when that is a real calendar date."""
    match = FILE_NAME_DATE.search(name or "")
    if not match:
        return None
    try:
        return date_type.fromisoformat(match.group("date")).isoformat()
    except ValueError:
        return None


def _dateline_paragraph(ctx: Context) -> list:
    """The sentences of the paragraph that opens with the dateline: pasted pages
    bury the dateline in a later sentence of that paragraph."""
    first = next((s for s in ctx.sentences if s.zone is Zone.DATELINE), None)
    if first is None:
        return []
    return [s for s in ctx.sentences[first.index:] if s.paragraph == first.paragraph][:12]


def normalize_place(place: str) -> str | None:
    """'MADISON, Wis.' -> 'Madison, WI'; 'STOCKHOLM' -> 'Stockholm, Sweden'."""
    first = re.split(r"\s+(?:and|&)\s+", place.strip())[0]
    first = re.sub(r"\s*\(([^()]+)\)", r", \1", first)  # "Lyon (France)": the country in parentheses
    parts = [p.strip() for p in first.split(",") if p.strip()]
    if not parts:
        return None
    parts[1:] = [re.sub(r"^[Tt]he\s+", "", p) for p in parts[1:]]  # "LEIDEN, the Netherlands"
    city = _title(parts[0])
    if len(parts) > 2 and lexicons.countries().get(parts[-1].lower()) == "United States":
        parts = parts[:2]  # "SAN DIEGO, CA, USA": the state says more than the country
    if len(parts) > 2 and lexicons.countries().get(parts[-1].lower()):
        return f"{city}, {lexicons.countries()[parts[-1].lower()]}"  # "Edmonton, Alberta, Canada"
    if len(parts) > 1:
        region = parts[1].rstrip(".")
        country = lexicons.regions().get(region.lower()) or lexicons.countries().get(region.lower())
        if country:
            return f"{city}, {country}"  # "TORONTO, ONTARIO": a province names its country
        region = parts[1]
        state = lexicons.states().get(region.lower()) or lexicons.states().get(region.lower().rstrip("."))
        if state is None and region.strip(".").upper() in set(lexicons.states().values()):
            state = region.strip(".").upper()  # already a postal code: "Plano, TX"
        return f"{city}, {state or _title(region)}"
    region = lexicons.cities().get(city.lower())
    return f"{city}, {region}" if region else city


def _title(text: str) -> str:
    if text.isupper() or text.islower():
        return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())
    return text
