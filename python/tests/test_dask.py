"""The README's Dask recipe: a manifest partitioned by article, `batch_frame` on each
partition; its rows are the rows of `claimdiff batch` on the same manifest."""

from __future__ import annotations

import dask
import dask.dataframe as dd
import pandas

import claimdiff
from conftest import claim_row, finding_row, jsonl, plain_row


def rows(frame: pandas.DataFrame):
    """A frame's rows as plain values, in a canonical order (partitions come back in any)."""
    out = [plain_row(r) for r in frame.to_dict("records")]
    return sorted(out, key=lambda r: [(v is None, str(v)) for v in r.values()])


def test_dask_rows_equal_the_commands_rows(corpus, cli, tmp_path):
    cli("batch", corpus, "-q", "--outlets", "--claims", tmp_path / "claims.jsonl", "--findings", tmp_path / "findings.jsonl")
    expected_claims = [claim_row(r) for r in jsonl(tmp_path / "claims.jsonl")]
    expected_findings = [finding_row(r) for r in jsonl(tmp_path / "findings.jsonl")]

    # The recipe, as in the README.
    manifest = dd.read_json(str(corpus), lines=True, blocksize=200_000)
    by_article = manifest.shuffle(on="article", npartitions=4)
    findings = by_article.map_partitions(
        claimdiff.batch_frame, outlets=True, meta=claimdiff.batch_frame([])
    )
    claims = by_article.map_partitions(
        claimdiff.batch_frame, rows="claims", outlets=True, meta=claimdiff.batch_frame([], rows="claims")
    )
    assert manifest.npartitions > 2
    with dask.config.set(scheduler="threads", num_workers=2):
        got_findings, got_claims = dask.compute(findings, claims)

    assert len(expected_findings) > 1000
    assert list(got_findings.columns) == claimdiff.FINDING_COLUMNS
    assert dict(got_claims.dtypes.astype(str)) == dict(claimdiff.batch_frame([], rows="claims").dtypes.astype(str))
    assert rows(got_findings) == sorted(expected_findings, key=lambda r: [(v is None, str(v)) for v in r.values()])
    assert rows(got_claims) == sorted(expected_claims, key=lambda r: [(v is None, str(v)) for v in r.values()])
