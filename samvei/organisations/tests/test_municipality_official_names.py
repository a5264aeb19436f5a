import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def _page(client, number):
    """In English: the bokmål of the new texts is in var/i18n/names.po until the catalogues are merged."""
    with translation.override("en"):
        url = reverse("municipalities:detail", kwargs={"number": number})
    return client.get(url)


def test_municipality_page_shows_every_official_name_with_its_lang_attribute(client):
    response = _page(client, "5540")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Official names:" in html
    assert (
        '<span lang="no">Kåfjord</span> – <span lang="se">Gáivuotna</span> – <span lang="fkv">Kaivuono</span>' in html
    )


def test_municipality_page_marks_a_south_sami_name_as_south_sami(client):
    html = _page(client, "5001").content.decode()

    assert '<span lang="sma">Tråante</span>' in html


def test_municipality_page_names_the_source_and_says_the_language_is_not_verified(client):
    html = _page(client, "5001").content.decode()

    assert "Source of the Sámi and Kven names:" in html
    assert "(sekundærkilde)" in html
    assert "not yet verified" in html


def test_municipality_page_without_other_names_shows_no_official_names_line(client):
    html = _page(client, "4601").content.decode()

    assert "Official names:" not in html


def test_municipality_list_shows_the_sami_name_with_its_lang_attribute(client):
    response = client.get(reverse("municipalities:list"), {"q": "tråante"})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span lang="sma">Tråante</span>' in html
    assert "Trondheim" in html
