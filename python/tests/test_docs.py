"""The examples in the package's docstrings run, and print what they say."""

from __future__ import annotations

import doctest

import pytest

import claimdiff
import claimdiff._errors


@pytest.mark.parametrize("module", [claimdiff, claimdiff._errors], ids=lambda m: m.__name__)
def test_docstring_examples_run(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0
    assert result.attempted >= (20 if module is claimdiff else 2)
