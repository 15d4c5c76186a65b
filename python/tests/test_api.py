"""The Python API itself: types, rows, DataFrames, errors, hostile input, threads and the GIL."""

from __future__ import annotations

import concurrent.futures
import datetime
import pickle
import re
import subprocess
import sys
import threading
import time

import pandas
import pytest

import claimdiff
from conftest import ROOT, STORIES, story_files

SUMMIT = "Vertreter aus fast 30 Ländern kamen am Mittwoch zusammen. Mehr als 300 Menschen demonstrierten."


def test_extract_gives_typed_claims():
    claims = claimdiff.extract(SUMMIT, published="2025-03-27", id="gipfel")
    assert isinstance(claims, claimdiff.Claims) and isinstance(claims, list)
    count = next(c for c in claims if c.subject == "country")
    date = next(c for c in claims if c.kind == "date")
    assert (count.doc, count.lang, count.text, count.subject, count.qualifier) == ("gipfel", "de", "fast 30 Ländern", "country", "almost")
    assert (count.value, count.lo, count.hi, count.line) == (30.0, 27.0, 29.0, 1)
    assert SUMMIT.encode()[count.start : count.end].decode() == count.text
    assert date.date == datetime.date(2025, 3, 26) and date.date_end is None
    assert "fast 30 Ländern" in repr(count)
    assert list(count.to_dict()) == claimdiff.CLAIM_COLUMNS
    assert claimdiff.extract(SUMMIT, published=datetime.date(2025, 3, 27), id="gipfel").to_dicts() == claims.to_dicts()


def test_unresolved_dates_without_publication_time():
    (claim,) = claimdiff.extract("Am Mittwoch kamen sie.", lang="de")
    assert claim.kind == "date" and claim.date is None and claim.unresolved
    report = claimdiff.compare([{"id": "a", "text": "Am Mittwoch kamen sie."}])
    assert report.notes == ["a: no publication time, so relative dates stay unresolved"]


def test_claims_to_pandas_has_the_csv_columns_and_dtypes():
    df = claimdiff.to_pandas(claimdiff.extract(SUMMIT, published="2025-03-27"))
    assert list(df.columns) == claimdiff.CLAIM_COLUMNS
    assert str(df["start"].dtype) == "int64" and str(df["lo"].dtype) == "Float64"
    assert str(df["date"].dtype).startswith("datetime64")
    assert str(df["kind"].dtype) == "string"
    more_than = df[df["qualifier"] == "more_than"].iloc[0]
    assert more_than["lo"] == 301 and pandas.isna(more_than["hi"])
    assert df.loc[df["kind"] == "date", "date"].iloc[0] == pandas.Timestamp("2025-03-26")
    assert df.loc[df["kind"] == "count", "date"].isna().all()
    # The plain way gives the same columns.
    plain = pandas.DataFrame(claimdiff.extract(SUMMIT, published="2025-03-27").to_dicts())
    assert list(plain.columns) == claimdiff.CLAIM_COLUMNS


def test_findings_to_pandas_leaves_a_missing_side_na(at_root):
    files = story_files(STORIES / "paris-summit")
    report = claimdiff.diff(files[:2])
    df = report.to_pandas()
    assert list(df.columns) == claimdiff.FINDING_COLUMNS
    assert dict(df.dtypes.astype(str)) == dict(claimdiff.batch_frame([]).dtypes.astype(str))
    added = df[df["finding"] == "added"]
    assert len(added) > 0 and added["a_line"].isna().all() and added["b_line"].notna().all()
    assert str(df["a_line"].dtype) == "Int64"
    assert len(df) == len(report.findings) == len(claimdiff.to_pandas(report.findings))
    assert df.groupby("finding").size().to_dict() == report.summary | {
        v: n for v, n in df["finding"].value_counts().items() if v not in report.summary
    }


def test_dates_far_from_today_survive_the_dataframe():
    # Past 2262, where nanosecond timestamps end.
    claims = claimdiff.extract("Die Frist endet am 31.12.2999.", published="2025-03-27")
    df = claims.to_pandas()
    assert df.loc[df["kind"] == "date", "date"].iloc[0] == pandas.Timestamp("2999-12-31")


def test_empty_results_keep_columns_and_dtypes():
    assert list(claimdiff.Claims().to_pandas().columns) == claimdiff.CLAIM_COLUMNS
    assert len(claimdiff.batch_frame([], rows="claims")) == 0
    with pytest.raises(ValueError):
        claimdiff.to_pandas([])


def test_spark_schema_names_every_column():
    for rows, columns in [("findings", claimdiff.FINDING_COLUMNS), ("claims", claimdiff.CLAIM_COLUMNS)]:
        fields = [f.split(" ") for f in claimdiff.spark_schema(rows).split(", ")]
        assert [name for name, _ in fields] == columns
        assert {kind for _, kind in fields} <= {"string", "bigint", "double", "date"}
    assert "a_date date" in claimdiff.spark_schema() and "a_line bigint" in claimdiff.spark_schema()


def test_input_errors_name_the_document_and_the_problem(tmp_path):
    cases = [
        (lambda: claimdiff.extract("  ", id="leer"), "leer", "the document has no text"),
        (lambda: claimdiff.extract_many([{"id": "d", "text": "Zwei.", "published": "gestern"}]), "d", "cannot read the publication time"),
        (lambda: claimdiff.extract_many([{"id": "d", "text": "Deux.", "lang": "fr"}]), "d", "unknown language"),
        (lambda: claimdiff.compare([{"id": "d"}]), "d", "neither `text` nor `path`"),
        (lambda: claimdiff.compare([str(tmp_path / "gone.md")]), str(tmp_path / "gone.md"), "no such file"),
    ]
    for call, doc_id, problem in cases:
        with pytest.raises(claimdiff.InputError) as raised:
            call()
        assert raised.value.id == doc_id and problem in raised.value.problem
        assert str(raised.value).startswith(f"{doc_id}: ")
        assert isinstance(raised.value, ValueError)
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01binary")
    with pytest.raises(claimdiff.InputError, match="NUL bytes"):
        claimdiff.compare([binary])
    latin1 = tmp_path / "l.txt"
    latin1.write_bytes("Fünf Menschen.".encode("latin-1"))
    with pytest.raises(claimdiff.InputError, match="not valid UTF-8"):
        claimdiff.extract_many([{"path": str(latin1)}])


def test_bad_config_and_arguments_raise():
    with pytest.raises(claimdiff.InputError) as raised:
        claimdiff.Config.parse("[hedges]\napprox = 2\n")
    assert "between 0 and 1" in raised.value.problem
    with pytest.raises(claimdiff.InputError, match=r"claimdiff.toml:1"):
        claimdiff.Config.parse("colour = 1\n")
    with pytest.raises(ValueError, match="published"):
        claimdiff.extract("Zwei.", published="soon")
    with pytest.raises(ValueError, match="unknown language"):
        claimdiff.extract("Zwei.", lang="fr")
    with pytest.raises(ValueError, match="two or more"):
        claimdiff.diff([{"id": "a", "text": "Zwei."}])
    with pytest.raises(TypeError):
        claimdiff.extract(b"bytes")
    with pytest.raises(TypeError):
        claimdiff.compare([42])
    with pytest.raises(TypeError):
        claimdiff.compare(["a.md"], config=3)


def test_input_errors_survive_pickling():
    with pytest.raises(claimdiff.InputError) as raised:
        claimdiff.extract("", id="leer")
    copy = pickle.loads(pickle.dumps(raised.value))
    assert (copy.id, copy.problem, copy.where, str(copy)) == (raised.value.id, raised.value.problem, raised.value.where, str(raised.value))


@pytest.mark.parametrize(
    "text",
    [
        "9" * 200_000,
        "Zwei\x00Menschen wurden getötet.",
        "<div>" * 50_000 + "Drei Menschen." + "</div>" * 50_000,
        "1.2.3.4.5 " * 20_000,
        "am " * 30_000 + "Mittwoch",
        "\u202e\u200b 30 \ufeff Länder " * 5_000,
    ],
    ids=["digits", "nul", "nested-html", "dotted", "prepositions", "invisible"],
)
def test_hostile_text_gives_claims_or_an_input_error_never_a_crash(text):
    try:
        claims = claimdiff.extract(text, published="2025-03-27", lang="de")
    except claimdiff.InputError:
        return
    report = claimdiff.compare([{"id": "a", "text": text}, {"id": "b", "text": text[: len(text) // 2] or "x"}], published="2025-03-27")
    for render in (report.to_json, report.to_html, report.to_markdown, report.to_sarif, report.to_text, report.to_csv):
        assert isinstance(render(), str)
    assert isinstance(claims.to_pandas(), pandas.DataFrame)


def test_lone_surrogates_are_refused_cleanly():
    with pytest.raises((UnicodeError, claimdiff.InputError)):
        claimdiff.extract("Zwei \udcff Menschen.")
    with pytest.raises(claimdiff.InputError, match="lone surrogates"):
        claimdiff.batch([{"id": "s", "text": "Zwei \udcff Menschen."}])


def test_threads_give_the_same_claims_as_one_thread(at_root):
    files = [f for story in sorted(STORIES.iterdir()) if story.is_dir() for f in story_files(story)]
    serial = [claimdiff.extract_many([f]).to_dicts() for f in files]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(lambda f: claimdiff.extract_many([f]).to_dicts(), files))
    assert threaded == serial


def test_the_gil_is_released_while_extracting():
    """While one thread extracts a long text, another keeps running Python code. Holding the
    GIL, the other thread would stand still for the whole call."""
    text = " ".join(f"Am Mittwoch wurden {n} Menschen in Bremen verletzt." for n in range(40_000))
    started = threading.Event()
    span = {}

    def work():
        started.set()
        span["start"] = time.perf_counter()
        claimdiff.extract(text, published="2025-03-27", lang="de")
        span["end"] = time.perf_counter()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    ticks = []
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    call = span["end"] - span["start"]
    assert call > 0.1, "the text is too short to tell"
    # The longest stretch of the call in which the other thread did not run at all.
    inside = [span["start"]] + [t for t in ticks if span["start"] < t < span["end"]] + [span["end"]]
    longest = max(b - a for a, b in zip(inside, inside[1:]))
    assert longest < call / 2, f"the other thread stood still {longest:.2f} s of a {call:.2f} s call"


def test_claimdiff_imports_and_extracts_without_pandas():
    script = (
        "import sys; sys.modules['pandas'] = None\n"
        "import claimdiff\n"
        "claims = claimdiff.extract('Zwei Menschen wurden verletzt.')\n"
        "assert claims.to_dicts()[0]['kind'] == 'count'\n"
        "try:\n    claims.to_pandas()\nexcept ImportError as e:\n    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "pip install pandas" in done.stdout


def test_the_readme_notebook_example_runs(at_root):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(import claimdiff\n.*?)```", readme, re.S)
    assert block, "README: a ```python block starting with `import claimdiff`"
    code = block.group(1)
    assert len(code.strip().splitlines()) <= 5
    namespace = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert any(isinstance(v, (pandas.DataFrame, pandas.Series)) for v in namespace.values())
