"""A fast SHACL Core screen for one release graph.

pySHACL costs 50-70 ms per release graph here (tens of seconds per 10,000
releases, even across cores). This module reads the same shapes file and
evaluates the SHACL Core components it uses directly over a dict index of the
graph's triples, in well under a millisecond per graph.

It only *screens*: `screen()` answers True (conforms), False (does not) or
None (a construct it does not evaluate, or a comparison it cannot decide).
Anything but True goes to pySHACL, which stays the authority and writes the
readable messages. So a wrong False costs only time; the one thing that must
never happen is True where pySHACL finds a violation, which
tests/test_validate_fast.py checks on every corruption of tests/test_shapes.py
and on generated corpora.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from .rdf import MemoNamespace

# rdflib builds a new URIRef per `SH.term`; the screen asks millions of times (perf, issue 6)
OWL, RDF, RDFS, SH, XSD = (MemoNamespace(ns) for ns in (OWL, RDF, RDFS, SH, XSD))

# Shape triples that carry no constraint (annotations, structure handled below).
_IGNORED = {RDF.type, SH.name, SH.message, SH.description, SH.order, SH.group, SH.severity, SH.path,
            SH.property, SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf,
            SH.deactivated, SH.defaultValue, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount, RDFS.label,
            RDFS.comment, OWL.versionInfo}


class _Unknown(Exception):
    """A construct or comparison the screen leaves to pySHACL."""


@dataclass
class Shape:
    iri: object
    path: tuple | None = None  # (predicate, inverse?) for property shapes
    constraints: list[tuple] = field(default_factory=list)  # (component, parameter)
    properties: list["Shape"] = field(default_factory=list)
    targets: list[tuple] = field(default_factory=list)  # (kind, term)
    deactivated: bool = False
    checks: list | None = field(default=None, repr=False, compare=False)  # constraints compiled (conforms)


class Shapes:
    """The shapes graph compiled to Shape objects (shared sub-shapes by identity)."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self._shapes: dict = {}
        roots = set(graph.subjects(RDF.type, SH.NodeShape)) | set(graph.subjects(RDF.type, SH.PropertyShape))
        for kind in (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf):
            roots |= set(graph.subjects(kind, None))
        self.targeted = [s for s in (self.shape(r) for r in sorted(roots, key=str)) if s.targets]

    def shape(self, node) -> Shape:
        if node in self._shapes:
            return self._shapes[node]
        g = self.graph
        shape = self._shapes[node] = Shape(node)
        shape.deactivated = g.value(node, SH.deactivated) == Literal(True)
        implicit = {RDFS.Class, OWL.Class} & set(g.objects(node, RDF.type))
        for kind in (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf):
            shape.targets += [(str(kind), t) for t in g.objects(node, kind)]
        if implicit:
            shape.targets.append(("unknown", node))  # implicit class target: leave to pySHACL
        path = g.value(node, SH.path)
        if path is not None:
            if isinstance(path, URIRef):
                shape.path = (str(path), False)
            elif isinstance(g.value(path, SH.inversePath), URIRef) and len(set(g.predicate_objects(path))) == 1:
                shape.path = (str(g.value(path, SH.inversePath)), True)
            else:
                shape.path = ("unknown", False)
        for predicate, value in sorted(g.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
            if predicate == SH.property:
                shape.properties.append(self.shape(value))
            elif predicate in (SH["or"], SH["and"], SH.xone):
                shape.constraints.append((predicate, [self.shape(m) for m in Collection(g, value)]))
            elif predicate in (SH["not"], SH.node):
                shape.constraints.append((predicate, self.shape(value)))
            elif predicate == SH["in"]:
                shape.constraints.append((predicate, list(Collection(g, value))))
            elif predicate == SH.qualifiedValueShape:
                if g.value(node, SH.qualifiedValueShapesDisjoint) == Literal(True):
                    shape.constraints.append(("unknown", predicate))
                shape.constraints.append((predicate, (self.shape(value), g.value(node, SH.qualifiedMinCount),
                                                      g.value(node, SH.qualifiedMaxCount))))
            elif predicate == SH.pattern:
                try:
                    pattern = re.compile(str(value), _flags(str(g.value(node, SH.flags) or "")))
                except (re.error, ValueError):  # an XPath regex Python reads differently
                    shape.constraints.append(("unknown", predicate))
                    continue
                shape.constraints.append((predicate, pattern))
            elif predicate in _IGNORED or predicate == SH.qualifiedValueShapesDisjoint:
                continue
            elif str(predicate).startswith(str(SH)):
                shape.constraints.append((predicate, value))  # evaluated, or _Unknown, in _check
        # IRIs the index is keyed by (a class, a predicate to compare with) as plain strings
        shape.constraints = [(str(component), str(parameter) if component in _BY_IRI and isinstance(parameter, URIRef)
                              else parameter)
                             for component, parameter in shape.constraints]
        return shape


_BY_IRI = {SH["class"], SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint}


# Components as plain strings: _check compares one against many, and rdflib's
# URIRef.__eq__ runs in Python (2.4 million calls per 1,000 releases).
_S = {name: str(SH[name]) for name in ("and", "class", "datatype", "disjoint", "equals", "hasValue", "in", "lessThan", "lessThanOrEquals", "maxCount", "maxExclusive", "maxInclusive", "maxLength", "minCount", "minExclusive", "minInclusive", "minLength", "node", "nodeKind", "not", "or", "pattern", "qualifiedValueShape", "xone")}


def _flags(text: str) -> int:
    flags = 0
    for letter, flag in (("i", re.I), ("m", re.M), ("s", re.S), ("x", re.X)):
        if letter in text:
            flags |= flag
    if set(text) - set("imsx"):
        raise ValueError(f"unknown regex flags {text!r}")
    return flags


def _key(term):
    """A node as a dict key: an IRI as its plain string. rdflib compares terms
    in Python (URIRef.__eq__), and a dict probe with a URIRef that is equal
    but not the same object calls it: 1.7 of 9 profiled seconds of screening."""
    return str(term) if isinstance(term, URIRef) else term


class _Index:
    """The graph's triples by subject (node key) and predicate (its IRI as a plain string)."""

    def __init__(self, triples):
        self.out: dict = {}
        self.by_predicate: dict = {}  # predicate -> [(subject, object, object key)]
        self.typed: dict = {}  # class IRI -> instances: every targetClass shape asks
        self.types: dict = {}  # node key -> its classes' IRIs
        type_iri = _RDF_TYPE
        out, by_predicate = self.out, self.by_predicate
        for s, p, o in triples:
            p = str(p)
            k = str(s) if isinstance(s, URIRef) else s  # _key, inline: every triple of every graph
            out.setdefault(k, {}).setdefault(p, []).append(o)
            ok = str(o) if isinstance(o, URIRef) else o
            by_predicate.setdefault(p, []).append((s, o, ok))
            if p == type_iri:
                cls = ok
                self.typed.setdefault(cls, []).append(s)
                self.types.setdefault(k, set()).add(cls)
        if _SUBCLASS_OF in self.by_predicate:
            raise _Unknown("subclasses in the data graph")

    def values(self, node, path: tuple) -> list:
        predicate, inverse = path
        if predicate == "unknown":
            raise _Unknown("complex path")
        key = str(node) if isinstance(node, URIRef) else node  # _key, inline: asked for every shape and node
        if inverse:
            return [s for s, _, o in self.by_predicate.get(predicate, ()) if o == key]
        return self.out.get(key, _NOTHING).get(predicate, [])

    def has_type(self, node, cls: str) -> bool:
        return cls in self.types.get(str(node) if isinstance(node, URIRef) else node, ())

    def focus(self, shape: Shape) -> set:
        nodes = set()
        for kind, term in shape.targets:
            if kind == _TARGET_CLASS:
                nodes.update(self.typed.get(_key(term), ()))
            elif kind == _TARGET_NODE:
                nodes.add(term)
            elif kind == _TARGET_OBJECTS_OF:
                nodes.update(o for _, o, _ in self.by_predicate.get(str(term), ()))
            elif kind == _TARGET_SUBJECTS_OF:
                nodes.update(s for s, _, _ in self.by_predicate.get(str(term), ()))
            else:
                raise _Unknown("target")
        return nodes


_NOTHING: dict = {}
_RDF_TYPE, _SUBCLASS_OF = str(RDF.type), str(RDFS.subClassOf)
_TARGET_CLASS, _TARGET_NODE, _TARGET_OBJECTS_OF, _TARGET_SUBJECTS_OF = (
    str(SH.targetClass), str(SH.targetNode), str(SH.targetObjectsOf), str(SH.targetSubjectsOf))


def _number(term):
    if isinstance(term, Literal) and not term.ill_typed:
        value = term.toPython()
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return value
    raise _Unknown("not a number")


def _datatype_ok(value, datatype) -> bool:
    if not isinstance(value, Literal) or value.ill_typed:
        return False
    if value.datatype is None:
        return (datatype == XSD.string and not value.language) or (datatype == RDF.langString and bool(value.language))
    return value.datatype == datatype


def _node_kind_ok(value, kind) -> bool:
    allowed = {SH.IRI: (URIRef,), SH.Literal: (Literal,), SH.BlankNode: (BNode,),
               SH.BlankNodeOrIRI: (BNode, URIRef), SH.IRIOrLiteral: (URIRef, Literal),
               SH.BlankNodeOrLiteral: (BNode, Literal)}.get(kind)
    if allowed is None:
        raise _Unknown("node kind")
    return isinstance(value, allowed)


def conforms(shape: Shape, node, index: _Index) -> bool:
    if shape.deactivated:
        return True
    values = [node] if shape.path is None else index.values(node, shape.path)
    checks = shape.checks
    if checks is None:
        checks = shape.checks = [_compiled(component, parameter) for component, parameter in shape.constraints]
    for check in checks:
        if not check(node, values, index):
            return False
    for part in shape.properties:
        if not conforms(part, node, index):
            return False
    return True


def _compiled(component, parameter):
    """The check of one constraint, `check(focus, values, index) -> bool`, its
    component looked up once per shape instead of compared with each of the
    components in turn at every value of every node (a third of the screen)."""
    check = _CHECKS.get(component)
    if check is None:
        return partial(_unknown_component, component)
    if component in _COUNTS:
        try:
            limit = int(parameter)
        except (ValueError, TypeError):
            return partial(check, parameter)  # raises when evaluated, as before
        return partial(_COUNTS[component], limit)
    return partial(check, parameter)


# minCount and maxCount with their limit read once, and the distinct values
# counted only when the number of values cannot decide alone
def _at_least(limit: int, focus, values, index) -> bool:
    return len(values) >= limit and len(set(values)) >= limit


def _at_most(limit: int, focus, values, index) -> bool:
    return len(values) <= limit or len(set(values)) <= limit


def _unknown_component(component, focus, values: list, index: _Index) -> bool:
    raise _Unknown(str(component))


def _min_count(parameter, focus, values, index) -> bool:
    return len(set(values)) >= int(parameter)


def _max_count(parameter, focus, values, index) -> bool:
    return len(set(values)) <= int(parameter)


def _datatype(parameter, focus, values, index) -> bool:
    return all(_datatype_ok(v, parameter) for v in values)


def _class(parameter, focus, values, index) -> bool:
    return all(index.has_type(v, parameter) for v in values)


def _node_kind(parameter, focus, values, index) -> bool:
    return all(_node_kind_ok(v, parameter) for v in values)


def _in(parameter, focus, values, index) -> bool:
    return all(v in parameter for v in values)


def _has_value(parameter, focus, values, index) -> bool:
    return parameter in values


def _pattern(parameter, focus, values, index) -> bool:
    return all(not isinstance(v, BNode) and parameter.search(str(v)) for v in values)


def _length(longest: bool, parameter, focus, values, index) -> bool:
    if any(isinstance(v, BNode) for v in values):
        return False
    limit = int(parameter)
    return all((len(str(v)) <= limit) if longest else (len(str(v)) >= limit) for v in values)


def _range(compare, parameter, focus, values, index) -> bool:
    bound = _number(parameter)
    return all(compare(_number(v), bound) for v in values)


def _less_than(strict: bool, parameter, focus, values, index) -> bool:
    others = index.values(focus, (parameter, False))
    return all((_number(v) < _number(w)) if strict else (_number(v) <= _number(w)) for v in values for w in others)


def _equals(parameter, focus, values, index) -> bool:
    return set(values) == set(index.values(focus, (parameter, False)))


def _disjoint(parameter, focus, values, index) -> bool:
    return not set(values) & set(index.values(focus, (parameter, False)))


def _or(parameter, focus, values, index) -> bool:
    return all(any(conforms(s, v, index) for s in parameter) for v in values)


def _and(parameter, focus, values, index) -> bool:
    return all(all(conforms(s, v, index) for s in parameter) for v in values)


def _xone(parameter, focus, values, index) -> bool:
    return all(sum(conforms(s, v, index) for s in parameter) == 1 for v in values)


def _not(parameter, focus, values, index) -> bool:
    return all(not conforms(parameter, v, index) for v in values)


def _node(parameter, focus, values, index) -> bool:
    return all(conforms(parameter, v, index) for v in values)


def _qualified(parameter, focus, values, index) -> bool:
    shape, low, high = parameter
    count = sum(1 for v in set(values) if conforms(shape, v, index))
    return (low is None or count >= int(low)) and (high is None or count <= int(high))


_COUNTS = {_S["minCount"]: _at_least, _S["maxCount"]: _at_most}
_CHECKS = {
    _S["minCount"]: _min_count, _S["maxCount"]: _max_count, _S["datatype"]: _datatype, _S["class"]: _class,
    _S["nodeKind"]: _node_kind, _S["in"]: _in, _S["hasValue"]: _has_value, _S["pattern"]: _pattern,
    _S["minLength"]: partial(_length, False), _S["maxLength"]: partial(_length, True),
    _S["minInclusive"]: partial(_range, operator.ge), _S["maxInclusive"]: partial(_range, operator.le),
    _S["minExclusive"]: partial(_range, operator.gt), _S["maxExclusive"]: partial(_range, operator.lt),
    _S["lessThan"]: partial(_less_than, True), _S["lessThanOrEquals"]: partial(_less_than, False),
    _S["equals"]: _equals, _S["disjoint"]: _disjoint, _S["or"]: _or, _S["and"]: _and, _S["xone"]: _xone,
    _S["not"]: _not, _S["node"]: _node, _S["qualifiedValueShape"]: _qualified,
}


def screen(shapes: Shapes, triples) -> bool | None:
    """True: conforms; False: does not; None: undecided (ask pySHACL)."""
    try:
        index = _Index(triples)
        for shape in shapes.targeted:
            for node in index.focus(shape):
                if not conforms(shape, node, index):
                    return False
        return True
    except (_Unknown, ValueError, TypeError, re.error):
        return None
