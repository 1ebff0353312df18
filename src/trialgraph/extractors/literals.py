"""Whole-word search for names a release defines, without compiling a pattern.

A pattern built from one release's names (its companies, its drug forms) is
compiled for that release alone: Python's regex compiler costs about a
microsecond per pattern character, which came to 2 ms per realistic release,
more than some extractors. These find what the patterns
``(?<![\\w-])NAME(?![\\w-])`` and ``(?<![\\w-])(?P<co>A|B|...)(?![\\w-])`` find,
with `str.find`: the same matches in the same order (tests/test_literals.py
checks them against `re`).
"""
from __future__ import annotations

import re
from typing import Iterator


def _word(char: str) -> bool:
    """The class [\\w-] of a str pattern: \\w is a letter, digit or numeral, or "_"."""
    return char.isalnum() or char == "_" or char == "-"


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not _word(text[start - 1])) and (end == len(text) or not _word(text[end]))


def word_ends(name: str, text: str) -> Iterator[int]:
    """End of each match of ``(?<![\\w-])name(?![\\w-])`` in `text`, as re.finditer finds them."""
    if not name:
        yield from (m.end() for m in re.finditer(r"(?<![\w-])(?![\w-])", text))
        return
    size = len(name)
    at = text.find(name)
    while at >= 0:
        if _bounded(text, at, at + size):
            yield at + size
            at = text.find(name, at + size)
        else:
            at = text.find(name, at + 1)


def has_word(name: str, text: str) -> bool:
    """re.search(r"(?<![\\w-])" + re.escape(name) + r"(?![\\w-])", text) is not None."""
    return next(word_ends(name, text), None) is not None


class Found:
    """What a match of an `Alternation` gives: the name found and its span."""

    __slots__ = ("_name", "_start", "_end")

    def __init__(self, name: str, start: int, end: int):
        self._name, self._start, self._end = name, start, end

    def group(self, *_) -> str:
        return self._name

    def start(self, *_) -> int:
        return self._start

    def end(self, *_) -> int:
        return self._end


class Alternation:
    """``(?<![\\w-])(?:A|B|...)(?![\\w-])`` over `names` in their order: at each
    position the first name (in that order) that is there as a whole word; scans
    go left to right without overlap, like re's."""

    def __init__(self, names: tuple[str, ...]):
        if not all(names):
            raise ValueError("an empty name matches everywhere")
        self.names = names

    def _at(self, text: str, pos: int) -> Found | None:
        if pos and _word(text[pos - 1]):
            return None
        for name in self.names:
            end = pos + len(name)
            if text.startswith(name, pos) and (end == len(text) or not _word(text[end])):
                return Found(name, pos, end)
        return None

    def match(self, text: str, pos: int = 0) -> Found | None:
        return self._at(text, pos) if pos <= len(text) else None

    def finditer(self, text: str) -> Iterator[Found]:
        starts = sorted({at for name in self.names for at in _occurrences(name, text)})
        done = 0
        for at in starts:
            if at < done:
                continue
            found = self._at(text, at)
            if found:
                yield found
                done = found.end()


def _occurrences(name: str, text: str) -> Iterator[int]:
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)
