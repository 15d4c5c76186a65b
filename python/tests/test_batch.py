"""`claimdiff.batch` gives the rows of `claimdiff batch` on the same records, in the same order."""

from __future__ import annotations

import json
import pathlib

import pytest

import claimdiff
from conftest import STORIES, claim_row, finding_row, jsonl, plain_row, story_files, ROOT


def command_rows(cli, manifest: pathlib.Path, *options: str):
    """The claims and findings `claimdiff batch` writes for a manifest, as rows."""
    out = manifest.parent
    cli("batch", manifest, "-q", "--claims", out / "claims.jsonl", "--findings", out / "findings.jsonl", *options)
    claims = [claim_row(r) for r in jsonl(out / "claims.jsonl")]
    findings = [finding_row(r) for r in jsonl(out / "findings.jsonl")]
    return claims, findings


def python_rows(result):
    claims, findings = result
    return [plain_row(r) for r in claims.to_dicts()], [plain_row(r) for r in findings.to_dicts()]


def write_manifest(path: pathlib.Path, records) -> pathlib.Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def stories_manifest(tmp_path):
    """Every fixture story as one article, its documents as `path` records, latest first."""
    records = []
    for story in sorted(p for p in STORIES.iterdir() if p.is_dir()):
        for f in reversed(story_files(story)):
            records.append({"id": f, "article": story.name, "path": str(ROOT / f)})
    return records, write_manifest(tmp_path / "stories.jsonl", records)


@pytest.mark.parametrize("outlets", [False, True])
def test_fixture_stories_give_the_commands_rows(stories_manifest, cli, outlets):
    records, manifest = stories_manifest
    expected = command_rows(cli, manifest, *(["--outlets"] if outlets else []))
    got = python_rows(claimdiff.batch(records, outlets=outlets))
    assert len(expected[0]) > 300 and len(expected[1]) > 100
    assert got[0] == expected[0]
    assert got[1] == expected[1]


def test_a_synthetic_corpus_gives_the_commands_rows_on_any_number_of_jobs(corpus, cli, tmp_path):
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    expected = command_rows(cli, write_manifest(tmp_path / "corpus.jsonl", records))
    assert len(records) > 150 and len(expected[1]) > 1000
    for jobs in (1, 2, None):
        assert python_rows(claimdiff.batch(records, jobs=jobs)) == expected, jobs


def test_manifest_lines_read_as_the_command_reads_them(corpus, cli, tmp_path):
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3:3] = ["\n", "not json\n", '{"id": "no-text", "article": "z"}\n']
    manifest = tmp_path / "lines.jsonl"
    manifest.write_text("\ufeff" + "".join(lines), encoding="utf-8")
    cli("batch", manifest, "-q", "--claims", tmp_path / "claims.jsonl", "--findings", tmp_path / "findings.jsonl",
        "--errors", tmp_path / "errors.jsonl", status=(3,))
    expected = [claim_row(r) for r in jsonl(tmp_path / "claims.jsonl")], [finding_row(r) for r in jsonl(tmp_path / "findings.jsonl")]
    expected_errors = jsonl(tmp_path / "errors.jsonl")
    assert len(expected_errors) == 2
    for mode, encoding in (("r", "utf-8"), ("rb", None)):
        with open(manifest, mode, encoding=encoding) as f:
            result = claimdiff.batch(f, errors="skip")
        assert python_rows(result) == expected, mode
        assert [(e["where"], e["id"]) for e in result.errors] == [("record 5", None), ("record 6", "no-text")]
        assert "not a manifest record" in result.errors[0]["problem"]
    with pytest.raises(claimdiff.InputError, match="record 5"):
        claimdiff.batch(manifest.read_text(encoding="utf-8").splitlines())
    with pytest.raises(claimdiff.InputError, match="not valid UTF-8"):
        claimdiff.batch([b'{"id": "x", "text": "F\xfcnf"}'])


def test_records_from_a_generator_and_in_any_mapping():
    class Row(dict):
        pass

    records = (Row(id=f"v{n}", article="a", published=f"2025-03-2{n}", text=f"{n} Menschen wurden verletzt.") for n in (7, 8))
    claims, findings = claimdiff.batch(records)
    assert [c.doc for c in claims] == ["v7", "v8"]
    assert [(f.verdict, f.a.text, f.b.text) for f in findings] == [("update", "7 Menschen", "8 Menschen")]


def test_bad_records_raise_or_are_skipped_as_the_command_skips_them(cli, tmp_path):
    good = [
        {"id": "ok1", "article": "x", "published": "2025-03-27", "text": "Ein Mensch wurde getötet."},
        {"id": "ok2", "article": "x", "published": "2025-03-28", "text": "Zwei Menschen wurden getötet."},
    ]
    bad = [
        {"id": "no-text", "article": "y"},
        {"id": "bad-date", "published": "next week", "text": "Drei Menschen."},
        {"id": "bad-lang", "lang": "fr", "text": "Trois personnes."},
        {"id": "empty", "text": "   "},
        {"id": "gone", "path": str(tmp_path / "missing.txt")},
    ]
    records = [good[0], *bad, good[1]]
    with pytest.raises(claimdiff.InputError) as raised:
        claimdiff.batch(records)
    assert raised.value.id == "no-text"
    assert "neither `text` nor `path`" in raised.value.problem
    assert raised.value.where == "record 2"

    result = claimdiff.batch(records, errors="skip")
    assert [e["id"] for e in result.errors] == [r["id"] for r in bad]
    assert "cannot read the publication time" in result.errors[1]["problem"]
    assert "unknown language" in result.errors[2]["problem"]
    assert "no such file" in result.errors[4]["problem"]
    manifest = write_manifest(tmp_path / "bad.jsonl", records)
    cli("batch", manifest, "-q", "--errors", tmp_path / "errors.jsonl", "--findings", tmp_path / "f.jsonl", status=(3,))
    assert [e["id"] for e in jsonl(tmp_path / "errors.jsonl")] == [e["id"] for e in result.errors]
    assert python_rows(result)[1] == [finding_row(r) for r in jsonl(tmp_path / "f.jsonl")]


def test_fields_of_other_types_read_as_the_manifest_reads_them():
    import datetime

    base = {"article": "a", "text": "Fünf Menschen wurden verletzt.", "lang": "de"}
    claims, findings = claimdiff.batch([
        {**base, "id": "v1", "version": 1, "published": datetime.date(2025, 3, 27)},
        {**base, "id": "v2", "version": 2.0, "published": datetime.datetime(2025, 3, 28, 9, 30)},
        {**base, "id": "v3", "version": float("nan"), "published": "2025-03-29", "outlet": None},
    ])
    assert [c.doc for c in claims] == ["v1", "v2", "v3"]
    with pytest.raises(claimdiff.InputError, match="`outlet` must be text"):
        claimdiff.batch([{**base, "id": "x", "outlet": ["a", "b"]}])
    with pytest.raises(claimdiff.InputError, match="bool"):
        claimdiff.batch([{**base, "id": "x", "version": True}])
    with pytest.raises(TypeError, match="record 1"):
        claimdiff.batch([42])
    with pytest.raises(ValueError):
        claimdiff.batch([base], errors="ignore")
