"""The trialgraph command line: thin click commands over the library, one
module per command; errors become one line here, in `fail`."""
from __future__ import annotations

import importlib

import click

from .. import __version__
from .common import EXIT_CODES

# command name -> module: imported only when the command runs (or help lists
# them), so `build` does not pay for matplotlib and the viewer (~0.5 s).
COMMANDS = {name: name for name in ("build", "validate", "facts", "export", "queries", "query", "push", "serve",
                                    "viz", "chart")}


class _LazyGroup(click.Group):
    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name):
        module = COMMANDS.get(name)
        return importlib.import_module(f"{__name__}.{module}").command if module else None


@click.group(cls=_LazyGroup, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="trialgraph")
def main() -> None:
    """Turn clinical-development press releases into a validated RDF knowledge graph."""


def run() -> None:
    """The installed `trialgraph` script: one command, then the process ends."""
    from ..collector import process_ends_with_command

    process_ends_with_command()
    main()
