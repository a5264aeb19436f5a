"""Contact points: the members of a public body keep them; nobody else can add, edit or remove them."""

import pytest
from django.urls import reverse

from samvei.organisations.models import ContactPoint, Organisation

from .factories import ContactPointFactory

pytestmark = pytest.mark.django_db


def _url(name, organisation, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"slug": organisation.slug, **kwargs})


CONTACT = {
    "unit": "Helse og velferd",
    "role_title": "Kommunalsjef",
    "email": "sjef@example.org",
    "decides_on": "Kjøp av dagaktivitet.",
    "welfare_areas": ["elderly-care"],
}


def test_member_of_the_municipality_adds_a_contact_point(client, stavanger, stavanger_member):
    client.force_login(stavanger_member)

    response = client.post(reverse("organisations:contact-point-new", kwargs={"slug": stavanger.slug}), CONTACT)

    assert response.status_code == 302
    point = ContactPoint.objects.get(organisation=stavanger)
    assert [a.code for a in point.welfare_areas.all()] == ["elderly-care"]


def test_member_of_another_organisation_cannot_add_contact_points_to_stavanger(client, stavanger, member_b):
    client.force_login(member_b)

    response = client.post(reverse("organisations:contact-point-new", kwargs={"slug": stavanger.slug}), CONTACT)

    assert response.status_code == 403
    assert not ContactPoint.objects.exists()


def test_contact_point_without_email_is_refused(client, stavanger, stavanger_member):
    client.force_login(stavanger_member)

    response = client.post(
        reverse("organisations:contact-point-new", kwargs={"slug": stavanger.slug}), {**CONTACT, "email": ""}
    )

    assert response.status_code == 400
    assert not ContactPoint.objects.exists()


def test_contact_point_of_another_body_cannot_be_edited_through_this_one(client, stavanger, stavanger_member):
    oslo = Organisation.objects.get(municipality__number="0301")
    foreign = ContactPointFactory(organisation=oslo)
    client.force_login(stavanger_member)

    url = reverse("organisations:contact-point-edit", kwargs={"slug": stavanger.slug, "contact_point_id": foreign.pk})
    response = client.post(url, CONTACT)

    assert response.status_code == 404
    assert ContactPoint.objects.get(pk=foreign.pk).email != "sjef@example.org"


def test_delete_contact_point_needs_post(client, stavanger, stavanger_member):
    point = ContactPointFactory(organisation=stavanger)
    client.force_login(stavanger_member)
    url = reverse("organisations:contact-point-delete", kwargs={"slug": stavanger.slug, "contact_point_id": point.pk})

    assert client.get(url).status_code == 200
    assert ContactPoint.objects.filter(pk=point.pk).exists()
    client.post(url)
    assert not ContactPoint.objects.filter(pk=point.pk).exists()
