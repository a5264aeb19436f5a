import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from samvei.organisations.validators import normalise_organisation_name, validate_org_number


@pytest.mark.parametrize("number", ["974760673", "911705214", "944384448", "889640782"])
def test_real_organisation_numbers_are_accepted(number):
    validate_org_number(number)


@pytest.mark.parametrize("number", ["123456789", "97476067", "9747606730", "97476067a", "974 760 673", ""])
def test_invalid_organisation_numbers_are_refused_with_a_clear_message(number):
    with pytest.raises(ValidationError) as error:
        validate_org_number(number)

    assert error.value.code == "invalid_org_number"
    assert "nine digits" in str(error.value.messages[0]) or "ni sifre" in str(error.value.messages[0])


def mod11_check_digit(prefix: str) -> str | None:
    """The rule as Brønnøysundregistrene publishes it, written out independently of python-stdnum."""
    remainder = 11 - sum(int(d) * w for d, w in zip(prefix, [3, 2, 7, 6, 5, 4, 3, 2], strict=True)) % 11
    return {11: "0", 10: None}.get(remainder, str(remainder))


@given(st.from_regex(r"\A[0-9]{8}\Z"))
def test_exactly_the_mod11_check_digit_completes_eight_digits(prefix):
    accepted = []
    for digit in "0123456789":
        try:
            validate_org_number(prefix + digit)
            accepted.append(digit)
        except ValidationError:
            pass

    expected = mod11_check_digit(prefix)
    assert accepted == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("NAV\nInnovasjon", "NAV Innovasjon"),
        ("  Bedrift\t\tAS \r\n", "Bedrift AS"),
        ("Skjult\x00\x1b[31m navn", "Skjult[31m navn"),
        ("Null\u200bbredde\u202eomvendt", "Nullbreddeomvendt"),
        ("Linje\u2028skille", "Linje skille"),
    ],
)
def test_a_name_loses_line_breaks_and_control_characters(raw, stored):
    assert normalise_organisation_name(raw) == stored
