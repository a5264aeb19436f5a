"""Personas: members of the owning municipality (Stavanger) and of another (Oslo), a pitching entrepreneur,
another entrepreneur, staff and anonymous visitors."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samvei.accounts.tests.factories import StaffFactory
from samvei.organisations.models import Membership, Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import ChallengeFactory, PitchFactory


@pytest.fixture
def stavanger(db):
    return Organisation.objects.get(municipality__number="1103")


@pytest.fixture
def oslo(db):
    return Organisation.objects.get(municipality__number="0301")


@pytest.fixture
def owner_member(stavanger):
    return MembershipFactory(organisation=stavanger, role=Membership.Role.MEMBER).user


@pytest.fixture
def other_body_member(oslo):
    return MembershipFactory(organisation=oslo).user


@pytest.fixture
def enterprise(db):
    return OrganisationFactory(name="Besøksvennene AS")


@pytest.fixture
def entrepreneur(enterprise):
    return MembershipFactory(organisation=enterprise, role=Membership.Role.ADMIN).user


@pytest.fixture
def other_entrepreneur(db):
    return MembershipFactory(organisation=OrganisationFactory(name="Konkurrenten AS")).user


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def challenge(stavanger):
    return ChallengeFactory(owner=stavanger)


@pytest.fixture
def draft(stavanger):
    return ChallengeFactory(owner=stavanger, status="draft", published_at=None)


@pytest.fixture
def pitch(challenge, enterprise):
    return PitchFactory(challenge=challenge, sender=enterprise)
