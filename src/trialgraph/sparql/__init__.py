"""The saved-query engine: catalogue, parameter checking and binding, safety
checks, deadline-bounded execution on pyoxigraph or rdflib, result formats.
`trialgraph.queries` re-exports the public names."""
