"""A registration that only says it is a public body («NAV …») is offered nothing a recognised body is: no
publish link, no idea page, and it cannot send pitches as if it were an entrepreneur either."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.challenges import permissions
from samvei.challenges.services import pitch_submit
from samvei.organisations import services
from samvei.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrant(db):
    return UserFactory()


@pytest.fixture
def agency(registrant):
    return services.organisation_register(
        user=registrant, kind=Organisation.Kind.STATE_AGENCY, data={"name": "NAV Innovasjon"}
    )


def test_the_member_of_an_unconfirmed_agency_is_not_offered_to_publish(client, registrant, agency):
    client.force_login(registrant)

    page = client.get(reverse("challenges:list")).text

    assert permissions.can_publish_any_challenge(user=registrant) is False
    assert reverse("challenges:create") not in page


def test_the_member_of_a_recognised_body_is_offered_to_publish(owner_member):
    assert permissions.can_publish_any_challenge(user=owner_member) is True


def test_an_unconfirmed_agency_has_no_idea_page(client, entrepreneur, agency):
    client.force_login(entrepreneur)

    response = client.get(reverse("challenges:idea-create", kwargs={"slug": agency.slug}))

    assert response.status_code == 404


def test_an_unconfirmed_agency_cannot_pitch_as_if_it_were_an_entrepreneur(registrant, agency, challenge):
    assert permissions.can_pitch(user=registrant, sender=agency) is False
    with pytest.raises(ValidationError):
        pitch_submit(
            sender=agency, actor=registrant, data={"title": "T", "summary": "S"}, uploads=[], challenge=challenge
        )


def test_writing_a_challenge_for_an_unconfirmed_agency_is_refused(client, registrant, agency):
    client.force_login(registrant)
    url = reverse("challenges:create") + f"?organisation={agency.slug}"

    shown = client.get(url)
    sent = client.post(url, {"title": "Ensomhet", "description": "Beboere får få besøk."})

    assert (shown.status_code, sent.status_code) == (403, 403)
    assert agency.challenges.count() == 0
