"""The one exception tree of trialgraph.

    TrialgraphError                 exit 2 unless a subclass says otherwise
    ├── UsageError                  bad arguments or configuration      (exit 2)
    ├── InputError                  one input file rejected             (exit 3)
    │   ├── EmptyInputError         the file has no text
    │   ├── NotTextError            binary data behind a text name
    │   ├── DecodeError             no encoding reads it
    │   ├── DuplicateReleaseError   two inputs map to one release id
    │   ├── InputTooLargeError      over the size cap
    │   └── NoReleaseError          the inputs hold no release to build: nothing is written
    ├── GraphError                  a graph file cannot be read          (exit 1)
    ├── RemoteError                 an endpoint failed or refused        (exit 4)
    ├── QueryStopped                a query stopped at a limit (sparql/execute.py) (exit 5)
    └── OutputError                 an output cannot be written          (exit 2)

Each carries the file it concerns and a hint; the CLI turns it into one line
in one place (cli/common.py `fail`) and `-v` shows the traceback.
"""
from __future__ import annotations

import re

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with control characters (C0, DEL, C1) written as escapes, so a
    file name holding ESC sequences cannot drive the terminal it is printed
    on (`\x1b]0;TITLE\x07` would set its title) and a message stays one line."""
    return _UNPRINTABLE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)



class TrialgraphError(Exception):
    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def one_line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return printable(f"{where}{self.message}{hint}")


class UsageError(TrialgraphError):
    exit_code = 2


class InputError(TrialgraphError):
    exit_code = 3


class EmptyInputError(InputError):
    pass


class NotTextError(InputError):
    pass


class DecodeError(InputError):
    pass


class DuplicateReleaseError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class NoReleaseError(InputError):
    """Nothing to build: an empty folder, or every input rejected. A build
    that went on would replace a graph with an empty one."""

    def __init__(self, message: str, *, rejected: list[InputError] | None = None, warnings: list[str] | None = None,
                 **kwargs):
        super().__init__(message, **kwargs)
        self.rejected = list(rejected or [])
        self.warnings = list(warnings or [])  # inputs skipped on the way ("file: why")


class GraphError(TrialgraphError):
    exit_code = 1


class RemoteError(TrialgraphError):
    exit_code = 4  # not 1: that is "does not conform"


class OutputError(TrialgraphError):
    exit_code = 2
