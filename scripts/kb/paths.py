"""Where the project's folders are, resolved from this package's location."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ["KB_DATA"]).resolve() if os.environ.get("KB_DATA") else ROOT / "data"
"""The data folder; KB_DATA points the site build at another one (tests use this)."""
TEMPLATES = Path(__file__).resolve().parent / "templates"
