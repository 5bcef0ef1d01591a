"""Doctests (the docstrings under kg/ and the README's session) run each in a fresh temporary
folder holding a copy of examples/, so that their examples read the example article and write
files and the default store ``output/store`` as a user would, and leave nothing behind. The
tests' own fixtures are in tests/conftest.py."""

import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent / "examples"


@pytest.fixture(autouse=True)
def _doctests_in_a_temporary_folder(request, tmp_path, monkeypatch):
    if type(request.node).__name__ == "DoctestItem":
        shutil.copytree(EXAMPLES, tmp_path / "examples")
        monkeypatch.chdir(tmp_path)
