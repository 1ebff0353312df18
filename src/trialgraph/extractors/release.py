"""The release itself: date and place from the dateline, and the headline."""
from __future__ import annotations

import re

from .. import lexicons
from ..model import Evidence, ReleaseFact, Zone
from ..segment import DATELINE_RE, EMBEDDED_DATELINE_RE
from .context import Context
from .dates import FULL_DATE, parse_full

NAME = "release.dateline"


def extract_release(ctx: Context) -> None:
    date = location = None
    evidence = None
    for sentence in ctx.sentences:
        if sentence.zone is Zone.DATELINE:
            match = DATELINE_RE.match(ctx.text(sentence)) or EMBEDDED_DATELINE_RE.search(ctx.text(sentence))
            if match:
                date = parse_full(match.group("date"))
                location = normalize_place(match.group("place"))
                evidence = Evidence.of(sentence, NAME)
            break
    if date is None:
        # Releases without a wire dateline often carry a date line above the headline.
        for sentence in ctx.sentences[:6]:
            text = ctx.text(sentence).strip()
            match = FULL_DATE.search(text)
            if match and len(text) <= len(match.group(0)) + 25 and sentence.zone is Zone.HEADLINE:
                date = parse_full(match.group(0))
                evidence = Evidence.of(sentence, "release.date_line")
                break
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


def normalize_place(place: str) -> str | None:
    """'MADISON, Wis.' -> 'Madison, WI'; 'STOCKHOLM' -> 'Stockholm, Sweden'."""
    first = re.split(r"\s+and\s+", place.strip())[0]
    parts = [p.strip() for p in first.split(",") if p.strip()]
    if not parts:
        return None
    city = _title(parts[0])
    if len(parts) > 1:
        region = parts[1]
        state = lexicons.states().get(region.lower()) or lexicons.states().get(region.lower().rstrip("."))
        return f"{city}, {state or _title(region)}"
    region = lexicons.cities().get(city.lower())
    return f"{city}, {region}" if region else city


def _title(text: str) -> str:
    if text.isupper() or text.islower():
        return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())
    return text
