"""The audit's row writer gives the bytes `csv.writer` would, for any fields and results."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from service.audit.sink import RowFormatter, utf8
from service.audit.source import Record

# the characters that decide quoting, among ordinary ones
cells = st.text(alphabet=st.sampled_from(list("ab ,;\t|\"\r\n=+-@'é€{}[]:")), max_size=12)
# the findings JSON arrives as the UTF-8 bytes orjson wrote
results = st.tuples(cells, st.integers(0, 9), cells.map(str.encode), cells)


def reference(delimiter: str, sanitize: bool, fields: list[str], result: tuple) -> bytes:
    def neutral(cell: str) -> str:
        return "'" + cell if cell.startswith(("=", "+", "-", "@", "\t", "\r")) else cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    verdict, claims, findings, error = result
    shown = [neutral(f) for f in fields] if sanitize else fields
    writer.writerow([*shown, verdict, claims, neutral(findings.decode()), neutral(error)])
    return buffer.getvalue().encode("utf-8")


@given(
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    sanitize=st.booleans(),
    rows=st.lists(st.tuples(st.lists(cells, max_size=4), results), max_size=5),
)
def test_rows_are_what_csv_writer_writes(delimiter, sanitize, rows):
    formatter = RowFormatter(delimiter, sanitize)
    records = [Record(list(fields), line) for line, (fields, _) in enumerate(rows, 2)]
    written = formatter.rows(records, [result for _, result in rows])
    assert written == b"".join(reference(delimiter, sanitize, f, r) for f, r in rows)


def test_a_lone_empty_input_field_is_not_quoted():
    formatter = RowFormatter(",", False)
    written = formatter.rows([Record([""], 2)], [("no_claims", 0, b"[]", "")])
    assert written == b",no_claims,0,[],\r\n"


def test_the_header_is_what_csv_writer_writes():
    formatter = RowFormatter(";", False)
    assert formatter.header(["id", "a;b", 'say "x"']) == b'id;"a;b";"say ""x"""\r\n'


def test_findings_json_is_quoted_with_doubled_quotes():
    formatter = RowFormatter(",", False)
    written = formatter.rows([Record(["1", "x"], 2)], [("consistent", 1, b'[{"a":"b,c"}]', "")])
    assert written == b'1,x,consistent,1,"[{""a"":""b,c""}]",\r\n'


def test_utf8_writes_a_lone_surrogate_as_the_replacement_character() -> None:
    assert utf8("caf\udce9 \ud800!") == "caf\ufffd \ufffd!".encode()
    assert utf8("plain €") == "plain €".encode()
