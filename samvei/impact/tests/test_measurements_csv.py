"""The CSV parser reads the files Norwegian spreadsheets write, keeps the good rows beside the bad ones, gives
each rejected row its number and reason, and refuses a whole file that is too large, too long or no CSV."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from samvei.core.importing import RowRejected
from samvei.core.limits import SHORT_TEXT
from samvei.impact.measurements_csv import MAX_BYTES, MAX_ROWS, parse_day, parse_measurements, parse_number

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def english():
    """Reasons are checked in English: their bokmål arrives with the catalogue (var/i18n/indicators.po)."""
    with translation.override("en"):
        yield


def parse(text, *, known=(), encoding="utf-8"):
    return parse_measurements(data=text.encode(encoding), today=TODAY, known=set(known))


def refusal(text_or_bytes):
    data = text_or_bytes if isinstance(text_or_bytes, bytes) else text_or_bytes.encode()
    with pytest.raises(ValidationError) as caught:
        parse_measurements(data=data, today=TODAY, known=set())
    return caught.value.error_dict["file"][0].code


def only_reason(parsed):
    assert len(parsed.rejected) == 1
    return parsed.rejected[0].reason


# Good files -----------------------------------------------------------------------------------------------


def test_a_norwegian_excel_file_is_read():
    parsed = parse("dato;verdi;merknad\n01.03.2026;3,5;Første måling\n01.04.2026;1 234,25;\n")

    assert [(row.measured_on, row.value, row.note) for row in parsed.rows] == [
        (datetime.date(2026, 3, 1), Decimal("3.5"), "Første måling"),
        (datetime.date(2026, 4, 1), Decimal("1234.25"), ""),
    ]
    assert parsed.rejected == []


def test_an_english_file_with_commas_and_iso_dates_is_read():
    parsed = parse("date,value,note\n2026-03-01,3.5,first\n")

    assert [(row.measured_on, row.value, row.note) for row in parsed.rows] == [
        (datetime.date(2026, 3, 1), Decimal("3.5"), "first")
    ]


def test_a_quoted_decimal_comma_is_read_in_a_comma_separated_file():
    parsed = parse('date,value,note\n2026-03-01,"3,5",first\n')

    assert parsed.rows[0].value == Decimal("3.5")


def test_a_byte_order_mark_is_ignored():
    parsed = parse_measurements(data=b"\xef\xbb\xbfdato;verdi\r\n01.03.2026;4\r\n", today=TODAY, known=set())

    assert [row.value for row in parsed.rows] == [Decimal(4)]


def test_the_header_may_be_capitalised_and_without_the_note_column():
    parsed = parse("Dato;Verdi\n01.03.2026;4\n")

    assert len(parsed.rows) == 1


def test_blank_lines_are_skipped_and_rows_keep_their_line_numbers():
    parsed = parse("dato;verdi\n\n01.03.2026;4\n;\n01.13.2026;5\n")

    assert [row.row for row in parsed.rows] == [3]
    assert [rejection.position for rejection in parsed.rejected] == [5]


def test_good_rows_are_kept_beside_bad_ones():
    parsed = parse("dato;verdi\n01.03.2026;4\n01.04.2026;mange\n01.05.2026;6\n")

    assert [row.value for row in parsed.rows] == [Decimal(4), Decimal(6)]
    assert [rejection.position for rejection in parsed.rejected] == [3]


def test_a_number_with_a_no_break_space_between_thousands_is_read():
    assert parse_number("12\u00a0500,5") == Decimal("12500.5")


def test_a_negative_number_with_a_minus_sign_is_read():
    assert parse_number("\u22123,5") == Decimal("-3.5")


@given(st.decimals(min_value=-(10**11), max_value=10**11, places=4, allow_nan=False, allow_infinity=False))
def test_any_value_the_database_holds_reads_back_with_comma_or_point(value):
    text = f"{value:f}"

    assert parse_number(text) == value
    assert parse_number(text.replace(".", ",")) == value


# Rejected rows --------------------------------------------------------------------------------------------


def test_a_bad_date_is_rejected_with_its_row():
    parsed = parse("dato;verdi\n31.02.2026;4\n")

    assert parsed.rejected[0].position == 2
    assert only_reason(parsed) == "«31.02.2026» is not a date (write 01.03.2026 or 2026-03-01)"


def test_an_american_date_is_rejected():
    with pytest.raises(RowRejected):
        parse_day("03/01/2026")


def test_a_bad_number_is_rejected():
    assert only_reason(parse("dato;verdi\n01.03.2026;ca. 4\n")) == "«ca. 4» is not a number"


def test_a_missing_value_is_rejected():
    assert only_reason(parse("dato;verdi\n01.03.2026;\n")) == "the value is missing"


def test_a_point_and_a_comma_together_are_rejected():
    assert "is not a number" in only_reason(parse('dato;verdi\n01.03.2026;"1.234,5"\n'))


def test_more_than_four_decimals_are_rejected_not_rounded():
    assert only_reason(parse("dato;verdi\n01.03.2026;3,14159\n")) == "the value has more than 4 decimals"


def test_a_value_too_large_for_the_database_is_rejected():
    assert only_reason(parse("dato;verdi\n01.03.2026;1000000000000\n")) == "the value is too large"


def test_a_future_date_is_rejected():
    assert only_reason(parse("dato;verdi\n04.12.2026;4\n")) == "the date is in the future"


def test_today_is_not_the_future():
    assert len(parse("dato;verdi\n03.12.2026;4\n").rows) == 1


def test_a_date_twice_in_the_file_is_rejected_the_second_time():
    parsed = parse("dato;verdi\n01.03.2026;4\n2026-03-01;5\n")

    assert [row.value for row in parsed.rows] == [Decimal(4)]
    assert only_reason(parsed) == "the date is also on row 2"


def test_a_date_already_measured_is_rejected():
    parsed = parse("dato;verdi\n01.03.2026;4\n", known={datetime.date(2026, 3, 1)})

    assert only_reason(parsed).endswith("already has a value")


def test_a_note_over_the_limit_is_rejected():
    parsed = parse(f"dato;verdi;merknad\n01.03.2026;4;{'x' * (SHORT_TEXT + 1)}\n")

    assert only_reason(parsed) == f"the note is longer than {SHORT_TEXT} characters"


def test_a_row_with_too_many_columns_is_rejected():
    assert only_reason(parse("dato;verdi;merknad\n01.03.2026;4;ok;ekstra\n")) == (
        "the row has 4 columns, but the header names 3"
    )


def test_an_unquoted_decimal_comma_in_a_comma_separated_file_is_rejected_not_split():
    parsed = parse("date,value,note\n2026-03-01,3,5\n")

    assert parsed.rows == []
    assert "looks like one number with a decimal comma" in only_reason(parsed)


# Refused files --------------------------------------------------------------------------------------------


def test_a_file_over_one_megabyte_is_refused():
    header = b"dato;verdi\n"
    data = header + b"x" * (MAX_BYTES + 1 - len(header))

    assert len(data) == MAX_BYTES + 1
    assert refusal(data) == "too_large"


def test_a_file_of_exactly_one_megabyte_is_read():
    header = b"dato;verdi\n01.03.2026;4\n"
    data = header + b"\n" * (MAX_BYTES - len(header))

    assert len(parse_measurements(data=data, today=TODAY, known=set()).rows) == 1


def test_a_file_with_more_than_5000_rows_is_refused():
    start = datetime.date(2000, 1, 1)
    rows = "".join(f"{(start + datetime.timedelta(days=n)).isoformat()};1\n" for n in range(MAX_ROWS + 1))

    assert refusal("dato;verdi\n" + rows) == "too_many_rows"


def test_a_file_with_5000_rows_is_read():
    start = datetime.date(2000, 1, 1)
    rows = "".join(f"{(start + datetime.timedelta(days=n)).isoformat()};1\n" for n in range(MAX_ROWS))

    assert len(parse("dato;verdi\n" + rows).rows) == MAX_ROWS


def test_a_binary_file_is_refused():
    assert refusal(b"%PDF-1.7\n\x00\x01\x02") == "binary"


def test_a_file_not_in_utf8_is_refused():
    assert refusal("dato;verdi;merknad\n01.03.2026;4;Tøff uke\n".encode("cp1252")) == "encoding"


def test_an_empty_file_is_refused():
    assert refusal(b"  \n\n") == "empty"


def test_a_file_without_the_header_is_refused():
    assert refusal("01.03.2026;4\n") == "header"


def test_a_file_with_only_the_header_is_refused():
    assert refusal("dato;verdi;merknad\n") == "no_rows"


def test_a_field_larger_than_csv_allows_is_refused():
    assert refusal('dato;verdi\n01.03.2026;"' + "x" * 200_000 + "\n") == "broken"
