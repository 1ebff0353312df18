"""Rows of the pipeline and R&D-event tables that results releases print: one row per
drug and indication, its phase, study, event and region in cells. A markdown table says
which cell is which by its column heads ("Compound | Indication | Stage | Study"); a list
of pipe-separated items under a heading ("Phase 3", then "- X | target | disease | region
| NAME study") says it by the heading and by what each cell holds. The sentence reading of
such a row fails: its phase and its disease stand in cells, with no verb or preposition
between them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Context

# Column heads, by the role of their cells
_HEADS = (
    ("drug", re.compile(r"\b(?:compounds?|products?|programmes?|programs?|assets?|drugs?|candidates?|molecules?|medicines?|projects?)\b", re.I)),
    ("indication", re.compile(r"\b(?:indications?|diseases?|conditions?|populations?|settings?)\b", re.I)),
    ("phase", re.compile(r"\b(?:phases?|stages?)\b", re.I)),
    ("study", re.compile(r"\b(?:stud(?:y|ies)|trials?)\b", re.I)),
    ("region", re.compile(r"\b(?:regions?|country|countries|markets?|geograph(?:y|ies)|territor(?:y|ies))\b", re.I)),
)
_PHASE_CELL = re.compile(r"^\s*(?:[Pp]hase|PHASE|Ph\.?)\s*(?P<p>(?:IV|I{1,3}|[1-4])[abAB]?(?:\s*[/-]\s*(?:IV|I{1,3}|[1-4])[abAB]?)?)\b")
_PHASE_IN_CELL = re.compile(r"\b[Pp]hase\s*(?P<p>(?:IV|I{1,3}|[1-4])[abAB]?(?:\s*[/-]\s*(?:IV|I{1,3}|[1-4])[abAB]?)?)\b")
# A stage past the studies: the row is a filing or a product, not a trial
_FILED = re.compile(r"^\s*(?:filed|submitted|submissions?|registration|under review|approved|approval|launched|marketed)\b", re.I)
_HEADING_FILED = re.compile(r"^\s*(?:filed|submitted|submissions?|registration|under (?:regulatory )?review|approved|launched|marketed)\b", re.I)
_REGION_WORD = (r"(?:US|U\.S\.|USA|United States|EU|Europe|Japan|China|Korea|Taiwan|Asia|Canada|UK|Australia|Global|"
                r"Worldwide|Ex-US|ex-US|Greater China|Rest of World|ROW)")
_REGION_CELL = re.compile(rf"^\s*{_REGION_WORD}(?:\s*(?:,|/|&|and)\s*{_REGION_WORD})*\s*(?:\([^()]*\))?\s*$")
_FOOTNOTE = re.compile(r"\s*(?:\(\d{1,2}\)|\*+|[\u00b9\u00b2\u00b3])\s*$")
_MARK = re.compile(r"(?:\((?P<n>\d{1,2})\)|(?P<star>\*+)|(?P<sup>[\u00b9\u00b2\u00b3]))\s*$")
# A footnote under a table opens with its mark: "(2) Orphan drug designation granted ...", "* Developed by ..."
_NOTE_OPENS = re.compile(r"^\s*(?:\((?P<n>\d{1,2})\)|(?P<star>\*+)|(?P<sup>[\u00b9\u00b2\u00b3]))\s+\S")
_STUDY_NAME = re.compile(r"^\s*(?P<name>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?=\s*(?:\(|$|\s+(?:[Ss]tud(?:y|ies)|[Tt]rials?)\b))")
_BULLET = re.compile(r"^\s*(?:[*\u2022\u00b7\u25aa\u2023\u2013-]\s+)")
_EMPTY = re.compile(r"^\s*(?:[\u2013\u2014-]+|n/?a|none|tbd)?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Row:
    drug: str  # the drug's in-release name
    phase: str | None  # as written ("III", "1/2"); None when the row gives none
    indication: str | None
    study: str | None  # the study's name
    region: str | None
    filed: bool  # a filing, an approval or a product: no study
    marks: tuple[str, ...] = ()  # the footnote marks its cells carry ("(2)", "*")


def _cells(text: str) -> list[str]:
    if _is_tabbed_row(text):
        return [c.strip(" *") for c in re.split(r"\t+", text.strip())]
    return [c.strip(" *") for c in _BULLET.sub("", text.strip()).strip("|").split("|")]


def _is_markdown_row(text: str) -> bool:
    text = text.strip()
    return (text.startswith("|") and text.count("|") >= 3) or _is_tabbed_row(text)


def _is_tabbed_row(text: str) -> bool:
    """"LQ-1\t\tFRa\t\tEndometrial cancer\t\tPhase 1b": a table pasted from a word processor, its cells
    separated by tabs instead of pipes (read as a markdown table is: by its column heads)."""
    return "|" not in text and len(re.split(r"\t+", text.strip())) >= 3


def _is_listed_row(text: str) -> bool:
    """"- X | target | disease | region": an item of cells with no table around it."""
    text = text.strip()
    return not text.startswith("|") and text.count(" | ") >= 2


def pipeline_rows(ctx: Context) -> dict[int, Row]:
    """Sentence index -> the row it is, for the rows of the release's pipeline tables and lists."""
    rows: dict[int, Row] = {}
    sentences = ctx.fact_sentences()
    number = 0
    while number < len(sentences):
        text = ctx.text(sentences[number])
        if _is_markdown_row(text):
            run = []
            while number < len(sentences) and _is_markdown_row(ctx.text(sentences[number])):
                run.append(sentences[number])
                number += 1
            rows.update(_table(ctx, run))
            continue
        if _is_listed_row(text):
            heading = _heading_before(ctx, sentences[number])
            row = _listed(ctx, _cells(text), heading)
            if row:
                rows[sentences[number].index] = row
        number += 1
    return rows


def _roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for column, head in enumerate(header):
        for role, pattern in _HEADS:
            if role not in roles and pattern.search(head):
                roles[role] = column
                break
    return roles


def _table(ctx: Context, run) -> dict[int, Row]:
    header = _cells(ctx.text(run[0]))
    roles = _roles(header)
    if "indication" not in roles or not ({"phase", "study"} & roles.keys() or "region" in roles):
        return {}
    drug_column = roles.get("drug", 0)
    rows = {}
    for sentence in run[1:]:
        cells = _cells(ctx.text(sentence))
        if len(cells) != len(header) or all(re.fullmatch(r"[-=:\s]*", c) for c in cells):
            continue
        drugs = ctx.drugs_in(cells[drug_column])
        if not drugs:
            continue
        phase_cell = cells[roles["phase"]] if "phase" in roles else ""
        study_cell = cells[roles["study"]] if "study" in roles else ""
        phase = _PHASE_CELL.match(phase_cell)
        in_study = _PHASE_IN_CELL.search(study_cell)
        rows[sentence.index] = Row(
            drug=drugs[0].name,
            phase=(in_study or phase).group("p") if (in_study or phase) else None,
            indication=_indication(cells[roles["indication"]]),
            study=_study_name(ctx, study_cell),
            region=_value(cells[roles["region"]]) if "region" in roles else None,
            filed=bool(_FILED.match(phase_cell)),
            marks=_marks(cells),
        )
    return rows


def _marks(cells: list[str]) -> tuple[str, ...]:
    return tuple(_mark_of(found) for found in map(_MARK.search, cells) if found)


def _mark_of(found: re.Match) -> str:
    return found.group("n") or found.group("star") or found.group("sup")


def footnoted_rows(ctx: Context, rows: dict[int, Row]) -> dict[int, Row]:
    """Sentence index -> the row a footnote under a table speaks of: the one row that carries its mark."""
    notes: dict[int, Row] = {}
    if not any(row.marks for row in rows.values()):
        return notes
    for sentence in ctx.fact_sentences():
        opens = _NOTE_OPENS.match(ctx.text(sentence)) if sentence.index not in rows else None
        if opens:
            marked = [row for row in rows.values() if _mark_of(opens) in row.marks]
            if len(marked) == 1:
                notes[sentence.index] = marked[0]
    return notes


def _heading_before(ctx: Context, sentence) -> str | None:
    """The short heading over a list of rows ("Phase 3", "Filed"), read past the rows between."""
    for earlier in reversed(ctx.sentences[: sentence.index]):
        text = ctx.text(earlier).strip()
        if _is_listed_row(text):
            continue
        return text if len(text.split()) <= 6 else None
    return None


def _listed(ctx: Context, cells: list[str], heading: str | None) -> Row | None:
    drugs = ctx.drugs_in(cells[0])
    if not drugs or len(cells) < 3:
        return None
    phase = study = region = indication = None
    for cell in cells[1:]:
        stated = _PHASE_CELL.match(cell)
        if phase is None and stated and len(cell.split()) <= 3:
            phase = stated.group("p")
        elif region is None and _REGION_CELL.match(cell):
            region = cell.strip()
        elif study is None and re.search(r"\b(?:[Ss]tud(?:y|ies)|[Tt]rials?)\b|\([Pp]hase\b", cell):
            study = cell
        elif indication is None and _names_disease(cell):
            indication = _indication(cell)
    in_study = _PHASE_IN_CELL.search(study or "")
    by_heading = _PHASE_CELL.fullmatch(heading.strip()) if heading else None
    phase = in_study.group("p") if in_study else phase or (by_heading.group("p") if by_heading else None)
    return Row(drug=drugs[0].name, phase=phase, indication=indication, study=_study_name(ctx, study or ""),
               region=region, filed=bool(heading and _HEADING_FILED.match(heading)) and not in_study)


def _names_disease(cell: str) -> bool:
    from .text import names_disease

    return names_disease(cell)


def _indication(cell: str) -> str | None:
    return _value(_FOOTNOTE.sub("", cell))


def _value(cell: str) -> str | None:
    return None if _EMPTY.match(cell) else cell.strip()


def _study_name(ctx: Context, cell: str) -> str | None:
    from .trials import _GENERIC_STUDY_WORD, _valid_name

    found = _STUDY_NAME.match(cell)
    if not found:
        return None
    name = found.group("name")
    if _GENERIC_STUDY_WORD.fullmatch(name) or len(name) < 3 or not (name.isupper() or re.search(r"[A-Z].*[A-Z]|\d", name)):
        return None  # "Bridging study", "Pivotal trial": a kind of study, not its name
    return name if _valid_name(ctx, name) else None
