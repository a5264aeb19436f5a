import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from samvei.agreements.models import validate_clauses

from .factories import AgreementTemplateFactory


@pytest.mark.parametrize(
    "clauses",
    [
        [],
        "Parter",
        [{"heading": "Parter"}],
        [{"heading": "Parter", "text": ""}],
        [{"heading": "Parter", "text": "x", "extra": "y"}],
        [{"heading": 1, "text": "x"}],
        [{"heading": "Parter", "text": "x" * 5000}],
        [{"heading": "Parter", "text": "x"}] * 41,
    ],
)
def test_malformed_clauses_are_refused(clauses):
    with pytest.raises(ValidationError):
        validate_clauses(clauses)


def test_well_formed_clauses_pass():
    validate_clauses([{"heading": "Parter", "text": "{public_body} og {partner}"}])


def test_a_key_has_each_version_once(db):
    AgreementTemplateFactory(key="pilot", version=1)

    with pytest.raises(IntegrityError):
        AgreementTemplateFactory(key="pilot", version=1)


def test_a_period_must_end_after_it_starts(db):
    with pytest.raises(IntegrityError):
        AgreementTemplateFactory(effective_from=datetime.date(2027, 1, 1), effective_to=datetime.date(2027, 1, 1))


def test_full_clean_refuses_malformed_clauses(db):
    template = AgreementTemplateFactory.build(clauses=[{"heading": "Parter"}])

    with pytest.raises(ValidationError) as error:
        template.full_clean(exclude=["source"])

    assert "clauses" in error.value.message_dict
