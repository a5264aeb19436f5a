"""The funding pages speak Norwegian: the schemes' own texts said «Se funders nettsted», half in English."""

import pytest

from samvei.cookbook.content_data import cookbook_content_load
from samvei.cookbook.models import FundingScheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def schemes(db):
    cookbook_content_load()
    return list(FundingScheme.objects.all())


def test_no_funding_page_says_funders_nettsted(client, schemes):
    pages = {scheme.slug: client.get(scheme.get_absolute_url()) for scheme in schemes}

    assert all(page.status_code == 200 for page in pages.values())
    assert [slug for slug, page in pages.items() if "funders" in page.text] == []


def test_a_scheme_without_known_amounts_points_to_its_funders_website_by_name(client, schemes):
    scheme = FundingScheme.objects.get(funder="Innovasjon Norge")

    response = client.get(scheme.get_absolute_url())

    assert "Se nettstedet til Innovasjon Norge." in response.text
