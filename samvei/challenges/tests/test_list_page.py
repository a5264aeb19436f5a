"""The challenge list uses the shared result list, and any `?page=` answers with a page."""

import pytest
from django.urls import reverse

from samvei.challenges.tests.factories import ChallengeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw", ["abc", "-1", "0", "99999", "9" * 40, "1.5", "²"])
def test_a_bad_page_number_is_a_page_not_an_error(client, raw):
    ChallengeFactory.create_batch(21)

    response = client.get(reverse("challenges:list"), {"page": raw})

    assert response.status_code == 200
    assert len(response.context["page"].object_list) in {1, 20}


def test_the_count_is_a_heading_and_the_cards_sit_below_it(client):
    ChallengeFactory(title="Ensomme eldre")

    page = client.get(reverse("challenges:list")).text

    assert '<h2 class="ds-heading" data-size="sm" id="results-count">' in page
    assert page.index('id="results-count"') < page.index("Ensomme eldre")
    assert '<h3 class="ds-heading" data-size="xs"><a class="ds-link"' in page
