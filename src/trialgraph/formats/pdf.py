"""PDF release -> its text layer, parsed under a time and a memory bound.

The parser (pdfminer.six, in `formats.pdf_worker`) runs in a child process
with ``RLIMIT_AS`` (address space) and ``RLIMIT_CPU`` set and a wall-clock
timeout, so a decompression bomb, a reference loop or a parser bug costs at
most ``PDF_MEMORY_BYTES`` and ``PDF_SECONDS`` and never the build. Every
problem becomes one `InputError` naming the file:

* encrypted (a password is needed)  -> "encrypted PDF ..."
* scanned, no text layer            -> "PDF has no text layer (scanned?) ..."
* malformed                         -> "malformed PDF: ..."
* over the memory or time bound     -> "... over the limit ..."
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from ..errors import InputError

__all__ = ["PDF_MEMORY_BYTES", "PDF_SECONDS", "PdfError", "pdf_to_text"]

PDF_SECONDS = 30.0
PDF_MEMORY_BYTES = 1 << 30  # 1 GiB of address space: Python + pdfminer need ~100 MB


class PdfError(InputError):
    """A PDF that cannot be read: encrypted, scanned, malformed or over a bound."""


def _limits(memory: int, seconds: float):
    def apply() -> None:  # runs in the child between fork and exec
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


def pdf_to_text(data: bytes, *, source: str | None = None, seconds: float = PDF_SECONDS,
                memory: int = PDF_MEMORY_BYTES) -> tuple[str, tuple[str, ...]]:
    """(text, warnings) of a PDF's bytes; raises PdfError naming ``source``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"  # deterministic whatever the parent's seed
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "trialgraph.formats.pdf_worker"],
            input=data, capture_output=True, timeout=seconds, env=env,
            preexec_fn=_limits(memory, seconds), check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfError(f"PDF took over the limit of {seconds:g} s to read; skipped", path=source) from None
    except OSError as exc:
        raise PdfError(f"cannot start the PDF reader: {exc.strerror or exc}", path=source) from None
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        result = None
    if not isinstance(result, dict):
        if proc.returncode < 0 or b"MemoryError" in proc.stderr:
            raise PdfError(
                "PDF reading went over the memory or time limit (a decompression bomb?); skipped",
                path=source,
            )
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise PdfError(f"the PDF reader failed: {last[0][:200]}", path=source)
    if "error" in result:
        raise PdfError(str(result["error"]), path=source)
    return str(result["text"]), tuple(str(w) for w in result.get("warnings", ()))
