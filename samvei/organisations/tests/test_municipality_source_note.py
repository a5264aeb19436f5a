"""The editorial note on the geography source («kontroller mot SSBs Klass 131 og 104») is for editors, not visitors."""

import pytest

from samvei.geography.models import Municipality

pytestmark = pytest.mark.django_db


def test_the_municipality_page_shows_the_source_but_not_its_editorial_note(client):
    municipality = Municipality.objects.select_related("source").get(number="4601")
    assert "Klass 131" in municipality.source.note

    response = client.get(municipality.get_absolute_url())

    assert response.status_code == 200
    assert municipality.source.title in response.text
    assert "Klass 131" not in response.text
    assert "kontroller mot" not in response.text
