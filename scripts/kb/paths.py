"""Where the project's folders are, resolved from this package's location."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
TEMPLATES = Path(__file__).resolve().parent / "templates"
