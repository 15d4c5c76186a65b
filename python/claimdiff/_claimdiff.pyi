"""Types of the extension module; the package's functions in ``__init__.py`` wrap it."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union, final

__all__ = [
    "CLAIM_COLUMNS",
    "Claim",
    "Config",
    "FINDING_COLUMNS",
    "Finding",
    "NativeReport",
    "__version__",
    "batch",
    "columns",
    "compare",
    "diff",
    "extract_many",
]

__version__: str
#: The claim columns of ``extract --format csv`` and ``batch --claims FILE.csv``.
CLAIM_COLUMNS: List[str]
#: The finding columns of ``compare --format csv`` and ``batch --findings FILE.csv``.
FINDING_COLUMNS: List[str]

_Document = Union[Mapping[str, Any], str, os.PathLike[str]]
_Published = Union[str, datetime.date, None]

@final
class Config:
    """``claimdiff.toml``: tolerances, running tallies and extra concepts."""

    def __init__(self) -> None: ...
    @staticmethod
    def load(path: Union[str, os.PathLike[str]]) -> "Config": ...
    @staticmethod
    def parse(text: str) -> "Config": ...
    @property
    def running_tallies(self) -> List[str]: ...

@final
class Claim:
    """One checkable statement of fact: what was said, where, and the interval it allows."""

    @property
    def doc(self) -> str: ...
    @property
    def lang(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def sentence(self) -> int: ...
    @property
    def sentence_text(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def subject_text(self) -> str: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def value(self) -> Optional[float]: ...
    @property
    def lo(self) -> Optional[float]: ...
    @property
    def hi(self) -> Optional[float]: ...
    @property
    def unit(self) -> Optional[str]: ...
    @property
    def date(self) -> Optional[datetime.date]: ...
    @property
    def date_end(self) -> Optional[datetime.date]: ...
    @property
    def attribution(self) -> Optional[str]: ...
    @property
    def unresolved(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Finding:
    """What two claims amount to: the verdict, both claims and why."""

    @property
    def verdict(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def a(self) -> Optional[Claim]: ...
    @property
    def b(self) -> Optional[Claim]: ...
    @property
    def reason(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class NativeReport:
    @property
    def findings(self) -> List[Finding]: ...
    @property
    def claims(self) -> List[Claim]: ...
    @property
    def summary(self) -> Dict[str, int]: ...
    @property
    def notes(self) -> List[str]: ...
    @property
    def documents(self) -> List[Dict[str, Optional[str]]]: ...
    def render(self, format: str, all: bool = False) -> str: ...

def extract_many(
    docs: Iterable[_Document],
    published: _Published = None,
    lang: Optional[str] = None,
    config: Optional[Config] = None,
) -> List[Claim]: ...
def compare(
    docs: Iterable[_Document],
    published: _Published = None,
    lang: Optional[str] = None,
    config: Optional[Config] = None,
) -> NativeReport: ...
def diff(
    versions: Iterable[_Document],
    published: _Published = None,
    lang: Optional[str] = None,
    config: Optional[Config] = None,
) -> NativeReport: ...
def batch(
    records: Iterable[Union[Mapping[str, Any], str, bytes]],
    outlets: bool = False,
    published: _Published = None,
    lang: Optional[str] = None,
    config: Optional[Config] = None,
    jobs: Optional[int] = None,
    skip_errors: bool = False,
) -> Tuple[List[Claim], List[Finding], List[Dict[str, Optional[str]]]]: ...
def columns(items: Iterable[Union[Claim, Finding]]) -> Dict[str, List[Any]]: ...
