"""Text normalisers shared by the stages.

`clean_markup` blanks markdown and trademark markup with spaces of the same
length, so every offset in the cleaned text is an offset in the release.
"""
from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from functools import lru_cache

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<url>[^)\n]*)\)")
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])")
_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]")
# the symbols as literals, not a class: alternatives that all open with a literal let the
# regex engine skip to those characters, where a class beside them has it try every one
_TRADEMARK = re.compile(r"\((?:TM|R|C)\)|™|®|©|℠")
_ESCAPE = re.compile(r"\\(?=[-*_#\[\]()!.+])")
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003"}
# Odd spaces and control characters (Unicode category Cc: U+0000-001F and
# U+007F-009F) other than newline and tab, each to one space.
_BLANKED = str.maketrans({ch: " " for ch in _SPACES} | {
    chr(code): " " for code in range(0x100) if unicodedata.category(chr(code)) == "Cc" and chr(code) not in "\n\t"})
# The same blanking as one scan: str.translate looks each character of a non-ASCII text up in a dict
# (0.4 ms for a release that holds one such character), a character class is tested in C.
_BLANKABLE = re.compile("[" + "".join(f"\\u{code:04x}" for code in sorted(_BLANKED)) + "]")


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


# Pages scraped from the web keep HTML entities ("Vice President &amp; Head"): the character, then blanks.
_ENTITY = re.compile(r"&(?:amp|quot|apos|lt|gt|nbsp|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def _entity(match: re.Match) -> str:
    char = html.unescape(match.group(0))
    char = " " if char == "\u00a0" or len(char) != 1 else char
    return char + " " * (len(match.group(0)) - 1)


_MARK = re.compile(r"[*_]")


def _blank_emphasis(text: str) -> str:
    """_EMPHASIS.sub(_blank, text), trying the pattern only where a mark is: it opens
    with a lookbehind, so a plain scan tries it at every character of the release."""
    spans = []
    position = 0
    while (mark := _MARK.search(text, position)) is not None:
        match = _EMPHASIS.match(text, mark.start())  # the lookbehinds still see the text before
        if match:
            spans.append(match.span())
            position = match.end()
        else:
            position = mark.start() + 1
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], " " * (end - start)]
        last = end
    return "".join(pieces) + text[last:]


def clean_markup(text: str) -> str:
    out = _ENTITY.sub(_entity, text) if "&" in text else text
    out = _IMAGE.sub(_blank, out)
    out = _LINK.sub(lambda m: " " + m.group("text") + " " * (len(m.group(0)) - len(m.group("text")) - 1), out)
    out = _HEADING.sub(_blank, out)
    out = _TRADEMARK.sub(_blank, out)
    out = _ESCAPE.sub(" ", out)
    if "*" in out or "_" in out:  # every emphasis mark is one of them
        out = _blank_emphasis(out)
    out = _BLANKABLE.sub(" ", out)
    assert len(out) == len(text)
    return out


_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
                         "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00b2": "2", "\u00b5": "u",
                         "\u03bc": "u"})


def ascii_punct(text: str) -> str:
    """Same-length folding of typographic dashes, quotes and ², µ for matching."""
    # every character folded is outside ASCII: an ASCII text is its own folding (translate looks up each character)
    return text if text.isascii() else text.translate(_DASHES)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Resolution keys every name of the corpus again on each build (250k calls at
# 10,000 releases, a third of resolving), and names repeat across releases.
@lru_cache(maxsize=1 << 18)
def name_key(text: str) -> str:
    """Comparison key for names: lower case, letters and digits only."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "", folded.lower())


@lru_cache(maxsize=1 << 18)
def slug(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII letters and digits joined by `-`. A slug over
    `max_length` is cut and ends in a hash of the whole slug, so two long
    names that share their first characters never share a key (an IRI)."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    value = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(value) <= max_length:
        return value
    digest = hashlib.sha1(value.encode("ascii")).hexdigest()[:10]
    return f"{value[:max_length - len(digest) - 1].strip('-')}-{digest}"
