"""Time windows as forward-looking statements write them, kept at their precision.

"Q4 2019" -> 2019-Q4, "first half of 2020" -> 2020-H1, "mid-2021" -> 2021-mid,
"year-end 2022" -> 2022-YE, "by the end of the second quarter of 2017" -> 2017-06,
"June 2020" -> 2020-06, "in 2019" -> 2019, "later this year" -> the release's year.
Each Period also carries the inclusive dates it covers, which is how the
milestones query compares a promise with the date of the release that kept it.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ..model import Period
from . import dates
from .dates import FULL_DATE, MONTH_YEAR, month_number, parse_full
from .memo import per_text
from .prefilter import gate

_Y = r"(?P<year>(?:19|20)\d{2})"
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_HALF_NAMES = {1: "first half", 2: "second half"}
_END = r"(?P<end>(?:the\s+)?end\s+of\s+(?:the\s+)?)?"

QUARTER = re.compile(
    rf"\b{_END}(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:calendar\s+)?quarter\s+(?:of\s+)?{_Y}"
    rf"|Q(?P<q>[1-4])[\s-]*(?P<qyear>(?:19|20)\d{{2}})|(?P<q2>[1-4])Q[\s-]*(?P<q2year>(?:19|20)\d{{2}}))\b",
    re.I,
)
HALF = re.compile(
    rf"\b(?:(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half\s+(?:of\s+)?{_Y}"
    rf"|(?:H(?P<h>[12])|(?P<h2>[12])H)[\s-]*(?P<hyear>(?:19|20)\d{{2}}))\b",
    re.I,
)
MID = re.compile(rf"\b(?:mid[\s-]+|(?:the\s+)?middle\s+of\s+){_Y}\b", re.I)
YEAR_END = re.compile(
    rf"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+year\s+)?{_Y}|year[\s-]end(?:\s+(?:of\s+)?(?P<year2>(?:19|20)\d{{2}}))?"
    rf"|(?:the\s+)?end\s+of\s+(?P<this>this|the)\s+year)\b",
    re.I,
)
EARLY_LATE = re.compile(rf"\b(?P<which>early|late|later\s+in)\s+{_Y}\b", re.I)
YEAR = re.compile(rf"\b(?:in|during|by|for|before|through(?:out)?|within)\s+(?:calendar\s+(?:year\s+)?)?{_Y}\b", re.I)
RELATIVE = re.compile(r"\b(?P<what>later\s+this\s+year|this\s+year|next\s+year|later\s+in\s+the\s+year)\b", re.I)
# Said often, dated never: kept as the time expression, without a window.
VAGUE = re.compile(
    r"\b(?:in\s+the\s+(?:coming|next\s+few)\s+(?:weeks|months|days)|(?:in|over)\s+the\s+near[\s-]term|within\s+days"
    r"|soon)\b",
    re.I,
)
# Most sentences name no time: skip their scans (prefilter.py).
QUARTER, HALF, MID, YEAR_END, EARLY_LATE, YEAR, RELATIVE, VAGUE = map(
    gate, (QUARTER, HALF, MID, YEAR_END, EARLY_LATE, YEAR, RELATIVE, VAGUE))


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    period: Period | None


def _year(y: int) -> Period:
    return Period(str(y), str(y), f"{y}-01-01", f"{y}-12-31")


def _months(notation: str, label: str, year: int, first: int, last: int) -> Period:
    end_day = calendar.monthrange(year, last)[1]
    return Period(notation, label, f"{year}-{first:02d}-01", f"{year}-{last:02d}-{end_day:02d}")


def _month(year: int, month: int) -> Period:
    return _months(f"{year}-{month:02d}", f"{calendar.month_name[month]} {year}", year, month, month)


def _quarter(match: re.Match) -> Period:
    if match.group("ord"):
        q, year = _ORD[match.group("ord").lower()], int(match.group("year"))
    elif match.group("q"):
        q, year = int(match.group("q")), int(match.group("qyear"))
    else:
        q, year = int(match.group("q2")), int(match.group("q2year"))
    if match.group("end"):  # "the end of the second quarter": the quarter's last month
        return _month(year, q * 3)
    return _months(f"{year}-Q{q}", f"Q{q} {year}", year, q * 3 - 2, q * 3)


def _half(match: re.Match) -> Period:
    if match.group("ord"):
        h, year = _ORD[match.group("ord").lower()], int(match.group("year"))
    else:
        h, year = int(match.group("h") or match.group("h2")), int(match.group("hyear"))
    return _months(f"{year}-H{h}", f"{_HALF_NAMES[h]} of {year}", year, h * 6 - 5, h * 6)


def _candidates(text: str, release_date: str | None):
    """(start, end, period or None) for every time expression; earlier rules win overlaps."""
    release_year = int(release_date[:4]) if release_date else None
    for m in FULL_DATE.finditer(text):
        iso = parse_full(m.group(0))
        if iso:
            yield m.start(), m.end(), Period(iso, iso, iso, iso)
    for m in QUARTER.finditer(text):
        yield m.start(), m.end(), _quarter(m)
    for m in HALF.finditer(text):
        yield m.start(), m.end(), _half(m)
    for m in MID.finditer(text):
        year = int(m.group("year"))
        yield m.start(), m.end(), _months(f"{year}-mid", f"mid-{year}", year, 6, 7)
    for m in YEAR_END.finditer(text):
        # "year-end" and "the end of this year" without a year mean the release's year.
        year = m.group("year") or m.group("year2") or release_year
        if year:
            y = int(year)
            yield m.start(), m.end(), _months(f"{y}-YE", f"year-end {y}", y, 12, 12)
    for m in MONTH_YEAR.finditer(text):
        yield m.start(), m.end(), _month(int(m.group("year")), month_number(m.group("month")))
    for m in EARLY_LATE.finditer(text):
        year, which = int(m.group("year")), m.group("which").lower()
        if which == "early":
            yield m.start(), m.end(), _months(f"{year}-early", f"early {year}", year, 1, 4)
        elif which == "late":
            yield m.start(), m.end(), _months(f"{year}-late", f"late {year}", year, 9, 12)
        else:  # "later in 2019": any time left in that year
            yield m.start(), m.end(), _year(year)
    for m in YEAR.finditer(text):
        yield m.start("year"), m.end(), _year(int(m.group("year")))
    for m in RELATIVE.finditer(text):
        if release_year:
            shift = 1 if m.group("what").lower().startswith("next") else 0
            yield m.start(), m.end(), _year(release_year + shift)
    for m in dates.RELATIVE.finditer(text):  # "last month", "earlier this year", against the release date
        iso = dates.resolve(m.group(0), release_date)
        if iso and len(iso) == 7:
            yield m.start(), m.end(), _month(int(iso[:4]), int(iso[5:]))
        elif iso:
            yield m.start(), m.end(), _year(int(iso))
    for m in VAGUE.finditer(text):
        yield m.start(), m.end(), None


@per_text
def time_mentions(text: str, release_date: str | None) -> list[TimeMention]:
    """Non-overlapping time expressions of a sentence, in text order."""
    taken: list[TimeMention] = []
    for start, end, period in _candidates(text, release_date):
        if any(start < t.end and t.start < end for t in taken):
            continue
        taken.append(TimeMention(start, end, text[start:end], period))
    return sorted(taken, key=lambda t: t.start)
