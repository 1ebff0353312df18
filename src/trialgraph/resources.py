"""Where the ontology, the SHACL shapes and the saved queries live.

An installed wheel carries them as package data under ``trialgraph/data/``; a
source checkout (editable install, tests) has them at the repository root.
Package data wins so that an installed trialgraph never reads a stray checkout.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE_DATA = Path(__file__).parent / "data"
# src/trialgraph/resources.py -> parents[2] is the repository root.
_REPO_ROOT = Path(__file__).resolve().parents[2]


def _locate(*relative: str) -> Path:
    candidates = [_PACKAGE_DATA.joinpath(*relative), _REPO_ROOT.joinpath(*relative)]
    for candidate in candidates:
        if candidate.exists():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(
        f"trialgraph resource {'/'.join(relative)!r} not found (tried {tried}); "
        "reinstall trialgraph or run from a complete source checkout"
    )


def ontology_path() -> Path:
    """The ontology, ``ontology/trialgraph.ttl``."""
    return _locate("ontology", "trialgraph.ttl")


def shapes_path() -> Path:
    """The SHACL shapes graph, ``shapes/trialgraph.ttl``."""
    return _locate("shapes", "trialgraph.ttl")


def queries_dir() -> Path:
    """The folder of saved SPARQL queries, ``queries/``."""
    return _locate("queries")
