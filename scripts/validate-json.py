#!/usr/bin/env python3
"""Validates JSON files against one of unbake's schemas (schemas/*.schema.json).

    scripts/validate-json.py SCHEMA FILE...

Checks the schema itself first (JSON Schema draft 2020-12), then each file,
and prints every rule a file breaks as

    FILE: /path/to/value: message [rule: keyword at /path/in/schema]

(the value's path is a JSON pointer into the file; the schema's path follows
its $refs, so it names the properties and items the rule is under).

Exit status: 0 when every file is valid, 1 when any is not, 2 when the schema
is unusable, a file cannot be read, or the jsonschema module is missing.

Besides the schema's rules, a file fails when it is not JSON, repeats a key in
an object, or holds NaN or Infinity: unbake never writes them, and Python's
json module would otherwise accept them silently.
"""
import json
import sys


def reject_constant(name):
    raise ValueError(f"{name} is not JSON (unbake never writes it)")


def no_duplicate_keys(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"key '{key}' appears twice in one object")
        seen[key] = value
    return seen


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_constant=reject_constant, object_pairs_hook=no_duplicate_keys)


def pointer(parts):
    """A JSON pointer (RFC 6901) for a path of keys and indices; "/" is the root."""
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError
    except ImportError:
        print("validate-json: the Python module jsonschema is missing (Debian: python3-jsonschema)", file=sys.stderr)
        return 2

    schema_path, files = argv[1], argv[2:]
    try:
        schema = load(schema_path)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        print(f"{schema_path}: cannot use this schema: {e}", file=sys.stderr)
        return 2
    except SchemaError as e:
        print(f"{schema_path}: not a valid draft 2020-12 schema: {e.message} at {pointer(e.absolute_schema_path)}",
              file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema)

    status = 0
    for path in files:
        try:
            document = load(path)
        except OSError as e:
            print(f"{path}: cannot read: {e.strerror}", file=sys.stderr)
            return 2
        except ValueError as e:  # json.JSONDecodeError is one
            print(f"{path}: not valid JSON: {e}")
            status = 1
            continue
        # Sorted by where they are, so the report reads top to bottom and is the same every run.
        errors = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
        for e in errors:
            # A message quotes the offending value, which may be a whole matrix.
            message = e.message if len(e.message) <= 300 else e.message[:300] + "..."
            print(f"{path}: {pointer(e.absolute_path)}: {message} "
                  f"[rule: {e.validator} at {pointer(e.absolute_schema_path)}]")
        if errors:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
