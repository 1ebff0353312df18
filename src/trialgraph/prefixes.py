"""The one prefix map trialgraph writes with: the published JSON-LD context
(data/context.jsonld, documented at https://w3id.org/trialgraph/context.jsonld),
so TriG, Turtle and JSON-LD outputs shorten IRIs alike."""
from __future__ import annotations

import json
from pathlib import Path

CONTEXT_PATH = Path(__file__).with_name("data") / "context.jsonld"

PREFIXES: dict[str, str] = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
