import pytest

from samvei.geography.models import County
from samvei.organisations.demo_data import demo_data_load
from samvei.organisations.models import ContactPoint, Organisation
from samvei.taxonomy.models import WelfareArea

from .factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    return demo_data_load()


def test_at_least_thirty_fictional_enterprises_are_marked_as_examples(demo):
    examples = Organisation.objects.filter(is_example=True)

    assert examples.count() >= 30
    assert not examples.filter(org_number__isnull=False).exists()


def test_examples_cover_every_welfare_area(demo):
    covered = set(WelfareArea.objects.filter(organisation__is_example=True).values_list("code", flat=True).distinct())

    assert covered == set(WelfareArea.objects.values_list("code", flat=True))


def test_examples_cover_every_county(demo):
    examples = Organisation.objects.filter(is_example=True)
    counties = set(examples.values_list("municipalities__county__number", flat=True)) | set(
        examples.values_list("counties__number", flat=True)
    )

    assert set(County.objects.values_list("number", flat=True)) <= counties


def test_the_booklets_real_cases_are_present_with_sources_and_not_as_examples(demo):
    for name in ["Generasjon M", "Forandringsfabrikken", "Moving Mamas", "BUA", "Intempo", "Noen AS"]:
        organisation = Organisation.objects.get(name=name)
        assert organisation.is_example is False
        assert organisation.source_urls.startswith("https://")


def test_at_least_five_municipalities_have_contact_points_with_one_entry_contact_each(demo):
    with_points = Organisation.objects.filter(contact_points__isnull=False).distinct()

    assert with_points.count() >= 5
    for organisation in with_points:
        assert organisation.contact_points.filter(is_entry_contact=True).count() == 1


def test_stavanger_has_someone_for_elderly_care(demo):
    assert ContactPoint.objects.filter(
        organisation__municipality__number="1103", welfare_areas__code="elderly-care"
    ).exists()


def test_loading_twice_creates_nothing_new(demo):
    assert demo_data_load() == {"organisations": 0, "contact_points": 0}


def test_loading_again_restores_the_sourced_places_of_an_unclaimed_real_enterprise(demo):
    enterprise = Organisation.objects.get(name="Generasjon M")
    sourced = set(enterprise.municipalities.values_list("number", flat=True))
    enterprise.municipalities.clear()
    enterprise.results.all().delete()

    demo_data_load()

    assert sourced
    assert set(enterprise.municipalities.values_list("number", flat=True)) == sourced
    assert enterprise.results.exists()


def test_loading_again_leaves_a_claimed_enterprise_to_its_members(demo):
    enterprise = Organisation.objects.get(name="Forandringsfabrikken")
    MembershipFactory(organisation=enterprise)
    Organisation.objects.filter(pk=enterprise.pk).update(description="Skrevet av medlemmene.")

    demo_data_load()

    enterprise.refresh_from_db()
    assert enterprise.description == "Skrevet av medlemmene."
