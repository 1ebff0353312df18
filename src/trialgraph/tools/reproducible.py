"""Generated package data that is byte-identical from one run to the next."""
from __future__ import annotations

import argparse
import gzip
import io
import sys
from pathlib import Path
from typing import Callable, Sequence


def gzip_bytes(data: bytes) -> bytes:
    """gzip with mtime=0 and no file name: the same data always gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(data)
    return buffer.getvalue()


def generator_main(argv: list[str] | None, doc: str, default_out: Path, build: Callable[[], Sequence],
                   render: Callable[[Sequence], bytes], summary: Callable[[Sequence], str]) -> int:
    """The command line the lexicon generators share: build, render, write to -o, say what was written."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=default_out)
    args = parser.parse_args(argv)
    items = build()
    args.output.write_bytes(render(items))
    print(f"{args.output}: {summary(items)}", file=sys.stderr)
    return 0
