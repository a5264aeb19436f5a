"""Reading import files: hostile shapes are refused row by row and memory stays bounded."""

import gzip
import io
import tracemalloc

import pytest

from samvei.core.importing import MAX_LINE_BYTES, MAX_RECORD_DEPTH, Record, Rejection, read_records


def _read(data: bytes) -> list[Record | Rejection]:
    _format, records = read_records(stream=io.BytesIO(data))
    return list(records)


def test_array_items_of_every_shape_are_read_in_order():
    records = _read(b'[1, {"a": [1, 2, {"b": null}]}, "x", [3]]')

    assert [(record.position, record.value) for record in records] == [
        (1, 1),
        (2, {"a": [1, 2, {"b": None}]}),
        (3, "x"),
        (4, [3]),
    ]


def test_a_record_nested_too_deep_is_refused_and_the_next_record_is_read():
    deep = b"[" * (MAX_RECORD_DEPTH + 1) + b"]" * (MAX_RECORD_DEPTH + 1)

    records = _read(b'[{"a": 1}, ' + deep + b', {"b": 2}]')

    assert isinstance(records[1], Rejection)
    assert records[1].position == 2
    assert str(MAX_RECORD_DEPTH) in records[1].reason
    assert records[2] == Record(position=3, value={"b": 2})


def test_a_record_at_the_depth_limit_is_read():
    deep = b"[" * MAX_RECORD_DEPTH + b"]" * MAX_RECORD_DEPTH

    records = _read(b"[" + deep + b"]")

    assert isinstance(records[0], Record)


def test_a_file_that_is_one_deep_nest_is_one_refused_record():
    records = _read(b"[" * 200_000 + b"]" * 200_000)

    assert len(records) == 1
    assert isinstance(records[0], Rejection)


def test_a_broken_array_is_refused_at_the_record_being_read():
    records = _read(b'[1, {"a": ')

    assert records[0] == Record(position=1, value=1)
    assert isinstance(records[1], Rejection)
    assert records[1].position == 2


def test_a_line_over_the_limit_is_refused_and_the_next_line_is_read():
    data = b'{"a": 1}\n' + b'{"b": "' + b"x" * MAX_LINE_BYTES + b'"}\n{"c": 3}\n'

    records = _read(data)

    assert records[0] == Record(position=1, value={"a": 1})
    assert isinstance(records[1], Rejection)
    assert records[1].position == 2
    assert records[2] == Record(position=3, value={"c": 3})


def test_a_line_at_the_limit_is_read():
    padding = MAX_LINE_BYTES - len(b'{"b": ""}')
    line = b'{"b": "' + b"x" * padding + b'"}'
    assert len(line) == MAX_LINE_BYTES

    records = _read(line + b"\n")

    assert isinstance(records[0], Record)


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_reading_a_very_long_line_keeps_memory_far_below_its_length(compress):
    data = b'{"a": 1}\n' + b"x" * (40 * MAX_LINE_BYTES) + b"\n"
    if compress:
        data = gzip.compress(data)
    tracemalloc.start()
    try:
        records = _read(data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert isinstance(records[1], Rejection)
    assert peak < 4 * MAX_LINE_BYTES
