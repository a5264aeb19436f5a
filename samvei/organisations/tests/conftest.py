"""Personas for the role matrix: anonymous, member and admin of organisation A, member of organisation B, staff."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.organisations.models import Membership, Organisation

from .factories import MembershipFactory, OrganisationFactory


@pytest.fixture
def org_a(db):
    return OrganisationFactory(name="Organisasjon A", website="https://www.org-a.no", verified_domain="org-a.no")


@pytest.fixture
def org_b(db):
    return OrganisationFactory(name="Organisasjon B")


@pytest.fixture
def stavanger(db):
    """A public body: Stavanger kommune, loaded as reference data."""
    return Organisation.objects.get(municipality__number="1103")


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def member_a(org_a):
    return MembershipFactory(organisation=org_a, role=Membership.Role.MEMBER).user


@pytest.fixture
def admin_a(org_a):
    return MembershipFactory(organisation=org_a, role=Membership.Role.ADMIN).user


@pytest.fixture
def member_b(org_b):
    return MembershipFactory(organisation=org_b, role=Membership.Role.MEMBER).user


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def outsider(db):
    """Signed in, but acts for no organisation."""
    return UserFactory()


@pytest.fixture
def stavanger_member(stavanger):
    return MembershipFactory(organisation=stavanger, role=Membership.Role.MEMBER).user
