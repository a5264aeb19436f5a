"""API shapes of geography, shared by every app whose API shows a county."""

from ninja import Schema


class CountyOut(Schema):
    number: str
    name: str
