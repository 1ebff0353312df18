"""What every command shares: the exit codes, `-` for standard input and
output, and the one place an error becomes a one-line message."""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from ..errors import TrialgraphError
from ..output import write_atomic

# Every exit code a command may return, and what it means; each command's
# --help lists only its own (cli/__init__.py COMMAND_EXIT_CODES).
EXIT_MEANINGS = {
    0: "success",
    1: "a graph file is unreadable or not a graph",
    2: "usage or configuration error, or an output cannot be written",
    3: "one or more input files were rejected (the rest was still built)",
    4: "the endpoint (or Dask scheduler) could not be reached, or refused or failed a request",
    5: "the query was stopped at its deadline or memory limit (narrow it, or raise --deadline/--memory)",
    130: "interrupted (Ctrl-C)",
}
# For the commands that validate, 0 and 1 also speak of the SHACL shapes.
VALIDATING_MEANINGS = {
    0: "success; the graph conforms to the SHACL shapes",
    1: "the graph does not conform (report printed), or a graph file is unreadable or not a graph",
}


def exit_codes(codes, *, validates: bool = True) -> str:
    """The epilogue of a --help: the given codes with their meaning."""
    meanings = {**EXIT_MEANINGS, **(VALIDATING_MEANINGS if validates else {})}
    lines = [f"  {code:<3} {meanings[code]}" for code in sorted(codes)]
    return "\b\nExit codes:\n" + "\n".join(lines)


EXIT_CODES = exit_codes(EXIT_MEANINGS)

verbose_option = click.option("-v", "--verbose", is_flag=True, help="show tracebacks")

STDIO = "-"
graph_path = click.Path(path_type=Path, allow_dash=True)
output_path = click.Path(path_type=Path, allow_dash=True, dir_okay=False)


def write_output(path: Path, data) -> None:
    """`data` (bytes, text, or an iterable of byte pieces) to standard output
    for `-`, else to the file, atomically: nothing is written if taking the
    pieces raises."""
    if isinstance(data, str):
        raw = data.encode("utf-8")
    elif isinstance(data, bytes):
        raw = data
    else:
        raw = data if str(path) != STDIO else b"".join(data)
    if str(path) == STDIO:
        stream = click.get_binary_stream("stdout")
        stream.write(raw)
        stream.flush()
        return
    write_atomic(path, raw)


def shown(path: Path) -> str:
    """An output as a message names it."""
    return "standard output" if str(path) == STDIO else str(path)


def fail(error: TrialgraphError, verbose: bool) -> None:
    if verbose:
        traceback.print_exc()
    click.echo(f"error: {error.one_line()}", err=True)
    sys.exit(error.exit_code)


def on_terminal() -> bool:
    return sys.stderr.isatty()


class TerminalProgress:
    """A progress bar on stderr when it is a terminal, silent otherwise: the
    long commands (build, validate, facts, viz) advance it step by step."""

    def __init__(self, total: int, label: str):
        self._bar = None
        if on_terminal() and total > 0:
            self._bar = click.progressbar(length=total, label=label, file=sys.stderr,
                                          item_show_func=lambda step: step)

    def __enter__(self):
        if self._bar is not None:
            self._bar.__enter__()
        return self.advance

    def advance(self, step: str | None = None) -> None:
        if self._bar is not None:
            self._bar.update(1, step)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
