"""A member of a public body reaches the challenge form by links; everyone else is told how to get there."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CREATE = reverse("challenges:create")


def test_the_header_offers_publishing_to_a_member_of_a_public_body(client, owner_member):
    client.force_login(owner_member)

    assert f'href="{CREATE}"' in client.get(reverse("pages:front")).content.decode()


def test_the_header_offers_no_publishing_to_an_entrepreneur(client, entrepreneur):
    client.force_login(entrepreneur)

    assert f'href="{CREATE}"' not in client.get(reverse("pages:front")).content.decode()


def test_the_challenge_list_offers_publishing_to_a_member(client, owner_member):
    client.force_login(owner_member)

    response = client.get(reverse("challenges:list"))

    assert response.context["can_publish_challenge"]
    assert f'href="{CREATE}"' in response.content.decode()


def test_the_challenge_list_tells_others_how_to_publish(client):
    page = client.get(reverse("challenges:list")).content.decode()

    assert f'href="{CREATE}"' not in page
    assert reverse("municipalities:list") in page


def test_the_municipality_page_offers_publishing_for_it_to_its_member(client, owner_member, stavanger):
    client.force_login(owner_member)

    page = client.get(stavanger.get_absolute_url()).content.decode()

    assert f"{CREATE}?organisation={stavanger.slug}" in page


def test_the_municipality_page_tells_an_anonymous_visitor_to_sign_in_to_publish(client, stavanger):
    page = client.get(stavanger.get_absolute_url()).content.decode()

    assert f"{CREATE}?organisation=" not in page
    assert reverse("account_login") + "?next=" in page


def test_the_municipality_page_offers_an_outsider_to_ask_to_join(client, entrepreneur, stavanger):
    client.force_login(entrepreneur)

    page = client.get(stavanger.get_absolute_url()).content.decode()

    assert reverse("organisations:claim", kwargs={"slug": stavanger.slug}) in page
    assert f"{CREATE}?organisation=" not in page


def test_my_organisations_links_each_public_body_to_its_challenge_form(client, owner_member, stavanger):
    client.force_login(owner_member)

    page = client.get(reverse("organisations:mine")).content.decode()

    assert f"{CREATE}?organisation={stavanger.slug}" in page


def test_a_state_agency_page_offers_publishing_to_its_member(client):
    from samvei.organisations.models import Organisation
    from samvei.organisations.tests.factories import MembershipFactory

    agency = Organisation.objects.get(slug="bufdir")
    member = MembershipFactory(organisation=agency).user
    client.force_login(member)

    assert f"{CREATE}?organisation=bufdir" in client.get(agency.get_absolute_url()).content.decode()
