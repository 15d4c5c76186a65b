"""Shared fixtures: the repository, the command built from it, and row normalisation so rows
from Python and from the command compare value by value."""

from __future__ import annotations

import datetime
import json
import math
import os
import pathlib
import subprocess
from typing import Any, Dict, List

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
STORIES = ROOT / "fixtures" / "stories"


def built(env: str, relative: str) -> pathlib.Path:
    """A program `cargo build --release` made, or the one an environment variable names."""
    path = pathlib.Path(os.environ.get(env) or ROOT / relative)
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `cargo build --release --bin claimdiff --example batch_corpus` (or set {env})")
    return path


@pytest.fixture(scope="session")
def cli():
    """Runs the command in the repository folder; returns its standard output as bytes."""
    binary = built("CLAIMDIFF_BIN", "target/release/claimdiff")
    # The command reads ./claimdiff.toml when there is one; the package never does.
    assert not (ROOT / "claimdiff.toml").exists()

    def run(*args: Any, cwd: pathlib.Path = ROOT, status: tuple = (0, 1)) -> bytes:
        done = subprocess.run([str(binary), *map(str, args)], cwd=cwd, capture_output=True)
        assert done.returncode in status, done.stderr.decode()
        return done.stdout

    return run


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> pathlib.Path:
    """A synthetic corpus of about 1 MB (`examples/batch_corpus.rs`): articles in German and
    English, two to five versions from one or two outlets, lines interleaved."""
    tool = built("CLAIMDIFF_CORPUS_BIN", "target/release/examples/batch_corpus")
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    subprocess.run([str(tool), "generate", str(path), "1"], check=True, capture_output=True)
    return path


@pytest.fixture
def at_root(monkeypatch):
    """Runs the test in the repository folder, so relative paths read as the command's do."""
    monkeypatch.chdir(ROOT)
    return ROOT


def story_files(story: pathlib.Path) -> List[str]:
    """A story's documents, relative to the repository, in name order."""
    files = [p for p in sorted(story.iterdir()) if p.suffix in (".md", ".html", ".txt")]
    return [str(p.relative_to(ROOT)) for p in files]


def plain(value: Any) -> Any:
    """One value in a form both sides share: dates as ISO text, NA as None, numbers as float."""
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)) or hasattr(value, "isoformat"):
        text = value.isoformat()
        return None if text == "NaT" else text[:10]
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) or type(value).__module__ == "numpy":
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return None if math.isnan(number) else number
    if type(value).__name__ == "NAType":
        return None
    return value


def plain_row(row: Dict[str, Any]) -> Dict[str, Any]:
    return {k: plain(v) for k, v in row.items()}


def finding_row(record: Dict[str, Any]) -> Dict[str, Any]:
    """A finding of `--format jsonl` flattened into the CSV columns."""
    row = {"finding": record["finding"], "kind": record["kind"], "subject": record["subject"]}
    for side in ("a", "b"):
        claim = record[side] or {}
        for key in ("doc", "line", "start", "end", "text", "lo", "hi", "date", "date_end"):
            row[f"{side}_{key}"] = claim.get(key)
    row["reason"] = record["reason"]
    return plain_row(row)


def claim_row(record: Dict[str, Any]) -> Dict[str, Any]:
    """A claim of `--format jsonl` under the CSV columns (without `unresolved`)."""
    record = dict(record)
    record.pop("unresolved", None)
    return plain_row(record)


def jsonl(path: pathlib.Path) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
