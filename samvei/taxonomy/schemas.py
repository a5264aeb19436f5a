"""API shapes of the taxonomy, shared by every app whose API shows welfare areas or target groups."""

from ninja import Schema


class TermOut(Schema):
    code: str
    name: str
