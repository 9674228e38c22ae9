"""HTML to checked text: the text content in place, tags, comments, scripts and styles blanked.

A draft exported from a CMS is HTML. Only what a reader sees is checked; block tags leave a
line break behind so a heading and the paragraph under it are separate sentences, and entities
are decoded in place (`&#36;2.61bn` reads as `$2.61bn`, right-aligned next to its figure).
"""

from __future__ import annotations

from service.lint.inline import blank_inline
from service.lint.mask import Mask


def html_text(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The checked text of an HTML document (same length, same lines) and its comments.

    >>> html_text("<h1>Exports</h1><p>Up &#36;2m</p>")[0]
    '\\n   Exports\\n    \\n  Up     $2m\\n   '
    """
    mask = Mask(text)
    comments = blank_inline(mask, text, markdown=False)
    return str(mask), comments
