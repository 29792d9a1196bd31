"""What the README and the docstrings name is there: each project file the README names, and each module or
name of the project a docstring or comment names in backquotes (``editorial.surrogate_keys.stretch_keys``)."""

import importlib
import re
import subprocess

import pytest

from tests.paths import ROOT

TRACKED = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
FOLDERS = sorted({path.split("/")[0] for path in TRACKED if "/" in path})
SOURCES = [path for path in TRACKED if path.endswith(".py") and "/migrations/" not in path]
APPS = sorted(folder for folder in FOLDERS if (ROOT / folder / "__init__.py").exists())  # the project's packages


def test_every_project_file_the_readme_names_is_there():
    readme = (ROOT / "README.md").read_text()
    named = {path for path in re.findall(r"`([\w.\-/]+\.\w+)`", readme) if path.split("/")[0] in FOLDERS}
    assert len(named) > 10  # the pattern still finds what the README names
    assert sorted(path for path in named if not (ROOT / path).exists()) == []


def resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


@pytest.mark.django_db
def test_every_module_and_name_the_code_names_in_backquotes_is_there():
    pattern = re.compile(r"``?((?:" + "|".join(APPS) + r")\.[A-Za-z_][\w.]*\w)(?:\(\))?`")
    named = {(path, dotted) for path in SOURCES for dotted in pattern.findall((ROOT / path).read_text())
             if not dotted.endswith((".jsonl", ".txt", ".html", ".vcl"))}  # file names, not modules
    assert len(named) > 10  # the pattern still finds what the code names
    assert sorted((path, dotted) for path, dotted in named if not resolves(dotted)) == []
