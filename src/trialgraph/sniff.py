"""Decide how to read an input: plain text, HTML or PDF, by content first.

Names lie: a ``.txt`` saved from a browser holds HTML, a ``.pdf`` renamed
``.txt`` is still a PDF, a ``.html`` may hold plain text. The bytes decide;
the suffix only breaks ties, and a disagreement becomes a warning so users
learn that a file is not what its name says.

* PDF: ``%PDF-`` within the first 1024 bytes (where readers look for it).
* HTML: the text (after a byte-order mark, whitespace and comments) opens
  with a doctype or an ``<html>``, ``<head>``, ``<body>``, ``<meta>`` or
  ``<title>`` tag; a file *named* ``.html``/``.htm``/``.xhtml`` needs only
  to open with some tag. A Markdown release with inline tags is text.
"""
from __future__ import annotations

import codecs
import re
from enum import Enum

__all__ = ["Kind", "HTML_SUFFIXES", "PDF_SUFFIXES", "TEXT_SUFFIXES", "sniff"]


class Kind(str, Enum):
    TEXT = "text"
    HTML = "html"
    PDF = "pdf"


TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})

_HEAD = 1024
# bytes: the document's start, ASCII-compatible or after decoding UTF-16 below
_STRONG_HTML = re.compile(
    rb"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]",
    re.I | re.S,
)
_ANY_TAG = re.compile(rb"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype|[a-z][a-z0-9]*[\s>/])", re.I | re.S)


def _head_bytes(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes: UTF-16/32 BOMs are decoded."""
    head = data[: _HEAD * 4]
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                       (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            body = head[len(bom):]
            body = body[: len(body) - len(body) % (4 if "32" in codec else 2)]
            return body.decode(codec, errors="replace").encode("ascii", errors="replace")[:_HEAD]
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    return head[:_HEAD]


def sniff(data: bytes, suffix: str) -> tuple[Kind, str | None]:
    """(kind, warning or None) for a file's bytes and its lower-cased suffix."""
    suffix = suffix.lower()
    named = (Kind.PDF if suffix in PDF_SUFFIXES
             else Kind.HTML if suffix in HTML_SUFFIXES else Kind.TEXT)
    if b"%PDF-" in data[:_HEAD]:
        kind = Kind.PDF
    else:
        head = _head_bytes(data)
        if _STRONG_HTML.match(head) or (named is Kind.HTML and _ANY_TAG.match(head)):
            kind = Kind.HTML
        elif named is Kind.PDF:
            kind = Kind.TEXT if data[:1] != b"%" else Kind.PDF  # a damaged PDF stays a PDF
        else:
            kind = Kind.TEXT
    if kind is named or (named is Kind.TEXT and suffix not in TEXT_SUFFIXES):
        return kind, None
    return kind, f"named {suffix or 'without a suffix'} but holds {kind.value}; read as {kind.value}"
