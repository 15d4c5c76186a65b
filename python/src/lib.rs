//! `claimdiff._claimdiff`: the library for Python. Documents come in as dicts of manifest
//! fields or as paths; claims, findings and reports go out as Python objects, and rows as
//! columns for pandas. `claimdiff/__init__.py` wraps these in the typed, documented API.
//!
//! Every call releases the GIL while it reads, extracts and compares, so Python threads (and
//! Dask's threaded scheduler) run on every core.

use std::path::{Path, PathBuf};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyBytes, PyDate, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyType,
};
use rayon::prelude::*;

use claimdiff::batch::{judge_article, RecordError};
use claimdiff::claim::{ClaimRecord, Number};
use claimdiff::document::{read_inputs, Meta};
use claimdiff::manifest::Record;
use claimdiff::report::csv::{CLAIM_COLUMNS, FINDING_COLUMNS};
use claimdiff::report::{OutputFormat, Side, WriteOptions};
use claimdiff::{Claim, Defaults, Document, Error, Finding, Lang, Published, Report};

/// The command's allocator, so Python runs at the command's speed (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// ---------------------------------------------------------------------------------------------
// Errors

/// `claimdiff.InputError(message, id, problem, where)`, defined in Python so it pickles with
/// its fields (Dask sends errors between processes).
fn input_error(py: Python<'_>, e: &RecordError) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let class = match CLASS.import(py, "claimdiff._errors", "InputError") {
        Ok(class) => class,
        Err(e) => return e,
    };
    let message = format!("{}: {}", e.id.as_deref().unwrap_or(&e.at), e.problem);
    match class.call1((message, e.id.clone(), e.problem.clone(), e.at.clone())) {
        Ok(value) => PyErr::from_value(value),
        Err(e) => e,
    }
}

/// A library error as the record error of the input at `place`; `id` is the input's own id
/// when it has one.
fn record_error(e: Error, place: &str, id: Option<String>) -> RecordError {
    let (at, id, problem) = match e {
        Error::Read { path, problem } | Error::Input { path, problem } => {
            let path = path.display().to_string();
            (place.to_string(), id.or(Some(path)), problem)
        }
        Error::Record {
            path,
            line,
            problem,
        } => (format!("{}:{line}", path.display()), id, problem),
        Error::Write { problem, .. } => (place.to_string(), id, problem),
        Error::Usage(problem) => {
            // `into_document` puts the place first: "record 3: the record has neither …".
            let problem = problem
                .strip_prefix(&format!("{place}: "))
                .map(str::to_string)
                .unwrap_or(problem);
            (place.to_string(), id, problem)
        }
    };
    RecordError { at, id, problem }
}

// ---------------------------------------------------------------------------------------------
// Documents in

/// One input as Python gave it: a manifest record, or a path the command would read.
enum Input {
    Record { record: Box<Record>, place: String },
    Path(PathBuf),
}

/// A record field as text: strings as they are, numbers as the manifest writes them, dates
/// and times through `isoformat()`; `None`, NaN and NaT are missing.
fn field_text(value: &Bound<'_, PyAny>, field: &str) -> Result<Option<String>, String> {
    if value.is_none() {
        return Ok(None);
    }
    if value.is_instance_of::<PyString>() {
        return value
            .extract::<String>()
            .map(Some)
            .map_err(|e| e.to_string());
    }
    if value.is_instance_of::<PyBool>() {
        return Err(format!("`{field}` is a bool, not text"));
    }
    if value.is_instance_of::<PyInt>() {
        return Ok(Some(value.str().map_err(|e| e.to_string())?.to_string()));
    }
    if value.is_instance_of::<PyFloat>() {
        let v: f64 = value.extract().map_err(|e: PyErr| e.to_string())?;
        return Ok((!v.is_nan()).then(|| Number(v).to_string()));
    }
    if let Ok(Some(isoformat)) = value.getattr_opt("isoformat") {
        // pandas' NaT has an `isoformat` too, and is not equal to itself.
        if value.ne(value).unwrap_or(false) {
            return Ok(None);
        }
        let text = isoformat.call0().and_then(|t| t.extract::<String>());
        return text.map(Some).map_err(|e| e.to_string());
    }
    if let Ok(n) = value.extract::<i64>() {
        // numpy integers and other objects with `__index__`.
        return Ok(Some(n.to_string()));
    }
    let kind = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(format!(
        "`{field}` must be text, a number or a date, not {kind}"
    ))
}

/// Reads a dict (or other mapping) of manifest fields.
fn record_of(item: &Bound<'_, PyAny>, place: &str) -> PyResult<Result<Record, RecordError>> {
    let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        if let Ok(dict) = item.cast::<PyDict>() {
            return dict.get_item(key);
        }
        Ok(Some(item.call_method1("get", (key,))?))
    };
    if !item.is_instance_of::<PyDict>() && item.cast::<PyMapping>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "{place}: a document is a dict of manifest fields or a path, not {}",
            item.get_type().name()?
        )));
    }
    let text = |key: &str| -> PyResult<Result<Option<String>, String>> {
        Ok(match get(key)? {
            Some(value) => field_text(&value, key),
            None => Ok(None),
        })
    };
    let id = text("id")?;
    let fields = (|| -> PyResult<Result<Record, String>> {
        let mut meta = Meta::default();
        for (key, slot) in [
            ("id", &mut meta.id),
            ("published", &mut meta.published),
            ("outlet", &mut meta.outlet),
            ("article", &mut meta.article),
            ("version", &mut meta.version),
            ("lang", &mut meta.lang),
            ("title", &mut meta.title),
        ] {
            match text(key)? {
                Ok(value) => *slot = value,
                Err(problem) => return Ok(Err(problem)),
            }
        }
        let body = match get("text")? {
            Some(v) if !v.is_none() => match v.extract::<String>() {
                Ok(s) => Some(s),
                Err(_) if v.is_instance_of::<PyString>() => {
                    return Ok(Err("`text` is not valid Unicode (lone surrogates)".into()))
                }
                Err(_) if v.is_instance_of::<PyFloat>() => None, // pandas' NaN
                Err(_) => {
                    return Ok(Err(format!(
                        "`text` must be a str, not {}",
                        v.get_type().name()?
                    )))
                }
            },
            _ => None,
        };
        let path = match get("path")? {
            Some(v) if !v.is_none() && !v.is_instance_of::<PyFloat>() => {
                match v.extract::<PathBuf>() {
                    Ok(p) => Some(p),
                    Err(_) => return Ok(Err("`path` must be a str or a path".into())),
                }
            }
            _ => None,
        };
        Ok(Ok(Record {
            meta,
            text: body,
            path,
        }))
    })()?;
    Ok(fields.map_err(|problem| RecordError {
        at: place.to_string(),
        id: id.ok().flatten(),
        problem,
    }))
}

/// A record of `batch` as Python gave it: a dict already read, or a manifest line still to parse.
enum Pending {
    Read(Result<Record, RecordError>),
    Line(Vec<u8>),
}

/// A manifest line as read from a JSONL file (`str` or `bytes`); `None` for a blank line.
fn manifest_line(item: &Bound<'_, PyAny>) -> Option<Pending> {
    let bytes = match item.cast::<PyBytes>() {
        Ok(bytes) => bytes.as_bytes().to_vec(),
        Err(_) => match item.extract::<String>() {
            Ok(text) => text.into_bytes(),
            Err(_) => {
                let problem = "not valid Unicode (lone surrogates)".to_string();
                return Some(Pending::Read(Err(RecordError {
                    at: String::new(),
                    id: None,
                    problem,
                })));
            }
        },
    };
    (!bytes.iter().all(u8::is_ascii_whitespace)).then_some(Pending::Line(bytes))
}

impl Pending {
    /// Parses a line as the command parses a manifest line.
    fn parse(self, place: &str) -> Result<Record, RecordError> {
        let fail = |problem: String| RecordError {
            at: place.to_string(),
            id: None,
            problem,
        };
        let bytes = match self {
            Pending::Read(record) => {
                return record.map_err(|e| RecordError {
                    at: place.to_string(),
                    ..e
                })
            }
            Pending::Line(bytes) => bytes,
        };
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| fail(format!("not valid UTF-8 (byte {})", e.valid_up_to())))?;
        // A byte-order mark, as some exporters write, is not part of the first record.
        let line = text.trim_start_matches('\u{feff}');
        claimdiff::manifest::parse_line(Path::new(place), 0, line).map_err(|e| match e {
            Error::Record { problem, .. } => fail(problem),
            other => fail(other.to_string()),
        })
    }
}

/// The inputs of an iterable: dicts are records, `str` and `os.PathLike` are paths.
fn inputs_of(docs: &Bound<'_, PyAny>) -> PyResult<Vec<Result<Input, RecordError>>> {
    let mut out = Vec::new();
    for (n, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        let place = format!("record {}", n + 1);
        if item.is_instance_of::<PyString>() || item.hasattr("__fspath__")? {
            out.push(Ok(Input::Path(item.extract::<PathBuf>()?)));
        } else {
            out.push(record_of(&item, &place)?.map(|record| Input::Record {
                record: Box::new(record),
                place,
            }));
        }
    }
    Ok(out)
}

/// Reads the inputs into documents, the way the command reads files and manifest lines.
fn documents(
    inputs: Vec<Result<Input, RecordError>>,
    defaults: &Defaults,
) -> Result<Vec<Document>, RecordError> {
    let mut docs = Vec::with_capacity(inputs.len());
    for input in inputs {
        match input? {
            Input::Record { record, place } => docs.push(read_record(*record, &place, defaults)?),
            Input::Path(path) => {
                let place = path.display().to_string();
                docs.extend(
                    read_inputs(&[path], defaults).map_err(|e| record_error(e, &place, None))?,
                );
            }
        }
    }
    Ok(docs)
}

fn read_record(record: Record, place: &str, defaults: &Defaults) -> Result<Document, RecordError> {
    let id = record.meta.id.clone();
    // A relative `path` is read from the current folder.
    record
        .into_document(Path::new(""), defaults, place)
        .map_err(|e| record_error(e, place, id))
}

/// The defaults for documents that do not say: `published` as text, date or datetime.
fn defaults_of(published: Option<&Bound<'_, PyAny>>, lang: Option<&str>) -> PyResult<Defaults> {
    let published = match published {
        None => None,
        Some(value) => match field_text(value, "published").map_err(PyValueError::new_err)? {
            None => None,
            Some(text) => Some(Published::parse(&text).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "published: cannot read {text:?} as a date or time (2025-03-27 or RFC 3339)"
                ))
            })?),
        },
    };
    let lang = match lang {
        Some(l) => Some(l.parse::<Lang>().map_err(PyValueError::new_err)?),
        None => None,
    };
    Ok(Defaults { published, lang })
}

// ---------------------------------------------------------------------------------------------
// Config

/// `claimdiff.toml`: tolerances, running tallies and extra concepts.
#[pyclass(name = "Config", module = "claimdiff", frozen)]
#[derive(Clone)]
struct PyConfig(claimdiff::Config);

#[pymethods]
impl PyConfig {
    /// The defaults (what an empty `claimdiff.toml` gives).
    #[new]
    fn new() -> Self {
        PyConfig(claimdiff::Config::default())
    }

    /// Reads a `claimdiff.toml`.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let place = path.display().to_string();
        claimdiff::Config::load(Some(&path))
            .map(PyConfig)
            .map_err(|e| input_error(py, &record_error(e, &place, None)))
    }

    /// Parses the text of a `claimdiff.toml`.
    #[staticmethod]
    fn parse(py: Python<'_>, text: &str) -> PyResult<Self> {
        let name = claimdiff::config::FILE_NAME;
        claimdiff::Config::parse(Path::new(name), text)
            .map(PyConfig)
            .map_err(|e| input_error(py, &record_error(e, name, None)))
    }

    #[getter]
    fn running_tallies(&self) -> Vec<String> {
        self.0.running_tallies.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "Config(approx={}, almost={}, running_tallies={:?}, concepts={})",
            self.0.hedges.approx,
            self.0.hedges.almost,
            self.0.running_tallies,
            self.0.concepts.len()
        )
    }
}

fn config_of(config: Option<&Bound<'_, PyConfig>>) -> claimdiff::Config {
    config.map_or_else(claimdiff::Config::default, |c| c.get().0.clone())
}

// ---------------------------------------------------------------------------------------------
// Claims and findings out

/// One value of a row, typed.
enum Cell<'a> {
    Text(&'a str),
    /// Text written when asked for (a finding's reason).
    Written(String),
    OptText(Option<&'a str>),
    Int(usize),
    OptInt(Option<usize>),
    Num(Option<f64>),
    Date(Option<chrono::NaiveDate>),
}

const _: () = assert!(CLAIM_COLUMNS.len() == 18 && FINDING_COLUMNS.len() == 22);

/// A claim's cells under [`CLAIM_COLUMNS`].
fn claim_cells(c: &Claim) -> [Cell<'_>; 18] {
    let r = ClaimRecord::from(c);
    [
        Cell::Text(r.doc),
        Cell::Text(r.lang.code()),
        Cell::Text(r.kind.as_str()),
        Cell::Text(r.text),
        Cell::Int(r.start),
        Cell::Int(r.end),
        Cell::Int(r.line),
        Cell::Int(r.sentence),
        Cell::Text(r.subject),
        Cell::Text(r.subject_text),
        Cell::Text(r.qualifier.as_str()),
        Cell::Num(r.value.map(|n| n.0)),
        Cell::Num(r.lo.map(|n| n.0)),
        Cell::Num(r.hi.map(|n| n.0)),
        Cell::OptText(r.unit),
        Cell::Date(r.date),
        Cell::Date(r.date_end),
        Cell::OptText(r.attribution),
    ]
}

/// One side of a finding: the nine `a_*` or `b_*` cells.
fn side_cells(side: Option<Side<'_>>) -> [Cell<'_>; 9] {
    match side {
        Some(s) => [
            Cell::OptText(Some(s.doc)),
            Cell::OptInt(Some(s.line)),
            Cell::OptInt(Some(s.start)),
            Cell::OptInt(Some(s.end)),
            Cell::OptText(Some(s.text)),
            Cell::Num(s.lo.map(|n| n.0)),
            Cell::Num(s.hi.map(|n| n.0)),
            Cell::Date(s.date),
            Cell::Date(s.date_end),
        ],
        None => [
            Cell::OptText(None),
            Cell::OptInt(None),
            Cell::OptInt(None),
            Cell::OptInt(None),
            Cell::OptText(None),
            Cell::Num(None),
            Cell::Num(None),
            Cell::Date(None),
            Cell::Date(None),
        ],
    }
}

/// A finding's cells under [`FINDING_COLUMNS`].
fn finding_cells(f: &Finding) -> Vec<Cell<'_>> {
    let mut cells = Vec::with_capacity(FINDING_COLUMNS.len());
    cells.push(Cell::Text(f.verdict.as_str()));
    cells.push(Cell::Text(f.kind.as_str()));
    cells.push(Cell::Text(&f.subject));
    cells.extend(side_cells(f.a.as_ref().map(Side::from)));
    cells.extend(side_cells(f.b.as_ref().map(Side::from)));
    cells.push(Cell::Written(f.reason()));
    cells
}

/// How dates leave: `datetime.date` for dicts, days since 1970-01-01 for columns.
#[derive(Clone, Copy)]
enum Dates {
    Objects,
    Days,
}

fn cell_object<'py>(py: Python<'py>, cell: &Cell<'_>, dates: Dates) -> PyResult<Bound<'py, PyAny>> {
    Ok(match *cell {
        Cell::Text(s) | Cell::OptText(Some(s)) => PyString::new(py, s).into_any(),
        Cell::Written(ref s) => PyString::new(py, s).into_any(),
        Cell::Int(n) | Cell::OptInt(Some(n)) => n.into_pyobject(py)?.into_any(),
        Cell::Num(Some(v)) => PyFloat::new(py, v).into_any(),
        Cell::Date(Some(d)) => match dates {
            Dates::Objects => {
                use chrono::Datelike;
                PyDate::new(py, d.year(), d.month() as u8, d.day() as u8)?.into_any()
            }
            Dates::Days => {
                let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
                (d - epoch).num_days().into_pyobject(py)?.into_any()
            }
        },
        Cell::OptText(None) | Cell::OptInt(None) | Cell::Num(None) | Cell::Date(None) => {
            py.None().into_bound(py)
        }
    })
}

fn row_dict<'py>(
    py: Python<'py>,
    columns: &[&str],
    cells: &[Cell<'_>],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, cell) in columns.iter().zip(cells) {
        dict.set_item(name, cell_object(py, cell, Dates::Objects)?)?;
    }
    Ok(dict)
}

fn opt_number(v: Option<f64>) -> String {
    v.map_or_else(|| "None".to_string(), |v| Number(v).to_string())
}

/// One checkable statement of fact: what was said, where, and the interval it allows.
#[pyclass(name = "Claim", module = "claimdiff", frozen)]
struct PyClaim(Claim);

#[pymethods]
impl PyClaim {
    /// The id of the document the claim was read from.
    #[getter]
    fn doc(&self) -> &str {
        self.0.doc()
    }
    #[getter]
    fn lang(&self) -> &'static str {
        self.0.lang.code()
    }
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// The mention exactly as it stands in the text.
    #[getter]
    fn text(&self) -> &str {
        self.0.text()
    }
    /// Byte offsets into the document as read.
    #[getter]
    fn start(&self) -> usize {
        self.0.span.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.span.end
    }
    #[getter]
    fn line(&self) -> usize {
        self.0.span.line
    }
    /// The 0-based index of the sentence.
    #[getter]
    fn sentence(&self) -> usize {
        self.0.span.sentence
    }
    #[getter]
    fn sentence_text(&self) -> &str {
        self.0.sentence_text()
    }
    #[getter]
    fn subject(&self) -> &str {
        &self.0.subject
    }
    #[getter]
    fn subject_text(&self) -> &str {
        &self.0.subject_text
    }
    #[getter]
    fn qualifier(&self) -> &'static str {
        self.0.qualifier.as_str()
    }
    #[getter]
    fn value(&self) -> Option<f64> {
        self.0.value
    }
    #[getter]
    fn lo(&self) -> Option<f64> {
        self.0.lo()
    }
    /// `None` for an interval open upwards ("mehr als 30").
    #[getter]
    fn hi(&self) -> Option<f64> {
        self.0.hi()
    }
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.0.unit.as_deref()
    }
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        cell_object(
            py,
            &Cell::Date(self.0.days.map(|d| d.start)),
            Dates::Objects,
        )
    }
    #[getter]
    fn date_end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let end = self.0.days.and_then(|d| d.end);
        cell_object(py, &Cell::Date(end), Dates::Objects)
    }
    #[getter]
    fn attribution(&self) -> Option<&str> {
        self.0.attribution.as_deref()
    }
    /// Why a time claim has no resolved day.
    #[getter]
    fn unresolved(&self) -> Option<&str> {
        self.0.unresolved.as_deref()
    }

    /// The claim as a row under the CSV columns of `extract`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        row_dict(py, CLAIM_COLUMNS, &claim_cells(&self.0))
    }

    fn __repr__(&self) -> String {
        let c = &self.0;
        format!(
            "Claim(kind={:?}, text={:?}, subject={:?}, qualifier={:?}, lo={}, hi={}, doc={:?}, line={})",
            c.kind.as_str(),
            c.text(),
            c.subject,
            c.qualifier.as_str(),
            opt_number(c.lo()),
            opt_number(c.hi()),
            c.doc(),
            c.span.line
        )
    }
}

/// What two claims amount to: the verdict, both claims and why.
#[pyclass(name = "Finding", module = "claimdiff", frozen)]
struct PyFinding(Finding);

#[pymethods]
impl PyFinding {
    /// `contradiction`, `correction`, `update`, `added`, `removed`, `compatible` or `agree`
    /// (the `finding` column of the CSV).
    #[getter]
    fn verdict(&self) -> &'static str {
        self.0.verdict.as_str()
    }
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    #[getter]
    fn subject(&self) -> &str {
        &self.0.subject
    }
    /// The earlier (or older, or first) claim; `None` for an added claim.
    #[getter]
    fn a(&self) -> Option<PyClaim> {
        self.0.a.clone().map(PyClaim)
    }
    /// The later claim; `None` for a removed claim.
    #[getter]
    fn b(&self) -> Option<PyClaim> {
        self.0.b.clone().map(PyClaim)
    }
    #[getter]
    fn reason(&self) -> String {
        self.0.reason()
    }

    /// The finding as a row under the CSV columns of `compare`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        row_dict(py, FINDING_COLUMNS, &finding_cells(&self.0))
    }

    fn __repr__(&self) -> String {
        let f = &self.0;
        let side = |c: &Option<Claim>| {
            c.as_ref()
                .map_or_else(|| "None".to_string(), |c| format!("{:?}", c.text()))
        };
        format!(
            "Finding(verdict={:?}, kind={:?}, subject={:?}, a={}, b={})",
            f.verdict.as_str(),
            f.kind.as_str(),
            f.subject,
            side(&f.a),
            side(&f.b)
        )
    }
}

/// Rows as columns, for pandas: `{column: [values]}`, dates as days since 1970-01-01.
#[pyfunction]
fn columns<'py>(py: Python<'py>, items: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let mut kind: Option<&'static [&'static str]> = None;
    let mut cols: Vec<Vec<Bound<'py, PyAny>>> = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        let (names, cells): (&'static [&'static str], Vec<Bound<'py, PyAny>>) =
            if let Ok(c) = item.cast::<PyClaim>() {
                let cells = claim_cells(&c.get().0);
                let objects = cells.iter().map(|cell| cell_object(py, cell, Dates::Days));
                (CLAIM_COLUMNS, objects.collect::<PyResult<_>>()?)
            } else if let Ok(f) = item.cast::<PyFinding>() {
                let cells = finding_cells(&f.get().0);
                let objects = cells.iter().map(|cell| cell_object(py, cell, Dates::Days));
                (FINDING_COLUMNS, objects.collect::<PyResult<_>>()?)
            } else {
                return Err(PyTypeError::new_err(format!(
                    "rows are Claim or Finding objects, not {}",
                    item.get_type().name()?
                )));
            };
        match kind {
            None => {
                kind = Some(names);
                cols = names.iter().map(|_| Vec::new()).collect();
            }
            Some(k) if !std::ptr::eq(k, names) => {
                return Err(PyTypeError::new_err(
                    "rows mix claims and findings; convert each on its own",
                ))
            }
            Some(_) => {}
        }
        for (col, cell) in cols.iter_mut().zip(cells) {
            col.push(cell);
        }
    }
    let out = PyDict::new(py);
    if let Some(names) = kind {
        for (name, col) in names.iter().zip(cols) {
            out.set_item(name, PyList::new(py, col)?)?;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Reports

/// A report as the command writes it.
#[pyclass(name = "NativeReport", module = "claimdiff", frozen)]
struct PyReport(Report);

#[pymethods]
impl PyReport {
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        self.0.findings.iter().cloned().map(PyFinding).collect()
    }
    #[getter]
    fn claims(&self) -> Vec<PyClaim> {
        self.0.claims.iter().cloned().map(PyClaim).collect()
    }
    /// Count of findings per verdict, most severe first.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (verdict, n) in self.0.tally() {
            out.set_item(verdict.as_str(), n)?;
        }
        Ok(out)
    }
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.0.notes()
    }
    /// The documents' metadata, as the `json` report lists it.
    #[getter]
    fn documents<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.0
            .documents
            .iter()
            .map(|d| {
                let out = PyDict::new(py);
                out.set_item("id", &d.id)?;
                out.set_item("lang", d.lang.code())?;
                out.set_item("published", d.published.map(|p| p.to_string()))?;
                out.set_item("outlet", d.outlet.as_deref())?;
                out.set_item("title", d.title.as_deref())?;
                out.set_item("article", d.article.as_deref())?;
                out.set_item("version", d.version.as_deref())?;
                Ok(out)
            })
            .collect()
    }

    /// The report in a `--format`, byte for byte what the command writes (without colours).
    #[pyo3(signature = (format, all=false))]
    fn render(&self, py: Python<'_>, format: &str, all: bool) -> PyResult<String> {
        let format = OutputFormat::ALL
            .into_iter()
            .find(|f| format_name(*f) == format)
            .ok_or_else(|| PyValueError::new_err(format!("unknown format {format:?}")))?;
        let options = WriteOptions { color: false, all };
        let report = &self.0;
        let bytes = py.detach(|| {
            let mut out = Vec::new();
            claimdiff::report::write(report, format, &options, &mut out).map(|_| out)
        })?;
        String::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

fn format_name(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Text => "text",
        OutputFormat::Markdown => "markdown",
        OutputFormat::Html => "html",
        OutputFormat::Json => "json",
        OutputFormat::Jsonl => "jsonl",
        OutputFormat::Csv => "csv",
        OutputFormat::Sarif => "sarif",
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

/// Reads the inputs with the GIL held, then runs `work` on the documents without it.
fn run<T: Send>(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    lang: Option<&str>,
    work: impl FnOnce(Vec<Document>) -> T + Send,
) -> PyResult<T> {
    let defaults = defaults_of(published, lang)?;
    let inputs = inputs_of(docs)?;
    let result = py.detach(|| documents(inputs, &defaults).map(work));
    result.map_err(|e| input_error(py, &e))
}

/// The claims of every document (`claimdiff extract`).
#[pyfunction]
#[pyo3(signature = (docs, published=None, lang=None, config=None))]
fn extract_many(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    lang: Option<&str>,
    config: Option<&Bound<'_, PyConfig>>,
) -> PyResult<Vec<PyClaim>> {
    let config = config_of(config);
    let report = run(py, docs, published, lang, |docs| {
        claimdiff::extract_all(docs, &config)
    })?;
    Ok(report.claims.into_iter().map(PyClaim).collect())
}

/// Every pair of documents and each with itself (`claimdiff compare`).
#[pyfunction]
#[pyo3(signature = (docs, published=None, lang=None, config=None))]
fn compare(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    lang: Option<&str>,
    config: Option<&Bound<'_, PyConfig>>,
) -> PyResult<PyReport> {
    let config = config_of(config);
    run(py, docs, published, lang, |docs| {
        PyReport(claimdiff::compare(docs, &config))
    })
}

/// Versions of one article, oldest first (`claimdiff diff`).
#[pyfunction]
#[pyo3(signature = (versions, published=None, lang=None, config=None))]
fn diff(
    py: Python<'_>,
    versions: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    lang: Option<&str>,
    config: Option<&Bound<'_, PyConfig>>,
) -> PyResult<PyReport> {
    let config = config_of(config);
    let report = run(py, versions, published, lang, |mut docs| {
        if docs.len() == 2 {
            let new = docs.pop()?;
            let old = docs.pop()?;
            Some(claimdiff::diff(old, new, &config))
        } else if docs.len() > 2 {
            Some(claimdiff::versions(docs, &config))
        } else {
            None
        }
    })?;
    report
        .map(PyReport)
        .ok_or_else(|| PyValueError::new_err("diff needs two or more versions"))
}

/// Where `batch` runs its work: the calling thread, a pool of `jobs` threads, or every core.
enum Workers {
    Here,
    Pool(rayon::ThreadPool),
    EveryCore,
}

impl Workers {
    fn new(jobs: Option<usize>) -> PyResult<Workers> {
        match jobs {
            None => Ok(Workers::EveryCore),
            Some(0 | 1) => Ok(Workers::Here),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .thread_name(|i| format!("claimdiff-batch-{i}"))
                .build()
                .map(Workers::Pool)
                .map_err(|e| {
                    PyValueError::new_err(format!("cannot start {n} worker threads: {e}"))
                }),
        }
    }

    /// `f` over the items, results in the items' order.
    fn map<T: Send, U: Send>(&self, items: Vec<T>, f: impl Fn(T) -> U + Send + Sync) -> Vec<U> {
        match self {
            Workers::Here => items.into_iter().map(f).collect(),
            Workers::Pool(pool) => pool.install(|| items.into_par_iter().map(f).collect()),
            Workers::EveryCore => items.into_par_iter().map(f).collect(),
        }
    }
}

/// One article group of `batch`: its records, or why one could not be read.
type Group = Vec<Result<(Record, String), RecordError>>;

/// Groups records by article, in order of first appearance; a record without one, or one that
/// could not be read, stands alone.
fn by_article(records: Vec<(Result<Record, RecordError>, String)>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (record, place) in records {
        let group = match &record {
            Ok(r) => r.meta.article.as_ref().map(|a| {
                *index.entry(a.clone()).or_insert_with(|| {
                    groups.push(Vec::new());
                    groups.len() - 1
                })
            }),
            Err(_) => None,
        };
        let entry = record.map(|r| (r, place));
        match group {
            Some(g) => groups[g].push(entry),
            None => groups.push(vec![entry]),
        }
    }
    groups
}

/// One article group read: its documents, where each record stands, and the records that
/// could not be read.
#[derive(Default)]
struct ReadGroup {
    docs: Vec<Document>,
    places: Vec<String>,
    errors: Vec<RecordError>,
}

/// One article group's outcome.
#[derive(Default)]
struct GroupOut {
    claims: Vec<Claim>,
    findings: Vec<Finding>,
    errors: Vec<RecordError>,
}

fn read_group(group: Group, defaults: &Defaults) -> ReadGroup {
    let mut out = ReadGroup::default();
    for entry in group {
        match entry.and_then(|(record, place)| {
            out.places.push(place.clone());
            read_record(record, &place, defaults)
        }) {
            Ok(doc) => out.docs.push(doc),
            Err(e) => out.errors.push(e),
        }
    }
    out
}

fn judge_group(group: ReadGroup, outlets: bool, config: &claimdiff::Config) -> GroupOut {
    let ReadGroup {
        docs,
        places,
        mut errors,
    } = group;
    // A bug on one article (never meant to happen) is reported as its records' error, as the
    // command does, instead of ending a run that may have taken hours.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        judge_article(docs, outlets, config)
    })) {
        Ok(article) => GroupOut {
            claims: article.claims.into_iter().flatten().collect(),
            findings: article.findings,
            errors,
        },
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            errors.extend(places.into_iter().map(|at| RecordError {
                at,
                id: None,
                problem: format!("internal error on this article, please report it: {message}"),
            }));
            GroupOut {
                errors,
                ..GroupOut::default()
            }
        }
    }
}

/// Corpus mode over records in memory (`claimdiff batch`): the rows of every article, in the
/// order in which articles first appear, and the records that could not be read.
#[pyfunction]
#[pyo3(signature = (records, outlets=false, published=None, lang=None, config=None, jobs=None, skip_errors=false))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn batch<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    outlets: bool,
    published: Option<&Bound<'py, PyAny>>,
    lang: Option<&str>,
    config: Option<&Bound<'py, PyConfig>>,
    jobs: Option<usize>,
    skip_errors: bool,
) -> PyResult<(Vec<PyClaim>, Vec<PyFinding>, Vec<Bound<'py, PyDict>>)> {
    let config = config_of(config);
    let defaults = defaults_of(published, lang)?;
    let workers = Workers::new(jobs)?;
    let mut pending = Vec::new();
    for (n, item) in records.try_iter()?.enumerate() {
        let place = format!("record {}", n + 1);
        let item = item?;
        if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() {
            pending.extend(manifest_line(&item).map(|p| (p, place)));
        } else {
            pending.push((Pending::Read(record_of(&item, &place)?), place));
        }
    }
    let outs = py.detach(|| {
        // Lines are parsed on the workers; then every record is read before any is judged,
        // so a bad one raises at once.
        let records = workers.map(pending, |(p, place)| (p.parse(&place), place));
        let read = workers.map(by_article(records), |g| read_group(g, &defaults));
        if !skip_errors {
            if let Some(e) = read.iter().find_map(|g| g.errors.first()) {
                return Err(e.clone());
            }
        }
        Ok(workers.map(read, |g| judge_group(g, outlets, &config)))
    });
    let outs = outs.map_err(|e| input_error(py, &e))?;
    let mut claims = Vec::new();
    let mut findings = Vec::new();
    let mut errors = Vec::new();
    for out in outs {
        claims.extend(out.claims.into_iter().map(PyClaim));
        findings.extend(out.findings.into_iter().map(PyFinding));
        for e in out.errors {
            let d = PyDict::new(py);
            d.set_item("where", &e.at)?;
            d.set_item("id", &e.id)?;
            d.set_item("problem", &e.problem)?;
            errors.push(d);
        }
    }
    Ok((claims, findings, errors))
}

#[pymodule]
fn _claimdiff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyConfig>()?;
    m.add_class::<PyClaim>()?;
    m.add_class::<PyFinding>()?;
    m.add_class::<PyReport>()?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(batch, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add("CLAIM_COLUMNS", CLAIM_COLUMNS.to_vec())?;
    m.add("FINDING_COLUMNS", FINDING_COLUMNS.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
