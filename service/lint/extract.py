"""Which extractor reads a file, and the checked text it produces.

The checked text has exactly the length and the line breaks of the file (apart from soft breaks
inside a Markdown paragraph, which become spaces), so a finding's offset, line and column in the
checked text are its offset, line and column in the file as written. The extractor also hands
back the HTML comments it saw outside code, because suppressions live in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from service.lint.html_text import html_text
from service.lint.inline import COMMENT
from service.lint.markdown import markdown_text
from service.lint.mask import Mask

Kind = Literal["markdown", "text", "html"]
KINDS: tuple[Kind, ...] = ("markdown", "text", "html")

_BY_SUFFIX: dict[str, Kind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


@dataclass(frozen=True, slots=True)
class Extracted:
    """The checked text and the (start, end) spans of the comments outside code."""

    checked: str
    comments: tuple[tuple[int, int], ...]


def kind_for_path(path: str) -> Kind:
    """Markdown or HTML by suffix; anything else (stdin too) is plain text.

    >>> kind_for_path("drafts/ict-exports.md"), kind_for_path("a.HTML"), kind_for_path("-")
    ('markdown', 'html', 'text')
    """
    return _BY_SUFFIX.get(PurePath(path).suffix.lower(), "text")


def extract(text: str, kind: Kind) -> Extracted:
    """The text the engine checks: same length, markup blanked, every offset unchanged."""
    if kind == "markdown":
        checked, comments = markdown_text(text)
    elif kind == "html":
        checked, comments = html_text(text)
    else:
        checked, comments = _plain_text(text)
    return Extracted(checked, tuple(comments))


def checked_text(text: str, kind: Kind) -> str:
    """Only the checked text.

    >>> checked_text("Up 5% <!-- econcheck: ignore -->", "text")
    'Up 5%                           '
    """
    return extract(text, kind).checked


def _plain_text(text: str) -> tuple[str, list[tuple[int, int]]]:
    # Plain text has no markup, but suppression comments are markup in every kind of file.
    if "<!--" not in text:
        return text, []
    mask = Mask(text)
    comments = [match.span() for match in COMMENT.finditer(text)]
    for start, end in comments:
        mask.blank(start, end)
    return str(mask), comments
