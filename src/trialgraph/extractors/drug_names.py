"""Where a release names its drugs: its drug forms found as words, without
compiling a pattern per release.

A release's drug forms are few (three or four) but differ from release to
release, and compiling their alternation (``re.compile``, ~0.2 ms) cost more
than the scans it served. `DrugNames` finds what that pattern finds
(`DrugNames.pattern`, kept as the reference and for non-ASCII text) by
finding (str.find) where a form's first part is written at the start of a
word and trying there each form in the pattern's order. The walk is exact on ASCII
text (and text whose other characters do not fold to ASCII), where
``re.IGNORECASE`` is plain ASCII case: every step of a form is
forced (a part opens with a letter or digit, so an optional separator is
taken exactly when the text has one), hence a form matches at a start in at
most one way, as in the pattern. tests/test_drug_names.py checks both agree.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["DrugNames", "flexible", "form_parts"]

_PART = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")
# a name ends at a non-word character, or where a dose glued to it begins ("DHT-semaglutide3.5 mg")
_END = r"(?:(?![\w-]|-\d)|(?<=[a-z])(?=\d+(?:\.\d+)?\s?(?:mg|mcg|ug|mCi|MBq|GBq)\b))"
# The only characters beyond ASCII that re.IGNORECASE matches to an ASCII letter, or
# that str.lower() turns into ASCII or into more than one character (tests check the list):
# in text without them, ASCII case is all the pattern's case-insensitivity does.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # dotted I, dotless i, long s, Kelvin sign
_DOSE = re.compile(r"\d+(?:\.\d+)?\s?(?:mg|mcg|ug|mCi|MBq|GBq)\b", re.I)


def form_parts(form: str) -> list[str]:
    return _PART.findall(form)


def flexible(form: str) -> str:
    """A regex for a drug form that tolerates "ABC 123" / "ABC-123" / "ABC123"."""
    # a co-formulation's slash stays a slash: "vibostolimab/pembrolizumab"
    joint = r"\s*/\s*|[\s-]?" if "/" in form else r"[\s-]?"
    return f"(?:{joint})".join(re.escape(part) for part in form_parts(form))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class DrugNames:
    """The spans where `forms` are named, longest form first at each start."""

    def __init__(self, forms):
        self.forms = tuple(sorted(forms, key=len, reverse=True))
        self._pattern: re.Pattern | None = None
        # (lower-cased parts, slash-joined) of each form, in pattern order
        self._alternatives: list[tuple[tuple[str, ...], bool]] = []
        self._walkable = True
        for form in self.forms:
            parts = tuple(part.lower() for part in form_parts(form))
            if not parts:  # an empty alternative matches everywhere: leave it to the pattern
                self._walkable = False
                break
            self._alternatives.append((parts, "/" in form))
        # a name starts with its first part: str.find locates the few places worth a walk
        self._firsts = tuple(sorted({parts[0] for parts, _ in self._alternatives}))

    @property
    def pattern(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(flexible(f) for f in self.forms) + r")" + _END, re.I)
        return self._pattern

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        if not (self._walkable and (text.isascii() or not any(ch in text for ch in _FOLDS_TO_ASCII))):
            for match in self.pattern.finditer(text):
                yield match.span()
            return
        lower = text.lower()
        starts = set()
        for first in self._firsts:
            at = lower.find(first)
            while at >= 0:
                starts.add(at)
                at = lower.find(first, at + 1)
        done = 0
        for at in sorted(starts):
            if at < done or at and (_is_word(text[at - 1]) or text[at - 1] == "-"):
                continue
            for parts, slash in self._alternatives:
                end = _walk(lower, at, parts, slash)
                if end is not None and _ends_name(text, end):
                    yield at, end
                    done = end
                    break


def _walk(lower: str, at: int, parts: tuple[str, ...], slash: bool) -> int | None:
    """Where `parts` joined by the form's separators end if they start at `at`."""
    if not lower.startswith(parts[0], at):
        return None
    pos = at + len(parts[0])
    size = len(lower)
    for part in parts[1:]:
        if slash:  # \s*/\s*
            j = pos
            while j < size and lower[j].isspace():
                j += 1
            if j < size and lower[j] == "/":
                j += 1
                while j < size and lower[j].isspace():
                    j += 1
                if lower.startswith(part, j):
                    pos = j + len(part)
                    continue
        # [\s-]? (greedy, then without)
        if pos < size and (lower[pos].isspace() or lower[pos] == "-") and lower.startswith(part, pos + 1):
            pos += 1 + len(part)
        elif lower.startswith(part, pos):
            pos += len(part)
        else:
            return None
    return pos


def _ends_name(text: str, end: int) -> bool:
    if end == len(text):
        return True
    following = text[end]
    if not (_is_word(following) or following == "-"):
        return True
    return "a" <= text[end - 1].lower() <= "z" and _DOSE.match(text, end) is not None
