"""Untrusted text (report text, sources, file names, ids) made safe for the terminal.

Such text must never be read as rich markup (`[/x]` raises, `[blink]` styles) nor
reach the terminal with control characters (escape sequences clear the screen,
set the window title, hide text). Every table cell and message goes through here.
"""

from __future__ import annotations

import re
from typing import Any

from rich.table import Table
from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides
# that reorder what is displayed.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(value: Any) -> str:
    """`value` as text with every control character shown as a visible escape."""
    return _UNSAFE.sub(lambda match: f"\\x{ord(match.group()):02x}"
                       if ord(match.group()) < 0x100 else f"\\u{ord(match.group()):04x}",
                       str(value))


def safe(value: Any) -> Text:
    """`value` as a rich Text: never parsed as markup, control characters shown escaped."""
    return value if isinstance(value, Text) else Text(plain(value))


def add_row(table: Table, *cells: Any) -> None:
    """A table row of untrusted cells."""
    table.add_row(*(safe(cell) for cell in cells))


def styled(style: str, label: str, message: Any) -> Text:
    """`label` in `style`, then the untrusted `message`."""
    return Text.assemble((label, style), safe(message))
