"""Every input row comes out, in order, with its verdict — bad rows as error rows, never lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service import check_text
from service.engine.json_objects import claim_object
from tests.audit.conftest import audit, csv_bytes, news_rows, read_csv


def test_rows_and_order_kept_with_bad_rows_mixed_in(tmp_path: Path, sentences: list[str]) -> None:
    """Wrong field counts, undecodable bytes and an oversized field each become one error row."""
    good = csv_bytes(news_rows(sentences, 60)).split(b"\r\n")
    lines = good[:61]
    lines.insert(5, b"bad-short")
    lines.insert(10, b'bad-long,"Sales rose 5%.",surplus,more')
    lines.insert(20, b"bad-bytes,Exports rose \xff\xfe 5 percent")
    lines.insert(30, b"bad-big," + b"x" * 5000)
    lines.insert(40, b"")  # a blank line is not a row
    source = tmp_path / "in.csv"
    source.write_bytes(b"\r\n".join(lines) + b"\r\n")
    out = tmp_path / "out.csv"
    assert audit(str(source), "-o", str(out), "-q", "-j", "1", "--max-field", "2000") in (0, 1)
    rows = read_csv(out)
    assert rows[0] == ["id", "text", "verdict", "claims", "findings", "error"]
    ids = [row[0] for row in rows[1:]]
    expected = [line.split(b",")[0].decode() for line in lines[1:] if line]
    assert ids == expected
    errors = {row[0]: row for row in rows[1:] if row[2] == "error"}
    assert set(errors) == {"bad-short", "bad-long", "bad-bytes", "bad-big"}
    assert "expected 2 fields, found 1" in errors["bad-short"][5]
    assert "surplus fields: surplus,more" in errors["bad-long"][5]
    assert "cannot decode (0xff)" in errors["bad-bytes"][5]
    assert errors["bad-bytes"][1] == "Exports rose \ufffd\ufffd 5 percent"
    assert "5000 characters, over the limit of 2000" in errors["bad-big"][5]
    assert len(errors["bad-big"][1]) == 2000
    assert all(len(row) == 6 for row in rows)


@pytest.mark.parametrize("size", [200_000, 1_100_000])
def test_a_huge_field_among_the_lines_the_delimiter_is_sniffed_from(
    tmp_path: Path, size: int
) -> None:
    """Over the csv module's own field limit (131,072) the sniffing read used to fail with a raw
    csv error: the field is now the row's business, within or over --max-field (1 MiB)."""
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(b'id;text\r\nbig;"' + b"x" * size + b'"\r\nsmall;Sales rose 5%.\r\n')
    assert audit(str(source), "-o", str(out), "-q", "-j", "1") in (0, 1)
    rows = read_csv(out, delimiter=";")  # sniffed, and kept in the output
    assert [row[0] for row in rows] == ["id", "big", "small"]
    assert all(len(row) == 6 for row in rows)
    big = rows[1]
    if size <= 1024 * 1024:
        assert (big[1], big[2], big[5]) == ("x" * size, "no_claims", "")
    else:
        assert big[2] == "error"
        assert f"field 2 has {size} characters, over the limit of 1048576" in big[5]


def test_free_text_rows_carry_the_engine_claim_objects(
    tmp_path: Path, sentences: list[str]
) -> None:
    """`findings` is the JSON list of claim objects and `verdict` the worst of them."""
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(csv_bytes(news_rows(sentences, len(sentences))))
    audit(str(source), "-o", str(out), "-q", "-j", "1")
    rows = read_csv(out)[1:]
    assert len(rows) == len(sentences)
    seen = set()
    for (_, text, verdict, claims, findings, error), sentence in zip(rows, sentences, strict=True):
        report = check_text(sentence)
        assert text == sentence and error == ""
        assert json.loads(findings) == [claim_object(report, f) for f in report.findings]
        assert int(claims) == len(report.findings)
        assert verdict == (report.worst.value if report.worst else "no_claims")
        seen.add(verdict)
    assert {"consistent", "inconsistent", "no_claims"} <= seen


def test_structured_columns_found_by_name(tmp_path: Path) -> None:
    """A header with role columns and no text column is read as structured figures; `kind`
    keeps the findings of that kind of rule, `direction` gives the sign."""
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    rows = [
        ["kind", "old", "new", "percent", "change", "direction"],
        ["percent_change", "2.18", "2.61", "19.78", "0.43", "up"],
        ["", "2.18", "2.61", "29.78", "0.43", "up"],
        ["percent_change", "100.00", "90.00", "10.00", "", "up"],
        ["absolute_change", "2.18", "2.61", "29.78", "0.43", ""],
        ["", "", "", "", "", ""],
        ["", "n/a", "2.61", "19.78", "", ""],
        ["pct_change", "2.18", "2.61", "19.78", "", ""],
    ]
    source.write_bytes(csv_bytes(rows))
    audit(str(source), "-o", str(out), "-q", "-j", "1")
    written = read_csv(out)[1:]
    assert [row[:6] for row in written] == rows[1:]
    verdicts = [row[6] for row in written]
    kinds = [{claim["kind"] for claim in json.loads(row[8])} for row in written]
    assert verdicts[0] == "consistent" and kinds[0] == {"percent_change"}
    assert verdicts[1] == "inconsistent" and kinds[1] == {"percent_change", "absolute_change"}
    assert verdicts[2] in ("inconsistent", "impossible")  # fell 10%, said "up"
    assert verdicts[3] == "consistent" and kinds[3] == {"absolute_change"}
    assert verdicts[4] == "no_claims"
    assert verdicts[5] == "error" and written[5][9].startswith("line 7: old:")
    assert verdicts[6] == "error" and "unknown kind 'pct_change'" in written[6][9]


def test_structured_columns_by_mapping_keep_precision(tmp_path: Path) -> None:
    """`--columns` maps roles to any column names; "2.10" stays two decimals."""
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(
        csv_bytes(
            [
                ["prev_value", "value", "pct_change"],
                ["2.10", "2.31", "10.0"],
                ["2.10", "2.31", "12.0"],
            ]
        )
    )
    argv = ["--columns", "old=prev_value,new=value,percent=pct_change", "-q", "-j", "1"]
    audit(str(source), "-o", str(out), *argv)
    rows = read_csv(out)
    assert [row[3] for row in rows[1:]] == ["consistent", "inconsistent"]
    figures = json.loads(rows[1][5])[0]["figures"]
    assert {figure["role"]: figure["text"] for figure in figures}["old"] == "2.10"


def test_missing_text_column_is_a_usage_error_and_writes_nothing(tmp_path: Path) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(csv_bytes([["id", "body"], ["1", "Sales rose 5%."]]))
    assert audit(str(source), "-o", str(out), "-q") == 2
    assert list(tmp_path.iterdir()) == [source]


def test_empty_input_is_an_input_error(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"")
    assert audit(str(source), "-o", str(tmp_path / "out.csv"), "-q") == 2


def test_summary_json_counts_every_row(tmp_path: Path, sentences: list[str]) -> None:
    source, out, summary = tmp_path / "in.csv", tmp_path / "out.csv", tmp_path / "s.json"
    source.write_bytes(csv_bytes(news_rows(sentences, 50)) + b"short\r\n")
    status = audit(str(source), "-o", str(out), "-q", "-j", "1", "--summary-json", str(summary))
    body = json.loads(summary.read_text())
    rows = read_csv(out)[1:]
    assert body["rows"] == len(rows) == 51
    assert sum(body["verdicts"].values()) == 51 and body["errors"] == 1
    assert status == (1 if body["verdicts"]["inconsistent"] else 0)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--delimiter", '"'], "the delimiter must be one character other than a quote"),
        (["--delimiter", ""], "the delimiter must be one character"),
        (["--max-field", "0"], "the field-size limit must be at least 1"),
        (["--columns", "old=id,old=text"], "the role 'old' is given twice"),
        (["--encoding", "utf-16"], "cannot be read as utf-16"),
        (["--encoding", "bz2"], "'bz2' is not a known text encoding"),
        (["--encoding", "no-such-codec"], "is not a known text encoding"),
        (["--summary-json", "/nonexistent-folder/s.json"], "does not exist"),
    ],
)
def test_unusable_options_stop_before_any_output_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(csv_bytes([["id", "text"], ["1", "Sales rose 10% to 11 from 10."]]))
    assert audit(str(source), "-o", str(out), *argv) == 2
    assert says in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [source]


def test_a_kind_column_can_be_mapped_with_the_roles(tmp_path: Path) -> None:
    """`--columns` takes `kind=COLUMN` as its help says: only that kind's findings are kept."""
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    rows = [["prev", "now", "pct", "chg", "k"], ["10", "11", "10", "1", "absolute_change"]]
    source.write_bytes(csv_bytes(rows))
    mapping = "old=prev,new=now,percent=pct,change=chg,kind=k"
    assert audit(str(source), "-o", str(out), "-q", "--columns", mapping) == 0
    row = read_csv(out)[1]
    assert row[5:7] == ["consistent", "1"]
    assert [claim["kind"] for claim in json.loads(row[7])] == ["absolute_change"]
