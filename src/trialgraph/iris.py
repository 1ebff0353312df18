"""The only place IRIs are minted: slugs of canonical keys for named entities,
hashes of defining fields for n-ary facts. No blank nodes anywhere."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from .normalize import slug
from .vocab import TGID


def _safe(segment: str) -> str:
    value = slug(segment, max_length=80)
    if not value or value != segment.lower().strip("-"):
        digest = hashlib.sha1(segment.encode("utf-8")).hexdigest()[:10]
        value = f"{value}-{digest}" if value else digest
    return quote(value, safe="-")


@lru_cache(maxsize=1 << 17)  # every merge decision names its releases again
def release(doc_id: str) -> URIRef:
    return TGID[f"release/{quote(doc_id, safe='-_.')}"]


# The same entities recur in thousands of releases and in the entities graph;
# minting their IRI (slugs, hashes) was the largest single cost of emitting.
@lru_cache(maxsize=1 << 17)
def entity(kind: str, key: str) -> URIRef:
    return TGID[f"{kind}/" + "/".join(_safe(part) for part in key.split("/"))]


def fact(kind: str, doc_id: str, *fields: object) -> URIRef:
    digest = hashlib.sha1("\x1f".join(repr(f) for f in fields).encode("utf-8")).hexdigest()[:16]
    return TGID[f"{kind}/{quote(doc_id, safe='-_.')}/{digest}"]


def evidence(doc_id: str, start: int, end: int) -> URIRef:
    return TGID[f"evidence/{quote(doc_id, safe='-_.')}/{start}-{end}"]


def selector(evidence_iri: URIRef, which: str) -> URIRef:
    return URIRef(f"{evidence_iri}/{which}")



def period(notation: str) -> URIRef:
    """A stated time window ("2019-Q4", "2020-H1", "2019-06"): one IRI per
    notation, shared by every release that names the same window."""
    return TGID[f"period/{_safe(notation)}"]


def instant(iso_date: str) -> URIRef:
    return TGID[f"instant/{_safe(iso_date)}"]


ENTITIES_GRAPH = TGID["graph/entities"]
INFERRED_GRAPH = TGID["graph/inferred"]  # what queries/rules/ derive; not a release, not validated
