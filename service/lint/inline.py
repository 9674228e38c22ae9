"""Inline markup shared by the Markdown and HTML extractors, blanked in a fixed order.

Order matters: code spans first (a backtick hides everything in it), then comments, images,
link targets, autolinks and bare URLs, tags, entities, and last the emphasis and escape
characters. Each pass reads the text as blanked so far, so markup inside code is never
mistaken for markup, and link targets (a URL full of digits) never reach the number lexer.
"""

from __future__ import annotations

import html
import re

from service.lint.mask import Mask

_NOT_A_BLANK_LINE = r"(?:[^\n]|\n(?![ \t]*\r?\n))"
_CODE_SPAN = re.compile(rf"(?<!`)(?P<ticks>`+)(?!`){_NOT_A_BLANK_LINE}+?(?<!`)(?P=ticks)(?!`)")
COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_LINK_TARGET = re.compile(
    r"""
    \]\(\s*                                   # the end of the link text, then the target
    (?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)   # <url> or a url with balanced parentheses
    (?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?  # an optional title
    \s*\)
    """,
    re.VERBOSE,
)
_REFERENCE_LABEL = re.compile(r"\]\[[^\]\n]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+")
_RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Passes that do not hide each other's markup run as one alternation.
_COMMENTS_AND_RAW = re.compile(f"{COMMENT.pattern}|{_RAW_TEXT.pattern}", re.S | re.I)
_URLS = re.compile(f"{_AUTOLINK.pattern}|{_BARE_URL.pattern}")
_LINK_PARTS = re.compile(
    "|".join(
        f"(?:{pattern.pattern})" for pattern in (_IMAGE, _LINK_TARGET, _REFERENCE_LABEL, _FOOTNOTE)
    ),
    re.VERBOSE,
)
_MARKER_CHAR = re.compile(r"[*_~\[\]\\]")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

# Tags that end a block: their first character becomes a line break, a sentence boundary.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)


def blank_inline(mask: Mask, text: str, *, markdown: bool = True) -> list[tuple[int, int]]:
    """Blank inline markup in `mask`, reading `text` (the mask as it stands) between passes.

    Returns the spans of the HTML comments outside code: they may hold suppressions. Each pass
    runs only when its trigger characters occur: most drafts have few links and no code.
    """
    if markdown and "`" in text:
        text = _pass(mask, text, _CODE_SPAN)
    comments = [match.span() for match in COMMENT.finditer(text)] if "<!--" in text else []
    if "<" in text:
        text = _pass(mask, text, _COMMENTS_AND_RAW)
    if markdown and any(trigger in text for trigger in ("](", "][", "[^", "![")):
        text = _pass(mask, text, _LINK_PARTS)
    if "://" in text or "www." in text or "@" in text:
        text = _pass(mask, text, _URLS)
    if "<" in text:
        blank_tags(mask, text)
    if "&" in text:
        decode_entities(mask, str(mask))
    if markdown:
        _blank_markers(mask, str(mask))
    return comments


def _blank_markers(mask: Mask, text: str) -> None:
    """Emphasis, brackets and escapes: found by one character class, judged one by one (an
    intraword "_" is part of a word, a lone "~" is prose, a backslash escapes punctuation only)."""
    for match in _MARKER_CHAR.finditer(text):
        index, char = match.start(), match.group(0)
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char == "_" and before.isalnum() and after.isalnum():
            continue
        if char == "~" and "~" not in (before, after):
            continue
        if char == "\\" and not (after in _ESCAPABLE or after in "\r\n"):
            continue
        mask.put(index, " ")


def _pass(mask: Mask, text: str, pattern: re.Pattern[str]) -> str:
    found = False
    for match in pattern.finditer(text):
        mask.blank(match.start(), match.end())
        found = True
    return str(mask) if found else text


def blank_tags(mask: Mask, text: str) -> None:
    """Blank every tag; a block tag leaves a line break so blocks never run together."""
    for match in TAG.finditer(text):
        mask.blank(match.start(), match.end())
        if match.group("name").lower() in BLOCK_TAGS:
            mask.put(match.start(), "\n")


def decode_entities(mask: Mask, text: str) -> None:
    """`&#36;` becomes `    $`: the character sits at the end, next to the figure it precedes."""
    for match in _ENTITY.finditer(text):
        decoded = html.unescape(match.group(0))
        mask.blank(match.start(), match.end())
        if len(decoded) == 1 and not decoded.isspace():
            mask.put(match.end() - 1, decoded)
