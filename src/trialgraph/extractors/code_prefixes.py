"""Whose a code-named drug is, read from the code itself.

A drug code opens with letters that abbreviate the company that coined it ("ZX-101" for Zentrix, "ACM-7" for
Acme Oncology, "KRB-12" for Korbel Bio). In a release about several companies (licensing deals, acquisitions,
news roundups, partner-owned programmes in a pipeline) those letters say whose the drug is more reliably than
which company a sentence happens to name beside it.
"""
from __future__ import annotations

import re

_PREFIX = re.compile(r"([A-Z]{2,5})[- ]?\d")
_CORPORATE_SUFFIX = re.compile(
    r",?\s+(?:Inc|Corp|Corporation|Ltd|Limited|plc|AG|SA|S\.A|N\.V|B\.V|LLC|GmbH|Co|A/S|ASA|AB|Pty|KK|K\.K)\.?(?=\W|$)",
    re.I)


def _abbreviates(prefix: str, name: str) -> bool:
    """The prefix's letters are the first letter of a word of the name and then letters the name has after it,
    in that order ("KRV" in "Korvane", "SKB" in "Sichuan Kelun-Biotech", "QY" in "Hangzhou Qiyuan")."""
    words = re.findall(r"[a-z]+", _CORPORATE_SUFFIX.sub("", name).lower())
    letters, prefix = "".join(words), prefix.lower()
    start = 0
    for word in words:
        if word[0] == prefix[0] and _in_order(prefix[1:], letters, start + 1):
            return True
        start += len(word)
    return False


def _in_order(wanted: str, letters: str, at: int) -> bool:
    for letter in wanted:
        at = letters.find(letter, at)
        if at < 0:
            return False
        at += 1
    return True


def code_owner(names, company_forms: dict[str, str], issuer: str | None) -> str | None:
    """The one named company whose name the drug's codes abbreviate. A drug renamed by its licensee or buyer
    carries both companies' codes ("ZX-218, known as KP-218 at Kestrel"): then the release's issuer, the one
    that renamed it, when it is among them; else nobody."""
    owners = set()
    for name in names:
        prefix = _PREFIX.match(name)
        if prefix:
            owners |= {company for form, company in company_forms.items() if _abbreviates(prefix.group(1), form)}
    if len(owners) == 1:
        return owners.pop()
    return issuer if issuer in owners else None
