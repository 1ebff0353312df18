"""What a user's query may not do: reach outside the graph it is run on.

The query is parsed with rdflib's SPARQL grammar and the parse tree is
inspected, so `SERVICE` inside a string literal or a comment is not mistaken
for the keyword and a keyword split across whitespace is not missed.
Refused: SERVICE (a remote call), FROM / FROM NAMED (rdflib would fetch the
IRI from the web), and every update (INSERT, DELETE, LOAD, CLEAR, ...).

The check must read the text as the engine will, and the two grammars read
code-point escapes differently: rdflib expands every `\\u`/`\\U` in the
whole text before parsing (so `\\u0022` ends a string, and it takes eight
digits after `\\u` when there are eight), pyoxigraph expands them only
inside a string or an IRI (where `\\u0022` is a quote character, not the end
of the string). Issue 15 hid a SERVICE from the check that way. A query with
a backslash before `u` or `U` anywhere is therefore refused: without one,
both grammars read the same characters. Other differences between the
parsers are caught by the second wall: the query process has no network
(confine.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parserutils import CompValue

from ..errors import UsageError


class QueryRefused(UsageError):
    """The query asks for something trialgraph never does on a user's behalf."""


def check_user_query(text: str) -> None:
    """Raise QueryRefused (or UsageError for a syntax error) before anything runs."""
    projected_variables(text)


def projected_variables(text: str) -> frozenset[str] | None:
    """The variables a checked SELECT returns (None for SELECT *). A parameter
    must be one of them: that is how SPARQL substitutions (SEP-0007,
    pyoxigraph) bind a value everywhere in the query."""
    refused, message, projected = _analyse(text)
    if message is not None:
        raise (QueryRefused if refused else UsageError)(message)
    return projected


_CODE_POINT_ESCAPE = re.compile(r"\\[uU]")


@lru_cache(maxsize=256)
def _analyse(text: str) -> tuple[bool, str | None, frozenset[str] | None]:
    """(refused, problem, projected variables), from one parse of the text
    (rdflib's grammar costs ~0.1 s per kilobyte, so it runs once per text)."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if _CODE_POINT_ESCAPE.search(text):
        return True, ("refused: \\u and \\U escapes are not accepted (the checker and the engine read "
                      "them differently); write the character itself"), None
    try:
        tree = parseQuery(text)
    except ParseException as error:
        try:
            parseUpdate(text)
        except ParseException:
            return False, f"the query is not valid SPARQL: {str(error).splitlines()[0][:160]}", None
        return True, "refused: updates (INSERT, DELETE, LOAD, CLEAR, ...) are not allowed; queries are read-only", None
    except Exception as error:  # the grammar raises a few other types on odd input
        return False, f"the query is not valid SPARQL: {str(error).splitlines()[0][:160]}", None
    for name in _node_names(tree):
        if name == "ServiceGraphPattern":
            return True, "refused: SERVICE would call another endpoint; trialgraph queries never leave the graph", None
        if name == "DatasetClause":
            return True, "refused: FROM / FROM NAMED would load other graphs; use GRAPH patterns instead", None
    query = tree[1]
    if query.name != "SelectQuery":
        kind = query.name.replace("Query", "").upper()
        return False, f"only SELECT queries can be run here, not {kind}", None
    if "projection" not in query:  # SELECT *
        return False, None, None
    # CompValue.get returns the key itself when it is missing, so test membership
    return False, None, frozenset(str(item["evar"] if "evar" in item else item["var"])
                                  for item in query["projection"])


def _node_names(node):
    """Names of every grammar node in a parse tree, depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, CompValue):
            yield current.name
            stack.extend(current.values())
        elif isinstance(current, (ParseResults, list, tuple)):
            stack.extend(current)
        elif isinstance(current, dict):
            stack.extend(current.values())
