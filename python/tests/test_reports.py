"""Reports from Python are the command's reports byte for byte, on every fixture story."""

from __future__ import annotations

import json
import re

import pytest

import claimdiff
from conftest import ROOT, STORIES, claim_row, plain_row, story_files

STORY_DIRS = sorted(p for p in STORIES.iterdir() if p.is_dir())
VERSION_STORIES = [
    p for p in STORY_DIRS if re.search(r'^mode\s*=\s*"versions"', (p / "gold.toml").read_text(), re.M)
]

RENDERS = {
    "json": claimdiff.Report.to_json,
    "jsonl": claimdiff.Report.to_jsonl,
    "csv": claimdiff.Report.to_csv,
    "html": claimdiff.Report.to_html,
    "markdown": claimdiff.Report.to_markdown,
    "sarif": claimdiff.Report.to_sarif,
    "text": claimdiff.Report.to_text,
}


def test_there_are_stories_of_both_modes():
    assert len(STORY_DIRS) >= 20 and len(VERSION_STORIES) >= 5


@pytest.mark.parametrize("story", STORY_DIRS, ids=lambda p: p.name)
def test_compare_gives_the_commands_reports(story, cli, at_root):
    files = story_files(story)
    report = claimdiff.compare(files)
    for name, render in RENDERS.items():
        assert render(report).encode() == cli("compare", *files, "-f", name, "--color", "never"), name
    parsed = json.loads(report.to_json())
    assert report.summary == {k: parsed["summary"][k] for k in report.summary}
    assert sorted(report.summary) == sorted(parsed["summary"])
    assert report.notes == parsed["notes"]
    assert [f.to_dict()["finding"] for f in report.findings] == [f["finding"] for f in parsed["findings"]]


@pytest.mark.parametrize("story", VERSION_STORIES, ids=lambda p: p.name)
def test_diff_gives_the_commands_reports(story, cli, at_root):
    # gold.toml lists the versions oldest first: `docs = ["v1.md", "v2.md", ...]`.
    listed = re.search(r"^docs\s*=\s*\[(.*?)\]", (story / "gold.toml").read_text(), re.M | re.S)
    files = [str((story / name).relative_to(ROOT)) for name in re.findall(r'"([^"]+)"', listed.group(1))]
    assert len(files) >= 2
    report = claimdiff.diff(files)
    for name in ("json", "markdown", "text", "sarif", "html"):
        assert RENDERS[name](report).encode() == cli("diff", *files, "-f", name, "--color", "never"), name


def test_all_shows_agreeing_findings_as_the_command_does(cli, at_root):
    files = story_files(STORIES / "paris-summit")
    report = claimdiff.compare(files)
    for name, render in [("markdown", report.to_markdown), ("sarif", report.to_sarif), ("text", report.to_text)]:
        assert render(all=True).encode() == cli("compare", *files, "-f", name, "--all", "--color", "never")
        assert render(all=True) != render()


def test_a_folder_reads_as_the_command_reads_it(cli, at_root):
    report = claimdiff.compare(["fixtures/demo"])
    assert report.to_json().encode() == cli("compare", "fixtures/demo", "-f", "json")
    assert len(report.documents) == 3


def test_extract_gives_the_commands_claims(cli, at_root):
    files = story_files(STORIES / "paris-summit")
    claims = claimdiff.extract_many(files)
    expected = [claim_row(json.loads(line)) for line in cli("extract", *files, "-f", "jsonl").splitlines()]
    assert [plain_row(row) for row in claims.to_dicts()] == expected
    assert claimdiff.compare(files).to_json() != claimdiff.diff(files[:2]).to_json()


def test_config_changes_the_report_as_it_changes_the_command(cli, at_root, tmp_path):
    toml = tmp_path / "claimdiff.toml"
    toml.write_text("[hedges]\napprox = 0.3\nalmost = 0.3\n")
    files = story_files(STORIES / "paris-summit")
    loose = claimdiff.compare(files, config=toml)
    assert loose.to_json().encode() == cli("compare", *files, "-f", "json", "--config", toml)
    assert loose.to_json() != claimdiff.compare(files).to_json()
    assert claimdiff.compare(files, config=claimdiff.Config.parse(toml.read_text())).to_json() == loose.to_json()
