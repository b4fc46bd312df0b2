"""Untrusted text (report text, sources, file names, ids) made safe for the terminal and
for machine output.

Such text must never be read as rich markup (`[/x]` raises, `[blink]` styles) nor
reach the terminal with control characters (escape sequences clear the screen,
set the window title, hide text). Every table cell and message goes through here, and
so does every JSON document and CSV cell the commands and the HTTP API write.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

# C0 controls but tab, newline and carriage return; DEL, C1 controls, and the bidirectional
# overrides that reorder what is displayed.
_C0 = r"\x00-\x08\x0b\x0c\x0e-\x1f"
_OTHERS = r"\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(rf"[{_C0}\r{_OTHERS}]")
# A carriage return is legal in a CSV cell (the writer quotes it).
_UNSAFE_IN_CSV = re.compile(rf"[{_C0}{_OTHERS}]")
# What `json.dumps` writes raw of these (it escapes C0 controls itself), and the line and
# paragraph separators, which end a line for readers such as `str.splitlines`.
_RAW_IN_JSON = re.compile(rf"[{_OTHERS}\u2028\u2029]")
# Tables are laid out for this many columns at most, whatever the terminal's width.
TABLE_WIDTH = 100


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def plain(value: Any) -> str:
    """`value` as text with every control character shown as a visible escape."""
    return _UNSAFE.sub(_visible, str(value))


def csv_cell(value: Any) -> Any:
    """A CSV cell: text with its control characters but tab, newline and carriage return
    shown as visible escapes (`\\x1b`), as in tables; other values as they are."""
    return _UNSAFE_IN_CSV.sub(_visible, value) if isinstance(value, str) else value


def json_text(value: Any, indent: int | None = None, *, compact: bool = False) -> str:
    """`value` as JSON (UTF-8 text, not ASCII) with no control or line-separator character
    raw: each is a `\\u` escape, so the JSON reads back the same. `compact`: no space
    after `,` and `:` (the HTTP API's answers)."""
    separators = (",", ":") if compact else None
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}",
                            json.dumps(value, ensure_ascii=False, indent=indent,
                                       separators=separators))


def safe(value: Any) -> Text:
    """`value` as a rich Text: never parsed as markup, control characters shown escaped."""
    return value if isinstance(value, Text) else Text(plain(value))


def add_row(table: Table, *cells: Any) -> None:
    """A table row of untrusted cells."""
    table.add_row(*(safe(cell) for cell in cells))


def styled(style: str, label: str, message: Any) -> Text:
    """`label` in `style`, then the untrusted `message`."""
    return Text.assemble((label, style), safe(message))


def print_table(out: Console, table: Table) -> None:
    """A table as wide as the terminal, but never wider than TABLE_WIDTH columns."""
    out.print(table, width=min(out.width, TABLE_WIDTH))
