"""Example contact points are shown as examples and never above a real one."""

import pytest

from samvei.organisations.models import Organisation
from samvei.organisations.selectors import contact_point_list
from samvei.organisations.tests.factories import ContactPointFactory
from samvei.taxonomy.models import WelfareArea

pytestmark = pytest.mark.django_db


def _organisation():
    return Organisation.objects.get(municipality__number="1103")


def test_a_real_contact_point_comes_before_an_example_entry_contact():
    example = ContactPointFactory(is_example=True, is_entry_contact=True, unit="A")
    real = ContactPointFactory(unit="Z")

    assert contact_point_list(organisation=_organisation()) == [real, example]


def test_a_real_contact_point_comes_before_an_example_for_the_asked_welfare_area():
    welfare_area = WelfareArea.objects.first()
    example = ContactPointFactory(is_example=True)
    example.welfare_areas.add(welfare_area)
    real = ContactPointFactory()

    points = contact_point_list(organisation=_organisation(), welfare_area=welfare_area.code)

    assert points == [real, example]
