"""Read input files into `Document`s: bytes -> text, or a clear `InputError`.

`read_document` sniffs the content (sniff.py: plain text, HTML or PDF,
whatever the suffix), then applies these rules, in order:

1. Size: a file over ``max_bytes`` (5 MB; PDFs ``max_pdf_bytes``, 50 MB) is
   refused (`InputTooLargeError`); at most cap + 1 bytes are ever read, so
   memory stays bounded. Text over ``MAX_TEXT_CHARS`` after decoding or
   extraction is refused too.
2. Empty: zero bytes is refused (`EmptyInputError`); so is a file that decodes
   to whitespace only (checked after decoding or extraction).
3. Byte-order mark: UTF-8, UTF-16 LE/BE and UTF-32 LE/BE BOMs select the codec
   and the BOM is dropped, so the text equals that of the same file without it.
4. Binary: known magic numbers (PNG, JPEG, GIF, ZIP, gzip, ELF, ...) and NUL
   bytes in a file without a UTF-16/32 BOM are refused (`NotTextError`). PDFs
   are read by formats/pdf.py; HTML by formats/html.py, parsed in a bounded
   child process (`decode_html_bytes`: the declared charset is checked
   against the bytes).
5. Decoding: strict UTF-8 first. Then UTF-8 with a few stray bytes read as
   cp1252 (valid multi-byte sequences outnumber the bad bytes). Then
   Windows-1252, the usual encoding of Western press releases, when its
   reading looks like Latin-script text; then charset-normalizer's best guess
   (Cyrillic, Greek, CJK). Nothing here ever inserts U+FFFD. A non-UTF-8
   decoding adds the warning ``"decoded as <encoding>"``. Nothing decodes
   sensibly -> `DecodeError`.
6. Mojibake: text holding UTF-8-read-as-cp1252 sequences (``â€™``, ``Â®``,
   ``Ã©``) is repaired with ``ftfy.fix_encoding`` (encoding repairs only; no
   other ftfy normalisation) and gets the warning ``"repaired mojibake"``.
   Correctly encoded text is never touched.
7. Line endings: CRLF and lone CR become LF, and Unicode noncharacters
   (U+FFFE, U+FDD0...) are removed with a warning (in a file name they become
   U+FFFD). These are the normalisations of the text: every character offset
   downstream refers to the normalised text (for HTML and PDF: to the
   extracted text).
8. Control characters: if more than 1% of the characters are control
   characters other than LF and TAB (C0, DEL and C1), the file is refused as
   not text; fewer are left in place.
9. Numbers of 16+ digits or with a 3-digit exponent (``1e999``) get a
   warning: extractors do not read them as values.

`collect_inputs` expands files and folders into the list of inputs and reports
missing paths and release-id clashes; release ids come from `safe_doc_id`.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import (
    DecodeError,
    DuplicateReleaseError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NotTextError,
)
from .model import Document
from .sniff import HTML_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES, Kind, sniff

__all__ = [
    "DEFAULT_MAX_BYTES",
    "INPUT_SUFFIXES",
    "MAX_TEXT_CHARS",
    "PDF_MAX_BYTES",
    "TEXT_SUFFIXES",
    "collect_inputs",
    "decode_bytes",
    "decode_html_bytes",
    "RawInput",
    "document_of",
    "read_document",
    "read_raw",
    "safe_doc_id",
]

DEFAULT_MAX_BYTES = 5_000_000  # text and HTML files
PDF_MAX_BYTES = 50_000_000  # PDFs carry fonts and images besides their text
MAX_TEXT_CHARS = 5_000_000  # text read from any file, after decoding or extraction
_SNIFF_BYTES = 4096

#: Suffixes picked up when a folder is expanded (explicit files: any suffix).
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

# Longest BOMs first: the UTF-32 LE BOM begins with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard data"),
)

# charset-normalizer candidates that can "decode" almost any byte string into
# nonsense (EBCDIC) or that cannot apply here (7-bit codecs once UTF-8 failed on
# non-ASCII bytes; UTF-16/32 without a BOM, whose NUL bytes are refused before).
_CN_EXCLUDE = [
    "cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140",
    "utf_7", "hz", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
]

# UTF-8 bytes read as cp1252 (or Latin-1): a lead byte C2-F4 shown as a Latin-1
# letter followed by continuation bytes 80-BF shown as cp1252 characters.
_CONT = (
    "\u0080-\u00bf"  # Latin-1 view of 80-BF (C1 controls, NBSP..¿)
    "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
# The lead byte as one class (C2-F4), its kind told after by a lookbehind: alternatives that
# open with different classes give the regex engine nothing to skip to, one class does
# (the same matches as f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}").
_MOJIBAKE_RE = re.compile(
    f"[\u00c2-\u00f4](?:(?<=[\u00c2-\u00df])[{_CONT}]"
    f"|(?<=[\u00e0-\u00ef])[{_CONT}]{{2}}"
    f"|(?<=[\u00f0-\u00f4])[{_CONT}]{{3}}"
    ")"
)

_LINE_ENDINGS_RE = re.compile(r"\r\n?")
# 16+ digits are beyond a float's precision; an exponent of 3+ digits (1e999)
# overflows it: neither is a dose, a count or a rate. Extractors leave them out.
# Written r"(?<![\w.])\d{16,}|(?<![\w.])\d+(?:\.\d+)?[eE][+-]?\d{3,}(?!\w)" with the first digit
# taken before the lookbehind tests the character ahead of it: a pattern that opens with a
# class lets the regex engine skip straight to digits, where a lookbehind is tried at every
# character (the same matches: tests/test_exact_rewrites.py).
_HUGE_NUMBER_RE = re.compile(r"\d(?<![\w.]\d)(?:\d{15,}|\d*(?:\.\d+)?[eE][+-]?\d{3,}(?!\w))")
# Unicode noncharacters (U+FDD0-FDEF and the last two code points of every
# plane) are not for interchange: RDF written with them escaped (\uFFFE, as
# pyoxigraph writes Turtle) is refused by independent parsers such as rapper.
_NONCHARACTER_RE = re.compile("[\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)) + "]")
# What every noncharacter is: a BMP one, or a character outside the BMP. Two
# scans over plain character ranges cost a sixth of one over the class above.
_NONCHARACTER_HINTS = (re.compile("[\ufdd0-\ufdef\ufffe\uffff]"), re.compile("[\U00010000-\U0010ffff]"))
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_RE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]*")  # whitespace, zero-width chars

_UNSAFE_ID_RE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_ID_LEN = 120
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)


# --------------------------------------------------------------------------- ids


def safe_doc_id(stem: str) -> str:
    """Map a file stem to a release id made only of ``[A-Za-z0-9._-]``.

    Accents are dropped (``café`` -> ``cafe``); every run of other characters
    (newlines, controls, ``/``, spaces, non-Latin letters) becomes one ``_``;
    ``..`` is never kept; leading and trailing ``.``, ``-`` and ``_`` are
    removed, so an id is never hidden, never an option and never a path step.
    A stem with nothing usable left becomes ``release-<hash>``, a Windows
    device name (``CON``, ``NUL.v2``) gets a ``release-`` prefix; a very long
    one is cut and suffixed with a hash of the whole stem, so ids stay
    distinct. Raises ValueError for an empty stem.
    """
    if not stem:
        raise ValueError("a release id needs a non-empty file stem")
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", stem) if not unicodedata.combining(ch)
    )
    s = _UNSAFE_ID_RE.sub("_", folded)
    s = re.sub(r"\.{2,}", "_", s)
    s = re.sub(r"_{2,}", "_", s)
    s = s.strip("._-")
    digest = hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if not s:
        return f"release-{digest}"
    if len(s) > _MAX_ID_LEN:
        s = f"{s[:_MAX_ID_LEN].rstrip('._-')}-{digest}"
    if s.split(".")[0].upper() in _WINDOWS_RESERVED:  # device names on Windows
        s = f"release-{s}"
    return s


# ---------------------------------------------------------------------- decoding


def _looks_latin(text: str) -> bool:
    """Does this cp1252 reading look like Western text?

    Cyrillic, Greek or CJK bytes read as cp1252 give words made entirely of
    accented letters (``Ïðèâåò``); Western text has isolated accented letters
    inside ASCII words (``résumé``). Implausible when most non-ASCII letters
    stand in runs of three or more.
    """
    total = 0
    in_runs = 0
    for run in re.findall(r"[^\x00-\x7f]+", text):
        letters = [c for c in run if c.isalpha()]
        total += len(letters)
        # count letters standing in runs of >= 3 consecutive non-ASCII letters
        for word in re.findall(r"[^\W\d_]{3,}", run):
            in_runs += len(word)
    return total == 0 or in_runs * 2 <= total


def _cp1252_byte(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # 81 8D 8F 90 9D: undefined in cp1252, Latin-1 there
        return chr(b)


# Latin-1 characters 80-9F -> their cp1252 meaning, where cp1252 defines one.
_LATIN1_TO_CP1252 = {b: _cp1252_byte(b) for b in range(0x80, 0xA0)}

_NON_ASCII_RE = re.compile("[^\x00-\x7f]")
_SURROGATE_RE = re.compile("[\udc80-\udcff]")


def _decode_mixed_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few stray bytes (a cp1252 dash pasted into UTF-8 text).

    When the valid multi-byte UTF-8 sequences outnumber the invalid bytes, the
    file is UTF-8 and each invalid byte is read as cp1252. Returns the text
    and the number of such bytes, or None when the file does not look so.
    """
    raw = data.decode("utf-8", errors="surrogateescape")  # invalid byte -> U+DC80..U+DCFF
    invalid = len(_SURROGATE_RE.findall(raw))
    valid_multibyte = len(_NON_ASCII_RE.findall(raw)) - invalid
    if valid_multibyte <= invalid:
        return None
    text = _SURROGATE_RE.sub(lambda m: _cp1252_byte(ord(m.group()) - 0xDC00), raw)
    return text, invalid


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Decode bytes that are not UTF-8; None if nothing reads them sensibly.

    1. UTF-8 with a few stray bytes -> UTF-8, stray bytes read as cp1252.
    2. The cp1252 reading looks like Latin-script text -> cp1252. The five
       bytes cp1252 leaves undefined (81 8D 8F 90 9D) are read as Latin-1 C1
       controls, as Windows does; they count as control characters later, and
       mojibake repair knows them (``â€\x9d`` is a UTF-8 right quote).
    3. Otherwise charset-normalizer's best guess (Cyrillic, Greek, CJK ...).
       It is not asked first because on short Western text it prefers
       look-alike code pages (cp775, cp1250) that garble ², µ or quotes.
    """
    mixed = _decode_mixed_utf8(data)
    if mixed is not None:
        return mixed[0], f"utf-8 with {mixed[1]} invalid byte(s) read as cp1252"
    western = data.decode("latin-1").translate(_LATIN1_TO_CP1252)
    if _looks_latin(western):
        return western, "cp1252"

    from charset_normalizer import from_bytes  # imported lazily: it is slow to load

    best = from_bytes(data, cp_exclusion=_CN_EXCLUDE).best()
    if best is not None:
        text = str(best)
        if "\ufffd" not in text:
            return text, best.encoding
    return None


def _repair_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """Repair UTF-8-read-as-cp1252 lines with ftfy's encoding fixes only.

    Only lines holding a mojibake sequence are handed to ``ftfy.fix_encoding``
    (which never applies ftfy's other normalisations), so every other line
    stays exactly as decoded. A repair that would add U+FFFD is not applied.
    """
    if text.isascii() or not _MOJIBAKE_RE.search(text):  # mojibake is made of non-ASCII letters
        return text, ()
    import ftfy

    lines = text.split("\n")
    repaired = unrepaired = 0
    for i, line in enumerate(lines):
        if not _MOJIBAKE_RE.search(line):
            continue
        fixed = ftfy.fix_encoding(line)
        if fixed != line and fixed.count("\ufffd") <= line.count("\ufffd"):
            lines[i] = fixed
            repaired += 1
        else:
            unrepaired += 1
    warnings = []
    if repaired:
        warnings.append("repaired mojibake")
    if unrepaired:
        warnings.append("possible mojibake left unrepaired")
    return "\n".join(lines), tuple(warnings)


def _decode(data: bytes, source: str | None) -> tuple[str, list[str]]:
    """Bytes -> (text as decoded, warnings): module rules 2-5."""
    if not data:
        raise EmptyInputError("empty file", path=source)

    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotTextError(f"not text: binary data ({kind})", path=source)
    if data.startswith(b"%PDF-"):
        raise NotTextError("not text: PDF data", path=source, hint="read_document reads PDFs")

    warnings: list[str] = []
    text = _decode_bom(data, source, warnings)
    if text is None:
        _refuse_nul(data, source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_not_utf8(data, source, warnings)
    return text, warnings


def _decode_bom(data: bytes, source: str | None, warnings: list[str]) -> str | None:
    """The text after a byte-order mark, or None when there is none."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                if codec == "utf-32-le":  # could be UTF-16 LE starting with U+0000
                    continue
                raise DecodeError(
                    f"the byte-order mark says {codec.upper()} but the data is not valid {codec.upper()}",
                    path=source,
                ) from None
            if codec != "utf-8":
                warnings.append(f"decoded as {codec}")
            if "\x00" in text:
                raise NotTextError("not text: binary data (NUL characters)", path=source)
            return text
    return None


def _refuse_nul(data: bytes, source: str | None) -> None:
    if b"\x00" in data:
        raise NotTextError(
            "not text: binary data (NUL bytes)",
            path=source,
            hint="UTF-16 text needs a byte-order mark; or save it as UTF-8",
        )


def _decode_not_utf8(data: bytes, source: str | None, warnings: list[str]) -> str:
    decoded = _decode_legacy(data)
    if decoded is None:
        raise DecodeError(
            "no text encoding reads this file", path=source, hint="save it as UTF-8"
        ) from None
    text, encoding = decoded
    warnings.append(f"decoded as {encoding}")
    return text


def _finish(text: str, warnings: list[str], source: str | None, *,
            empty: str = "only whitespace") -> tuple[str, tuple[str, ...]]:
    """Decoded text -> (normalised text, warnings): module rules 2 and 6-8."""
    if _BLANK_RE.fullmatch(text):
        raise EmptyInputError("empty file", path=source, hint=empty)
    if len(text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(
            f"text is {len(text)} characters, over the cap of {MAX_TEXT_CHARS}", path=source
        )

    text, repair_warnings = _repair_mojibake(text)
    warnings.extend(repair_warnings)

    text = _LINE_ENDINGS_RE.sub("\n", text)
    removed = 0
    if any(h.search(text) for h in _NONCHARACTER_HINTS):
        text, removed = _NONCHARACTER_RE.subn("", text)
    if removed:
        warnings.append(f"{removed} Unicode noncharacter(s) (U+FFFE and the like) removed")
        if _BLANK_RE.fullmatch(text):
            raise EmptyInputError("empty file", path=source, hint="only Unicode noncharacters and whitespace")

    controls = len(_CONTROL_RE.findall(text))
    if controls * 100 > len(text):
        raise NotTextError(
            f"not text: binary data ({controls} control characters in {len(text)})",
            path=source,
        )
    huge = _HUGE_NUMBER_RE.search(text)
    if huge:
        count = len(_HUGE_NUMBER_RE.findall(text))
        warnings.append(
            f"{count} number(s) too large to be a value (first at character {huge.start()}: "
            f"{huge.group()[:12]}{'...' if len(huge.group()) > 12 else ''}); not read as values"
        )
    return text, tuple(warnings)


def decode_bytes(data: bytes, *, source: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Plain-text bytes -> (normalised text, warnings), per the module rules 2-8.

    ``source`` names the file in errors. Raises only InputError subclasses.
    """
    text, warnings = _decode(data, source)
    return _finish(text, warnings, source)


def decode_html_bytes(data: bytes, *, source: str | None = None,
                      bounded: bool = True) -> tuple[str, tuple[str, ...]]:
    """HTML bytes -> (visible text, normalised, warnings).

    Charset: a BOM; else valid UTF-8; else the declared charset if it reads
    the bytes; else the plain-text detection. A declaration the bytes
    contradict is a warning ("declared X, read as Y"), never mojibake.
    bounded=False parses in this process (the fuzz target, which must see
    the parser's coverage and exceptions; libFuzzer bounds it there).
    """
    from .formats.html import declared_charset, html_to_text, html_to_text_bounded
    from .limits import release_seconds

    if not data:
        raise EmptyInputError("empty file", path=source)
    warnings: list[str] = []
    markup = _decode_bom(data, source, warnings)
    if markup is None:
        _refuse_nul(data, source)
        declared = declared_charset(data)
        try:
            markup, used = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            markup = used = None
            if declared and declared != "utf-8":
                try:
                    markup, used = data.decode(declared), declared
                except (UnicodeDecodeError, LookupError):
                    pass
            if markup is None:
                legacy = _decode_legacy(data)
                if legacy is None:
                    raise DecodeError("no text encoding reads this file", path=source,
                                      hint="save it as UTF-8") from None
                markup, used = legacy
            if used != "utf-8":
                warnings.append(f"decoded as {used}")
        agrees = used == declared or (declared == "utf-8" and used.startswith("utf-8"))
        if declared and not agrees and not data.isascii():
            warnings.append(f"the page declares charset {declared} but its bytes are not {declared}")
    if not bounded:
        return _finish(html_to_text(markup), warnings, source, empty="no visible text")
    try:
        text = html_to_text_bounded(markup, cpu_seconds=release_seconds())
    except MemoryError:
        raise InputTooLargeError("HTML parsing went over its memory or time limit; skipped", path=source) from None
    except RuntimeError as error:
        raise InputError(f"the HTML reader failed: {error}", path=source) from None
    return _finish(text, warnings, source, empty="no visible text")


@dataclass(frozen=True)
class RawInput:
    """One input file's bytes as read, before decoding: what a build sends to
    a worker that cannot see the file (engines.py). The name and release id
    are taken here, so the Document does not depend on where it is decoded."""

    source: str  # the path as given, naming the file in errors
    doc_id: str
    name: str
    kind: Kind
    sniff_warning: str | None
    data: bytes


def read_raw(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, max_pdf_bytes: int = PDF_MAX_BYTES) -> RawInput:
    """The bytes of one input file, checked against the size caps (module rule 1);
    raises only InputError subclasses."""
    path = Path(path)
    source = str(path)
    if not path.stem:
        raise InputError("file name has no stem", path=source)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError("no such file or folder", path=source) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=source) from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file", path=source)
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
            kind, sniff_warning = sniff(head, path.suffix)
            cap = max_pdf_bytes if kind is Kind.PDF else max_bytes
            if st.st_size > cap:
                raise InputTooLargeError(
                    f"file is {st.st_size} bytes, over the cap of {cap} bytes", path=source
                )
            data = head + fh.read(max(0, cap + 1 - len(head)))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=source) from None
    if len(data) > cap:  # the file grew since stat()
        raise InputTooLargeError(f"file is over the cap of {cap} bytes", path=source)
    return RawInput(source, safe_doc_id(path.stem), _NONCHARACTER_RE.sub("\ufffd", path.name), kind,
                    sniff_warning, data)


def document_of(raw: RawInput) -> Document:
    """The Document of an input's bytes (module rules 2-9); raises only
    InputError subclasses."""
    source = raw.source
    if raw.kind is Kind.PDF:
        from .formats.pdf import pdf_to_text

        text, pdf_warnings = pdf_to_text(raw.data, source=source)
        text, warnings = _finish(text, list(pdf_warnings), source, empty="no text")
    elif raw.kind is Kind.HTML:
        text, warnings = decode_html_bytes(raw.data, source=source)
    else:
        text, warnings = decode_bytes(raw.data, source=source)
    if raw.sniff_warning:
        warnings = (raw.sniff_warning, *warnings)
    return Document(doc_id=raw.doc_id, name=raw.name, text=text, warnings=warnings)


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_pdf_bytes: int = PDF_MAX_BYTES) -> Document:
    """Read one input file (text, HTML or PDF, by content); raises only
    InputError subclasses for bad input."""
    return document_of(read_raw(path, max_bytes=max_bytes, max_pdf_bytes=max_pdf_bytes))


# ------------------------------------------------------------------------ inputs


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _inside(real: str, roots: tuple[str, ...]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _not_regular(mode: int) -> str | None:
    """What a non-regular file is, for the warning that skips it (None: regular)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


_FOLLOW_HINT = "skipped (--follow-symlinks reads it)"


def _expand_folder(root: Path, roots: tuple[str, ...], errors: list[InputError], warnings: list[str],
                   follow_symlinks: bool) -> list[Path]:
    """The input files under `root`. A symlink whose target lies outside every
    input folder (`roots`, real paths) is skipped with a warning unless
    `follow_symlinks`: a link to /etc/passwd must not become a release whose
    text is copied into the graph. FIFOs, devices and sockets are skipped with
    a warning (reading one would block or never end)."""
    found: list[tuple[tuple[str, ...], Path]] = []

    def onerror(exc: OSError) -> None:
        errors.append(
            InputError(f"cannot read folder: {exc.strerror or exc}", path=exc.filename or str(root))
        )

    visited = {os.path.realpath(root)}  # folders walked: followed links cannot loop
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=follow_symlinks):
        walk = []
        for name in sorted(d for d in dirnames if not _is_hidden(d)):
            full = os.path.join(dirpath, name)
            real = os.path.realpath(full)
            if os.path.islink(full) and not follow_symlinks:
                if not _inside(real, roots):  # inside: walked under its own name
                    warnings.append(f"{full}: a symlink to a folder outside the input folders; {_FOLLOW_HINT}")
                continue
            if real not in visited:
                visited.add(real)
                walk.append(name)
        dirnames[:] = walk
        for fname in filenames:
            if _is_hidden(fname) or Path(fname).suffix.lower() not in INPUT_SUFFIXES:
                continue
            full = Path(dirpath) / fname
            try:
                mode = os.lstat(full).st_mode
                if stat.S_ISLNK(mode):
                    if not follow_symlinks and not _inside(os.path.realpath(full), roots):
                        warnings.append(f"{full}: a symlink to a file outside the input folders; {_FOLLOW_HINT}")
                        continue
                    mode = os.stat(full).st_mode
            except OSError as error:
                warnings.append(f"{full}: {'a broken symlink' if os.path.islink(full) else error.strerror}; skipped")
                continue
            kind = _not_regular(mode)
            if kind is not None:
                warnings.append(f"{full}: {kind}; skipped")
                continue
            found.append((full.relative_to(root).parts, full))
    found.sort(key=lambda item: item[0])
    return [p for _, p in found]


def collect_inputs(paths: Iterable[Path], *, on_clash: str = "raise", follow_symlinks: bool = False,
                   warnings: list[str] | None = None) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders into input files, with the problems found.

    Files named explicitly are taken whatever their suffix. Folders are walked
    recursively for ``.txt``, ``.md``, ``.markdown`` and ``.text`` files,
    skipping hidden files and folders, in order of relative path. Arguments
    keep their order. The same file reached twice is listed once. Inputs
    whose release ids (`safe_doc_id` of the stem, compared case-insensitively
    because some file systems are) clash give one DuplicateReleaseError per
    clash, naming both files; the clashing later files are left out of the list
    and so is the first one, so no release is silently chosen.

    With ``on_clash="raise"`` (the default, what a build uses) the first
    clash is raised instead, before anything is read or written
    (RELIABILITY.md 11); ``on_clash="report"`` lists clashes with the errors.
    Folders pick up ``.html``, ``.htm``, ``.xhtml`` and ``.pdf`` files too.

    Inside folders, symlinks leading out of every folder given, FIFOs,
    devices and sockets are skipped, each with a line appended to
    ``warnings`` (`_expand_folder`); ``follow_symlinks`` reads links
    wherever they lead. A file named explicitly is read where it leads.
    """
    errors: list[InputError] = []
    warnings = [] if warnings is None else warnings
    candidates: list[Path] = []
    paths = [Path(raw) for raw in paths]
    roots = tuple(os.path.realpath(p) for p in paths if p.is_dir())
    for p in paths:
        if not os.path.exists(p):
            errors.append(InputError("no such file or folder", path=str(p)))
        elif p.is_dir():
            candidates.extend(_expand_folder(p, roots, errors, warnings, follow_symlinks))
        elif p.is_file():
            candidates.append(p)
        else:
            errors.append(InputError("not a regular file or folder", path=str(p)))

    seen_files: set[str] = set()
    by_id: dict[str, Path] = {}
    clashing: set[str] = set()
    unique: list[tuple[str, Path]] = []
    for p in candidates:
        ident = os.path.abspath(p)  # lexical: a symlink under another name stays
        if ident in seen_files:
            continue
        seen_files.add(ident)
        if not p.stem:
            errors.append(InputError("file name has no stem", path=str(p)))
            continue
        key = safe_doc_id(p.stem).lower()
        first = by_id.get(key)
        if first is not None:
            clashing.add(key)
            errors.append(
                DuplicateReleaseError(
                    f"release id {safe_doc_id(p.stem)!r} is used by both {first} and {p}",
                    path=str(p),
                    hint="rename one of them",
                )
            )
            continue
        by_id[key] = p
        unique.append((key, p))
    files = [p for key, p in unique if key not in clashing]
    clashes = [e for e in errors if isinstance(e, DuplicateReleaseError)]
    if clashes and on_clash == "raise":
        first = clashes[0]
        more = f"; {len(clashes) - 1} more clash(es)" if len(clashes) > 1 else ""
        raise DuplicateReleaseError(
            f"{first.message}{more}; nothing was built", path=first.path, hint=first.hint
        )
    return files, errors
