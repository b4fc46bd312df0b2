"""Write docs/errors.md, the table of every error code, from `bilan.errors.CATALOGUE`.

Run `python tools/errors_table.py` after changing the catalogue; `--check` exits 1 when
the file on disk is out of date (tests/test_errors.py runs the same comparison).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bilan.errors import CATALOGUE

DOC = Path(__file__).resolve().parent.parent / "docs" / "errors.md"

_HEADER = """\
# Error codes

Generated from `bilan.errors.CATALOGUE` by `tools/errors_table.py`; do not edit by hand.
Every message bilan prints for a refused input, query, store or URL starts with its code,
`[Ennn]`. Exit codes of the command line: 0 ok, 1 bad input (some items failed; the others
are stored), 2 usage, 3 store, network or model unavailable, 4 internal error. The HTTP
API answers an error with the status shown, as `{"error": {"code", "message"}}`.

| code | exit | HTTP | class | message |
|---|---|---|---|---|
"""


def _cell(text: str) -> str:
    # A bar would end the Markdown cell.
    return text.replace("|", "\\|")


def render() -> str:
    """The whole of docs/errors.md."""
    rows = [
        f"| {e.code} | {e.exit_code} | {e.status} | {e.kind.__name__} | "
        f"{_cell(e.template)} |"
        for e in sorted(CATALOGUE.values(), key=lambda e: e.code)
    ]
    return _HEADER + "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not DOC.is_file() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is out of date: run python tools/errors_table.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
