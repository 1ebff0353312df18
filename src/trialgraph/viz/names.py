"""--drug / --company values as releases write them (a drug code, a brand,
an INN, a misspelling, a short company name) or as IRIs/CURIEs, resolved by
the query engine's resolver (trialgraph.queries.resolve), the same one the
saved queries' parameters use."""
from __future__ import annotations

from ..queries import resolve


def resolve_names(store, drugs: tuple[str, ...] = (), companies: tuple[str, ...] = ()) -> list[str]:
    """The IRIs the map is narrowed around, in the order given."""
    found = [str(resolve("drug", value, store)) for value in drugs]
    found += [str(resolve("company", value, store)) for value in companies]
    return found
