"""What a person calls the IRIs in an answer, for the table format: a trial
by its name, else by its phase and indication; anything else with a
preferred label (a drug, a company, an endpoint, a phase) by that label.
IRIs without one (a result, an evidence node) keep their CURIE.

The labels are read with a few fixed queries over the answer's IRIs, placed
in a VALUES block as escaped terms (remote.sparql_term), so they work on a
store, an rdflib dataset and a remote endpoint alike. Where a node has
several labels (one per release graph), the smallest is used, so the same
graph always prints the same table.
"""
from __future__ import annotations

from rdflib import URIRef

from ..errors import UsageError
from .engines import select

_PROLOGUE = ("PREFIX tg: <https://w3id.org/trialgraph/ontology#>\n"
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
_LOOKUPS = {
    "label": "SELECT DISTINCT ?x ?v WHERE { VALUES ?x { %s } GRAPH ?g { ?x skos:prefLabel ?v } }",
    "name": "SELECT DISTINCT ?x ?v WHERE { VALUES ?x { %s } GRAPH ?g { ?x a tg:ClinicalTrial ; tg:trialName ?v } }",
    "phase": ("SELECT DISTINCT ?x ?v WHERE { VALUES ?x { %s } GRAPH ?g { ?x a tg:ClinicalTrial ; tg:phase ?p } "
              "GRAPH ?o { ?p skos:prefLabel ?v } }"),
    "indication": ("SELECT DISTINCT ?x ?v WHERE { VALUES ?x { %s } "
                   "GRAPH ?g { ?x a tg:ClinicalTrial ; tg:indicationText ?v } }"),
}
_CHUNK = 500  # IRIs per VALUES block


def labels(source, table) -> dict[URIRef, str]:
    """IRI -> the label a person reads, for the IRIs of `table` that have one."""
    from ..remote import sparql_term

    iris = sorted({cell for row in table.rows for cell in row if isinstance(cell, URIRef)})
    found: dict[str, dict[URIRef, str]] = {kind: {} for kind in _LOOKUPS}
    for start in range(0, len(iris), _CHUNK):
        terms = []
        for iri in iris[start:start + _CHUNK]:
            try:
                terms.append(sparql_term(iri))
            except UsageError:  # an IRI that cannot be written as a term keeps its CURIE
                continue
        if not terms:
            continue
        for kind, lookup in _LOOKUPS.items():
            _, rows = select(source, _PROLOGUE + lookup % " ".join(terms), {})
            for iri, value in rows:
                text = " ".join(str(value).split())
                if text and (iri not in found[kind] or text < found[kind][iri]):
                    found[kind][iri] = text
    out: dict[URIRef, str] = {}
    for iri in iris:
        if iri in found["name"]:
            out[iri] = found["name"][iri]
        elif iri in found["phase"] or iri in found["indication"]:
            out[iri] = ", ".join(part for part in (found["phase"].get(iri), found["indication"].get(iri)) if part)
        elif iri in found["label"]:
            out[iri] = found["label"][iri]
    return out
