"""Per-release extraction: an explicit, ordered pipeline of stages.

Each stage reads the release's sentences and what earlier stages found, and
adds one kind of fact. Extraction never looks at other releases; that is the
job of `resolve`, which keeps this stage parallel and incremental.
"""
from __future__ import annotations

from typing import Callable

from ..model import Document, Extraction
from ..segment import segment
from .cohorts import extract_cohorts
from .companies import extract_companies
from .context import Context
from .designations import extract_designations
from .drugs import assign_owners, extract_drugs
from .milestones import extract_milestones
from .people import extract_people
from .release import extract_release
from .results import extract_results
from .trials import extract_trials

Stage = Callable[[Context], None]

# Order matters: drugs need companies (to tell them apart), trials need drugs and designations,
# cohorts need trials, results need cohorts, ownership needs all of them.
PIPELINE: tuple[tuple[str, Stage], ...] = (
    ("release", extract_release),
    ("companies", extract_companies),
    ("drugs", extract_drugs),
    ("people", extract_people),
    ("designations", extract_designations),
    ("trials", extract_trials),  # a designation's disease ties its drug to an indication a trial may take
    ("cohorts", extract_cohorts),
    ("results", extract_results),
    ("milestones", extract_milestones),  # needs drugs, trials and cohorts to name its subject
    ("owners", assign_owners),
)


def extract(document: Document) -> Extraction:
    ctx = Context.start(document, segment(document))
    for _, stage in PIPELINE:
        stage(ctx)
    ctx.extraction.warnings[:0] = list(document.warnings)
    ctx.extraction.zones = {s.span: s.zone.value for s in ctx.sentences}
    return ctx.extraction
