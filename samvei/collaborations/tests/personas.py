"""Personas around one collaboration between Stavanger kommune and Besøksvennene AS, shared by the apps that hang
on the collaboration record (agreements, impact): a member of each party, a member of another organisation, a
signed-in user who acts for nobody, staff who are no party, and anonymous. A conftest imports the fixtures it uses."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

__all__ = [
    "anonymous",
    "body_member",
    "enterprise",
    "outsider",
    "partner_member",
    "staff",
    "stavanger",
    "third_org_member",
]


@pytest.fixture
def stavanger(db):
    return Organisation.objects.get(municipality__number="1103")


@pytest.fixture
def enterprise(db):
    return OrganisationFactory(name="Besøksvennene AS", org_number="923456789")


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def body_member(stavanger):
    return MembershipFactory(organisation=stavanger).user


@pytest.fixture
def partner_member(enterprise):
    return MembershipFactory(organisation=enterprise).user


@pytest.fixture
def third_org_member(db):
    return MembershipFactory(organisation=OrganisationFactory(name="Konkurrenten AS")).user


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()
