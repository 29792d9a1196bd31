"""Where the tests find the project and the house-style samples beside it (../shared/samples)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
