"""The JSON Schema in data/schema/, in three jobs: the registry of schema files and their
vocabularies (`registry`), validation of records with plain messages (`validation`), and the
field reference for the docs (`docs`). Callers import from here.
"""

from typing import TYPE_CHECKING, Any

from kb.schema.registry import (
    SCHEMA_DIR,
    SCHEMA_FILES,
    VOCABULARIES,
    claim_statuses,
    definition,
    enum_node,
    evidence_stances,
    keys_of_type,
    labels,
    schema,
    validator,
    vocabulary,
)
from kb.schema.validation import check

if TYPE_CHECKING:
    from kb.schema.docs import Field, Section, reference


def __getattr__(name: str) -> Any:
    """The field reference (`docs`, which needs the model) loads only when it is asked for:
    validating data does not need it."""
    if name in ("Field", "Section", "reference"):
        from kb.schema import docs

        return getattr(docs, name)
    raise AttributeError(f"module 'kb.schema' has no attribute '{name}'")


__all__ = [
    "SCHEMA_DIR",
    "SCHEMA_FILES",
    "VOCABULARIES",
    "Field",
    "Section",
    "check",
    "claim_statuses",
    "definition",
    "enum_node",
    "evidence_stances",
    "keys_of_type",
    "labels",
    "reference",
    "schema",
    "validator",
    "vocabulary",
]
