"""`trialgraph chart`: charts of one drug across releases, as SVG or PNG."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TrialgraphError, UsageError
from .common import EXIT_CODES, fail, verbose_option


@click.command("chart", epilog=EXIT_CODES)
@click.argument("kind", type=click.Choice(["dose-response", "timeline"]))
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--drug", metavar="NAME", help="the drug: any name a release uses, or an IRI")
@click.option("--company", metavar="NAME", help="timeline only: every drug of this company, one swim lane each")
@click.option("--endpoint", metavar="CODE", help="the endpoint, e.g. mOS, ORR, PFS (timeline: required; dose-response: that endpoint alone)")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="f.svg, f.png (or f.pdf)")
@click.option("-q", "--quiet", is_flag=True, help="no summary line")
@verbose_option
def command(kind: str, graph: Path, drug: str | None, company: str | None, endpoint: str | None, output: Path,
            quiet: bool, verbose: bool) -> None:
    """Chart KIND for one drug (or, for the timeline, one company) of GRAPH.

    \b
    dose-response  each cohort's dose against each response endpoint with two or more doses
                   (latest value per cohort), or against --endpoint alone
    timeline       one endpoint per cohort over the releases' as-of dates (--drug and --endpoint),
                   or with --company one swim lane per drug: designations, trial starts and
                   milestones, results as reported, each mark linked to its release"""
    try:
        from ..charts import chart_for

        fmt = output.suffix.lower().lstrip(".")
        formats = ("svg", "png", "pdf") if company else ("svg", "png")
        if fmt not in formats:
            raise UsageError(f"cannot tell the chart format from {output.name!r}", path=str(output),
                             hint="end the file name in " + ", ".join("." + f for f in formats))
        if company:
            if kind != "timeline" or drug or endpoint:
                raise UsageError("--company draws the timeline alone", hint="drop --drug and --endpoint")
            from ..charts import company_timeline_for
            from ..viz.lanes import describe_lanes

            summary = describe_lanes(company_timeline_for(graph, company, output, fmt))
        else:
            if not drug:
                raise UsageError("the chart needs --drug (or, for the timeline, --company)")
            if kind == "timeline" and not endpoint:
                raise UsageError("the timeline chart needs --endpoint", hint="e.g. --endpoint mOS, or --company X")
            from ..charts import describe

            summary = describe(chart_for(kind, graph, drug, endpoint, output, fmt))
    except TrialgraphError as error:
        fail(error, verbose)
        return
    if not quiet:
        click.echo(f"wrote {output} ({summary})", err=True)
