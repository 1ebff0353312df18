"""Saved queries: one `.rq` file each, documented by its comment header
(DESIGN.md §4, after ROBOT's report queries and grlc's decorators):

    # Title
    #
    # Description, one or more lines.
    #
    # @param   ?drug    drug      required  the drug
    # @param   ?cohort  cohort    optional  a cohort label ("1") or IRI
    # @returns ?trial ?cohort ?value
    # @example trialgraph query NAME out/examples.trig --param drug=NWO-217

The description says what the query is for; how it was made fast belongs in
a comment block after the header (a blank line ends the header), where
`trialgraph queries` does not show it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..resources import queries_dir

PARAM_TYPES = ("iri", "curie", "entity", "drug", "company", "endpoint", "cohort", "date", "number", "string")
_PARAM = re.compile(r"@param\s+\?(\w+)\s+(\w+)\s+(required|optional)\s*(.*)$")
_RETURNS = re.compile(r"@returns\s+(.*)$")
_EXAMPLE = re.compile(r"@example\s+(.*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    doc: str


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    text: str
    path: Path
    example: str = ""  # one command that runs it on the bundled examples

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse(text: str, path: Path) -> SavedQuery:
    """A SavedQuery from the text of an `.rq` file; header mistakes name the file."""
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    title = header[0] if header and not header[0].startswith("@") else path.stem
    description_lines, params, columns, example = [], [], (), ""
    for line in header[1:]:
        if line.startswith("@param"):
            match = _PARAM.match(line)
            if not match:
                raise UsageError(f"malformed @param line {line!r}", path=str(path),
                                 hint="expected '@param ?name type required|optional doc'")
            name, kind, required, doc = match.groups()
            if kind not in PARAM_TYPES:
                raise UsageError(f"parameter ?{name} has unknown type {kind!r}", path=str(path),
                                 hint="one of " + ", ".join(PARAM_TYPES))
            params.append(Param(name, kind, required == "required", doc.strip()))
        elif line.startswith("@example"):
            match = _EXAMPLE.match(line)
            example = " ".join(match.group(1).split()) if match else ""
        elif line.startswith("@returns"):
            match = _RETURNS.match(line)
            columns = tuple(v.lstrip("?") for v in match.group(1).split()) if match else ()
        elif not params and not columns:
            description_lines.append(line)
    description = " ".join(" ".join(description_lines).split())
    return SavedQuery(path.stem, title, description, tuple(params), columns, text, path, example)


def catalogue() -> list[SavedQuery]:
    """Every saved query in queries/*.rq (facts/ and rules/ are not saved queries), by name."""
    folder = queries_dir()
    return [parse(p.read_text(encoding="utf-8"), p) for p in sorted(folder.glob("*.rq"))]


def load(name_or_path: str) -> SavedQuery:
    """A saved query by name (`dose-response`), or any `.rq` file by path (a
    saved name wins over a file of the same name in the working folder)."""
    if _NAME.match(name_or_path):
        path = queries_dir() / f"{name_or_path}.rq"
        if path.is_file():
            return parse(path.read_text(encoding="utf-8"), path)
    candidate = Path(name_or_path)
    if name_or_path.endswith(".rq") or candidate.is_file():
        if not candidate.is_file():
            raise UsageError("no such query file", path=name_or_path)
        try:
            text = candidate.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read the query: {error}", path=name_or_path) from error
        return parse(text, candidate)
    known = ", ".join(q.name for q in catalogue())
    raise UsageError(f"no saved query named {name_or_path!r}", hint=f"known: {known}")
