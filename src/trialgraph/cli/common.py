"""What every command shares: the exit-code table and the one place an error
becomes a one-line message."""
from __future__ import annotations

import sys
import traceback

import click

from ..errors import TrialgraphError

EXIT_CODES = """\b
Exit codes:
  0  success; the graph conforms to the SHACL shapes
  1  the graph does not conform (report printed), or a graph file is unreadable
  2  usage or configuration error
  3  one or more input files were rejected (the rest was still built)"""

verbose_option = click.option("-v", "--verbose", is_flag=True, help="show tracebacks")


def fail(error: TrialgraphError, verbose: bool) -> None:
    if verbose:
        traceback.print_exc()
    click.echo(f"error: {error.one_line()}", err=True)
    sys.exit(error.exit_code)
