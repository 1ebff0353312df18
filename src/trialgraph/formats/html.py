"""HTML release -> the visible article text, one paragraph per line.

Parsing is Lexbor's HTML5 parser (selectolax): it decodes character
references exactly once, never reads a DTD, never resolves an external
entity and never fetches anything. Nothing here uses regular expressions
over tags.

What is read:

* the article: the only ``<article>`` if there is one, else ``<main>``,
  else ``<body>``;
* without scripts, styles, templates, comments, forms, navigation, asides,
  embedded objects, and elements hidden with ``hidden``,
  ``aria-hidden="true"`` or an inline ``display:none``/``visibility:hidden``;
  page ``<header>``/``<footer>`` (site chrome) are dropped when the whole
  body is read;
* block elements (``p``, headings, list items, table rows, ``div`` ...)
  become paragraphs separated by a blank line, ``<br>`` a line break,
  table cells are separated by a tab; runs of white space inside a
  paragraph collapse to one space, as a browser shows them, except in
  ``<pre>``.

Bounds: Lexbor is C, and the per-release timer (limits.py, a signal) cannot
interrupt it; some shapes cost it quadratic time (200,000 nested ``<div>``s,
one tag with 300,000 attributes: minutes). `html_to_text_bounded` therefore
parses in a forked child with a memory and a CPU limit while the parent waits
on a pipe, where the timer does reach it; when the timer fires the child is
killed, so the release is rejected within its time limit whatever the parser
does. A fork costs ~2 ms beside Lexbor's ~4 ms per page.

Charset (`decode_html`): a byte-order mark wins; then bytes that are valid
UTF-8 are UTF-8; then the charset the document declares (``<meta charset>``,
``http-equiv``, XML declaration) if it decodes the bytes; otherwise the
plain-text detection of `trialgraph.ingest`. A declaration the bytes
contradict gives a warning instead of mojibake.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import signal

from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["HTML_MEMORY_BYTES", "declared_charset", "html_to_text", "html_to_text_bounded"]

HTML_MEMORY_BYTES = 1 << 30  # address space the child may add to what it inherits

_DROP = frozenset({
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed",
    "svg", "math", "canvas", "audio", "video", "map", "form", "button", "select",
    "textarea", "input", "nav", "aside", "dialog", "title", "meta", "link", "base",
})
_CHROME = frozenset({"header", "footer"})  # dropped only when the whole body is read
_BLOCK = frozenset({
    "address", "article", "blockquote", "caption", "center", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "legend", "li", "main", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "body", "html",
})
_CELL = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML white space only: U+00A0 stays

# The charset prescan (WHATWG "prescan a byte stream"), over ASCII bytes.
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""", re.I)
# Labels browsers treat as windows-1252 (WHATWG Encoding): the cp1252 reading.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii",
                        "us-ascii", "windows-1252", "cp1252", "x-cp1252", "iso_8859-1"})


def declared_charset(data: bytes) -> str | None:
    """The Python codec name of the charset the document declares, if known."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _article_root(tree: LexborHTMLParser) -> tuple[LexborNode | None, bool]:
    """(node to read, whether it is the whole body)."""
    articles = tree.css("article")
    if len(articles) == 1:
        return articles[0], False
    mains = tree.css("main")
    if len(mains) == 1:
        return mains[0], False
    return tree.body, True


class _Writer:
    """Collects paragraphs; inline text is white-space-collapsed."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.parts: list[str] = []

    def text(self, value: str, pre: bool) -> None:
        self.parts.append(value if pre else _SPACE.sub(" ", value))

    def line_break(self) -> None:
        self.parts.append("\n")

    def cell(self) -> None:
        if self.parts and "".join(self.parts).strip(" "):
            self.parts.append("\t")

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        self.parts = []
        lines = [_SPACE.sub(" ", line).strip(" ") if "\t" not in line else
                 "\t".join(c.strip(" ") for c in line.strip(" \t").split("\t"))
                 for line in raw.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            self.paragraphs.append(paragraph)


def html_to_text(html: str) -> str:
    """The visible article text of an HTML document (may be empty)."""
    tree = LexborHTMLParser(html)
    root, whole_body = _article_root(tree)
    if root is None:
        return ""
    out = _Writer()
    # Explicit stack, not recursion: hostile pages nest tens of thousands deep.
    # Entries: (node, pre) to visit, or (None, tag) to close a block.
    stack: list[tuple[LexborNode | None, object]] = [(root, False)]
    while stack:
        node, extra = stack.pop()
        if node is None:
            if extra in _BLOCK:
                out.flush()
            continue
        if node.is_text_node:
            value = node.text_content
            if value:
                out.text(value, bool(extra))
            continue
        if not node.is_element_node:
            continue  # comments, doctypes, processing instructions
        tag = node.tag
        if tag in _DROP or (whole_body and tag in _CHROME) or _hidden(node):
            continue
        if tag == "br":
            out.line_break()
            continue
        if tag in _CELL:
            out.cell()
        if tag in _BLOCK:
            out.flush()
            stack.append((None, tag))
        pre = bool(extra) or tag in ("pre", "textarea")
        children = list(node.iter(include_text=True))
        stack.extend((child, pre) for child in reversed(children))
    out.flush()
    return "\n\n".join(out.paragraphs) + ("\n" if out.paragraphs else "")


def html_to_text_bounded(html: str, *, cpu_seconds: float | None = None,
                         memory: int = HTML_MEMORY_BYTES) -> str:
    """html_to_text in a forked child (see the module note on bounds). The
    caller's per-release timer bounds the wall time: it interrupts the wait
    here and the child is killed. ``cpu_seconds`` (whole seconds, rounded up)
    and ``memory`` bound the child should no timer run. Raises MemoryError
    when the child went over a limit, RuntimeError if it failed otherwise."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: parse, write the text, exit without running the parent's cleanup
        os.close(read_end)
        status = 0
        try:
            _limit_child(cpu_seconds, memory)
            payload = json.dumps({"text": html_to_text(html)}).encode("utf-8")
        except MemoryError:
            payload, status = b'{"error": "memory"}', 1
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which raises
            payload, status = json.dumps({"error": f"{type(error).__name__}: {error}"[:200]}).encode(), 1
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view):]
        finally:
            os._exit(status)
    os.close(write_end)
    finished = False
    try:
        chunks = []
        with os.fdopen(read_end, "rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        finished = True
    finally:
        if not finished:  # the timer (or Ctrl-C) interrupted the wait: the child must not outlive it
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
    try:
        result = json.loads(b"".join(chunks))
    except ValueError:
        result = None
    if isinstance(result, dict) and isinstance(result.get("text"), str):
        return result["text"]
    if os.WIFSIGNALED(status) or (isinstance(result, dict) and result.get("error") == "memory"):
        raise MemoryError("the HTML parser went over its memory or CPU limit")
    raise RuntimeError(result.get("error") if isinstance(result, dict) else "the HTML parser failed")


def _limit_child(cpu_seconds: float | None, memory: int) -> None:
    import resource

    signal.setitimer(signal.ITIMER_REAL, 0)  # not inherited on Linux; said for other systems
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if cpu_seconds:  # a forked child starts with no CPU time used
        cpu = int(cpu_seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    with open("/proc/self/statm") as statm:  # what the fork inherited counts against RLIMIT_AS
        size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (size + memory, size + memory))
