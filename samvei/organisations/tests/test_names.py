"""A line break or control character in an organisation name is never stored, whichever way the name comes in:
the register and edit forms, the services, and the import."""

import io
import json

import pytest
from django.urls import reverse

from samvei.organisations import services
from samvei.organisations.importing import organisations_import
from samvei.organisations.models import Organisation

from .register_factories import valid_org_number

pytestmark = pytest.mark.django_db

BROKEN = "Linje\nskift\x1b AS\u200b"
CLEAN = "Linje skift AS"


def test_the_register_service_stores_the_name_on_one_line(outsider):
    organisation = services.organisation_register(user=outsider, kind="social_enterprise", data={"name": BROKEN})

    assert organisation.name == CLEAN


def test_the_update_service_stores_the_name_on_one_line(org_a, admin_a):
    services.organisation_update(organisation=org_a, actor=admin_a, data={"name": BROKEN})

    org_a.refresh_from_db()
    assert org_a.name == CLEAN


def test_the_register_form_stores_the_name_on_one_line(client, outsider):
    client.force_login(outsider)

    client.post(reverse("organisations:register"), {"kind": "social_enterprise", "name": BROKEN})

    assert Organisation.objects.filter(name=CLEAN).exists()


def test_a_name_of_control_characters_only_is_refused_and_nothing_is_stored(client, outsider):
    client.force_login(outsider)

    response = client.post(reverse("organisations:register"), {"kind": "social_enterprise", "name": "\x1b\u200b"})

    assert response.status_code == 400
    assert not Organisation.objects.filter(memberships__user=outsider).exists()


def test_the_import_stores_the_name_on_one_line():
    number = valid_org_number(42)
    record = {"org_number": number, "name": BROKEN, "kind": "social_enterprise", "municipalities": []}

    organisations_import(stream=io.BytesIO(json.dumps(record).encode() + b"\n"))

    assert Organisation.objects.get(org_number=number).name == CLEAN
