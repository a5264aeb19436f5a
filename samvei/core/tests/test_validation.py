import pytest

from samvei.core.validation import MAX_DATABASE_ID, parse_id


@pytest.mark.parametrize("text", ["1", " 42 ", str(MAX_DATABASE_ID)])
def test_ascii_digits_within_range_are_an_id(text):
    assert parse_id(text) == int(text)


@pytest.mark.parametrize("text", ["", None, "0", "-1", "abc", "²", "١٢", "1.5", str(MAX_DATABASE_ID + 1), "9" * 30])
def test_anything_else_is_no_id(text):
    assert parse_id(text) is None
