#!/usr/bin/python3
"""Validates a JSON document against a JSON Schema (Debian's python3-jsonschema).

Usage: json-schema-check.py SCHEMA DOCUMENT   Exit status 0 when valid; 1 with every error listed.
"""
import json
import sys

import jsonschema


def main(schema_path, document_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(document_path, encoding="utf-8") as f:
        document = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        print("/".join(str(p) for p in error.path) + ": " + error.message)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
