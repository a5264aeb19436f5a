"""The public pages mark each fact that is due for a check, by the same rule as the staff's list."""

import datetime

import pytest
from django.utils import timezone

from samvei.cookbook.funding_models import FundingSchemeSource
from samvei.cookbook.models import CaseEffect
from samvei.cookbook.tests.factories import CaseFactory, FundingSchemeFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_a_case_effect_checked_long_ago_is_marked_as_possibly_outdated(client):
    case = CaseFactory()
    CaseEffect.objects.create(
        case=case,
        text_nb="Ti deltakere.",
        figure="10",
        source_url="https://example.org/",
        checked_on=datetime.date(2020, 1, 1),
    )

    assert "Kan være utdatert" in client.get(case.get_absolute_url()).content.decode()


def test_a_case_effect_checked_this_year_is_not_marked(client):
    case = CaseFactory()
    CaseEffect.objects.create(case=case, text_nb="Ti deltakere.", source_url="https://example.org/", checked_on=TODAY)

    assert "Kan være utdatert" not in client.get(case.get_absolute_url()).content.decode()


def test_a_funding_deadline_from_last_year_is_marked_beside_the_deadline(client):
    scheme = FundingSchemeFactory(deadline_rule_nb="Frist 1. mars.")
    FundingSchemeSource.objects.create(
        scheme=scheme,
        supports="deadlines",
        title="Utlysning",
        url="https://example.org/utlysning",
        source_date=datetime.date(TODAY.year - 1, 3, 1),
        checked_on=TODAY,
    )

    assert "kan være utdatert" in client.get(scheme.get_absolute_url()).content.decode()
