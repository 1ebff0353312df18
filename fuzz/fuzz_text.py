"""atheris target: arbitrary bytes read as a text release (see targets.py).

Run through fuzz/run.py, which seeds it from ../shared/corpus."""
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["trialgraph"]):
    from targets import check_text


def main() -> None:
    atheris.Setup(sys.argv, check_text)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
