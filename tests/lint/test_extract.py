"""The checked text: same length and lines as the file, prose kept, markup and code blanked."""

from __future__ import annotations

import doctest
import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.lint.extract import checked_text, extract
from service.lint.offsets import squeeze
from service.lint.runner import lint_text

WRONG = "Exports rose 50 percent to $3 billion from $1 billion."

HIDDEN_IN_MARKDOWN = [
    pytest.param(f"```\n{WRONG}\n```\n", id="fenced-code"),
    pytest.param(f"~~~~md\n{WRONG}\n~~~~\n", id="tilde-fence"),
    pytest.param(f"Intro.\n\n    {WRONG}\n", id="indented-code"),
    pytest.param(f"See `{WRONG}` here.\n", id="inline-code"),
    pytest.param(f"---\ntitle: {WRONG}\n---\nBody.\n", id="yaml-front-matter"),
    pytest.param(f"+++\ntitle = '{WRONG}'\n+++\nBody.\n", id="toml-front-matter"),
    pytest.param(f"Text <!-- {WRONG} --> more.\n", id="html-comment"),
    pytest.param(f"<!--\n{WRONG}\n-->\n", id="multi-line-comment"),
    pytest.param(f"![{WRONG}](chart.png)\n", id="image-alt"),
    pytest.param(
        f"[^1]: {WRONG[:0]}\n[ref]: https://x.org/{WRONG.replace(' ', '-')}\n", id="ref-def"
    ),
]

CHECKED_IN_MARKDOWN = [
    pytest.param(f"# {WRONG[:-1]}\n", id="heading"),
    pytest.param(f"- {WRONG}\n", id="list-item"),
    pytest.param(f"1. {WRONG}\n", id="numbered-item"),
    pytest.param(f"> {WRONG}\n", id="block-quote"),
    pytest.param(f"| a | {WRONG} |\n|---|---|\n", id="table-cell"),
    pytest.param(
        "Exports rose **50 percent** to\n$3 billion from $1 billion.\n", id="wrapped-bold"
    ),
    pytest.param(
        "- Exports rose 50 percent to $3\n  billion from $1 billion.\n", id="item-continued"
    ),
    pytest.param(
        "Exports [rose 50 percent](https://x.org/a?b=2.5) to $3 billion from $1 billion.\n",
        id="link",
    ),
]


@pytest.mark.parametrize("draft", HIDDEN_IN_MARKDOWN)
def test_markdown_hides_code_front_matter_comments_and_link_targets(draft: str) -> None:
    """Nothing in code, front matter, comments, image text or link targets is checked."""
    assert lint_text(draft, "draft.md").report.findings == ()


@pytest.mark.parametrize("draft", CHECKED_IN_MARKDOWN)
def test_markdown_prose_is_checked_through_markup(draft: str) -> None:
    """Headings, list items, quotes, tables and wrapped, emphasised or linked prose are checked."""
    findings = lint_text(draft, "draft.md").report.findings
    assert [f.verdict.value for f in findings] == ["inconsistent"]


def test_finding_points_at_the_figure_in_the_original_file() -> None:
    """Line and column count the markup the writer typed, not the checked text."""
    draft = "# Title\n\n> Exports rose **50 percent** to\n> $3 billion from $1 billion.\n"
    result = lint_text(draft, "draft.md")
    (finding,) = result.report.findings
    assert result.report.line_column(finding.start) == (3, 18)
    assert draft[finding.start : finding.start + 2] == "50"
    figure_texts = [draft[use.quantity.start : use.quantity.end] for use in finding.figures]
    assert "$3 billion" in figure_texts and "$1 billion" in figure_texts


def test_the_same_text_as_plain_text_reads_markup_literally() -> None:
    draft = "```\nExports rose 50 percent to $3 billion from $1 billion.\n```\n"
    assert len(lint_text(draft, "draft.txt").report.findings) == 1


def test_html_checks_text_content_only() -> None:
    page = (
        "<html><head><title>x</title><script>var s = '" + WRONG + "';</script></head>\n"
        "<body><!-- " + WRONG + " -->\n"
        "<h1>Exports</h1><p>Exports rose <em>50 percent</em> to &#36;3 billion from $1 billion.</p>\n"
    )
    result = lint_text(page, "page.html")
    (finding,) = result.report.findings
    assert result.report.line_column(finding.start) == (3, 37)
    assert page[finding.start : finding.start + 10] == "50 percent"


def test_block_tags_separate_sentences() -> None:
    page = "<h1>Exports rose 50 percent</h1><p>to $3 billion from $1 billion.</p>"
    assert lint_text(page, "page.html").report.findings == ()


@pytest.mark.parametrize("kind", ["markdown", "html", "text"])
@given(
    text=st.text(
        alphabet=st.sampled_from(list("ab1.$%*_`#>-|[]()<!-/&;:\n \t\r~+=x")), max_size=200
    )
)
def test_checked_text_keeps_length_and_line_breaks(kind: str, text: str) -> None:
    """Invariant: every offset of the checked text is the same offset in the file; every
    original line break is kept or (a soft break) becomes a space, and none is moved."""
    checked = checked_text(text, kind)  # type: ignore[arg-type]
    assert len(checked) == len(text)
    for index, char in enumerate(text):
        if char == "\n":
            assert checked[index] in "\n "


@given(text=st.text(alphabet=st.sampled_from(list("ab1 \t\n")), max_size=120))
def test_squeeze_maps_every_kept_character_back(text: str) -> None:
    """Invariant: each character of the squeezed text sits at the mapped offset of the original."""
    squeezed, where = squeeze(text)
    for offset, char in enumerate(squeezed):
        original = where.start(offset)
        assert text[original] == char or (char == " " and text[original] in " \t")
        assert where.end(offset + 1) == original + 1


def test_comments_inside_code_are_not_reported_as_comments() -> None:
    draft = "`<!-- econcheck: off -->`\n<!-- econcheck: ignore -->\n"
    comments = extract(draft, "markdown").comments
    assert [draft[a:b] for a, b in comments] == ["<!-- econcheck: ignore -->"]


@pytest.mark.parametrize(
    "module",
    [
        "service.lint.markdown",
        "service.lint.html_text",
        "service.lint.extract",
        "service.lint.offsets",
        "service.lint.fixes",
        "service.lint.files",
        "service.lint.diff",
        "service.lint.present",
    ],
)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def test_windows_line_endings_keep_positions() -> None:
    draft = (
        "Title\r\n=====\r\n\r\nExports rose **50 percent** to\r\n$3 billion from $1 billion.\r\n"
    )
    result = lint_text(draft, "draft.md")
    (finding,) = result.report.findings
    assert result.report.line_column(finding.start) == (4, 16)
    assert checked_text(draft, "markdown").split("\n")[1].strip() == ""  # the setext underline


def test_setext_heading_and_html_block_stand_alone() -> None:
    draft = "Exports rose 50 percent\n---\n\n<div>\nto $3 billion from $1 billion.\n</div>\n"
    assert lint_text(draft, "draft.md").report.findings == ()
