"""The JSON Schema in data/schema/, in three jobs: the registry of schema files and their
vocabularies (`registry`), validation of records with plain messages (`validation`), and the
field reference for the docs (`docs`). Callers import from here.
"""

from kb.schema.docs import Field, Section, reference
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
