"""Encodings, delimiters, gzip, stdin/stdout and CSV injection: the bytes in and the bytes out."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from service.audit import neutralise
from service.audit.sink import FORMULA_STARTS
from tests.audit.conftest import audit, csv_bytes, news_rows, read_csv, run_cli

HOSTILE = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://e.x","y")']


def _audit_bytes(tmp_path: Path, data: bytes, *argv: str, name: str = "in.csv") -> bytes:
    source, out = tmp_path / name, tmp_path / "out.csv"
    source.write_bytes(data)
    assert audit(str(source), "-o", str(out), "-q", "-j", "1", *argv) in (0, 1)
    return out.read_bytes()


@pytest.mark.parametrize("cell", HOSTILE)
def test_neutralise_prefixes_every_formula_start(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


def test_input_columns_pass_through_unless_sanitize_input(tmp_path: Path) -> None:
    """Input cells are the user's data; `--sanitize-input` neutralises them too."""
    data = csv_bytes([["id", "text"], *[[cell, cell] for cell in HOSTILE]])
    plain = _audit_bytes(tmp_path, data)
    rows = read_csv(tmp_path / "out.csv")[1:]
    assert [row[:2] for row in rows] == [[cell, cell] for cell in HOSTILE]
    _audit_bytes(tmp_path, data, "--sanitize-input")
    rows = read_csv(tmp_path / "out.csv")[1:]
    assert [row[:2] for row in rows] == [["'" + cell] * 2 for cell in HOSTILE]
    assert plain != (tmp_path / "out.csv").read_bytes()


def test_cells_the_tool_writes_never_start_a_formula(tmp_path: Path, sentences: list[str]) -> None:
    """Verdict, claims, findings and error cells are inert whatever the input was."""
    lines = csv_bytes(news_rows(sentences, 30) + [[c, c] for c in HOSTILE]) + b"=bad,row,x\r\n"
    _audit_bytes(tmp_path, lines)
    for row in read_csv(tmp_path / "out.csv")[1:]:
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row[2:]), row


def test_utf8_with_and_without_bom_give_the_same_output(
    tmp_path: Path, sentences: list[str]
) -> None:
    data = csv_bytes(news_rows(sentences, 20))
    assert _audit_bytes(tmp_path, b"\xef\xbb\xbf" + data) == _audit_bytes(tmp_path, data)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_other_encodings_are_read_with_encoding_and_written_as_utf8(
    tmp_path: Path, encoding: str
) -> None:
    rows = [["id", "text"], ["1", "Les exportations de café ont augmenté de 5 % à 105 francs."]]
    out = _audit_bytes(tmp_path, csv_bytes(rows, encoding=encoding), "--encoding", encoding)
    assert out.decode("utf-8").splitlines()[1].startswith("1,Les exportations de café")


def test_latin1_read_as_utf8_spoils_only_its_rows(tmp_path: Path) -> None:
    data = csv_bytes([["id", "text"], ["1", "café"], ["2", "plain"]], encoding="latin-1")
    _audit_bytes(tmp_path, data)
    rows = read_csv(tmp_path / "out.csv")[1:]
    assert [row[2] for row in rows] == ["error", "no_claims"]
    assert rows[0][1] == "caf\ufffd"


def test_undecodable_bytes_in_surplus_fields_are_named_not_fatal(tmp_path: Path) -> None:
    """The surplus fields are quoted in the error cell: cleaned like the kept ones, not raw bytes
    the UTF-8 output cannot hold (this once ended the run)."""
    data = b"id,text\r\n1,ok,caf\xe9\r\n2,plain\r\n"
    out = _audit_bytes(tmp_path, data)
    out.decode("utf-8")  # the output stays UTF-8
    rows = read_csv(tmp_path / "out.csv")[1:]
    assert [row[:3] for row in rows] == [["1", "ok", "error"], ["2", "plain", "no_claims"]]
    assert "surplus fields: caf\ufffd" in rows[0][5]


def test_a_huge_surplus_is_cut_in_the_error_cell(tmp_path: Path) -> None:
    data = b"id,text\r\n1,ok," + b"x" * 5000 + b"\r\n"
    _audit_bytes(tmp_path, data, "--max-field", "1000")
    error = read_csv(tmp_path / "out.csv")[1][5]
    assert "surplus fields: " + "x" * 1000 + "… (4000 more characters)" in error


@pytest.mark.parametrize(
    ("delimiter", "flag"),
    [(";", []), ("\t", []), ("|", ["--delimiter", "|"]), ("\t", ["--delimiter", "\\t"])],
)
def test_delimiter_is_sniffed_or_given_and_kept(
    tmp_path: Path, sentences: list[str], delimiter: str, flag: list[str]
) -> None:
    """The output uses the input's delimiter and holds the same cells as a comma-separated run."""
    _audit_bytes(tmp_path, csv_bytes(news_rows(sentences, 15)))
    with_commas = read_csv(tmp_path / "out.csv")
    _audit_bytes(tmp_path, csv_bytes(news_rows(sentences, 15), delimiter=delimiter), *flag)
    assert read_csv(tmp_path / "out.csv", delimiter) == with_commas
    header = (tmp_path / "out.csv").read_bytes().splitlines()[0].decode()
    assert header == delimiter.join(["id", "text", "verdict", "claims", "findings", "error"])


def test_sniffing_is_not_fooled_by_punctuation_in_prose(tmp_path: Path) -> None:
    rows = [["id", "text"]] + [[str(n), "Sales; costs; and | pipes, commas"] for n in range(30)]
    _audit_bytes(tmp_path, csv_bytes(rows))
    assert [row[:2] for row in read_csv(tmp_path / "out.csv")] == rows
    _audit_bytes(tmp_path, csv_bytes(rows, delimiter=";"))
    assert [row[:2] for row in read_csv(tmp_path / "out.csv", ";")] == rows


def test_gzip_input_and_output_by_extension(tmp_path: Path, sentences: list[str]) -> None:
    data = csv_bytes(news_rows(sentences, 40))
    plain = _audit_bytes(tmp_path, data)
    (tmp_path / "in.csv.gz").write_bytes(gzip.compress(data))
    out = tmp_path / "out.csv.gz"
    assert audit(str(tmp_path / "in.csv.gz"), "-o", str(out), "-q", "-j", "1") in (0, 1)
    assert gzip.decompress(out.read_bytes()) == plain


def test_stdin_to_stdout_gives_the_file_output(tmp_path: Path, sentences: list[str]) -> None:
    data = csv_bytes(news_rows(sentences, 40))
    expected = _audit_bytes(tmp_path, data)
    piped = run_cli("-", "-o", "-", "-q", "-j", "1", stdin=data)
    assert piped.returncode in (0, 1), piped.stderr
    assert piped.stdout == expected
    zipped = run_cli("-", "-o", "-", "-q", "-j", "1", stdin=gzip.compress(data))
    assert zipped.stdout == expected


def test_stdin_to_a_file_and_a_file_to_stdout(tmp_path: Path, sentences: list[str]) -> None:
    data = csv_bytes(news_rows(sentences, 20))
    expected = _audit_bytes(tmp_path, data)
    out = tmp_path / "from-stdin.csv"
    assert run_cli("-", "-o", str(out), "-q", "-j", "1", stdin=data).returncode in (0, 1)
    assert out.read_bytes() == expected
    assert run_cli(str(tmp_path / "in.csv"), "-o", "-", "-q", "-j", "1").stdout == expected


def test_no_partial_or_checkpoint_left_after_success(tmp_path: Path, sentences: list[str]) -> None:
    _audit_bytes(tmp_path, csv_bytes(news_rows(sentences, 10)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]
