"""`trialgraph queries`: the catalogue of saved queries, read from their headers."""
from __future__ import annotations

import json

import click

from ..errors import TrialgraphError
from ..queries import catalogue
from .common import EXIT_CODES, fail, verbose_option


def describe(query) -> str:
    lines = [f"{query.name}: {query.title}", *_wrapped(query.description)]
    for param in query.params:
        need = "required" if param.required else "optional"
        lines.append(f"    --param {param.name}=  {param.type}, {need}: {param.doc}")
    lines.append("    columns: " + " ".join(query.columns))
    if query.example:
        lines.append(f"    example: {query.example}")
    return "\n".join(lines)


def _wrapped(text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=100, initial_indent="    ", subsequent_indent="    ") or ["    "]


@click.command("queries", epilog=EXIT_CODES)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@verbose_option
def command(fmt: str, verbose: bool) -> None:
    """List every saved query: what it is for, its parameters and columns, and
    one example command (it runs on the bundled examples built to out/examples.trig)."""
    try:
        queries = catalogue()
    except TrialgraphError as error:
        fail(error, verbose)
        return
    if fmt == "json":
        click.echo(json.dumps([{
            "name": q.name, "title": q.title, "description": q.description,
            "params": [{"name": p.name, "type": p.type, "required": p.required, "doc": p.doc} for p in q.params],
            "columns": list(q.columns), "example": q.example} for q in queries], indent=1, ensure_ascii=False))
        return
    click.echo("\n\n".join(describe(q) for q in queries))
