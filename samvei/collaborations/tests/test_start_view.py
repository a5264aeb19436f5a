"""Starting a record from the list page, without a pitch, and the advisor's handover through GET parameters."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samvei.collaborations.models import Collaboration
from samvei.core.tests.access import outcome, signed_in_as

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "body_member", "partner_member", "other_entrepreneur", "staff"]
TODAY = timezone.localdate().isoformat()


def _start(stavanger, enterprise, **changes):
    return {"organisation": stavanger.pk, "partner": enterprise.pk, "title": "Besøksvenner", **changes}


@pytest.mark.parametrize("role", ROLES)
def test_the_start_page_opens_for_anyone_who_acts_for_an_organisation(client, request, role):
    response = signed_in_as(client, request, role).get(reverse("collaborations:new"))

    members = {"body_member", "partner_member", "other_entrepreneur"}
    assert outcome(response) == ("login" if role == "anonymous" else 200 if role in members else 403)


@pytest.mark.parametrize("role", ["body_member", "partner_member", "other_entrepreneur", "outsider", "staff"])
def test_the_list_page_offers_to_start_one_to_members_only(client, request, role):
    response = signed_in_as(client, request, role).get(reverse("collaborations:list"))

    assert (reverse("collaborations:new") in response.text) is (role != "outsider" and role != "staff")


def test_a_body_member_starts_one_and_both_parties_see_it(client, stavanger, enterprise, body_member, partner_member):
    client.force_login(body_member)

    response = client.post(reverse("collaborations:new"), _start(stavanger, enterprise))

    collaboration = Collaboration.objects.get()
    assert response["Location"] == collaboration.get_absolute_url()
    assert (collaboration.public_body, collaboration.partner) == (stavanger, enterprise)
    client.force_login(partner_member)
    assert client.get(collaboration.get_absolute_url()).status_code == 200


def test_an_enterprise_member_starts_one_naming_the_body(client, stavanger, enterprise, partner_member):
    client.force_login(partner_member)

    client.post(reverse("collaborations:new"), _start(enterprise, stavanger))

    assert Collaboration.objects.get().public_body == stavanger


@pytest.mark.parametrize("role", ["anonymous", "outsider", "staff"])
def test_nobody_without_an_organisation_starts_one(client, request, stavanger, enterprise, role):
    response = signed_in_as(client, request, role).post(reverse("collaborations:new"), _start(stavanger, enterprise))

    assert outcome(response) == ("login" if role == "anonymous" else 403)
    assert not Collaboration.objects.exists()


def test_nobody_starts_one_on_behalf_of_an_organisation_they_do_not_act_for(
    client, stavanger, enterprise, other_entrepreneur
):
    client.force_login(other_entrepreneur)

    response = client.post(reverse("collaborations:new"), _start(enterprise, stavanger))

    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Collaboration.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"partner": "self"},
        {"partner": "999999"},
        {"title": ""},
        {"form": "no-such-form"},
        {"buyer": "municipality"},  # a question is all four fields or none
        {"buyer": "municipality", "category": "works", "value": "10", "date": "2027-02-31"},
        {"buyer": "municipality", "category": "works", "value": "-10", "date": TODAY},
    ],
)
def test_bad_input_shows_the_form_again_and_starts_nothing(client, stavanger, enterprise, body_member, changes):
    if changes.get("partner") == "self":
        changes = {"partner": stavanger.pk}
    client.force_login(body_member)

    response = client.post(reverse("collaborations:new"), _start(stavanger, enterprise, **changes))

    assert response.status_code == 400
    assert response.context["form"].errors
    assert not Collaboration.objects.exists()


def test_two_enterprises_are_told_one_must_be_a_public_body(client, enterprise, partner_member, other_entrepreneur):
    client.force_login(partner_member)
    other = other_entrepreneur.memberships.get().organisation

    response = client.post(reverse("collaborations:new"), _start(enterprise, other))

    assert response.status_code == 400
    assert "partner" in response.context["form"].errors


def test_the_advisor_hands_over_its_question_as_initial_values(client, body_member):
    client.force_login(body_member)
    params = {"form": "pilot-agreement", "buyer": "county", "category": "works", "value": "900000", "date": TODAY}

    response = client.get(reverse("collaborations:new"), params)

    initial = response.context["form"].initial
    assert (initial["form"], initial["buyer"], initial["value"], initial["date"]) == (
        "pilot-agreement",
        "county",
        "900000",
        TODAY,
    )
    assert 'value="pilot-agreement" selected' in response.text


def test_an_unknown_form_from_the_advisor_is_explained(client, body_member):
    client.force_login(body_member)

    response = client.get(reverse("collaborations:new"), {"form": "no-such-form"})

    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["warning"]


def test_saving_the_handed_over_question_stores_the_advice(client, stavanger, enterprise, body_member):
    client.force_login(body_member)
    question = {
        "form": "pilot-agreement",
        "buyer": "municipality",
        "category": "works",
        "value": "900000",
        "date": TODAY,
    }

    client.post(reverse("collaborations:new"), _start(stavanger, enterprise, **question))

    collaboration = Collaboration.objects.get()
    assert collaboration.form.key == "pilot-agreement"
    assert collaboration.advice["value"] == 900000
    assert collaboration.advice_date.isoformat() == TODAY
    assert collaboration.expected_value_nok == 900000
