"""An organisation's texts have a maximum (samvei.core.limits): at the limit accepted, one character more
refused with a translated reason, in the profile form and in imports, where the import goes on with the next
row (issue 12 §2: a 2.3 MB description kept the worker busy for 13 minutes)."""

import io
import json

import pytest
from django.core.exceptions import ValidationError

from samvei.core.limits import LONG_TEXT, SHORT_TEXT
from samvei.organisations.forms import OrganisationProfileForm
from samvei.organisations.importing import organisations_import
from samvei.organisations.models import Organisation

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ENGLISH = "Ensure this value has at most"


def _form(**texts):
    return OrganisationProfileForm({"name": "Besøksvennene AS", **texts})


@pytest.mark.parametrize("field", ["description", "mission", "services"])
def test_a_profile_text_at_the_limit_is_accepted(field):
    assert _form(**{field: "a" * LONG_TEXT}).is_valid()


@pytest.mark.parametrize("field", ["description", "mission", "services"])
def test_a_profile_text_one_character_over_the_limit_is_refused_in_bokmal(field):
    form = _form(**{field: "a" * (LONG_TEXT + 1)})

    assert not form.is_valid()
    (message,) = form.errors[field]
    assert str(LONG_TEXT) in message
    assert ENGLISH not in message


def test_the_model_refuses_what_the_form_refuses():
    organisation = OrganisationFactory.build(description="a" * (LONG_TEXT + 1), aliases="b" * (SHORT_TEXT + 1))

    with pytest.raises(ValidationError) as refused:
        organisation.full_clean(exclude=["slug"])

    assert {"description", "aliases"} <= set(refused.value.message_dict)


def test_an_imported_description_over_the_limit_is_refused_with_a_reason_and_the_import_goes_on():
    rows = [
        {"org_number": "911705214", "name": "Lang AS", "kind": "business", "description": "a" * (LONG_TEXT + 1)},
        {"org_number": "914778271", "name": "Grense AS", "kind": "business", "description": "a" * LONG_TEXT},
    ]
    stream = io.BytesIO("\n".join(json.dumps(row) for row in rows).encode())

    report = organisations_import(stream=stream)

    assert report.created == 1
    assert Organisation.objects.get(org_number="914778271").description == "a" * LONG_TEXT
    assert not Organisation.objects.filter(org_number="911705214").exists()
    (rejection,) = report.rejected
    assert rejection.position == 1
    assert "lengre enn" in rejection.reason
    assert str(LONG_TEXT) in rejection.reason
