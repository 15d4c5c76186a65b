"""The exception claimdiff raises for input it cannot read."""

from __future__ import annotations

from typing import Any, Optional, Tuple


class InputError(ValueError):
    """A document, record or config file that claimdiff cannot read.

    ``str(error)`` reads like the command's one-line error (``"a.md: the document has no
    text"``); ``id`` is the document's id (``None`` when it has none), ``problem`` what is
    wrong, and ``where`` where the input stands (``"record 3"`` for the third dict given, or the
    file and line of a manifest or config).

    >>> import claimdiff
    >>> try:
    ...     claimdiff.extract("   ", id="leer")
    ... except claimdiff.InputError as e:
    ...     print(e.id, "|", e.problem)
    leer | the document has no text
    """

    def __init__(
        self,
        message: str,
        id: Optional[str] = None,
        problem: Optional[str] = None,
        where: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.id = id
        self.problem = problem if problem is not None else message
        self.where = where

    def __reduce__(self) -> Tuple[Any, ...]:  # keeps the fields when sent between processes
        return (type(self), (str(self), self.id, self.problem, self.where))
