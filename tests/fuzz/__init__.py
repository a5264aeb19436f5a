"""Fuzzing of the open API with schemathesis against the running app (issue 16 §5)."""
