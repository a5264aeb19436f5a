import pytest
from stdnum.no import orgnr

from samvei.organisations.models import Organisation
from samvei.organisations.reference_data import public_bodies_sync

pytestmark = pytest.mark.django_db


def test_every_municipality_has_an_organisation():
    municipalities = Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)

    assert municipalities.count() == 357
    assert municipalities.filter(org_number__isnull=False).count() == 356


def test_municipal_organisation_carries_its_real_org_number_and_source():
    oslo = Organisation.objects.select_related("source").get(municipality__number="0301")

    assert oslo.name == "Oslo kommune"
    assert oslo.org_number == "958935420"
    assert oslo.source is not None
    assert "SSB" in oslo.source.title


def test_county_authorities_exist_except_for_oslo_which_the_municipality_runs():
    counties = Organisation.objects.filter(kind=Organisation.Kind.COUNTY)

    assert counties.count() == 14
    assert not counties.filter(county__number="03").exists()
    assert counties.filter(name="Rogaland fylkeskommune").exists()


@pytest.mark.parametrize(
    ("org_number", "short_name"),
    [
        ("889640782", "Nav"),
        ("986128433", "Bufdir"),
        ("987879696", "IMDi"),
        ("983544622", "Hdir"),
        ("986399445", "IN"),
        ("986252932", "DFØ"),
        ("971032146", "KS"),
    ],
)
def test_state_bodies_that_fund_or_buy_are_present_with_sources(org_number, short_name):
    body = Organisation.objects.get(org_number=org_number)

    assert body.short_name == short_name
    assert body.is_public_body
    assert body.source_urls.startswith("https://")


def test_every_stored_org_number_passes_mod11():
    numbers = Organisation.objects.filter(org_number__isnull=False).values_list("org_number", flat=True)

    assert all(orgnr.is_valid(str(number)) for number in numbers)


def test_sync_is_idempotent():
    result = public_bodies_sync()

    assert (result.created, result.updated) == (0, 0)


def test_sync_keeps_a_description_that_members_wrote():
    Organisation.objects.filter(org_number="986128433").update(description="Vår egen tekst", name="Feil navn")

    public_bodies_sync()

    bufdir = Organisation.objects.get(org_number="986128433")
    assert bufdir.description == "Vår egen tekst"
    assert bufdir.name == "Barne-, ungdoms- og familiedirektoratet"
