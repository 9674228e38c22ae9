"""Markdown to checked text: prose kept in place, everything else blanked.

A line scanner (no Markdown library: we need offsets, not a tree) classifies each line after
stripping its container markers (block quotes, list bullets), blanks code, front matter, rules
and reference definitions, and removes the markup that would confuse the number lexer: heading
hashes, list numbers ("1." is not a figure), emphasis, link targets, images, inline code, HTML
comments and tags. Table cells are separated by line breaks so a row is never read as a
sentence, and the soft line breaks inside a paragraph become spaces so a hard-wrapped sentence is
still one sentence. Every change is one character for one character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from service.lint.inline import blank_inline
from service.lint.mask import Mask


class Line(Enum):
    BLANK = "blank"
    CODE = "code"  # fenced or indented code, front matter: never checked
    RULE = "rule"  # thematic breaks, setext underlines, table delimiters, reference definitions
    HEADING = "heading"
    TABLE = "table"
    DELIMITER = "delimiter"  # the |---|---| row under a table header
    ITEM = "item"  # the first line of a list item
    TEXT = "text"


_CONTAINER = re.compile(
    r"""
    (?P<quote>(?:[ ]{0,3}>[ ]?)*)                     # block-quote markers, nested
    (?P<item>[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)  # a list bullet or number
        (?:\[[ xX]\][ \t]+)?)?                        # a task-list box
    """,
    re.VERBOSE,
)
_FENCE = re.compile(r"[ ]{0,3}(?P<fence>`{3,}|~{3,})")
_HEADING = re.compile(r"[ ]{0,3}(?P<hashes>#{1,6})(?:[ \t]|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*\r?$")
_THEMATIC = re.compile(r"[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$")
_SETEXT = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*\r?$")
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")
_REFERENCE = re.compile(r"[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S")
_YAML_END = re.compile(r"(?m)^(?:---|\.\.\.)[ \t]*$")
_PIPE = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # offset of the line in the text
    end: int  # offset of its line break (or the end of the text)
    content: int  # offset where the content starts, after container markers
    item: bool  # the line starts a list item


def markdown_text(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The checked text of a Markdown document (same length, same lines) and its comments.

    >>> markdown_text("## Exports *rose* 5% to [$2m](http://x.org/1.5)")[0]
    '   Exports  rose  5% to  $2m                   '
    """
    mask = Mask(text)
    lines = _lines(text)
    kinds = _classify(text, lines)
    for span, kind in zip(lines, kinds, strict=True):
        _blank_block(mask, text, span, kind)
    comments = blank_inline(mask, str(mask))
    _join_soft_breaks(mask, text, lines, kinds)
    return str(mask), comments


def _lines(text: str) -> list[_Span]:
    spans = []
    start = 0
    for line in text.split("\n"):
        container = _CONTAINER.match(line)
        content = container.end() if container else 0
        item = bool(container and container.group("item"))
        spans.append(_Span(start, start + len(line), start + content, item))
        start += len(line) + 1
    return spans


def _front_matter_end(text: str) -> int:
    """The offset after a leading YAML (---) or TOML (+++) front-matter block, or 0."""
    first = text.split("\n", 1)[0].rstrip()
    if first not in ("---", "+++"):
        return 0
    closing = re.compile(r"(?m)^\+\+\+[ \t]*$") if first == "+++" else _YAML_END
    match = closing.search(text, len(first) + 1)
    return match.end() if match else 0


def _classify(text: str, lines: list[_Span]) -> list[Line]:
    kinds: list[Line] = []
    front_end = _front_matter_end(text)
    fence: str | None = None
    in_list = False
    for index, span in enumerate(lines):
        content = text[span.content : span.end]
        kind, fence = _classify_line(text, lines, index, content, fence, in_list, kinds)
        if span.start < front_end:
            kind = Line.CODE
        if kind is Line.ITEM:
            in_list = True
        elif kind is not Line.BLANK and span.content == span.start and not content[:1].isspace():
            in_list = in_list and bool(kinds) and kinds[-1] is not Line.BLANK
        kinds.append(kind)
    return kinds


def _classify_line(
    text: str,
    lines: list[_Span],
    index: int,
    content: str,
    fence: str | None,
    in_list: bool,
    previous: list[Line],
) -> tuple[Line, str | None]:
    """The kind of one line and the fence still open after it."""
    span = lines[index]
    stripped = content.strip()
    if fence is not None:
        closes = stripped.startswith(fence) and set(stripped) == {fence[0]}
        return Line.CODE, None if closes else fence
    opening = _FENCE.match(content)
    if opening:
        return Line.CODE, opening.group("fence")
    if not stripped:
        return Line.BLANK, None
    last = previous[-1] if previous else Line.BLANK
    is_item = span.item
    if not is_item and not in_list and last is Line.BLANK and content.startswith(("    ", "\t")):
        return Line.CODE, None
    return _classify_prose(text, lines, index, content, is_item, last), None


def _classify_prose(
    text: str, lines: list[_Span], index: int, content: str, is_item: bool, last: Line
) -> Line:
    if _HEADING.match(content):
        return Line.HEADING
    line = text[lines[index].start : lines[index].end].lstrip(" >")
    if _is_delimiter_row(content):
        return Line.DELIMITER
    if _THEMATIC.match(line) or _REFERENCE.match(content):
        return Line.RULE
    if _SETEXT.match(content) and last in (Line.TEXT, Line.ITEM):
        return Line.RULE
    in_table = last in (Line.TABLE, Line.DELIMITER)
    if "|" in content and (in_table or _next_is_delimiter(text, lines, index)):
        return Line.TABLE
    return Line.ITEM if is_item else Line.TEXT


def _is_delimiter_row(content: str) -> bool:
    if "|" not in content or "-" not in content:
        return False
    cells = content.strip().strip("|").split("|")
    return all(_DELIMITER_CELL.fullmatch(cell) for cell in cells)


def _next_is_delimiter(text: str, lines: list[_Span], index: int) -> bool:
    if index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    return _is_delimiter_row(text[following.content : following.end])


def _blank_block(mask: Mask, text: str, span: _Span, kind: Line) -> None:
    if kind in (Line.CODE, Line.RULE, Line.DELIMITER):
        mask.blank(span.start, span.end)
        return
    mask.blank(span.start, span.content)  # container markers: ">", "-", "1.", "[x]"
    if kind is Line.HEADING:
        hashes = _HEADING.match(text, span.content, span.end)
        if hashes:
            mask.blank(hashes.start("hashes"), hashes.end("hashes"))
        closing = _CLOSING_HASHES.search(text, span.content, span.end)
        if closing:
            mask.blank(closing.start(), closing.end())
    elif kind is Line.TABLE:
        # A cell boundary is a sentence boundary: cells never form one claim.
        for pipe in _PIPE.finditer(text, span.content, span.end):
            mask.put(pipe.start(), "\n")


def _join_soft_breaks(mask: Mask, text: str, lines: list[_Span], kinds: list[Line]) -> None:
    """A paragraph wrapped over several lines is one run of prose for the sentence splitter."""
    for index in range(len(lines) - 1):
        if kinds[index] in (Line.TEXT, Line.ITEM) and kinds[index + 1] is Line.TEXT:
            newline = lines[index].end
            mask.put(newline, " ")
            if newline > 0 and text[newline - 1] == "\r":
                mask.put(newline - 1, " ")
