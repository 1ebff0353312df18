"""The one exception tree of trialgraph.

    TrialgraphError                 exit 2 unless a subclass says otherwise
    ├── UsageError                  bad arguments or configuration      (exit 2)
    ├── InputError                  one input file rejected             (exit 3)
    │   ├── EmptyInputError         the file has no text
    │   ├── NotTextError            binary data behind a text name
    │   ├── DecodeError             no encoding reads it
    │   ├── DuplicateReleaseError   two inputs map to one release id
    │   └── InputTooLargeError      over the size cap
    ├── GraphError                  a graph file cannot be read          (exit 1)
    ├── RemoteError                 an endpoint failed or refused        (exit 4)
    └── OutputError                 an output cannot be written          (exit 2)

Each carries the file it concerns and a hint; the CLI turns it into one line
in one place (cli/common.py `fail`) and `-v` shows the traceback.
"""
from __future__ import annotations


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
        return f"{where}{self.message}{hint}".replace("\n", " ")


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


class GraphError(TrialgraphError):
    exit_code = 1


class RemoteError(TrialgraphError):
    exit_code = 4  # not 1: that is "does not conform"


class OutputError(TrialgraphError):
    exit_code = 2
