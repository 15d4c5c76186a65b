"""claimdiff for Python: where news texts disagree on facts.

The same library as the ``claimdiff`` command: claims extracted from German and English news
texts, aligned across versions and outlets, judged; reports byte for byte as the command writes
them; corpus rows as pandas DataFrames.

>>> import claimdiff
>>> claims = claimdiff.extract("Vertreter aus fast 30 Ländern kamen.", published="2025-03-27")
>>> [(c.kind, c.text, c.subject, c.lo, c.hi) for c in claims]
[('count', 'fast 30 Ländern', 'country', 27.0, 29.0)]

Documents are dicts with the fields of a ``claimdiff batch`` manifest (``id``, ``article``,
``version``, ``published``, ``outlet``, ``lang``, ``title``, and ``text`` or ``path``) or, where
a function takes paths, the path of a file, folder or JSONL manifest as the command reads them.
Every call releases the GIL while it reads, extracts and compares, so threads (and Dask's
threaded scheduler) use every core.
"""

from __future__ import annotations

import os
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Tuple,
    Union,
)

from . import _claimdiff
from ._claimdiff import CLAIM_COLUMNS, FINDING_COLUMNS, Claim, Config, Finding, __version__
from ._errors import InputError

if TYPE_CHECKING:
    import datetime

    import pandas

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_DTYPES",
    "FINDING_COLUMNS",
    "FINDING_DTYPES",
    "Batch",
    "Claim",
    "Claims",
    "Config",
    "Finding",
    "Findings",
    "InputError",
    "Report",
    "__version__",
    "batch",
    "batch_frame",
    "compare",
    "diff",
    "extract",
    "extract_many",
    "spark_schema",
    "to_pandas",
]

#: A document: a dict of manifest fields, or the path of a file, folder or JSONL manifest.
Document = Union[Mapping[str, Any], str, "os.PathLike[str]"]
#: A config: a :class:`Config`, the path of a ``claimdiff.toml``, or ``None`` for the defaults.
ConfigLike = Union[Config, str, "os.PathLike[str]", None]
#: A publication time: ``"2025-03-27"``, RFC 3339, or a ``date`` / ``datetime``.
PublishedLike = Union[str, "datetime.date", None]

#: pandas dtypes of the claim columns (``date`` columns are ``datetime64``).
CLAIM_DTYPES: Dict[str, str] = {
    "doc": "string",
    "lang": "string",
    "kind": "string",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "line": "int64",
    "sentence": "int64",
    "subject": "string",
    "subject_text": "string",
    "qualifier": "string",
    "value": "Float64",
    "lo": "Float64",
    "hi": "Float64",
    "unit": "string",
    "date": "date",
    "date_end": "date",
    "attribution": "string",
}

_SIDE_DTYPES = {
    "doc": "string",
    "line": "Int64",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "lo": "Float64",
    "hi": "Float64",
    "date": "date",
    "date_end": "date",
}

#: pandas dtypes of the finding columns; a finding without an ``a`` or ``b`` claim (added,
#: removed) has NA in that side's columns.
FINDING_DTYPES: Dict[str, str] = {
    "finding": "string",
    "kind": "string",
    "subject": "string",
    **{f"a_{k}": v for k, v in _SIDE_DTYPES.items()},
    **{f"b_{k}": v for k, v in _SIDE_DTYPES.items()},
    "reason": "string",
}

assert list(CLAIM_DTYPES) == CLAIM_COLUMNS, "CLAIM_DTYPES must follow the library's columns"
assert list(FINDING_DTYPES) == FINDING_COLUMNS, "FINDING_DTYPES must follow the library's columns"


def _config(config: ConfigLike) -> Optional[Config]:
    if config is None or isinstance(config, Config):
        return config
    if isinstance(config, (str, os.PathLike)):
        return Config.load(config)
    raise TypeError(f"config is a claimdiff.Config or a path, not {type(config).__name__}")


class Claims(List[Claim]):
    """A list of :class:`Claim` that converts to rows under the CSV columns of ``extract``.

    >>> import claimdiff
    >>> claims = claimdiff.extract("Mehr als 300 Menschen wurden verletzt.", published="2025-03-27")
    >>> claims.to_dicts()[0]["qualifier"], claims.to_dicts()[0]["hi"]
    ('more_than', None)
    """

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One dict per claim, keyed by :data:`CLAIM_COLUMNS`; dates are ``datetime.date``."""
        return [c.to_dict() for c in self]

    def to_pandas(self) -> "pandas.DataFrame":
        """A DataFrame with the columns of :data:`CLAIM_COLUMNS` and :data:`CLAIM_DTYPES`."""
        return _frame(_claimdiff.columns(self), CLAIM_DTYPES)


class Findings(List[Finding]):
    """A list of :class:`Finding` that converts to rows under the CSV columns of ``compare``."""

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One dict per finding, keyed by :data:`FINDING_COLUMNS`; dates are ``datetime.date``."""
        return [f.to_dict() for f in self]

    def to_pandas(self) -> "pandas.DataFrame":
        """A DataFrame with the columns of :data:`FINDING_COLUMNS` and :data:`FINDING_DTYPES`."""
        return _frame(_claimdiff.columns(self), FINDING_DTYPES)


class Report:
    """What ``compare`` and ``diff`` found, and the command's reports of it.

    >>> import claimdiff
    >>> report = claimdiff.diff([
    ...     {"id": "v1", "text": "Ein Mensch wurde getötet.", "published": "2025-03-27"},
    ...     {"id": "v2", "text": "Zwei Menschen wurden getötet.", "published": "2025-03-27"},
    ... ])
    >>> report.summary
    {'update': 1}
    >>> [(f.verdict, f.subject, f.a.text, f.b.text) for f in report.findings]
    [('update', 'people_killed', 'Ein Mensch', 'Zwei Menschen')]
    >>> report.to_markdown().splitlines()[0]
    '## claimdiff: 1 update in 2 documents'
    """

    __slots__ = ("_native",)

    def __init__(self, native: _claimdiff.NativeReport) -> None:
        self._native = native

    @property
    def findings(self) -> Findings:
        """Every finding, in the report's documented order."""
        return Findings(self._native.findings)

    @property
    def claims(self) -> Claims:
        """The claims of every document, in the order of the documents."""
        return Claims(self._native.claims)

    @property
    def summary(self) -> Dict[str, int]:
        """How many findings of each verdict, most severe first."""
        return self._native.summary

    @property
    def notes(self) -> List[str]:
        """What a reader should know beside the findings (unresolved dates), as ``json`` has it."""
        return self._native.notes

    @property
    def documents(self) -> List[Dict[str, Optional[str]]]:
        """Each document's id, lang, published, outlet, title, article and version."""
        return self._native.documents

    def to_json(self) -> str:
        """The ``--format json`` report."""
        return self._native.render("json")

    def to_jsonl(self) -> str:
        """The ``--format jsonl`` report: one finding a line."""
        return self._native.render("jsonl")

    def to_csv(self) -> str:
        """The ``--format csv`` report (cells a spreadsheet would run get an apostrophe)."""
        return self._native.render("csv")

    def to_html(self) -> str:
        """The ``--format html`` page: self-contained, every finding, the texts side by side."""
        return self._native.render("html")

    def to_markdown(self, all: bool = False) -> str:
        """The ``--format markdown`` report; ``all`` also shows agreeing and compatible findings."""
        return self._native.render("markdown", all)

    def to_sarif(self, all: bool = False) -> str:
        """The ``--format sarif`` report (SARIF 2.1.0)."""
        return self._native.render("sarif", all)

    def to_text(self, all: bool = False) -> str:
        """The ``--format text`` report, without colours."""
        return self._native.render("text", all)

    def to_pandas(self) -> "pandas.DataFrame":
        """The findings as a DataFrame (see :meth:`Findings.to_pandas`)."""
        return self.findings.to_pandas()

    def __repr__(self) -> str:
        tally = ", ".join(f"{n} {v}" for v, n in self.summary.items()) or "no findings"
        return f"<Report: {len(self._native.documents)} documents, {tally}>"


class Batch(Tuple[Claims, Findings]):
    """``(claims, findings)`` of :func:`batch`; ``errors`` lists the records it skipped."""

    errors: List[Dict[str, Optional[str]]]

    def __new__(
        cls, claims: Claims, findings: Findings, errors: List[Dict[str, Optional[str]]]
    ) -> "Batch":
        self = super().__new__(cls, (claims, findings))
        self.errors = errors
        return self

    @property
    def claims(self) -> Claims:
        return self[0]

    @property
    def findings(self) -> Findings:
        return self[1]

    def __reduce__(self) -> Tuple[Any, ...]:
        return (Batch, (self[0], self[1], self.errors))


def extract(
    text: str,
    published: PublishedLike = None,
    lang: Optional[str] = None,
    *,
    id: str = "text",
    config: ConfigLike = None,
) -> Claims:
    """The claims of one text.

    ``published`` anchors relative dates (``"2025-03-27"``, RFC 3339, a ``date`` or
    ``datetime``); without it they stay unresolved. ``lang`` is ``"de"`` or ``"en"``, detected
    when not given. A text starting with ``<`` is read as an HTML page.

    >>> import claimdiff
    >>> for c in claimdiff.extract("Am Mittwoch wurden zwei Menschen getötet.", published="2025-03-27"):
    ...     print(c.kind, c.text, c.date or c.value)
    date Am Mittwoch 2025-03-26
    count zwei Menschen 2.0
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return extract_many([{"id": id, "text": text}], published, lang, config=config)


def extract_many(
    docs: Iterable[Document],
    published: PublishedLike = None,
    lang: Optional[str] = None,
    *,
    config: ConfigLike = None,
) -> Claims:
    """The claims of several documents, as ``claimdiff extract`` lists them.

    ``published`` and ``lang`` apply to the documents that do not give their own.

    >>> import claimdiff
    >>> claims = claimdiff.extract_many([
    ...     {"id": "de", "text": "Rund 200 Menschen demonstrierten.", "lang": "de"},
    ...     {"id": "en", "text": "About 200 people protested.", "lang": "en"},
    ... ])
    >>> [(c.doc, c.qualifier, c.lo, c.hi) for c in claims]
    [('de', 'approx', 180.0, 220.0), ('en', 'approx', 180.0, 220.0)]
    """
    return Claims(_claimdiff.extract_many(docs, published, lang, _config(config)))


def compare(
    docs: Iterable[Document],
    config: ConfigLike = None,
    *,
    published: PublishedLike = None,
    lang: Optional[str] = None,
) -> Report:
    """Every pair of documents (outlets, or versions when they share an ``article``) and each
    with itself, as ``claimdiff compare``.

    >>> import claimdiff
    >>> report = claimdiff.compare([
    ...     {"id": "kurier", "text": "Vertreter aus fast 30 Ländern kamen.", "published": "2025-03-27"},
    ...     {"id": "wire", "text": "Delegates from 31 countries attended.", "published": "2025-03-27"},
    ... ])
    >>> [(f.verdict, f.a.text, f.b.text) for f in report.findings]
    [('contradiction', 'fast 30 Ländern', '31 countries')]
    """
    return Report(_claimdiff.compare(docs, published, lang, _config(config)))


def diff(
    versions: Iterable[Document],
    config: ConfigLike = None,
    *,
    published: PublishedLike = None,
    lang: Optional[str] = None,
) -> Report:
    """Versions of one article, oldest first, each against the next, as ``claimdiff diff``;
    three or more versions also give timelines in the ``json`` and ``text`` reports.

    See :class:`Report` for an example.
    """
    return Report(_claimdiff.diff(versions, published, lang, _config(config)))


def batch(
    records: Iterable[Union[Mapping[str, Any], str, bytes]],
    outlets: bool = False,
    *,
    config: ConfigLike = None,
    published: PublishedLike = None,
    lang: Optional[str] = None,
    jobs: Optional[int] = None,
    errors: str = "raise",
) -> Batch:
    """Corpus mode, as ``claimdiff batch``: records grouped by ``article`` (a record without one
    stands alone), each version against the previous version of its outlet and each document
    against itself; with ``outlets`` also the latest versions of different outlets.

    A record is a dict of manifest fields or a manifest line as read from a JSONL file (``str``
    or ``bytes``; blank lines are skipped), so ``batch(open("corpus.jsonl", "rb"))`` reads a
    manifest with the lines parsed in Rust.

    Returns ``(claims, findings)`` with the rows of every article, in the order in which articles
    first appear: the same rows as the command on a manifest of the same records. ``jobs``
    worker threads (default: every core). ``errors="raise"`` raises :class:`InputError` for the
    first record that cannot be read; ``"skip"`` leaves such records out and lists them in
    ``.errors`` as ``{"where", "id", "problem"}``, like the command's ``--errors`` file.

    >>> import claimdiff
    >>> claims, findings = claimdiff.batch([
    ...     {"id": "a2", "article": "a", "published": "2025-03-28", "text": "Zwei Menschen wurden getötet."},
    ...     {"id": "a1", "article": "a", "published": "2025-03-27", "text": "Ein Mensch wurde getötet."},
    ... ])
    >>> [(f.verdict, f.a.doc, f.b.doc) for f in findings]
    [('update', 'a1', 'a2')]
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors is "raise" or "skip", not {errors!r}')
    if jobs is not None and jobs < 1:
        raise ValueError("jobs must be at least 1")
    claims, findings, skipped = _claimdiff.batch(
        records, outlets, published, lang, _config(config), jobs, errors == "skip"
    )
    return Batch(Claims(claims), Findings(findings), skipped)


def to_pandas(rows: Union[Claims, Findings, Report, Iterable[Claim], Iterable[Finding]]) -> "pandas.DataFrame":
    """Claims or findings as a DataFrame with the CSV columns and proper dtypes: text as
    ``string``, offsets as ``int64`` (``Int64`` where a side may be missing), figures as
    ``Float64`` with open interval ends as NA, dates as ``datetime64``.

    pandas is optional: it is imported here, not with claimdiff.

    >>> import claimdiff
    >>> df = claimdiff.to_pandas(claimdiff.extract("Mehr als 300 Menschen wurden verletzt.", published="2025-03-27"))
    >>> df.loc[0, "kind"], float(df.loc[0, "lo"]), bool(df["hi"].isna()[0]), str(df["hi"].dtype)
    ('count', 301.0, True, 'Float64')
    """
    if isinstance(rows, (Claims, Findings, Report)):
        return rows.to_pandas()
    items: List[Any] = list(rows)
    if items and all(isinstance(r, Claim) for r in items):
        return Claims(items).to_pandas()
    if items and all(isinstance(r, Finding) for r in items):
        return Findings(items).to_pandas()
    if not items:
        raise ValueError("an empty list could hold claims or findings; use claimdiff.Claims() or claimdiff.Findings()")
    raise TypeError("rows are all Claim or all Finding objects")


def batch_frame(
    records: Union["pandas.DataFrame", Iterable["pandas.DataFrame"]],
    *,
    rows: str = "findings",
    outlets: bool = False,
    config: ConfigLike = None,
    published: PublishedLike = None,
    lang: Optional[str] = None,
    jobs: Optional[int] = 1,
) -> "pandas.DataFrame":
    """:func:`batch` from DataFrames of manifest records to a DataFrame of ``rows``
    (``"findings"`` or ``"claims"``), for Dask's ``map_partitions`` and Spark's ``mapInPandas``.

    Every article's records must all be in ``records`` (partition the corpus by ``article``
    first). Missing values (NaN, NaT, None) are missing fields. An empty input gives an empty
    frame with the right columns and dtypes, which Dask uses as ``meta``. ``jobs`` defaults to
    one thread, as the engine runs partitions side by side.

    >>> import claimdiff, pandas
    >>> corpus = pandas.DataFrame({
    ...     "id": ["a1", "a2"], "article": ["a", "a"], "published": ["2025-03-27", "2025-03-28"],
    ...     "text": ["Ein Mensch wurde getötet.", "Zwei Menschen wurden getötet."],
    ... })
    >>> claimdiff.batch_frame(corpus)[["finding", "a_doc", "b_doc", "a_lo", "b_lo"]].to_dict("records")
    [{'finding': 'update', 'a_doc': 'a1', 'b_doc': 'a2', 'a_lo': 1.0, 'b_lo': 2.0}]
    """
    if rows not in ("findings", "claims"):
        raise ValueError(f'rows is "findings" or "claims", not {rows!r}')
    pd = _pandas()
    frames = [records] if isinstance(records, pd.DataFrame) else list(records)

    def dicts() -> Iterable[Mapping[str, Any]]:
        for frame in frames:
            # Every missing value (NaN, NaT, NA) as None, numbers as Python numbers.
            frame = frame.astype(object).where(frame.notna(), None)
            yield from frame.to_dict("records")

    claims, findings = batch(
        dicts(), outlets, config=config, published=published, lang=lang, jobs=jobs
    )
    return (claims if rows == "claims" else findings).to_pandas()


def spark_schema(rows: str = "findings") -> str:
    """The Spark DDL schema of :func:`batch_frame`'s rows, for ``mapInPandas``.

    >>> import claimdiff
    >>> claimdiff.spark_schema("claims")[:60]
    'doc string, lang string, kind string, text string, start big'
    """
    dtypes = {"findings": FINDING_DTYPES, "claims": CLAIM_DTYPES}.get(rows)
    if dtypes is None:
        raise ValueError(f'rows is "findings" or "claims", not {rows!r}')
    spark = {"string": "string", "int64": "bigint", "Int64": "bigint", "Float64": "double", "date": "date"}
    return ", ".join(f"{name} {spark[dtype]}" for name, dtype in dtypes.items())


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "claimdiff's DataFrames need pandas: pip install pandas"
        ) from e
    return pandas


def _frame(columns: Dict[str, List[Any]], dtypes: Dict[str, str]) -> "pandas.DataFrame":
    """A DataFrame from ``_claimdiff.columns``: dates come as days since 1970-01-01."""
    pd = _pandas()
    data = {}
    for name, dtype in dtypes.items():
        values = columns.get(name, [])
        data[name] = _dates(pd, values) if dtype == "date" else pd.array(values, dtype=dtype)
    return pd.DataFrame(data)


def _dates(pd: Any, days: List[Optional[int]]) -> Any:
    """Days since 1970-01-01 (``None`` for none) as ``datetime64``: seconds since pandas 2,
    which holds any year; nanoseconds before, where days past 1677–2262 become NaT."""
    import numpy as np

    ints = pd.array(days, dtype="Int64")
    missing = np.asarray(ints.isna())
    raw = ints.to_numpy(dtype="int64", na_value=0)
    if int(pd.__version__.split(".")[0]) >= 2:
        unit = "datetime64[s]"
    else:
        unit = "datetime64[ns]"
        missing |= (raw < -106_751) | (raw > 106_750)
        raw = np.where(missing, 0, raw)
    out = raw.astype("datetime64[D]").astype(unit)
    out[missing] = np.datetime64("NaT")
    return pd.Series(out, dtype=unit)
