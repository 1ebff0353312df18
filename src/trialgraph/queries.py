"""Saved, parameterised SPARQL queries: the public API (docs/queries.md).

    catalogue() / load(name_or_path)     the queries in queries/*.rq
    check_user_query(text)               refuses SERVICE, FROM, LOAD, updates and \\u escapes
    bind(query, source, params)          raw strings -> checked RDF terms
    run(query, source, params, ...)      a Table, under a deadline
    with frozen(source): ...             queries on an unchanging source share one worker
    to_json / to_csv / to_tsv / to_text  the answer as text

The implementation lives in the `trialgraph.sparql` package.
"""
from __future__ import annotations

from .sparql.catalogue import PARAM_TYPES, Param, SavedQuery, catalogue, load
from .sparql.engines import ENGINES, engine_of
from .sparql.execute import QueryTimeout, QueryTooLarge, Table, execute, freeze, frozen, run, unfreeze
from .sparql.formats import to_csv, to_json, to_text, to_tsv
from .sparql.params import bind, resolve
from .sparql.safety import QueryRefused, check_user_query

__all__ = [
    "PARAM_TYPES", "Param", "SavedQuery", "catalogue", "load", "ENGINES", "engine_of",
    "QueryTimeout", "QueryTooLarge", "Table", "execute", "freeze", "frozen", "run", "unfreeze", "to_csv", "to_json", "to_text",
    "to_tsv", "bind", "resolve", "QueryRefused", "check_user_query",
]
