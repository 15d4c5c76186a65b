"""The package is typed: the stubs match the extension, and callers type-check against both."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CALLER = '''
from typing import List, Optional
import datetime
import claimdiff

claims: List[claimdiff.Claim] = claimdiff.extract("Zwei Menschen.", published=datetime.date(2025, 3, 27))
hi: Optional[float] = claims[0].hi
day: Optional[datetime.date] = claims[0].date
report = claimdiff.compare([{"id": "a", "text": "Zwei Menschen."}], config=claimdiff.Config())
html: str = report.to_html()
contradictions: int = report.summary.get("contradiction", 0)
verdicts: List[str] = [f.verdict for f in report.findings]
rows, findings = claimdiff.batch([{"id": "a", "text": "Zwei Menschen."}], outlets=True, jobs=1)
columns: List[str] = claimdiff.CLAIM_COLUMNS
'''

WRONG = '''
import claimdiff
count: int = claimdiff.extract("Zwei Menschen.")[0].text
report: str = claimdiff.compare([])
'''


def mypy(tmp_path, name: str, code: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / f"{name}.py"
    path.write_text(code)
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "python" / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "cache"), str(path)],
        cwd=tmp_path, capture_output=True, text=True,
    )


def test_the_stubs_match_the_extension():
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "--ignore-disjoint-bases", "claimdiff._claimdiff"],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_callers_type_check_and_mistakes_are_caught(tmp_path):
    good = mypy(tmp_path, "caller", CALLER)
    assert good.returncode == 0, good.stdout
    wrong = mypy(tmp_path, "wrong", WRONG)
    assert wrong.returncode == 1
    assert wrong.stdout.count("error: Incompatible types in assignment") == 2, wrong.stdout
