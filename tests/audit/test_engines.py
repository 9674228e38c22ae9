"""The engines agree byte for byte: in-process, a local process pool, a real Dask LocalCluster,
and the byte stream the HTTP API serves."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.audit import AuditOptions, ColumnError, UnreadableCsvError, audit_csv_bytes
from tests.audit.conftest import audit, csv_bytes, news_rows


@pytest.fixture
def corpus_csv(tmp_path: Path, sentences: list[str]) -> Path:
    source = tmp_path / "in.csv"
    source.write_bytes(csv_bytes(news_rows(sentences, 400)) + b"bad,row,x\r\n" + b'7,"ok"\r\n')
    return source


@pytest.fixture
def local_output(tmp_path: Path, corpus_csv: Path) -> bytes:
    out = tmp_path / "local.csv"
    audit(str(corpus_csv), "-o", str(out), "-q", "-j", "1", "--batch-size", "30")
    return out.read_bytes()


def test_process_pool_output_is_identical_to_one_job(
    tmp_path: Path, corpus_csv: Path, local_output: bytes
) -> None:
    out = tmp_path / "pool.csv"
    audit(str(corpus_csv), "-o", str(out), "-q", "-j", "2", "--batch-size", "30")
    assert out.read_bytes() == local_output


def test_dask_engine_on_a_local_cluster_is_identical_to_the_local_engine(
    tmp_path: Path, corpus_csv: Path, local_output: bytes
) -> None:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        local_directory=str(tmp_path / "dask"),
    )
    try:
        out = tmp_path / "dask.csv"
        argv = ["--engine", "dask", "--scheduler", cluster.scheduler_address]
        audit(str(corpus_csv), "-o", str(out), "-q", "--batch-size", "30", *argv)
        assert out.read_bytes() == local_output
    finally:
        cluster.close()


def test_dask_engine_without_scheduler_is_a_usage_error(corpus_csv: Path, tmp_path: Path) -> None:
    assert audit(str(corpus_csv), "-o", str(tmp_path / "o.csv"), "--engine", "dask", "-q") == 2


def test_api_stream_gives_the_cli_bytes_from_small_chunks(
    corpus_csv: Path, local_output: bytes
) -> None:
    data = corpus_csv.read_bytes()
    chunks = (data[i : i + 7] for i in range(0, len(data), 7))
    assert b"".join(audit_csv_bytes(chunks, AuditOptions(), batch_size=30)) == local_output


@pytest.mark.parametrize(
    ("upload", "error"),
    [(b"", UnreadableCsvError), (b"id,body\r\n1,x\r\n", ColumnError)],
)
def test_api_stream_raises_a_value_error_before_any_byte(upload: bytes, error: type) -> None:
    with pytest.raises(error) as caught:
        audit_csv_bytes([upload])
    assert isinstance(caught.value, ValueError)


def test_workers_write_rows_with_the_input_delimiter_and_sanitize_option(
    tmp_path: Path, sentences: list[str]
) -> None:
    """The workers write their batches' rows themselves: the delimiter read from the input and
    `--sanitize-input` must reach them, so the pool's bytes are the one-job bytes."""
    hostile = ["=1+2", "@cmd", "-2+3"]
    rows = news_rows(sentences, 12) + [[cell, cell] for cell in hostile]
    source = tmp_path / "in.csv"
    source.write_bytes(csv_bytes(rows, delimiter=";"))
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.csv"
        argv = ["-o", str(out), "-q", "-j", jobs, "--batch-size", "4", "--sanitize-input"]
        audit(str(source), *argv)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"\r\n'=1+2;'=1+2;no_claims;0;[];\r\n" in outputs[1]
