"""The PDF text-layer reader, run in a child process (see `formats.pdf`).

``python -m trialgraph.formats.pdf_worker`` reads a PDF's bytes on stdin and
writes one JSON object on stdout: ``{"text": ..., "warnings": [...]}`` or
``{"error": ..., "kind": ...}``. The parent sets the memory and time limits;
this process also refuses any network connection (an audit hook), so a
PDF can never make trialgraph fetch anything.

Text comes from pdfminer.six's layout analysis: each text box is a
paragraph; its wrapped lines are joined with a space (a line ending in a
hyphen after a letter, followed by a lower-case letter, is joined without
one and keeps its hyphen: line-end hyphens are compound words far more
often than syllable breaks in releases), runs of spaces (justified text)
become one, and
paragraphs are separated by a blank line, the shape of a plain-text release.
"""
from __future__ import annotations

import io
import json
import re
import sys

__all__ = ["pdf_bytes_to_text", "read_pdf"]

_SPACES = re.compile(r"[ \t]{2,}")
# A justified line spreads its words apart; a wide char_margin keeps such a
# line one line instead of several boxes out of reading order.
LAYOUT = {"char_margin": 20.0, "line_margin": 0.5, "word_margin": 0.1}
MAX_PAGES = 200  # a press release has a handful; beyond this is not a release


class PdfProblem(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


def _join_lines(box_text: str) -> str:
    # justified text spaces words widely: one space is what the author typed
    lines = [_SPACES.sub(" ", line).strip() for line in box_text.splitlines()]
    lines = [line for line in lines if line]
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and line[:1].islower() and out[-2:-1].isalpha():
            out = out + line  # "clinical-" / "stage": the hyphen is the author's
        else:
            out = f"{out} {line}"
    return out


def pdf_bytes_to_text(data: bytes) -> tuple[str, list[str]]:
    """(text, warnings); raises PdfProblem for encrypted, empty or broken PDFs."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFPasswordIncorrect, PDFEncryptionError
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    paragraphs: list[str] = []
    warnings: list[str] = []
    pages = 0
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams(**LAYOUT), maxpages=MAX_PAGES + 1):
            pages += 1
            if pages > MAX_PAGES:
                warnings.append(f"only the first {MAX_PAGES} pages were read")
                break
            boxes = sorted((el for el in page if isinstance(el, LTTextBox)),
                           key=lambda b: (-round(b.y1), round(b.x0)))
            for box in boxes:
                paragraph = _join_lines(box.get_text())
                if paragraph:
                    paragraphs.append(paragraph)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise PdfProblem("encrypted", f"encrypted PDF: {str(exc) or 'a password is needed'}") from None
    except (PDFSyntaxError, PSException) as exc:
        raise PdfProblem("malformed", f"malformed PDF: {exc}") from None
    if pages == 0:
        raise PdfProblem("malformed", "malformed PDF: no pages")
    if not paragraphs:
        raise PdfProblem("no-text", "PDF has no text layer (scanned?); run OCR on it first")
    return "\n\n".join(paragraphs) + "\n", warnings


def _no_network(event: str, args: tuple) -> None:
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        raise PermissionError(f"network access refused while reading a PDF ({event})")


def read_pdf(data: bytes) -> dict:
    """The worker's answer for a PDF's bytes: never raises for bad input."""
    try:
        text, warnings = pdf_bytes_to_text(data)
        return {"text": text, "warnings": warnings}
    except PdfProblem as problem:
        return {"error": problem.message, "kind": problem.kind}
    except MemoryError:
        return {"error": "PDF needs more memory than the limit (a decompression bomb?)", "kind": "memory"}
    except RecursionError:
        return {"error": "malformed PDF: objects nested too deeply", "kind": "malformed"}
    except Exception as exc:  # noqa: BLE001 - any parser failure is a bad PDF, reported, not a crash
        return {"error": f"unreadable PDF: {type(exc).__name__}: {str(exc)[:200]}", "kind": "malformed"}


def main() -> int:
    sys.addaudithook(_no_network)
    result = read_pdf(sys.stdin.buffer.read())
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
