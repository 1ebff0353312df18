"""Reading never fetches: checks that run before a parser that could.

rdflib's JSON-LD parser fetches any ``@context`` given by reference (a URL
or a relative path) and any ``@import``; trialgraph reads only the bytes it
is given, so such a document is refused with a clear message instead.
(Turtle/TriG/N-Quads parsers never fetch; ``owl:imports`` is never followed;
HTML is parsed by Lexbor, which reads no DTD and resolves no entity; PDFs are
read in a child process whose network access is refused.)
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import GraphError

__all__ = ["refuse_remote_jsonld"]


def _remote_reference(context: object) -> str | None:
    """The first context reference that a JSON-LD processor would load."""
    stack = [context]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            return item
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict) and isinstance(item.get("@import"), str):
            return item["@import"]
    return None


def refuse_remote_jsonld(path: Path) -> None:
    """Raise GraphError if the JSON-LD file refers to a context to be loaded."""
    try:
        document = json.loads(Path(path).read_bytes())
    except (ValueError, OSError) as error:
        raise GraphError(f"cannot read the graph: {str(error)[:200]}", path=str(path)) from None
    stack = [document]
    while stack:  # iterative: deeply nested JSON must not overflow the stack
        node = stack.pop()
        if isinstance(node, dict):
            if "@context" in node:
                ref = _remote_reference(node["@context"])
                if ref is not None:
                    raise GraphError(
                        f"the JSON-LD refers to a context at {ref[:200]!r}, which trialgraph never fetches",
                        path=str(path),
                        hint="inline the context in the file",
                    )
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
