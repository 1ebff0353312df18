"""Abbreviations a release defines: "dementia with Lewy bodies (DLB)" lets a
later "DLB" be read as the disease, and keeps a defined disease acronym from
being taken for a trial name.

The definitions are found with the Schwartz-Hearst algorithm (Pacific
Symposium on Biocomputing, 2003), the usual baseline for biomedical text. It
is a few lines; the one package that ships it configures the root logger at
import time, so it is written out here."""
from __future__ import annotations

import re

# Hong Kong filings quote the defined term: "squamous non-small cell lung cancer ("sqNSCLC")", "(the "CDE")"
_PAREN = re.compile(r"\(\s*(?:(?:the\s+)?[\"“](?=[^\"”]{2,12}[\"”]\s*\)))?([A-Za-z][A-Za-z0-9-]{1,11})[\"”]?\s*\)")
_CLAUSE_MARKS = ".;:()[]"  # the words of a long form run back to none of these


def _words_before(text: str) -> str:
    """The tail of `text` after its last clause mark (what r"[^.;:()\[\]]*$" finds, without
    the regex engine retrying the run from every character before the last mark)."""
    return text[max(text.rfind(mark) for mark in _CLAUSE_MARKS) + 1:]


def defined_abbreviations(text: str) -> dict[str, str]:
    """short form -> long form, for every "long form (SHORT)" in `text`."""
    found: dict[str, str] = {}
    if "(" not in text:
        return found
    for match in _PAREN.finditer(text):
        short = match.group(1)
        capitals = sum(c.isupper() for c in short)
        if short in found or capitals == 0 or (capitals == 1 and not short[0].isupper()):
            continue
        before = _words_before(text[max(0, match.start() - 200):match.start()])
        words = before.split()[-min(len(short) + 5, 2 * len(short)):]
        long = best_long_form(short, " ".join(words))
        if capitals == 1 and not (long and _COMBINATION.search(long)):
            continue  # "velnatinib and prednomide (Vp)": one capital only for a regimen of two or more drugs
        if long and (len(long.split()) >= 2 or _one_disease_word(long)):  # "osteoarthritis (OA)"
            found[short] = long
    return dict(sorted(found.items()))


# A long form that joins two or more therapies: the mixed-case short forms of regimens ("Pd", "Kd", "Rd")
_COMBINATION = re.compile(r"\w\s+(?:and|plus)\s+\w|\w/\w")


def best_long_form(short: str, candidate: str) -> str | None:
    """The shortest tail of `candidate` whose letters spell `short` in order, the
    first one opening a word (Schwartz and Hearst's findBestLongForm)."""
    s_index = len(short) - 1
    l_index = len(candidate) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            candidate[l_index].lower() != char
            or (s_index == 0 and l_index > 0 and candidate[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = candidate.rfind(" ", 0, l_index + 1) + 1
    long = candidate[start:].strip(" ,")
    return long if len(long) > len(short) else None


def expand(phrase: str | None, abbreviations: dict[str, str]) -> str | None:
    """"cLDD" -> "chronic lumbar disc disease (cLDD)": the long form, with the short form kept."""
    if not phrase or not abbreviations:
        return phrase
    words = phrase.split()
    for index, word in enumerate(words):
        bare = word.strip(",;()")
        long = abbreviations.get(bare)
        if long and long.lower() not in phrase.lower():
            words[index] = word.replace(bare, f"{long} ({bare})")
            return " ".join(words)
    return phrase


def _one_disease_word(word: str) -> bool:
    from .text import names_disease

    return word.isalpha() and names_disease(word)


# r"\b[A-Z]{2,6}\b" with its opening boundary tested after the first capital (no word
# character before it): led by a class, the scan of the whole release skips to capitals
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,5}\b")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def written_out(text: str, defined: dict[str, str]) -> dict[str, str]:
    """Disease acronyms a release uses without defining them, whose long form it writes
    elsewhere: "for ALS and MS" beside "amyotrophic lateral sclerosis ... and multiple
    sclerosis" (the words' initials spell the acronym, and the words name a disease)."""
    from .text import names_disease

    wanted = {a for a in _ACRONYM.findall(text) if a not in defined}
    if not wanted:
        return {}
    words = _WORD.findall(text)
    initials = "".join(w[0] for w in words).upper()
    if len(initials) == len(words):  # no initial upper-cases to two letters
        return _written_out(words, initials, wanted, names_disease)
    found: dict[str, str] = {}  # an initial that upper-cases to two letters ("ß"): windows by hand
    for size in sorted({len(a) for a in wanted}):
        for start in range(len(words) - size + 1):
            phrase = words[start:start + size]
            initials = "".join(w[0] for w in phrase).upper()
            if initials in wanted and initials not in found and not phrase[0].isupper():
                long = " ".join(phrase)
                # the last word is the disease's head: "multiple sclerosis", not "osteoarthritis affects"
                if names_disease(long) and names_disease(phrase[-1]):
                    found[initials] = long
    return found


def _written_out(words: list[str], initials: str, wanted: set[str], names_disease) -> dict[str, str]:
    """written_out when each word's initial is one letter: an acronym's windows are
    where it occurs in the string of initials (a substring search in C, instead of
    joining the initials of every window of every size). The same windows are taken
    in the same order (by size, then position), so the result is the same."""
    hits: list[tuple[int, int, str, str]] = []
    for acronym in wanted:
        size = len(acronym)
        at = initials.find(acronym)
        while at >= 0:
            phrase = words[at:at + size]
            if not phrase[0].isupper():
                long = " ".join(phrase)
                if names_disease(long):
                    hits.append((size, at, acronym, long))
                    break
            at = initials.find(acronym, at + 1)
    return {acronym: long for _, _, acronym, long in sorted(hits)}
