"""Personas around one collaboration between Stavanger kommune and Besøksvennene AS: a member of each party, a
member of another organisation, a signed-in user who acts for nobody, staff who are no party, and anonymous."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.collaborations.tests.factories import DirectCollaborationFactory
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory


@pytest.fixture
def stavanger(db):
    return Organisation.objects.get(municipality__number="1103")


@pytest.fixture
def enterprise(db):
    return OrganisationFactory(name="Besøksvennene AS", org_number="923456789")


@pytest.fixture
def collaboration(stavanger, enterprise):
    return DirectCollaborationFactory(public_body=stavanger, partner=enterprise, title="Besøksvenn på sykehjem")


@pytest.fixture
def other_collaboration(db):
    """A collaboration between two other organisations: its data must never show on `collaboration`'s pages."""
    return DirectCollaborationFactory(title="Et annet samarbeid")


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
