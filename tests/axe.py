"""axe-core (from npm, see package.json) run inside a real page: what an automated accessibility check finds.

`npm ci` puts it in node_modules/. A missing axe-core fails the test with what to run: it is never a skip.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Violation:
    """One element failing one axe rule."""

    url: str
    rule: str
    impact: str
    target: str
    help: str
    html: str
    summary: str

    def __str__(self):
        return f"{self.url} [{self.impact}] {self.rule}: {self.help} at {self.target}: {self.html} ({self.summary})"


def axe_script() -> Path:
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core is not installed ({AXE_JS} is missing): run `npm ci` at the project root "
                    "(Node and npm: Debian's `nodejs` and `npm` packages).", pytrace=False)
    return AXE_JS


def violations(page, impacts=BLOCKING) -> list[Violation]:
    """Run axe on the page as it is now: every element failing a rule whose impact is one of ``impacts``.

    The page's browser context needs ``bypass_csp=True``: the site's Content-Security-Policy rightly
    refuses an injected script."""
    page.add_script_tag(path=str(axe_script()))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        Violation(url=page.url, rule=rule["id"], impact=rule["impact"], target=" ".join(map(str, node["target"])),
                  help=rule["help"], html=node["html"][:200], summary=" ".join(node.get("failureSummary", "").split()))
        for rule in results["violations"] if rule["impact"] in impacts
        for node in rule["nodes"]
    ]


def report(found: list[Violation]) -> str:
    return f"{len(found)} accessibility violation(s):\n" + "\n".join(map(str, found))
