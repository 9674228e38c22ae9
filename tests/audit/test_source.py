"""The audit reads a CSV as `csv.reader` does, though most lines are split without it."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from service.audit.source import SURROGATE, CsvSource, _no_surrogate, _split

DELIMITERS = [",", ";", "\t", "|"]
# the characters that decide how a line is read (quotes often), among ordinary ones
line_text = st.lists(st.sampled_from(list('ab ,;\t|"""\x00é€')), max_size=16).map("".join)
file_text = st.lists(st.sampled_from(list('ab ,;|""\r\né')), max_size=60).map("".join)


@settings(max_examples=2000)
@given(line=line_text, delimiter=st.sampled_from(DELIMITERS))
def test_a_line_split_without_the_reader_has_the_readers_fields(line, delimiter):
    fields = _split(line, delimiter)
    if fields is not None and line:
        assert fields == next(csv.reader([line], delimiter=delimiter))


def test_common_lines_are_split_without_the_reader():
    assert _split("1,plain text", ",") == ["1", "plain text"]
    assert _split('1,"Sales rose 5%, to $2bn",""', ",") == ["1", "Sales rose 5%, to $2bn", ""]
    assert _split('"a";;"b;c";', ";") == ["a", "", "b;c", ""]


# lone surrogates (what surrogateescape makes of bad bytes) included
@given(st.text(st.characters(max_codepoint=0xE000, exclude_categories=()), max_size=12))
def test_a_line_has_no_surrogate_when_the_pattern_finds_none(line):
    assert _no_surrogate(line) == (SURROGATE.search(line) is None)


def reference(text: str, delimiter: str) -> list[tuple[list[str], int]]:
    """The rows `csv.reader` reads after the header, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    while True:
        start = reader.line_num + 1
        row = next(reader, None)
        if row is None:
            return rows[1:]
        if row:
            rows.append((row, start))


@settings(max_examples=500)
@given(header=st.integers(1, 3), body=file_text, delimiter=st.sampled_from(DELIMITERS))
def test_records_are_the_rows_the_reader_reads(header, body, delimiter):
    text = delimiter.join(f"h{n}" for n in range(header)) + "\r\n" + body
    source = CsvSource(io.BytesIO(text.encode()), "utf-8", delimiter, 1000)
    records = list(source)
    expected = reference(text, delimiter)
    assert [record.line for record in records] == [line for _, line in expected]
    for record, (row, _) in zip(records, expected, strict=True):
        assert record.fields == (row + [""] * header)[:header]
        assert (record.error is None) == (len(row) == header)
