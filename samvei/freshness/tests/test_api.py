import datetime

import pytest
from django.utils import timezone

from samvei.cookbook.funding_models import FundingSchemeSource
from samvei.cookbook.tests.factories import FundingSchemeFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_the_funding_api_marks_a_deadline_from_a_past_year_as_possibly_outdated(client):
    scheme = FundingSchemeFactory(source_date=datetime.date(TODAY.year - 1, 1, 1), checked_on=TODAY)
    FundingSchemeSource.objects.create(
        scheme=scheme,
        supports="deadlines",
        title="Utlysning",
        url="https://example.org/utlysning",
        source_date=datetime.date(TODAY.year - 1, 3, 1),
        checked_on=TODAY,
    )
    FundingSchemeSource.objects.create(
        scheme=scheme, supports="criteria", title="Kriterier", url="https://example.org/k", checked_on=TODAY
    )

    items = {item["slug"]: item for item in client.get("/api/v1/funding", {"limit": 100}).json()["items"]}

    item = items[scheme.slug]
    assert item["possibly_outdated"] is True
    assert {fact["supports"]: fact["possibly_outdated"] for fact in item["fact_sources"]} == {
        "deadlines": True,
        "criteria": False,
    }
