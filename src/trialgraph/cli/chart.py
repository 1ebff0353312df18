"""`trialgraph chart`: charts of one drug across releases, as SVG or PNG."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError, UsageError
from .common import EXIT_CODES, fail, verbose_option


@click.command("chart", epilog=EXIT_CODES)
@click.argument("kind", type=click.Choice(["dose-response", "timeline"]))
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--drug", required=True, metavar="NAME", help="the drug: any name a release uses, or an IRI")
@click.option("--endpoint", metavar="CODE", help="the endpoint, e.g. mOS, ORR, PFS (timeline: required; dose-response: that endpoint alone)")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="f.svg or f.png")
@click.option("-q", "--quiet", is_flag=True, help="no summary line")
@verbose_option
def command(kind: str, graph: Path, drug: str, endpoint: str | None, output: Path, quiet: bool,
            verbose: bool) -> None:
    """Chart KIND for one drug of GRAPH.

    \b
    dose-response  each cohort's dose against each response endpoint with two or more doses
                   (latest value per cohort), or against --endpoint alone
    timeline       one endpoint per cohort over the releases' as-of dates (needs --endpoint)"""
    try:
        from ..charts import chart_for

        fmt = output.suffix.lower().lstrip(".")
        if fmt not in ("svg", "png"):
            raise UsageError(f"cannot tell the chart format from {output.name!r}", path=str(output),
                             hint="end the file name in .svg or .png")
        if kind == "timeline" and not endpoint:
            raise UsageError("the timeline chart needs --endpoint", hint="e.g. --endpoint mOS")
        chart = chart_for(kind, graph, drug, endpoint, output, fmt)
    except TrialgraphError as error:
        fail(error, verbose)
        return
    if not quiet:
        from ..charts import describe

        click.echo(f"wrote {output} ({describe(chart)})", err=True)
