"""The trialgraph command line: thin click commands over the library, one
module per command; errors become one line here, in `fail`."""
from __future__ import annotations

import difflib
import importlib

import click

from .. import __version__
from .common import exit_codes

# command name -> the exit codes it can return (its --help lists them). The
# modules are imported only when the command runs (or help lists them), so
# `build` does not pay for matplotlib and the viewer (~0.5 s).
COMMAND_EXIT_CODES = {
    "build": (0, 1, 2, 3, 4, 130),
    "validate": (0, 1, 2, 130),
    "facts": (0, 1, 2, 130),
    "export": (0, 1, 2, 130),
    "queries": (0, 2, 130),
    "query": (0, 1, 2, 4, 5, 130),
    "push": (0, 1, 2, 4, 130),
    "serve": (0, 1, 2, 130),
    "viz": (0, 1, 2, 130),
    "chart": (0, 1, 2, 130),
}
VALIDATING = {"build", "validate"}
COMMANDS = {name: name for name in COMMAND_EXIT_CODES}
INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class _LazyGroup(click.Group):
    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name):
        module = COMMANDS.get(name)
        if module is None:
            return None
        command = importlib.import_module(f"{__name__}.{module}").command
        command.epilog = exit_codes(COMMAND_EXIT_CODES[name], validates=name in VALIDATING)
        return command

    def resolve_command(self, ctx, args):
        name = args[0]
        if name not in COMMANDS and not name.startswith("-"):
            close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; the commands are {', '.join(COMMANDS)}"
            ctx.fail(f"no such command {name!r}{hint}")
        return super().resolve_command(ctx, args)

    def invoke(self, ctx):
        # click would turn Ctrl-C into "Aborted!" and exit 1, the code for
        # "does not conform"; shells and scripts expect 128 + SIGINT.
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, click.exceptions.Abort):
            click.echo("\ninterrupted", err=True)
            ctx.exit(INTERRUPTED)


@click.group(cls=_LazyGroup, epilog=exit_codes({code for codes in COMMAND_EXIT_CODES.values() for code in codes}),
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="trialgraph")
def main() -> None:
    """Turn clinical-development press releases into a validated RDF knowledge graph."""


def run() -> None:
    """The installed `trialgraph` script: one command, then the process ends."""
    from ..collector import process_ends_with_command

    process_ends_with_command()
    main()
