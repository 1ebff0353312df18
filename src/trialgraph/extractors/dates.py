"""Dates as releases write them, kept at the precision stated.

"December 2014" -> "2014-12", "In 2018" -> "2018", "Nov. 07, 2017" -> "2017-11-07";
"last month" and "earlier this year" resolve against the release date.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dateutil import parser as dateparser

from .prefilter import gate

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
FULL_DATE = re.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\b")
MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}})\b")
# "in 2018", "(2018)", and a part of a year read as the year: "in the fourth quarter of 2024", "in Q4 2024",
# "in late 2019" (FACTS.md: a designation granted "in the fourth quarter of 2024" is dated 2024).
YEAR = re.compile(
    r"(?:\b(?:in|during|since)\s+(?:(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:quarter|half)\s+of\s+|"
    r"(?:early|mid|late|the (?:end|beginning|start|middle) of)[\s-]+|(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\s+)?|\("
    # a list item labelled by its period: "- Third quarter of 2025: ...", "- Q3 2025: ..."
    r"|(?:^|(?<=^[-*\u2022]\s))(?=[A-Za-z0-9 ]{0,30}(?::|$))(?:(?:the\s+)?(?:first|second|third|fourth)\s+(?:quarter|half)\s+(?:of\s+)?"
    r"|(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\s+))"
    r"(?P<year>(?:19|20)\d{2})\b\)?",
    re.I,
)
RELATIVE = re.compile(
    r"\b(?P<what>last month|earlier this month|this month|earlier this year|this year|last year|late last year|earlier this week|(?:during|in) the quarter)\b",
    re.I,
)
# "In March" with no year: the last March up to the release date.
# "last October": the last October before the release's month.
MONTH_ONLY = re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ee]arlier in|[Ss]ince|[Ee]arly|[Ll]ate|(?P<last>[Ll]ast))\s+(?P<month>{_MONTH})(?![\w.]|\s+\d|\s+of\s+\d|,?\s+(?:19|20)\d\d)")
# "on May 30" with no year: the last May 30 up to the release date.
DAY_MONTH = re.compile(rf"\b[Oo]n\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})")
_UNNAMED = re.compile(r"\(\?P<\w+>")
ANY_DATE = re.compile(
    "|".join("(?:" + _UNNAMED.sub("(?:", p.pattern) + ")" for p in (FULL_DATE, MONTH_YEAR, YEAR, RELATIVE, MONTH_ONLY, DAY_MONTH)), re.I
)
# Most sentences name no date: skip their scans (prefilter.py).
FULL_DATE, MONTH_YEAR, YEAR, RELATIVE, MONTH_ONLY, DAY_MONTH, ANY_DATE = map(
    gate, (FULL_DATE, MONTH_YEAR, YEAR, RELATIVE, MONTH_ONLY, DAY_MONTH, ANY_DATE))


@lru_cache(maxsize=4096)  # dateutil is slow and releases repeat their dates
def parse_full(text: str) -> str | None:
    try:
        parsed = dateparser.parse(text.replace("Sept.", "Sep."), default=None, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None


def month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:4 if text.lower().startswith("sept") else 3]]


def resolve(text: str, release_date: str | None) -> str | None:
    """ISO date at the stated precision for one date expression, or None."""
    match = FULL_DATE.search(text)
    if match:
        return parse_full(match.group(0))
    match = MONTH_YEAR.search(text)
    if match:
        return f"{match.group('year')}-{month_number(match.group('month')):02d}"
    match = RELATIVE.search(text)
    if match:
        return _relative(match.group("what").lower(), release_date)
    match = YEAR.search(text)
    if match:
        return match.group("year")
    match = DAY_MONTH.search(text)
    if match and release_date and len(release_date) >= 10:
        year, month, day = int(release_date[:4]), month_number(match.group("month")), int(match.group("day"))
        if (month, day) > (int(release_date[5:7]), int(release_date[8:10])):
            year -= 1
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    match = MONTH_ONLY.search(text)
    if match and release_date and len(release_date) >= 7:
        year, month = int(release_date[:4]), month_number(match.group("month"))
        latest = int(release_date[5:7]) - (1 if match.group("last") else 0)
        return f"{year if month <= latest else year - 1}-{month:02d}"
    return None


def _relative(what: str, release_date: str | None) -> str | None:
    if not release_date or len(release_date) < 10:
        return None
    today = date.fromisoformat(release_date)
    if what == "last month":
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return f"{year}-{month:02d}"
    if what in ("this month", "earlier this month", "earlier this week"):
        return f"{today.year}-{today.month:02d}"
    if what in ("earlier this year", "this year"):
        return str(today.year)
    if what in ("during the quarter", "in the quarter"):
        # a quarterly report's "during the quarter": the quarter reported, ended before the release (a
        # release of January to March reports the year before's last quarter)
        return str(today.year - 1 if today.month <= 3 else today.year)
    if what in ("last year", "late last year"):
        return str(today.year - 1)
    return None
