"""Generated package data that is byte-identical from one run to the next."""
from __future__ import annotations

import gzip
import io


def gzip_bytes(data: bytes) -> bytes:
    """gzip with mtime=0 and no file name: the same data always gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(data)
    return buffer.getvalue()
