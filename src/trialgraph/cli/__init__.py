"""The trialgraph command line: thin click commands over the library, one
module per command; errors become one line here, in `fail`."""
from __future__ import annotations

import click

from .. import __version__
from .common import EXIT_CODES
from . import build, export, facts, push, validate, queries, query, serve, viz, chart


@click.group(epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="trialgraph")
def main() -> None:
    """Turn clinical-development press releases into a validated RDF knowledge graph."""


for _module in (build, validate, facts, export, queries, query, push, serve, viz, chart):
    main.add_command(_module.command)
