"""Parameters: raw strings from the user -> type-checked RDF terms.

Every value becomes one rdflib term that the engine receives as a value
(substitutions / initBindings); nothing is ever formatted into query text.
Names are resolved the way releases write them: a drug's code, INN, brand or
a misspelled variant, a company's short name, an endpoint's notation ("mOS"),
a cohort's label ("1" or "Cohort 1"). A value that fits no entity is refused
with a message naming the parameter, so the query never runs on a guess.
"""
from __future__ import annotations

import datetime
import difflib
import re

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ..errors import UsageError
from ..normalize import name_key
from ..vocab import TG, TGID
from .catalogue import SavedQuery
from .engines import select

PREFIXES = {
    "tg": str(TG), "tgid": str(TGID),
    "skos": "http://www.w3.org/2004/02/skos/core#", "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/", "dcterms": "http://purl.org/dc/terms/",
    "unit": "http://qudt.org/vocab/unit/", "qudt": "http://qudt.org/schema/qudt/",
}
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
_CURIE = re.compile(r"^([A-Za-z][\w.\-]*):([\w.\-/%]*)$")
_NUMBER = re.compile(r"^[+-]?(\d{1,30}(\.\d{0,30})?|\.\d{1,30})$")
_CLASSES = {"drug": TG.Drug, "company": TG.Company}
_LABELS = "skos:prefLabel|skos:altLabel|skos:hiddenLabel|tg:nameAsWritten|tg:trialName"
_PROLOGUE = ("PREFIX tg: <https://w3id.org/trialgraph/ontology#>\n"
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
# The names come first and the type is a FILTER EXISTS: pyoxigraph plans as if
# ?name and ?class were unbound, and would otherwise start from every typed node
# (an exact name took 0.17 s, a short name 0.7 s at 10k releases).
_NAMES = _PROLOGUE + f"""SELECT DISTINCT ?entity ?name ?class WHERE {{
  {{ GRAPH ?g {{ ?entity {_LABELS} ?name }} }}
  UNION {{ GRAPH ?g {{ ?merge tg:variant ?name ; tg:mergedInto ?entity }} }}
  FILTER EXISTS {{ GRAPH ?typed {{ ?entity a ?class }} }}
}}"""
_TYPED = _PROLOGUE + "SELECT DISTINCT ?entity ?class WHERE { GRAPH ?typed { ?entity a ?class } }"
_ENDPOINTS = _PROLOGUE + """SELECT DISTINCT ?entity ?name WHERE { GRAPH ?o {
  ?entity skos:inScheme tg:EndpointScheme .
  { ?entity skos:notation ?name } UNION { ?entity skos:prefLabel|skos:altLabel ?name } } }"""
_CLASSES_OF = _PROLOGUE + "SELECT DISTINCT ?class ?entity WHERE { GRAPH ?typed { ?entity a ?class } }"
_IN_ENDPOINT_SCHEME = _PROLOGUE + "SELECT ?entity WHERE { GRAPH ?o { ?entity skos:inScheme tg:EndpointScheme } }"
_COHORTS = _PROLOGUE + "SELECT DISTINCT ?name WHERE { GRAPH ?g { ?cohort tg:cohortLabel ?name } }"
_COHORT_OF = _PROLOGUE + "SELECT DISTINCT ?name ?cohort WHERE { GRAPH ?g { ?cohort tg:cohortLabel ?name } }"
# every query resolving a parameter runs: a store read for a set of queries (query_subset.py) needs their triples too
RESOLVER_QUERIES = (_NAMES, _TYPED, _ENDPOINTS, _CLASSES_OF, _IN_ENDPOINT_SCHEME, _COHORTS, _COHORT_OF)
# the queries resolving drugs and companies given as IRIs (whose type _of_kind checks: only the
# classes in _CLASSES count), endpoints and cohorts: a store for queries whose drug and company
# parameters are always IRIs (the map's charts) needs these triples and of rdf:type only RESOLVER_CLASSES
IRI_RESOLVER_QUERIES = (_ENDPOINTS, _CLASSES_OF, _IN_ENDPOINT_SCHEME, _COHORTS, _COHORT_OF)
RESOLVER_CLASSES = frozenset(str(iri) for iri in _CLASSES.values())


def bind(query: SavedQuery, source, params: dict[str, str]) -> dict[str, object]:
    """The checked bindings of `params` for `query`: unknown, missing and
    ill-typed parameters are refused with a message naming them."""
    known = {p.name for p in query.params}
    for name in sorted(params):
        if name not in known:
            hint = "this query takes " + (", ".join(sorted(known)) if known else "no parameters")
            raise UsageError(f"unknown parameter {name!r} for query {query.name}", hint=hint)
    bindings: dict[str, object] = {}
    for param in query.params:
        raw = params.get(param.name)
        if raw is None or raw == "":
            if param.required:
                raise UsageError(f"missing required parameter {param.name!r} ({param.type}) for query {query.name}",
                                 hint=f"add --param {param.name}=VALUE")
            continue
        try:
            bindings[param.name] = resolve(param.type, raw, source)
        except UsageError as error:
            raise UsageError(f"parameter {param.name!r}: {error.message}", hint=error.hint) from None
    return bindings


def resolve(kind: str, raw: str, source) -> object:
    """One raw value as an RDF term of the parameter type `kind`."""
    value = raw.strip()
    if len(value) > 2000:
        raise UsageError("value longer than 2000 characters")
    if kind == "curie" and not _looks_like_iri(value):
        raise UsageError(f"{raw!r} is not a CURIE with a known prefix", hint="prefixes: " + ", ".join(sorted(PREFIXES)))
    if kind in ("iri", "curie"):
        return _iri(value)
    if kind == "date":
        try:
            return Literal(datetime.date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            raise UsageError(f"{raw!r} is not a date", hint="write it as YYYY-MM-DD") from None
    if kind == "number":
        if not _NUMBER.match(value):
            raise UsageError(f"{raw!r} is not a number", hint="digits with an optional decimal point")
        return Literal(value.lstrip("+"), datatype=XSD.decimal)
    if kind == "string":
        return Literal(value)
    if kind == "endpoint":
        if not _looks_like_iri(value):
            return _by_name(value, source, _ENDPOINTS, {}, "endpoint")
        iri = _iri(value)
        if not select(source, _IN_ENDPOINT_SCHEME, {"entity": iri})[1]:
            raise UsageError(f"{value!r} is {_what(iri, source)}, not an endpoint",
                             hint="give an endpoint's notation (mOS) or IRI; trialgraph queries lists them")
        return iri
    if kind == "cohort":
        return _cohort(value, source)
    if _looks_like_iri(value):
        return _of_kind(_iri(value), value, kind, source)
    bindings = {"class": _CLASSES[kind]} if kind in _CLASSES else {}
    return _by_name(value, source, _NAMES, bindings, kind)


def _looks_like_iri(value: str) -> bool:
    if value.startswith("<"):
        return True
    match = _CURIE.match(value)
    return bool(match and match.group(1) in PREFIXES) or bool(re.match(r"^(https?|urn):", value))


def _iri(value: str) -> URIRef:
    text = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    match = _CURIE.match(text)
    if match and match.group(1) in PREFIXES and not text.startswith(("http:", "https:", "urn:")):
        text = PREFIXES[match.group(1)] + match.group(2)
    if not _IRI.match(text):
        raise UsageError(f"{value!r} is not an IRI",
                         hint="give <https://...>, or a CURIE with prefix " + ", ".join(sorted(PREFIXES)))
    return URIRef(text)


def _of_kind(iri: URIRef, value: str, kind: str, source) -> URIRef:
    """An IRI given for a drug, company or entity parameter, if the graph
    types it so: a company's IRI as a drug would answer nothing, silently."""
    classes = {row[0] for row in select(source, _CLASSES_OF, {"entity": iri})[1]}
    expected = _CLASSES.get(kind)
    if (expected in classes) if expected is not None else bool(classes):
        return iri
    raise UsageError(f"{value!r} is {_what(iri, source, classes)}, not {_a(kind)}",
                     hint=f"give {_a(kind)}'s name or IRI")


def _what(iri: URIRef, source, classes: set | None = None) -> str:
    """What the graph says `iri` is, for an error message: "a company",
    "a company and an organization", or "nothing in the graph"."""
    if classes is None:
        classes = {row[0] for row in select(source, _CLASSES_OF, {"entity": iri})[1]}
    names = sorted({_a(str(c).rpartition("#")[2].rpartition("/")[2].lower()) for c in classes})
    return " and ".join(names) if names else "nothing in the graph"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _by_name(value: str, source, lookup: str, bindings: dict, kind: str) -> URIRef:
    _, exact = select(source, lookup, {**bindings, "name": Literal(value)})
    found = {row[0] for row in exact}
    candidates: list[tuple] = []
    if not found:
        candidates = _candidates(source, lookup, bindings)
        key = name_key(value)
        found = {row[0] for row in candidates if key and name_key(str(row[1])) == key}
        if not found and len(key) >= 3:  # a short name as releases write it: "Acme" for "Acme Oncology, Inc."
            words = _words(value)
            found = {row[0] for row in candidates if _words(str(row[1]))[: len(words)] == words}
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise UsageError(f"{value!r} names several {kind}s: " + ", ".join(sorted(found)[:5]),
                         hint="give the IRI of the one you mean")
    names = sorted({str(row[1]) for row in candidates})
    close = difflib.get_close_matches(value, names, n=3, cutoff=0.6)
    raise UsageError(f"no {kind} named {value!r} in the graph",
                     hint=("did you mean " + " or ".join(repr(c) for c in close)) if close else "check the spelling")


def _candidates(source, lookup: str, bindings: dict) -> list[tuple]:
    """Every (entity, name) row of `lookup`. A class is checked apart, against
    the set of entities of that class: one scan of the names without the class
    check is twice as fast in the store as checking the class name by name."""
    if "class" not in bindings:
        return select(source, lookup, bindings)[1]
    _, rows = select(source, lookup, {k: v for k, v in bindings.items() if k != "class"})
    _, typed = select(source, _TYPED, {"class": bindings["class"]})
    of_class = {row[0] for row in typed}
    return [row for row in rows if row[0] in of_class]


def _words(text: str) -> list[str]:
    return [name_key(w) for w in re.split(r"[\s,]+", text) if name_key(w)]


def _cohort(value: str, source) -> Literal:
    """A cohort label as releases write it: "1", "Cohort 1", or a cohort IRI."""
    if _looks_like_iri(value):
        _, rows = select(source, _COHORT_OF, {"cohort": _iri(value)})
        if not rows:
            raise UsageError(f"{value!r} is not a cohort in the graph")
        return rows[0][0]
    label = re.sub(r"^cohort\s+", "", value, flags=re.IGNORECASE)
    _, rows = select(source, _COHORTS, {"name": Literal(label)})
    if rows:
        return Literal(label)
    _, rows = select(source, _COHORTS, {})
    matches = sorted({str(r[0]) for r in rows if name_key(str(r[0])) == name_key(label) and name_key(label)})
    if matches:
        return Literal(matches[0])
    raise UsageError(f"no cohort labelled {value!r} in the graph", hint="cohorts are labelled as releases write them, e.g. 1")
